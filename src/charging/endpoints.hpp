// SPDX-License-Identifier: MIT
// Internal: every card-charging endpoint — one row each: command, idempotency, field builder
// (validates and signs), result parser.
#pragma once

#include "charging/protocol.hpp"
#include "charging/request.hpp"

namespace paygw::charging::detail {

// clang-format off
inline constexpr Endpoint<CardRequest, ChargeResult> kSubmit{
    "charging", Idempotency::kWrite, detail::card_fields, nullptr};
inline constexpr Endpoint<CardRequest, ChargeResult> kCheck{
    "check", Idempotency::kIdempotent, detail::card_fields, nullptr};
inline constexpr Endpoint<detail::NoPayload, FeeTable> kGetFees{
    "", Idempotency::kIdempotent, detail::fee_fields, detail::fee_table, "/getfee"};
// clang-format on

}  // namespace paygw::charging::detail
