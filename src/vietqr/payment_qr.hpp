// SPDX-License-Identifier: MIT
// Internal: the check a QR passes before paygw shows it on a device for a payment.
#pragma once

#include <paygw/money.hpp>
#include <paygw/result.hpp>

#include <string_view>

namespace paygw::detail {

/// `qr` must be a valid VietQR (vietqr::parse: structure and CRC) and, when it carries an amount
/// (tag 54), that amount must be `amount`: a device must never show one amount and charge another.
/// Errors: kInvalidArgument naming `field`; nothing is sent.
Result<void> check_payment_qr(std::string_view field, std::string_view qr, Vnd amount);

}  // namespace paygw::detail
