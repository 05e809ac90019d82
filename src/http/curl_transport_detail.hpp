// SPDX-License-Identifier: MIT
// Internal: the libcurl transport's factory with test hooks (tests/unit/curl_keepalive_test.cpp).
#pragma once

#include <paygw/http/curl_transport.hpp>

#include "http/curl_handle.hpp"

#include <memory>

namespace paygw::detail {

/// http::make_curl_transport with `hooks` installed in every handle.
Result<std::shared_ptr<http::Transport>> make_curl_transport(http::CurlOptions options, CurlHooks hooks);

}  // namespace paygw::detail
