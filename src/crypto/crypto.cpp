// SPDX-License-Identifier: MIT
#include "crypto/crypto.hpp"

#include "http/util.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
#include <openssl/core_names.h>
#include <openssl/params.h>
#endif
#include <openssl/rand.h>

#include <algorithm>
#include <climits>
#include <memory>

namespace paygw::detail::crypto {
namespace {

Error openssl_failure(const char* what) {
  return make_error(ErrorCode::kInternal, std::string("OpenSSL ") + what + " failed");
}

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* c) const noexcept { EVP_CIPHER_CTX_free(c); }
};
#if OPENSSL_VERSION_NUMBER < 0x30000000L
struct PkeyFree {
  void operator()(EVP_PKEY* k) const noexcept { EVP_PKEY_free(k); }
};
#endif
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};

const auto* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

bool fits_int(std::size_t n) { return n <= static_cast<std::size_t>(INT_MAX); }

Result<std::string> aes256_cbc(bool encrypt, std::string_view key, std::string_view iv, std::string_view input) {
  if (key.size() != kAesKeySize) return make_error(ErrorCode::kInvalidArgument, "AES-256 key must be 32 bytes");
  if (iv.size() != kAesBlockSize) return make_error(ErrorCode::kInvalidArgument, "AES IV must be 16 bytes");
  if (!fits_int(input.size() + kAesBlockSize)) return make_error(ErrorCode::kInvalidArgument, "AES input too large");
  if (!encrypt && (input.empty() || input.size() % kAesBlockSize != 0)) {
    return make_error(ErrorCode::kMalformed, "ciphertext length is not a positive multiple of 16");
  }
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return openssl_failure("EVP_CIPHER_CTX_new");
  if (EVP_CipherInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, bytes_of(key), bytes_of(iv), encrypt ? 1 : 0) != 1) {
    return openssl_failure("EVP_CipherInit_ex");
  }
  std::string out(input.size() + kAesBlockSize, '\0');
  int written = 0;
  auto* dst = reinterpret_cast<unsigned char*>(out.data());
  if (EVP_CipherUpdate(ctx.get(), dst, &written, bytes_of(input), static_cast<int>(input.size())) != 1) {
    return openssl_failure("EVP_CipherUpdate");
  }
  int final_len = 0;
  if (EVP_CipherFinal_ex(ctx.get(), dst + written, &final_len) != 1) {
    if (!encrypt) {
      OPENSSL_cleanse(out.data(), out.size());
      return make_error(ErrorCode::kDecrypt, "ciphertext does not decrypt (wrong key, bad padding or tampered)");
    }
    return openssl_failure("EVP_CipherFinal_ex");
  }
  out.resize(static_cast<std::size_t>(written) + static_cast<std::size_t>(final_len));
  return out;
}

}  // namespace

#if OPENSSL_VERSION_NUMBER >= 0x30000000L
namespace {
// OpenSSL 3 looks algorithms up in its providers on every fetch; fetch HMAC once per process.
EVP_MAC* hmac_algorithm() {
  static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return mac;
}
struct MacCtxFree {
  void operator()(EVP_MAC_CTX* c) const noexcept { EVP_MAC_CTX_free(c); }
};
}  // namespace

Result<std::string> hmac_sha512(std::string_view key, std::string_view message) {
  EVP_MAC* mac = hmac_algorithm();
  if (mac == nullptr) return openssl_failure("EVP_MAC_fetch(HMAC)");
  std::unique_ptr<EVP_MAC_CTX, MacCtxFree> ctx(EVP_MAC_CTX_new(mac));
  if (!ctx) return openssl_failure("EVP_MAC_CTX_new");
  char digest[] = "SHA512";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
  // An empty key is legal for HMAC; OpenSSL wants a non-null pointer for it.
  static const unsigned char kEmpty = 0;
  const unsigned char* k = key.empty() ? &kEmpty : bytes_of(key);
  unsigned char out[EVP_MAX_MD_SIZE];
  std::size_t len = 0;
  if (EVP_MAC_init(ctx.get(), k, key.size(), params) != 1 ||
      EVP_MAC_update(ctx.get(), bytes_of(message), message.size()) != 1 ||
      EVP_MAC_final(ctx.get(), out, &len, sizeof(out)) != 1) {
    return openssl_failure("HMAC-SHA512");
  }
  std::string result(reinterpret_cast<const char*>(out), len);
  OPENSSL_cleanse(out, sizeof(out));
  return result;
}

struct HmacSha512Key::State {
  EVP_MAC_CTX* keyed = nullptr;  // initialised with the key once; only ever duplicated afterwards
  State() = default;
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  ~State() { EVP_MAC_CTX_free(keyed); }
};

Result<HmacSha512Key> HmacSha512Key::create(std::string_view key) {
  EVP_MAC* mac = hmac_algorithm();
  if (mac == nullptr) return openssl_failure("EVP_MAC_fetch(HMAC)");
  auto state = std::make_shared<State>();
  state->keyed = EVP_MAC_CTX_new(mac);
  if (state->keyed == nullptr) return openssl_failure("EVP_MAC_CTX_new");
  char digest[] = "SHA512";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
  static const unsigned char kEmpty = 0;
  const unsigned char* k = key.empty() ? &kEmpty : bytes_of(key);
  if (EVP_MAC_init(state->keyed, k, key.size(), params) != 1) return openssl_failure("HMAC-SHA512 key setup");
  return HmacSha512Key(std::move(state));
}

Result<void> HmacSha512Key::mac(std::initializer_list<std::string_view> parts, unsigned char (&out)[kSize]) const {
  // A private copy of the keyed context: the shared one is never updated, so calls may overlap.
  std::unique_ptr<EVP_MAC_CTX, MacCtxFree> ctx(EVP_MAC_CTX_dup(state_->keyed));
  if (!ctx) return openssl_failure("EVP_MAC_CTX_dup");
  for (std::string_view part : parts) {
    if (EVP_MAC_update(ctx.get(), bytes_of(part), part.size()) != 1) return openssl_failure("HMAC-SHA512");
  }
  std::size_t len = 0;
  if (EVP_MAC_final(ctx.get(), out, &len, kSize) != 1 || len != kSize) return openssl_failure("HMAC-SHA512");
  return {};
}
#else
Result<std::string> hmac_sha512(std::string_view key, std::string_view message) {
  if (!fits_int(key.size())) return make_error(ErrorCode::kInvalidArgument, "HMAC key too large");
  // An empty key is legal for HMAC; OpenSSL wants a non-null pointer for it.
  static const unsigned char kEmpty = 0;
  const unsigned char* k = key.empty() ? &kEmpty : bytes_of(key);
  std::unique_ptr<EVP_PKEY, PkeyFree> pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_HMAC, nullptr, k, key.size()));
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (!pkey || !ctx) return openssl_failure("HMAC key setup");
  unsigned char mac[EVP_MAX_MD_SIZE];
  std::size_t len = sizeof(mac);
  if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha512(), nullptr, pkey.get()) != 1 ||
      EVP_DigestSignUpdate(ctx.get(), message.data(), message.size()) != 1 ||
      EVP_DigestSignFinal(ctx.get(), mac, &len) != 1) {
    return openssl_failure("HMAC-SHA512");
  }
  std::string out(reinterpret_cast<const char*>(mac), len);
  OPENSSL_cleanse(mac, sizeof(mac));
  return out;
}

// OpenSSL 1.1: the key is kept (cleansed on destruction) and every MAC is a one-shot EVP_DigestSign.
struct HmacSha512Key::State {
  std::string key;
  ~State() { OPENSSL_cleanse(key.data(), key.size()); }
};

Result<HmacSha512Key> HmacSha512Key::create(std::string_view key) {
  auto state = std::make_shared<State>();
  state->key.assign(key.data(), key.size());
  return HmacSha512Key(std::move(state));
}

Result<void> HmacSha512Key::mac(std::initializer_list<std::string_view> parts, unsigned char (&out)[kSize]) const {
  std::string message;
  for (std::string_view part : parts) message.append(part.data(), part.size());
  auto raw = hmac_sha512(state_->key, message);
  if (!raw) return std::move(raw).error();
  if (raw->size() != kSize) return openssl_failure("HMAC-SHA512");
  std::copy(raw->begin(), raw->end(), reinterpret_cast<char*>(out));
  OPENSSL_cleanse(raw->data(), raw->size());
  return {};
}
#endif

Result<std::string> md5(std::string_view data) {
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (!ctx) return openssl_failure("EVP_MD_CTX_new");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_DigestInit_ex(ctx.get(), EVP_md5(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 || EVP_DigestFinal_ex(ctx.get(), digest, &len) != 1) {
    return openssl_failure("MD5");
  }
  return std::string(reinterpret_cast<const char*>(digest), len);
}

Result<std::string> aes256_cbc_encrypt(std::string_view key, std::string_view iv, std::string_view plaintext) {
  return aes256_cbc(true, key, iv, plaintext);
}

Result<std::string> aes256_cbc_decrypt(std::string_view key, std::string_view iv, std::string_view ciphertext) {
  return aes256_cbc(false, key, iv, ciphertext);
}

Result<std::string> random_bytes(std::size_t count) {
  if (!fits_int(count)) return make_error(ErrorCode::kInvalidArgument, "too many random bytes requested");
  std::string out(count, '\0');
  if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1) {
    return openssl_failure("RAND_bytes");
  }
  return out;
}

void hex_encode_to(const unsigned char* bytes, std::size_t size, char* out) noexcept {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (std::size_t i = 0; i < size; ++i) {
    out[2 * i] = kDigits[bytes[i] >> 4];
    out[2 * i + 1] = kDigits[bytes[i] & 0x0f];
  }
}

std::string hex_encode(std::string_view bytes) {
  std::string out(bytes.size() * 2, '\0');
  hex_encode_to(bytes_of(bytes), bytes.size(), out.data());
  return out;
}

Result<std::string> hex_decode(std::string_view hex) {
  if (hex.size() % 2 != 0) return make_error(ErrorCode::kMalformed, "hex string has an odd length");
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = paygw::detail::hex_digit_value(hex[i]);
    const int lo = paygw::detail::hex_digit_value(hex[i + 1]);
    if (hi < 0 || lo < 0) return make_error(ErrorCode::kMalformed, "hex string has a non-hex character");
    out.push_back(static_cast<char>((hi << 4) | lo));
  }
  return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace paygw::detail::crypto
