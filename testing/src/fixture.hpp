// SPDX-License-Identifier: MIT
// Internal to paygw::testing: the fixture format shared by ReplayTransport (reader) and
// RecordingTransport (writer), and the few text and JSON helpers they need. The testing library
// links only paygw's public API, so it keeps its own.
#pragma once

#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace paygw::testing::detail {

/// Fixture JSON keeps members in file order, so a written body is byte-exact.
using Json = nlohmann::ordered_json;

Result<http::Method> parse_method(std::string_view name);
Result<ErrorCode> parse_error_code(std::string_view name);

/// `"body"` (exact text) or `"json"` (value written compactly) of a fixture request/response.
Json body_member(std::string_view body, const Json* redacted_json = nullptr);

/// Parses without exceptions; nullopt when `text` is not JSON.
std::optional<Json> parse_json(std::string_view text);
/// Compact text; nullopt when a string is not valid UTF-8.
std::optional<std::string> dump_strict(const Json& value);
/// Member `key` of an object when present and not null, else nullptr.
const Json* member(const Json& object, std::string_view key);
/// Member `key` when it is a string, else "".
std::string text_member(const Json& object, std::string_view key);
/// Member `key` when it is an integer, else nullopt.
std::optional<std::int64_t> integer_member(const Json& object, std::string_view key);

bool iequals(std::string_view a, std::string_view b) noexcept;
std::string lower(std::string_view s);
/// The value of a hex digit (either case), or -1.
int hex_value(char c) noexcept;
/// "https://host:port/a/b?x=1" -> "/a/b?x=1"; `with_query` false drops "?..." and "#...".
std::string url_path(std::string_view url, bool with_query = true);

}  // namespace paygw::testing::detail
