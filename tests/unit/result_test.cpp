// SPDX-License-Identifier: MIT
#include <paygw/clock.hpp>
#include <paygw/result.hpp>
#include <paygw/secret.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace {

using paygw::Delivery;
using paygw::Error;
using paygw::ErrorCode;
using paygw::Result;

TEST(Result, HoldsValueOrError) {
  Result<int> ok = 42;
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(static_cast<bool>(ok));
  EXPECT_EQ(*ok, 42);

  Result<int> bad = paygw::make_error(ErrorCode::kTimeout, "late", Delivery::kMaybeSent);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kTimeout);
  EXPECT_TRUE(bad.error().maybe_sent());
}

TEST(Result, MoveOnlyValues) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(7);
  std::unique_ptr<int> p = std::move(r).value();
  EXPECT_EQ(*p, 7);
}

TEST(Result, VoidResult) {
  Result<void> ok;
  EXPECT_TRUE(ok.ok());
  Result<void> bad = paygw::make_error(ErrorCode::kConfig, "x");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kConfig);
}

TEST(ResultDeathTest, ValueOfErrorAborts) {
  Result<int> bad = paygw::make_error(ErrorCode::kConfig, "no value here");
  EXPECT_DEATH((void)bad.value(), "no value here");
}

TEST(Error, DescribeSaysDeliveryAndCodes) {
  Error e = paygw::make_error(ErrorCode::kProvider, "Invalid signature", Delivery::kMaybeSent);
  e.http_status = 200;
  e.provider_code = "97";
  EXPECT_EQ(paygw::describe(e), "provider: Invalid signature (http 200, provider 97) [maybe sent]");
  EXPECT_EQ(paygw::describe(paygw::make_error(ErrorCode::kInvalidArgument, "uuid is required")),
            "invalid_argument: uuid is required [not sent]");
}

TEST(Error, OutcomeUnknownOnlyWhenTheAnswerDoesNotTell) {
  auto e = [](ErrorCode code, Delivery d, int status) {
    Error x = paygw::make_error(code, "m", d);
    x.http_status = status;
    return x;
  };
  EXPECT_FALSE(e(ErrorCode::kInvalidArgument, Delivery::kNotSent, 0).outcome_unknown());
  EXPECT_FALSE(e(ErrorCode::kConnect, Delivery::kNotSent, 0).outcome_unknown());
  EXPECT_TRUE(e(ErrorCode::kTimeout, Delivery::kMaybeSent, 0).outcome_unknown());
  EXPECT_TRUE(e(ErrorCode::kHttpStatus, Delivery::kMaybeSent, 502).outcome_unknown());
  EXPECT_TRUE(e(ErrorCode::kMalformed, Delivery::kMaybeSent, 200).outcome_unknown());
  EXPECT_FALSE(e(ErrorCode::kHttpStatus, Delivery::kMaybeSent, 404).outcome_unknown());
  EXPECT_FALSE(e(ErrorCode::kProvider, Delivery::kMaybeSent, 200).outcome_unknown());
  EXPECT_TRUE(e(ErrorCode::kAuth, Delivery::kMaybeSent, 401).outcome_unknown())
      << "a word, not a proof (ADR 0031, 0034)";
}

TEST(Error, EveryCodeHasAName) {
  for (int i = 0; i <= static_cast<int>(ErrorCode::kInternal); ++i) {
    EXPECT_NE(paygw::to_string(static_cast<ErrorCode>(i)), "unknown");
  }
}

TEST(Secret, MoveWipesSourceAndCopyKeepsValue) {
  paygw::Secret a("short");
  paygw::Secret b = a;
  EXPECT_EQ(b.reveal(), "short");
  paygw::Secret c = std::move(a);
  EXPECT_EQ(c.reveal(), "short");
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): documented moved-from state
}

TEST(Clock, FixedClockAdvances) {
  paygw::FixedClock clock(std::chrono::system_clock::time_point(std::chrono::seconds(100)));
  clock.advance(std::chrono::milliseconds(1500));
  EXPECT_EQ(clock.now().time_since_epoch(), std::chrono::milliseconds(101500));
}

}  // namespace
