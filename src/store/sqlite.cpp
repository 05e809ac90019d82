// SPDX-License-Identifier: MIT
// The SQLite PaymentStore: one file, WAL, a small connection pool; every guarantee from SQLite
// itself (BEGIN IMMEDIATE write locks, conditional UPDATE, INSERT … ON CONFLICT DO NOTHING).
#include <paygw/store/sqlite.hpp>

#include "store/list_sql.hpp"
#include "store/pool.hpp"
#include "store/sqlite_db.hpp"
#include "store/validate.hpp"

namespace paygw::sqlite {

namespace {

namespace ds = paygw::detail::store;
using detail::Db;
using detail::Stmt;

constexpr const char* kSubmissionColumns =
    "provider, request_id, state, amount, telco, reference, verifier, result, created_ms, updated_ms";
constexpr const char* kEventColumns = "provider, event_id, kind, payload, handled, applied_ms";
constexpr const char* kFlowColumns = "provider, flow_id, kind, state, data, version, created_ms, updated_ms";

/// A list_*() read, prepared outside the statement cache (it keeps the statements of every
/// delivery) with its parameters bound.
Result<Stmt> prepared(Db& db, const ds::ListSql& query) {
  auto s = db.prepare(query.sql, false);
  if (!s) return s.error();
  int i = 0;
  for (const auto& p : query.params) s->bind_one(++i, p);
  return s;
}

Result<SubmissionRecord> submission_of(Stmt& s) {
  SubmissionRecord r;
  const auto provider = parse_provider(s.text(0));
  const auto state = parse_submission_state(s.text(2));
  if (!provider || !state) return make_error(ErrorCode::kInternal, "store: unreadable submission row");
  r.provider = *provider;
  r.request_id = s.text(1);
  r.state = *state;
  r.amount = s.integer(3);
  r.telco = s.text(4);
  r.reference = s.text(5);
  r.verifier = s.text(6);
  r.result = s.text(7);
  r.created_at = ds::from_ms(s.integer(8));
  r.updated_at = ds::from_ms(s.integer(9));
  return r;
}

Result<EventRecord> event_of(Stmt& s) {
  EventRecord e;
  const auto provider = parse_provider(s.text(0));
  if (!provider) return make_error(ErrorCode::kInternal, "store: unreadable event row");
  e.provider = *provider;
  e.event_id = s.text(1);
  e.kind = s.text(2);
  e.payload = s.text(3);
  e.handled = s.integer(4) != 0;
  e.applied_at = ds::from_ms(s.integer(5));
  return e;
}

Result<FlowRecord> flow_of(Stmt& s) {
  FlowRecord f;
  const auto provider = parse_provider(s.text(0));
  if (!provider) return make_error(ErrorCode::kInternal, "store: unreadable flow row");
  f.provider = *provider;
  f.flow_id = s.text(1);
  f.kind = s.text(2);
  f.state = s.text(3);
  f.data = s.text(4);
  f.version = s.integer(5);
  f.created_at = ds::from_ms(s.integer(6));
  f.updated_at = ds::from_ms(s.integer(7));
  return f;
}

template <typename T, typename Row>
Result<std::vector<T>> rows(Stmt& s, Row row) {
  std::vector<T> out;
  for (;;) {
    auto more = s.step();
    if (!more) return more.error();
    if (!*more) return out;
    auto item = row(s);
    if (!item) return item.error();
    out.push_back(std::move(*item));
  }
}

Result<std::optional<SubmissionRecord>> find(Db& db, Provider p, std::string_view id) {
  auto s = db.prepare(std::string("SELECT ") + kSubmissionColumns +
                      " FROM paygw_submissions WHERE provider = ? AND request_id = ?");
  if (!s) return s.error();
  s->bind(to_string(p), id);
  auto found = rows<SubmissionRecord>(*s, submission_of);
  if (!found) return found.error();
  if (found->empty()) return std::optional<SubmissionRecord>();
  return std::optional<SubmissionRecord>(std::move(found->front()));
}

class SqliteStore final : public PaymentStore, public std::enable_shared_from_this<SqliteStore> {
 public:
  using Lease = ds::Pool<Db>::Lease;

  explicit SqliteStore(StoreOptions options) : options_(std::move(options)) {
    if (!options_.clock) options_.clock = system_clock();
    pool_ = std::make_shared<ds::Pool<Db>>(
        options_.max_connections, [o = options_] { return Db::open(o.path, o.busy_timeout, o.synchronous_full); });
  }

  Result<Lease> acquire() { return pool_->acquire(); }

  std::int64_t now_ms() const { return ds::to_ms(options_.clock->now()); }

  class Tx final : public Transaction {
   public:
    Tx(std::shared_ptr<SqliteStore> store, Lease lease) : store_(std::move(store)), db_(std::move(lease)) {}
    ~Tx() override {
      if (!ended_) db_->rollback();
    }
    Result<std::optional<SubmissionRecord>> find_submission(Provider p, std::string_view id) override {
      if (auto ok = open(); !ok) return ok.error();
      return latch_.track(find(*db_, p, id));
    }
    Result<bool> finalize(Provider p, std::string_view id, std::string_view result) override {
      if (auto ok = open(); !ok) return ok.error();
      return latch_.track(
          db_->change("UPDATE paygw_submissions SET state = 'final', result = ?, updated_ms = ? "
                      "WHERE provider = ? AND request_id = ? AND state IN ('write_ahead', 'pending')",
                      result, store_->now_ms(), to_string(p), id));
    }
    Result<bool> record_event(const EventRecord& e) override {
      if (auto ok = open(); !ok) return ok.error();
      if (auto ok = ds::check_key("event_id", e.event_id, ds::kMaxEventId); !ok) return ok.error();
      const std::int64_t now = store_->now_ms();
      return latch_.track(
          db_->change("INSERT INTO paygw_events (provider, event_id, kind, payload, handled, applied_ms, handled_ms) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (provider, event_id) DO NOTHING",
                      to_string(e.provider), e.event_id, e.kind, e.payload, std::int64_t{e.handled ? 1 : 0}, now,
                      e.handled ? SqlValue(now) : SqlValue(nullptr)));
    }
    Result<bool> mark_handled(Provider p, std::string_view id) override {
      if (auto ok = open(); !ok) return ok.error();
      return latch_.track(db_->change(
          "UPDATE paygw_events SET handled = 1, handled_ms = ? WHERE provider = ? AND event_id = ? AND handled = 0",
          store_->now_ms(), to_string(p), id));
    }
    Result<std::int64_t> execute(std::string_view sql, const std::vector<SqlValue>& params) override {
      if (auto ok = open(); !ok) return ok.error();
      if (ds::is_transaction_control(sql)) return latch_.track(Result<std::int64_t>(ds::transaction_control_refused()));
      auto n = latch_.track(db_->execute(sql, params));
      if (n && !db_->in_transaction()) {
        return latch_.track(Result<std::int64_t>(
            make_error(ErrorCode::kInternal, "store: a statement of execute() ended the transaction")));
      }
      return n;
    }
    Result<void> commit() override {
      if (ended_) return make_error(ErrorCode::kInvalidArgument, "store: the transaction has ended");
      ended_ = true;
      if (latch_.failed() || !db_->in_transaction()) {
        db_->rollback();
        return latch_.failed() ? latch_.error()
                               : make_error(ErrorCode::kInternal, "store: the transaction ended before its commit");
      }
      auto committed = db_->step_cached("COMMIT");
      if (committed && db_->in_transaction()) {
        committed = make_error(ErrorCode::kInternal, "store: COMMIT left the transaction open");
      }
      if (!committed) db_->rollback();  // nothing of the transaction was applied
      return committed;
    }

   private:
    Result<void> open() const {
      if (ended_) return make_error(ErrorCode::kInvalidArgument, "store: the transaction has ended");
      if (latch_.failed()) return latch_.error();
      return {};
    }
    ds::FailureLatch latch_;
    std::shared_ptr<SqliteStore> store_;
    Lease db_;
    bool ended_ = false;
  };

  Result<std::unique_ptr<Transaction>> begin() override {
    auto db = acquire();
    if (!db) return db.error();
    // IMMEDIATE takes the write lock now (waiting up to busy_timeout), so two transactions never
    // both read and then both try to upgrade.
    if (auto begun = (*db)->step_cached("BEGIN IMMEDIATE"); !begun) return begun.error();
    return std::unique_ptr<Transaction>(std::make_unique<Tx>(shared_from_this(), std::move(*db)));
  }

  Result<bool> record_submission(const SubmissionRecord& r) override {
    if (auto ok = ds::check_record(r); !ok) return ok.error();
    auto db = acquire();
    if (!db) return db.error();
    const std::int64_t now = now_ms();
    return (*db)->change(std::string("INSERT INTO paygw_submissions (") + kSubmissionColumns +
                             ") VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?) ON CONFLICT (provider, request_id) DO NOTHING",
                         to_string(r.provider), r.request_id, to_string(r.state), std::int64_t{r.amount}, r.telco,
                         r.reference, r.verifier, now, now);
  }

  Result<std::optional<SubmissionRecord>> find_submission(Provider p, std::string_view id) override {
    auto db = acquire();
    if (!db) return db.error();
    return find(**db, p, id);
  }

  Result<bool> mark(Provider p, std::string_view id, SubmissionState from, SubmissionState to) override {
    if (auto ok = ds::check_mark(from, to); !ok) return ok.error();
    auto db = acquire();
    if (!db) return db.error();
    return (*db)->change(
        "UPDATE paygw_submissions SET state = ?, updated_ms = ? WHERE provider = ? AND request_id = ? AND state = ?",
        to_string(to), now_ms(), to_string(p), id, to_string(from));
  }

  Result<std::vector<SubmissionRecord>> list_unsettled(std::chrono::milliseconds older_than,
                                                       std::size_t limit) override {
    auto db = acquire();
    if (!db) return db.error();
    auto s = (*db)->prepare(std::string("SELECT ") + kSubmissionColumns +
                            " FROM paygw_submissions WHERE state IN ('write_ahead', 'pending') AND created_ms <= ? "
                            "ORDER BY created_ms, rowid LIMIT ?");
    if (!s) return s.error();
    s->bind(now_ms() - older_than.count(), static_cast<std::int64_t>(limit));
    return rows<SubmissionRecord>(*s, submission_of);
  }

  Result<std::optional<EventRecord>> find_event(Provider p, std::string_view id) override {
    auto db = acquire();
    if (!db) return db.error();
    auto s = (*db)->prepare(std::string("SELECT ") + kEventColumns +
                            " FROM paygw_events WHERE provider = ? AND event_id = ?");
    if (!s) return s.error();
    s->bind(to_string(p), id);
    auto found = rows<EventRecord>(*s, event_of);
    if (!found) return found.error();
    if (found->empty()) return std::optional<EventRecord>();
    return std::optional<EventRecord>(std::move(found->front()));
  }

  Result<std::vector<EventRecord>> list_unhandled(std::size_t limit) override {
    auto db = acquire();
    if (!db) return db.error();
    auto s = (*db)->prepare(std::string("SELECT ") + kEventColumns +
                            " FROM paygw_events WHERE handled = 0 ORDER BY seq LIMIT ?");
    if (!s) return s.error();
    s->bind(static_cast<std::int64_t>(limit));
    return rows<EventRecord>(*s, event_of);
  }

  Result<EventPage> list_events(const EventQuery& q) override {
    if (auto ok = ds::check_limit(q.limit); !ok) return ok.error();
    auto after = ds::parse_seq_cursor(q.cursor);
    if (!after) return after.error();
    const auto query = ds::events_sql(q, *after, kEventColumns, ds::kSqlite);
    auto db = acquire();
    if (!db) return db.error();
    auto s = prepared(**db, query);
    if (!s) return s.error();
    EventPage page;
    std::int64_t last = 0;
    for (;;) {
      auto more = s->step();
      if (!more) return more.error();
      if (!*more) break;
      if (page.events.size() == q.limit) {
        page.next_cursor = std::to_string(last);
        break;
      }
      auto e = event_of(*s);
      if (!e) return e.error();
      page.events.push_back(std::move(*e));
      last = s->integer(6);
    }
    return page;
  }

  Result<SubmissionPage> list_submissions(const SubmissionQuery& q) override {
    if (auto ok = ds::check_limit(q.limit); !ok) return ok.error();
    auto query = ds::submissions_sql(q, kSubmissionColumns, ds::kSqlite);
    if (!query) return query.error();
    auto db = acquire();
    if (!db) return db.error();
    auto s = prepared(**db, *query);
    if (!s) return s.error();
    auto all = rows<SubmissionRecord>(*s, submission_of);
    if (!all) return all.error();
    SubmissionPage page;
    if (all->size() > q.limit) {
      all->resize(q.limit);
      const SubmissionRecord& last = all->back();
      page.next_cursor = ds::submission_cursor(ds::to_ms(last.created_at), to_string(last.provider), last.request_id);
    }
    page.submissions = std::move(*all);
    return page;
  }

  Result<void> record_alert(const AlertRecord& a) override {
    if (!alert_budget_.take()) return ds::alert_budget_exceeded();
    auto db = acquire();
    if (!db) return db.error();
    auto done =
        (*db)->change("INSERT INTO paygw_alerts (provider, kind, subject, message, raised_ms) VALUES (?, ?, ?, ?, ?)",
                      to_string(a.provider), a.kind, ds::cut_utf8(a.subject, ds::kMaxAlertSubject),
                      ds::cut_utf8(a.message, ds::kMaxAlertMessage), now_ms());
    if (!done) return done.error();
    return {};
  }

  Result<AlertPage> list_alerts(const AlertQuery& q) override {
    if (auto ok = ds::check_limit(q.limit); !ok) return ok.error();
    auto after = ds::parse_seq_cursor(q.cursor);
    if (!after) return after.error();
    const auto query = ds::alerts_sql(q, *after, ds::kSqlite);
    auto db = acquire();
    if (!db) return db.error();
    auto s = prepared(**db, query);
    if (!s) return s.error();
    AlertPage page;
    std::int64_t last = 0;
    for (;;) {
      auto more = s->step();
      if (!more) return more.error();
      if (!*more) break;
      if (page.alerts.size() == q.limit) {
        page.next_cursor = std::to_string(last);
        break;
      }
      const auto provider = parse_provider(s->text(0));
      if (!provider) return make_error(ErrorCode::kInternal, "store: unreadable alert row");
      page.alerts.push_back(AlertRecord{*provider, s->text(1), s->text(2), s->text(3), ds::from_ms(s->integer(4))});
      last = s->integer(5);
    }
    return page;
  }

  Result<bool> create_flow(const FlowRecord& f) override {
    if (auto ok = ds::check_flow(f); !ok) return ok.error();
    auto db = acquire();
    if (!db) return db.error();
    const std::int64_t now = now_ms();
    return (*db)->change(std::string("INSERT INTO paygw_flows (") + kFlowColumns +
                             ") VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (provider, flow_id) DO NOTHING",
                         to_string(f.provider), f.flow_id, f.kind, f.state, f.data, now, now);
  }

  Result<std::optional<FlowRecord>> find_flow(Provider p, std::string_view id) override {
    auto db = acquire();
    if (!db) return db.error();
    auto s =
        (*db)->prepare(std::string("SELECT ") + kFlowColumns + " FROM paygw_flows WHERE provider = ? AND flow_id = ?");
    if (!s) return s.error();
    s->bind(to_string(p), id);
    auto found = rows<FlowRecord>(*s, flow_of);
    if (!found) return found.error();
    if (found->empty()) return std::optional<FlowRecord>();
    return std::optional<FlowRecord>(std::move(found->front()));
  }

  Result<bool> update_flow(Provider p, std::string_view id, std::int64_t expected_version, std::string_view state,
                           std::string_view data) override {
    if (auto ok = ds::check_flow_update(state, data); !ok) return ok.error();
    auto db = acquire();
    if (!db) return db.error();
    return (*db)->change(
        "UPDATE paygw_flows SET state = ?, data = ?, version = version + 1, updated_ms = ? "
        "WHERE provider = ? AND flow_id = ? AND version = ?",
        state, data, now_ms(), to_string(p), id, expected_version);
  }

  Result<void> migrate() {
    auto db = acquire();
    if (!db) return db.error();
    return (*db)->migrate(migrations(), now_ms());
  }

 private:
  StoreOptions options_;
  ds::AlertBudget alert_budget_;
  std::shared_ptr<ds::Pool<Db>> pool_;
};

}  // namespace

Result<std::shared_ptr<PaymentStore>> open_store(const StoreOptions& options) {
  if (options.path.empty()) return make_error(ErrorCode::kConfig, "store: sqlite path is required");
  if (options.max_connections == 0) return make_error(ErrorCode::kConfig, "store: max_connections must be >= 1");
  auto store = std::make_shared<SqliteStore>(options);
  if (auto migrated = store->migrate(); !migrated) return migrated.error();
  return std::shared_ptr<PaymentStore>(std::move(store));
}

}  // namespace paygw::sqlite
