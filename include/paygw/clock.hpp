// SPDX-License-Identifier: MIT
// paygw — the injectable time and randomness seams.
#pragma once

#include <paygw/export.hpp>
#include <paygw/result.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace paygw {

/// Wall-clock time source. Every timestamp paygw produces (Tingee's x-request-timestamp,
/// token expiry checks, webhook windows) is read from the Clock the client was configured with.
///
/// Thread safety: implementations must allow concurrent calls to now().
class PAYGW_EXPORT Clock {
 public:
  virtual ~Clock() = default;
  /// The current UTC time.
  virtual std::chrono::system_clock::time_point now() const = 0;
};

/// The process-wide system clock (std::chrono::system_clock). Never null.
PAYGW_EXPORT std::shared_ptr<Clock> system_clock();

/// A clock that returns a time set by the caller; for tests and reproducible examples.
///
/// Thread safety: all members may be called concurrently.
class PAYGW_EXPORT FixedClock final : public Clock {
  using Tp = std::chrono::system_clock::time_point;

 public:
  /// A clock that reads `t` until set() or advance() changes it.
  explicit FixedClock(Tp t) : ticks_(t.time_since_epoch().count()) {}
  /// The time last set.
  Tp now() const override { return Tp(Tp::duration(ticks_.load())); }
  /// Sets the time now() returns to `t` (it may go backwards).
  void set(Tp t) { ticks_.store(t.time_since_epoch().count()); }
  /// Moves the time forward by `d` (backwards when `d` is negative).
  void advance(std::chrono::milliseconds d) { ticks_.fetch_add(std::chrono::duration_cast<Tp::duration>(d).count()); }

 private:
  std::atomic<Tp::rep> ticks_;
};

/// Source of random bytes (AES IVs, retry jitter).
///
/// Thread safety: implementations must allow concurrent calls to bytes().
class PAYGW_EXPORT RandomSource {
 public:
  virtual ~RandomSource() = default;
  /// Returns `count` random bytes. Errors: kInternal when the generator fails.
  virtual Result<std::string> bytes(std::size_t count) = 0;
};

/// OpenSSL's CSPRNG (RAND_bytes). Never null.
PAYGW_EXPORT std::shared_ptr<RandomSource> system_random();

}  // namespace paygw
