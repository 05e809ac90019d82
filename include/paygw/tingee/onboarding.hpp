// SPDX-License-Identifier: MIT
// paygw — Tingee VA onboarding as a guided, resumable flow: linking a bank account (create-va →
// OTP confirm-va → register-notify where the bank needs it), linking one through Tingee's hosted
// bank-link page (create-bank-link-session → the holder on the page), and unlinking a VA
// (delete-va → confirm-delete-va), as a small explicit state machine whose state lives in the PaymentStore
// (FlowRecord), so a process that crashes at any step resumes without creating a second VA and
// without ever sending a consumed OTP again. docs/tingee.md "Onboarding", ADR 0054.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/clock.hpp>
#include <paygw/export.hpp>
#include <paygw/result.hpp>
#include <paygw/store.hpp>
#include <paygw/tingee/bank_links.hpp>
#include <paygw/tingee/client.hpp>
#include <paygw/tingee/virtual_accounts.hpp>
#include <paygw/tingee/webhook.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace paygw::tingee {

/// What an onboarding flow does.
enum class OnboardingKind {
  kLink,      ///< Link a bank account: create-va → confirm → (register-notify → confirm). FlowRecord::kind
              ///< "tingee_va_link".
  kUnlink,    ///< Unlink a VA: delete-va → confirm-delete-va. FlowRecord::kind "tingee_va_unlink".
  kBankLink,  ///< Link through Tingee's hosted page: create-bank-link-session → the holder links on the
              ///< page → done (check() or the bank-link event). FlowRecord::kind "tingee_bank_link".
};

/// The write a state is about: the next one to send, the one in flight, or the confirm awaited.
enum class OnboardingStep {
  kCreateVa,               ///< create-va (link).
  kConfirmVa,              ///< confirm-va with the OTP (or the holder's approval in the bank app).
  kRegisterNotify,         ///< register-notify (ACB by default).
  kConfirmRegisterNotify,  ///< confirm-register-notify with the second OTP.
  kDeleteVa,               ///< delete-va (unlink).
  kConfirmDeleteVa,        ///< confirm-delete-va with the OTP.
  kBankLinkSession,        ///< create-bank-link-session, then the holder on its page (bank-link flows).
};

/// Where a flow is. Transitions (ADR 0054 draws them): kReady -> kSending -> {kAwaitingOtp,
/// kAwaitingHolder, kReady (next step), kDone, kUncertain, kNeedsNewOtp, kFailed}; kAwaitingOtp
/// -> kSending (submit_otp) ; kAwaitingHolder -> {kDone, kReady, kNeedsNewOtp} (check() or a
/// bank-link event); kUncertain -> {kDone, kReady, kAwaitingHolder, kNeedsNewOtp} (check());
/// kNeedsNewOtp -> kSending (advance(): the step that asks the bank for a new OTP). kDone and
/// kFailed never change. A write is always recorded as kSending before it is sent.
enum class OnboardingState {
  kReady,           ///< The step's write has not been sent: advance() sends it.
  kSending,         ///< The step's write was recorded and may be in flight (or its process died).
  kAwaitingOtp,     ///< The bank sent an OTP for the step's confirm: submit_otp().
  kAwaitingHolder,  ///< The holder approves in the bank app (VCB deep link, TPB authorize link) or links on
                    ///< the hosted bank-link page (session_url): check() or apply().
  kNeedsNewOtp,     ///< An OTP was consumed without success: advance() asks the bank for a new one.
  kUncertain,       ///< The step's outcome is unknown: advance() / check() look the VA up (get-va-paging;
                    ///< a bank-link flow then opens a new session unless the expected account is linked).
  kDone,            ///< Linked (kLink, kBankLink) or unlinked (kUnlink). Final.
  kFailed,          ///< Tingee refused the flow for good (OnboardingStatus::message says why). Final.
};

/// "ready", "sending", "awaiting_otp", "awaiting_holder", "needs_new_otp", "uncertain", "done", "failed"
/// (FlowRecord::state).
PAYGW_EXPORT std::string_view to_string(OnboardingState state) noexcept;
/// "create_va", "confirm_va", "register_notify", "confirm_register_notify", "delete_va", "confirm_delete_va",
/// "bank_link_session".
PAYGW_EXPORT std::string_view to_string(OnboardingStep step) noexcept;

/// A flow as it is recorded (FlowRecord::data holds everything but flow_id, state and version).
/// Holds no OTP and no secret of the create-va request (identity, mobile, authorizationCode):
/// those stay in the caller's memory.
struct OnboardingStatus {
  std::string flow_id;                              ///< The merchant's key of the flow.
  OnboardingKind kind = OnboardingKind::kLink;      ///< Link or unlink.
  OnboardingState state = OnboardingState::kReady;  ///< Where it is.
  OnboardingStep step = OnboardingStep::kCreateVa;  ///< The write the state is about.
  std::string bank_bin;           ///< Always the BIN (resolved from a bankName through the VietQR bank directory).
  std::string bank_name;          ///< Tingee's BankNameEnum of the bank ("BIDV", "VCB", ...).
  std::string account_number;     ///< The real account (link flows; bank-link flows: the expected one, or the event's).
  std::string va_account_number;  ///< Tingee's VA, once known (from create-va, confirm-va, get-va-paging or an event).
  /// create-va's requestId (the flow id unless the request set one). Bank-link flows: the hosted
  /// session's id (the `s` parameter of session_url), which its bank-link event carries as requestId.
  std::string request_id;
  std::string confirm_id;      ///< The open OTP / approval session, if any.
  std::string otp_method;      ///< "SMSTTT", "SmartOTP" or "mCode" (OTP banks).
  std::string deep_link;       ///< VCB: the bank app link the holder opens.
  std::string authorize_link;  ///< TPB (and some register-notify answers): the page the holder opens.
  /// Bank-link flows: the hosted page the holder opens (create-bank-link-session's answer,
  /// verbatim; it carries the session's token, so hand it to the holder only).
  std::string session_url;
  bool register_notify = false;             ///< The link flow registers payment notification after confirm-va.
  std::optional<std::int64_t> merchant_id;  ///< Sent with every step (Master Merchant credentials).
  std::string message;        ///< The last outcome worth reading (a refusal, an unknown outcome), no secrets.
  std::string provider_code;  ///< Tingee's code of the last refusal, verbatim ("" when none).
  std::int64_t version = 0;   ///< FlowRecord::version this status was read at.
  std::chrono::system_clock::time_point updated_at{};  ///< When the store last changed it.
};

/// Options of an Onboarding.
struct OnboardingOptions {
  /// A write recorded as in flight (kSending) longer than this is taken as lost with its process:
  /// advance() then looks its outcome up instead of waiting. Keep it above the calls' whole time
  /// budget (a confirm can take minutes; 300 s calls with the default 15 minutes).
  std::chrono::milliseconds in_flight_timeout{std::chrono::minutes(15)};
  /// Register payment notification after confirm-va: nullopt = only for the banks that need it
  /// (ACB, BIN 970416); true = always; false = never.
  std::optional<bool> register_notify;
  /// Compared with FlowRecord::updated_at (set it to the store's clock); defaults to system_clock().
  std::shared_ptr<Clock> clock;
};

/// One onboarding flow, resumable from the PaymentStore.
///
/// Every write goes: compare-and-set the flow to kSending (the write-ahead, winning against any
/// other process resuming the same flow), send, compare-and-set the outcome. So:
/// - a crash before the answer leaves kSending; after in_flight_timeout advance() turns it into
///   kUncertain and looks the VA up with get-va-paging: create-va is never sent again while a VA
///   of the account exists (a pending one is named in the next create-va's vaAccountNumber);
/// - an OTP is consumed by its first try: a refused or unknown confirm moves the flow to
///   kNeedsNewOtp (or kUncertain, then kNeedsNewOtp unless the VA turned active) and submit_otp()
///   is refused there, nothing sent;
/// - every request names the bank by bankBin (a bankName is resolved to its BIN first; Tingee
///   cannot confirm a delete session opened with bankName).
///
/// Errors of every call: kInvalidArgument with Delivery::kNotSent (a call the state does not
/// allow, another process moved the flow on first — message "onboarding: superseded…" — or a write
/// of another process still in flight), the store's errors, and the Client's errors of a write
/// that was certainly not sent (the flow is left where it was). A write that reached Tingee does
/// not fail the call: its outcome (refused, unknown) is recorded and returned in the status —
/// unless the flow was moved on meanwhile (only after in_flight_timeout): then "onboarding:
/// superseded after sending…" with Delivery::kMaybeSent, the outcome left to the resumer's check().
///
/// Thread safety: an Onboarding object is used by one thread at a time; any number of objects, in
/// any number of processes sharing the store, may work on one flow (one wins each step).
class PAYGW_EXPORT Onboarding {
 public:
  /// Starts linking `request`'s account as flow `flow_id`, or resumes that flow when the store has
  /// it (then `request` must name the same bank and account; it is kept in memory to send
  /// create-va again when a step needs it). request.bank_bin, or request.bank_name resolved
  /// through the VietQR bank directory, gives the BIN; request.request_id defaults to `flow_id`
  /// (bank-link events carry it). Nothing is sent. Errors: kInvalidArgument (flow_id, an unknown
  /// bank, no account_number, another flow kind or account under that id), the store's errors.
  [[nodiscard]] static Result<Onboarding> link(Client client, std::shared_ptr<PaymentStore> store, std::string flow_id,
                                               CreateVaRequest request, OnboardingOptions options = {});
  /// Starts (or resumes) unlinking `request`'s VA as flow `flow_id`. Nothing is sent. Errors: as link().
  [[nodiscard]] static Result<Onboarding> unlink(Client client, std::shared_ptr<PaymentStore> store,
                                                 std::string flow_id, DeleteVaRequest request,
                                                 OnboardingOptions options = {});
  /// Starts linking an account through Tingee's hosted bank-link page as flow `flow_id`, or
  /// resumes that flow when the store has it (kBankLink): advance() sends create-bank-link-session
  /// (recorded as kSending first) and moves to kAwaitingHolder with the page's URL
  /// (OnboardingStatus::session_url) to hand to the holder; the holder links an account on the
  /// page; check() or apply() of the page's bank-link event then finishes it (kDone). `request` is
  /// kept in memory (its bank_name, if set, preselects the bank and is resolved to its BIN).
  /// `account_number`: the account the holder is expected to link, if the merchant knows it; only
  /// then can check() prove the link (get-va-paging by that account shows it active) — without
  /// it only apply() can. A session whose answer was lost is never looked for: its page was
  /// handed to nobody, so it cannot link anything, and advance() opens a new one (ADR 0054).
  /// Nothing is sent. Errors: kInvalidArgument (flow_id, an unknown request.bank_name, another
  /// flow kind, account or bank under that id), the store's errors.
  [[nodiscard]] static Result<Onboarding> bank_link(Client client, std::shared_ptr<PaymentStore> store,
                                                    std::string flow_id, CreateBankLinkSessionRequest request,
                                                    std::string account_number = {}, OnboardingOptions options = {});
  /// Resumes flow `flow_id` from the store. A link flow resumed this way cannot send create-va
  /// (call link() with the request for that), nor a bank-link flow create-bank-link-session
  /// (call bank_link()). Errors: kInvalidArgument (no such flow, or not an
  /// onboarding flow), the store's errors.
  [[nodiscard]] static Result<Onboarding> resume(Client client, std::shared_ptr<PaymentStore> store,
                                                 std::string flow_id, OnboardingOptions options = {});

  /// The flow as last read or written by this object.
  [[nodiscard]] const OnboardingStatus& status() const noexcept { return status_; }
  /// Re-reads the flow from the store. Errors: the store's.
  Result<OnboardingStatus> refresh();
  /// Does the next thing the state allows without the holder: kReady / kNeedsNewOtp send the
  /// step's write; kSending older than in_flight_timeout and kUncertain look the outcome up
  /// (check()); kAwaitingHolder checks whether the holder approved; kAwaitingOtp, kDone and
  /// kFailed return the status unchanged. Errors: see the class.
  Result<OnboardingStatus> advance(const CallOptions& options = {});
  /// Sends the OTP the bank sent to confirm the awaited step (kAwaitingOtp only; the OTP is
  /// never stored). Errors: see the class; kInvalidArgument in any other state (in kNeedsNewOtp:
  /// that session's OTP was consumed) or for an empty OTP.
  Result<OnboardingStatus> submit_otp(std::string_view otp, const CallOptions& options = {});
  /// Looks the VA up with get-va-paging (a read) to learn the truth in kUncertain, kAwaitingHolder
  /// or kSending older than in_flight_timeout; other states are returned unchanged. Bank-link
  /// flows: an active VA of the expected account (bank_link()'s `account_number`) → kDone; else
  /// kAwaitingHolder stays, and kUncertain or a stale kSending → kReady (a new session, see
  /// bank_link()); without an expected account nothing is read. Errors: see the class.
  Result<OnboardingStatus> check(const CallOptions& options = {});
  /// Applies a verified bank-link webhook event (tingee::verify_webhook) whose request_id is this
  /// flow's: confirm-va-success links (kDone, or register-notify next), confirm-va-failed asks for
  /// a new approval (kNeedsNewOtp), delete-va-success unlinks. Bank-link flows in
  /// kAwaitingHolder: an event whose request_id is the session's (OnboardingStatus::request_id)
  /// links (kDone, with the event's VA and account) or, confirm-va-failed, returns to kReady (a
  /// new session). Events of other flows or states return the status unchanged. Errors: see the class.
  Result<OnboardingStatus> apply(const BankLinkEvent& event);

 private:
  Onboarding(Client client, std::shared_ptr<PaymentStore> store, OnboardingOptions options)
      : client_(std::move(client)), store_(std::move(store)), options_(std::move(options)) {}
  /// Where a failed write leaves the flow: a state and the step it is about.
  using Target = std::pair<OnboardingState, OnboardingStep>;
  Result<OnboardingStatus> send(const CallOptions& options);
  /// Records `next` as kSending at `step`, runs `write` (which returns its error, if any) and
  /// classifies a failure: not sent -> the flow back where it was, the error returned; unknown ->
  /// `if_unknown`; refused -> `if_refused`. nullopt when the write succeeded (the caller records
  /// the answer); else the call's result.
  std::optional<Result<OnboardingStatus>> send_step(OnboardingStatus next, OnboardingStep step, const char* what,
                                                    Target if_unknown, Target if_refused,
                                                    const std::function<std::optional<Error>()>& write);
  Result<OnboardingStatus> move(const OnboardingStatus& next);
  Result<OnboardingStatus> send_create_va(const CallOptions& options);
  Result<OnboardingStatus> send_register_notify(const CallOptions& options);
  Result<OnboardingStatus> send_delete_va(const CallOptions& options);
  Result<OnboardingStatus> after_link_confirmed(OnboardingStatus next, const std::string& va_account_number);
  Result<OnboardingStatus> checked_link(OnboardingStatus next, OnboardingState state, const VirtualAccount* match);
  Result<OnboardingStatus> checked_unlink(OnboardingStatus next, OnboardingState state, const VirtualAccount* match);
  Result<OnboardingStatus> apply_link(const BankLinkEvent& event);
  Result<OnboardingStatus> apply_unlink(const BankLinkEvent& event);
  Result<OnboardingStatus> send_bank_link_session(const CallOptions& options);
  Result<OnboardingStatus> check_bank_link(const CallOptions& options);
  Result<OnboardingStatus> apply_bank_link(const BankLinkEvent& event);

  Client client_;
  std::shared_ptr<PaymentStore> store_;
  OnboardingOptions options_;
  std::optional<CreateVaRequest> create_;                        // link(): what create-va sends (in memory only)
  std::optional<CreateBankLinkSessionRequest> session_request_;  // bank_link(): what the session sends
  bool sent_ = false;                                            // this call has sent its write
  OnboardingStatus status_;
};

}  // namespace paygw::tingee
