// SPDX-License-Identifier: MIT
#include "tingee/codec_shop.hpp"

#include "tingee/codec_api_support.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace paygw::tingee::detail {
namespace json = paygw::detail::json;
using api::kMaxLongText;
using api::Reader;
using support::malformed;
using support::Validator;

namespace {

void validate_notify(Validator& v, const NotifyPlatforms& n) {
  v.require(
      std::none_of(n.telegram_chat_ids.begin(), n.telegram_chat_ids.end(), [](std::int64_t id) { return id == 0; }),
      "notify.telegram_chat_ids must not contain 0");
  api::texts(v, "notify.lark_webhook_urls", n.lark_webhook_urls, kMaxLongText);
  for (const auto& z : n.zalo) {
    v.require(z.type == "phone-number" || z.type == "group", R"(notify.zalo type must be "phone-number" or "group")");
    api::text(v, "notify.zalo name", z.name, true);
  }
  for (const auto& box : n.tingee_boxes) {
    api::text(v, "notify.tingee_boxes type", box.type, true);
    api::text(v, "notify.tingee_boxes uuid", box.uuid, true);
  }
}

Json notify_json(const NotifyPlatforms& n) {
  Json telegram = Json::array();
  for (std::int64_t id : n.telegram_chat_ids) telegram.push_back(Json{{"chatId", id}});
  Json lark = Json::array();
  for (const auto& url : n.lark_webhook_urls) lark.push_back(Json{{"urlWebhook", url}});
  Json zalo = Json::array();
  for (const auto& z : n.zalo) zalo.push_back(Json{{"type", z.type}, {"name", z.name}});
  Json boxes = Json::array();
  for (const auto& box : n.tingee_boxes) boxes.push_back(Json{{"type", box.type}, {"uuid", box.uuid}});
  Json o = Json::object();
  o["telegramDtos"] = std::move(telegram);
  o["larkDtos"] = std::move(lark);
  o["zaloDtos"] = std::move(zalo);
  o["tingeeBoxDtos"] = std::move(boxes);
  return o;
}

}  // namespace

Result<Json> build(const CreateOrUpdateShopRequest& r) {
  Validator v;
  v.require(support::valid_id(r.id), "id must be > 0");
  api::text(v, "name", r.name, true);
  api::text(v, "email", r.email, false);
  api::text(v, "phone_number", r.phone_number, false);
  api::text(v, "province_id", r.province_id, false);
  api::text(v, "district_id", r.district_id, false);
  api::text(v, "commune_id", r.commune_id, false);
  api::text(v, "address", r.address, false, kMaxLongText);
  api::text(v, "full_address", r.full_address, false, kMaxLongText);
  if (r.notify) validate_notify(v, *r.notify);
  api::text(v, "status", r.status, false);
  api::text(v, "user_referral_ancestor_ids", r.user_referral_ancestor_ids, false, kMaxLongText);
  v.require(!r.user_referral_level || *r.user_referral_level >= 0, "user_referral_level must be >= 0");
  api::text(v, "device_distributor_ancestor_map", r.device_distributor_ancestor_map, false, kMaxLongText);
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_int(o, "id", r.id);
  o["name"] = r.name;
  json::put_string(o, "email", r.email);
  json::put_string(o, "phoneNumber", r.phone_number);
  json::put_string(o, "provinceId", r.province_id);
  json::put_string(o, "districtId", r.district_id);
  json::put_string(o, "communeId", r.commune_id);
  json::put_string(o, "address", r.address);
  json::put_string(o, "fullAddress", r.full_address);
  if (r.notify) o["sendNotifyPlatformDto"] = notify_json(*r.notify);
  o["isActive"] = r.is_active;
  json::put_string(o, "status", r.status);
  json::put_string(o, "userReferralAncestorIds", r.user_referral_ancestor_ids);
  json::put_int(o, "userReferralLevel", r.user_referral_level);
  json::put_string(o, "deviceDistributorAncestorMap", r.device_distributor_ancestor_map);
  json::put_int(o, "merchantId", r.merchant_id);
  return o;
}

Result<Json> build(const GetShopPagingRequest& r) {
  Validator v;
  api::text(v, "filter", r.filter, false);
  api::text(v, "sorting", r.sorting, false);
  api::paging(v, r.skip_count, r.max_result_count);
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_string(o, "filter", r.filter);
  json::put_string(o, "sorting", r.sorting);
  o["skipCount"] = r.skip_count;
  o["maxResultCount"] = r.max_result_count;
  json::put_int(o, "merchantId", r.merchant_id);
  return o;
}

Result<ShopSaved> parse_shop_saved(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return malformed("data is not a create-or-update answer");
  Reader rd(data, "data");
  auto id = rd.whole("shopId");
  if (rd.failed()) return rd.error();
  if (!id || *id == 0) return malformed("data.shopId is missing");
  return ShopSaved{*id, api::message_of(envelope)};
}

Result<ShopPage> parse_shop_page(const Json& envelope) {
  auto page = api::page_of<Shop>(envelope, "shops", [](const Json& item, const std::string& path) -> Result<Shop> {
    Reader rd(item, path);
    Shop shop;
    auto id = rd.whole("id");
    shop.is_active = rd.boolean("isActive");
    shop.name = rd.text("name");
    shop.address = rd.text("address");
    if (rd.failed()) return rd.error();
    if (!id) return malformed(path + ".id is missing");
    shop.id = *id;
    return shop;
  });
  if (!page) return page.error();
  return ShopPage{page->first, std::move(page->second), api::message_of(envelope)};
}

}  // namespace paygw::tingee::detail
