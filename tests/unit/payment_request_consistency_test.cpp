// SPDX-License-Identifier: MIT
// Payment requests whose parts disagree are refused before anything is sent, and an answer
// about another request is not this request's result.
#include <paygw/charging/client.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tingee/client.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

namespace {

using namespace paygw;
using namespace std::chrono_literals;

// A QR for 40123 VND (tag 54), CRC checked in tests/unit/vietqr_test.cpp.
const std::string kQr40123 =
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text "
    "string6304D9C6";

// Finding 12: a device must never show one amount and charge another.
TEST(PaymentRequests, AQrWhoseAmountDiffersFromTheRequestIsNotSent) {
  auto nothing = std::make_shared<paygw::testing::ReplayTransport>();
  tingee::ShowQrRequest show;
  show.uuid = "D1";
  show.amount = 150000;
  show.qr_code = kQr40123;
  auto tingee = test::tingee_client(nothing);
  for (auto r :
       {tingee.show_qr_code(show), tingee.show_dynamic_qr_code_async(show).get(), tingee.show_static_qr_code(show)}) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
    EXPECT_NE(r.error().message.find("tag 54"), std::string::npos) << r.error().message;
  }
  show.amount = 40123;
  EXPECT_NE(tingee.show_qr_code(show).error().code, ErrorCode::kInvalidArgument) << "a matching amount passes";

  auto tconnect = test::tconnect_client(nothing);
  for (auto r : {tconnect.push_payment(tconnect::SoundboxPush{"SB-1", 150000, kQr40123}),
                 tconnect.push_payment_async(tconnect::SoundboxPush{"SB-1", 150000, kQr40123}).get()}) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(r.error().message.find("tag 54"), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(nothing->requests().size(), 1u) << "only the matching Tingee show went out";
}

// Finding 12: a charging answer about another card is not this card's result.
TEST(PaymentRequests, AChargingAnswerNamingAnotherRequestIdIsMalformed) {
  auto transport = std::make_shared<test::ScriptedTransport>([](const http::Request&) -> Result<http::Response> {
    return test::json_response(
        200,
        R"({"status":1,"message":"ok","request_id":"someone-else","amount":45000,"value":50000,"declared_value":50000})");
  });
  auto client = *charging::Client::create(test::charging_config(transport));
  const charging::CardRequest card{"VIETTEL", "312821445892982", "10004783347874", 50000, "323233"};
  for (auto r : {client.submit(card), client.check_async(card).get()}) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed);
    EXPECT_EQ(r.error().http_status, 200);
    EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent);
    EXPECT_TRUE(r.error().outcome_unknown()) << "the card's own result is still unknown";
  }
}

}  // namespace
