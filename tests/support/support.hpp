// SPDX-License-Identifier: MIT
// Shared helpers for the unit tests.
#pragma once

#include <paygw/charging/client.hpp>
#include <paygw/clock.hpp>
#include <paygw/retry.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/testing/replay_transport.hpp>
#include <paygw/tingee/client.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace paygw::test {

inline constexpr const char* kTestSecret =
    "test-secret-key";  // the key of the signing vectors (tingee_signing_test.cpp)
inline constexpr const char* kTestClientId = "test-client-id";
inline constexpr const char* kSpecTimestamp = "20251110175110111";

/// 2025-11-10T10:51:10.111Z, i.e. 20251110175110111 as a Tingee timestamp (yyyyMMddHHmmssSSS, UTC+7).
std::chrono::system_clock::time_point spec_time();

/// Hex HMAC-SHA512 computed with OpenSSL's one-shot HMAC(), a code path independent of paygw's.
std::string independent_hmac_sha512_hex(const std::string& key, const std::string& message);

/// Path of a fixture file under tests/fixtures.
std::string fixture_path(const std::string& relative);

/// Replay transport over one fixture file; the request check recomputes the Tingee signature
/// independently and requires the x-request-timestamp of spec_time().
std::shared_ptr<testing::ReplayTransport> tingee_replay(const std::string& fixture);

/// The request of tests/fixtures/tingee/add-device-to-shop.json.
tingee::AddDeviceToShopRequest fixture_add_device_request();

/// The Tingee test configuration on `transport`: the test credentials, a fixed clock at
/// spec_time(), no timestamp backdating, no real sleeping.
tingee::Config tingee_config(std::shared_ptr<http::Transport> transport);

/// Tingee client on `transport` with the test credentials, a fixed clock at spec_time() and no
/// timestamp backdating.
tingee::Client tingee_client(std::shared_ptr<http::Transport> transport, Logger logger = {}, bool validate_qr = true);

/// The TConnect test AES key of the envelope vectors (bytes 0x00..0x1f), hex.
inline constexpr const char* kTconnectKeyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

/// AES-256-CBC decryption of hex(IV || ciphertext) written directly against OpenSSL's EVP API —
/// a second code path, not shared with paygw's encoder. nullopt when it does not decrypt.
std::optional<std::string> independent_decrypt_envelope(const std::string& key_hex, const std::string& data_hex);

/// Replay transport over a TConnect fixture whose request check decrypts each body
/// independently, compares it byte for byte with the exchange's "check" payload, and requires
/// that login/refresh carry no Authorization header.
std::shared_ptr<testing::ReplayTransport> tconnect_replay(const std::string& fixture);

/// A RandomSource that returns bytes 0xa0, 0xa1, ... (IV a0a1…af of the envelope vectors), or a given start.
class CountingRandom final : public RandomSource {
 public:
  explicit CountingRandom(unsigned char first = 0xa0) : first_(first) {}
  Result<std::string> bytes(std::size_t count) override {
    std::string out(count, '\0');
    for (std::size_t i = 0; i < count; ++i) out[i] = static_cast<char>(first_ + i);
    return out;
  }

 private:
  unsigned char first_;
};

/// A Sleeper that does not sleep: it records each wait (sync or async; an async wait's
/// continuation runs inline), advances the clock when given one, then runs `on_wait` if set.
class RecordingSleeper final : public Sleeper {
 public:
  explicit RecordingSleeper(std::shared_ptr<FixedClock> clock = nullptr) : clock_(std::move(clock)) {}
  void sleep(std::chrono::milliseconds d, const CancelToken&) override { record(d); }
  void sleep_async(std::chrono::milliseconds d, const CancelToken&, std::function<void()> then) override {
    record(d);
    then();
  }
  std::vector<std::chrono::milliseconds> waits;  ///< Read it once the calls have returned.
  std::function<void()> on_wait;

 private:
  void record(std::chrono::milliseconds d) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      waits.push_back(d);
    }
    if (clock_) clock_->advance(d);
    if (on_wait) on_wait();
  }
  std::mutex mu_;
  std::shared_ptr<FixedClock> clock_;
};

/// A transport that answers through `handler`. Unlike the default Transport::send_async (which
/// runs send() in the caller's thread), send_async here runs each request on a thread of its own,
/// like a real asynchronous transport, so a test can see which paygw thread would be blocked.
class ScriptedTransport final : public http::Transport {
 public:
  using Handler = std::function<Result<http::Response>(const http::Request&)>;
  explicit ScriptedTransport(Handler handler) : handler_(std::make_shared<Handler>(std::move(handler))) {}
  Result<http::Response> send(const http::Request& r) override { return (*handler_)(r); }
  void send_async(http::Request r, Completion done) override;

 private:
  std::shared_ptr<Handler> handler_;
};

/// The path of an absolute URL ("https://h/a/b?x" -> "/a/b").
inline std::string path_of(const std::string& url) {
  const auto start = url.find('/', url.find("://") + 3);
  const auto end = url.find('?', start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

/// A JSON response with `status`.
inline http::Response json_response(int status, std::string body) {
  return http::Response{status, {{"Content-Type", "application/json"}}, std::move(body)};
}

/// One shared RecordingSleeper for tests that only need "never really sleep".
std::shared_ptr<Sleeper> no_sleep();

/// The card-charging test configuration on `transport`: partner 3681148751 with the sign vectors'
/// made-up key (kChargingKey), https://thesieure.com, no real sleeping.
inline constexpr const char* kChargingKey = "PARTNERKEY_TEST_0123456789abcdef";
charging::Config charging_config(std::shared_ptr<http::Transport> transport);

/// The TConnect test configuration on `transport`: the doc's login example, partner code
/// PARTNER-TEST, service code vccb-qr, the test key, a fixed clock at spec_time(), no real sleeping.
tconnect::Config tconnect_config(std::shared_ptr<http::Transport> transport);

/// TConnect client with the test credentials (the doc's login example), partner code
/// PARTNER-TEST, service code vccb-qr, the test key, `clock` (spec_time() when null).
tconnect::Client tconnect_client(std::shared_ptr<http::Transport> transport, std::shared_ptr<Clock> clock = nullptr,
                                 Logger logger = {});

}  // namespace paygw::test
