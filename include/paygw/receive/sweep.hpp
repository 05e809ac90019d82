// SPDX-License-Identifier: MIT
// paygw — the sweep: pages through the providers' transaction lists over a window and applies
// every credit no webhook or IPN delivered, under the same event key as that webhook or IPN.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/export.hpp>
#include <paygw/receive/applier.hpp>
#include <paygw/result.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tconnect/models.hpp>
#include <paygw/tingee/bills.hpp>
#include <paygw/tingee/client.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace paygw::receive {

/// The transaction lists a sweep reads, in the order it reads them.
enum class SweepList {
  kTingee = 0,        ///< Tingee `POST /v1/transaction/get-paging`.
  kTconnectQr = 1,    ///< TConnect `/openapi/v1/transaction/qr`.
  kTconnectCard = 2,  ///< TConnect `/openapi/v1/transaction/card`.
  kTconnectCash = 3,  ///< TConnect `/openapi/v1/transaction/cash`.
  kDone = 4,          ///< Every list of the window has been read.
};

/// "tingee", "tconnect-qr", "tconnect-card", "tconnect-cash", "done".
PAYGW_EXPORT std::string_view to_string(SweepList list) noexcept;

/// Where a sweep is: the window it covers and the next page to read. A plain value: the caller
/// persists it (to_string / parse_sweep_cursor) and passes it back to resume. Times are whole
/// seconds. Thread safety: a value type.
struct SweepCursor {
  std::chrono::system_clock::time_point from;        ///< Window start.
  std::chrono::system_clock::time_point to;          ///< Window end (inclusive), not before `from`.
  SweepList list = SweepList::kTingee;               ///< The list being read.
  std::chrono::system_clock::time_point slice_from;  ///< Start of the slice of the window being read.
  std::int64_t page = 0;                             ///< The slice's next page, 0-based.

  /// true when the whole window has been read.
  bool done() const noexcept { return list == SweepList::kDone; }
};

/// A cursor at the start of the window [from, to] (truncated to whole seconds).
/// Errors: kInvalidArgument when `to` is before `from`.
PAYGW_EXPORT Result<SweepCursor> sweep_window(std::chrono::system_clock::time_point from,
                                              std::chrono::system_clock::time_point to);

/// The cursor as one line of text, "sweep1 <from_ms> <to_ms> <list> <slice_from_ms> <page>", for a
/// file or a database column. No secrets.
PAYGW_EXPORT std::string to_string(const SweepCursor& cursor);

/// Reads what to_string(SweepCursor) wrote. Errors: kInvalidArgument (not a cursor, or one whose
/// slice or page lies outside its window).
PAYGW_EXPORT Result<SweepCursor> parse_sweep_cursor(std::string_view text);

/// One page of Tingee's transaction list (tingee::Client::get_transaction_paging).
using ListTingeeTransactions =
    std::function<Result<tingee::TransactionPage>(const tingee::GetTransactionPagingRequest&, const CallOptions&)>;
/// One page of one of TConnect's transaction lists (`list` is kTconnectQr, kTconnectCard or
/// kTconnectCash).
using ListTconnectTransactions = std::function<Result<tconnect::TransactionPage>(
    SweepList list, const tconnect::TransactionQuery&, const CallOptions&)>;

/// What a sweep reads; an unset source's lists are skipped.
struct SweepSources {
  ListTingeeTransactions tingee;      ///< Tingee's list.
  ListTconnectTransactions tconnect;  ///< TConnect's three lists.
};

/// ListTingeeTransactions over a Tingee client (copied).
PAYGW_EXPORT ListTingeeTransactions sweep_list_with(const tingee::Client& client);
/// ListTconnectTransactions over a TConnect client (copied).
PAYGW_EXPORT ListTconnectTransactions sweep_list_with(const tconnect::Client& client);

struct SweepReport;

/// How a sweep pages and paces.
struct SweepOptions {
  /// At most this many page queries per run, every list together (bounded rate); the report's
  /// cursor continues where the run stopped. Must be >= 1.
  std::size_t max_pages = 100;
  /// The pause between two page queries (bounded rate); 0 = none.
  std::chrono::milliseconds pause{500};
  /// Transactions per page, 1..1000.
  std::int64_t page_size = 100;
  /// Each query covers at most this much of the window: 1 h .. 240 h (Tingee accepts at most
  /// tingee::kMaxTransactionWindow).
  std::chrono::hours slice{24};
  bool tconnect_card = true;  ///< Read TConnect's card list (an IPN for a card payment is credited too).
  bool tconnect_cash = true;  ///< Read TConnect's cash list (likewise).
  /// Tingee filters copied into every query: merchant_id (required for Master Merchant
  /// credentials), shop_ids, va_account_numbers, bank_bin, filter. The sweep sets the times,
  /// skip_count and max_result_count itself; bill_id is ignored (a sweep reads every credit).
  tingee::GetTransactionPagingRequest tingee_filter;
  /// Per page query (timeout, retries' budget); `call.cancel` also stops the sweep between pages
  /// and during the pause.
  CallOptions call;
  /// Called after each page read (and once more when the run stops on a failure, a cancellation
  /// or with nothing to read), from the calling thread: persist `report.next` here to resume
  /// after a crash.
  std::function<void(const SweepReport&)> progress;
  /// Waits between pages; returns true when cancelled. Default: `call.cancel`'s wait_for (or a
  /// plain sleep). Tests inject one that records the waits.
  std::function<bool(std::chrono::milliseconds)> wait;
};

/// What a run did, and where the next run starts.
struct SweepReport {
  SweepCursor next;             ///< Pass back to continue; next.done() once the window is read.
  std::size_t pages = 0;        ///< Page queries made by this run.
  std::size_t listed = 0;       ///< Transactions listed.
  std::size_t applied = 0;      ///< Credits applied by this run (no webhook/IPN or earlier sweep had).
  std::size_t duplicates = 0;   ///< Credits already applied (by their webhook/IPN, or an earlier sweep).
  std::size_t not_credits = 0;  ///< Debits, refunds, untyped Tingee items: never credited (alerted).
  std::size_t not_final = 0;    ///< TConnect transactions not SUCCESS (pending, failed): nothing to apply.
  std::size_t rejected = 0;     ///< Amount out of 1..kMaxAmountVnd, no key, or not matching (alerted).
  bool cancelled = false;       ///< Stopped by `call.cancel`; `next` resumes.
  /// A page query or the store failed; the run stopped and `next` is that page again (applying
  /// it twice is harmless: what was applied is then a duplicate).
  std::optional<Error> error;
  std::string note;  ///< What happened last, for a progress line.
};

/// Reads the lists of `sources` from `cursor` on — Tingee, then TConnect QR, card, cash; each over
/// the cursor's window in slices of `options.slice`, page by page — and applies every credit
/// through `applier` under the key its webhook or IPN has, so that whichever comes second is a
/// duplicate, never a second credit:
/// - Tingee: items whose `type` is CREDIT, as a payment (Applier::apply_tingee_payment, source
///   "sweep") keyed by the item's `code` (the webhook's `transactionCode`); a `billId` names the
///   bill it settles, as the webhook's additionalData does. Any other type (DEBIT, none) is alerted
///   ("not_credit") and never credited.
/// - TConnect: SUCCESS items, through apply_swept_tconnect (key `txn/<request_id|trn_ref_no>`);
///   items marked as a refund, reversal or debit are alerted ("not_credit"); others not final.
/// Stops after `max_pages` page queries, on cancellation, or on the first failure; `next` resumes.
/// Errors: kInvalidArgument for bad options or a cursor outside its window; everything after the
/// first query is in the report. Thread safety: one run per call; runs over overlapping windows
/// may go concurrently (the store decides which applies first).
PAYGW_EXPORT Result<SweepReport> sweep(const Applier& applier, const SweepSources& sources, const SweepCursor& cursor,
                                       const SweepOptions& options = {});

/// Applies one TConnect transaction a sweep listed, under the event key an IPN confirmed by that
/// transaction gets: (kTconnect, "txn/" + request_id, else "txn/" + trn_ref_no). A transaction
/// naming an order goes through Applier::apply_ipn with the IPN the transaction implies (its
/// order_id, amount, request_id, narrative and `payment_type`), so its order settles as the IPN's
/// would. One naming no order (a plain transfer) is recorded as an IpnConfirmed event whose ipn
/// has an empty order_id and no order. Not SUCCESS: kIgnored. No reference or amount outside
/// 1..kMaxAmountVnd: kRejected (alerted).
/// Errors: the store's and the handler's (nothing applied). Thread-safe as Applier.
PAYGW_EXPORT Result<Applied> apply_swept_tconnect(const Applier& applier, const tconnect::Transaction& transaction,
                                                  std::string_view payment_type, std::string_view source);

/// "sweep: tingee 2 pages, 150 listed, 3 applied, 147 duplicates, 0 not credits, 0 not final, 0
/// rejected — next tconnect-qr page 0".
PAYGW_EXPORT std::string sweep_line(const SweepReport& report);

}  // namespace paygw::receive
