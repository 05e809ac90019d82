// The Tingee signature covers the body text, so paygw's JSON must be what JavaScript's
// JSON.stringify would print for the same object (../shared/spec/tingee.md §2.2). The expected
// strings below are JSON.stringify's documented output for these inputs.
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
