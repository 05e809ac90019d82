// SPDX-License-Identifier: MIT
// Internal: the keyed primitives of the payment store (HMAC-SHA256, AES-256-GCM), OpenSSL EVP only.
#pragma once

#include <paygw/result.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace paygw::detail::crypto {

inline constexpr std::size_t kGcmNonceSize = 12;
inline constexpr std::size_t kGcmTagSize = 16;

/// Raw 32-byte HMAC-SHA256 of `message` keyed with `key`.
Result<std::string> hmac_sha256(std::string_view key, std::string_view message);
/// AES-256-GCM: ciphertext || 16-byte tag. `key` 32 bytes, `nonce` 12 bytes (kInvalidArgument).
Result<std::string> aes256_gcm_seal(std::string_view key, std::string_view nonce, std::string_view plaintext,
                                    std::string_view aad);
/// Inverse of aes256_gcm_seal. A wrong tag (other key, nonce, aad or edited bytes) is kDecrypt.
Result<std::string> aes256_gcm_open(std::string_view key, std::string_view nonce, std::string_view sealed,
                                    std::string_view aad);

}  // namespace paygw::detail::crypto
