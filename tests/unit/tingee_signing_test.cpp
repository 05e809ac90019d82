// SPDX-License-Identifier: MIT
// Tingee request signing (x-signature = lower-case hex HMAC-SHA512 keyed with the secret token over
// x-request-timestamp + ":" + the body as sent, "{}" when there is none): four vectors made with a
// made-up key and checked with Node's crypto and the openssl CLI, not with paygw; and the
// timestamp rule (yyyyMMddHHmmssSSS of UTC+7, whatever the host's time zone).
#include <paygw/tingee/client.hpp>

#include "support.hpp"
#include "tingee/signing.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <string>

namespace {

using namespace paygw;

struct Vector {
  const char* timestamp;
  const char* body;
  const char* signature;
};

// Key "test-secret-key"; the fourth body is shaped like a payment webhook. Signatures from Node's
// crypto.createHmac("sha512", key) and `openssl dgst -sha512 -hmac`.
const Vector kSpecVectors[] = {
    {"20251110175110111", "{}",
     "5c24a97b8d4798dc8c95dae249718c0798d29f1cfc18454c4ae6c7795143b6aaf70b925a1a1bffd8ea22937f028d9d0ff82ef26acff76cfdc"
     "e141be9a3dd9901"},
    {"20251110175110111", R"({"uuid":"DEVICE-001"})",
     "09402e738fa8344e10cb0d9983587e9b96a84e93e9da9c36e152f24c4e58cd90ab9806c5ab5da955ee9fccf57a0315d334a93d933639aceee"
     "224d4437488aad6"},
    {"20251110175110111",
     R"({"uuid":"DEVICE-001","amount":500000,"qrCode":"000201010212","bankBin":"970418","firstText":"Thanh toán đơn 1"})",
     "7286121574de718b1bd8a6fd4326b2bf4d210db6b469df444ead7ec692a1548350eb0694078daf0f22b1baee5081adfb7eb7342858be1457a"
     "fe1b8ba0e0ff4be"},
    {"20260716174026000",
     R"({"clientId":"cid","transactionCode":"0400/FT26197KVBJB","amount":2000,"content":"hello","bank":"STB","bankBin":"970403","accountNumber":"040072649119","vaAccountNumber":"TNG60716173559","transactionDate":"20260716174026","additionalData":[]})",
     "bf464500b44a43b60571e2614e16a00b9eb157e7a6ffdce98ff661ce0918a5f9258bbf127224784c43ee3b014a0b22e22613495004693d1fc"
     "50398e1b086fd1b"},
};

TEST(TingeeSign, SpecVectors) {
  const Secret secret(test::kTestSecret);
  for (const auto& v : kSpecVectors) {
    auto sig = tingee::sign(secret, v.timestamp, v.body);
    ASSERT_TRUE(sig.ok());
    EXPECT_EQ(*sig, v.signature) << v.body;
  }
}

TEST(TingeeSign, BodylessRequestsSignEmptyObject) {
  const Secret secret(test::kTestSecret);
  EXPECT_EQ(*tingee::sign(secret, "20251110175110111", ""), kSpecVectors[0].signature);
}

// The client's path: the secret prepared once, then every vector (and a bodyless request) with it.
TEST(TingeeSign, PreparedKeySpecVectors) {
  auto key = paygw::detail::crypto::HmacSha512Key::create(test::kTestSecret);
  ASSERT_TRUE(key.ok());
  for (const auto& v : kSpecVectors) {
    auto sig = tingee::detail::sign_with(*key, v.timestamp, v.body);
    ASSERT_TRUE(sig.ok());
    EXPECT_EQ(*sig, v.signature) << v.body;
  }
  EXPECT_EQ(*tingee::detail::sign_with(*key, "20251110175110111", ""), kSpecVectors[0].signature);
}

TEST(TingeeTimestamp, SpecExample) {
  // UTC 2025-11-10T10:51:10.111Z -> 20251110175110111 (UTC+7, milliseconds zero-padded).
  EXPECT_EQ(tingee::format_timestamp(test::spec_time()), "20251110175110111");
}

TEST(TingeeTimestamp, CrossesDayYearAndPadsMilliseconds) {
  using std::chrono::milliseconds;
  using std::chrono::system_clock;
  // 2025-12-31T17:00:00.005Z is 2026-01-01 00:00:00.005 in Vietnam (date -u -d 2025-12-31T17:00:00Z +%s = 1767200400).
  EXPECT_EQ(tingee::format_timestamp(system_clock::time_point(milliseconds(1767200400005LL))), "20260101000000005");
  // 2024-02-28T17:30:00Z is 2024-02-29 00:30 (leap day) in Vietnam (epoch 1709141400).
  EXPECT_EQ(tingee::format_timestamp(system_clock::time_point(milliseconds(1709141400000LL))), "20240229003000000");
  // The epoch itself: 1970-01-01 07:00 in Vietnam.
  EXPECT_EQ(tingee::format_timestamp(system_clock::time_point()), "19700101070000000");
}

TEST(TingeeTimestamp, IndependentOfHostTimeZone) {
  const char* old = std::getenv("TZ");
  const std::string saved = old != nullptr ? old : "";
  for (const char* zone : {"UTC", "Asia/Ho_Chi_Minh", "America/Los_Angeles", "Pacific/Kiritimati", "Europe/London",
                           "Asia/Kolkata", "EST5EDT"}) {
    setenv("TZ", zone, 1);
    tzset();
    EXPECT_EQ(tingee::format_timestamp(test::spec_time()), "20251110175110111") << zone;
  }
  if (old != nullptr) {
    setenv("TZ", saved.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
}

// A transport that captures the request and answers success.
class CaptureTransport final : public http::Transport {
 public:
  Result<http::Response> send(const http::Request& request) override {
    last = request;
    return http::Response{200, {}, R"({"code":"00","message":"Success"})"};
  }
  http::Request last;
};

TEST(TingeeSign, ClientSendsExactlyTheSignedBytes) {
  // End to end: the client serialises the third vector's body byte for byte (member order, raw
  // UTF-8) and signs it with the vectors' timestamp, so its signature is the vector's.
  auto capture = std::make_shared<CaptureTransport>();
  // The vector carries a placeholder QR ("000201010212"), so QR validation is off here.
  auto client = test::tingee_client(capture, {}, /*validate_qr=*/false);
  tingee::ShowQrRequest req;
  req.uuid = "DEVICE-001";
  req.amount = 500000;
  req.qr_code = "000201010212";
  req.bank_bin = "970418";
  req.first_text = "Thanh toán đơn 1";
  ASSERT_TRUE(client.show_dynamic_qr_code(req).ok());
  EXPECT_EQ(capture->last.body, kSpecVectors[2].body);
  EXPECT_EQ(*http::find_header(capture->last.headers, "x-request-timestamp"), "20251110175110111");
  EXPECT_EQ(*http::find_header(capture->last.headers, "x-signature"), kSpecVectors[2].signature);
  EXPECT_EQ(*http::find_header(capture->last.headers, "x-client-id"), test::kTestClientId);
  EXPECT_EQ(*http::find_header(capture->last.headers, "Content-Type"), "application/json");
}

TEST(TingeeSign, BackdateIsSubtractedFromTheClock) {
  auto capture = std::make_shared<CaptureTransport>();
  tingee::Config config;
  config.base_url = std::string(tingee::kUatBaseUrl);
  config.client_id = "c";
  config.secret = Secret("s");
  config.transport = capture;
  config.clock = std::make_shared<FixedClock>(test::spec_time());
  config.timestamp_backdate = std::chrono::milliseconds(3000);
  auto client = tingee::Client::create(config);
  ASSERT_TRUE(client.ok());
  ASSERT_TRUE(client->read_security_code({"DEVICE-001", std::nullopt}).ok());
  EXPECT_EQ(*http::find_header(capture->last.headers, "x-request-timestamp"), "20251110175107111");
}

}  // namespace
