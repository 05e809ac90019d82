// SPDX-License-Identifier: MIT
#include "tingee/signing.hpp"

#include <paygw/tingee/client.hpp>

#include <openssl/crypto.h>

namespace paygw::tingee::detail {

Result<std::string> sign_with(const paygw::detail::crypto::HmacSha512Key& key, std::string_view timestamp,
                              std::string_view body) {
  namespace crypto = paygw::detail::crypto;
  unsigned char mac[crypto::HmacSha512Key::kSize];
  if (auto ok = key.mac({timestamp, ":", body.empty() ? std::string_view("{}") : body}, mac); !ok) {
    return std::move(ok).error();
  }
  std::string hex(2 * sizeof mac, '\0');
  crypto::hex_encode_to(mac, sizeof mac, hex.data());
  OPENSSL_cleanse(mac, sizeof mac);
  return hex;
}

void SigningStep::apply(http::Request& attempt, const paygw::detail::CallLimits&, paygw::detail::Mode,
                        paygw::detail::StepDone done) {
  std::string timestamp = format_timestamp(clock_->now() - backdate_);
  auto signature = sign_with(key_, timestamp, attempt.body);
  if (!signature) return done(std::move(signature).error());
  attempt.headers.emplace_back("x-request-timestamp", std::move(timestamp));
  attempt.headers.emplace_back("x-signature", std::move(*signature));
  done({});
}

}  // namespace paygw::tingee::detail
