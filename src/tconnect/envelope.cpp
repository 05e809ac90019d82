// SPDX-License-Identifier: MIT
#include <paygw/tconnect/envelope.hpp>

#include "crypto/crypto.hpp"
#include "json/json.hpp"
#include "tconnect/codec.hpp"

namespace paygw::tconnect {

namespace crypto = paygw::detail::crypto;
namespace json = paygw::detail::json;
using json::Json;

namespace detail {

Result<Secret> decode_key(const Secret& key, KeyFormat format) {
  if (format == KeyFormat::kRaw) {
    if (key.size() != crypto::kAesKeySize) return make_error(ErrorCode::kConfig, "raw AES key must be 32 bytes");
    return key;
  }
  if (key.size() != 2 * crypto::kAesKeySize) {
    return make_error(ErrorCode::kConfig, "hex AES key must be 64 hex characters");
  }
  auto raw = crypto::hex_decode(key.reveal());
  if (!raw) return make_error(ErrorCode::kConfig, "hex AES key contains a non-hex character");
  Secret out(std::move(*raw));
  return out;
}

Result<std::string> encrypt(std::string_view plaintext, const Secret& raw_key, RandomSource& random) {
  auto iv = random.bytes(crypto::kAesBlockSize);
  if (!iv) return iv.error();
  if (iv->size() != crypto::kAesBlockSize) return make_error(ErrorCode::kInternal, "random source returned a short IV");
  auto ct = crypto::aes256_cbc_encrypt(raw_key.reveal(), *iv, plaintext);
  if (!ct) return ct.error();
  return crypto::hex_encode(*iv + *ct);
}

Result<std::string> decrypt(std::string_view data_hex, const Secret& raw_key) {
  auto raw = crypto::hex_decode(data_hex);
  if (!raw) return make_error(ErrorCode::kMalformed, "envelope data is not hex");
  if (raw->size() < 2 * crypto::kAesBlockSize || raw->size() % crypto::kAesBlockSize != 0) {
    return make_error(ErrorCode::kMalformed, "envelope data is not a 16-byte IV followed by whole AES blocks");
  }
  const std::string_view bytes(*raw);
  return crypto::aes256_cbc_decrypt(raw_key.reveal(), bytes.substr(0, crypto::kAesBlockSize),
                                    bytes.substr(crypto::kAesBlockSize));
}

std::optional<std::string> envelope_data(const Json& body) {
  if (!body.is_object() || body.size() != 1) return std::nullopt;
  const Json* data = json::member(body, "data");
  if (data == nullptr || !data->is_string()) return std::nullopt;
  return data->get<std::string>();
}

}  // namespace detail

Result<std::string> encrypt_envelope(std::string_view plaintext, const Secret& key, KeyFormat format,
                                     RandomSource& random) {
  auto raw = detail::decode_key(key, format);
  if (!raw) return raw.error();
  return detail::encrypt(plaintext, *raw, random);
}

Result<std::string> decrypt_envelope(std::string_view data_hex, const Secret& key, KeyFormat format) {
  auto raw = detail::decode_key(key, format);
  if (!raw) return raw.error();
  return detail::decrypt(data_hex, *raw);
}

}  // namespace paygw::tconnect
