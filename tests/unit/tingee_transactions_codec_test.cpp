// SPDX-License-Identifier: MIT
// Tingee codec for transaction/get-paging, get-banks (the {code, message, data} envelope, the bank
// list with its BINs) and the rule for every amount read from a response (an integer
// 0..kMaxAmountVnd, else kMalformed). Expected bytes and values are written by hand from Tingee's
// SDK DTOs (docs/tingee.md) and the fixtures under tests/fixtures/tingee.
#include "tingee_codec_test_support.hpp"

#include <paygw/vietqr.hpp>

namespace {

using namespace paygw;
using namespace paygw::tingee;
using namespace paygw::test::tingee_codec;
namespace detail =
    paygw::tingee::detail;  // not ambiguous with paygw::detail (both reached through the using-directives)

GetTransactionPagingRequest window(std::string start, std::string end) {
  GetTransactionPagingRequest r;
  r.start_time = std::move(start);
  r.end_time = std::move(end);
  return r;
}

TEST(TingeeTransactionsCodec, PagingFullAndMinimalBytes) {
  GetTransactionPagingRequest r = window("20260710000000", "20260716235959");
  r.filter = "FT26";
  r.sorting = "transactionDate desc";
  r.skip_count = 50;
  r.max_result_count = 50;
  r.merchant_id = 123456;
  r.shop_ids = {12, 13};
  r.va_account_numbers = {"V1T123456789"};
  r.bank_bin = "970418";
  r.bill_id = "BILL-1024-01";
  EXPECT_EQ(compact(codec::build(r)),
            R"({"filter":"FT26","sorting":"transactionDate desc","skipCount":50,"maxResultCount":50,)"
            R"("merchantId":123456,"shopIds":[12,13],"vaAccountNumbers":["V1T123456789"],"bankBin":"970418",)"
            R"("billId":"BILL-1024-01","startTime":"20260710000000","endTime":"20260716235959"})");
  EXPECT_EQ(compact(codec::build(window("20260710000000", "20260716235959"))),
            R"({"skipCount":0,"maxResultCount":10,"startTime":"20260710000000","endTime":"20260716235959"})");

  GetTransactionPagingRequest replayed = window("20260710000000", "20260716235959");
  replayed.max_result_count = 50;
  replayed.va_account_numbers = {"V1T123456789"};
  EXPECT_EQ(compact(codec::build(replayed)), fixture_body("transaction-get-paging"));
}

TEST(TingeeTransactionsCodec, TimesMustBeRealYyyyMMddHHmmss) {
  expect_invalid(codec::build(window("", "20260716235959")), "start_time is required");
  expect_invalid(codec::build(window("20260710000000", "")), "end_time is required");
  for (const char* bad : {"2026071000000",                                        // 13 digits
                          "202607100000000",                                      // 15 digits
                          "20260710000000123",                                    // the 17-digit request-timestamp form
                          "2026-07-10 00:00",                                     // not digits
                          "2026071000000a", " 20260710000000", "20261310000000",  // month 13
                          "20260230000000",                                       // 30 February
                          "20250229000000",                                       // 2025 is not a leap year
                          "20260700000000",                                       // day 0
                          "20260710240000", "20260710006000", "20260710000060", "19691231235959"}) {
    expect_invalid(codec::build(window(bad, "20260716235959")), "start_time must be yyyyMMddHHmmss (UTC+7)");
    expect_invalid(codec::build(window("20260710000000", bad)), "end_time must be yyyyMMddHHmmss (UTC+7)");
    EXPECT_FALSE(codec::valid_transaction_time(bad)) << bad;
  }
  EXPECT_TRUE(codec::build(window("20240229000000", "20240229235959")).ok());  // 2024 is a leap year
  EXPECT_TRUE(codec::valid_transaction_time("20260710235959"));
}

TEST(TingeeTransactionsCodec, WindowIsOrderedAndAtMostTenDays) {
  expect_invalid(codec::build(window("20260716000001", "20260716000000")), "start_time must not be after end_time");
  EXPECT_TRUE(codec::build(window("20260716000000", "20260716000000")).ok());
  // Exactly 10 days (240 h), across a year boundary, is allowed; one second more is not.
  EXPECT_TRUE(codec::build(window("20261225000000", "20270104000000")).ok());
  expect_invalid(codec::build(window("20261225000000", "20270104000001")),
                 "end_time - start_time must be at most 10 days (kMaxTransactionWindow)");
  expect_invalid(codec::build(window("20260101000000", "20260301000000")),
                 "end_time - start_time must be at most 10 days (kMaxTransactionWindow)");
  static_assert(kMaxTransactionWindow == std::chrono::hours(240));
}

TEST(TingeeTransactionsCodec, PagingValidation) {
  const GetTransactionPagingRequest ok = window("20260710000000", "20260716235959");
  auto r = ok;
  r.skip_count = -1;
  expect_invalid(codec::build(r), "skip_count must be >= 0");
  for (std::int64_t size : {0, -1, 1001}) {
    r = ok;
    r.max_result_count = size;
    expect_invalid(codec::build(r), "max_result_count must be 1..1000");
  }
  r = ok;
  r.max_result_count = 1000;
  EXPECT_TRUE(codec::build(r).ok());
  r = ok;
  r.shop_ids = {12, 0};
  expect_invalid(codec::build(r), "shop_ids must be > 0");
  r = ok;
  r.va_account_numbers = {"V1T1", ""};
  expect_invalid(codec::build(r), "va_account_numbers must not contain an empty string");
  r = ok;
  r.bank_bin = "9704";
  expect_invalid(codec::build(r), "bank_bin must be 6 digits");
  r = ok;
  r.merchant_id = 0;
  expect_invalid(codec::build(r), "merchant_id must be > 0");
}

TEST(TingeeTransactionsCodec, FormatTransactionTimeIsVietnamWallClock) {
  // UTC 2025-11-10T10:51:10.111Z is 20251110175110111 in UTC+7.
  EXPECT_EQ(format_transaction_time(test::spec_time()), "20251110175110");
  // 2025-12-31T17:00:00Z (1767200400 s, from Python's datetime) is already 2026 in Vietnam.
  using std::chrono::seconds;
  EXPECT_EQ(format_transaction_time(std::chrono::system_clock::time_point(seconds(1767200400))), "20260101000000");
  EXPECT_EQ(format_transaction_time(std::chrono::system_clock::time_point(seconds(1767200399))), "20251231235959");
}

TEST(TingeeTransactionsCodec, PageFromFixture) {
  auto page = codec::parse_transaction_page(fixture_envelope("transaction-get-paging"));
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->total_count, 2);
  EXPECT_EQ(page->message, "Success");
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].transaction_id, "TXN-88001");
  EXPECT_EQ(page->items[0].bill_id, "BILL-1024-01");
  const Transaction& t = page->items[1];
  EXPECT_EQ(t.transaction_id, "TXN-88002");
  EXPECT_EQ(t.code, "970418/FT26198ABCDEF");
  EXPECT_EQ(t.amount, 2000);
  EXPECT_EQ(t.content, "chuyen tien");
  EXPECT_EQ(t.transaction_date, "20260717081502");
  EXPECT_EQ(t.cash_flow_source, "");  // omitted on the wire
  EXPECT_EQ(t.bill_id, "");

  auto limited = codec::parse_envelope(fixture_response("transaction-get-paging", 1));
  ASSERT_FALSE(limited.ok());
  EXPECT_TRUE(is_rate_limited(limited.error()));
}

TEST(TingeeTransactionsCodec, PageShape) {
  auto page = codec::parse_transaction_page(envelope_with({{"items", Json::array()}}));
  ASSERT_TRUE(page.ok());
  EXPECT_FALSE(page->total_count.has_value());  // unknown, not "0" nor "this page"
  EXPECT_TRUE(page->items.empty());

  auto no_data = codec::parse_transaction_page(Json{{"code", "00"}, {"message", "Success"}});
  ASSERT_FALSE(no_data.ok());
  expect_malformed(no_data.error(), "data is not a page of transactions");
  auto no_items = codec::parse_transaction_page(envelope_with({{"totalCount", 0}}));
  ASSERT_FALSE(no_items.ok());
  expect_malformed(no_items.error(), "data.items is missing");
  auto not_list = codec::parse_transaction_page(envelope_with({{"items", Json::object()}}));
  ASSERT_FALSE(not_list.ok());
  expect_malformed(not_list.error(), "data.items is not a list");
  auto not_object = codec::parse_transaction_page(envelope_with({{"items", {{{"amount", 1}}, 5}}}));
  ASSERT_FALSE(not_object.ok());
  expect_malformed(not_object.error(), "data.items[1] is not an object");
  for (const Json& count : {Json(-1), Json("x"), Json(1.5)}) {
    auto bad = codec::parse_transaction_page(envelope_with({{"totalCount", count}, {"items", Json::array()}}));
    ASSERT_FALSE(bad.ok()) << count;
    expect_malformed(bad.error(), "data.totalCount is not a whole number >= 0");
  }
  auto missing_amount = codec::parse_transaction_page(envelope_with({{"items", {{{"transactionId", "T"}}}}}));
  ASSERT_FALSE(missing_amount.ok());
  expect_malformed(missing_amount.error(), "data.items[0].amount is missing");
  auto bad_text = codec::parse_transaction_page(envelope_with({{"items", {{{"amount", 1}, {"content", {1, 2}}}}}}));
  ASSERT_FALSE(bad_text.ok());
  expect_malformed(bad_text.error(), "data.items[0].content is not a string");
}

// ---------------------------------------------------------------------------------------------
// Amounts read from responses

/// The bill amount parsed from a status whose billInfo.amount is `amount`.
Result<DynamicQrStatus> status_with_amount(const Json& amount) {
  return codec::parse_dynamic_qr_status(envelope_with({{"billInfo", {{"billId", "B"}, {"amount", amount}}}}));
}

// The one inbound money rule of every codec (json::money_or_text): a zero fraction written in a
// string is the same whole amount.
TEST(TingeeAmountRule, IntegersIntegralFloatsAndDigitStringsAreTheSameAmount) {
  for (const Json& same : {Json(150000), Json(150000u), Json(150000.0), Json("150000"), Json("0150000"),
                           Json("150000.0"), Json("150000.00")}) {
    auto s = status_with_amount(same);
    ASSERT_TRUE(s.ok()) << same << ": " << s.error().message;
    EXPECT_EQ(s->bill.amount, 150000) << same;
  }
  for (const Json& edge : {Json(0), Json(0.0), Json("0")}) {
    auto s = status_with_amount(edge);
    ASSERT_TRUE(s.ok()) << edge;
    EXPECT_EQ(s->bill.amount, 0);
  }
  for (const Json& max : {Json(9007199254740991), Json("9007199254740991")}) {
    auto s = status_with_amount(max);
    ASSERT_TRUE(s.ok()) << max;
    EXPECT_EQ(s->bill.amount, kMaxAmountVnd);
  }
}

TEST(TingeeAmountRule, AnythingElseIsMalformedNeverZero) {
  const std::string message = "data.billInfo.amount is not an amount in VND (an integer 0..9007199254740991)";
  for (const Json& bad : {Json(-1),
                          Json(-150000),
                          Json(9007199254740992),
                          Json(std::numeric_limits<std::uint64_t>::max()),
                          Json(std::numeric_limits<std::int64_t>::min()),
                          Json(150000.5),
                          Json(-1.0),
                          Json(9007199254740992.0),
                          Json(1e300),
                          Json("-1"),
                          Json("+150000"),
                          Json("150000.5"),
                          Json("150000."),
                          Json("1.5e5"),
                          Json(" 150000"),
                          Json("150 000"),
                          Json(""),
                          Json("9007199254740992"),
                          Json("99999999999999999999999"),
                          Json("١٥٠٠٠٠"),
                          Json(true),
                          Json::array(),
                          Json::object()}) {
    auto s = status_with_amount(bad);
    ASSERT_FALSE(s.ok()) << bad;
    expect_malformed(s.error(), message);
  }
  auto missing = codec::parse_dynamic_qr_status(envelope_with({{"billInfo", {{"billId", "B"}}}}));
  ASSERT_FALSE(missing.ok());
  expect_malformed(missing.error(), "data.billInfo.amount is missing");
  auto null_amount = status_with_amount(Json());
  ASSERT_FALSE(null_amount.ok());
  expect_malformed(null_amount.error(), "data.billInfo.amount is missing");
}

TEST(TingeeAmountRule, AppliesToPaidTotalsAndEveryTransaction) {
  Json data = {{"billInfo", {{"amount", 150000}}}};
  auto s = codec::parse_dynamic_qr_status(envelope_with(data));
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->bill.total_amount_paid.has_value());  // optional on the wire
  EXPECT_TRUE(s->transactions.empty());

  data["billInfo"]["totalAmountPaid"] = "150000.5";
  auto paid = codec::parse_dynamic_qr_status(envelope_with(data));
  ASSERT_FALSE(paid.ok());
  expect_malformed(paid.error(),
                   "data.billInfo.totalAmountPaid is not an amount in VND (an integer 0..9007199254740991)");

  data["billInfo"]["totalAmountPaid"] = 150000;
  data["transactionInfos"] = {{{"amount", 100000}}, {{"amount", -50000}}};
  auto txn = codec::parse_dynamic_qr_status(envelope_with(data));
  ASSERT_FALSE(txn.ok());
  expect_malformed(txn.error(),
                   "data.transactionInfos[1].amount is not an amount in VND (an integer 0..9007199254740991)");

  auto page = codec::parse_transaction_page(envelope_with({{"items", {{{"amount", "2000"}}, {{"amount", 1e16}}}}}));
  ASSERT_FALSE(page.ok());
  expect_malformed(page.error(), "data.items[1].amount is not an amount in VND (an integer 0..9007199254740991)");

  for (const Json& shape : {Json{{"transactionInfos", Json::array()}}, Json{{"billInfo", "x"}}}) {
    auto no_bill = codec::parse_dynamic_qr_status(envelope_with(shape));
    ASSERT_FALSE(no_bill.ok());
    expect_malformed(no_bill.error(), "data.billInfo is not an object");
  }
  auto infos = codec::parse_dynamic_qr_status(envelope_with({{"billInfo", {{"amount", 1}}}, {"transactionInfos", 3}}));
  ASSERT_FALSE(infos.ok());
  expect_malformed(infos.error(), "data.transactionInfos is not a list");
}

// ---------------------------------------------------------------------------------------------
// get-banks: a bare array (live) or the documented envelope

TEST(TingeeBanksCodec, BareArrayFromFixture) {
  auto envelope = codec::parse_banks_envelope(fixture_response("get-banks", 0));
  ASSERT_TRUE(envelope.ok()) << envelope.error().message;
  auto list = codec::parse_banks(*envelope);
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(list->message, "");
  ASSERT_EQ(list->banks.size(), 3u);
  const Bank& vcb = list->banks[0];
  EXPECT_EQ(vcb.code, "VCB");
  EXPECT_EQ(vcb.name, "Ngân hàng TMCP Ngoại Thương Việt Nam");
  EXPECT_EQ(vcb.short_name, "Vietcombank");
  EXPECT_EQ(vcb.bin, "970436");
  EXPECT_EQ(vcb.url_logo, "https://static.example.vn/banks/vcb.png");
  EXPECT_EQ(vcb.terms_url, "https://static.example.vn/terms/vcb.pdf");
  EXPECT_EQ(vcb.terms_url_va, "https://static.example.vn/terms/vcb-va.pdf");
  EXPECT_EQ(list->banks[1].bin, "970418");
  EXPECT_EQ(list->banks[2].code, "TPB");
  EXPECT_EQ(list->banks[2].bin, "970423");
}

TEST(TingeeBanksCodec, EnvelopeFormAndErrorsFromFixture) {
  auto envelope = codec::parse_banks_envelope(fixture_response("get-banks", 1));
  ASSERT_TRUE(envelope.ok());
  auto list = codec::parse_banks(*envelope);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->message, "Success");
  ASSERT_EQ(list->banks.size(), 1u);
  EXPECT_EQ(list->banks[0].code, "VCB");

  auto signature = codec::parse_banks_envelope(fixture_response("get-banks", 2));
  ASSERT_FALSE(signature.ok());
  EXPECT_TRUE(is_signature_error(signature.error()));
  EXPECT_EQ(fixture("get-banks")["exchanges"][0]["request"].count("json"), 0u);  // GET: no body, signs {}
}

TEST(TingeeBanksCodec, ArrayShapesAndStatuses) {
  auto parse = [](int status, std::string body) {
    http::Response r;
    r.status = status;
    r.body = std::move(body);
    return codec::parse_banks_envelope(r);
  };
  auto empty = parse(200, "[]");
  ASSERT_TRUE(empty.ok());
  auto none = codec::parse_banks(*empty);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->banks.empty());

  auto server = parse(500, R"([{"code":"VCB"}])");
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.error().code, ErrorCode::kHttpStatus);
  EXPECT_EQ(server.error().http_status, 500);
  EXPECT_TRUE(server.error().maybe_sent());
  auto forbidden = parse(403, "[]");
  ASSERT_FALSE(forbidden.ok());
  EXPECT_EQ(forbidden.error().code, ErrorCode::kAuth);
  auto gateway = parse(502, "<html>Bad Gateway</html>");
  ASSERT_FALSE(gateway.ok());
  EXPECT_EQ(gateway.error().code, ErrorCode::kHttpStatus);
  auto not_json = parse(200, "[{");
  ASSERT_FALSE(not_json.ok());
  EXPECT_EQ(not_json.error().code, ErrorCode::kMalformed);

  auto rows = [&](const char* body) {
    auto e = parse(200, body);
    return e ? codec::parse_banks(*e) : Result<BankList>(e.error());
  };
  auto not_object = rows(R"([{"code":"VCB"},"BIDV"])");
  ASSERT_FALSE(not_object.ok());
  expect_malformed(not_object.error(), "data[1] is not an object");
  auto bad_terms = rows(R"([{"code":"VCB","termsAndConditions":"https://x"}])");
  ASSERT_FALSE(bad_terms.ok());
  expect_malformed(bad_terms.error(), "data[0].termsAndConditions is not an object");
  auto bad_bin = rows(R"([{"code":"VCB","bin":[970436]}])");
  ASSERT_FALSE(bad_bin.ok());
  expect_malformed(bad_bin.error(), "data[0].bin is not a string");
  auto extra = rows(R"([{"code":"NEXTPAY","name":"NextPay","bin":null,"newField":{"x":1}}])");
  ASSERT_TRUE(extra.ok());
  EXPECT_EQ(extra->banks[0].code, "NEXTPAY");
  EXPECT_EQ(extra->banks[0].bin, "");

  for (const Json& data : {Json(), Json::object()}) {
    auto list = codec::parse_banks(envelope_with(data));
    ASSERT_FALSE(list.ok());
    expect_malformed(list.error(), "data is not a list of banks");
  }
}

TEST(TingeeBillsFixtures, GeneratedQrIsAValidVietQr) {
  // The fixture's qrCode was built with its CRC computed in Python; paygw's VietQR parser agrees.
  auto bill = codec::parse_dynamic_qr_bill(fixture_envelope("generate-dynamic-qr"));
  ASSERT_TRUE(bill.ok());
  auto qr = vietqr::parse(bill->qr_code);
  EXPECT_TRUE(qr.ok()) << (qr ? "" : qr.error().message);
}

}  // namespace
