// SPDX-License-Identifier: MIT
#include "tingee/codec_bills.hpp"

#include <paygw/tingee/client.hpp>

#include "tingee/codec.hpp"
#include "tingee/codec_api_support.hpp"
#include "tingee/codec_support.hpp"
#include "tingee/timestamp.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

namespace paygw::tingee {

std::string format_transaction_time(std::chrono::system_clock::time_point t) {
  return format_timestamp(t).substr(0, 14);  // yyyyMMddHHmmss of yyyyMMddHHmmssSSS
}

namespace detail {
namespace json = paygw::detail::json;
using support::data_of;
using support::malformed;
using support::Validator;

namespace {

// The response reader shared by every Tingee codec (codec_api_support.hpp).
using api::Reader;

Result<Transaction> transaction_of(const Json& item, const std::string& path) {
  if (!item.is_object()) return malformed(path + " is not an object");
  Reader rd(item, path);
  Transaction t;
  t.transaction_id = rd.text("transactionId");
  t.merchant_id = rd.whole("merchantId");
  t.shop_id = rd.whole("shopId");
  t.bank_bin = rd.text("bankBin");
  t.cash_flow_source = rd.text("cashFlowSource");
  t.code = rd.text("code");
  t.amount = rd.required_amount("amount");
  t.type = rd.text("type");
  t.content = rd.text("content");
  t.currency = rd.text("currency");
  t.account_number = rd.text("accountNumber");
  t.va_account_number = rd.text("vaAccountNumber");
  t.transaction_date = rd.text("transactionDate");
  t.bill_id = rd.text("billId");
  if (rd.failed()) return rd.error();
  return t;
}

/// The transactions of `list` (an array; `path` names it in errors) appended to `out`.
Result<void> transactions_of(const Json& list, const std::string& path, std::vector<Transaction>& out) {
  if (!list.is_array()) return malformed(path + " is not a list");
  out.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto t = transaction_of(list[i], path + "[" + std::to_string(i) + "]");
    if (!t) return t.error();
    out.push_back(std::move(*t));
  }
  return {};
}

Result<BillInfo> bill_of(const Json& data) {
  const Json* info = json::member(data, "billInfo");
  if (info == nullptr || !info->is_object()) return malformed("data.billInfo is not an object");
  Reader rd(*info, "data.billInfo");
  BillInfo b;
  b.bill_id = rd.text("billId");
  b.qr_code_type = rd.text("qrCodeType");
  b.bank_bin = rd.text("bankBin");
  b.account_number = rd.text("accountNumber");
  b.va_account_number = rd.text("vaAccountNumber");
  b.qr_account = rd.text("qrAccount");
  b.amount = rd.required_amount("amount");
  b.purpose = rd.text("purpose");
  b.total_amount_paid = rd.amount("totalAmountPaid");
  b.total_payments_count = rd.whole("totalPaymentsCount");
  b.expire_in_minute = rd.whole("expireInMinute");
  b.extra_info = rd.text("extraInfo");
  b.status = rd.text("status");
  if (rd.failed()) return rd.error();
  return b;
}

Result<BankList> banks_of(const Json& list, std::string message) {
  if (!list.is_array()) return malformed("data is not a list of banks");
  BankList out;
  out.message = std::move(message);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = "data[" + std::to_string(i) + "]";
    const Json& item = list[i];
    if (!item.is_object()) return malformed(path + " is not an object");
    Reader rd(item, path);
    Bank b;
    b.code = rd.text("code");
    b.name = rd.text("name");
    b.short_name = rd.text("shortName");
    b.bin = rd.text("bin");
    b.url_logo = rd.text("urlLogo");
    if (const Json* terms = json::member(item, "termsAndConditions"); terms != nullptr) {
      if (!terms->is_object()) return malformed(path + ".termsAndConditions is not an object");
      Reader trd(*terms, path + ".termsAndConditions");
      b.terms_url = trd.text("url");
      b.terms_url_va = trd.text("urlVA");
      if (trd.failed()) return trd.error();
    }
    if (rd.failed()) return rd.error();
    out.banks.push_back(std::move(b));
  }
  return out;
}

// The body naming one bill (get-status-dynamic-qr, delete-dynamic-qr): {merchantId?, qrAccount,
// billId}, each required but merchantId.
template <typename R>
Result<Json> bill_key(const R& r) {
  Validator v;
  v.require(!r.qr_account.empty(), "qr_account is required")
      .require(!r.bill_id.empty(), "bill_id is required")
      .require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_int(o, "merchantId", r.merchant_id);
  o["qrAccount"] = r.qr_account;
  o["billId"] = r.bill_id;
  return o;
}

}  // namespace

std::string bank_group_path(BankPathPrefix prefix, std::string_view operation) {
  std::string path(path_prefix(prefix));
  path += '/';
  path += operation;
  return path;
}

bool valid_transaction_time(std::string_view text) {
  return text.size() == 14 && tingee::detail::parse_timestamp(std::string(text) + "000").has_value();
}

Result<Json> build(const GenerateDynamicQrRequest& r) {
  Validator v;
  v.require(!r.va_account_number.empty(), "va_account_number is required")
      .require(support::valid_amount(r.amount), "amount must be 1..9007199254740991")
      .require(!r.bank_bin.empty() || !r.bank_name.empty(), "bank_bin or bank_name is required")
      .require(support::valid_bin(r.bank_bin), "bank_bin must be 6 digits")
      .require(support::positive_if_set(r.expire_in_minute), "expire_in_minute must be > 0")
      .require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_int(o, "merchantId", r.merchant_id);
  o["vaAccountNumber"] = r.va_account_number;
  o["qrCodeType"] =
      r.qr_code_type == QrCodeType::kOneTimePayment ? "dynamic-one-time-payment" : "dynamic-recurring-payment";
  json::put_string(o, "bankBin", r.bank_bin);
  json::put_string(o, "bankName", r.bank_name);
  o["amount"] = r.amount;
  json::put_string(o, "purpose", r.purpose);
  json::put_int(o, "expireInMinute", r.expire_in_minute);
  json::put_string(o, "extraInfo", r.extra_info);
  return o;
}

Result<Json> build(const GetDynamicQrStatusRequest& r) { return bill_key(r); }

Result<Json> build(const DeleteDynamicQrRequest& r) { return bill_key(r); }

Result<Json> build(const GetTransactionPagingRequest& r) {
  const auto start = tingee::detail::parse_timestamp(r.start_time + "000");
  const auto end = tingee::detail::parse_timestamp(r.end_time + "000");
  Validator v;
  v.require(!r.start_time.empty(), "start_time is required")
      .require(!r.end_time.empty(), "end_time is required")
      .require(valid_transaction_time(r.start_time), "start_time must be yyyyMMddHHmmss (UTC+7)")
      .require(valid_transaction_time(r.end_time), "end_time must be yyyyMMddHHmmss (UTC+7)")
      .require(!start || !end || *start <= *end, "start_time must not be after end_time")
      .require(!start || !end || *end - *start <= kMaxTransactionWindow,
               "end_time - start_time must be at most 10 days (kMaxTransactionWindow)")
      .require(r.skip_count >= 0, "skip_count must be >= 0")
      .require(r.max_result_count >= 1 && r.max_result_count <= 1000, "max_result_count must be 1..1000")
      .require(std::all_of(r.shop_ids.begin(), r.shop_ids.end(), [](std::int64_t id) { return id > 0; }),
               "shop_ids must be > 0")
      .require(std::none_of(r.va_account_numbers.begin(), r.va_account_numbers.end(),
                            [](const std::string& va) { return va.empty(); }),
               "va_account_numbers must not contain an empty string")
      .require(support::valid_bin(r.bank_bin), "bank_bin must be 6 digits")
      .require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_string(o, "filter", r.filter);
  json::put_string(o, "sorting", r.sorting);
  o["skipCount"] = r.skip_count;
  o["maxResultCount"] = r.max_result_count;
  json::put_int(o, "merchantId", r.merchant_id);
  json::put_array(o, "shopIds", r.shop_ids);
  json::put_array(o, "vaAccountNumbers", r.va_account_numbers);
  json::put_string(o, "bankBin", r.bank_bin);
  json::put_string(o, "billId", r.bill_id);
  o["startTime"] = r.start_time;
  o["endTime"] = r.end_time;
  return o;
}

Result<DynamicQrBill> parse_dynamic_qr_bill(const Json& envelope) {
  const Json& data = data_of(envelope);
  if (!data.is_object()) return malformed("data is not a dynamic QR bill");
  Reader rd(data, "data");
  DynamicQrBill bill;
  bill.qr_code = rd.required_text("qrCode");
  bill.qr_account = rd.required_text("qrAccount");
  bill.bill_id = rd.required_text("billId");
  if (rd.failed()) return rd.error();
  bill.message = json::string_or_empty(envelope, "message");
  return bill;
}

Result<DynamicQrStatus> parse_dynamic_qr_status(const Json& envelope) {
  const Json& data = data_of(envelope);
  if (!data.is_object()) return malformed("data is not a dynamic QR bill status");
  auto bill = bill_of(data);
  if (!bill) return bill.error();
  DynamicQrStatus status;
  status.bill = std::move(*bill);
  if (const Json* infos = json::member(data, "transactionInfos"); infos != nullptr) {
    if (auto ok = transactions_of(*infos, "data.transactionInfos", status.transactions); !ok) return ok.error();
  }
  status.message = json::string_or_empty(envelope, "message");
  return status;
}

Result<TransactionPage> parse_transaction_page(const Json& envelope) {
  const Json& data = data_of(envelope);
  if (!data.is_object()) return malformed("data is not a page of transactions");
  const Json* items = json::member(data, "items");
  if (items == nullptr) return malformed("data.items is missing");
  TransactionPage page;
  if (auto ok = transactions_of(*items, "data.items", page.items); !ok) return ok.error();
  Reader rd(data, "data");
  page.total_count = rd.whole("totalCount");
  if (rd.failed()) return rd.error();
  page.message = json::string_or_empty(envelope, "message");
  return page;
}

Result<Json> parse_banks_envelope(const http::Response& response) {
  const int status = response.status;
  auto parsed = json::parse(response.body);
  if (!parsed || !parsed->is_array()) return parse_envelope(response);
  if (status == 401 || status == 403) {
    return support::response_error(ErrorCode::kAuth, "HTTP " + std::to_string(status), status);
  }
  if (status < 200 || status >= 300) {
    return support::response_error(ErrorCode::kHttpStatus, "HTTP " + std::to_string(status), status);
  }
  Json envelope = Json::object();
  envelope["code"] = "00";
  envelope["message"] = "";
  envelope["data"] = std::move(*parsed);
  return envelope;
}

Result<BankList> parse_banks(const Json& envelope) {
  return banks_of(data_of(envelope), json::string_or_empty(envelope, "message"));
}

}  // namespace detail
}  // namespace paygw::tingee
