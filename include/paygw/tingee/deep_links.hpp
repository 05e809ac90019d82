// SPDX-License-Identifier: MIT
// paygw — Tingee deep links: request and response types of deep-link/generate and
// deep-link/generate-bidv-test (a link that opens the payer's bank app on a payment).
//
// Same conventions as paygw/tingee/models.hpp. Texts paygw sends are checked first (no control
// characters, length bounds of ADR 0048; the QR payload up to kMaxQrPayload bytes).
#pragma once

#include <paygw/money.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace paygw::tingee {

/// POST /v1/deep-link/generate — builds a bank-app deep link for a payment (OpenApiDeepLinkDto).
/// Nothing moves until the payer confirms in the bank app; paygw classifies it a write because
/// it creates a payment session. Answer: DeepLink.
struct GenerateDeepLinkRequest {
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
  std::string type;                         ///< Required (`type`; the SDK gives no value set).
  std::string qr_code;                      ///< Required (`qrCode`): the VietQR payload to pay.
  std::string redirect_url;                 ///< `redirectUrl` (up to 2048 bytes).
  std::string callback_url;                 ///< `callbackUrl` (up to 2048 bytes).
  std::string bank_bin;                     ///< Required (`bankBin`): the payer's bank, 6 digits.
  std::string destination_bank_bin;         ///< Required (`destinationBankBin`), 6 digits.
  std::string account_name;                 ///< Required (`accountName`): the payee's name.
  std::string account_number;               ///< Required (`accountNumber`): the payee's account.
  std::optional<Vnd> amount;                ///< `amount`, 1..kMaxAmountVnd when set.
  std::string content;                      ///< `content`: the transfer memo.
  std::string bill_number;                  ///< Required (`billNumber`).
};

/// POST /v1/deep-link/generate-bidv-test — the same link against BIDV's test environment
/// (OpenApiDeepLinkBIDVTESTDto: GenerateDeepLinkRequest without merchantId; merchant_id must stay
/// unset, else kInvalidArgument).
struct GenerateDeepLinkBidvTestRequest : GenerateDeepLinkRequest {};

/// Answer of both: Tingee's `data` is the link (a non-empty string, else kMalformed).
struct DeepLink {
  std::string url;      ///< `data`, verbatim.
  std::string message;  ///< The provider's message, verbatim.
};

}  // namespace paygw::tingee
