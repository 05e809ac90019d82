// SPDX-License-Identifier: MIT
// Internal: JSON helpers over nlohmann::ordered_json (insertion order kept, so what is
// serialised is exactly what was built; dump() output is JSON.stringify-compatible:
// compact, raw UTF-8, '/' not escaped, control characters as \uXXXX lowercase).
#pragma once

#include <paygw/money.hpp>
#include <paygw/result.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::detail::json {

using Json = nlohmann::ordered_json;

/// Compact serialisation. Invalid UTF-8 in a string is kInvalidArgument (never an exception).
Result<std::string> dump(const Json& value);
/// Serialisation for logs, errors and stored copies: invalid UTF-8 becomes U+FFFD, so it never
/// fails or throws. `indent` -1 is compact (as dump()), n >= 0 pretty-prints with n spaces.
std::string dump_lenient(const Json& value, int indent = -1);
/// Parses without exceptions. Errors: kMalformed. The result is nlohmann's for every input: most
/// texts go through parse_fast(), the rest (and every invalid one) through nlohmann's parser.
Result<Json> parse(std::string_view text);
/// The fast path of parse() (ADR 0030): the document when `text` is valid JSON of the forms it
/// reads, else nullopt (it never decides that a text is invalid). A document it returns is equal
/// to nlohmann's — types, values and member order (tests/unit/json_fast_parse_test.cpp, json_fuzz).
std::optional<Json> parse_fast(std::string_view text);

/// Member `key` of an object when it is a string, else "".
std::string string_or_empty(const Json& object, std::string_view key);
/// Member `key` when it is an integer (or a float with an integral value), else nullopt.
std::optional<std::int64_t> integer(const Json& object, std::string_view key);
/// Member `key` when present and not null, else nullptr.
const Json* member(const Json& object, std::string_view key);

// Money. The one rule for every amount paygw reads from a provider (responses, callbacks,
// webhooks, IPNs): a whole number of VND with 0 <= x <= kMaxAmountVnd. A value that breaks it is
// unreadable (nullopt) and the caller's answer is kMalformed — never "absent", never clamped.

/// true when `amount` is inside 0..kMaxAmountVnd.
constexpr bool money_in_range(std::int64_t amount) noexcept { return amount >= 0 && amount <= kMaxAmountVnd; }
/// A JSON number that is a whole amount in range: an integer, or a float with an integral value
/// (150000.0, 1.5e5). Strings, booleans, fractions, negatives and anything above kMaxAmountVnd are nullopt.
std::optional<Vnd> money(const Json& value);
/// As money(), and also a JSON string holding money_text().
std::optional<Vnd> money_or_text(const Json& value);
/// Decimal digits, optionally followed by '.' and only zeros ("150000", "050000", "150000.00"),
/// in range. No sign, spaces, exponent or hex; "" is nullopt. Never overflows on long input.
std::optional<Vnd> money_text(std::string_view text);

// Builders: add a member only when it carries a value, so optional fields stay out of the body.
inline void put_string(Json& o, const char* key, const std::string& v) {
  if (!v.empty()) o[key] = v;
}
inline void put_int(Json& o, const char* key, const std::optional<std::int64_t>& v) {
  if (v) o[key] = *v;
}
inline void put_bool(Json& o, const char* key, const std::optional<bool>& v) {
  if (v) o[key] = *v;
}
template <typename T>
void put_array(Json& o, const char* key, const std::vector<T>& v) {
  if (!v.empty()) o[key] = v;
}

}  // namespace paygw::detail::json
