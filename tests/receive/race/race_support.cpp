// SPDX-License-Identifier: MIT
#include "race_support.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#ifdef PAYGW_RACE_POSTGRES
#include <paygw/store/postgres.hpp>

#include "pg_main.hpp"

#include <libpq-fe.h>
#else
#include <paygw/store/sqlite.hpp>

#include <sqlite3.h>
#endif

namespace paygw::test {

std::unique_ptr<Node> Node::start(const std::string& binary, const std::string& store_arg, const std::string& truth,
                                  const std::string& port_file, const std::string& slow, const std::string& marker,
                                  const std::vector<std::string>& extra) {
  std::remove(port_file.c_str());
  std::vector<std::string> argv = {binary, "--store", store_arg, "--truth", truth, "--port-file", port_file};
  if (!slow.empty()) argv.insert(argv.end(), {"--slow", slow, "--marker", marker});
  argv.insert(argv.end(), extra.begin(), extra.end());
  std::unique_ptr<Node> n(new Node());
  n->pid_ = fork();
  if (n->pid_ < 0) throw std::runtime_error("fork failed");
  if (n->pid_ == 0) {
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  if (!wait_for_file(port_file, std::chrono::seconds(20))) throw std::runtime_error("receiver did not start");
  std::ifstream(port_file) >> n->port_;
  return n;
}

Node::~Node() { kill9(); }

void Node::kill9() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

bool wait_for_file(const std::string& path, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (std::ifstream(path).good()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

#ifdef PAYGW_RACE_POSTGRES
namespace {
class PostgresBackend final : public Backend {
 public:
  PostgresBackend() {
    static std::atomic<int> n{0};
    conninfo_ = pg_server().create_database("race" + std::to_string(++n));
    postgres::StoreOptions o;
    o.conninfo = conninfo_;
    auto s = postgres::open_store(o);
    if (!s) throw std::runtime_error(describe(s.error()));
    store_ = *s;
  }
  std::string store_arg() const override { return "postgres:" + conninfo_; }
  bool postgres() const override { return true; }
  bool execute_sql(const std::string& sql) override {
    PGconn* c = PQconnectdb(conninfo_.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    PQclear(r);
    PQfinish(c);
    return ok;
  }
  std::map<std::string, Credit> credits() override {
    std::map<std::string, Credit> out;
    PGconn* c = PQconnectdb(conninfo_.c_str());
    PGresult* r = PQexec(c, "SELECT event_key, COUNT(*), SUM(amount) FROM merchant_credits GROUP BY event_key");
    for (int i = 0; i < PQntuples(r); ++i) {
      out[PQgetvalue(r, i, 0)] = Credit{std::atoll(PQgetvalue(r, i, 1)), std::atoll(PQgetvalue(r, i, 2))};
    }
    PQclear(r);
    PQfinish(c);
    return out;
  }
  long long distinct_pids() override {
    PGconn* c = PQconnectdb(conninfo_.c_str());
    PGresult* r = PQexec(c, "SELECT COUNT(DISTINCT pid) FROM merchant_credits");
    const long long n = PQntuples(r) == 1 ? std::atoll(PQgetvalue(r, 0, 0)) : 0;
    PQclear(r);
    PQfinish(c);
    return n;
  }
  std::vector<std::vector<std::string>> rows(const std::string& sql) override {
    std::vector<std::vector<std::string>> out;
    PGconn* c = PQconnectdb(conninfo_.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    for (int i = 0; i < PQntuples(r); ++i) {
      auto& row = out.emplace_back();
      for (int j = 0; j < PQnfields(r); ++j) row.emplace_back(PQgetvalue(r, i, j));
    }
    PQclear(r);
    PQfinish(c);
    return out;
  }

 private:
  std::string conninfo_;
};
}  // namespace

std::unique_ptr<Backend> make_backend(const TempDir&) { return std::make_unique<PostgresBackend>(); }
#else
namespace {
class SqliteBackend final : public Backend {
 public:
  explicit SqliteBackend(std::string path) : path_(std::move(path)) {
    sqlite::StoreOptions o;
    o.path = path_;
    auto s = sqlite::open_store(o);
    if (!s) throw std::runtime_error(describe(s.error()));
    store_ = *s;
  }
  std::string store_arg() const override { return "sqlite:" + path_; }
  bool postgres() const override { return false; }
  bool execute_sql(const std::string& sql) override {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    sqlite3_busy_timeout(db, 10000);
    const bool ok = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
  }
  std::map<std::string, Credit> credits() override {
    std::map<std::string, Credit> out;
    query("SELECT event_key, COUNT(*), SUM(amount) FROM merchant_credits GROUP BY event_key", [&](sqlite3_stmt* s) {
      out[reinterpret_cast<const char*>(sqlite3_column_text(s, 0))] =
          Credit{sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2)};
    });
    return out;
  }
  long long distinct_pids() override {
    long long n = 0;
    query("SELECT COUNT(DISTINCT pid) FROM merchant_credits", [&](sqlite3_stmt* s) { n = sqlite3_column_int64(s, 0); });
    return n;
  }
  std::vector<std::vector<std::string>> rows(const std::string& sql) override {
    std::vector<std::vector<std::string>> out;
    query(sql.c_str(), [&](sqlite3_stmt* s) {
      auto& row = out.emplace_back();
      for (int j = 0; j < sqlite3_column_count(s); ++j) {
        const unsigned char* text = sqlite3_column_text(s, j);
        row.emplace_back(text == nullptr ? "" : reinterpret_cast<const char*>(text));
      }
    });
    return out;
  }

 private:
  template <typename F>
  void query(const char* sql, F row) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_busy_timeout(db, 10000);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK) {
      while (sqlite3_step(s) == SQLITE_ROW) row(s);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
  }
  std::string path_;
};
}  // namespace

std::unique_ptr<Backend> make_backend(const TempDir& dir) {
  return std::make_unique<SqliteBackend>(dir.file("shared.db"));
}
#endif

}  // namespace paygw::test
