// SPDX-License-Identifier: MIT
// Test deliveries built independently of paygw: Tingee webhooks signed with OpenSSL's one-shot
// HMAC(), TConnect IPNs encrypted with EVP AES-256-CBC directly, charging callbacks signed with
// EVP MD5 — none of it goes through paygw's own crypto or codecs.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace paygw::test {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

/// One HTTP delivery to a receiver.
struct Inbound {
  std::string method = "POST";
  std::string target;
  HeaderList headers;
  std::string body;
  std::string label;  ///< For messages: "tingee FT1", "charging r-3 final" ...
};

std::string hex(const std::string& bytes);
std::string hmac_sha512_hex(const std::string& key, const std::string& message);
std::string md5_hex(const std::string& data);
/// {"data":"hex(iv || AES-256-CBC(key, iv, PKCS#7(plaintext)))"}; `key_hex` 64 hex characters.
std::string tconnect_envelope(const std::string& key_hex, const std::string& iv16, const std::string& plaintext);

/// A signed Tingee payment webhook (x-request-timestamp 20260716174026000).
Inbound tingee_payment(const std::string& path, const std::string& secret, const std::string& transaction_code,
                       std::int64_t amount, const std::string& bill_id = "");
/// A signed Tingee bank-link webhook.
Inbound tingee_bank_link(const std::string& path, const std::string& secret, const std::string& request_id,
                         const std::string& status);
/// The unsigned dashboard ping.
Inbound tingee_ping(const std::string& path);

/// An IPN for (order_id, amount, request_id), encrypted with a fixed IV derived from `iv_seed`.
Inbound tconnect_ipn(const std::string& path, const std::string& key_hex, const std::string& order_id,
                     std::int64_t amount, const std::string& request_id, int iv_seed = 1);

/// A card and the callback a provider sends for it.
struct Card {
  std::string telco = "VIETTEL";
  std::string code;
  std::string serial;
  std::int64_t declared_value = 50000;
  std::string request_id;
};
enum class CallbackForm { kPostJson, kGetQuery, kPostForm };
/// The provider's callback with `status` (1, 2, 3, 99 …), `amount` and `value` (< 0 = null / absent).
Inbound charging_callback(const std::string& path, const std::string& partner_key, const Card& card, int status,
                          std::int64_t amount, std::int64_t value, CallbackForm form);

}  // namespace paygw::test
