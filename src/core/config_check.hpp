// Internal: the configuration checks every client shares.
#pragma once

#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>
#include <paygw/retry.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace paygw::detail {

/// Checks base_url (required; https, or http on loopback), transport, timeout and retry policy.
/// Returns the normalised base URL. Errors: kConfig; `base_url_hint` completes "base_url is required".
Result<std::string> check_connection_settings(std::string_view base_url, std::string_view base_url_hint,
                                              const std::shared_ptr<http::Transport>& transport,
                                              std::chrono::milliseconds timeout, const RetryPolicy& retry);

}  // namespace paygw::detail
