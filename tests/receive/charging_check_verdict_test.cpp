// SPDX-License-Identifier: MIT
// Only a card verdict (status 1, 2 or 3) settles a card: a check() that answers anything else
// (101 CARD_NOT_EXISTED, 102 INVALID_SIGNATURE, 4 maintenance, 100, 99) keeps it pending and
// alerts — in the dispatcher's confirmation of a callback and in the reconciler alike. Before,
// the dispatcher made the card final with the check's non-verdict and no credit, so the genuine
// success that followed was a "conflict" and was never credited.
#include <paygw/receive/reconciler.hpp>

#include "dispatcher_fixture.hpp"

namespace paygw::test {
namespace {

using namespace std::chrono_literals;

charging::ChargeResult check_answer(const std::string& id, int status, std::optional<Vnd> amount,
                                    std::string message = {}) {
  charging::ChargeResult r;
  r.status_code = status;
  r.message = std::move(message);
  r.status = charging::status_from_code(status, r.message);
  r.request_id = id;
  r.amount = amount;
  return r;
}

struct NonVerdict {
  int status;
  const char* message;
};
const NonVerdict kNonVerdicts[] = {
    {101, "CARD_NOT_EXISTED"}, {102, "INVALID_SIGNATURE"}, {4, "MAINTENANCE"}, {100, "SUBMIT_FAILED"}, {99, "PENDING"}};

class ConfirmedCallbackTest : public DispatcherTest {
 protected:
  void SetUp() override {
    DispatcherTest::SetUp();
    DispatcherConfig config;
    config.store = store;
    config.applier.handlers = handlers();
    ChargingEndpoint ep;
    ep.path = kChargingPath;
    ep.store_key = Secret(kStoreKey);
    ep.confirm = [this](const charging::CardRequest& card, const CallOptions&) -> Result<charging::ChargeResult> {
      ++checks;
      return check_answer(card.request_id, check_status, check_amount, check_message);
    };
    config.charging = std::move(ep);
    auto d = Dispatcher::create(std::move(config));
    ASSERT_TRUE(d.ok()) << describe(d.error());
    dispatcher.reset();
    dispatcher.emplace(std::move(*d));
  }

  int check_status = 99;
  std::string check_message;
  std::optional<Vnd> check_amount;
  int checks = 0;
};

TEST_F(ConfirmedCallbackTest, AGenuineSuccessIsNotBuriedByANonVerdictCheckAnswer) {
  for (const auto& nv : kNonVerdicts) {
    SCOPED_TRACE(nv.status);
    const std::string id = "r-nv-" + std::to_string(nv.status);
    const Card c = card(id);
    ASSERT_EQ(deliver(charging_callback(kChargingPath, kPartnerKey, c, 99, 35000, -1, CallbackForm::kPostJson)).status,
              200);
    const auto success = charging_callback(kChargingPath, kPartnerKey, c, 1, 35000, 50000, CallbackForm::kPostJson);

    // The provider's check is not ready or misbehaves: nothing is settled, the provider is asked
    // to call back again, and a human is told.
    check_status = nv.status;
    check_message = nv.message;
    check_amount.reset();
    ledger.alerts.clear();
    const Reply waiting = deliver(success);
    EXPECT_EQ(waiting.status, 503) << waiting.note;
    EXPECT_NE((*store->find_submission(Provider::kCharging, id))->state, SubmissionState::kFinal) << waiting.note;
    EXPECT_EQ(runs("card:" + id), 0);
    EXPECT_TRUE(alerted("not_confirmed")) << waiting.note;

    // Once check says 1, the next delivery of the same callback credits the card, once.
    check_status = 1;
    check_message = "Thanh cong";
    check_amount = 35000;
    const Reply applied = deliver(success);
    EXPECT_EQ(applied.status, 200) << applied.note;
    EXPECT_EQ(applied.body, R"({"status":"ok"})");
    EXPECT_EQ(deliver(success).status, 200);
    EXPECT_EQ(runs("card:" + id), 1);
    EXPECT_EQ(ledger.credited["card:" + id], 35000) << applied.note;
    EXPECT_FALSE(alerted("conflict"));
  }
}

TEST_F(ConfirmedCallbackTest, ACheckVerdictSettlesTheCardEvenWhenTheCallbackSaidOtherwise) {
  const Card c = card("r-verdict");
  check_status = 3;
  const Reply r = deliver(charging_callback(kChargingPath, kPartnerKey, c, 1, 35000, 50000, CallbackForm::kGetQuery));
  EXPECT_EQ(r.status, 200) << r.note;
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "r-verdict"))->state, SubmissionState::kFinal);
  EXPECT_EQ(ledger.credited["card:r-verdict"], 0);
  EXPECT_TRUE(alerted("rejected")) << "the callback contradicts the check";
}

// The reconciler follows the same rule: a card the provider acknowledged (pending) is settled only
// by a verdict; a write-ahead card the provider never received (101) is final without credit.
class ReconcileVerdictTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock = std::make_shared<FixedClock>(std::chrono::system_clock::time_point(std::chrono::hours(500000)));
    store = make_memory_store({clock});
    Handlers h;
    h.card_final = [this](const CardFinal& c, ApplyContext&) -> Result<void> {
      ++runs[c.result.request_id];
      if (c.result.credits()) credited[c.result.request_id] += c.result.amount.value_or(0);
      return {};
    };
    h.alert = [this](const Alert& a) { alerts.push_back(a); };
    applier.emplace(store, ApplierOptions{h, {}, nullptr});
    options.older_than = 5min;
    options.store_key = Secret(kStoreKey);
    options.max_queries_per_second = 0;
    options.clock = clock;
  }

  void pending_card(const std::string& id) {
    charging::CardRequest card{"VIETTEL", "312821445892985", "10004783347874", 50000, id};
    ASSERT_TRUE(write_ahead_card(*store, CardKeys{Secret(kPartnerKey), Secret(kStoreKey)}, card).ok());
    ASSERT_TRUE(*store->mark(Provider::kCharging, id, SubmissionState::kWriteAhead, SubmissionState::kPending));
  }

  std::shared_ptr<FixedClock> clock;
  std::shared_ptr<PaymentStore> store;
  std::optional<Applier> applier;
  ReconcileOptions options;
  std::map<std::string, int> runs;
  std::map<std::string, Vnd> credited;
  std::vector<Alert> alerts;
};

TEST_F(ReconcileVerdictTest, APendingCardIsSettledOnlyByAVerdict) {
  for (const auto& nv : kNonVerdicts) {
    SCOPED_TRACE(nv.status);
    const std::string id = "r-rec-" + std::to_string(nv.status);
    pending_card(id);
    clock->advance(6min);
    alerts.clear();
    ReconcileQueries q;
    int status = nv.status;
    std::string message = nv.message;
    q.check_card = [&](const charging::CardRequest& card, const CallOptions&) -> Result<charging::ChargeResult> {
      return check_answer(card.request_id, status, status == 1 ? std::optional<Vnd>(35000) : std::nullopt, message);
    };
    auto report = reconcile(*applier, q, options);
    ASSERT_TRUE(report.ok()) << describe(report.error());
    EXPECT_EQ(report->totals.still_pending, 1u) << report->totals.note;
    EXPECT_EQ((*store->find_submission(Provider::kCharging, id))->state, SubmissionState::kPending);
    EXPECT_EQ(runs[id], 0);
    if (nv.status != 99) {
      EXPECT_FALSE(alerts.empty()) << "a non-verdict answer for an acknowledged card is alerted";
    }
    status = 1;
    message = "Thanh cong";
    report = reconcile(*applier, q, options);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->totals.applied, 1u) << report->totals.note;
    EXPECT_EQ(credited[id], 35000);
  }
}

}  // namespace
}  // namespace paygw::test
