// SPDX-License-Identifier: MIT
// Internal: every cryptographic primitive paygw uses, through OpenSSL EVP only.
#pragma once

#include <paygw/result.hpp>

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace paygw::detail::crypto {

inline constexpr std::size_t kAesKeySize = 32;
inline constexpr std::size_t kAesBlockSize = 16;

/// Raw 64-byte HMAC-SHA512 of `message` keyed with `key`.
Result<std::string> hmac_sha512(std::string_view key, std::string_view message);

/// An HMAC-SHA512 key prepared once: with OpenSSL 3 one EVP_MAC_CTX keyed at create() (the
/// key's ipad/opad blocks hashed once), duplicated (EVP_MAC_CTX_dup) for every MAC. Immutable
/// after create(); mac() only reads the keyed context through a const pointer, which
/// openssl-threads(7) documents as safe from several threads at once. The key bytes live only
/// inside OpenSSL's context (cleansed when it is freed).
class HmacSha512Key {
 public:
  static constexpr std::size_t kSize = 64;
  /// Errors: kInternal when OpenSSL cannot set the key up.
  static Result<HmacSha512Key> create(std::string_view key);
  /// Writes the raw 64-byte HMAC of the concatenation of `parts` to `out`. Errors: kInternal.
  Result<void> mac(std::initializer_list<std::string_view> parts, unsigned char (&out)[kSize]) const;

 private:
  struct State;
  explicit HmacSha512Key(std::shared_ptr<const State> state) : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;
};

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
/// Lowercase hex of `size` bytes at `bytes`, written to `out` (2 * size characters, no NUL).
void hex_encode_to(const unsigned char* bytes, std::size_t size, char* out) noexcept;
/// Accepts upper- and lower-case hex; an odd length or a non-hex character is kMalformed.
Result<std::string> hex_decode(std::string_view hex);
/// Constant-time comparison (CRYPTO_memcmp); false when the lengths differ.
bool constant_time_equal(std::string_view a, std::string_view b) noexcept;

}  // namespace paygw::detail::crypto
