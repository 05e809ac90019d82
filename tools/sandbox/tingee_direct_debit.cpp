// SPDX-License-Identifier: MIT
// paygw-sandbox — Tingee's direct debit (/v1/direct-debit/...), signed and verified like every
// Tingee request (the GET reads carry their parameters in the query string and sign "{}"; DELETE
// delete-subscription and PUT edit-confirm-payment-method carry a JSON body).
//
// The simulation (codes marked "sandbox" are the sandbox's own; Tingee does not publish them):
//   register                 a pending subscription (SUB-…, tokenRef TOK-…); answers the page the payer
//                            opens: GET /_sandbox/tingee/direct-debit/authorize?requestId=… (unsigned)
//                            makes it active and answers {subscriptionId, tokenRef, status, returnUrl}.
//                            A requestId used before: 1030 (sandbox).
//   payment-bill             debits an active subscription (unknown, inactive or another tokenRef: 1040,
//                            sandbox): a debit TXN-DD-… with status "success"; over 50 000 000 VND:
//                            1050 "Số dư không đủ"; a requestId used before: 1030 — a debit is never
//                            made twice for one requestId.
//   refund                   refunds a successful debit, at most what is left of it (else 1051,
//                            sandbox); fully refunded, the debit's status becomes "refunded".
//   delete-subscription      answers a confirmUrl: GET /_sandbox/tingee/direct-debit/cancel?subscriptionId=…
//                            makes the subscription inactive (no more debits).
//   edit-confirm-payment-method   answers the page the payer opens (the sandbox changes nothing).
//   get-subscription-status, get-transaction-status, get-paging-transactions   what exists (1040 /
//                            1041 for an unknown subscription / debit, sandbox).
#include "sandbox.hpp"

#include <ctime>
#include <memory>

namespace paygw::sandbox {
namespace {

constexpr long long kBalanceVnd = 50'000'000;  // a debit above this: 1050 (insufficient balance)

struct Subscription {
  std::string subscription_id, token_ref, request_id, bank_bin, account_name, phone, return_url;
  std::string status = "pending";  // pending (not authorised yet) | active | inactive
  std::string last_modification_time;
};

struct Debit {
  std::string transaction_id, code, subscription_id, token_ref, content, date, status, request_id;
  long long amount = 0;
  long long refunded = 0;
};

/// Subscriptions and debits (guarded by State::mu).
struct DebitWorld {
  std::map<std::string, Subscription> subscriptions;  // by subscriptionId
  std::map<std::string, std::string> registrations;   // requestId -> subscriptionId
  std::map<std::string, Debit> debits;                // by transactionId
  std::vector<std::string> debit_order;               // transactionIds, oldest first
  std::map<std::string, std::string> payments;        // payment-bill requestId -> transactionId
};

bool digits(const std::string& t, std::size_t max) {
  return !t.empty() && t.size() <= max && t.find_first_not_of("0123456789") == std::string::npos;
}

/// The sandbox's own base URL as the request reached it.
std::string base_of(const Options& options, const httplib::Request& req) {
  return std::string(options.tls_cert.empty() ? "http://" : "https://") + req.get_header_value("Host");
}

/// The subscription a request names by subscriptionId (and tokenRef, when given: it must be the
/// subscription's); nullptr after a 1040 reply.
Subscription* subscription(DebitWorld& w, const Json& b, httplib::Response& res) {
  auto it =
      text(b, "subscriptionId") ? w.subscriptions.find(b["subscriptionId"].get<std::string>()) : w.subscriptions.end();
  if (it == w.subscriptions.end() || (b.contains("tokenRef") && b["tokenRef"] != it->second.token_ref)) {
    tingee_reply(res, "1040", "Subscription không tồn tại");
    return nullptr;
  }
  return &it->second;
}

Json debit_item(const Debit& d, const Subscription& s) {
  return Json{{"transactionId", d.transaction_id},
              {"code", d.code},
              {"bankName", bank_name_of(s.bank_bin)},
              {"bankBin", s.bank_bin},
              {"amount", std::to_string(d.amount)},
              {"content", d.content},
              {"accountNumber", "0071000123456"},
              {"transactionDate", d.date},
              {"subscriptionId", d.subscription_id},
              {"tokenRef", d.token_ref},
              {"status", d.status}};
}

using Route = std::function<void(State&, DebitWorld&, const std::string& base, const Json&, httplib::Response&)>;

/// A signed Tingee request: authenticated over its body ("{}" when none), the body's members and the
/// query's parameters merged, run under the state lock.
void serve(const Options& options, State& state, DebitWorld& world, const Route& route, const httplib::Request& req,
           const std::string& body, httplib::Response& res) {
  if (!tingee_authenticate(options, req, body, res)) return;
  Json b = Json::parse(body.empty() ? "{}" : body, nullptr, false);
  if (b.is_discarded() || !b.is_object()) return invalid(res, "body must be a JSON object");
  for (const auto& [name, value] : req.params) b[name] = value;
  std::lock_guard<std::mutex> lock(state.mu);
  route(state, world, base_of(options, req), b, res);
}

void register_subscription(State& s, DebitWorld& w, const std::string& base, const Json& b, httplib::Response& res) {
  if (!text(b, "requestId") || !text(b, "phone") || !text(b, "returnUrl")) {
    return invalid(res, "requestId, phone and returnUrl are required");
  }
  const std::string request_id = b["requestId"].get<std::string>();
  if (w.registrations.count(request_id) != 0) return tingee_reply(res, "1030", "requestId đã tồn tại");
  if (tingee_world_full(s, w.subscriptions.size(), "direct-debit subscriptions", res)) return;
  Subscription sub;
  const std::string n = std::to_string(s.next_id++);
  sub.subscription_id = "SUB-" + n;
  sub.token_ref = "TOK-" + n;
  sub.request_id = request_id;
  sub.bank_bin = b.value("bankBin", "970436");
  sub.account_name = b.value("accountName", "");
  sub.phone = b["phone"].get<std::string>();
  sub.return_url = b["returnUrl"].get<std::string>();
  sub.last_modification_time = iso_now();
  w.registrations[request_id] = sub.subscription_id;
  s.record("tingee", "", "direct-debit-registered",
           Json{{"requestId", request_id}, {"subscriptionId", sub.subscription_id}});
  w.subscriptions[sub.subscription_id] = sub;
  tingee_reply(res, "00", "Success", base + "/_sandbox/tingee/direct-debit/authorize?requestId=" + request_id);
}

void payment_bill(State& s, DebitWorld& w, const std::string&, const Json& b, httplib::Response& res) {
  if (!text(b, "requestId") || !text(b, "amount") || !text(b, "description")) {
    return invalid(res, "requestId, amount (a string) and description are required");
  }
  const std::string amount_text = b["amount"].get<std::string>();
  if (!digits(amount_text, 16)) {
    return invalid(res, "amount must be the decimal digits of a whole VND");
  }
  const long long amount = std::stoll(amount_text);
  if (amount <= 0) return invalid(res, "amount must be positive");
  Subscription* sub = subscription(w, b, res);
  if (sub == nullptr) return;
  if (sub->status != "active") return tingee_reply(res, "1040", "Subscription chưa được kích hoạt");
  const std::string request_id = b["requestId"].get<std::string>();
  if (w.payments.count(request_id) != 0) return tingee_reply(res, "1030", "requestId đã tồn tại");
  if (amount > kBalanceVnd) return tingee_reply(res, "1050", "Số dư không đủ");
  if (tingee_world_full(s, w.debits.size(), "direct-debit payments", res)) return;
  Debit d;
  const std::string n = std::to_string(s.next_id++);
  d.transaction_id = "TXN-DD-" + n;
  d.code = "DD-" + n;
  d.subscription_id = sub->subscription_id;
  d.token_ref = sub->token_ref;
  d.content = b["description"].get<std::string>();
  d.date = vn_now(false);
  d.status = "success";
  d.request_id = request_id;
  d.amount = amount;
  w.payments[request_id] = d.transaction_id;
  w.debit_order.push_back(d.transaction_id);
  s.record("tingee", "", "direct-debit-paid", Json{{"transactionId", d.transaction_id}, {"amount", amount}});
  tingee_reply(res, "00", "Success",
               Json{{"code", d.code},
                    {"status", d.status},
                    {"transactionCode", d.transaction_id},
                    {"isSentConfirmEmail", false},
                    {"isSentConfirmZalo", false},
                    {"returnUrl", b.value("returnUrl", sub->return_url)}});
  w.debits[d.transaction_id] = d;
}

void refund(State& s, DebitWorld& w, const std::string&, const Json& b, httplib::Response& res) {
  if (!text(b, "transactionId") || !b.contains("amount") || !b["amount"].is_number_integer()) {
    return invalid(res, "transactionId and amount (a number) are required");
  }
  const long long amount = b["amount"].get<long long>();
  if (amount <= 0) return invalid(res, "amount must be positive");
  Subscription* sub = subscription(w, b, res);
  if (sub == nullptr) return;
  auto it = w.debits.find(b["transactionId"].get<std::string>());
  if (it == w.debits.end() || it->second.subscription_id != sub->subscription_id) {
    return tingee_reply(res, "1041", "Giao dịch không tồn tại");
  }
  Debit& d = it->second;
  if ((d.status != "success" && d.status != "refunded") || amount > d.amount - d.refunded) {
    return tingee_reply(res, "1051", "Số tiền hoàn vượt quá số tiền giao dịch");
  }
  d.refunded += amount;
  if (d.refunded == d.amount) d.status = "refunded";
  s.record("tingee", "", "direct-debit-refunded", Json{{"transactionId", d.transaction_id}, {"amount", amount}});
  tingee_reply(res, "00", "Success",
               Json{{"refundAmount", amount}, {"transactionId", d.transaction_id}, {"status", "success"}});
}

void delete_subscription(State&, DebitWorld& w, const std::string& base, const Json& b, httplib::Response& res) {
  if (!text(b, "requestId") || !text(b, "returnUrl")) return invalid(res, "requestId and returnUrl are required");
  Subscription* sub = subscription(w, b, res);
  if (sub == nullptr) return;
  tingee_reply(
      res, "00", "Success",
      Json{{"confirmUrl", base + "/_sandbox/tingee/direct-debit/cancel?subscriptionId=" + sub->subscription_id},
           {"code", "00"}});
}

void edit_confirm(State&, DebitWorld& w, const std::string& base, const Json& b, httplib::Response& res) {
  if (!text(b, "requestId") || !text(b, "returnUrl")) return invalid(res, "requestId and returnUrl are required");
  Subscription* sub = subscription(w, b, res);
  if (sub == nullptr) return;
  tingee_reply(res, "00", "Success",
               base + "/_sandbox/tingee/direct-debit/edit?subscriptionId=" + sub->subscription_id);
}

void subscription_status(State&, DebitWorld& w, const std::string&, const Json& b, httplib::Response& res) {
  Subscription* sub = subscription(w, b, res);
  if (sub == nullptr) return;
  tingee_reply(res, "00", "Success",
               Json{{"lastModificationTime", sub->last_modification_time},
                    {"bankName", bank_name_of(sub->bank_bin)},
                    {"accountName", sub->account_name},
                    {"accountNumber", "0071000123456"},
                    {"phone", sub->phone},
                    {"confirmPaymentByEmail", false},
                    {"confirmPaymentByZalo", false},
                    {"tokenRef", sub->token_ref},
                    {"status", sub->status == "active" ? "active" : "inactive"},
                    {"subscriptionId", sub->subscription_id},
                    {"bankBin", sub->bank_bin}});
}

void transaction_status(State&, DebitWorld& w, const std::string&, const Json& b, httplib::Response& res) {
  Subscription* sub = subscription(w, b, res);
  if (sub == nullptr) return;
  auto it = w.debits.find(b.value("transactionId", ""));
  if (it == w.debits.end() || it->second.subscription_id != sub->subscription_id) {
    return tingee_reply(res, "1041", "Giao dịch không tồn tại");
  }
  const Debit& d = it->second;
  tingee_reply(res, "00", "Success",
               Json{{"transactionId", d.transaction_id},
                    {"subscriptionId", d.subscription_id},
                    {"tokenRef", d.token_ref},
                    {"bankBin", sub->bank_bin},
                    {"customer", {{"name", sub->account_name}, {"phone", sub->phone}}},
                    {"accountNumber", "0071000123456"},
                    {"accountName", sub->account_name},
                    {"code", d.code},
                    {"amount", d.amount},
                    {"currency", "VND"},
                    {"content", d.content},
                    {"transactionDate", d.date},
                    {"status", d.status}});
}

void paging_transactions(State&, DebitWorld& w, const std::string&, const Json& b, httplib::Response& res) {
  Subscription* sub = subscription(w, b, res);
  if (sub == nullptr) return;
  Json page_request = Json::object();  // the query's skipCount/maxResultCount are strings
  for (const char* f : {"skipCount", "maxResultCount"}) {
    if (!text(b, f)) continue;
    if (!digits(b[f].get<std::string>(), 9)) return invalid(res, std::string(f) + " must be a whole number");
    page_request[f] = std::stoll(b[f].get<std::string>());
  }
  const std::string from = b.value("startTime", ""), to = b.value("endTime", "");
  Json items = Json::array();
  for (const auto& id : w.debit_order) {
    const Debit& d = w.debits[id];
    if (d.subscription_id != sub->subscription_id) continue;
    if ((!from.empty() && d.date < from) || (!to.empty() && d.date > to)) continue;
    items.push_back(debit_item(d, *sub));
  }
  tingee_page_reply(res, page_request, items);
}

/// The payer's pages (unsigned, as a browser opens them): authorise a registration, confirm a
/// cancellation, the edit page.
void install_payer_pages(httplib::Server& server, State& state, const std::shared_ptr<DebitWorld>& world) {
  server.Get("/_sandbox/tingee/direct-debit/authorize",
             [&state, world](const httplib::Request& req, httplib::Response& res) {
               std::lock_guard<std::mutex> lock(state.mu);
               auto reg = world->registrations.find(req.get_param_value("requestId"));
               if (reg == world->registrations.end()) return bad_request(res, "no registration of that requestId");
               Subscription& sub = world->subscriptions[reg->second];
               if (sub.status == "pending") {
                 sub.status = "active";
                 sub.last_modification_time = iso_now();
                 state.record("tingee", "", "direct-debit-authorized", Json{{"subscriptionId", sub.subscription_id}});
               }
               json_reply(res, 200,
                          Json{{"subscriptionId", sub.subscription_id},
                               {"tokenRef", sub.token_ref},
                               {"status", sub.status},
                               {"returnUrl", sub.return_url}});
             });
  server.Get("/_sandbox/tingee/direct-debit/cancel",
             [&state, world](const httplib::Request& req, httplib::Response& res) {
               std::lock_guard<std::mutex> lock(state.mu);
               auto it = world->subscriptions.find(req.get_param_value("subscriptionId"));
               if (it == world->subscriptions.end()) return bad_request(res, "no such subscription");
               it->second.status = "inactive";
               it->second.last_modification_time = iso_now();
               state.record("tingee", "", "direct-debit-cancelled", Json{{"subscriptionId", it->first}});
               json_reply(res, 200, Json{{"subscriptionId", it->first}, {"status", "inactive"}});
             });
  server.Get("/_sandbox/tingee/direct-debit/edit",
             [&state, world](const httplib::Request& req, httplib::Response& res) {
               std::lock_guard<std::mutex> lock(state.mu);
               auto it = world->subscriptions.find(req.get_param_value("subscriptionId"));
               if (it == world->subscriptions.end()) return bad_request(res, "no such subscription");
               json_reply(res, 200, Json{{"subscriptionId", it->first}, {"status", it->second.status}});
             });
}

}  // namespace

void install_tingee_direct_debit(httplib::Server& server, const Options& options, State& state) {
  auto world = std::make_shared<DebitWorld>();
  state.counters.emplace_back("tingee.subscriptions", [world] { return world->subscriptions.size(); });
  state.counters.emplace_back("tingee.debits", [world] { return world->debits.size(); });
  const std::string prefix = "/v1/direct-debit/";
  auto posted = [&](const std::string& name, Route route) {
    post(
        server, prefix + name,
        [&options, &state, world, route](const httplib::Request& req, const std::string& body, httplib::Response& res) {
          serve(options, state, *world, route, req, body, res);
        });
  };
  auto with_body = [&options, &state, world](Route route) {
    return [&options, &state, world, route](const httplib::Request& req, httplib::Response& res) {
      serve(options, state, *world, route, req, req.body, res);
    };
  };
  posted("register", register_subscription);
  posted("payment-bill", payment_bill);
  posted("refund", refund);
  server.Delete(prefix + "delete-subscription", with_body(delete_subscription));
  server.Put(prefix + "edit-confirm-payment-method", with_body(edit_confirm));
  server.Get(prefix + "get-subscription-status", with_body(subscription_status));
  server.Get(prefix + "get-transaction-status", with_body(transaction_status));
  server.Get(prefix + "get-paging-transactions", with_body(paging_transactions));
  install_payer_pages(server, state, world);
}

}  // namespace paygw::sandbox
