// SPDX-License-Identifier: MIT
// Applier: every delivery becomes state here, in one store transaction.
#include <paygw/charging/callback.hpp>
#include <paygw/money.hpp>
#include <paygw/receive/applier.hpp>
#include <paygw/receive/money_out.hpp>

#include "call/observer.hpp"
#include "http/util.hpp"
#include "receive/inbound.hpp"
#include "receive/payload.hpp"
#include "store/validate.hpp"

#include <exception>
#include <vector>

namespace paygw::receive {

std::string_view to_string(Outcome outcome) noexcept {
  switch (outcome) {
    case Outcome::kApplied: return "applied";
    case Outcome::kDuplicate: return "duplicate";
    case Outcome::kConflict: return "conflict";
    case Outcome::kIgnored: return "ignored";
    case Outcome::kUnknownSubmission: return "unknown_submission";
    case Outcome::kRejected: return "rejected";
  }
  return "unknown";
}

namespace {

using Tx = PaymentStore::Transaction;

bool open_state(SubmissionState s) { return s == SubmissionState::kWriteAhead || s == SubmissionState::kPending; }

Applied outcome(Outcome o, std::string event_id, std::string detail, bool handled = false) {
  return Applied{o, std::move(event_id), handled, std::move(detail)};
}

std::string default_bill_of(const tingee::PaymentNotification& payment) {
  for (const auto& [name, value] : payment.additional_data) {
    if (paygw::detail::iequals(name, "billId")) return value;
  }
  return {};
}

bool money_ok(const std::optional<Vnd>& v) { return !v || (*v >= 0 && *v <= kMaxAmountVnd); }

// A key every store accepts as an event_id (1..256 bytes, no control character). A signed
// delivery whose key is not one cannot become storable by retrying: it is rejected, not failed.
bool storable_key(std::string_view key) {
  return static_cast<bool>(paygw::detail::store::check_key("event_id", key, paygw::detail::store::kMaxEventId));
}

// Calls a merchant function documented not to throw; a throw becomes an error (nothing applied).
template <typename F>
auto call_merchant(const char* what, const F& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    return make_error(ErrorCode::kInternal, std::string(what) + " threw: " + e.what());
  } catch (...) {
    return make_error(ErrorCode::kInternal, std::string(what) + " threw");
  }
}

// Runs `handler` (when set) inside `tx`, then commits. Nothing is committed when it fails.
template <typename Event>
Result<void> run_and_commit(Tx& tx, const Handler<Event>& handler, const Event& event, const EventRecord& record) {
  if (handler) {
    ApplyContext context(record, tx);
    auto handled = call_merchant("handler", [&]() -> Result<void> { return handler(event, context); });
    if (!handled) return handled.error();
  }
  return tx.commit();
}

// Two values of one field contradict each other only when both are stated (a payment the
// reconciler found lacks fields its webhook carries; that is not a contradiction).
bool contradicts(const std::string& a, const std::string& b) { return !a.empty() && !b.empty() && a != b; }

// The fields of a Tingee payment that make it "the same payment" (see Applier::apply_tingee_payment).
std::string tingee_difference(const tingee::PaymentNotification& stored, const std::string& stored_bill,
                              const tingee::PaymentNotification& p, const std::string& bill) {
  if (stored.amount != p.amount) return "amount " + std::to_string(stored.amount) + " vs " + std::to_string(p.amount);
  if (contradicts(stored.account_number, p.account_number)) return "accountNumber";
  if (contradicts(stored.va_account_number, p.va_account_number)) return "vaAccountNumber";
  if (contradicts(stored.content, p.content)) return "content";
  if (contradicts(stored_bill, bill)) return "bill " + stored_bill + " vs " + bill;
  return {};
}

// The same for a confirmed TConnect transaction (see Applier::apply_ipn).
std::string ipn_difference(const payload::Ipn& stored, const tconnect::IpnNotification& ipn,
                           const tconnect::Transaction& t) {
  if (stored.ipn.amount != ipn.amount || stored.transaction.amount != t.amount) return "amount";
  if (stored.ipn.order_id != ipn.order_id || stored.transaction.order_id != t.order_id) return "order_id";
  if (contradicts(stored.ipn.acc_no, ipn.acc_no)) return "acc_no";
  if (contradicts(stored.ipn.narrative, ipn.narrative) || contradicts(stored.transaction.narrative, t.narrative)) {
    return "narrative";
  }
  if (contradicts(stored.transaction.status, t.status)) return "status";
  return {};
}

}  // namespace

Applier::Applier(std::shared_ptr<PaymentStore> store, ApplierOptions options)
    : store_(std::move(store)), options_(std::move(options)) {
  if (!options_.tingee_bill_of) options_.tingee_bill_of = default_bill_of;
}

void Applier::alert(const Alert& a) const {
  // Kept for PaymentStore::list_alerts, on its own (ADR 0032); a store failure loses only the row.
  (void)store_->record_alert(AlertRecord{a.provider, a.kind, a.subject, a.message, {}});
  if (options_.observer) paygw::detail::notify_alert(*options_.observer, AlertEvent{to_string(a.provider), a.kind});
  if (!options_.handlers.alert) return;
  // Documented not to throw; if it does, the alert is lost, never the delivery's reply.
  try {
    options_.handlers.alert(a);
  } catch (...) {
    // Nothing else can be done with a failing alert handler: the alert is lost, not the reply.
  }
}

namespace {

// The checks of a card result that need no store: an answer when it cannot be applied.
std::optional<Applied> refuse_card(const Applier& applier, const charging::ChargeResult& result) {
  const std::string& id = result.request_id;
  if (id.empty()) return outcome(Outcome::kUnknownSubmission, "", "result without request_id");
  if (!storable_key(id)) {
    applier.alert({Provider::kCharging, "rejected", "", "a result whose request_id no store accepts"});
    return outcome(Outcome::kRejected, "", "request_id not storable");
  }
  if (result.credits() && !result.amount) {
    // A crediting result says what it credits: card_final never sees credits() without an amount.
    applier.alert(
        {Provider::kCharging, "rejected", id, "status " + std::to_string(result.status_code) + " without an amount"});
    return outcome(Outcome::kRejected, id, "crediting result without an amount");
  }
  if (!money_ok(result.amount) || !money_ok(result.value) || !money_ok(result.card_value) ||
      !money_ok(result.declared_value)) {
    applier.alert({Provider::kCharging, "rejected", id, "money field outside 0.." + std::to_string(kMaxAmountVnd)});
    return outcome(Outcome::kRejected, id, "money field out of bounds");
  }
  return std::nullopt;
}

// What a card result does to the card's row (`found`, nullopt when the store lacks it): the one
// charging::decide() of a delivery.
struct CardJudgement {
  bool apply = false;  // the row is open and the result final: finalize it
  Applied applied;     // otherwise, the answer
  std::optional<Alert> later;
  bool mark_pending = false;  // a pending result for a write-ahead card: write_ahead -> pending
};

Result<CardJudgement> judge_card(const std::optional<SubmissionRecord>& found, const charging::ChargeResult& result) {
  const std::string& id = result.request_id;
  CardJudgement j;
  if (!found) {
    j.later = Alert{Provider::kCharging, "unknown_submission", id, "a verified result for a card the store lacks"};
    j.applied = outcome(Outcome::kUnknownSubmission, id, "no such submission");
    return j;
  }
  if (found->state == SubmissionState::kNotSent) {
    j.later = Alert{Provider::kCharging, "rejected", id, "a result for a card recorded as never sent"};
    j.applied = outcome(Outcome::kRejected, id, "submission recorded as not sent");
    return j;
  }
  charging::ChargeResult stored;
  stored.status_code = 99;
  stored.status = charging::Status::kPending;
  if (found->state == SubmissionState::kFinal) {
    auto decoded = payload::decode_card(found->result);
    if (!decoded) return decoded.error();
    stored = decoded->result;
  }
  const auto decision = charging::decide(stored, result);
  if (decision.action == charging::Action::kIgnore) {
    j.mark_pending = found->state == SubmissionState::kWriteAhead;
    j.applied = outcome(Outcome::kIgnored, id, "status " + std::to_string(result.status_code) + " is not final");
  } else if (decision.action == charging::Action::kDuplicate) {
    if (decision.conflicts) {
      j.later = Alert{Provider::kCharging, "conflict", id,
                      "stored status " + std::to_string(stored.status_code) + ", delivered " +
                          std::to_string(result.status_code) + " (or other amounts)"};
      j.applied = outcome(Outcome::kConflict, id, "duplicate with a different result");
    } else {
      j.applied = outcome(Outcome::kDuplicate, id, "already final");
    }
  } else {
    j.apply = true;
  }
  return j;
}

// In `tx`: the card moves to final with `result` (finalize()'s compare-and-set on the open
// states), its event is recorded and the handler runs; then commits. nullopt when finalize()
// found the card no longer open (nothing written).
Result<std::optional<Applied>> finalize_card(Tx& tx, const Applier& applier, const SubmissionRecord& record,
                                             const charging::ChargeResult& result, std::string_view source) {
  const std::string& id = result.request_id;
  const std::string text = payload::encode(payload::Card{result, std::string(source)});
  auto finalized = tx.finalize(Provider::kCharging, id, text);
  if (!finalized) return finalized.error();
  if (!*finalized) return std::optional<Applied>();
  const Handler<CardFinal>& handler = applier.options().handlers.card_final;
  EventRecord event{Provider::kCharging, id, std::string(payload::kCardFinal), text, static_cast<bool>(handler), {}};
  auto inserted = tx.record_event(event);
  if (!inserted) return inserted.error();
  if (!*inserted) return std::optional<Applied>(outcome(Outcome::kDuplicate, id, "already final"));
  const CardFinal card{result, record, std::string(source)};
  if (auto done = run_and_commit(tx, handler, card, event); !done) return done.error();
  return std::optional<Applied>(
      outcome(Outcome::kApplied, id, "final " + std::string(charging::to_string(result.status)), event.handled));
}

// After the transaction: write_ahead -> pending when judged so, then the alert.
Result<Applied> settle_card(const Applier& applier, const std::string& id, CardJudgement j) {
  if (j.mark_pending) {
    auto marked =
        applier.store()->mark(Provider::kCharging, id, SubmissionState::kWriteAhead, SubmissionState::kPending);
    if (!marked) return marked.error();
  }
  if (j.later) applier.alert(*j.later);
  return std::move(j.applied);
}

}  // namespace

Result<Applied> Applier::apply_card(const charging::ChargeResult& result, std::string_view source) const {
  if (auto refused = refuse_card(*this, result)) return std::move(*refused);
  const std::string& id = result.request_id;
  CardJudgement judged;
  {
    auto tx = store_->begin();
    if (!tx) return tx.error();
    auto found = (*tx)->find_submission(Provider::kCharging, id);
    if (!found) return found.error();
    auto judgement = judge_card(*found, result);
    if (!judgement) return judgement.error();
    judged = std::move(*judgement);
    if (judged.apply) {
      // The row is locked: finalize() cannot find it closed; if it does, it is a duplicate.
      auto applied = finalize_card(**tx, *this, **found, result, source);
      if (!applied) return applied.error();
      judged.applied = *applied ? std::move(**applied) : outcome(Outcome::kDuplicate, id, "already final");
    }
  }  // the transaction ends here (rolled back unless committed)
  return settle_card(*this, id, std::move(judged));
}

namespace detail {

Result<Applied> apply_card_as_read(const Applier& applier, const charging::ChargeResult& result,
                                   std::string_view source, const SubmissionRecord& read) {
  if (auto refused = refuse_card(applier, result)) return std::move(*refused);
  const std::string& id = result.request_id;
  if (read.provider != Provider::kCharging || read.request_id != id) {
    return make_error(ErrorCode::kInternal, "apply_card_as_read: the row read is another card's");
  }
  // Decided on the row as read (ADR 0044): a row read final or not_sent cannot change any more,
  // and a result that changes nothing (pending) needs no transaction.
  auto judged = judge_card(read, result);
  if (!judged) return judged.error();
  if (judged->apply) {
    auto tx = applier.store()->begin();
    if (!tx) return tx.error();
    auto applied = finalize_card(**tx, applier, read, result, source);
    if (!applied) return applied.error();
    if (*applied) {
      judged->applied = std::move(**applied);
    } else {
      // finalize() found the row no longer open: another delivery (or the sweep) changed it
      // since it was read. Read it again, locked, and answer from what it is now.
      auto found = (*tx)->find_submission(Provider::kCharging, id);
      if (!found) return found.error();
      auto again = judge_card(*found, result);
      if (!again) return again.error();
      if (again->apply) return make_error(ErrorCode::kInternal, "store: finalize() refused an open submission");
      judged = std::move(again);
    }
  }
  return settle_card(applier, id, std::move(*judged));
}

}  // namespace detail

Result<Applied> Applier::apply_tingee_payment(const tingee::PaymentNotification& payment,
                                              std::string_view source) const {
  const std::string& id = payment.transaction_code;
  if (id.empty()) return outcome(Outcome::kRejected, "", "payment without transactionCode");
  if (!payment.type.empty() && !paygw::detail::iequals(payment.type, "CREDIT")) {
    // Money out of the account (a debit) is not a payment to the merchant: acknowledged, never
    // credited, nothing recorded (the reconciler alerts debits the list shows the same way).
    alert({Provider::kTingee, "debit", id.substr(0, 64), "not a credit (type " + payment.type.substr(0, 16) + ")"});
    return outcome(Outcome::kIgnored, "", "not a credit (type " + payment.type.substr(0, 16) + "): not credited");
  }
  if (payment.amount <= 0 || payment.amount > kMaxAmountVnd) {
    alert({Provider::kTingee, "rejected", id, "amount outside 1.." + std::to_string(kMaxAmountVnd)});
    return outcome(Outcome::kRejected, id, "amount out of bounds");
  }
  if (!storable_key(id)) {
    alert({Provider::kTingee, "rejected", id.substr(0, 64), "transactionCode is not a storable event key"});
    return outcome(Outcome::kRejected, "", "transactionCode not storable (1..256 bytes, no control character)");
  }
  auto named =
      call_merchant("tingee_bill_of", [&]() -> Result<std::string> { return options_.tingee_bill_of(payment); });
  if (!named) return named.error();
  const std::string bill_id = std::move(*named);
  std::optional<Alert> later;
  Applied applied;
  {
    auto tx = store_->begin();
    if (!tx) return tx.error();
    std::optional<SubmissionRecord> bill;
    // A payment or refund paygw sent (ADR 0053) is never a bill a credit could settle.
    if (!bill_id.empty() && !is_money_out_key(bill_id)) {
      auto found = (*tx)->find_submission(Provider::kTingee, bill_id);
      if (!found) return found.error();
      bill = std::move(*found);
    }
    payload::Tingee body{payment, bill ? bill_id : std::string(), false, std::string(source)};
    EventRecord event{Provider::kTingee,
                      id,
                      std::string(payload::kTingeePayment),
                      "",
                      static_cast<bool>(options_.handlers.tingee_payment),
                      {}};
    if (bill && open_state(bill->state) && payment.amount == bill->amount) {
      body.bill_settled = true;  // the bill's result is this payment
      auto settled = (*tx)->finalize(Provider::kTingee, bill_id, payload::encode(body));
      if (!settled) return settled.error();
      body.bill_settled = *settled;
    }
    event.payload = payload::encode(body);
    auto inserted = (*tx)->record_event(event);
    if (!inserted) return inserted.error();
    if (!*inserted) {
      applied = outcome(Outcome::kDuplicate, id, "payment already applied");  // compared below
    } else {
      if (bill && !body.bill_settled) {
        later = Alert{Provider::kTingee, "amount_mismatch", id,
                      "payment of " + std::to_string(payment.amount) + " for bill " + bill_id +
                          (open_state(bill->state) ? " owing " + std::to_string(bill->amount) : " already settled")};
      } else if (!bill_id.empty() && !bill) {
        later = Alert{Provider::kTingee, "unknown_submission", id, "payment names bill " + bill_id + ", not stored"};
      }
      const TingeePayment event_value{payment, bill, body.bill_settled, std::string(source)};
      if (auto done = run_and_commit(**tx, options_.handlers.tingee_payment, event_value, event); !done) {
        return done.error();
      }
      applied = outcome(Outcome::kApplied, id, body.bill_settled ? "payment applied, bill settled" : "payment applied",
                        event.handled);
    }
  }
  if (applied.outcome == Outcome::kDuplicate) {
    // Same key, different content: a conflict (alerted, never applied), not a duplicate.
    auto stored = store_->find_event(Provider::kTingee, id);
    if (!stored) return stored.error();
    auto body = *stored ? payload::decode_tingee((*stored)->payload) : Result<payload::Tingee>(payload::Tingee{});
    if (!body) return body.error();
    auto stored_bill = call_merchant("tingee_bill_of",
                                     [&]() -> Result<std::string> { return options_.tingee_bill_of(body->payment); });
    if (!stored_bill) return stored_bill.error();
    const std::string difference = tingee_difference(body->payment, *stored_bill, payment, bill_id);
    if (*stored && !difference.empty()) {
      later = Alert{Provider::kTingee, "conflict", id, "payment already applied with another " + difference};
      applied = outcome(Outcome::kConflict, id, "duplicate with different content: " + difference);
    }
  }
  if (later) alert(*later);
  return applied;
}

Result<Applied> Applier::apply_ipn(const tconnect::IpnNotification& ipn, const tconnect::Transaction& confirmed,
                                   std::string_view source) const {
  if (ipn.order_id.empty()) return outcome(Outcome::kRejected, "", "IPN without order_id");
  // Only what TConnect's answer says counts (an IPN can be edited): the confirmed transaction must
  // name the IPN's order and amount, and the event is the transaction itself — one payment is one
  // event whatever an edited or replayed IPN claims about it.
  const std::string& ref = !confirmed.request_id.empty() ? confirmed.request_id : confirmed.trn_ref_no;
  if (ipn.amount <= 0 || ipn.amount > kMaxAmountVnd || !confirmed.amount || *confirmed.amount != ipn.amount ||
      confirmed.order_id != ipn.order_id || ref.empty()) {
    alert({Provider::kTconnect, "rejected", ipn.order_id,
           "IPN amount or order does not match the confirmed transaction (or it has no reference)"});
    return outcome(Outcome::kRejected, ipn.order_id, "does not match the confirmed transaction");
  }
  const std::string id = "txn/" + ref;
  if (!storable_key(id)) {
    alert(
        {Provider::kTconnect, "rejected", ipn.order_id, "the confirmed transaction's reference is not a storable key"});
    return outcome(Outcome::kRejected, ipn.order_id, "transaction reference not storable");
  }
  std::optional<Alert> later;
  Applied applied;
  {
    auto tx = store_->begin();
    if (!tx) return tx.error();
    auto found = (*tx)->find_submission(Provider::kTconnect, ipn.order_id);
    if (!found) return found.error();
    const std::optional<SubmissionRecord>& order = *found;
    payload::Ipn body{ipn, confirmed, false, std::string(source)};
    if (order && open_state(order->state) && ipn.amount == order->amount) {
      body.order_settled = true;  // the order's result is this IPN
      auto settled = (*tx)->finalize(Provider::kTconnect, ipn.order_id, payload::encode(body));
      if (!settled) return settled.error();
      body.order_settled = *settled;
    }
    EventRecord event{Provider::kTconnect,
                      id,
                      std::string(payload::kIpnConfirmed),
                      payload::encode(body),
                      static_cast<bool>(options_.handlers.ipn_confirmed),
                      {}};
    auto inserted = (*tx)->record_event(event);
    if (!inserted) return inserted.error();
    if (!*inserted) {
      applied = outcome(Outcome::kDuplicate, id, "IPN already applied");
    } else {
      if (order && !body.order_settled) {
        later = Alert{Provider::kTconnect, "amount_mismatch", id,
                      "IPN of " + std::to_string(ipn.amount) +
                          (open_state(order->state) ? " for an order of " + std::to_string(order->amount)
                                                    : " for an order already settled")};
      }
      const IpnConfirmed event_value{ipn, confirmed, order, body.order_settled, std::string(source)};
      if (auto done = run_and_commit(**tx, options_.handlers.ipn_confirmed, event_value, event); !done) {
        return done.error();
      }
      applied = outcome(Outcome::kApplied, id, body.order_settled ? "IPN applied, order settled" : "IPN applied",
                        event.handled);
    }
  }
  if (applied.outcome == Outcome::kDuplicate) {
    // Same transaction, different content: a conflict (alerted, never applied), not a duplicate.
    auto stored = store_->find_event(Provider::kTconnect, id);
    if (!stored) return stored.error();
    if (*stored) {
      auto body = payload::decode_ipn((*stored)->payload);
      if (!body) return body.error();
      const std::string difference = ipn_difference(*body, ipn, confirmed);
      if (!difference.empty()) {
        later = Alert{Provider::kTconnect, "conflict", id, "transaction already applied with another " + difference};
        applied = outcome(Outcome::kConflict, id, "duplicate with different content: " + difference);
      }
    }
  }
  if (later) alert(*later);
  return applied;
}

Result<Applied> Applier::apply_bank_link(const tingee::BankLinkEvent& link) const {
  if (link.request_id.empty()) return outcome(Outcome::kRejected, "", "bank-link event without requestId");
  const std::string id = "bank-link/" + link.request_id + "/" + link.status_raw;
  if (!storable_key(id)) {
    alert({Provider::kTingee, "rejected", link.request_id.substr(0, 64), "bank-link event key is not storable"});
    return outcome(Outcome::kRejected, "", "bank-link requestId/status not storable");
  }
  auto tx = store_->begin();
  if (!tx) return tx.error();
  EventRecord event{Provider::kTingee,
                    id,
                    std::string(payload::kTingeeBankLink),
                    payload::encode(link),
                    static_cast<bool>(options_.handlers.bank_link),
                    {}};
  auto inserted = (*tx)->record_event(event);
  if (!inserted) return inserted.error();
  if (!*inserted) return outcome(Outcome::kDuplicate, id, "bank-link event already applied");
  if (auto done = run_and_commit(**tx, options_.handlers.bank_link, BankLink{link}, event); !done) return done.error();
  return outcome(Outcome::kApplied, id, "bank-link event applied", event.handled);
}

}  // namespace paygw::receive
