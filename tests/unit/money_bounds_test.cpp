// SPDX-License-Identifier: MIT
// The one rule for money read from a provider (0 <= x <= kMaxAmountVnd, whole VND, else
// kMalformed) in every codec, and the fee table's percentages (found by the client-call fuzzer:
// "penalty":5055555555555555555 overflowed a signed multiplication).
#include <paygw/charging/models.hpp>
#include <paygw/money.hpp>
#include <paygw/tconnect/envelope.hpp>

#include "charging/codec.hpp"
#include "support.hpp"
#include "tconnect/codec.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace {

using namespace paygw;
namespace json = paygw::detail::json;
using json::Json;

Json parse(const std::string& text) {
  auto j = json::parse(text);
  EXPECT_TRUE(j.ok()) << text;
  return j.ok() ? *j : Json();
}

// ---- charging results (submit/check responses and callbacks share parse_result) ----

Result<charging::ChargeResult> result_of(const std::string& body) {
  charging::detail::Params params;
  if (auto parsed = charging::detail::parse_json_object(body, params); !parsed) return parsed.error();
  return charging::detail::parse_result(params);
}

TEST(ChargingMoney, NegativeOrHugeMoneyFieldsAreMalformed) {
  for (const char* field : {"amount", "value", "declared_value", "card_value"}) {
    for (const char* bad :
         {"-42000", "\"-42000\"", "-1", "100000000000000000", "9007199254740992", "18446744073709551616", "1e17",
          "\"1e5\"", "\" 5\"", "\"+5\"", "\"5 \"", "\"0x10\"", "true", "[1]", "{}", "25000.5", "\"25000.5\""}) {
      const std::string body = std::string(R"({"status":1,")") + field + "\":" + bad + "}";
      auto r = result_of(body);
      ASSERT_FALSE(r.ok()) << body;
      EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << body;
    }
  }
  auto ok = result_of(R"({"status":1,"amount":"9007199254740991","value":50000.0,"declared_value":"050000.00"})");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->amount, kMaxAmountVnd);
  EXPECT_EQ(ok->value, 50000);
  EXPECT_EQ(ok->declared_value, 50000);
  auto absent = result_of(R"({"status":3,"amount":null,"value":""})");
  ASSERT_TRUE(absent.ok());
  EXPECT_EQ(absent->amount, std::nullopt);
  EXPECT_EQ(absent->value, std::nullopt);
}

TEST(ChargingMoney, StatusOutsideIntIsMalformed) {
  for (const char* status : {"2147483648", "-2147483649", "999999999999999999", "9999999999999999999",
                             "-9223372036854775808", "\"1e3\"", "1.5"}) {
    const std::string body = std::string(R"({"status":)") + status + "}";
    auto r = result_of(body);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << body;
  }
  EXPECT_EQ(result_of(R"({"status":"99.0"})")->status_code, 99);
  EXPECT_EQ(result_of(R"({"status":-2147483648})")->status_code, -2147483648LL);
}

charging::ChargeResult charge(int status, std::optional<Vnd> amount, std::optional<Vnd> value = std::nullopt,
                              std::optional<Vnd> card_value = std::nullopt) {
  charging::ChargeResult r;
  r.status_code = status;
  r.status = charging::detail::status_of(status, "");
  r.amount = amount;
  r.value = value;
  r.card_value = card_value;
  r.declared_value = 50000;
  return r;
}

TEST(ChargingMoney, CheckAmountsAgainstTheCardAndTheLargestDenomination) {
  using charging::detail::check_amounts;
  const Vnd declared = 50000;
  const Vnd largest = 1000000;
  // Possible results.
  EXPECT_TRUE(check_amounts(charge(1, 25000, 50000), declared, largest).ok());
  EXPECT_TRUE(check_amounts(charge(1, 50000, 50000), declared, largest).ok());  // no fee
  EXPECT_TRUE(check_amounts(charge(99, 35000), declared, largest).ok());        // expected payout
  EXPECT_TRUE(check_amounts(charge(3, std::nullopt), declared, largest).ok());
  EXPECT_TRUE(check_amounts(charge(2, 80000, 100000), declared, largest).ok());  // real card worth more
  EXPECT_TRUE(check_amounts(charge(2, 10000, 20000, 20000), declared, largest).ok());
  EXPECT_TRUE(check_amounts(charge(2, 900000, 1000000, 1000000), declared, largest).ok());
  // Impossible ones.
  const charging::ChargeResult impossible[] = {
      charge(1, 50001, 50000),                  // more than the card
      charge(1, 60000),                         // more than declared, nothing says the card is bigger
      charge(1, 60000, 100000),                 // status 1 means the declared value was right
      charge(99, 60000),                        //
      charge(2, 100001, 100000, 50000),         //
      charge(2, 900000, 2000000),               // value above the largest card
      charge(2, 0, 50000, 2000000),             // card_value above the largest card
      charge(1, kMaxAmountVnd, kMaxAmountVnd),  //
  };
  for (const auto& r : impossible) {
    auto checked = check_amounts(r, declared, largest);
    ASSERT_FALSE(checked.ok()) << r.status_code << " " << r.amount.value_or(-1) << " " << r.value.value_or(-1);
    EXPECT_EQ(checked.error().code, ErrorCode::kMalformed);
  }
  auto declared_too_big = charge(1, 25000, 50000);
  declared_too_big.declared_value = 2000000;
  EXPECT_FALSE(check_amounts(declared_too_big, declared, largest).ok());
  // A declared value above the largest card cannot be checked against it.
  EXPECT_FALSE(check_amounts(charge(1, 25000, 50000), 2000000, largest).ok());
}

TEST(ChargingMoney, LargestDenomination) {
  const auto d = charging::default_denominations();
  EXPECT_EQ(charging::detail::largest_denomination(d, "VIETTEL"), 1000000);
  EXPECT_EQ(charging::detail::largest_denomination(d, "VINAPHONE"), 500000);
  EXPECT_EQ(charging::detail::largest_denomination(d, "NOPE"), std::nullopt);
  EXPECT_EQ(charging::detail::largest_denomination({{"X", {}}}, "X"), std::nullopt);
}

// ---- fee table ----

TEST(ChargingFees, HugePercentagesAreSkippedNotOverflowed) {
  // The fuzzer's input: 5055555555555555555 * 10000 overflows std::int64_t (UBSan abort; a
  // release build returned a negative fee).
  const char* bad_rows[] = {
      R"({"telco":"VIETTEL","value":10000,"fees":10,"penalty":5055555555555555555})",
      R"({"telco":"VIETTEL","value":10000,"fees":5055555555555555555,"penalty":0})",
      R"({"telco":"VIETTEL","value":10000,"fees":18446744073709551615})",
      R"({"telco":"VIETTEL","value":10000,"fees":-9223372036854775808})",
      R"({"telco":"VIETTEL","value":10000,"fees":"922337203685477.5808"})",
      R"({"telco":"VIETTEL","value":10000,"fees":"99999999999999999999"})",
      R"({"telco":"VIETTEL","value":10000,"fees":1e300})",
      R"({"telco":"VIETTEL","value":10000,"fees":-1})",
      R"({"telco":"VIETTEL","value":10000,"fees":"-1"})",
      R"({"telco":"VIETTEL","value":10000,"fees":100.0001})",
      R"({"telco":"VIETTEL","value":10000,"fees":"101"})",
      R"({"telco":"VIETTEL","value":10000,"fees":10,"penalty":-50})",
      R"({"telco":"VIETTEL","value":-10000,"fees":10})",
      R"({"telco":"VIETTEL","value":100000000000000000,"fees":10})",
      R"({"telco":"VIETTEL","value":"9007199254740992","fees":10})",
      R"({"telco":"VIETTEL","value":0,"fees":10})",
  };
  for (const char* row : bad_rows) {
    auto table = charging::detail::parse_fee_table(parse(std::string("[") + row + "]"));
    ASSERT_TRUE(table.ok()) << row;
    EXPECT_EQ(table->rows.size(), 0u) << row << " gave fees " << table->rows[0].fees.ten_thousandths << " penalty "
                                      << table->rows[0].penalty.ten_thousandths;
    EXPECT_EQ(table->skipped_rows, 1u) << row;
  }
  auto edges = charging::detail::parse_fee_table(
      parse(R"([{"telco":"VIETTEL","value":"10000","fees":0,"penalty":100},)"
            R"({"telco":"VIETTEL","value":9007199254740991,"fees":"100.0000","penalty":"0.0001"}])"));
  ASSERT_TRUE(edges.ok());
  ASSERT_EQ(edges->rows.size(), 2u);
  EXPECT_EQ(edges->rows[0].fees.ten_thousandths, 0);
  EXPECT_EQ(edges->rows[0].penalty.ten_thousandths, 1000000);
  EXPECT_EQ(edges->rows[1].value, kMaxAmountVnd);
  EXPECT_EQ(edges->rows[1].fees.ten_thousandths, 1000000);
  EXPECT_EQ(edges->rows[1].penalty.ten_thousandths, 1);
}

TEST(ChargingFees, PercentToStringAtTheLimitsOfItsType) {
  EXPECT_EQ((charging::Percent{std::numeric_limits<std::int64_t>::min()}.to_string()), "-922337203685477.5808");
  EXPECT_EQ((charging::Percent{std::numeric_limits<std::int64_t>::max()}.to_string()), "922337203685477.5807");
  EXPECT_EQ((charging::Percent{-5}.to_string()), "-0.0005");
  EXPECT_EQ((charging::Percent{-175000}.to_string()), "-17.5");
  EXPECT_EQ((charging::Percent{0}.to_string()), "0");
}

// ---- TConnect transaction lists ----

TEST(TconnectMoney, TransactionAmountsAsTextOrIntegralFloatsAreRead) {
  auto page = tconnect::detail::parse_transactions(parse(
      R"({"data":[{"order_id":"A","amount":"150000"},{"order_id":"B","amount":150000.0},{"order_id":"C","amount":7},)"
      R"({"order_id":"D"},{"order_id":"E","amount":null},{"order_id":"F","amount":"9007199254740991"}]})"));
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->items.size(), 6u);
  EXPECT_EQ(page->items[0].amount, 150000);
  EXPECT_EQ(page->items[1].amount, 150000);
  EXPECT_EQ(page->items[2].amount, 7);
  EXPECT_EQ(page->items[3].amount, std::nullopt);  // absent stays absent
  EXPECT_EQ(page->items[4].amount, std::nullopt);
  EXPECT_EQ(page->items[5].amount, kMaxAmountVnd);
}

TEST(TconnectMoney, UnreadableTransactionAmountFailsLoudly) {
  for (const char* amount : {"\"abc\"", "\"\"", "\"150000.5\"", "150000.5", "-1", "\"-1\"", "9007199254740992", "1e300",
                             "true", "{}", "[150000]"}) {
    const std::string body = std::string(R"({"data":[{"order_id":"A","amount":)") + amount + "}]}";
    auto page = tconnect::detail::parse_transactions(parse(body));
    ASSERT_FALSE(page.ok()) << body << " gave "
                            << (page.ok() && !page->items.empty() ? page->items[0].amount.value_or(-1) : -2);
    EXPECT_EQ(page.error().code, ErrorCode::kMalformed) << body;
    EXPECT_TRUE(page.error().maybe_sent());
  }
}

// ---- TConnect IPN ----

// Ciphertexts made with `openssl enc -aes-256-cbc -K <the test key> -iv c0c1…cf` of the JSON in the
// comment.
std::string ipn_body(const std::string& data) { return R"({"data":")" + data + R"("})"; }

TEST(TconnectMoney, IpnAmountOutsideZeroToKMaxAmountVndIsMalformed) {
  const Secret key(test::kTconnectKeyHex);
  const std::string too_big =  // {"order_id":"ORD-1003","amount":9007199254740993}
      "c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0c3a2824ed1844b70c6f14fb60c61583209936d687e1516eb73d605dba9308f7414321be266780"
      "9376b63abc8c074baa9ecc6079af30b28899288e34d98281c";
  const std::string negative =  // {"order_id":"ORD-1004","amount":-1}
      "c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0c3a2824ed1844b70c6f14fb60c6158de21712ae5a575a6b74c3526cf92a7aec3b90f173271b0d"
      "e21591550b2edece8";
  for (const auto& data : {too_big, negative}) {
    auto r = tconnect::decode_ipn(ipn_body(data), {key});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << r.error().message;
  }
  const std::string largest =  // {"order_id":"ORD-1005","amount":9007199254740991}
      "c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0c3a2824ed1844b70c6f14fb60c6158f82e154dceb5394a524ef3e3e64ffb826044c70a7a7be6b"
      "70c0249850e8b95794650c4957406908f593ef1e0ec1785bb";
  const std::string integral_float =  // {"order_id":"ORD-1006","amount":150000.0}
      "c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0c3a2824ed1844b70c6f14fb60c61581e6af4c1d308f74308aa00fc51335552fe5ce6169292ab6"
      "d23ebe03bbe507ce6";
  auto a = tconnect::decode_ipn(ipn_body(largest), {key});
  ASSERT_TRUE(a.ok()) << describe(a.error());
  EXPECT_EQ(a->amount, kMaxAmountVnd);
  auto b = tconnect::decode_ipn(ipn_body(integral_float), {key});
  ASSERT_TRUE(b.ok()) << describe(b.error());
  EXPECT_EQ(b->amount, 150000);
}

}  // namespace

// ---- TConnect token lifetimes (a sibling overflow: client_calls_fuzz, UBSan) ----

namespace {

TEST(TconnectTokens, AbsurdLifetimesAreIgnoredNotOverflowed) {
  // now + seconds(INT64_MAX) overflowed the nanosecond clock arithmetic in the client.
  for (const char* v : {"9223372036854775807", "18446744073709551615", "31536001", "0", "-5", "1e300", "\"600\""}) {
    const std::string body =
        std::string(R"({"access_token":"a","expires_in":)") + v + R"(,"refresh_expires_in":)" + v + "}";
    auto t = tconnect::detail::parse_tokens(parse(body));
    ASSERT_TRUE(t.ok()) << body;
    EXPECT_EQ(t->expires_in, std::nullopt) << body;
    EXPECT_EQ(t->refresh_expires_in, std::nullopt) << body;
  }
  auto t =
      tconnect::detail::parse_tokens(parse(R"({"access_token":"a","expires_in":600,"refresh_expires_in":31536000})"));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->expires_in, 600);
  EXPECT_EQ(t->refresh_expires_in, 31536000);
}

TEST(TconnectTokens, HugeLifetimeFromTheServerFallsBackToTheDefault) {
  // Through the client: the token is kept for the default lifetime, and no arithmetic overflows
  // (tools/sanitize runs this under UBSan).
  auto replay = paygw::testing::ReplayTransport::from_json(
      R"({"exchanges":[
        {"request":{"method":"POST","path":"/openapi/v1/auth/login","json":{"data":"<redacted>"}},
         "response":{"status":200,"json":{"access_token":"a1","refresh_token":"r1",
                     "expires_in":9223372036854775807,"refresh_expires_in":9223372036854775807}}},
        {"request":{"method":"POST","path":"/openapi/v1/services","json":{"data":"<redacted>"}},
         "response":{"status":200,"json":{"services":[]}}},
        {"request":{"method":"POST","path":"/openapi/v1/services","json":{"data":"<redacted>"}},
         "response":{"status":200,"json":{"services":[]}}}]})",
      "inline");
  ASSERT_TRUE(replay.ok()) << replay.error().message;
  auto client = test::tconnect_client(*replay);
  EXPECT_TRUE(client.get_services().ok());
  EXPECT_TRUE(client.get_services().ok());  // the same token: one login only
  EXPECT_EQ((*replay)->report(), "");
}

}  // namespace
