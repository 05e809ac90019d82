// SPDX-License-Identifier: MIT
// TConnect IPNs are not authenticated (AES-CBC without a MAC): confirm_ipn looks the payment up
// through the transaction query before anything is credited. A tampered IPN, a missing
// transaction, pagination, the search window, and the blocking/async forms; and callers waiting
// for a shared login give up on their own cancel flag.
#include <paygw/tconnect/client.hpp>

#include "support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <future>
#include <mutex>
#include <thread>

namespace {

using namespace paygw;
using namespace std::chrono_literals;
using nlohmann::json;

bool is_login(const http::Request& r) { return r.url.find("/auth/login") != std::string::npos; }

// The TConnect side: logs in, and answers each transaction query from `pages` (page n = pages[n-1]),
// recording every decrypted query.
struct FakeTconnect {
  std::vector<json> pages;
  std::mutex mu;
  std::vector<json> queries;
  std::vector<std::string> paths;

  std::shared_ptr<http::Transport> transport() {
    return std::make_shared<test::ScriptedTransport>([this](const http::Request& r) -> Result<http::Response> {
      if (is_login(r)) return test::json_response(200, R"({"access_token":"t","expires_in":600})");
      auto data = json::parse(r.body)["data"].get<std::string>();
      auto plain = test::independent_decrypt_envelope(test::kTconnectKeyHex, data);
      if (!plain) return test::json_response(400, R"({"message":"bad envelope"})");
      const json query = json::parse(*plain);
      std::lock_guard<std::mutex> lock(mu);
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
