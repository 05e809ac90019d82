// SPDX-License-Identifier: MIT
// The PostgreSQL PaymentStore: a small connection pool; every guarantee from PostgreSQL itself
// (row locks, INSERT … ON CONFLICT DO NOTHING, conditional UPDATE at READ COMMITTED), so it holds
// for any number of instances on any number of machines.
#include <paygw/store/postgres.hpp>

#include "store/list_sql.hpp"
#include "store/pool.hpp"
#include "store/postgres_db.hpp"
#include "store/validate.hpp"

namespace paygw::postgres {

namespace {

namespace ds = paygw::detail::store;
using detail::Conn;
using detail::Rows;

constexpr const char* kSubmissionColumns =
    "provider, request_id, state, amount, telco, reference, verifier, result, created_ms, updated_ms";
constexpr const char* kEventColumns = "provider, event_id, kind, payload, handled, applied_ms";
constexpr const char* kFlowColumns = "provider, flow_id, kind, state, data, version, created_ms, updated_ms";
constexpr std::int64_t kMigrationLock = 0x70617967;  // "payg": pg_advisory_xact_lock key

/// A list_*() read's parameters as libpq takes them.
std::vector<detail::Param> params_of(const ds::ListSql& query) {
  std::vector<detail::Param> params;
  params.reserve(query.params.size());
  for (const auto& v : query.params) params.push_back(detail::param(v));
  return params;
}

Result<std::vector<SubmissionRecord>> submissions_of(const Rows& rows) {
  std::vector<SubmissionRecord> out;
  for (int i = 0; i < rows.size(); ++i) {
    SubmissionRecord r;
    const auto provider = parse_provider(rows.text(i, 0));
    const auto state = parse_submission_state(rows.text(i, 2));
    if (!provider || !state) return make_error(ErrorCode::kInternal, "store: unreadable submission row");
    r.provider = *provider;
    r.request_id = rows.text(i, 1);
    r.state = *state;
    r.amount = rows.integer(i, 3);
    r.telco = rows.text(i, 4);
    r.reference = rows.text(i, 5);
    r.verifier = rows.text(i, 6);
    r.result = rows.text(i, 7);
    r.created_at = ds::from_ms(rows.integer(i, 8));
    r.updated_at = ds::from_ms(rows.integer(i, 9));
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<EventRecord>> events_of(const Rows& rows) {
  std::vector<EventRecord> out;
  for (int i = 0; i < rows.size(); ++i) {
    EventRecord e;
    const auto provider = parse_provider(rows.text(i, 0));
    if (!provider) return make_error(ErrorCode::kInternal, "store: unreadable event row");
    e.provider = *provider;
    e.event_id = rows.text(i, 1);
    e.kind = rows.text(i, 2);
    e.payload = rows.text(i, 3);
    e.handled = rows.boolean(i, 4);
    e.applied_at = ds::from_ms(rows.integer(i, 5));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<FlowRecord>> flows_of(const Rows& rows) {
  std::vector<FlowRecord> out;
  for (int i = 0; i < rows.size(); ++i) {
    FlowRecord f;
    const auto provider = parse_provider(rows.text(i, 0));
    if (!provider) return make_error(ErrorCode::kInternal, "store: unreadable flow row");
    f.provider = *provider;
    f.flow_id = rows.text(i, 1);
    f.kind = rows.text(i, 2);
    f.state = rows.text(i, 3);
    f.data = rows.text(i, 4);
    f.version = rows.integer(i, 5);
    f.created_at = ds::from_ms(rows.integer(i, 6));
    f.updated_at = ds::from_ms(rows.integer(i, 7));
    out.push_back(std::move(f));
  }
  return out;
}

template <typename T>
Result<std::optional<T>> first(Result<std::vector<T>> all) {
  if (!all) return all.error();
  if (all->empty()) return std::optional<T>();
  return std::optional<T>(std::move(all->front()));
}

Result<bool> one_changed(Result<Rows> r) {
  if (!r) return r.error();
  return r->changed() == 1;
}

class PostgresStore final : public PaymentStore, public std::enable_shared_from_this<PostgresStore> {
 public:
  using Lease = ds::Pool<Conn>::Lease;

  explicit PostgresStore(StoreOptions options) : options_(std::move(options)) {
    if (!options_.clock) options_.clock = system_clock();
    pool_ = std::make_shared<ds::Pool<Conn>>(options_.max_connections,
                                             [o = options_] { return Conn::connect(o.conninfo, o.lock_timeout); });
  }

  std::int64_t now_ms() const { return ds::to_ms(options_.clock->now()); }

  class Tx final : public Transaction {
   public:
    Tx(std::shared_ptr<PostgresStore> store, Lease lease) : store_(std::move(store)), c_(std::move(lease)) {}
    ~Tx() override {
      if (!ended_) c_->rollback();
    }
    Result<std::optional<SubmissionRecord>> find_submission(Provider p, std::string_view id) override {
      if (auto ok = open(); !ok) return ok.error();
      // FOR UPDATE: a second delivery of the same card waits here until this one commits, then
      // sees the final state (and decide() classifies it as a duplicate or a conflict).
      auto r = latch_.track(c_->run(std::string("SELECT ") + kSubmissionColumns +
                                        " FROM paygw_submissions WHERE provider = $1 AND request_id = $2 FOR UPDATE",
                                    to_string(p), id));
      if (!r) return r.error();
      return first(submissions_of(*r));
    }
    Result<bool> finalize(Provider p, std::string_view id, std::string_view result) override {
      if (auto ok = open(); !ok) return ok.error();
      return one_changed(
          latch_.track(c_->run("UPDATE paygw_submissions SET state = 'final', result = $1, updated_ms = $2 "
                               "WHERE provider = $3 AND request_id = $4 AND state IN ('write_ahead', 'pending')",
                               result, store_->now_ms(), to_string(p), id)));
    }
    Result<bool> record_event(const EventRecord& e) override {
      if (auto ok = open(); !ok) return ok.error();
      if (auto ok = ds::check_key("event_id", e.event_id, ds::kMaxEventId); !ok) return ok.error();
      const std::int64_t now = store_->now_ms();
      return one_changed(latch_.track(
          c_->run("INSERT INTO paygw_events (provider, event_id, kind, payload, handled, applied_ms, handled_ms) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (provider, event_id) DO NOTHING",
                  to_string(e.provider), e.event_id, e.kind, e.payload, e.handled, now,
                  e.handled ? SqlValue(now) : SqlValue(nullptr))));
    }
    Result<bool> mark_handled(Provider p, std::string_view id) override {
      if (auto ok = open(); !ok) return ok.error();
      return one_changed(
          latch_.track(c_->run("UPDATE paygw_events SET handled = true, handled_ms = $1 "
                               "WHERE provider = $2 AND event_id = $3 AND NOT handled",
                               store_->now_ms(), to_string(p), id)));
    }
    Result<std::int64_t> execute(std::string_view sql, const std::vector<SqlValue>& params) override {
      if (auto ok = open(); !ok) return ok.error();
      if (ds::is_transaction_control(sql)) return latch_.track(Result<std::int64_t>(ds::transaction_control_refused()));
      std::vector<detail::Param> values;
      values.reserve(params.size());
      for (const auto& v : params) values.push_back(detail::param(v));
      // A statement with parameters is likely to come again (the credit of every delivery).
      auto r = latch_.track(values.empty() ? c_->query(sql, values) : c_->prepared(sql, values));
      if (!r) return r.error();
      if (!c_->in_transaction()) {
        return latch_.track(Result<std::int64_t>(
            make_error(ErrorCode::kInternal, "store: a statement of execute() ended the transaction")));
      }
      return r->changed();
    }
    Result<void> commit() override {
      if (ended_) return make_error(ErrorCode::kInvalidArgument, "store: the transaction has ended");
      ended_ = true;
      if (latch_.failed()) {
        c_->rollback();
        return latch_.error();
      }
      auto committed = c_->commit();
      if (!committed) c_->rollback();
      return committed;
    }

   private:
    Result<void> open() const {
      if (ended_) return make_error(ErrorCode::kInvalidArgument, "store: the transaction has ended");
      if (latch_.failed()) return latch_.error();
      return {};
    }
    ds::FailureLatch latch_;
    std::shared_ptr<PostgresStore> store_;
    Lease c_;
    bool ended_ = false;
  };

  Result<std::unique_ptr<Transaction>> begin() override {
    auto c = pool_->acquire();
    if (!c) return c.error();
    // Sent with the transaction's first statement: one round trip fewer per delivery.
    (*c)->begin_lazily("BEGIN ISOLATION LEVEL READ COMMITTED");
    return std::unique_ptr<Transaction>(std::make_unique<Tx>(shared_from_this(), std::move(*c)));
  }

  Result<bool> record_submission(const SubmissionRecord& r) override {
    if (auto ok = ds::check_record(r); !ok) return ok.error();
    auto c = pool_->acquire();
    if (!c) return c.error();
    const std::int64_t now = now_ms();
    return one_changed((*c)->run(std::string("INSERT INTO paygw_submissions (") + kSubmissionColumns +
                                     ") VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, $9) "
                                     "ON CONFLICT (provider, request_id) DO NOTHING",
                                 to_string(r.provider), r.request_id, to_string(r.state), std::int64_t{r.amount},
                                 r.telco, r.reference, r.verifier, now, now));
  }

  Result<std::optional<SubmissionRecord>> find_submission(Provider p, std::string_view id) override {
    auto c = pool_->acquire();
    if (!c) return c.error();
    auto r = (*c)->run(
        std::string("SELECT ") + kSubmissionColumns + " FROM paygw_submissions WHERE provider = $1 AND request_id = $2",
        to_string(p), id);
    if (!r) return r.error();
    return first(submissions_of(*r));
  }

  Result<bool> mark(Provider p, std::string_view id, SubmissionState from, SubmissionState to) override {
    if (auto ok = ds::check_mark(from, to); !ok) return ok.error();
    auto c = pool_->acquire();
    if (!c) return c.error();
    return one_changed(
        (*c)->run("UPDATE paygw_submissions SET state = $1, updated_ms = $2 "
                  "WHERE provider = $3 AND request_id = $4 AND state = $5",
                  to_string(to), now_ms(), to_string(p), id, to_string(from)));
  }

  Result<std::vector<SubmissionRecord>> list_unsettled(std::chrono::milliseconds older_than,
                                                       std::size_t limit) override {
    auto c = pool_->acquire();
    if (!c) return c.error();
    auto r = (*c)->run(std::string("SELECT ") + kSubmissionColumns +
                           " FROM paygw_submissions WHERE state IN ('write_ahead', 'pending') AND created_ms <= $1 "
                           "ORDER BY created_ms, provider, request_id LIMIT $2",
                       now_ms() - older_than.count(), static_cast<std::int64_t>(limit));
    if (!r) return r.error();
    return submissions_of(*r);
  }

  Result<std::optional<EventRecord>> find_event(Provider p, std::string_view id) override {
    auto c = pool_->acquire();
    if (!c) return c.error();
    auto r =
        (*c)->run(std::string("SELECT ") + kEventColumns + " FROM paygw_events WHERE provider = $1 AND event_id = $2",
                  to_string(p), id);
    if (!r) return r.error();
    return first(events_of(*r));
  }

  Result<std::vector<EventRecord>> list_unhandled(std::size_t limit) override {
    auto c = pool_->acquire();
    if (!c) return c.error();
    auto r =
        (*c)->run(std::string("SELECT ") + kEventColumns + " FROM paygw_events WHERE NOT handled ORDER BY seq LIMIT $1",
                  static_cast<std::int64_t>(limit));
    if (!r) return r.error();
    return events_of(*r);
  }

  Result<EventPage> list_events(const EventQuery& q) override {
    if (auto ok = ds::check_limit(q.limit); !ok) return ok.error();
    auto after = ds::parse_seq_cursor(q.cursor);
    if (!after) return after.error();
    const auto query = ds::events_sql(q, *after, kEventColumns, ds::kPostgres);
    auto c = pool_->acquire();
    if (!c) return c.error();
    auto r = (*c)->query(query.sql, params_of(query));
    if (!r) return r.error();
    auto all = events_of(*r);
    if (!all) return all.error();
    EventPage page;
    if (all->size() > q.limit) {
      all->resize(q.limit);
      page.next_cursor = r->text(static_cast<int>(q.limit) - 1, 6);
    }
    page.events = std::move(*all);
    return page;
  }

  Result<SubmissionPage> list_submissions(const SubmissionQuery& q) override {
    if (auto ok = ds::check_limit(q.limit); !ok) return ok.error();
    auto query = ds::submissions_sql(q, kSubmissionColumns, ds::kPostgres);
    if (!query) return query.error();
    auto c = pool_->acquire();
    if (!c) return c.error();
    auto r = (*c)->query(query->sql, params_of(*query));
    if (!r) return r.error();
    auto all = submissions_of(*r);
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
    auto c = pool_->acquire();
    if (!c) return c.error();
    auto done =
        (*c)->run("INSERT INTO paygw_alerts (provider, kind, subject, message, raised_ms) VALUES ($1, $2, $3, $4, $5)",
                  to_string(a.provider), a.kind, ds::cut_utf8(a.subject, ds::kMaxAlertSubject),
                  ds::cut_utf8(a.message, ds::kMaxAlertMessage), now_ms());
    if (!done) return done.error();
    return {};
  }

  Result<AlertPage> list_alerts(const AlertQuery& q) override {
    if (auto ok = ds::check_limit(q.limit); !ok) return ok.error();
    auto after = ds::parse_seq_cursor(q.cursor);
    if (!after) return after.error();
    const auto query = ds::alerts_sql(q, *after, ds::kPostgres);
    auto c = pool_->acquire();
    if (!c) return c.error();
    auto r = (*c)->query(query.sql, params_of(query));
    if (!r) return r.error();
    AlertPage page;
    for (int i = 0; i < r->size(); ++i) {
      if (page.alerts.size() == q.limit) {
        page.next_cursor = r->text(i - 1, 5);
        break;
      }
      const auto provider = parse_provider(r->text(i, 0));
      if (!provider) return make_error(ErrorCode::kInternal, "store: unreadable alert row");
      page.alerts.push_back(
          AlertRecord{*provider, r->text(i, 1), r->text(i, 2), r->text(i, 3), ds::from_ms(r->integer(i, 4))});
    }
    return page;
  }

  Result<bool> create_flow(const FlowRecord& f) override {
    if (auto ok = ds::check_flow(f); !ok) return ok.error();
    auto c = pool_->acquire();
    if (!c) return c.error();
    const std::int64_t now = now_ms();
    return one_changed((*c)->run(std::string("INSERT INTO paygw_flows (") + kFlowColumns +
                                     ") VALUES ($1, $2, $3, $4, $5, 1, $6, $7) "
                                     "ON CONFLICT (provider, flow_id) DO NOTHING",
                                 to_string(f.provider), f.flow_id, f.kind, f.state, f.data, now, now));
  }

  Result<std::optional<FlowRecord>> find_flow(Provider p, std::string_view id) override {
    auto c = pool_->acquire();
    if (!c) return c.error();
    auto r = (*c)->run(std::string("SELECT ") + kFlowColumns + " FROM paygw_flows WHERE provider = $1 AND flow_id = $2",
                       to_string(p), id);
    if (!r) return r.error();
    return first(flows_of(*r));
  }

  Result<bool> update_flow(Provider p, std::string_view id, std::int64_t expected_version, std::string_view state,
                           std::string_view data) override {
    if (auto ok = ds::check_flow_update(state, data); !ok) return ok.error();
    auto c = pool_->acquire();
    if (!c) return c.error();
    // At READ COMMITTED a second UPDATE of the row waits for the first, then re-checks version.
    return one_changed(
        (*c)->run("UPDATE paygw_flows SET state = $1, data = $2, version = version + 1, "
                  "updated_ms = $3 WHERE provider = $4 AND flow_id = $5 AND version = $6",
                  state, data, now_ms(), to_string(p), id, expected_version));
  }

  // Instances starting together: the advisory lock makes one migrate while the others wait, then
  // find the schema current.
  Result<void> migrate() {
    auto c = pool_->acquire();
    if (!c) return c.error();
    Conn& conn = **c;
    auto fail = [&](Error e) {
      conn.rollback();
      return e;
    };
    if (auto ok = conn.script("BEGIN"); !ok) return ok;
    if (auto ok = conn.query("SELECT pg_advisory_xact_lock($1)", {detail::param(kMigrationLock)}); !ok)
      return fail(ok.error());
    if (auto ok = conn.script("CREATE TABLE IF NOT EXISTS paygw_schema (version INTEGER PRIMARY KEY, "
                              "applied_ms BIGINT NOT NULL)");
        !ok) {
      return fail(ok.error());
    }
    auto version = conn.query("SELECT COALESCE(MAX(version), 0) FROM paygw_schema");
    if (!version || version->size() != 1)
      return fail(version ? make_error(ErrorCode::kInternal, "store: no version") : version.error());
    const std::int64_t current = version->integer(0, 0);
    const auto scripts = migrations();
    if (current > static_cast<std::int64_t>(scripts.size())) {
      return fail(make_error(ErrorCode::kConfig, "store: the database schema (version " + std::to_string(current) +
                                                     ") is newer than this paygw"));
    }
    for (std::int64_t v = current + 1; v <= static_cast<std::int64_t>(scripts.size()); ++v) {
      if (auto ok = conn.script(scripts[static_cast<std::size_t>(v - 1)]); !ok) return fail(ok.error());
      if (auto ok = conn.query("INSERT INTO paygw_schema (version, applied_ms) VALUES ($1, $2)",
                               {detail::param(v), detail::param(now_ms())});
          !ok) {
        return fail(ok.error());
      }
    }
    return conn.commit();
  }

 private:
  StoreOptions options_;
  ds::AlertBudget alert_budget_;
  std::shared_ptr<ds::Pool<Conn>> pool_;
};

}  // namespace

Result<std::shared_ptr<PaymentStore>> open_store(const StoreOptions& options) {
  if (options.conninfo.empty()) return make_error(ErrorCode::kConfig, "store: postgres conninfo is required");
  if (options.max_connections == 0) return make_error(ErrorCode::kConfig, "store: max_connections must be >= 1");
  auto store = std::make_shared<PostgresStore>(options);
  if (auto migrated = store->migrate(); !migrated) return migrated.error();
  return std::shared_ptr<PaymentStore>(std::move(store));
}

}  // namespace paygw::postgres
