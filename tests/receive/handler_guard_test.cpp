// SPDX-License-Identifier: MIT
// Dispatcher::handle never throws, whatever the merchant's code does: an alert handler that
// throws is ignored, a handler or a confirmation query that throws is a failure like any other
// (nothing applied, 503, the provider delivers again).
#include "dispatcher_fixture.hpp"

#include <stdexcept>

namespace paygw::test {
namespace {

class ThrowingMerchantTest : public DispatcherTest {
 protected:
  Dispatcher make(bool throw_in_handler, bool throw_in_check) {
    DispatcherConfig c;
    c.store = store;
    c.applier.handlers = handlers();
    c.applier.handlers.alert = [](const Alert&) { throw std::runtime_error("pager down"); };
    if (throw_in_handler) {
      c.applier.handlers.card_final = [](const CardFinal&, ApplyContext&) -> Result<void> {
        throw std::runtime_error("merchant bug");
      };
      c.applier.handlers.tingee_payment = [](const TingeePayment&, ApplyContext&) -> Result<void> {
        throw std::logic_error("merchant bug");
      };
    }
    c.tingee = TingeeEndpoint{kTingeePath, Secret(kTingeeSecret), {}};
    ChargingEndpoint ep;
    ep.path = kChargingPath;
    ep.store_key = Secret(kStoreKey);
    if (throw_in_check) {
      ep.confirm = [](const charging::CardRequest&, const CallOptions&) -> Result<charging::ChargeResult> {
        throw std::runtime_error("check client bug");
      };
    }
    c.charging = std::move(ep);
    auto d = Dispatcher::create(std::move(c));
    EXPECT_TRUE(d.ok());
    return std::move(*d);
  }
};

TEST_F(ThrowingMerchantTest, AThrowingAlertHandlerDoesNotEscapeHandle) {
  const Dispatcher d = make(false, false);
  auto forged = tingee_payment(kTingeePath, "wrong-secret", "FT-1", 5000);
  Reply r;
  EXPECT_NO_THROW(r = d.handle(forged.method, forged.target, forged.headers, forged.body));
  EXPECT_EQ(r.status, 401);
  const Card c = card("r-unknown-alert");
  Card unknown = c;
  unknown.request_id = "r-nobody";
  const auto cb = charging_callback(kChargingPath, kPartnerKey, unknown, 1, 1, 1, CallbackForm::kGetQuery);
  EXPECT_NO_THROW(r = d.handle(cb.method, cb.target, cb.headers, cb.body));
  EXPECT_EQ(r.status, 200);
}

TEST_F(ThrowingMerchantTest, AThrowingHandlerIsAFailureAndAppliesNothing) {
  const Dispatcher d = make(true, false);
  const Card c = card("r-throw");
  const auto cb = charging_callback(kChargingPath, kPartnerKey, c, 1, 35000, 50000, CallbackForm::kPostJson);
  Reply r;
  EXPECT_NO_THROW(r = d.handle(cb.method, cb.target, cb.headers, cb.body));
  EXPECT_EQ(r.status, 503) << r.note;
  EXPECT_NE((*store->find_submission(Provider::kCharging, "r-throw"))->state, SubmissionState::kFinal);
  const auto payment = tingee_payment(kTingeePath, kTingeeSecret, "FT-throw", 5000);
  EXPECT_NO_THROW(r = d.handle(payment.method, payment.target, payment.headers, payment.body));
  EXPECT_EQ(r.status, 503) << r.note;
  EXPECT_FALSE(store->find_event(Provider::kTingee, "FT-throw")->has_value());
}

TEST_F(ThrowingMerchantTest, AThrowingConfirmationQueryIsAFailure) {
  const Dispatcher d = make(false, true);
  const Card c = card("r-check-throws");
  const auto cb = charging_callback(kChargingPath, kPartnerKey, c, 1, 35000, 50000, CallbackForm::kPostJson);
  Reply r;
  EXPECT_NO_THROW(r = d.handle(cb.method, cb.target, cb.headers, cb.body));
  EXPECT_EQ(r.status, 503) << r.note;
  EXPECT_EQ(runs("card:r-check-throws"), 0);
}

}  // namespace
}  // namespace paygw::test
