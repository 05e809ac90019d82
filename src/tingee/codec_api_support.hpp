// SPDX-License-Identifier: MIT
// Internal: helpers of the codecs of Tingee's account-administration groups (codec_va.cpp,
// codec_direct_debit.cpp, codec_bank_qr.cpp, ...): text checks for requests and a defensive
// reader for response objects. Same error contract as tingee/codec_support.hpp.
#pragma once

#include <paygw/money.hpp>
#include <paygw/result.hpp>

#include "json/json.hpp"
#include "tingee/codec_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paygw::tingee::detail::api {

using paygw::detail::json::Json;
using support::Validator;

/// Longest identifier paygw sends (ids, codes, account numbers, OTPs, names): Tingee documents no
/// limit, so paygw picks one far above any real value (ADR 0048).
inline constexpr std::size_t kMaxShortText = 256;
/// Longest free text or URL paygw sends (addresses, contents, links, base64 files excluded).
inline constexpr std::size_t kMaxLongText = 2048;

/// Whether `s` holds an ASCII control character (U+0000..U+001F or U+007F).
inline bool has_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
}

/// Checks one text field: required (non-empty) when `required`, at most `max` bytes, no control
/// characters. Messages name the field: "<field> is required", "<field> must be at most N bytes",
/// "<field> must not contain control characters".
inline void text(Validator& v, std::string_view field, const std::string& value, bool required,
                 std::size_t max = kMaxShortText) {
  const std::string name(field);
  v.require(!required || !value.empty(), name + " is required")
      .require(value.size() <= max, name + " must be at most " + std::to_string(max) + " bytes")
      .require(!has_control(value), name + " must not contain control characters");
}

/// Checks every element of a list of texts: none empty, each a valid text.
inline void texts(Validator& v, std::string_view field, const std::vector<std::string>& values,
                  std::size_t max = kMaxShortText) {
  for (const auto& value : values) text(v, std::string(field) + " element", value, true, max);
}

/// Paging bounds shared by every get-paging body: skip_count >= 0, max_result_count 1..1000.
inline void paging(Validator& v, std::int64_t skip_count, std::int64_t max_result_count) {
  v.require(skip_count >= 0, "skip_count must be >= 0")
      .require(max_result_count >= 1 && max_result_count <= 1000, "max_result_count must be 1..1000");
}

/// Either a 6-digit bank_bin or a bank_name (BankNameEnum, ASCII letters) must be set.
inline void bank(Validator& v, const std::string& bank_bin, const std::string& bank_name, bool required) {
  v.require(!required || !bank_bin.empty() || !bank_name.empty(), "bank_bin or bank_name is required")
      .require(support::valid_bin(bank_bin), "bank_bin must be 6 digits")
      .require(bank_name.size() <= 32 &&
                   std::all_of(bank_name.begin(), bank_name.end(),
                               [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }),
               "bank_name must be a BankNameEnum value (ASCII letters)");
}

/// A non-negative whole number <= 2^53 - 1 written as a JSON integer, an integral float or a
/// string of ASCII digits; nullopt for anything else.
inline std::optional<std::int64_t> read_whole(const Json& v) {
  constexpr std::int64_t kMaxWhole = 9'007'199'254'740'991;
  if (v.is_number_unsigned()) {
    const auto n = v.get<std::uint64_t>();
    if (n > static_cast<std::uint64_t>(kMaxWhole)) return std::nullopt;
    return static_cast<std::int64_t>(n);
  }
  if (v.is_number_integer()) {
    const auto n = v.get<std::int64_t>();
    if (n < 0 || n > kMaxWhole) return std::nullopt;
    return n;
  }
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < 0 || d > static_cast<double>(kMaxWhole) || std::trunc(d) != d) return std::nullopt;
    return static_cast<std::int64_t>(d);
  }
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    if (s.empty() || !support::is_digits(s)) return std::nullopt;
    std::int64_t n = 0;
    for (char c : s) {
      n = n * 10 + (c - '0');
      if (n > kMaxWhole) return std::nullopt;  // checked per digit: never overflows
    }
    return n;
  }
  return std::nullopt;
}

/// Reads the members of one response object (every Tingee codec: bills, transactions and the API
/// groups), remembering the first unreadable one. A member that is absent or null is "not sent";
/// one present with the wrong type is kMalformed naming it ("data.items[2].amount is not ...").
class Reader {
 public:
  Reader(const Json& object, std::string path) : object_(object), path_(std::move(path)) {}

  /// A string, or an integer written as decimal text (ids sometimes arrive as numbers).
  std::string text(const char* key) {
    const Json* m = paygw::detail::json::member(object_, key);
    if (m == nullptr) return {};
    if (m->is_string()) return m->get<std::string>();
    if (m->is_number_integer()) return m->dump();
    fail(key, "is not a string");
    return {};
  }
  std::string required_text(const char* key) {
    std::string s = text(key);
    if (s.empty()) fail(key, "is missing");
    return s;
  }
  std::optional<std::int64_t> whole(const char* key) {
    const Json* m = paygw::detail::json::member(object_, key);
    if (m == nullptr) return std::nullopt;
    auto n = read_whole(*m);
    if (!n) fail(key, "is not a whole number >= 0");
    return n;
  }
  std::optional<bool> boolean(const char* key) {
    const Json* m = paygw::detail::json::member(object_, key);
    if (m == nullptr) return std::nullopt;
    if (!m->is_boolean()) {
      fail(key, "is not a boolean");
      return std::nullopt;
    }
    return m->get<bool>();
  }
  std::optional<Vnd> amount(const char* key) {
    const Json* m = paygw::detail::json::member(object_, key);
    if (m == nullptr) return std::nullopt;
    auto n = paygw::detail::json::money_or_text(*m);  // the one inbound money rule (json.hpp)
    if (!n) fail(key, ("is not an amount in VND (an integer 0.." + std::to_string(kMaxAmountVnd) + ")").c_str());
    return n;
  }
  Vnd required_amount(const char* key) {
    if (paygw::detail::json::member(object_, key) == nullptr) {
      fail(key, "is missing");
      return 0;
    }
    return amount(key).value_or(0);
  }
  /// Records `what` about member `key` (the first failure wins).
  void fail(const char* key, const char* what) {
    if (!error_) error_ = support::malformed(path_ + "." + key + " " + what);
  }

  bool failed() const { return error_.has_value(); }
  Error error() const { return *error_; }

 private:
  const Json& object_;
  std::string path_;
  std::optional<Error> error_;
};

/// The envelope's message, verbatim ("" when absent).
inline std::string message_of(const Json& envelope) {
  return paygw::detail::json::string_or_empty(envelope, "message");
}

/// A paged `data` ({totalCount?, items: [...]}): calls `item(object, path)` for each element.
/// Errors: data not an object, items missing or not a list, an item not an object, what `item`
/// returns, totalCount not a whole number.
template <typename T, typename F>
Result<std::pair<std::optional<std::int64_t>, std::vector<T>>> page_of(const Json& envelope, const char* what,
                                                                       F&& item) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return support::malformed(std::string("data is not a page of ") + what);
  const Json* items = paygw::detail::json::member(data, "items");
  if (items == nullptr) return support::malformed("data.items is missing");
  if (!items->is_array()) return support::malformed("data.items is not a list");
  std::vector<T> out;
  out.reserve(items->size());
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string path = "data.items[" + std::to_string(i) + "]";
    if (!(*items)[i].is_object()) return support::malformed(path + " is not an object");
    Result<T> one = item((*items)[i], path);
    if (!one) return one.error();
    out.push_back(std::move(*one));
  }
  Reader rd(data, "data");
  auto total = rd.whole("totalCount");
  if (rd.failed()) return rd.error();
  return std::make_pair(total, std::move(out));
}

}  // namespace paygw::tingee::detail::api
