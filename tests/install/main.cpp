// SPDX-License-Identifier: MIT
// Uses the installed library offline: sign a Tingee request, verify a webhook, and create the
// curl transport and a client (no request is sent).
#include <paygw/paygw.hpp>

#include <cstdio>
#include <string>

int main() {
  const paygw::Secret secret("test-secret-key");
  // The first Tingee signing vector (tests/unit/tingee_signing_test.cpp): key test-secret-key, "20251110175110111:{}".
  auto sig = paygw::tingee::sign(secret, "20251110175110111", "{}");
  if (!sig || *sig !=
                  "5c24a97b8d4798dc8c95dae249718c0798d29f1cfc18454c4ae6c7795143b6aaf70b925a1a1bffd8ea22937f028d9d0ff82e"
                  "f26acff76cfdce141be9a3dd9901") {
    std::puts("signature mismatch");
    return 1;
  }
  auto ping = paygw::tingee::verify_webhook(R"({"event":"ping","message":"t","timestamp":1})", {}, secret);
  if (!ping || ping->kind != paygw::tingee::WebhookKind::kPing) {
    std::puts("webhook verification failed");
    return 1;
  }
  auto transport = paygw::http::make_curl_transport();
  if (!transport) {
    std::printf("transport: %s\n", paygw::describe(transport.error()).c_str());
    return 1;
  }
  paygw::tingee::Config config;
  config.base_url = std::string(paygw::tingee::kUatBaseUrl);
  config.client_id = "client";
  config.secret = secret;
  config.transport = *transport;
  auto client = paygw::tingee::Client::create(config);
  if (!client) return 1;
  std::printf("paygw %s consumer OK\n", paygw::kVersion);
  return 0;
}
