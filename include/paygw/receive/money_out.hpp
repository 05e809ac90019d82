// SPDX-License-Identifier: MIT
// paygw — money out through the payment store: a Tingee direct-debit payment (pay_bill) and a
// refund (refund), recorded before they are sent, sent once, settled exactly once by their answer
// or by the reconciler (settle_money_out). docs/adr/0053-money-out.md.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/clock.hpp>
#include <paygw/export.hpp>
#include <paygw/receive/applier.hpp>
#include <paygw/result.hpp>
#include <paygw/store.hpp>
#include <paygw/tingee/client.hpp>
#include <paygw/tingee/direct_debit.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace paygw::receive {

/// The store key (SubmissionRecord::request_id, Provider::kTingee) of a direct-debit payment is
/// this prefix + its requestId; Tingee bill ids never start with it.
inline constexpr std::string_view kDirectDebitPaymentPrefix = "dd-pay/";
/// The store key of a refund is this prefix + the merchant's refund id.
inline constexpr std::string_view kDirectDebitRefundPrefix = "dd-refund/";

/// true when `request_id` (a Provider::kTingee submission's) is a payment or refund recorded by
/// pay_bill / refund, not a bill. Thread-safe.
PAYGW_EXPORT bool is_money_out_key(std::string_view request_id) noexcept;

/// Where a payment or refund is after pay_bill / refund.
struct MoneyOutResult {
  /// The record's state: kFinal (settled: see succeeded), kPending (Tingee accepted it and has not
  /// decided), kWriteAhead (maybe sent, no answer: the reconciler settles it), kNotSent.
  SubmissionState state = SubmissionState::kWriteAhead;
  bool sent = false;       ///< true when this call sent the request; false: the recorded outcome.
  bool succeeded = false;  ///< kFinal only: the money moved (debited from the payer / refunded).
  std::string status;      ///< Tingee's status when known ("success", "pending", …), verbatim.
  /// Payment: Tingee's transactionCode (when known); refund: the debit refunded.
  std::string transaction_id;
  std::string detail;  ///< For logs (no secrets).
};

/// Debits a direct-debit subscription through the store (Tingee's payment-bill):
/// 1. records the payment (key kDirectDebitPaymentPrefix + request.request_id, amount, its
///    non-secret content) in write_ahead state — durable before anything is sent;
/// 2. sends it once (a write: never retried unless certainly not sent);
/// 3. records the answer: a final status ("success", "refunded" — money moved; "failure",
///    "insufficient-balance", "exceed-daily-limit" — it did not) is applied through `applier`
///    (Handlers::direct_debit_payment runs once); any other status -> pending (the reconciler asks
///    get-transaction-status); Delivery::kNotSent -> not_sent; any other error — including a
///    Tingee error code, which does not prove no debit was made — is left in write_ahead for the
///    reconciler, never resent.
///
/// A second call with the same requestId and the same content (every field but signature and
/// token, which are never stored) sends nothing and returns the recorded outcome (sent == false);
/// with other content it is refused (kInvalidArgument), nothing sent.
/// Errors: kInvalidArgument (no request_id, an amount outside 1..kMaxAmountVnd, a key longer than
/// 128 bytes, the requestId already used for another payment), the store's; then the send's own
/// error (the record says what happens next). Thread-safe; concurrent calls with one requestId,
/// from any number of processes sharing the store, send it at most once.
PAYGW_EXPORT Result<MoneyOutResult> pay_bill(const tingee::Client& client, const Applier& applier,
                                             const tingee::DirectDebitPaymentBillRequest& request,
                                             const CallOptions& options = {}, const std::string& reference = {});

/// Refunds (part of) a debit through the store (Tingee's refund). Tingee's refund carries no id of
/// its own: `refund_id` (1..118 bytes, the merchant's) is the idempotency key
/// (kDirectDebitRefundPrefix + refund_id). Before anything is recorded the amount is bounded by
/// what was paid: get-transaction-status of the debit (a read) must answer its amount, and
/// request.amount must not exceed it (nor the amount of the payment as pay_bill recorded it, when
/// it did). Then as pay_bill: write-ahead, one send, the answer recorded — "success" / "failure"
/// applied through `applier` (Handlers::direct_debit_refund runs once), a Tingee error code
/// (Tingee refused it) applied as a failure, "Pending" or any other status -> pending,
/// kNotSent -> not_sent, any other error left in write_ahead for the reconciler.
/// Same id and content: the recorded outcome; other content: kInvalidArgument, nothing sent.
/// Errors: kInvalidArgument (as pay_bill; an amount above what was paid), the status query's
/// (nothing recorded or sent), the store's, the send's. Thread-safe as pay_bill.
PAYGW_EXPORT Result<MoneyOutResult> refund(const tingee::Client& client, const Applier& applier,
                                           const std::string& refund_id,
                                           const tingee::DirectDebitRefundRequest& request,
                                           const CallOptions& options = {}, const std::string& reference = {});

/// How settle_money_out decides.
struct SettleMoneyOutOptions {
  /// A payment in write_ahead whose debit the subscription's transaction list does not show is
  /// recorded as not_sent only once the record is at least this old (longer than any send's
  /// deadline: a request still on its way would show up). Default 15 minutes.
  std::chrono::milliseconds absent_after{std::chrono::minutes(15)};
  /// "Now", to measure the record's age; defaults to system_clock().
  std::shared_ptr<Clock> clock;
  /// At most this many pages of 100 debits are read to find a payment's debit (then it is left).
  int max_pages = 20;
};

/// What settle_money_out did with one record.
struct MoneyOutSettlement {
  bool settled = false;  ///< The record is now final or not_sent.
  std::string note;      ///< For the report (no secrets).
};

/// Settles one payment or refund recorded by pay_bill / refund (the reconciler's step; never
/// sends a payment or a refund, only reads):
/// - a payment whose transactionCode is known (its answer, or found before): get-transaction-status;
///   a final status is applied (source "reconcile"), else it stays;
/// - a payment in write_ahead whose answer was lost: the subscription's debits
///   (get-paging-transactions) with its amount and description that no other payment claimed:
///   exactly one -> claimed, then as above; none, the list read to its end and the record older
///   than absent_after -> not_sent (Tingee never saw it); several -> left, alerted;
/// - a refund: get-transaction-status of the debit; "refunded" with the debit's amount equal to
///   this refund's (a full refund) -> applied as success; a full refund whose debit still reads
///   "success", recorded in write_ahead and older than absent_after -> not_sent; anything else
///   (a partial refund, whose effect the status cannot show) stays, alerted ("refund_unproven").
/// Errors: the queries' and the store's (the record is left as it was). Thread-safe.
PAYGW_EXPORT Result<MoneyOutSettlement> settle_money_out(const tingee::Client& client, const Applier& applier,
                                                         const SubmissionRecord& record,
                                                         const SettleMoneyOutOptions& settle = {},
                                                         const CallOptions& options = {});

/// The reconciler's query for money out (ReconcileQueries::money_out): settles one record.
using SettleMoneyOutQuery =
    std::function<Result<MoneyOutSettlement>(const Applier&, const SubmissionRecord&, const CallOptions&)>;

/// settle_money_out over `client` (copied: a Client is a cheap handle) with `settle`.
PAYGW_EXPORT SettleMoneyOutQuery money_out_with(tingee::Client client, SettleMoneyOutOptions settle = {});

}  // namespace paygw::receive
