// SPDX-License-Identifier: MIT
// Internal: a thin RAII layer over one libpq connection (text parameters, text results).
#pragma once

#include <paygw/result.hpp>
#include <paygw/store.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace paygw::postgres::detail {

/// A parameter as text; nullopt is SQL NULL.
using Param = std::optional<std::string>;

inline Param param(std::string_view v) { return std::string(v); }
inline Param param(const std::string& v) { return v; }
inline Param param(const char* v) { return std::string(v); }
inline Param param(std::int64_t v) { return std::to_string(v); }
inline Param param(bool v) { return std::string(v ? "true" : "false"); }
inline Param param(std::nullptr_t) { return std::nullopt; }
Param param(const SqlValue& v);

/// The result of one statement.
class Rows {
 public:
  explicit Rows(pg_result* r) : r_(r) {}
  Rows(Rows&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  Rows& operator=(Rows&&) = delete;
  ~Rows();
  int size() const;
  std::string text(int row, int column) const;
  std::int64_t integer(int row, int column) const;
  bool boolean(int row, int column) const;
  /// The command tag ("INSERT 0 1", "COMMIT", "ROLLBACK" …).
  const char* command_tag() const;
  /// Rows changed by an INSERT/UPDATE/DELETE.
  std::int64_t changed() const;

 private:
  pg_result* r_;
};

/// One connection, used by one thread at a time.
class Conn {
 public:
  static Result<std::unique_ptr<Conn>> connect(const std::string& conninfo, std::chrono::milliseconds lock_timeout);
  ~Conn();

  /// One statement with $1… parameters, parsed and planned every time (an unnamed statement).
  Result<Rows> query(std::string_view sql, const std::vector<Param>& params = {});
  /// One statement with $1… parameters, prepared once per connection (a named statement, kept
  /// while the connection lives; at most kMaxPrepared, then as query()).
  Result<Rows> prepared(std::string_view sql, const std::vector<Param>& params);
  template <typename... Args>
  Result<Rows> run(std::string_view sql, const Args&... args) {
    return prepared(sql, std::vector<Param>{param(args)...});
  }
  /// One or more statements without parameters.
  Result<void> script(std::string_view sql);
  /// Starts a transaction with `begin_sql` ("BEGIN …") sent together with the transaction's
  /// first statement (one round trip for both, in libpq's pipeline mode); a transaction that
  /// runs no statement costs none.
  void begin_lazily(std::string begin_sql) { pending_begin_ = std::move(begin_sql); }
  /// COMMIT, and an error unless the server answered that it committed (command tag "COMMIT"
  /// and no transaction open afterwards: an aborted transaction answers COMMIT with "ROLLBACK").
  Result<void> commit();
  /// true while a transaction is open and not aborted.
  bool in_transaction() const noexcept;
  /// ROLLBACK when a transaction is open; never fails.
  void rollback() noexcept;
  /// true once the connection is unusable (it is then closed, not pooled).
  bool broken() const noexcept;

 private:
  static constexpr std::size_t kMaxPrepared = 64;
  explicit Conn(pg_conn* c) : c_(c) {}
  Error failure(std::string_view what, pg_result* r) const;
  Result<Rows> result_of(pg_result* r) const;
  /// The pending BEGIN, [PQsendPrepare of `name`,] then the statement (named when `name` is set),
  /// in one pipeline. `*prepared_ok`: whether the Parse of `name` succeeded.
  Result<Rows> with_begin(const std::string& text, const std::string& name, bool prepare,
                          const std::vector<const char*>& values, bool* prepared_ok);
  pg_conn* c_;
  bool broken_ = false;
  std::string pending_begin_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name
  std::size_t names_ = 0;                                  // statement names are never reused
};

}  // namespace paygw::postgres::detail
