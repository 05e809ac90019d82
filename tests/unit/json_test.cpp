// SPDX-License-Identifier: MIT
// The Tingee signature covers the body text, so paygw's JSON must be what JavaScript's
// JSON.stringify would print for the same object (Tingee's docs sign `${timestamp}:${JSON.stringify(body)}`). The
// expected strings below are JSON.stringify's documented output for these inputs.
#include "json/json.hpp"

#include <gtest/gtest.h>

namespace json = paygw::detail::json;
using json::Json;

TEST(Json, CompactInsertionOrderedRawUtf8) {
  Json o = Json::object();
  o["uuid"] = "DEVICE-001";
  o["amount"] = 500000;
  o["a"] = "Thanh toán đơn 1";
  o["url"] = "https://x/y";
  o["ok"] = true;
  EXPECT_EQ(*json::dump(o),
            R"({"uuid":"DEVICE-001","amount":500000,"a":"Thanh toán đơn 1","url":"https://x/y","ok":true})");
}

TEST(Json, EscapesLikeJsonStringify) {
  Json o = Json::object();
  o["s"] = std::string("q\"b\\n\n t\t c\x01 e\x1f ls\u2028");
  EXPECT_EQ(*json::dump(o), "{\"s\":\"q\\\"b\\\\n\\n t\\t c\\u0001 e\\u001f ls\u2028\"}");
}

TEST(Json, InvalidUtf8IsAnArgumentError) {
  Json o = Json::object();
  o["s"] = std::string("\xff\xfe");
  auto r = json::dump(o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, paygw::ErrorCode::kInvalidArgument);
}

// dump_lenient: for logs and stored copies. It never fails: invalid UTF-8 becomes U+FFFD.
TEST(Json, DumpLenientReplacesInvalidUtf8) {
  Json o = Json::object();
  o["s"] = std::string(
      "a\xff"
      "b");
  o["n"] = 1;
  EXPECT_EQ(json::dump_lenient(o),
            "{\"s\":\"a\xef\xbf\xbd"
            "b\",\"n\":1}");
  EXPECT_EQ(json::dump_lenient(o, 1),
            "{\n \"s\": \"a\xef\xbf\xbd"
            "b\",\n \"n\": 1\n}");
}

TEST(Json, ParseNeverThrows) {
  EXPECT_FALSE(json::parse("{").ok());
  EXPECT_FALSE(json::parse("").ok());
  EXPECT_FALSE(json::parse("<html>").ok());
  EXPECT_TRUE(json::parse("{\"a\":1}").ok());
}

TEST(Json, IntegerAcceptsOnlyIntegralNumbers) {
  auto j = *json::parse(R"({"a":5,"b":5.0,"c":5.5,"d":"5","e":null,"f":-3})");
  EXPECT_EQ(json::integer(j, "a"), 5);
  EXPECT_EQ(json::integer(j, "b"), 5);
  EXPECT_EQ(json::integer(j, "c"), std::nullopt);
  EXPECT_EQ(json::integer(j, "d"), std::nullopt);
  EXPECT_EQ(json::integer(j, "e"), std::nullopt);
  EXPECT_EQ(json::integer(j, "f"), -3);
  EXPECT_EQ(json::integer(j, "missing"), std::nullopt);
}

// The one money rule: whole VND in 0..kMaxAmountVnd (2^53 - 1), nothing else.
TEST(Json, MoneyIsAWholeAmountInRange) {
  const std::pair<const char*, std::optional<paygw::Vnd>> numbers[] = {
      {"0", 0},
      {"150000", 150000},
      {"150000.0", 150000},
      {"1.5e5", 150000},
      {"-0.0", 0},
      {"9007199254740991", paygw::kMaxAmountVnd},
      {"9007199254740991.0", paygw::kMaxAmountVnd},
      {"9007199254740992", std::nullopt},
      {"9007199254740993", std::nullopt},
      {"18446744073709551615", std::nullopt},
      {"-1", std::nullopt},
      {"-9223372036854775808", std::nullopt},
      {"150000.5", std::nullopt},
      {"1e300", std::nullopt},
      {"\"150000\"", std::nullopt},  // a string is not a number...
      {"true", std::nullopt},
      {"null", std::nullopt},
      {"[1]", std::nullopt},
  };
  for (const auto& [text, expected] : numbers) EXPECT_EQ(json::money(*json::parse(text)), expected) << text;
  // ...but money_or_text reads it.
  EXPECT_EQ(json::money_or_text(*json::parse("\"150000\"")), 150000);
  EXPECT_EQ(json::money_or_text(*json::parse("150000")), 150000);
  EXPECT_EQ(json::money_or_text(*json::parse("\"-5\"")), std::nullopt);
}

TEST(Json, MoneyTextNeverOverflows) {
  const std::pair<std::string, std::optional<paygw::Vnd>> texts[] = {
      {"0", 0},
      {"000", 0},
      {"050000", 50000},
      {"50000.000", 50000},
      {"9007199254740991", paygw::kMaxAmountVnd},
      {"0009007199254740991", paygw::kMaxAmountVnd},
      {"9007199254740992", std::nullopt},
      {"9223372036854775807", std::nullopt},
      {"9223372036854775808", std::nullopt},
      {"18446744073709551616", std::nullopt},
      {std::string(400, '9'), std::nullopt},
      {"", std::nullopt},
      {".", std::nullopt},
      {".0", std::nullopt},
      {"5.", std::nullopt},
      {"5.01", std::nullopt},
      {"-5", std::nullopt},
      {"+5", std::nullopt},
      {" 5", std::nullopt},
      {"5 ", std::nullopt},
      {"5e3", std::nullopt},
      {"0x10", std::nullopt},
      {"1,000", std::nullopt},
      {"5.0.0", std::nullopt},
  };
  for (const auto& [text, expected] : texts) EXPECT_EQ(json::money_text(text), expected) << text;
}
