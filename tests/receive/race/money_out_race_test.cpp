// SPDX-License-Identifier: MIT
// Exactly once for money out (ADR 0053) and onboarding flows (ADR 0054) across processes that are
// killed: N = 4 worker processes (money_out_node.cpp) share one store and call receive::pay_bill,
// then receive::refund, for the SAME ids against one loopback fake Tingee that counts every
// payment-bill per requestId and every refund per debit, carries some out and then times out,
// drops the connection (FIN, RST) or answers 503, and drops others without effect. The workers
// SIGKILL themselves at random points (before the send, after it, inside the handler's
// transaction) and the test kills them from outside too; each is restarted until all finish, then
// the reconciler (ReconcileQueries::money_out) settles what is left. The handlers' side table
// (money_out_applied, no unique key), read with the database's own client library, shows each
// payment / refund the server carried out applied exactly once, nothing else applied.
// Flows: the workers race create_flow / update_flow (compare-and-set) on the same flows, killed
// likewise: one winner per transition, no update lost.
// Built twice: with PAYGW_RACE_POSTGRES against a server the test starts, else on a SQLite file.
#include <paygw/paygw.hpp>
#include <paygw/receive/money_out.hpp>
#include <paygw/receive/reconciler.hpp>

#include "direct_debit_server.hpp"
#include "fault_server.hpp"
#include "race_support.hpp"
#include "temp_dir.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace paygw::test {
namespace {

using namespace paygw::receive;
using namespace std::chrono_literals;
using Json = nlohmann::json;

constexpr int kWorkers = 4;
constexpr int kPayments = 36;

/// What the fake server does with one payment-bill / refund.
struct WriteFault {
  bool carry_out = true;           ///< false: dropped without effect
  Fault fault = Fault::kAnswer;    ///< what the client gets back
  std::string status = "success";  ///< payment-bill: the new debit's status
};

/// A Tingee direct-debit server shared by every worker: debits and refunds, each carried out (or
/// not) BEFORE its fault decides what the client gets back; counts payment-bill per requestId and
/// refund per debit.
class FakeTingee {
 public:
  struct Debit {
    std::string id, request_id, content, status;
    long long amount = 0, refunded = 0;
  };

  explicit FakeTingee(std::string txn_prefix)
      : txn_prefix_(std::move(txn_prefix)),
        server_([this](const ReceivedRequest& r) { return decide(r); },
                [this](const ReceivedRequest&) { return body_; }) {
    server_.set_raw_responder([](const ReceivedRequest&) {
      return std::string("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
    });
    server_.set_slow_delay(300ms);
  }

  std::string url() const { return server_.url(""); }
  void set_pay_fault(const std::string& request_id, WriteFault f) {
    std::lock_guard<std::mutex> lock(mu_);
    pay_faults_[request_id] = std::move(f);
  }
  void set_refund_fault(const std::string& txn, WriteFault f) {
    std::lock_guard<std::mutex> lock(mu_);
    refund_faults_[txn] = std::move(f);
  }
  std::map<std::string, int> pays_received() {
    std::lock_guard<std::mutex> lock(mu_);
    return pays_;
  }
  std::map<std::string, int> refunds_received() {
    std::lock_guard<std::mutex> lock(mu_);
    return refunds_;
  }
  /// requestId -> the debit payment-bill made for it.
  std::map<std::string, Debit> debits_by_request() {
    std::lock_guard<std::mutex> lock(mu_);
    std::map<std::string, Debit> out;
    for (const auto& [id, d] : debits_) out[d.request_id] = d;
    return out;
  }
  Debit debit(const std::string& id) {
    std::lock_guard<std::mutex> lock(mu_);
    return debits_[id];
  }
  /// Tingee decides the debits it accepted as pending: each (with chance 1 in `one_in`) becomes
  /// "success" or, for every third one, "insufficient-balance".
  void decide_pending(std::mt19937& rng, unsigned one_in) {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& [id, d] : debits_) {
      if (d.status != "pending-confirm" || rng() % one_in != 0) continue;
      d.status = std::stoll(id.substr(id.rfind('-') + 1)) % 3 == 0 ? "insufficient-balance" : "success";
    }
  }

 private:
  Fault decide(const ReceivedRequest& r) {
    std::lock_guard<std::mutex> lock(mu_);
    const Json body = Json::parse(r.body.empty() ? "{}" : r.body, nullptr, false);
    const auto q = query_of(r.target);
    const std::string path = r.path();
    if (path == kPay) {
      const std::string rid = body.is_object() ? body.value("requestId", "") : "";
      ++pays_[rid];
      const WriteFault f = pay_faults_[rid];
      if (f.carry_out) body_ = pay(body, f.status);
      return f.fault;
    }
    if (path == kRefund) {
      const std::string txn = body.is_object() ? body.value("transactionId", "") : "";
      ++refunds_[txn];
      const WriteFault f = refund_faults_[txn];
      if (f.carry_out) body_ = refund(body);
      return f.fault;
    }
    if (path == kStatus) {
      body_ = status_answer(debits_, q);
      return Fault::kAnswer;
    }
    if (path == kPaging) {
      body_ = paging_answer(debits_, order_, q);
      return Fault::kAnswer;
    }
    body_ = R"({"code":"00","message":"Success"})";
    return Fault::kAnswer;
  }

  std::string pay(const Json& b, const std::string& status) {
    const std::string rid = b.value("requestId", "");
    for (const auto& [id, d] : debits_) {
      if (d.request_id == rid) return Json{{"code", "1030"}, {"message", "requestId đã tồn tại"}}.dump();
    }
    Debit d;
    d.id = txn_prefix_ + std::to_string(++next_);
    d.request_id = rid;
    d.amount = std::stoll(b.value("amount", "0"));
    d.content = b.value("description", "");
    d.status = status;
    order_.push_back(d.id);
    debits_[d.id] = d;
    return ok(Json{{"code", d.id},
                   {"status", status},
                   {"transactionCode", d.id},
                   {"isSentConfirmEmail", false},
                   {"isSentConfirmZalo", false},
                   {"returnUrl", ""}});
  }

  std::string refund(const Json& b) {
    auto it = debits_.find(b.value("transactionId", ""));
    const long long amount = b.value("amount", 0LL);
    if (it == debits_.end()) return Json{{"code", "1041"}, {"message", "Giao dịch không tồn tại"}}.dump();
    Debit& d = it->second;
    if ((d.status != "success" && d.status != "refunded") || amount > d.amount - d.refunded) {
      return Json{{"code", "1051"}, {"message", "Số tiền hoàn vượt quá số tiền giao dịch"}}.dump();
    }
    d.refunded += amount;
    if (d.refunded == d.amount) d.status = "refunded";
    return ok(Json{{"refundAmount", amount}, {"transactionId", d.id}, {"status", "success"}});
  }

  std::mutex mu_;
  std::map<std::string, WriteFault> pay_faults_, refund_faults_;
  std::map<std::string, int> pays_, refunds_;
  std::map<std::string, Debit> debits_;
  std::vector<std::string> order_;
  long long next_ = 0;
  std::string txn_prefix_;  ///< Tingee's transaction codes are unique across rounds too
  std::string body_;
  FaultServer server_;  // last: stopped first
};

/// How a run of killed-and-restarted workers went.
struct Chaos {
  int deaths = 0;          ///< SIGKILLs, self-inflicted or the test's
  int killed_by_test = 0;  ///< of which the test's
  int failures = 0;        ///< workers that exited otherwise than 0 or SIGKILL
  bool timed_out = false;
};

pid_t spawn(std::vector<std::string> argv) {
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

/// Runs kWorkers workers (`argv` + --seed + --chaos), restarting each one killed — with chaos
/// while fewer than `chaotic_deaths` deaths happened — and SIGKILLing a random one every 20..200 ms
/// `test_kills` times, until every worker exited 0 or `limit` passed.
Chaos run_workers(const std::vector<std::string>& argv, unsigned seed, int chaotic_deaths, int test_kills,
                  std::chrono::seconds limit) {
  Chaos c;
  std::mt19937 rng(seed);
  auto start = [&](bool chaos) {
    auto a = argv;
    a.insert(a.end(), {"--seed", std::to_string(rng()), "--chaos", chaos ? "1" : "0"});
    return spawn(a);
  };
  std::vector<pid_t> live;
  for (int i = 0; i < kWorkers; ++i) live.push_back(start(true));
  const auto deadline = std::chrono::steady_clock::now() + limit;
  auto next_kill = std::chrono::steady_clock::now() + std::chrono::milliseconds(20 + rng() % 180);
  for (;;) {
    bool any = false;
    for (pid_t& pid : live) {
      if (pid <= 0) continue;
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) {
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
          ++c.deaths;
          pid = start(c.deaths < chaotic_deaths);
        } else {
          if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++c.failures;
          pid = -1;
          continue;
        }
      }
      any = true;
    }
    if (!any) break;
    const auto now = std::chrono::steady_clock::now();
    if (now > deadline) {
      c.timed_out = true;
      for (pid_t pid : live) {
        if (pid > 0) kill(pid, SIGKILL), waitpid(pid, nullptr, 0);
      }
      break;
    }
    if (c.killed_by_test < test_kills && now >= next_kill) {
      std::vector<pid_t> running;
      for (pid_t pid : live) {
        if (pid > 0) running.push_back(pid);
      }
      kill(running[rng() % running.size()], SIGKILL);  // reaped (and restarted) above
      ++c.killed_by_test;
      next_kill = now + std::chrono::milliseconds(20 + rng() % 180);
    }
    std::this_thread::sleep_for(10ms);
  }
  return c;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class MoneyOutRace : public ::testing::Test {
 protected:
  void SetUp() override {
    backend = make_backend(dir);
    ASSERT_TRUE(
        backend->execute_sql("CREATE TABLE money_out_applied (kind TEXT NOT NULL, id TEXT NOT NULL, succeeded BIGINT "
                             "NOT NULL, txn TEXT NOT NULL, source TEXT NOT NULL, pid BIGINT NOT NULL)"));
  }

  std::vector<std::string> worker(const std::string& mode) const {
    return {PAYGW_TEST_MONEY_OUT_NODE, "--store", backend->store_arg(), "--mode", mode, "--violations",
            dir.file("violations")};
  }

  /// (kind, id) -> [(succeeded, txn)] as the handlers wrote them.
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<bool, std::string>>> applied() {
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<bool, std::string>>> out;
    for (const auto& row : backend->rows("SELECT kind, id, succeeded, txn FROM money_out_applied")) {
      out[{row[0], row[1]}].emplace_back(row[2] == "1", row[3]);
    }
    return out;
  }

  void money_out_round(int round);

  TempDir dir;
  std::unique_ptr<Backend> backend;
};

tingee::DirectDebitPaymentBillRequest bill(const std::string& id, Vnd amount) {
  tingee::DirectDebitPaymentBillRequest r;
  r.request_id = id;
  r.subscription_id = "SUB-1";
  r.token_ref = "TOK-1";
  r.amount = amount;
  r.description = "race plan " + id;  // as money_out_node.cpp
  r.service_provider_name = "Shop";
  return r;
}

/// Rounds of the money-out race (PAYGW_RACE_ROUNDS, default 3: more for a longer hunt).
int rounds() {
  const char* v = std::getenv("PAYGW_RACE_ROUNDS");
  return v != nullptr && std::atoi(v) > 0 ? std::atoi(v) : 3;
}

void MoneyOutRace::money_out_round(int round) {
  SCOPED_TRACE("round " + std::to_string(round));
  const std::string r = std::to_string(round);
  FakeTingee tingee("TXN-" + r + "-");
  // Payments: every fault four times. Amounts distinct; ids P<round>-0..35.
  const std::vector<WriteFault> pay_faults = {
      {true, Fault::kAnswer, "success"},        {true, Fault::kAnswerSlow, "success"},
      {true, Fault::kSilence, "success"},       {true, Fault::kCloseFin, "success"},
      {true, Fault::kCloseRst, "success"},      {true, Fault::kRaw, "success"},
      {false, Fault::kRaw, "success"},          {true, Fault::kAnswer, "insufficient-balance"},
      {true, Fault::kAnswer, "pending-confirm"}};
  std::map<std::string, Vnd> amounts;
  {
    std::ofstream ids(dir.file("pay-ids"));
    for (int i = 0; i < kPayments; ++i) {
      const std::string id = "P" + r + "-" + std::to_string(i);
      amounts[id] = 100'000 + 1'000 * i;
      tingee.set_pay_fault(id, pay_faults[static_cast<std::size_t>(i) % pay_faults.size()]);
      ids << id << " " << amounts[id] << "\n";
    }
  }

  // The parent's reconciler: the same side effect (pid 0), a client without deaths.
  const std::string insert =
      backend->postgres()
          ? "INSERT INTO money_out_applied (kind, id, succeeded, txn, source, pid) VALUES ($1, $2, $3, $4, $5, 0)"
          : "INSERT INTO money_out_applied (kind, id, succeeded, txn, source, pid) VALUES (?, ?, ?, ?, ?, 0)";
  auto side = [insert](const char* kind, const MoneyOutFinal& f, ApplyContext& ctx) -> Result<void> {
    auto n = ctx.execute(
        insert, {std::string(kind), f.request_id, std::int64_t{f.succeeded ? 1 : 0}, f.transaction_id, f.source});
    if (!n) return n.error();
    return {};
  };
  ApplierOptions a;
  a.handlers.direct_debit_payment = [=](const MoneyOutFinal& f, ApplyContext& ctx) { return side("pay", f, ctx); };
  a.handlers.direct_debit_refund = [=](const MoneyOutFinal& f, ApplyContext& ctx) { return side("refund", f, ctx); };
  const Applier applier(backend->store(), a);
  tingee::Config cfg;
  cfg.base_url = tingee.url();
  cfg.client_id = "client-1";
  cfg.secret = Secret("tingee-secret-for-the-race");
  cfg.transport = *http::make_curl_transport();
  cfg.timeout = 10s;  // the parent only reads (and resends nothing): generous on a loaded machine
  const auto client = *tingee::Client::create(cfg);
  auto settle = [&] {
    ReconcileQueries q;
    SettleMoneyOutOptions s;
    s.absent_after = 0ms;  // every worker is gone: nothing is on its way any more
    q.money_out = money_out_with(client, s);
    ReconcileOptions o;
    o.older_than = 0ms;
    o.max_queries_per_second = 0;
    auto first = reconcile(applier, q, o);
    ASSERT_TRUE(first.ok()) << describe(first.error());
    EXPECT_EQ(first->totals.failed, 0u) << progress_line(first->totals);
    auto second = reconcile(applier, q, o);
    ASSERT_TRUE(second.ok()) << describe(second.error());
    EXPECT_EQ(second->totals.total, 0u) << "left unsettled: " << progress_line(second->totals);
  };
  auto state = [&](const std::string& key) {
    auto found = backend->store()->find_submission(Provider::kTingee, key);
    return found && found->has_value() ? std::optional<SubmissionState>((*found)->state) : std::nullopt;
  };

  // Phase 1: payments.
  auto args = worker("pay");
  args.insert(args.end(), {"--url", tingee.url(), "--ids", dir.file("pay-ids")});
  const auto started = std::chrono::steady_clock::now();
  // Meanwhile Tingee decides the pending debits, one by one (the workers' reconcilers race it).
  std::atomic<bool> running{true};
  std::thread decider([&] {
    std::mt19937 rng(static_cast<unsigned>(round));
    while (running) {
      tingee.decide_pending(rng, 8);
      std::this_thread::sleep_for(30ms);
    }
  });
  const Chaos pay = run_workers(args, 2026 + static_cast<unsigned>(round), 48, 20, 40s);
  running = false;
  decider.join();
  std::mt19937 all(0);
  tingee.decide_pending(all, 1);
  ASSERT_FALSE(pay.timed_out);
  EXPECT_EQ(pay.failures, 0);
  settle();
  std::printf("payments: %d deaths (%d by the test)\n", pay.deaths, pay.killed_by_test);

  const auto pays = tingee.pays_received();
  const auto debits = tingee.debits_by_request();
  auto done = applied();
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& [id, amount] : amounts) {
    SCOPED_TRACE(id);
    const auto sent = pays.count(id) ? pays.at(id) : 0;
    EXPECT_LE(sent, 1) << "payment-bill reached the server " << sent << " times";
    const auto rows = done[{"pay", id}];
    seen.insert({"pay", id});
    const auto debit = debits.find(id);
    if (debit != debits.end()) {
      ASSERT_EQ(rows.size(), 1u) << "a debit the server made is applied exactly once";
      EXPECT_EQ(rows[0].first, debit->second.status == "success");
      EXPECT_EQ(rows[0].second, debit->second.id);
      EXPECT_EQ(state("dd-pay/" + id), SubmissionState::kFinal);
    } else {
      EXPECT_EQ(rows.size(), 0u) << "applied although the server made no debit";
      EXPECT_EQ(state("dd-pay/" + id), SubmissionState::kNotSent);
    }
  }

  // Phase 2: a full refund of every successful debit, to the same ids from every worker.
  const std::vector<WriteFault> refund_faults = {{true, Fault::kAnswer},  {true, Fault::kAnswerSlow},
                                                 {true, Fault::kSilence}, {true, Fault::kCloseRst},
                                                 {true, Fault::kRaw},     {false, Fault::kRaw}};
  std::map<std::string, FakeTingee::Debit> refunded;  // refund id -> the debit
  {
    std::ofstream ids(dir.file("refund-ids"));
    for (const auto& [rid, d] : debits) {
      if (d.status != "success") continue;
      const std::string id = "R-" + rid;
      tingee.set_refund_fault(d.id, refund_faults[refunded.size() % refund_faults.size()]);
      refunded[id] = d;
      ids << id << " " << d.id << " " << d.amount << "\n";
    }
  }
  ASSERT_GE(refunded.size(), 4u);
  args = worker("refund");
  args.insert(args.end(), {"--url", tingee.url(), "--ids", dir.file("refund-ids")});
  const Chaos ref = run_workers(args, 7 + static_cast<unsigned>(round), 36, 15, 40s);
  ASSERT_FALSE(ref.timed_out);
  EXPECT_EQ(ref.failures, 0);
  settle();
  std::printf("refunds: %d deaths (%d by the test)\n", ref.deaths, ref.killed_by_test);

  const auto refunds = tingee.refunds_received();
  done = applied();
  for (const auto& [id, d] : refunded) {
    SCOPED_TRACE(id);
    const auto sent = refunds.count(d.id) ? refunds.at(d.id) : 0;
    EXPECT_LE(sent, 1) << "refund of " << d.id << " reached the server " << sent << " times";
    const auto rows = done[{"refund", id}];
    seen.insert({"refund", id});
    if (tingee.debit(d.id).refunded > 0) {
      ASSERT_EQ(rows.size(), 1u) << "a refund the server made is applied exactly once";
      EXPECT_TRUE(rows[0].first);
      EXPECT_EQ(rows[0].second, d.id);
      EXPECT_EQ(tingee.debit(d.id).refunded, d.amount) << "refunded once, in full";
      EXPECT_EQ(state("dd-refund/" + id), SubmissionState::kFinal);
    } else {
      EXPECT_EQ(rows.size(), 0u) << "applied although the server refunded nothing";
      EXPECT_EQ(state("dd-refund/" + id), SubmissionState::kNotSent);
    }
  }
  for (const auto& [key, rows] : done) {
    const bool this_round = key.second.rfind("P" + r + "-", 0) == 0 || key.second.rfind("R-P" + r + "-", 0) == 0;
    if (this_round) {
      EXPECT_EQ(seen.count(key), 1u) << key.first << " " << key.second << " applied";
    }
  }

  // After it all, from this process: the same content sends nothing, other content is refused.
  for (const auto& [id, amount] : amounts) {
    auto same = pay_bill(client, applier, bill(id, amount));
    ASSERT_TRUE(same.ok()) << id << ": " << describe(same.error());
    EXPECT_FALSE(same->sent);
    auto other = pay_bill(client, applier, bill(id, amount + 1));
    ASSERT_FALSE(other.ok()) << id;
    EXPECT_EQ(other.error().code, ErrorCode::kInvalidArgument) << id;
  }
  for (const auto& [id, d] : refunded) {
    tingee::DirectDebitRefundRequest again;
    again.subscription_id = "SUB-1";
    again.token_ref = "TOK-1";
    again.transaction_id = d.id;
    again.amount = d.amount;
    auto same = refund(client, applier, id, again);
    ASSERT_TRUE(same.ok()) << id << ": " << describe(same.error());
    EXPECT_FALSE(same->sent);
    again.amount = d.amount - 1;
    auto other = refund(client, applier, id, again);
    ASSERT_FALSE(other.ok()) << id;
    EXPECT_EQ(other.error().code, ErrorCode::kInvalidArgument) << id;
  }
  EXPECT_EQ(tingee.pays_received(), pays) << "nothing more was sent";
  EXPECT_EQ(tingee.refunds_received(), refunds) << "nothing more was sent";
  EXPECT_EQ(read_all(dir.file("violations")), "") << "what the workers saw";
  const auto took = std::chrono::steady_clock::now() - started;
  std::printf("%d payments, %zu refunds, %d workers, in %lld ms\n", kPayments, refunded.size(), kWorkers,
              static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));
}

TEST_F(MoneyOutRace, PaymentsAndRefundsAreSentOnceAndAppliedOnceByKilledProcesses) {
  for (int round = 0; round < rounds() && !HasFatalFailure(); ++round) money_out_round(round);
}

TEST_F(MoneyOutRace, FlowCompareAndSetHasOneWinnerPerTransitionAcrossKilledProcesses) {
  constexpr int kFlows = 3;
  constexpr int kTarget = 100;
  auto args = worker("flow");
  args.insert(args.end(),
              {"--flows", std::to_string(kFlows), "--target", std::to_string(kTarget), "--wins", dir.file("wins")});
  const Chaos c = run_workers(args, 54, 40, 15, 40s);
  ASSERT_FALSE(c.timed_out);
  EXPECT_EQ(c.failures, 0);
  std::printf("flows: %d deaths (%d by the test)\n", c.deaths, c.killed_by_test);
  EXPECT_EQ(read_all(dir.file("violations")), "");

  // Every logged win: "flow version token" (logged after its commit; a killed worker may miss one).
  std::map<std::pair<std::string, long long>, std::vector<std::string>> wins;
  std::set<std::string> winners;
  {
    std::ifstream in(dir.file("wins"));
    std::string flow, token;
    long long version = 0;
    while (in >> flow >> version >> token) {
      wins[{flow, version}].push_back(token);
      if (version >= 2) winners.insert(token.substr(0, token.find('-')));  // "<pid>-<n>"
    }
  }
  for (int i = 0; i < kFlows; ++i) {
    const std::string id = "race-flow-" + std::to_string(i);
    SCOPED_TRACE(id);
    auto found = backend->store()->find_flow(Provider::kTingee, id);
    ASSERT_TRUE(found.ok() && found->has_value());
    const FlowRecord& f = **found;
    EXPECT_EQ(f.version, kTarget);
    EXPECT_EQ(f.state, "v" + std::to_string(kTarget));
    const Json data = Json::parse(f.data, nullptr, false);
    ASSERT_TRUE(data.is_array()) << f.data;
    ASSERT_EQ(data.size(), static_cast<std::size_t>(kTarget - 1)) << "one token per update: " << f.data;
    std::set<std::string> unique;
    for (const auto& t : data) unique.insert(t.get<std::string>());
    EXPECT_EQ(unique.size(), data.size()) << "a token applied twice: " << f.data;
    for (long long v = 1; v <= kTarget; ++v) {
      const auto it = wins.find({id, v});
      if (it == wins.end()) continue;
      ASSERT_EQ(it->second.size(), 1u) << "version " << v << " won by " << it->second.size() << " processes";
      if (v >= 2) {
        EXPECT_EQ(data[static_cast<std::size_t>(v - 2)].get<std::string>(), it->second[0])
            << "the winner of version " << v << " lost its update";
      }
    }
  }
  EXPECT_GE(wins.size(), static_cast<std::size_t>(kFlows * (kTarget - 1) / 2)) << "most wins were logged";
  EXPECT_GE(winners.size(), 2u) << "the processes really raced";
}

}  // namespace
}  // namespace paygw::test

#ifdef PAYGW_RACE_POSTGRES
#include "pg_main.hpp"
int main(int argc, char** argv) { return paygw::test::pg_test_main(argc, argv); }
#endif
