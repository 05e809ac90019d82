// SPDX-License-Identifier: MIT
// charging::StoredCard: protecting a card for the store and verifying callbacks from it.
// Every expected value was computed independently with Python (hmac, hashlib, and
// cryptography's AESGCM) from the formulas documented in paygw/charging/stored_card.hpp:
//   k_mac  = HMAC-SHA256(store_key, "paygw charging mac v1")
//   k_seal = HMAC-SHA256(store_key, "paygw charging seal v1")
//   *_mac  = HMAC-SHA256(k_mac, label NUL request_id NUL value)
// The callback bodies follow the seed's POST JSON and GET examples (card-charging-v2.txt).
#include <paygw/charging/stored_card.hpp>

#include "crypto/crypto.hpp"
#include "crypto/keyed.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace paygw;
using charging::StoredCard;
namespace crypto = paygw::detail::crypto;

const Secret kPartnerKey("PARTNERKEY_TEST_0123456789abcdef");
const Secret kStoreKey("0123456789abcdef0123456789abcdef");
const std::string kSign = "b75685314e405292202a1ee9f9f3e06a";  // md5(partner_key + code + serial)
const std::string kSignMac = "1019939a517439faef1fa0e3225a1aa32e7290ea1b1d5f46c4cb0bfe5426abdb";
const std::string kCodeMac = "56c5623e36756eff30c115bfb900ff2d45c75c5d818b69aadf8518fd805eef44";
const std::string kSerialMac = "0376472ab85446dcc4bb805d9137c0280cdc75f68cdac48a4ec9f7725fd0de71";
// nonce 000102…0b, AESGCM(k_seal).encrypt(nonce, code "\n" serial, request_id)
const std::string kPythonSealed =
    "000102030405060708090a0b24180ae58048580ac5bbcf5942531165d6036421503822d8b70b2910e9b796dde0fdb1a12fc002f7ca3e3001"
    "3afb";

charging::CardRequest card() { return {"Viettel", "314688440422676", "10003395125761", 50000, "989876"}; }

StoredCard stored() {
  auto s = charging::protect_card(card(), kPartnerKey, kStoreKey);
  EXPECT_TRUE(s.ok()) << describe(s.error());
  return s.ok() ? *s : StoredCard{};
}

std::string post_body(const std::string& status = "1", const std::string& amount = "25000",
                      const std::string& sign = kSign, const std::string& code = "314688440422676") {
  return R"({"status":)" + status +
         R"(,"message":"Th\u00e0nh c\u00f4ng","request_id":"989876","declared_value":50000,"value":50000,"amount":)" +
         amount + R"(,"code":")" + code +
         R"(","serial":"10003395125761","telco":"VIETTEL","trans_id":54180,"callback_sign":")" + sign + R"("})";
}

TEST(KeyedCrypto, HmacSha256AndGcmMatchIndependentVectors) {
  // RFC 4231-style check with the well-known "quick brown fox" vector.
  auto mac = crypto::hmac_sha256("key", "The quick brown fox jumps over the lazy dog");
  ASSERT_TRUE(mac.ok());
  EXPECT_EQ(crypto::hex_encode(*mac), "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  std::string key, nonce;
  for (int i = 0; i < 32; ++i) key.push_back(static_cast<char>(i));
  for (int i = 100; i < 112; ++i) nonce.push_back(static_cast<char>(i));
  auto sealed = crypto::aes256_gcm_seal(key, nonce, "attack at dawn", "aad-bytes");
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(crypto::hex_encode(*sealed), "296faa071a8276ff4a423b89ad0b61f9dcbea9efe06562e20bf36a3f8fba");
  auto empty = crypto::aes256_gcm_seal(key, nonce, "", "");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(crypto::hex_encode(*empty), "609bd50f6ad76df665f048ba8c5fd706");
  auto opened = crypto::aes256_gcm_open(key, nonce, *sealed, "aad-bytes");
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "attack at dawn");
  EXPECT_EQ(crypto::aes256_gcm_open(key, nonce, *sealed, "other aad").error().code, ErrorCode::kDecrypt);
  std::string flipped = *sealed;
  flipped[3] = static_cast<char>(flipped[3] ^ 1);
  EXPECT_EQ(crypto::aes256_gcm_open(key, nonce, flipped, "aad-bytes").error().code, ErrorCode::kDecrypt);
}

TEST(StoredCardTest, KeyedHashesMatchPythonAndHoldNoCardInClear) {
  const StoredCard s = stored();
  EXPECT_EQ(s.telco, "VIETTEL") << "canonical";
  EXPECT_EQ(s.sign_mac, kSignMac);
  EXPECT_EQ(s.code_mac, kCodeMac);
  EXPECT_EQ(s.serial_mac, kSerialMac);
  const std::string verifier = s.encode_verifier();
  for (const std::string& secret : {std::string("314688440422676"), std::string("10003395125761"), kSign,
                                    kPartnerKey.reveal(), kStoreKey.reveal()}) {
    EXPECT_EQ(verifier.find(secret), std::string::npos);
    EXPECT_EQ(verifier.find(crypto::hex_encode(secret)), std::string::npos);
  }
  auto back = StoredCard::decode(s.request_id, s.telco, s.declared_value, verifier);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->sign_mac, s.sign_mac);
  EXPECT_EQ(back->sealed, s.sealed);
  for (const char* bad : {"", "v1.", "v2.a.b.c.d", "v1.zz.zz.zz.zz", "v1.aa.bb.cc", "v1.aa.bb.cc.dd.ee"}) {
    EXPECT_FALSE(StoredCard::decode("1", "VIETTEL", 1, bad).ok()) << bad;
  }
}

TEST(StoredCardTest, SealedCardOpensOnlyWithItsKeyAndRequestId) {
  StoredCard s = stored();
  auto opened = charging::unseal_card(s, kStoreKey);
  ASSERT_TRUE(opened.ok()) << describe(opened.error());
  EXPECT_EQ(opened->code, "314688440422676");
  EXPECT_EQ(opened->serial, "10003395125761");
  EXPECT_EQ(opened->telco, "VIETTEL");
  EXPECT_EQ(opened->declared_value, 50000);
  // A value sealed by Python with the documented key derivation opens too.
  s.sealed = kPythonSealed;
  opened = charging::unseal_card(s, kStoreKey);
  ASSERT_TRUE(opened.ok()) << describe(opened.error());
  EXPECT_EQ(opened->code, "314688440422676");
  // Another key, another request_id (a row copied onto another), an edited byte: refused.
  EXPECT_EQ(charging::unseal_card(s, Secret("ffffffffffffffffffffffffffffffff")).error().code, ErrorCode::kDecrypt);
  StoredCard moved = s;
  moved.request_id = "989877";
  EXPECT_EQ(charging::unseal_card(moved, kStoreKey).error().code, ErrorCode::kDecrypt);
  StoredCard edited = s;
  edited.sealed[40] = edited.sealed[40] == '0' ? '1' : '0';
  EXPECT_EQ(charging::unseal_card(edited, kStoreKey).error().code, ErrorCode::kDecrypt);
  EXPECT_EQ(charging::unseal_card(s, Secret("short")).error().code, ErrorCode::kConfig);
}

TEST(StoredCardTest, ProtectValidatesTheCardAndTheKeys) {
  auto c = card();
  c.telco = "NOPE";
  EXPECT_EQ(charging::protect_card(c, kPartnerKey, kStoreKey).error().code, ErrorCode::kInvalidArgument);
  c = card();
  c.code = "12 34";
  auto bad_code = charging::protect_card(c, kPartnerKey, kStoreKey);
  EXPECT_EQ(bad_code.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad_code.error().message.find("12 34"), std::string::npos) << "never echo the code";
  c = card();
  c.request_id = std::string(65, 'a');
  EXPECT_EQ(charging::protect_card(c, kPartnerKey, kStoreKey).error().code, ErrorCode::kInvalidArgument);
  c = card();
  c.declared_value = kMaxAmountVnd + 1;
  EXPECT_EQ(charging::protect_card(c, kPartnerKey, kStoreKey).error().code, ErrorCode::kInvalidArgument);
  c.declared_value = 0;
  EXPECT_EQ(charging::protect_card(c, kPartnerKey, kStoreKey).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(charging::protect_card(card(), Secret(), kStoreKey).error().code, ErrorCode::kConfig);
  EXPECT_EQ(charging::protect_card(card(), kPartnerKey, Secret(std::string(31, 'k'))).error().code, ErrorCode::kConfig);
  // Two protections of one card differ only in the sealed part (fresh nonce).
  EXPECT_NE(stored().sealed, stored().sealed);
}

TEST(StoredCallback, PostJsonAndGetVerify) {
  const StoredCard s = stored();
  auto post = charging::verify_stored_callback({"", post_body()}, s, kStoreKey);
  ASSERT_TRUE(post.ok()) << describe(post.error());
  EXPECT_EQ(post->status, charging::Status::kSuccess);
  EXPECT_EQ(post->amount, 25000);
  EXPECT_EQ(post->json.find("314688440422676"), std::string::npos);
  const std::string get =
      "status=1&message=Th%C3%A0nh%20c%C3%B4ng&request_id=989876&declared_value=50000&card_value=50000&value=50000&"
      "amount=25000&code=314688440422676&serial=10003395125761&telco=VIETTEL&trans_id=343424&callback_sign=" +
      kSign;
  auto by_get = charging::verify_stored_callback({"?" + get, ""}, s, kStoreKey);
  ASSERT_TRUE(by_get.ok()) << describe(by_get.error());
  EXPECT_EQ(by_get->card_value, 50000);
  // Upper-case hex and the `sign` name verify too; so does a form body.
  std::string upper = kSign;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  std::string form = get;
  form.replace(form.find("callback_sign=" + kSign), std::string("callback_sign=").size() + kSign.size(),
               "sign=" + upper);
  auto by_form = charging::verify_stored_callback({"", form}, s, kStoreKey);
  ASSERT_TRUE(by_form.ok()) << describe(by_form.error());
}

TEST(StoredCallback, ForgedEditedAndReplayedCallbacksFailClosed) {
  const StoredCard s = stored();
  auto code_of = [&](const std::string& query, const std::string& body) {
    auto r = charging::verify_stored_callback({query, body}, s, kStoreKey);
    EXPECT_FALSE(r.ok());
    if (r.ok()) return ErrorCode::kInternal;
    EXPECT_EQ(r.error().delivery, Delivery::kInbound);
    EXPECT_EQ(describe(r.error()).find("sent]"), std::string::npos);
    return r.error().code;
  };
  std::string no_sign = post_body();
  no_sign.replace(no_sign.find(R"(,"callback_sign")"), std::string(R"(,"callback_sign":"")").size() + 32, "");
  EXPECT_EQ(code_of("", no_sign), ErrorCode::kMissingSignature);
  EXPECT_EQ(code_of("", post_body("1", "25000", std::string(32, '0'))), ErrorCode::kInvalidSignature);
  EXPECT_EQ(code_of("", post_body("1", "25000", "zz" + kSign.substr(2))), ErrorCode::kInvalidSignature);
  EXPECT_EQ(code_of("", post_body("1", "25000", kSign + "00")), ErrorCode::kInvalidSignature);
  // The right signature on another card's code: the keyed hash of the code does not match.
  EXPECT_EQ(code_of("", post_body("1", "25000", kSign, "314688440422677")), ErrorCode::kInvalidSignature);
  // The same valid callback aimed at another request_id, telco or declared value.
  std::string other_id = post_body();
  other_id.replace(other_id.find("989876"), 6, "989877");
  EXPECT_EQ(code_of("", other_id), ErrorCode::kInvalidSignature);
  std::string other_telco = post_body();
  other_telco.replace(other_telco.find("VIETTEL"), 7, "MOBIFONE");
  EXPECT_EQ(code_of("", other_telco), ErrorCode::kInvalidSignature);
  std::string other_value = post_body();
  other_value.replace(other_value.find("\"declared_value\":50000"), 22, "\"declared_value\":100000");
  EXPECT_EQ(code_of("", other_value), ErrorCode::kInvalidSignature);
  // Parameters are read query first, body last: a correct request_id in the query does not
  // rescue an edited body, and an edited one in the query does not override a correct body.
  EXPECT_EQ(code_of("request_id=989876", other_id), ErrorCode::kInvalidSignature);
  EXPECT_TRUE(charging::verify_stored_callback({"request_id=989877", post_body()}, s, kStoreKey).ok());
  // Amounts outside the bounds, and non-integers.
  EXPECT_EQ(code_of("", post_body("1", "9007199254740992")), ErrorCode::kMalformed);
  EXPECT_EQ(code_of("", post_body("1", "-1")), ErrorCode::kMalformed);
  EXPECT_EQ(code_of("", post_body("1", "25000.5")), ErrorCode::kMalformed);
  EXPECT_EQ(code_of("", post_body(R"("ok")")), ErrorCode::kMalformed);
  EXPECT_EQ(code_of("", "{not json"), ErrorCode::kMalformed);
  // Another store key cannot verify anything.
  auto other_key = charging::verify_stored_callback({"", post_body()}, s, Secret(std::string(32, 'x')));
  EXPECT_EQ(other_key.error().code, ErrorCode::kInvalidSignature);
}

TEST(StoredCallback, RequestIdIsReadWithoutTrustingIt) {
  EXPECT_EQ(charging::callback_request_id({"", post_body()}), "989876");
  EXPECT_EQ(charging::callback_request_id({"request_id=abc", ""}), "abc");
  EXPECT_EQ(charging::callback_request_id({"request_id=abc", R"({"request_id":"def"})"}), "def") << "body wins";
  EXPECT_EQ(charging::callback_request_id({"", ""}), std::nullopt);
  EXPECT_EQ(charging::callback_request_id({"request_id=", ""}), std::nullopt);
  EXPECT_EQ(charging::callback_request_id({"request_id=a%20b", ""}), std::nullopt);
  EXPECT_EQ(charging::callback_request_id({"request_id=" + std::string(65, 'a'), ""}), std::nullopt);
  EXPECT_EQ(charging::callback_request_id({"", "{broken"}), std::nullopt);
}

}  // namespace
