// SPDX-License-Identifier: MIT
// TConnect client against fixtures (tests/fixtures/tconnect). Every request body is decrypted by
// test::tconnect_replay with an independent OpenSSL code path and compared byte for byte with
// the payload the fixture expects.
#include <paygw/tconnect/client.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace {

using namespace paygw;
using namespace std::chrono_literals;

class TconnectClientTest : public ::testing::Test {
 protected:
  tconnect::Client use(const std::string& fixture, std::shared_ptr<Clock> clock = nullptr) {
    replay_ = test::tconnect_replay("tconnect/" + fixture + ".json");
    return test::tconnect_client(replay_, std::move(clock));
  }
  void TearDown() override {
    if (replay_) {
      EXPECT_EQ(replay_->report(), "") << "the replay did not go as scripted";
    }
  }
  std::size_t logins() const {
    std::size_t n = 0;
    for (const auto& r : replay_->requests()) n += r.url.find("/auth/login") != std::string::npos ? 1 : 0;
    return n;
  }
  std::shared_ptr<paygw::testing::ReplayTransport> replay_;
};

const tconnect::PosPush kPos{"00059012710", "0129210912", 150000};

TEST_F(TconnectClientTest, PushToPosLogsInLazily) {
  auto client = use("push-pos");
  auto ok = client.push_payment(kPos);
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  EXPECT_EQ(ok->message, "Successfully pushed new payment to POS");

  auto bad = client.push_payment(kPos);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kHttpStatus);
  EXPECT_EQ(bad.error().http_status, 404);
  EXPECT_EQ(bad.error().message, "Device not found");
  EXPECT_TRUE(bad.error().maybe_sent());
  EXPECT_EQ(logins(), 1u);
}

TEST_F(TconnectClientTest, PushAsyncUsesTheSameWireFormat) {
  // The replay transport keeps the default send_async (runs send() inline): same fixture, same checks.
  auto client = use("push-pos");
  auto ok = client.push_payment_async(kPos).get();
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  EXPECT_EQ(ok->message, "Successfully pushed new payment to POS");
  auto bad = client.push_payment_async(kPos).get();
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().http_status, 404);
  EXPECT_EQ(bad.error().attempts, 1);
  auto invalid = client.push_payment_async(tconnect::PosPush{"", "O", 1}).get();
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(TconnectClientTest, PushToSoundbox) {
  auto client = use("push-soundbox");
  tconnect::SoundboxPush push{
      "SB-001234", 180000,
      "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA53037045406180000"
      "5802VN62340107NPS68690819thanh toan don hang63042E2E"};
  auto ok = client.push_payment(push);
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  EXPECT_EQ(ok->message, "Successfully pushed new payment to Soundbox");

  auto late = client.push_payment(push);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kTimeout);
  EXPECT_EQ(late.error().delivery, Delivery::kMaybeSent);
  EXPECT_EQ(late.error().attempts, 1) << "a payment write is never resent after an ambiguous failure";
}

TEST_F(TconnectClientTest, GetServices) {
  auto client = use("get-services");
  auto ok = client.get_services();
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  ASSERT_EQ(ok->services.size(), 1u);
  EXPECT_EQ(ok->services[0].service_code, "vccb-qr");
  EXPECT_EQ(ok->services[0].bincode, "970454");
  EXPECT_EQ(ok->services[0].name, "BVBank QR");
  auto bad = client.get_services();  // a read: retried, then the last 500 is returned
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().http_status, 500);
  EXPECT_EQ(bad.error().attempts, 3);
  EXPECT_EQ(bad.error().message, "Internal error");
}

TEST_F(TconnectClientTest, CreateVaDecryptsAnEncryptedResponse) {
  auto client = use("create-va");
  tconnect::CreateVaRequest req{"970454", "NGUYEN VAN A"};
  auto ok = client.create_va(req);
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  EXPECT_EQ(ok->va, "VA100023312");
  EXPECT_EQ(ok->account_name, "NGUYEN VAN A");
  EXPECT_EQ(ok->bank_code, "970454");
  EXPECT_EQ(ok->json, R"({"va":"VA100023312","account_name":"NGUYEN VAN A","bank_code":"970454"})");
  auto bad = client.create_va(req);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().http_status, 400);
  EXPECT_EQ(bad.error().message, "account_name is required");
}

TEST_F(TconnectClientTest, CreateStaticThenDynamicQr) {
  auto client = use("create-qr");
  tconnect::CreateQrRequest req{"f3a9c8a1-7bc2-4b9d-9df2-2fc6fbb91234", "VA100023312", "970454", std::nullopt, ""};
  auto fixed = client.create_qr(req);
  ASSERT_TRUE(fixed.ok()) << describe(fixed.error());
  EXPECT_FALSE(fixed->dynamic);
  EXPECT_EQ(fixed->qr_content.rfind("000201010211", 0), 0u);

  req.amount = 10000;
  auto dynamic = client.create_qr(req);
  ASSERT_TRUE(dynamic.ok()) << describe(dynamic.error());
  EXPECT_TRUE(dynamic->dynamic);
  EXPECT_EQ(dynamic->image_png_base64, "iVBORw0KGgo=");

  req.service_code = "other-qr";
  auto bad = client.create_qr(req);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "Invalid service code");
}

TEST_F(TconnectClientTest, TransactionQueries) {
  auto client = use("transactions");
  tconnect::TransactionQuery q{"2026-01-07 00:00:00", "2026-01-07 23:59:59", 10, 1};
  auto qr = client.get_qr_transactions(q);
  ASSERT_TRUE(qr.ok()) << describe(qr.error());
  ASSERT_EQ(qr->items.size(), 1u);
  EXPECT_EQ(qr->total, 1);
  const auto& t = qr->items[0];
  EXPECT_EQ(t.order_id, "ORD-1001");
  EXPECT_EQ(t.status, "SUCCESS");
  EXPECT_EQ(t.amount, 150000);
  EXPECT_EQ(t.trn_ref_no, "FT26007123456");
  EXPECT_EQ(t.txn_init_dt, "2026-01-07 10:15:00");
  EXPECT_NE(t.json.find(R"("extra":{"x":1})"), std::string::npos);

  auto card = client.get_card_transactions(q);
  ASSERT_TRUE(card.ok()) << describe(card.error());
  EXPECT_TRUE(card->items.empty());
  EXPECT_EQ(card->total, 0);

  auto cash = client.get_cash_transactions(q);
  ASSERT_FALSE(cash.ok());
  EXPECT_EQ(cash.error().message, "limit is too large");
}

TEST_F(TconnectClientTest, TokenIsRefreshedBeforeExpiry) {
  auto clock = std::make_shared<FixedClock>(test::spec_time());
  auto client = use("token-refresh", clock);
  ASSERT_EQ(client.push_payment(kPos)->message, "ok 1");
  clock->advance(500s);  // expires_in 600 - skew 60 = 540: still valid
  clock->advance(41s);   // now past the refresh point
  auto second = client.push_payment(kPos);
  ASSERT_TRUE(second.ok()) << describe(second.error());
  EXPECT_EQ(second->message, "ok 2");
  EXPECT_EQ(logins(), 1u);
}

TEST_F(TconnectClientTest, FailedRefreshFallsBackToLogin) {
  auto clock = std::make_shared<FixedClock>(test::spec_time());
  auto client = use("token-refresh-fails", clock);
  ASSERT_TRUE(client.push_payment(kPos).ok());
  clock->advance(590s);
  auto r = client.push_payment(kPos);
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(r->message, "ok 3");
  EXPECT_EQ(logins(), 2u);
}

// The blocking push and push_payment_async must handle a 401 alike.
Result<tconnect::PushResult> push(const tconnect::Client& client, bool async) {
  return async ? client.push_payment_async(kPos).get() : client.push_payment(kPos);
}

// A write answered 401 reached the server: it is not resent (ADR 0031). The token is forgotten,
// so the next call refreshes it and goes through.
TEST_F(TconnectClientTest, Http401OnAWriteIsReturnedNotResent) {
  for (bool async : {false, true}) {
    SCOPED_TRACE(async ? "push_payment_async" : "push_payment");
    auto client = use("token-401-retry");
    auto refused = push(client, async);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kAuth);
    EXPECT_EQ(refused.error().http_status, 401);
    EXPECT_EQ(refused.error().delivery, Delivery::kMaybeSent);
    EXPECT_EQ(refused.error().attempts, 1);
    ASSERT_EQ(replay_->requests().size(), 2u) << "the write was resent";
    auto next = push(client, async);
    ASSERT_TRUE(next.ok()) << describe(next.error());
    const auto requests = replay_->requests();
    ASSERT_EQ(requests.size(), 4u);
    EXPECT_EQ(*http::find_header(requests[3].headers, "Authorization"), "Bearer eyJ-test-access-2");
    EXPECT_EQ(replay_->report(), "");
  }
}

TEST_F(TconnectClientTest, Http401OnAWriteAfterAFreshTokenIsReturnedToo) {
  for (bool async : {false, true}) {
    SCOPED_TRACE(async ? "push_payment_async" : "push_payment");
    auto client = use("token-401-twice");
    for (int call = 1; call <= 2; ++call) {
      auto r = push(client, async);
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, ErrorCode::kAuth);
      EXPECT_EQ(r.error().http_status, 401);
      EXPECT_EQ(r.error().attempts, 1);
      EXPECT_EQ(replay_->requests().size(), 2u * static_cast<std::size_t>(call));
    }
    EXPECT_EQ(replay_->report(), "");
  }
}

// A scripted TConnect for reads: login N issues token tN; /services refuses the tokens in
// `refused` with 401 and otherwise lists one service. Records the business requests.
class TokenServer {
 public:
  explicit TokenServer(std::set<std::string> refused) : refused_(std::move(refused)) {}
  std::shared_ptr<http::Transport> transport() {
    return std::make_shared<test::ScriptedTransport>([this](const http::Request& r) -> Result<http::Response> {
      std::lock_guard<std::mutex> lock(mu_);
      if (r.url.find("/auth/login") != std::string::npos) {
        return test::json_response(200, R"({"access_token":"t)" + std::to_string(++logins_) + R"(","expires_in":600})");
      }
      requests_.push_back(r);
      if (refused_.count(*http::find_header(r.headers, "Authorization")) != 0) return test::json_response(401, "{}");
      return test::json_response(200,
                                 R"({"services":[{"service_code":"vccb-qr","bincode":"970454","name":"BVBank QR"}]})");
    });
  }
  std::vector<http::Request> requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  int logins() {
    std::lock_guard<std::mutex> lock(mu_);
    return logins_;
  }

 private:
  std::mutex mu_;
  std::set<std::string> refused_;
  std::vector<http::Request> requests_;
  int logins_ = 0;
};

Result<tconnect::ServiceList> services(const tconnect::Client& client, bool async) {
  return async ? client.get_services_async().get() : client.get_services();
}

TEST(TconnectRead401, ReauthenticatesAndResendsTheSameBytesOnce) {
  for (bool async : {false, true}) {
    SCOPED_TRACE(async ? "get_services_async" : "get_services");
    TokenServer server({"Bearer t1"});
    auto client = test::tconnect_client(server.transport());
    auto r = services(client, async);
    ASSERT_TRUE(r.ok()) << describe(r.error());
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].body, requests[1].body) << "the resend must carry the identical encrypted body";
    EXPECT_EQ(*http::find_header(requests[1].headers, "Authorization"), "Bearer t2");
    EXPECT_EQ(server.logins(), 2);
  }
}

TEST(TconnectRead401, SecondHttp401IsReturned) {
  for (bool async : {false, true}) {
    SCOPED_TRACE(async ? "get_services_async" : "get_services");
    TokenServer server({"Bearer t1", "Bearer t2"});
    auto client = test::tconnect_client(server.transport());
    auto r = services(client, async);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kAuth);
    EXPECT_EQ(r.error().http_status, 401);
    EXPECT_EQ(r.error().attempts, 2);
    EXPECT_EQ(server.requests().size(), 2u);
  }
}

TEST_F(TconnectClientTest, RefusedLoginIsAnAuthError) {
  auto client = use("login-fails");
  auto r = client.push_payment(kPos);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kAuth);
  EXPECT_EQ(r.error().message, "Invalid credentials");
  EXPECT_EQ(replay_->requests().size(), 1u) << "the push is not sent without a token";
}

// A transport that makes logins slow, so that concurrent callers pile up behind the first one.
class SlowLogin final : public http::Transport {
 public:
  explicit SlowLogin(std::shared_ptr<http::Transport> inner) : inner_(std::move(inner)) {}
  Result<http::Response> send(const http::Request& r) override {
    if (r.url.find("/auth/login") != std::string::npos) std::this_thread::sleep_for(50ms);
    return inner_->send(r);
  }

 private:
  std::shared_ptr<http::Transport> inner_;
};

TEST(TconnectTokens, SingleFlightLoginUnderConcurrency) {
  constexpr int kThreads = 16;
  std::string fixture =
      R"({"exchanges":[{"request":{"method":"POST","path":"/openapi/v1/auth/login","json":{"data":"<redacted>"}},
      "response":{"status":200,"json":{"access_token":"tok","expires_in":600,"refresh_token":"r"}}})";
  for (int i = 0; i < kThreads; ++i) {
    fixture += R"(,{"request":{"method":"POST","path":"/openapi/v1/devices/payments/push",
        "headers":{"authorization":"Bearer tok"},"json":{"data":"<redacted>"}},
      "response":{"status":200,"json":{"message":"ok"}}})";
  }
  fixture += "]}";
  auto replay = paygw::testing::ReplayTransport::from_json(fixture, "inline");
  ASSERT_TRUE(replay.ok()) << replay.error().message;
  auto client = test::tconnect_client(std::make_shared<SlowLogin>(*replay));
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      if (client.push_payment(kPos).ok()) ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kThreads);
  int logins = 0;
  for (const auto& r : (*replay)->requests()) logins += r.url.find("/auth/login") != std::string::npos ? 1 : 0;
  EXPECT_EQ(logins, 1);
  EXPECT_EQ((*replay)->report(), "");
}

}  // namespace
