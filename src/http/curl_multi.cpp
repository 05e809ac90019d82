// SPDX-License-Identifier: MIT
// The libcurl transport's send_async: one curl multi handle driven by one worker thread, started
// on first use. Beyond CurlOptions::max_async_connections requests wait in the worker's own queue,
// not libcurl's: libcurl neither times out nor cancels a transfer waiting for a connection, and
// would start its timeout only once the transfer leaves that wait — so a request could be sent
// after its caller's deadline. Here the wait counts against the request's timeout, and a request
// cancelled or out of time while it waits is completed, certainly not sent (ADR 0034).
#include <curl/curl.h>

#include "http/curl_core.hpp"

#include <algorithm>
#include <chrono>
#include <deque>
#include <utility>

namespace paygw::detail {

void CurlCore::send_async(http::Request request, http::Transport::Completion done) {
  auto call = std::make_unique<Call>();
  call->request = std::move(request);
  call->done = std::move(done);
  call->queued_at = std::chrono::steady_clock::now();
  bool stopping = false;
  {
    std::lock_guard<std::mutex> lock(async_mu_);
    stopping = stopping_;
    if (!worker_.joinable() && !stopping_) {
      multi_ = curl_multi_init();
      if (multi_ != nullptr) {
        curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                          static_cast<long>(pool_.settings().options.max_async_connections));
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
    complete(*call,
             make_error(ErrorCode::kInternal, stopping ? "the transport is shutting down" : "curl_multi_init failed"));
    return;
  }
  curl_multi_wakeup(multi_);
}

void CurlCore::stop() {
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

void CurlCore::complete(Call& call, Result<http::Response> result) noexcept {
  try {
    call.done(std::move(result));
  } catch (...) {
    // A completion must not take the worker thread down.
  }
}

void CurlCore::launch(std::unique_ptr<Call> call, Active& active) {
  if (!call->handle) call->handle = pool_.acquire();
  if (!call->handle) {
    complete(*call, make_error(ErrorCode::kInternal, "curl_easy_init failed"));
    return;
  }
  if (auto prepared = call->handle->prepare(call->request, call->fresh_connection); !prepared) {
    pool_.release(std::move(call->handle), false);
    complete(*call, prepared.error());
    return;
  }
  CURL* h = call->handle->curl();
  if (curl_multi_add_handle(multi_, h) != CURLM_OK) {
    pool_.release(std::move(call->handle), false);
    complete(*call, make_error(ErrorCode::kInternal, "curl_multi_add_handle failed"));
    return;
  }
  active.emplace(h, std::move(call));
}

void CurlCore::on_done(std::unique_ptr<Call> call, CURLcode rc, Active& active) {
  if (rc != CURLE_OK && !call->fresh_connection && call->handle->may_resend_on_fresh_connection()) {
    call->fresh_connection = true;  // nothing was written: once more, on a new connection
    launch(std::move(call), active);
    return;
  }
  auto result = call->handle->finish(rc);
  pool_.release(std::move(call->handle), rc == CURLE_OK);
  complete(*call, std::move(result));
}

std::chrono::milliseconds CurlCore::admit(std::deque<std::unique_ptr<Call>>& waiting, Active& active,
                                          std::chrono::milliseconds cap) {
  using std::chrono::milliseconds;
  const std::size_t limit = std::max<std::size_t>(1, pool_.settings().options.max_async_connections);
  const auto now = std::chrono::steady_clock::now();
  milliseconds sleep = cap;
  for (auto it = waiting.begin(); it != waiting.end();) {
    Call& call = **it;
    const milliseconds timeout =
        call.request.timeout.count() > 0 ? call.request.timeout : pool_.settings().options.timeout;
    const auto waited = std::chrono::duration_cast<milliseconds>(now - call.queued_at);
    if (call.request.cancel && call.request.cancel->cancelled()) {
      complete(call, make_error(ErrorCode::kCancelled, "cancelled while waiting for a connection"));
    } else if (waited >= timeout) {
      complete(call, make_error(ErrorCode::kTimeout, "no connection became free within the request's timeout"));
    } else if (active.size() < limit) {
      call.request.timeout = timeout - waited;  // the transfer ends when the request's time does
      launch(std::move(*it), active);
    } else {
      sleep = std::min(sleep, timeout - waited);
      if (call.request.cancel) sleep = std::min(sleep, milliseconds(50));  // a cancel is polled
      ++it;
      continue;
    }
    it = waiting.erase(it);
  }
  return std::max(sleep, milliseconds(1));
}

// Admits queued calls onto the multi handle, drives them, completes finished ones. It stops once
// the transport is being destroyed and nothing is in flight or waiting.
void CurlCore::run_async() {
  Active active;
  std::deque<std::unique_ptr<Call>> waiting;
  for (;;) {
    bool stopping = false;
    {
      std::lock_guard<std::mutex> lock(async_mu_);
      for (auto& call : queue_) waiting.push_back(std::move(call));
      queue_.clear();
      stopping = stopping_;
    }
    auto sleep = admit(waiting, active, std::chrono::milliseconds(1000));
    if (stopping && active.empty() && waiting.empty()) return;
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
      on_done(std::move(call), rc, active);
    }
    if (!waiting.empty()) sleep = admit(waiting, active, sleep);  // a finished one made room
    // Sleeps until a socket is ready, libcurl's next timeout, a waiting call's time runs out, or
    // curl_multi_wakeup (new work).
    curl_multi_poll(multi_, nullptr, 0, static_cast<int>(sleep.count()), nullptr);
  }
}

}  // namespace paygw::detail
