// SPDX-License-Identifier: MIT
#include "call/config_check.hpp"

#include "http/base_url.hpp"

namespace paygw::detail {

Result<std::string> check_connection_settings(std::string_view base_url, std::string_view base_url_hint,
                                              ClientOptions& options) {
  auto fail = [](std::string m) { return make_error(ErrorCode::kConfig, std::move(m)); };
  if (base_url.empty()) return fail("base_url is required (" + std::string(base_url_hint) + ")");
  auto url = check_base_url(base_url);
  if (!url) return url.error();
  if (!options.transport) return fail("transport is required (see http::make_curl_transport)");
  if (options.timeout.count() <= 0) return fail("timeout must be positive");
  if (options.retry.max_attempts < 1) return fail("retry.max_attempts must be at least 1");
  if (options.retry.total_timeout.count() <= 0) return fail("retry.total_timeout must be positive");
  if (options.retry.initial_backoff.count() < 0 || options.retry.max_backoff.count() < 0 ||
      options.retry.max_retry_after.count() < 0) {
    return fail("retry backoff and max_retry_after must not be negative");
  }
  if (!options.clock) options.clock = system_clock();
  if (!options.sleeper) options.sleeper = real_sleeper();
  if (!options.random) options.random = system_random();
  return std::move(*url);
}

}  // namespace paygw::detail
