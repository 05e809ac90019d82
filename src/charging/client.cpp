// SPDX-License-Identifier: MIT
#include <paygw/charging/client.hpp>

#include "charging/codec.hpp"
#include "crypto/crypto.hpp"

#include <algorithm>

namespace paygw::charging {

std::string sign_scheme_a(std::string_view partner_key, const SignFields& f) {
  std::string s;
  s.append(partner_key).append(f.code).append(f.serial);
  return s;
}

std::string sign_scheme_b(std::string_view partner_key, const SignFields& f) {
  // The six values in the PHP ksort order of their names: code, command, partner_id, request_id, serial, telco.
  std::string s;
  s.append(partner_key)
      .append(f.code)
      .append(f.command)
      .append(f.partner_id)
      .append(f.request_id)
      .append(f.serial)
      .append(f.telco);
  return s;
}

Result<std::string> sign(const Secret& partner_key, const SignFields& fields, const SignScheme& scheme) {
  std::string text = scheme(partner_key.reveal(), fields);
  auto digest = paygw::detail::crypto::md5(text);
  std::fill(text.begin(), text.end(), '\0');  // it holds the partner key
  if (!digest) return digest.error();
  return paygw::detail::crypto::hex_encode(*digest);
}

Result<Client> Client::create(Config config) {
  auto connection = make_connection(std::move(config));
  if (!connection) return std::move(connection).error();
  return Client(std::move(*connection));
}

std::string canonical_telco(std::string_view telco, const std::map<std::string, std::string>& aliases) {
  return detail::canonical_telco(telco, aliases);
}

}  // namespace paygw::charging
