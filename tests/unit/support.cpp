#include "support.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>

namespace paygw::test {

std::chrono::system_clock::time_point spec_time() {
  // 2025-11-10T10:51:10.111Z = 1762771870 s since the epoch (date -u -d 2025-11-10T10:51:10Z +%s).
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(1762771870111LL));
}

std::string independent_hmac_sha512_hex(const std::string& key, const std::string& message) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha512(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), mac, &len);
  std::string hex;
  char byte[3];
  for (unsigned int i = 0; i < len; ++i) {
    std::snprintf(byte, sizeof byte, "%02x", mac[i]);
    hex += byte;
  }
  return hex;
}

std::string fixture_path(const std::string& relative) { return std::string(PAYGW_FIXTURE_DIR) + "/" + relative; }

std::shared_ptr<testing::ReplayTransport> tingee_replay(const std::string& fixture) {
  auto replay = testing::ReplayTransport::from_files({fixture_path(fixture)});
  EXPECT_TRUE(replay.ok()) << (replay.ok() ? "" : replay.error().message);
  if (!replay) return std::make_shared<testing::ReplayTransport>();
  (*replay)->set_request_check([](const http::Request& r) -> std::string {
    const std::string* ts = http::find_header(r.headers, "x-request-timestamp");
    const std::string* sig = http::find_header(r.headers, "x-signature");
    if (ts == nullptr || sig == nullptr) return "missing x-request-timestamp or x-signature";
    if (*ts != kSpecTimestamp) return "x-request-timestamp is " + *ts + ", expected " + kSpecTimestamp;
    const std::string signed_body = r.body.empty() ? "{}" : r.body;
    const std::string expected = independent_hmac_sha512_hex(kTestSecret, *ts + ":" + signed_body);
    if (*sig != expected) return "x-signature does not match HMAC-SHA512(secret, timestamp:body)";
    return {};
  });
  return *replay;
}

tingee::AddDeviceToShopRequest fixture_add_device_request() {
  tingee::AddDeviceToShopRequest req;
  req.uuid = "DEVICE-001";
  req.security_code = "ABC123XYZ";
  req.shop_ids = {12};
  req.va_account_numbers = {"V1T123456789"};
  req.app_type = "ocb-web";
  return req;
}

tingee::Client tingee_client(std::shared_ptr<http::Transport> transport, Logger logger) {
  tingee::Config config;
  config.base_url = std::string(tingee::kUatBaseUrl);
  config.client_id = kTestClientId;
  config.secret = Secret(kTestSecret);
  config.transport = std::move(transport);
  config.clock = std::make_shared<FixedClock>(spec_time());
  config.timestamp_backdate = std::chrono::milliseconds(0);
  config.logger = std::move(logger);
  auto client = tingee::Client::create(std::move(config));
  if (!client) {
    ADD_FAILURE() << client.error().message;
    std::abort();
  }
  return *client;
}

}  // namespace paygw::test
