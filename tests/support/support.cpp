// SPDX-License-Identifier: MIT
#include "support.hpp"

#include <thread>

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>

#include <nlohmann/json.hpp>

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

std::shared_ptr<Sleeper> no_sleep() {
  static const auto sleeper = std::make_shared<RecordingSleeper>();
  return sleeper;
}

std::string fixture_path(const std::string& relative) { return std::string(PAYGW_FIXTURE_DIR) + "/" + relative; }

std::shared_ptr<testing::ReplayTransport> tingee_replay(const std::string& fixture) {
  auto replay = testing::ReplayTransport::from_files({fixture_path(fixture)});
  EXPECT_TRUE(replay.ok()) << (replay.ok() ? "" : replay.error().message);
  if (!replay) return std::make_shared<testing::ReplayTransport>();
  (*replay)->set_request_check([](const http::Request& r, const std::string&) -> std::string {
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

tingee::Config tingee_config(std::shared_ptr<http::Transport> transport) {
  tingee::Config config;
  config.base_url = std::string(tingee::kUatBaseUrl);
  config.client_id = kTestClientId;
  config.secret = Secret(kTestSecret);
  config.transport = std::move(transport);
  config.clock = std::make_shared<FixedClock>(spec_time());
  config.timestamp_backdate = std::chrono::milliseconds(0);
  config.sleeper = no_sleep();
  return config;
}

tingee::Client tingee_client(std::shared_ptr<http::Transport> transport, Logger logger, bool validate_qr) {
  tingee::Config config = tingee_config(std::move(transport));
  config.logger = std::move(logger);
  config.validate_qr = validate_qr;
  config.sleeper = no_sleep();
  auto client = tingee::Client::create(std::move(config));
  if (!client) {
    ADD_FAILURE() << client.error().message;
    std::abort();
  }
  return *client;
}

std::optional<std::string> independent_decrypt_envelope(const std::string& key_hex, const std::string& data_hex) {
  auto unhex = [](const std::string& h) -> std::optional<std::string> {
    if (h.size() % 2 != 0) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < h.size(); i += 2) {
      unsigned int byte = 0;
      if (std::sscanf(h.substr(i, 2).c_str(), "%2x", &byte) != 1) return std::nullopt;
      out.push_back(static_cast<char>(byte));
    }
    return out;
  };
  const auto key = unhex(key_hex);
  const auto raw = unhex(data_hex);
  if (!key || key->size() != 32 || !raw || raw->size() < 32 || raw->size() % 16 != 0) return std::nullopt;
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  std::string out(raw->size(), '\0');
  int n1 = 0;
  int n2 = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(raw->data());
  auto* dst = reinterpret_cast<unsigned char*>(out.data());
  const bool ok = EVP_DecryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr,
                                     reinterpret_cast<const unsigned char*>(key->data()), in) == 1 &&
                  EVP_DecryptUpdate(ctx, dst, &n1, in + 16, static_cast<int>(raw->size() - 16)) == 1 &&
                  EVP_DecryptFinal_ex(ctx, dst + n1, &n2) == 1;
  EVP_CIPHER_CTX_free(ctx);
  if (!ok) return std::nullopt;
  out.resize(static_cast<std::size_t>(n1 + n2));
  return out;
}

std::shared_ptr<testing::ReplayTransport> tconnect_replay(const std::string& fixture) {
  auto replay = testing::ReplayTransport::from_files({fixture_path(fixture)});
  EXPECT_TRUE(replay.ok()) << (replay.ok() ? "" : replay.error().message);
  if (!replay) return std::make_shared<testing::ReplayTransport>();
  (*replay)->set_request_check([](const http::Request& r, const std::string& check) -> std::string {
    const bool auth_call = r.url.find("/auth/") != std::string::npos;
    if (auth_call && http::find_header(r.headers, "Authorization") != nullptr) {
      return "login/refresh must not carry an Authorization header";
    }
    const auto body = nlohmann::json::parse(r.body, nullptr, false);
    if (!body.is_object() || body.size() != 1 || !body.contains("data") || !body["data"].is_string()) {
      return "body is not {\"data\": \"<hex>\"}";
    }
    const auto data = body["data"].get<std::string>();
    for (char c : data) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return "data is not lower-case hex";
    }
    const auto plaintext = independent_decrypt_envelope(kTconnectKeyHex, data);
    if (!plaintext) return "data does not decrypt with the test key";
    if (!check.empty() && *plaintext != check) return "decrypted payload " + *plaintext + " != expected " + check;
    return {};
  });
  return *replay;
}

tconnect::Config tconnect_config(std::shared_ptr<http::Transport> transport) {
  tconnect::Config config;
  config.base_url = "https://sme-open-api-sandbox.tconnect.vn";
  config.partner_code = "PARTNER-TEST";
  config.username = "demo@yourdomain.vn";
  config.password = Secret("Password#123");
  config.client_id = "fMLgZltRRtetnsOHXgxsHQ";
  config.client_secret = Secret("hUFhGJIqz746zcxsYVtrwhkveDuEfcYd");
  config.aes_key = Secret(kTconnectKeyHex);
  config.service_code = "vccb-qr";
  config.transport = std::move(transport);
  config.clock = std::make_shared<FixedClock>(spec_time());
  config.sleeper = no_sleep();
  return config;
}

tconnect::Client tconnect_client(std::shared_ptr<http::Transport> transport, std::shared_ptr<Clock> clock,
                                 Logger logger) {
  tconnect::Config config = tconnect_config(std::move(transport));
  if (clock) config.clock = std::move(clock);
  config.logger = std::move(logger);
  auto client = tconnect::Client::create(std::move(config));
  if (!client) {
    ADD_FAILURE() << client.error().message;
    std::abort();
  }
  return *client;
}

charging::Config charging_config(std::shared_ptr<http::Transport> transport) {
  charging::Config c;
  c.base_url = "https://thesieure.com";
  c.partner_id = "3681148751";
  c.partner_key = Secret(kChargingKey);
  c.transport = std::move(transport);
  c.sleeper = no_sleep();
  return c;
}

void ScriptedTransport::send_async(http::Request r, Completion done) {
  std::thread([handler = handler_, r = std::move(r), done = std::move(done)] { done((*handler)(r)); }).detach();
}

}  // namespace paygw::test
