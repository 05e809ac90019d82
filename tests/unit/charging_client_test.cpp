// SPDX-License-Identifier: MIT
// Card-charging client: sign vectors computed with Python's hashlib (made-up key
// PARTNERKEY_TEST_0123456789abcdef, partner_id 3681148751, code 312821445892982, serial
// 10004783347874, request_id 323233, telco VIETTEL: scheme A md5(key + code + serial), scheme B
// md5(key + code + command + partner_id + request_id + serial + telco)), and fixtures
// (tests/fixtures/charging) whose request bodies hold signatures computed with Python's hashlib.
#include <paygw/charging/client.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

namespace {

using namespace paygw;
using charging::Status;

const char* kKey = test::kChargingKey;
const charging::CardRequest kCard{"VIETTEL", "312821445892982", "10004783347874", 50000, "323233"};

charging::Config config(std::shared_ptr<http::Transport> transport) {
  return test::charging_config(std::move(transport));
}

charging::Client make(std::shared_ptr<http::Transport> transport, void (*tweak)(charging::Config&) = nullptr) {
  auto c = config(std::move(transport));
  if (tweak != nullptr) tweak(c);
  auto client = charging::Client::create(c);
  if (!client) {
    ADD_FAILURE() << client.error().message;
    std::abort();
  }
  return *client;
}

std::shared_ptr<paygw::testing::ReplayTransport> replay(const std::string& name) {
  auto r = paygw::testing::ReplayTransport::from_files({test::fixture_path("charging/" + name + ".json")});
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : std::make_shared<paygw::testing::ReplayTransport>();
}

TEST(ChargingSign, SpecVectors) {
  const Secret key(kKey);
  charging::SignFields f{"3681148751", "charging", "323233", "VIETTEL", "312821445892982", "10004783347874"};
  EXPECT_EQ(*charging::sign(key, f, charging::sign_scheme_a), "355fe672fab7aa2a46b1c46c299d5ef6");
  EXPECT_EQ(*charging::sign(key, f, charging::sign_scheme_b), "a3b840dac308d4cae13171dad2f04d3f");
  f.command = "check";
  EXPECT_EQ(*charging::sign(key, f, charging::sign_scheme_b), "1b88f251bb52eaada6f62dc559ea2ab1");
  EXPECT_EQ(*charging::sign(key, f, charging::sign_scheme_a), "355fe672fab7aa2a46b1c46c299d5ef6");
  // A custom scheme plugs in the same way (the legacy /chargingws sign:
  // md5(partner_id + key + telco + code + serial + amount + request_id)).
  charging::SignScheme legacy = [](std::string_view k, const charging::SignFields& s) {
    return std::string(s.partner_id) + std::string(k) + std::string(s.telco) + std::string(s.code) +
           std::string(s.serial) + "50000" + std::string(s.request_id);
  };
  EXPECT_EQ(*charging::sign(key, f, legacy), "81653e85851437907aaadbb907e08f55");
}

TEST(ChargingClient, SubmitEveryStatus) {
  auto r = replay("submit");
  auto client = make(r);
  struct Expect {
    int code;
    Status status;
    bool final;
    bool credits;
  };
  const Expect expected[] = {
      {99, Status::kPending, false, false},          {1, Status::kSuccess, true, true},
      {2, Status::kWrongValue, true, true},          {3, Status::kCardError, true, false},
      {4, Status::kMaintenance, true, false},        {100, Status::kSubmitFailed, true, false},
      {102, Status::kDuplicateRequest, true, false}, {102, Status::kSubmitFailed, true, false},
      {7, Status::kUnknown, false, false},
  };
  std::vector<charging::ChargeResult> results;
  for (const auto& e : expected) {
    auto result = client.submit(kCard);
    ASSERT_TRUE(result.ok()) << describe(result.error());
    EXPECT_EQ(result->status_code, e.code);
    EXPECT_EQ(result->status, e.status) << charging::to_string(result->status);
    EXPECT_EQ(result->is_final(), e.final) << e.code;
    EXPECT_EQ(result->credits(), e.credits) << e.code;
    results.push_back(*result);
  }
  // The seed's pending response: amount is an expected payout, value null.
  EXPECT_EQ(results[0].message, "PENDING");
  EXPECT_EQ(results[0].trans_id, "8");
  EXPECT_EQ(results[0].amount, 35000);
  EXPECT_EQ(results[0].value, std::nullopt);
  EXPECT_EQ(results[0].declared_value, 50000);
  EXPECT_EQ(results[1].message, "Thành công");
  EXPECT_EQ(results[2].value, 20000);
  EXPECT_EQ(results[2].amount, 10000);
  EXPECT_EQ(results[5].message, "Gửi thẻ thất bại - Mã thẻ đã được sử dụng");
  // The kept JSON never holds the card code or serial.
  for (const auto& res : results) {
    EXPECT_EQ(res.json.find(kCard.code), std::string::npos) << res.json;
    EXPECT_EQ(res.json.find(kCard.serial), std::string::npos) << res.json;
  }

  // Failures that leave the outcome unknown: never resubmit, check instead.
  auto bad_gateway = client.submit(kCard);
  ASSERT_FALSE(bad_gateway.ok());
  EXPECT_EQ(bad_gateway.error().code, ErrorCode::kHttpStatus);
  EXPECT_TRUE(bad_gateway.error().outcome_unknown());
  auto not_json = client.submit(kCard);
  ASSERT_FALSE(not_json.ok());
  EXPECT_EQ(not_json.error().code, ErrorCode::kMalformed);
  EXPECT_TRUE(not_json.error().outcome_unknown());
  auto timeout = client.submit(kCard);
  ASSERT_FALSE(timeout.ok());
  EXPECT_EQ(timeout.error().code, ErrorCode::kTimeout);
  EXPECT_TRUE(timeout.error().outcome_unknown());
  EXPECT_EQ(timeout.error().attempts, 1);
  EXPECT_EQ(r->report(), "");
}

TEST(ChargingClient, CheckParsesStringsAndNotFound) {
  auto r = replay("check");
  auto client = make(r);
  auto pending = client.check(kCard);
  ASSERT_TRUE(pending.ok()) << describe(pending.error());
  EXPECT_EQ(pending->status, Status::kPending);
  auto done = client.check(kCard);
  ASSERT_TRUE(done.ok()) << describe(done.error());
  EXPECT_EQ(done->status, Status::kSuccess);
  EXPECT_EQ(done->amount, 35000);
  EXPECT_EQ(done->value, 50000);
  EXPECT_EQ(done->declared_value, 50000);
  EXPECT_EQ(done->trans_id, "8");
  auto missing = client.check(kCard);
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->status, Status::kNotFound);
  EXPECT_EQ(missing->message, "CARD_NOT_EXISTED");
  EXPECT_EQ(r->report(), "");
}

TEST(ChargingClient, SchemeBAsJsonAndSchemeAAsQuery) {
  auto b = replay("submit-scheme-b-json");
  auto json_client = make(b, [](charging::Config& c) {
    c.sign_scheme = charging::sign_scheme_b;
    c.encoding = charging::Encoding::kJson;
  });
  ASSERT_TRUE(json_client.submit(kCard).ok());
  EXPECT_EQ(b->report(), "");

  auto q = replay("submit-query");
  auto query_client = make(q, [](charging::Config& c) { c.encoding = charging::Encoding::kQuery; });
  ASSERT_TRUE(query_client.submit(kCard).ok());
  EXPECT_EQ(q->report(), "");
}

TEST(ChargingClient, FeeTableBothShapesExactPercentages) {
  auto r = replay("getfee");
  auto client = make(r);
  auto flat = client.get_fees();
  ASSERT_TRUE(flat.ok()) << describe(flat.error());
  ASSERT_EQ(flat->rows.size(), 4u);
  EXPECT_EQ(flat->skipped_rows, 2u);
  EXPECT_EQ(flat->rows[0].telco, "VIETTEL");
  EXPECT_EQ(flat->rows[0].value, 10000);
  EXPECT_EQ(flat->rows[0].fees.ten_thousandths, 98000);
  EXPECT_EQ(flat->rows[0].fees.to_string(), "9.8");
  EXPECT_EQ(flat->rows[1].fees.to_string(), "17.5");
  EXPECT_EQ(flat->rows[1].penalty.to_string(), "50");
  EXPECT_EQ(flat->rows[2].fees.to_string(), "100");
  EXPECT_EQ(flat->rows[3].fees.ten_thousandths, 122500);
  EXPECT_EQ(flat->rows[3].value, 20000);

  auto grouped = client.get_fees();
  ASSERT_TRUE(grouped.ok()) << describe(grouped.error());
  ASSERT_EQ(grouped->rows.size(), 2u);
  EXPECT_EQ(grouped->rows[1].telco, "ZING");  // from the group key
  EXPECT_EQ(grouped->rows[1].value, 20000);

  auto down = client.get_fees();  // a read: 503 is retried (3 attempts by default), then returned
  ASSERT_FALSE(down.ok());
  EXPECT_EQ(down.error().http_status, 503);
  EXPECT_EQ(down.error().attempts, 3);
  EXPECT_EQ(r->report(), "");
}

TEST(ChargingClient, ValidationSendsNothing) {
  auto r = std::make_shared<paygw::testing::ReplayTransport>();
  auto client = make(r);
  auto invalid = [&](charging::CardRequest card, const std::string& fragment) {
    auto res = client.submit(card);
    ASSERT_FALSE(res.ok());
    EXPECT_EQ(res.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(res.error().message.find(fragment), std::string::npos) << res.error().message;
    EXPECT_EQ(res.error().message.find(card.code.empty() ? "\x01" : card.code), std::string::npos)
        << "the code must not be echoed";
  };
  invalid({"SFONE", "1234", "5678", 50000, "r1"}, "unknown telco");
  invalid({"VIETTEL", "", "5678", 50000, "r1"}, "code");
  invalid({"VIETTEL", "12 34", "5678", 50000, "r1"}, "code");
  invalid({"VIETTEL", "1234", "", 50000, "r1"}, "serial");
  invalid({"VIETTEL", "1234", "56-78", 50000, "r1"}, "serial");
  invalid({"VIETTEL", "1234", "5678", 45000, "r1"}, "denomination");
  invalid({"VIETTEL", "1234", "5678", -50000, "r1"}, "denomination");
  invalid({"VIETTEL", "1234", "5678", 50000, ""}, "request_id");
  invalid({"VIETTEL", "1234", "5678", 50000, std::string(65, 'r')}, "request_id");
  invalid({"VIETTEL", "1234", "5678", 50000, "has space"}, "request_id");
  EXPECT_TRUE(r->requests().empty());
}

TEST(ChargingClient, TelcoAliases) {
  EXPECT_EQ(charging::canonical_telco("viettel"), "VIETTEL");
  EXPECT_EQ(charging::canonical_telco("VT"), "VIETTEL");
  EXPECT_EQ(charging::canonical_telco("Vietnamobile"), "VNMOBI");
  EXPECT_EQ(charging::canonical_telco("vnmb"), "VNMOBI");
  EXPECT_EQ(charging::canonical_telco("SFONE"), "");
  // A client's own aliases are used when it validates a card.
  auto client = make(std::make_shared<paygw::testing::ReplayTransport>(),
                     [](charging::Config& c) { c.telco_aliases["viettel-card"] = "VIETTEL"; });
  auto res = client.submit({"viettel-card", "1234", "5678", 45000, "r1"});
  ASSERT_FALSE(res.ok());
  EXPECT_NE(res.error().message.find("VIETTEL denomination"), std::string::npos) << res.error().message;
}

TEST(ChargingConfig, RejectsIncompleteConfiguration) {
  auto t = std::make_shared<paygw::testing::ReplayTransport>();
  const std::pair<void (*)(charging::Config&), const char*> bad[] = {
      {[](charging::Config& c) { c.base_url.clear(); }, "base_url"},
      {[](charging::Config& c) { c.base_url = "http://thesieure.com"; }, "https"},
      {[](charging::Config& c) { c.partner_id.clear(); }, "partner_id"},
      {[](charging::Config& c) { c.partner_key = Secret(); }, "partner_key"},
      {[](charging::Config& c) { c.sign_scheme = nullptr; }, "sign_scheme"},
      {[](charging::Config& c) { c.path = "chargingws"; }, "path"},
      {[](charging::Config& c) { c.denominations["VIETTEL"].clear(); }, "denominations"},
      {[](charging::Config& c) { c.transport.reset(); }, "transport"},
  };
  for (const auto& [mutate, fragment] : bad) {
    auto c = config(t);
    mutate(c);
    auto res = charging::Client::create(c);
    ASSERT_FALSE(res.ok()) << fragment;
    EXPECT_EQ(res.error().code, ErrorCode::kConfig);
    EXPECT_NE(res.error().message.find(fragment), std::string::npos) << res.error().message;
  }
}

}  // namespace
