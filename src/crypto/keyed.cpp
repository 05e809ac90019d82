// SPDX-License-Identifier: MIT
#include "crypto/keyed.hpp"

#include "crypto/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
#include <openssl/core_names.h>
#include <openssl/params.h>
#endif

#include <climits>
#include <memory>

namespace paygw::detail::crypto {
namespace {

Error openssl_failure(const char* what) {
  return make_error(ErrorCode::kInternal, std::string("OpenSSL ") + what + " failed");
}

const auto* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

bool fits_int(std::size_t n) { return n <= static_cast<std::size_t>(INT_MAX); }

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* c) const noexcept { EVP_CIPHER_CTX_free(c); }
};

}  // namespace

#if OPENSSL_VERSION_NUMBER >= 0x30000000L
namespace {
EVP_MAC* hmac_algorithm() {
  static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return mac;
}
struct MacCtxFree {
  void operator()(EVP_MAC_CTX* c) const noexcept { EVP_MAC_CTX_free(c); }
};
}  // namespace

Result<std::string> hmac_sha256(std::string_view key, std::string_view message) {
  EVP_MAC* mac = hmac_algorithm();
  if (mac == nullptr) return openssl_failure("EVP_MAC_fetch(HMAC)");
  std::unique_ptr<EVP_MAC_CTX, MacCtxFree> ctx(EVP_MAC_CTX_new(mac));
  if (!ctx) return openssl_failure("EVP_MAC_CTX_new");
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
  static const unsigned char kEmpty = 0;
  const unsigned char* k = key.empty() ? &kEmpty : bytes_of(key);
  unsigned char out[EVP_MAX_MD_SIZE];
  std::size_t len = 0;
  if (EVP_MAC_init(ctx.get(), k, key.size(), params) != 1 ||
      EVP_MAC_update(ctx.get(), bytes_of(message), message.size()) != 1 ||
      EVP_MAC_final(ctx.get(), out, &len, sizeof(out)) != 1) {
    return openssl_failure("HMAC-SHA256");
  }
  std::string result(reinterpret_cast<const char*>(out), len);
  OPENSSL_cleanse(out, sizeof(out));
  return result;
}
#else
namespace {
struct PkeyFree {
  void operator()(EVP_PKEY* k) const noexcept { EVP_PKEY_free(k); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};
}  // namespace

Result<std::string> hmac_sha256(std::string_view key, std::string_view message) {
  static const unsigned char kEmpty = 0;
  const unsigned char* k = key.empty() ? &kEmpty : bytes_of(key);
  std::unique_ptr<EVP_PKEY, PkeyFree> pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_HMAC, nullptr, k, key.size()));
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (!pkey || !ctx) return openssl_failure("HMAC key setup");
  unsigned char mac[EVP_MAX_MD_SIZE];
  std::size_t len = sizeof(mac);
  if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, pkey.get()) != 1 ||
      EVP_DigestSignUpdate(ctx.get(), message.data(), message.size()) != 1 ||
      EVP_DigestSignFinal(ctx.get(), mac, &len) != 1) {
    return openssl_failure("HMAC-SHA256");
  }
  std::string out(reinterpret_cast<const char*>(mac), len);
  OPENSSL_cleanse(mac, sizeof(mac));
  return out;
}
#endif

Result<std::string> aes256_gcm_seal(std::string_view key, std::string_view nonce, std::string_view plaintext,
                                    std::string_view aad) {
  if (key.size() != kAesKeySize) return make_error(ErrorCode::kInvalidArgument, "AES-256 key must be 32 bytes");
  if (nonce.size() != kGcmNonceSize) return make_error(ErrorCode::kInvalidArgument, "GCM nonce must be 12 bytes");
  if (!fits_int(plaintext.size()) || !fits_int(aad.size())) {
    return make_error(ErrorCode::kInvalidArgument, "GCM input too large");
  }
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return openssl_failure("EVP_CIPHER_CTX_new");
  std::string out(plaintext.size() + kGcmTagSize, '\0');
  auto* dst = reinterpret_cast<unsigned char*>(out.data());
  int len = 0;
  int final_len = 0;
  if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kGcmNonceSize), nullptr) != 1 ||
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes_of(key), bytes_of(nonce)) != 1 ||
      (!aad.empty() && EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes_of(aad), static_cast<int>(aad.size())) != 1) ||
      EVP_EncryptUpdate(ctx.get(), dst, &len, bytes_of(plaintext), static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), dst + len, &final_len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kGcmTagSize), dst + plaintext.size()) !=
          1) {
    return openssl_failure("AES-256-GCM encryption");
  }
  return out;
}

Result<std::string> aes256_gcm_open(std::string_view key, std::string_view nonce, std::string_view sealed,
                                    std::string_view aad) {
  if (key.size() != kAesKeySize) return make_error(ErrorCode::kInvalidArgument, "AES-256 key must be 32 bytes");
  if (nonce.size() != kGcmNonceSize) return make_error(ErrorCode::kInvalidArgument, "GCM nonce must be 12 bytes");
  if (sealed.size() < kGcmTagSize) return make_error(ErrorCode::kMalformed, "GCM input shorter than its tag");
  if (!fits_int(sealed.size()) || !fits_int(aad.size())) {
    return make_error(ErrorCode::kInvalidArgument, "GCM input too large");
  }
  const std::string_view ciphertext = sealed.substr(0, sealed.size() - kGcmTagSize);
  std::string tag(sealed.substr(ciphertext.size()));
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return openssl_failure("EVP_CIPHER_CTX_new");
  std::string out(ciphertext.size() + 1, '\0');  // +1: never a zero-length buffer
  auto* dst = reinterpret_cast<unsigned char*>(out.data());
  int len = 0;
  int final_len = 0;
  if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kGcmNonceSize), nullptr) != 1 ||
      EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes_of(key), bytes_of(nonce)) != 1 ||
      (!aad.empty() && EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes_of(aad), static_cast<int>(aad.size())) != 1) ||
      EVP_DecryptUpdate(ctx.get(), dst, &len, bytes_of(ciphertext), static_cast<int>(ciphertext.size())) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kGcmTagSize), tag.data()) != 1) {
    OPENSSL_cleanse(out.data(), out.size());
    return openssl_failure("AES-256-GCM decryption");
  }
  if (EVP_DecryptFinal_ex(ctx.get(), dst + len, &final_len) != 1) {
    OPENSSL_cleanse(out.data(), out.size());
    return make_error(ErrorCode::kDecrypt, "sealed data does not authenticate (wrong key or edited)");
  }
  out.resize(static_cast<std::size_t>(len) + static_cast<std::size_t>(final_len));
  return out;
}

}  // namespace paygw::detail::crypto
