// SPDX-License-Identifier: MIT
// Internal: every cryptographic primitive paygw uses, through OpenSSL EVP only.
#pragma once

#include <paygw/result.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace paygw::detail::crypto {

inline constexpr std::size_t kAesKeySize = 32;
inline constexpr std::size_t kAesBlockSize = 16;

/// Raw 64-byte HMAC-SHA512 of `message` keyed with `key`.
Result<std::string> hmac_sha512(std::string_view key, std::string_view message);
/// Raw 16-byte MD5 digest.
Result<std::string> md5(std::string_view data);
/// AES-256-CBC with PKCS#7 padding. `key` must be 32 bytes, `iv` 16 bytes (kInvalidArgument).
Result<std::string> aes256_cbc_encrypt(std::string_view key, std::string_view iv, std::string_view plaintext);
/// Inverse of aes256_cbc_encrypt. A wrong length is kMalformed, bad padding kDecrypt.
Result<std::string> aes256_cbc_decrypt(std::string_view key, std::string_view iv, std::string_view ciphertext);
/// `count` bytes from OpenSSL's CSPRNG (RAND_bytes).
Result<std::string> random_bytes(std::size_t count);

/// Lowercase hex.
std::string hex_encode(std::string_view bytes);
/// Accepts upper- and lower-case hex; an odd length or a non-hex character is kMalformed.
Result<std::string> hex_decode(std::string_view hex);
/// Constant-time comparison (CRYPTO_memcmp); false when the lengths differ.
bool constant_time_equal(std::string_view a, std::string_view b) noexcept;

}  // namespace paygw::detail::crypto
