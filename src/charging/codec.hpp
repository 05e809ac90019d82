// SPDX-License-Identifier: MIT
// Internal: card-charging parameters, results and fee tables (no I/O).
#pragma once

#include <paygw/charging/models.hpp>
#include <paygw/result.hpp>

#include "json/json.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::charging::detail {

/// Flat name -> text parameters (JSON numbers written as text; null members left out).
using Params = std::map<std::string, std::string>;

/// Decodes application/x-www-form-urlencoded / query text ('+' is a space) into `out`.
void parse_form(std::string_view text, Params& out);
/// Adds the members of a JSON object to `out`. Errors: kMalformed (not a JSON object).
Result<void> parse_json_object(std::string_view text, Params& out);
/// Parameters of an already-parsed JSON object.
Params params_of(const paygw::detail::json::Json& object);

/// Percent-decoding ('+' as space); invalid escapes are kept as they are.
std::string url_decode(std::string_view text);
/// "k=v&k2=v2" with both sides percent-encoded.
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

/// Money: absent, "" or "null" -> nullopt; else json::money_text (a whole VND in
/// 0..kMaxAmountVnd, optionally written "50000.0"). Errors: kMalformed for anything else.
Result<std::optional<Vnd>> money(const Params& params, const std::string& key);
/// The result in `params`. Errors: kMalformed (no integer status, or a malformed money field).
Result<ChargeResult> parse_result(const Params& params);
/// Whether the money of `result` can be true for a card declared at `declared_value` of a telco
/// whose largest card is `largest_denomination`: no money field above the largest card, and
/// `amount` (what would be credited) not above the card's worth — `declared_value` for status 1
/// (the declared value was right), else the larger of `value`/`card_value` when the result has
/// one, else `declared_value`. Errors: kMalformed (also when declared_value > largest_denomination).
/// Call it on every parsed submit/check response and callback before anything is credited.
Result<void> check_amounts(const ChargeResult& result, Vnd declared_value, Vnd largest_denomination);
/// check_amounts for a callback about a card of the canonical `telco` declared at `declared_value`,
/// the largest card taken from `denominations` (CallbackOptions::denominations): the callback's
/// signature covers no amount. Errors: kConfig (no denominations for the telco, or the declared
/// value above its largest card), kMalformed (money the card cannot have produced).
Result<void> check_callback_amounts(const ChargeResult& result, Vnd declared_value,
                                    const std::map<std::string, std::vector<Vnd>>& denominations,
                                    const std::string& telco);
/// The largest value listed for the canonical `telco`, or nullopt when it has none.
std::optional<Vnd> largest_denomination(const std::map<std::string, std::vector<Vnd>>& denominations,
                                        const std::string& telco);
Status status_of(int code, std::string_view message) noexcept;

/// Flat list `[{telco, value, fees, penalty}]` or grouped `{"VIETTEL": [...], ...}`.
Result<FeeTable> parse_fee_table(const paygw::detail::json::Json& body);
/// An exact percentage in 0..100 from a JSON number or numeric string (at most 4 decimals);
/// nullopt for anything else (so the scaling to ten-thousandths cannot overflow).
std::optional<Percent> percent_of(const paygw::detail::json::Json& value);

/// Upper-cases `telco` and maps it through `aliases`; "" when unknown.
std::string canonical_telco(std::string_view telco, const std::map<std::string, std::string>& aliases);

}  // namespace paygw::charging::detail
