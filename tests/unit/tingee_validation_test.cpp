// SPDX-License-Identifier: MIT
// Tingee client without a server: invalid requests refused before anything is sent (the replay
// transport must see no request), configurations refused, and response envelopes that are not
// a success (code "00" on an error status, a numeric code, malformed data, a transport failure
// that was certainly not sent).
#include <paygw/tingee/client.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

namespace {

using namespace paygw;
using tingee::Client;

// ---- validation: nothing is sent for an invalid request ----

class TingeeValidationTest : public ::testing::Test {
 protected:
  void SetUp() override { replay_ = std::make_shared<paygw::testing::ReplayTransport>(); }
  void TearDown() override { EXPECT_TRUE(replay_->requests().empty()) << "an invalid request reached the transport"; }
  template <typename R>
  void expect_invalid(const R& result, const std::string& fragment) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().delivery, Delivery::kNotSent);
    EXPECT_NE(result.error().message.find(fragment), std::string::npos) << result.error().message;
  }
  Client client() { return test::tingee_client(replay_); }
  std::shared_ptr<paygw::testing::ReplayTransport> replay_;
};

TEST_F(TingeeValidationTest, ShowQrRules) {
  auto c = client();
  tingee::ShowQrRequest req;
  req.amount = 1000;
  req.qr_code =
      "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
      "text string6304D9C6";
  expect_invalid(c.show_qr_code(req), "uuid is required unless");
  req.bank_bin = "970422";
  expect_invalid(c.show_qr_code(req), "uuid is required unless");  // VA still missing
  req.uuid = "D1";
  req.amount = 0;
  expect_invalid(c.show_dynamic_qr_code(req), "amount");
  req.amount = -5;
  expect_invalid(c.show_static_qr_code(req), "amount");
  req.amount = tingee::kMaxAmount + 1;
  expect_invalid(c.show_static_qr_code(req), "amount");
  req.amount = 1000;
  req.qr_code.clear();
  expect_invalid(c.show_qr_code(req), "qr_code");
  req.qr_code =
      "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
      "text string6304D9C6";
  req.bank_bin = "97042";
  expect_invalid(c.show_qr_code(req), "bank_bin");
  req.bank_bin = "97042x";
  expect_invalid(c.show_qr_code(req), "bank_bin");
  req.bank_bin = "970422";
  req.show_time = 0;
  expect_invalid(c.show_qr_code(req), "show_time");
  req.show_time.reset();
  req.first_text = std::string("\xc3\x28");  // invalid UTF-8
  expect_invalid(c.show_qr_code(req), "UTF-8");
  req.first_text.clear();
  req.qr_code = std::string(
                    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN622"
                    "00816test text string6304D9C") +
                "7";  // CRC off by one digit
  expect_invalid(c.show_qr_code(req), "qr_code: invalid VietQR: CRC");
  req.qr_code = "000201010212";
  expect_invalid(c.show_dynamic_qr_code(req), "qr_code: invalid VietQR");
}

TEST_F(TingeeValidationTest, AddDeviceNeedsShopsOrVas) {
  auto c = client();
  tingee::AddDeviceToShopRequest req;
  req.uuid = "D1";
  req.security_code = "X";
  expect_invalid(c.add_device_to_shop(req), "shop_ids or va_account_numbers");
  req.shop_ids = {0};
  expect_invalid(c.add_device_to_shop(req), "shop_ids must be > 0");
  req.shop_ids.clear();
  req.va_account_numbers = {""};
  expect_invalid(c.add_device_to_shop(req), "empty string");
  req.va_account_numbers = {"VA1"};
  req.security_code.clear();
  expect_invalid(c.add_device_to_shop(req), "security_code");
  req.security_code = "X";
  req.app_type.clear();
  expect_invalid(c.add_device_to_shop(req), "app_type");
}

TEST_F(TingeeValidationTest, OtherEndpoints) {
  auto c = client();
  expect_invalid(c.read_security_code({"", std::nullopt}), "uuid");
  expect_invalid(c.read_security_code({"D1", 0}), "merchant_id");
  expect_invalid(c.reset_device({""}), "uuid");
  expect_invalid(c.get_devices_link_to_shop_or_va({}), "va_account_number or shop_id");

  tingee::GetDevicePagingRequest page;
  page.max_result_count = 0;
  expect_invalid(c.get_device_paging(page), "max_result_count");
  page.max_result_count = 10;
  page.skip_count = -1;
  expect_invalid(c.get_device_paging(page), "skip_count");

  tingee::UpdateShopDeviceLinkStatusRequest link;
  link.uuid = "D1";
  expect_invalid(c.update_shop_device_link_status(link), "shops");
  link.shops = {{std::nullopt, "Shop", "Addr", true, ""}};
  expect_invalid(c.update_shop_device_link_status(link), "shop_id or va_account_number");
  link.shops = {{1, "", "Addr", true, ""}};
  expect_invalid(c.update_shop_device_link_status(link), "shop_name");

  tingee::GenerateAndShowDynamicQrRequest gen;
  gen.uuid = "D1";
  gen.va_account_number = "VA";
  gen.amount = 1000;
  expect_invalid(c.generate_and_show_dynamic_qr_code(gen), "bank_bin or bank_name");
  gen.bank_name = "BIDV";
  gen.expire_in_minute = 0;
  expect_invalid(c.generate_and_show_dynamic_qr_code(gen), "expire_in_minute");

  tingee::ReadAmountRequest amount;
  amount.uuid = "D1";
  amount.transaction_id = "T1";
  amount.amount = 1000;
  expect_invalid(c.read_amount_link_to_merchant(amount), "bank_bin");
  amount.bank_bin = "970422";
  amount.transaction_id.clear();
  expect_invalid(c.read_amount_link_to_merchant(amount), "transaction_id");
  amount.transaction_id = "T1";
  amount.print_data = tingee::Receipt{};
  expect_invalid(c.read_amount_link_to_merchant(amount), "receipt.store_name");

  tingee::PrintReceiptRequest print;
  print.uuid = "D1";
  print.receipt.store_name = "S";
  expect_invalid(c.print_receipt(print), "receipt.items");
  print.receipt.items = {{"Item", 0, 100}};
  expect_invalid(c.print_receipt(print), "quantity");
  print.receipt.items = {{"Item", 1, 100}};
  print.receipt.copies = 10;
  expect_invalid(c.print_receipt(print), "copies");
  print.receipt.copies = 1;
  print.receipt.voice_file = 7;
  expect_invalid(c.print_receipt(print), "voice_file");
  print.receipt.voice_file = 1;
  print.receipt.total_amount = -1;
  expect_invalid(c.print_receipt(print), "total_amount");
}

// ---- configuration ----

TEST(TingeeConfig, RejectsIncompleteOrUnsafeConfiguration) {
  auto transport = std::make_shared<paygw::testing::ReplayTransport>();
  auto make = [&](auto mutate) {
    tingee::Config config;
    config.base_url = std::string(tingee::kUatBaseUrl);
    config.client_id = "id";
    config.secret = Secret("secret");
    config.transport = transport;
    mutate(config);
    return Client::create(config);
  };
  EXPECT_TRUE(make([](tingee::Config&) {}).ok());
  EXPECT_TRUE(make([](tingee::Config& c) { c.base_url = "http://127.0.0.1:8080/"; }).ok());
  const std::pair<void (*)(tingee::Config&), const char*> bad[] = {
      {[](tingee::Config& c) { c.base_url.clear(); }, "base_url is required"},
      {[](tingee::Config& c) { c.base_url = "http://open-api.tingee.vn"; }, "https"},
      {[](tingee::Config& c) { c.base_url = "http://localhost.evil.example"; }, "https"},
      {[](tingee::Config& c) { c.client_id.clear(); }, "client_id"},
      {[](tingee::Config& c) { c.client_id = "id\r\nx-evil: 1"; }, "control characters"},
      {[](tingee::Config& c) { c.secret = Secret(); }, "secret"},
      {[](tingee::Config& c) { c.transport.reset(); }, "transport"},
      {[](tingee::Config& c) { c.timeout = std::chrono::milliseconds(0); }, "timeout"},
      {[](tingee::Config& c) { c.timestamp_backdate = std::chrono::minutes(6); }, "timestamp_backdate"},
  };
  for (const auto& [mutate, fragment] : bad) {
    auto r = make(mutate);
    ASSERT_FALSE(r.ok()) << fragment;
    EXPECT_EQ(r.error().code, ErrorCode::kConfig);
    EXPECT_NE(r.error().message.find(fragment), std::string::npos) << r.error().message;
  }
}

TEST(TingeeEnvelope, CodeZeroZeroOnAnErrorStatusIsNotSuccess) {
  auto replay = paygw::testing::ReplayTransport::from_json(
      R"({"request":{"method":"POST","path":"/v1/device/read-security-code","json":"<redacted>"},
          "response":{"status":503,"json":{"code":"00","message":"Success"}}})",
      "inline");
  ASSERT_TRUE(replay.ok());
  auto client = test::tingee_client(*replay);
  auto r = client.read_security_code({"D1", std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kHttpStatus);
  EXPECT_EQ(r.error().http_status, 503);
}

TEST(TingeeEnvelope, NumericCodeIsKeptAsText) {
  auto replay = paygw::testing::ReplayTransport::from_json(
      R"({"request":{"method":"POST","path":"/v1/device/read-security-code","json":"<redacted>"},
          "response":{"status":200,"json":{"code":97,"message":"Invalid signature"}}})",
      "inline");
  ASSERT_TRUE(replay.ok());
  auto r = test::tingee_client(*replay).read_security_code({"D1", std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(tingee::is_signature_error(r.error()));
}

TEST(TingeeEnvelope, MalformedDataIsAnError) {
  auto replay = paygw::testing::ReplayTransport::from_json(
      R"({"request":{"method":"POST","path":"/v1/device/get-paging","json":"<redacted>"},
          "response":{"status":200,"json":{"code":"00","message":"Success","data":{"items":"nope"}}}})",
      "inline");
  ASSERT_TRUE(replay.ok());
  auto r = test::tingee_client(*replay).get_device_paging({});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kMalformed);
}

TEST(TingeeEnvelope, TransportNotSentIsPropagatedAfterRetries) {
  // A connect failure is certainly not sent, so even a write is retried (3 attempts by default).
  const std::string refused =
      R"({"request":{"method":"POST","path":"/v1/device/read-security-code","json":"<redacted>"},
          "transport_error":{"code":"connect","delivery":"not_sent"}})";
  auto replay = paygw::testing::ReplayTransport::from_json(
      "{\"exchanges\":[" + refused + "," + refused + "," + refused + "]}", "inline");
  ASSERT_TRUE(replay.ok());
  auto r = test::tingee_client(*replay).read_security_code({"D1", std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConnect);
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
  EXPECT_EQ(r.error().attempts, 3);
  EXPECT_EQ((*replay)->report(), "");
}

}  // namespace
