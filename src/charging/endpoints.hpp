// Internal: every card-charging endpoint — one row each: command, idempotency, field builder
// (validates and signs), result parser.
#pragma once

#include "charging/protocol.hpp"
#include "charging/request.hpp"

namespace paygw::charging::detail {

// clang-format off
inline constexpr Endpoint<CardRequest, ChargeResult> kSubmit{
    "charging", Idempotency::kWrite, codec::card_fields, nullptr};
inline constexpr Endpoint<CardRequest, ChargeResult> kCheck{
    "check", Idempotency::kIdempotent, codec::card_fields, nullptr};
inline constexpr Endpoint<codec::NoPayload, FeeTable> kGetFees{
    "", Idempotency::kIdempotent, codec::fee_fields, codec::fee_table, "/getfee"};
// clang-format on

}  // namespace paygw::charging::detail
