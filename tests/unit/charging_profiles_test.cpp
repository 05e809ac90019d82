// SPDX-License-Identifier: MIT
// Card-provider profiles (paygw/charging/profiles.hpp): names, lookups, what apply_profile sets
// (checked through the signing vectors computed with Python's hashlib, docs/charging.md), the
// test host; and the codecs of the grouped `/chargingws/price` table (the provider
// documentation's example) and of the `/api/checkcard` serial pre-check (its documented answer;
// the signature md5(key + serial) recomputed with hashlib).
#include <paygw/charging/profiles.hpp>

#include "charging/price.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace paygw;
using namespace paygw::charging;
using paygw::detail::json::Json;

SignFields vector_fields(std::string_view command) {
  SignFields f;
  f.partner_id = "3681148751";
  f.command = command;
  f.request_id = "323233";
  f.telco = "VIETTEL";
  f.code = "312821445892982";
  f.serial = "10004783347874";
  return f;
}
const Secret kKey("PARTNERKEY_TEST_0123456789abcdef");

TEST(ChargingProfiles, NamesAreSortedAndEachResolves) {
  const auto names = profile_names();
  ASSERT_GE(names.size(), 9U);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (const auto& n : names) {
    auto p = profile(n);
    ASSERT_TRUE(p) << n;
    EXPECT_EQ(p->name, n);
    EXPECT_EQ(p->base_url.rfind("https://", 0), 0U) << n << ": https by default";
    EXPECT_EQ(p->path, "/chargingws/v2") << n;
    EXPECT_TRUE(p->sign_scheme == "a" || p->sign_scheme == "b") << n;
    EXPECT_FALSE(p->notes.empty()) << n << ": every profile says what is unknown";
  }
  auto upper = profile("TheSieuRe");
  ASSERT_TRUE(upper);
  EXPECT_EQ(upper->base_url, "https://thesieure.com");
  EXPECT_EQ(upper->price_path, "/chargingws/price");
  EXPECT_EQ(upper->serial_check_path, "/api/checkcard");
  auto unknown = profile("nope");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(unknown.error().message.find("thesieure"), std::string::npos) << "names the known profiles";
}

TEST(ChargingProfiles, ApplySetsHostPathAndSignScheme) {
  Config c;
  c.partner_id = "3681148751";
  ASSERT_TRUE(apply_profile(*profile("thesieure"), c));
  EXPECT_EQ(c.base_url, "https://thesieure.com");
  EXPECT_EQ(c.path, "/chargingws/v2");
  EXPECT_EQ(c.encoding, Encoding::kForm);
  auto a = sign(kKey, vector_fields("charging"), c.sign_scheme);
  ASSERT_TRUE(a);
  EXPECT_EQ(*a, "355fe672fab7aa2a46b1c46c299d5ef6");

  ASSERT_TRUE(apply_profile(*profile("thesieure-b"), c));
  auto b = sign(kKey, vector_fields("charging"), c.sign_scheme);
  ASSERT_TRUE(b);
  EXPECT_EQ(*b, "a3b840dac308d4cae13171dad2f04d3f");
  auto b_check = sign(kKey, vector_fields("check"), c.sign_scheme);
  ASSERT_TRUE(b_check);
  EXPECT_EQ(*b_check, "1b88f251bb52eaada6f62dc559ea2ab1");

  ASSERT_TRUE(apply_profile(*profile("doithe1s"), c));
  EXPECT_EQ(c.base_url, "https://doithe1s.vn");
  EXPECT_EQ(c.encoding, Encoding::kJson);
  EXPECT_EQ(c.partner_id, "3681148751") << "credentials untouched";
  // The price table and serial check paths: the profile's, empty where the host is not known to
  // serve them (get_price_table and check_serial then send nothing).
  EXPECT_EQ(c.price_path, "");
  EXPECT_EQ(c.serial_check_path, "");
  ASSERT_TRUE(apply_profile(*profile("thesieure"), c));
  EXPECT_EQ(c.price_path, "/chargingws/price");
  EXPECT_EQ(c.serial_check_path, "/api/checkcard");
}

TEST(ChargingProfiles, SandboxHostOnlyWherePublished) {
  Config c;
  ASSERT_TRUE(apply_profile(*profile("card2k"), c, true));
  EXPECT_EQ(c.base_url, "https://sandbox.card2k.com");
  c.base_url = "https://keep.example";
  auto refused = apply_profile(*profile("thesieure"), c, true);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(c.base_url, "https://keep.example") << "unchanged after a refusal";
  Profile bad = *profile("trumthe");
  bad.sign_scheme = "z";
  EXPECT_FALSE(apply_profile(bad, c));
}

TEST(ChargingPriceTable, ProviderDocumentationExample) {
  // The "CARD PARTNER API" example answer of GET /chargingws/price?partner_id=3681148751.
  const Json body = Json::parse(R"({
    "VIETTEL": [{"telco": "VIETTEL", "value": 10000, "fees": 30, "penalty": 20},
                {"telco": "VIETTEL", "value": 20000, "fees": 30, "penalty": 20},
                {"telco": "VIETTEL", "value": 50000, "fees": 30, "penalty": 20},
                {"telco": "VIETTEL", "value": 100000, "fees": 30, "penalty": 20}],
    "VINAPHONE": [], "MOBIFONE": [], "GATE": [], "ZING": []})");
  auto t = charging::detail::parse_price_table(body);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->telcos, (std::vector<std::string>{"VIETTEL", "VINAPHONE", "MOBIFONE", "GATE", "ZING"}));
  ASSERT_EQ(t->table.rows.size(), 4U);
  EXPECT_EQ(t->table.rows[3].value, 100000);
  EXPECT_EQ(t->table.rows[3].fees.to_string(), "30");
  EXPECT_EQ(t->table.rows[3].penalty.to_string(), "20");
  EXPECT_EQ(t->table.skipped_rows, 0U);
}

TEST(ChargingPriceTable, GroupNamesRowsWithoutTelcoAndBadShapesAreRefused) {
  auto t = charging::detail::parse_price_table(
      Json::parse(R"({"ZING": [{"value": "20000", "fees": 17.5}, {"value": "x", "fees": 1}, 3]})"));
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->table.rows.size(), 1U);
  EXPECT_EQ(t->table.rows[0].telco, "ZING");
  EXPECT_EQ(t->table.rows[0].fees.to_string(), "17.5");
  EXPECT_EQ(t->table.skipped_rows, 2U);
  for (const char* bad :
       {R"([{"telco": "VIETTEL", "value": 10000, "fees": 30}])", R"({"VIETTEL": {"value": 1}})", R"("text")"}) {
    auto r = charging::detail::parse_price_table(Json::parse(bad));
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << bad;
    EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent) << bad;
  }
}

TEST(ChargingSerialCheck, SignQueryAndDocumentedAnswer) {
  auto s = charging::detail::serial_check_sign(kKey, "10004783347874");
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, "d1b42c824c530fd81fd8bec83b8f60b1");  // hashlib.md5(key + serial)
  EXPECT_EQ(charging::detail::serial_check_query("VIETTEL", "100 47", "3681148751", *s),
            "telco=VIETTEL&serial=100%2047&partner_id=3681148751&sign=d1b42c824c530fd81fd8bec83b8f60b1");
  auto answer = charging::detail::parse_serial_check(Json::parse(
      R"({"status":"success","data":{"status":"checked","serial":"10004783347874","card_status":"unavailable",)"
      R"("value":50000,"date_used":"20/11/2022","acc_charged":"986"}})"));
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_EQ(answer->check_status, "checked");
  EXPECT_EQ(answer->card_status, "unavailable");
  EXPECT_EQ(answer->value, 50000);
  EXPECT_EQ(answer->date_used, "20/11/2022");
  EXPECT_EQ(answer->acc_charged, "986");
  auto numeric =
      charging::detail::parse_serial_check(Json::parse(R"({"status":"success","data":{"acc_charged":986}})"));
  ASSERT_TRUE(numeric);
  EXPECT_EQ(numeric->acc_charged, "986");
  EXPECT_FALSE(numeric->value.has_value());
}

TEST(ChargingSerialCheck, RefusalsAndMalformedAnswers) {
  auto refused =
      charging::detail::parse_serial_check(Json::parse(R"({"status":"error","message":"INVALID_SIGNATURE"})"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kProvider);
  EXPECT_EQ(refused.error().message, "INVALID_SIGNATURE");
  for (const char* bad : {R"([])", R"({"status":"success"})", R"({"status":"success","data":{"value":-5}})"}) {
    auto r = charging::detail::parse_serial_check(Json::parse(bad));
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << bad;
  }
}

}  // namespace
