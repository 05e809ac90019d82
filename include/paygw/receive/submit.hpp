// SPDX-License-Identifier: MIT
// paygw — submitting a card through the payment store: write-ahead, submit, record the outcome.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/charging/client.hpp>
#include <paygw/charging/models.hpp>
#include <paygw/export.hpp>
#include <paygw/receive/applier.hpp>
#include <paygw/result.hpp>
#include <paygw/secret.hpp>
#include <paygw/store.hpp>

#include <map>
#include <string>

namespace paygw::receive {

/// The keys a card submission is recorded with.
struct CardKeys {
  Secret partner_key;  ///< The charging partner key (the expected callback signature is derived from it).
  Secret store_key;    ///< At least 32 bytes; protects what the store keeps (charging::protect_card).
  /// Telco spellings -> canonical names: the same map as the charging client's Config::telco_aliases.
  std::map<std::string, std::string> telco_aliases = charging::default_telco_aliases();
};

/// Step 1, before sending: protects the card and records it in write_ahead state.
/// Errors: those of charging::protect_card; kInvalidArgument "request_id already recorded" when
/// the store has it (never submit a request_id twice); the store's.
PAYGW_EXPORT Result<void> write_ahead_card(PaymentStore& store, const CardKeys& keys, const charging::CardRequest& card,
                                           const std::string& reference = {});

/// Step 3, after submit() returned: records what the provider said.
/// - a final result: applied through `applier` (source "submit"; the card_final handler runs once);
/// - pending (or an unknown status): write_ahead -> pending, the callback or the reconciler settles it;
/// - an error with Delivery::kNotSent: write_ahead -> not_sent (certainly never sent);
/// - any other error: left in write_ahead (maybe sent) for the reconciler — never resubmitted.
/// Returns the Applied outcome for a final result, kIgnored otherwise. Errors: the store's.
PAYGW_EXPORT Result<Applied> record_card_outcome(const Applier& applier, const charging::CardRequest& card,
                                                 const Result<charging::ChargeResult>& submitted);

/// write_ahead_card, client.submit, record_card_outcome. Returns submit()'s result (or the
/// write-ahead's error: then nothing was sent). A store failure after submit() is logged nowhere
/// and does not change the returned result: the write-ahead record makes the reconciler settle it.
PAYGW_EXPORT Result<charging::ChargeResult> submit_card(const charging::Client& client, const Applier& applier,
                                                        const CardKeys& keys, const charging::CardRequest& card,
                                                        const CallOptions& options = {},
                                                        const std::string& reference = {});

}  // namespace paygw::receive
