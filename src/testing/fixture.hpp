// Internal: the fixture format shared by ReplayTransport (reader) and RecordingTransport (writer).
#pragma once

#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>

#include "json/json.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace paygw::testing::fixture {

using detail::json::Json;

Result<http::Method> parse_method(std::string_view name);
Result<ErrorCode> parse_error_code(std::string_view name);

/// `"body"` (exact text) or `"json"` (value written compactly) of a fixture request/response.
Json body_member(std::string_view body, const Json* redacted_json = nullptr);

}  // namespace paygw::testing::fixture
