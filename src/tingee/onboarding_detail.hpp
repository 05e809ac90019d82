// SPDX-License-Identifier: MIT
// What the onboarding flow's files share (onboarding.cpp: the flow and store plumbing and the public
// entry points; onboarding_link.cpp: the VA link steps; onboarding_unlink.cpp: the unlink steps;
// onboarding_bank_link.cpp: the bank-link session flow). ADR 0054.
#pragma once

#include <paygw/tingee/onboarding.hpp>

#include <string>
#include <utility>

namespace paygw::tingee::detail {

inline constexpr const char* kLinkKind = "tingee_va_link";
inline constexpr const char* kUnlinkKind = "tingee_va_unlink";
inline constexpr const char* kBankLinkKind = "tingee_bank_link";

/// kInvalidArgument "onboarding: <message>" (Delivery::kNotSent: nothing was sent).
Error refused(const std::string& message);
/// `text` cut to the stored message's bound, on a UTF-8 boundary.
std::string cut(std::string text);
/// FlowRecord::data of a status (everything but flow_id, state and version).
std::string encode(const OnboardingStatus& s);
/// The flow kind's FlowRecord::kind.
const char* kind_name(OnboardingKind kind);
/// The status a FlowRecord holds. Errors: kInvalidArgument (not an onboarding flow), kInternal (unreadable).
Result<OnboardingStatus> decode(const FlowRecord& f);
/// The flow `flow_id` of the store. Errors: kInvalidArgument (none), the store's, decode()'s.
Result<OnboardingStatus> load(PaymentStore& store, const std::string& flow_id);
/// The BIN and Tingee bank name of a bank named by BIN or by name (bankName vs bankBin: every
/// request of the flow names the bank by its BIN).
Result<std::pair<std::string, std::string>> resolve_bank(const std::string& bin, const std::string& name);
/// Errors: kInvalidArgument unless 1..128 printable bytes.
Result<void> check_flow_id(const std::string& flow_id);
/// Creates the flow `s` describes (nothing when it exists) and reads it back. Errors: the store's, load()'s.
Result<OnboardingStatus> create_or_load(PaymentStore& store, const OnboardingStatus& s);

/// The outcome of a failed write: certainly not sent, refused (not applied), or unknown.
enum class Outcome { kNotSent, kRefused, kUnknown };
Outcome classify(const Error& e);

/// Records `e` as the status' last message and provider code.
void note(OnboardingStatus& s, const std::string& what, const Error& e);
/// Forgets the open OTP / approval session (and a bank-link session's page).
void clear_session(OnboardingStatus& s);
/// `s` in `state` at `step`.
OnboardingStatus with(OnboardingStatus s, OnboardingState state, OnboardingStep step);

}  // namespace paygw::tingee::detail
