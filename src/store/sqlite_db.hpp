// SPDX-License-Identifier: MIT
// Internal: a thin RAII layer over one sqlite3 connection and its statements.
#pragma once

#include <paygw/result.hpp>
#include <paygw/store.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace paygw::sqlite::detail {

/// A prepared statement. Bind, then step() through the rows. A statement from the connection's
/// cache (`in_use` set) is reset and kept when this object goes away; any other is finalized.
class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* stmt, bool* in_use = nullptr) : db_(db), stmt_(stmt), in_use_(in_use) {}
  Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_), in_use_(other.in_use_) { other.stmt_ = nullptr; }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& operator=(Stmt&&) = delete;
  ~Stmt();

  /// Binds the arguments to ?1, ?2, … (text, integers, SqlValue, nullptr).
  template <typename... Args>
  void bind(const Args&... args) {
    int i = 0;
    (bind_one(++i, args), ...);
  }
  void bind_one(int index, std::string_view text);
  void bind_one(int index, const std::string& text) { bind_one(index, std::string_view{text}); }
  void bind_one(int index, const char* text) { bind_one(index, std::string_view(text)); }
  void bind_one(int index, std::int64_t value);
  void bind_one(int index, std::nullptr_t);
  void bind_one(int index, const SqlValue& value);

  /// true: a row is available; false: done. Errors: kInternal ("store: …").
  Result<bool> step();
  std::string text(int column) const;
  std::int64_t integer(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool* in_use_;
};

/// One connection, used by one thread at a time.
class Db {
 public:
  /// Opens `path` (created when missing) in WAL mode with the given busy timeout.
  static Result<std::unique_ptr<Db>> open(const std::string& path, std::chrono::milliseconds busy_timeout,
                                          bool synchronous_full);
  ~Db();

  /// Runs one or more statements without results (parsed every time: for set-up and migrations).
  Result<void> exec(std::string_view sql);
  /// Runs one statement without parameters, prepared once per connection (BEGIN, COMMIT).
  Result<void> step_cached(std::string_view sql);
  /// true while a transaction is open on this connection.
  bool in_transaction() const noexcept;
  /// ROLLBACK, ignoring "no transaction is active".
  void rollback() noexcept;
  /// The statement, prepared once per connection and reused (at most kMaxCached statements are
  /// kept; `cache` false, or a statement already in use, gets a fresh one).
  Result<Stmt> prepare(std::string_view sql, bool cache = true);
  /// Runs one statement with arguments; true when it changed exactly one row.
  template <typename... Args>
  Result<bool> change(std::string_view sql, const Args&... args) {
    auto s = prepare(sql);
    if (!s) return s.error();
    s->bind(args...);
    auto done = run(*s);
    if (!done) return done.error();
    return *done == 1;
  }
  /// Runs one statement with `params`; returns the rows it changed.
  Result<std::int64_t> execute(std::string_view sql, const std::vector<SqlValue>& params);
  /// Applies the missing `migrations` (version N = element N-1) in one IMMEDIATE transaction.
  Result<void> migrate(const std::vector<std::string>& migrations, std::int64_t now_ms);
  /// true after a failure that makes the connection unusable (it is then closed, not pooled).
  bool broken() const noexcept { return broken_; }

 private:
  static constexpr std::size_t kMaxCached = 64;
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  explicit Db(sqlite3* db) : db_(db) {}
  Result<std::int64_t> run(Stmt& s);
  Error failure(int rc, std::string_view what);
  sqlite3* db_;
  bool broken_ = false;
  std::unordered_map<std::string, Cached> cache_;  // node-based: &in_use stays valid
};

}  // namespace paygw::sqlite::detail
