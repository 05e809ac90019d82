// SPDX-License-Identifier: MIT
#include "store/postgres_db.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <optional>
#include <string_view>

namespace paygw::postgres::detail {

namespace {

Error store_error(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  for (char& c : message) c = c == '\n' ? ' ' : c;
  return make_error(ErrorCode::kInternal, "store: " + message);
}

}  // namespace

Param param(const SqlValue& v) {
  return std::visit([](const auto& x) { return param(x); }, v);
}

Rows::~Rows() {
  if (r_ != nullptr) PQclear(r_);
}
int Rows::size() const { return PQntuples(r_); }
std::string Rows::text(int row, int column) const {
  return std::string(PQgetvalue(r_, row, column), static_cast<std::size_t>(PQgetlength(r_, row, column)));
}
std::int64_t Rows::integer(int row, int column) const { return std::strtoll(PQgetvalue(r_, row, column), nullptr, 10); }
bool Rows::boolean(int row, int column) const { return PQgetvalue(r_, row, column)[0] == 't'; }
const char* Rows::command_tag() const {
  const char* tag = PQcmdStatus(r_);
  return tag == nullptr ? "" : tag;
}
std::int64_t Rows::changed() const {
  const char* n = PQcmdTuples(r_);
  return n == nullptr || *n == '\0' ? 0 : std::strtoll(n, nullptr, 10);
}

Result<std::unique_ptr<Conn>> Conn::connect(const std::string& conninfo, std::chrono::milliseconds lock_timeout) {
  std::unique_ptr<Conn> conn(new Conn(PQconnectdb(conninfo.c_str())));
  if (conn->c_ == nullptr) return store_error("cannot allocate a connection");
  if (PQstatus(conn->c_) != CONNECTION_OK) {
    // libpq's message names the host and the reason, never the password.
    return store_error(std::string("cannot connect: ") + PQerrorMessage(conn->c_));
  }
  // Server notices ("relation … already exists, skipping") are not errors: never print them.
  PQsetNoticeProcessor(
      conn->c_, [](void*, const char*) {}, nullptr);
  const std::string settings = "SET lock_timeout = '" + std::to_string(lock_timeout.count()) +
                               "ms'; SET application_name = 'paygw'; SET client_encoding = 'UTF8'";
  if (auto ok = conn->script(settings); !ok) return ok.error();
  return conn;
}

Conn::~Conn() {
  if (c_ != nullptr) PQfinish(c_);
}

Error Conn::failure(std::string_view what, pg_result* r) const {
  const char* message = r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(c_);
  return store_error(std::string(what) + ": " + (message != nullptr ? message : "unknown error"));
}

Result<Rows> Conn::result_of(pg_result* r) const {
  const ExecStatusType status = r == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    Error e = failure("statement failed", r);
    if (r != nullptr) PQclear(r);
    return e;
  }
  return Rows(r);
}

Result<Rows> Conn::with_begin(const std::string& text, const std::string& name, bool prepare,
                              const std::vector<const char*>& values, bool* prepared_ok) {
  const std::string begin = std::move(pending_begin_);
  pending_begin_.clear();
  *prepared_ok = false;
  if (PQenterPipelineMode(c_) != 1) return failure("cannot start a transaction", nullptr);
  const int n = static_cast<int>(values.size());
  bool sent = PQsendQueryParams(c_, begin.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
  if (sent && prepare) sent = PQsendPrepare(c_, name.c_str(), text.c_str(), n, nullptr) == 1;
  if (sent) {
    sent = name.empty() ? PQsendQueryParams(c_, text.c_str(), n, nullptr, values.data(), nullptr, nullptr, 0) == 1
                        : PQsendQueryPrepared(c_, name.c_str(), n, values.data(), nullptr, nullptr, 0) == 1;
  }
  if (sent) sent = PQpipelineSync(c_) == 1;
  if (!sent) {
    broken_ = true;  // half a pipeline: never reuse this connection
    return failure("cannot send a statement", nullptr);
  }
  // Each query's result, then a NULL; an error aborts the rest (PGRES_PIPELINE_ABORTED); then the sync.
  const int queries = prepare ? 3 : 2;
  std::optional<Error> error;
  pg_result* last = nullptr;
  for (int q = 0; q < queries; ++q) {
    pg_result* r = PQgetResult(c_);
    const ExecStatusType status = r == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(r);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (prepare && q == 1) *prepared_ok = ok;
    if (!ok && !error) error = failure("statement failed", r);
    if (q == queries - 1 && ok) {
      last = r;
    } else if (r != nullptr) {
      PQclear(r);
    }
    if (r != nullptr) {
      while (pg_result* more = PQgetResult(c_)) PQclear(more);
    }
  }
  pg_result* sync = PQgetResult(c_);
  const bool synced = sync != nullptr && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
  if (sync != nullptr) PQclear(sync);
  if (!synced || PQexitPipelineMode(c_) != 1) {
    broken_ = true;
    if (!error) error = failure("the pipeline did not end", nullptr);
  }
  if (error) {
    if (last != nullptr) PQclear(last);
    return *error;
  }
  return Rows(last);
}

Result<Rows> Conn::query(std::string_view sql, const std::vector<Param>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  const std::string text(sql);
  if (!pending_begin_.empty()) {
    bool unused = false;
    return with_begin(text, "", false, values, &unused);
  }
  return result_of(
      PQexecParams(c_, text.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
}

Result<Rows> Conn::prepared(std::string_view sql, const std::vector<Param>& params) {
  std::string text(sql);
  auto it = prepared_.find(text);
  if (it == prepared_.end() && prepared_.size() >= kMaxPrepared) return query(sql, params);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  const bool prepare = it == prepared_.end();
  const std::string name = prepare ? "paygw_" + std::to_string(++names_) : it->second;
  if (!pending_begin_.empty()) {
    bool prepared_ok = false;
    auto rows = with_begin(text, name, prepare, values, &prepared_ok);
    if (prepare && prepared_ok) prepared_.emplace(std::move(text), name);
    return rows;
  }
  if (prepare) {
    auto made = result_of(PQprepare(c_, name.c_str(), text.c_str(), static_cast<int>(params.size()), nullptr));
    if (!made) return made.error();
    prepared_.emplace(std::move(text), name);
  }
  return result_of(
      PQexecPrepared(c_, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0));
}

Result<void> Conn::commit() {
  if (!pending_begin_.empty()) {  // no statement ran: nothing to commit
    pending_begin_.clear();
    return {};
  }
  if (PQtransactionStatus(c_) != PQTRANS_INTRANS) {
    return store_error("the transaction was rolled back: it failed or had already ended before COMMIT");
  }
  auto done = result_of(PQexec(c_, "COMMIT"));
  if (!done) return done.error();
  // An aborted transaction answers COMMIT with PGRES_COMMAND_OK and the tag ROLLBACK.
  const char* tag = done->command_tag();
  if (std::string_view(tag) != "COMMIT" || PQtransactionStatus(c_) != PQTRANS_IDLE) {
    return store_error(std::string("the transaction was not committed (the server answered ") + tag + ")");
  }
  return {};
}

bool Conn::in_transaction() const noexcept {
  return !pending_begin_.empty() || PQtransactionStatus(c_) == PQTRANS_INTRANS;
}

Result<void> Conn::script(std::string_view sql) {
  if (!pending_begin_.empty()) {
    const std::string begin = std::move(pending_begin_);
    pending_begin_.clear();
    if (auto begun = script(begin); !begun) return begun;
  }
  const std::string text(sql);
  pg_result* r = PQexec(c_, text.c_str());
  const ExecStatusType status = r == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    Error e = failure("statement failed", r);
    if (r != nullptr) PQclear(r);
    return e;
  }
  PQclear(r);
  return {};
}

void Conn::rollback() noexcept {
  pending_begin_.clear();
  if (PQstatus(c_) != CONNECTION_OK) return;
  if (PQtransactionStatus(c_) == PQTRANS_IDLE) return;
  pg_result* r = PQexec(c_, "ROLLBACK");
  if (r != nullptr) PQclear(r);
}

bool Conn::broken() const noexcept { return broken_ || PQstatus(c_) != CONNECTION_OK; }

}  // namespace paygw::postgres::detail
