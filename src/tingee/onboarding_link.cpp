// SPDX-License-Identifier: MIT
// Tingee onboarding, the VA link steps (ADR 0054): create-va (or a new session for a pending VA),
// register-notify, what get-va-paging tells about a link, and the bank-link events of a link.
#include <paygw/tingee/onboarding.hpp>

#include "onboarding_detail.hpp"

#include <string>
#include <utility>

namespace paygw::tingee {

using detail::clear_session;
using detail::refused;
using detail::with;

Result<OnboardingStatus> Onboarding::send_create_va(const CallOptions& options) {
  if (!create_) return refused("sending create-va needs the request: resume this flow with link()");
  const OnboardingStatus& before = status_;
  OnboardingStatus next = status_;
  next.message.clear();
  next.provider_code.clear();
  CreateVaRequest request = *create_;
  request.bank_bin = before.bank_bin;
  request.bank_name.clear();  // the BIN only, as every step of the flow
  request.request_id = before.request_id;
  // A pending VA of this account (its OTP consumed or its answer lost): name it, never make a second one.
  if (!before.va_account_number.empty()) request.va_account_number = before.va_account_number;
  // With a pending VA a refusal may be "already linked" (a confirm that did succeed): look.
  const Target if_refused = before.va_account_number.empty()
                                ? Target{OnboardingState::kFailed, OnboardingStep::kCreateVa}
                                : Target{OnboardingState::kUncertain, OnboardingStep::kConfirmVa};
  std::optional<CreateVaResult> answer;
  auto failed =
      send_step(next, OnboardingStep::kCreateVa, "create-va", {OnboardingState::kUncertain, OnboardingStep::kCreateVa},
                if_refused, [&]() -> std::optional<Error> {
                  auto r = client_.create_va(request, options);
                  if (!r) return r.error();
                  answer = std::move(*r);
                  return std::nullopt;
                });
  if (failed) return std::move(*failed);
  clear_session(next);
  if (!answer->va_account_number.empty()) next.va_account_number = answer->va_account_number;
  next.confirm_id = answer->confirm_id;
  next.otp_method = answer->otp_method;
  next.deep_link = answer->deep_link;
  next.authorize_link = answer->authorize_link;
  if (!answer->deep_link.empty() || !answer->authorize_link.empty()) {
    return move(with(next, OnboardingState::kAwaitingHolder, OnboardingStep::kConfirmVa));
  }
  if (!answer->confirm_id.empty()) return move(with(next, OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmVa));
  if (answer->status == "active") return after_link_confirmed(next, answer->va_account_number);
  next.message = "create-va answered no session: looking the VA up";
  return move(with(next, OnboardingState::kUncertain, OnboardingStep::kConfirmVa));
}

Result<OnboardingStatus> Onboarding::send_register_notify(const CallOptions& options) {
  OnboardingStatus next = status_;
  next.message.clear();
  next.provider_code.clear();
  RegisterNotifyRequest request;
  request.merchant_id = next.merchant_id;
  request.va_account_number = next.va_account_number;
  request.bank_bin = next.bank_bin;
  std::optional<OtpSession> answer;
  auto failed = send_step(next, OnboardingStep::kRegisterNotify, "register-notify",
                          // unknown: sending it again only opens a new session
                          {OnboardingState::kReady, OnboardingStep::kRegisterNotify},
                          {OnboardingState::kFailed, OnboardingStep::kRegisterNotify}, [&]() -> std::optional<Error> {
                            auto r = client_.register_notify(request, options);
                            if (!r) return r.error();
                            answer = std::move(*r);
                            return std::nullopt;
                          });
  if (failed) return std::move(*failed);
  clear_session(next);
  next.confirm_id = answer->confirm_id;
  next.authorize_link = answer->authorize_link;
  if (!answer->confirm_id.empty()) {
    return move(with(next, OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmRegisterNotify));
  }
  if (!answer->authorize_link.empty()) next.message = "register-notify: the holder approves at authorize_link";
  return move(with(next, OnboardingState::kDone, OnboardingStep::kRegisterNotify));
}

Result<OnboardingStatus> Onboarding::after_link_confirmed(OnboardingStatus next, const std::string& va_account_number) {
  if (!va_account_number.empty()) next.va_account_number = va_account_number;
  clear_session(next);
  if (next.register_notify)
    return move(with(std::move(next), OnboardingState::kReady, OnboardingStep::kRegisterNotify));
  return move(with(std::move(next), OnboardingState::kDone, OnboardingStep::kConfirmVa));
}

// get-va-paging's answer about a link flow: `match` is the account's VA (ours first, then an active one).
Result<OnboardingStatus> Onboarding::checked_link(OnboardingStatus next, OnboardingState state,
                                                  const VirtualAccount* match) {
  if (match != nullptr && match->status == "active") return after_link_confirmed(next, match->va_account_number);
  if (state == OnboardingState::kAwaitingHolder) return status_;  // not approved yet
  clear_session(next);
  if (match == nullptr) {  // create-va took no effect (or the pending VA expired): create again
    next.va_account_number.clear();
    next.message = "no VA of the account: create-va again";
    return move(with(next, OnboardingState::kReady, OnboardingStep::kCreateVa));
  }
  next.va_account_number = match->va_account_number;
  next.message = "the VA is pending and its session is lost or consumed: a new OTP is needed";
  return move(with(next, OnboardingState::kNeedsNewOtp, OnboardingStep::kCreateVa));
}

Result<OnboardingStatus> Onboarding::apply_link(const BankLinkEvent& event) {
  OnboardingStatus next = status_;
  if (event.request_id != next.request_id) return status_;
  if (event.status == BankLinkStatus::kConfirmVaSuccess) {
    if (next.step != OnboardingStep::kCreateVa && next.step != OnboardingStep::kConfirmVa) return status_;
    return after_link_confirmed(next, event.va_account_number);
  }
  if (event.status == BankLinkStatus::kConfirmVaFailed && status_.state == OnboardingState::kAwaitingHolder) {
    clear_session(next);
    next.message = "the holder's approval failed (confirm-va-failed)";
    return move(with(next, OnboardingState::kNeedsNewOtp, OnboardingStep::kCreateVa));
  }
  return status_;
}

}  // namespace paygw::tingee
