// SPDX-License-Identifier: MIT
// paygw — Observer: one hook that sees every provider call and every inbound delivery, for
// metrics and traces (docs/observability.md; ADR 0040). Attribute names follow OpenTelemetry's
// semantic conventions where one exists; nothing an event carries is a secret.
#pragma once

#include <chrono>
#include <string_view>

namespace paygw {

/// One finished provider call (a blocking or an async call of a tingee, tconnect or charging
/// client, TConnect's logins and token refreshes included), reported once when its result is known.
///
/// The string_views are valid only during Observer::on_call; copy what you keep. No field holds a
/// credential, a signature, a request or response body, a query string or a card number.
struct CallEvent {
  std::string_view provider;        ///< `paygw.provider`: "tingee", "tconnect" or "charging".
  std::string_view operation;       ///< `paygw.operation`: the endpoint (its URL path, or charging's command).
  std::string_view method;          ///< `http.request.method`: "GET", "POST", ...
  std::string_view server_address;  ///< `server.address`: the host of the base URL (no user, port or path).
  bool async = false;               ///< `paygw.call.async`: true for the *_async forms.
  /// `error.type`: empty on success, else the ErrorCode name ("timeout", "provider", ...).
  std::string_view error_type;
  std::string_view provider_code;        ///< `paygw.provider.code`: the provider's result code of an error, verbatim.
  int http_status = 0;                   ///< `http.response.status_code` of the last answer; 0: no answer.
  int attempts = 0;                      ///< `paygw.attempts`: requests handed to the transport (0: none sent).
  bool maybe_sent = false;               ///< `paygw.maybe_sent`: an error whose request may have reached the server.
  std::chrono::nanoseconds duration{0};  ///< The call's duration, retries and waits included (steady clock).

  /// True when the call succeeded.
  bool ok() const noexcept { return error_type.empty(); }
};

/// One inbound delivery handled by receive::Dispatcher, reported once its reply is decided.
/// The string_views are valid only during Observer::on_delivery. No secret, signature or body.
struct DeliveryEvent {
  std::string_view provider;  ///< `paygw.provider`: "tingee", "tconnect", "charging"; "" when no endpoint matched.
  /// `paygw.delivery`: "payment", "bank_link", "ping" (Tingee), "ipn" (TConnect), "callback"
  /// (charging); "" when the delivery was refused before it was read.
  std::string_view delivery;
  /// `paygw.outcome`: an apply result — "applied", "duplicate", "conflict", "ignored",
  /// "unknown_submission", "rejected" — or what the dispatcher decided before applying:
  /// "refused" (verification failed), "not_confirmed" (the provider's query did not confirm it),
  /// "unavailable" (a store, handler or query failure: the provider delivers again), "ping",
  /// "not_found" (404), "method_not_allowed" (405), "too_large" (413).
  std::string_view outcome;
  std::string_view method;               ///< `http.request.method` as received.
  int status = 0;                        ///< `http.response.status_code` of the reply.
  std::chrono::nanoseconds duration{0};  ///< Time to decide the reply (refusal_floor waits included).
};

/// One alert raised by receive::Applier::alert (the dispatcher's refusals, conflicts, the
/// reconciler's and sweep's findings). Valid only during Observer::on_alert.
struct AlertEvent {
  std::string_view provider;  ///< `paygw.provider`.
  std::string_view kind;      ///< `paygw.alert.kind`: "conflict", "rejected", "not_confirmed", ...
};

/// Receives events; derive and override what you need (the defaults do nothing). Hold it in
/// ClientOptions::observer and receive::ApplierOptions::observer (a null pointer: no events, no
/// cost). Called on the thread that finishes the call or handles the delivery — a caller's
/// thread, a transport or timer thread — possibly concurrently: implementations must be
/// thread-safe and fast (they delay the call's result). An exception thrown by a member is caught
/// and ignored: an observer never changes a call's result or a delivery's reply.
class Observer {
 public:
  virtual ~Observer() = default;
  /// A provider call finished.
  virtual void on_call(const CallEvent& event) { (void)event; }
  /// A delivery's reply was decided.
  virtual void on_delivery(const DeliveryEvent& event) { (void)event; }
  /// An alert was raised.
  virtual void on_alert(const AlertEvent& event) { (void)event; }

  Observer() = default;                            ///< Nothing to set up.
  Observer(const Observer&) = default;             ///< Copyable (no state).
  Observer& operator=(const Observer&) = default;  ///< Copyable (no state).
  Observer(Observer&&) = default;                  ///< Movable (no state).
  Observer& operator=(Observer&&) = default;       ///< Movable (no state).
};

}  // namespace paygw
