// SPDX-License-Identifier: MIT
// Internal: Tingee's step of the per-attempt chain (ADR 0043) — a fresh x-request-timestamp and
// the x-signature over the attempt's body.
#pragma once

#include <paygw/clock.hpp>

#include "call/pipeline.hpp"
#include "crypto/crypto.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace paygw::tingee::detail {

/// tingee::sign() with a prepared key: hex HMAC-SHA512 of `timestamp + ":" + body` ("{}" for an
/// empty body). Errors: kInternal (OpenSSL).
Result<std::string> sign_with(const paygw::detail::crypto::HmacSha512Key& key, std::string_view timestamp,
                              std::string_view body);

/// Signs every attempt afresh: its own timestamp (the client's clock, minus `backdate`) and the
/// signature over exactly the body it sends. Errors: kInternal (OpenSSL), nothing sent.
/// Immutable; thread-safe.
class SigningStep final : public paygw::detail::Step {
 public:
  /// `key` is Config::secret prepared for signing (crypto::HmacSha512Key::create).
  SigningStep(paygw::detail::crypto::HmacSha512Key key, std::shared_ptr<Clock> clock,
              std::chrono::milliseconds backdate)
      : key_(std::move(key)), clock_(std::move(clock)), backdate_(backdate) {}

  void apply(http::Request& attempt, const paygw::detail::CallLimits& limits, paygw::detail::Mode mode,
             paygw::detail::StepDone done) override;

 private:
  paygw::detail::crypto::HmacSha512Key key_;
  std::shared_ptr<Clock> clock_;
  std::chrono::milliseconds backdate_;
};

}  // namespace paygw::tingee::detail
