// SPDX-License-Identifier: MIT
// Internal: every card-charging endpoint — one row each: command, idempotency, field builder
// (validates and signs), result parser. The rows are written from src/charging/endpoints.rows by
// tools/codegen (ADR 0042).
#pragma once

#include "charging/price.hpp"
#include "charging/protocol.hpp"
#include "charging/request.hpp"

namespace paygw::charging::detail {

using http::Method;
constexpr auto kRead = Idempotency::kIdempotent;
constexpr auto kWrite = Idempotency::kWrite;

// BEGIN generated from src/charging/endpoints.rows by tools/codegen; do not edit
// clang-format off
/// submit: command=charging. A payment write.
inline constexpr Endpoint<CardRequest, ChargeResult> kSubmit{
    Method::kPost, "", kWrite, detail::card_fields, nullptr, nullptr, {"charging", detail::Base::kApi}};
/// check: command=check: the current state of a submitted card (same fields as the submission). A read.
inline constexpr Endpoint<CardRequest, ChargeResult> kCheck{
    Method::kPost, "", kRead, detail::card_fields, nullptr, nullptr, {"check", detail::Base::kApi}};
/// get_fees: GET {path}/getfee?partner_id=…: the fee table (flat list or grouped by telco). A read.
inline constexpr Endpoint<detail::NoPayload, FeeTable> kGetFees{
    Method::kGet, "/getfee", kRead, detail::fee_fields, detail::fee_table, nullptr, {"", detail::Base::kApi}};
/// get_price_table: GET {price_path}?partner_id=…: the fee table grouped by telco (`/chargingws/price`, the
inline constexpr Endpoint<detail::NoPayload, PriceTable> kGetPriceTable{
    Method::kGet, "", kRead, detail::price_fields, detail::parse_price_table, nullptr, {"", detail::Base::kPrice}};
/// check_serial: POST {serial_check_path}?telco=&serial=&partner_id=&sign= (`/api/checkcard`, sign =
inline constexpr Endpoint<SerialCheckRequest, SerialCheck> kCheckSerial{
    Method::kPost, "", kRead, detail::serial_check_fields, detail::parse_serial_check, nullptr, {"", detail::Base::kSerialCheck}};
// clang-format on
// END generated

}  // namespace paygw::charging::detail
