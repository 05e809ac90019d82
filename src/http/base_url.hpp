// SPDX-License-Identifier: MIT
// Internal: checking a client's base URL with libcurl's own URL parser.
#pragma once

#include <paygw/result.hpp>

#include <string>
#include <string_view>

namespace paygw::detail {

/// Checks a client base URL and returns it rebuilt from the parts libcurl's URL parser found —
/// `scheme://host[:port][/path]`, scheme and host lower-case, no trailing '/' — so what was checked
/// is exactly what the transport later connects to (curl parses `base + "/path"` the same way).
///
/// Accepted: `https://` for any host; plain `http://` only for a loopback host: `localhost`, an
/// IPv4 address in 127.0.0.0/8 (after curl's normalisation, so `127.1` counts), or `[::1]`.
/// Refused, with kConfig (the message never repeats the URL, which may hold a password): text
/// that is not printable ASCII or holds a space, a backslash, '?' or '#'; anything but
/// `scheme://authority`; a scheme other than http/https; user info (user, password or login
/// options); a query or fragment; an empty host; an IPv6 zone id; a port outside 1..65535.
/// Scheme and host compare case-insensitively. Thread-safe.
Result<std::string> check_base_url(std::string_view url);

/// Whether `host`, as libcurl writes it (IPv6 in brackets, IPv4 dotted), is `localhost`,
/// 127.0.0.0/8 or `[::1]`. ASCII case-insensitive.
bool is_loopback_host(std::string_view host) noexcept;

}  // namespace paygw::detail
