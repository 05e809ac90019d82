// SPDX-License-Identifier: MIT
// VietQR: 12 valid strings from public implementations' tests (E1-E3: NAPAS QR format v1.5.2's
// examples as binhnguyenduc/vietqr-ts quotes them; E4-E7 subiz/vietqr; E8-E12 sunary/vietqr; every
// CRC recomputed independently) and 3 negative/compat cases, the CRC-16/CCITT-FALSE check value,
// error kinds, tip and unknown fields, diacritics removal, build refusals and build -> parse round
// trips over generated inputs. Lengths counted in characters or bytes: vietqr_lengths_test.cpp.
#include <paygw/vietqr.hpp>

#include "../support/vietqr.hpp"

#include <gtest/gtest.h>

#include <random>

namespace {

using namespace paygw;
using test::req;
using test::with_crc;
using vietqr::Problem;

struct Example {
  const char* name;
  const char* qr;
  vietqr::BuildRequest request;  // what builds exactly this string (bin empty = not buildable)
};

const Example kExamples[] = {
    {"E1", "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52",
     req("970403", "9704031101234567", std::nullopt, "", "", vietqr::Service::kToCard)},
    {"E2",
     "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS686908"
     "19"
     "thanh toan don hang63042E2E",
     req("970403", "0011012345678", 180000, "thanh toan don hang", "NPS6869")},
    {"E3", "00020101021138570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN63049E6F",
     req("970403", "0011012345678")},
    {"E4", "00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4",
     req("970423", "0099999999")},
    {"E5",
     "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text "
     "string6304D9C6",
     req("970422", "0023457923442", 40123, "test text string")},
    {"E6",
     "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62160812chuyen "
     "khoan6304722F",
     req("970422", "0023457923442", 40123, "chuyển khoản")},
    {"E7",
     "00020101021238630010A0000007270133000697042201190023457923442ASDFLJ0208QRIBFTTA53037045405401235802VN62290825chuy"
     "en"
     " khoan alsdkf laksj6304E5DB",
     req("970422", "0023457923442ASDFLJ", 40123, "chuyen khoan alsdkf laksj")},
    {"E8",
     "00020101021138510010A00000072701210006970407010797968680208QRIBFTTA53037045802VN62240820gen by "
     "sunary/vietqr6304BE74",
     req("970407", "9796868", std::nullopt, "gen by sunary/vietqr")},
    {"E9",
     "00020101021238490010A000000727011900069704320105193720208QRIBFTTA530370454061520005802VN62200816gen by "
     "go-vietqr63040ED4",
     req("970432", "19372", 152000, "gen by go-vietqr")},
    {"E10", "00020101021238490010A000000727011900069704160105135790208QRIBFTTA530370454061200005802VN63049A71",
     req("970416", "13579", 120000)},
    {"E11", "00020101021138540010A00000072701240006546034011009055559990208QRIBFTTA53037045802VN6304B2A0",
     req("546034", "0905555999")},
    {"E12", "00020101021138400010A0000007750110VNP-1234560208QRIBFTTA53037045802VN6304E56C", req("", "")},
};

TEST(VietQr, CrcCheckValue) { EXPECT_EQ(vietqr::crc16_ccitt_false("123456789"), 0x29B1); }

TEST(VietQr, ParsesEveryValidExample) {
  for (const auto& e : kExamples) {
    Problem problem = Problem::kBadValue;
    auto info = vietqr::parse(e.qr, &problem);
    ASSERT_TRUE(info.ok()) << e.name << ": " << info.error().message;
    EXPECT_EQ(problem, Problem::kNone);
    EXPECT_EQ(info->currency, "704");
    EXPECT_EQ(info->country, "VN");
    if (e.request.bin.empty()) continue;
    EXPECT_EQ(info->guid, vietqr::kNapasGuid) << e.name;
    EXPECT_EQ(info->bin, e.request.bin) << e.name;
    EXPECT_EQ(info->account, e.request.account) << e.name;
    EXPECT_EQ(info->amount, e.request.amount) << e.name;
    EXPECT_EQ(info->dynamic, e.request.amount.has_value()) << e.name;
    EXPECT_EQ(info->bill_number, e.request.bill_number) << e.name;
  }
  auto e2 = vietqr::parse(kExamples[1].qr);
  EXPECT_EQ(e2->purpose, "thanh toan don hang");
  EXPECT_EQ(e2->service, vietqr::kServiceToAccount);
  EXPECT_EQ(e2->crc, "2E2E");
  EXPECT_EQ(vietqr::parse(kExamples[0].qr)->service, vietqr::kServiceToCard);
  auto e9 = vietqr::parse(kExamples[8].qr);
  EXPECT_EQ(e9->crc, "0ED4") << "leading-zero CRC";
  // E12: another switch's GUID in 38 — kept raw, not read as NAPAS fields.
  auto e12 = vietqr::parse(kExamples[11].qr);
  EXPECT_EQ(e12->guid, "A000000775");
  EXPECT_TRUE(e12->bin.empty());
  EXPECT_EQ(e12->merchant_account, "0010A0000007750110VNP-1234560208QRIBFTTA");
}

TEST(VietQr, BuildsEveryNapasExampleExactly) {
  for (const auto& e : kExamples) {
    if (e.request.bin.empty()) continue;
    auto qr = vietqr::build(e.request);
    ASSERT_TRUE(qr.ok()) << e.name << ": " << qr.error().message;
    EXPECT_EQ(*qr, e.qr) << e.name;
  }
}

TEST(VietQr, NegativeAndCompatCases) {
  // N1: CRC valid but 38.01.01 announces 12 characters for a 13-character account.
  Problem p = Problem::kNone;
  auto n1 = vietqr::parse(
      "00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5", &p);
  ASSERT_FALSE(n1.ok());
  EXPECT_EQ(p, Problem::kBadStructure) << n1.error().message;
  // N2: CRC valid (leading zero) but 02 is nested inside 38.01.
  auto n2 = vietqr::parse(
      "00020101021238570010A00000072701390006970422011301234567890200208QRIBFTTA53037045405100005802VN62350809Test "
      "Memo0706PAYBIL0908INV-20246304074A",
      &p);
  ASSERT_FALSE(n2.ok());
  EXPECT_EQ(p, Problem::kBadStructure) << n2.error().message;
  // N3 (compat): a UTF-8 purpose whose length counts bytes (22), as deployed encoders write it.
  auto n3 = vietqr::parse(
      "00020101021238570010A00000072701390006970422011301234567890200208QRIBFTTA53037045405100005802VN62260822"
      "Thanh toán hóa đơn630432F8",
      &p);
  // It shares N2's nested-02 defect, so it is rejected for the structure, not for its purpose length.
  ASSERT_FALSE(n3.ok());
  EXPECT_EQ(p, Problem::kBadStructure);
  // The same UTF-8 purpose in a well-formed QR parses with its lengths counted in bytes.
  vietqr::BuildRequest ok_request = req("970422", "0123456789", 10000, "x");
  std::string well = *vietqr::build(ok_request);
  const std::string purpose = "Thanh toán hóa đơn";  // 22 bytes, 18 characters
  auto utf8 = vietqr::parse(with_crc(well.substr(0, well.find("6205")) + "62260822" + purpose), &p);
  ASSERT_TRUE(utf8.ok()) << utf8.error().message;
  EXPECT_EQ(utf8->purpose, purpose);
  EXPECT_EQ(utf8->text_lengths, vietqr::TextLengths::kUtf8Bytes);
}

TEST(VietQr, ErrorKinds) {
  const std::string good = kExamples[4].qr;  // E5
  struct Case {
    std::string qr;
    Problem problem;
  };
  std::string bad_crc = good;
  bad_crc.back() = bad_crc.back() == '6' ? '7' : '6';
  std::string lower_crc = good.substr(0, good.size() - 4) + "d9c6";
  const Case cases[] = {
      {bad_crc, Problem::kBadCrc},
      {good.substr(0, good.size() - 4), Problem::kTruncated},  // "6304" with no value
      {good.substr(0, good.size() - 8), Problem::kBadCrc},     // no 63 at all
      {good.substr(0, good.size() - 2), Problem::kTruncated},
      {good.substr(0, 3), Problem::kTruncated},
      {"", Problem::kBadCrc},
      {"000201011X12" + good.substr(12), Problem::kNonDigitLength},  // length "1X"
      {"0002010100" + good.substr(10), Problem::kNonDigitLength},    // length 00
  };
  for (const auto& c : cases) {
    Problem p = Problem::kNone;
    auto r = vietqr::parse(c.qr, &p);
    ASSERT_FALSE(r.ok()) << c.qr;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed);
    EXPECT_EQ(vietqr::to_string(p), vietqr::to_string(c.problem)) << c.qr << ": " << r.error().message;
  }
  EXPECT_TRUE(vietqr::parse(lower_crc).ok()) << "lower-case CRC digits are accepted";

  // Value rules, each in an otherwise valid (re-CRC'd) string.
  const std::string napas = "38570010A00000072701270006970422011300234579234420208QRIBFTTA";
  const std::pair<std::string, Problem> values[] = {
      {with_crc("000201010213" + napas + "53037045802VN"), Problem::kBadValue},            // 01 = 13
      {with_crc("000201010211" + napas + "53038405802VN"), Problem::kBadValue},            // USD
      {with_crc("000201010211" + napas + "53037045802US"), Problem::kBadValue},            // not VN
      {with_crc("000201010212" + napas + "5303704540512.505802VN"), Problem::kBadValue},   // fractional amount
      {with_crc("000201010211" + napas + "5802VN"), Problem::kMissingField},               // no 53
      {with_crc("0002010102115303704" + std::string("5802VN")), Problem::kMissingField},   // no 38
      {with_crc("010211000201" + napas + "53037045802VN"), Problem::kBadStructure},        // 00 not first
      {with_crc("000201010211010211" + napas + "53037045802VN"), Problem::kBadStructure},  // duplicate 01
  };
  for (const auto& [qr, problem] : values) {
    Problem p = Problem::kNone;
    auto r = vietqr::parse(qr, &p);
    ASSERT_FALSE(r.ok()) << qr;
    EXPECT_EQ(vietqr::to_string(p), vietqr::to_string(problem)) << qr << ": " << r.error().message;
  }
}

TEST(VietQr, TipAndUnknownFields) {
  const std::string head = "00020101021138570010A00000072701270006970422011300234579234420208QRIBFTTA5303704";
  // 55 03 + 57 "3.5", 61 postal code 10000, 62 {05 REF, 50 ABCDE (a tag paygw does not interpret)}
  auto pct = vietqr::parse(with_crc(head + "55020357033.55802VN61051000062160503REF5005ABCDE"));
  ASSERT_TRUE(pct.ok()) << pct.error().message;
  EXPECT_EQ(pct->tip_indicator, "03");
  EXPECT_EQ(pct->convenience_fee_percentage, "3.5");
  EXPECT_EQ(pct->postal_code, "10000");
  EXPECT_EQ(pct->reference_label, "REF");
  ASSERT_EQ(pct->unknown.size(), 1u);
  EXPECT_EQ(pct->unknown[0].id, "62.50");
  EXPECT_EQ(pct->text_lengths, vietqr::TextLengths::kAscii);
  for (const char* bad : {"550204", "56041.50", "57041..5"}) {  // tip 04, fractional fee, two dots
    Problem p = Problem::kNone;
    EXPECT_FALSE(vietqr::parse(with_crc(head + bad + "5802VN"), &p).ok()) << bad;
    EXPECT_EQ(p, Problem::kBadValue) << bad;
  }
}

TEST(VietQr, ToAsciiRemovesDiacriticsNfcAndNfd) {
  EXPECT_EQ(*vietqr::to_ascii("Thanh toán hóa đơn ĐỒNG Ưu đãi"), "Thanh toan hoa don DONG Uu dai");
  EXPECT_EQ(*vietqr::to_ascii("chuye\xcc\x82\xcc\x89n khoa\xcc\x89n"), "chuyen khoan");  // NFD: e + U+0302 + U+0309
  EXPECT_FALSE(vietqr::to_ascii("giá 😀").ok());
  EXPECT_FALSE(vietqr::to_ascii("\xff").ok());
  EXPECT_FALSE(vietqr::to_ascii("tab\there").ok());
}

TEST(VietQr, BuildRejectsBadInputWithoutTruncating) {
  EXPECT_FALSE(vietqr::build(req("97042", "123")).ok());
  EXPECT_FALSE(vietqr::build(req("970422", "")).ok());
  EXPECT_FALSE(vietqr::build(req("970422", "01234567890123456789")).ok());  // 20 > 19
  EXPECT_FALSE(vietqr::build(req("970422", "12-34")).ok());
  EXPECT_FALSE(vietqr::build(req("970422", "123", 0)).ok());
  EXPECT_FALSE(vietqr::build(req("970422", "123", -5)).ok());
  EXPECT_FALSE(vietqr::build(req("970422", "123", 10'000'000'000'000)).ok());
  EXPECT_FALSE(vietqr::build(req("970422", "123", 1000, "chuyen khoan alsdkf laksj!")).ok());  // 26 characters
  EXPECT_FALSE(vietqr::build(req("970422", "123", 1000, "giá 😀")).ok());
  auto mcc = req("970422", "123");
  mcc.merchant_category_code = "54x1";
  EXPECT_FALSE(vietqr::build(mcc).ok());
}

TEST(VietQr, RoundTripOverGeneratedInputs) {
  std::mt19937_64 rng(20261122);  // fixed seed: reproducible
  const std::string alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const std::string words = "abcdefghijklmnopqrstuvwxyz0123456789 ";
  auto pick = [&](const std::string& from, std::size_t min, std::size_t max) {
    std::string out(min + rng() % (max - min + 1), ' ');
    for (auto& c : out) c = from[rng() % from.size()];
    return out;
  };
  for (int i = 0; i < 2000; ++i) {
    vietqr::BuildRequest r;
    r.bin = pick("0123456789", 6, 6);
    r.account = pick(alnum, 1, 19);
    r.service = rng() % 2 ? vietqr::Service::kToAccount : vietqr::Service::kToCard;
    if (rng() % 2) r.amount = static_cast<Vnd>(1 + rng() % 9'999'999'999'999ULL);
    if (rng() % 2) r.purpose = pick(words, 1, 25);
    if (rng() % 3 == 0) r.bill_number = pick(alnum, 1, 25);
    if (rng() % 4 == 0) r.merchant_category_code = pick("0123456789", 4, 4);
    if (rng() % 4 == 0) r.merchant_name = pick(words, 1, 25);
    if (rng() % 4 == 0) r.merchant_city = pick(words, 1, 15);
    auto qr = vietqr::build(r);
    ASSERT_TRUE(qr.ok()) << qr.error().message;
    auto info = vietqr::parse(*qr);
    ASSERT_TRUE(info.ok()) << *qr << ": " << info.error().message;
    EXPECT_EQ(info->bin, r.bin);
    EXPECT_EQ(info->account, r.account);
    EXPECT_EQ(info->service,
              r.service == vietqr::Service::kToCard ? vietqr::kServiceToCard : vietqr::kServiceToAccount);
    EXPECT_EQ(info->amount, r.amount);
    EXPECT_EQ(info->dynamic, r.amount.has_value());
    EXPECT_EQ(info->purpose, r.purpose);
    EXPECT_EQ(info->bill_number, r.bill_number);
    EXPECT_EQ(info->merchant_category_code, r.merchant_category_code);
    EXPECT_EQ(info->merchant_name, r.merchant_name);
    EXPECT_EQ(info->merchant_city, r.merchant_city);
  }
}

}  // namespace
