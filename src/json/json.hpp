// Internal: JSON helpers over nlohmann::ordered_json (insertion order kept, so what is
// serialised is exactly what was built; dump() output is JSON.stringify-compatible:
// compact, raw UTF-8, '/' not escaped, control characters as \uXXXX lowercase).
#pragma once

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
/// Parses without exceptions. Errors: kMalformed.
Result<Json> parse(std::string_view text);

/// Member `key` of an object when it is a string, else "".
std::string string_or_empty(const Json& object, std::string_view key);
/// Member `key` when it is an integer (or a float with an integral value), else nullopt.
std::optional<std::int64_t> integer(const Json& object, std::string_view key);
/// Member `key` when present and not null, else nullptr.
const Json* member(const Json& object, std::string_view key);

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
