// SPDX-License-Identifier: MIT
// Tingee deep-link codec (deep-link/generate, deep-link/generate-bidv-test): exact request bytes
// in the member order of OpenApiDeepLinkDto / OpenApiDeepLinkBIDVTESTDto (Tingee's official SDK,
// @tingee/sdk-node 0.2.4), validation, and parsing of the fixtures plus malformed variants.
#include <paygw/tingee/all_models.hpp>

#include "tingee/codec_deep_link.hpp"
#include "tingee_api_codec_test_support.hpp"

namespace {

using namespace paygw;
using namespace paygw::tingee;
using namespace paygw::test::tingee_codec;

GenerateDeepLinkRequest link() {
  GenerateDeepLinkRequest r;
  r.type = "payment";
  r.qr_code = "000201010212";
  r.redirect_url = "https://shop.example.vn/paid";
  r.bank_bin = "970418";
  r.destination_bank_bin = "970436";
  r.account_name = "CONG TY A";
  r.account_number = "0071000123456";
  r.amount = 150000;
  r.content = "TT DON 1024";
  r.bill_number = "BILL-1024";
  return r;
}

TEST(TingeeDeepLinkCodec, GenerateBytes) {
  EXPECT_EQ(compact(codec::build(link())), fixture_body("deep-link-generate"));
  auto r = link();
  r.merchant_id = 77;
  r.callback_url = "https://shop.example.vn/cb";
  expect_body(
      codec::build(r),
      R"({"merchantId":77,"type":"payment","qrCode":"000201010212","redirectUrl":"https://shop.example.vn/paid",)"
      R"("callbackUrl":"https://shop.example.vn/cb","bankBin":"970418","destinationBankBin":"970436",)"
      R"("accountName":"CONG TY A","accountNumber":"0071000123456","amount":150000,"content":"TT DON 1024",)"
      R"("billNumber":"BILL-1024"})");
  r.amount.reset();
  r.content.clear();
  r.redirect_url.clear();
  r.callback_url.clear();
  r.merchant_id.reset();
  expect_body(codec::build(r),
              R"({"type":"payment","qrCode":"000201010212","bankBin":"970418","destinationBankBin":"970436",)"
              R"("accountName":"CONG TY A","accountNumber":"0071000123456","billNumber":"BILL-1024"})");
}

TEST(TingeeDeepLinkCodec, BidvTestVariantHasNoMerchantId) {
  GenerateDeepLinkBidvTestRequest t;
  static_cast<GenerateDeepLinkRequest&>(t) = link();
  EXPECT_EQ(compact(codec::build(t)), fixture_body("deep-link-generate-bidv-test"));
  t.merchant_id = 5;
  expect_invalid(codec::build(t), "merchant_id is not part of generate-bidv-test");
}

TEST(TingeeDeepLinkCodec, Validation) {
  const auto ok = link();
  auto r = ok;
  r.type.clear();
  expect_invalid(codec::build(r), "type is required");
  r = ok;
  r.qr_code.clear();
  expect_invalid(codec::build(r), "qr_code is required");
  r = ok;
  r.qr_code = std::string(513, '0');
  expect_invalid(codec::build(r), "qr_code must be at most 512 bytes");
  r = ok;
  r.bank_bin.clear();
  expect_invalid(codec::build(r), "bank_bin is required");
  r = ok;
  r.destination_bank_bin = "97043";
  expect_invalid(codec::build(r), "destination_bank_bin must be 6 digits");
  r = ok;
  r.account_name.clear();
  expect_invalid(codec::build(r), "account_name is required");
  r = ok;
  r.account_number.clear();
  expect_invalid(codec::build(r), "account_number is required");
  r = ok;
  r.bill_number.clear();
  expect_invalid(codec::build(r), "bill_number is required");
  r = ok;
  r.amount = 0;
  expect_invalid(codec::build(r), "amount must be 1..9007199254740991");
  r = ok;
  r.merchant_id = 0;
  expect_invalid(codec::build(r), "merchant_id must be > 0");
  r = ok;
  r.callback_url = "https://x\n";
  expect_invalid(codec::build(r), "callback_url must not contain control characters");
}

TEST(TingeeDeepLinkCodec, Answers) {
  auto a = codec::parse_deep_link(fixture_envelope("deep-link-generate"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->url, "https://bidv.example.vn/deeplink?token=abc");
  auto t = codec::parse_deep_link(fixture_envelope("deep-link-generate-bidv-test"));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->url, "https://bidv-test.example.vn/deeplink?token=t1");
  expect_malformed(codec::parse_deep_link(envelope_with(nullptr)).error(), "data is not a non-empty string");
  expect_malformed(codec::parse_deep_link(envelope_with(Json{{"url", "x"}})).error(), "data is not a non-empty string");
  expect_malformed(codec::parse_deep_link(envelope_with("")).error(), "data is not a non-empty string");
}

}  // namespace
