// Shared helpers for the unit tests.
#pragma once

#include <paygw/clock.hpp>
#include <paygw/testing/replay_transport.hpp>
#include <paygw/tingee/client.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace paygw::test {

inline constexpr const char* kTestSecret = "test-secret-key";  // the key of ../shared/spec/tingee.md §2.3
inline constexpr const char* kTestClientId = "test-client-id";
inline constexpr const char* kSpecTimestamp = "20251110175110111";

/// 2025-11-10T10:51:10.111Z, i.e. 20251110175110111 in UTC+7 (spec §2.4).
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

/// Tingee client on `transport` with the test credentials, a fixed clock at spec_time() and no
/// timestamp backdating.
tingee::Client tingee_client(std::shared_ptr<http::Transport> transport, Logger logger = {});

}  // namespace paygw::test
