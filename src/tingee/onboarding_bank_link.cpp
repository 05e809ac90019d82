// SPDX-License-Identifier: MIT
// Tingee onboarding through the hosted bank-link page (ADR 0054 "Bank-link sessions"):
// create-bank-link-session recorded as kSending first, kAwaitingHolder with the page's URL, then
// kDone by get-va-paging (the expected account's VA active) or by the session's bank-link event.
#include <paygw/tingee/onboarding.hpp>

#include "onboarding_detail.hpp"

#include <string>
#include <utility>

namespace paygw::tingee {

using detail::clear_session;
using detail::refused;
using detail::with;

namespace {

/// The value of query parameter `name` in `url` ("" when absent): the hosted page's session id is
/// its `s` (`https://bank-link.tingee.vn?token=…&s=…`).
std::string query_param(const std::string& url, const std::string& name) {
  const std::size_t q = url.find('?');
  if (q == std::string::npos) return "";
  std::size_t at = q + 1;
  while (at < url.size()) {
    std::size_t end = url.find_first_of("&#", at);
    if (end == std::string::npos) end = url.size();
    const std::string pair = url.substr(at, end - at);
    const std::size_t eq = pair.find('=');
    if (eq != std::string::npos && pair.compare(0, eq, name) == 0) return pair.substr(eq + 1);
    if (end >= url.size() || url[end] == '#') break;
    at = end + 1;
  }
  return "";
}

}  // namespace

Result<OnboardingStatus> Onboarding::send_bank_link_session(const CallOptions& options) {
  if (!session_request_) {
    return refused("sending create-bank-link-session needs the request: resume this flow with bank_link()");
  }
  OnboardingStatus next = status_;
  next.message.clear();
  next.provider_code.clear();
  clear_session(next);
  next.request_id.clear();
  CreateBankLinkSessionRequest request = *session_request_;
  if (!next.bank_name.empty()) request.bank_name = next.bank_name;  // Tingee's BankNameEnum of the BIN
  std::optional<BankLinkSession> answer;
  // Unknown: the session may exist, but its page was handed to nobody, so it can link nothing; a
  // new one is harmless (ADR 0054). check() still reads first when the expected account is known.
  auto failed = send_step(next, OnboardingStep::kBankLinkSession, "create-bank-link-session",
                          {OnboardingState::kUncertain, OnboardingStep::kBankLinkSession},
                          {OnboardingState::kFailed, OnboardingStep::kBankLinkSession}, [&]() -> std::optional<Error> {
                            auto r = client_.create_bank_link_session(request, options);
                            if (!r) return r.error();
                            answer = std::move(*r);
                            return std::nullopt;
                          });
  if (failed) return std::move(*failed);
  next.session_url = answer->url;
  next.request_id = query_param(answer->url, "s");
  if (next.request_id.empty()) {
    next.message = "the session's page names no session (s=): only check() can finish this flow";
  }
  return move(with(next, OnboardingState::kAwaitingHolder, OnboardingStep::kBankLinkSession));
}

// kUncertain, kAwaitingHolder or a stale kSending of a bank-link flow (check() filtered the states).
Result<OnboardingStatus> Onboarding::check_bank_link(const CallOptions& options) {
  const OnboardingState state = status_.state;
  OnboardingStatus next = status_;
  if (!next.account_number.empty()) {
    GetVaPagingRequest q;
    q.bank_bin = next.bank_bin;
    q.filter = next.account_number;
    q.max_result_count = 100;
    q.merchant_id = next.merchant_id;
    auto page = client_.get_va_paging(q, options);
    if (!page) return page.error();
    for (const auto& va : page->items) {
      if (va.account_number != next.account_number || va.status != "active") continue;
      if (!next.bank_bin.empty() && !va.bank_bin.empty() && va.bank_bin != next.bank_bin) continue;
      if (!va.bank_bin.empty()) next.bank_bin = va.bank_bin;
      if (!va.bank_name.empty()) next.bank_name = va.bank_name;
      next.va_account_number = va.va_account_number;
      clear_session(next);
      next.message.clear();
      return move(with(next, OnboardingState::kDone, OnboardingStep::kBankLinkSession));
    }
  }
  if (state == OnboardingState::kAwaitingHolder) return status_;  // the holder has not linked yet
  clear_session(next);
  next.request_id.clear();
  next.message = "create-bank-link-session outcome unknown: its page was handed to nobody, a new session is opened";
  return move(with(next, OnboardingState::kReady, OnboardingStep::kBankLinkSession));
}

Result<OnboardingStatus> Onboarding::apply_bank_link(const BankLinkEvent& event) {
  if (status_.state != OnboardingState::kAwaitingHolder || status_.request_id.empty() ||
      event.request_id != status_.request_id) {
    return status_;  // another session's (or flow's) event
  }
  OnboardingStatus next = status_;
  if (event.status == BankLinkStatus::kConfirmVaSuccess) {
    if (!event.va_account_number.empty()) next.va_account_number = event.va_account_number;
    if (!event.account_number.empty()) {
      if (!next.account_number.empty() && next.account_number != event.account_number) {
        next.message = "the holder linked another account than the expected one";
      }
      next.account_number = event.account_number;
    }
    clear_session(next);
    return move(with(next, OnboardingState::kDone, OnboardingStep::kBankLinkSession));
  }
  if (event.status == BankLinkStatus::kConfirmVaFailed) {
    clear_session(next);
    next.request_id.clear();
    next.message = "the holder's link failed on the page (confirm-va-failed): advance() opens a new session";
    return move(with(next, OnboardingState::kReady, OnboardingStep::kBankLinkSession));
  }
  return status_;
}

}  // namespace paygw::tingee
