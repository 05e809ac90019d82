#include <paygw/tingee/client.hpp>

#include "crypto/crypto.hpp"
#include "tingee/protocol.hpp"

namespace paygw::tingee {

Result<Client> Client::create(Config config) {
  auto connection = make_connection(std::move(config));
  if (!connection) return std::move(connection).error();
  return Client(std::move(*connection));
}

Result<std::string> sign(const Secret& secret, std::string_view timestamp, std::string_view body) {
  auto key = paygw::detail::crypto::HmacSha512Key::create(secret.reveal());
  if (!key) return std::move(key).error();
  return detail::sign_with(*key, timestamp, body);  // the one signing path, as the client's
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
