// SPDX-License-Identifier: MIT
// What a charging callback can credit. Its signature covers neither the status nor the amounts,
// so one leaked signature of a card (the pending callback's, the request's `sign`) signs any of
// them: the money it claims is bounded by the stored card, and whatever is above the card's
// declared value is confirmed with check() before anything is credited.
#include "dispatcher_fixture.hpp"

#include <paygw/charging/stored_card.hpp>

namespace paygw::test {
namespace {

// The Dispatcher verifies charging callbacks with verify_stored_callback, which once bounded money
// only by 0..kMaxAmountVnd, not by what the card can be worth.
TEST_F(DispatcherTest, AStoredCardCallbackCannotCreditMoreThanTheCardIsWorth) {
  const Card c = card("r-900");  // declared 50 000 VND
  const Reply r =
      deliver(charging_callback(kChargingPath, kPartnerKey, c, 1, 50'000'000'000, 50000, CallbackForm::kPostJson));
  EXPECT_EQ(ledger.credited["card:r-900"], 0) << r.note;
  // The card's real result is still credited once it comes.
  const Reply ok = deliver(charging_callback(kChargingPath, kPartnerKey, c, 1, 50000, 50000, CallbackForm::kPostJson));
  EXPECT_EQ(ok.status, 200) << ok.note;
  EXPECT_EQ(ledger.credited["card:r-900"], 50000) << ok.note;
}

// A status that credits (1 or 2) without an amount cannot be parsed into a result: a handler
// never sees credits() true with an empty amount.
TEST_F(DispatcherTest, ACreditingCallbackWithoutAnAmountIsUnreadable) {
  const Card c = card("r-noamount");
  for (int status : {1, 2}) {
    const Reply r =
        deliver(charging_callback(kChargingPath, kPartnerKey, c, status, -1, 50000, CallbackForm::kGetQuery));
    EXPECT_EQ(r.status, 400) << r.note;
    EXPECT_EQ(r.body, R"({"status":"rejected"})");
  }
  EXPECT_EQ(runs("card:r-noamount"), 0);
  EXPECT_NE((*store->find_submission(Provider::kCharging, "r-noamount"))->state, SubmissionState::kFinal);
  // A card error needs no amount.
  EXPECT_EQ(deliver(charging_callback(kChargingPath, kPartnerKey, c, 3, -1, -1, CallbackForm::kGetQuery)).status, 200);
  EXPECT_EQ(runs("card:r-noamount"), 1);
}

TEST(StoredCallbackParse, ASuccessWithoutAnAmountIsMalformed) {
  const charging::CardRequest card{"VIETTEL", "312821445892985", "10004783347874", 50000, "r-parse"};
  auto stored = charging::protect_card(card, Secret(kPartnerKey), Secret(kStoreKey));
  ASSERT_TRUE(stored.ok());
  const Card c{"VIETTEL", card.code, card.serial, 50000, "r-parse"};
  const auto d = charging_callback("/cb", kPartnerKey, c, 1, -1, 50000, CallbackForm::kPostJson);
  auto verified = charging::verify_stored_callback({"", d.body}, *stored, Secret(kStoreKey));
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.error().code, ErrorCode::kMalformed);
  // The classic verifier follows the same rule.
  const charging::Submission submission{"r-parse", "VIETTEL", card.code, card.serial, 50000};
  auto classic = charging::verify_callback({"", d.body}, Secret(kPartnerKey), submission);
  ASSERT_FALSE(classic.ok());
  EXPECT_EQ(classic.error().code, ErrorCode::kMalformed);
}

// Whatever source a result comes from (a check, a submit response), the Applier does not hand a
// crediting result without an amount to card_final.
TEST_F(DispatcherTest, TheApplierRefusesACreditingResultWithoutAnAmount) {
  card("r-applier");
  charging::ChargeResult result;
  result.status_code = 1;
  result.status = charging::Status::kSuccess;
  result.request_id = "r-applier";
  auto applied = dispatcher->applier().apply_card(result, "check");
  ASSERT_TRUE(applied.ok()) << describe(applied.error());
  EXPECT_EQ(applied->outcome, Outcome::kRejected);
  EXPECT_EQ(runs("card:r-applier"), 0);
  EXPECT_TRUE(alerted("rejected"));
}

// A forged "wrong value" callback claims a card worth far more than the one submitted (the
// telco's largest card was the only bound: 100 x a 10 000 VND card). Without confirmation nothing
// above the declared value is credited; with it, check() decides.
TEST_F(DispatcherTest, WithoutConfirmationNothingAboveTheDeclaredValueIsCredited) {
  Card c{"VIETTEL", "312821445892911", "10004783347811", 10000, "r-small"};
  ASSERT_TRUE(write_ahead_card(*store, CardKeys{Secret(kPartnerKey), Secret(kStoreKey)},
                               charging::CardRequest{c.telco, c.code, c.serial, c.declared_value, c.request_id})
                  .ok());
  // Status 2, "the card is really worth 1 000 000": 500 000 after the penalty.
  const auto forged = charging_callback(kChargingPath, kPartnerKey, c, 2, 500000, 1000000, CallbackForm::kPostJson);
  const Reply r = deliver(forged);
  EXPECT_EQ(r.status, 503) << r.note;
  EXPECT_EQ(runs("card:r-small"), 0) << r.note;
  EXPECT_NE((*store->find_submission(Provider::kCharging, "r-small"))->state, SubmissionState::kFinal);
  EXPECT_TRUE(alerted("not_confirmed"));
  // A wrong value at or below the declared one is within what the merchant accepted: applied.
  const Reply lower =
      deliver(charging_callback(kChargingPath, kPartnerKey, c, 2, 5000, 10000, CallbackForm::kGetQuery));
  EXPECT_EQ(lower.status, 200) << lower.note;
  EXPECT_EQ(ledger.credited["card:r-small"], 5000);
}

TEST_F(DispatcherTest, WithConfirmationALargerClaimedValueIsCheckedFirst) {
  Card c{"VIETTEL", "312821445892922", "10004783347822", 10000, "r-big"};
  ASSERT_TRUE(write_ahead_card(*store, CardKeys{Secret(kPartnerKey), Secret(kStoreKey)},
                               charging::CardRequest{c.telco, c.code, c.serial, c.declared_value, c.request_id})
                  .ok());
  int checks = 0;
  DispatcherConfig config;
  config.store = store;
  config.applier.handlers = handlers();
  ChargingEndpoint ep;
  ep.path = kChargingPath;
  ep.store_key = Secret(kStoreKey);
  ep.confirm = [&](const charging::CardRequest& card, const CallOptions&) -> Result<charging::ChargeResult> {
    ++checks;
    charging::ChargeResult r;
    r.status_code = 2;
    r.status = charging::Status::kWrongValue;
    r.request_id = card.request_id;
    r.value = 100000;
    r.amount = 50000;  // the provider's own answer: a 100 000 card, penalty applied
    return r;
  };
  config.charging = std::move(ep);
  auto confirming = Dispatcher::create(std::move(config));
  ASSERT_TRUE(confirming.ok());
  const auto claimed = charging_callback(kChargingPath, kPartnerKey, c, 2, 500000, 1000000, CallbackForm::kPostJson);
  const Reply r = confirming->handle(claimed.method, claimed.target, claimed.headers, claimed.body);
  EXPECT_EQ(r.status, 200) << r.note;
  EXPECT_EQ(checks, 1);
  EXPECT_EQ(ledger.credited["card:r-big"], 50000) << "the check's amount, not the callback's";
}

}  // namespace
}  // namespace paygw::test
