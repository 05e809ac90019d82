// SPDX-License-Identifier: MIT
// Write-ahead, send, record the outcome: cards, TConnect orders, Tingee bills.
#include <paygw/charging/stored_card.hpp>
#include <paygw/receive/submit.hpp>

#include "vietqr/payment_qr.hpp"

namespace paygw::receive {

namespace {

Error refused(std::string message) { return make_error(ErrorCode::kInvalidArgument, std::move(message)); }

// record_submission, or why the payment cannot be sent: it is already recorded.
Result<void> write_ahead(PaymentStore& store, const SubmissionRecord& record, const std::string& what) {
  auto inserted = store.record_submission(record);
  if (!inserted) return inserted.error();
  if (*inserted) return {};
  auto found = store.find_submission(record.provider, record.request_id);
  if (!found) return found.error();
  const SubmissionState state = *found ? (*found)->state : SubmissionState::kWriteAhead;
  switch (state) {
    case SubmissionState::kFinal: return refused(what + " already settled: never send it again");
    case SubmissionState::kNotSent: return refused(what + " already recorded as not sent: send it under a new id");
    case SubmissionState::kWriteAhead:
    case SubmissionState::kPending: break;
  }
  return refused(what + " already in flight (" + std::string(to_string(state)) +
                 "): its notification or the reconciler settles it; never send it again");
}

// After the send: success -> pending; certainly not sent -> not_sent; otherwise left in
// write_ahead (maybe sent) for the reconciler. A store failure is ignored: the write-ahead
// record is durable and the reconciler settles it.
void record_sent(PaymentStore& store, Provider provider, const std::string& id, const Error* error) {
  if (error == nullptr) {
    (void)store.mark(provider, id, SubmissionState::kWriteAhead, SubmissionState::kPending);
  } else if (error->delivery == Delivery::kNotSent) {
    (void)store.mark(provider, id, SubmissionState::kWriteAhead, SubmissionState::kNotSent);
  }
}

template <typename T>
Result<T> recorded(PaymentStore& store, Provider provider, const std::string& id, Result<T> sent) {
  record_sent(store, provider, id, sent ? nullptr : &sent.error());
  return sent;
}

}  // namespace

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

Result<void> write_ahead_order(PaymentStore& store, const TconnectOrder& order, Vnd amount) {
  if (order.order_id.empty()) return refused("order_id is required");
  if (amount <= 0 || amount > kMaxAmountVnd) return refused("amount must be 1.." + std::to_string(kMaxAmountVnd));
  SubmissionRecord record;
  record.provider = Provider::kTconnect;
  record.request_id = order.order_id;
  record.state = SubmissionState::kWriteAhead;
  record.amount = amount;
  record.reference = order.reference;
  record.verifier = order.acc_no;
  return write_ahead(store, record, "order " + order.order_id);
}

Result<tconnect::PushResult> push_order(const tconnect::Client& client, const Applier& applier,
                                        const tconnect::PosPush& push, const CallOptions& options,
                                        const std::string& reference) {
  if (push.serial_no.empty()) return refused("serial_no is required");
  auto ahead = write_ahead_order(*applier.store(), TconnectOrder{push.order_id, {}, reference}, push.amount);
  if (!ahead) return ahead.error();
  return recorded(*applier.store(), Provider::kTconnect, push.order_id, client.push_payment(push, options));
}

Result<tconnect::PushResult> push_order(const tconnect::Client& client, const Applier& applier,
                                        const TconnectOrder& order, const tconnect::SoundboxPush& push,
                                        const CallOptions& options) {
  if (push.serial_no.empty()) return refused("serial_no is required");
  if (auto qr = paygw::detail::check_payment_qr("qr_string", push.qr_string, push.amount); !qr) return qr.error();
  auto ahead = write_ahead_order(*applier.store(), order, push.amount);
  if (!ahead) return ahead.error();
  return recorded(*applier.store(), Provider::kTconnect, order.order_id, client.push_payment(push, options));
}

Result<tingee::Ack> show_bill(const tingee::Client& client, const Applier& applier, const tingee::DynamicQrBill& bill,
                              tingee::ShowQrRequest show, BillScreen screen, const CallOptions& options,
                              const std::string& reference) {
  if (bill.bill_id.empty()) return refused("bill_id is required (from generate_dynamic_qr)");
  if (show.qr_code.empty()) show.qr_code = bill.qr_code;
  if (show.qr_code != bill.qr_code) return refused("qr_code is not the bill's QR");
  if (show.uuid.empty()) return refused("uuid is required");
  if (show.amount <= 0 || show.amount > kMaxAmountVnd)
    return refused("amount must be 1.." + std::to_string(kMaxAmountVnd));
  if (auto qr = paygw::detail::check_payment_qr("qr_code", show.qr_code, show.amount); !qr) return qr.error();
  SubmissionRecord record;
  record.provider = Provider::kTingee;
  record.request_id = bill.bill_id;
  record.state = SubmissionState::kWriteAhead;
  record.amount = show.amount;
  record.reference = reference;
  auto ahead = write_ahead(*applier.store(), record, "bill " + bill.bill_id);
  if (!ahead) return ahead.error();
  auto shown = screen == BillScreen::kShowQrCode ? client.show_qr_code(show, options)
                                                 : client.show_dynamic_qr_code(show, options);
  return recorded(*applier.store(), Provider::kTingee, bill.bill_id, std::move(shown));
}

}  // namespace paygw::receive
