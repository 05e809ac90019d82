// SPDX-License-Identifier: MIT
// Exactly once across processes: every charging callback, Tingee webhook and TConnect IPN is
// delivered several times — duplicated, shuffled out of order, concurrently — to N = 4 receiver
// processes (receiver_node.cpp) sharing one store; forged and edited copies are mixed in. A
// receiver is killed with SIGKILL inside a handler, restarted, and everything is delivered again.
// The merchant's side effect (merchant_credits, no unique key) is read back with the database's own
// client library: each event credited exactly once, each card once, nothing forged.
// Built twice: with PAYGW_RACE_POSTGRES against a server the test starts, else on a SQLite file.
#include <paygw/receive/applier.hpp>
#include <paygw/receive/reconciler.hpp>
#include <paygw/receive/submit.hpp>

#include "deliveries.hpp"
#include "race_support.hpp"
#include "temp_dir.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <random>
#include <thread>

namespace paygw::test {
namespace {

using namespace std::chrono_literals;

constexpr int kReceivers = 4;
constexpr int kCopies = 3;

/// A delivery and what it must achieve: `valid` ones are retried (on 503 / no answer) until 200.
struct Planned {
  Inbound inbound;
  bool valid = true;
  int expect = 200;  ///< For invalid ones: the reply they must get.
};

int post(int port, const Inbound& d) {
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(5);
  c.set_read_timeout(40);
  httplib::Headers headers;
  std::string content_type = "application/json";
  for (const auto& [k, v] : d.headers) {
    if (k == "Content-Type") {
      content_type = v;
    } else {
      headers.emplace(k, v);
    }
  }
  auto r = d.method == "GET" ? c.Get(d.target, headers) : c.Post(d.target, headers, d.body, content_type);
  return r ? r->status : 0;
}

class Race : public ::testing::Test {
 protected:
  void SetUp() override {
    backend = make_backend(dir);
    ASSERT_TRUE(
        backend->execute_sql("CREATE TABLE merchant_credits (event_key TEXT NOT NULL, amount BIGINT NOT NULL, "
                             "pid BIGINT NOT NULL)"));
    setenv("PAYGW_TEST_TINGEE_SECRET", kTingeeSecret, 1);
    setenv("PAYGW_TEST_AES_KEY", kAesKey, 1);
    setenv("PAYGW_TEST_STORE_KEY", kStoreKey, 1);
  }
  void TearDown() override {
    for (auto& n : nodes) n.reset();
  }

  void start_nodes(const std::string& slow = "", const std::vector<std::string>& extra = {}) {
    for (int i = 0; i < kReceivers; ++i) nodes.push_back(start_node(i, i == 0 ? slow : "", extra));
  }
  std::unique_ptr<Node> start_node(int i, const std::string& slow, const std::vector<std::string>& extra = {}) {
    return Node::start(PAYGW_TEST_RECEIVER, backend->store_arg(), dir.file("truth"),
                       dir.file("port-" + std::to_string(i)), slow, dir.file("marker"), extra);
  }

  Card card(int i) {
    Card c{"VIETTEL", "31282144589" + std::to_string(1000 + i), "10004783347874", 50000,
           "race-card-" + std::to_string(i)};
    charging::CardRequest r{c.telco, c.code, c.serial, c.declared_value, c.request_id};
    auto ok =
        receive::write_ahead_card(*backend->store(), receive::CardKeys{Secret(kPartnerKey), Secret(kStoreKey)}, r);
    EXPECT_TRUE(ok.ok()) << describe(ok.error());
    return c;
  }

  /// Delivers every planned delivery from 8 threads to random receivers; valid ones until 200.
  void deliver_all(std::vector<Planned> plan, unsigned seed) {
    std::mt19937 rng(seed);
    std::shuffle(plan.begin(), plan.end(), rng);
    std::atomic<std::size_t> next{0};
    std::atomic<int> unexpected{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&, t] {
        std::mt19937 pick(seed * 31 + static_cast<unsigned>(t));
        for (std::size_t i = next++; i < plan.size(); i = next++) {
          const Planned& p = plan[i];
          int status = 0;
          for (int attempt = 0; attempt < 30; ++attempt) {
            Node& n = *nodes[pick() % nodes.size()];
            status = post(n.port(), p.inbound);
            if (!p.valid || status == 200) break;
            std::this_thread::sleep_for(50ms);
          }
          const int want = p.valid ? 200 : p.expect;
          if (status != want) {
            ++unexpected;
            ADD_FAILURE() << p.inbound.label << ": HTTP " << status << ", expected " << want;
          }
        }
      });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(unexpected.load(), 0);
  }

  TempDir dir;
  std::unique_ptr<Backend> backend;
  std::vector<std::unique_ptr<Node>> nodes;
};

TEST_F(Race, EveryEventIsAppliedOnceAcrossFourReceivers) {
  std::vector<Planned> plan;
  std::map<std::string, Vnd> expected;  // event key -> credited amount
  // Charging: 16 cards; the final status cycles through 1, 2, 3 (card error: no credit).
  for (int i = 0; i < 16; ++i) {
    const Card c = card(i);
    const int status = i % 3 == 0 ? 3 : i % 3 == 1 ? 1 : 2;
    const Vnd amount = status == 1 ? 35000 : status == 2 ? 12500 : 0;
    expected["card:" + c.request_id] = amount;
    for (int copy = 0; copy < kCopies; ++copy) {
      plan.push_back({charging_callback("/charging", kPartnerKey, c, 99, 35000, -1, CallbackForm::kPostJson)});
      for (auto form : {CallbackForm::kPostJson, CallbackForm::kGetQuery, CallbackForm::kPostForm}) {
        plan.push_back({charging_callback("/charging", kPartnerKey, c, status, amount, status == 3 ? 0 : 50000, form)});
      }
    }
    // Forged: the partner key guessed wrong. (Replays with an edited status are a matter of order
    // — see the dispatcher tests and docs/receiving-payments.md — so they are not shuffled in here.)
    plan.push_back(
        {charging_callback("/charging", "not-the-key", c, 1, 50000, 50000, CallbackForm::kPostJson), false, 403});
  }
  // Tingee: 16 payments, 3 bank-link events, pings; forged and edited copies.
  for (int i = 0; i < 16; ++i) {
    const std::string code = "0123456789/FT" + std::to_string(26197000 + i);
    const Vnd amount = 1000 * (i + 1);
    expected["tingee:" + code] = amount;
    for (int copy = 0; copy < kCopies; ++copy) plan.push_back({tingee_payment("/tingee", kTingeeSecret, code, amount)});
    plan.push_back({tingee_payment("/tingee", "wrong-secret", code + "X", amount), false, 401});
    auto edited = tingee_payment("/tingee", kTingeeSecret, code, amount);
    edited.body.replace(edited.body.find("\"amount\":"), 9, "\"amount\":9");
    plan.push_back({edited, false, 401});
  }
  for (int i = 0; i < 3; ++i) {
    const std::string id = "link-" + std::to_string(i);
    expected["link:bank-link/" + id + "/confirm-va-success"] = 0;
    for (int copy = 0; copy < kCopies; ++copy) {
      plan.push_back({tingee_bank_link("/tingee", kTingeeSecret, id, "confirm-va-success")});
    }
  }
  for (int i = 0; i < 3; ++i) plan.push_back({tingee_ping("/tingee")});
  // TConnect: 8 paid orders, each IPN re-encrypted with a fresh IV per copy; 2 forged orders.
  std::ofstream truth(dir.file("truth"));
  for (int i = 0; i < 8; ++i) {
    const std::string order = "ORD-" + std::to_string(5000 + i), request = "REQ-" + std::to_string(i);
    const Vnd amount = 150000 + i;
    truth << order << " " << amount << " " << request << "\n";
    expected["ipn:txn/" + request] = amount;  // the event is the confirmed transaction
    for (int copy = 0; copy < kCopies; ++copy) {
      plan.push_back({tconnect_ipn("/tconnect", kAesKey, order, amount, request, 10 * i + copy)});
    }
  }
  truth.close();
  plan.push_back({tconnect_ipn("/tconnect", kAesKey, "ORD-FORGED", 999999, "REQ-X"), false, 503});
  plan.push_back({tconnect_ipn("/tconnect", kAesKey, "ORD-5000", 1, "REQ-0"), false, 503});  // amount edited (ADR 0033)

  start_nodes();
  const auto started = std::chrono::steady_clock::now();
  deliver_all(plan, 2026);
  // And the whole lot again, in another order: every one a duplicate now.
  deliver_all(plan, 7);
  const auto took = std::chrono::steady_clock::now() - started;
  std::printf("%zu deliveries x 2 to %d receivers in %lld ms\n", plan.size(), kReceivers,
              static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));

  const auto credits = backend->credits();
  for (const auto& [key, amount] : expected) {
    const auto it = credits.find(key);
    ASSERT_NE(it, credits.end()) << key << " was never applied";
    EXPECT_EQ(it->second.count, 1) << key << " applied " << it->second.count << " times";
    EXPECT_EQ(it->second.sum, amount) << key;
  }
  EXPECT_EQ(credits.size(), expected.size()) << "nothing forged or unknown was applied";
  EXPECT_GE(backend->distinct_pids(), 2) << "the receivers really raced";
  for (int i = 0; i < 16; ++i) {
    auto r = backend->store()->find_submission(Provider::kCharging, "race-card-" + std::to_string(i));
    EXPECT_EQ((*r)->state, SubmissionState::kFinal);
  }
}

TEST_F(Race, AReceiverKilledInsideItsHandlerLosesNothingAndDoublesNothing) {
  std::ofstream(dir.file("truth")) << "ORD-K 70000 REQ-K\n";
  const Card c = card(99);
  const std::string victim = "tingee:FT-KILL";
  start_nodes(victim);
  const auto payment = tingee_payment("/tingee", kTingeeSecret, "FT-KILL", 4200);

  // Receiver 0 starts applying FT-KILL and stops inside the handler, its transaction open.
  std::thread doomed([&] { EXPECT_EQ(post(nodes[0]->port(), payment), 0) << "receiver 0 never answers"; });
  ASSERT_TRUE(wait_for_file(dir.file("marker"), 20s)) << "receiver 0 never reached the handler";
  // Receiver 1 gets the same payment meanwhile: it waits on receiver 0's lock (SQLite write
  // lock / PostgreSQL row of the event), and must apply it once receiver 0 is gone.
  std::atomic<int> second{0};
  std::atomic<bool> killed{false};
  std::thread waiting([&] {
    second = post(nodes[1]->port(), payment);
    EXPECT_TRUE(killed.load()) << "receiver 1 applied it while receiver 0's transaction was still open";
  });
  std::this_thread::sleep_for(300ms);
  killed = true;
  nodes[0]->kill9();
  doomed.join();
  waiting.join();
  EXPECT_EQ(second.load(), 200);

  // Restart receiver 0 (no longer slow) and deliver everything, several times, everywhere.
  nodes[0] = start_node(0, "");
  std::vector<Planned> plan;
  for (int copy = 0; copy < kCopies; ++copy) {
    plan.push_back({payment});
    plan.push_back({charging_callback("/charging", kPartnerKey, c, 1, 35000, 50000, CallbackForm::kGetQuery)});
    plan.push_back({tconnect_ipn("/tconnect", kAesKey, "ORD-K", 70000, "REQ-K", copy)});
  }
  deliver_all(plan, 99);
  const auto credits = backend->credits();
  for (const auto& [key, amount] :
       std::map<std::string, Vnd>{{victim, 4200}, {"card:" + c.request_id, 35000}, {"ipn:txn/REQ-K", 70000}}) {
    const auto it = credits.find(key);
    ASSERT_NE(it, credits.end()) << key << " lost";
    EXPECT_EQ(it->second.count, 1) << key;
    EXPECT_EQ(it->second.sum, amount) << key;
  }
  EXPECT_EQ(credits.size(), 3u);
}

TEST_F(Race, ASubmissionCrashedBeforeItsSendIsFoundByTheReconcilerOnce) {
  std::ofstream(dir.file("truth")) << "";
  const Card crashed = card(7);  // written ahead, then the process died before sending
  start_nodes();
  // The reconciler (in this process, with a handler writing the same side effect) checks it...
  receive::Handlers h;
  const std::string insert = backend->postgres() ? "INSERT INTO merchant_credits VALUES ($1, $2, 0)"
                                                 : "INSERT INTO merchant_credits VALUES (?, ?, 0)";
  h.card_final = [&](const receive::CardFinal& f, receive::ApplyContext& ctx) -> Result<void> {
    auto n = ctx.execute(insert, {"card:" + f.result.request_id, std::int64_t{f.result.amount.value_or(0)}});
    if (!n) return n.error();
    return {};
  };
  receive::Applier applier(backend->store(), receive::ApplierOptions{h, {}, nullptr});
  receive::ReconcileQueries q;
  q.check_card = [&](const charging::CardRequest& card, const CallOptions&) -> Result<charging::ChargeResult> {
    EXPECT_EQ(card.code, crashed.code);
    charging::ChargeResult r;
    r.status_code = 1;
    r.status = charging::Status::kSuccess;
    r.request_id = card.request_id;
    r.amount = 35000;
    return r;
  };
  receive::ReconcileOptions o;
  o.older_than = 0ms;
  o.max_queries_per_second = 0;
  o.store_key = Secret(kStoreKey);
  // ...while the provider's callback for it races in through the receivers.
  std::vector<Planned> plan;
  for (int copy = 0; copy < kCopies; ++copy) {
    plan.push_back({charging_callback("/charging", kPartnerKey, crashed, 1, 35000, 50000, CallbackForm::kPostJson)});
  }
  std::thread callbacks([&] { deliver_all(plan, 3); });
  auto report = receive::reconcile(applier, q, o);
  callbacks.join();
  ASSERT_TRUE(report.ok()) << describe(report.error());
  const auto credits = backend->credits();
  ASSERT_EQ(credits.count("card:" + crashed.request_id), 1u);
  EXPECT_EQ(credits.at("card:" + crashed.request_id).count, 1);
  EXPECT_EQ(credits.at("card:" + crashed.request_id).sum, 35000);
}

// Issue 20, item 1, on both stores alike: a handler that credits, then runs a statement that
// fails and ignores it, is applied by no receiver — each copy is answered 503 (so the provider
// retries), nothing is credited or recorded — while everything around it is applied once.
TEST_F(Race, AHandlerWhoseStatementFailedIsAppliedByNoReceiver) {
  ASSERT_TRUE(backend->execute_sql("CREATE TABLE merchant_once (k TEXT PRIMARY KEY)"));
  ASSERT_TRUE(backend->execute_sql("INSERT INTO merchant_once VALUES ('taken')"));
  std::ofstream(dir.file("truth")) << "";
  start_nodes("", {"--poison", "tingee:FT-POISON"});
  std::vector<Planned> plan;
  std::map<std::string, Vnd> expected;
  for (int i = 0; i < 8; ++i) {
    const std::string code = "FT-OK-" + std::to_string(i);
    expected["tingee:" + code] = 1000 + i;
    for (int copy = 0; copy < kCopies; ++copy)
      plan.push_back({tingee_payment("/tingee", kTingeeSecret, code, 1000 + i)});
  }
  for (int copy = 0; copy < 2 * kCopies; ++copy) {
    plan.push_back({tingee_payment("/tingee", kTingeeSecret, "FT-POISON", 9000), false, 503});
  }
  deliver_all(plan, 11);
  const auto credits = backend->credits();
  EXPECT_EQ(credits.count("tingee:FT-POISON"), 0u) << "credited although its transaction had a failed statement";
  for (const auto& [key, amount] : expected) {
    const auto it = credits.find(key);
    ASSERT_NE(it, credits.end()) << key << " was never applied";
    EXPECT_EQ(it->second.count, 1) << key;
    EXPECT_EQ(it->second.sum, amount) << key;
  }
  EXPECT_FALSE(backend->store()->find_event(Provider::kTingee, "FT-POISON")->has_value());
}

// Issue 20, items 3 and 4: events recorded owed by a handler-less process (`paygw reconcile`)
// while the receivers run are handled by the receivers' periodic run_deferred, each exactly once
// — behind 120 owed bank links no receiver handles, and past one whose handler always fails.
TEST_F(Race, OwedHandlersRunOnceInRunningReceiversWhateverIsOwedBeforeThem) {
  ASSERT_TRUE(backend->execute_sql("CREATE TABLE merchant_once (k TEXT PRIMARY KEY)"));
  ASSERT_TRUE(backend->execute_sql("INSERT INTO merchant_once VALUES ('taken')"));
  std::ofstream(dir.file("truth")) << "";
  start_nodes("", {"--poison", "tingee:FT-OWED-POISON", "--deferred-ms", "100", "--no-bank-link", "1"});
  const receive::Applier reconciler(backend->store());  // no handlers
  for (int i = 0; i < 120; ++i) {
    tingee::BankLinkEvent link;
    link.request_id = "owed-link-" + std::to_string(i);
    link.status = tingee::BankLinkStatus::kConfirmVaSuccess;
    link.status_raw = "confirm-va-success";
    ASSERT_TRUE(reconciler.apply_bank_link(link).ok());
  }
  tingee::PaymentNotification poison;
  poison.transaction_code = "FT-OWED-POISON";
  poison.amount = 500;
  ASSERT_TRUE(reconciler.apply_tingee_payment(poison, "reconcile").ok());
  std::map<std::string, Vnd> expected;
  for (int i = 0; i < 10; ++i) {
    tingee::PaymentNotification p;
    p.transaction_code = "FT-OWED-" + std::to_string(i);
    p.amount = 2000 + i;
    auto r = reconciler.apply_tingee_payment(p, "reconcile");
    ASSERT_TRUE(r.ok() && !r->handled);
    expected["tingee:" + p.transaction_code] = p.amount;
  }
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  std::map<std::string, Credit> credits;
  while (std::chrono::steady_clock::now() < deadline) {
    credits = backend->credits();
    if (credits.size() >= expected.size()) break;
    std::this_thread::sleep_for(200ms);
  }
  std::this_thread::sleep_for(500ms);  // a few more periodic runs: still once
  credits = backend->credits();
  for (const auto& [key, amount] : expected) {
    const auto it = credits.find(key);
    ASSERT_NE(it, credits.end()) << key << " was never handled";
    EXPECT_EQ(it->second.count, 1) << key;
    EXPECT_EQ(it->second.sum, amount) << key;
  }
  EXPECT_EQ(credits.size(), expected.size()) << "nothing else (bank links, the failing one) was credited";
  auto owed = backend->store()->list_unhandled(1000);
  ASSERT_TRUE(owed.ok());
  EXPECT_EQ(owed->size(), 121u) << "the bank links and the failing one stay owed";
}

}  // namespace
}  // namespace paygw::test

#ifdef PAYGW_RACE_POSTGRES
#include "pg_main.hpp"
int main(int argc, char** argv) { return paygw::test::pg_test_main(argc, argv); }
#endif
