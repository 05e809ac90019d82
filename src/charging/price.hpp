// SPDX-License-Identifier: MIT
// Internal: the grouped fee table of `/chargingws/price` and the `/api/checkcard` serial pre-check
// (codecs only, no I/O: the endpoint rows that call them are not wired yet; ADR 0047).
#pragma once

#include <paygw/charging/models.hpp>
#include <paygw/result.hpp>
#include <paygw/secret.hpp>

#include "json/json.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::charging::detail {

/// A grouped fee table: the rows, and every telco the provider listed, in its order, including
/// those with no row (`"VINAPHONE": []`: the telco exists but no card is accepted now).
struct PriceTable {
  FeeTable table;                   ///< The rows; a row without `telco` takes its group's name.
  std::vector<std::string> telcos;  ///< The group names, in the provider's order.
};

/// Parses the `/chargingws/price` answer `{"VIETTEL": [{telco, value, fees, penalty}, ...], ...}`.
/// Rows that are not objects or lack a readable value/percentage are counted in
/// FeeTable::skipped_rows, as parse_fee_table does. Errors: kMalformed (Delivery::kMaybeSent) when
/// the body is not an object or a group is not a list.
Result<PriceTable> parse_price_table(const paygw::detail::json::Json& body);

/// The serial pre-check's signature: lower-case hex md5(partner_key + serial). Errors: kInternal.
Result<std::string> serial_check_sign(const Secret& partner_key, std::string_view serial);
/// The query of `POST {serial_check_path}?telco=&serial=&partner_id=&sign=` (percent-encoded).
std::string serial_check_query(std::string_view telco, std::string_view serial, std::string_view partner_id,
                               std::string_view sign);

/// The answer of the serial pre-check.
struct SerialCheck {
  std::string check_status;  ///< data.status, e.g. "checked".
  std::string serial;        ///< data.serial.
  std::string card_status;   ///< data.card_status, e.g. "unavailable" (already used).
  std::optional<Vnd> value;  ///< data.value: the card's face value, when given.
  std::string date_used;     ///< data.date_used, as written ("20/11/2022").
  std::string acc_charged;   ///< data.acc_charged: the account it was charged to, as written.
};

/// Parses `{"status": "success", "data": {...}}`. Errors: kProvider (the provider's `message`,
/// or its status) when status is not "success"; kMalformed when the body or `data` is not an object
/// or data.value is not a whole VND. Both with Delivery::kMaybeSent.
Result<SerialCheck> parse_serial_check(const paygw::detail::json::Json& body);

}  // namespace paygw::charging::detail
