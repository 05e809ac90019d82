// SPDX-License-Identifier: MIT
#include "tingee/codec_bank_link.hpp"

#include "tingee/codec_api_support.hpp"

#include <algorithm>
#include <string>

namespace paygw::tingee::detail {
namespace json = paygw::detail::json;
using api::kMaxLongText;
using support::malformed;
using support::Validator;

namespace {

bool bank_name_ok(const std::string& name) {
  Validator v;
  api::bank(v, "", name, false);
  return !v.failed();
}

}  // namespace

Result<Json> build(const CreateBankLinkSessionRequest& r) {
  Validator v;
  api::text(v, "type", r.type, true);
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  api::text(v, "redirect_url", r.redirect_url, false, kMaxLongText);
  v.require(std::all_of(r.allowed_banks.begin(), r.allowed_banks.end(),
                        [](const std::string& b) { return !b.empty() && bank_name_ok(b); }),
            "allowed_banks must hold BankNameEnum values (ASCII letters)");
  api::bank(v, "", r.bank_name, false);
  v.require(support::valid_id(r.shop_id), "shop_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["type"] = r.type;
  json::put_int(o, "merchantId", r.merchant_id);
  json::put_string(o, "redirectUrl", r.redirect_url);
  json::put_array(o, "allowedBanks", r.allowed_banks);
  json::put_string(o, "bankName", r.bank_name);
  json::put_int(o, "shopId", r.shop_id);
  return o;
}

Result<Json> build(const DeviceReadAmountRequest& r) {
  Validator v;
  api::text(v, "uuid", r.uuid, true);
  api::text(v, "transaction_id", r.transaction_id, true);
  v.require(support::valid_amount(r.amount), "amount must be 1..9007199254740991")
      .require(!r.bank_bin.empty(), "bank_bin is required")
      .require(support::valid_bin(r.bank_bin), "bank_bin must be 6 digits");
  api::text(v, "first_display_text", r.first_display_text, false);
  api::text(v, "second_display_text", r.second_display_text, false);
  api::text(v, "third_display_text", r.third_display_text, false);
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["uuid"] = r.uuid;
  o["transactionId"] = r.transaction_id;
  o["amount"] = r.amount;
  o["bankBin"] = r.bank_bin;
  json::put_string(o, "firstDisplayText", r.first_display_text);
  json::put_string(o, "secondDisplayText", r.second_display_text);
  json::put_string(o, "thirdDisplayText", r.third_display_text);
  json::put_bool(o, "playSound", r.play_sound);
  return o;
}

Result<BankLinkSession> parse_bank_link_session(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_string() || data.get_ref<const std::string&>().empty())
    return malformed("data is not a non-empty string");
  return BankLinkSession{data.get<std::string>(), api::message_of(envelope)};
}

}  // namespace paygw::tingee::detail
