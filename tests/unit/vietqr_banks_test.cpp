// SPDX-License-Identifier: MIT
// The VietQR bank directory (paygw/vietqr_banks.hpp): the compiled-in list against BIN/code pairs
// known independently (the NAPAS BINs the spec's VietQR examples use, Tingee's BIN table), lookups
// by BIN, code, Tingee code and short name, the data-file form, refusals, and the builder naming
// the bank instead of its BIN (vectors: subiz/vietqr's E4, and strings whose CRC was computed with
// Python's binascii.crc_hqx(data, 0xFFFF)).
#include <paygw/tingee/banks.hpp>
#include <paygw/vietqr.hpp>
#include <paygw/vietqr_banks.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace paygw;
using vietqr::Bank;
using vietqr::BankDirectory;

TEST(VietqrBanks, BuiltinDirectoryHasTheKnownPairs) {
  const BankDirectory& d = vietqr::bank_directory();
  ASSERT_GE(d.size(), 60U) << "the compiled-in banks.tsv did not parse";
  struct Pair {
    const char* bin;
    const char* code;
    const char* short_name;
  };
  for (const Pair& p :
       {Pair{"970436", "VCB", "Vietcombank"}, Pair{"970418", "BIDV", "BIDV"}, Pair{"970407", "TCB", "Techcombank"},
        Pair{"970415", "ICB", "VietinBank"}, Pair{"970422", "MB", "MBBank"}, Pair{"970423", "TPB", "TPBank"},
        Pair{"970403", "STB", "Sacombank"}, Pair{"546034", "CAKE", "CAKE"}}) {
    const Bank* b = d.find_by_bin(p.bin);
    ASSERT_NE(b, nullptr) << p.bin;
    EXPECT_EQ(b->code, p.code);
    EXPECT_EQ(b->short_name, p.short_name);
    EXPECT_EQ(d.find_by_code(p.code), b) << p.code;
    EXPECT_EQ(d.find_by_short_name(p.short_name), b) << p.short_name;
  }
  EXPECT_EQ(d.find_by_bin("970436")->name, "Ngân hàng TMCP Ngoại Thương Việt Nam");
}

TEST(VietqrBanks, TingeeCodesNameTheirBanks) {
  // Tingee's BankNameEnum -> BIN (tingee-node 0.2.4 and its live get-banks).
  const BankDirectory& d = vietqr::bank_directory();
  for (const auto& [code, bin] : std::vector<std::pair<std::string, std::string>>{{"VCB", "970436"},
                                                                                  {"CTG", "970415"},
                                                                                  {"BIDV", "970418"},
                                                                                  {"AGRIBANK", "970405"},
                                                                                  {"MBB", "970422"},
                                                                                  {"ACB", "970416"},
                                                                                  {"OCB", "970448"},
                                                                                  {"VPB", "970432"},
                                                                                  {"STB", "970403"},
                                                                                  {"VIB", "970441"},
                                                                                  {"PGB", "970430"},
                                                                                  {"SHINHAN", "970424"},
                                                                                  {"COB", "970446"},
                                                                                  {"TPB", "970423"},
                                                                                  {"MSB", "970426"}}) {
    const Bank* b = d.find_by_code(code);
    ASSERT_NE(b, nullptr) << code;
    EXPECT_EQ(b->bin, bin) << code;
    EXPECT_EQ(b->tingee_code, code) << code;
  }
  EXPECT_EQ(d.find_by_bin("970407")->tingee_code, "") << "Tingee does not serve Techcombank";
}

TEST(VietqrBanks, LookupsIgnoreCaseSpacesAndPunctuation) {
  const BankDirectory& d = vietqr::bank_directory();
  EXPECT_EQ(d.find("vcb")->bin, "970436");
  EXPECT_EQ(d.find("Vietcombank")->bin, "970436");
  EXPECT_EQ(d.find("970436")->code, "VCB");
  EXPECT_EQ(d.find("MB Bank")->bin, "970422") << "Tingee's spelling of MBBank";
  EXPECT_EQ(d.find("ibk-hn")->bin, "970455");
  EXPECT_EQ(d.find("ctg")->bin, "970415");
  EXPECT_EQ(d.find("NOPE"), nullptr);
  EXPECT_EQ(d.find("999999"), nullptr);
  EXPECT_EQ(d.find(""), nullptr);
  EXPECT_EQ(d.find_by_bin("97043"), nullptr);
  auto bin = vietqr::bank_bin("Techcombank");
  ASSERT_TRUE(bin) << bin.error().message;
  EXPECT_EQ(*bin, "970407");
  auto unknown = vietqr::bank_bin("Narnia Bank");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(unknown.error().message.find("Narnia Bank"), std::string::npos);
}

TEST(VietqrBanks, EveryKeyOfTheBuiltinListIsUnique) {
  const BankDirectory& d = vietqr::bank_directory();
  std::set<std::string> bins;
  for (const Bank& b : d.banks()) {
    EXPECT_TRUE(bins.insert(b.bin).second) << b.bin;
    EXPECT_EQ(d.find(b.bin), &b);
    EXPECT_EQ(d.find(b.code), &b) << b.code;
    EXPECT_EQ(d.find(b.short_name), &b) << b.short_name;
  }
}

TEST(VietqrBanks, DataFileRoundTrips) {
  const BankDirectory& d = vietqr::bank_directory();
  auto again = BankDirectory::from_tsv(d.to_tsv());
  ASSERT_TRUE(again) << again.error().message;
  ASSERT_EQ(again->size(), d.size());
  for (std::size_t i = 0; i < d.size(); ++i) {
    EXPECT_EQ(again->banks()[i].bin, d.banks()[i].bin);
    EXPECT_EQ(again->banks()[i].name, d.banks()[i].name);
    EXPECT_EQ(again->banks()[i].tingee_code, d.banks()[i].tingee_code);
  }
  auto crlf = BankDirectory::from_tsv(
      "# comment\r\n\r\nbin\tcode\tshort_name\tname\ttingee_code\r\n970436\tVCB\tVietcombank\tNgân hàng\t\r\n");
  ASSERT_TRUE(crlf) << crlf.error().message;
  EXPECT_EQ(crlf->find("VCB")->name, "Ngân hàng");
}

TEST(VietqrBanks, BadDataFilesAndListsAreRefused) {
  const std::string header = "bin\tcode\tshort_name\tname\ttingee_code\n";
  auto no_header = BankDirectory::from_tsv("970436\tVCB\tVietcombank\tx\t\n");
  ASSERT_FALSE(no_header);
  EXPECT_EQ(no_header.error().code, ErrorCode::kMalformed);
  auto fields = BankDirectory::from_tsv(header + "970436\tVCB\tVietcombank\n");
  ASSERT_FALSE(fields);
  EXPECT_NE(fields.error().message.find("line 2"), std::string::npos) << fields.error().message;
  EXPECT_FALSE(BankDirectory::from_tsv(""));

  auto refused = [](std::vector<Bank> banks) {
    auto d = BankDirectory::create(std::move(banks));
    return !d && d.error().code == ErrorCode::kInvalidArgument;
  };
  EXPECT_TRUE(refused({{"97043", "X", "X", "", ""}})) << "5-digit BIN";
  EXPECT_TRUE(refused({{"97043a", "X", "X", "", ""}}));
  EXPECT_TRUE(refused({{"970436", "", "X", "", ""}})) << "no code";
  EXPECT_TRUE(refused({{"970436", "X", "", "", ""}})) << "no short name";
  EXPECT_TRUE(refused({{"970436", "A", "A", "", ""}, {"970436", "B", "B", "", ""}})) << "BIN twice";
  EXPECT_TRUE(refused({{"970436", "A", "A", "", ""}, {"970418", "a", "B", "", ""}})) << "code of two banks";
  EXPECT_TRUE(refused({{"970436", "A", "Alpha", "", ""}, {"970418", "B", "alpha", "", ""}})) << "short name twice";
  EXPECT_TRUE(refused({{"970436", "A", "Alpha", "", ""}, {"970418", "B", "a", "", ""}})) << "short name = a code";
  EXPECT_TRUE(refused({{"970436", "A", "Alpha", "", "B"}, {"970418", "B", "Beta", "", ""}})) << "tingee code";
  EXPECT_TRUE(refused({{"970436", "A", "Alpha", "tab\there", ""}}));
  EXPECT_TRUE(refused({{"970436", "--", "Alpha", "", ""}})) << "a code with no letters";
  auto ok = BankDirectory::create({{"970436", "A", "A", "", ""}});
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(BankDirectory().find("A"), nullptr);
}

TEST(VietqrBanks, ConcurrentFirstUseSeesOneDirectory) {
  std::vector<std::thread> threads;
  std::vector<const BankDirectory*> seen(8, nullptr);
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&seen, i] {
      seen[i] = &vietqr::bank_directory();
      (void)seen[i]->find("VCB");
    });
  }
  for (auto& t : threads) t.join();
  for (const auto* d : seen) EXPECT_EQ(d, seen[0]);
}

TEST(VietqrBuildByBank, ShortNameCodeAndBinBuildTheSameQr) {
  // subiz/vietqr's E4: static, BIN 970423 (TPBank), account 0099999999.
  const std::string e4 = "00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4";
  for (const char* name : {"TPB", "TPBank", "tpbank", "970423"}) {
    vietqr::BuildRequest r;
    r.bank = name;
    r.account = "0099999999";
    auto qr = vietqr::build(r);
    ASSERT_TRUE(qr) << name << ": " << qr.error().message;
    EXPECT_EQ(*qr, e4) << name;
  }
}

TEST(VietqrBuildByBank, MatchesIndependentCrc) {
  // Both strings and CRCs written with Python (binascii.crc_hqx(data, 0xFFFF) = CRC-16/CCITT-FALSE).
  vietqr::BuildRequest r;
  r.bank = "VCB";
  r.account = "0011001234567";
  r.amount = 50000;
  r.purpose = "thanh toan";
  auto qr = vietqr::build(r);
  ASSERT_TRUE(qr) << qr.error().message;
  EXPECT_EQ(*qr,
            "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA53037045405500005802VN62140810"
            "thanh toan6304BDA4");
  vietqr::BuildRequest s;
  s.bank = "CTG";  // Tingee's code for VietinBank
  s.account = "113366668888";
  auto stat = vietqr::build(s);
  ASSERT_TRUE(stat) << stat.error().message;
  EXPECT_EQ(*stat, "00020101021138560010A0000007270126000697041501121133666688880208QRIBFTTA53037045802VN6304F443");
  auto parsed = vietqr::parse(*stat);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->bin, "970415");
}

TEST(VietqrBuildByBank, UnknownOrContradictingBankIsRefused) {
  vietqr::BuildRequest r;
  r.bank = "Narnia Bank";
  r.account = "0099999999";
  auto unknown = vietqr::build(r);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(unknown.error().message.find("bank"), std::string::npos);
  r.bank = "VCB";
  r.bin = "970418";  // BIDV
  auto contradiction = vietqr::build(r);
  ASSERT_FALSE(contradiction);
  EXPECT_EQ(contradiction.error().code, ErrorCode::kInvalidArgument);
  r.bin = "970436";  // the same bank: fine
  EXPECT_TRUE(vietqr::build(r));
  r.bank.clear();
  r.bin.clear();
  EXPECT_FALSE(vietqr::build(r)) << "neither bin nor bank";
}

tingee::Bank tingee_bank(std::string code, std::string short_name, std::string bin, std::string name = "") {
  tingee::Bank b;
  b.code = std::move(code);
  b.short_name = std::move(short_name);
  b.bin = std::move(bin);
  b.name = std::move(name);
  return b;
}

TEST(TingeeMergeBanks, KnownBanksGetTingeeCodesNewBinsAreAddedRowsWithoutBinSkipped) {
  auto base = BankDirectory::create({{"970436", "VCB", "Vietcombank", "Ngân hàng TMCP Ngoại Thương Việt Nam", ""},
                                     {"970415", "ICB", "VietinBank", "", ""},
                                     {"970418", "BIDV", "BIDV", "BIDV full", "BIDV"}});
  ASSERT_TRUE(base) << base.error().message;
  tingee::BankList list;
  list.banks = {tingee_bank("VCB", "Vietcombank", "970436", "another spelling"),
                tingee_bank("CTG", "VietinBank", "970415", "Ngân hàng TMCP Công thương Việt Nam"),
                tingee_bank("BIDV", "BIDV", "970418"), tingee_bank("NEXTPAY", "NextPay", ""),
                tingee_bank("ZZB", "Zed Bank", "970999", "Zed")};
  tingee::BankMergeReport report;
  auto merged = tingee::merge_banks(*base, list, &report);
  ASSERT_TRUE(merged) << merged.error().message;
  EXPECT_EQ(report.added, 1U);
  EXPECT_EQ(report.updated, 2U);
  EXPECT_EQ(report.unchanged, 1U);
  EXPECT_EQ(report.skipped, 1U);
  EXPECT_EQ(report.notes.size(), 4U);
  ASSERT_EQ(merged->size(), 4U);
  const Bank* vcb = merged->find("970436");
  EXPECT_EQ(vcb->tingee_code, "VCB");
  EXPECT_EQ(vcb->name, "Ngân hàng TMCP Ngoại Thương Việt Nam") << "the directory's name is kept";
  const Bank* ctg = merged->find("CTG");
  ASSERT_NE(ctg, nullptr);
  EXPECT_EQ(ctg->code, "ICB") << "the VietQR code is kept";
  EXPECT_EQ(ctg->name, "Ngân hàng TMCP Công thương Việt Nam") << "an empty name is filled";
  const Bank* zed = merged->find("Zed Bank");
  ASSERT_NE(zed, nullptr);
  EXPECT_EQ(zed->bin, "970999");
  EXPECT_EQ(zed->code, "ZZB");
  EXPECT_EQ(zed->tingee_code, "ZZB");
  EXPECT_EQ(merged->banks().back().bin, "970999") << "added at the end";
}

TEST(TingeeMergeBanks, ConflictingCodeIsRefusedAndReportUntouched) {
  auto base = BankDirectory::create({{"970436", "VCB", "Vietcombank", "", ""}, {"970418", "BIDV", "BIDV", "", ""}});
  ASSERT_TRUE(base);
  tingee::BankList list;
  list.banks = {tingee_bank("VCB", "BIDV", "970418")};  // Tingee calling BIDV "VCB"
  tingee::BankMergeReport report;
  auto merged = tingee::merge_banks(*base, list, &report);
  ASSERT_FALSE(merged);
  EXPECT_EQ(merged.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(report.updated, 0U);
}

TEST(TingeeMergeBanks, BuiltinDirectoryAlreadyHasTingeesFixtureBanks) {
  tingee::BankList list;
  list.banks = {tingee_bank("VCB", "Vietcombank", "970436"), tingee_bank("BIDV", "BIDV", "970418"),
                tingee_bank("TPB", "TPBank", "970423")};
  tingee::BankMergeReport report;
  auto merged = tingee::merge_banks(vietqr::bank_directory(), list, &report);
  ASSERT_TRUE(merged) << merged.error().message;
  EXPECT_EQ(report.unchanged, 3U);
  EXPECT_EQ(merged->to_tsv(), vietqr::bank_directory().to_tsv());
}

}  // namespace
