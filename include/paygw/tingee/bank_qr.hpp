// SPDX-License-Identifier: MIT
// paygw — Tingee bank group, static QR: request and response types of generate-viet-qr and
// get-account-number-info-by-qr-code.
//
// Same conventions as paygw/tingee/models.hpp. Paths are under the bank-group prefix
// (BankPathPrefix: `/v1/<op>` documented, `/v1/bank/<op>` in the official SDKs). Texts paygw
// sends are checked first (no control characters, length bounds of ADR 0048).
#pragma once

#include <paygw/money.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paygw::tingee {

/// Longest QR payload paygw sends: 512 bytes, the EMVCo merchant-presented maximum.
inline constexpr std::size_t kMaxQrPayload = 512;

/// POST {bank prefix}/generate-viet-qr — Tingee renders a static VietQR for a bank account (a
/// read: nothing is created). bank_bin or bank_name is required. Use the real account number,
/// not a VA number (a VA's QR can be refused by the payer's bank). Answer: VietQr.
struct GenerateVietQrRequest {
  std::string bank_bin;        ///< `bankBin`, 6 digits.
  std::string bank_name;       ///< `bankName` (BankNameEnum).
  std::string account_number;  ///< Required (`accountNumber`).
  std::optional<Vnd> amount;   ///< `amount`: 1..kMaxAmountVnd when set (the payer types it otherwise).
  std::string content;         ///< `content`: the transfer memo.
};

/// Answer of generate-viet-qr (GenerateVietQROuputDto). qr_code is present (else kMalformed).
struct VietQr {
  std::string qr_code;               ///< `qrCode`: the EMVCo payload.
  std::string qr_code_image;         ///< `qrCodeImage`: a `data:image/png;base64,...` URL, verbatim.
  std::string qr_account;            ///< `qrAccount`: the account the QR names.
  std::string reference_label_code;  ///< `referenceLabelCode`.
  std::string message;               ///< The provider's message, verbatim.
};

/// POST {bank prefix}/get-account-number-info-by-qr-code?qrCode=… — decodes a VietQR payload
/// into the account it names (a read; the parameter travels in the query string and the signed
/// body is `{}`). Answer: QrAccountInfoPage.
struct GetAccountNumberInfoByQrCodeRequest {
  std::string qr_code;  ///< Required, at most kMaxQrPayload bytes.
};

/// An account a QR names (OpenApiGenerateVietQROuputDto). account_number is present (else kMalformed).
struct QrAccountInfo {
  std::string bank_bin;        ///< `bankBin`.
  std::string account_number;  ///< `accountNumber`.
  std::optional<Vnd> amount;   ///< `amount` (a string on the wire); unset when absent or "".
  std::string purpose;         ///< `purpose`.
  std::string va_prefix;       ///< `vaPrefix`.
  std::string va_suffix;       ///< `vaSuffix`.
};

/// Answer of get-account-number-info-by-qr-code (a PagedResultDto, as the SDK types it).
struct QrAccountInfoPage {
  std::optional<std::int64_t> total_count;  ///< `totalCount`; unset when Tingee omits it.
  std::vector<QrAccountInfo> items;         ///< The accounts.
  std::string message;                      ///< The provider's message, verbatim.
};

}  // namespace paygw::tingee
