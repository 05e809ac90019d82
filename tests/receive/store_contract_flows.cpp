// SPDX-License-Identifier: MIT
// The PaymentStore contract, resumable flows (FlowRecord; ADR 0054): created once, found, updated
// by compare-and-set on the version — of several processes resuming one flow from the same
// version, exactly one moves it on. Every implementation (memory, SQLite, PostgreSQL) passes these.
#include "store_contract.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace paygw::test {
namespace {

using namespace std::chrono_literals;

FlowRecord flow(const std::string& id, const std::string& state = "start") {
  FlowRecord f;
  f.provider = Provider::kTingee;
  f.flow_id = id;
  f.kind = "tingee_va_link";
  f.state = state;
  f.data = R"({"bankBin":"970418","note":"'quoted' \"double\" ư"})";
  f.version = 42;  // ignored: the store sets it
  return f;
}

}  // namespace

TEST_P(StoreContract, FlowIsCreatedOnceAndRoundTrips) {
  auto first = store->create_flow(flow("f-1"));
  ASSERT_TRUE(first.ok()) << describe(first.error());
  EXPECT_TRUE(*first);
  auto again = store->create_flow(flow("f-1", "other"));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again) << "a second create of the same flow is refused";
  auto other = flow("f-1");
  other.provider = Provider::kCharging;
  EXPECT_TRUE(*store->create_flow(other)) << "keys are per provider";

  auto found = store->find_flow(Provider::kTingee, "f-1");
  ASSERT_TRUE(found.ok()) << describe(found.error());
  ASSERT_TRUE(found->has_value());
  const FlowRecord& f = **found;
  EXPECT_EQ(f.state, "start") << "the first record is kept";
  EXPECT_EQ(f.kind, "tingee_va_link");
  EXPECT_EQ(f.data, flow("f-1").data);
  EXPECT_EQ(f.version, 1);
  EXPECT_EQ(f.created_at, clock->now());
  EXPECT_EQ(f.updated_at, clock->now());
  EXPECT_FALSE(store->find_flow(Provider::kTingee, "f-2")->has_value());
  EXPECT_FALSE(store->find_flow(Provider::kTconnect, "f-1")->has_value());
}

TEST_P(StoreContract, FlowUpdateIsACompareAndSetOnTheVersion) {
  ASSERT_TRUE(*store->create_flow(flow("cas")));
  const auto created = clock->now();
  clock->advance(7s);
  auto moved = store->update_flow(Provider::kTingee, "cas", 1, "sending", R"({"step":"create_va"})");
  ASSERT_TRUE(moved.ok()) << describe(moved.error());
  EXPECT_TRUE(*moved);
  EXPECT_FALSE(*store->update_flow(Provider::kTingee, "cas", 1, "stale", "{}")) << "version 1 is gone";
  EXPECT_FALSE(*store->update_flow(Provider::kTingee, "missing", 1, "x", "{}"));
  EXPECT_FALSE(*store->update_flow(Provider::kCharging, "cas", 2, "x", "{}")) << "keys are per provider";
  auto f = store->find_flow(Provider::kTingee, "cas");
  ASSERT_TRUE(f.ok() && f->has_value());
  EXPECT_EQ((*f)->state, "sending");
  EXPECT_EQ((*f)->data, R"({"step":"create_va"})");
  EXPECT_EQ((*f)->version, 2);
  EXPECT_EQ((*f)->created_at, created);
  EXPECT_EQ((*f)->updated_at, clock->now());
  EXPECT_TRUE(*store->update_flow(Provider::kTingee, "cas", 2, "done", ""));
  EXPECT_EQ((*store->find_flow(Provider::kTingee, "cas"))->version, 3);
  EXPECT_EQ((*store->find_flow(Provider::kTingee, "cas"))->data, "");
}

TEST_P(StoreContract, InvalidFlowsAreRefused) {
  auto bad = [&](const FlowRecord& f) {
    auto res = store->create_flow(f);
    return !res.ok() && res.error().code == ErrorCode::kInvalidArgument;
  };
  EXPECT_TRUE(bad(flow("")));
  EXPECT_TRUE(bad(flow(std::string(129, 'x'))));
  EXPECT_TRUE(bad(flow("a\nb")));
  EXPECT_TRUE(bad(flow("ok", "")));
  EXPECT_TRUE(bad(flow("ok", std::string(65, 's'))));
  auto no_kind = flow("ok");
  no_kind.kind.clear();
  EXPECT_TRUE(bad(no_kind));
  auto big = flow("ok");
  big.data.assign(65537, 'd');
  EXPECT_TRUE(bad(big));
  big.data.assign(65536, 'd');
  EXPECT_TRUE(*store->create_flow(big));
  ASSERT_TRUE(*store->create_flow(flow(std::string(128, 'x'))));
  auto res = store->update_flow(Provider::kTingee, "ok", 1, "", "{}");
  EXPECT_TRUE(!res.ok() && res.error().code == ErrorCode::kInvalidArgument);
  res = store->update_flow(Provider::kTingee, "ok", 1, "s", std::string(65537, 'd'));
  EXPECT_TRUE(!res.ok() && res.error().code == ErrorCode::kInvalidArgument);
  EXPECT_EQ((*store->find_flow(Provider::kTingee, "ok"))->version, 1) << "a refused update changes nothing";
}

TEST_P(StoreContract, ConcurrentFlowUpdatesFromOneVersionHaveExactlyOneWinner) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 10;
  for (int round = 0; round < kRounds; ++round) {
    const std::string id = "race-" + std::to_string(round);
    ASSERT_TRUE(*store->create_flow(flow(id)));
    std::atomic<int> won{0}, failed{0}, created{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        auto again = store->create_flow(flow(id, "again"));  // a resumer that starts the flow anew
        if (!again) return void(++failed);
        created += *again ? 1 : 0;
        auto f = store->update_flow(Provider::kTingee, id, 1, "sending", "{\"by\":" + std::to_string(t) + "}");
        if (!f) return void(++failed);
        won += *f ? 1 : 0;
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failed.load(), 0);
    EXPECT_EQ(created.load(), 0) << id;
    EXPECT_EQ(won.load(), 1) << id;
    auto f = store->find_flow(Provider::kTingee, id);
    ASSERT_TRUE(f.ok() && f->has_value());
    EXPECT_EQ((*f)->state, "sending");
    EXPECT_EQ((*f)->version, 2);
  }
}

}  // namespace paygw::test
