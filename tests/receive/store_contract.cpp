// SPDX-License-Identifier: MIT
// The PaymentStore contract: every implementation (memory, SQLite, PostgreSQL) passes these.
// Records, transactions, events and their races here; failed statements and owed handlers in
// store_contract_failed_statements.cpp; the read API (events, submissions, alerts) in
// store_contract_read_api.cpp.
#include "store_contract.hpp"
#include "store_contract_helpers.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace paygw::test {

using namespace std::chrono_literals;

void StoreContract::SetUp() {
  clock = std::make_shared<FixedClock>(std::chrono::system_clock::time_point(std::chrono::hours(500000)));
  store = GetParam().make(clock);
  ASSERT_NE(store, nullptr);
}

SubmissionRecord submission(Provider provider, const std::string& id, Vnd amount) {
  SubmissionRecord r;
  r.provider = provider;
  r.request_id = id;
  r.amount = amount;
  r.telco = provider == Provider::kCharging ? "VIETTEL" : "";
  r.reference = "customer-42 'quoted' \"double\"";
  r.verifier = "v1.aaaa.bbbb.cccc.dddd";
  return r;
}

TEST_P(StoreContract, WriteAheadIsInsertedOnceAndRoundTrips) {
  const auto rec = submission(Provider::kCharging, "r-1");
  auto first = store->record_submission(rec);
  ASSERT_TRUE(first.ok()) << describe(first.error());
  EXPECT_TRUE(*first);
  auto again = store->record_submission(submission(Provider::kCharging, "r-1", 1));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again) << "a second write-ahead of the same request is refused";
  EXPECT_TRUE(*store->record_submission(submission(Provider::kTconnect, "r-1"))) << "keys are per provider";

  auto found = store->find_submission(Provider::kCharging, "r-1");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  const SubmissionRecord& r = **found;
  EXPECT_EQ(r.state, SubmissionState::kWriteAhead);
  EXPECT_EQ(r.amount, 50000) << "the first record is kept";
  EXPECT_EQ(r.telco, "VIETTEL");
  EXPECT_EQ(r.reference, rec.reference);
  EXPECT_EQ(r.verifier, rec.verifier);
  EXPECT_EQ(r.result, "");
  EXPECT_EQ(r.created_at, clock->now());
  EXPECT_FALSE(store->find_submission(Provider::kTingee, "r-1")->has_value());
  EXPECT_FALSE(store->find_submission(Provider::kCharging, "r-2")->has_value());
}

TEST_P(StoreContract, InvalidRecordsAreRefused) {
  auto bad = [&](SubmissionRecord r) {
    auto res = store->record_submission(r);
    return !res.ok() && res.error().code == ErrorCode::kInvalidArgument;
  };
  EXPECT_TRUE(bad(submission(Provider::kCharging, "")));
  EXPECT_TRUE(bad(submission(Provider::kCharging, std::string(129, 'x'))));
  EXPECT_TRUE(bad(submission(Provider::kCharging, "a\nb")));
  auto r = submission(Provider::kCharging, "ok");
  r.state = SubmissionState::kFinal;
  EXPECT_TRUE(bad(r));
  EXPECT_TRUE(bad(submission(Provider::kCharging, "neg", -1)));
  EXPECT_TRUE(bad(submission(Provider::kCharging, "big", kMaxAmountVnd + 1)));
  EXPECT_TRUE(*store->record_submission(submission(Provider::kCharging, std::string(128, 'x'), kMaxAmountVnd)));
}

TEST_P(StoreContract, MarkIsACompareAndSetOnWriteAhead) {
  ASSERT_TRUE(*store->record_submission(submission(Provider::kCharging, "m")));
  clock->advance(5s);
  EXPECT_TRUE(*store->mark(Provider::kCharging, "m", SubmissionState::kWriteAhead, SubmissionState::kPending));
  EXPECT_FALSE(*store->mark(Provider::kCharging, "m", SubmissionState::kWriteAhead, SubmissionState::kPending));
  EXPECT_FALSE(*store->mark(Provider::kCharging, "m", SubmissionState::kWriteAhead, SubmissionState::kNotSent));
  EXPECT_FALSE(*store->mark(Provider::kCharging, "missing", SubmissionState::kWriteAhead, SubmissionState::kPending));
  auto r = store->find_submission(Provider::kCharging, "m");
  EXPECT_EQ((*r)->state, SubmissionState::kPending);
  EXPECT_EQ((*r)->updated_at, clock->now());
  EXPECT_EQ((*r)->created_at, clock->now() - 5s);
  for (auto [from, to] : {std::pair{SubmissionState::kPending, SubmissionState::kNotSent},
                          {SubmissionState::kWriteAhead, SubmissionState::kFinal},
                          {SubmissionState::kFinal, SubmissionState::kPending}}) {
    auto res = store->mark(Provider::kCharging, "m", from, to);
    ASSERT_FALSE(res.ok());
    EXPECT_EQ(res.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST_P(StoreContract, FinalizeOnceFromWriteAheadOrPendingNeverFromNotSent) {
  for (const char* id : {"a", "b", "c"}) ASSERT_TRUE(*store->record_submission(submission(Provider::kCharging, id)));
  ASSERT_TRUE(*store->mark(Provider::kCharging, "b", SubmissionState::kWriteAhead, SubmissionState::kPending));
  ASSERT_TRUE(*store->mark(Provider::kCharging, "c", SubmissionState::kWriteAhead, SubmissionState::kNotSent));
  EXPECT_TRUE(finalize(*store, Provider::kCharging, "a", R"({"x":1})"));
  EXPECT_TRUE(finalize(*store, Provider::kCharging, "b", R"({"x":2})"));
  EXPECT_FALSE(finalize(*store, Provider::kCharging, "a", R"({"x":3})"));
  EXPECT_FALSE(finalize(*store, Provider::kCharging, "c", R"({"x":4})"));
  EXPECT_FALSE(finalize(*store, Provider::kCharging, "missing", "{}"));
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "a"))->result, R"({"x":1})");
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "a"))->state, SubmissionState::kFinal);
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "c"))->state, SubmissionState::kNotSent);
  EXPECT_FALSE(*store->mark(Provider::kCharging, "a", SubmissionState::kWriteAhead, SubmissionState::kPending));
}

TEST_P(StoreContract, AnUncommittedTransactionLeavesNothing) {
  ASSERT_TRUE(*store->record_submission(submission(Provider::kCharging, "t")));
  {
    auto tx = store->begin();
    ASSERT_TRUE(tx.ok());
    EXPECT_TRUE(*(*tx)->finalize(Provider::kCharging, "t", "{}"));
    EXPECT_TRUE(*(*tx)->record_event(event(Provider::kCharging, "t")));
    auto inside = (*tx)->find_submission(Provider::kCharging, "t");
    EXPECT_EQ((*inside)->state, SubmissionState::kFinal) << "the transaction sees its own writes";
  }  // destroyed without commit
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "t"))->state, SubmissionState::kWriteAhead);
  EXPECT_FALSE(store->find_event(Provider::kCharging, "t")->has_value());
  EXPECT_TRUE(finalize(*store, Provider::kCharging, "t", "{}")) << "and the next one is first";
}

TEST_P(StoreContract, EventsAreRecordedOnceAndHandledOnce) {
  {
    auto tx = store->begin();
    ASSERT_TRUE(tx.ok());
    EXPECT_TRUE(*(*tx)->record_event(event(Provider::kTingee, "FT1")));
    EXPECT_FALSE(*(*tx)->record_event(event(Provider::kTingee, "FT1")));
    EXPECT_TRUE(*(*tx)->record_event(event(Provider::kCharging, "FT1"))) << "keys are per provider";
    clock->advance(1s);
    EXPECT_TRUE(*(*tx)->record_event(event(Provider::kTingee, "FT2", true)));
    ASSERT_TRUE((*tx)->commit().ok());
  }
  clock->advance(1s);
  {
    auto tx = store->begin();
    EXPECT_TRUE(*(*tx)->record_event(event(Provider::kTingee, "FT3")));
    EXPECT_FALSE(*(*tx)->record_event(event(Provider::kTingee, "FT2")));
    ASSERT_TRUE((*tx)->commit().ok());
  }
  auto e = store->find_event(Provider::kTingee, "FT1");
  ASSERT_TRUE(e.ok() && e->has_value());
  EXPECT_EQ((*e)->kind, "tingee_payment");
  EXPECT_EQ((*e)->payload, R"({"kind":"tingee_payment","amount":1})");
  EXPECT_FALSE((*e)->handled);
  EXPECT_EQ((*e)->applied_at, clock->now() - 2s);
  auto owed = store->list_unhandled(10);
  ASSERT_TRUE(owed.ok());
  ASSERT_EQ(owed->size(), 3u);  // FT1 (tingee), FT1 (charging), FT3 — oldest first; FT2 was handled
  EXPECT_EQ((*owed)[2].event_id, "FT3");
  EXPECT_EQ(store->list_unhandled(1)->size(), 1u);
  {
    auto tx = store->begin();
    EXPECT_TRUE(*(*tx)->mark_handled(Provider::kTingee, "FT1"));
    EXPECT_FALSE(*(*tx)->mark_handled(Provider::kTingee, "FT1"));
    EXPECT_FALSE(*(*tx)->mark_handled(Provider::kTingee, "FT2"));
    EXPECT_FALSE(*(*tx)->mark_handled(Provider::kTingee, "nope"));
    ASSERT_TRUE((*tx)->commit().ok());
  }
  EXPECT_TRUE((*store->find_event(Provider::kTingee, "FT1"))->handled);
  EXPECT_EQ(store->list_unhandled(10)->size(), 2u);
  auto tx = store->begin();
  auto bad = (*tx)->record_event(event(Provider::kTingee, ""));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
}

TEST_P(StoreContract, UnsettledAreListedByAgeOldestFirst) {
  ASSERT_TRUE(*store->record_submission(submission(Provider::kCharging, "old")));
  clock->advance(10min);
  ASSERT_TRUE(*store->record_submission(submission(Provider::kTconnect, "middle")));
  ASSERT_TRUE(*store->record_submission(submission(Provider::kCharging, "final")));
  ASSERT_TRUE(*store->record_submission(submission(Provider::kCharging, "notsent")));
  clock->advance(10min);
  ASSERT_TRUE(*store->record_submission(submission(Provider::kTingee, "new")));
  ASSERT_TRUE(*store->mark(Provider::kTconnect, "middle", SubmissionState::kWriteAhead, SubmissionState::kPending));
  ASSERT_TRUE(finalize(*store, Provider::kCharging, "final", "{}"));
  ASSERT_TRUE(*store->mark(Provider::kCharging, "notsent", SubmissionState::kWriteAhead, SubmissionState::kNotSent));

  auto older = store->list_unsettled(10min, 10);
  ASSERT_TRUE(older.ok()) << describe(older.error());
  ASSERT_EQ(older->size(), 2u);
  EXPECT_EQ((*older)[0].request_id, "old");
  EXPECT_EQ((*older)[1].request_id, "middle");
  EXPECT_EQ((*older)[1].state, SubmissionState::kPending);
  EXPECT_EQ(store->list_unsettled(0ms, 10)->size(), 3u);
  EXPECT_EQ(store->list_unsettled(0ms, 1)->front().request_id, "old");
  EXPECT_EQ(store->list_unsettled(21min, 10)->size(), 0u);
}

TEST_P(StoreContract, ConcurrentFinalizeAndRecordEventHaveExactlyOneWinner) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 10;
  for (int round = 0; round < kRounds; ++round) {
    const std::string id = "race-" + std::to_string(round);
    ASSERT_TRUE(*store->record_submission(submission(Provider::kCharging, id)));
    std::atomic<int> finalized{0}, recorded{0}, failed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        auto tx = store->begin();
        if (!tx) return void(++failed);
        auto f = (*tx)->finalize(Provider::kCharging, id, "{\"by\":" + std::to_string(t) + "}");
        auto e = (*tx)->record_event(event(Provider::kTingee, id));
        if (!f || !e) return void(++failed);
        auto c = (*tx)->commit();
        if (!c) return void(++failed);
        finalized += *f ? 1 : 0;
        recorded += *e ? 1 : 0;
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failed.load(), 0);
    EXPECT_EQ(finalized.load(), 1) << id;
    EXPECT_EQ(recorded.load(), 1) << id;
  }
}

}  // namespace paygw::test
