// SPDX-License-Identifier: MIT
// paygw — the typed events a receiver applies, and the merchant's handlers for them.
#pragma once

#include <paygw/charging/models.hpp>
#include <paygw/export.hpp>
#include <paygw/result.hpp>
#include <paygw/store.hpp>
#include <paygw/tconnect/envelope.hpp>
#include <paygw/tconnect/models.hpp>
#include <paygw/tingee/webhook.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::receive {

/// A card reached its final result (from the callback, the submit response or a check). Runs once
/// per card.
struct CardFinal {
  charging::ChargeResult result;  ///< Credit result.amount only when result.credits().
  SubmissionRecord submission;    ///< The stored submission (state as it was before this result).
  std::string source;             ///< "callback", "submit" or "check".
};

/// Money arrived on a Tingee account (a verified webhook, or a transaction the reconciler found).
/// Runs once per transactionCode.
struct TingeePayment {
  tingee::PaymentNotification payment;  ///< Always compare payment.amount with what is owed.
  /// The bill this payment names (ApplierOptions::tingee_bill_of), when one is stored.
  std::optional<SubmissionRecord> bill;
  /// true when this payment moved `bill` to final (its amount equals the bill's). A second payment
  /// for a settled bill has bill_settled == false: credit per payment or per bill, deliberately.
  bool bill_settled = false;
  std::string source;  ///< "webhook", "reconcile" or "sweep".
};

/// A TConnect IPN whose order the transaction query confirmed (SUCCESS, same order_id and amount).
/// Runs once per confirmed transaction (see Applier::apply_ipn for the key). From a sweep
/// (source "sweep", receive::apply_swept_tconnect) the ipn is the one the listed transaction
/// implies, and a payment naming no order has an empty ipn.order_id and no order.
struct IpnConfirmed {
  tconnect::IpnNotification ipn;          ///< As decrypted; unauthenticated on its own.
  tconnect::Transaction transaction;      ///< What the query returned: the fact to act on.
  std::optional<SubmissionRecord> order;  ///< The stored order (request_id = order_id), if any.
  bool order_settled = false;             ///< true when this IPN moved `order` to final (amounts equal).
  std::string source;                     ///< "ipn", "reconcile" or "sweep".
};

/// A Tingee bank-link result (VA created or deleted). Runs once per (requestId, status).
struct BankLink {
  tingee::BankLinkEvent event;  ///< As verified.
};

/// A Tingee direct-debit payment (receive::pay_bill) or refund (receive::refund) paygw sent
/// reached its final status. Runs once per payment / refund (event key: its store key).
struct MoneyOutFinal {
  std::string request_id;       ///< The payment's requestId or the refund's id (without the store prefix).
  bool succeeded = false;       ///< true: the money moved (debited from the payer / refunded to the payer).
  std::string status;           ///< Tingee's status, verbatim ("refused <code>" for a refused refund).
  std::string transaction_id;   ///< Payment: Tingee's transactionCode; refund: the debit refunded.
  Vnd amount = 0;               ///< What was asked (the record's amount).
  SubmissionRecord submission;  ///< The stored record (state as it was before this result).
  std::string source;           ///< "answer" or "reconcile".
};

/// Something a human should look at: a conflicting duplicate, a rejected or forged delivery, a
/// payment for an unknown bill. Never contains a secret.
struct Alert {
  Provider provider = Provider::kCharging;  ///< Which endpoint or flow raised it.
  std::string kind;     ///< "conflict", "rejected", "unknown_submission", "amount_mismatch", "not_confirmed", ...
  std::string subject;  ///< The request_id / order_id / transaction code concerned, when known.
  std::string message;  ///< What happened, for a human (no secrets).
};

/// What a handler runs in: the transaction that records the event. Writing the merchant's side
/// effect through execute() commits it together with the event — exactly once — or not at all.
/// A side effect elsewhere (an e-mail, another service) cannot join the transaction: it may run
/// again after a crash before the commit, so make it idempotent by event().event_id.
class PAYGW_EXPORT ApplyContext {
 public:
  /// Built by the Applier; valid only during the handler call.
  ApplyContext(const EventRecord& event, PaymentStore::Transaction& transaction) noexcept
      : event_(event), transaction_(transaction) {}

  /// The event being applied (its provider and event_id are the idempotency key).
  const EventRecord& event() const noexcept { return event_; }
  /// Runs one SQL statement of the merchant's in the event's transaction (PaymentStore::Transaction::execute).
  Result<std::int64_t> execute(std::string_view sql, const std::vector<SqlValue>& params = {}) const {
    return transaction_.execute(sql, params);
  }
  /// The transaction itself.
  PaymentStore::Transaction& transaction() const noexcept { return transaction_; }

 private:
  const EventRecord& event_;
  PaymentStore::Transaction& transaction_;
};

/// A merchant handler. Returning an error rolls the whole event back (nothing is recorded, the
/// delivery is answered 503 so the provider retries). So does any statement of the handler's that
/// failed (ApplyContext::execute returned an error), whatever the handler returns afterwards — on
/// every store alike (ADR 0032): use "INSERT … ON CONFLICT DO NOTHING", not an INSERT whose error
/// is ignored. Handlers must not throw; one that does is taken as having returned an error (the
/// Applier and the Dispatcher catch it).
template <typename Event>
using Handler = std::function<Result<void>(const Event&, ApplyContext&)>;

/// The merchant's handlers. A missing handler leaves its events "owed" (EventRecord::handled ==
/// false) for Applier::run_deferred() in a process that has it.
///
/// Thread safety: handlers are called concurrently from every thread (and process) that applies
/// deliveries — never twice for one event. Each call holds its event's store transaction: keep it
/// short, and reach the store only through the ApplyContext (another store call from inside a
/// handler waits for the transaction the handler is in).
struct Handlers {
  Handler<CardFinal> card_final;          ///< A card reached its final result.
  Handler<TingeePayment> tingee_payment;  ///< Money arrived on a Tingee account.
  Handler<IpnConfirmed> ipn_confirmed;    ///< A TConnect payment, confirmed by the query.
  Handler<BankLink> bank_link;            ///< A Tingee VA was linked or unlinked.
  /// Optional; called outside any transaction, possibly concurrently, possibly more than once
  /// for one delivery that is retried. Must not throw; a throw is caught and the alert dropped.
  std::function<void(const Alert&)> alert;
  Handler<MoneyOutFinal> direct_debit_payment;  ///< A direct-debit payment paygw sent is final.
  Handler<MoneyOutFinal> direct_debit_refund;   ///< A refund paygw sent is final.
};

}  // namespace paygw::receive
