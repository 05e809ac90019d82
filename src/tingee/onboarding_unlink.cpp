// SPDX-License-Identifier: MIT
// Tingee onboarding, the unlink steps (ADR 0054): delete-va (by bankBin, never bankName), what
// get-va-paging tells about an unlink, and the delete-va-success bank-link event.
#include <paygw/tingee/onboarding.hpp>

#include "onboarding_detail.hpp"

#include <utility>

namespace paygw::tingee {

using detail::clear_session;
using detail::with;

Result<OnboardingStatus> Onboarding::send_delete_va(const CallOptions& options) {
  OnboardingStatus next = status_;
  next.message.clear();
  next.provider_code.clear();
  DeleteVaRequest request;
  request.bank_bin = next.bank_bin;  // never bankName: Tingee cannot confirm such a session
  request.va_account_number = next.va_account_number;
  request.merchant_id = next.merchant_id;
  std::optional<OtpSession> answer;
  auto failed =
      send_step(next, OnboardingStep::kDeleteVa, "delete-va", {OnboardingState::kUncertain, OnboardingStep::kDeleteVa},
                {OnboardingState::kFailed, OnboardingStep::kDeleteVa}, [&]() -> std::optional<Error> {
                  auto r = client_.delete_va(request, options);
                  if (!r) return r.error();
                  answer = std::move(*r);
                  return std::nullopt;
                });
  if (failed) return std::move(*failed);
  clear_session(next);
  next.confirm_id = answer->confirm_id;
  next.authorize_link = answer->authorize_link;
  if (!answer->confirm_id.empty()) {
    return move(with(next, OnboardingState::kAwaitingOtp, OnboardingStep::kConfirmDeleteVa));
  }
  if (!answer->authorize_link.empty()) {
    return move(with(next, OnboardingState::kAwaitingHolder, OnboardingStep::kConfirmDeleteVa));
  }
  return move(with(next, OnboardingState::kDone, OnboardingStep::kDeleteVa));  // VCB: nothing to confirm
}

// get-va-paging's answer about an unlink flow: `match` is the flow's VA, if still listed.
Result<OnboardingStatus> Onboarding::checked_unlink(OnboardingStatus next, OnboardingState state,
                                                    const VirtualAccount* match) {
  const OnboardingStep step = next.step;
  if (match == nullptr) {
    clear_session(next);
    next.message = "the VA is gone";
    return move(with(next, OnboardingState::kDone, step));
  }
  if (state == OnboardingState::kAwaitingHolder) return status_;
  clear_session(next);
  if (step == OnboardingStep::kDeleteVa) return move(with(next, OnboardingState::kReady, OnboardingStep::kDeleteVa));
  next.message = "confirm-delete-va outcome unknown and the VA is still there: its OTP is consumed";
  return move(with(next, OnboardingState::kNeedsNewOtp, OnboardingStep::kDeleteVa));
}

Result<OnboardingStatus> Onboarding::apply_unlink(const BankLinkEvent& event) {
  if (event.status == BankLinkStatus::kDeleteVaSuccess && event.va_account_number == status_.va_account_number) {
    OnboardingStatus next = status_;
    clear_session(next);
    return move(with(next, OnboardingState::kDone, next.step));
  }
  return status_;
}

}  // namespace paygw::tingee
