// SPDX-License-Identifier: MIT
// VietQR lengths: strings whose lengths count characters (EMVCo) rather than bytes, checked with an
// independent Python computation, still failing on a bad CRC, truncation and mixed counts; and
// build -> parse round trips over Vietnamese purposes written three ways (ASCII, characters, bytes),
// each parsed back with the right text_lengths.
#include <paygw/vietqr.hpp>

#include "../support/vietqr.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace {

using namespace paygw;
using test::req;
using test::two_digits;
using test::with_crc;
using vietqr::Problem;

// Strings whose lengths count characters, as EMVCo defines them (and as generators that keep
// Vietnamese text write them). Built and CRC'd independently by this Python (UTF-8 bytes):
//
//   def crc(data):
//       c = 0xFFFF
//       for b in data:
//           c ^= b << 8
//           for _ in range(8):
//               c = ((c << 1) ^ 0x1021) & 0xFFFF if c & 0x8000 else (c << 1) & 0xFFFF
//       return c
//   def tlv(i, v): return "%s%02d%s" % (i, len(v), v)          # len(str) = characters
//   def qr(body): body += "6304"; return body + "%04X" % crc(body.encode())
//   napas = tlv("38", tlv("00", "A000000727") + tlv("01", tlv("00", "970422") + tlv("01", "0023457923442"))
//                     + tlv("02", "QRIBFTTA"))
//   C1 = qr(tlv("00","01") + tlv("01","12") + napas + tlv("53","704") + tlv("54","40123") + tlv("58","VN")
//           + tlv("62", tlv("08", "Thanh toán hóa đơn")))
//   C2 = qr(tlv("00","01") + tlv("01","11") + napas + tlv("52","5812") + tlv("53","704") + tlv("55","02")
//           + tlv("56","5000") + tlv("58","VN") + tlv("59","Cửa hàng Hoa") + tlv("60","Hà Nội")
//           + tlv("62", tlv("01","HD01") + tlv("08","Tiền cà phê"))
//           + tlv("64", tlv("00","vi") + tlv("01","Cửa hàng Hoa")))
//   T1 = qr(C1[:-9])    # C1 without "n630482A5": the last purpose character is gone, lengths unchanged
//   M1 = 62 counted in characters around 08 counted in bytes ("62220822Thanh toán hóa đơn")
const char* const kC1 =
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62220818Thanh "
    "toán hóa đơn630482A5";
const char* const kC2 =
    "00020101021138570010A00000072701270006970422011300234579234420208QRIBFTTA520458125303704550202560450005802VN5912"
    "Cửa hàng Hoa6006Hà Nội62230104HD010811Tiền cà phê64220002vi0112Cửa hàng Hoa6304B9DF";
const char* const kT1 =
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62220818Thanh "
    "toán hóa đơ63043F0D";
const char* const kM1 =
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62220822Thanh "
    "toán hóa đơn63046EE5";

TEST(VietQr, ParsesLengthsCountedInCharacters) {
  Problem p = Problem::kBadValue;
  auto c1 = vietqr::parse(kC1, &p);
  ASSERT_TRUE(c1.ok()) << c1.error().message;
  EXPECT_EQ(p, Problem::kNone);
  EXPECT_EQ(c1->text_lengths, vietqr::TextLengths::kCharacters);
  EXPECT_EQ(c1->purpose, "Thanh toán hóa đơn");
  EXPECT_EQ(c1->amount, 40123);
  EXPECT_EQ(c1->account, "0023457923442");
  EXPECT_EQ(c1->crc, "82A5");

  auto c2 = vietqr::parse(kC2);
  ASSERT_TRUE(c2.ok()) << c2.error().message;
  EXPECT_EQ(c2->text_lengths, vietqr::TextLengths::kCharacters);
  EXPECT_FALSE(c2->dynamic);
  EXPECT_EQ(c2->merchant_category_code, "5812");
  EXPECT_EQ(c2->tip_indicator, "02");
  EXPECT_EQ(c2->convenience_fee_fixed, 5000);
  EXPECT_EQ(c2->merchant_name, "Cửa hàng Hoa");
  EXPECT_EQ(c2->merchant_city, "Hà Nội");
  EXPECT_EQ(c2->bill_number, "HD01");
  EXPECT_EQ(c2->purpose, "Tiền cà phê");
  ASSERT_EQ(c2->unknown.size(), 1u);
  EXPECT_EQ(c2->unknown[0].id, "64");
  EXPECT_EQ(c2->unknown[0].value, "0002vi0112Cửa hàng Hoa");
}

TEST(VietQr, CharacterCountedStringsStillFailOnBadCrcTruncationAndMixedCounts) {
  std::string bad_crc = kC1;
  bad_crc.back() = '6';  // ...82A6
  Problem p = Problem::kNone;
  auto r = vietqr::parse(bad_crc, &p);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(p, Problem::kBadCrc) << r.error().message << " (the counting that got furthest is reported)";
  for (const char* qr : {kT1, kM1}) {
    auto bad = vietqr::parse(qr, &p);
    ASSERT_FALSE(bad.ok()) << qr;
    EXPECT_EQ(bad.error().code, ErrorCode::kMalformed);
    EXPECT_NE(p, Problem::kNone);
  }
  std::string cut = kC1;
  cut.resize(cut.size() - 12);  // inside "đơn": a UTF-8 sequence cut short, then no CRC
  EXPECT_FALSE(vietqr::parse(cut).ok());
}

// Purposes of Vietnamese words with diacritics: the default build writes ASCII; unicode_purpose
// writes characters; a byte-counted variant made here parses too. Each says how it counted.
TEST(VietQr, RoundTripOverVietnamesePurposes) {
  const std::vector<std::string> letters = {"a", "á", "à", "ả", "ã", "ạ", "ă", "ắ", "â", "ấ", "đ", "e", "é", "ê",
                                            "ế", "ệ", "i", "í", "o", "ó", "ô", "ồ", "ơ", "ớ", "ợ", "u", "ú", "ư",
                                            "ừ", "ự", "y", "ý", "n", "h", "t", "c", "g", "Đ", "Ư", "Ơ", " "};
  std::mt19937_64 rng(20260717);
  for (int i = 0; i < 500; ++i) {
    std::string purpose;
    const std::size_t chars = 1 + rng() % 25;
    for (std::size_t k = 0; k < chars; ++k) purpose += letters[rng() % letters.size()];
    const bool ascii = *vietqr::to_ascii(purpose) == purpose;
    vietqr::BuildRequest r = req("970422", "0023457923442", static_cast<Vnd>(1 + rng() % 10'000'000), purpose.c_str());

    auto plain = vietqr::build(r);
    ASSERT_TRUE(plain.ok()) << purpose << ": " << plain.error().message;
    auto plain_info = vietqr::parse(*plain);
    ASSERT_TRUE(plain_info.ok()) << *plain;
    EXPECT_EQ(plain_info->purpose, *vietqr::to_ascii(purpose));
    EXPECT_EQ(plain_info->text_lengths, vietqr::TextLengths::kAscii);

    r.unicode_purpose = true;
    auto unicode = vietqr::build(r);
    ASSERT_TRUE(unicode.ok()) << purpose << ": " << unicode.error().message;
    auto unicode_info = vietqr::parse(*unicode);
    ASSERT_TRUE(unicode_info.ok()) << *unicode << ": " << unicode_info.error().message;
    EXPECT_EQ(unicode_info->purpose, purpose);
    EXPECT_EQ(unicode_info->amount, r.amount);
    EXPECT_EQ(unicode_info->text_lengths, ascii ? vietqr::TextLengths::kAscii : vietqr::TextLengths::kCharacters);

    // The same purpose with byte-counted lengths, as deployed encoders write it (<= 75 + 4 bytes).
    const std::string body = unicode->substr(0, unicode->size() - 8);  // without "6304" + CRC
    const std::string inner = "08" + two_digits(purpose.size()) + purpose;
    const std::string bytes_qr = with_crc(body.substr(0, body.rfind("62")) + "62" + two_digits(inner.size()) + inner);
    auto bytes_info = vietqr::parse(bytes_qr);
    ASSERT_TRUE(bytes_info.ok()) << bytes_qr << ": " << bytes_info.error().message;
    EXPECT_EQ(bytes_info->purpose, purpose);
    EXPECT_EQ(bytes_info->text_lengths, ascii ? vietqr::TextLengths::kAscii : vietqr::TextLengths::kUtf8Bytes);
  }
  for (const char* bad : {"Thanh toán hóa đơn số 12345", "tab\there"}) {  // 27 characters; a control character
    auto r = req("970422", "123", 1000, bad);
    r.unicode_purpose = true;
    EXPECT_FALSE(vietqr::build(r).ok()) << bad;
  }
}

}  // namespace
