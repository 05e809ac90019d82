// SPDX-License-Identifier: MIT
#include <paygw/tingee/client.hpp>

#include "crypto/crypto.hpp"

namespace paygw::tingee {

Result<Client> Client::create(Config config) {
  auto connection = make_connection(std::move(config));
  if (!connection) return std::move(connection).error();
  return Client(std::move(*connection));
}

// One signature: a one-shot HMAC (preparing a key for one use would cost a context copy more).
// The client signs with a key prepared once (detail::sign_with); tests check both against
// independently computed values.
Result<std::string> sign(const Secret& secret, std::string_view timestamp, std::string_view body) {
  std::string message;
  message.reserve(timestamp.size() + 1 + body.size());
  message.append(timestamp).append(":").append(body.empty() ? std::string_view("{}") : body);
  auto mac = paygw::detail::crypto::hmac_sha512(secret.reveal(), message);
  if (!mac) return mac.error();
  return paygw::detail::crypto::hex_encode(*mac);
}

bool is_signature_error(const Error& error) noexcept {
  return error.code == ErrorCode::kProvider && error.provider_code == "97";
}
bool is_timestamp_error(const Error& error) noexcept {
  return error.code == ErrorCode::kProvider && (error.provider_code == "90" || error.provider_code == "91");
}
bool is_rate_limited(const Error& error) noexcept {
  return error.code == ErrorCode::kProvider && error.provider_code == "1001";
}

}  // namespace paygw::tingee
