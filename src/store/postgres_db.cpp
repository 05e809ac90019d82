// SPDX-License-Identifier: MIT
#include "store/postgres_db.hpp"

#include <libpq-fe.h>

#include <cstdlib>
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

Result<Rows> Conn::query(std::string_view sql, const std::vector<Param>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  const std::string text(sql);
  return result_of(
      PQexecParams(c_, text.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
}

Result<Rows> Conn::prepared(std::string_view sql, const std::vector<Param>& params) {
  std::string text(sql);
  auto it = prepared_.find(text);
  if (it == prepared_.end()) {
    if (prepared_.size() >= kMaxPrepared) return query(sql, params);
    std::string name = "paygw_" + std::to_string(prepared_.size() + 1);
    auto made = result_of(PQprepare(c_, name.c_str(), text.c_str(), static_cast<int>(params.size()), nullptr));
    if (!made) return made.error();
    it = prepared_.emplace(std::move(text), std::move(name)).first;
  }
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  return result_of(
      PQexecPrepared(c_, it->second.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0));
}

Result<void> Conn::commit() {
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

bool Conn::in_transaction() const noexcept { return PQtransactionStatus(c_) == PQTRANS_INTRANS; }

Result<void> Conn::script(std::string_view sql) {
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
  if (PQstatus(c_) != CONNECTION_OK) return;
  if (PQtransactionStatus(c_) == PQTRANS_IDLE) return;
  pg_result* r = PQexec(c_, "ROLLBACK");
  if (r != nullptr) PQclear(r);
}

bool Conn::broken() const noexcept { return PQstatus(c_) != CONNECTION_OK; }

}  // namespace paygw::postgres::detail
