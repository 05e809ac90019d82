// SPDX-License-Identifier: MIT
// paygw CLI — typed requests from an operator's JSON, typed results to JSON (ADR 0052).
//
// `paygw <provider> call <row>` (row_commands.hpp) reads the operator's JSON (the wire form: the keys
// Tingee documents, e.g. `{"vaAccountNumber": "…", "amount": 150000}`; TConnect's and the card
// providers' snake_case fields) INTO the row's typed request, which the
// client then validates, signs and sends like any other call. What each type's fields are is not
// written by hand: tools/codegen reads the model headers (include/paygw/<p>/*.hpp) and writes one
// `Fields<T>` specialisation per request/result type reachable from a row (<provider>_fields.hpp):
//
//   template <class V> static void visit(V& v, T& x) { v("vaAccountNumber", "va_account_number", x.va_account_number);
//   … }
//
// (the wire key: the first backquoted name of the member's doc comment when it is a plain
// lowerCamel name, e.g. "///< `bidvConfigDto`.", else the member's name in camelCase). Where paygw's
// model reshapes Tingee's body (a print-receipt's `receipt` members sent at the top level, a shop's
// notify lists), the JSON follows the typed request: `call <row> --example` prints its keys. This
// file holds the two visitors:
//   JsonIn   strict: an unknown key, a value of the wrong JSON type, a number that is not a whole
//            number in int64 range, an enum value it does not know — each an error naming the key
//            path ("body.items[1].amount"); absent or null members keep the request's defaults.
//   JsonOut  the typed value as JSON (member names, snake_case, as the other commands print), or
//            with wire keys (what JsonIn reads back; used by `call --example` and the tests).
// Only the standard library, nlohmann::json and the public paygw headers: the unit tests include
// it to check, for every row's sample request, that build(read(build(r))) == build(r).
#pragma once

#include <paygw/secret.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace paygw::cli::rows {

using Json = nlohmann::ordered_json;

/// The fields of a model type: specialised by tools/codegen (tingee_fields.hpp).
template <class T>
struct Fields;

/// The wire names of an enum's values, in enumerator order (hand-written next to Fields).
template <class E>
struct EnumNames;

/// The fourth argument of a member a model header documents as a secret but declares as text (a
/// card's `code` and `serial`): JsonIn reads it as any member; JsonOut prints it "<redacted>"
/// (a result), and only the wire form (examples, tests) has it as it is.
struct SecretMember {};
inline constexpr SecretMember kSecret{};

/// Whether Fields<T> exists (a struct codegen described).
template <class T, class = void>
struct has_fields : std::false_type {};
template <class T>
struct has_fields<T, std::void_t<decltype(sizeof(Fields<T>))>> : std::true_type {};

/// Reads a JSON object into a typed value, strictly (see the file comment). The first error wins.
class JsonIn {
 public:
  JsonIn(const Json& object, std::string path, std::string* error)
      : object_(object), path_(std::move(path)), error_(error) {}

  template <class M>
  void operator()(const char* wire, const char* /*member*/, M& m) {
    known_.emplace_back(wire);
    if (!object_.is_object()) return;
    auto it = object_.find(wire);
    if (it == object_.end() || it->is_null()) return;
    read(*it, path_ + "." + wire, m, error_);
  }
  template <class M>
  void operator()(const char* wire, const char* member, M& m, SecretMember /*secret*/) {
    (*this)(wire, member, m);
  }

  /// After the visit: refuses a member no field named.
  void check_unknown() {
    if (!object_.is_object() || !error_->empty()) return;
    for (const auto& item : object_.items()) {
      bool found = false;
      for (const auto& k : known_) found = found || k == item.key();
      if (!found) {
        std::string names;
        for (const auto& k : known_) names += (names.empty() ? "" : ", ") + k;
        fail(error_, path_ + "." + item.key() + " is not a member of this request (known: " +
                         (names.empty() ? std::string("none") : names) + ")");
        return;
      }
    }
  }

  static void fail(std::string* error, const std::string& message) {
    if (error->empty()) *error = message;
  }

  static void read(const Json& j, const std::string& path, std::string& m, std::string* error) {
    if (!j.is_string()) return fail(error, path + " must be a JSON string");
    m = j.get<std::string>();
  }
  static void read(const Json& j, const std::string& path, Secret& m, std::string* error) {
    if (!j.is_string()) return fail(error, path + " must be a JSON string");
    m = Secret(j.get<std::string>());
  }
  static void read(const Json& j, const std::string& path, bool& m, std::string* error) {
    if (!j.is_boolean()) return fail(error, path + " must be true or false");
    m = j.get<bool>();
  }
  template <class N, std::enable_if_t<std::is_integral_v<N> && !std::is_same_v<N, bool>, int> = 0>
  static void read(const Json& j, const std::string& path, N& m, std::string* error) {
    // A whole JSON number within the member's range, or a string of ASCII digits (Tingee sends some
    // amounts as strings): never a fraction, a sign in a string or a value that does not fit (the
    // value the operator wrote is the value sent, or an error).
    if (j.is_string() && !j.get_ref<const std::string&>().empty() &&
        j.get_ref<const std::string&>().find_first_not_of("0123456789") == std::string::npos) {
      std::uint64_t n = 0;
      bool fits = true;
      for (char c : j.get_ref<const std::string&>()) {
        const auto digit = static_cast<std::uint64_t>(c - '0');
        fits = fits && n <= (static_cast<std::uint64_t>(std::numeric_limits<N>::max()) - digit) / 10;
        if (fits) n = n * 10 + digit;
      }
      if (fits) {
        m = static_cast<N>(n);
        return;
      }
    } else if (j.is_number_unsigned() &&
               j.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<N>::max())) {
      m = static_cast<N>(j.get<std::uint64_t>());
      return;
    } else if (j.is_number_integer() && !j.is_number_unsigned() && std::is_signed_v<N> &&
               j.get<std::int64_t>() >= static_cast<std::int64_t>(std::numeric_limits<N>::min())) {
      m = static_cast<N>(j.get<std::int64_t>());
      return;
    }
    fail(error, path + " must be a whole number in " + std::to_string(std::numeric_limits<N>::min()) + ".." +
                    std::to_string(std::numeric_limits<N>::max()) + " (a JSON integer or a string of digits)");
  }
  template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
  static void read(const Json& j, const std::string& path, E& m, std::string* error) {
    std::string names;
    if (j.is_string()) {
      std::size_t i = 0;
      for (const char* name : EnumNames<E>::kNames) {
        if (j.get<std::string>() == name) {
          m = static_cast<E>(i);
          return;
        }
        ++i;
      }
    }
    for (const char* name : EnumNames<E>::kNames) names += (names.empty() ? "" : ", ") + std::string(name);
    fail(error, path + " must be one of " + names);
  }
  template <class T>
  static void read(const Json& j, const std::string& path, std::optional<T>& m, std::string* error) {
    T value{};
    read(j, path, value, error);
    if (error->empty()) m = std::move(value);
  }
  template <class T>
  static void read(const Json& j, const std::string& path, std::vector<T>& m, std::string* error) {
    if (!j.is_array()) return fail(error, path + " must be a JSON list");
    m.clear();
    for (std::size_t i = 0; i < j.size() && error->empty(); ++i) {
      T value{};
      read(j[i], path + "[" + std::to_string(i) + "]", value, error);
      m.push_back(std::move(value));
    }
  }
  /// A list of (key, value) texts (e.g. direct debit's additionalData): a JSON object of strings.
  static void read(const Json& j, const std::string& path, std::vector<std::pair<std::string, std::string>>& m,
                   std::string* error) {
    if (!j.is_object()) return fail(error, path + " must be a JSON object of strings");
    m.clear();
    for (const auto& item : j.items()) {
      if (!item.value().is_string()) return fail(error, path + "." + item.key() + " must be a JSON string");
      m.emplace_back(item.key(), item.value().get<std::string>());
    }
  }
  template <class T, std::enable_if_t<has_fields<T>::value, int> = 0>
  static void read(const Json& j, const std::string& path, T& m, std::string* error) {
    if (!j.is_object()) return fail(error, path + " must be a JSON object");
    JsonIn in(j, path, error);
    Fields<T>::visit(in, m);
    in.check_unknown();
  }

 private:
  const Json& object_;
  std::string path_;
  std::string* error_;
  std::vector<std::string> known_;
};

/// Writes a typed value as JSON: member names (printing) or wire keys (what JsonIn reads).
class JsonOut {
 public:
  JsonOut(Json& object, bool wire) : object_(object), wire_(wire) {}

  template <class M>
  void operator()(const char* wire, const char* member, const M& m) {
    object_[wire_ ? wire : member] = write(m, wire_);
  }
  template <class M>
  void operator()(const char* wire, const char* member, const M& m, SecretMember /*secret*/) {
    object_[wire_ ? wire : member] = wire_ ? write(m, wire_) : Json("<redacted>");
  }

  static Json write(const std::string& m, bool /*wire*/) { return m; }
  static Json write(bool m, bool /*wire*/) { return m; }
  /// A secret is printed "<redacted>" (a result); in the wire form (examples, tests) as it is.
  static Json write(const Secret& m, bool wire) { return wire ? m.reveal() : std::string("<redacted>"); }
  template <class N, std::enable_if_t<std::is_integral_v<N> && !std::is_same_v<N, bool>, int> = 0>
  static Json write(N m, bool /*wire*/) {
    return m;
  }
  template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
  static Json write(E m, bool /*wire*/) {
    const auto i = static_cast<std::size_t>(m);
    return i < std::size(EnumNames<E>::kNames) ? Json(EnumNames<E>::kNames[i]) : Json(nullptr);
  }
  template <class T>
  static Json write(const std::optional<T>& m, bool wire) {
    return m ? write(*m, wire) : Json(nullptr);
  }
  template <class T>
  static Json write(const std::vector<T>& m, bool wire) {
    Json list = Json::array();
    for (const auto& item : m) list.push_back(write(item, wire));
    return list;
  }
  static Json write(const std::vector<std::pair<std::string, std::string>>& m, bool /*wire*/) {
    Json object = Json::object();
    for (const auto& [key, value] : m) object[key] = value;
    return object;
  }
  template <class T, std::enable_if_t<has_fields<T>::value, int> = 0>
  static Json write(const T& m, bool wire) {
    Json object = Json::object();
    JsonOut out(object, wire);
    Fields<T>::visit(out, const_cast<T&>(m));  // NOLINT(cppcoreguidelines-pro-type-const-cast): visit only reads here
    return object;
  }

 private:
  Json& object_;
  bool wire_;
};

/// `json` (an object, or null for none) read into a `T`; `error` names the first bad member.
template <class T>
T from_json(const Json& json, std::string* error) {
  T value{};
  if (json.is_null()) return value;
  JsonIn::read(json, "body", value, error);
  return value;
}

/// `value` as JSON: member names when `wire` is false, wire keys (what from_json reads) when true.
template <class T>
Json to_json(const T& value, bool wire) {
  return JsonOut::write(value, wire);
}

}  // namespace paygw::cli::rows
