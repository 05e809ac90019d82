// SPDX-License-Identifier: MIT
// Integration: every card-charging call, blocking and async, in each encoding (form POST, JSON with
// sign scheme B, query GET), through libcurl against paygw-sandbox; and its callbacks verified and
// applied once by paygw.
#include <paygw/charging/profiles.hpp>

#include "sandbox_fixture.hpp"

#include <algorithm>

namespace paygw::it {
namespace {

// A client in `encoding` (JSON with sign scheme B, as the table's charging_json client) at `url`.
charging::Client client(charging::Encoding encoding, const std::string& url, const char* key = kChargingKey) {
  charging::Config c;
  c.base_url = url;
  c.partner_id = kChargingId;
  c.partner_key = Secret(key);
  c.encoding = encoding;
  if (encoding == charging::Encoding::kJson) c.sign_scheme = charging::sign_scheme_b;
  c.transport = transport();
  c.timeout = 10s;
  return *charging::Client::create(c);
}

// A card of `value` whose serial and request_id no other check uses.
charging::CardRequest card(const std::string& code, Vnd value) {
  const std::string id = unique_id();
  std::string serial = "5";
  for (char ch : id) {
    if (ch >= '0' && ch <= '9') serial += ch;
  }
  return {"VIETTEL", code, serial, value, "it-" + id};
}

// Card codes script the sandbox's answer by their last digit: 1 success at once, 3 card error,
// 0 submit failed, 5 pending then success.
void check_submit(charging::Encoding encoding, const std::string& url, bool async) {
  auto c = client(encoding, url);
  const auto good = card("1234567891", 50000);
  auto instant = IT_CALL(async, c, submit, (good));
  ASSERT_OK(instant);
  EXPECT_EQ(instant->status, charging::Status::kSuccess);
  EXPECT_EQ(instant->request_id, good.request_id);
  EXPECT_EQ(instant->declared_value, 50000);
  EXPECT_EQ(instant->value, 50000);
  EXPECT_EQ(instant->amount, 35000) << "the value less the sandbox's 30 % fee";
  EXPECT_TRUE(instant->credits());
  auto duplicate = IT_CALL(async, c, submit, (good));
  ASSERT_OK(duplicate);
  EXPECT_EQ(duplicate->status, charging::Status::kDuplicateRequest);
  EXPECT_FALSE(duplicate->credits());
  auto bad = IT_CALL(async, c, submit, (card("1234567893", 100000)));
  ASSERT_OK(bad);
  EXPECT_EQ(bad->status, charging::Status::kCardError);
  EXPECT_EQ(bad->amount, 0);
  auto pending = IT_CALL(async, c, submit, (card("1234567895", 20000)));
  ASSERT_OK(pending);
  EXPECT_EQ(pending->status, charging::Status::kPending);
  EXPECT_FALSE(pending->is_final());
  auto forged = IT_CALL(async, client(encoding, url, "wrong-key"), submit, (card("1234567891", 50000)));
  ASSERT_OK(forged);
  EXPECT_EQ(forged->status, charging::Status::kSubmitFailed);
  EXPECT_EQ(forged->message, "INVALID_SIGNATURE");
  auto invalid = IT_CALL(async, c, submit, (card("1234567891", 12345)));  // no such denomination
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(invalid.error().delivery, Delivery::kNotSent);
}

void check_check(charging::Encoding encoding, const std::string& url, bool async) {
  auto c = client(encoding, url);
  const auto slow = card("1234567895", 100000);
  auto submitted = c.submit(slow);
  ASSERT_OK(submitted);
  ASSERT_EQ(submitted->status, charging::Status::kPending);
  charging::ChargeResult last = *submitted;
  for (int i = 0; i < 100 && !last.is_final(); ++i) {
    std::this_thread::sleep_for(20ms);
    auto checked = IT_CALL(async, c, check, (slow));
    ASSERT_OK(checked);
    EXPECT_EQ(checked->request_id, slow.request_id);
    last = *checked;
  }
  EXPECT_EQ(last.status, charging::Status::kSuccess) << "final within 2 s (--charging-delay-ms 100)";
  EXPECT_EQ(last.amount, 70000);
  auto missing = IT_CALL(async, c, check, (card("1234567895", 100000)));
  ASSERT_OK(missing);
  EXPECT_EQ(missing->status, charging::Status::kNotFound);
}

// Scheme B is a setting of the sandbox: the JSON client's checks run against one of their own.
Checks charging_checks(const std::string& scheme_b_url) {
  using charging::Encoding;
  Checks k;
  for (const auto& [prefix, encoding] : {std::pair<std::string, Encoding>{"charging.", Encoding::kForm},
                                         {"charging_json.", Encoding::kJson},
                                         {"charging_query.", Encoding::kQuery}}) {
    const std::string at = encoding == Encoding::kJson ? scheme_b_url : std::string();
    const Encoding e = encoding;
    k[prefix + "submit"] = [e, at](const std::string& url, bool async) {
      check_submit(e, at.empty() ? url : at, async);
    };
    k[prefix + "check"] = [e, at](const std::string& url, bool async) { check_check(e, at.empty() ? url : at, async); };
  }
  k["charging.get_fees"] = [](const std::string& url, bool async) {
    auto fees = IT_CALL(async, client(charging::Encoding::kForm, url), get_fees, ());
    ASSERT_OK(fees);
    ASSERT_EQ(fees->rows.size(), 18u) << "3 telcos x 6 values";
    EXPECT_EQ(fees->rows[0].telco, "VIETTEL");
    EXPECT_EQ(fees->rows[0].value, 10000);
    EXPECT_EQ(fees->rows[0].fees.to_string(), "30");
    EXPECT_EQ(fees->rows[0].penalty.to_string(), "50");
  };
  k["charging.get_price_table"] = [](const std::string& url, bool async) {
    auto c = client(charging::Encoding::kForm, url);
    auto prices = IT_CALL(async, c, get_price_table, ());
    ASSERT_OK(prices);
    // The same rows as getfee, grouped by telco, and a telco listed with no card accepted now.
    auto fees = c.get_fees();
    ASSERT_OK(fees);
    ASSERT_EQ(prices->table.rows.size(), fees->rows.size());
    for (const auto& fee : fees->rows) {
      const auto same = std::find_if(prices->table.rows.begin(), prices->table.rows.end(), [&](const auto& row) {
        return row.telco == fee.telco && row.value == fee.value && row.fees.to_string() == fee.fees.to_string() &&
               row.penalty.to_string() == fee.penalty.to_string();
      });
      EXPECT_NE(same, prices->table.rows.end()) << fee.telco << " " << fee.value;
    }
    EXPECT_EQ(prices->telcos, (std::vector<std::string>{"VIETTEL", "VINAPHONE", "MOBIFONE", "VIETNAMOBILE"}));
    // A profile whose host is not known to serve it: refused, nothing sent.
    charging::Config none;
    none.base_url = url;
    none.partner_id = kChargingId;
    none.partner_key = Secret(kChargingKey);
    none.transport = transport();
    auto card2k = charging::profile("card2k");
    ASSERT_OK(card2k);
    auto base = none.base_url;
    ASSERT_OK(charging::apply_profile(*card2k, none));
    none.base_url = base;
    auto refused = IT_CALL(async, *charging::Client::create(none), get_price_table, ());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(refused.error().delivery, Delivery::kNotSent);
  };
  k["charging.check_serial"] = [](const std::string& url, bool async) {
    auto c = client(charging::Encoding::kForm, url);
    const auto used = card("1234567891", 50000);     // charged at once
    const auto waiting = card("1234567895", 20000);  // pending
    ASSERT_OK(c.submit(used));
    ASSERT_OK(c.submit(waiting));
    auto checked = IT_CALL(async, c, check_serial, (charging::SerialCheckRequest{"VT", used.serial}));
    ASSERT_OK(checked);
    EXPECT_EQ(checked->check_status, "checked");
    EXPECT_EQ(checked->serial, used.serial);
    EXPECT_EQ(checked->card_status, "unavailable");
    EXPECT_EQ(checked->value.value_or(0), 50000);
    EXPECT_EQ(checked->acc_charged, kChargingId);
    EXPECT_EQ(checked->date_used.size(), 10u) << checked->date_used;
    auto pending = IT_CALL(async, c, check_serial, (charging::SerialCheckRequest{"VIETTEL", waiting.serial}));
    ASSERT_OK(pending);  // "processing" until it settles (--charging-delay-ms), then "unavailable"
    EXPECT_TRUE(pending->card_status == "processing" || pending->card_status == "unavailable") << pending->card_status;
    auto fresh = IT_CALL(async, c, check_serial, (charging::SerialCheckRequest{"VIETTEL", "9" + used.serial}));
    ASSERT_OK(fresh);
    EXPECT_EQ(fresh->card_status, "available");
    EXPECT_FALSE(fresh->value.has_value());
    // The serial of another telco's card is not that card.
    auto other = IT_CALL(async, c, check_serial, (charging::SerialCheckRequest{"MOBIFONE", used.serial}));
    ASSERT_OK(other);
    EXPECT_EQ(other->card_status, "available");
    auto forged = IT_CALL(async, client(charging::Encoding::kForm, url, "wrong-key"), check_serial,
                          (charging::SerialCheckRequest{"VIETTEL", used.serial}));
    ASSERT_FALSE(forged.ok());
    EXPECT_EQ(forged.error().code, ErrorCode::kProvider);
    EXPECT_EQ(forged.error().message, "INVALID_SIGNATURE");
    auto bad = IT_CALL(async, c, check_serial, (charging::SerialCheckRequest{"VIETTEL", "12-34"}));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(bad.error().delivery, Delivery::kNotSent);
  };
  return k;
}

TEST(SandboxCharging, EveryCallBlockingAndAsync) {
  Sandbox scheme_b({"--charging-scheme", "B", "--charging-delay-ms", "100"});
  ASSERT_FALSE(scheme_b.url().empty()) << scheme_b.output();
  EXPECT_EQ(run_every_row("charging", charging_checks(scheme_b.url()), sandbox().url()), 9u);
}

TEST(SandboxCharging, CallbackDuplicatesAndLatePendingCreditOnce) {
  auto c = charging_client();
  const std::string id = "cb-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  const charging::CardRequest card{"VIETTEL", "9876543215", "4444", 50000, id};
  auto submitted = c.submit(card);
  ASSERT_TRUE(submitted.ok());
  ASSERT_EQ(submitted->status, charging::Status::kPending);
  const charging::Submission stored{card.request_id, "VIETTEL", card.code, card.serial, card.declared_value};

  std::vector<Receiver::Hit> mine;
  for (int i = 0; i < 100 && mine.size() < 3; ++i) {
    std::this_thread::sleep_for(20ms);
    mine.clear();
    for (const auto& h : receiver().hits("/charge/callback")) {
      if (h.body.find(id) != std::string::npos) mine.push_back(h);
    }
  }
  ASSERT_EQ(mine.size(), 3u) << "final, duplicate final, late pending";
  charging::ChargeResult state = *submitted;
  int applied = 0, duplicates = 0;
  for (const auto& hit : mine) {
    auto verified = charging::verify_callback({hit.query, hit.body}, Secret(kChargingKey), stored);
    ASSERT_TRUE(verified.ok()) << describe(verified.error());
    const auto d = charging::decide(state, *verified);
    if (d.action == charging::Action::kApply) {
      state = *verified;
      ++applied;
    } else if (d.action == charging::Action::kDuplicate) {
      ++duplicates;
      EXPECT_FALSE(d.conflicts && verified->is_final()) << "a redelivery of the same final result is not a conflict";
    }
  }
  EXPECT_EQ(applied, 1);
  EXPECT_EQ(duplicates, 2);
  EXPECT_EQ(state.status, charging::Status::kSuccess);
  EXPECT_EQ(state.amount, 35000);
}

}  // namespace
}  // namespace paygw::it
