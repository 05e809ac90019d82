// SPDX-License-Identifier: MIT
// Integration: Tingee VA onboarding as a resumable flow (paygw/tingee/onboarding.hpp, ADR 0054)
// through the real client against the sandbox's stateful VA simulation (tools/sandbox/tingee_va.cpp,
// every OTP 123456, consumed by its first try), its state in a PaymentStore. A crash is simulated
// by dropping the object — after a write was sent, another "process" touches the flow so the dying
// one cannot record the answer — and resuming from the store; at the end the sandbox holds exactly
// one VA of the account, and no consumed OTP was ever sent again.
#include "onboarding_world.hpp"

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

namespace paygw::it {
namespace {

TEST(SandboxOnboarding, LinksWithAnOtpThenUnlinks) {
  World w;
  const std::string account = "ON" + unique_id();
  auto o = w.link("link-" + account, account);
  EXPECT_EQ(o.status().state, OnboardingState::kReady);
  EXPECT_EQ(o.status().request_id, "link-" + account) << "requestId defaults to the flow id";
  auto created = o.advance();
  EXPECT_STATE(created, OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmVa);
  EXPECT_FALSE(created->confirm_id.empty());
  EXPECT_EQ(created->otp_method, "SMSTTT");
  EXPECT_EQ(o.advance()->state, OnboardingState::kAwaitingOtp) << "advance() waits for the OTP";
  auto linked = o.submit_otp(kOtp);
  EXPECT_STATE(linked, OnboardingState::kDone, OnboardingStep::kConfirmVa);
  w.expect_one_active(account, linked->va_account_number);
  EXPECT_FALSE(o.submit_otp(kOtp).ok()) << "a finished flow sends nothing";

  tingee::DeleteVaRequest del;
  del.bank_bin = kBidv;
  del.va_account_number = linked->va_account_number;
  auto u = Onboarding::unlink(w.client, w.store, "unlink-" + account, del, w.options());
  ASSERT_OK(u);
  EXPECT_STATE(u->advance(), OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmDeleteVa);
  EXPECT_STATE(u->submit_otp(kOtp), OnboardingState::kDone, OnboardingStep::kConfirmDeleteVa);
  EXPECT_TRUE(w.vas(account).empty());
}

TEST(SandboxOnboarding, ResumesFromTheStoreAfterEveryStep) {
  World w;
  const std::string account = "ON" + unique_id();
  const std::string id = "resume-" + account;
  { EXPECT_STATE(w.link(id, account).advance(), OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmVa); }
  {
    // A new process, without the create-va request: it can still confirm.
    auto o = Onboarding::resume(w.client, w.store, id, w.options());
    ASSERT_OK(o);
    EXPECT_EQ(o->status().state, OnboardingState::kAwaitingOtp);
    EXPECT_STATE(o->submit_otp(kOtp), OnboardingState::kDone, OnboardingStep::kConfirmVa);
  }
  auto again = w.link(id, account);  // link() again with the same flow id: resumed, nothing sent
  EXPECT_EQ(again.status().state, OnboardingState::kDone);
  EXPECT_EQ(w.faults->sent("create-va"), 1);
  w.expect_one_active(account, again.status().va_account_number);
  auto other = Onboarding::link(w.client, w.store, id, World::request("OTHER" + account), w.options());
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kInvalidArgument);
}

TEST(SandboxOnboarding, CrashBeforeCreateVaWasSentCreatesOnce) {
  World w;
  const std::string account = "ON" + unique_id();
  const std::string id = "c0-" + account;
  w.faults->arm({"create-va", true, false, w.crash(id)});
  auto dying = w.link(id, account).advance();
  ASSERT_FALSE(dying.ok()) << "the dying process records nothing";
  w.faults->clear();
  auto o = w.link(id, account);
  EXPECT_EQ(o.status().state, OnboardingState::kSending);
  auto early = o.advance();
  ASSERT_FALSE(early.ok()) << "a write in flight elsewhere is waited for";
  EXPECT_NE(early.error().message.find("in flight"), std::string::npos) << early.error().message;
  EXPECT_EQ(w.faults->sent("get-va-paging"), 0);
  w.clock->advance(16min);
  // No VA of the account: create-va took no effect, send it.
  EXPECT_STATE(o.advance(), OnboardingState::kReady, OnboardingStep::kCreateVa);
  EXPECT_STATE(o.advance(), OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmVa);
  auto done = o.submit_otp(kOtp);
  EXPECT_STATE(done, OnboardingState::kDone, OnboardingStep::kConfirmVa);
  EXPECT_EQ(w.faults->sent("create-va"), 1);
  w.expect_one_active(account, done->va_account_number);
}

TEST(SandboxOnboarding, CrashAfterCreateVaWasSentNeverMakesASecondVa) {
  World w;
  const std::string account = "ON" + unique_id();
  const std::string id = "c1-" + account;
  w.faults->arm({"create-va", false, true, w.crash(id)});
  ASSERT_FALSE(w.link(id, account).advance().ok());
  ASSERT_EQ(w.vas(account).size(), 1u) << "create-va reached Tingee; its confirmId is lost";
  const std::string pending = w.vas(account)[0].va_account_number;
  w.clock->advance(16min);
  auto o = w.link(id, account);
  auto checked = o.advance();
  EXPECT_STATE(checked, OnboardingState::kNeedsNewOtp, OnboardingStep::kCreateVa);
  EXPECT_EQ(checked->va_account_number, pending);
  EXPECT_FALSE(o.submit_otp(kOtp).ok()) << "no session to confirm";
  EXPECT_STATE(o.advance(), OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmVa);
  EXPECT_STATE(o.submit_otp(kOtp), OnboardingState::kDone, OnboardingStep::kConfirmVa);
  w.expect_one_active(account, pending);
}

TEST(SandboxOnboarding, CrashAfterTheConfirmWasSentLearnsTheOutcome) {
  for (const bool right_otp : {true, false}) {
    SCOPED_TRACE(right_otp ? "the OTP was right" : "the OTP was wrong");
    World w;
    const std::string account = "ON" + unique_id();
    const std::string id = "c2-" + account;
    auto first = w.link(id, account);
    ASSERT_OK(first.advance());
    const std::string pending = first.status().va_account_number;
    w.faults->arm({"confirm-va", false, true, w.crash(id)});
    ASSERT_FALSE(first.submit_otp(right_otp ? kOtp : "000000").ok());
    w.clock->advance(16min);
    auto o = Onboarding::resume(w.client, w.store, id, w.options());
    ASSERT_OK(o);
    EXPECT_EQ(o->status().state, OnboardingState::kSending);
    EXPECT_FALSE(o->submit_otp(kOtp).ok()) << "the OTP in flight is never sent again";
    auto checked = o->advance();
    if (right_otp) {
      EXPECT_STATE(checked, OnboardingState::kDone, OnboardingStep::kConfirmVa);
    } else {
      EXPECT_STATE(checked, OnboardingState::kNeedsNewOtp, OnboardingStep::kCreateVa);
      auto without_request = o->advance();
      ASSERT_FALSE(without_request.ok()) << "resume() has no create-va request to send";
      EXPECT_EQ(without_request.error().delivery, Delivery::kNotSent);
      auto with_request = w.link(id, account);  // link() again: the same flow, with its request
      EXPECT_STATE(with_request.advance(), OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmVa);
      EXPECT_STATE(with_request.submit_otp(kOtp), OnboardingState::kDone, OnboardingStep::kConfirmVa);
    }
    EXPECT_EQ(w.faults->sent("confirm-va"), right_otp ? 1 : 2);
    w.expect_one_active(account, pending);
  }
}

TEST(SandboxOnboarding, AConsumedOtpIsNeverSentAgain) {
  World w;
  const std::string account = "ON" + unique_id();
  auto o = w.link("otp-" + account, account);
  auto created = o.advance();
  ASSERT_OK(created);
  const std::string consumed = created->confirm_id;
  auto wrong = o.submit_otp("000000");
  EXPECT_STATE(wrong, OnboardingState::kNeedsNewOtp, OnboardingStep::kCreateVa);
  EXPECT_EQ(wrong->provider_code, "1021");
  auto retry = o.submit_otp(kOtp);
  ASSERT_FALSE(retry.ok()) << "the right OTP on a consumed session is refused before sending";
  EXPECT_EQ(retry.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(retry.error().delivery, Delivery::kNotSent);
  EXPECT_EQ(w.faults->sent("confirm-va"), 1);
  tingee::ConfirmVaRequest direct;  // what a blind retry would have met
  direct.confirm_id = consumed;
  direct.otp_number = kOtp;
  direct.bank_bin = kBidv;
  auto blind = w.client.confirm_va(direct);
  ASSERT_FALSE(blind.ok());
  EXPECT_EQ(blind.error().provider_code, "1020");
  auto renewed = o.advance();
  EXPECT_STATE(renewed, OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmVa);
  EXPECT_NE(renewed->confirm_id, consumed);
  auto done = o.submit_otp(kOtp);
  EXPECT_STATE(done, OnboardingState::kDone, OnboardingStep::kConfirmVa);
  w.expect_one_active(account, done->va_account_number);
}

TEST(SandboxOnboarding, AnAnswerLostInFlightIsLookedUp) {
  World w;
  const std::string account = "ON" + unique_id();
  auto o = w.link("lost-" + account, account);
  w.faults->arm({"create-va", false, true, nullptr});
  EXPECT_STATE(o.advance(), OnboardingState::kUncertain, OnboardingStep::kCreateVa);
  EXPECT_STATE(o.advance(), OnboardingState::kNeedsNewOtp, OnboardingStep::kCreateVa);
  EXPECT_STATE(o.advance(), OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmVa);
  w.faults->arm({"confirm-va", false, true, nullptr});
  EXPECT_STATE(o.submit_otp(kOtp), OnboardingState::kUncertain, OnboardingStep::kConfirmVa);
  auto done = o.advance();
  EXPECT_STATE(done, OnboardingState::kDone, OnboardingStep::kConfirmVa);
  EXPECT_EQ(w.faults->sent("create-va"), 2);
  EXPECT_EQ(w.faults->sent("confirm-va"), 1);
  w.expect_one_active(account, done->va_account_number);
}

TEST(SandboxOnboarding, AConnectionRefusedLeavesTheStepToRetry) {
  World w;
  const std::string account = "ON" + unique_id();
  auto o = w.link("refused-" + account, account);
  ASSERT_OK(o.advance());
  w.faults->arm({"confirm-va", true, false, nullptr});
  auto refused = o.submit_otp(kOtp);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConnect);
  EXPECT_EQ(o.status().state, OnboardingState::kAwaitingOtp) << "the OTP never left: still good";
  w.faults->clear();
  EXPECT_STATE(o.submit_otp(kOtp), OnboardingState::kDone, OnboardingStep::kConfirmVa);
}

TEST(SandboxOnboarding, TwoResumersRacingMakeEachStepOnce) {
  World w;
  const std::string account = "ON" + unique_id();
  const std::string id = "race-" + account;
  auto a = w.link(id, account);
  auto b = w.link(id, account);
  std::atomic<int> won{0}, superseded{0};
  auto run = [&](Onboarding& o, const std::function<Result<tingee::OnboardingStatus>(Onboarding&)>& step) {
    auto r = step(o);
    if (r.ok()) {
      ++won;
    } else if (r.error().message.find("superseded") != std::string::npos) {
      ++superseded;
    } else {
      ADD_FAILURE() << describe(r.error());
    }
  };
  auto advance = [](Onboarding& o) { return o.advance(); };
  std::thread ta([&] { run(a, advance); });
  std::thread tb([&] { run(b, advance); });
  ta.join();
  tb.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(superseded.load(), 1);
  EXPECT_EQ(w.faults->sent("create-va"), 1);
  ASSERT_OK(a.refresh());
  ASSERT_OK(b.refresh());
  EXPECT_EQ(a.status().state, OnboardingState::kAwaitingOtp);
  won = superseded = 0;
  auto confirm = [](Onboarding& o) { return o.submit_otp(kOtp); };
  std::thread tc([&] { run(a, confirm); });
  std::thread td([&] { run(b, confirm); });
  tc.join();
  td.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(superseded.load(), 1);
  EXPECT_EQ(w.faults->sent("confirm-va"), 1) << "one OTP, one try";
  ASSERT_OK(b.refresh());
  EXPECT_EQ(b.status().state, OnboardingState::kDone);
  w.expect_one_active(account, b.status().va_account_number);
}

TEST(SandboxOnboarding, AcbRegistersNotificationWithASecondOtp) {
  World w;
  const std::string account = "ON" + unique_id();
  const std::string id = "acb-" + account;
  auto o = w.link(id, account, kAcb);
  EXPECT_TRUE(o.status().register_notify) << "ACB needs register-notify";
  ASSERT_OK(o.advance());
  EXPECT_STATE(o.submit_otp(kOtp), OnboardingState::kReady, OnboardingStep::kRegisterNotify);
  EXPECT_STATE(o.advance(), OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmRegisterNotify);
  EXPECT_STATE(o.submit_otp("000000"), OnboardingState::kNeedsNewOtp, OnboardingStep::kRegisterNotify);
  auto resumed = Onboarding::resume(w.client, w.store, id, w.options());  // crash, resume
  ASSERT_OK(resumed);
  EXPECT_STATE(resumed->advance(), OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmRegisterNotify);
  EXPECT_STATE(resumed->submit_otp(kOtp), OnboardingState::kDone, OnboardingStep::kConfirmRegisterNotify);
  EXPECT_EQ(w.faults->sent("register-notify"), 2);
  EXPECT_EQ(w.faults->sent("confirm-register-notify"), 2);
}

TEST(SandboxOnboarding, BankNameIsResolvedToItsBin) {
  World w;
  const std::string account = "ON" + unique_id();
  auto r = World::request(account, "");
  r.bank_name = "BIDV";
  auto o = Onboarding::link(w.client, w.store, "name-" + account, r, w.options());
  ASSERT_OK(o);
  EXPECT_EQ(o->status().bank_bin, kBidv);
  ASSERT_OK(o->advance());
  EXPECT_STATE(o->submit_otp(kOtp), OnboardingState::kDone, OnboardingStep::kConfirmVa);
  r.bank_name = "NOSUCHBANK";
  auto bad = Onboarding::link(w.client, w.store, "bad-" + account, r, w.options());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  r.bank_name = "VCB";
  r.bank_bin = kBidv;
  EXPECT_FALSE(Onboarding::link(w.client, w.store, "mix-" + account, r, w.options()).ok())
      << "a BIN and a name of two banks";
}

TEST(SandboxOnboarding, UnlinkResumesAfterACrashInTheConfirm) {
  World w;
  const std::string account = "ON" + unique_id();
  auto l = w.link("l-" + account, account);
  ASSERT_OK(l.advance());
  auto linked = l.submit_otp(kOtp);
  ASSERT_OK(linked);
  tingee::DeleteVaRequest del;
  del.bank_bin = kBidv;
  del.va_account_number = linked->va_account_number;
  const std::string id = "u-" + account;
  auto u = Onboarding::unlink(w.client, w.store, id, del, w.options());
  ASSERT_OK(u);
  ASSERT_OK(u->advance());
  w.faults->arm({"confirm-delete-va", false, true, w.crash(id)});
  ASSERT_FALSE(u->submit_otp(kOtp).ok());
  w.clock->advance(16min);
  auto resumed = Onboarding::unlink(w.client, w.store, id, del, w.options());
  ASSERT_OK(resumed);
  EXPECT_STATE(resumed->advance(), OnboardingState::kDone, OnboardingStep::kConfirmDeleteVa);
  EXPECT_TRUE(w.vas(account).empty());
  EXPECT_EQ(w.faults->sent("confirm-delete-va"), 1);
}

TEST(SandboxOnboarding, ABankLinkEventConfirmsTheFlow) {
  World w;
  const std::string account = "ON" + unique_id();
  const std::string id = "ev-" + account;
  auto o = w.link(id, account);
  ASSERT_OK(o.advance());
  tingee::BankLinkEvent e;
  e.request_id = "someone-else";
  e.status = tingee::BankLinkStatus::kConfirmVaSuccess;
  e.va_account_number = o.status().va_account_number;
  EXPECT_EQ(o.apply(e)->state, OnboardingState::kAwaitingOtp) << "another flow's event";
  e.request_id = id;
  EXPECT_STATE(o.apply(e), OnboardingState::kDone, OnboardingStep::kConfirmVa);
}

TEST(SandboxOnboarding, VcbHolderApprovesInTheAppAndTheBankLinkWebhookConfirms) {
  World w;
  const std::string account = "ON" + unique_id();
  const std::string id = "vcb-" + account;
  auto r = World::request(account, kVcb);
  r.webhook_url = receiver().url("/onboarding/" + id);
  auto o = Onboarding::link(w.client, w.store, id, r, w.options());
  ASSERT_OK(o);
  auto created = o->advance();
  EXPECT_STATE(created, OnboardingState::kAwaitingHolder, OnboardingStep::kConfirmVa);
  EXPECT_FALSE(created->confirm_id.empty());
  EXPECT_EQ(created->deep_link.rfind("vcbpartner://", 0), 0u) << created->deep_link;
  EXPECT_TRUE(created->authorize_link.empty());
  EXPECT_FALSE(o->submit_otp(kOtp).ok()) << "no OTP for VCB";
  EXPECT_STATE(o->advance(), OnboardingState::kAwaitingHolder, OnboardingStep::kConfirmVa);  // not approved yet
  ASSERT_EQ(w.vas(account).size(), 1u);
  EXPECT_EQ(w.vas(account)[0].status, "inactive");
  ASSERT_EQ(World::approve(World::vcb_approval(created->confirm_id)), 200);
  EXPECT_EQ(World::approve(World::vcb_approval(created->confirm_id)), 400) << "one approval per session";
  const auto hits = receiver().hits("/onboarding/" + id);
  ASSERT_EQ(hits.size(), 1u) << "the bank-link webhook";
  auto event = tingee::verify_webhook(hits[0].body, hits[0].headers, Secret(kTingeeSecret));
  ASSERT_OK(event);
  ASSERT_TRUE(event->bank_link.has_value());
  EXPECT_EQ(event->bank_link->request_id, id);
  auto done = o->apply(*event->bank_link);
  EXPECT_STATE(done, OnboardingState::kDone, OnboardingStep::kConfirmVa);
  w.expect_one_active(account, done->va_account_number);
  EXPECT_EQ(w.faults->sent("create-va"), 1);
  EXPECT_EQ(w.faults->sent("confirm-va"), 0);
}

TEST(SandboxOnboarding, TpbHolderApprovesWhileTheFlowIsDownThenItResumes) {
  World w;
  const std::string account = "ON" + unique_id();
  const std::string id = "tpb-" + account;
  std::string link;
  {
    auto o = w.link(id, account, kTpb);
    auto created = o.advance();
    EXPECT_STATE(created, OnboardingState::kAwaitingHolder, OnboardingStep::kConfirmVa);
    EXPECT_TRUE(created->confirm_id.empty()) << "TPB answers no confirmId";
    link = created->authorize_link;
    ASSERT_FALSE(link.empty());
  }  // the process dies while the holder is away
  ASSERT_EQ(World::approve(link), 200);
  auto o = Onboarding::resume(w.client, w.store, id, w.options());
  ASSERT_OK(o);
  EXPECT_EQ(o->status().state, OnboardingState::kAwaitingHolder);
  EXPECT_EQ(o->status().authorize_link, link);
  auto done = o->advance();  // looks the VA up: active
  EXPECT_STATE(done, OnboardingState::kDone, OnboardingStep::kConfirmVa);
  w.expect_one_active(account, done->va_account_number);
  EXPECT_EQ(w.faults->sent("create-va"), 1);
}

TEST(SandboxOnboarding, VcbCrashAfterCreateVaWasSentAsksTheHolderAgainForTheSameVa) {
  World w;
  const std::string account = "ON" + unique_id();
  const std::string id = "vcb1-" + account;
  w.faults->arm({"create-va", false, true, w.crash(id)});
  ASSERT_FALSE(w.link(id, account, kVcb).advance().ok());
  ASSERT_EQ(w.vas(account).size(), 1u) << "create-va reached Tingee; its confirmId is lost";
  const std::string pending = w.vas(account)[0].va_account_number;
  w.clock->advance(16min);
  auto o = w.link(id, account, kVcb);
  EXPECT_STATE(o.advance(), OnboardingState::kNeedsNewOtp, OnboardingStep::kCreateVa);
  auto asked = o.advance();
  EXPECT_STATE(asked, OnboardingState::kAwaitingHolder, OnboardingStep::kConfirmVa);
  ASSERT_EQ(World::approve(World::vcb_approval(asked->confirm_id)), 200);
  EXPECT_STATE(o.advance(), OnboardingState::kDone, OnboardingStep::kConfirmVa);
  w.expect_one_active(account, pending);
  EXPECT_EQ(w.faults->sent("create-va"), 2);
}

TEST(SandboxOnboarding, VcbHolderRefusesThenApprovesASecondRequest) {
  World w;
  const std::string account = "ON" + unique_id();
  const std::string id = "vcb2-" + account;
  auto r = World::request(account, kVcb);
  r.webhook_url = receiver().url("/onboarding/" + id);
  auto o = Onboarding::link(w.client, w.store, id, r, w.options());
  ASSERT_OK(o);
  auto created = o->advance();
  ASSERT_OK(created);
  ASSERT_EQ(World::approve(World::vcb_approval(created->confirm_id) + "&reject=1"), 200);
  auto hits = receiver().hits("/onboarding/" + id);
  ASSERT_EQ(hits.size(), 1u);
  auto refused = tingee::verify_webhook(hits[0].body, hits[0].headers, Secret(kTingeeSecret));
  ASSERT_OK(refused);
  ASSERT_TRUE(refused->bank_link.has_value());
  EXPECT_EQ(refused->bank_link->status, tingee::BankLinkStatus::kConfirmVaFailed);
  EXPECT_STATE(o->apply(*refused->bank_link), OnboardingState::kNeedsNewOtp, OnboardingStep::kCreateVa);
  auto asked = o->advance();
  EXPECT_STATE(asked, OnboardingState::kAwaitingHolder, OnboardingStep::kConfirmVa);
  EXPECT_NE(asked->confirm_id, created->confirm_id);
  ASSERT_EQ(World::approve(World::vcb_approval(asked->confirm_id)), 200);
  auto done = o->advance();
  EXPECT_STATE(done, OnboardingState::kDone, OnboardingStep::kConfirmVa);
  w.expect_one_active(account, done->va_account_number);
}

}  // namespace
}  // namespace paygw::it
