// SPDX-License-Identifier: MIT
#include "tingee/codec_direct_debit.hpp"

#include "http/util.hpp"
#include "tingee/codec_api_support.hpp"
#include "tingee/codec_bills.hpp"

#include <set>
#include <string>
#include <utility>

namespace paygw::tingee::detail {
namespace json = paygw::detail::json;
using api::kMaxLongText;
using api::Reader;
using support::malformed;
using support::Validator;

namespace {

/// 8..15 ASCII digits (the SDK gives no format; ADR 0048).
bool valid_phone(const std::string& p) { return p.size() >= 8 && p.size() <= 15 && support::is_digits(p); }

bool valid_optional_time(const std::string& t) { return t.empty() || valid_transaction_time(t); }

/// `?a=1&b=2`: appends URL-encoded pairs, skipping empty values.
class Query {
 public:
  Query& add(const char* key, const std::string& value) {
    if (value.empty()) return *this;
    text_ += text_.empty() ? '?' : '&';
    text_ += key;
    text_ += '=';
    text_ += paygw::detail::url_encode(value);
    return *this;
  }
  Query& add(const char* key, const std::optional<std::int64_t>& value) {
    return value ? add(key, std::to_string(*value)) : *this;
  }
  std::string str() const { return text_; }

 private:
  std::string text_;
};

/// requestId, returnUrl, subscriptionId: the shared part of delete-subscription and
/// edit-confirm-payment-method.
void subscription_link(Validator& v, const std::string& request_id, const std::string& return_url,
                       const std::string& subscription_id) {
  api::text(v, "request_id", request_id, true);
  api::text(v, "return_url", return_url, true, kMaxLongText);
  api::text(v, "subscription_id", subscription_id, true);
}

}  // namespace

Result<Json> build(const DirectDebitRegisterRequest& r) {
  Validator v;
  api::text(v, "request_id", r.request_id, true);
  v.require(support::valid_bin(r.bank_bin), "bank_bin must be 6 digits");
  api::text(v, "account_name", r.account_name, false);
  v.require(!r.phone.empty(), "phone is required")
      .require(r.phone.empty() || valid_phone(r.phone), "phone must be 8..15 digits");
  api::text(v, "return_url", r.return_url, true, kMaxLongText);
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["requestId"] = r.request_id;
  json::put_string(o, "bankBin", r.bank_bin);
  json::put_string(o, "accountName", r.account_name);
  o["phone"] = r.phone;
  o["returnUrl"] = r.return_url;
  return o;
}

Result<Json> build(const DirectDebitPaymentBillRequest& r) {
  Validator v;
  api::text(v, "request_id", r.request_id, true);
  api::text(v, "client_id", r.client_id, false);
  api::text(v, "subscription_id", r.subscription_id, true);
  v.require(support::valid_amount(r.amount), "amount must be 1..9007199254740991");
  api::text(v, "description", r.description, true, kMaxLongText);
  api::text(v, "expiration_time", r.expiration_time, false);
  api::text(v, "signature", r.signature, false, kMaxLongText);
  api::text(v, "token", r.token, false, kMaxLongText);
  std::set<std::string> keys;
  for (const auto& [key, value] : r.additional_data) {
    api::text(v, "additional_data key", key, true);
    api::text(v, "additional_data value", value, false, kMaxLongText);
    v.require(keys.insert(key).second, "additional_data keys must be distinct");
  }
  api::text(v, "token_ref", r.token_ref, false);
  api::text(v, "partner_code", r.partner_code, true);
  api::text(v, "account_number", r.account_number, false);
  api::text(v, "service_provider_name", r.service_provider_name, true);
  api::text(v, "return_url", r.return_url, false, kMaxLongText);
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["requestId"] = r.request_id;
  json::put_string(o, "clientId", r.client_id);
  o["subscriptionId"] = r.subscription_id;
  o["amount"] = std::to_string(r.amount);
  o["description"] = r.description;
  json::put_string(o, "expirationTime", r.expiration_time);
  json::put_string(o, "signature", r.signature);
  json::put_string(o, "token", r.token);
  if (!r.additional_data.empty()) {
    Json extra = Json::object();
    for (const auto& [key, value] : r.additional_data) extra[key] = value;
    o["additionalData"] = std::move(extra);
  }
  json::put_string(o, "tokenRef", r.token_ref);
  o["partnerCode"] = r.partner_code;
  json::put_string(o, "accountNumber", r.account_number);
  o["serviceProviderName"] = r.service_provider_name;
  json::put_string(o, "returnUrl", r.return_url);
  return o;
}

Result<Json> build(const DirectDebitDeleteSubscriptionRequest& r) {
  Validator v;
  subscription_link(v, r.request_id, r.return_url, r.subscription_id);
  api::text(v, "token_ref", r.token_ref, true);
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["requestId"] = r.request_id;
  o["returnUrl"] = r.return_url;
  o["subscriptionId"] = r.subscription_id;
  o["tokenRef"] = r.token_ref;
  return o;
}

Result<Json> build(const DirectDebitRefundRequest& r) {
  Validator v;
  api::text(v, "subscription_id", r.subscription_id, true);
  api::text(v, "token_ref", r.token_ref, true);
  api::text(v, "transaction_id", r.transaction_id, true);
  v.require(support::valid_amount(r.amount), "amount must be 1..9007199254740991");
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["subscriptionId"] = r.subscription_id;
  o["tokenRef"] = r.token_ref;
  o["transactionId"] = r.transaction_id;
  o["amount"] = r.amount;
  return o;
}

Result<Json> build(const DirectDebitEditConfirmPaymentMethodRequest& r) {
  Validator v;
  subscription_link(v, r.request_id, r.return_url, r.subscription_id);
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["requestId"] = r.request_id;
  o["returnUrl"] = r.return_url;
  o["subscriptionId"] = r.subscription_id;
  return o;
}

Result<std::string> build_query(const DirectDebitSubscriptionStatusRequest& r) {
  Validator v;
  api::text(v, "request_id", r.request_id, false);
  api::text(v, "subscription_id", r.subscription_id, true);
  api::text(v, "token_ref", r.token_ref, true);
  if (v.failed()) return v.error();
  return Query()
      .add("requestId", r.request_id)
      .add("subscriptionId", r.subscription_id)
      .add("tokenRef", r.token_ref)
      .str();
}

Result<std::string> build_query(const DirectDebitTransactionStatusRequest& r) {
  Validator v;
  api::text(v, "transaction_id", r.transaction_id, true);
  api::text(v, "token_ref", r.token_ref, true);
  api::text(v, "subscription_id", r.subscription_id, true);
  if (v.failed()) return v.error();
  return Query()
      .add("transactionId", r.transaction_id)
      .add("tokenRef", r.token_ref)
      .add("subscriptionId", r.subscription_id)
      .str();
}

Result<std::string> build_query(const DirectDebitTransactionPagingRequest& r) {
  Validator v;
  api::text(v, "subscription_id", r.subscription_id, true);
  api::text(v, "token_ref", r.token_ref, true);
  v.require(valid_optional_time(r.start_time), "start_time must be yyyyMMddHHmmss (UTC+7)")
      .require(valid_optional_time(r.end_time), "end_time must be yyyyMMddHHmmss (UTC+7)")
      .require(r.start_time.empty() || r.end_time.empty() || r.start_time <= r.end_time,
               "start_time must not be after end_time")
      .require(!r.skip_count || *r.skip_count >= 0, "skip_count must be >= 0")
      .require(!r.max_result_count || (*r.max_result_count >= 1 && *r.max_result_count <= 1000),
               "max_result_count must be 1..1000");
  if (v.failed()) return v.error();
  return Query()
      .add("subscriptionId", r.subscription_id)
      .add("tokenRef", r.token_ref)
      .add("startTime", r.start_time)
      .add("endTime", r.end_time)
      .add("skipCount", r.skip_count)
      .add("maxResultCount", r.max_result_count)
      .str();
}

Result<DirectDebitLink> parse_direct_debit_link(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_string() || data.get_ref<const std::string&>().empty())
    return malformed("data is not a non-empty string");
  return DirectDebitLink{data.get<std::string>(), api::message_of(envelope)};
}

Result<PaymentBillResult> parse_payment_bill(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return malformed("data is not a payment-bill answer");
  Reader rd(data, "data");
  PaymentBillResult out;
  out.code = rd.text("code");
  out.status = rd.required_text("status");
  out.transaction_code = rd.text("transactionCode");
  out.is_sent_confirm_email = rd.boolean("isSentConfirmEmail");
  out.is_sent_confirm_zalo = rd.boolean("isSentConfirmZalo");
  out.return_url = rd.text("returnUrl");
  if (rd.failed()) return rd.error();
  out.message = api::message_of(envelope);
  return out;
}

Result<DeleteSubscriptionResult> parse_delete_subscription(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return malformed("data is not a delete-subscription answer");
  Reader rd(data, "data");
  DeleteSubscriptionResult out;
  out.confirm_url = rd.text("confirmUrl");
  out.code = rd.text("code");
  if (rd.failed()) return rd.error();
  out.message = api::message_of(envelope);
  return out;
}

Result<RefundResult> parse_refund(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return malformed("data is not a refund answer");
  Reader rd(data, "data");
  RefundResult out;
  out.refund_amount = rd.required_amount("refundAmount");
  out.transaction_id = rd.text("transactionId");
  out.status = rd.required_text("status");
  if (rd.failed()) return rd.error();
  out.message = api::message_of(envelope);
  return out;
}

Result<SubscriptionStatus> parse_subscription_status(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return malformed("data is not a subscription status");
  Reader rd(data, "data");
  SubscriptionStatus out;
  out.last_modification_time = rd.text("lastModificationTime");
  out.last_modifier_user_id = rd.whole("lastModifierUserId");
  out.email = rd.text("email");
  out.bank_name = rd.text("bankName");
  out.account_name = rd.text("accountName");
  out.account_number = rd.required_text("accountNumber");
  out.phone = rd.text("phone");
  out.confirm_payment_by_email = rd.boolean("confirmPaymentByEmail");
  out.confirm_email = rd.text("confirmEmail");
  out.confirm_payment_by_zalo = rd.boolean("confirmPaymentByZalo");
  out.confirm_phone_number = rd.text("confirmPhoneNumber");
  out.token_ref = rd.text("tokenRef");
  out.status = rd.required_text("status");
  out.subscription_id = rd.text("subscriptionId");
  out.bank_bin = rd.text("bankBin");
  if (rd.failed()) return rd.error();
  out.message = api::message_of(envelope);
  return out;
}

Result<DirectDebitTransactionStatus> parse_direct_debit_transaction_status(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return malformed("data is not a direct-debit transaction status");
  Reader rd(data, "data");
  DirectDebitTransactionStatus out;
  out.transaction_id = rd.text("transactionId");
  out.subscription_id = rd.text("subscriptionId");
  out.customer_key = rd.text("customerKey");
  out.token_ref = rd.text("tokenRef");
  out.bank_bin = rd.text("bankBin");
  if (const Json* customer = json::member(data, "customer"); customer != nullptr) {
    if (!customer->is_object()) return malformed("data.customer is not an object");
    Reader crd(*customer, "data.customer");
    out.customer.onepay_account_id = crd.text("onepayAccountId");
    out.customer.name = crd.text("name");
    out.customer.phone = crd.text("phone");
    out.customer.email = crd.text("email");
    if (crd.failed()) return crd.error();
  }
  out.account_number = rd.text("accountNumber");
  out.account_name = rd.text("accountName");
  out.code = rd.text("code");
  out.amount = rd.amount("amount");
  out.currency = rd.text("currency");
  out.content = rd.text("content");
  out.transaction_date = rd.text("transactionDate");
  out.status = rd.required_text("status");
  if (rd.failed()) return rd.error();
  out.message = api::message_of(envelope);
  return out;
}

Result<DirectDebitTransactionPage> parse_direct_debit_transaction_page(const Json& envelope) {
  auto page = api::page_of<DirectDebitTransaction>(
      envelope, "direct-debit transactions",
      [](const Json& item, const std::string& path) -> Result<DirectDebitTransaction> {
        Reader rd(item, path);
        DirectDebitTransaction t;
        t.transaction_id = rd.required_text("transactionId");
        t.code = rd.text("code");
        t.bank_name = rd.text("bankName");
        t.bank_bin = rd.text("bankBin");
        t.amount = rd.required_amount("amount");
        t.content = rd.text("content");
        t.account_number = rd.text("accountNumber");
        t.transaction_date = rd.text("transactionDate");
        t.subscription_id = rd.text("subscriptionId");
        t.token_ref = rd.text("tokenRef");
        t.status = rd.text("status");
        if (rd.failed()) return rd.error();
        return t;
      });
  if (!page) return page.error();
  return DirectDebitTransactionPage{page->first, std::move(page->second), api::message_of(envelope)};
}

}  // namespace paygw::tingee::detail
