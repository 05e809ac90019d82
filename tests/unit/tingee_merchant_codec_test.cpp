// SPDX-License-Identifier: MIT
// Tingee Master-Merchant codec (merchant/create, get-paging, delete, get-paging-config,
// create-or-update-config, delete-config, config-account-business,
// delete-config-account-business): exact request bytes in the member order of the DTOs of
// Tingee's official SDK (@tingee/sdk-node 0.2.4), validation, and parsing of the fixtures plus
// malformed variants. Secrets in fixtures are placeholders.
#include <paygw/tingee/all_models.hpp>

#include "tingee/codec_merchant.hpp"
#include "tingee/codec_va.hpp"
#include "tingee_api_codec_test_support.hpp"

namespace {

using namespace paygw;
using namespace paygw::tingee;
using namespace paygw::test::tingee_codec;

MerchantCreateRequest merchant() {
  MerchantCreateRequest r;
  r.name = "Công ty A";
  r.email = "ketoan@example.vn";
  r.phone_number = "0901234567";
  r.business_sector_ids = {3, 7};
  r.full_address = "1 Lê Lợi, Q1";
  r.baas_type = "trial";
  r.password = Secret("<redacted>");
  r.require_password_change = true;
  return r;
}

AcbBusinessAccount acb() { return {"12345678", "CONG TY A", "TNG", "0901234567", "acb-user-1"}; }

TEST(TingeeMerchantCodec, CreateBytesValidationAndAnswer) {
  EXPECT_EQ(compact(codec::build(merchant())), fixture_body("merchant-create"));
  expect_body(codec::build(merchant()),
              R"({"name":"Công ty A","email":"ketoan@example.vn","phoneNumber":"0901234567","businessSectorIds":[3,7],)"
              R"("fullAddress":"1 Lê Lợi, Q1","baasType":"trial","password":"<redacted>","appType":"baas",)"
              R"("requirePasswordChange":true})");
  auto r = merchant();
  r.password = Secret();
  expect_invalid(codec::build(r), "password is required");
  r = merchant();
  r.phone_number.clear();
  expect_invalid(codec::build(r), "phone_number is required");
  r = merchant();
  r.business_sector_ids = {3, 0};
  expect_invalid(codec::build(r), "business_sector_ids must be > 0");
  r = merchant();
  r.name = "A\nB";
  expect_invalid(codec::build(r), "name must not contain control characters");
  r = merchant();
  r.id = 0;
  expect_invalid(codec::build(r), "id must be > 0");

  auto created = codec::parse_merchant_created(fixture_envelope("merchant-create"));
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->merchant_id, 123457);
  expect_malformed(codec::parse_merchant_created(envelope_with(Json::object())).error(), "data.merchantId is missing");
  expect_malformed(codec::parse_merchant_created(envelope_with(Json{{"merchantId", "x"}})).error(),
                   "data.merchantId is not a whole number >= 0");
  expect_malformed(codec::parse_merchant_created(envelope_with(5)).error(), "data is not a merchant id");
}

TEST(TingeeMerchantCodec, PagingAndDelete) {
  MerchantGetPagingRequest p;
  EXPECT_EQ(compact(codec::build(p)), fixture_body("merchant-get-paging"));
  expect_body(codec::build(MerchantGetPagingRequest{"A", "name", 5, 20}),
              R"({"filter":"A","sorting":"name","skipCount":5,"maxResultCount":20})");
  expect_invalid(codec::build(MerchantGetPagingRequest{"", "", 0, 0}), "max_result_count must be 1..1000");

  auto page = codec::parse_merchant_page(fixture_envelope("merchant-get-paging"));
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->items.size(), 1U);
  const Merchant& m = page->items[0];
  EXPECT_EQ(m.id, 123457);
  EXPECT_EQ(m.name, "Công ty A");
  EXPECT_EQ(m.business_sector_ids, (std::vector<std::int64_t>{3, 7}));
  EXPECT_EQ(m.client_id, "client-a");
  EXPECT_EQ(m.secret_token.reveal(), "<redacted>");
  ASSERT_EQ(m.event_urls.size(), 1U);
  EXPECT_EQ(m.event_urls[0].type, "shop");
  EXPECT_EQ(m.event_urls[0].ids, (std::vector<std::string>{"12"}));
  EXPECT_EQ(m.is_lock_event, false);
  ASSERT_EQ(m.packages.size(), 1U);
  EXPECT_EQ(m.packages[0].package_name, "BASIC");
  const auto item = [](Json fields) { return envelope_with(Json{{"items", Json::array({std::move(fields)})}}); };
  expect_malformed(codec::parse_merchant_page(item(Json{{"name", "A"}})).error(), "data.items[0].id is missing");
  expect_malformed(codec::parse_merchant_page(item(Json{{"id", 1}})).error(), "data.items[0].name is missing");
  expect_malformed(
      codec::parse_merchant_page(item(Json{{"id", 1}, {"name", "A"}, {"businessSectorIds", Json::array({-1})}}))
          .error(),
      "data.items[0].businessSectorIds[0] is not a whole number >= 0");
  expect_malformed(
      codec::parse_merchant_page(
          item(Json{
              {"id", 1}, {"name", "A"}, {"eventUrls", Json::array({Json{{"url", "u"}, {"ids", Json::array({1})}}})}}))
          .error(),
      "data.items[0].eventUrls[0].ids is not a list of strings");
  expect_malformed(codec::parse_merchant_page(item(Json{{"id", 1}, {"name", "A"}, {"merchantPackages", "x"}})).error(),
                   "data.items[0].merchantPackages is not a list");

  auto q = codec::build_query(MerchantDeleteRequest{123457});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ("/v1/merchant/delete" + *q, fixture_path_of("merchant-delete"));
  expect_invalid_query(codec::build_query(MerchantDeleteRequest{0}), "merchant_id must be > 0");
  EXPECT_TRUE(codec::parse_ack(fixture_envelope("merchant-delete")).ok());
}

TEST(TingeeMerchantCodec, BankConfigs) {
  MerchantGetPagingConfigRequest p;
  p.account_type = AccountType::kBusiness;
  p.merchant_id = 123457;
  EXPECT_EQ(compact(codec::build(p)), fixture_body("merchant-get-paging-config"));
  p.bank_bin = "9704";
  expect_invalid(codec::build(p), "bank_bin must be 6 digits");
  auto page = codec::parse_merchant_bank_config_page(fixture_envelope("merchant-get-paging-config"));
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->items.size(), 1U);
  EXPECT_EQ(page->items[0].id, 88);
  EXPECT_EQ(page->items[0].bank_name, "BIDV");
  EXPECT_EQ(page->items[0].merchant_id, 123457);
  expect_malformed(
      codec::parse_merchant_bank_config_page(envelope_with(Json{{"items", Json::array({Json{{"bankBin", "1"}}})}}))
          .error(),
      "data.items[0].id is missing");

  MerchantCreateOrUpdateConfigRequest c;
  c.bidv = BidvConfig{"TNG", "P-01", "2101234567", "CONG TY A"};
  c.account_type = AccountType::kBusiness;
  c.bank_bin = "970418";
  c.merchant_id = 123457;
  EXPECT_EQ(compact(codec::build(c)), fixture_body("merchant-create-or-update-config"));

  MerchantCreateOrUpdateConfigRequest vib;
  VibConfig v;
  v.va_prefix = "V";
  v.public_key = UploadedFile{"f1", "/keys/pub.pem"};
  v.basic_auth_token = Secret("<token>");
  v.cif = "C1";
  v.client_id = "cid";
  v.client_secret = Secret("<secret>");
  v.account_number = "1";
  v.va_characters_number = 8;
  vib.vib = v;
  vib.ctg = CtgConfig{"2", "B", "T"};
  vib.acb = acb();
  vib.vcb = VcbBusinessAccount{"3", "C", "m", "t"};
  vib.msb = MsbBusinessAccount{"4", "P", "0901", "m", "t", Secret("<ac>"), "r"};
  vib.id = 9;
  vib.otp_number = "123456";
  vib.confirm_id = "CF";
  expect_body(
      codec::build(vib),
      R"({"vibConfigDto":{"vaPrefix":"V","pathPublicKey":{"fileLogId":"f1","path":"/keys/pub.pem"},)"
      R"("basicAuthToken":"<token>","cif":"C1","clientId":"cid","clientSecret":"<secret>","accountNumber":"1",)"
      R"("vaCharactersNumber":8},"ctgConfigDto":{"accountNumber":"2","accountName":"B","vaPrefix":"T"},)"
      R"("acbConfigDto":{"accountNumber":"12345678","accountName":"CONG TY A","vaPrefix":"TNG",)"
      R"("mobile":"0901234567","acbUserId":"acb-user-1"},"vcbConfigDto":{"accountNumber":"3","accountName":"C",)"
      R"("merchantId":"m","terminalId":"t"},"msbConfigDto":{"accountNumber":"4","vaPrefix":"P","mobile":"0901",)"
      R"("merchantId":"m","terminalId":"t","accessCode":"<ac>","referralCode":"r"},)"
      R"("accountType":"personal-account","id":9,"otpNumber":"123456","confirmId":"CF"})");
  auto bad = vib;
  bad.vib->client_secret = Secret();
  expect_invalid(codec::build(bad), "vib.client_secret is required");
  bad = vib;
  bad.vib->va_characters_number = 0;
  expect_invalid(codec::build(bad), "vib.va_characters_number must be 1..64");
  bad = vib;
  bad.vib->public_key->path.clear();
  expect_invalid(codec::build(bad), "vib.public_key.path is required");
  bad = vib;
  bad.bidv = BidvConfig{"TNG", "", "1", "A"};
  expect_invalid(codec::build(bad), "bidv.bank_partner_id is required");

  auto id = codec::parse_config_id(fixture_envelope("merchant-create-or-update-config"));
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(id->id, 88);
  expect_malformed(codec::parse_config_id(envelope_with("x")).error(), "data is not a whole number >= 0");
  expect_malformed(codec::parse_config_id(envelope_with(nullptr)).error(), "data is not a whole number >= 0");

  MerchantDeleteConfigRequest d;
  d.id = 88;
  d.merchant_id = 123457;
  EXPECT_EQ(compact(codec::build(d)), fixture_body("merchant-delete-config"));
  d.otp_number = "1";
  d.confirm_id = "C";
  expect_body(codec::build(d), R"({"otpNumber":"1","confirmId":"C","id":88,"merchantId":123457})");
  d.id = 0;
  expect_invalid(codec::build(d), "id must be > 0");
  EXPECT_EQ(codec::parse_config_id(fixture_envelope("merchant-delete-config"))->id, 88);
}

TEST(TingeeMerchantCodec, BusinessAccounts) {
  MerchantConfigAccountBusinessRequest r;
  r.bank_name = "ACB";
  r.account_number = "12345678";
  r.account_name = "CONG TY A";
  r.mobile = "0901234567";
  r.va_prefix = "TNG";
  r.acb_user_id = "acb-user-1";
  EXPECT_EQ(compact(codec::build(r)), fixture_body("merchant-config-account-business"));
  r.acb_user_id.clear();
  expect_invalid(codec::build(r), "acb_user_id is required");
  auto session = codec::parse_otp_session(fixture_envelope("merchant-config-account-business"));
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(session->confirm_id, "CFG-77");

  MerchantDeleteConfigAccountBusinessRequest d;
  d.config_remove = acb();
  d.bank_name = "ACB";
  EXPECT_EQ(compact(codec::build(d)), fixture_body("merchant-delete-config-account-business"));
  d.config_remove.mobile.clear();
  expect_invalid(codec::build(d), "config_remove.mobile is required");

  auto done = codec::parse_business_unlink(fixture_envelope("merchant-delete-config-account-business", 0));
  ASSERT_TRUE(done.ok());
  EXPECT_TRUE(done->confirm_id.empty());
  auto otp = codec::parse_business_unlink(fixture_envelope("merchant-delete-config-account-business", 1));
  ASSERT_TRUE(otp.ok());
  EXPECT_EQ(otp->confirm_id, "DCB-9");
  auto refused = codec::parse_business_unlink(envelope_with(false));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kProvider);
  expect_malformed(codec::parse_business_unlink(envelope_with(3)).error(), "data is not an object");
}

}  // namespace
