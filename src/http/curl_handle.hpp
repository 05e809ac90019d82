// SPDX-License-Identifier: MIT
// Internal: libcurl easy handles kept for reuse (with their kept-alive connections), the options
// they are created with, and the callbacks that watch each exchange.
#pragma once

#include <paygw/http/curl_transport.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>

#include <curl/curl.h>

#include "http/curl_sockets.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace paygw::detail {

/// Test seam: runs just before a request goes out on a reused connection, with its socket.
struct CurlHooks {
  std::function<void(curl_socket_t)> before_send_on_reused_connection;
};

/// What every handle of one transport is created with.
struct HandleSettings {
  http::CurlOptions options;
  std::string user_agent;
  /// CURLOPT_NOPROXY: the loopback hosts, then (with proxy_from_environment) the environment's
  /// `no_proxy`/`NO_PROXY`. Unused when no proxy is allowed.
  std::string no_proxy;
  /// SSL_CTX_set_keylog_callback, found in the process; nullptr when the key log is opted into
  /// (or libcurl is not built on OpenSSL and SSLKEYLOGFILE is unset).
  void (*clear_key_log)(void* ssl_ctx) = nullptr;
  SocketRegistry* sockets = nullptr;  // owned by the transport, outlives every handle
  CurlHooks hooks;
};

/// One easy handle and the state of the exchange it runs. The options that never change are set
/// once, when the handle is created (no curl_easy_reset between requests); prepare() sets only
/// what differs per request, and the callbacks write into this object.
class PooledHandle {
 public:
  /// nullptr when libcurl cannot create the handle or refuses one of the fixed options.
  static std::unique_ptr<PooledHandle> create(const HandleSettings& settings);
  ~PooledHandle();
  PooledHandle(const PooledHandle&) = delete;
  PooledHandle& operator=(const PooledHandle&) = delete;

  CURL* curl() const noexcept { return curl_; }

  /// Sets up `request` (which must outlive the exchange); `fresh_connection` forbids reusing a
  /// kept-alive connection. Errors: kInvalidArgument (libcurl refused an option).
  Result<void> prepare(const http::Request& request, bool fresh_connection);

  /// Whether a failed exchange was stopped before writing anything because its reused connection
  /// was being closed by the server, so that it may be sent again on a fresh connection.
  bool may_resend_on_fresh_connection() const noexcept;

  /// The response, or the error the failed exchange becomes (see classify_curl_failure).
  Result<http::Response> finish(CURLcode rc);

 private:
  explicit PooledHandle(const HandleSettings& settings) : settings_(settings) {}
  CURLcode set_fixed_options();
  bool maybe_written() const noexcept;

  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self) noexcept;
  static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* self) noexcept;
  static int on_progress(void* self, curl_off_t, curl_off_t, curl_off_t, curl_off_t) noexcept;
  static int on_prereq(void* self, char* primary_ip, char* local_ip, int primary_port, int local_port) noexcept;
  static int on_sockopt(void* self, curl_socket_t fd, curlsocktype purpose) noexcept;
  static int on_close_socket(void* sockets, curl_socket_t fd) noexcept;
  static CURLcode on_ssl_ctx(CURL* curl, void* ssl_ctx, void* self) noexcept;

  const HandleSettings& settings_;
  CURL* curl_ = nullptr;
  char errbuf_[CURL_ERROR_SIZE] = {0};

  // The request's header lines ("Name: value\0..."), linked as curl_slist nodes into this
  // buffer: no allocation per request once the buffers have grown.
  std::string header_text_;
  std::vector<std::size_t> header_offsets_;
  std::vector<curl_slist> header_nodes_;

  // What the previous request left set, so that only changes are applied.
  std::string url_;
  long timeout_ms_ = -1;
  bool progress_on_ = false;
  bool fresh_connect_ = false;

  // The current exchange.
  const CancelToken* cancel_ = nullptr;
  bool long_request_ = false;  // longer than kMaxProvablyUnsentRequestBytes
  int tries_ = 0;              // tries libcurl was let send (pre-request callback)
  long connects_seen_ = 0;     // CURLINFO_NUM_CONNECTS at the last pre-request callback
  std::size_t header_bytes_ = 0;
  bool body_too_large_ = false;
  bool headers_too_large_ = false;
  bool resend_refused_ = false;
  bool stale_connection_ = false;
  std::string header_lines_;  // the final response's header lines, parsed by finish()
  std::size_t header_line_count_ = 0;
  http::Response response_;
};

/// The idle handles of one transport, for reuse. Thread-safe.
class HandlePool {
 public:
  explicit HandlePool(HandleSettings settings) : settings_(std::move(settings)) {}
  HandlePool(const HandlePool&) = delete;
  HandlePool& operator=(const HandlePool&) = delete;

  /// An idle handle, else a new one; nullptr when libcurl cannot create one.
  std::unique_ptr<PooledHandle> acquire();
  /// Keeps `handle` (and its kept-alive connections) for the next request when `reusable` and
  /// the pool has room; destroys it otherwise (a handle that saw an error is never kept).
  void release(std::unique_ptr<PooledHandle> handle, bool reusable);
  const HandleSettings& settings() const noexcept { return settings_; }

 private:
  const HandleSettings settings_;
  std::mutex mu_;
  std::vector<std::unique_ptr<PooledHandle>> idle_;
};

}  // namespace paygw::detail
