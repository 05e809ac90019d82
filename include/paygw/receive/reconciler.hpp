// SPDX-License-Identifier: MIT
// paygw — the reconciler: settles what no callback settled, by asking the providers.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/clock.hpp>
#include <paygw/export.hpp>
#include <paygw/receive/applier.hpp>
#include <paygw/receive/money_out.hpp>
#include <paygw/receive/queries.hpp>
#include <paygw/result.hpp>
#include <paygw/secret.hpp>
#include <paygw/store.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace paygw::receive {

/// The queries the reconciler may use; a missing one leaves that provider's submissions alone
/// (counted as skipped).
struct ReconcileQueries {
  CheckCard check_card;                ///< Charging cards (needs ReconcileOptions::store_key).
  ConfirmIpn confirm_ipn;              ///< TConnect orders (request_id = order_id, amount).
  FindTingeeTransactions find_tingee;  ///< Tingee bills (request_id = bill id).
  /// Tingee direct-debit payments and refunds (receive::pay_bill / receive::refund; their
  /// request_id starts with "dd-pay/" or "dd-refund/", never looked up as bills): money_out_with().
  SettleMoneyOutQuery money_out;
};

/// Where a run is; passed to ReconcileOptions::progress after each submission.
struct ReconcileProgress {
  std::size_t total = 0;          ///< Submissions selected for this run.
  std::size_t done = 0;           ///< Looked at so far.
  std::size_t applied = 0;        ///< Moved to final by this run.
  std::size_t still_pending = 0;  ///< The provider has not decided yet (or does not know it yet).
  std::size_t skipped = 0;        ///< No query configured for the provider.
  std::size_t failed = 0;         ///< The query or the store failed (retried by the next run).
  std::string current;            ///< "<provider>:<request_id>" just looked at.
  std::string note;               ///< What happened to it.
};

/// What a run did.
struct ReconcileReport {
  ReconcileProgress totals;         ///< The counts at the end.
  bool cancelled = false;           ///< The run stopped on ReconcileOptions::cancel.
  std::vector<std::string> errors;  ///< One line per failure: "<provider>:<request_id>: <describe()>".
};

/// How a run selects, paces and reports.
struct ReconcileOptions {
  /// Only submissions created at least this long ago (a callback may still be on its way).
  std::chrono::milliseconds older_than{std::chrono::minutes(5)};
  std::size_t limit = 500;              ///< At most this many submissions per run.
  double max_queries_per_second = 2.0;  ///< Bounded rate; <= 0 = no pause between queries.
  std::optional<CancelToken> cancel;    ///< Stops the run (between queries, and inside a query).
  CallOptions query_options;            ///< Per query (its cancel defaults to `cancel`).
  Secret store_key;                     ///< Opens sealed cards (charging::unseal_card) for check().
  /// Called after each submission, from the calling thread.
  std::function<void(const ReconcileProgress&)> progress;
  /// Waits between queries; returns true when cancelled. Default: `cancel`'s wait_for (or a
  /// plain sleep). Tests inject one that records the waits.
  std::function<bool(std::chrono::milliseconds)> wait;
  /// "Now" for the Tingee query window; defaults to system_clock().
  std::shared_ptr<Clock> clock;
};

/// For every submission in write_ahead or pending state older than `older_than` (oldest first):
/// asks its provider and applies a final answer through `applier` — the same compare-and-set and
/// handlers as a callback, so a result the callback also delivers is applied once.
/// - charging: unseal the card, check(); a card verdict (1 or 2 with an amount, 3) is applied
///   (source "check"); a 101 "not found" for a write-ahead card (it never reached the provider)
///   is applied as final without credit; anything else keeps the card pending — alerted
///   (`not_confirmed`) unless it is 99 — by the same rule the Dispatcher confirms callbacks with;
/// - TConnect: confirm an IPN built from the order (order_id, amount); kConfirmed is applied;
/// - Tingee direct-debit payments and refunds: queries.money_out (settle_money_out);
/// - Tingee: the bill's credits since its creation (at most 10 days); each CREDIT is applied as a
///   payment; any other transaction naming the bill (a debit, a refund) is alerted, never applied.
/// Never resubmits anything.
///
/// Errors: only a store failure while listing (kInternal) or a Secret problem; per-submission
/// failures are counted and listed in the report. Thread-safe (one run per call).
PAYGW_EXPORT Result<ReconcileReport> reconcile(const Applier& applier, const ReconcileQueries& queries,
                                               const ReconcileOptions& options);

/// "reconcile: 12/40 checked, 3 applied, 8 pending, 0 skipped, 1 failed — charging:r-17 applied".
PAYGW_EXPORT std::string progress_line(const ReconcileProgress& progress);

}  // namespace paygw::receive
