// SPDX-License-Identifier: MIT
// Internal: one inbound verifier per provider (tingee_inbound.cpp, tconnect_inbound.cpp,
// charging_inbound.cpp) and what the Dispatcher's router knows of them (ADR 0044).
//
// The router (dispatcher.cpp) only finds the verifier by path, checks the method and the size,
// calls it, and sends the reply the verifier's own table makes of what happened. A verifier:
//   verify(request) -> Result<Event>  the provider's checks (signature, decryption, parsing, bounds);
//   apply(event)    -> Handled        its confirmation query, when the provider needs one (never
//                                     inside a store transaction), then the Applier;
//   reply(handled)  -> Reply          the provider's reply table (docs/receiving-payments.md).
#pragma once

#include <paygw/receive/applier.hpp>
#include <paygw/receive/dispatcher.hpp>

#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace paygw::receive::detail {

/// One delivery, its path already matched by the router (and its method and size checked).
struct InboundRequest {
  std::string_view method;
  std::string_view query;  ///< The target's query, without '?' ("" when none).
  const http::Headers& headers;
  std::string_view body;
  std::chrono::steady_clock::time_point arrived;  ///< When handle() was called.
};

/// Where a delivery ended, before it is answered.
enum class Stage {
  kPing,          ///< A connection test: nothing to verify or apply.
  kRefused,       ///< verify() failed on the delivery itself (Delivery::kInbound): `error` says why.
  kUnknown,       ///< It names nothing the store has (a charging callback's request_id): ignored.
  kNotConfirmed,  ///< The provider's own query does not (yet) confirm it: nothing applied.
  kUnavailable,   ///< Our side failed (the store, a query, a handler): nothing applied; deliver again.
  kApplied,       ///< The Applier answered: `applied` says what it did.
};

/// What happened to one delivery: what the verifier's reply table maps, and what the Observer is
/// told (`delivery`, and the outcome derived from `stage` and `applied`).
struct Handled {
  Stage stage = Stage::kUnavailable;
  std::string_view delivery;   ///< "payment", "bank_link", "ping", "ipn", "callback" ("" unknown).
  Applied applied;             ///< kApplied.
  std::optional<Error> error;  ///< kRefused (and kUnavailable, for the note).
  std::string note;            ///< For the merchant's log (Reply::note); the reply may prefix it.
};

/// The Observer's outcome of a delivery: "ping", "refused", "unknown_submission",
/// "not_confirmed", "unavailable", or the Applier's (to_string(Outcome)).
std::string_view observed_outcome(const Handled& handled) noexcept;

/// A Reply with these fields.
Reply make_reply(int status, std::string body, std::string note, std::string content_type = "application/json");

/// Our side failed: nothing applied, the provider should deliver again (`what` names the delivery
/// in the note).
Handled unavailable(std::string_view delivery, std::string_view what, const Error& error);

/// The generic 503 a store or handler failure is answered with (Tingee and charging).
Reply unavailable_reply(const Handled& handled);

/// The merchant's own function objects (confirmation queries) must not throw; if one does, it is a
/// failure like a failed query (nothing applied, the provider delivers again), never an exception
/// out of Dispatcher::handle.
template <typename F, typename... Args>
auto guarded(const F& f, const char* what, const Args&... args) -> decltype(f(args...)) {
  try {
    return f(args...);
  } catch (const std::exception& e) {
    return make_error(ErrorCode::kInternal, std::string(what) + " threw: " + e.what());
  } catch (...) {
    return make_error(ErrorCode::kInternal, std::string(what) + " threw");
  }
}

/// What the router holds: one per configured provider, immutable, called concurrently.
class InboundVerifier {
 public:
  InboundVerifier() = default;
  InboundVerifier(const InboundVerifier&) = delete;
  InboundVerifier& operator=(const InboundVerifier&) = delete;
  InboundVerifier(InboundVerifier&&) = delete;
  InboundVerifier& operator=(InboundVerifier&&) = delete;
  virtual ~InboundVerifier() = default;

  /// "tingee", "tconnect", "charging" (the Observer's provider).
  virtual std::string_view provider() const noexcept = 0;
  /// The exact path it serves.
  virtual const std::string& path() const noexcept = 0;
  /// Whether GET is served besides POST.
  virtual bool allows_get() const noexcept { return false; }
  /// The delivery's name before it is read ("ipn", "callback"; "" when the body says).
  virtual std::string_view delivery() const noexcept { return {}; }
  /// verify(), then apply() (Inbound<Event>::receive).
  virtual Handled receive(const InboundRequest& request) const = 0;
  /// The provider's reply table.
  virtual Reply reply(const Handled& handled, const InboundRequest& request) const = 0;
};

/// A provider's verifier with its own event type.
template <typename Event>
class Inbound : public InboundVerifier {
 public:
  /// The provider's checks. An error with Delivery::kInbound refuses the delivery (the verifier has
  /// alerted); any other is our failure (kUnavailable).
  virtual Result<Event> verify(const InboundRequest& request) const = 0;
  /// Confirms the event when the provider needs it (no store transaction is open meanwhile) and
  /// applies it through the Applier.
  virtual Handled apply(Event& event) const = 0;

  Handled receive(const InboundRequest& request) const final {
    auto event = verify(request);
    if (!event) {
      const Error& e = event.error();
      if (e.delivery != Delivery::kInbound) {
        return unavailable(delivery(), std::string(provider()) + " " + std::string(delivery()), e);
      }
      Handled refused;
      refused.stage = Stage::kRefused;
      refused.delivery = delivery();
      refused.error = e;
      return refused;
    }
    return apply(*event);
  }
};

/// The verifiers, each over the dispatcher's Applier (which must outlive it).
std::unique_ptr<InboundVerifier> make_tingee_inbound(const TingeeEndpoint& endpoint, const Applier& applier);
std::unique_ptr<InboundVerifier> make_tconnect_inbound(const TconnectEndpoint& endpoint, const Applier& applier);
std::unique_ptr<InboundVerifier> make_charging_inbound(const ChargingEndpoint& endpoint, const Applier& applier);

/// Applier::apply_card for a card whose row the caller has already read (`read`, outside any
/// transaction: the charging verifier needs it to verify the callback and to call check()). The
/// decision is made on `read`; only when it applies is a transaction opened, in which finalize()'s
/// compare-and-set re-checks that the row is still open. When it is not (another delivery
/// finalized it, or it became not_sent, since the read), the row is read again in that transaction
/// and the result is answered as apply_card answers it. Same outcomes, alerts and errors as
/// apply_card. See ADR 0044.
Result<Applied> apply_card_as_read(const Applier& applier, const charging::ChargeResult& result,
                                   std::string_view source, const SubmissionRecord& read);

}  // namespace paygw::receive::detail
