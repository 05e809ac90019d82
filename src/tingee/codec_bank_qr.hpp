// SPDX-License-Identifier: MIT
// Internal: Tingee static QR (generate-viet-qr, get-account-number-info-by-qr-code) — request
// building/validation and response parsing (pure functions, no I/O). Same contract as tingee/codec.hpp.
#pragma once

#include <paygw/result.hpp>
#include <paygw/tingee/bank_qr.hpp>

#include "json/json.hpp"

#include <string>

namespace paygw::tingee::detail {

using paygw::detail::json::Json;

Result<Json> build(const GenerateVietQrRequest& r);
/// Query string (with leading '?') of POST {bank prefix}/get-account-number-info-by-qr-code; its
/// signed body is `{}`.
Result<std::string> build_query(const GetAccountNumberInfoByQrCodeRequest& r);

Result<VietQr> parse_viet_qr(const Json& envelope);
Result<QrAccountInfoPage> parse_qr_account_info_page(const Json& envelope);

}  // namespace paygw::tingee::detail
