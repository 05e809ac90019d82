// SPDX-License-Identifier: MIT
// The libcurl transport: the public factory (options checked, libcurl's global state initialised
// once), the Transport object over a CurlCore, and CurlCore's construction and blocking send (one
// pooled easy handle; the one resend on a fresh connection when nothing was written). The async
// worker is in curl_multi.cpp, the handles and their callbacks in curl_handle.cpp, what a failure
// means in curl_errors.cpp. See docs/adr/0004-curl-transport.md for what it guarantees and why.
#include <paygw/http/curl_transport.hpp>
#include <paygw/version.hpp>

#include <curl/curl.h>
#include <openssl/ssl.h>

#include "http/curl_core.hpp"
#include "http/curl_transport_detail.hpp"
#include "http/platform.hpp"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>

namespace paygw::detail {
namespace {

// libcurl's global state is initialised once per process and never cleaned up by paygw:
// cleanup at static-destruction time races with handles still owned by other statics.
Result<void> ensure_curl_global_init() {
  static std::once_flag once;
  static CURLcode rc = CURLE_OK;
  std::call_once(once, [] { rc = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (rc != CURLE_OK) return make_error(ErrorCode::kConfig, "curl_global_init failed");
  return {};
}

bool file_readable(const std::string& path) { return static_cast<bool>(std::ifstream(path)); }

// Hosts never sent through a proxy: every loopback spelling ADR 0013 lets a base URL use (libcurl
// >= 7.86 matches CIDR ranges in NOPROXY).
constexpr const char* kLoopbackHosts = "localhost,127.0.0.0/8,::1";

std::string env(const char* name) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read once per transport
  return value != nullptr ? std::string(value) : std::string();
}

// CURLOPT_NOPROXY overrides the environment's list, so an opted-in one is kept after ours.
std::string no_proxy_list(const http::CurlOptions& options) {
  std::string list = kLoopbackHosts;
  if (options.proxy.empty() && options.proxy_from_environment) {
    std::string from_env = env("no_proxy");
    if (from_env.empty()) from_env = env("NO_PROXY");
    if (!from_env.empty()) list += "," + from_env;
  }
  return list;
}

// OpenSSL's SSL_CTX_set_keylog_callback as libcurl's libssl provides it: paygw links libcrypto
// only, so it is looked up in the process (libcurl has loaded libssl).
using SetKeylogCallback = decltype(&SSL_CTX_set_keylog_callback);
SetKeylogCallback set_keylog_callback = nullptr;

void remove_key_log_callback(void* ssl_ctx) { set_keylog_callback(static_cast<SSL_CTX*>(ssl_ctx), nullptr); }

bool curl_uses_openssl() {
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  return info != nullptr && info->ssl_version != nullptr && std::strncmp(info->ssl_version, "OpenSSL", 7) == 0;
}

// How the handles keep TLS secrets out of SSLKEYLOGFILE (ADR 0004): the function that removes
// libcurl's key-log callback, or nullptr when nothing has to be removed; an error when it would
// have to be and cannot.
Result<void (*)(void*)> key_log_policy(const http::CurlOptions& options) {
  if (options.tls_key_log_from_environment) return nullptr;
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_uses_openssl()) {
      set_keylog_callback = reinterpret_cast<SetKeylogCallback>(process_symbol("SSL_CTX_set_keylog_callback"));
    }
  });
  if (set_keylog_callback != nullptr) return &remove_key_log_callback;
  if (env("SSLKEYLOGFILE").empty()) return nullptr;
  return make_error(ErrorCode::kConfig,
                    "SSLKEYLOGFILE is set and paygw cannot stop libcurl's TLS library writing TLS secrets to it: "
                    "unset it, or set CurlOptions::tls_key_log_from_environment");
}

HandleSettings settings_for(http::CurlOptions options, CurlHooks hooks, SocketRegistry* sockets,
                            void (*clear_key_log)(void*)) {
  HandleSettings s;
  s.user_agent = std::string("paygw/") + PAYGW_VERSION_STRING;
  if (!options.user_agent_suffix.empty()) s.user_agent += " " + options.user_agent_suffix;
  s.no_proxy = no_proxy_list(options);
  s.clear_key_log = clear_key_log;
  s.options = std::move(options);
  s.hooks = std::move(hooks);
  s.sockets = sockets;
  return s;
}

class CurlTransport final : public http::Transport {
 public:
  CurlTransport(http::CurlOptions options, CurlHooks hooks, void (*clear_key_log)(void*))
      : core_(std::make_shared<CurlCore>(std::move(options), std::move(hooks), clear_key_log)) {}
  ~CurlTransport() override { core_->stop(); }
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Result<http::Response> send(const http::Request& request) override { return core_->send(request); }
  void send_async(http::Request request, Completion done) override {
    core_->send_async(std::move(request), std::move(done));
  }

 private:
  std::shared_ptr<CurlCore> core_;
};

}  // namespace

CurlCore::CurlCore(http::CurlOptions options, CurlHooks hooks, void (*clear_key_log)(void*))
    : pool_(settings_for(std::move(options), std::move(hooks), &sockets_, clear_key_log)) {}

CurlCore::~CurlCore() {
  if (multi_ != nullptr) curl_multi_cleanup(multi_);  // closes its cached connections
}

Result<http::Response> CurlCore::send(const http::Request& request) {
  std::unique_ptr<PooledHandle> h = pool_.acquire();
  if (!h) return make_error(ErrorCode::kInternal, "curl_easy_init failed");
  for (bool fresh = false;;) {
    if (auto prepared = h->prepare(request, fresh); !prepared) {
      pool_.release(std::move(h), false);
      return prepared.error();
    }
    const CURLcode rc = curl_easy_perform(h->curl());
    if (rc != CURLE_OK && !fresh && h->may_resend_on_fresh_connection()) {
      fresh = true;  // nothing was written: the same request once more, on a new connection
      continue;
    }
    auto result = h->finish(rc);
    pool_.release(std::move(h), rc == CURLE_OK);
    return result;
  }
}

Result<std::shared_ptr<http::Transport>> make_curl_transport(http::CurlOptions options, CurlHooks hooks) {
  if (options.connect_timeout.count() <= 0) return make_error(ErrorCode::kConfig, "connect_timeout must be positive");
  if (options.timeout.count() <= 0) return make_error(ErrorCode::kConfig, "timeout must be positive");
  if (options.max_response_bytes == 0) return make_error(ErrorCode::kConfig, "max_response_bytes must be positive");
  if (options.max_response_header_bytes == 0) {
    return make_error(ErrorCode::kConfig, "max_response_header_bytes must be positive");
  }
  if (options.max_async_connections == 0) {
    return make_error(ErrorCode::kConfig, "max_async_connections must be positive");
  }
  if (!options.ca_file.empty() && !file_readable(options.ca_file)) {
    return make_error(ErrorCode::kConfig, "ca_file cannot be read: " + options.ca_file);
  }
  if (auto init = ensure_curl_global_init(); !init) return init.error();
  auto key_log = key_log_policy(options);
  if (!key_log) return key_log.error();
  return std::shared_ptr<http::Transport>(
      std::make_shared<CurlTransport>(std::move(options), std::move(hooks), *key_log));
}

}  // namespace paygw::detail

namespace paygw::http {

Result<std::shared_ptr<Transport>> make_curl_transport(CurlOptions options) {
  return detail::make_curl_transport(std::move(options), {});
}

}  // namespace paygw::http
