// SPDX-License-Identifier: MIT
// Receiving throughput against the database's own commit rate, on SQLite and PostgreSQL:
//   raw       — BEGIN; INSERT one ledger row; COMMIT with a statement prepared once, through the
//               database's C API, at the store's own durability settings (SQLite: WAL,
//               synchronous=FULL, BEGIN IMMEDIATE; PostgreSQL: the server's defaults);
//   new       — signed Tingee payment webhooks through receive::Dispatcher::handle in process
//               (verify, parse, one store transaction: the event key + a handler inserting one
//               ledger row through ctx.execute), every one a first delivery;
//   duplicate — the same webhooks again: every one a duplicate.
// Each with 1 and 4 processes (each process its own store / connection). Every run measures
// every loop once, one after the other; ratios are per run, then the median (the machine is
// shared), printed with the load average read right after the run.
//
// Usage: paygw_receive_bench sqlite <dir> | postgres <conninfo> | postgres-auto
//                            [deliveries per process per loop] [runs]
// postgres-auto starts a throwaway server (as the tests do).
#include <paygw/receive/dispatcher.hpp>
#include <paygw/store/postgres.hpp>
#include <paygw/store/sqlite.hpp>

#include "../tests/receive/deliveries.hpp"
#include "../tests/receive/pg_server.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace paygw;
using SteadyClock = std::chrono::steady_clock;

constexpr const char* kSecret = "bench-tingee-secret";

struct Target {
  bool postgres = false;
  std::string where;  // SQLite file or conninfo
};

[[noreturn]] void die(const std::string& why) {
  std::fprintf(stderr, "receive bench: %s\n", why.c_str());
  std::_Exit(1);
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

// ---- raw: the database's own commit loop ----

// One connection inserting one ledger row per transaction, its statements prepared once.
class RawLoop {
 public:
  explicit RawLoop(const Target& t) : postgres_(t.postgres) {
    if (postgres_) {
      pg_ = PQconnectdb(t.where.c_str());
      if (PQstatus(pg_) != CONNECTION_OK) die(PQerrorMessage(pg_));
      PQclear(PQprepare(pg_, "ins", "INSERT INTO raw_ledger (event_key, amount) VALUES ($1, $2)", 2, nullptr));
      return;
    }
    if (sqlite3_open(t.where.c_str(), &db_) != SQLITE_OK) die("sqlite open");
    sqlite3_busy_timeout(db_, 15000);
    sqlite3_exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
    sqlite3_prepare_v2(db_, "BEGIN IMMEDIATE", -1, &begin_, nullptr);
    sqlite3_prepare_v2(db_, "INSERT INTO raw_ledger (event_key, amount) VALUES (?, ?)", -1, &insert_, nullptr);
    sqlite3_prepare_v2(db_, "COMMIT", -1, &commit_, nullptr);
  }
  RawLoop(const RawLoop&) = delete;
  RawLoop& operator=(const RawLoop&) = delete;
  ~RawLoop() {
    if (postgres_) {
      PQfinish(pg_);
      return;
    }
    sqlite3_finalize(begin_);
    sqlite3_finalize(insert_);
    sqlite3_finalize(commit_);
    sqlite3_close(db_);
  }

  void one(const std::string& key, long long amount) {
    if (postgres_) {
      const std::string text = std::to_string(amount);
      const char* values[] = {key.c_str(), text.c_str()};
      PQclear(PQexec(pg_, "BEGIN"));
      PGresult* r = PQexecPrepared(pg_, "ins", 2, values, nullptr, nullptr, 0);
      if (PQresultStatus(r) != PGRES_COMMAND_OK) die(PQresultErrorMessage(r));
      PQclear(r);
      r = PQexec(pg_, "COMMIT");
      if (std::string(PQcmdStatus(r)) != "COMMIT") die("raw COMMIT");
      PQclear(r);
      return;
    }
    if (sqlite3_step(begin_) != SQLITE_DONE) die("raw BEGIN");
    sqlite3_reset(begin_);
    sqlite3_bind_text(insert_, 1, key.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert_, 2, amount);
    if (sqlite3_step(insert_) != SQLITE_DONE) die("raw INSERT");
    sqlite3_reset(insert_);
    if (sqlite3_step(commit_) != SQLITE_DONE) die("raw COMMIT");
    sqlite3_reset(commit_);
  }

 private:
  bool postgres_;
  PGconn* pg_ = nullptr;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* begin_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* commit_ = nullptr;
};

// ---- paygw: signed webhooks through the dispatcher ----

std::shared_ptr<PaymentStore> open(const Target& t) {
  if (t.postgres) {
    postgres::StoreOptions o;
    o.conninfo = t.where;
    o.max_connections = 1;
    auto s = postgres::open_store(o);
    if (!s) die(describe(s.error()));
    return *s;
  }
  sqlite::StoreOptions o;
  o.path = t.where;
  o.max_connections = 1;
  auto s = sqlite::open_store(o);
  if (!s) die(describe(s.error()));
  return *s;
}

receive::Dispatcher dispatcher(const Target& t) {
  const std::string insert = t.postgres ? "INSERT INTO bench_ledger (event_key, amount) VALUES ($1, $2)"
                                        : "INSERT INTO bench_ledger (event_key, amount) VALUES (?, ?)";
  receive::DispatcherConfig config;
  config.store = open(t);
  config.applier.handlers.tingee_payment = [insert](const receive::TingeePayment& p,
                                                    receive::ApplyContext& ctx) -> Result<void> {
    auto n = ctx.execute(insert, {p.payment.transaction_code, std::int64_t{p.payment.amount}});
    if (!n) return n.error();
    return {};
  };
  config.tingee = receive::TingeeEndpoint{"/tingee", Secret(kSecret), {}};
  auto d = receive::Dispatcher::create(std::move(config));
  if (!d) die(describe(d.error()));
  return std::move(*d);
}

std::vector<test::Inbound> webhooks(const std::string& tag, int n) {
  std::vector<test::Inbound> out;
  out.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    out.push_back(test::tingee_payment("/tingee", kSecret, tag + "-" + std::to_string(i), 1000 + i));
  return out;
}

void deliver(const receive::Dispatcher& d, const test::Inbound& w) {
  const http::Headers headers(w.headers.begin(), w.headers.end());
  const auto reply = d.handle(w.method, w.target, headers, w.body);
  if (reply.status != 200) die("HTTP " + std::to_string(reply.status) + ": " + reply.note);
}

// ---- processes ----

// What one process measured: seconds spent in each loop.
struct Times {
  double raw_a = 0, fresh = 0, raw_b = 0, duplicate = 0;
};

double since(SteadyClock::time_point t0) { return std::chrono::duration<double>(SteadyClock::now() - t0).count(); }

// One process: raw and new deliveries alternate in chunks of `chunk`, then raw and duplicates,
// so that a change of load hits the loops compared alike.
Times measure(const Target& t, const std::string& tag, int n, int chunk) {
  RawLoop raw(t);
  const receive::Dispatcher d = dispatcher(t);
  const auto all = webhooks(tag, n);
  Times times;
  for (int base = 0; base < n; base += chunk) {
    const int end = std::min(n, base + chunk);
    auto t0 = SteadyClock::now();
    for (int i = base; i < end; ++i) raw.one(tag + "-a" + std::to_string(i), 1000 + i);
    times.raw_a += since(t0);
    t0 = SteadyClock::now();
    for (int i = base; i < end; ++i) deliver(d, all[static_cast<std::size_t>(i)]);
    times.fresh += since(t0);
  }
  for (int base = 0; base < n; base += chunk) {
    const int end = std::min(n, base + chunk);
    auto t0 = SteadyClock::now();
    for (int i = base; i < end; ++i) raw.one(tag + "-b" + std::to_string(i), 1000 + i);
    times.raw_b += since(t0);
    t0 = SteadyClock::now();
    for (int i = base; i < end; ++i) deliver(d, all[static_cast<std::size_t>(i)]);
    times.duplicate += since(t0);
  }
  return times;
}

// Runs measure() in `procs` processes released together; returns each one's times.
std::vector<Times> in_processes(const Target& t, const std::string& tag, int procs, int n, int chunk) {
  int ready[2], go[2], out[2];
  if (pipe(ready) != 0 || pipe(go) != 0 || pipe(out) != 0) die("pipe");
  std::vector<pid_t> children;
  for (int p = 0; p < procs; ++p) {
    const pid_t pid = fork();
    if (pid < 0) die("fork");
    if (pid == 0) {
      char c = 'r';
      if (write(ready[1], &c, 1) != 1 || read(go[0], &c, 1) != 1) std::_Exit(3);
      const Times times = measure(t, tag + "-" + std::to_string(p), n, chunk);
      if (write(out[1], &times, sizeof times) != static_cast<ssize_t>(sizeof times)) std::_Exit(4);
      std::_Exit(0);
    }
    children.push_back(pid);
  }
  for (int p = 0; p < procs; ++p) {
    char c = 0;
    if (read(ready[0], &c, 1) != 1) die("a child failed to start");
  }
  const std::string release(static_cast<std::size_t>(procs), 'g');
  if (write(go[1], release.data(), release.size()) != static_cast<ssize_t>(release.size())) die("release");
  std::vector<Times> all;
  for (int p = 0; p < procs; ++p) {
    Times times;
    if (read(out[0], &times, sizeof times) != static_cast<ssize_t>(sizeof times)) die("a child failed");
    all.push_back(times);
  }
  for (pid_t pid : children) waitpid(pid, nullptr, 0);
  for (int fd : {ready[0], ready[1], go[0], go[1], out[0], out[1]}) close(fd);
  return all;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

bool sql(const Target& t, const std::string& text) {
  if (t.postgres) {
    PGconn* c = PQconnectdb(t.where.c_str());
    PGresult* r = PQexec(c, text.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    PQfinish(c);
    return ok;
  }
  sqlite3* db = nullptr;
  sqlite3_open(t.where.c_str(), &db);
  const bool ok = sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: paygw_receive_bench sqlite <dir> | postgres <conninfo> | postgres-auto [n] [runs]\n");
    return 2;
  }
  const std::string kind = argv[1];
  int arg = 2;
  Target target;
  std::unique_ptr<test::PgServer> server;
  if (kind == "sqlite" && argc > 2) {
    target.where = std::string(argv[arg++]) + "/receive-bench.db";
  } else if (kind == "postgres" && argc > 2) {
    target.postgres = true;
    target.where = argv[arg++];
  } else if (kind == "postgres-auto") {
    std::string why;
    const std::string bin = test::PgServer::find_bin_dir(&why);
    if (bin.empty()) {
      std::printf("PostgreSQL: skipped (%s)\n", why.c_str());
      return 0;
    }
    server = test::PgServer::start(bin, true);  // fsync on: the durability of a real server
    target.postgres = true;
    target.where = server->create_database("receive_bench");
  } else {
    std::fprintf(stderr, "unknown target %s\n", kind.c_str());
    return 2;
  }
  const int n = argc > arg ? std::atoi(argv[arg]) : 300;
  const int runs = argc > arg + 1 ? std::atoi(argv[arg + 1]) : 5;
  { open(target); }  // creates / migrates the schema
  const char* ledger = target.postgres ? "(event_key TEXT NOT NULL, amount BIGINT NOT NULL)"
                                       : "(event_key TEXT NOT NULL, amount INTEGER NOT NULL)";
  if (!sql(target, std::string("CREATE TABLE raw_ledger ") + ledger) ||
      !sql(target, std::string("CREATE TABLE bench_ledger ") + ledger)) {
    die("cannot create the ledgers");
  }
  const int chunk = 20;
  std::printf(
      "== receive: %s, %d deliveries per process per run (raw and paygw alternating in chunks of %d), "
      "%d runs\n",
      target.postgres ? "PostgreSQL (server defaults: synchronous_commit on)" : "SQLite (WAL, synchronous=FULL)", n,
      chunk, runs);
  for (int procs : {1, 4}) {
    std::vector<double> raw, fresh, dup, r_new, r_dup;
    for (int run = 0; run < runs; ++run) {
      const auto times = in_processes(target, "r" + std::to_string(run) + "p" + std::to_string(procs), procs, n, chunk);
      // Rates over all processes: each process's operations / its time in that loop, summed.
      double raw_a = 0, raw_b = 0, f = 0, d = 0;
      for (const Times& t : times) {
        raw_a += n / t.raw_a;
        raw_b += n / t.raw_b;
        f += n / t.fresh;
        d += n / t.duplicate;
      }
      raw.push_back((raw_a + raw_b) / 2);
      fresh.push_back(f);
      dup.push_back(d);
      r_new.push_back(f / raw_a);
      r_dup.push_back(d / raw_b);
      std::printf("  %d proc run %d: raw %.0f/s, new %.0f/s (%.2f of raw), duplicate %.0f/s (%.2f), load average %s\n",
                  procs, run, raw.back(), f, r_new.back(), d, r_dup.back(), load_average().c_str());
      std::fflush(stdout);
    }
    std::printf(
        "%d process%s: raw commits %.0f/s, paygw new %.0f/s, duplicates %.0f/s; median ratio new/raw %.2f, "
        "duplicate/raw %.2f (load average now: %s)\n",
        procs, procs == 1 ? "" : "es", median(raw), median(fresh), median(dup), median(r_new), median(r_dup),
        load_average().c_str());
  }
  return 0;
}
