// SPDX-License-Identifier: MIT
// Internal: card-charging requests (validation and the signed field list) and card results
// checked against the request they answer (no I/O).
#pragma once

#include <paygw/charging/client.hpp>

#include "charging/codec.hpp"
#include "json/json.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paygw::charging::detail {

/// Request fields in wire order.
using Fields = std::vector<std::pair<std::string, std::string>>;

/// A nameless request (getfee).
struct NoPayload {};

/// Every character is visible ASCII (0x21..0x7e); true for "".
bool visible_ascii(std::string_view s);
/// A request_id paygw accepts: 1..64 visible ASCII characters.
bool valid_request_id(std::string_view id);
/// A card's code and serial: each 1..32 letters or digits. Errors: kInvalidArgument naming the
/// field, never echoing its value.
Result<void> check_code_and_serial(const CardRequest& card);

/// Validates `card` under `config` (telco, code, serial, denomination, request_id) and returns the
/// fields of `command` ("charging" or "check") with their sign. Errors: kInvalidArgument naming
/// the field — never echoing the code or serial.
Result<Fields> card_fields(const Config& config, const CardRequest& card, std::string_view command);
/// getfee's fields: partner_id.
Result<Fields> fee_fields(const Config& config, const NoPayload&, std::string_view command);
/// The grouped fee table's fields: partner_id. Errors: kInvalidArgument when Config::price_path is "".
Result<Fields> price_fields(const Config& config, const NoPayload&, std::string_view command);
/// The serial pre-check's fields: telco (as sent), serial, partner_id, sign = md5(partner_key +
/// serial). Errors: kInvalidArgument when Config::serial_check_path is "", the telco is unknown or
/// the serial is not 1..32 letters or digits (never echoing it); kInternal (OpenSSL).
Result<Fields> serial_check_fields(const Config& config, const SerialCheckRequest& request, std::string_view command);

/// What a card's answer is checked against.
struct CardExpectation {
  std::string request_id;
  Vnd declared_value = 0;
  Vnd largest_denomination = 0;  ///< Of the card's telco under the client's denominations.
};
/// What the answer about `card` is checked against (`card` passed card_fields, so its telco is known).
CardExpectation expectation(const Config& config, const CardRequest& card);
/// The result in a submit/check answer, which must be a JSON object naming no other request_id
/// than `expected.request_id`, with money the card can have produced (check_amounts).
/// Errors: kMalformed.
Result<ChargeResult> card_result(const paygw::detail::json::Json& body, const CardExpectation& expected);
/// The fee table of a getfee answer. Errors: kMalformed.
Result<FeeTable> fee_table(const paygw::detail::json::Json& body);

}  // namespace paygw::charging::detail
