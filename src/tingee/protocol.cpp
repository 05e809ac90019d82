// SPDX-License-Identifier: MIT
#include "tingee/protocol.hpp"

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

http::Request TingeeProtocol::request(http::Method method, Group group, std::string_view path, std::string_view query,
                                      std::string body) const {
  http::Request r;
  r.method = method;
  const std::string_view prefix = group == Group::kBank ? path_prefix(config_.bank_path_prefix) : "";
  r.url.reserve(base_url_.size() + prefix.size() + path.size() + query.size());
  r.url.append(base_url_).append(prefix);
  r.url.append(path).append(query);
  r.timeout = config_.timeout;
  r.body = std::move(body);
  r.headers = {
      {"Content-Type", "application/json"}, {"Accept", "application/json"}, {"x-client-id", config_.client_id}};
  return r;
}

void TingeeProtocol::authorize(http::Request& attempt, const paygw::detail::CallLimits&, paygw::detail::Mode,
                               paygw::detail::AuthorizeDone done) const {
  std::string timestamp = format_timestamp(config_.clock->now() - config_.timestamp_backdate);
  auto signature = sign_with(key_, timestamp, attempt.body);
  if (!signature) return done(std::move(signature).error());
  attempt.headers.emplace_back("x-request-timestamp", std::move(timestamp));
  attempt.headers.emplace_back("x-signature", std::move(*signature));
  done({});
}

}  // namespace paygw::tingee::detail
