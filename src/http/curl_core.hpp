// SPDX-License-Identifier: MIT
// Internal: the state of one libcurl transport — its handle pool and its async (curl multi)
// worker. Blocking sends are in curl_transport.cpp, the async worker in curl_multi.cpp.
#pragma once

#include <paygw/http/curl_transport.hpp>
#include <paygw/http/transport.hpp>

#include <curl/curl.h>

#include "http/curl_handle.hpp"

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace paygw::detail {

/// Shared with the async worker thread, so that a transport whose last reference is dropped
/// inside an async completion (on the worker thread itself) is torn down safely: the worker is
/// detached instead of joining itself, finishes what is in flight and releases the core last.
class CurlCore : public std::enable_shared_from_this<CurlCore> {
 public:
  /// `clear_key_log`: see HandleSettings::clear_key_log.
  CurlCore(http::CurlOptions options, CurlHooks hooks, void (*clear_key_log)(void*));
  ~CurlCore();
  CurlCore(const CurlCore&) = delete;
  CurlCore& operator=(const CurlCore&) = delete;

  /// One exchange in the calling thread (curl_easy_perform on a pooled handle).
  Result<http::Response> send(const http::Request& request);
  /// Queues `request` for the worker thread, started on first use.
  void send_async(http::Request request, http::Transport::Completion done);
  /// Called once, by the transport's destructor: in-flight async calls still finish (each bounded
  /// by its timeout) and complete.
  void stop();

 private:
  // One async exchange: its request, the handle it runs on and its completion.
  struct Call {
    http::Request request;
    http::Transport::Completion done;
    std::unique_ptr<PooledHandle> handle;
    bool fresh_connection = false;  // the one resend after a closing kept-alive connection
    // When send_async queued it: the wait for a free connection counts against its timeout.
    std::chrono::steady_clock::time_point queued_at{};
  };
  using Active = std::map<CURL*, std::unique_ptr<Call>>;

  // Runs `call`'s completion; a completion that throws is ignored.
  static void complete(Call& call, Result<http::Response> result) noexcept;
  // The worker thread's loop (curl_multi.cpp): queued calls onto the multi handle, finished ones
  // completed, until stop() and nothing in flight.
  void run_async();
  // Starts `call` on the multi handle, or completes it with the error that kept it from starting.
  void launch(std::unique_ptr<Call> call, Active& active);
  // Starts waiting calls while fewer than max_async_connections run; completes, unsent, those
  // cancelled or out of time while they waited. Returns how long the worker may sleep before a
  // waiting call's time runs out (at most `cap`).
  std::chrono::milliseconds admit(std::deque<std::unique_ptr<Call>>& waiting, Active& active,
                                  std::chrono::milliseconds cap);
  // A finished transfer: sent again on a fresh connection, or completed.
  void on_done(std::unique_ptr<Call> call, CURLcode rc, Active& active);

  SocketRegistry sockets_;  // first: outlives the handles, whose sockets it tracks
  HandlePool pool_;
  // The async side (curl_multi.cpp): async_mu_ guards queue_, stopping_ and the start of worker_.
  std::mutex async_mu_;
  std::vector<std::unique_ptr<Call>> queue_;
  bool stopping_ = false;
  CURLM* multi_ = nullptr;
  std::thread worker_;
};

}  // namespace paygw::detail
