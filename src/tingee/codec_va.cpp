// SPDX-License-Identifier: MIT
#include "tingee/codec_va.hpp"

#include "http/util.hpp"
#include "tingee/codec_api_support.hpp"
#include "tingee/codec_bills.hpp"

#include <string>
#include <utility>

namespace paygw::tingee::detail {
namespace json = paygw::detail::json;
using api::kMaxLongText;
using api::Reader;
using support::malformed;
using support::Validator;

namespace {

/// Domestic phone form: '0' then 8..10 more digits (Tingee answers 400 to "84...").
bool valid_mobile(const std::string& m) {
  return m.empty() || (m.size() >= 9 && m.size() <= 11 && m[0] == '0' && support::is_digits(m));
}

/// Empty, or yyyyMMddHHmmss naming a real time.
bool valid_optional_time(const std::string& t) { return t.empty() || valid_transaction_time(t); }

Result<Json> create_va(const CreateVaRequest& r) {
  Validator v;
  api::text(v, "name", r.name, false);
  api::text(v, "cash_flow_source", r.cash_flow_source, false);
  api::text(v, "account_number", r.account_number, false);
  api::text(v, "account_name", r.account_name, false);
  api::text(v, "identity", r.identity, false);
  v.require(valid_mobile(r.mobile), "mobile must be 9..11 digits starting with 0");
  v.require(support::valid_id(r.master_merchant_id), "master_merchant_id must be > 0")
      .require(support::valid_id(r.shop_id), "shop_id must be > 0");
  api::text(v, "va_prefix", r.va_prefix, false);
  api::text(v, "va_suffix", r.va_suffix, false);
  api::text(v, "merchant_name", r.merchant_name, false);
  api::text(v, "merchant_address", r.merchant_address, false, kMaxLongText);
  v.require(support::valid_id(r.service_id), "service_id must be > 0");
  api::text(v, "code", r.code, false);
  api::text(v, "tax_code", r.tax_code, false);
  api::text(v, "softpos_user_name", r.softpos_user_name, false);
  api::text(v, "softpos_developer_id", r.softpos_developer_id, false);
  api::text(v, "softpos_tid", r.softpos_tid, false);
  api::text(v, "softpos_mid", r.softpos_mid, false);
  api::text(v, "authorization_code", r.authorization_code, false, kMaxLongText);
  api::text(v, "session_login", r.session_login, false, kMaxLongText);
  api::text(v, "app_type", r.app_type, true);
  api::text(v, "link_type", r.link_type, false);
  api::text(v, "va_account_number", r.va_account_number, false);
  api::text(v, "acb_user_id", r.acb_user_id, false);
  api::text(v, "request_id", r.request_id, false);
  api::bank(v, r.bank_bin, r.bank_name, true);
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  api::text(v, "redirect_url", r.redirect_url, false, kMaxLongText);
  api::text(v, "webhook_url", r.webhook_url, false, kMaxLongText);
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_string(o, "name", r.name);
  json::put_string(o, "cashFlowSource", r.cash_flow_source);
  o["accountType"] = account_type_wire(r.account_type);
  json::put_string(o, "accountNumber", r.account_number);
  json::put_string(o, "accountName", r.account_name);
  json::put_string(o, "identity", r.identity);
  json::put_string(o, "mobile", r.mobile);
  json::put_int(o, "masterMerchantId", r.master_merchant_id);
  json::put_int(o, "shopId", r.shop_id);
  json::put_string(o, "vaPrefix", r.va_prefix);
  json::put_string(o, "vaSuffix", r.va_suffix);
  json::put_string(o, "merchantName", r.merchant_name);
  json::put_string(o, "merchantAddress", r.merchant_address);
  json::put_int(o, "serviceId", r.service_id);
  json::put_bool(o, "isCreateNonOtp", r.is_create_non_otp);
  json::put_string(o, "code", r.code);
  json::put_string(o, "taxCode", r.tax_code);
  json::put_string(o, "softposUserName", r.softpos_user_name);
  json::put_string(o, "softposDeveloperId", r.softpos_developer_id);
  json::put_string(o, "softposTid", r.softpos_tid);
  json::put_string(o, "softposMid", r.softpos_mid);
  json::put_string(o, "authorizationCode", r.authorization_code);
  json::put_string(o, "sessionLogin", r.session_login);
  json::put_bool(o, "isNotifyAccountNumber", r.is_notify_account_number);
  o["appType"] = r.app_type;
  json::put_string(o, "linkType", r.link_type);
  json::put_string(o, "vaAccountNumber", r.va_account_number);
  json::put_string(o, "acbUserId", r.acb_user_id);
  json::put_string(o, "requestId", r.request_id);
  json::put_string(o, "bankBin", r.bank_bin);
  json::put_string(o, "bankName", r.bank_name);
  json::put_int(o, "merchantId", r.merchant_id);
  json::put_string(o, "redirectUrl", r.redirect_url);
  json::put_string(o, "webhookUrl", r.webhook_url);
  return o;
}

Result<Json> confirmation(const OtpConfirmation& r) {
  Validator v;
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  api::text(v, "confirm_id", r.confirm_id, true);
  api::text(v, "otp_number", r.otp_number, false);
  api::bank(v, r.bank_bin, r.bank_name, false);
  v.require(!r.bank_bin.empty(), "bank_bin is required");
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_int(o, "merchantId", r.merchant_id);
  o["confirmId"] = r.confirm_id;
  json::put_string(o, "otpNumber", r.otp_number);
  json::put_string(o, "bankName", r.bank_name);
  o["bankBin"] = r.bank_bin;
  return o;
}

/// The fields of a create-va answer object.
Result<CreateVaResult> create_va_of(const Json& data, const std::string& path) {
  Reader rd(data, path);
  CreateVaResult out;
  out.bank_name = rd.text("bankName");
  out.merchant_account_number_id = rd.whole("merchantAccountNumberId");
  out.shop_id = rd.whole("shopId");
  out.status = rd.text("status");
  out.confirm_id = rd.text("confirmId");
  out.va_account_number = rd.text("vaAccountNumber");
  out.deep_link = rd.text("deepLink");
  out.authorize_link = rd.text("authorizeLink");
  out.otp_method = rd.text("otpMethod");
  if (rd.failed()) return rd.error();
  if (out.confirm_id.empty() && out.authorize_link.empty() && out.deep_link.empty() && out.va_account_number.empty()) {
    return malformed(path + " has none of confirmId, authorizeLink, deepLink, vaAccountNumber");
  }
  return out;
}

}  // namespace

const char* account_type_wire(AccountType type) {
  switch (type) {
    case AccountType::kBusiness: return "business-account";
    case AccountType::kBusinessHousehold: return "business-household-account";
    case AccountType::kPersonal: break;
  }
  return "personal-account";
}

Result<Json> build(const CreateVaRequest& r) { return create_va(r); }
Result<Json> build(const CreateVaAdvancedRequest& r) { return create_va(r); }
Result<Json> build(const ConfirmVaRequest& r) { return confirmation(r); }
Result<Json> build(const ConfirmDeleteVaRequest& r) { return confirmation(r); }
Result<Json> build(const ConfirmRegisterNotifyRequest& r) { return confirmation(r); }

Result<Json> build(const RegisterNotifyRequest& r) {
  Validator v;
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  api::text(v, "va_account_number", r.va_account_number, true);
  api::bank(v, r.bank_bin, r.bank_name, true);
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_int(o, "merchantId", r.merchant_id);
  o["vaAccountNumber"] = r.va_account_number;
  json::put_string(o, "bankBin", r.bank_bin);
  json::put_string(o, "bankName", r.bank_name);
  return o;
}

Result<Json> build(const GetVaPagingRequest& r) {
  Validator v;
  api::text(v, "filter", r.filter, false);
  api::text(v, "sorting", r.sorting, false);
  api::paging(v, r.skip_count, r.max_result_count);
  v.require(valid_optional_time(r.start_time), "start_time must be yyyyMMddHHmmss (UTC+7)")
      .require(valid_optional_time(r.end_time), "end_time must be yyyyMMddHHmmss (UTC+7)")
      .require(r.start_time.empty() || r.end_time.empty() || r.start_time <= r.end_time,
               "start_time must not be after end_time")
      .require(support::valid_id(r.merchant_id), "merchant_id must be > 0")
      .require(support::valid_id(r.shop_id), "shop_id must be > 0")
      .require(support::valid_id(r.agent_id), "agent_id must be > 0");
  api::text(v, "data_access", r.data_access, false);
  api::bank(v, r.bank_bin, r.bank_name, false);
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_string(o, "filter", r.filter);
  json::put_string(o, "sorting", r.sorting);
  o["skipCount"] = r.skip_count;
  o["maxResultCount"] = r.max_result_count;
  json::put_string(o, "startTime", r.start_time);
  json::put_string(o, "endTime", r.end_time);
  json::put_int(o, "merchantId", r.merchant_id);
  json::put_int(o, "shopId", r.shop_id);
  if (r.account_type) o["accountType"] = account_type_wire(*r.account_type);
  json::put_int(o, "agentId", r.agent_id);
  json::put_string(o, "dataAccess", r.data_access);
  json::put_string(o, "bankBin", r.bank_bin);
  json::put_string(o, "bankName", r.bank_name);
  return o;
}

Result<std::string> build_query(const DeleteVaRequest& r) {
  Validator v;
  v.require(!r.bank_bin.empty(), "bank_bin is required")
      .require(support::valid_bin(r.bank_bin), "bank_bin must be 6 digits");
  api::text(v, "va_account_number", r.va_account_number, true);
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  std::string q = "?bankBin=" + paygw::detail::url_encode(r.bank_bin) +
                  "&vaAccountNumber=" + paygw::detail::url_encode(r.va_account_number);
  if (r.merchant_id) q += "&merchantId=" + std::to_string(*r.merchant_id);
  return q;
}

Result<CreateVaResult> parse_create_va(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  const bool listed = data.is_array() && !data.empty() && data[0].is_object();
  if (!data.is_object() && !listed) return malformed("data is not a create-va answer (an object or a list of one)");
  auto out = listed ? create_va_of(data[0], "data[0]") : create_va_of(data, "data");
  if (out) out->message = api::message_of(envelope);
  return out;
}

Result<ConfirmVaResult> parse_confirm_va(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return malformed("data is not a confirm-va answer");
  Reader rd(data, "data");
  ConfirmVaResult out;
  out.account_type = rd.text("accountType");
  out.bank_name = rd.text("bankName");
  out.account_number = rd.required_text("accountNumber");
  out.va_account_number = rd.required_text("vaAccountNumber");
  out.shop_id = rd.whole("shopId");
  if (rd.failed()) return rd.error();
  out.message = api::message_of(envelope);
  return out;
}

Result<OtpSession> parse_otp_session(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  OtpSession out;
  if (!data.is_null()) {
    if (!data.is_object()) return malformed("data is not an object");
    Reader rd(data, "data");
    out.confirm_id = rd.text("confirmId");
    out.authorize_link = rd.text("authorizeLink");
    if (rd.failed()) return rd.error();
  }
  out.message = api::message_of(envelope);
  return out;
}

Result<VaPage> parse_va_page(const Json& envelope) {
  auto page = api::page_of<VirtualAccount>(envelope, "virtual accounts",
                                           [](const Json& item, const std::string& path) -> Result<VirtualAccount> {
                                             Reader rd(item, path);
                                             VirtualAccount va;
                                             va.bank_name = rd.text("bankName");
                                             va.bank_bin = rd.text("bankBin");
                                             va.account_type = rd.text("accountType");
                                             va.account_name = rd.text("accountName");
                                             va.account_number = rd.required_text("accountNumber");
                                             va.va_account_number = rd.text("vaAccountNumber");
                                             va.shop_id = rd.whole("shopId");
                                             va.status = rd.text("status");
                                             va.creation_time = rd.text("creationTime");
                                             if (rd.failed()) return rd.error();
                                             return va;
                                           });
  if (!page) return page.error();
  return VaPage{page->first, std::move(page->second), api::message_of(envelope)};
}

}  // namespace paygw::tingee::detail
