// SPDX-License-Identifier: MIT
// paygw — money conventions shared by every provider.
#pragma once

#include <cstdint>

namespace paygw {

/// Amounts are whole Vietnamese đồng in std::int64_t: VND has no minor unit, and paygw never
/// uses floating point for money.
using Vnd = std::int64_t;

/// Largest amount paygw sends: 2^53 - 1, the largest integer a JavaScript/JSON double holds
/// exactly (several gateways are JavaScript services).
inline constexpr Vnd kMaxAmountVnd = 9'007'199'254'740'991;

}  // namespace paygw
