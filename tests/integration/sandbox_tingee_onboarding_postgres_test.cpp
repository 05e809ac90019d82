// SPDX-License-Identifier: MIT
// Integration: Tingee onboarding (ADR 0054) with its state in a PostgreSQL store, through the real
// client against the sandbox: the VA link flow resumed on a new connection, two resumers on
// separate connections racing on one flow (create-va sent exactly once), and the hosted bank-link
// session flow. The program starts its own PostgreSQL server (tests/support/pg_main.hpp): exit 77
// (skipped) only when none is installed, a failure when PAYGW_REQUIRE_POSTGRES is set.
#include "onboarding_world.hpp"
#include "pg_main.hpp"

#include <paygw/store/postgres.hpp>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace paygw::it {
namespace {

/// A store on a new set of connections to database `db` (created on first use).
std::shared_ptr<PaymentStore> open(const std::string& db) {
  static std::mutex mu;
  static std::map<std::string, std::string> conninfo;
  std::string info;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = conninfo.find(db);
    if (it == conninfo.end()) it = conninfo.emplace(db, test::pg_server().create_database(db)).first;
    info = it->second;
  }
  postgres::StoreOptions o;
  o.conninfo = info;
  o.max_connections = 2;
  auto s = postgres::open_store(o);
  EXPECT_TRUE(s.ok()) << describe(s.error());
  return s.ok() ? *s : nullptr;
}

/// The sandbox's VAs of `account`.
std::vector<tingee::VirtualAccount> vas(const std::string& account) { return sandbox_vas(tingee_client(), account); }

TEST(SandboxOnboardingPostgres, LinksWithAnOtpAndResumesOnANewConnection) {
  auto counting = std::make_shared<FaultyTransport>();  // counts each operation; no fault armed
  const auto client = sandbox_client_with(counting);
  const std::string account = "PG" + unique_id();
  const std::string id = "pg-link-" + account;
  {
    auto o = Onboarding::link(client, open("onboarding"), id, va_request(account));
    ASSERT_OK(o);
    auto created = o->advance();
    ASSERT_OK(created);
    EXPECT_EQ(created->state, OnboardingState::kAwaitingOtp) << created->message;
  }  // the process dies; another resumes on its own connections
  auto o = Onboarding::resume(client, open("onboarding"), id);
  ASSERT_OK(o);
  EXPECT_EQ(o->status().state, OnboardingState::kAwaitingOtp);
  auto done = o->submit_otp(kOtp);
  ASSERT_OK(done);
  EXPECT_EQ(done->state, OnboardingState::kDone) << done->message;
  const auto all = vas(account);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].status, "active");
  EXPECT_EQ(all[0].va_account_number, done->va_account_number);
  EXPECT_EQ(counting->sent("create-va"), 1);
  EXPECT_EQ(counting->sent("confirm-va"), 1);
}

TEST(SandboxOnboardingPostgres, TwoResumersOnSeparateConnectionsSendCreateVaOnce) {
  constexpr int kRounds = 5;
  for (int round = 0; round < kRounds; ++round) {
    auto counting = std::make_shared<FaultyTransport>();  // counts each operation; no fault armed
    const auto client = sandbox_client_with(counting);
    const std::string account = "PR" + unique_id();
    const std::string id = "pg-race-" + account;
    std::mutex mu;
    std::condition_variable cv;
    int ready = 0;
    std::atomic<int> advanced{0}, refused{0}, other{0};
    auto resumer = [&] {
      auto store = open("onboarding_race");  // its own connections
      auto o = Onboarding::link(client, store, id, va_request(account));
      {
        std::unique_lock<std::mutex> lock(mu);
        ++ready;
        cv.notify_all();
        cv.wait(lock, [&] { return ready == 2; });  // both go at once
      }
      if (!o.ok()) {
        ++other;
        return;
      }
      auto r = o->advance();
      if (r.ok()) {
        ++advanced;
      } else if (r.error().message.find("superseded") != std::string::npos ||
                 r.error().message.find("in flight") != std::string::npos) {
        ++refused;
      } else {
        ++other;
        ADD_FAILURE() << describe(r.error());
      }
    };
    std::thread a(resumer);
    std::thread b(resumer);
    a.join();
    b.join();
    EXPECT_EQ(other.load(), 0);
    EXPECT_GE(advanced.load(), 1);
    EXPECT_EQ(advanced.load() + refused.load(), 2);
    EXPECT_EQ(counting->sent("create-va"), 1) << "round " << round;
    EXPECT_EQ(vas(account).size(), 1u) << "exactly one create-va reached the sandbox";
    auto o = Onboarding::resume(client, open("onboarding_race"), id);
    ASSERT_OK(o);
    EXPECT_EQ(o->status().state, OnboardingState::kAwaitingOtp);
    auto done = o->submit_otp(kOtp);
    ASSERT_OK(done);
    EXPECT_EQ(done->state, OnboardingState::kDone) << done->message;
  }
}

TEST(SandboxOnboardingPostgres, BankLinkSessionFinishedByCheckAndByTheWebhook) {
  auto counting = std::make_shared<FaultyTransport>();  // counts each operation; no fault armed
  const auto client = sandbox_client_with(counting);
  tingee::CreateBankLinkSessionRequest r;
  r.bank_name = "BIDV";
  for (const bool by_webhook : {false, true}) {
    const std::string account = "PB" + unique_id();
    const std::string id = "pg-bank-link-" + account;
    const std::string hook = "/pg-bank-link/" + id;
    auto o = Onboarding::bank_link(client, open("onboarding"), id, r, by_webhook ? "" : account);
    ASSERT_OK(o);
    auto opened = o->advance();
    ASSERT_OK(opened);
    ASSERT_EQ(opened->state, OnboardingState::kAwaitingHolder) << opened->message;
    ASSERT_EQ(complete_page(opened->request_id, account, hook), 200);
    auto resumed = Onboarding::resume(client, open("onboarding"), id);  // a new instance, new connections
    ASSERT_OK(resumed);
    Result<tingee::OnboardingStatus> done = resumed->status();
    if (by_webhook) {
      done = resumed->apply(the_event(hook));
    } else {
      done = resumed->advance();
    }
    ASSERT_OK(done);
    EXPECT_EQ(done->state, OnboardingState::kDone) << done->message;
    EXPECT_EQ(done->step, OnboardingStep::kBankLinkSession);
    EXPECT_EQ(done->account_number, account);
    const auto all = vas(account);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].va_account_number, done->va_account_number);
  }
  EXPECT_EQ(counting->sent("create-bank-link-session"), 2);
}

}  // namespace
}  // namespace paygw::it

int main(int argc, char** argv) { return paygw::test::pg_test_main(argc, argv); }
