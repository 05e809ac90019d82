// SPDX-License-Identifier: MIT
// How a merchant tests their own code that uses paygw: the clients run over gmock mocks from
// paygw::testing, so the test scripts results and errors (an unknown delivery included) without a
// server, a signature or a ciphertext.
#include <paygw/testing/mocks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace {

using namespace paygw;
using ::testing::_;
using ::testing::ByMove;
using ::testing::Field;
using ::testing::Matcher;
using ::testing::Return;

// ---- the merchant's own code under test ----

// Shows the bill's QR on the counter's soundbox. It never shows a bill twice: after an error that
// may have reached the device it asks TConnect what happened instead of pushing again.
class Checkout {
 public:
  enum class Outcome { kShown, kRejected, kAlreadyPaid, kCheckLater };

  explicit Checkout(tconnect::Client tconnect) : tconnect_(std::move(tconnect)) {}

  Outcome show(const std::string& serial, Vnd amount, const std::string& qr) {
    auto pushed = tconnect_.push_payment(tconnect::SoundboxPush{serial, amount, qr});
    if (pushed) return Outcome::kShown;
    if (!pushed.error().outcome_unknown()) return Outcome::kRejected;
    auto list = tconnect_.get_qr_transactions({"2026-07-16 00:00:00", "2026-07-16 23:59:59", 100, 1});
    if (list && !list->items.empty() && list->items.front().status == "SUCCESS") return Outcome::kAlreadyPaid;
    return Outcome::kCheckLater;
  }

  // Fans one QR out to several boxes and counts the ones that show it.
  int show_everywhere(const std::vector<std::string>& serials, Vnd amount, const std::string& qr) {
    std::vector<std::future<Result<tconnect::PushResult>>> pending;
    for (const auto& serial : serials) pending.push_back(tconnect_.push_payment_async({serial, amount, qr}));
    int shown = 0;
    for (auto& f : pending) shown += f.get().ok() ? 1 : 0;
    return shown;
  }

 private:
  tconnect::Client tconnect_;
};

// ---- its tests ----

Error maybe_sent_timeout() {
  Error e = make_error(ErrorCode::kTimeout, "request timed out after 30000 ms", Delivery::kMaybeSent);
  e.attempts = 1;
  return e;
}

TEST(MerchantCodeWithMocks, AShownQrIsShown) {
  auto mock = std::make_shared<paygw::testing::MockTconnectConnection>();
  EXPECT_CALL(*mock,
              push_payment(Matcher<const tconnect::SoundboxPush&>(Field(&tconnect::SoundboxPush::amount, 150000)), _))
      .WillOnce(Return(Result<tconnect::PushResult>(tconnect::PushResult{"Successfully pushed", "{}"})));
  Checkout checkout{tconnect::Client(mock)};
  EXPECT_EQ(checkout.show("SB-1", 150000, "qr"), Checkout::Outcome::kShown);
}

TEST(MerchantCodeWithMocks, AnUnknownOutcomeIsReconciledNotPushedAgain) {
  auto mock = std::make_shared<paygw::testing::MockTconnectConnection>();
  EXPECT_CALL(*mock, push_payment(Matcher<const tconnect::SoundboxPush&>(_), _))
      .Times(1)  // never a second push
      .WillOnce(Return(Result<tconnect::PushResult>(maybe_sent_timeout())));
  tconnect::TransactionPage paid;
  paid.items.push_back(tconnect::Transaction{"ORD-1", "R1", "SUCCESS", 150000, "FT1", "", "", "{}"});
  EXPECT_CALL(*mock, get_qr_transactions(_, _)).WillOnce(Return(Result<tconnect::TransactionPage>(paid)));
  Checkout checkout{tconnect::Client(mock)};
  EXPECT_EQ(checkout.show("SB-1", 150000, "qr"), Checkout::Outcome::kAlreadyPaid);
}

TEST(MerchantCodeWithMocks, ARejectionIsNotReconciled) {
  auto mock = std::make_shared<paygw::testing::MockTconnectConnection>();
  Error refused = make_error(ErrorCode::kHttpStatus, "Device not found", Delivery::kMaybeSent);
  refused.http_status = 404;
  EXPECT_CALL(*mock, push_payment(Matcher<const tconnect::SoundboxPush&>(_), _))
      .WillOnce(Return(Result<tconnect::PushResult>(refused)));
  EXPECT_CALL(*mock, get_qr_transactions(_, _)).Times(0);
  Checkout checkout{tconnect::Client(mock)};
  EXPECT_EQ(checkout.show("SB-404", 150000, "qr"), Checkout::Outcome::kRejected);
}

TEST(MerchantCodeWithMocks, AsyncFanOutCountsEachBox) {
  auto mock = std::make_shared<paygw::testing::MockTconnectConnection>();
  using Push = Result<tconnect::PushResult>;
  EXPECT_CALL(*mock, push_payment_async(Matcher<const tconnect::SoundboxPush&>(_), _))
      .WillOnce(Return(ByMove(paygw::testing::make_ready_future(Push(tconnect::PushResult{"ok", "{}"})))))
      .WillOnce(Return(ByMove(paygw::testing::make_ready_future(Push(maybe_sent_timeout())))))
      .WillOnce(Return(ByMove(paygw::testing::make_ready_future(Push(tconnect::PushResult{"ok", "{}"})))));
  Checkout checkout{tconnect::Client(mock)};
  EXPECT_EQ(checkout.show_everywhere({"SB-1", "SB-2", "SB-3"}, 150000, "qr"), 2);
}

// The Tingee and charging mocks plug in the same way.
TEST(MerchantCodeWithMocks, EveryProviderHasAMock) {
  auto tingee_mock = std::make_shared<paygw::testing::MockTingeeConnection>();
  EXPECT_CALL(*tingee_mock, get_banks(_)).WillOnce(Return(Result<tingee::BankList>(tingee::BankList{})));
  EXPECT_TRUE(tingee::Client(tingee_mock).get_banks().ok());
  auto charging_mock = std::make_shared<paygw::testing::MockChargingConnection>();
  charging::ChargeResult pending;
  pending.status = charging::Status::kPending;
  EXPECT_CALL(*charging_mock, submit(_, _)).WillOnce(Return(Result<charging::ChargeResult>(pending)));
  EXPECT_FALSE(charging::Client(charging_mock).submit({}).value().is_final());
}

}  // namespace
