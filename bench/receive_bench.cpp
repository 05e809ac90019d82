// SPDX-License-Identifier: MIT
// Receiving throughput against the database's own commit rate, on SQLite and PostgreSQL:
//   raw       — BEGIN; INSERT one ledger row; COMMIT with a statement prepared once, through the
//               database's C API, at the store's own durability settings (SQLite: WAL,
//               synchronous=FULL, BEGIN IMMEDIATE; PostgreSQL: the server's defaults);
//   new       — signed Tingee payment webhooks through receive::Dispatcher::handle in process
//               (verify, parse, one store transaction: the event key + a handler inserting one
//               ledger row through ctx.execute), every one a first delivery;
//   duplicate — the same webhooks again: every one a duplicate.
// Each with 1 and 4 processes (each process its own store / connection), released together.
// Every process alternates chunks of 20 raw transactions and 20 deliveries (then raw and
// duplicates), so that a change of load hits the loops compared alike; ratios are per run, then
// the median (the machine is shared), printed with the load average read right after the run.
//
// Usage: paygw_receive_bench sqlite|sqlite-normal <dir> | postgres <conninfo>
//                            | postgres-auto | postgres-auto-nofsync [deliveries per process] [runs]
// postgres-auto starts a throwaway server (as the tests do) with fsync on; -nofsync with fsync
// off, and sqlite-normal runs both loops at synchronous=NORMAL: where a commit does not wait for
// the disk, what is left is paygw's own work and round trips.
#include <paygw/receive/dispatcher.hpp>
#include <paygw/store/postgres.hpp>
#include <paygw/store/sqlite.hpp>

#include "../tests/support/deliveries.hpp"
#include "../tests/support/pg_server.hpp"

#include <libpq-fe.h>
#include <pthread.h>
#include <sqlite3.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace paygw;
using SteadyClock = std::chrono::steady_clock;

constexpr const char* kSecret = "bench-tingee-secret";

struct Target {
  bool postgres = false;
  std::string where;    // SQLite file or conninfo
  bool durable = true;  // SQLite: synchronous=FULL (else NORMAL), the store's option
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
    sqlite3_exec(db_,
                 t.durable ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL"
                           : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
                 nullptr, nullptr, nullptr);
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
  o.synchronous_full = t.durable;
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
// so that a change of load hits the loops compared alike. Every process starts each chunk
// together (`barrier`, shared between them), and a chunk ends when the slowest process ends it,
// so the chunks of one loop never overlap another loop's; each phase's wall time is measured
// between barriers (the same in every process).
Times measure(const Target& t, const std::string& tag, int n, int chunk, pthread_barrier_t* barrier) {
  RawLoop raw(t);
  const receive::Dispatcher d = dispatcher(t);
  const auto all = webhooks(tag, n);
  Times times;
  auto phase = [&](double& total, const std::function<void()>& work) {
    pthread_barrier_wait(barrier);
    const auto t0 = SteadyClock::now();
    work();
    pthread_barrier_wait(barrier);
    total += since(t0);
  };
  for (int base = 0; base < n; base += chunk) {
    const int end = std::min(n, base + chunk);
    phase(times.raw_a, [&] {
      for (int i = base; i < end; ++i) raw.one(tag + "-a" + std::to_string(i), 1000 + i);
    });
    phase(times.fresh, [&] {
      for (int i = base; i < end; ++i) deliver(d, all[static_cast<std::size_t>(i)]);
    });
  }
  for (int base = 0; base < n; base += chunk) {
    const int end = std::min(n, base + chunk);
    phase(times.raw_b, [&] {
      for (int i = base; i < end; ++i) raw.one(tag + "-b" + std::to_string(i), 1000 + i);
    });
    phase(times.duplicate, [&] {
      for (int i = base; i < end; ++i) deliver(d, all[static_cast<std::size_t>(i)]);
    });
  }
  return times;
}

// Runs measure() in `procs` processes released together; returns each one's times.
Times in_processes(const Target& t, const std::string& tag, int procs, int n, int chunk) {
  // A barrier in memory shared with the children.
  void* shared = mmap(nullptr, sizeof(pthread_barrier_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (shared == MAP_FAILED) die("mmap");
  auto* barrier = static_cast<pthread_barrier_t*>(shared);
  pthread_barrierattr_t attr;
  pthread_barrierattr_init(&attr);
  pthread_barrierattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
  pthread_barrier_init(barrier, &attr, static_cast<unsigned>(procs));
  int out[2];
  if (pipe(out) != 0) die("pipe");
  std::vector<pid_t> children;
  for (int p = 0; p < procs; ++p) {
    const pid_t pid = fork();
    if (pid < 0) die("fork");
    if (pid == 0) {
      const Times times = measure(t, tag + "-" + std::to_string(p), n, chunk, barrier);
      if (p == 0 && write(out[1], &times, sizeof times) != static_cast<ssize_t>(sizeof times)) std::_Exit(4);
      std::_Exit(0);
    }
    children.push_back(pid);
  }
  Times times;
  if (read(out[0], &times, sizeof times) != static_cast<ssize_t>(sizeof times)) die("a child failed");
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) die("a child failed");
  }
  close(out[0]);
  close(out[1]);
  pthread_barrier_destroy(barrier);
  munmap(shared, sizeof(pthread_barrier_t));
  return times;
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
    std::fprintf(stderr,
                 "usage: paygw_receive_bench sqlite|sqlite-normal <dir> | postgres <conninfo> | postgres-auto"
                 " | postgres-auto-nofsync [n] [runs]\n");
    return 2;
  }
  const std::string kind = argv[1];
  int arg = 2;
  Target target;
  std::unique_ptr<test::PgServer> server;
  if ((kind == "sqlite" || kind == "sqlite-normal") && argc > 2) {
    target.where = std::string(argv[arg++]) + "/receive-bench.db";
    target.durable = kind == "sqlite";
  } else if (kind == "postgres" && argc > 2) {
    target.postgres = true;
    target.where = argv[arg++];
  } else if (kind == "postgres-auto" || kind == "postgres-auto-nofsync") {
    std::string why;
    const std::string bin = test::PgServer::find_bin_dir(&why);
    if (bin.empty()) {
      std::printf("PostgreSQL: skipped (%s)\n", why.c_str());
      return 0;
    }
    target.durable = kind == "postgres-auto";
    server = test::PgServer::start(bin, target.durable);  // fsync on: the durability of a real server
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
      target.postgres ? (target.durable ? "PostgreSQL (fsync on, synchronous_commit on)"
                                        : "PostgreSQL (fsync off: round trips and CPU only)")
                      : (target.durable ? "SQLite (WAL, synchronous=FULL)" : "SQLite (WAL, synchronous=NORMAL)"),
      n, chunk, runs);
  for (int procs : {1, 4}) {
    std::vector<double> raw, fresh, dup, r_new, r_dup;
    for (int run = 0; run < runs; ++run) {
      const Times times =
          in_processes(target, "r" + std::to_string(run) + "p" + std::to_string(procs), procs, n, chunk);
      // Operations of all processes in each loop / the loop's wall time.
      const double ops = static_cast<double>(procs) * n;
      const double raw_a = ops / times.raw_a, raw_b = ops / times.raw_b;
      const double f = ops / times.fresh, d = ops / times.duplicate;
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
