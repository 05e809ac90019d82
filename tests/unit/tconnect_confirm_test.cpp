// SPDX-License-Identifier: MIT
// TConnect IPNs are not authenticated (AES-CBC without a MAC): confirm_ipn looks the payment up
// through the order status and the transaction query before anything is credited. A tampered IPN,
// a missing transaction, list items without order_id (only the order status confirms them, ADR
// 0036), pagination, the search window, and the blocking/async forms; and callers waiting for a
// shared login give up on their own cancel flag.
#include <paygw/tconnect/client.hpp>

#include "support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace {

using namespace paygw;
using namespace std::chrono_literals;
using nlohmann::json;

bool is_login(const http::Request& r) { return r.url.find("/auth/login") != std::string::npos; }

// The TConnect side: logs in, answers the order status with `order_status` (HTTP 404 when unset,
// as a TConnect without that endpoint would), and each transaction query from `pages` (page n =
// pages[n-1]), recording every decrypted query (order status queries apart).
struct FakeTconnect {
  std::vector<json> pages;
  std::optional<json> order_status;
  int order_status_http = 200;
  std::mutex mu;
  std::vector<json> queries;
  std::vector<std::string> paths;
  std::vector<json> status_queries;
  std::vector<std::string> status_service_codes;

  std::shared_ptr<http::Transport> transport() {
    return std::make_shared<test::ScriptedTransport>([this](const http::Request& r) -> Result<http::Response> {
      if (is_login(r)) return test::json_response(200, R"({"access_token":"t","expires_in":600})");
      auto data = json::parse(r.body)["data"].get<std::string>();
      auto plain = test::independent_decrypt_envelope(test::kTconnectKeyHex, data);
      if (!plain) return test::json_response(400, R"({"message":"bad envelope"})");
      const json query = json::parse(*plain);
      std::lock_guard<std::mutex> lock(mu);
      if (test::path_of(r.url) == "/openapi/v1/transaction/qr/order/status") {
        status_queries.push_back(query);
        const std::string* service = http::find_header(r.headers, "x-service-code");
        status_service_codes.push_back(service != nullptr ? *service : "");
        if (!order_status) return test::json_response(404, R"({"message":"Not Found"})");
        return test::json_response(order_status_http, order_status->dump());
      }
      queries.push_back(query);
      paths.push_back(test::path_of(r.url));
      const auto page = static_cast<std::size_t>(query["page"].get<int>());
      const json items = page <= pages.size() ? pages[page - 1] : json::array();
      return test::json_response(200, json{{"data", {{"items", items}}}}.dump());
    });
  }
};

json transaction(const std::string& request_id, const std::string& status, std::int64_t amount) {
  return json{{"order_id", "ORD-" + request_id},
              {"request_id", request_id},
              {"status", status},
              {"amount", amount},
              {"trn_ref_no", "FT" + request_id},
              {"narrative", "thanh toan"},
              {"txn_init_dt", "2026-07-16 17:40:26"}};
}

tconnect::IpnNotification ipn(const std::string& request_id, std::int64_t amount) {
  tconnect::IpnNotification n;
  n.order_id = "ORD-" + request_id;
  n.request_id = request_id;
  n.amount = amount;
  n.payment_type = "QR";
  n.original_transaction_date = 1784198426;  // 2026-07-16T10:40:26Z = 17:40:26 in Vietnam
  return n;
}

TEST(TconnectConfirmIpn, ASuccessfulTransactionWithTheSameAmountConfirms) {
  FakeTconnect fake;
  fake.pages = {json::array({transaction("R1", "SUCCESS", 100000), transaction("R2", "SUCCESS", 250000)})};
  auto client = test::tconnect_client(fake.transport());
  for (bool async : {false, true}) {
    auto r = async ? client.confirm_ipn_async(ipn("R2", 250000)).get() : client.confirm_ipn(ipn("R2", 250000));
    ASSERT_TRUE(r.ok()) << describe(r.error());
    EXPECT_EQ(r->result, tconnect::IpnCheck::kConfirmed);
    ASSERT_TRUE(r->transaction.has_value());
    EXPECT_EQ(r->transaction->trn_ref_no, "FTR2");
  }
  ASSERT_EQ(fake.queries.size(), 2u);
  EXPECT_EQ(fake.paths[0], "/openapi/v1/transaction/qr");
  // One hour either side of the IPN's own time, in Vietnam time.
  EXPECT_EQ(fake.queries[0]["from_date"], "2026-07-16 16:40:26");
  EXPECT_EQ(fake.queries[0]["to_date"], "2026-07-16 18:40:26");
  EXPECT_EQ(fake.queries[0]["page"], 1);
}

// The attack of the finding: a captured IPN for 100 000 VND whose IV is edited so that it
// decrypts to 900 000 VND. decode_ipn cannot tell; confirm_ipn can.
TEST(TconnectConfirmIpn, ATamperedIpnIsNotConfirmed) {
  const Secret key(test::kTconnectKeyHex);
  // `{"amount":100000` is exactly the first AES block, so the IV alone changes it.
  const std::string plaintext = R"({"amount":100000,"order_id":"ORD-R1","request_id":"R1","payment_type":"QR"})";
  test::CountingRandom iv;
  auto captured = tconnect::encrypt_envelope(plaintext, key, tconnect::KeyFormat::kHex, iv);
  ASSERT_TRUE(captured.ok());
  std::string forged = *captured;
  // IV byte 10 sits over the '1' of 100000: xor it with '1' ^ '9'.
  const int byte = std::stoi(forged.substr(20, 2), nullptr, 16) ^ ('1' ^ '9');
  char hex[3];
  std::snprintf(hex, sizeof hex, "%02x", byte);
  forged.replace(20, 2, hex);
  auto decoded = tconnect::decode_ipn(R"({"data":")" + forged + R"("})", {key});
  ASSERT_TRUE(decoded.ok()) << "AES-CBC without a MAC: the forgery decrypts";
  EXPECT_EQ(decoded->amount, 900000);

  FakeTconnect fake;
  fake.pages = {json::array({transaction("R1", "SUCCESS", 100000)})};
  auto r = test::tconnect_client(fake.transport()).confirm_ipn(*decoded);
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(r->result, tconnect::IpnCheck::kAmountMismatch);
  EXPECT_EQ(r->transaction->amount, 100000);
}

// The IV reaches the first AES block, where TConnect's own field order may put order_id: a
// captured IPN edited to name another order keeps the real request_id and amount. The transaction
// with that request_id is another order's: the IPN must not be confirmed (a merchant crediting
// ipn.order_id on kConfirmed would credit an order nobody paid). The same through the sandbox:
// SandboxTconnectIpn.AnOrderIdForgedThroughTheIvIsNotConfirmed.
TEST(TconnectConfirmIpn, AnIpnNamingAnotherOrderThanItsTransactionIsNotConfirmed) {
  FakeTconnect fake;
  fake.pages = {json::array({transaction("R1", "SUCCESS", 100000)})};  // order ORD-R1
  auto forged = ipn("R1", 100000);
  forged.order_id = "XRD-R1";
  auto client = test::tconnect_client(fake.transport());
  for (bool async : {false, true}) {
    auto r = async ? client.confirm_ipn_async(forged).get() : client.confirm_ipn(forged);
    ASSERT_TRUE(r.ok()) << describe(r.error());
    EXPECT_NE(r->result, tconnect::IpnCheck::kConfirmed)
        << "confirmed an IPN of order XRD-R1 by the payment of order " << r->transaction->order_id;
  }
}

// tx_data of an order status answer for ORD-<request_id>: `items` without order_id.
json order_status(const std::string& request_id, json items) {
  for (auto& item : items) item.erase("order_id");
  return json{{"message", "success"},
              {"tx_data", {{"order_id", "ORD-" + request_id}, {"acc_no", "VA1"}, {"transactions", items}}}};
}

// Issue 20 item 15: if TConnect's list items carry no order_id, the list confirms no IPN naming an
// order (fail closed, ADR 0022): every IPN was answered 503 forever. The order status lists the
// order's transactions under the order, and confirms it.
TEST(TconnectConfirmIpn, ListItemsWithoutOrderIdAreConfirmedThroughTheOrderStatus) {
  FakeTconnect fake;
  json unnamed = transaction("R1", "SUCCESS", 100000);
  unnamed.erase("order_id");
  fake.pages = {json::array({unnamed})};
  fake.order_status = order_status("R1", json::array({transaction("R0", "PENDING", 100000), unnamed}));
  auto n = ipn("R1", 100000);
  n.acc_no = "VA1";
  auto client = test::tconnect_client(fake.transport());
  for (bool async : {false, true}) {
    auto r = async ? client.confirm_ipn_async(n).get() : client.confirm_ipn(n);
    ASSERT_TRUE(r.ok()) << describe(r.error());
    EXPECT_EQ(r->result, tconnect::IpnCheck::kConfirmed);
    ASSERT_TRUE(r->transaction.has_value());
    EXPECT_EQ(r->transaction->order_id, "ORD-R1") << "the order it is listed under";
    EXPECT_EQ(r->transaction->request_id, "R1");
    EXPECT_EQ(r->transaction->trn_ref_no, "FTR1");
  }
  ASSERT_EQ(fake.status_queries.size(), 2u);
  EXPECT_EQ(fake.status_queries[0], (json{{"order_id", "ORD-R1"}, {"acc_no", "VA1"}}));
  EXPECT_EQ(fake.status_service_codes[0], "vccb-qr") << "Config::service_code, as the third-party client sends it";
  EXPECT_TRUE(fake.queries.empty()) << "the order status answered: no list query";
}

TEST(TconnectConfirmIpn, TheOrderStatusKeepsTheMoneyRules) {
  struct Case {
    const char* name;
    json status;
    tconnect::IpnCheck expected;
  };
  json other_order = order_status("R1", json::array({transaction("R1", "SUCCESS", 100000)}));
  other_order["tx_data"]["order_id"] = "ORD-R2";  // TConnect answers about another order
  json item_of_other_order = order_status("R1", json::array());
  item_of_other_order["tx_data"]["transactions"].push_back(transaction("R2", "SUCCESS", 100000));  // ORD-R2
  item_of_other_order["tx_data"]["transactions"][0]["request_id"] = "R1";
  const std::vector<Case> cases = {
      {"another amount", order_status("R1", json::array({transaction("R1", "SUCCESS", 900000)})),
       tconnect::IpnCheck::kAmountMismatch},
      {"not paid yet", order_status("R1", json::array({transaction("R1", "PENDING", 100000)})),
       tconnect::IpnCheck::kNotSuccessful},
      {"another request_id", order_status("R1", json::array({transaction("R7", "SUCCESS", 100000)})),
       tconnect::IpnCheck::kNotFound},
      {"tx_data of another order", other_order, tconnect::IpnCheck::kNotFound},
      {"an item naming another order", item_of_other_order, tconnect::IpnCheck::kNotFound},
      {"no transactions", order_status("R1", json::array()), tconnect::IpnCheck::kNotFound},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    FakeTconnect fake;
    fake.order_status = c.status;
    auto r = test::tconnect_client(fake.transport()).confirm_ipn(ipn("R1", 100000));
    ASSERT_TRUE(r.ok()) << describe(r.error());
    EXPECT_EQ(r->result, c.expected);
    EXPECT_EQ(fake.status_queries.size(), 1u);
    // What the order status cannot answer is still looked for in the list (here: empty).
    EXPECT_EQ(fake.queries.size(), c.expected == tconnect::IpnCheck::kNotFound ? 1u : 0u);
  }
}

TEST(TconnectConfirmIpn, TheListIsSearchedWhenTheOrderStatusIsMissingOrEmpty) {
  for (bool endpoint : {false, true}) {
    SCOPED_TRACE(endpoint ? "order status: no transactions" : "order status: HTTP 404");
    FakeTconnect fake;
    if (endpoint) fake.order_status = order_status("R1", json::array());
    fake.pages = {json::array({transaction("R1", "SUCCESS", 100000)})};  // names its order
    auto r = test::tconnect_client(fake.transport()).confirm_ipn(ipn("R1", 100000));
    ASSERT_TRUE(r.ok()) << describe(r.error());
    EXPECT_EQ(r->result, tconnect::IpnCheck::kConfirmed);
    EXPECT_EQ(fake.status_queries.size(), 1u);
    EXPECT_EQ(fake.queries.size(), 1u);
  }
  {  // another error of the order status is the call's error
    FakeTconnect fake;
    fake.order_status = json{{"message", "order_id is invalid"}};
    fake.order_status_http = 400;
    auto r = test::tconnect_client(fake.transport()).confirm_ipn(ipn("R1", 100000));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().http_status, 400);
    EXPECT_EQ(r.error().message, "order_id is invalid");
    EXPECT_TRUE(fake.queries.empty());
  }
  {  // an IPN naming no order is looked up in the list alone
    FakeTconnect fake;
    fake.order_status = order_status("R1", json::array({transaction("R1", "SUCCESS", 100000)}));
    json unnamed = transaction("R1", "SUCCESS", 100000);
    unnamed.erase("order_id");
    fake.pages = {json::array({unnamed})};
    auto n = ipn("R1", 100000);
    n.order_id.clear();
    auto r = test::tconnect_client(fake.transport()).confirm_ipn(n);
    ASSERT_TRUE(r.ok()) << describe(r.error());
    EXPECT_EQ(r->result, tconnect::IpnCheck::kConfirmed);
    EXPECT_TRUE(fake.status_queries.empty());
  }
}

TEST(TconnectConfirmIpn, MissingPendingAndPagedTransactions) {
  {
    FakeTconnect fake;
    fake.pages = {json::array({transaction("R9", "SUCCESS", 100000)})};
    auto r = test::tconnect_client(fake.transport()).confirm_ipn(ipn("R1", 100000));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->result, tconnect::IpnCheck::kNotFound);
    EXPECT_FALSE(r->transaction.has_value());
    EXPECT_EQ(fake.queries.size(), 1u) << "a short page is the last one";
  }
  {
    FakeTconnect fake;
    fake.pages = {json::array({transaction("R1", "PENDING", 100000)})};
    auto r = test::tconnect_client(fake.transport()).confirm_ipn(ipn("R1", 100000));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->result, tconnect::IpnCheck::kNotSuccessful);
  }
  {  // the match is on page 3; full pages of 100 before it
    FakeTconnect fake;
    for (int p = 0; p < 2; ++p) {
      json full = json::array();
      for (int i = 0; i < 100; ++i) full.push_back(transaction("X" + std::to_string(p * 100 + i), "SUCCESS", 1000));
      fake.pages.push_back(full);
    }
    fake.pages.push_back(json::array({transaction("R1", "SUCCESS", 100000)}));
    auto r = test::tconnect_client(fake.transport()).confirm_ipn_async(ipn("R1", 100000)).get();
    ASSERT_TRUE(r.ok()) << describe(r.error());
    EXPECT_EQ(r->result, tconnect::IpnCheck::kConfirmed);
    ASSERT_EQ(fake.queries.size(), 3u);
    EXPECT_EQ(fake.queries[2]["page"], 3);
    EXPECT_EQ(fake.queries[2]["limit"], 100);
  }
  {  // card payments are looked up in the card list
    FakeTconnect fake;
    auto n = ipn("R1", 100000);
    n.payment_type = "CARD";
    (void)test::tconnect_client(fake.transport()).confirm_ipn(n);
    ASSERT_EQ(fake.paths.size(), 1u);
    EXPECT_EQ(fake.paths[0], "/openapi/v1/transaction/card");
  }
}

// A caller waiting for someone else's login gives up on its own cancel flag, with nothing sent;
// the login goes on for the others.
TEST(TconnectTokens, AWaitingCallerGivesUpOnItsOwnCancelFlag) {
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::atomic<int> logins{0};
  std::atomic<int> pushes{0};
  auto transport = std::make_shared<test::ScriptedTransport>([&](const http::Request& r) -> Result<http::Response> {
    if (is_login(r)) {
      ++logins;
      gate.wait_for(30s);
      return test::json_response(200, R"({"access_token":"t","expires_in":600})");
    }
    ++pushes;
    return test::json_response(200, R"({"message":"ok"})");
  });
  auto client = test::tconnect_client(transport);
  const tconnect::PosPush push{"00059012710", "0129210912", 150000};
  auto first = std::async(std::launch::async, [&] { return client.push_payment(push); });
  for (int i = 0; i < 30000 && logins.load() == 0; ++i) std::this_thread::sleep_for(1ms);
  ASSERT_EQ(logins.load(), 1);

  for (bool async : {false, true}) {
    CancelToken cancel;
    CallOptions options;
    options.cancel = cancel;
    auto waiting = async ? client.push_payment_async(push, options)
                         : std::async(std::launch::async, [&] { return client.push_payment(push, options); });
    cancel.cancel();
    ASSERT_EQ(waiting.wait_for(30s), std::future_status::ready) << "the cancelled caller kept waiting for the login";
    auto r = waiting.get();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kCancelled);
    EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
    EXPECT_EQ(r.error().attempts, 0);
  }
  EXPECT_EQ(pushes.load(), 0);
  release.set_value();
  auto r = first.get();
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(logins.load(), 1) << "one shared login";
  EXPECT_EQ(pushes.load(), 1);
}

}  // namespace
