// SPDX-License-Identifier: MIT
// paygw — Applier: applies verified results and events through the store, exactly once.
#pragma once

#include <paygw/charging/models.hpp>
#include <paygw/clock.hpp>
#include <paygw/export.hpp>
#include <paygw/observer.hpp>
#include <paygw/receive/events.hpp>
#include <paygw/result.hpp>
#include <paygw/store.hpp>
#include <paygw/tconnect/envelope.hpp>
#include <paygw/tconnect/models.hpp>
#include <paygw/tingee/webhook.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace paygw::receive {

/// What applying one delivery did.
enum class Outcome {
  kApplied,    ///< First delivery: recorded, and the handler ran (or is owed, see Applied::handled).
  kDuplicate,  ///< Already applied: nothing changed, the handler did not run.
  /// Already applied with a different content (same event key): nothing changed, nothing
  /// credited; alerted ("conflict") and answered as a duplicate. The fields compared per provider
  /// are listed on apply_card, apply_tingee_payment and apply_ipn.
  kConflict,
  kIgnored,            ///< Not final (a pending charging status): nothing to apply yet.
  kUnknownSubmission,  ///< A card result for a request_id the store does not have: nothing applied; alerted.
  /// Not acceptable, and retrying cannot change it (amount out of bounds, a crediting card result
  /// without an amount, an event key no store accepts, a card the store says was never sent): alerted.
  kRejected,
};

/// "applied", "duplicate", "conflict", "ignored", "unknown_submission", "rejected".
PAYGW_EXPORT std::string_view to_string(Outcome outcome) noexcept;

/// The result of one apply_* call.
struct Applied {
  Outcome outcome = Outcome::kIgnored;  ///< What happened.
  std::string event_id;                 ///< The event's key (empty when no event was involved).
  bool handled = false;                 ///< kApplied: true when the handler ran in the recording transaction.
  std::string detail;                   ///< A short reason for logs (no secrets).
};

/// How an Applier applies.
struct ApplierOptions {
  Handlers handlers;  ///< The merchant's handlers (each optional).
  /// The bill id a Tingee payment names, looked up as a Provider::kTingee submission; "" = none.
  /// Default: the value of an additionalData item named "billId" (any case).
  std::function<std::string(const tingee::PaymentNotification&)> tingee_bill_of;
  /// Sees every alert (Observer::on_alert) and, in a Dispatcher, every delivery
  /// (Observer::on_delivery); null (the default): no events. See paygw/observer.hpp.
  std::shared_ptr<Observer> observer{};
};

/// The one place where deliveries become state. Every apply_* runs one store transaction: look the
/// submission up (locked), decide, record the event (the insert that makes exactly one delivery
/// first), move the submission to final when it settles, run the handler inside the same
/// transaction, commit. A crash anywhere before the commit leaves nothing applied, so the next
/// delivery (or the reconciler) applies it; a crash after leaves it applied, so every later
/// delivery is a duplicate.
///
/// Errors: the store's (kInternal …) and the handler's; nothing was applied then.
/// Thread safety: immutable after construction; every member may be called concurrently, from
/// any number of processes sharing the store.
class PAYGW_EXPORT Applier {
 public:
  /// `store` must not be null.
  Applier(std::shared_ptr<PaymentStore> store, ApplierOptions options = {});

  /// The store it applies to.
  const std::shared_ptr<PaymentStore>& store() const noexcept { return store_; }
  /// Its options (with the default tingee_bill_of filled in).
  const ApplierOptions& options() const noexcept { return options_; }

  /// A verified charging result for a stored card (`source`: "callback", "submit", "check").
  /// Pending -> final goes through charging::decide(); event key (kCharging, request_id). Money
  /// fields must be within 0..kMaxAmountVnd, and a crediting result (credits()) must carry its
  /// amount (kRejected otherwise: Handlers::card_final never sees credits() without an amount).
  /// A duplicate is a conflict as charging::Decision::conflicts says (status_code, amount, value).
  Result<Applied> apply_card(const charging::ChargeResult& result, std::string_view source) const;

  /// A verified Tingee payment; event key (kTingee, transaction_code), which must be 1..256 bytes
  /// without control characters. A payment whose `type` is set and is not "CREDIT" (a debit) is
  /// kIgnored: alerted ("debit"), nothing recorded or credited. The amount must be within 1..kMaxAmountVnd (kRejected
  /// otherwise). When the payment names a stored bill in write_ahead or pending state and its
  /// amount equals the bill's, the bill moves to final in the same transaction.
  /// A payment whose key was already applied is a duplicate when it is the same payment, else a
  /// kConflict. Compared: amount; accountNumber, vaAccountNumber, content and the bill it names
  /// (tingee_bill_of) — each only when both deliveries carry it, since a credit the reconciler
  /// found lacks some of the webhook's fields. Not compared: clientId, bank, bankBin,
  /// transactionDate, the other additionalData.
  Result<Applied> apply_tingee_payment(const tingee::PaymentNotification& payment, std::string_view source) const;

  /// An IPN confirmed by the transaction query. The event key is the confirmed transaction
  /// alone, never the (unauthenticated) IPN: (kTconnect, "txn/" + the transaction's request_id,
  /// or its trn_ref_no); a transaction with neither, or whose order_id or amount differs from the
  /// IPN's, is kRejected. The order moves to final as for Tingee bills.
  /// A transaction already applied is a duplicate when it is the same, else a kConflict.
  /// Compared: the IPN's and the transaction's amount and order_id; the IPN's acc_no and
  /// narrative, the transaction's narrative and status — these only when both carry them (the
  /// reconciler's IPN has order_id and amount only). Not compared: payment_type,
  /// retrieval_ref_no, the dates, the raw JSON.
  Result<Applied> apply_ipn(const tconnect::IpnNotification& ipn, const tconnect::Transaction& confirmed,
                            std::string_view source) const;

  /// A verified bank-link event; event key (kTingee, "bank-link/" + request_id + "/" + status).
  Result<Applied> apply_bank_link(const tingee::BankLinkEvent& link) const;

  /// Runs the handlers still owed (events recorded by a process without that handler, e.g.
  /// `paygw reconcile`), each in its own transaction that marks it handled: once each, across
  /// every process sharing the store. Returns how many ran.
  ///
  /// Every owed event this Applier has a handler for is tried, oldest first, `batch` at a time
  /// (1..1000; paging through the store, so none is starved): events of kinds it has no handler
  /// for are not even read, and an event whose handler (or its transaction) fails — an error or a
  /// throw — is rolled back, left owed, reported through Handlers::alert (kind "handler_failed",
  /// subject the event id) and does not stop the others. Call it at start-up and then
  /// periodically (every minute, say) in a receiving service: events become owed while it runs too.
  ///
  /// Errors: only when the owed events cannot be listed (the store's kInternal; a `batch`
  /// outside 1..1000 is kInvalidArgument); handler failures are not errors of this call.
  /// Thread safety: as every member; concurrent runs (several threads or processes) run each
  /// handler once.
  Result<std::size_t> run_deferred(std::size_t batch = 100) const;

  /// Sends `alert` to Handlers::alert when set. Never throws: a throwing alert handler loses
  /// that alert.
  void alert(const Alert& alert) const;

 private:
  std::shared_ptr<PaymentStore> store_;
  ApplierOptions options_;
};

}  // namespace paygw::receive
