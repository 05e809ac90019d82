// SPDX-License-Identifier: MIT
#include "tconnect/codec.hpp"

#include <paygw/money.hpp>
#include <paygw/tconnect/client.hpp>

#include "base/civil_time.hpp"
#include "http/util.hpp"

#include <algorithm>

namespace paygw::tconnect::detail {

namespace json = paygw::detail::json;

namespace {

Error invalid(std::string message) { return make_error(ErrorCode::kInvalidArgument, std::move(message)); }

Error response_error(ErrorCode code, std::string message, int status) {
  Error e = make_error(code, std::move(message), Delivery::kMaybeSent);
  e.http_status = status;
  return e;
}

bool is_bin(const std::string& s) {
  return s.size() == 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_amount(std::int64_t amount) { return amount > 0 && amount <= kMaxAmountVnd; }

// "YYYY-MM-DD HH:MM:SS" with a real date and time.
bool is_date_time(const std::string& s) {
  if (s.size() != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  auto num = [&](std::size_t pos, std::size_t len) { return std::stoi(s.substr(pos, len)); };
  const paygw::detail::CivilDate date{num(0, 4), static_cast<unsigned>(num(5, 2)), static_cast<unsigned>(num(8, 2))};
  return paygw::detail::valid_civil(date) && num(11, 2) <= 23 && num(14, 2) <= 59 && num(17, 2) <= 59;
}

// Responses may wrap their payload in "data"; look there first.
const Json& payload_of(const Json& body) {
  const Json* data = json::member(body, "data");
  return data != nullptr && data->is_object() ? *data : body;
}

std::string first_string(const Json& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    std::string v = json::string_or_empty(object, key);
    if (!v.empty()) return v;
  }
  return {};
}

std::string dump_lenient(const Json& j) { return json::dump_lenient(j); }

// One transaction item (of a list page or of an order status).
Result<Transaction> transaction_of(const Json& item) {
  if (!item.is_object()) {
    return make_error(ErrorCode::kMalformed, "transaction entry is not an object", Delivery::kMaybeSent);
  }
  Transaction t;
  t.order_id = json::string_or_empty(item, "order_id");
  t.request_id = json::string_or_empty(item, "request_id");
  t.status = json::string_or_empty(item, "status");
  if (const Json* amount = json::member(item, "amount")) {
    t.amount = json::money_or_text(*amount);  // TConnect integrations see numbers, strings and 150000.0
    if (!t.amount) {
      return make_error(ErrorCode::kMalformed,
                        "transaction amount is not a whole number in 0.." + std::to_string(kMaxAmountVnd),
                        Delivery::kMaybeSent);
    }
  }
  t.trn_ref_no = json::string_or_empty(item, "trn_ref_no");
  t.narrative = json::string_or_empty(item, "narrative");
  t.txn_init_dt = json::string_or_empty(item, "txn_init_dt");
  t.json = dump_lenient(item);
  return t;
}

}  // namespace

Result<Json> build(const PosPush& p) {
  if (p.serial_no.empty()) return invalid("serial_no is required");
  if (p.order_id.empty()) return invalid("order_id is required for a POS push");
  if (!valid_amount(p.amount)) return invalid("amount must be 1.." + std::to_string(kMaxAmountVnd));
  return Json{{"serial_no", p.serial_no}, {"order_id", p.order_id}, {"amount", p.amount}, {"type", "pos"}};
}

Result<Json> build(const SoundboxPush& p) {
  if (p.serial_no.empty()) return invalid("serial_no is required");
  if (!valid_amount(p.amount)) return invalid("amount must be 1.." + std::to_string(kMaxAmountVnd));
  if (p.qr_string.empty()) return invalid("qr_string is required for a soundbox push");
  return Json{{"serial_no", p.serial_no}, {"amount", p.amount}, {"qr_string", p.qr_string}, {"type", "soundbox"}};
}

Result<Json> build(const CreateVaRequest& r) {
  if (!is_bin(r.bank_code)) return invalid("bank_code must be a 6-digit bank BIN");
  if (r.account_name.empty()) return invalid("account_name is required");
  return Json{{"bank_code", r.bank_code}, {"account_name", r.account_name}};
}

Result<Json> build(const CreateQrRequest& r) {
  if (r.order_id.empty()) return invalid("order_id is required");
  if (r.order_id.size() > 64) return invalid("order_id must be at most 64 characters");
  if (r.va.empty()) return invalid("va is required");
  if (!is_bin(r.bincode)) return invalid("bincode must be a 6-digit bank BIN");
  if (r.amount && (*r.amount < 0 || *r.amount > kMaxAmountVnd))
    return invalid("amount must be 0.." + std::to_string(kMaxAmountVnd));
  Json o = Json{{"order_id", r.order_id}, {"va", r.va}, {"bincode", r.bincode}};
  if (r.amount && *r.amount > 0) o["amount"] = *r.amount;  // 0 or absent = static QR
  return o;
}

Result<Json> build(const TransactionQuery& q) {
  if (!is_date_time(q.from_date)) return invalid("from_date must be \"YYYY-MM-DD HH:MM:SS\"");
  if (!is_date_time(q.to_date)) return invalid("to_date must be \"YYYY-MM-DD HH:MM:SS\"");
  if (q.to_date < q.from_date) return invalid("to_date is before from_date");
  if (q.limit < 1 || q.limit > 1000) return invalid("limit must be 1..1000");
  if (q.page < 1) return invalid("page must be >= 1");
  return Json{{"from_date", q.from_date}, {"to_date", q.to_date}, {"limit", q.limit}, {"page", q.page}};
}

Result<Json> build(const GenerateQrRequest& r) {
  if (r.req_id.empty() || r.req_id.size() > 64) return invalid("req_id is required, at most 64 characters");
  if (r.order_id.empty()) return invalid("order_id is required");
  if (r.order_id.size() > 64) return invalid("order_id must be at most 64 characters");
  if (r.va.empty()) return invalid("va is required");
  if (!is_bin(r.bincode)) return invalid("bincode must be a 6-digit bank BIN");
  if (!valid_amount(r.amount)) return invalid("amount must be 1.." + std::to_string(kMaxAmountVnd));
  return Json{
      {"req_id", r.req_id}, {"order_id", r.order_id}, {"va", r.va}, {"bincode", r.bincode}, {"amount", r.amount}};
}

Result<Json> build(const OrderStatusRequest& r) {
  if (r.order_id.empty()) return invalid("order_id is required");
  if (r.order_id.size() > 64) return invalid("order_id must be at most 64 characters");
  Json o = Json{{"order_id", r.order_id}};
  if (!r.acc_no.empty()) o["acc_no"] = r.acc_no;
  return o;
}

Result<Json> parse_response(const http::Response& response, const Secret& raw_key) {
  const int status = response.status;
  auto parsed = json::parse(response.body);
  if (status < 200 || status >= 300) {
    std::string message = parsed ? json::string_or_empty(*parsed, "message") : std::string();
    if (message.empty()) message = "HTTP " + std::to_string(status);
    const ErrorCode code = (status == 401 || status == 403) ? ErrorCode::kAuth : ErrorCode::kHttpStatus;
    return response_error(code, message, status);
  }
  if (!parsed) return response_error(ErrorCode::kMalformed, "response is not JSON", status);
  if (auto data = envelope_data(*parsed)) {
    // An encrypted response: decrypt it with the request key.
    auto plaintext = decrypt(*data, raw_key);
    if (!plaintext)
      return response_error(plaintext.error().code, "encrypted response: " + plaintext.error().message, status);
    auto inner = json::parse(*plaintext);
    if (!inner) return response_error(ErrorCode::kMalformed, "decrypted response is not JSON", status);
    return std::move(*inner);
  }
  return std::move(*parsed);
}

Result<Tokens> parse_tokens(const Json& body) {
  const Json& p = payload_of(body);
  Tokens t;
  t.access_token = json::string_or_empty(p, "access_token");
  if (t.access_token.empty())
    return make_error(ErrorCode::kMalformed, "token response has no access_token", Delivery::kMaybeSent);
  t.refresh_token = json::string_or_empty(p, "refresh_token");
  // A lifetime outside 1 s .. 1 year is ignored (the client then uses its short default): a huge
  // one would overflow now + lifetime (found by client_calls_fuzz) and keep a token forever.
  auto lifetime = [&p](const char* key) -> std::optional<std::int64_t> {
    const auto v = json::integer(p, key);
    if (!v || *v < 1 || *v > kMaxTokenLifetimeSeconds) return std::nullopt;
    return v;
  };
  t.expires_in = lifetime("expires_in");
  t.refresh_expires_in = lifetime("refresh_expires_in");
  return t;
}

Result<Json> build(const LoginRequest& r) {
  return Json{{"username", r.username},
              {"password", r.password.reveal()},
              {"client_id", r.client_id},
              {"client_secret", r.client_secret.reveal()}};
}

Result<Json> build(const NoPayload&) { return Json::object(); }

namespace {
Result<std::string> required_service(const std::string& configured, const std::string& requested) {
  const std::string& service = requested.empty() ? configured : requested;
  if (service.empty()) return invalid("service_code is required (request or Config::service_code)");
  if (!paygw::detail::header_safe(service)) return invalid("service_code contains control characters");
  return service;
}
}  // namespace

Result<std::string> service_code(const std::string& configured, const CreateQrRequest& r) {
  return required_service(configured, r.service_code);
}

Result<std::string> service_code(const std::string& configured, const GenerateQrRequest& r) {
  return required_service(configured, r.service_code);
}

Result<std::string> service_code(const std::string& configured, const OrderStatusRequest& r) {
  const std::string& service = r.service_code.empty() ? configured : r.service_code;
  if (!paygw::detail::header_safe(service)) return invalid("service_code contains control characters");
  return service;  // optional here: "" sends no header
}

Result<Json> build(const RefreshRequest& r) { return Json{{"refresh_token", r.refresh_token}}; }

Result<PushResult> parse_push(const Json& body) {
  return PushResult{json::string_or_empty(payload_of(body), "message"), dump_lenient(body)};
}

Result<ServiceList> parse_services(const Json& body) {
  ServiceList out;
  out.json = dump_lenient(body);
  const Json* list = body.is_array() ? &body : json::member(body, "services");
  if (list == nullptr) list = json::member(body, "data");
  if (list != nullptr && list->is_object()) list = json::member(*list, "services");
  if (list == nullptr || !list->is_array()) return out;
  for (const auto& item : *list) {
    if (!item.is_object()) continue;
    out.services.push_back(Service{json::string_or_empty(item, "service_code"), json::string_or_empty(item, "bincode"),
                                   first_string(item, {"name", "service_name"})});
  }
  return out;
}

Result<VirtualAccount> parse_va(const Json& body) {
  const Json& p = payload_of(body);
  return VirtualAccount{first_string(p, {"va", "va_number", "account_number", "acc_no"}),
                        json::string_or_empty(p, "account_name"), json::string_or_empty(p, "bank_code"),
                        dump_lenient(body)};
}

Result<Qr> parse_qr(const Json& body) {
  const Json& p = payload_of(body);
  Qr qr;
  qr.qr_content = first_string(p, {"qr_content", "qr_string", "qr_code"});
  qr.image_png_base64 = json::string_or_empty(p, "image_png_base64");
  qr.json = dump_lenient(body);
  return qr;
}

Result<TransactionPage> parse_transactions(const Json& body) {
  TransactionPage page;
  page.json = dump_lenient(body);
  const Json* list = body.is_array() ? &body : nullptr;
  const Json* container = &body;
  if (list == nullptr) {
    if (const Json* data = json::member(body, "data")) {
      if (data->is_array()) list = data;
      if (data->is_object()) container = data;
    }
  }
  if (list == nullptr) {
    for (const char* key : {"items", "transactions", "data"}) {
      const Json* m = json::member(*container, key);
      if (m != nullptr && m->is_array()) {
        list = m;
        break;
      }
    }
  }
  if (list == nullptr) {
    return make_error(ErrorCode::kMalformed, "transaction response has no list of transactions", Delivery::kMaybeSent);
  }
  for (const char* key : {"total", "total_count", "total_records"}) {
    if (auto total = json::integer(*container, key)) {
      page.total = total;
      break;
    }
  }
  for (const auto& item : *list) {
    auto t = transaction_of(item);
    if (!t) return std::move(t).error();
    page.items.push_back(std::move(*t));
  }
  return page;
}

Result<Qr> parse_generated_qr(const Json& body) {
  auto qr = parse_qr(body);
  if (qr) qr->dynamic = true;
  return qr;
}

Result<OrderStatus> parse_order_status(const Json& body) {
  OrderStatus out;
  out.json = dump_lenient(body);
  if (!body.is_object()) {
    return make_error(ErrorCode::kMalformed, "order status response is not an object", Delivery::kMaybeSent);
  }
  out.message = json::string_or_empty(body, "message");
  const Json* tx = json::member(body, "tx_data");
  if (tx == nullptr) {
    if (const Json* data = json::member(body, "data"); data != nullptr && data->is_object()) {
      tx = json::member(*data, "tx_data");
      if (out.message.empty()) out.message = json::string_or_empty(*data, "message");
    }
  }
  if (tx == nullptr || tx->is_null()) return out;  // nothing known about the order yet
  if (!tx->is_object()) {
    return make_error(ErrorCode::kMalformed, "order status tx_data is not an object", Delivery::kMaybeSent);
  }
  out.order_id = json::string_or_empty(*tx, "order_id");
  out.acc_no = json::string_or_empty(*tx, "acc_no");
  if (const Json* paid = json::member(*tx, "total_amount_paid"); paid != nullptr && !paid->is_null()) {
    out.total_amount_paid = json::money_or_text(*paid);
    if (!out.total_amount_paid) {
      return make_error(ErrorCode::kMalformed,
                        "total_amount_paid is not a whole number in 0.." + std::to_string(kMaxAmountVnd),
                        Delivery::kMaybeSent);
    }
  }
  const Json* list = json::member(*tx, "transactions");
  if (list == nullptr || list->is_null()) return out;
  if (!list->is_array()) {
    return make_error(ErrorCode::kMalformed, "order status transactions is not a list", Delivery::kMaybeSent);
  }
  for (const auto& item : *list) {
    auto t = transaction_of(item);
    if (!t) return std::move(t).error();
    if (t->order_id.empty()) t->order_id = out.order_id;  // listed under the order
    out.transactions.push_back(std::move(*t));
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    int v = -1;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    if (c >= '0' && c <= '9') v = c - '0' + 52;
    if (c == '+') v = 62;
    if (c == '/') v = 63;
    if (v < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xff));
    }
  }
  if ((bits & ((1U << count) - 1)) != 0) return std::nullopt;  // non-canonical trailing bits
  return out;
}

}  // namespace paygw::tconnect::detail

namespace paygw::tconnect {

Result<std::string> decode_qr_png(const Qr& qr) {
  std::string_view text = qr.image_png_base64;
  constexpr std::string_view kDataUrl = "data:image/png;base64,";
  if (text.substr(0, kDataUrl.size()) == kDataUrl) text.remove_prefix(kDataUrl.size());
  if (text.empty()) return make_error(ErrorCode::kMalformed, "the QR has no image (image_png_base64 is empty)");
  auto bytes = detail::base64_decode(text);
  if (!bytes) return make_error(ErrorCode::kMalformed, "image_png_base64 is not base64");
  constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);
  if (bytes->compare(0, kPngSignature.size(), kPngSignature) != 0) {
    return make_error(ErrorCode::kMalformed, "image_png_base64 is not a PNG image");
  }
  return std::move(*bytes);
}

}  // namespace paygw::tconnect
