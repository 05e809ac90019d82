// SPDX-License-Identifier: MIT
#include "tingee/codec_e_invoice.hpp"

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

bool valid_provider(const std::string& p) { return p == "x-cyber" || p == "hilo" || p == "s-invoice" || p == "misa"; }

bool money_ok(const std::optional<Vnd>& v) { return !v || (*v >= 0 && *v <= kMaxAmountVnd); }

void put_money(Json& o, const char* key, const std::optional<Vnd>& v) {
  if (v) o[key] = std::to_string(*v);
}

void decimal(Validator& v, const std::string& field, const std::string& value, bool required) {
  v.require(!required || !value.empty(), field + " is required")
      .require(value.empty() || valid_decimal_text(value), field + " must be a decimal (e.g. 1 or 1.5)");
}

void validate_item(Validator& v, const InvoiceItem& item) {
  api::text(v, "items.item_code", item.item_code, false);
  api::text(v, "items.item_name", item.item_name, true, kMaxLongText);
  api::text(v, "items.unit_name", item.unit_name, false);
  decimal(v, "items.quantity", item.quantity, true);
  v.require(item.unit_price >= 0 && item.unit_price <= kMaxAmountVnd, "items.unit_price must be 0..9007199254740991");
  decimal(v, "items.discount", item.discount, false);
  v.require(money_ok(item.discount_amount) && money_ok(item.total_before_tax) && money_ok(item.tax_amount) &&
                money_ok(item.total_after_tax),
            "items amounts must be 0..9007199254740991");
  api::text(v, "items.tax_rate_code", item.tax_rate_code, true);
  v.require(!item.item_type || *item.item_type >= 0, "items.item_type must be >= 0")
      .require(!item.adjustment_type || *item.adjustment_type >= 0, "items.adjustment_type must be >= 0");
}

Json item_json(const InvoiceItem& item) {
  Json o = Json::object();
  json::put_string(o, "itemCode", item.item_code);
  o["itemName"] = item.item_name;
  json::put_string(o, "unitName", item.unit_name);
  o["quantity"] = item.quantity;
  o["unitPrice"] = std::to_string(item.unit_price);
  json::put_string(o, "discount", item.discount);
  put_money(o, "discountAmount", item.discount_amount);
  put_money(o, "totalBeforeTax", item.total_before_tax);
  o["taxRateCode"] = item.tax_rate_code;
  put_money(o, "taxAmount", item.tax_amount);
  put_money(o, "totalAfterTax", item.total_after_tax);
  json::put_int(o, "itemType", item.item_type);
  json::put_int(o, "adjustmentType", item.adjustment_type);
  return o;
}

Result<Json> invoice(const EInvoiceCreateRequest& r) {
  Validator v;
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0")
      .require(support::valid_id(r.account_id), "account_id must be > 0");
  api::text(v, "invoice_type", r.invoice_type, false);
  api::text(v, "invoice_pattern", r.invoice_pattern, true);
  api::text(v, "invoice_series", r.invoice_series, true);
  api::text(v, "invoice_code", r.invoice_code, true);
  api::text(v, "invoice_date", r.invoice_date, true);
  api::text(v, "buyer_tax_code", r.buyer_tax_code, false);
  api::text(v, "buyer_name", r.buyer_name, false);
  api::text(v, "buyer_legal_name", r.buyer_legal_name, false, kMaxLongText);
  api::text(v, "buyer_address", r.buyer_address, false, kMaxLongText);
  api::text(v, "buyer_phone", r.buyer_phone, false);
  api::text(v, "buyer_email", r.buyer_email, false);
  api::text(v, "buyer_bank_account", r.buyer_bank_account, false);
  api::text(v, "buyer_bank_name", r.buyer_bank_name, false);
  v.require(!r.payment_method || *r.payment_method >= 0, "payment_method must be >= 0");
  api::text(v, "payment_method_name", r.payment_method_name, false);
  v.require(r.currency.empty() || r.currency == "VND", "currency must be empty or VND (paygw amounts are VND)");
  decimal(v, "exchange_rate", r.exchange_rate, false);
  api::text(v, "amount_in_words", r.amount_in_words, false, kMaxLongText);
  api::text(v, "note", r.note, false, kMaxLongText);
  v.require(!r.items.empty(), "items must not be empty");
  for (const auto& item : r.items) validate_item(v, item);
  v.require(money_ok(r.total_discount) && money_ok(r.total_before_tax) && money_ok(r.total_tax) &&
                money_ok(r.total_after_tax),
            "totals must be 0..9007199254740991");
  for (const auto& s : r.tax_rate_summaries) {
    api::text(v, "tax_rate_summaries.tax_rate_code", s.tax_rate_code, true);
    v.require(money_ok(s.total_taxable_amount) && money_ok(s.tax_amount),
              "tax_rate_summaries amounts must be 0..9007199254740991");
  }
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_int(o, "merchantId", r.merchant_id);
  json::put_int(o, "accountId", r.account_id);
  json::put_string(o, "invoiceType", r.invoice_type);
  o["invoicePattern"] = r.invoice_pattern;
  o["invoiceSeries"] = r.invoice_series;
  o["invoiceCode"] = r.invoice_code;
  o["invoiceDate"] = r.invoice_date;
  json::put_string(o, "buyerTaxCode", r.buyer_tax_code);
  json::put_string(o, "buyerName", r.buyer_name);
  json::put_string(o, "buyerLegalName", r.buyer_legal_name);
  json::put_string(o, "buyerAddress", r.buyer_address);
  json::put_string(o, "buyerPhone", r.buyer_phone);
  json::put_string(o, "buyerEmail", r.buyer_email);
  json::put_string(o, "buyerBankAccount", r.buyer_bank_account);
  json::put_string(o, "buyerBankName", r.buyer_bank_name);
  json::put_int(o, "paymentMethod", r.payment_method);
  json::put_string(o, "paymentMethodName", r.payment_method_name);
  json::put_string(o, "currency", r.currency);
  json::put_string(o, "exchangeRate", r.exchange_rate);
  json::put_string(o, "amountInWords", r.amount_in_words);
  json::put_string(o, "note", r.note);
  Json items = Json::array();
  for (const auto& item : r.items) items.push_back(item_json(item));
  o["items"] = std::move(items);
  put_money(o, "totalDiscount", r.total_discount);
  put_money(o, "totalBeforeTax", r.total_before_tax);
  put_money(o, "totalTax", r.total_tax);
  put_money(o, "totalAfterTax", r.total_after_tax);
  if (!r.tax_rate_summaries.empty()) {
    Json summaries = Json::array();
    for (const auto& s : r.tax_rate_summaries) {
      Json one = Json::object();
      one["taxRateCode"] = s.tax_rate_code;
      put_money(one, "totalTaxableAmount", s.total_taxable_amount);
      put_money(one, "taxAmount", s.tax_amount);
      summaries.push_back(std::move(one));
    }
    o["taxRateSummaries"] = std::move(summaries);
  }
  return o;
}

Result<Json> invoice_key(const EInvoiceGetInvoiceInfoRequest& r) {
  Validator v;
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0")
      .require(support::valid_id(r.account_id), "account_id must be > 0");
  api::text(v, "invoice_code", r.invoice_code, true);
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_int(o, "merchantId", r.merchant_id);
  json::put_int(o, "accountId", r.account_id);
  o["invoiceCode"] = r.invoice_code;
  return o;
}

}  // namespace

bool valid_decimal_text(std::string_view text) {
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  if (whole.empty() || whole.size() > 15 || !support::is_digits(whole)) return false;
  if (dot == std::string_view::npos) return true;
  const std::string_view fraction = text.substr(dot + 1);
  return !fraction.empty() && fraction.size() <= 6 && support::is_digits(fraction);
}

Result<Json> build(const EInvoiceGetPagingAccountRequest& r) {
  Validator v;
  api::text(v, "filter", r.filter, false);
  api::text(v, "sorting", r.sorting, false);
  api::paging(v, r.skip_count, r.max_result_count);
  v.require(r.provider.empty() || valid_provider(r.provider), "provider must be x-cyber, hilo, s-invoice or misa")
      .require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_string(o, "filter", r.filter);
  json::put_string(o, "sorting", r.sorting);
  o["skipCount"] = r.skip_count;
  o["maxResultCount"] = r.max_result_count;
  json::put_string(o, "provider", r.provider);
  json::put_bool(o, "isDefault", r.is_default);
  json::put_bool(o, "isActive", r.is_active);
  json::put_int(o, "merchantId", r.merchant_id);
  return o;
}

Result<Json> build(const EInvoiceCreateOrUpdateAccountRequest& r) {
  Validator v;
  v.require(valid_provider(r.provider), "provider must be x-cyber, hilo, s-invoice or misa");
  api::text(v, "tax_code", r.tax_code, true);
  api::text(v, "username", r.username, true);
  api::text(v, "password", r.password.reveal(), true);
  v.require(support::valid_id(r.id), "id must be > 0")
      .require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["provider"] = r.provider;
  o["taxCode"] = r.tax_code;
  o["username"] = r.username;
  o["password"] = r.password.reveal();
  json::put_bool(o, "isDefault", r.is_default);
  json::put_bool(o, "isActive", r.is_active);
  json::put_int(o, "id", r.id);
  json::put_int(o, "merchantId", r.merchant_id);
  return o;
}

Result<Json> build(const EInvoiceDeleteAccountRequest& r) {
  Validator v;
  v.require(r.id > 0, "id must be > 0").require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["id"] = r.id;
  json::put_int(o, "merchantId", r.merchant_id);
  return o;
}

Result<Json> build(const EInvoiceCreateRequest& r) { return invoice(r); }
Result<Json> build(const EInvoiceCreateAndIssueRequest& r) { return invoice(r); }
Result<Json> build(const EInvoiceGetInvoiceInfoRequest& r) { return invoice_key(r); }
Result<Json> build(const EInvoiceDownloadRequest& r) { return invoice_key(r); }

Result<Json> build(const EInvoiceInvoiceTemplatesRequest& r) {
  Validator v;
  v.require(r.merchant_id > 0, "merchant_id must be > 0").require(r.account_id > 0, "account_id must be > 0");
  v.require(valid_provider(r.provider), "provider must be x-cyber, hilo, s-invoice or misa");
  api::text(v, "tax_code", r.tax_code, true);
  api::text(v, "username", r.username, true);
  api::text(v, "password", r.password.reveal(), true);
  v.require(r.invoice_no_to_check >= 0, "invoice_no_to_check must be >= 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["merchantId"] = r.merchant_id;
  o["accountId"] = r.account_id;
  o["provider"] = r.provider;
  o["taxCode"] = r.tax_code;
  o["username"] = r.username;
  o["password"] = r.password.reveal();
  o["invoiceNoToCheck"] = r.invoice_no_to_check;
  return o;
}

Result<Json> build(const EInvoiceSendEmailRequest& r) {
  Validator v;
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0")
      .require(support::valid_id(r.account_id), "account_id must be > 0");
  api::text(v, "invoice_code", r.invoice_code, true);
  api::text(v, "buyer_name", r.buyer_name, false);
  api::text(v, "recipient_email", r.recipient_email, true);
  const auto at = r.recipient_email.find('@');
  v.require(r.recipient_email.empty() || (at != std::string::npos && at > 0 && at + 1 < r.recipient_email.size() &&
                                          r.recipient_email.find('@', at + 1) == std::string::npos &&
                                          r.recipient_email.find(' ') == std::string::npos),
            "recipient_email must be an e-mail address");
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_int(o, "merchantId", r.merchant_id);
  json::put_int(o, "accountId", r.account_id);
  o["invoiceCode"] = r.invoice_code;
  json::put_string(o, "buyerName", r.buyer_name);
  o["recipientEmail"] = r.recipient_email;
  return o;
}

Result<EInvoiceAccountPage> parse_e_invoice_account_page(const Json& envelope) {
  auto page = api::page_of<EInvoiceAccount>(envelope, "e-invoice accounts",
                                            [](const Json& item, const std::string& path) -> Result<EInvoiceAccount> {
                                              Reader rd(item, path);
                                              EInvoiceAccount a;
                                              auto id = rd.whole("id");
                                              a.creation_time = rd.text("creationTime");
                                              a.merchant_id = rd.whole("merchantId");
                                              a.provider = rd.text("provider");
                                              a.tax_code = rd.text("taxCode");
                                              a.username = rd.text("username");
                                              a.password = Secret(rd.text("password"));
                                              a.is_default = rd.boolean("isDefault");
                                              a.is_active = rd.boolean("isActive");
                                              if (rd.failed()) return rd.error();
                                              if (!id) return malformed(path + ".id is missing");
                                              a.id = *id;
                                              return a;
                                            });
  if (!page) return page.error();
  return EInvoiceAccountPage{page->first, std::move(page->second), api::message_of(envelope)};
}

Result<EInvoiceAccountId> parse_e_invoice_account_id(const Json& envelope) {
  auto id = api::read_whole(support::data_of(envelope));
  if (!id) return malformed("data is not a whole number >= 0");
  return EInvoiceAccountId{*id, api::message_of(envelope)};
}

Result<EInvoiceProviders> parse_e_invoice_providers(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_array()) return malformed("data is not a list of providers");
  EInvoiceProviders out;
  for (std::size_t i = 0; i < data.size(); ++i) {
    const std::string path = "data[" + std::to_string(i) + "]";
    if (!data[i].is_object()) return malformed(path + " is not an object");
    Reader rd(data[i], path);
    EInvoiceProvider p;
    p.code = rd.required_text("code");
    p.name = rd.text("name");
    if (rd.failed()) return rd.error();
    out.providers.push_back(std::move(p));
  }
  out.message = api::message_of(envelope);
  return out;
}

Result<InvoiceFile> parse_invoice_file(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return malformed("data is not an invoice file");
  Reader rd(data, "data");
  InvoiceFile out;
  out.invoice_code = rd.required_text("invoiceCode");
  out.pdf_base64 = rd.text("pdfBase64");
  if (rd.failed()) return rd.error();
  out.message = api::message_of(envelope);
  return out;
}

Result<InvoiceTracking> parse_invoice_tracking(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return malformed("data is not an invoice tracking result");
  Reader rd(data, "data");
  InvoiceTracking out;
  out.invoice_code = rd.required_text("invoiceCode");
  out.tracking_code = rd.text("trackingCode");
  out.invoice_number = rd.text("invoiceNumber");
  out.reservation_code = rd.text("reservationCode");
  out.code_of_tax = rd.text("codeOfTax");
  out.url = rd.text("url");
  if (rd.failed()) return rd.error();
  out.message = api::message_of(envelope);
  return out;
}

Result<InvoiceTemplate> parse_invoice_template(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return malformed("data is not an invoice template");
  Reader rd(data, "data");
  InvoiceTemplate out;
  out.invoice_pattern = rd.required_text("invoicePattern");
  out.invoice_series = rd.required_text("invoiceSeries");
  out.quota = rd.whole("quota");
  if (rd.failed()) return rd.error();
  out.message = api::message_of(envelope);
  return out;
}

}  // namespace paygw::tingee::detail
