// SPDX-License-Identifier: MIT
// Tingee codec for dynamic-QR bills, transactions, banks, nfc-command and reset-device: request
// bodies as exact bytes (member order of the DTOs of Tingee's official SDK, @tingee/sdk-node 0.2.4;
// see docs/tingee.md), every validation rule, and the fixtures under tests/fixtures/tingee that the
// client replays. Expected bytes are written by hand from those DTOs, never taken from the code
// under test.
#include <paygw/tingee/bills.hpp>

#include "tingee_codec_test_support.hpp"

namespace {

using namespace paygw;
using namespace paygw::tingee;
using namespace paygw::test::tingee_codec;
namespace detail =
    paygw::tingee::detail;  // not ambiguous with paygw::detail (both reached through the using-directives)

// ---------------------------------------------------------------------------------------------
// nfc-command (POST /v1/device/nfc-command) and reset-device (POST /v1/device/reset-device)

TEST(TingeeDeviceActionsCodec, NfcCommandFullAndMinimalBytes) {
  NfcCommandRequest r;
  r.merchant_id = 123456;
  r.uuid = "DEVICE-002";
  r.enable_nfc = true;
  r.play_sound = false;
  r.nfc_url = "https://pay.example.vn/nfc/DEVICE-002";
  r.nfc_package_name = "vn.example.pay";
  EXPECT_EQ(compact(codec::build(r)),
            R"({"merchantId":123456,"uuid":"DEVICE-002","enableNfc":true,"playSound":false,)"
            R"("nfcUrl":"https://pay.example.vn/nfc/DEVICE-002","nfcPackageName":"vn.example.pay"})");
  r.merchant_id.reset();
  EXPECT_EQ(compact(codec::build(r)), fixture_body("nfc-command"));

  NfcCommandRequest minimal{"D-1", "u", "p", std::nullopt, std::nullopt, std::nullopt};
  EXPECT_EQ(compact(codec::build(minimal)), R"({"uuid":"D-1","nfcUrl":"u","nfcPackageName":"p"})");
}

TEST(TingeeDeviceActionsCodec, NfcCommandValidation) {
  const NfcCommandRequest ok{"D-1", "u", "p", std::nullopt, std::nullopt, std::nullopt};
  auto r = ok;
  r.uuid.clear();
  expect_invalid(codec::build(r), "uuid is required");
  r = ok;
  r.nfc_url.clear();
  expect_invalid(codec::build(r), "nfc_url is required");
  r = ok;
  r.nfc_package_name.clear();
  expect_invalid(codec::build(r), "nfc_package_name is required");
  for (std::int64_t id : {0, -1}) {
    r = ok;
    r.merchant_id = id;
    expect_invalid(codec::build(r), "merchant_id must be > 0");
  }
}

TEST(TingeeDeviceActionsCodec, ResetDeviceWithDetailsBytesAndValidation) {
  ResetDeviceWithDetailsRequest r{"DEVICE-001", "0901234567", "2101234567", false};
  EXPECT_EQ(compact(codec::build(r)),
            R"({"uuid":"DEVICE-001","phoneNumber":"0901234567","accountNumber":"2101234567","isBankRequest":false})");
  ResetDeviceWithDetailsRequest minimal{"DEVICE-001", "", "", std::nullopt};
  EXPECT_EQ(compact(codec::build(minimal)), R"({"uuid":"DEVICE-001"})");
  ResetDeviceWithDetailsRequest bank{"DEVICE-001", "", "", true};
  EXPECT_EQ(compact(codec::build(bank)), fixture_body("reset-device"));
  EXPECT_EQ(fixture_body("reset-device"), R"({"uuid":"DEVICE-001","isBankRequest":true})");
  expect_invalid(codec::build(ResetDeviceWithDetailsRequest{}), "uuid is required");
}

TEST(TingeeDeviceActionsCodec, FixtureAnswersMapToAckOrTypedErrors) {
  for (const char* name : {"nfc-command", "reset-device"}) {
    auto ack = codec::parse_ack(fixture_envelope(name));
    ASSERT_TRUE(ack.ok()) << name;
    EXPECT_EQ(ack->message, "Success");
  }
  auto bad_request = codec::parse_envelope(fixture_response("nfc-command", 1));
  ASSERT_FALSE(bad_request.ok());
  EXPECT_EQ(bad_request.error().code, ErrorCode::kHttpStatus);
  EXPECT_EQ(bad_request.error().http_status, 400);
  EXPECT_EQ(bad_request.error().message, "nfcUrl must be a URL address");
  auto unauthorized = codec::parse_envelope(fixture_response("reset-device", 1));
  ASSERT_FALSE(unauthorized.ok());
  EXPECT_EQ(unauthorized.error().code, ErrorCode::kAuth);
  EXPECT_EQ(unauthorized.error().http_status, 401);
}

// ---------------------------------------------------------------------------------------------
// Bank-group paths: /v1/<name> as the docs write them, /v1/bank/<name> as the official SDKs send them

TEST(TingeeBillsCodec, BankGroupPrefixDefaultsToTheDocumentedForm) {
  static_assert(path_prefix(BankPathPrefix::kV1) == "/v1");
  static_assert(path_prefix(BankPathPrefix::kV1Bank) == "/v1/bank");
  EXPECT_EQ(codec::bank_group_path(BankPathPrefix::kV1, "get-banks"), "/v1/get-banks");
  EXPECT_EQ(codec::bank_group_path(BankPathPrefix::kV1Bank, "generate-dynamic-qr"), "/v1/bank/generate-dynamic-qr");
  EXPECT_EQ(fixture("get-banks")["exchanges"][0]["request"]["path"], "/v1/get-banks");
}

// ---------------------------------------------------------------------------------------------
// generate-dynamic-qr, get-status-dynamic-qr, delete-dynamic-qr (POST, bank group)

GenerateDynamicQrRequest full_bill() {
  GenerateDynamicQrRequest r;
  r.merchant_id = 123456;
  r.va_account_number = "V1T123456789";
  r.bank_bin = "970418";
  r.amount = 150000;
  r.purpose = "TT DON 1024";
  r.expire_in_minute = 15;
  r.extra_info = "ORDER-1024";
  return r;
}

TEST(TingeeBillsCodec, GenerateDynamicQrFullAndMinimalBytes) {
  const std::string full =
      R"({"merchantId":123456,"vaAccountNumber":"V1T123456789","qrCodeType":"dynamic-one-time-payment",)"
      R"("bankBin":"970418","amount":150000,"purpose":"TT DON 1024","expireInMinute":15,"extraInfo":"ORDER-1024"})";
  EXPECT_EQ(compact(codec::build(full_bill())), full);
  EXPECT_EQ(fixture_body("generate-dynamic-qr"), full);
  EXPECT_EQ(fixture_body("generate-dynamic-qr", 1), full);  // the failing exchange sends the same bytes

  GenerateDynamicQrRequest minimal;
  minimal.va_account_number = "V1T1";
  minimal.qr_code_type = QrCodeType::kRecurringPayment;
  minimal.bank_name = "BIDV";
  minimal.amount = 1;
  EXPECT_EQ(compact(codec::build(minimal)),
            R"({"vaAccountNumber":"V1T1","qrCodeType":"dynamic-recurring-payment","bankName":"BIDV","amount":1})");
}

TEST(TingeeBillsCodec, GenerateDynamicQrValidation) {
  auto r = full_bill();
  r.va_account_number.clear();
  expect_invalid(codec::build(r), "va_account_number is required");
  for (Vnd amount : {Vnd{0}, Vnd{-1}, kMaxAmountVnd + 1}) {
    r = full_bill();
    r.amount = amount;
    expect_invalid(codec::build(r), "amount must be 1..9007199254740991");
  }
  r = full_bill();
  r.amount = kMaxAmountVnd;
  EXPECT_TRUE(codec::build(r).ok());
  r = full_bill();
  r.bank_bin.clear();
  expect_invalid(codec::build(r), "bank_bin or bank_name is required");
  for (const char* bin : {"97041", "9704180", "97041a"}) {
    r = full_bill();
    r.bank_bin = bin;
    expect_invalid(codec::build(r), "bank_bin must be 6 digits");
  }
  r = full_bill();
  r.expire_in_minute = 0;
  expect_invalid(codec::build(r), "expire_in_minute must be > 0");
  r = full_bill();
  r.merchant_id = 0;
  expect_invalid(codec::build(r), "merchant_id must be > 0");
}

TEST(TingeeBillsCodec, BillStatusAndDeleteBytesAndValidation) {
  const GetDynamicQrStatusRequest status{"V1T123456789", "BILL-1024-01", 123456};
  EXPECT_EQ(compact(codec::build(status)),
            R"({"merchantId":123456,"qrAccount":"V1T123456789","billId":"BILL-1024-01"})");
  const DeleteDynamicQrRequest del{"V1T123456789", "BILL-1024-01", std::nullopt};
  EXPECT_EQ(compact(codec::build(del)), R"({"qrAccount":"V1T123456789","billId":"BILL-1024-01"})");
  EXPECT_EQ(compact(codec::build(GetDynamicQrStatusRequest{"V1T123456789", "BILL-1024-01", std::nullopt})),
            fixture_body("get-status-dynamic-qr"));
  EXPECT_EQ(compact(codec::build(del)), fixture_body("delete-dynamic-qr"));

  expect_invalid(codec::build(GetDynamicQrStatusRequest{"", "B", std::nullopt}), "qr_account is required");
  expect_invalid(codec::build(GetDynamicQrStatusRequest{"Q", "", std::nullopt}), "bill_id is required");
  expect_invalid(codec::build(GetDynamicQrStatusRequest{"Q", "B", 0}), "merchant_id must be > 0");
  expect_invalid(codec::build(DeleteDynamicQrRequest{"", "B", std::nullopt}), "qr_account is required");
  expect_invalid(codec::build(DeleteDynamicQrRequest{"Q", "", std::nullopt}), "bill_id is required");
  expect_invalid(codec::build(DeleteDynamicQrRequest{"Q", "B", -5}), "merchant_id must be > 0");
}

TEST(TingeeBillsCodec, GeneratedBillFromFixture) {
  auto bill = codec::parse_dynamic_qr_bill(fixture_envelope("generate-dynamic-qr"));
  ASSERT_TRUE(bill.ok()) << bill.error().message;
  EXPECT_EQ(bill->qr_code.substr(0, 12), "000201010212");
  EXPECT_EQ(bill->qr_account, "V1T123456789");
  EXPECT_EQ(bill->bill_id, "BILL-1024-01");
  EXPECT_EQ(bill->message, "Success");
  auto failure = codec::parse_envelope(fixture_response("generate-dynamic-qr", 1));
  ASSERT_FALSE(failure.ok());
  EXPECT_EQ(failure.error().code, ErrorCode::kHttpStatus);
  EXPECT_EQ(failure.error().http_status, 500);
  EXPECT_EQ(failure.error().message, "Field 'accountNumber' doesn't have a default value");
  EXPECT_TRUE(failure.error().maybe_sent());  // the bill may exist: never resent
}

TEST(TingeeBillsCodec, GeneratedBillNeedsAllThreeFields) {
  const Json good = {{"qrCode", "000201"}, {"qrAccount", "Q"}, {"billId", "B"}};
  for (const char* key : {"qrCode", "qrAccount", "billId"}) {
    Json data = good;
    data.erase(key);
    auto bill = codec::parse_dynamic_qr_bill(envelope_with(data));
    ASSERT_FALSE(bill.ok()) << key;
    expect_malformed(bill.error(), std::string("data.") + key + " is missing");
    data[key] = true;
    bill = codec::parse_dynamic_qr_bill(envelope_with(data));
    ASSERT_FALSE(bill.ok()) << key;
    expect_malformed(bill.error(), std::string("data.") + key + " is not a string");
  }
  for (const Json& data : {Json(), Json::array(), Json("x")}) {
    auto bill = codec::parse_dynamic_qr_bill(envelope_with(data));
    ASSERT_FALSE(bill.ok());
    expect_malformed(bill.error(), "data is not a dynamic QR bill");
  }
  Json numeric = good;
  numeric["billId"] = 778899;  // an id sent as a number is kept as its decimal text
  auto bill = codec::parse_dynamic_qr_bill(envelope_with(numeric));
  ASSERT_TRUE(bill.ok());
  EXPECT_EQ(bill->bill_id, "778899");
}

TEST(TingeeBillsCodec, BillStatusFromFixture) {
  auto status = codec::parse_dynamic_qr_status(fixture_envelope("get-status-dynamic-qr"));
  ASSERT_TRUE(status.ok()) << status.error().message;
  const BillInfo& b = status->bill;
  EXPECT_EQ(b.bill_id, "BILL-1024-01");
  EXPECT_EQ(b.qr_code_type, "dynamic-one-time-payment");
  EXPECT_EQ(b.bank_bin, "970418");
  EXPECT_EQ(b.account_number, "2101234567");
  EXPECT_EQ(b.va_account_number, "V1T123456789");
  EXPECT_EQ(b.qr_account, "V1T123456789");
  EXPECT_EQ(b.amount, 150000);
  EXPECT_EQ(b.purpose, "TT DON 1024");
  EXPECT_EQ(b.total_amount_paid, 150000);
  EXPECT_EQ(b.total_payments_count, 1);
  EXPECT_EQ(b.expire_in_minute, 15);
  EXPECT_EQ(b.extra_info, "ORDER-1024");
  EXPECT_EQ(b.status, "paid");
  ASSERT_EQ(status->transactions.size(), 1u);
  const Transaction& t = status->transactions[0];
  EXPECT_EQ(t.transaction_id, "TXN-88001");
  EXPECT_EQ(t.merchant_id, 123456);
  EXPECT_EQ(t.shop_id, 12);
  EXPECT_EQ(t.bank_bin, "970418");
  EXPECT_EQ(t.cash_flow_source, "bank-transfer");
  EXPECT_EQ(t.code, "970418/FT26197KVBJB");
  EXPECT_EQ(t.amount, 150000);
  EXPECT_EQ(t.type, "CREDIT");
  EXPECT_EQ(t.content, "TT DON 1024 FT26197646813469");
  EXPECT_EQ(t.currency, "VND");
  EXPECT_EQ(t.account_number, "2101234567");
  EXPECT_EQ(t.va_account_number, "V1T123456789");
  EXPECT_EQ(t.transaction_date, "20260716174026");
  EXPECT_EQ(t.bill_id, "BILL-1024-01");
  EXPECT_EQ(status->message, "Success");

  auto gone = codec::parse_envelope(fixture_response("get-status-dynamic-qr", 1));
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, ErrorCode::kProvider);
  EXPECT_EQ(gone.error().provider_code, "1003");
  EXPECT_EQ(gone.error().message, "Bill không tồn tại");
  auto deleted = codec::parse_ack(fixture_envelope("delete-dynamic-qr"));
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(deleted->message, "Success");
  auto delete_gone = codec::parse_envelope(fixture_response("delete-dynamic-qr", 1));
  ASSERT_FALSE(delete_gone.ok());
  EXPECT_EQ(delete_gone.error().provider_code, "1003");
}

}  // namespace
