// SPDX-License-Identifier: MIT
// Integration: Tingee VA onboarding (ADR 0054) with its state in a SQLite store, and two resumers
// in two PROCESSES (fork) racing on the same flow in one SQLite file: the store's versioned
// update lets exactly one send create-va, which the sandbox's state shows (one VA of the account).
#include "onboarding_world.hpp"

#include <paygw/store/sqlite.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace paygw::it {
namespace {

std::shared_ptr<PaymentStore> open(const std::string& path) {
  sqlite::StoreOptions o;
  o.path = path;
  auto s = sqlite::open_store(o);
  return s.ok() ? *s : nullptr;
}

/// A resumer process: waits for the start byte, then link() + advance(). Exit 0: advanced (sent
/// create-va, or found it done), 1: superseded by the other process, 2: anything else.
int resumer(const std::string& path, const std::string& id, const std::string& account, int start_fd) {
  char go = 0;
  if (read(start_fd, &go, 1) != 1) return 2;
  auto store = open(path);
  if (!store) return 2;
  auto client = tingee_client();
  auto o = Onboarding::link(client, store, id, va_request(account), {});
  if (!o.ok()) return o.error().message.find("superseded") != std::string::npos ? 1 : 2;
  auto r = o->advance();
  if (r.ok()) return 0;
  return r.error().message.find("superseded") != std::string::npos ||
                 r.error().message.find("in flight") != std::string::npos
             ? 1
             : 2;
}

TEST(SandboxOnboardingSqlite, TwoProcessesRacingOnOneFlowSendCreateVaOnce) {
  char dir_template[] = "/tmp/paygw-onboarding-XXXXXX";
  ASSERT_NE(mkdtemp(dir_template), nullptr);
  const std::string path = std::string(dir_template) + "/flows.db";
  const std::string account = "OS" + unique_id();
  const std::string id = "sqlite-race-" + account;
  ASSERT_NE(open(path), nullptr) << "the SQLite store opens (schema created before the race)";
  ASSERT_FALSE(sandbox().url().empty());
  int start[2];
  ASSERT_EQ(pipe(start), 0);
  pid_t pids[2];
  for (pid_t& pid : pids) {
    pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(start[1]);
      _exit(resumer(path, id, account, start[0]));
    }
  }
  close(start[0]);
  ASSERT_EQ(write(start[1], "gg", 2), 2);  // both go at once
  close(start[1]);
  int exits[2] = {-1, -1};
  for (int i = 0; i < 2; ++i) {
    int status = 0;
    ASSERT_EQ(waitpid(pids[i], &status, 0), pids[i]);
    ASSERT_TRUE(WIFEXITED(status));
    exits[i] = WEXITSTATUS(status);
  }
  EXPECT_LE(exits[0], 1);
  EXPECT_LE(exits[1], 1);
  EXPECT_EQ((exits[0] == 0) + (exits[1] == 0), exits[0] + exits[1] == 0 ? 2 : 1);

  // The sandbox's state: one VA of the account, so exactly one create-va reached it.
  auto client = tingee_client();
  tingee::GetVaPagingRequest q;
  q.filter = account;
  q.max_result_count = 100;
  auto page = client.get_va_paging(q);
  ASSERT_OK(page);
  int of_account = 0;
  for (const auto& va : page->items) of_account += va.account_number == account ? 1 : 0;
  EXPECT_EQ(of_account, 1) << "exactly one create-va reached the sandbox";

  // This process resumes the flow from the file and finishes it with the OTP.
  auto store = open(path);
  ASSERT_NE(store, nullptr);
  auto o = Onboarding::resume(client, store, id, {});
  ASSERT_OK(o);
  EXPECT_EQ(o->status().state, OnboardingState::kAwaitingOtp);
  auto done = o->submit_otp("123456");
  ASSERT_OK(done);
  EXPECT_EQ(done->state, OnboardingState::kDone) << done->message;
  auto again = Onboarding::resume(client, open(path), id, {});  // a fresh connection sees it done
  ASSERT_OK(again);
  EXPECT_EQ(again->status().state, OnboardingState::kDone);
  std::error_code ec;
  std::filesystem::remove_all(dir_template, ec);
}

}  // namespace
}  // namespace paygw::it
