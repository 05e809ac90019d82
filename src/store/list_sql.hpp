// SPDX-License-Identifier: MIT
// Internal: the SQL of the list_*() reads, written once for both SQL stores (header-only, like
// validate.hpp), so SQLite and PostgreSQL filter, order and page alike; each store only binds the
// parameters and reads the rows.
#pragma once

#include <paygw/store.hpp>

#include "store/validate.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paygw::detail::store {

/// How a SQL store writes what differs between SQLite and PostgreSQL.
struct Dialect {
  bool numbered;                ///< Placeholders `$1, $2, …` (PostgreSQL) rather than `?` (SQLite).
  std::string_view text_order;  ///< After a text column in comparisons and ORDER BY (byte order).
  std::string_view true_value;  ///< A boolean column's true, as a literal.
  std::string_view false_value;
};

inline constexpr Dialect kSqlite{false, "", "1", "0"};
inline constexpr Dialect kPostgres{true, R"( COLLATE "C")", "true", "false"};

/// A SELECT with its parameters, built clause by clause; the parameters are bound in order.
struct ListSql {
  std::string sql;
  std::vector<SqlValue> params;
  Dialect dialect;

  /// The next placeholder, bound to `v`.
  std::string bind(SqlValue v) {
    params.push_back(std::move(v));
    return dialect.numbered ? "$" + std::to_string(params.size()) : std::string("?");
  }
  /// ` AND column IN (…)` when `values` is not empty.
  template <typename T, typename ToValue>
  void where_in(std::string_view column, const std::vector<T>& values, ToValue to_value) {
    if (values.empty()) return;
    sql += " AND " + std::string(column) + " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) sql += (i == 0 ? "" : ", ") + bind(to_value(values[i]));
    sql += ")";
  }
  /// ` AND column >= from AND column < before` for the bounds given.
  void where_between(std::string_view column, const std::optional<std::chrono::system_clock::time_point>& from,
                     const std::optional<std::chrono::system_clock::time_point>& before) {
    if (from) sql += " AND " + std::string(column) + " >= " + bind(to_ms(*from));
    if (before) sql += " AND " + std::string(column) + " < " + bind(to_ms(*before));
  }
  void where_provider(const std::optional<Provider>& provider) {
    if (provider) sql += " AND provider = " + bind(std::string(to_string(*provider)));
  }
  /// ` LIMIT limit + 1`: one row more than the page tells whether there is a next page.
  void limit_one_more(std::size_t limit) { sql += " LIMIT " + bind(static_cast<std::int64_t>(limit + 1)); }
};

inline std::string as_text(const std::string& s) { return s; }

/// list_events(): `columns` then `seq` (the cursor), after sequence number `after`.
inline ListSql events_sql(const EventQuery& q, std::int64_t after, std::string_view columns, const Dialect& d) {
  ListSql s{"SELECT " + std::string(columns) + ", seq FROM paygw_events WHERE seq > ", {}, d};
  s.sql += s.bind(after);
  s.where_provider(q.provider);
  s.where_in("kind", q.kinds, as_text);
  if (q.handled) s.sql += " AND handled = " + std::string(*q.handled ? d.true_value : d.false_value);
  s.where_between("applied_ms", q.applied_from, q.applied_before);
  s.sql += " ORDER BY seq";
  s.limit_one_more(q.limit);
  return s;
}

/// list_submissions(), ordered by (created_ms, provider, request_id), after the cursor's position.
/// Errors: kInvalidArgument (a cursor this store did not write).
inline Result<ListSql> submissions_sql(const SubmissionQuery& q, std::string_view columns, const Dialect& d) {
  ListSql s{"SELECT " + std::string(columns) + " FROM paygw_submissions WHERE 1 = 1", {}, d};
  const std::string text_order(d.text_order);
  if (!q.cursor.empty()) {
    auto after = parse_submission_cursor(q.cursor);
    if (!after) return after.error();
    s.sql += " AND (created_ms, provider" + text_order + ", request_id" + text_order + ") > (" +
             s.bind(after->created_ms) + ", ";
    s.sql += s.bind(after->provider) + ", ";
    s.sql += s.bind(after->request_id) + ")";
  }
  s.where_provider(q.provider);
  s.where_in("state", q.states, [](SubmissionState v) { return std::string(to_string(v)); });
  s.where_between("created_ms", q.created_from, q.created_before);
  s.sql += " ORDER BY created_ms, provider" + text_order + ", request_id" + text_order;
  s.limit_one_more(q.limit);
  return s;
}

/// list_alerts(): provider, kind, subject, message, raised_ms, seq, after sequence number `after`.
inline ListSql alerts_sql(const AlertQuery& q, std::int64_t after, const Dialect& d) {
  ListSql s{"SELECT provider, kind, subject, message, raised_ms, seq FROM paygw_alerts WHERE seq > ", {}, d};
  s.sql += s.bind(after);
  s.where_provider(q.provider);
  s.where_in("kind", q.kinds, as_text);
  s.where_between("raised_ms", q.raised_from, q.raised_before);
  s.sql += " ORDER BY seq";
  s.limit_one_more(q.limit);
  return s;
}

}  // namespace paygw::detail::store
