// SPDX-License-Identifier: MIT
// The reconciler over the memory store with scripted provider queries: a crash between the
// write-ahead and the send is found and settled once, pending stays pending, ages, rate, cancel,
// TConnect orders and Tingee bills, failures and owed handlers.
#include <paygw/receive/reconciler.hpp>
#include <paygw/receive/submit.hpp>

#include <gtest/gtest.h>

#include <map>

namespace paygw::test {
namespace {

using namespace paygw::receive;
using namespace std::chrono_literals;

const Secret kPartnerKey("PARTNERKEY_TEST_0123456789abcdef");
const Secret kStoreKey("store-key-0123456789abcdef-0123456789");

class ReconcilerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock = std::make_shared<FixedClock>(std::chrono::system_clock::time_point(std::chrono::hours(500000)));
    store = make_memory_store({clock});
    Handlers h;
    h.card_final = [this](const CardFinal& c, ApplyContext&) -> Result<void> {
      ++runs["card:" + c.result.request_id];
      if (c.result.credits()) credited[c.result.request_id] += c.result.amount.value_or(0);
      return {};
    };
    h.ipn_confirmed = [this](const IpnConfirmed& i, ApplyContext& ctx) -> Result<void> {
      ++runs["ipn:" + ctx.event().event_id];
      EXPECT_TRUE(i.order_settled);
      return {};
    };
    h.tingee_payment = [this](const TingeePayment& p, ApplyContext&) -> Result<void> {
      ++runs["tingee:" + p.payment.transaction_code];
      return {};
    };
    applier.emplace(store, ApplierOptions{h, {}, nullptr});
    options.older_than = 5min;
    options.store_key = kStoreKey;
    options.max_queries_per_second = 0;
    options.clock = clock;
  }

  charging::CardRequest write_ahead(const std::string& id, const std::string& code = "312821445892985") {
    charging::CardRequest card{"VIETTEL", code, "10004783347874", 50000, id};
    auto ok = write_ahead_card(*store, CardKeys{kPartnerKey, kStoreKey}, card);
    EXPECT_TRUE(ok.ok()) << describe(ok.error());
    return card;
  }

  static charging::ChargeResult result(const std::string& id, int status, std::optional<Vnd> amount) {
    charging::ChargeResult r;
    r.status_code = status;
    r.status = charging::status_from_code(status);
    r.request_id = id;
    r.amount = amount;
    return r;
  }

  Result<ReconcileReport> run(const ReconcileQueries& q) { return reconcile(*applier, q, options); }

  std::shared_ptr<FixedClock> clock;
  std::shared_ptr<PaymentStore> store;
  std::optional<Applier> applier;
  ReconcileOptions options;
  std::map<std::string, int> runs;
  std::map<std::string, Vnd> credited;
};

TEST_F(ReconcilerTest, ACrashBetweenWriteAheadAndSendIsFoundAndSettledOnce) {
  // Both cards were recorded and then the process died: one reached the provider, one did not.
  const auto sent = write_ahead("r-sent");
  clock->advance(1s);
  write_ahead("r-lost", "312821445892986");
  clock->advance(6min);
  std::vector<std::string> asked;
  ReconcileQueries q;
  q.check_card = [&](const charging::CardRequest& card, const CallOptions&) -> Result<charging::ChargeResult> {
    asked.push_back(card.request_id);
    EXPECT_EQ(card.telco, "VIETTEL");
    EXPECT_EQ(card.serial, "10004783347874") << "the sealed card opens for check()";
    if (card.request_id == "r-sent") {
      EXPECT_EQ(card.code, sent.code);
      return result("r-sent", 1, 35000);
    }
    return result("", 101, std::nullopt);  // CARD_NOT_EXISTS: the provider never got it
  };
  auto report = run(q);
  ASSERT_TRUE(report.ok()) << describe(report.error());
  EXPECT_EQ(asked, (std::vector<std::string>{"r-sent", "r-lost"}));
  EXPECT_EQ(report->totals.total, 2u);
  EXPECT_EQ(report->totals.applied, 2u);
  EXPECT_EQ(runs["card:r-sent"], 1);
  EXPECT_EQ(credited["r-sent"], 35000);
  EXPECT_EQ(runs["card:r-lost"], 1) << "the merchant learns the card failed";
  EXPECT_EQ(credited.count("r-lost"), 0u);
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "r-lost"))->state, SubmissionState::kFinal);
  // Nothing is due any more; a late callback-equivalent is a duplicate.
  auto again = run(q);
  EXPECT_EQ(again->totals.total, 0u);
  EXPECT_EQ(applier->apply_card(result("r-sent", 1, 35000), "callback")->outcome, Outcome::kDuplicate);
  EXPECT_EQ(runs["card:r-sent"], 1);
}

TEST_F(ReconcilerTest, PendingStaysPendingAndYoungSubmissionsWait) {
  write_ahead("r-old");
  clock->advance(6min);
  write_ahead("r-young");
  int asked = 0;
  ReconcileQueries q;
  q.check_card = [&](const charging::CardRequest& card, const CallOptions&) -> Result<charging::ChargeResult> {
    ++asked;
    return result(card.request_id, 99, 35000);  // pending carries an expected payout: never credit it
  };
  auto report = run(q);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(asked, 1) << "the young one's callback may still be on its way";
  EXPECT_EQ(report->totals.still_pending, 1u);
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "r-old"))->state, SubmissionState::kPending);
  EXPECT_TRUE(runs.empty());
  // A 101 for a card the provider had acknowledged is not applied: it is alerted.
  q.check_card = [&](const charging::CardRequest&, const CallOptions&) -> Result<charging::ChargeResult> {
    return result("", 101, std::nullopt);
  };
  report = run(q);
  EXPECT_EQ(report->totals.still_pending, 1u);
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "r-old"))->state, SubmissionState::kPending);
}

TEST_F(ReconcilerTest, QueriesAreRateBoundedCancellableAndReported) {
  for (int i = 0; i < 5; ++i) {
    write_ahead("r-" + std::to_string(i), "31282144589298" + std::to_string(i));
    clock->advance(1s);
  }
  SubmissionRecord order{Provider::kTconnect, "ORD-9", SubmissionState::kWriteAhead, 1000, "", "", "", "", {}, {}};
  ASSERT_TRUE(*store->record_submission(order));  // no TConnect query configured: skipped, no wait
  clock->advance(6min);
  std::vector<std::chrono::milliseconds> waits;
  options.max_queries_per_second = 4;
  options.wait = [&](std::chrono::milliseconds d) {
    waits.push_back(d);
    return false;
  };
  std::vector<std::string> lines;
  options.progress = [&](const ReconcileProgress& p) { lines.push_back(progress_line(p)); };
  ReconcileQueries q;
  q.check_card = [](const charging::CardRequest& card, const CallOptions& call) -> Result<charging::ChargeResult> {
    EXPECT_FALSE(call.cancel.has_value()) << "no cancel token was given";
    return result(card.request_id, 99, std::nullopt);
  };
  auto report = run(q);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(waits, std::vector<std::chrono::milliseconds>(4, 250ms)) << "5 queries, a 250 ms pause between";
  EXPECT_EQ(report->totals.skipped, 1u);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(
      lines.front(),
      "reconcile: 1/6 checked, 0 applied, 1 pending, 0 skipped, 0 failed — charging:r-0 status 99: still pending");
  EXPECT_NE(lines.back().find("5 pending, 1 skipped"), std::string::npos) << lines.back();

  // Cancelled from the progress callback after the second submission.
  CancelToken cancel;
  options.cancel = cancel;
  options.wait = nullptr;
  options.max_queries_per_second = 0;
  int seen = 0;
  options.progress = [&](const ReconcileProgress&) {
    if (++seen == 2) cancel.cancel();
  };
  q.check_card = [&](const charging::CardRequest& card, const CallOptions& call) -> Result<charging::ChargeResult> {
    EXPECT_TRUE(call.cancel.has_value()) << "the run's token reaches the query";
    return result(card.request_id, 99, std::nullopt);
  };
  report = run(q);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->cancelled);
  EXPECT_EQ(report->totals.done, 2u);
}

TEST_F(ReconcilerTest, FailuresAreCountedWithoutSecrets) {
  const auto card = write_ahead("r-fail");
  clock->advance(6min);
  ReconcileQueries q;
  q.check_card = [](const charging::CardRequest&, const CallOptions&) -> Result<charging::ChargeResult> {
    return make_error(ErrorCode::kTimeout, "check timed out", Delivery::kMaybeSent);
  };
  auto report = run(q);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->totals.failed, 1u);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0], "charging:r-fail: timeout: check timed out [maybe sent]");
  EXPECT_EQ(report->errors[0].find(card.code), std::string::npos);
  // The wrong store key cannot open the card: a failure, no query.
  options.store_key = Secret(std::string(32, 'x'));
  q.check_card = [](const charging::CardRequest&, const CallOptions&) -> Result<charging::ChargeResult> {
    ADD_FAILURE() << "queried without the card";
    return make_error(ErrorCode::kInternal, "x");
  };
  report = run(q);
  EXPECT_EQ(report->totals.failed, 1u);
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "r-fail"))->state, SubmissionState::kWriteAhead);
}

TEST_F(ReconcilerTest, TconnectOrdersAndTingeeBillsSettleOnceWithTheirEvents) {
  ASSERT_TRUE(*store->record_submission(
      SubmissionRecord{Provider::kTconnect, "ORD-1", SubmissionState::kWriteAhead, 150000, "", "", "", "", {}, {}}));
  ASSERT_TRUE(*store->record_submission(
      SubmissionRecord{Provider::kTingee, "BILL-1", SubmissionState::kWriteAhead, 90000, "", "", "", "", {}, {}}));
  const auto created = clock->now();
  clock->advance(6min);
  ReconcileQueries q;
  q.confirm_ipn = [](const tconnect::IpnNotification& ipn, const CallOptions&) -> Result<IpnConfirmation> {
    EXPECT_EQ(ipn.order_id, "ORD-1");
    EXPECT_EQ(ipn.amount, 150000);
    tconnect::Transaction t;
    t.order_id = "ORD-1";
    t.request_id = "REQ-1";
    t.status = "SUCCESS";
    t.amount = 150000;
    return IpnConfirmation{IpnCheck::kConfirmed, t};
  };
  q.find_tingee = [&](const TingeeBillQuery& query, const CallOptions&) -> Result<std::vector<TingeeTransaction>> {
    EXPECT_EQ(query.bill_id, "BILL-1");
    EXPECT_EQ(query.from, created - 1min);
    EXPECT_EQ(query.to, clock->now()) << "the window ends now (less than 10 days after the bill)";
    TingeeTransaction t;
    t.transaction_code = "0123/FT99";
    t.amount = 90000;
    t.bill_id = "BILL-1";
    return std::vector<TingeeTransaction>{t};
  };
  auto report = run(q);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->totals.applied, 2u) << report->totals.note;
  EXPECT_EQ(runs["ipn:txn/REQ-1"], 1);
  EXPECT_EQ(runs["tingee:0123/FT99"], 1);
  EXPECT_EQ((*store->find_submission(Provider::kTconnect, "ORD-1"))->state, SubmissionState::kFinal);
  EXPECT_EQ((*store->find_submission(Provider::kTingee, "BILL-1"))->state, SubmissionState::kFinal);
  // The webhook / IPN arriving afterwards is a duplicate of the same event.
  tingee::PaymentNotification late;
  late.transaction_code = "0123/FT99";
  late.amount = 90000;
  EXPECT_EQ(applier->apply_tingee_payment(late, "webhook")->outcome, Outcome::kDuplicate);
  EXPECT_EQ(run(q)->totals.total, 0u);
}

TEST_F(ReconcilerTest, WithoutHandlersTheResultsAreOwedAndRunOnceLater) {
  write_ahead("r-cli");
  clock->advance(6min);
  Applier bare(store);  // what `paygw reconcile` has: the store, no merchant code
  ReconcileQueries q;
  q.check_card = [](const charging::CardRequest& card, const CallOptions&) -> Result<charging::ChargeResult> {
    return result(card.request_id, 2, 12500);  // wrong value: still a credit
  };
  auto report = reconcile(bare, q, options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->totals.applied, 1u);
  EXPECT_TRUE(runs.empty());
  EXPECT_EQ(*applier->run_deferred(), 1u);
  EXPECT_EQ(*applier->run_deferred(), 0u);
  EXPECT_EQ(runs["card:r-cli"], 1);
  EXPECT_EQ(credited["r-cli"], 12500);
}

}  // namespace
}  // namespace paygw::test
