// SPDX-License-Identifier: MIT
// Tingee shop codec (shop/create-or-update, shop/get-paging): exact request bytes in the member
// order of OpenApiCreateOrUpdateShopDto / OpenApiGetShopPagedInputDto (Tingee's official SDK,
// @tingee/sdk-node 0.2.4), validation, and parsing of the fixtures plus malformed variants.
#include <paygw/tingee/all_models.hpp>

#include "tingee/codec_shop.hpp"
#include "tingee_api_codec_test_support.hpp"

namespace {

using namespace paygw;
using namespace paygw::tingee;
using namespace paygw::test::tingee_codec;

CreateOrUpdateShopRequest shop() {
  CreateOrUpdateShopRequest r;
  r.name = "Cửa hàng Quận 1";
  r.phone_number = "0901234567";
  r.full_address = "1 Lê Lợi, Bến Nghé, Quận 1, TP.HCM";
  NotifyPlatforms n;
  n.telegram_chat_ids = {-1001234567890};
  n.zalo = {{"group", "Thu ngân"}};
  n.tingee_boxes = {{"tingee-box-3ls", "DEVICE-001"}};
  r.notify = n;
  return r;
}

TEST(TingeeShopCodec, CreateOrUpdateBytes) {
  EXPECT_EQ(compact(codec::build(shop())), fixture_body("shop-create-or-update"));
  expect_body(
      codec::build(shop()),
      R"({"name":"Cửa hàng Quận 1","phoneNumber":"0901234567","fullAddress":"1 Lê Lợi, Bến Nghé, Quận 1, TP.HCM",)"
      R"("sendNotifyPlatformDto":{"telegramDtos":[{"chatId":-1001234567890}],"larkDtos":[],)"
      R"("zaloDtos":[{"type":"group","name":"Thu ngân"}],"tingeeBoxDtos":[{"type":"tingee-box-3ls","uuid":"DEVICE-001"}]},)"
      R"("isActive":true})");
  CreateOrUpdateShopRequest all;
  all.id = 12;
  all.name = "S";
  all.email = "s@example.vn";
  all.phone_number = "0901";
  all.province_id = "79";
  all.district_id = "760";
  all.commune_id = "26734";
  all.address = "1 Lê Lợi";
  all.full_address = "1 Lê Lợi, Q1";
  all.notify = NotifyPlatforms{{}, {"https://open.larksuite.com/hook/1"}, {}, {}};
  all.is_active = false;
  all.status = "linkedVa";
  all.user_referral_ancestor_ids = "1,2";
  all.user_referral_level = 0;
  all.device_distributor_ancestor_map = "{}";
  all.merchant_id = 3;
  expect_body(codec::build(all),
              R"({"id":12,"name":"S","email":"s@example.vn","phoneNumber":"0901","provinceId":"79","districtId":"760",)"
              R"("communeId":"26734","address":"1 Lê Lợi","fullAddress":"1 Lê Lợi, Q1","sendNotifyPlatformDto":)"
              R"({"telegramDtos":[],"larkDtos":[{"urlWebhook":"https://open.larksuite.com/hook/1"}],"zaloDtos":[],)"
              R"("tingeeBoxDtos":[]},"isActive":false,"status":"linkedVa","userReferralAncestorIds":"1,2",)"
              R"("userReferralLevel":0,"deviceDistributorAncestorMap":"{}","merchantId":3})");
}

TEST(TingeeShopCodec, CreateOrUpdateValidation) {
  auto r = shop();
  r.name.clear();
  expect_invalid(codec::build(r), "name is required");
  r = shop();
  r.id = 0;
  expect_invalid(codec::build(r), "id must be > 0");
  r = shop();
  r.notify->telegram_chat_ids = {0};
  expect_invalid(codec::build(r), "notify.telegram_chat_ids must not contain 0");
  r = shop();
  r.notify->zalo = {{"phone", "0901"}};
  expect_invalid(codec::build(r), "notify.zalo type must be \"phone-number\" or \"group\"");
  r = shop();
  r.notify->tingee_boxes = {{"tingee-box-3ls", ""}};
  expect_invalid(codec::build(r), "notify.tingee_boxes uuid is required");
  r = shop();
  r.notify->lark_webhook_urls = {""};
  expect_invalid(codec::build(r), "notify.lark_webhook_urls element is required");
  r = shop();
  r.user_referral_level = -1;
  expect_invalid(codec::build(r), "user_referral_level must be >= 0");
  r = shop();
  r.full_address = std::string(2049, 'a');
  expect_invalid(codec::build(r), "full_address must be at most 2048 bytes");
  r = shop();
  r.email = "a\x1b@x";
  expect_invalid(codec::build(r), "email must not contain control characters");
}

TEST(TingeeShopCodec, CreateOrUpdateAnswer) {
  auto saved = codec::parse_shop_saved(fixture_envelope("shop-create-or-update"));
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->shop_id, 12);
  expect_malformed(codec::parse_shop_saved(envelope_with(Json::object())).error(), "data.shopId is missing");
  expect_malformed(codec::parse_shop_saved(envelope_with(Json{{"shopId", 0}})).error(), "data.shopId is missing");
  expect_malformed(codec::parse_shop_saved(envelope_with(Json{{"shopId", "12x"}})).error(),
                   "data.shopId is not a whole number >= 0");
  expect_malformed(codec::parse_shop_saved(envelope_with(12)).error(), "data is not a create-or-update answer");
}

TEST(TingeeShopCodec, GetPagingBytesValidationAndAnswer) {
  GetShopPagingRequest r;
  EXPECT_EQ(compact(codec::build(r)), fixture_body("shop-get-paging"));
  expect_body(codec::build(r), R"({"skipCount":0,"maxResultCount":10})");
  expect_body(codec::build(GetShopPagingRequest{"Q1", "name", 10, 50, 9}),
              R"({"filter":"Q1","sorting":"name","skipCount":10,"maxResultCount":50,"merchantId":9})");
  expect_invalid(codec::build(GetShopPagingRequest{"", "", -1, 10, std::nullopt}), "skip_count must be >= 0");
  expect_invalid(codec::build(GetShopPagingRequest{"", "", 0, 1001, std::nullopt}), "max_result_count must be 1..1000");
  expect_invalid(codec::build(GetShopPagingRequest{"", "", 0, 10, 0}), "merchant_id must be > 0");

  auto page = codec::parse_shop_page(fixture_envelope("shop-get-paging"));
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->total_count, 2);
  ASSERT_EQ(page->items.size(), 2U);
  EXPECT_EQ(page->items[0].id, 12);
  EXPECT_EQ(page->items[0].is_active, true);
  EXPECT_EQ(page->items[0].name, "Cửa hàng Quận 1");
  EXPECT_EQ(page->items[1].is_active, false);
  expect_malformed(codec::parse_shop_page(envelope_with(Json{{"items", Json::array({Json{{"name", "x"}}})}})).error(),
                   "data.items[0].id is missing");
  expect_malformed(
      codec::parse_shop_page(envelope_with(Json{{"items", Json::array({Json{{"id", 1}, {"isActive", 1}}})}})).error(),
      "data.items[0].isActive is not a boolean");
}

}  // namespace
