// Integration: card charging through libcurl against paygw-sandbox, and its callbacks verified and
// applied once by paygw.
#include "sandbox_fixture.hpp"

namespace paygw::it {
namespace {

TEST(SandboxCharging, EveryCommand) {
  auto c = charging_client();
  const std::string id = "it-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  auto instant = c.submit({"VIETTEL", "1234567891", "5555", 50000, id + "-a"});
  ASSERT_TRUE(instant.ok()) << describe(instant.error());
  EXPECT_EQ(instant->status, charging::Status::kSuccess);
  EXPECT_EQ(instant->amount, 35000);

  const charging::CardRequest slow{"VIETTEL", "1234567895", "5556", 100000, id + "-b"};
  auto pending = c.submit(slow);
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->status, charging::Status::kPending);
  charging::ChargeResult last = *pending;
  for (int i = 0; i < 50 && !last.is_final(); ++i) {
    std::this_thread::sleep_for(20ms);
    auto checked = c.check(slow);
    ASSERT_TRUE(checked.ok());
    last = *checked;
  }
  EXPECT_EQ(last.status, charging::Status::kSuccess);

  auto duplicate = c.submit(slow);
  ASSERT_TRUE(duplicate.ok());
  EXPECT_EQ(duplicate->status, charging::Status::kDuplicateRequest);
  auto missing = c.check({"VIETTEL", "1234567895", "5556", 100000, id + "-nope"});
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->status, charging::Status::kNotFound);
  auto fees = c.get_fees();
  ASSERT_TRUE(fees.ok());
  EXPECT_FALSE(fees->rows.empty());
  EXPECT_EQ(fees->rows[0].fees.to_string(), "30");

  auto bad_key = charging_client(10s, "wrong-key").submit({"VIETTEL", "1234567891", "5557", 50000, id + "-c"});
  ASSERT_TRUE(bad_key.ok());
  EXPECT_EQ(bad_key->status, charging::Status::kSubmitFailed);
  EXPECT_EQ(bad_key->message, "INVALID_SIGNATURE");
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
