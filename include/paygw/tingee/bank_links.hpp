// SPDX-License-Identifier: MIT
// paygw — the two Tingee endpoints outside the official SDKs: create-bank-link-session (Tingee's
// hosted bank-linking page) and device/read-amount (the older amount announcement).
//
// Same conventions as paygw/tingee/models.hpp. Texts paygw sends are checked first (ADR 0048).
#pragma once

#include <paygw/money.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paygw::tingee {

/// POST /v1/create-bank-link-session — opens a session on Tingee's hosted bank-linking page,
/// where the account holder links a bank account (create-va and its OTP, run by Tingee). A write.
/// Not in the official SDKs; documented by a third-party client verified against the live API.
/// Answer: BankLinkSession.
struct CreateBankLinkSessionRequest {
  std::string type{"bank-link"};            ///< Required (`type`); "bank-link" is the only known value.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
  std::string redirect_url;                 ///< `redirectUrl` (up to 2048 bytes): where the page returns.
  std::vector<std::string> allowed_banks;   ///< `allowedBanks`: BankNameEnum values the page offers.
  std::string bank_name;                    ///< `bankName`: preselect one bank.
  std::optional<std::int64_t> shop_id;      ///< `shopId`: the shop the new VA belongs to, > 0.
};

/// Answer of create-bank-link-session: `data` is the page's URL (a non-empty string, else kMalformed).
struct BankLinkSession {
  std::string url;      ///< E.g. `https://bank-link.tingee.vn?token=…&s=…`, verbatim.
  std::string message;  ///< The provider's message, verbatim.
};

/// POST /v1/device/read-amount — a device announces an amount (a write). Documented on
/// developers.tingee.vn/sdk/device and in the Java SDK 0.1.0 (BIDVOpenApiReadAmountDto); the SDKs
/// since 0.2.0 have read-amount-link-to-merchant instead (ReadAmountRequest). Answer: Ack.
struct DeviceReadAmountRequest {
  std::string uuid;                 ///< Required: the device.
  std::string transaction_id;       ///< Required (`transactionId`): the caller's reference.
  Vnd amount = 0;                   ///< Required, 1..kMaxAmountVnd.
  std::string bank_bin;             ///< Required, 6 digits.
  std::string first_display_text;   ///< `firstDisplayText`: display line 1.
  std::string second_display_text;  ///< `secondDisplayText`: display line 2.
  std::string third_display_text;   ///< `thirdDisplayText`: display line 3.
  std::optional<bool> play_sound;   ///< `playSound`: voice on or off.
};

}  // namespace paygw::tingee
