// SPDX-License-Identifier: MIT
// Log output never contains secrets: the Tingee secret, the client id, signatures, or a
// security code from a request body. The test captures every line at kDebug while driving
// successful, failing and webhook calls.
#include <paygw/charging/client.hpp>
#include <paygw/tingee/client.hpp>
#include <paygw/tingee/webhook.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

namespace {

using namespace paygw;

struct Capture {
  std::mutex mu;
  std::vector<std::string> lines;
  Logger logger() {
    Logger l;
    l.level = LogLevel::kDebug;
    l.sink = [this](LogLevel, std::string_view line) {
      std::lock_guard<std::mutex> lock(mu);
      lines.emplace_back(line);
    };
    return l;
  }
  std::string all() {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
  }
};

TEST(Logging, NoSecretsInLogOutput) {
  Capture capture;
  auto replay = test::tingee_replay("tingee/add-device-to-shop.json");
  auto client = test::tingee_client(replay, capture.logger());
  const auto req = test::fixture_add_device_request();
  ASSERT_TRUE(client.add_device_to_shop(req).ok());
  ASSERT_FALSE(client.add_device_to_shop(req).ok());
  EXPECT_EQ(replay->report(), "");

  std::vector<std::string> signatures;
  for (const auto& r : replay->requests()) signatures.push_back(*http::find_header(r.headers, "x-signature"));
  ASSERT_EQ(signatures.size(), 2u);

  const std::string log = capture.all();
  ASSERT_FALSE(capture.lines.empty());
  // The log is useful: it names the call, the status and the redaction.
  EXPECT_NE(log.find("POST /v1/device/add-device-to-shop"), std::string::npos) << log;
  EXPECT_NE(log.find("HTTP 400"), std::string::npos) << log;
  EXPECT_NE(log.find("x-signature: <redacted>"), std::string::npos) << log;
  // ...and holds no secret.
  EXPECT_EQ(log.find(test::kTestSecret), std::string::npos) << log;
  EXPECT_EQ(log.find(test::kTestClientId), std::string::npos) << log;
  EXPECT_EQ(log.find("ABC123XYZ"), std::string::npos) << log;
  for (const auto& s : signatures) {
    EXPECT_EQ(log.find(s.substr(0, 16)), std::string::npos) << log;
  }
}

TEST(Logging, TconnectTokensCredentialsAndKeyNeverLogged) {
  Capture capture;
  auto replay = test::tconnect_replay("tconnect/token-401-retry.json");
  auto client = test::tconnect_client(replay, nullptr, capture.logger());
  // The first push is answered 401 (not resent), the second goes through with a refreshed token.
  EXPECT_FALSE(client.push_payment(tconnect::PosPush{"00059012710", "0129210912", 150000}).ok());
  ASSERT_TRUE(client.push_payment(tconnect::PosPush{"00059012710", "0129210912", 150000}).ok());
  EXPECT_EQ(replay->report(), "");
  const std::string log = capture.all();
  EXPECT_NE(log.find("POST /openapi/v1/devices/payments/push"), std::string::npos) << log;
  EXPECT_NE(log.find("HTTP 401"), std::string::npos) << log;
  EXPECT_NE(log.find("Authorization: <redacted>"), std::string::npos) << log;
  for (const char* secret : {"eyJ-test-access", "eyJ-test-refresh", "Password#123", "hUFhGJIqz746zcxsYVtrwhkveDuEfcYd",
                             test::kTconnectKeyHex, "PARTNER-TEST"}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << secret << " leaked into:\n" << log;
  }
  // Nor does the encrypted body (it is never logged, only its size).
  const auto body = replay->requests().front().body;
  EXPECT_EQ(log.find(body.substr(10, 32)), std::string::npos);
}

TEST(Logging, CardCodeSerialKeyAndSignNeverLogged) {
  Capture capture;
  auto replay = paygw::testing::ReplayTransport::from_files({test::fixture_path("charging/submit-query.json")});
  ASSERT_TRUE(replay.ok());
  charging::Config c;
  c.base_url = "https://thesieure.com";
  c.partner_id = "3681148751";
  c.partner_key = Secret("PARTNERKEY_TEST_0123456789abcdef");
  c.encoding = charging::Encoding::kQuery;  // the worst case: everything in the URL
  c.transport = *replay;
  c.logger = capture.logger();
  auto client = charging::Client::create(c);
  ASSERT_TRUE(client.ok());
  ASSERT_TRUE(client->submit({"VIETTEL", "312821445892982", "10004783347874", 50000, "323233"}).ok());
  EXPECT_EQ((*replay)->report(), "");
  const std::string log = capture.all();
  EXPECT_NE(log.find("GET /chargingws/v2"), std::string::npos) << log;
  EXPECT_NE(log.find("status 99"), std::string::npos) << log;
  for (const char* secret :
       {"312821445892982", "10004783347874", "PARTNERKEY_TEST", "355fe672fab7aa2a46b1c46c299d5ef6"}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << secret << " leaked into:\n" << log;
  }
}

TEST(Logging, ThrowingSinkDoesNotBreakTheCall) {
  Logger logger;
  logger.level = LogLevel::kDebug;
  logger.sink = [](LogLevel, std::string_view) { throw std::runtime_error("sink failed"); };
  auto replay = test::tingee_replay("tingee/read-security-code.json");
  auto client = test::tingee_client(replay, logger);
  EXPECT_TRUE(client.read_security_code({"DEVICE-001", std::nullopt}).ok());
  EXPECT_FALSE(client.read_security_code({"DEVICE-001", std::nullopt}).ok());
}

TEST(Logging, ErrorsDoNotCarrySecrets) {
  auto replay = test::tingee_replay("tingee/read-security-code.json");
  auto client = test::tingee_client(replay);
  ASSERT_TRUE(client.read_security_code({"DEVICE-001", std::nullopt}).ok());
  auto bad = client.read_security_code({"DEVICE-001", std::nullopt});
  ASSERT_FALSE(bad.ok());
  const std::string text = describe(bad.error());
  EXPECT_EQ(text.find(test::kTestSecret), std::string::npos);
  const auto sig = *http::find_header(replay->requests().back().headers, "x-signature");
  EXPECT_EQ(text.find(sig.substr(0, 16)), std::string::npos);
}

}  // namespace
