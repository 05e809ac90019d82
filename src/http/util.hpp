// SPDX-License-Identifier: MIT
// Internal: small HTTP/URL string helpers.
#pragma once

#include <string>
#include <string_view>

namespace paygw::detail {

constexpr char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool iequals(std::string_view a, std::string_view b) noexcept;
/// The value of a hex digit (either case), or -1.
constexpr int hex_digit_value(char c) noexcept {
  return (c >= '0' && c <= '9')   ? c - '0'
         : (c >= 'a' && c <= 'f') ? c - 'a' + 10
         : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                  : -1;
}
inline std::string ascii_lower_copy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}
inline std::string ascii_upper_copy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return out;
}
/// "https://host:port/a/b?x=1" -> "/a/b?x=1" ("/" when there is no path).
std::string url_path(std::string_view url);
/// As url_path, without the query string or fragment.
std::string url_path_without_query(std::string_view url);
/// Percent-encodes everything except RFC 3986 unreserved characters.
std::string url_encode(std::string_view text);
/// True when `value` has no control characters (safe as an HTTP header value).
bool header_safe(std::string_view value) noexcept;

}  // namespace paygw::detail
