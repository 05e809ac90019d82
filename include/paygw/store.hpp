// SPDX-License-Identifier: MIT
// paygw — PaymentStore: the durable record of what was sent and of what was applied, once.
//
// One small interface shared by the charging client (write-ahead before a submission is sent),
// the receive::Dispatcher (callbacks, webhooks, IPNs) and the receive reconciler. Implementations:
// make_memory_store() (this header, tests), SQLite (paygw/store/sqlite.hpp, target paygw::sqlite)
// and PostgreSQL (paygw/store/postgres.hpp, target paygw::postgres). See
// docs/adr/0017-payment-store.md for the guarantees and the schema.
#pragma once

#include <paygw/clock.hpp>
#include <paygw/export.hpp>
#include <paygw/money.hpp>
#include <paygw/result.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace paygw {

/// The gateway a record belongs to.
enum class Provider { kCharging, kTconnect, kTingee };

/// "charging", "tconnect" or "tingee" (the value stored in the database).
PAYGW_EXPORT std::string_view to_string(Provider provider) noexcept;
/// Inverse of to_string(Provider); nullopt for any other text.
PAYGW_EXPORT std::optional<Provider> parse_provider(std::string_view text) noexcept;

/// Where an outbound payment is. The only transitions are write_ahead -> pending,
/// write_ahead -> not_sent and {write_ahead, pending} -> final; final and not_sent never change.
enum class SubmissionState {
  kWriteAhead,  ///< Recorded before sending; it may or may not have reached the provider.
  kPending,     ///< The provider acknowledged it and has not decided yet (charging status 99).
  kFinal,       ///< A final result was applied, exactly once (SubmissionRecord::result).
  kNotSent,     ///< Certainly never sent (the send failed with Delivery::kNotSent).
};

/// "write_ahead", "pending", "final" or "not_sent".
PAYGW_EXPORT std::string_view to_string(SubmissionState state) noexcept;
/// Inverse of to_string(SubmissionState).
PAYGW_EXPORT std::optional<SubmissionState> parse_submission_state(std::string_view text) noexcept;

/// One outbound payment: a submitted card, a TConnect order (QR / push) or a Tingee bill.
/// Never holds a card code, serial or signature in clear (see charging::protect_card).
struct SubmissionRecord {
  Provider provider = Provider::kCharging;  ///< The gateway it was sent to.
  /// The key callbacks carry: the charging request_id, the TConnect order_id, the Tingee bill id.
  /// 1..128 bytes, no control characters.
  std::string request_id;
  SubmissionState state = SubmissionState::kWriteAhead;  ///< Where it is (see SubmissionState).
  Vnd amount = 0;         ///< Charging: the declared value; orders and bills: the expected amount.
  std::string telco;      ///< Charging: the canonical telco; empty otherwise.
  std::string reference;  ///< The merchant's own reference (customer, invoice); not secret.
  /// What verifying a callback needs, opaque to the store: for a card, charging::StoredCard's
  /// encode_verifier() (keyed hashes and the sealed card, never the card in clear).
  std::string verifier;
  /// The applied final result as JSON written by paygw (redacted), set by finalize().
  std::string result;
  std::chrono::system_clock::time_point created_at{};  ///< Set by the store from its clock.
  std::chrono::system_clock::time_point updated_at{};  ///< Set by the store at every transition.
};

/// One applied inbound event: a final card result, a Tingee payment or bank-link event, a
/// confirmed TConnect IPN. (provider, event_id) is recorded once: that insert is what decides,
/// atomically, which delivery of an event is the first.
struct EventRecord {
  Provider provider = Provider::kCharging;  ///< The gateway that delivered it.
  std::string event_id;  ///< Charging: the request_id; Tingee: transactionCode; TConnect: see receive::Applier.
  std::string kind;      ///< "card_final", "tingee_payment", "tingee_bank_link", "ipn_confirmed".
  std::string payload;   ///< JSON written by paygw (the typed event, redacted), to run the handler later.
  /// true when the merchant's handler ran in the transaction that recorded the event; false when
  /// it is still owed (recorded by a process without handlers, e.g. `paygw reconcile`).
  bool handled = false;
  std::chrono::system_clock::time_point applied_at{};  ///< Set by the store.
};

/// What PaymentStore::list_events() returns: a filter and a page. Every filter is optional;
/// events come oldest first (in the order they were recorded).
struct EventQuery {
  std::optional<Provider> provider;  ///< Only this gateway's events.
  std::vector<std::string> kinds;    ///< Only these kinds (EventRecord::kind); empty = every kind.
  /// Only handled (true) or only owed (false) events; nullopt = both.
  std::optional<bool> handled;
  std::optional<std::chrono::system_clock::time_point> applied_from;    ///< applied_at >= this.
  std::optional<std::chrono::system_clock::time_point> applied_before;  ///< applied_at < this.
  /// "" = from the oldest; otherwise the next_cursor of the page before (opaque).
  std::string cursor;
  std::size_t limit = 100;  ///< At most this many events, 1..1000.
};

/// One page of events.
struct EventPage {
  std::vector<EventRecord> events;  ///< Oldest first.
  /// Pass as EventQuery::cursor for the next page; "" when this page is the last.
  std::string next_cursor;
};

/// What PaymentStore::list_submissions() returns: a filter and a page. Submissions come oldest
/// first (by created_at, then provider and request_id).
struct SubmissionQuery {
  std::optional<Provider> provider;                                     ///< Only this gateway's submissions.
  std::vector<SubmissionState> states;                                  ///< Only these states; empty = every state.
  std::optional<std::chrono::system_clock::time_point> created_from;    ///< created_at >= this.
  std::optional<std::chrono::system_clock::time_point> created_before;  ///< created_at < this.
  /// "" = from the oldest; otherwise the next_cursor of the page before (opaque).
  std::string cursor;
  std::size_t limit = 100;  ///< At most this many submissions, 1..1000.
};

/// One page of submissions.
struct SubmissionPage {
  std::vector<SubmissionRecord> submissions;  ///< Oldest first.
  /// Pass as SubmissionQuery::cursor for the next page; "" when this page is the last.
  std::string next_cursor;
};

/// Something a human should look at, as the store keeps it (receive::Applier::alert() records
/// every alert it raises): a conflicting duplicate, a rejected delivery, a payment for an unknown
/// bill. Never holds a secret.
struct AlertRecord {
  Provider provider = Provider::kCharging;  ///< Which endpoint or flow raised it.
  std::string kind;                         ///< "conflict", "rejected", "unknown_submission", "amount_mismatch", ...
  std::string subject;  ///< The request_id / order_id / event id concerned, when known (<= 256 bytes).
  std::string message;  ///< For a human (no secrets; cut to 1000 bytes).
  std::chrono::system_clock::time_point raised_at{};  ///< Set by the store.
};

/// What PaymentStore::list_alerts() returns; alerts come oldest first.
struct AlertQuery {
  std::optional<Provider> provider;                                    ///< Only this gateway's alerts.
  std::vector<std::string> kinds;                                      ///< Only these kinds; empty = every kind.
  std::optional<std::chrono::system_clock::time_point> raised_from;    ///< raised_at >= this.
  std::optional<std::chrono::system_clock::time_point> raised_before;  ///< raised_at < this.
  std::string cursor;       ///< "" = from the oldest; otherwise the page before's next_cursor.
  std::size_t limit = 100;  ///< At most this many alerts, 1..1000.
};

/// One page of alerts.
struct AlertPage {
  std::vector<AlertRecord> alerts;  ///< Oldest first.
  std::string next_cursor;          ///< For the next page; "" when this page is the last.
};

/// One resumable multi-step flow (for example Tingee VA onboarding, paygw/tingee/onboarding.hpp):
/// the state of a small state machine, kept so that a process that crashes in the middle resumes
/// it, and so that two processes resuming it never both make the same step (every change is a
/// compare-and-set on `version`). The store reads none of it but the key; `data` is the flow's
/// own JSON and never holds a secret.
struct FlowRecord {
  Provider provider = Provider::kTingee;  ///< The gateway the flow talks to.
  std::string flow_id;                    ///< The merchant's key of the flow: 1..128 printable bytes.
  std::string kind;                       ///< What flow it is, e.g. "tingee_va_link": 1..64 printable bytes.
  std::string state;                      ///< The machine's state name: 1..64 printable bytes.
  std::string data;                       ///< The flow's JSON (at most 65536 bytes).
  /// Set by the store: 1 when created, one more at every update_flow() that succeeds.
  std::int64_t version = 0;
  std::chrono::system_clock::time_point created_at{};  ///< Set by the store from its clock.
  std::chrono::system_clock::time_point updated_at{};  ///< Set by the store at every update.
};

/// A parameter of PaymentStore::Transaction::execute: SQL NULL, an integer or text.
using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string>;

/// The durable state behind exactly-once receiving.
///
/// Guarantees (every implementation; the SQL ones from the database itself — conditional UPDATE,
/// INSERT … ON CONFLICT DO NOTHING, row locks — never from process-local locks, so they hold for
/// several processes and, with PostgreSQL, several machines):
/// - record_submission() is durable when it returns: a crash after it leaves a record to reconcile;
/// - of any number of concurrent finalize() calls on one submission, exactly one returns true;
/// - of any number of concurrent record_event() calls with one (provider, event_id), exactly one
///   returns true — once its transaction commits; a transaction that is rolled back (or whose
///   process dies) records nothing, and a later delivery is first again;
/// - what a Transaction wrote (including execute()) becomes visible all at once on commit(), or
///   never;
/// - a transaction in which any statement failed (an error from execute(), finalize(),
///   record_event(), …, whether or not the caller went on) never commits: every later statement
///   and commit() fail, and nothing of it is applied — the same on every store (on PostgreSQL
///   the server has aborted such a transaction anyway; SQLite and the memory store follow suit);
/// - commit() returns success only when the transaction really committed (the server's answer and
///   the connection's transaction state are checked).
///
/// Errors: kInternal for a database failure (message "store: …", never a secret), kConfig for a
/// schema newer than this paygw, kInvalidArgument for an invalid record.
///
/// Thread safety: every member of PaymentStore may be called concurrently; a Transaction is used
/// by one thread at a time. A Transaction holds a write lock (SQLite) or row locks (PostgreSQL)
/// until it ends: keep the work inside it short.
class PAYGW_EXPORT PaymentStore {
 public:
  /// One unit of work. Destroying it without commit() rolls it back.
  class Transaction {
   public:
    virtual ~Transaction() = default;
    /// The submission, locked until the transaction ends (SELECT … FOR UPDATE on PostgreSQL;
    /// SQLite and the memory store serialise whole transactions).
    virtual Result<std::optional<SubmissionRecord>> find_submission(Provider provider, std::string_view request_id) = 0;
    /// {write_ahead, pending} -> final with `result` (compare-and-set). true when this call made the
    /// transition; false when the submission is missing or not in one of those states.
    virtual Result<bool> finalize(Provider provider, std::string_view request_id, std::string_view result) = 0;
    /// Inserts the event unless (provider, event_id) exists. true when inserted.
    virtual Result<bool> record_event(const EventRecord& event) = 0;
    /// handled false -> true (compare-and-set). true when this call made the change.
    virtual Result<bool> mark_handled(Provider provider, std::string_view event_id) = 0;
    /// Runs one SQL statement of the merchant's own in this transaction (for example the credit,
    /// so that it commits together with the event, or not at all), with `?` placeholders (SQLite)
    /// or `$1…` (PostgreSQL). Returns the number of rows changed. A failed statement fails the
    /// whole transaction (see the class comment): write "INSERT … ON CONFLICT DO NOTHING" rather
    /// than an INSERT whose unique-key error is ignored. Transaction control (BEGIN, COMMIT,
    /// ROLLBACK, SAVEPOINT…) is the store's: a statement that ends the transaction is an error.
    /// Statements with parameters are prepared once per connection and reused.
    /// Errors: kInvalidArgument on the memory store (it runs no SQL); kInternal on a failure.
    virtual Result<std::int64_t> execute(std::string_view sql, const std::vector<SqlValue>& params) = 0;
    /// Makes every change of the transaction durable. After an error nothing was applied: in
    /// particular when a statement of the transaction failed (kInternal, "store: … rolled back").
    virtual Result<void> commit() = 0;
  };

  /// Closes the store (its connections close when the last transaction ends).
  virtual ~PaymentStore();

  /// Starts a transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: READ COMMITTED, its BEGIN sent
  /// together with the transaction's first statement).
  virtual Result<std::unique_ptr<Transaction>> begin() = 0;
  /// The write-ahead: inserts `record` (its state is taken as given, normally kWriteAhead) unless
  /// a submission with the same (provider, request_id) exists. true when inserted, false when one
  /// existed (it is left unchanged: never submit that request again).
  virtual Result<bool> record_submission(const SubmissionRecord& record) = 0;
  /// The submission, or nullopt.
  virtual Result<std::optional<SubmissionRecord>> find_submission(Provider provider, std::string_view request_id) = 0;
  /// `from` -> `to` (compare-and-set) for the transitions write_ahead -> pending and
  /// write_ahead -> not_sent; true when this call made it. Any other pair is kInvalidArgument
  /// (finalize() is the only way to kFinal).
  virtual Result<bool> mark(Provider provider, std::string_view request_id, SubmissionState from,
                            SubmissionState to) = 0;
  /// Submissions in write_ahead or pending state created at least `older_than` ago, oldest first,
  /// at most `limit`.
  virtual Result<std::vector<SubmissionRecord>> list_unsettled(std::chrono::milliseconds older_than,
                                                               std::size_t limit) = 0;
  /// The event, or nullopt.
  virtual Result<std::optional<EventRecord>> find_event(Provider provider, std::string_view event_id) = 0;
  /// Events whose handler is still owed (handled == false), oldest first, at most `limit`.
  virtual Result<std::vector<EventRecord>> list_unhandled(std::size_t limit) = 0;

  /// Events matching `query` (applied, handled or owed; by gateway, kind and time), one page,
  /// oldest first — for an admin page, a daily reconciliation report, or to run owed handlers.
  /// Errors: kInvalidArgument (limit outside 1..1000, a cursor this store did not return),
  /// kInternal.
  virtual Result<EventPage> list_events(const EventQuery& query) = 0;
  /// Submissions matching `query`, one page, oldest first. Errors: as list_events().
  virtual Result<SubmissionPage> list_submissions(const SubmissionQuery& query) = 0;
  /// Records an alert on its own (not in any transaction: an alert is kept even when the delivery
  /// that raised it is not applied). The message is cut to 1000 bytes, the subject to 256. One
  /// store object keeps a burst of 20 alerts, then 10 a second (a flood of forged deliveries must
  /// not become a flood of durable writes); beyond that the alert is dropped (kInternal).
  /// Errors: kInternal.
  virtual Result<void> record_alert(const AlertRecord& alert) = 0;
  /// Alerts matching `query`, one page, oldest first. Errors: as list_events().
  virtual Result<AlertPage> list_alerts(const AlertQuery& query) = 0;

  /// Records a new flow (FlowRecord): inserts `record` with version 1 unless a flow with the same
  /// (provider, flow_id) exists. true when inserted, false when one existed (left unchanged: read
  /// it with find_flow() and resume it). record.version, created_at and updated_at are ignored.
  /// Errors: kInvalidArgument for an invalid record (key, kind or state outside 1..128 / 1..64
  /// printable bytes, data over 65536 bytes), kInternal.
  virtual Result<bool> create_flow(const FlowRecord& record) = 0;
  /// The flow, or nullopt. Errors: kInternal.
  virtual Result<std::optional<FlowRecord>> find_flow(Provider provider, std::string_view flow_id) = 0;
  /// Compare-and-set: when the flow's version is `expected_version`, sets its state and data,
  /// increments its version and stamps updated_at; true when this call made the change, false when
  /// the flow is missing or another update came first (of any number of concurrent updates from
  /// one version, exactly one returns true). Errors: kInvalidArgument (state or data as in
  /// create_flow()), kInternal.
  virtual Result<bool> update_flow(Provider provider, std::string_view flow_id, std::int64_t expected_version,
                                   std::string_view state, std::string_view data) = 0;
};

/// Options of make_memory_store().
struct MemoryStoreOptions {
  std::shared_ptr<Clock> clock;  ///< created_at / updated_at / applied_at; defaults to system_clock().
};

/// A PaymentStore in this process's memory, for tests and examples: nothing survives the process.
/// Transactions are serialised by one mutex (held from begin() to the end of the transaction);
/// execute() is not supported. Never returns null. Thread-safe.
PAYGW_EXPORT std::shared_ptr<PaymentStore> make_memory_store(MemoryStoreOptions options = {});

}  // namespace paygw
