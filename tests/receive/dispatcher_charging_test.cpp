// SPDX-License-Identifier: MIT
// The Dispatcher's charging callbacks over the memory store: every form and order credits once,
// forged/edited/replayed callbacks apply nothing, failing handlers roll back, owed handlers run
// later once, and confirmation by check() defeats a forged success.
#include "dispatcher_fixture.hpp"

namespace paygw::test {
namespace {

TEST_F(DispatcherTest, ChargingCallbackCreditsOnceWhateverTheFormAndOrder) {
  const Card c = card("r-100");
  // A late-arriving pending first, then the final by POST JSON, GET and form, twice each.
  Reply r = deliver(charging_callback(kChargingPath, kPartnerKey, c, 99, 35000, -1, CallbackForm::kPostJson));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"status":"ok"})");
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "r-100"))->state, SubmissionState::kPending);
  EXPECT_EQ(runs("card:r-100"), 0) << "a pending amount is never credited";
  for (auto form : {CallbackForm::kPostJson, CallbackForm::kGetQuery, CallbackForm::kPostForm}) {
    for (int i = 0; i < 2; ++i) {
      r = deliver(charging_callback(kChargingPath, kPartnerKey, c, 1, 35000, 50000, form));
      EXPECT_EQ(r.status, 200) << r.note;
      EXPECT_EQ(r.body, R"({"status":"ok"})");
    }
  }
  // A stale pending after the final one.
  EXPECT_EQ(deliver(charging_callback(kChargingPath, kPartnerKey, c, 99, 35000, -1, CallbackForm::kGetQuery)).status,
            200);
  EXPECT_EQ(runs("card:r-100"), 1);
  EXPECT_EQ(ledger.credited["card:r-100"], 35000);
  EXPECT_FALSE(alerted("conflict")) << "identical duplicates are not conflicts";
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "r-100"))->state, SubmissionState::kFinal);
}

TEST_F(DispatcherTest, ChargingForgedReplayedAndEditedCallbacksApplyNothing) {
  const Card c = card("r-200");
  // Wrong key, another card's code under a valid-looking sign, unknown request id.
  EXPECT_EQ(deliver(charging_callback(kChargingPath, "wrong-key", c, 1, 50000, 50000, CallbackForm::kPostJson)).status,
            403);
  Card other = c;
  other.code = "999999999999999";
  EXPECT_EQ(
      deliver(charging_callback(kChargingPath, kPartnerKey, other, 1, 50000, 50000, CallbackForm::kPostJson)).status,
      403);
  Card unknown = c;
  unknown.request_id = "r-unknown";
  const Reply ignored =
      deliver(charging_callback(kChargingPath, kPartnerKey, unknown, 1, 1, 1, CallbackForm::kGetQuery));
  EXPECT_EQ(ignored.status, 200);
  EXPECT_EQ(ignored.body, R"({"status":"ignored"})");
  auto edited = charging_callback(kChargingPath, kPartnerKey, c, 1, 50000, 50000, CallbackForm::kPostJson);
  edited.body.replace(edited.body.find("\"amount\":50000"), 14, "\"amount\":\"lots\"");
  EXPECT_EQ(deliver(edited).status, 400);
  EXPECT_EQ(dispatcher->handle("GET", kChargingPath, {}, "").body, R"({"status":"ignored"})");
  EXPECT_EQ(runs("card:r-200"), 0);
  // The real final result: card error. A replay edited to "success" (the sign does not cover
  // the status) is a conflicting duplicate, never a credit.
  EXPECT_EQ(deliver(charging_callback(kChargingPath, kPartnerKey, c, 3, 0, 0, CallbackForm::kPostJson)).status, 200);
  EXPECT_EQ(deliver(charging_callback(kChargingPath, kPartnerKey, c, 1, 50000, 50000, CallbackForm::kPostJson)).status,
            200);
  EXPECT_EQ(runs("card:r-200"), 1);
  EXPECT_EQ(ledger.credited["card:r-200"], 0);
  EXPECT_TRUE(alerted("conflict"));
}

TEST_F(DispatcherTest, AFailingHandlerRollsBackAndTheNextDeliveryApplies) {
  const Card c = card("r-300");
  ledger.fail_next = 1;
  const auto final_cb = charging_callback(kChargingPath, kPartnerKey, c, 1, 35000, 50000, CallbackForm::kPostJson);
  const Reply failed = deliver(final_cb);
  EXPECT_EQ(failed.status, 503) << failed.note;
  EXPECT_NE((*store->find_submission(Provider::kCharging, "r-300"))->state, SubmissionState::kFinal);
  EXPECT_FALSE(store->find_event(Provider::kCharging, "r-300")->has_value());
  EXPECT_EQ(deliver(final_cb).status, 200);
  EXPECT_EQ(runs("card:r-300"), 1);

  ledger.fail_next = 1;
  const auto payment = tingee_payment(kTingeePath, kTingeeSecret, "FT-retry", 5000);
  EXPECT_EQ(deliver(payment).status, 503);
  EXPECT_EQ(deliver(payment).status, 200);
  EXPECT_EQ(runs("tingee:FT-retry"), 1);
}

TEST_F(DispatcherTest, HandlersMissingInOneProcessRunLaterExactlyOnce) {
  // A process without handlers (the CLI's reconciler, say) records events as owed.
  Applier bare(store);
  tingee::PaymentNotification p;
  p.transaction_code = "FT-owed";
  p.amount = 7000;
  auto applied = bare.apply_tingee_payment(p, "reconcile");
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->outcome, Outcome::kApplied);
  EXPECT_FALSE(applied->handled);
  const Card c = card("r-owed");
  charging::ChargeResult result;
  result.status_code = 1;
  result.status = charging::Status::kSuccess;
  result.request_id = "r-owed";
  result.amount = 35000;
  ASSERT_EQ(bare.apply_card(result, "check")->outcome, Outcome::kApplied);
  EXPECT_EQ(store->list_unhandled(10)->size(), 2u);
  // A redelivery to the full receiver is a duplicate: it does not run the handler either...
  EXPECT_EQ(deliver(tingee_payment(kTingeePath, kTingeeSecret, "FT-owed", 7000)).status, 200);
  EXPECT_EQ(runs("tingee:FT-owed"), 0);
  // ...run_deferred does, once, even when called twice.
  auto ran = dispatcher->applier().run_deferred();
  ASSERT_TRUE(ran.ok()) << describe(ran.error());
  EXPECT_EQ(*ran, 2u);
  EXPECT_EQ(*dispatcher->applier().run_deferred(), 0u);
  EXPECT_EQ(runs("tingee:FT-owed"), 1);
  EXPECT_EQ(runs("card:r-owed"), 1);
  EXPECT_EQ(ledger.credited["card:r-owed"], 35000);
  EXPECT_TRUE(store->list_unhandled(10)->empty());
}

TEST_F(DispatcherTest, ConfirmedByCheckAForgedSuccessBeforeTheRealResultCreditsNothing) {
  // Without confirmation, a "success" forged from the pending callback's signature before the
  // real result would be the first final result. With `confirm`, the provider's check decides.
  const Card c = card("r-400");
  int checks = 0;
  DispatcherConfig config;
  config.store = store;
  config.applier.handlers = handlers();
  ChargingEndpoint ep;
  ep.path = kChargingPath;
  ep.store_key = Secret(kStoreKey);
  ep.confirm = [&](const charging::CardRequest& card, const CallOptions&) -> Result<charging::ChargeResult> {
    ++checks;
    EXPECT_EQ(card.code, c.code) << "the check is for the stored card";
    charging::ChargeResult r;
    r.status_code = 3;
    r.status = charging::Status::kCardError;
    r.request_id = card.request_id;
    r.amount = 0;
    return r;
  };
  config.charging = std::move(ep);
  auto confirming = Dispatcher::create(std::move(config));
  ASSERT_TRUE(confirming.ok());
  const auto forged = charging_callback(kChargingPath, kPartnerKey, c, 1, 50000, 50000, CallbackForm::kPostJson);
  const Reply r = confirming->handle(forged.method, forged.target, forged.headers, forged.body);
  EXPECT_EQ(r.status, 200) << r.note;
  EXPECT_EQ(checks, 1);
  EXPECT_EQ(runs("card:r-400"), 1);
  EXPECT_EQ(ledger.credited["card:r-400"], 0) << "the check's card error was applied, not the forged success";
  EXPECT_TRUE(alerted("rejected"));
  // A pending callback needs no check.
  const auto pending = charging_callback(kChargingPath, kPartnerKey, c, 99, 0, -1, CallbackForm::kGetQuery);
  EXPECT_EQ(confirming->handle(pending.method, pending.target, pending.headers, pending.body).status, 200);
  EXPECT_EQ(checks, 1);
}

}  // namespace
}  // namespace paygw::test
