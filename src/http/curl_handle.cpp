// SPDX-License-Identifier: MIT
#include "http/curl_handle.hpp"

#include "http/curl_errors.hpp"
#include "http/curl_sockets.hpp"
#include "http/util.hpp"

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <tuple>
#include <utility>

#if LIBCURL_VERSION_NUM < 0x075000
#error "paygw needs libcurl >= 7.80 (CURLOPT_PREREQFUNCTION stops libcurl resending a written request)"
#endif

namespace paygw::detail {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// "Name: value\r\n" lines (as libcurl delivered them; `count` of them) into `out`; lines without a
// colon are skipped. One pass, each name and value constructed in place.
void parse_header_lines(std::string_view lines, std::size_t count, http::Headers& out) {
  out.reserve(count);
  const char* p = lines.data();
  const char* const end = p + lines.size();
  while (p < end) {
    const char* eol = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (eol == nullptr) eol = end;
    const std::string_view line(p, static_cast<std::size_t>(eol - p));
    p = eol == end ? end : eol + 1;
    if (const auto colon = line.find(':'); colon != std::string_view::npos) {
      const std::string_view name = trim(line.substr(0, colon));
      const std::string_view value = trim(line.substr(colon + 1));
      out.emplace_back(std::piecewise_construct, std::forward_as_tuple(name.data(), name.size()),
                       std::forward_as_tuple(value.data(), value.size()));
    }
  }
}

}  // namespace

// ---- PooledHandle ----

std::unique_ptr<PooledHandle> PooledHandle::create(const HandleSettings& settings) {
  std::unique_ptr<PooledHandle> h(new PooledHandle(settings));
  h->curl_ = curl_easy_init();
  if (h->curl_ == nullptr || h->set_fixed_options() != CURLE_OK) return nullptr;
  return h;
}

PooledHandle::~PooledHandle() {
  if (curl_ != nullptr) curl_easy_cleanup(curl_);
}

CURLcode PooledHandle::set_fixed_options() {
  const http::CurlOptions& o = settings_.options;
  CURLcode rc = CURLE_OK;
  auto set = [&](CURLoption opt, auto value) {
    if (rc == CURLE_OK) rc = curl_easy_setopt(curl_, opt, value);
  };
  void* self = this;
#if LIBCURL_VERSION_NUM >= 0x075500
  set(CURLOPT_PROTOCOLS_STR, "http,https");
#else
  set(CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_ERRORBUFFER, errbuf_);
  set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
  set(CURLOPT_FOLLOWLOCATION, 0L);
  // HTTP/1.1 only: the delivery accounting (request bytes handed to the socket) and the stale
  // connection check (an idle HTTP/1.1 connection receives nothing) hold for it; see ADR 0004.
  set(CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
  set(CURLOPT_SSL_VERIFYPEER, 1L);
  set(CURLOPT_SSL_VERIFYHOST, 2L);
  set(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  if (!o.ca_file.empty()) set(CURLOPT_CAINFO, o.ca_file.c_str());
  if (!o.ca_path.empty()) set(CURLOPT_CAPATH, o.ca_path.c_str());
  // Proxies (ADR 0004): only the configured one, or the environment's when opted into, and never
  // for a loopback host. CURLOPT_PROXY "" stops libcurl reading http_proxy/ALL_PROXY/HTTPS_PROXY.
  if (!o.proxy.empty()) {
    set(CURLOPT_PROXY, o.proxy.c_str());
  } else if (!o.proxy_from_environment) {
    set(CURLOPT_PROXY, "");
  }
  if (!o.proxy.empty() || o.proxy_from_environment) set(CURLOPT_NOPROXY, settings_.no_proxy.c_str());
  // SSLKEYLOGFILE (ADR 0004): libcurl installs its key-log callback on each SSL_CTX just before
  // this callback runs; it is removed again unless the key log was opted into.
  if (settings_.clear_key_log != nullptr) {
    set(CURLOPT_SSL_CTX_FUNCTION, &PooledHandle::on_ssl_ctx);
    set(CURLOPT_SSL_CTX_DATA, self);
  }
  set(CURLOPT_MAXAGE_CONN, static_cast<long>(o.max_connection_age.count()));
  set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_response_bytes));
  set(CURLOPT_WRITEFUNCTION, &PooledHandle::on_body);
  set(CURLOPT_WRITEDATA, self);
  set(CURLOPT_HEADERFUNCTION, &PooledHandle::on_header);
  set(CURLOPT_HEADERDATA, self);
  set(CURLOPT_XFERINFOFUNCTION, &PooledHandle::on_progress);
  set(CURLOPT_XFERINFODATA, self);
  set(CURLOPT_PREREQFUNCTION, &PooledHandle::on_prereq);
  set(CURLOPT_PREREQDATA, self);
  set(CURLOPT_SOCKOPTFUNCTION, &PooledHandle::on_sockopt);
  set(CURLOPT_SOCKOPTDATA, self);
  set(CURLOPT_CLOSESOCKETFUNCTION, &PooledHandle::on_close_socket);
  set(CURLOPT_CLOSESOCKETDATA, static_cast<void*>(settings_.sockets));
  // Cookies stay off: no CURLOPT_COOKIEFILE is ever set.
  return rc;
}

Result<void> PooledHandle::prepare(const http::Request& request, bool fresh_connection) {
  cancel_ = request.cancel ? &*request.cancel : nullptr;
  tries_ = 0;
  connects_seen_ = 0;
  header_bytes_ = 0;
  body_too_large_ = headers_too_large_ = resend_refused_ = stale_connection_ = false;
  response_ = http::Response{};
  header_lines_.clear();
  header_line_count_ = 0;
  errbuf_[0] = '\0';

  // The header lines' text is sized once, then filled by copies: no growth, no append checks.
  std::size_t request_bytes = request.url.size() + request.body.size();
  std::size_t text_size = 8;  // "Expect:\0"
  bool has_user_agent = false;
  for (const auto& [name, value] : request.headers) {
    text_size += name.size() + value.size() + (value.empty() ? 2 : 3);  // "Name;\0" or "Name: value\0"
    request_bytes += name.size() + value.size() + 4;
    has_user_agent = has_user_agent || iequals(name, "User-Agent");
  }
  // The user agent as a header line: CURLOPT_USERAGENT makes libcurl format it anew (aprintf)
  // for every transfer, 5 % of a loopback exchange's instructions.
  constexpr std::string_view kUserAgent = "User-Agent: ";
  if (!has_user_agent) {
    text_size += kUserAgent.size() + settings_.user_agent.size() + 1;
    request_bytes += settings_.user_agent.size() + 14;
  }
  header_text_.resize(text_size);
  header_offsets_.clear();
  std::size_t at = 0;
  auto put = [this, &at](std::string_view part) {
    std::char_traits<char>::copy(&header_text_[at], part.data(), part.size());
    at += part.size();
  };
  auto line = [this, &at, &put](std::initializer_list<std::string_view> parts) {
    header_offsets_.push_back(at);
    for (const auto part : parts) put(part);
    header_text_[at++] = '\0';
  };
  for (const auto& [name, value] : request.headers) {
    if (value.empty()) {
      line({name, ";"});  // "Name;" sends an empty header
    } else {
      line({name, ": ", value});
    }
  }
  if (!has_user_agent) line({kUserAgent, settings_.user_agent});
  // An empty Expect: stops libcurl waiting for "100 Continue" before sending the body.
  line({"Expect:"});
  header_nodes_.resize(header_offsets_.size());
  for (std::size_t i = 0; i < header_nodes_.size(); ++i) {
    header_nodes_[i].data = &header_text_[header_offsets_[i]];
    header_nodes_[i].next = i + 1 < header_nodes_.size() ? &header_nodes_[i + 1] : nullptr;
  }
  long_request_ = request_bytes > kMaxProvablyUnsentRequestBytes;

  CURLcode rc = CURLE_OK;
  auto set = [&](CURLoption opt, auto value) {
    if (rc == CURLE_OK) rc = curl_easy_setopt(curl_, opt, value);
  };
  // libcurl keeps its own copy of the URL: set again only when it changes (strdup and a parse).
  if (request.url != url_) set(CURLOPT_URL, request.url.c_str());
  const long timeout_ms =
      static_cast<long>((request.timeout.count() > 0 ? request.timeout : settings_.options.timeout).count());
  if (timeout_ms != timeout_ms_) set(CURLOPT_TIMEOUT_MS, timeout_ms);
  set(CURLOPT_HTTPHEADER, header_nodes_.data());
  const bool has_body = !request.body.empty();
  const char* custom = request.method == http::Method::kPut      ? "PUT"
                       : request.method == http::Method::kDelete ? "DELETE"
                                                                 : nullptr;
  if (has_body || request.method == http::Method::kPost) {
    set(CURLOPT_POSTFIELDS, request.body.data());  // also selects POST
    set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  } else {
    set(CURLOPT_HTTPGET, 1L);  // no body; the method is GET unless custom says otherwise
  }
  set(CURLOPT_CUSTOMREQUEST, custom);
  const bool progress = cancel_ != nullptr;
  if (progress != progress_on_) set(CURLOPT_NOPROGRESS, progress ? 0L : 1L);
  if (fresh_connection != fresh_connect_) set(CURLOPT_FRESH_CONNECT, fresh_connection ? 1L : 0L);
  if (rc != CURLE_OK) {
    return make_error(ErrorCode::kInvalidArgument, std::string("cannot set up the request: ") + curl_easy_strerror(rc));
  }
  if (request.url != url_) url_ = request.url;
  timeout_ms_ = timeout_ms;
  progress_on_ = progress;
  fresh_connect_ = fresh_connection;
  return {};
}

bool PooledHandle::maybe_written() const noexcept {
  long request_size = 1;
  curl_easy_getinfo(curl_, CURLINFO_REQUEST_SIZE, &request_size);
  return request_size != 0 || header_bytes_ > 0 || !response_.body.empty() || (long_request_ && tries_ > 0);
}

bool PooledHandle::may_resend_on_fresh_connection() const noexcept {
  return stale_connection_ && !resend_refused_ && !maybe_written();
}

Result<http::Response> PooledHandle::finish(CURLcode rc) {
  if (rc == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
    response_.status = static_cast<int>(status);
    parse_header_lines(header_lines_, header_line_count_, response_.headers);
    return std::move(response_);
  }
  CurlFailureFacts facts;
  facts.code = rc;
  facts.maybe_written = maybe_written();
  facts.sending_started = tries_ > 0;
  facts.body_too_large = body_too_large_;
  facts.headers_too_large = headers_too_large_;
  facts.cancelled = cancel_ != nullptr && cancel_->cancelled();
  facts.resend_refused = resend_refused_;
  facts.stale_connection = stale_connection_;
  const CurlFailure failure = classify_curl_failure(facts);
  const http::CurlOptions& o = settings_.options;
  std::string detail = errbuf_[0] != '\0' ? std::string(errbuf_) : std::string(curl_easy_strerror(rc));
  if (failure.code == ErrorCode::kResponseTooLarge) {
    detail = headers_too_large_ ? std::to_string(o.max_response_header_bytes) + " bytes"
                                : std::to_string(o.max_response_bytes) + " bytes";
  } else if (rc == CURLE_OPERATION_TIMEDOUT) {
    detail = facts.sending_started ? "after " + std::to_string(timeout_ms_) + " ms"
                                   : "connect timeout " + std::to_string(o.connect_timeout.count()) + " ms";
  }
  // libcurl's own detail would describe the refused resend, not what happened to the request.
  if (resend_refused_) return make_error(failure.code, failure.what, failure.delivery);
  return make_error(failure.code, std::string(failure.what) + ": " + detail, failure.delivery);
}

// ---- callbacks (called by libcurl; must not throw) ----

std::size_t PooledHandle::on_body(char* data, std::size_t size, std::size_t count, void* self) noexcept {
  auto* h = static_cast<PooledHandle*>(self);
  const std::size_t n = size * count;
  if (h->response_.body.size() + n > h->settings_.options.max_response_bytes) {
    h->body_too_large_ = true;
    return 0;  // libcurl aborts with CURLE_WRITE_ERROR
  }
  try {
    h->response_.body.append(data, n);
  } catch (...) {
    return 0;
  }
  return n;
}

std::size_t PooledHandle::on_header(char* data, std::size_t size, std::size_t count, void* self) noexcept {
  auto* h = static_cast<PooledHandle*>(self);
  const std::size_t n = size * count;
  h->header_bytes_ += n;  // every response's, the interim 1xx ones included
  if (h->header_bytes_ > h->settings_.options.max_response_header_bytes) {
    h->headers_too_large_ = true;
    return 0;  // CURLE_WRITE_ERROR
  }
  try {
    if (n >= 5 && std::string_view(data, 5) == "HTTP/") {
      h->header_lines_.clear();  // a new response (after an interim 1xx): keep only the final one's
      h->header_line_count_ = 0;
    } else {
      h->header_lines_.append(data, n);  // parsed once, by finish()
      ++h->header_line_count_;
    }
  } catch (...) {
    return 0;
  }
  return n;
}

// About once a second while waiting and often while data moves; non-zero aborts the transfer
// (CURLE_ABORTED_BY_CALLBACK).
int PooledHandle::on_progress(void* self, curl_off_t, curl_off_t, curl_off_t, curl_off_t) noexcept {
  const auto* h = static_cast<const PooledHandle*>(self);
  return h->cancel_ != nullptr && h->cancel_->cancelled() ? 1 : 0;
}

// libcurl calls this in its DO state each time it is about to send the request on a connection:
// the first try, and every try of its own after a connection died (Curl_retry_request), which is
// where a request the server had read would be sent twice.
int PooledHandle::on_prereq(void* self, char* primary_ip, char*, int primary_port, int local_port) noexcept {
  auto* h = static_cast<PooledHandle*>(self);
  long request_size = 1;  // adds up over the tries of this transfer (reset only when it starts)
  long connects = 0;
  curl_easy_getinfo(h->curl_, CURLINFO_REQUEST_SIZE, &request_size);
  curl_easy_getinfo(h->curl_, CURLINFO_NUM_CONNECTS, &connects);
  const bool reused = connects == h->connects_seen_;
  h->connects_seen_ = connects;
  curl_socket_t fd = CURL_SOCKET_BAD;
  if (reused && h->settings_.sockets != nullptr && primary_ip != nullptr) {
    try {  // it locks and allocates; nothing may escape into libcurl
      fd = h->settings_.sockets->find(local_port, primary_ip, primary_port);
    } catch (...) {
      fd = CURL_SOCKET_BAD;  // not found: the stale-connection check is skipped, as for an unregistered socket
    }
  }
  const bool waiting = fd != CURL_SOCKET_BAD && input_waiting(fd);
  switch (decide_before_send(h->tries_ + 1, request_size != 0 || h->long_request_, reused, waiting)) {
    case BeforeSend::kAbortResend: h->resend_refused_ = true; return CURL_PREREQFUNC_ABORT;
    case BeforeSend::kAbortStaleConnection: h->stale_connection_ = true; return CURL_PREREQFUNC_ABORT;
    case BeforeSend::kSend: break;
  }
  ++h->tries_;
  if (fd != CURL_SOCKET_BAD && h->settings_.hooks.before_send_on_reused_connection) {
    try {
      h->settings_.hooks.before_send_on_reused_connection(fd);
    } catch (...) {
    }
  }
  return CURL_PREREQFUNC_OK;
}

// A new socket. Refused when a try of this transfer may have been written: the connection could
// only carry libcurl's own resend.
int PooledHandle::on_sockopt(void* self, curl_socket_t fd, curlsocktype purpose) noexcept {
  auto* h = static_cast<PooledHandle*>(self);
  if (purpose != CURLSOCKTYPE_IPCXN) return CURL_SOCKOPT_OK;
  try {
    if (h->settings_.sockets != nullptr) h->settings_.sockets->add(fd);
  } catch (...) {
    // Not registered: the stale-connection check is skipped for this socket.
  }
  long request_size = 1;
  curl_easy_getinfo(h->curl_, CURLINFO_REQUEST_SIZE, &request_size);
  if (!may_open_connection(h->tries_, request_size != 0 || h->long_request_)) {
    h->resend_refused_ = true;
    return CURL_SOCKOPT_ERROR;
  }
  return CURL_SOCKOPT_OK;
}

// A new TLS context (lib/vtls/openssl.c ossl_connect_step1 calls this after setting its key-log
// callback when SSLKEYLOGFILE was set at curl_global_init): the callback is removed.
CURLcode PooledHandle::on_ssl_ctx(CURL*, void* ssl_ctx, void* self) noexcept {
  static_cast<const PooledHandle*>(self)->settings_.clear_key_log(ssl_ctx);
  return CURLE_OK;
}

int PooledHandle::on_close_socket(void* sockets, curl_socket_t fd) noexcept {
  try {
    if (sockets != nullptr) static_cast<SocketRegistry*>(sockets)->remove(fd);
  } catch (...) {
    // Its lock failed (a broken process): the entry stays; closing the socket matters more.
  }
  return close_socket(fd);
}

// ---- HandlePool ----

std::unique_ptr<PooledHandle> HandlePool::acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      auto h = std::move(idle_.back());
      idle_.pop_back();
      return h;
    }
  }
  return PooledHandle::create(settings_);
}

void HandlePool::release(std::unique_ptr<PooledHandle> handle, bool reusable) {
  if (!handle || !reusable) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < settings_.options.max_pooled_handles) idle_.push_back(std::move(handle));
  // else `handle` is destroyed on return, after the lock is released
}

}  // namespace paygw::detail
