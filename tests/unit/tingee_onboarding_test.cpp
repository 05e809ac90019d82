// SPDX-License-Identifier: MIT
// tingee::Onboarding (ADR 0054) over a gmock connection, for what the sandbox does not simulate:
// the no-OTP banks (VCB answers a deepLink, TPB an authorizeLink; the holder approves in the bank
// app, then get-va-paging or the bank-link webhook tells), delete-va answering nothing (VCB), a
// bankName sent as its BIN, a write certainly not sent leaving the flow where it was.
#include <paygw/testing/mock_tingee.hpp>
#include <paygw/tingee/onboarding.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace paygw::test {
namespace {

using ::testing::_;
using ::testing::Return;
using tingee::Onboarding;
using tingee::OnboardingState;
using tingee::OnboardingStep;

struct Fixture {
  std::shared_ptr<FixedClock> clock =
      std::make_shared<FixedClock>(std::chrono::system_clock::time_point(std::chrono::hours(490000)));
  std::shared_ptr<PaymentStore> store = make_memory_store({clock});
  std::shared_ptr<::testing::StrictMock<paygw::testing::MockTingeeConnection>> mock =
      std::make_shared<::testing::StrictMock<paygw::testing::MockTingeeConnection>>();
  tingee::Client client{mock};

  tingee::OnboardingOptions options() const {
    tingee::OnboardingOptions o;
    o.clock = clock;
    return o;
  }
  Onboarding link(const std::string& bank_name, const std::string& bank_bin = "") {
    tingee::CreateVaRequest r;
    r.account_number = "0123456789";
    r.bank_name = bank_name;
    r.bank_bin = bank_bin;
    auto o = Onboarding::link(client, store, "flow-1", r, options());
    EXPECT_TRUE(o.ok()) << describe(o.error());
    return std::move(*o);
  }
};

tingee::VaPage page(const std::string& status) {
  tingee::VirtualAccount va;
  va.bank_bin = "970436";
  va.bank_name = "VCB";
  va.account_number = "0123456789";
  va.va_account_number = "TNG1";
  va.status = status;
  tingee::VaPage p;
  p.items.push_back(va);
  return p;
}

TEST(TingeeOnboarding, VcbDeepLinkWaitsForTheHolderThenGetVaPagingTells) {
  Fixture f;
  auto o = f.link("VCB");
  EXPECT_EQ(o.status().bank_bin, "970436") << "bankName resolved through the VietQR bank directory";
  tingee::CreateVaResult created;
  created.confirm_id = "CF-1";
  created.deep_link = "vcbpartner://link?token=t";
  EXPECT_CALL(*f.mock, create_va(_, _)).WillOnce([&](const tingee::CreateVaRequest& r, const CallOptions&) {
    EXPECT_EQ(r.bank_bin, "970436");
    EXPECT_EQ(r.bank_name, "") << "the BIN only";
    EXPECT_EQ(r.request_id, "flow-1");
    return Result<tingee::CreateVaResult>(created);
  });
  auto s = o.advance();
  ASSERT_TRUE(s.ok()) << describe(s.error());
  EXPECT_EQ(s->state, OnboardingState::kAwaitingHolder);
  EXPECT_EQ(s->step, OnboardingStep::kConfirmVa);
  EXPECT_EQ(s->deep_link, created.deep_link);
  EXPECT_FALSE(o.submit_otp("123456").ok()) << "no OTP for a deep-link bank";

  EXPECT_CALL(*f.mock, get_va_paging(_, _))
      .WillOnce([](const tingee::GetVaPagingRequest& q, const CallOptions&) {
        EXPECT_EQ(q.bank_bin, "970436");
        EXPECT_EQ(q.filter, "0123456789");
        return Result<tingee::VaPage>(page("inactive"));
      })
      .WillOnce(Return(Result<tingee::VaPage>(page("active"))));
  const auto version = o.status().version;
  s = o.advance();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->state, OnboardingState::kAwaitingHolder) << "not approved yet";
  EXPECT_EQ(s->version, version) << "nothing written";
  s = o.advance();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->state, OnboardingState::kDone);
  EXPECT_EQ(s->va_account_number, "TNG1");
  EXPECT_EQ(s->deep_link, "") << "the session is closed";
}

TEST(TingeeOnboarding, TpbAuthorizeLinkIsFinishedByTheBankLinkEvent) {
  for (const auto status : {tingee::BankLinkStatus::kConfirmVaSuccess, tingee::BankLinkStatus::kConfirmVaFailed}) {
    Fixture f;
    auto o = f.link("", "970423");
    tingee::CreateVaResult created;
    created.authorize_link = "https://tpb.example/authorize?x=1";
    EXPECT_CALL(*f.mock, create_va(_, _)).WillOnce(Return(Result<tingee::CreateVaResult>(created)));
    auto s = o.advance();
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->state, OnboardingState::kAwaitingHolder);
    tingee::BankLinkEvent e;
    e.request_id = "flow-1";
    e.status = status;
    e.va_account_number = "TNG9";
    // A new process applies the webhook.
    auto resumed = Onboarding::resume(f.client, f.store, "flow-1", f.options());
    ASSERT_TRUE(resumed.ok());
    s = resumed->apply(e);
    ASSERT_TRUE(s.ok()) << describe(s.error());
    if (status == tingee::BankLinkStatus::kConfirmVaSuccess) {
      EXPECT_EQ(s->state, OnboardingState::kDone);
      EXPECT_EQ(s->va_account_number, "TNG9");
    } else {
      EXPECT_EQ(s->state, OnboardingState::kNeedsNewOtp);
      EXPECT_EQ(s->step, OnboardingStep::kCreateVa);
    }
  }
}

TEST(TingeeOnboarding, VcbDeleteAnsweringNothingIsDone) {
  Fixture f;
  tingee::DeleteVaRequest del;
  del.bank_bin = "970436";
  del.va_account_number = "TNG1";
  auto o = Onboarding::unlink(f.client, f.store, "del-1", del, f.options());
  ASSERT_TRUE(o.ok()) << describe(o.error());
  EXPECT_CALL(*f.mock, delete_va(_, _)).WillOnce([](const tingee::DeleteVaRequest& r, const CallOptions&) {
    EXPECT_EQ(r.bank_bin, "970436");
    EXPECT_EQ(r.va_account_number, "TNG1");
    return Result<tingee::OtpSession>(tingee::OtpSession{});
  });
  auto s = o->advance();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->state, OnboardingState::kDone);
}

TEST(TingeeOnboarding, AWriteCertainlyNotSentLeavesTheFlowWhereItWas) {
  Fixture f;
  auto o = f.link("BIDV");
  Error e = make_error(ErrorCode::kConnect, "refused");
  e.delivery = Delivery::kNotSent;
  EXPECT_CALL(*f.mock, create_va(_, _)).WillOnce(Return(Result<tingee::CreateVaResult>(e)));
  auto s = o.advance();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConnect);
  auto stored = f.store->find_flow(Provider::kTingee, "flow-1");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->state, "ready");
  EXPECT_EQ(o.status().state, OnboardingState::kReady);
}

TEST(TingeeOnboarding, ARefusedCreateFailsTheFlow) {
  Fixture f;
  auto o = f.link("BIDV");
  Error e = make_error(ErrorCode::kProvider, "Tài khoản đã được liên kết");
  e.delivery = Delivery::kMaybeSent;
  e.http_status = 200;
  e.provider_code = "1010";
  EXPECT_CALL(*f.mock, create_va(_, _)).WillOnce(Return(Result<tingee::CreateVaResult>(e)));
  auto s = o.advance();
  ASSERT_TRUE(s.ok()) << "a write that reached Tingee never fails the call";
  EXPECT_EQ(s->state, OnboardingState::kFailed);
  EXPECT_EQ(s->provider_code, "1010");
  EXPECT_EQ(o.advance()->state, OnboardingState::kFailed) << "final";
}

// Bank-link sessions: what the sandbox does not make happen on demand.
Onboarding bank_link(Fixture& f, const std::string& account) {
  tingee::CreateBankLinkSessionRequest r;
  auto o = Onboarding::bank_link(f.client, f.store, "flow-bl", r, account, f.options());
  EXPECT_TRUE(o.ok()) << describe(o.error());
  return std::move(*o);
}

TEST(TingeeOnboarding, BankLinkSessionWithALostAnswerIsOpenedAgainOnlyAfterTheRead) {
  Fixture f;
  auto o = bank_link(f, "0123456789");
  Error lost = make_error(ErrorCode::kNetwork, "timeout");
  lost.delivery = Delivery::kMaybeSent;
  ASSERT_TRUE(lost.outcome_unknown());
  tingee::BankLinkSession session;
  session.url = "https://bank-link.tingee.vn?token=abc&s=SESSION-2";
  ::testing::InSequence seq;
  EXPECT_CALL(*f.mock, create_bank_link_session(_, _)).WillOnce(Return(Result<tingee::BankLinkSession>(lost)));
  EXPECT_CALL(*f.mock, get_va_paging(_, _)).WillOnce(Return(Result<tingee::VaPage>(tingee::VaPage{})));
  EXPECT_CALL(*f.mock, create_bank_link_session(_, _)).WillOnce(Return(Result<tingee::BankLinkSession>(session)));
  auto unknown = o.advance();
  ASSERT_TRUE(unknown.ok()) << describe(unknown.error());
  EXPECT_EQ(unknown->state, OnboardingState::kUncertain);
  EXPECT_EQ(unknown->step, OnboardingStep::kBankLinkSession);
  auto ready = o.advance();  // the read: the account is not linked
  ASSERT_TRUE(ready.ok());
  EXPECT_EQ(ready->state, OnboardingState::kReady);
  auto opened = o.advance();
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->state, OnboardingState::kAwaitingHolder);
  EXPECT_EQ(opened->request_id, "SESSION-2") << "the page's s= correlates the bank-link event";
  EXPECT_EQ(opened->session_url, session.url);
  auto stored = f.store->find_flow(Provider::kTingee, "flow-bl");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->kind, "tingee_bank_link");
  EXPECT_EQ((*stored)->state, "awaiting_holder");
}

TEST(TingeeOnboarding, BankLinkSessionRefusedFailsAndNotSentStaysReady) {
  Fixture f;
  auto o = bank_link(f, "");
  Error not_sent = make_error(ErrorCode::kConnect, "refused");
  not_sent.delivery = Delivery::kNotSent;
  Error refused = make_error(ErrorCode::kProvider, "type must be bank-link");
  refused.delivery = Delivery::kMaybeSent;
  refused.http_status = 400;
  EXPECT_CALL(*f.mock, create_bank_link_session(_, _))
      .WillOnce(Return(Result<tingee::BankLinkSession>(not_sent)))
      .WillOnce(Return(Result<tingee::BankLinkSession>(refused)));
  auto first = o.advance();
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(o.status().state, OnboardingState::kReady);
  auto second = o.advance();
  ASSERT_TRUE(second.ok()) << describe(second.error());
  EXPECT_EQ(second->state, OnboardingState::kFailed);
  auto resumed = Onboarding::resume(f.client, f.store, "flow-bl", f.options());
  ASSERT_TRUE(resumed.ok());
  EXPECT_EQ(resumed->status().kind, tingee::OnboardingKind::kBankLink);
  EXPECT_EQ(resumed->status().state, OnboardingState::kFailed);
}

TEST(TingeeOnboarding, BankLinkFlowResumedWithoutTheRequestSendsNothing) {
  Fixture f;
  { (void)bank_link(f, ""); }
  auto o = Onboarding::resume(f.client, f.store, "flow-bl", f.options());
  ASSERT_TRUE(o.ok());
  auto s = o->advance();  // StrictMock: no call may go out
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(s.error().message.find("bank_link()"), std::string::npos) << s.error().message;
}

}  // namespace
}  // namespace paygw::test
