// SPDX-License-Identifier: MIT
// Tingee device client against recorded fixtures (tests/fixtures/tingee): each fixture holds a
// success exchange and a provider/HTTP/transport failure for the same endpoint. The replay
// transport checks method, path, headers and exact body bytes; its request check recomputes
// every signature with OpenSSL independently of paygw.
#include <paygw/tingee/client.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

namespace {

using namespace paygw;
using tingee::Client;

class TingeeClientTest : public ::testing::Test {
 protected:
  Client use(const std::string& fixture, bool validate_qr = true) {
    replay_ = test::tingee_replay("tingee/" + fixture + ".json");
    return test::tingee_client(replay_, {}, validate_qr);
  }
  void TearDown() override {
    if (replay_) {
      EXPECT_EQ(replay_->report(), "") << "the replay did not go as scripted";
    }
  }
  std::shared_ptr<paygw::testing::ReplayTransport> replay_;
};

void expect_provider_error(const Error& e, const char* code, const char* message) {
  EXPECT_EQ(e.code, ErrorCode::kProvider);
  EXPECT_EQ(e.provider_code, code);
  EXPECT_EQ(e.message, message);
  EXPECT_EQ(e.http_status, 200);
  EXPECT_EQ(e.delivery, Delivery::kMaybeSent);
  EXPECT_EQ(e.attempts, 1);
}

TEST_F(TingeeClientTest, ReadSecurityCode) {
  auto client = use("read-security-code");
  tingee::ReadSecurityCodeRequest req{"DEVICE-001", std::nullopt};
  auto ok = client.read_security_code(req);
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  EXPECT_EQ(ok->message, "Success");

  auto bad = client.read_security_code(req);
  ASSERT_FALSE(bad.ok());
  expect_provider_error(bad.error(), "97", "Invalid signature");
  EXPECT_TRUE(tingee::is_signature_error(bad.error()));
  EXPECT_FALSE(tingee::is_timestamp_error(bad.error()));
}

TEST_F(TingeeClientTest, AddDeviceToShop) {
  auto client = use("add-device-to-shop");
  const auto req = test::fixture_add_device_request();
  auto ok = client.add_device_to_shop(req);
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  ASSERT_EQ(ok->devices.size(), 1u);
  EXPECT_EQ(ok->devices[0].type, "tingee-box-3ls");
  EXPECT_EQ(ok->devices[0].uuid, "DEVICE-001");

  auto bad = client.add_device_to_shop(req);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kHttpStatus);
  EXPECT_EQ(bad.error().http_status, 400);
  EXPECT_EQ(bad.error().message, "Not have access.");
  EXPECT_TRUE(bad.error().maybe_sent());
}

TEST_F(TingeeClientTest, UpdateShopDeviceLinkStatus) {
  auto client = use("update-shop-device-link-status");
  tingee::UpdateShopDeviceLinkStatusRequest req;
  req.uuid = "DEVICE-001";
  req.type = std::string(tingee::kDeviceTypeBox6xs);
  req.shops = {{12, "Cửa hàng Quận 1", "1 Lê Lợi, Quận 1, TP.HCM", true, ""},
               {13, "Cửa hàng Quận 3", "2 Võ Văn Tần, Quận 3, TP.HCM", false, ""}};
  auto ok = client.update_shop_device_link_status(req);
  ASSERT_TRUE(ok.ok()) << describe(ok.error());

  auto bad = client.update_shop_device_link_status(req);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kAuth);
  EXPECT_EQ(bad.error().http_status, 401);
}

TEST_F(TingeeClientTest, GetDevicesLinkToShopOrVa) {
  auto client = use("get-devices-link-to-shop-or-va");
  tingee::GetDevicesLinkToShopOrVaRequest req;
  req.va_account_number = "V1THENO84343344";
  auto ok = client.get_devices_link_to_shop_or_va(req);
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  ASSERT_EQ(ok->devices.size(), 2u);
  EXPECT_EQ(ok->devices[1].uuid, "SGA0210099");
  EXPECT_EQ(ok->devices[1].type, "tingee-box-max");

  auto bad = client.get_devices_link_to_shop_or_va(req);
  ASSERT_FALSE(bad.ok());
  expect_provider_error(bad.error(), "91", "Request expired");
  EXPECT_TRUE(tingee::is_timestamp_error(bad.error()));
}

TEST_F(TingeeClientTest, GetDevicePaging) {
  auto client = use("get-paging");
  tingee::GetDevicePagingRequest req;
  req.merchant_id = 123456;
  auto ok = client.get_device_paging(req);
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  EXPECT_EQ(ok->total_count, 2);
  ASSERT_EQ(ok->items.size(), 2u);
  const auto& d = ok->items[0];
  EXPECT_EQ(d.id, 501);
  EXPECT_EQ(d.uuid, "DEVICE-001");
  EXPECT_EQ(d.name, "Quầy 1");
  EXPECT_EQ(d.status, tingee::DeviceStatus::kApproved);
  EXPECT_EQ(d.merchant_id, 123456);
  EXPECT_EQ(d.master_merchant_id, 1);
  EXPECT_EQ(d.serial_number, "SGA0210099");
  ASSERT_EQ(d.shops.size(), 1u);
  EXPECT_EQ(d.shops[0].id, 12);
  EXPECT_EQ(d.shops[0].name, "Cửa hàng Quận 1");
  EXPECT_EQ(ok->items[1].status, tingee::DeviceStatus::kWaitingProgressing);
  EXPECT_EQ(ok->items[1].merchant_id, std::nullopt);

  auto bad = client.get_device_paging(req);
  ASSERT_FALSE(bad.ok());
  expect_provider_error(bad.error(), "90", "Timestamp is invalid");
  EXPECT_TRUE(tingee::is_timestamp_error(bad.error()));
}

TEST_F(TingeeClientTest, ShowQrCode) {
  auto client = use("show-qr-code");
  tingee::ShowQrRequest req;
  req.uuid = "DEVICE-001";
  req.va_account_number = "V1T123456789";
  req.amount = 40123;
  req.qr_code =
      "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
      "text string6304D9C6";
  req.bank_bin = "970422";
  req.first_text = "Đơn hàng 12";
  req.show_time = 120;
  ASSERT_TRUE(client.show_qr_code(req).ok());

  auto bad = client.show_qr_code(req);
  ASSERT_FALSE(bad.ok());
  expect_provider_error(bad.error(), "1001", "Thao tác quá nhanh");
  EXPECT_TRUE(tingee::is_rate_limited(bad.error()));
}

tingee::ShowQrRequest seed_qr(std::string qr) {
  tingee::ShowQrRequest req;
  req.va_account_number = "V1T123456789";  // no uuid: the bankBin + VA form
  req.amount = 150000;
  req.qr_code = std::move(qr);
  req.bank_bin = "970422";
  return req;
}

TEST_F(TingeeClientTest, ShowDynamicQrCode) {
  // The seed's example QR is a truncated placeholder: test the wire format with QR validation off.
  auto client = use("show-dynamic-qr-code", /*validate_qr=*/false);
  auto req = seed_qr("00020101021138580010A000000727...");
  req.is_static_qr = true;
  ASSERT_TRUE(client.show_dynamic_qr_code(req).ok());

  auto bad = client.show_dynamic_qr_code(req);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kHttpStatus);
  EXPECT_EQ(bad.error().http_status, 500);
  EXPECT_EQ(bad.error().message, "Internal Server Error.");
}

TEST_F(TingeeClientTest, ShowStaticQrCode) {
  // The seed's static QR has a wrong CRC and 38 length: test the wire format with QR validation off.
  auto client = use("show-static-qr-code", /*validate_qr=*/false);
  auto req = seed_qr(
      "00020101021138580010A00000072701240006970422011001234567890208QRIBFTTA5204541153037045802VN62180814Thanh toan "
      "don6304CA68");
  ASSERT_TRUE(client.show_static_qr_code(req).ok());

  auto bad = client.show_static_qr_code(req);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kHttpStatus);
  EXPECT_EQ(bad.error().http_status, 502);
  EXPECT_TRUE(bad.error().maybe_sent());
}

TEST_F(TingeeClientTest, GenerateAndShowDynamicQrCode) {
  auto client = use("generate-and-show-dynamic-qr-code");
  tingee::GenerateAndShowDynamicQrRequest req;
  req.uuid = "DEVICE-002";
  req.va_account_number = "V1T123456789";
  req.amount = 250000;
  req.purpose = "Thanh toan don 77";
  req.bank_bin = "970418";
  req.expire_in_minute = 15;
  req.extra_info = "BILL-77";
  req.read_amount_after_pay = true;
  auto ok = client.generate_and_show_dynamic_qr_code(req);
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  EXPECT_EQ(ok->qr_account, "V1T123456789");
  EXPECT_EQ(ok->bill_id, "BILL-77-1");
  EXPECT_EQ(ok->qr_code, "00020101021238...6304ABCD");
  EXPECT_EQ(ok->data_json, R"({"qrCode":"00020101021238...6304ABCD","qrAccount":"V1T123456789","billId":"BILL-77-1"})");

  auto bad = client.generate_and_show_dynamic_qr_code(req);
  ASSERT_FALSE(bad.ok());
  expect_provider_error(bad.error(), "97", "Invalid signature");
}

TEST_F(TingeeClientTest, ReadAmountLinkToMerchant) {
  auto client = use("read-amount-link-to-merchant");
  tingee::ReadAmountRequest req;
  req.uuid = "DEVICE_UUID";
  req.transaction_id = "TXN_ID";
  req.amount = 100000;
  req.bank_bin = "970422";
  ASSERT_TRUE(client.read_amount_link_to_merchant(req).ok());

  auto bad = client.read_amount_link_to_merchant(req);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kMalformed);
  EXPECT_EQ(bad.error().http_status, 200);
  EXPECT_TRUE(bad.error().maybe_sent());
}

TEST_F(TingeeClientTest, PrintReceipt) {
  auto client = use("print-receipt");
  tingee::PrintReceiptRequest req;
  req.uuid = "DEVICE-MAX-1";
  auto& r = req.receipt;
  r.copies = 2;
  r.store_name = "Cà phê Sài Gòn";
  r.address = "1 Lê Lợi";
  r.order_code = "HD-0001";
  r.items = {{"Cà phê sữa", 2, 25000}, {"Bánh mì", 1, 20000}};
  r.total_amount = 65000;
  r.discount = 5000;
  r.qr_code = "HD-0001";
  r.footer_note = "Cảm ơn quý khách";
  r.voice_file = 6;
  ASSERT_TRUE(client.print_receipt(req).ok());

  auto bad = client.print_receipt(req);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kHttpStatus);
  EXPECT_EQ(bad.error().message, "copies must not be greater than 9; items must contain at least 1 elements");
}

TEST_F(TingeeClientTest, ResetDeviceIsBodylessAndSignsEmptyObject) {
  auto client = use("reset");
  auto ok = client.reset_device({"DEVICE-001"});
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  EXPECT_EQ(ok->data, "Reset device successfully");

  auto bad = client.reset_device({"DEVICE-001"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kTimeout);
  EXPECT_EQ(bad.error().delivery, Delivery::kMaybeSent);
  EXPECT_EQ(bad.error().attempts, 1);
}

}  // namespace
