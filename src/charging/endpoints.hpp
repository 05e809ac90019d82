// SPDX-License-Identifier: MIT
// Internal: every card-charging endpoint — one row each: command, idempotency, field builder
// (validates and signs), result parser. The rows are written from src/charging/endpoints.rows by
// tools/codegen (ADR 0042).
#pragma once

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
    Method::kPost, "", kWrite, detail::card_fields, nullptr, nullptr, {"charging"}};
/// check: command=check: the current state of a submitted card (same fields as the submission). A read.
inline constexpr Endpoint<CardRequest, ChargeResult> kCheck{
    Method::kPost, "", kRead, detail::card_fields, nullptr, nullptr, {"check"}};
/// get_fees: GET {path}/getfee?partner_id=…: the fee table (flat list or grouped by telco). A read.
inline constexpr Endpoint<detail::NoPayload, FeeTable> kGetFees{
    Method::kGet, "/getfee", kRead, detail::fee_fields, detail::fee_table, nullptr, {""}};
// clang-format on
// END generated

}  // namespace paygw::charging::detail
