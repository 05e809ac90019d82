// SPDX-License-Identifier: MIT
// Internal: the configuration checks every client shares.
#pragma once

#include <paygw/client_options.hpp>
#include <paygw/result.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace paygw::detail {

/// Checks base_url (required; detail::check_base_url: https, or http on loopback) and the shared options (transport,
/// timeout, retry policy), and fills the null seams (clock, sleeper, random) with the defaults.
/// Returns the normalised base URL. Errors: kConfig; `base_url_hint` completes "base_url is required".
Result<std::string> check_connection_settings(std::string_view base_url, std::string_view base_url_hint,
                                              ClientOptions& options);

}  // namespace paygw::detail
