// Internal: card-charging parameters, results and fee tables (no I/O).
#pragma once

#include <paygw/charging/models.hpp>
#include <paygw/result.hpp>

#include "json/json.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace paygw::charging::codec {

/// Flat name -> text parameters (JSON numbers written as text; null members left out).
using Params = std::map<std::string, std::string>;

/// Decodes application/x-www-form-urlencoded / query text ('+' is a space) into `out`.
void parse_form(std::string_view text, Params& out);
/// Adds the members of a JSON object to `out`. Errors: kMalformed (not a JSON object).
Result<void> parse_json_object(std::string_view text, Params& out);
/// Parameters of an already-parsed JSON object.
Params params_of(const detail::json::Json& object);

/// Percent-decoding ('+' as space); invalid escapes are kept as they are.
std::string url_decode(std::string_view text);
/// "k=v&k2=v2" with both sides percent-encoded.
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

/// Money: absent, "" or "null" -> nullopt; an integer (optionally written "50000.0") -> value.
/// Errors: kMalformed for anything else.
Result<std::optional<Vnd>> money(const Params& params, const std::string& key);
/// The result in `params`. Errors: kMalformed (no integer status, or a malformed money field).
Result<ChargeResult> parse_result(const Params& params);
Status status_of(int code, std::string_view message) noexcept;

/// Flat list `[{telco, value, fees, penalty}]` or grouped `{"VIETTEL": [...], ...}`.
Result<FeeTable> parse_fee_table(const detail::json::Json& body);
/// An exact percentage from a JSON number or numeric string (at most 4 decimals).
std::optional<Percent> percent_of(const detail::json::Json& value);

/// Upper-cases `telco` and maps it through `aliases`; "" when unknown.
std::string canonical_telco(std::string_view telco, const std::map<std::string, std::string>& aliases);

}  // namespace paygw::charging::codec
