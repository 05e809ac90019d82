// SPDX-License-Identifier: MIT
// Tingee static-QR codec (generate-viet-qr, get-account-number-info-by-qr-code): exact request
// bytes in the member order of the DTOs of Tingee's official SDK (@tingee/sdk-node 0.2.4),
// validation, and parsing of the fixtures plus malformed variants. Expected bytes by hand.
#include <paygw/tingee/all_models.hpp>

#include "tingee/codec_bank_qr.hpp"
#include "tingee_api_codec_test_support.hpp"

namespace {

using namespace paygw;
using namespace paygw::tingee;
using namespace paygw::test::tingee_codec;

TEST(TingeeBankQrCodec, GenerateVietQrBytes) {
  GenerateVietQrRequest r{"970418", "", "2101234567", 150000, "TT DON 1024"};
  EXPECT_EQ(compact(codec::build(r)), fixture_body("generate-viet-qr"));
  expect_body(codec::build(r),
              R"({"bankBin":"970418","accountNumber":"2101234567","amount":150000,"content":"TT DON 1024"})");
  expect_body(codec::build(GenerateVietQrRequest{"", "VCB", "0071000123456", std::nullopt, ""}),
              R"({"bankName":"VCB","accountNumber":"0071000123456"})");
}

TEST(TingeeBankQrCodec, GenerateVietQrValidation) {
  const GenerateVietQrRequest ok{"970418", "", "2101234567", 150000, ""};
  auto r = ok;
  r.bank_bin.clear();
  expect_invalid(codec::build(r), "bank_bin or bank_name is required");
  r = ok;
  r.account_number.clear();
  expect_invalid(codec::build(r), "account_number is required");
  for (Vnd amount : {Vnd{0}, Vnd{-5}, Vnd{9'007'199'254'740'992}}) {
    r = ok;
    r.amount = amount;
    expect_invalid(codec::build(r), "amount must be 1..9007199254740991");
  }
  r = ok;
  r.content = "TT\tDON";
  expect_invalid(codec::build(r), "content must not contain control characters");
}

TEST(TingeeBankQrCodec, VietQrAnswer) {
  auto qr = codec::parse_viet_qr(fixture_envelope("generate-viet-qr"));
  ASSERT_TRUE(qr.ok()) << qr.error().message;
  EXPECT_EQ(qr->qr_code.rfind("000201", 0), 0U);
  EXPECT_EQ(qr->qr_code_image, "data:image/png;base64,iVBORw0KGgo=");
  EXPECT_EQ(qr->qr_account, "2101234567");
  EXPECT_EQ(qr->reference_label_code, "TT DON 1024");
  expect_malformed(codec::parse_viet_qr(envelope_with(nullptr)).error(), "data is not a VietQR");
  expect_malformed(codec::parse_viet_qr(envelope_with(Json{{"qrAccount", "1"}})).error(), "data.qrCode is missing");
  expect_malformed(codec::parse_viet_qr(envelope_with(Json{{"qrCode", "0002"}, {"qrCodeImage", false}})).error(),
                   "data.qrCodeImage is not a string");
}

TEST(TingeeBankQrCodec, AccountInfoByQrCodeQueryAndAnswer) {
  auto q = codec::build_query(GetAccountNumberInfoByQrCodeRequest{"000201010211"});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ("/v1/get-account-number-info-by-qr-code" + *q, fixture_path_of("get-account-number-info-by-qr-code"));
  EXPECT_EQ(*codec::build_query(GetAccountNumberInfoByQrCodeRequest{"00 02&x=1"}), "?qrCode=00%2002%26x%3D1");
  expect_invalid_query(codec::build_query(GetAccountNumberInfoByQrCodeRequest{""}), "qr_code is required");
  expect_invalid_query(codec::build_query(GetAccountNumberInfoByQrCodeRequest{std::string(513, '0')}),
                       "qr_code must be at most 512 bytes");

  auto page = codec::parse_qr_account_info_page(fixture_envelope("get-account-number-info-by-qr-code"));
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->total_count, 2);
  ASSERT_EQ(page->items.size(), 2U);
  EXPECT_EQ(page->items[0].amount, 150000);
  EXPECT_EQ(page->items[0].purpose, "TT DON 1024");
  EXPECT_EQ(page->items[0].va_prefix, "TNG");
  EXPECT_FALSE(page->items[1].amount.has_value());  // "" on the wire
  expect_malformed(codec::parse_qr_account_info_page(
                       envelope_with(Json{{"items", Json::array({Json{{"accountNumber", "1"}, {"amount", "12.5"}}})}}))
                       .error(),
                   "data.items[0].amount is not an amount in VND (an integer 0..9007199254740991)");
  expect_malformed(
      codec::parse_qr_account_info_page(envelope_with(Json{{"items", Json::array({Json{{"bankBin", "1"}}})}})).error(),
      "data.items[0].accountNumber is missing");
  expect_malformed(codec::parse_qr_account_info_page(envelope_with(Json::array())).error(),
                   "data is not a page of QR accounts");
}

}  // namespace
