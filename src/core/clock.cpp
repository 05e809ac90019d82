// SPDX-License-Identifier: MIT
#include <paygw/clock.hpp>

#include "crypto/crypto.hpp"

namespace paygw {
namespace {

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

class OpenSslRandom final : public RandomSource {
 public:
  Result<std::string> bytes(std::size_t count) override { return detail::crypto::random_bytes(count); }
};

}  // namespace

std::shared_ptr<Clock> system_clock() {
  static const auto clock = std::make_shared<SystemClock>();
  return clock;
}

std::shared_ptr<RandomSource> system_random() {
  static const auto random = std::make_shared<OpenSslRandom>();
  return random;
}

}  // namespace paygw
