// SPDX-License-Identifier: MIT
// paygw::system_random() (paygw/clock.hpp): OpenSSL's RAND_bytes. Here rather than beside
// system_clock() so that the base layer (src/base: Clock, Result, Secret, ...) includes no crypto.
#include <paygw/clock.hpp>

#include "crypto/crypto.hpp"

namespace paygw {
namespace {

class OpenSslRandom final : public RandomSource {
 public:
  Result<std::string> bytes(std::size_t count) override { return detail::crypto::random_bytes(count); }
};

}  // namespace

std::shared_ptr<RandomSource> system_random() {
  static const auto random = std::make_shared<OpenSslRandom>();
  return random;
}

}  // namespace paygw
