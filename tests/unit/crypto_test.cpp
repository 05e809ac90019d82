// SPDX-License-Identifier: MIT
// Known-answer tests for src/crypto. Vectors: RFC 4231 (HMAC-SHA512), RFC 1321 appendix A.5
// (MD5), NIST SP 800-38A F.2.5 (CBC-AES256); the PKCS#7 padding block was computed with
// `openssl enc -aes-256-cbc`.
#include "crypto/crypto.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace crypto = paygw::detail::crypto;

namespace {

std::string unhex(const std::string& hex) {
  auto r = crypto::hex_decode(hex);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : std::string();
}

struct HmacCase {
  std::string key;
  std::string data;
  const char* mac;
};

TEST(Crypto, HmacSha512Rfc4231) {
  const HmacCase cases[] = {
      {std::string(20, '\x0b'), "Hi There",
       "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f17"
       "02e696c203a126854"},
      {"Jefe", "what do ya want for nothing?",
       "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4"
       "b636e070a38bce737"},
      {std::string(20, '\xaa'), std::string(50, '\xdd'),
       "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942"
       "674278859e13292fb"},
      {unhex("0102030405060708090a0b0c0d0e0f10111213141516171819"), std::string(50, '\xcd'),
       "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2"
       "de2adebeb10a298dd"},
      {std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First",
       "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0ae"
       "c8b915a985d786598"},
      {std::string(131, '\xaa'),
       "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be "
       "hashed before being used by the HMAC algorithm.",
       "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446"
       "065c97440fa8c6a58"},
  };
  for (const auto& c : cases) {
    auto mac = crypto::hmac_sha512(c.key, c.data);
    ASSERT_TRUE(mac.ok());
    EXPECT_EQ(crypto::hex_encode(*mac), c.mac);
    // The key prepared once (the Tingee client's signing path), the message given in parts, and
    // the same prepared key used again: the keyed context is duplicated, never consumed.
    auto key = crypto::HmacSha512Key::create(c.key);
    ASSERT_TRUE(key.ok());
    for (std::size_t cut : {std::size_t{0}, c.data.size() / 2, c.data.size()}) {
      unsigned char out[crypto::HmacSha512Key::kSize];
      const std::string_view data(c.data);
      ASSERT_TRUE(key->mac({data.substr(0, cut), data.substr(cut)}, out).ok());
      EXPECT_EQ(crypto::hex_encode(std::string_view(reinterpret_cast<const char*>(out), sizeof out)), c.mac);
    }
  }
}

// One prepared key shared by several threads at once (as one tingee::Client is): every MAC is
// still the RFC 4231 value (TSan in CI checks the shared keyed context is only read).
TEST(Crypto, HmacSha512KeySharedByThreads) {
  auto key = crypto::HmacSha512Key::create("Jefe");
  ASSERT_TRUE(key.ok());
  const std::string expected =
      "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4"
      "b636e070a38bce737";
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        unsigned char out[crypto::HmacSha512Key::kSize];
        if (!key->mac({"what do ya want ", "for nothing?"}, out).ok() ||
            crypto::hex_encode(std::string_view(reinterpret_cast<const char*>(out), sizeof out)) != expected) {
          ++wrong;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(Crypto, Md5Rfc1321) {
  const std::pair<std::string, const char*> cases[] = {
      {"", "d41d8cd98f00b204e9800998ecf8427e"},
      {"a", "0cc175b9c0f1b6a831c399e269772661"},
      {"abc", "900150983cd24fb0d6963f7d28e17f72"},
      {"message digest", "f96b697d7cb7938d525a2f31aaf161d0"},
      {"abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"},
      {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"},
      {"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
       "57edf4a22be3c955ac49da2e2107b67a"},
  };
  for (const auto& [input, digest] : cases) {
    auto md = crypto::md5(input);
    ASSERT_TRUE(md.ok());
    EXPECT_EQ(crypto::hex_encode(*md), digest) << input;
  }
}

const char* kNistKey = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";
const char* kNistIv = "000102030405060708090a0b0c0d0e0f";
const char* kNistPlain =
    "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad"
    "2b"
    "417be66c3710";
const char* kNistCipher =
    "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda"
    "6c"
    "19078c6a9d1b";
const char* kPaddingBlock = "3f461796d6b0d6b2e0c2a72b4d80e644";  // a full block of 0x10, encrypted

TEST(Crypto, Aes256CbcNistSp800_38a) {
  auto ct = crypto::aes256_cbc_encrypt(unhex(kNistKey), unhex(kNistIv), unhex(kNistPlain));
  ASSERT_TRUE(ct.ok());
  EXPECT_EQ(crypto::hex_encode(*ct), std::string(kNistCipher) + kPaddingBlock);

  auto pt =
      crypto::aes256_cbc_decrypt(unhex(kNistKey), unhex(kNistIv), unhex(std::string(kNistCipher) + kPaddingBlock));
  ASSERT_TRUE(pt.ok());
  EXPECT_EQ(crypto::hex_encode(*pt), kNistPlain);
}

TEST(Crypto, AesRejectsBadInput) {
  const std::string key = unhex(kNistKey);
  const std::string iv = unhex(kNistIv);
  EXPECT_EQ(crypto::aes256_cbc_encrypt(key.substr(1), iv, "x").error().code, paygw::ErrorCode::kInvalidArgument);
  EXPECT_EQ(crypto::aes256_cbc_encrypt(key, iv.substr(1), "x").error().code, paygw::ErrorCode::kInvalidArgument);
  EXPECT_EQ(crypto::aes256_cbc_decrypt(key, iv, "").error().code, paygw::ErrorCode::kMalformed);
  EXPECT_EQ(crypto::aes256_cbc_decrypt(key, iv, std::string(15, 'a')).error().code, paygw::ErrorCode::kMalformed);
  // The NIST ciphertext without its padding block ends in a plaintext block that is not valid PKCS#7.
  EXPECT_EQ(crypto::aes256_cbc_decrypt(key, iv, unhex(kNistCipher)).error().code, paygw::ErrorCode::kDecrypt);
}

TEST(Crypto, AesEmptyPlaintextIsOnePaddingBlock) {
  auto ct = crypto::aes256_cbc_encrypt(unhex(kNistKey), unhex(kNistIv), "");
  ASSERT_TRUE(ct.ok());
  EXPECT_EQ(ct->size(), 16u);
  auto pt = crypto::aes256_cbc_decrypt(unhex(kNistKey), unhex(kNistIv), *ct);
  ASSERT_TRUE(pt.ok());
  EXPECT_TRUE(pt->empty());
}

TEST(Crypto, HexRoundTripAndErrors) {
  EXPECT_EQ(crypto::hex_encode(std::string("\x00\x01\xab\xff", 4)), "0001abff");
  EXPECT_EQ(*crypto::hex_decode("0001ABff"), std::string("\x00\x01\xab\xff", 4));
  EXPECT_EQ(crypto::hex_decode("abc").error().code, paygw::ErrorCode::kMalformed);
  EXPECT_EQ(crypto::hex_decode("zz").error().code, paygw::ErrorCode::kMalformed);
  EXPECT_TRUE(crypto::hex_decode("")->empty());
}

TEST(Crypto, ConstantTimeEqual) {
  EXPECT_TRUE(crypto::constant_time_equal("abc", "abc"));
  EXPECT_TRUE(crypto::constant_time_equal("", ""));
  EXPECT_FALSE(crypto::constant_time_equal("abc", "abd"));
  EXPECT_FALSE(crypto::constant_time_equal("abc", "abcd"));
}

TEST(Crypto, RandomBytes) {
  auto a = crypto::random_bytes(16);
  auto b = crypto::random_bytes(16);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->size(), 16u);
  EXPECT_NE(*a, *b);  // 2^-128 chance of a false failure
  EXPECT_TRUE(crypto::random_bytes(0)->empty());
}

}  // namespace
