// SPDX-License-Identifier: MIT
// Codec of the two Tingee endpoints outside the official SDKs: create-bank-link-session (fields
// as documented by the third-party tingee_ruby_sdk 0.3.0, verified against the live API) and
// device/read-amount (developers.tingee.vn/sdk/device; member order of the Java SDK 0.1.0's
// BIDVOpenApiReadAmountDto). Exact bytes, validation, fixtures and malformed answers.
#include <paygw/tingee/all_models.hpp>

#include "tingee/codec_bank_link.hpp"
#include "tingee_api_codec_test_support.hpp"

namespace {

using namespace paygw;
using namespace paygw::tingee;
using namespace paygw::test::tingee_codec;

TEST(TingeeBankLinkCodec, CreateBankLinkSession) {
  CreateBankLinkSessionRequest r;
  r.redirect_url = "https://shop.example.vn/linked";
  r.allowed_banks = {"BIDV", "VCB", "ACB"};
  r.shop_id = 12;
  EXPECT_EQ(compact(codec::build(r)), fixture_body("create-bank-link-session"));
  expect_body(codec::build(CreateBankLinkSessionRequest{}), R"({"type":"bank-link"})");
  CreateBankLinkSessionRequest all;
  all.merchant_id = 4;
  all.bank_name = "TPB";
  expect_body(codec::build(all), R"({"type":"bank-link","merchantId":4,"bankName":"TPB"})");

  auto bad = r;
  bad.allowed_banks = {"BIDV", ""};
  expect_invalid(codec::build(bad), "allowed_banks must hold BankNameEnum values (ASCII letters)");
  bad = r;
  bad.allowed_banks = {"970418"};
  expect_invalid(codec::build(bad), "allowed_banks must hold BankNameEnum values (ASCII letters)");
  bad = r;
  bad.type.clear();
  expect_invalid(codec::build(bad), "type is required");
  bad = r;
  bad.shop_id = 0;
  expect_invalid(codec::build(bad), "shop_id must be > 0");
  bad = r;
  bad.redirect_url = "https://x/\n";
  expect_invalid(codec::build(bad), "redirect_url must not contain control characters");

  auto session = codec::parse_bank_link_session(fixture_envelope("create-bank-link-session"));
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(session->url, "https://bank-link.tingee.vn?token=tok-123&s=sess-456");
  expect_malformed(codec::parse_bank_link_session(envelope_with(Json{{"url", "u"}})).error(),
                   "data is not a non-empty string");
  expect_malformed(codec::parse_bank_link_session(envelope_with(nullptr)).error(), "data is not a non-empty string");
}

TEST(TingeeBankLinkCodec, DeviceReadAmount) {
  DeviceReadAmountRequest r{"DEVICE-001", "TXN-88001", 150000, "970418", "Đã nhận", "", "", true};
  EXPECT_EQ(compact(codec::build(r)), fixture_body("device-read-amount"));
  expect_body(codec::build(DeviceReadAmountRequest{"D", "T", 1, "970418", "a", "b", "c", false}),
              R"({"uuid":"D","transactionId":"T","amount":1,"bankBin":"970418","firstDisplayText":"a",)"
              R"("secondDisplayText":"b","thirdDisplayText":"c","playSound":false})");
  auto bad = r;
  bad.uuid.clear();
  expect_invalid(codec::build(bad), "uuid is required");
  bad = r;
  bad.transaction_id.clear();
  expect_invalid(codec::build(bad), "transaction_id is required");
  for (Vnd amount : {Vnd{0}, Vnd{-1}, Vnd{9'007'199'254'740'992}}) {
    bad = r;
    bad.amount = amount;
    expect_invalid(codec::build(bad), "amount must be 1..9007199254740991");
  }
  bad = r;
  bad.bank_bin.clear();
  expect_invalid(codec::build(bad), "bank_bin is required");
  bad = r;
  bad.second_display_text = std::string(257, 'x');
  expect_invalid(codec::build(bad), "second_display_text must be at most 256 bytes");
  EXPECT_TRUE(codec::parse_ack(fixture_envelope("device-read-amount")).ok());
}

}  // namespace
