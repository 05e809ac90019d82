// SPDX-License-Identifier: MIT
// Tingee virtual-account codec (create-va, create-va-advanced, confirm-va, delete-va,
// confirm-delete-va, register-notify, confirm-register-notify, get-va-paging): request bodies as
// exact bytes in the member order of the DTOs of Tingee's official SDK (@tingee/sdk-node 0.2.4,
// src/types/generated.ts), every validation rule, and parsing of the fixtures under
// tests/fixtures/tingee plus malformed variants. Expected bytes are written by hand from those
// DTOs, never taken from the code under test.
#include <paygw/tingee/all_models.hpp>

#include "tingee/codec_va.hpp"
#include "tingee_api_codec_test_support.hpp"

namespace {

using namespace paygw;
using namespace paygw::tingee;
using namespace paygw::test::tingee_codec;

CreateVaRequest bidv_personal() {
  CreateVaRequest r;
  r.account_type = AccountType::kPersonal;
  r.account_number = "2101234567";
  r.account_name = "NGUYEN VAN A";
  r.identity = "001090012345";
  r.mobile = "0901234567";
  r.shop_id = 12;
  r.bank_bin = "970418";
  return r;
}

// --------------------------------------------------------------------------------------------
// create-va / create-va-advanced

TEST(TingeeVaCodec, CreateVaMinimalBytesMatchTheFixture) {
  expect_body(codec::build(bidv_personal()),
              R"({"accountType":"personal-account","accountNumber":"2101234567","accountName":"NGUYEN VAN A",)"
              R"("identity":"001090012345","mobile":"0901234567","shopId":12,"appType":"baas","bankBin":"970418"})");
  EXPECT_EQ(compact(codec::build(bidv_personal())), fixture_body("create-va"));
}

TEST(TingeeVaCodec, CreateVaEveryFieldInDtoOrder) {
  CreateVaRequest r;
  r.name = "VA quay 1";
  r.cash_flow_source = "bank-transfer";
  r.account_type = AccountType::kBusinessHousehold;
  r.account_number = "123";
  r.account_name = "HKD A";
  r.identity = "0010";
  r.mobile = "0912345678";
  r.master_merchant_id = 7;
  r.shop_id = 8;
  r.va_prefix = "TNG";
  r.va_suffix = "01";
  r.merchant_name = "Cửa hàng A";
  r.merchant_address = "1 Lê Lợi, Q1";
  r.service_id = 9;
  r.is_create_non_otp = false;
  r.code = "C1";
  r.tax_code = "0101234567";
  r.softpos_user_name = "su";
  r.softpos_developer_id = "sd";
  r.softpos_tid = "st";
  r.softpos_mid = "sm";
  r.authorization_code = "ac";
  r.session_login = "sl";
  r.is_notify_account_number = true;
  r.app_type = "tingee-web";
  r.link_type = "api-exact";
  r.va_account_number = "TNG1";
  r.acb_user_id = "acb";
  r.request_id = "REQ-1";
  r.bank_bin = "970416";
  r.bank_name = "ACB";
  r.merchant_id = 10;
  r.redirect_url = "https://shop.example.vn/done";
  r.webhook_url = "https://shop.example.vn/hook";
  expect_body(codec::build(r),
              R"({"name":"VA quay 1","cashFlowSource":"bank-transfer","accountType":"business-household-account",)"
              R"("accountNumber":"123","accountName":"HKD A","identity":"0010","mobile":"0912345678",)"
              R"("masterMerchantId":7,"shopId":8,"vaPrefix":"TNG","vaSuffix":"01","merchantName":"Cửa hàng A",)"
              R"("merchantAddress":"1 Lê Lợi, Q1","serviceId":9,"isCreateNonOtp":false,"code":"C1",)"
              R"("taxCode":"0101234567","softposUserName":"su","softposDeveloperId":"sd","softposTid":"st",)"
              R"("softposMid":"sm","authorizationCode":"ac","sessionLogin":"sl","isNotifyAccountNumber":true,)"
              R"("appType":"tingee-web","linkType":"api-exact","vaAccountNumber":"TNG1","acbUserId":"acb",)"
              R"("requestId":"REQ-1","bankBin":"970416","bankName":"ACB","merchantId":10,)"
              R"("redirectUrl":"https://shop.example.vn/done","webhookUrl":"https://shop.example.vn/hook"})");
  r.account_type = AccountType::kBusiness;
  EXPECT_NE(compact(codec::build(r)).find(R"("accountType":"business-account")"), std::string::npos);
}

TEST(TingeeVaCodec, CreateVaAdvancedTakesTheSameDto) {
  CreateVaAdvancedRequest r;
  static_cast<CreateVaRequest&>(r) = bidv_personal();
  r.bank_bin = "970423";
  r.redirect_url = "https://shop.example.vn/linked";
  EXPECT_EQ(compact(codec::build(r)), fixture_body("create-va-advanced"));
  expect_body(codec::build(r),
              R"({"accountType":"personal-account","accountNumber":"2101234567","accountName":"NGUYEN VAN A",)"
              R"("identity":"001090012345","mobile":"0901234567","shopId":12,"appType":"baas","bankBin":"970423",)"
              R"("redirectUrl":"https://shop.example.vn/linked"})");
}

TEST(TingeeVaCodec, CreateVaValidation) {
  const CreateVaRequest ok = bidv_personal();
  auto r = ok;
  r.bank_bin.clear();
  expect_invalid(codec::build(r), "bank_bin or bank_name is required");
  r = ok;
  r.bank_bin = "97041";
  expect_invalid(codec::build(r), "bank_bin must be 6 digits");
  r = ok;
  r.bank_name = "BI DV";
  expect_invalid(codec::build(r), "bank_name must be a BankNameEnum value (ASCII letters)");
  for (const char* mobile : {"84901234567", "090123", "090123456789", "09O1234567"}) {
    r = ok;
    r.mobile = mobile;
    expect_invalid(codec::build(r), "mobile must be 9..11 digits starting with 0");
  }
  r = ok;
  r.app_type.clear();
  expect_invalid(codec::build(r), "app_type is required");
  r = ok;
  r.account_name = "A\nB";
  expect_invalid(codec::build(r), "account_name must not contain control characters");
  r = ok;
  r.account_number = std::string(257, '1');
  expect_invalid(codec::build(r), "account_number must be at most 256 bytes");
  r = ok;
  r.webhook_url = "https://x/" + std::string(2048, 'a');
  expect_invalid(codec::build(r), "webhook_url must be at most 2048 bytes");
  r = ok;
  r.shop_id = 0;
  expect_invalid(codec::build(r), "shop_id must be > 0");
  r = ok;
  r.merchant_id = -1;
  expect_invalid(codec::build(r), "merchant_id must be > 0");
  r = ok;
  r.master_merchant_id = 0;
  expect_invalid(codec::build(r), "master_merchant_id must be > 0");
  r = ok;
  r.service_id = 0;
  expect_invalid(codec::build(r), "service_id must be > 0");
  r = ok;
  r.request_id = std::string("R\x7f");
  expect_invalid(codec::build(r), "request_id must not contain control characters");
}

TEST(TingeeVaCodec, CreateVaAnswersObjectArrayAndMalformed) {
  auto otp = codec::parse_create_va(fixture_envelope("create-va", 0));
  ASSERT_TRUE(otp.ok()) << otp.error().message;
  EXPECT_EQ(otp->confirm_id, "CF-7f3a9c");
  EXPECT_EQ(otp->otp_method, "SMSTTT");
  EXPECT_EQ(otp->bank_name, "BIDV");
  EXPECT_EQ(otp->merchant_account_number_id, 5501);
  EXPECT_EQ(otp->shop_id, 12);
  EXPECT_EQ(otp->status, "inactive");
  EXPECT_EQ(otp->va_account_number, "TNG60716171228");
  EXPECT_EQ(otp->message, "Success");

  auto vcb = codec::parse_create_va(fixture_envelope("create-va", 1));
  ASSERT_TRUE(vcb.ok()) << vcb.error().message;
  EXPECT_EQ(vcb->confirm_id, "CF-vcb-01");
  EXPECT_EQ(vcb->deep_link, "vcbpartner://link?token=abc");
  EXPECT_FALSE(vcb->shop_id.has_value());

  auto tpb = codec::parse_create_va(fixture_envelope("create-va-advanced"));
  ASSERT_TRUE(tpb.ok()) << tpb.error().message;
  EXPECT_EQ(tpb->authorize_link, "https://bank.example.vn/authorize?s=77");
  EXPECT_TRUE(tpb->confirm_id.empty());

  auto refused = codec::parse_envelope(fixture_response("create-va", 2));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kProvider);
  EXPECT_EQ(refused.error().provider_code, "1010");

  expect_malformed(codec::parse_create_va(envelope_with(nullptr)).error(),
                   "data is not a create-va answer (an object or a list of one)");
  expect_malformed(codec::parse_create_va(envelope_with(Json::array())).error(),
                   "data is not a create-va answer (an object or a list of one)");
  expect_malformed(codec::parse_create_va(envelope_with(Json{{"status", "inactive"}})).error(),
                   "data has none of confirmId, authorizeLink, deepLink, vaAccountNumber");
  expect_malformed(codec::parse_create_va(envelope_with(Json{{"confirmId", true}})).error(),
                   "data.confirmId is not a string");
  expect_malformed(codec::parse_create_va(envelope_with(Json{{"confirmId", "c"}, {"shopId", -3}})).error(),
                   "data.shopId is not a whole number >= 0");
  expect_malformed(codec::parse_create_va(envelope_with(Json::array({Json{{"deepLink", 5.5}}}))).error(),
                   "data[0].deepLink is not a string");
}

// --------------------------------------------------------------------------------------------
// confirm-va, confirm-delete-va, confirm-register-notify (OpenApiBankConfirmVAInputDto)

TEST(TingeeVaCodec, ConfirmationsBytes) {
  ConfirmVaRequest r;
  r.confirm_id = "CF-7f3a9c";
  r.otp_number = "123456";
  r.bank_bin = "970418";
  expect_body(codec::build(r), R"({"confirmId":"CF-7f3a9c","otpNumber":"123456","bankBin":"970418"})");
  EXPECT_EQ(compact(codec::build(r)), fixture_body("confirm-va"));
  r.merchant_id = 5;
  r.bank_name = "BIDV";
  expect_body(codec::build(r),
              R"({"merchantId":5,"confirmId":"CF-7f3a9c","otpNumber":"123456","bankName":"BIDV","bankBin":"970418"})");

  ConfirmDeleteVaRequest d;
  d.confirm_id = "DEL-0042";
  d.otp_number = "654321";
  d.bank_bin = "970418";
  EXPECT_EQ(compact(codec::build(d)), fixture_body("confirm-delete-va"));
  expect_body(codec::build(d), R"({"confirmId":"DEL-0042","otpNumber":"654321","bankBin":"970418"})");

  ConfirmRegisterNotifyRequest n;
  n.confirm_id = "RN-0007";
  n.otp_number = "112233";
  n.bank_bin = "970416";
  EXPECT_EQ(compact(codec::build(n)), fixture_body("confirm-register-notify"));
  n.otp_number.clear();  // a link-confirmed session carries no OTP
  expect_body(codec::build(n), R"({"confirmId":"RN-0007","bankBin":"970416"})");
}

TEST(TingeeVaCodec, ConfirmationValidation) {
  ConfirmVaRequest ok;
  ok.confirm_id = "C";
  ok.otp_number = "1";
  ok.bank_bin = "970418";
  auto r = ok;
  r.confirm_id.clear();
  expect_invalid(codec::build(r), "confirm_id is required");
  r = ok;
  r.bank_bin.clear();
  expect_invalid(codec::build(r), "bank_bin is required");
  r = ok;
  r.bank_bin = "9704180";
  expect_invalid(codec::build(r), "bank_bin must be 6 digits");
  r = ok;
  r.otp_number = "12\r\n";
  expect_invalid(codec::build(r), "otp_number must not contain control characters");
  r = ok;
  r.merchant_id = 0;
  expect_invalid(codec::build(r), "merchant_id must be > 0");
  ConfirmDeleteVaRequest d;
  d.bank_bin = "970418";
  expect_invalid(codec::build(d), "confirm_id is required");
}

TEST(TingeeVaCodec, ConfirmVaAnswer) {
  auto c = codec::parse_confirm_va(fixture_envelope("confirm-va"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->account_type, "personal-account");
  EXPECT_EQ(c->bank_name, "BIDV");
  EXPECT_EQ(c->account_number, "2101234567");
  EXPECT_EQ(c->va_account_number, "TNG60716171228");
  EXPECT_EQ(c->shop_id, 12);
  auto wrong_otp = codec::parse_envelope(fixture_response("confirm-va", 1));
  ASSERT_FALSE(wrong_otp.ok());
  EXPECT_EQ(wrong_otp.error().provider_code, "1021");

  expect_malformed(codec::parse_confirm_va(envelope_with(nullptr)).error(), "data is not a confirm-va answer");
  expect_malformed(codec::parse_confirm_va(envelope_with(Json{{"accountNumber", "1"}})).error(),
                   "data.vaAccountNumber is missing");
  expect_malformed(
      codec::parse_confirm_va(envelope_with(Json{{"accountNumber", "1"}, {"vaAccountNumber", Json::array()}})).error(),
      "data.vaAccountNumber is not a string");
  expect_malformed(
      codec::parse_confirm_va(envelope_with(Json{{"accountNumber", "1"}, {"vaAccountNumber", "V"}, {"shopId", "12a"}}))
          .error(),
      "data.shopId is not a whole number >= 0");
  auto ack = codec::parse_ack(fixture_envelope("confirm-delete-va"));
  ASSERT_TRUE(ack.ok());
  EXPECT_EQ(ack->message, "Success");
}

// --------------------------------------------------------------------------------------------
// delete-va (query string), register-notify, OtpSession answers

TEST(TingeeVaCodec, DeleteVaQueryAndValidation) {
  DeleteVaRequest r{"970418", "TNG60716171228", std::nullopt};
  auto q = codec::build_query(r);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(*q, "?bankBin=970418&vaAccountNumber=TNG60716171228");
  EXPECT_EQ("/v1/delete-va" + *q, fixture_path_of("delete-va"));
  r.merchant_id = 42;
  r.va_account_number = "TNG 1&x";
  EXPECT_EQ(*codec::build_query(r), "?bankBin=970418&vaAccountNumber=TNG%201%26x&merchantId=42");

  auto bad = [](DeleteVaRequest d, const std::string& message) {
    expect_invalid_query(codec::build_query(d), message);
  };
  bad({"", "V", std::nullopt}, "bank_bin is required");
  bad({"BIDV", "V", std::nullopt}, "bank_bin must be 6 digits");
  bad({"970418", "", std::nullopt}, "va_account_number is required");
  bad({"970418", "V\t", std::nullopt}, "va_account_number must not contain control characters");
  bad({"970418", "V", 0}, "merchant_id must be > 0");
}

TEST(TingeeVaCodec, RegisterNotifyBytesAndValidation) {
  RegisterNotifyRequest r{std::nullopt, "TNG60716171300", "970416", ""};
  EXPECT_EQ(compact(codec::build(r)), fixture_body("register-notify"));
  expect_body(codec::build(r), R"({"vaAccountNumber":"TNG60716171300","bankBin":"970416"})");
  RegisterNotifyRequest named{3, "TNG1", "", "ACB"};
  expect_body(codec::build(named), R"({"merchantId":3,"vaAccountNumber":"TNG1","bankName":"ACB"})");
  expect_invalid(codec::build(RegisterNotifyRequest{std::nullopt, "", "970416", ""}), "va_account_number is required");
  expect_invalid(codec::build(RegisterNotifyRequest{std::nullopt, "V", "", ""}), "bank_bin or bank_name is required");
}

TEST(TingeeVaCodec, OtpSessionAnswers) {
  auto del = codec::parse_otp_session(fixture_envelope("delete-va", 0));
  ASSERT_TRUE(del.ok());
  EXPECT_EQ(del->confirm_id, "DEL-0042");
  auto vcb = codec::parse_otp_session(fixture_envelope("delete-va", 1));
  ASSERT_TRUE(vcb.ok());
  EXPECT_TRUE(vcb->confirm_id.empty());
  EXPECT_TRUE(vcb->authorize_link.empty());
  auto reg = codec::parse_otp_session(fixture_envelope("register-notify"));
  ASSERT_TRUE(reg.ok());
  EXPECT_EQ(reg->confirm_id, "RN-0007");
  auto none = codec::parse_otp_session(fixture_envelope("confirm-register-notify"));
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->message, "Success");
  expect_malformed(codec::parse_otp_session(envelope_with("CF-1")).error(), "data is not an object");
  expect_malformed(codec::parse_otp_session(envelope_with(Json{{"confirmId", Json::object()}})).error(),
                   "data.confirmId is not a string");
}

// --------------------------------------------------------------------------------------------
// get-va-paging

TEST(TingeeVaCodec, GetVaPagingBytes) {
  GetVaPagingRequest r;
  r.max_result_count = 20;
  r.bank_bin = "970418";
  EXPECT_EQ(compact(codec::build(r)), fixture_body("get-va-paging"));
  expect_body(codec::build(r), R"({"skipCount":0,"maxResultCount":20,"bankBin":"970418"})");
  GetVaPagingRequest all;
  all.filter = "NGUYEN";
  all.sorting = "creationTime desc";
  all.skip_count = 40;
  all.max_result_count = 1000;
  all.start_time = "20260701000000";
  all.end_time = "20260716235959";
  all.merchant_id = 1;
  all.shop_id = 2;
  all.account_type = AccountType::kBusiness;
  all.agent_id = 3;
  all.data_access = "referral-only";
  all.bank_bin = "970436";
  all.bank_name = "VCB";
  expect_body(codec::build(all),
              R"({"filter":"NGUYEN","sorting":"creationTime desc","skipCount":40,"maxResultCount":1000,)"
              R"("startTime":"20260701000000","endTime":"20260716235959","merchantId":1,"shopId":2,)"
              R"("accountType":"business-account","agentId":3,"dataAccess":"referral-only","bankBin":"970436",)"
              R"("bankName":"VCB"})");
}

TEST(TingeeVaCodec, GetVaPagingValidation) {
  const GetVaPagingRequest ok;
  auto r = ok;
  r.skip_count = -1;
  expect_invalid(codec::build(r), "skip_count must be >= 0");
  for (std::int64_t n : {0, 1001}) {
    r = ok;
    r.max_result_count = n;
    expect_invalid(codec::build(r), "max_result_count must be 1..1000");
  }
  r = ok;
  r.start_time = "20260230000000";  // no 30 February
  expect_invalid(codec::build(r), "start_time must be yyyyMMddHHmmss (UTC+7)");
  r = ok;
  r.end_time = "2026-07-16";
  expect_invalid(codec::build(r), "end_time must be yyyyMMddHHmmss (UTC+7)");
  r = ok;
  r.start_time = "20260716000001";
  r.end_time = "20260716000000";
  expect_invalid(codec::build(r), "start_time must not be after end_time");
  r = ok;
  r.agent_id = 0;
  expect_invalid(codec::build(r), "agent_id must be > 0");
  r = ok;
  r.filter = std::string("a\0b", 3);
  expect_invalid(codec::build(r), "filter must not contain control characters");
}

TEST(TingeeVaCodec, VaPageAnswerAndMalformed) {
  auto page = codec::parse_va_page(fixture_envelope("get-va-paging"));
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->total_count, 2);
  ASSERT_EQ(page->items.size(), 2U);
  EXPECT_EQ(page->items[0].va_account_number, "TNG60716171228");
  EXPECT_EQ(page->items[0].account_name, "NGUYEN VAN A");
  EXPECT_EQ(page->items[0].status, "active");
  EXPECT_EQ(page->items[0].creation_time, "2026-07-16T17:12:28.000Z");
  EXPECT_EQ(page->items[1].account_type, "business-account");
  EXPECT_TRUE(page->items[1].va_account_number.empty());
  EXPECT_EQ(page->items[1].shop_id, 13);

  expect_malformed(codec::parse_va_page(envelope_with(nullptr)).error(), "data is not a page of virtual accounts");
  expect_malformed(codec::parse_va_page(envelope_with(Json::object())).error(), "data.items is missing");
  expect_malformed(codec::parse_va_page(envelope_with(Json{{"items", "x"}})).error(), "data.items is not a list");
  expect_malformed(codec::parse_va_page(envelope_with(Json{{"items", Json::array({1})}})).error(),
                   "data.items[0] is not an object");
  expect_malformed(
      codec::parse_va_page(envelope_with(Json{{"items", Json::array({Json{{"bankName", "BIDV"}}})}})).error(),
      "data.items[0].accountNumber is missing");
  expect_malformed(codec::parse_va_page(envelope_with(Json{{"items", Json::array()}, {"totalCount", -1}})).error(),
                   "data.totalCount is not a whole number >= 0");
  auto empty = codec::parse_va_page(envelope_with(Json{{"items", Json::array()}}));
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->total_count.has_value());
}

}  // namespace
