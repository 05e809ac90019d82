// SPDX-License-Identifier: MIT
#include "store/sqlite_db.hpp"

#include <sqlite3.h>

#include <thread>

namespace paygw::sqlite::detail {

namespace {

Error store_error(const std::string& message) { return make_error(ErrorCode::kInternal, "store: " + message); }

bool fatal(int rc) {
  const int primary = rc & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_IOERR ||
         primary == SQLITE_CANTOPEN || primary == SQLITE_FULL;
}

}  // namespace

Stmt::~Stmt() {
  if (stmt_ == nullptr) return;
  if (in_use_ == nullptr) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *in_use_ = false;
}

void Stmt::bind_one(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}
void Stmt::bind_one(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
void Stmt::bind_one(int index, std::nullptr_t) { sqlite3_bind_null(stmt_, index); }
void Stmt::bind_one(int index, const SqlValue& value) {
  std::visit([&](const auto& v) { bind_one(index, v); }, value);
}

Result<bool> Stmt::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return store_error(std::string(sqlite3_errmsg(db_)) + " (" + sqlite3_errstr(rc) + ")");
}

std::string Stmt::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  const int n = sqlite3_column_bytes(stmt_, column);
  return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}

std::int64_t Stmt::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

Result<std::unique_ptr<Db>> Db::open(const std::string& path, std::chrono::milliseconds busy_timeout,
                                     bool synchronous_full) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Db> db(new Db(raw));
  if (rc != SQLITE_OK) return store_error(std::string("cannot open the database: ") + sqlite3_errstr(rc));
  sqlite3_extended_result_codes(raw, 1);
  const auto ms = busy_timeout.count();
  sqlite3_busy_timeout(raw, ms > 0x7fffffff ? 0x7fffffff : static_cast<int>(ms));
  // journal_mode=WAL needs a moment without other writers; the busy handler covers most of it,
  // a few retries cover the rest when several processes open the file at once.
  Result<void> wal = store_error("journal_mode=WAL was not set");
  for (int attempt = 0; attempt < 50; ++attempt) {
    auto s = db->prepare("PRAGMA journal_mode=WAL");
    if (s) {
      auto row = s->step();
      if (row && *row && s->text(0) == "wal") {
        wal = Result<void>();
        break;
      }
      if (!row) wal = row.error();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!wal) return wal.error();
  if (auto ok = db->exec(synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"); !ok) {
    return ok.error();
  }
  if (auto ok = db->exec("PRAGMA foreign_keys=ON"); !ok) return ok.error();
  return db;
}

Db::~Db() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Error Db::failure(int rc, std::string_view what) {
  if (fatal(rc)) broken_ = true;
  return store_error(std::string(what) + ": " + sqlite3_errmsg(db_) + " (" + sqlite3_errstr(rc) + ")");
}

Result<void> Db::exec(std::string_view sql) {
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return failure(rc, "statement failed");
  return {};
}

void Db::rollback() noexcept {
  if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

bool Db::in_transaction() const noexcept { return sqlite3_get_autocommit(db_) == 0; }

Result<void> Db::step_cached(std::string_view sql) {
  auto s = prepare(sql);
  if (!s) return s.error();
  auto done = run(*s);
  if (!done) return done.error();
  return {};
}

Result<Stmt> Db::prepare(std::string_view sql, bool cache) {
  Cached* slot = nullptr;
  if (cache) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end() && !it->second.in_use) {
      it->second.in_use = true;
      return Stmt(db_, it->second.stmt, &it->second.in_use);
    }
    if (it == cache_.end() && cache_.size() < kMaxCached) slot = &cache_[std::string(sql)];
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    slot != nullptr ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
  if (rc != SQLITE_OK || stmt == nullptr) {
    if (slot != nullptr) cache_.erase(std::string(sql));
    if (rc == SQLITE_OK) return store_error("an empty statement");
    return failure(rc, "cannot prepare a statement");
  }
  if (slot == nullptr) return Stmt(db_, stmt);
  slot->stmt = stmt;
  slot->in_use = true;
  return Stmt(db_, stmt, &slot->in_use);
}

Result<std::int64_t> Db::run(Stmt& s) {
  for (;;) {
    auto more = s.step();
    if (!more) {
      if (fatal(sqlite3_errcode(db_))) broken_ = true;
      return more.error();
    }
    if (!*more) break;
  }
  return static_cast<std::int64_t>(sqlite3_changes(db_));
}

Result<std::int64_t> Db::execute(std::string_view sql, const std::vector<SqlValue>& params) {
  auto s = prepare(sql, !params.empty());  // a statement with parameters is likely to come again
  if (!s) return s.error();
  int i = 0;
  for (const auto& p : params) s->bind_one(++i, p);
  return run(*s);
}

Result<void> Db::migrate(const std::vector<std::string>& migrations, std::int64_t now_ms) {
  if (auto begun = exec("BEGIN IMMEDIATE"); !begun) return begun;
  auto fail = [&](Error e) {
    rollback();
    return e;
  };
  if (auto made = exec("CREATE TABLE IF NOT EXISTS paygw_schema (version INTEGER PRIMARY KEY, applied_ms INTEGER "
                       "NOT NULL)");
      !made) {
    return fail(made.error());
  }
  auto s = prepare("SELECT COALESCE(MAX(version), 0) FROM paygw_schema");
  if (!s) return fail(s.error());
  auto row = s->step();
  if (!row || !*row) return fail(row ? store_error("cannot read the schema version") : row.error());
  const std::int64_t current = s->integer(0);
  if (current > static_cast<std::int64_t>(migrations.size())) {
    return fail(make_error(ErrorCode::kConfig, "store: the database schema (version " + std::to_string(current) +
                                                   ") is newer than this paygw"));
  }
  for (std::int64_t v = current + 1; v <= static_cast<std::int64_t>(migrations.size()); ++v) {
    if (auto applied = exec(migrations[static_cast<std::size_t>(v - 1)]); !applied) return fail(applied.error());
    auto recorded = change("INSERT INTO paygw_schema (version, applied_ms) VALUES (?, ?)", v, now_ms);
    if (!recorded) return fail(recorded.error());
  }
  return exec("COMMIT");
}

}  // namespace paygw::sqlite::detail
