// SPDX-License-Identifier: MIT
// The libcurl transport: the public factory (options checked, libcurl's global state initialised
// once), the Transport object over a CurlCore, and CurlCore's construction and blocking send (one
// pooled easy handle; the one resend on a fresh connection when nothing was written). The async
// worker is in curl_multi.cpp, the handles and their callbacks in curl_handle.cpp, what a failure
// means in curl_errors.cpp. See docs/adr/0004-curl-transport.md for what it guarantees and why.
#include <paygw/http/curl_transport.hpp>
#include <paygw/version.hpp>

#include <curl/curl.h>

#include "http/curl_core.hpp"
#include "http/curl_transport_detail.hpp"

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

HandleSettings settings_for(http::CurlOptions options, CurlHooks hooks, SocketRegistry* sockets) {
  HandleSettings s;
  s.user_agent = std::string("paygw/") + PAYGW_VERSION_STRING;
  if (!options.user_agent_suffix.empty()) s.user_agent += " " + options.user_agent_suffix;
  s.options = std::move(options);
  s.hooks = std::move(hooks);
  s.sockets = sockets;
  return s;
}

class CurlTransport final : public http::Transport {
 public:
  CurlTransport(http::CurlOptions options, CurlHooks hooks)
      : core_(std::make_shared<CurlCore>(std::move(options), std::move(hooks))) {}
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

CurlCore::CurlCore(http::CurlOptions options, CurlHooks hooks)
    : pool_(settings_for(std::move(options), std::move(hooks), &sockets_)) {}

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
  return std::shared_ptr<http::Transport>(std::make_shared<CurlTransport>(std::move(options), std::move(hooks)));
}

}  // namespace paygw::detail

namespace paygw::http {

Result<std::shared_ptr<Transport>> make_curl_transport(CurlOptions options) {
  return detail::make_curl_transport(std::move(options), {});
}

}  // namespace paygw::http
