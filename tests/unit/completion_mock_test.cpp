// SPDX-License-Identifier: MIT
// The gmock mocks script the callback form of an `_async` call too (ADR 0042), beside the
// blocking and future forms a merchant's tests already script.
#include <paygw/testing/mocks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>

namespace {

using namespace paygw;
using ::testing::_;
using ::testing::ByMove;
using ::testing::InvokeArgument;
using ::testing::Return;

TEST(CompletionMock, ScriptsTheCallbackFormBesideTheFutureForm) {
  auto mock = std::make_shared<paygw::testing::MockTingeeConnection>();
  EXPECT_CALL(*mock, show_qr_code_async(_, _, _))
      .WillOnce(InvokeArgument<1>(Result<tingee::Ack>(tingee::Ack{"shown"})));
  EXPECT_CALL(*mock, show_qr_code_async(_, _))
      .WillOnce(Return(ByMove(paygw::testing::make_ready_future(Result<tingee::Ack>(tingee::Ack{"future"})))));
  tingee::Client client(mock);

  std::optional<Result<tingee::Ack>> got;
  client.show_qr_code_async(tingee::ShowQrRequest{}, [&got](Result<tingee::Ack> r) { got.emplace(std::move(r)); });
  ASSERT_TRUE(got.has_value());
  ASSERT_TRUE(got->ok());
  EXPECT_EQ((*got)->message, "shown");
  EXPECT_EQ(client.show_qr_code_async(tingee::ShowQrRequest{}).get()->message, "future");
}

TEST(CompletionMock, EveryProviderHasTheCallbackForm) {
  auto tconnect = std::make_shared<paygw::testing::MockTconnectConnection>();
  EXPECT_CALL(*tconnect, authenticate_async(_, _)).WillOnce(InvokeArgument<0>(Result<void>()));
  auto charging = std::make_shared<paygw::testing::MockChargingConnection>();
  EXPECT_CALL(*charging, get_fees_async(_, _))
      .WillOnce(InvokeArgument<0>(Result<charging::FeeTable>(make_error(ErrorCode::kTimeout, "unknown"))));

  int completions = 0;
  tconnect::Client(tconnect).authenticate_async([&completions](Result<void> r) { completions += r.ok() ? 1 : 0; });
  charging::Client(charging).get_fees_async(
      [&completions](Result<charging::FeeTable> r) { completions += r.ok() ? 0 : 1; });
  EXPECT_EQ(completions, 2);
}

}  // namespace
