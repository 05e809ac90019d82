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
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace paygw::sqlite::detail {

/// A prepared statement. Bind, then step() through the rows.
class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
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
};

/// One connection, used by one thread at a time.
class Db {
 public:
  /// Opens `path` (created when missing) in WAL mode with the given busy timeout.
  static Result<std::unique_ptr<Db>> open(const std::string& path, std::chrono::milliseconds busy_timeout,
                                          bool synchronous_full);
  ~Db();

  /// Runs one or more statements without results.
  Result<void> exec(std::string_view sql);
  /// ROLLBACK, ignoring "no transaction is active".
  void rollback() noexcept;
  Result<Stmt> prepare(std::string_view sql);
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
  explicit Db(sqlite3* db) : db_(db) {}
  Result<std::int64_t> run(Stmt& s);
  Error failure(int rc, std::string_view what);
  sqlite3* db_;
  bool broken_ = false;
};

}  // namespace paygw::sqlite::detail
