// SPDX-License-Identifier: MIT
#include <paygw/retry.hpp>

#include "base/timer.hpp"

namespace paygw {

void Sleeper::sleep_async(std::chrono::milliseconds duration, const CancelToken& cancel, std::function<void()> then) {
  detail::run_after(duration, cancel, std::move(then));
}

std::shared_ptr<Sleeper> real_sleeper() {
  struct Real final : Sleeper {
    void sleep(std::chrono::milliseconds d, const CancelToken& cancel) override { cancel.wait_for(d); }
  };
  static const auto sleeper = std::make_shared<Real>();
  return sleeper;
}

}  // namespace paygw
