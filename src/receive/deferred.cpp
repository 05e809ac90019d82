// SPDX-License-Identifier: MIT
// Applier::run_deferred: the handlers a process without them (e.g. `paygw reconcile`) left owed.
#include <paygw/receive/applier.hpp>

#include "receive/payload.hpp"

#include <exception>
#include <string>

namespace paygw::receive {

namespace {

bool has_handler(const Handlers& h, std::string_view kind) {
  if (kind == payload::kCardFinal) return static_cast<bool>(h.card_final);
  if (kind == payload::kTingeePayment) return static_cast<bool>(h.tingee_payment);
  if (kind == payload::kIpnConfirmed) return static_cast<bool>(h.ipn_confirmed);
  if (kind == payload::kTingeeBankLink) return static_cast<bool>(h.bank_link);
  if (kind == payload::kDirectDebitPayment) return static_cast<bool>(h.direct_debit_payment);
  if (kind == payload::kDirectDebitRefund) return static_cast<bool>(h.direct_debit_refund);
  return false;
}

std::optional<SubmissionRecord> found_or_none(Result<std::optional<SubmissionRecord>>& r) {
  return r ? std::move(*r) : std::nullopt;
}

// Runs the handler of `event` in `tx`. Errors: the payload's, the store's, the handler's.
Result<void> run_one(PaymentStore::Transaction& tx, const Handlers& h, const EventRecord& event) {
  ApplyContext context(event, tx);
  if (event.kind == payload::kCardFinal) {
    auto card = payload::decode_card(event.payload);
    if (!card) return card.error();
    auto record = tx.find_submission(Provider::kCharging, card->result.request_id);
    if (!record) return record.error();
    CardFinal value{card->result, record->value_or(SubmissionRecord{}), card->source};
    return h.card_final(value, context);
  }
  if (event.kind == payload::kTingeePayment) {
    auto t = payload::decode_tingee(event.payload);
    if (!t) return t.error();
    std::optional<SubmissionRecord> bill;
    if (!t->bill_id.empty()) {
      auto found = tx.find_submission(Provider::kTingee, t->bill_id);
      if (!found) return found.error();
      bill = found_or_none(found);
    }
    return h.tingee_payment(TingeePayment{t->payment, bill, t->bill_settled, t->source}, context);
  }
  if (event.kind == payload::kIpnConfirmed) {
    auto i = payload::decode_ipn(event.payload);
    if (!i) return i.error();
    auto found = tx.find_submission(Provider::kTconnect, i->ipn.order_id);
    if (!found) return found.error();
    return h.ipn_confirmed(IpnConfirmed{i->ipn, i->transaction, found_or_none(found), i->order_settled, i->source},
                           context);
  }
  if (event.kind == payload::kDirectDebitPayment || event.kind == payload::kDirectDebitRefund) {
    auto m = payload::decode_money_out(event.payload);
    if (!m) return m.error();
    auto found = tx.find_submission(Provider::kTingee, event.event_id);
    if (!found) return found.error();
    const MoneyOutFinal value{m->request_id,     m->succeeded, m->status,
                              m->transaction_id, m->amount,    found->value_or(SubmissionRecord{}),
                              m->source};
    return event.kind == payload::kDirectDebitPayment ? h.direct_debit_payment(value, context)
                                                      : h.direct_debit_refund(value, context);
  }
  auto link = payload::decode_bank_link(event.payload);
  if (!link) return link.error();
  return h.bank_link(BankLink{*link}, context);
}

// Runs one owed event in its own transaction. true when it ran here; false when another process
// ran it meanwhile. Errors: the store's, the payload's, the handler's (nothing committed then).
Result<bool> run_owed(PaymentStore& store, const Handlers& h, const EventRecord& event) {
  auto tx = store.begin();
  if (!tx) return tx.error();
  auto marked = (*tx)->mark_handled(event.provider, event.event_id);
  if (!marked) return marked.error();
  if (!*marked) return false;  // handled meanwhile
  EventRecord handled = event;
  handled.handled = true;
  // The merchant's handler is documented not to throw; one that does fails this event only (the
  // transaction is rolled back when `tx` goes out of scope) and never escapes run_deferred.
  Result<void> done;
  try {
    done = run_one(**tx, h, handled);
  } catch (const std::exception& e) {
    done = make_error(ErrorCode::kInternal, std::string("handler threw: ") + e.what());
  } catch (...) {
    done = make_error(ErrorCode::kInternal, "handler threw");
  }
  if (!done) return done.error();
  if (auto committed = (*tx)->commit(); !committed) return committed.error();
  return true;
}

}  // namespace

Result<std::size_t> Applier::run_deferred(std::size_t batch) const {
  EventQuery query;
  query.handled = false;
  query.limit = batch;
  for (std::string_view kind : {payload::kCardFinal, payload::kTingeePayment, payload::kIpnConfirmed,
                                payload::kTingeeBankLink, payload::kDirectDebitPayment, payload::kDirectDebitRefund}) {
    if (has_handler(options_.handlers, kind)) query.kinds.emplace_back(kind);
  }
  if (query.kinds.empty()) return std::size_t{0};  // nothing this process could run
  std::size_t ran = 0;
  for (;;) {
    auto page = store_->list_events(query);
    if (!page) return page.error();
    for (const EventRecord& event : page->events) {
      auto done = run_owed(*store_, options_.handlers, event);
      if (!done) {
        alert({event.provider, "handler_failed", event.event_id, "owed handler not run: " + describe(done.error())});
        continue;  // left owed; the others run
      }
      ran += *done ? 1 : 0;
    }
    if (page->next_cursor.empty()) return ran;
    query.cursor = page->next_cursor;
  }
}

}  // namespace paygw::receive
