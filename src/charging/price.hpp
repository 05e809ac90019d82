// SPDX-License-Identifier: MIT
// Internal: the grouped fee table of `/chargingws/price` and the `/api/checkcard` serial pre-check
// (codecs; the rows get_price_table and check_serial of charging/endpoints.rows call them).
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

using PriceTable = charging::PriceTable;
using SerialCheck = charging::SerialCheck;

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

/// Parses `{"status": "success", "data": {...}}`. Errors: kProvider (the provider's `message`,
/// or its status) when status is not "success"; kMalformed when the body or `data` is not an object
/// or data.value is not a whole VND. Both with Delivery::kMaybeSent.
Result<SerialCheck> parse_serial_check(const paygw::detail::json::Json& body);

}  // namespace paygw::charging::detail
