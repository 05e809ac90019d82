// SPDX-License-Identifier: MIT
#include <paygw/clock.hpp>

// system_random() draws from OpenSSL: it lives with the crypto code (crypto/system_random.cpp).

namespace paygw {
namespace {

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

}  // namespace

std::shared_ptr<Clock> system_clock() {
  static const auto clock = std::make_shared<SystemClock>();
  return clock;
}

}  // namespace paygw
