// The libcurl transport: the only file that includes <curl/curl.h>.
#include <paygw/http/curl_transport.hpp>
#include <paygw/version.hpp>

#include <curl/curl.h>

#include "http/util.hpp"

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace paygw::http {
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

struct SlistFree {
  void operator()(curl_slist* l) const noexcept { curl_slist_free_all(l); }
};
using Slist = std::unique_ptr<curl_slist, SlistFree>;

// State of one exchange, shared with the C callbacks (which must not throw).
struct Exchange {
  std::size_t cap = 0;
  bool too_large = false;
  const CancelToken* cancel = nullptr;  // the request's token, if any
  Response response;
};

// libcurl calls this often while data moves and about once a second while waiting; a non-zero
// return aborts the transfer with CURLE_ABORTED_BY_CALLBACK.
int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) noexcept {
  const auto* ex = static_cast<const Exchange*>(user);
  return ex->cancel != nullptr && ex->cancel->cancelled() ? 1 : 0;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) noexcept {
  auto* ex = static_cast<Exchange*>(user);
  const std::size_t n = size * count;
  if (ex->response.body.size() + n > ex->cap) {
    ex->too_large = true;
    return 0;  // makes libcurl abort with CURLE_WRITE_ERROR
  }
  try {
    ex->response.body.append(data, n);
  } catch (...) {
    return 0;
  }
  return n;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) noexcept {
  auto* ex = static_cast<Exchange*>(user);
  const std::size_t n = size * count;
  try {
    const std::string_view line(data, n);
    if (line.rfind("HTTP/", 0) == 0) {
      ex->response.headers.clear();  // a new response (e.g. after an interim 1xx)
    } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
      ex->response.headers.emplace_back(std::string(trim(line.substr(0, colon))),
                                        std::string(trim(line.substr(colon + 1))));
    }
  } catch (...) {
    return 0;
  }
  return n;
}

bool file_readable(const std::string& path) { return static_cast<bool>(std::ifstream(path)); }

// Everything the transport owns: options, the easy-handle pool and the async worker's state. It is
// shared with the worker thread, so a transport whose last reference is dropped inside an async
// completion (on the worker thread itself) is torn down safely: the worker is detached instead of
// joining itself, finishes what is in flight and releases the core last.
class Core : public std::enable_shared_from_this<Core> {
 public:
  explicit Core(CurlOptions options)
      : options_(std::move(options)), user_agent_(std::string("paygw/") + PAYGW_VERSION_STRING) {
    if (!options_.user_agent_suffix.empty()) user_agent_ += " " + options_.user_agent_suffix;
  }

  ~Core() {
    if (multi_ != nullptr) curl_multi_cleanup(multi_);
    for (CURL* h : idle_) curl_easy_cleanup(h);
  }

  // Called once, by the transport's destructor: in-flight async calls still finish (each bounded
  // by its timeout) and complete.
  void stop() {
    std::thread worker;
    {
      std::lock_guard<std::mutex> lock(async_mu_);
      stopping_ = true;
      worker = std::move(worker_);
    }
    if (!worker.joinable()) return;
    curl_multi_wakeup(multi_);
    if (worker.get_id() == std::this_thread::get_id()) {
      worker.detach();  // destroyed from a completion: the worker ends by itself after this call
    } else {
      worker.join();
    }
  }

  Result<Response> send(const Request& request) {
    Call call;
    call.request = &request;
    for (;;) {
      if (auto started = start(call); !started) return started.error();
      const CURLcode rc = curl_easy_perform(call.handle);
      if (!resend_on_fresh_connection(call, rc)) return finish(call, rc);
    }
  }

  void send_async(Request request, Transport::Completion done) {
    auto call = std::make_unique<Call>();
    call->owned = std::move(request);
    call->done = std::move(done);
    bool stopping = false;
    {
      std::lock_guard<std::mutex> lock(async_mu_);
      stopping = stopping_;
      if (!worker_.joinable() && !stopping_) {
        multi_ = curl_multi_init();
        if (multi_ != nullptr) {
          curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(options_.max_async_connections));
          try {
            worker_ = std::thread([self = shared_from_this()] { self->run_async(); });
          } catch (...) {  // no thread available: this request fails, a later one tries again
            curl_multi_cleanup(multi_);
            multi_ = nullptr;
          }
        }
      }
      if (multi_ != nullptr && !stopping_) {
        queue_.push_back(std::move(call));
        call = nullptr;
      }
    }
    if (call) {  // no multi handle: fail this request, never drop it
      complete(*call, make_error(ErrorCode::kInternal,
                                 stopping ? "the transport is shutting down" : "curl_multi_init failed"));
      return;
    }
    curl_multi_wakeup(multi_);
  }

 private:
  // One exchange: its request, the curl handle and buffers it runs on, and (async) its completion.
  struct Call {
    Request owned;                    // async: the call owns its request
    const Request* request = &owned;  // sync: points at the caller's request instead (no copy)
    Transport::Completion done;
    CURL* handle = nullptr;
    Exchange ex;
    Call() = default;
    Call(const Call&) = delete;
    Call& operator=(const Call&) = delete;
    char errbuf[CURL_ERROR_SIZE] = {0};
    Slist headers;
    bool fresh_connection = false;  // set for the one resend after a stale kept-alive connection
  };

  // After a failure that died_unsent_on_stale_connection() recognises, discards the handle and
  // prepares `call` for one more try on a new connection; returns whether it did.
  bool resend_on_fresh_connection(Call& call, CURLcode rc) {
    if (call.fresh_connection || rc != CURLE_SEND_ERROR) return false;
    long new_connections = 1;
    long written = 1;
    long header_bytes = 1;
    curl_easy_getinfo(call.handle, CURLINFO_NUM_CONNECTS, &new_connections);
    curl_easy_getinfo(call.handle, CURLINFO_REQUEST_SIZE, &written);
    curl_easy_getinfo(call.handle, CURLINFO_HEADER_SIZE, &header_bytes);
    if (!detail::died_unsent_on_stale_connection(true, new_connections == 0, written, header_bytes > 0)) return false;
    release(call.handle, false);
    call.handle = nullptr;
    call.fresh_connection = true;
    return true;
  }

  Result<void> start(Call& call) {
    call.handle = acquire();
    if (call.handle == nullptr) return make_error(ErrorCode::kInternal, "curl_easy_init failed");
    call.ex = Exchange{};
    call.ex.cap = options_.max_response_bytes;
    call.errbuf[0] = '\0';
    CURLcode setup = configure(call.handle, *call.request, call.ex, call.errbuf, call.headers);
    if (setup == CURLE_OK && call.fresh_connection) setup = curl_easy_setopt(call.handle, CURLOPT_FRESH_CONNECT, 1L);
    if (setup != CURLE_OK) {
      release(call.handle, false);
      call.handle = nullptr;
      return make_error(ErrorCode::kInvalidArgument,
                        std::string("cannot set up the request: ") + curl_easy_strerror(setup));
    }
    return {};
  }

  Result<Response> finish(Call& call, CURLcode rc) {
    CURL* h = call.handle;
    call.handle = nullptr;
    if (rc != CURLE_OK) {
      Error e = classify(h, rc, call.ex, call.errbuf, *call.request);
      release(h, false);
      return e;
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    call.ex.response.status = static_cast<int>(status);
    release(h, true);
    return std::move(call.ex.response);
  }

  static void complete(Call& call, Result<Response> result) noexcept {
    try {
      call.done(std::move(result));
    } catch (...) {
      // A completion must not take the worker thread down.
    }
  }

  // The async worker: adds queued calls to the multi handle, drives them, completes finished ones.
  // It stops once the transport is being destroyed and nothing is in flight.
  // Starts `call` on the multi handle, or completes it with the error that kept it from starting.
  void launch(std::unique_ptr<Call> call, std::map<CURL*, std::unique_ptr<Call>>& active) {
    if (auto started = start(*call); !started) {
      complete(*call, started.error());
      return;
    }
    CURL* h = call->handle;
    curl_multi_add_handle(multi_, h);
    active.emplace(h, std::move(call));
  }

  void run_async() {
    std::map<CURL*, std::unique_ptr<Call>> active;
    for (;;) {
      std::vector<std::unique_ptr<Call>> incoming;
      bool stopping = false;
      {
        std::lock_guard<std::mutex> lock(async_mu_);
        incoming.swap(queue_);
        stopping = stopping_;
      }
      for (auto& call : incoming) launch(std::move(call), active);
      if (stopping && active.empty()) return;
      int running = 0;
      curl_multi_perform(multi_, &running);
      int left = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
        if (msg->msg != CURLMSG_DONE) continue;
        CURL* h = msg->easy_handle;
        const CURLcode rc = msg->data.result;
        auto it = active.find(h);
        if (it == active.end()) continue;
        std::unique_ptr<Call> call = std::move(it->second);
        active.erase(it);
        curl_multi_remove_handle(multi_, h);
        if (resend_on_fresh_connection(*call, rc)) {
          launch(std::move(call), active);
          continue;
        }
        complete(*call, finish(*call, rc));
      }
      // Sleeps until a socket is ready, libcurl's next timeout, or curl_multi_wakeup (new work).
      curl_multi_poll(multi_, nullptr, 0, 1000, nullptr);
    }
  }

  CURLcode configure(CURL* h, const Request& request, Exchange& ex, char* errbuf, Slist& headers) const {
    CURLcode rc = CURLE_OK;
    auto set = [&](CURLoption opt, auto value) {
      if (rc == CURLE_OK) rc = curl_easy_setopt(h, opt, value);
    };
    const auto timeout = request.timeout.count() > 0 ? request.timeout : options_.timeout;
    set(CURLOPT_URL, request.url.c_str());
#if LIBCURL_VERSION_NUM >= 0x075500
    set(CURLOPT_PROTOCOLS_STR, "http,https");
#else
    set(CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    set(CURLOPT_NOSIGNAL, 1L);
    set(CURLOPT_ERRORBUFFER, errbuf);
    set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    set(CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    set(CURLOPT_FOLLOWLOCATION, 0L);
    set(CURLOPT_SSL_VERIFYPEER, 1L);
    set(CURLOPT_SSL_VERIFYHOST, 2L);
    set(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!options_.ca_file.empty()) set(CURLOPT_CAINFO, options_.ca_file.c_str());
    if (!options_.ca_path.empty()) set(CURLOPT_CAPATH, options_.ca_path.c_str());
    if (!options_.proxy.empty()) set(CURLOPT_PROXY, options_.proxy.c_str());
#if LIBCURL_VERSION_NUM >= 0x074100
    set(CURLOPT_MAXAGE_CONN, static_cast<long>(options_.max_connection_age.count()));
#endif
    set(CURLOPT_USERAGENT, user_agent_.c_str());
    set(CURLOPT_WRITEFUNCTION, &on_body);
    set(CURLOPT_WRITEDATA, static_cast<void*>(&ex));
    set(CURLOPT_HEADERFUNCTION, &on_header);
    set(CURLOPT_HEADERDATA, static_cast<void*>(&ex));
    if (request.cancel) {
      ex.cancel = &*request.cancel;
      set(CURLOPT_NOPROGRESS, 0L);
      set(CURLOPT_XFERINFOFUNCTION, &on_progress);
      set(CURLOPT_XFERINFODATA, static_cast<void*>(&ex));
    }
    // Cookies stay off: no CURLOPT_COOKIEFILE is ever set, and curl_easy_reset clears state.

    curl_slist* list = nullptr;
    for (const auto& [name, value] : request.headers) {
      const std::string line = value.empty() ? name + ";" : name + ": " + value;
      curl_slist* next = curl_slist_append(list, line.c_str());
      if (next == nullptr) {
        curl_slist_free_all(list);
        return CURLE_OUT_OF_MEMORY;
      }
      list = next;
    }
    // An empty Expect: stops libcurl waiting for "100 Continue" before sending the body.
    if (curl_slist* next = curl_slist_append(list, "Expect:")) list = next;
    headers.reset(list);
    set(CURLOPT_HTTPHEADER, list);

    const bool has_body = !request.body.empty();
    switch (request.method) {
      case Method::kGet: set(CURLOPT_HTTPGET, 1L); break;
      case Method::kPost: set(CURLOPT_POST, 1L); break;
      case Method::kPut:
      case Method::kDelete:
        set(CURLOPT_CUSTOMREQUEST, request.method == Method::kPut ? "PUT" : "DELETE");
        if (has_body) set(CURLOPT_POST, 1L);
        break;
    }
    if (has_body || request.method == Method::kPost) {
      set(CURLOPT_POSTFIELDS, request.body.data());
      set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    return rc;
  }

  Error classify(CURL* h, CURLcode rc, const Exchange& ex, const char* errbuf, const Request& request) const {
    long request_bytes = 0;
    curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &request_bytes);
    const Delivery sent_if_bytes = request_bytes > 0 ? Delivery::kMaybeSent : Delivery::kNotSent;
    std::string detail = errbuf[0] != '\0' ? std::string(errbuf) : std::string(curl_easy_strerror(rc));
    switch (rc) {
      case CURLE_UNSUPPORTED_PROTOCOL:
      case CURLE_URL_MALFORMAT: return make_error(ErrorCode::kInvalidArgument, "bad URL: " + detail);
      case CURLE_COULDNT_RESOLVE_PROXY:
      case CURLE_COULDNT_RESOLVE_HOST:
      case CURLE_COULDNT_CONNECT: return make_error(ErrorCode::kConnect, "cannot connect: " + detail);
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CIPHER:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_ISSUER_ERROR: return make_error(ErrorCode::kTls, "TLS failure: " + detail, sent_if_bytes);
      case CURLE_OPERATION_TIMEDOUT: {
        const auto timeout = request.timeout.count() > 0 ? request.timeout : options_.timeout;
        double connect_time = 0;
        curl_easy_getinfo(h, CURLINFO_CONNECT_TIME, &connect_time);
        if (request_bytes == 0 && connect_time <= 0) {
          return make_error(ErrorCode::kTimeout, "connect timed out (connect timeout " +
                                                     std::to_string(options_.connect_timeout.count()) + " ms)");
        }
        return make_error(ErrorCode::kTimeout, "request timed out after " + std::to_string(timeout.count()) + " ms",
                          sent_if_bytes);
      }
      case CURLE_WRITE_ERROR:
        if (ex.too_large) {
          return make_error(ErrorCode::kResponseTooLarge,
                            "response body larger than " + std::to_string(ex.cap) + " bytes", Delivery::kMaybeSent);
        }
        return make_error(ErrorCode::kNetwork, "receiving the response failed: " + detail, Delivery::kMaybeSent);
      case CURLE_ABORTED_BY_CALLBACK:
        return make_error(ErrorCode::kCancelled, "cancelled during the exchange", sent_if_bytes);
      case CURLE_SEND_ERROR:
        return make_error(ErrorCode::kNetwork, "sending the request failed: " + detail, sent_if_bytes);
      default: return make_error(ErrorCode::kNetwork, "transfer failed: " + detail, Delivery::kMaybeSent);
    }
  }

  CURL* acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        CURL* h = idle_.back();
        idle_.pop_back();
        return h;
      }
    }
    return curl_easy_init();
  }

  // A handle that saw an error is discarded (its connection may be in an unknown state);
  // a good one is reset and kept, together with its live connection, for the next request.
  void release(CURL* h, bool reusable) {
    if (reusable) {
      curl_easy_reset(h);
      std::lock_guard<std::mutex> lock(mu_);
      if (idle_.size() < options_.max_pooled_handles) {
        idle_.push_back(h);
        return;
      }
    }
    curl_easy_cleanup(h);
  }

  CurlOptions options_;
  std::string user_agent_;
  std::mutex mu_;
  std::vector<CURL*> idle_;
  // send_async
  std::mutex async_mu_;
  std::vector<std::unique_ptr<Call>> queue_;
  bool stopping_ = false;
  CURLM* multi_ = nullptr;
  std::thread worker_;
};

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(CurlOptions options) : core_(std::make_shared<Core>(std::move(options))) {}
  ~CurlTransport() override { core_->stop(); }
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Result<Response> send(const Request& request) override { return core_->send(request); }
  void send_async(Request request, Completion done) override { core_->send_async(std::move(request), std::move(done)); }

 private:
  std::shared_ptr<Core> core_;
};

}  // namespace

Result<std::shared_ptr<Transport>> make_curl_transport(CurlOptions options) {
  if (options.connect_timeout.count() <= 0) return make_error(ErrorCode::kConfig, "connect_timeout must be positive");
  if (options.timeout.count() <= 0) return make_error(ErrorCode::kConfig, "timeout must be positive");
  if (options.max_response_bytes == 0) return make_error(ErrorCode::kConfig, "max_response_bytes must be positive");
  if (options.max_async_connections == 0)
    return make_error(ErrorCode::kConfig, "max_async_connections must be positive");
  if (!options.ca_file.empty() && !file_readable(options.ca_file)) {
    return make_error(ErrorCode::kConfig, "ca_file cannot be read: " + options.ca_file);
  }
  if (auto init = ensure_curl_global_init(); !init) return init.error();
  return std::shared_ptr<Transport>(std::make_shared<CurlTransport>(std::move(options)));
}

}  // namespace paygw::http
