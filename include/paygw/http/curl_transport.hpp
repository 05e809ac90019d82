// SPDX-License-Identifier: MIT
// paygw — the production transport, built on libcurl (which stays out of this header).
#pragma once

#include <paygw/export.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace paygw::http {

/// Options of the libcurl transport. Defaults suit payment APIs; TLS verification cannot be
/// turned off.
struct CurlOptions {
  std::chrono::milliseconds connect_timeout{10'000};  ///< TCP + TLS connect.
  std::chrono::milliseconds timeout{30'000};          ///< Whole exchange, unless Request::timeout is set.
  std::size_t max_response_bytes = 4u << 20;          ///< Larger bodies fail with kResponseTooLarge.
  /// All response header bytes of one exchange, interim 1xx responses included; more fail with
  /// kResponseTooLarge (Delivery::kMaybeSent).
  std::size_t max_response_header_bytes = 64u << 10;
  std::size_t max_pooled_handles = 8;  ///< Idle keep-alive handles kept for reuse.
  /// Connections idle this long are not reused (CURLOPT_MAXAGE_CONN). Keep it below the
  /// gateway's keep-alive timeout: a request written as the server closes an idle connection may
  /// fail "maybe sent". 4 s fits Node.js servers (Tingee runs NestJS; Node's default is 5 s).
  std::chrono::seconds max_connection_age{4};
  std::string ca_file;  ///< PEM bundle of trusted CAs; empty = libcurl's default store.
  std::string ca_path;  ///< Directory of hashed CA certificates; empty = default.
  /// A proxy for every non-loopback request, e.g. "http://proxy:3128". Empty (the default): no
  /// proxy, unless proxy_from_environment. Requests to a loopback host (`localhost`, 127.0.0.0/8,
  /// `[::1]`) never go through a proxy: they are the only plain-http ones, and a proxy would see
  /// their signatures, tokens and card data in clear (docs/adr/0004-curl-transport.md, Proxies).
  std::string proxy;
  /// Opt in to the proxy environment variables libcurl reads (`https_proxy`/`HTTPS_PROXY`,
  /// `http_proxy`, `ALL_PROXY`, `NO_PROXY`) when `proxy` is empty. Off by default: an environment
  /// set for other programs does not route payment traffic. Loopback hosts are still never proxied.
  bool proxy_from_environment = false;
  /// Opt in to libcurl's `SSLKEYLOGFILE` support: each TLS handshake's traffic secrets appended to
  /// that file (for Wireshark). Off by default: with the variable set, paygw's connections still
  /// write no secrets there. libcurl itself opens (creates) the file when it is initialised.
  bool tls_key_log_from_environment = false;
  std::string user_agent_suffix;  ///< Appended to "paygw/<version>".
  /// send_async(): at most this many connections at once (further requests wait in libcurl's queue).
  std::size_t max_async_connections = 8;
};

/// Creates the libcurl transport: a pool of reused easy handles (keep-alive), HTTP/1.1, NOSIGNAL,
/// an empty `Expect:` header, TLS peer and host verification on, http/https only, no redirects,
/// no cookies, response body and header caps, and a user agent of `paygw/<version>`. No proxy
/// unless CurlOptions::proxy or CurlOptions::proxy_from_environment says so, and never for a
/// loopback host; no TLS key log unless CurlOptions::tls_key_log_from_environment.
///
/// Each send() puts the request on the wire at most once: libcurl's own resend after a connection
/// dies is allowed only when no request byte was written (a kept-alive connection found closed),
/// and a request whose kept-alive connection the server is closing is sent on a fresh one before a
/// byte is written. Every failure after a request byte may have been written is
/// Delivery::kMaybeSent; retries are the clients' (Error::attempts counts them).
///
/// libcurl's global initialisation runs once, thread-safely, on the first call; paygw never calls
/// curl_global_cleanup. See docs/adr/0004-curl-transport.md.
///
/// Errors: kConfig when an option is invalid (zero timeouts or caps, a CA file that does not
/// exist) or libcurl cannot be initialised; also when `SSLKEYLOGFILE` is set, the key log was not
/// opted into, and paygw cannot switch it off (libcurl not built on OpenSSL, or OpenSSL's
/// `SSL_CTX_set_keylog_callback` not found in the process).
///
/// Thread safety: the returned transport's send() and send_async() may be called from any number
/// of threads.
[[nodiscard]] PAYGW_EXPORT Result<std::shared_ptr<Transport>> make_curl_transport(CurlOptions options = {});

}  // namespace paygw::http
