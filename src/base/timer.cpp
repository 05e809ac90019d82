// SPDX-License-Identifier: MIT
#include "base/timer.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace paygw::detail {
namespace {

class Timer {
 public:
  void add(std::chrono::steady_clock::time_point due, std::optional<CancelToken> cancel, std::function<void()> then) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!started_) {
        // Never joined: the timer lives as long as the process (see run_after).
        std::thread([this] { run(); }).detach();
        started_ = true;
      }
      entries_.push_back(Entry{due, std::move(cancel), std::move(then)});
    }
    cv_.notify_one();
  }

 private:
  struct Entry {
    std::chrono::steady_clock::time_point due;
    std::optional<CancelToken> cancel;
    std::function<void()> then;
  };

  // Entries are few (only calls waiting to retry), so a vector scanned on each wake is enough.
  void run() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      const auto now = std::chrono::steady_clock::now();
      std::vector<std::function<void()>> ready;
      auto wake = now + std::chrono::hours(1);
      bool cancellable = false;
      for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->due <= now || (it->cancel && it->cancel->cancelled())) {
          ready.push_back(std::move(it->then));
          it = entries_.erase(it);
          continue;
        }
        wake = std::min(wake, it->due);
        cancellable = cancellable || it->cancel.has_value();
        ++it;
      }
      if (!ready.empty()) {
        lock.unlock();
        for (auto& f : ready) {
          try {
            f();
          } catch (...) {
            // A continuation must not take the timer thread down.
          }
        }
        lock.lock();
        continue;
      }
      if (cancellable) wake = std::min(wake, now + std::chrono::milliseconds(100));
      cv_.wait_until(lock, wake);
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Entry> entries_;
  bool started_ = false;
};

}  // namespace

void run_after(std::chrono::milliseconds delay, std::optional<CancelToken> cancel, std::function<void()> then) {
  static auto* const timer = new Timer;  // intentionally never destroyed: its thread is detached
  timer->add(std::chrono::steady_clock::now() + delay, std::move(cancel), std::move(then));
}

}  // namespace paygw::detail
