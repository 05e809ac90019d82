// SPDX-License-Identifier: MIT
// Internal: a bounded pool of database connections shared by a store and its transactions.
#pragma once

#include <paygw/result.hpp>

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace paygw::detail::store {

/// Connections of type C (with `bool broken() const`), at most `max` open; acquire() waits for a
/// free one. A broken connection is closed on release instead of being pooled. Thread-safe.
template <typename C>
class Pool : public std::enable_shared_from_this<Pool<C>> {
 public:
  using Connect = std::function<Result<std::unique_ptr<C>>()>;

  Pool(std::size_t max, Connect connect) : max_(max), connect_(std::move(connect)) {}

  /// A connection, returned to the pool when the lease is destroyed.
  class Lease {
   public:
    Lease(std::shared_ptr<Pool> pool, std::unique_ptr<C> c) : pool_(std::move(pool)), c_(std::move(c)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (c_) pool_->release(std::move(c_));
    }
    C& operator*() const { return *c_; }
    C* operator->() const { return c_.get(); }

   private:
    std::shared_ptr<Pool> pool_;
    std::unique_ptr<C> c_;
  };

  Result<Lease> acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !idle_.empty() || open_ < max_; });
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this->shared_from_this(), std::move(c));
    }
    ++open_;
    lock.unlock();
    auto c = connect_();
    if (!c) {
      std::lock_guard<std::mutex> relock(mu_);
      --open_;
      cv_.notify_one();
      return c.error();
    }
    return Lease(this->shared_from_this(), std::move(*c));
  }

 private:
  void release(std::unique_ptr<C> c) {
    std::lock_guard<std::mutex> lock(mu_);
    if (c->broken()) {
      --open_;
      c.reset();
    } else {
      idle_.push_back(std::move(c));
    }
    cv_.notify_one();
  }

  const std::size_t max_;
  Connect connect_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<C>> idle_;
  std::size_t open_ = 0;
};

}  // namespace paygw::detail::store
