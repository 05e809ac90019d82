// SPDX-License-Identifier: MIT
// Internal: the one rule for what a check() answer does to a stored card — used by the charging
// verifier (charging_inbound.cpp, confirming a callback) and by the reconciler alike (ADR 0033).
#pragma once

#include <paygw/charging/models.hpp>

#include <string>

namespace paygw::receive::detail {

/// What a check() answer does to the card it is about.
enum class CheckRuling {
  kSettle,       ///< A card verdict (1, 2 or 3, a crediting one with its amount): apply it.
  kNeverSent,    ///< 101 for a card the provider never acknowledged: final, no credit.
  kKeepPending,  ///< Anything else: the card stays pending; the provider calls back again.
};

/// The ruling, and for kKeepPending why (for the alert and the log; empty when it is the
/// ordinary "still pending").
struct CheckVerdict {
  CheckRuling ruling = CheckRuling::kKeepPending;
  std::string why;
};

/// Only a card verdict settles a card: status 1 or 2 with an amount, or status 3. A 101
/// (CARD_NOT_EXISTED) settles only a card the provider has never acknowledged —
/// `provider_acknowledged` is false for a write-ahead card the reconciler finds (the process
/// died before the submit's answer) and true once the provider answered it or called back. 4
/// (maintenance), 100, 102 (INVALID_SIGNATURE, REQUEST_ID_EXISTED …), 101 for an acknowledged
/// card, 99 and unknown codes keep the card pending. Pure function.
inline CheckVerdict rule_on_check(const charging::ChargeResult& checked, bool provider_acknowledged) {
  using charging::Status;
  const std::string code = std::to_string(checked.status_code);
  switch (checked.status) {
    case Status::kSuccess:
    case Status::kWrongValue:
      if (!checked.amount) return {CheckRuling::kKeepPending, "check says " + code + " without an amount"};
      return {CheckRuling::kSettle, {}};
    case Status::kCardError: return {CheckRuling::kSettle, {}};
    case Status::kNotFound:
      if (!provider_acknowledged) return {CheckRuling::kNeverSent, {}};
      return {CheckRuling::kKeepPending, "check says not found (101) for a card the provider acknowledged"};
    case Status::kPending: return {CheckRuling::kKeepPending, {}};
    case Status::kMaintenance:
    case Status::kSubmitFailed:
    case Status::kDuplicateRequest:
    case Status::kUnknown: break;
  }
  return {CheckRuling::kKeepPending,
          "check answers " + code + " (" + checked.message.substr(0, 64) + "), which is no verdict on the card"};
}

}  // namespace paygw::receive::detail
