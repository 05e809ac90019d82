// SPDX-License-Identifier: MIT
// Tingee onboarding as a resumable state machine over the PaymentStore's flows (ADR 0054): the
// helpers shared by every kind and the public entry points. How a flow is stored is in
// onboarding_record.cpp; the VA link steps in onboarding_link.cpp, the unlink steps in
// onboarding_unlink.cpp, the hosted bank-link steps in onboarding_bank_link.cpp.
#include <paygw/tingee/onboarding.hpp>
#include <paygw/vietqr_banks.hpp>

#include "onboarding_detail.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace paygw::tingee {

namespace {

constexpr const char* kAcbBin = "970416";  // ACB needs register-notify after confirm-va

constexpr std::size_t kMaxMessage = 500;

}  // namespace

namespace detail {

Error refused(const std::string& message) { return make_error(ErrorCode::kInvalidArgument, "onboarding: " + message); }

std::string cut(std::string text) {
  if (text.size() <= kMaxMessage) return text;
  std::size_t n = kMaxMessage;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  text.resize(n);
  return text;
}

Result<std::pair<std::string, std::string>> resolve_bank(const std::string& bin, const std::string& name) {
  const auto& banks = vietqr::bank_directory();
  const vietqr::Bank* bank = !bin.empty() ? banks.find_by_bin(bin) : banks.find_by_code(name);
  if (bank == nullptr) {
    return refused(!bin.empty()   ? "unknown bank BIN '" + bin + "'"
                   : name.empty() ? "bank_bin or bank_name is required"
                                  : "unknown bank '" + name + "'");
  }
  if (!bin.empty() && !name.empty() && bank->tingee_code != name) {
    return refused("bank_bin " + bin + " and bank_name " + name + " name different banks");
  }
  return std::make_pair(bank->bin, bank->tingee_code.empty() ? bank->code : bank->tingee_code);
}

Outcome classify(const Error& e) {
  if (!e.maybe_sent()) return Outcome::kNotSent;
  return e.outcome_unknown() ? Outcome::kUnknown : Outcome::kRefused;
}

void note(OnboardingStatus& s, const std::string& what, const Error& e) {
  s.message = cut(what + ": " + describe(e));
  s.provider_code = e.provider_code;
}

void clear_session(OnboardingStatus& s) {
  s.confirm_id.clear();
  s.otp_method.clear();
  s.deep_link.clear();
  s.authorize_link.clear();
  s.session_url.clear();
}

OnboardingStatus with(OnboardingStatus s, OnboardingState state, OnboardingStep step) {
  s.state = state;
  s.step = step;
  return s;
}

Result<void> check_flow_id(const std::string& flow_id) {
  const bool printable = std::all_of(flow_id.begin(), flow_id.end(),
                                     [](char c) { return static_cast<unsigned char>(c) >= 0x20 && c != 0x7f; });
  if (flow_id.empty() || flow_id.size() > 128 || !printable) return refused("flow_id must be 1..128 printable bytes");
  return {};
}

}  // namespace detail

using detail::clear_session;
using detail::note;
using detail::Outcome;
using detail::refused;
using detail::with;

Result<Onboarding> Onboarding::link(Client client, std::shared_ptr<PaymentStore> store, std::string flow_id,
                                    CreateVaRequest request, OnboardingOptions options) {
  if (!store) return detail::refused("a store is required");
  if (auto ok = detail::check_flow_id(flow_id); !ok) return ok.error();
  auto bank = detail::resolve_bank(request.bank_bin, request.bank_name);
  if (!bank) return bank.error();
  if (request.account_number.empty()) return detail::refused("account_number is required");
  if (request.request_id.empty()) request.request_id = flow_id;
  OnboardingStatus s;
  s.flow_id = std::move(flow_id);
  s.kind = OnboardingKind::kLink;
  s.bank_bin = bank->first;
  s.bank_name = bank->second;
  s.account_number = request.account_number;
  s.request_id = request.request_id;
  s.merchant_id = request.merchant_id;
  s.register_notify = options.register_notify.value_or(s.bank_bin == kAcbBin);
  auto loaded = detail::create_or_load(*store, s);
  if (!loaded) return loaded.error();
  if (loaded->kind != OnboardingKind::kLink || loaded->bank_bin != s.bank_bin ||
      loaded->account_number != s.account_number) {
    return detail::refused("flow '" + s.flow_id + "' exists for another bank, account or kind");
  }
  Onboarding o(std::move(client), std::move(store), std::move(options));
  o.create_ = std::move(request);
  o.status_ = std::move(*loaded);
  return o;
}

Result<Onboarding> Onboarding::unlink(Client client, std::shared_ptr<PaymentStore> store, std::string flow_id,
                                      DeleteVaRequest request, OnboardingOptions options) {
  if (!store) return detail::refused("a store is required");
  if (auto ok = detail::check_flow_id(flow_id); !ok) return ok.error();
  auto bank = detail::resolve_bank(request.bank_bin, "");  // DeleteVaRequest has no bankName: the BIN only
  if (!bank) return bank.error();
  if (request.va_account_number.empty()) return detail::refused("va_account_number is required");
  OnboardingStatus s;
  s.flow_id = std::move(flow_id);
  s.kind = OnboardingKind::kUnlink;
  s.step = OnboardingStep::kDeleteVa;
  s.bank_bin = bank->first;
  s.bank_name = bank->second;
  s.va_account_number = std::move(request.va_account_number);
  s.merchant_id = request.merchant_id;
  auto loaded = detail::create_or_load(*store, s);
  if (!loaded) return loaded.error();
  if (loaded->kind != OnboardingKind::kUnlink || loaded->bank_bin != s.bank_bin ||
      loaded->va_account_number != s.va_account_number) {
    return detail::refused("flow '" + s.flow_id + "' exists for another bank, VA or kind");
  }
  Onboarding o(std::move(client), std::move(store), std::move(options));
  o.status_ = std::move(*loaded);
  return o;
}

Result<Onboarding> Onboarding::bank_link(Client client, std::shared_ptr<PaymentStore> store, std::string flow_id,
                                         CreateBankLinkSessionRequest request, std::string account_number,
                                         OnboardingOptions options) {
  if (!store) return refused("a store is required");
  if (auto ok = detail::check_flow_id(flow_id); !ok) return ok.error();
  OnboardingStatus s;
  s.flow_id = std::move(flow_id);
  s.kind = OnboardingKind::kBankLink;
  s.step = OnboardingStep::kBankLinkSession;
  if (!request.bank_name.empty()) {  // a preselected bank: its BIN too
    auto bank = detail::resolve_bank("", request.bank_name);
    if (!bank) return bank.error();
    s.bank_bin = bank->first;
    s.bank_name = bank->second;
  }
  s.account_number = std::move(account_number);
  s.merchant_id = request.merchant_id;
  auto loaded = detail::create_or_load(*store, s);
  if (!loaded) return loaded.error();
  const bool same_account = s.account_number.empty() || loaded->account_number == s.account_number;
  if (loaded->kind != OnboardingKind::kBankLink || !same_account ||
      (!s.bank_bin.empty() && loaded->bank_bin != s.bank_bin)) {
    return refused("flow '" + s.flow_id + "' exists for another bank, account or kind");
  }
  Onboarding o(std::move(client), std::move(store), std::move(options));
  o.session_request_ = std::move(request);
  o.status_ = std::move(*loaded);
  return o;
}

Result<Onboarding> Onboarding::resume(Client client, std::shared_ptr<PaymentStore> store, std::string flow_id,
                                      OnboardingOptions options) {
  if (!store) return detail::refused("a store is required");
  const std::string id = std::move(flow_id);
  auto loaded = detail::load(*store, id);
  if (!loaded) return loaded.error();
  Onboarding o(std::move(client), std::move(store), std::move(options));
  o.status_ = std::move(*loaded);
  return o;
}

Result<OnboardingStatus> Onboarding::refresh() {
  auto loaded = detail::load(*store_, status_.flow_id);
  if (!loaded) return loaded.error();
  status_ = std::move(*loaded);
  return status_;
}

// Compare-and-set from the version this object read to `next`. Losing means another process
// moved the flow on first: this object re-reads it and the call fails, nothing sent by it.
Result<OnboardingStatus> Onboarding::move(const OnboardingStatus& next) {
  const std::string data = detail::encode(next);
  auto moved = store_->update_flow(Provider::kTingee, status_.flow_id, status_.version, to_string(next.state), data);
  if (!moved) return moved.error();
  if (!*moved) {
    const std::string was(to_string(status_.state));
    auto now = refresh();
    if (!now) return now.error();
    Error e = detail::refused(
        std::string(sent_ ? "superseded after sending (the outcome is left to whoever resumes it)" : "superseded") +
        ": another process moved flow '" + status_.flow_id + "' on (from " + was + " to " +
        std::string(to_string(status_.state)) + ")");
    if (sent_) e.delivery = Delivery::kMaybeSent;
    sent_ = false;
    return e;
  }
  const std::int64_t version = status_.version;
  status_ = next;  // `next` may carry an older version: the store's is the one just written
  status_.version = version + 1;
  status_.updated_at = (options_.clock ? options_.clock : system_clock())->now();
  return status_;
}

Result<OnboardingStatus> Onboarding::advance(const CallOptions& options) {
  switch (status_.state) {
    case OnboardingState::kReady:
    case OnboardingState::kNeedsNewOtp: return send(options);
    case OnboardingState::kSending:
    case OnboardingState::kUncertain:
    case OnboardingState::kAwaitingHolder: return check(options);
    case OnboardingState::kAwaitingOtp:
    case OnboardingState::kDone:
    case OnboardingState::kFailed: return status_;
  }
  return status_;
}

// kReady / kNeedsNewOtp: the step's write, recorded as kSending first.

// kReady / kNeedsNewOtp: the step's write, recorded as kSending first.
Result<OnboardingStatus> Onboarding::send(const CallOptions& options) {
  sent_ = false;
  switch (status_.step) {
    case OnboardingStep::kCreateVa: return send_create_va(options);
    case OnboardingStep::kRegisterNotify: return send_register_notify(options);
    case OnboardingStep::kDeleteVa: return send_delete_va(options);
    case OnboardingStep::kBankLinkSession: return send_bank_link_session(options);
    case OnboardingStep::kConfirmVa:
    case OnboardingStep::kConfirmRegisterNotify:
    case OnboardingStep::kConfirmDeleteVa: break;
  }
  return detail::refused(std::string("nothing to send at step ") + std::string(to_string(status_.step)));
}

std::optional<Result<OnboardingStatus>> Onboarding::send_step(OnboardingStatus next, OnboardingStep step,
                                                              const char* what, Target if_unknown, Target if_refused,
                                                              const std::function<std::optional<Error>()>& write) {
  const OnboardingStatus before = status_;
  auto sending = move(detail::with(next, OnboardingState::kSending, step));
  if (!sending) return Result<OnboardingStatus>(sending.error());
  sent_ = true;
  const std::optional<Error> failed = write();
  if (!failed) return std::nullopt;
  switch (detail::classify(*failed)) {
    case Outcome::kNotSent: {
      auto back = move(before);
      if (!back) return back;
      return Result<OnboardingStatus>(*failed);
    }
    case Outcome::kUnknown:
      detail::note(next, std::string(what) + " outcome unknown", *failed);
      return move(detail::with(next, if_unknown.first, if_unknown.second));
    case Outcome::kRefused:
      detail::note(next, std::string(what) + " refused", *failed);
      return move(detail::with(next, if_refused.first, if_refused.second));
  }
  return Result<OnboardingStatus>(*failed);
}

Result<OnboardingStatus> Onboarding::submit_otp(std::string_view otp, const CallOptions& options) {
  if (status_.state == OnboardingState::kNeedsNewOtp) {
    return refused("the OTP of this session was consumed by its first try: advance() asks the bank for a new one");
  }
  if (status_.state != OnboardingState::kAwaitingOtp) {
    return refused("no OTP is awaited (state " + std::string(to_string(status_.state)) + ")");
  }
  if (otp.empty()) return refused("the OTP is empty");
  sent_ = false;
  const OnboardingStatus before = status_;
  OnboardingStatus next = status_;
  next.message.clear();
  next.provider_code.clear();
  OtpConfirmation c;
  c.merchant_id = before.merchant_id;
  c.confirm_id = before.confirm_id;
  c.otp_number = std::string(otp);
  c.bank_bin = before.bank_bin;  // the BIN, not bankName
  // The OTP is consumed from here on: a crash leaves kSending, which never sends it again.
  auto sending = move(with(next, OnboardingState::kSending, before.step));
  if (!sending) return sending.error();
  sent_ = true;
  const char* what = before.step == OnboardingStep::kConfirmVa               ? "confirm-va"
                     : before.step == OnboardingStep::kConfirmRegisterNotify ? "confirm-register-notify"
                                                                             : "confirm-delete-va";
  std::optional<Error> failed;
  std::string va;
  if (before.step == OnboardingStep::kConfirmVa) {
    auto r = client_.confirm_va(ConfirmVaRequest{c}, options);
    if (r) {
      va = r->va_account_number;
    } else {
      failed = r.error();
    }
  } else if (before.step == OnboardingStep::kConfirmRegisterNotify) {
    auto r = client_.confirm_register_notify(ConfirmRegisterNotifyRequest{c}, options);
    if (!r) failed = r.error();
  } else {
    auto r = client_.confirm_delete_va(ConfirmDeleteVaRequest{c}, options);
    if (!r) failed = r.error();
  }
  if (failed) {
    switch (detail::classify(*failed)) {
      case Outcome::kNotSent: {  // the OTP never left: still good
        auto back = move(before);
        if (!back) return back.error();
        return *failed;
      }
      case Outcome::kUnknown:
        note(next, std::string(what) + " outcome unknown (its OTP is consumed)", *failed);
        if (before.step == OnboardingStep::kConfirmRegisterNotify) {  // get-va-paging cannot tell: a new OTP
          clear_session(next);
          return move(with(next, OnboardingState::kNeedsNewOtp, OnboardingStep::kRegisterNotify));
        }
        return move(with(next, OnboardingState::kUncertain, before.step));
      case Outcome::kRefused:
        note(next, std::string(what) + " refused (its OTP is consumed)", *failed);
        clear_session(next);
        return move(with(next, OnboardingState::kNeedsNewOtp,
                         before.step == OnboardingStep::kConfirmVa               ? OnboardingStep::kCreateVa
                         : before.step == OnboardingStep::kConfirmRegisterNotify ? OnboardingStep::kRegisterNotify
                                                                                 : OnboardingStep::kDeleteVa));
    }
  }
  if (before.step == OnboardingStep::kConfirmVa) return after_link_confirmed(next, va);
  clear_session(next);
  return move(with(next, OnboardingState::kDone, before.step));
}

Result<OnboardingStatus> Onboarding::check(const CallOptions& options) {
  sent_ = false;
  const OnboardingState state = status_.state;
  if (state == OnboardingState::kSending) {
    const auto now = (options_.clock ? options_.clock : system_clock())->now();
    if (now - status_.updated_at < options_.in_flight_timeout) {
      return refused("a write of flow '" + status_.flow_id + "' (" + std::string(to_string(status_.step)) +
                     ") is in flight in another process; try again after in_flight_timeout");
    }
  } else if (state != OnboardingState::kUncertain && state != OnboardingState::kAwaitingHolder) {
    return status_;
  }
  if (status_.kind == OnboardingKind::kBankLink) return check_bank_link(options);
  OnboardingStatus next = status_;
  const OnboardingStep step = next.step;
  // Steps get-va-paging cannot tell apart: decided without a query.
  if (step == OnboardingStep::kRegisterNotify) {  // sending it again opens a new session
    return move(with(next, OnboardingState::kReady, OnboardingStep::kRegisterNotify));
  }
  if (step == OnboardingStep::kConfirmRegisterNotify) {
    if (state == OnboardingState::kAwaitingHolder) return status_;
    clear_session(next);
    next.message = "confirm-register-notify outcome unknown: its OTP is consumed";
    return move(with(next, OnboardingState::kNeedsNewOtp, OnboardingStep::kRegisterNotify));
  }
  GetVaPagingRequest q;
  q.bank_bin = next.bank_bin;
  q.filter = next.kind == OnboardingKind::kLink ? next.account_number : next.va_account_number;
  q.max_result_count = 100;
  q.merchant_id = next.merchant_id;
  auto page = client_.get_va_paging(q, options);
  if (!page) return page.error();
  const VirtualAccount* match = nullptr;
  for (const auto& va : page->items) {
    if (!va.bank_bin.empty() && va.bank_bin != next.bank_bin) continue;
    if (va.bank_bin.empty() && va.bank_name != next.bank_name) continue;
    if (next.kind == OnboardingKind::kUnlink) {
      if (va.va_account_number == next.va_account_number) match = &va;
      continue;
    }
    if (va.account_number != next.account_number) continue;
    // Ours first (the VA create-va named), then an active one, then any.
    const bool ours = !next.va_account_number.empty() && va.va_account_number == next.va_account_number;
    if (match == nullptr || ours || (va.status == "active" && match->status != "active")) match = &va;
    if (ours) break;
  }
  return next.kind == OnboardingKind::kLink ? checked_link(std::move(next), state, match)
                                            : checked_unlink(std::move(next), state, match);
}

Result<OnboardingStatus> Onboarding::apply(const BankLinkEvent& event) {
  sent_ = false;
  const OnboardingState state = status_.state;
  if (state == OnboardingState::kDone || state == OnboardingState::kFailed) return status_;
  switch (status_.kind) {
    case OnboardingKind::kLink: return apply_link(event);
    case OnboardingKind::kUnlink: return apply_unlink(event);
    case OnboardingKind::kBankLink: return apply_bank_link(event);
  }
  return status_;
}

}  // namespace paygw::tingee
