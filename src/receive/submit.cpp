// SPDX-License-Identifier: MIT
// Write-ahead, submit, record the outcome.
#include <paygw/charging/stored_card.hpp>
#include <paygw/receive/submit.hpp>

namespace paygw::receive {

Result<void> write_ahead_card(PaymentStore& store, const CardKeys& keys, const charging::CardRequest& card,
                              const std::string& reference) {
  auto protected_card = charging::protect_card(card, keys.partner_key, keys.store_key, keys.telco_aliases);
  if (!protected_card) return protected_card.error();
  SubmissionRecord record;
  record.provider = Provider::kCharging;
  record.request_id = card.request_id;
  record.state = SubmissionState::kWriteAhead;
  record.amount = card.declared_value;
  record.telco = protected_card->telco;
  record.reference = reference;
  record.verifier = protected_card->encode_verifier();
  auto inserted = store.record_submission(record);
  if (!inserted) return inserted.error();
  if (!*inserted) {
    return make_error(ErrorCode::kInvalidArgument,
                      "request_id already recorded: never submit it again (check() it instead)");
  }
  return {};
}

Result<Applied> record_card_outcome(const Applier& applier, const charging::CardRequest& card,
                                    const Result<charging::ChargeResult>& submitted) {
  PaymentStore& store = *applier.store();
  if (!submitted) {
    if (submitted.error().delivery == Delivery::kNotSent) {
      auto marked =
          store.mark(Provider::kCharging, card.request_id, SubmissionState::kWriteAhead, SubmissionState::kNotSent);
      if (!marked) return marked.error();
      return Applied{Outcome::kIgnored, card.request_id, false, "certainly not sent: marked not_sent"};
    }
    return Applied{Outcome::kIgnored, card.request_id, false, "maybe sent: left for the reconciler"};
  }
  if (submitted->is_final()) {
    charging::ChargeResult result = *submitted;
    if (result.request_id.empty()) result.request_id = card.request_id;
    if (result.request_id != card.request_id) {
      applier.alert({Provider::kCharging, "rejected", card.request_id, "submit answered for another request_id"});
      return Applied{Outcome::kRejected, card.request_id, false, "answer names another request_id"};
    }
    return applier.apply_card(result, "submit");
  }
  auto marked =
      store.mark(Provider::kCharging, card.request_id, SubmissionState::kWriteAhead, SubmissionState::kPending);
  if (!marked) return marked.error();
  return Applied{Outcome::kIgnored, card.request_id, false, "pending"};
}

Result<charging::ChargeResult> submit_card(const charging::Client& client, const Applier& applier, const CardKeys& keys,
                                           const charging::CardRequest& card, const CallOptions& options,
                                           const std::string& reference) {
  if (auto recorded = write_ahead_card(*applier.store(), keys, card, reference); !recorded) return recorded.error();
  auto submitted = client.submit(card, options);
  // A store failure here changes nothing for the caller: the write-ahead record is durable and the
  // reconciler settles it with check().
  (void)record_card_outcome(applier, card, submitted);
  return submitted;
}

}  // namespace paygw::receive
