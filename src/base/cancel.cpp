// SPDX-License-Identifier: MIT
#include <paygw/call_options.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace paygw {

struct CancelToken::State {
  std::atomic<bool> raised{false};
  std::mutex mu;
  std::condition_variable cv;
};

CancelToken::CancelToken() : state_(std::make_shared<State>()) {}

void CancelToken::cancel() const noexcept {
  {
    std::lock_guard<std::mutex> lock(state_->mu);
    state_->raised.store(true);
  }
  state_->cv.notify_all();
}

bool CancelToken::cancelled() const noexcept { return state_->raised.load(); }

bool CancelToken::wait_for(std::chrono::milliseconds duration) const {
  std::unique_lock<std::mutex> lock(state_->mu);
  state_->cv.wait_for(lock, duration, [this] { return state_->raised.load(); });
  return state_->raised.load();
}

}  // namespace paygw
