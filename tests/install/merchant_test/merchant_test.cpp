// SPDX-License-Identifier: MIT
// The example of docs/testing-merchant-code.md: a merchant's own code, and its unit test over a
// gmock mock of the TConnect connection from the installed paygw::testing. No server, no network.
#include <paygw/tconnect/client.hpp>
#include <paygw/testing/mocks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

// The merchant's code: shows a bill's QR on the counter's soundbox, and never pushes twice — after
// an answer that leaves the outcome open it asks TConnect what happened instead.
enum class Shown { kYes, kRejected, kAlreadyPaid, kCheckLater };

Shown show_bill(paygw::tconnect::Client& tconnect, const std::string& serial, paygw::Vnd amount,
                const std::string& qr) {
  auto pushed = tconnect.push_payment(paygw::tconnect::SoundboxPush{serial, amount, qr});
  if (pushed) return Shown::kYes;
  if (!pushed.error().outcome_unknown()) return Shown::kRejected;
  auto page = tconnect.get_qr_transactions({"2026-07-16 00:00:00", "2026-07-16 23:59:59", 100, 1});
  if (page && !page->items.empty() && page->items.front().status == "SUCCESS") return Shown::kAlreadyPaid;
  return Shown::kCheckLater;
}

using ::testing::_;
using ::testing::Matcher;
using ::testing::Return;

TEST(ShowBill, ATimeoutIsReconciledNotPushedAgain) {
  auto mock = std::make_shared<paygw::testing::MockTconnectConnection>();
  EXPECT_CALL(*mock, push_payment(Matcher<const paygw::tconnect::SoundboxPush&>(_), _))
      .Times(1)  // never a second push
      .WillOnce(Return(paygw::Result<paygw::tconnect::PushResult>(
          paygw::make_error(paygw::ErrorCode::kTimeout, "timed out", paygw::Delivery::kMaybeSent))));
  paygw::tconnect::TransactionPage paid;
  paid.items.push_back(paygw::tconnect::Transaction{"ORD-1", "R1", "SUCCESS", 150000, "FT1", "", "", "{}"});
  EXPECT_CALL(*mock, get_qr_transactions(_, _)).WillOnce(Return(paygw::Result<paygw::tconnect::TransactionPage>(paid)));
  paygw::tconnect::Client tconnect(mock);
  EXPECT_EQ(show_bill(tconnect, "SB-1", 150000, "qr"), Shown::kAlreadyPaid);
}

TEST(ShowBill, ARefusalIsNotReconciled) {
  auto mock = std::make_shared<paygw::testing::MockTconnectConnection>();
  paygw::Error refused =
      paygw::make_error(paygw::ErrorCode::kHttpStatus, "Device not found", paygw::Delivery::kMaybeSent);
  refused.http_status = 404;
  EXPECT_CALL(*mock, push_payment(Matcher<const paygw::tconnect::SoundboxPush&>(_), _))
      .WillOnce(Return(paygw::Result<paygw::tconnect::PushResult>(refused)));
  EXPECT_CALL(*mock, get_qr_transactions(_, _)).Times(0);
  paygw::tconnect::Client tconnect(mock);
  EXPECT_EQ(show_bill(tconnect, "SB-404", 150000, "qr"), Shown::kRejected);
}
