// SPDX-License-Identifier: MIT
// TConnect envelope: vectors made with key 000102…1f and IV a0a1…af (injected) and checked with
// `openssl enc -aes-256-cbc -K <key> -iv <iv>` (TConnect publishes none), decryption
// errors, key formats, and IPN decoding. The IPN ciphertexts were made with
// `openssl enc -aes-256-cbc -K <key> -iv <iv>`.
#include <paygw/tconnect/envelope.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace {

using namespace paygw;
using tconnect::KeyFormat;

const Secret kKey(test::kTconnectKeyHex);

struct Vector {
  const char* plaintext;
  const char* data;
};

const Vector kSpecVectors[] = {
    {"", "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf600d07a3b9b2c4e4082153d6d1707aa6"},
    {"{}", "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf6295a9f6cd9143859d06c90a9f5e53fb"},
    {R"({"refresh_token":"abc"})",
     "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf122d4065c19ce0376b8e9190456e25c6bfa3290c9434c1dc68da6b58fb869342"},
    {R"({"username":"demo@yourdomain.vn","password":"Password#123","client_id":"fMLgZltRRtetnsOHXgxsHQ","client_secret":"hUFhGJIqz746zcxsYVtrwhkveDuEfcYd"})",
     "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf3b5a704efcc15d7f7ed1aa57901d5380061253233008e19b60ccfd26917ce6b176ab7547110ff8800"
     "e"
     "6b251d8b0509bb77e85bf0b270282a342fc92526a4da0bacda3686e18184ef54a0af507c6f7ccdbee8103322c29cb3e83dbff84d980801"
     "01c64a791ffb50312e492b7e1ebe3928eb3b2e6b5c4bf69b11fbe0ac7cd0ec9daf8aa29812a6b239284d024a913573ec645b0a34c34785"
     "5b872755f25ebdaee9"},
};

TEST(TconnectEnvelope, SpecVectorsWithInjectedIv) {
  for (const auto& v : kSpecVectors) {
    test::CountingRandom iv;
    auto data = tconnect::encrypt_envelope(v.plaintext, kKey, KeyFormat::kHex, iv);
    ASSERT_TRUE(data.ok()) << describe(data.error());
    EXPECT_EQ(*data, v.data);
    auto back = tconnect::decrypt_envelope(v.data, kKey, KeyFormat::kHex);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, v.plaintext);
  }
}

TEST(TconnectEnvelope, RawKeyFormatVector) {
  // The raw-key check value: key = the 32 ASCII bytes of the client_secret of TConnect's login
  // example, IV a0a1…af, plaintext {} (checked with openssl enc).
  test::CountingRandom iv;
  auto data = tconnect::encrypt_envelope("{}", Secret("hUFhGJIqz746zcxsYVtrwhkveDuEfcYd"), KeyFormat::kRaw, iv);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(*data, "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf6e87c8f972ec5b1b22854a394c745912");
}

TEST(TconnectEnvelope, FreshIvEachTime) {
  auto random = system_random();
  auto a = tconnect::encrypt_envelope("{}", kKey, KeyFormat::kHex, *random);
  auto b = tconnect::encrypt_envelope("{}", kKey, KeyFormat::kHex, *random);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->substr(0, 32), b->substr(0, 32));
  EXPECT_EQ(*test::independent_decrypt_envelope(test::kTconnectKeyHex, *a), "{}");
}

TEST(TconnectEnvelope, DecryptAcceptsUpperCaseHex) {
  std::string upper = kSpecVectors[2].data;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  auto back = tconnect::decrypt_envelope(upper, kKey, KeyFormat::kHex);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, kSpecVectors[2].plaintext);
}

TEST(TconnectEnvelope, DecryptErrorsAreTyped) {
  const std::string good = kSpecVectors[2].data;
  struct Case {
    std::string data;
    ErrorCode code;
  };
  std::string flipped_last = good;
  flipped_last[good.size() - 1] = flipped_last[good.size() - 1] == '0' ? '1' : '0';
  const Case cases[] = {
      {"zz" + good.substr(2), ErrorCode::kMalformed},  // non-hex
      {good.substr(1), ErrorCode::kMalformed},         // odd length
      {good.substr(0, 32), ErrorCode::kMalformed},     // IV only
      {good.substr(0, 62), ErrorCode::kMalformed},     // IV + partial block
      {"", ErrorCode::kMalformed},                     // empty
      {flipped_last, ErrorCode::kDecrypt},             // tampered: padding breaks
  };
  for (const auto& c : cases) {
    auto r = tconnect::decrypt_envelope(c.data, kKey, KeyFormat::kHex);
    ASSERT_FALSE(r.ok()) << c.data;
    EXPECT_EQ(r.error().code, c.code) << c.data << ": " << r.error().message;
  }
  auto wrong_key = tconnect::decrypt_envelope(good, Secret(std::string(64, 'f')), KeyFormat::kHex);
  ASSERT_FALSE(wrong_key.ok());
  EXPECT_EQ(wrong_key.error().code, ErrorCode::kDecrypt);
}

TEST(TconnectEnvelope, KeyFormatErrorsAreConfigErrors) {
  test::CountingRandom iv;
  for (const auto& [key, format] : {std::pair<std::string, KeyFormat>{std::string(63, 'a'), KeyFormat::kHex},
                                    {std::string(64, 'g'), KeyFormat::kHex},
                                    {std::string(31, 'a'), KeyFormat::kRaw},
                                    {std::string(64, 'a'), KeyFormat::kRaw}}) {
    auto r = tconnect::encrypt_envelope("{}", Secret(key), format, iv);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kConfig);
    EXPECT_EQ(r.error().message.find(key), std::string::npos) << "the key must not appear in the error";
  }
}

const std::string kIpnData =
    "b0b1b2b3b4b5b6b7b8b9babbbcbdbebf7bd918d5bc4a42a130343d29f2f05e3c7289cf3dcb87d10619e7f77924a6d4e1b7d1bd07b486ecb015"
    "7f"
    "9a49aa26afcbb148086167429dd3f22d1ee13dc9f4b11d96707d585f32a49db3be271cc0af402f3d93bd06f3b8f4db811632e59ccf1babb91d"
    "0ab2219a43f22fe4fdcd37a8892dda0c1abd63fa257fde6d6dd4aebc4beb6c9e6297148c03a3c785999e10c31493afa5122426c71972ab7f0c"
    "ddfb6f092cbdb5527aa0cc5003941c64c1d95010a88b72dd117b65998233af3babd4218fd5ec608fb1a96dfff7f7d7d0baff31d1d35797ae9b"
    "a45f552532ebe7575d4dab";
const std::string kIpnPlain =
    R"({"order_id":"ORD-1001","amount":150000,"payment_type":"QR","retrieval_ref_no":"612345678901","request_id":"REQ-9","narrative":"Thanh toan don ORD-1001","acc_no":"VA100023312","original_transaction_date":1784198426000})";

std::string ipn_body(const std::string& data) { return R"({"data":")" + data + R"("})"; }

TEST(TconnectIpn, DecodesATypedNotification) {
  auto ipn = tconnect::decode_ipn(ipn_body(kIpnData), {kKey});
  ASSERT_TRUE(ipn.ok()) << describe(ipn.error());
  EXPECT_EQ(ipn->order_id, "ORD-1001");
  EXPECT_EQ(ipn->amount, 150000);
  EXPECT_EQ(ipn->payment_type, "QR");
  EXPECT_EQ(ipn->retrieval_ref_no, "612345678901");
  EXPECT_EQ(ipn->request_id, "REQ-9");
  EXPECT_EQ(ipn->narrative, "Thanh toan don ORD-1001");
  EXPECT_EQ(ipn->acc_no, "VA100023312");
  EXPECT_EQ(ipn->original_transaction_date, 1784198426000);
  EXPECT_EQ(ipn->json, kIpnPlain);
}

TEST(TconnectIpn, KeyRotationTriesEachKey) {
  const std::string k2_data =
      "d0d1d2d3d4d5d6d7d8d9dadbdcdddedf44fee6d8d6937ccf09f7ad0acf62e95a33fe7d78d962541af6621b4baf001f741ed679c8600c516f"
      "31939b5dbe42bd4638af5d9951fa6552c8c6e7ae4a405db178a86440f149c7255145e064e6b1132570bf18e63491d228b1e2d46218e9279e"
      "73213f55009e8ab9e7054c024c6ce0456d9d4702d2c2a4ac5cb770887caf07aba944f35ab15d849851dc3c2428d3264c5c66c88f6254b5e7"
      "a7aeda694cf4c75aacbbac7784154d78110a158224fe1f07a439ed9e07c08b0c2c5d01bdcd6908e84b221de97ecd303d020a7c292599135e"
      "3c3eca5de1d54964c78cea2db7c710a7";
  const Secret k2("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");
  EXPECT_FALSE(tconnect::decode_ipn(ipn_body(k2_data), {kKey}).ok());
  auto ipn = tconnect::decode_ipn(ipn_body(k2_data), {kKey, k2});
  ASSERT_TRUE(ipn.ok()) << describe(ipn.error());
  EXPECT_EQ(ipn->order_id, "ORD-1001");
}

TEST(TconnectIpn, TamperedOrMalformedInputIsATypedError) {
  std::string flipped_iv = kIpnData;  // changes the first plaintext block: the JSON breaks
  flipped_iv[1] = flipped_iv[1] == '0' ? '1' : '0';
  std::string flipped_tail = kIpnData;  // breaks the padding
  flipped_tail[kIpnData.size() - 3] = flipped_tail[kIpnData.size() - 3] == '0' ? '1' : '0';
  const std::string frac =
      "b0b1b2b3b4b5b6b7b8b9babbbcbdbebf7bd918d5bc4a42a130343d29f2f05e3c13f288bc94e2de7731324e8f12cfbd67898721ca9567d0d8"
      "f8714553918d39f7";  // {"order_id":"ORD-1002","amount":20.5}
  const std::string not_json = "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfea79da514110ca321578cb8c5e1ddb0c";  // "hello"
  const std::pair<std::string, ErrorCode> cases[] = {
      {ipn_body(flipped_iv), ErrorCode::kMalformed},
      {ipn_body(flipped_tail), ErrorCode::kDecrypt},
      {ipn_body(frac), ErrorCode::kMalformed},
      {ipn_body(not_json), ErrorCode::kMalformed},
      {ipn_body(kIpnData.substr(0, 40)), ErrorCode::kMalformed},
      {ipn_body("not hex at all"), ErrorCode::kMalformed},
      {R"({"data":")" + kIpnData + R"(","extra":1})", ErrorCode::kMalformed},
      {R"({"data":123})", ErrorCode::kMalformed},
      {"[]", ErrorCode::kMalformed},
      {"", ErrorCode::kMalformed},
      {std::string(100000, '{'), ErrorCode::kMalformed},
  };
  for (const auto& [body, code] : cases) {
    auto r = tconnect::decode_ipn(body, {kKey});
    ASSERT_FALSE(r.ok()) << body.substr(0, 80);
    EXPECT_EQ(r.error().code, code) << body.substr(0, 80) << ": " << r.error().message;
  }
  EXPECT_EQ(tconnect::decode_ipn(ipn_body(kIpnData), {}).error().code, ErrorCode::kConfig);
}

}  // namespace
