// SPDX-License-Identifier: MIT
// Tingee onboarding (ADR 0054): how a flow is stored — its status as a FlowRecord of the
// PaymentStore (the state in the record's column, the rest as JSON in its data), the names of its
// states and steps, and creating or loading it.
#include <paygw/tingee/onboarding.hpp>

#include "json/json.hpp"
#include "onboarding_detail.hpp"

#include <algorithm>
#include <iterator>

namespace paygw::tingee {

namespace {

using paygw::detail::json::Json;
namespace js = paygw::detail::json;

constexpr OnboardingState kStates[] = {OnboardingState::kReady,       OnboardingState::kSending,
                                       OnboardingState::kAwaitingOtp, OnboardingState::kAwaitingHolder,
                                       OnboardingState::kNeedsNewOtp, OnboardingState::kUncertain,
                                       OnboardingState::kDone,        OnboardingState::kFailed};
constexpr OnboardingStep kSteps[] = {OnboardingStep::kCreateVa,       OnboardingStep::kConfirmVa,
                                     OnboardingStep::kRegisterNotify, OnboardingStep::kConfirmRegisterNotify,
                                     OnboardingStep::kDeleteVa,       OnboardingStep::kConfirmDeleteVa,
                                     OnboardingStep::kBankLinkSession};

}  // namespace

std::string_view to_string(OnboardingState state) noexcept {
  switch (state) {
    case OnboardingState::kReady: return "ready";
    case OnboardingState::kSending: return "sending";
    case OnboardingState::kAwaitingOtp: return "awaiting_otp";
    case OnboardingState::kAwaitingHolder: return "awaiting_holder";
    case OnboardingState::kNeedsNewOtp: return "needs_new_otp";
    case OnboardingState::kUncertain: return "uncertain";
    case OnboardingState::kDone: return "done";
    case OnboardingState::kFailed: return "failed";
  }
  return "unknown";
}

std::string_view to_string(OnboardingStep step) noexcept {
  switch (step) {
    case OnboardingStep::kCreateVa: return "create_va";
    case OnboardingStep::kConfirmVa: return "confirm_va";
    case OnboardingStep::kRegisterNotify: return "register_notify";
    case OnboardingStep::kConfirmRegisterNotify: return "confirm_register_notify";
    case OnboardingStep::kDeleteVa: return "delete_va";
    case OnboardingStep::kConfirmDeleteVa: return "confirm_delete_va";
    case OnboardingStep::kBankLinkSession: return "bank_link_session";
  }
  return "unknown";
}

namespace detail {

std::string encode(const OnboardingStatus& s) {
  Json o = Json::object();
  o["step"] = std::string(to_string(s.step));
  o["bankBin"] = s.bank_bin;
  o["bankName"] = s.bank_name;
  o["accountNumber"] = s.account_number;
  o["vaAccountNumber"] = s.va_account_number;
  o["requestId"] = s.request_id;
  o["confirmId"] = s.confirm_id;
  o["otpMethod"] = s.otp_method;
  o["deepLink"] = s.deep_link;
  o["authorizeLink"] = s.authorize_link;
  if (!s.session_url.empty()) o["sessionUrl"] = s.session_url;
  o["registerNotify"] = s.register_notify;
  if (s.merchant_id) o["merchantId"] = *s.merchant_id;
  o["message"] = s.message;
  o["providerCode"] = s.provider_code;
  return js::dump_lenient(o);
}

Result<OnboardingStatus> decode(const FlowRecord& f) {
  OnboardingStatus s;
  s.flow_id = f.flow_id;
  if (f.kind == kLinkKind) {
    s.kind = OnboardingKind::kLink;
  } else if (f.kind == kUnlinkKind) {
    s.kind = OnboardingKind::kUnlink;
  } else if (f.kind == kBankLinkKind) {
    s.kind = OnboardingKind::kBankLink;
  } else {
    return refused("flow '" + f.flow_id + "' is a '" + f.kind + "' flow, not a Tingee VA onboarding");
  }
  const auto* state = std::find_if(std::begin(kStates), std::end(kStates),
                                   [&](OnboardingState st) { return to_string(st) == f.state; });
  auto data = js::parse(f.data);
  if (state == std::end(kStates) || !data || !data->is_object()) {
    return make_error(ErrorCode::kInternal, "onboarding: unreadable flow '" + f.flow_id + "'");
  }
  s.state = *state;
  const std::string step = js::string_or_empty(*data, "step");
  const auto* found =
      std::find_if(std::begin(kSteps), std::end(kSteps), [&](OnboardingStep st) { return to_string(st) == step; });
  if (found == std::end(kSteps)) return make_error(ErrorCode::kInternal, "onboarding: unreadable flow step");
  s.step = *found;
  s.bank_bin = js::string_or_empty(*data, "bankBin");
  s.bank_name = js::string_or_empty(*data, "bankName");
  s.account_number = js::string_or_empty(*data, "accountNumber");
  s.va_account_number = js::string_or_empty(*data, "vaAccountNumber");
  s.request_id = js::string_or_empty(*data, "requestId");
  s.confirm_id = js::string_or_empty(*data, "confirmId");
  s.otp_method = js::string_or_empty(*data, "otpMethod");
  s.deep_link = js::string_or_empty(*data, "deepLink");
  s.authorize_link = js::string_or_empty(*data, "authorizeLink");
  s.session_url = js::string_or_empty(*data, "sessionUrl");
  const Json* notify = js::member(*data, "registerNotify");
  s.register_notify = notify != nullptr && notify->is_boolean() && notify->get<bool>();
  s.merchant_id = js::integer(*data, "merchantId");
  s.message = js::string_or_empty(*data, "message");
  s.provider_code = js::string_or_empty(*data, "providerCode");
  s.version = f.version;
  s.updated_at = f.updated_at;
  return s;
}

const char* kind_name(OnboardingKind kind) {
  switch (kind) {
    case OnboardingKind::kLink: return kLinkKind;
    case OnboardingKind::kUnlink: return kUnlinkKind;
    case OnboardingKind::kBankLink: return kBankLinkKind;
  }
  return kLinkKind;
}

Result<OnboardingStatus> create_or_load(PaymentStore& store, const OnboardingStatus& s) {
  auto created = store.create_flow(FlowRecord{
      Provider::kTingee, s.flow_id, kind_name(s.kind), std::string(to_string(s.state)), encode(s), 0, {}, {}});
  if (!created) return created.error();
  return load(store, s.flow_id);
}

Result<OnboardingStatus> load(PaymentStore& store, const std::string& flow_id) {
  auto f = store.find_flow(Provider::kTingee, flow_id);
  if (!f) return f.error();
  if (!f->has_value()) return refused("no flow '" + flow_id + "' in the store");
  return decode(**f);
}

}  // namespace detail

}  // namespace paygw::tingee
