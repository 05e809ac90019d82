// SPDX-License-Identifier: MIT
// TConnect requests refused before anything is sent (validation of pushes, QR, VA and queries:
// kInvalidArgument, nothing reaches the transport) and configurations refused at Client::create.
#include <paygw/tconnect/client.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace {

using namespace paygw;

class TconnectValidationTest : public ::testing::Test {
 protected:
  void SetUp() override { replay_ = std::make_shared<paygw::testing::ReplayTransport>(); }
  void TearDown() override { EXPECT_TRUE(replay_->requests().empty()) << "an invalid request reached the transport"; }
  template <typename R>
  void expect_invalid(const R& r, const std::string& fragment) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
    EXPECT_NE(r.error().message.find(fragment), std::string::npos) << r.error().message;
  }
  std::shared_ptr<paygw::testing::ReplayTransport> replay_;
};

TEST_F(TconnectValidationTest, PushRules) {
  auto c = test::tconnect_client(replay_);
  expect_invalid(c.push_payment(tconnect::PosPush{"", "O1", 1000}), "serial_no");
  expect_invalid(c.push_payment(tconnect::PosPush{"S1", "", 1000}), "order_id");
  expect_invalid(c.push_payment(tconnect::PosPush{"S1", "O1", 0}), "amount");
  expect_invalid(c.push_payment(tconnect::PosPush{"S1", "O1", -5}), "amount");
  expect_invalid(c.push_payment(tconnect::SoundboxPush{"S1", 1000, ""}), "qr_string");
  expect_invalid(c.push_payment(tconnect::SoundboxPush{"", 1000, "000201"}), "serial_no");
  expect_invalid(c.push_payment(tconnect::SoundboxPush{"S1", kMaxAmountVnd + 1, "000201"}), "amount");
  expect_invalid(c.push_payment(tconnect::SoundboxPush{"S1", 1000, "000201010212"}), "qr_string: invalid VietQR");
  expect_invalid(c.push_payment(tconnect::PosPush{"S1", std::string("\xff"), 1000}), "UTF-8");
}

TEST_F(TconnectValidationTest, QrVaAndQueryRules) {
  auto c = test::tconnect_client(replay_);
  expect_invalid(c.create_va({"97045", "A"}), "bank_code");
  expect_invalid(c.create_va({"970454", ""}), "account_name");
  expect_invalid(c.create_qr({"", "VA", "970454", std::nullopt, ""}), "order_id");
  expect_invalid(c.create_qr({std::string(65, 'o'), "VA", "970454", std::nullopt, ""}), "order_id");
  expect_invalid(c.create_qr({"O1", "", "970454", std::nullopt, ""}), "va");
  expect_invalid(c.create_qr({"O1", "VA", "9704x4", std::nullopt, ""}), "bincode");
  expect_invalid(c.create_qr({"O1", "VA", "970454", -1, ""}), "amount");
  expect_invalid(c.create_qr({"O1", "VA", "970454", 1, "bad\ncode"}), "service_code");
  expect_invalid(c.get_qr_transactions({"2026-01-07", "2026-01-07 23:59:59", 10, 1}), "from_date");
  expect_invalid(c.get_qr_transactions({"2026-02-30 00:00:00", "2026-03-01 00:00:00", 10, 1}), "from_date");
  expect_invalid(c.get_card_transactions({"2026-01-07 00:00:00", "2026-01-07 24:00:00", 10, 1}), "to_date");
  expect_invalid(c.get_cash_transactions({"2026-01-08 00:00:00", "2026-01-07 00:00:00", 10, 1}), "before");
  expect_invalid(c.get_cash_transactions({"2026-01-07 00:00:00", "2026-01-07 00:00:00", 0, 1}), "limit");
  expect_invalid(c.get_cash_transactions({"2026-01-07 00:00:00", "2026-01-07 00:00:00", 10, 0}), "page");
}

TEST(TconnectConfig, RejectsIncompleteConfiguration) {
  auto transport = std::make_shared<paygw::testing::ReplayTransport>();
  auto base = [&] {
    tconnect::Config c;
    c.base_url = std::string(tconnect::kStagingBaseUrl);
    c.partner_code = "P";
    c.username = "u";
    c.password = Secret("p");
    c.client_id = "id";
    c.client_secret = Secret("s");
    c.aes_key = Secret(test::kTconnectKeyHex);
    c.transport = transport;
    return c;
  };
  EXPECT_TRUE(tconnect::Client::create(base()).ok());
  const std::pair<void (*)(tconnect::Config&), const char*> bad[] = {
      {[](tconnect::Config& c) { c.base_url = "ftp://x"; }, "https"},
      {[](tconnect::Config& c) { c.partner_code.clear(); }, "partner_code"},
      {[](tconnect::Config& c) { c.username.clear(); }, "username"},
      {[](tconnect::Config& c) { c.password = Secret(); }, "password"},
      {[](tconnect::Config& c) { c.client_id.clear(); }, "client_id"},
      {[](tconnect::Config& c) { c.client_secret = Secret(); }, "client_secret"},
      {[](tconnect::Config& c) { c.aes_key = Secret("abc"); }, "64 hex"},
      {[](tconnect::Config& c) { c.aes_key_format = tconnect::KeyFormat::kRaw; }, "32 bytes"},
      {[](tconnect::Config& c) { c.transport.reset(); }, "transport"},
      {[](tconnect::Config& c) { c.paths.services = "services"; }, "path"},
  };
  for (const auto& [mutate, fragment] : bad) {
    auto c = base();
    mutate(c);
    auto r = tconnect::Client::create(c);
    ASSERT_FALSE(r.ok()) << fragment;
    EXPECT_EQ(r.error().code, ErrorCode::kConfig);
    EXPECT_NE(r.error().message.find(fragment), std::string::npos) << r.error().message;
  }
}

}  // namespace
