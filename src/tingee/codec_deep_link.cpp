// SPDX-License-Identifier: MIT
#include "tingee/codec_deep_link.hpp"

#include <paygw/tingee/bank_qr.hpp>

#include "tingee/codec_api_support.hpp"

#include <string>

namespace paygw::tingee::detail {
namespace json = paygw::detail::json;
using api::kMaxLongText;
using support::malformed;
using support::Validator;

namespace {

Result<Json> deep_link(const GenerateDeepLinkRequest& r, bool with_merchant) {
  Validator v;
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0")
      .require(with_merchant || !r.merchant_id, "merchant_id is not part of generate-bidv-test");
  api::text(v, "type", r.type, true);
  api::text(v, "qr_code", r.qr_code, true, kMaxQrPayload);
  api::text(v, "redirect_url", r.redirect_url, false, kMaxLongText);
  api::text(v, "callback_url", r.callback_url, false, kMaxLongText);
  v.require(!r.bank_bin.empty(), "bank_bin is required")
      .require(support::valid_bin(r.bank_bin), "bank_bin must be 6 digits")
      .require(!r.destination_bank_bin.empty(), "destination_bank_bin is required")
      .require(support::valid_bin(r.destination_bank_bin), "destination_bank_bin must be 6 digits");
  api::text(v, "account_name", r.account_name, true);
  api::text(v, "account_number", r.account_number, true);
  v.require(!r.amount || support::valid_amount(*r.amount), "amount must be 1..9007199254740991");
  api::text(v, "content", r.content, false);
  api::text(v, "bill_number", r.bill_number, true);
  if (v.failed()) return v.error();
  Json o = Json::object();
  if (with_merchant) json::put_int(o, "merchantId", r.merchant_id);
  o["type"] = r.type;
  o["qrCode"] = r.qr_code;
  json::put_string(o, "redirectUrl", r.redirect_url);
  json::put_string(o, "callbackUrl", r.callback_url);
  o["bankBin"] = r.bank_bin;
  o["destinationBankBin"] = r.destination_bank_bin;
  o["accountName"] = r.account_name;
  o["accountNumber"] = r.account_number;
  json::put_int(o, "amount", r.amount);
  json::put_string(o, "content", r.content);
  o["billNumber"] = r.bill_number;
  return o;
}

}  // namespace

Result<Json> build(const GenerateDeepLinkRequest& r) { return deep_link(r, true); }
Result<Json> build(const GenerateDeepLinkBidvTestRequest& r) { return deep_link(r, false); }

Result<DeepLink> parse_deep_link(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_string() || data.get_ref<const std::string&>().empty())
    return malformed("data is not a non-empty string");
  return DeepLink{data.get<std::string>(), api::message_of(envelope)};
}

}  // namespace paygw::tingee::detail
