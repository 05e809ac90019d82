// SPDX-License-Identifier: MIT
// Integration: Tingee onboarding through the hosted bank-link page (paygw/tingee/onboarding.hpp,
// ADR 0054 "Bank-link sessions") against the sandbox's page (POST /_sandbox/tingee/bank-link), which
// completes a session and delivers its signed bank-link webhook, its state in a PaymentStore.
#include "onboarding_world.hpp"

#include <string>

namespace paygw::it {
namespace {

// --- Bank-link sessions (Tingee's hosted page): create-bank-link-session -> awaiting_holder with
// the page's URL -> done by the session's bank-link event or by get-va-paging of the expected account.

TEST(SandboxOnboardingBankLink, TheSessionsWebhookLinksTheAccount) {
  World w;
  const std::string account = "BL" + unique_id();
  const std::string id = "bl-" + account;
  const std::string hook = "/bank-link/" + id;
  auto o = Onboarding::bank_link(w.client, w.store, id, session_request(), "", w.options());
  ASSERT_OK(o);
  EXPECT_EQ(o->status().state, OnboardingState::kReady);
  EXPECT_EQ(o->status().bank_bin, kBidv) << "bankName resolved to its BIN";
  auto opened = o->advance();
  EXPECT_STATE(opened, OnboardingState::kAwaitingHolder, OnboardingStep::kBankLinkSession);
  EXPECT_EQ(opened->session_url.rfind(sandbox().url() + "/_sandbox/tingee/bank-link?", 0), 0u) << opened->session_url;
  EXPECT_EQ(opened->request_id.rfind("BLS-", 0), 0u) << "the page's session id: " << opened->request_id;
  EXPECT_FALSE(o->submit_otp(kOtp).ok()) << "no OTP in a hosted session";
  EXPECT_STATE(o->advance(), OnboardingState::kAwaitingHolder, OnboardingStep::kBankLinkSession);
  EXPECT_EQ(w.faults->sent("get-va-paging"), 0) << "no expected account: nothing to read";

  // A forged webhook (not signed with the secret) never becomes an event.
  const std::string forged = nlohmann::json{
      {"requestId", opened->request_id},
      {"status", "confirm-va-success"},
      {"vaAccountNumber", "TNG1"},
      {"accountNumber", account},
      {"accountName", "X"}}.dump();
  EXPECT_FALSE(tingee::verify_webhook(
                   forged, {{"x-request-timestamp", "2026-01-01T00:00:00.000"}, {"x-signature", std::string(128, 'a')}},
                   Secret(kTingeeSecret))
                   .ok());
  // Verified events of something else do not complete it: another session, the flow id as requestId.
  auto other = Onboarding::bank_link(w.client, w.store, id + "-other", session_request(), "", w.options());
  ASSERT_OK(other);
  auto other_opened = other->advance();
  ASSERT_OK(other_opened);
  ASSERT_EQ(complete_page(other_opened->request_id, "OTHER" + account, hook + "-other"), 200);
  const tingee::BankLinkEvent unrelated = the_event(hook + "-other");
  EXPECT_EQ(unrelated.status, tingee::BankLinkStatus::kConfirmVaSuccess);
  EXPECT_STATE(o->apply(unrelated), OnboardingState::kAwaitingHolder, OnboardingStep::kBankLinkSession);
  tingee::BankLinkEvent by_flow_id = unrelated;
  by_flow_id.request_id = id;
  EXPECT_STATE(o->apply(by_flow_id), OnboardingState::kAwaitingHolder, OnboardingStep::kBankLinkSession);

  ASSERT_EQ(complete_page(opened->request_id, account, hook), 200);
  const tingee::BankLinkEvent event = the_event(hook);
  EXPECT_EQ(event.request_id, opened->request_id);
  auto done = o->apply(event);
  EXPECT_STATE(done, OnboardingState::kDone, OnboardingStep::kBankLinkSession);
  EXPECT_EQ(done->account_number, account);
  EXPECT_EQ(done->va_account_number, event.va_account_number);
  EXPECT_TRUE(done->session_url.empty()) << "the used page is forgotten";
  w.expect_one_active(account, done->va_account_number);
  EXPECT_EQ(w.faults->sent("create-bank-link-session"), 2) << "one session for each of the two flows";
  EXPECT_STATE(o->apply(event), OnboardingState::kDone, OnboardingStep::kBankLinkSession);
}

TEST(SandboxOnboardingBankLink, CheckProvesTheLinkFromANewInstance) {
  World w;
  const std::string account = "BL" + unique_id();
  const std::string id = "blc-" + account;
  std::string session;
  {
    auto o = Onboarding::bank_link(w.client, w.store, id, session_request(), account, w.options());
    ASSERT_OK(o);
    auto opened = o->advance();
    EXPECT_STATE(opened, OnboardingState::kAwaitingHolder, OnboardingStep::kBankLinkSession);
    session = opened->request_id;
    EXPECT_STATE(o->check(), OnboardingState::kAwaitingHolder, OnboardingStep::kBankLinkSession);
    EXPECT_EQ(w.faults->sent("get-va-paging"), 1) << "the expected account is looked up";
  }  // the process dies while the holder is on the page
  ASSERT_EQ(complete_page(session, account, "/bank-link/" + id), 200);
  auto o = Onboarding::resume(w.client, w.store, id, w.options());  // a new instance on the same store
  ASSERT_OK(o);
  EXPECT_EQ(o->status().state, OnboardingState::kAwaitingHolder);
  EXPECT_FALSE(o->status().session_url.empty()) << "the page's URL survives in the store";
  auto done = o->advance();
  EXPECT_STATE(done, OnboardingState::kDone, OnboardingStep::kBankLinkSession);
  w.expect_one_active(account, done->va_account_number);
  EXPECT_EQ(done->va_account_number, the_event("/bank-link/" + id).va_account_number);
  EXPECT_EQ(w.faults->sent("create-bank-link-session"), 1);
  auto again = Onboarding::bank_link(w.client, w.store, id, session_request(), account, w.options());
  ASSERT_OK(again);
  EXPECT_EQ(again->status().state, OnboardingState::kDone) << "bank_link() again resumes, nothing sent";
  EXPECT_FALSE(Onboarding::bank_link(w.client, w.store, id, session_request(), "X" + account, w.options()).ok());
}

TEST(SandboxOnboardingBankLink, CrashAfterRecordingSendingNeverOpensASecondSessionWhileOneMayExist) {
  World w;
  const std::string account = "BL" + unique_id();
  const std::string id = "blx-" + account;
  w.faults->arm({"create-bank-link-session", false, true, w.crash(id)});
  {
    auto o = Onboarding::bank_link(w.client, w.store, id, session_request(), account, w.options());
    ASSERT_OK(o);
    auto dying = o->advance();
    ASSERT_FALSE(dying.ok()) << "the dying process records nothing";
    EXPECT_EQ(dying.error().delivery, Delivery::kMaybeSent);
  }
  EXPECT_EQ(w.faults->sent("create-bank-link-session"), 1);
  auto o = Onboarding::bank_link(w.client, w.store, id, session_request(), account, w.options());
  ASSERT_OK(o);
  EXPECT_EQ(o->status().state, OnboardingState::kSending);
  auto early = o->advance();
  ASSERT_FALSE(early.ok()) << "a session that may be in flight elsewhere is waited for";
  EXPECT_NE(early.error().message.find("in flight"), std::string::npos) << early.error().message;
  EXPECT_EQ(w.faults->sent("create-bank-link-session"), 1);
  EXPECT_EQ(w.faults->sent("get-va-paging"), 0);
  w.clock->advance(16min);
  // Stale: looked up by the expected account; not linked -> a new session (the lost one's page
  // went to nobody, so it links nothing).
  EXPECT_STATE(o->advance(), OnboardingState::kReady, OnboardingStep::kBankLinkSession);
  EXPECT_EQ(w.faults->sent("get-va-paging"), 1);
  EXPECT_EQ(w.faults->sent("create-bank-link-session"), 1) << "check() sends no session";
  auto opened = o->advance();
  EXPECT_STATE(opened, OnboardingState::kAwaitingHolder, OnboardingStep::kBankLinkSession);
  ASSERT_EQ(complete_page(opened->request_id, account, "/bank-link/" + id), 200);
  EXPECT_STATE(o->apply(the_event("/bank-link/" + id)), OnboardingState::kDone, OnboardingStep::kBankLinkSession);
  EXPECT_EQ(w.faults->sent("create-bank-link-session"), 2);
}

TEST(SandboxOnboardingBankLink, CrashAfterRecordingSendingWithTheAccountLinkedSendsNothingMore) {
  World w;
  const std::string account = "BL" + unique_id();
  const std::string id = "bly-" + account;
  // The account gets linked (the holder, by the VA flow) while the session's answer is lost.
  w.faults->arm({"create-bank-link-session", false, true, [&w, id, account] {
                   w.crash(id)();
                   auto link = w.link("va-" + id, account);
                   ASSERT_OK(link.advance());
                   ASSERT_OK(link.submit_otp(kOtp));
                 }});
  {
    auto o = Onboarding::bank_link(w.client, w.store, id, session_request(), account, w.options());
    ASSERT_OK(o);
    ASSERT_FALSE(o->advance().ok());
  }
  w.clock->advance(16min);
  auto o = Onboarding::resume(w.client, w.store, id, w.options());  // no request: it could not send one
  ASSERT_OK(o);
  auto done = o->advance();
  EXPECT_STATE(done, OnboardingState::kDone, OnboardingStep::kBankLinkSession);
  w.expect_one_active(account, done->va_account_number);
  EXPECT_EQ(w.faults->sent("create-bank-link-session"), 1);
}

TEST(SandboxOnboardingBankLink, AFailedPageOpensANewSession) {
  World w;
  const std::string account = "BL" + unique_id();
  const std::string id = "blf-" + account;
  auto o = Onboarding::bank_link(w.client, w.store, id, session_request(), "", w.options());
  ASSERT_OK(o);
  auto opened = o->advance();
  ASSERT_OK(opened);
  ASSERT_EQ(complete_page(opened->request_id, account, "/bank-link/" + id, "confirm-va-failed"), 200);
  const tingee::BankLinkEvent failed = the_event("/bank-link/" + id);
  EXPECT_EQ(failed.status, tingee::BankLinkStatus::kConfirmVaFailed);
  EXPECT_STATE(o->apply(failed), OnboardingState::kReady, OnboardingStep::kBankLinkSession);
  auto reopened = o->advance();
  EXPECT_STATE(reopened, OnboardingState::kAwaitingHolder, OnboardingStep::kBankLinkSession);
  EXPECT_NE(reopened->request_id, opened->request_id);
  // The old session's event is not this one's.
  EXPECT_STATE(o->apply(failed), OnboardingState::kAwaitingHolder, OnboardingStep::kBankLinkSession);
}

}  // namespace
}  // namespace paygw::it
