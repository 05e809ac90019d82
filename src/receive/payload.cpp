// SPDX-License-Identifier: MIT
#include "receive/payload.hpp"

#include "json/json.hpp"

#include <optional>

namespace paygw::receive::payload {

namespace json = paygw::detail::json;
using json::Json;

namespace {

// Invalid UTF-8 from a provider is replaced, never a failure: the payload is for paygw's own use.
std::string dump(const Json& j) { return json::dump_lenient(j); }

void put_money(Json& o, const char* key, const std::optional<Vnd>& v) { o[key] = v ? Json(*v) : Json(); }

std::optional<Vnd> money(const Json& o, const char* key) { return json::integer(o, key); }

Result<Json> object(std::string_view text, std::string_view kind) {
  auto parsed = json::parse(text);
  if (!parsed || !parsed->is_object() || json::string_or_empty(*parsed, "kind") != kind) {
    return make_error(ErrorCode::kMalformed, "store payload is not a " + std::string(kind));
  }
  return std::move(*parsed);
}

Json transaction_json(const tconnect::Transaction& t) {
  Json o = {
      {"order_id", t.order_id},   {"request_id", t.request_id},   {"status", t.status}, {"trn_ref_no", t.trn_ref_no},
      {"narrative", t.narrative}, {"txn_init_dt", t.txn_init_dt}, {"json", t.json}};
  put_money(o, "amount", t.amount);
  return o;
}

tconnect::Transaction transaction_of(const Json& o) {
  tconnect::Transaction t;
  t.order_id = json::string_or_empty(o, "order_id");
  t.request_id = json::string_or_empty(o, "request_id");
  t.status = json::string_or_empty(o, "status");
  t.amount = money(o, "amount");
  t.trn_ref_no = json::string_or_empty(o, "trn_ref_no");
  t.narrative = json::string_or_empty(o, "narrative");
  t.txn_init_dt = json::string_or_empty(o, "txn_init_dt");
  t.json = json::string_or_empty(o, "json");
  return t;
}

}  // namespace

std::string encode(const Card& card) {
  const auto& r = card.result;
  Json o = {{"kind", kCardFinal},           {"source", card.source},
            {"status_code", r.status_code}, {"status", charging::to_string(r.status)},
            {"message", r.message},         {"request_id", r.request_id},
            {"trans_id", r.trans_id},       {"telco", r.telco}};
  put_money(o, "declared_value", r.declared_value);
  put_money(o, "value", r.value);
  put_money(o, "card_value", r.card_value);
  put_money(o, "amount", r.amount);
  o["json"] = r.json;  // already redacted by the codec
  return dump(o);
}

Result<Card> decode_card(std::string_view text) {
  auto o = object(text, kCardFinal);
  if (!o) return o.error();
  Card c;
  auto& r = c.result;
  const auto code = json::integer(*o, "status_code");
  if (!code || *code < -1'000'000 || *code > 1'000'000) return make_error(ErrorCode::kMalformed, "no status_code");
  r.status_code = static_cast<int>(*code);
  r.message = json::string_or_empty(*o, "message");
  r.status = charging::status_from_code(r.status_code, r.message);
  r.request_id = json::string_or_empty(*o, "request_id");
  r.trans_id = json::string_or_empty(*o, "trans_id");
  r.telco = json::string_or_empty(*o, "telco");
  r.declared_value = money(*o, "declared_value");
  r.value = money(*o, "value");
  r.card_value = money(*o, "card_value");
  r.amount = money(*o, "amount");
  r.json = json::string_or_empty(*o, "json");
  c.source = json::string_or_empty(*o, "source");
  return c;
}

std::string encode(const Tingee& t) {
  const auto& p = t.payment;
  Json extra = Json::array();
  for (const auto& [name, value] : p.additional_data) extra.push_back(Json{{"name", name}, {"value", value}});
  Json o = {{"kind", kTingeePayment},
            {"source", t.source},
            {"bill_id", t.bill_id},
            {"bill_settled", t.bill_settled},
            {"client_id", p.client_id},
            {"transaction_code", p.transaction_code},
            {"amount", p.amount},
            {"content", p.content},
            {"bank", p.bank},
            {"bank_bin", p.bank_bin},
            {"account_number", p.account_number},
            {"va_account_number", p.va_account_number},
            {"transaction_date", p.transaction_date},
            {"additional_data", extra}};
  return dump(o);
}

Result<Tingee> decode_tingee(std::string_view text) {
  auto o = object(text, kTingeePayment);
  if (!o) return o.error();
  Tingee t;
  auto& p = t.payment;
  t.source = json::string_or_empty(*o, "source");
  t.bill_id = json::string_or_empty(*o, "bill_id");
  const Json* settled = json::member(*o, "bill_settled");
  t.bill_settled = settled != nullptr && settled->is_boolean() && settled->get<bool>();
  p.client_id = json::string_or_empty(*o, "client_id");
  p.transaction_code = json::string_or_empty(*o, "transaction_code");
  const auto amount = json::integer(*o, "amount");
  if (p.transaction_code.empty() || !amount) return make_error(ErrorCode::kMalformed, "payment payload incomplete");
  p.amount = *amount;
  p.content = json::string_or_empty(*o, "content");
  p.bank = json::string_or_empty(*o, "bank");
  p.bank_bin = json::string_or_empty(*o, "bank_bin");
  p.account_number = json::string_or_empty(*o, "account_number");
  p.va_account_number = json::string_or_empty(*o, "va_account_number");
  p.transaction_date = json::string_or_empty(*o, "transaction_date");
  if (const Json* extra = json::member(*o, "additional_data"); extra != nullptr && extra->is_array()) {
    for (const auto& item : *extra) {
      if (item.is_object()) {
        p.additional_data.emplace_back(json::string_or_empty(item, "name"), json::string_or_empty(item, "value"));
      }
    }
  }
  return t;
}

std::string encode(const Ipn& i) {
  Json o = {{"kind", kIpnConfirmed},
            {"source", i.source},
            {"order_settled", i.order_settled},
            {"order_id", i.ipn.order_id},
            {"amount", i.ipn.amount},
            {"payment_type", i.ipn.payment_type},
            {"retrieval_ref_no", i.ipn.retrieval_ref_no},
            {"request_id", i.ipn.request_id},
            {"narrative", i.ipn.narrative},
            {"acc_no", i.ipn.acc_no},
            {"original_transaction_date", i.ipn.original_transaction_date},
            {"json", i.ipn.json},
            {"transaction", transaction_json(i.transaction)}};
  return dump(o);
}

Result<Ipn> decode_ipn(std::string_view text) {
  auto o = object(text, kIpnConfirmed);
  if (!o) return o.error();
  Ipn i;
  i.source = json::string_or_empty(*o, "source");
  const Json* settled = json::member(*o, "order_settled");
  i.order_settled = settled != nullptr && settled->is_boolean() && settled->get<bool>();
  i.ipn.order_id = json::string_or_empty(*o, "order_id");
  const auto amount = json::integer(*o, "amount");
  const Json* transaction = json::member(*o, "transaction");
  // order_id may be empty: a swept payment that names no order (apply_swept_tconnect).
  if (!amount || transaction == nullptr || !transaction->is_object()) {
    return make_error(ErrorCode::kMalformed, "IPN payload incomplete");
  }
  i.ipn.amount = *amount;
  i.ipn.payment_type = json::string_or_empty(*o, "payment_type");
  i.ipn.retrieval_ref_no = json::string_or_empty(*o, "retrieval_ref_no");
  i.ipn.request_id = json::string_or_empty(*o, "request_id");
  i.ipn.narrative = json::string_or_empty(*o, "narrative");
  i.ipn.acc_no = json::string_or_empty(*o, "acc_no");
  i.ipn.original_transaction_date = json::integer(*o, "original_transaction_date").value_or(0);
  i.ipn.json = json::string_or_empty(*o, "json");
  i.transaction = transaction_of(*transaction);
  return i;
}

std::string encode(const tingee::BankLinkEvent& e) {
  Json o = {{"kind", kTingeeBankLink},
            {"request_id", e.request_id},
            {"status", e.status_raw},
            {"va_account_number", e.va_account_number},
            {"account_number", e.account_number},
            {"account_name", e.account_name}};
  return dump(o);
}

Result<tingee::BankLinkEvent> decode_bank_link(std::string_view text) {
  auto o = object(text, kTingeeBankLink);
  if (!o) return o.error();
  tingee::BankLinkEvent e;
  e.request_id = json::string_or_empty(*o, "request_id");
  e.status_raw = json::string_or_empty(*o, "status");
  e.status = e.status_raw == "confirm-va-success"  ? tingee::BankLinkStatus::kConfirmVaSuccess
             : e.status_raw == "confirm-va-failed" ? tingee::BankLinkStatus::kConfirmVaFailed
             : e.status_raw == "delete-va-success" ? tingee::BankLinkStatus::kDeleteVaSuccess
                                                   : tingee::BankLinkStatus::kUnknown;
  e.va_account_number = json::string_or_empty(*o, "va_account_number");
  e.account_number = json::string_or_empty(*o, "account_number");
  e.account_name = json::string_or_empty(*o, "account_name");
  return e;
}

std::string encode(const MoneyOut& m) {
  Json o = {{"kind", m.kind},     {"request_id", m.request_id},         {"succeeded", m.succeeded},
            {"status", m.status}, {"transaction_id", m.transaction_id}, {"amount", m.amount},
            {"source", m.source}};
  return dump(o);
}

Result<MoneyOut> decode_money_out(std::string_view text) {
  auto parsed = json::parse(text);
  const std::string kind = parsed && parsed->is_object() ? json::string_or_empty(*parsed, "kind") : std::string();
  if (kind != kDirectDebitPayment && kind != kDirectDebitRefund) {
    return make_error(ErrorCode::kMalformed, "store payload is not a direct-debit payment or refund");
  }
  const Json& o = *parsed;
  MoneyOut m;
  m.kind = kind;
  m.request_id = json::string_or_empty(o, "request_id");
  m.succeeded = o.contains("succeeded") && o["succeeded"].is_boolean() && o["succeeded"].get<bool>();
  m.status = json::string_or_empty(o, "status");
  m.transaction_id = json::string_or_empty(o, "transaction_id");
  m.amount = money(o, "amount").value_or(0);
  m.source = json::string_or_empty(o, "source");
  return m;
}

}  // namespace paygw::receive::payload
