// SPDX-License-Identifier: MIT
// paygw-sandbox — TConnect Payment Open API (docs/tconnect.md): Partner-Code, the AES-256-CBC envelope
// {"data": hex(IV || ciphertext)}, Bearer tokens with expiry and refresh, pushes to devices, VAs,
// QRs (valid VietQR strings), transaction queries, and IPNs (/_sandbox/tconnect/payments).
//
// Transactions: each push is a PENDING transaction of its order; a simulated payment makes the
// order's pending transaction (or a new one) SUCCESS and sends its IPN with that transaction's
// request_id, so that Client::confirm_ipn finds it. The three lists are filtered by payment_type
// (a transaction without one, e.g. a push not paid yet, is in every list) and by txn_init_dt
// within from_date..to_date, and paged with limit/page.
//
// Order status (transaction/qr/order/status) lists an order's transactions under tx_data, each
// without order_id, as the third-party client shows (ADR 0036); a payment made with
// "list_order_id": false is listed without order_id in the three lists too, the case where only
// the order status can confirm its IPN. transaction/qr/generate answers a VietQR and its PNG.
#include "qr_image.hpp"
#include "sandbox.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <cctype>
#include <ctime>

namespace paygw::sandbox {
namespace {

// "YYYY-MM-DD HH:MM:SS" in Vietnam time (UTC+7) for milliseconds since the epoch.
std::string vn_datetime(long long ms) {
  const std::time_t secs = static_cast<std::time_t>(ms / 1000 + 7LL * 3600);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

// Which list a transaction is in: "qr", "card", "cash", or "" (every list).
std::string list_of(const Json& t) {
  std::string type = t.value("payment_type", "");
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (type.empty()) return "";
  if (type.find("card") != std::string::npos) return "card";
  if (type.find("cash") != std::string::npos) return "cash";
  return "qr";
}

void error(httplib::Response& res, int status, const std::string& message) {
  json_reply(res, status, Json{{"message", message}});
}
void ok(httplib::Response& res, const Json& body) { json_reply(res, 200, body); }
// The world is full (--max-objects): 422 in TConnect's error shape, a refusal a client does not retry.
void full(httplib::Response& res) {
  error(res, 422, "Sandbox limit reached: too many transactions (--max-objects); restart the sandbox");
}

class Tconnect : public std::enable_shared_from_this<Tconnect> {
 public:
  Tconnect(const Options& options, State& state)
      : options_(options), state_(state), key_(*unhex(options.tconnect_aes_key_hex)) {}

  void install(httplib::Server& server) {
    const std::string p = "/openapi/v1";
    route(server, p + "/auth/login", false, [this](const httplib::Request&, const Json& b, httplib::Response& res) {
      if (b.value("username", "") != options_.tconnect_username ||
          b.value("password", "") != options_.tconnect_password ||
          b.value("client_id", "") != options_.tconnect_client_id ||
          b.value("client_secret", "") != options_.tconnect_client_secret) {
        return error(res, 401, "Invalid credentials");
      }
      issue_tokens(res, true);
    });
    route(server, p + "/auth/refresh", false, [this](const httplib::Request&, const Json& b, httplib::Response& res) {
      auto it = state_.refresh_tokens.find(b.value("refresh_token", ""));
      if (it == state_.refresh_tokens.end() || it->second < clock_ms()) return error(res, 401, "Invalid refresh token");
      issue_tokens(res, false);
    });
    route(server, p + "/devices/payments/push", true,
          [this](const httplib::Request&, const Json& b, httplib::Response& res) {
            const std::string serial = b.value("serial_no", ""), type = b.value("type", "");
            if (serial.empty()) return error(res, 400, "serial_no is required");
            if (!b.contains("amount") || !b["amount"].is_number_integer() || b["amount"].get<long long>() <= 0) {
              return error(res, 400, "amount is required");
            }
            if (type == "pos" && b.value("order_id", "").empty()) return error(res, 400, "order_id is required");
            if (type == "soundbox" && b.value("qr_string", "").empty()) return error(res, 400, "qr_string is required");
            if (type != "pos" && type != "soundbox") return error(res, 400, "type is required");
            auto device = state_.tconnect_devices.find(serial);
            if (device == state_.tconnect_devices.end() || device->second.type != type)
              return error(res, 404, "Device not found");
            // Each push is a transaction the lists keep: at most --max-objects of them, then 422
            // (a refusal paygw does not retry: the push was not made).
            if (state_.full(state_.tconnect_transactions.size())) return full(res);
            state_.record("tconnect", serial, "push-" + type, b, true);
            const std::string order =
                type == "pos" ? b.value("order_id", "") : vietqr_purpose(b.value("qr_string", ""));
            state_.tconnect_transactions.push_back(Json{{"order_id", order},
                                                        {"request_id", "SBX-" + std::to_string(state_.next_id++)},
                                                        {"status", "PENDING"},
                                                        {"amount", b["amount"]},
                                                        {"serial_no", serial},
                                                        {"txn_init_dt", vn_datetime(now_ms())}});
            ok(res, Json{{"message",
                          std::string("Successfully pushed new payment to ") + (type == "pos" ? "POS" : "Soundbox")}});
          });
    route(server, p + "/services", true, [](const httplib::Request&, const Json&, httplib::Response& res) {
      ok(res, Json{{"services",
                    Json::array({Json{{"service_code", "vccb-qr"}, {"bincode", "970454"}, {"name", "BVBank QR"}}})}});
    });
    route(server, p + "/va/va-account/create", true,
          [this](const httplib::Request&, const Json& b, httplib::Response& res) {
            if (b.value("bank_code", "").empty() || b.value("account_name", "").empty()) {
              return error(res, 400, "bank_code and account_name are required");
            }
            ok(res, Json{{"va", "VA" + std::to_string(100000 + state_.next_id++)},
                         {"account_name", b["account_name"]},
                         {"bank_code", b["bank_code"]}});
          });
    // A real VietQR for the order: the BIN and VA asked for, the amount (dynamic) and the order id
    // as the transfer content, so paygw's own QR check accepts it for a soundbox push.
    route(server, p + "/qr", true, [this](const httplib::Request& req, const Json& b, httplib::Response& res) {
      if (req.get_header_value("x-service-code") != "vccb-qr") return error(res, 400, "Invalid service code");
      for (const char* f : {"order_id", "va", "bincode"}) {
        if (b.value(f, "").empty()) return error(res, 400, std::string(f) + " is required");
      }
      const std::string bin = b["bincode"], va = b["va"];
      const bool alnum =
          !va.empty() && va.size() <= 19 &&
          va.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") == std::string::npos;
      if (bin.size() != 6 || bin.find_first_not_of("0123456789") != std::string::npos)
        return error(res, 400, "bincode must be 6 digits");
      if (!alnum) return error(res, 400, "va must be 1..19 letters or digits");
      const long long amount =
          b.contains("amount") && b["amount"].is_number_integer() ? b["amount"].get<long long>() : 0;
      const std::string qr = build_vietqr(bin, va, amount, b["order_id"]);
      state_.record("tconnect", "", "create-qr", Json{{"order_id", b["order_id"]}, {"qr_content", qr}});
      ok(res, Json{{"qr_content", qr}});
    });
    for (const std::string kind : {"qr", "card", "cash"}) {
      route(server, p + "/transaction/" + kind, true,
            [this, kind](const httplib::Request&, const Json& b, httplib::Response& res) {
              const std::string from = b.value("from_date", ""), to = b.value("to_date", "");
              if (from.empty() || to.empty()) return error(res, 400, "from_date and to_date are required");
              const long long limit = b.value("limit", 20LL), page = b.value("page", 1LL);
              if (limit < 1 || limit > 1000 || page < 1) return error(res, 400, "limit must be 1..1000, page >= 1");
              Json matching = Json::array();
              for (const auto& t : state_.tconnect_transactions) {
                const std::string list = list_of(t), at = t.value("txn_init_dt", "");
                if ((list.empty() || list == kind) && (at.empty() || (from <= at && at <= to))) {
                  Json item = t;
                  if (!item.value("list_order_id", true)) item.erase("order_id");
                  item.erase("list_order_id");
                  matching.push_back(item);
                }
              }
              Json items = Json::array();
              for (long long i = (page - 1) * limit; i < page * limit && i < static_cast<long long>(matching.size());
                   ++i) {
                items.push_back(matching[static_cast<std::size_t>(i)]);
              }
              ok(res, Json{{"data", Json{{"items", items}, {"total", matching.size()}}}});
            });
    }
    // What TConnect knows about one order: its transactions (without order_id: they are listed
    // under it), the amount paid. An order without transactions is an empty list (pending).
    route(server, p + "/transaction/qr/order/status", true,
          [this](const httplib::Request&, const Json& b, httplib::Response& res) {
            const std::string order = b.value("order_id", "");
            if (order.empty()) return error(res, 400, "order_id is required");
            Json transactions = Json::array();
            long long paid = 0;
            for (const auto& t : state_.tconnect_transactions) {
              if (t.value("order_id", "") != order) continue;
              Json item = Json::object();
              for (const char* f : {"request_id", "status", "amount", "trn_ref_no", "narrative", "txn_init_dt"}) {
                if (t.contains(f)) item[f] = t[f];
              }
              if (t.value("status", "") == "SUCCESS") paid += t.value("amount", 0LL);
              transactions.push_back(item);
            }
            state_.record("tconnect", "", "order-status", Json{{"order_id", order}});
            ok(res, Json{{"message", "success"},
                         {"tx_data", Json{{"order_id", order},
                                          {"acc_no", b.value("acc_no", "")},
                                          {"total_amount_paid", paid},
                                          {"transactions", transactions}}}});
          });
    // A dynamic VietQR for the order (as /qr) and its PNG (when built with libqrencode and libpng).
    route(server, p + "/transaction/qr/generate", true,
          [this](const httplib::Request& req, const Json& b, httplib::Response& res) {
            if (req.get_header_value("x-service-code") != "vccb-qr") return error(res, 400, "Invalid service code");
            for (const char* f : {"req_id", "order_id", "va", "bincode"}) {
              if (!b.contains(f) || !b[f].is_string() || b[f].get<std::string>().empty())
                return error(res, 400, std::string(f) + " is required");
            }
            if (!b.contains("amount") || !b["amount"].is_number_integer() || b["amount"].get<long long>() <= 0)
              return error(res, 400, "amount is required");
            const std::string bin = b["bincode"], va = b["va"];
            if (bin.size() != 6 || bin.find_first_not_of("0123456789") != std::string::npos)
              return error(res, 400, "bincode must be 6 digits");
            const std::string qr = build_vietqr(bin, va, b["amount"].get<long long>(), b["order_id"]);
            Json body = {{"qr_content", qr}};
            std::string why;
            if (const auto symbol = qrimage::encode(qr, qrimage::kDefaultLevel, &why)) {
              if (const auto png = qrimage::to_png(*symbol, qrimage::kQuietZone, 4, &why)) {
                body["image_png_base64"] = qrimage::base64(*png);
              }
            }
            state_.record("tconnect", "", "generate-qr", Json{{"order_id", b["order_id"]}, {"qr_content", qr}});
            ok(res, body);
          });
    // A successful payment: the order's pending transaction (or a new one) becomes SUCCESS, and
    // its IPN is {"data": hex(IV || AES-256-CBC(payload))} (docs/tconnect.md, IPN).
    post(server, "/_sandbox/tconnect/payments",
         [this](const httplib::Request&, const std::string& raw, httplib::Response& res) {
           const Json in = Json::parse(raw.empty() ? "{}" : raw, nullptr, false);
           const std::string url = in.is_object() ? in.value("url", options_.tconnect_ipn_url) : "";
           if (!in.is_object() || url.empty() || !in.contains("order_id") || !in["order_id"].is_string() ||
               in["order_id"].get<std::string>().empty()) {
             return bad_request(
                 res,
                 "give {order_id, amount[, payment_type, acc_no, narrative, duplicates, out_of_order, url, "
                 "list_order_id]} "
                 "and an IPN url (or --tconnect-ipn-url)");
           }
           const std::optional<int> duplicates = count_field(in, "duplicates", kMaxDuplicates, res);
           if (!duplicates) return;
           // out_of_order: the first IPN goes out while the transaction query still shows the
           // order PENDING (the IPN overtakes the list); it is SUCCESS for the copies after it.
           const std::optional<bool> out_of_order = flag_field(in, "out_of_order", res);
           if (!out_of_order) return;
           const std::string order = in["order_id"], type = in.value("payment_type", "QR");
           const long long at = now_ms();
           std::string request_id;
           Json success;  // what the query shows once the payment is listed
           long long amount = in.value("amount", 0LL);
           {
             std::lock_guard<std::mutex> lock(state_.mu);
             Json* paid = nullptr;
             for (auto& t : state_.tconnect_transactions) {
               if (t.value("order_id", "") == order && t.value("status", "") == "PENDING") paid = &t;
             }
             if (paid == nullptr) {
               if (state_.full(state_.tconnect_transactions.size())) {
                 return bad_request(res, "sandbox: at most " + std::to_string(state_.max_objects) +
                                             " TConnect transactions (--max-objects); restart the sandbox for more");
               }
               state_.tconnect_transactions.push_back(
                   Json{{"order_id", order}, {"request_id", "SBX-IPN-" + std::to_string(state_.next_id++)}});
               paid = &state_.tconnect_transactions.back();
             }
             if (amount == 0) amount = paid->value("amount", 0LL);
             if (*out_of_order && !paid->contains("amount")) (*paid)["amount"] = amount;
             success = {{"status", "SUCCESS"}, {"amount", amount}};
             (*paid)["status"] = *out_of_order ? "PENDING" : "SUCCESS";
             if (!*out_of_order) (*paid)["amount"] = amount;
             (*paid)["payment_type"] = type;
             (*paid)["narrative"] = in.value("narrative", "");
             (*paid)["trn_ref_no"] = "FT" + std::to_string(26000000000LL + state_.next_id++);
             (*paid)["txn_init_dt"] = vn_datetime(at);
             if (in.contains("list_order_id")) (*paid)["list_order_id"] = in.value("list_order_id", true);
             request_id = (*paid)["request_id"];
             const std::string serial = paid->value("serial_no", "");  // the device it was pushed to shows it paid
             if (!serial.empty())
               state_.record("tconnect", serial, "paid", Json{{"order_id", order}, {"amount", amount}}, true);
           }
           const Json payload = {{"order_id", order},
                                 {"amount", amount},
                                 {"payment_type", type},
                                 {"retrieval_ref_no", "6" + std::to_string(100000000000LL + at % 100000000000LL)},
                                 {"request_id", request_id},
                                 {"narrative", in.value("narrative", "")},
                                 {"acc_no", in.value("acc_no", "VA100023312")},
                                 {"original_transaction_date", at}};
           const Json body = {{"data", encrypt(payload.dump())}};
           Json deliveries = Json::array();
           bool listed = !*out_of_order;
           const auto list_it = [&] {
             if (listed) return;
             std::lock_guard<std::mutex> lock(state_.mu);
             for (auto& t : state_.tconnect_transactions) {
               if (t.value("request_id", "") == request_id) t.update(success);
             }
             listed = true;
           };
           for (int i = 0; i < 1 + *duplicates && !stopping(); ++i) {
             // Out of order, the first IPN is sent once (no retry) while the order is still PENDING.
             for (int status :
                  deliver(state_, url, false, body.dump(), {}, {},
                          Json{{"provider", "tconnect"}, {"event", "ipn"}, {"order_id", order}}, listed ? 3 : 1)) {
               deliveries.push_back(status);
             }
             list_it();
           }
           list_it();
           ok(res, Json{{"request_id", request_id}, {"out_of_order", *out_of_order}, {"deliveries", deliveries}});
         });
  }

 private:
  using Route = std::function<void(const httplib::Request&, const Json&, httplib::Response&)>;

  // An API endpoint: Partner-Code, a valid token when `needs_token`, a decryptable envelope.
  void route(httplib::Server& server, const std::string& path, bool needs_token, Route handler) {
    // The handlers hold this simulator (`self`), so it lives as long as the server.
    post(server, path,
         [this, self = shared_from_this(), needs_token, handler](const httplib::Request& req, const std::string& raw,
                                                                 httplib::Response& res) {
           if (req.get_header_value("Partner-Code") != options_.tconnect_partner_code)
             return error(res, 401, "Invalid partner code");
           std::lock_guard<std::mutex> lock(state_.mu);
           if (needs_token) {
             const std::string auth = req.get_header_value("Authorization");
             auto it =
                 auth.rfind("Bearer ", 0) == 0 ? state_.access_tokens.find(auth.substr(7)) : state_.access_tokens.end();
             if (it == state_.access_tokens.end() || it->second < clock_ms()) return error(res, 401, "Unauthorized");
           }
           const Json body = Json::parse(raw, nullptr, false);
           std::optional<std::string> bytes;
           if (body.is_object() && body.size() == 1 && body.contains("data") && body["data"].is_string())
             bytes = unhex(body["data"].get<std::string>());
           std::optional<std::string> plain;
           if (bytes && bytes->size() >= 32 && bytes->size() % 16 == 0)
             plain = aes_cbc(false, key_, bytes->substr(0, 16), bytes->substr(16));
           const Json payload = plain ? Json::parse(*plain, nullptr, false) : Json();
           if (!payload.is_object()) return error(res, 400, "Invalid encrypted payload");
           handler(req, payload, res);
         });
  }

  std::string encrypt(const std::string& plain) const {
    std::string iv(16, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(iv.data()), 16);
    return hex(iv + aes_cbc(true, key_, iv, plain).value_or(""));
  }

  // Tokens are a cache, not a world: at most --max-objects of each kind; issuing one more first
  // forgets the expired ones, then the oldest (all of a kind live as long, so the oldest is the
  // one expiring first). A client still holding a forgotten token gets 401 and logs in again, as
  // it must when a gateway revokes a token.
  void make_room(std::map<std::string, long long>& tokens) const {
    if (!state_.full(tokens.size())) return;
    const long long now = clock_ms();
    for (auto it = tokens.begin(); it != tokens.end();) it = it->second < now ? tokens.erase(it) : std::next(it);
    while (state_.full(tokens.size())) {
      tokens.erase(std::min_element(tokens.begin(), tokens.end(),
                                    [](const auto& a, const auto& b) { return a.second < b.second; }));
    }
  }

  void issue_tokens(httplib::Response& res, bool with_refresh) {
    const std::string access = "sbx-access-" + random_token(16);
    make_room(state_.access_tokens);
    state_.access_tokens[access] = clock_ms() + options_.tconnect_token_ttl_s * 1000;
    Json body = {{"access_token", access}, {"expires_in", options_.tconnect_token_ttl_s}, {"token_type", "Bearer"}};
    if (with_refresh) {
      const std::string refresh = "sbx-refresh-" + random_token(16);
      make_room(state_.refresh_tokens);
      state_.refresh_tokens[refresh] = clock_ms() + 24LL * 3600 * 1000;
      body["refresh_token"] = refresh;
      body["refresh_expires_in"] = 24 * 3600;
    }
    ok(res, body);
  }

  const Options& options_;
  State& state_;
  std::string key_;
};

}  // namespace

void install_tconnect(httplib::Server& server, const Options& options, State& state) {
  auto tconnect = std::make_shared<Tconnect>(options, state);
  state.counters.emplace_back("tconnect.transactions", [&state] { return state.tconnect_transactions.size(); });
  state.counters.emplace_back("tconnect.access_tokens", [&state] { return state.access_tokens.size(); });
  state.counters.emplace_back("tconnect.refresh_tokens", [&state] { return state.refresh_tokens.size(); });
  tconnect->install(server);
}

}  // namespace paygw::sandbox
