// SPDX-License-Identifier: MIT
// The PaymentStore contract (store_contract.cpp), continued: the read API — events and
// submissions listed by filter, time and page — and the alerts a store keeps.
#include "store_contract.hpp"
#include "store_contract_helpers.hpp"

#include <paygw/receive/applier.hpp>

#include <string>
#include <vector>

namespace paygw::test {

using namespace std::chrono_literals;

// Issue 20, item 13: the read API.
TEST_P(StoreContract, EventsAreListedByFilterTimeAndPage) {
  const std::vector<EventRecord> all = {
      {Provider::kTingee, "A", "tingee_payment", "{}", false, {}},
      {Provider::kCharging, "B", "card_final", "{}", true, {}},
      {Provider::kTingee, "C", "tingee_bank_link", "{}", false, {}},
      {Provider::kTconnect, "D", "ipn_confirmed", "{}", true, {}},
      {Provider::kTingee, "E", "tingee_payment", "{}", true, {}},
  };
  const auto t0 = clock->now();
  for (const auto& e : all) {
    auto tx = store->begin();
    ASSERT_TRUE(*(*tx)->record_event(e));
    ASSERT_TRUE((*tx)->commit().ok());
    clock->advance(std::chrono::seconds(1));
  }
  auto ids = [&](const EventQuery& q) {
    auto page = store->list_events(q);
    EXPECT_TRUE(page.ok()) << describe(page.error());
    std::string out;
    for (const auto& e : page->events) out += e.event_id;
    return out + (page->next_cursor.empty() ? "" : "+");
  };
  EXPECT_EQ(ids({}), "ABCDE");
  EventQuery q;
  q.limit = 2;
  auto first = store->list_events(q);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->events.size(), 2u);
  EXPECT_EQ(first->events[1].applied_at, t0 + std::chrono::seconds(1));
  EXPECT_TRUE(first->events[1].handled);
  q.cursor = first->next_cursor;
  EXPECT_EQ(ids(q), "CD+");
  q.cursor = store->list_events(q)->next_cursor;
  EXPECT_EQ(ids(q), "E");
  EventQuery f;
  f.handled = false;
  EXPECT_EQ(ids(f), "AC");
  f.handled = std::nullopt;
  f.provider = Provider::kTingee;
  EXPECT_EQ(ids(f), "ACE");
  f.kinds = {"tingee_payment", "ipn_confirmed"};
  EXPECT_EQ(ids(f), "AE");
  f.handled = true;
  EXPECT_EQ(ids(f), "E");
  EventQuery t;
  t.applied_from = t0 + std::chrono::seconds(1);
  t.applied_before = t0 + std::chrono::seconds(3);
  EXPECT_EQ(ids(t), "BC");
  for (std::size_t bad_limit : {std::size_t{0}, std::size_t{1001}}) {
    EventQuery b;
    b.limit = bad_limit;
    EXPECT_EQ(store->list_events(b).error().code, ErrorCode::kInvalidArgument);
  }
  EventQuery b;
  b.cursor = "not a cursor";
  EXPECT_EQ(store->list_events(b).error().code, ErrorCode::kInvalidArgument);
}

TEST_P(StoreContract, SubmissionsAreListedByFilterTimeAndPage) {
  const auto t0 = clock->now();
  ASSERT_TRUE(*store->record_submission(submission(Provider::kTingee, "b")));
  ASSERT_TRUE(*store->record_submission(submission(Provider::kCharging, "z")));
  ASSERT_TRUE(*store->record_submission(submission(Provider::kCharging, "a")));
  clock->advance(std::chrono::minutes(1));
  ASSERT_TRUE(*store->record_submission(submission(Provider::kTconnect, "o:1")));
  ASSERT_TRUE(finalize(*store, Provider::kCharging, "z", R"({"x":1})"));
  auto ids = [&](const SubmissionQuery& q) {
    auto page = store->list_submissions(q);
    EXPECT_TRUE(page.ok()) << describe(page.error());
    std::string out;
    for (const auto& r : page->submissions) out += r.request_id + " ";
    return out + (page->next_cursor.empty() ? "" : "+");
  };
  // Same time: ordered by provider, then request_id.
  EXPECT_EQ(ids({}), "a z b o:1 ");
  SubmissionQuery q;
  q.limit = 1;
  std::string seen;
  for (int i = 0; i < 5; ++i) {
    auto page = store->list_submissions(q);
    ASSERT_TRUE(page.ok()) << describe(page.error());
    for (const auto& r : page->submissions) seen += r.request_id + " ";
    if (page->next_cursor.empty()) break;
    q.cursor = page->next_cursor;
  }
  EXPECT_EQ(seen, "a z b o:1 ");
  SubmissionQuery f;
  f.states = {SubmissionState::kFinal};
  auto finals = store->list_submissions(f);
  ASSERT_EQ(finals->submissions.size(), 1u);
  EXPECT_EQ(finals->submissions[0].result, R"({"x":1})");
  f.states = {SubmissionState::kWriteAhead};
  f.provider = Provider::kCharging;
  EXPECT_EQ(ids(f), "a ");
  SubmissionQuery t;
  t.created_from = t0 + std::chrono::seconds(30);
  EXPECT_EQ(ids(t), "o:1 ");
  t.created_from = std::nullopt;
  t.created_before = t0 + std::chrono::seconds(30);
  EXPECT_EQ(ids(t), "a z b ");
  SubmissionQuery b;
  b.cursor = "1:nowhere:x";
  EXPECT_EQ(store->list_submissions(b).error().code, ErrorCode::kInvalidArgument);
}

TEST_P(StoreContract, AlertsAreKeptAndListed) {
  const auto t0 = clock->now();
  ASSERT_TRUE(store->record_alert({Provider::kCharging, "conflict", "r-1", "stored 1, delivered 2", {}}).ok());
  clock->advance(std::chrono::seconds(5));
  ASSERT_TRUE(store->record_alert({Provider::kTingee, "rejected", "", std::string(3000, 'm'), {}}).ok());
  ASSERT_TRUE(store->record_alert({Provider::kCharging, "unknown_submission", "r-9", "no such card", {}}).ok());
  auto all = store->list_alerts({});
  ASSERT_TRUE(all.ok()) << describe(all.error());
  ASSERT_EQ(all->alerts.size(), 3u);
  EXPECT_EQ(all->alerts[0].kind, "conflict");
  EXPECT_EQ(all->alerts[0].subject, "r-1");
  EXPECT_EQ(all->alerts[0].message, "stored 1, delivered 2");
  EXPECT_EQ(all->alerts[0].raised_at, t0);
  EXPECT_EQ(all->alerts[1].message.size(), 1000u) << "messages are cut";
  AlertQuery q;
  q.provider = Provider::kCharging;
  q.limit = 1;
  auto page = store->list_alerts(q);
  ASSERT_EQ(page->alerts.size(), 1u);
  EXPECT_EQ(page->alerts[0].subject, "r-1");
  ASSERT_FALSE(page->next_cursor.empty());
  q.cursor = page->next_cursor;
  page = store->list_alerts(q);
  ASSERT_EQ(page->alerts.size(), 1u);
  EXPECT_EQ(page->alerts[0].subject, "r-9");
  EXPECT_TRUE(page->next_cursor.empty());
  AlertQuery k;
  k.kinds = {"conflict"};
  EXPECT_EQ(store->list_alerts(k)->alerts.size(), 1u);
  AlertQuery t;
  t.raised_from = t0 + std::chrono::seconds(1);
  EXPECT_EQ(store->list_alerts(t)->alerts.size(), 2u);
}

// A flood of alerts (every forged delivery raises one) is not a flood of writes.
TEST_P(StoreContract, AlertsAreKeptABurstThenTenASecond) {
  const auto started = std::chrono::steady_clock::now();
  std::size_t refused = 0;
  for (int i = 0; i < 60; ++i) {
    if (!store->record_alert({Provider::kTingee, "rejected", "", "webhook refused", {}}).ok()) ++refused;
  }
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  AlertQuery q;
  q.limit = 1000;
  const std::size_t kept = store->list_alerts(q)->alerts.size();
  EXPECT_EQ(kept + refused, 60u);
  EXPECT_GE(kept, 20u);
  EXPECT_LE(static_cast<double>(kept), 20 + 10 * took + 1) << "took " << took << " s";
}

// Applier::alert keeps what it raises.
TEST_P(StoreContract, TheApplierKeepsItsAlerts) {
  const receive::Applier applier(store);
  auto r = applier.apply_tingee_payment(payment("FT-BILL", 5000), "webhook");  // fine, no bill named
  ASSERT_TRUE(r.ok());
  charging::ChargeResult unknown;
  unknown.request_id = "never-sent";
  unknown.status_code = 1;
  unknown.status = charging::Status::kSuccess;
  unknown.amount = 10000;
  ASSERT_TRUE(applier.apply_card(unknown, "callback").ok());
  auto alerts = store->list_alerts({});
  ASSERT_TRUE(alerts.ok());
  ASSERT_EQ(alerts->alerts.size(), 1u);
  EXPECT_EQ(alerts->alerts[0].kind, "unknown_submission");
  EXPECT_EQ(alerts->alerts[0].subject, "never-sent");
}

}  // namespace paygw::test
