// SPDX-License-Identifier: MIT
// Dispatcher: routes a delivery to its verifier, applies it once, and answers what the provider
// expects. The reply table and its reasons are in docs/receiving-payments.md.
#include <paygw/charging/stored_card.hpp>
#include <paygw/receive/dispatcher.hpp>

#include "call/observer.hpp"
#include "receive/check_rule.hpp"

#include <algorithm>
#include <exception>
#include <set>
#include <thread>

namespace paygw::receive {

namespace {

Reply reply(int status, std::string body, std::string note, std::string content_type = "application/json") {
  Reply r;
  r.status = status;
  r.body = std::move(body);
  r.note = std::move(note);
  r.content_type = std::move(content_type);
  return r;
}

Reply unavailable(std::string_view what, const Error& e) {
  // The store or the merchant's handler failed: nothing was applied; the provider should retry.
  return reply(503, R"({"code":"99","message":"Temporarily unavailable"})",
               std::string(what) + " not applied (will be retried): " + describe(e));
}

bool is_auth_failure(ErrorCode code) {
  return code == ErrorCode::kMissingSignature || code == ErrorCode::kInvalidSignature ||
         code == ErrorCode::kBadTimestamp;
}

// The merchant's own function objects (confirmation queries) must not throw; if one does, it is a
// failure like a failed query (nothing applied, the provider delivers again), never an exception
// out of Dispatcher::handle.
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

// True when a crediting result claims more than the card was declared at: its amount, or the
// card's value it reports (a "wrong value" callback saying the card is worth more).
bool above_declared(const charging::ChargeResult& r, Vnd declared) {
  return r.credits() && ((r.amount && *r.amount > declared) || (r.value && *r.value > declared) ||
                         (r.card_value && *r.card_value > declared));
}

constexpr std::string_view kTingeeRejected = R"({"code":"09","message":"Invalid signature"})";
constexpr std::string_view kTingeeUnreadable = R"({"code":"99","message":"Unreadable event"})";
// Every IPN that is not applied gets this one reply (see TconnectEndpoint::refusal_floor).
constexpr std::string_view kIpnNotApplied = R"({"code":"02","message":"Not applied"})";
constexpr std::string_view kChargingOk = R"({"status":"ok"})";
constexpr std::string_view kChargingIgnored = R"({"status":"ignored"})";
constexpr std::string_view kChargingRejected = R"({"status":"rejected"})";
constexpr std::string_view kChargingRetry = R"({"code":"99","message":"Temporarily unavailable"})";

// What the Observer is told about a delivery (one per handle() call, on its stack).
struct Seen {
  std::string_view provider;
  std::string_view delivery;
  std::string_view outcome;  // empty: derived from the reply's status (outcome_of_status)
};

std::string_view outcome_of_status(int status) {
  switch (status) {
    case 400:
    case 401:
    case 403: return "refused";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 413: return "too_large";
    case 503: return "unavailable";
    default: return "acknowledged";
  }
}

}  // namespace

struct Dispatcher::Impl {
  DispatcherConfig config;
  Applier applier;

  explicit Impl(DispatcherConfig c) : config(std::move(c)), applier(config.store, config.applier) {}

  Reply route(std::string_view method, std::string_view target, const http::Headers& headers, std::string_view body,
              Seen& seen) const;

  void observe(const Seen& seen, std::string_view method, const Reply& reply,
               std::chrono::steady_clock::time_point started) const noexcept {
    DeliveryEvent event;
    event.provider = seen.provider;
    event.delivery = seen.delivery;
    event.outcome = seen.outcome.empty() ? outcome_of_status(reply.status) : seen.outcome;
    event.method = method;
    event.status = reply.status;
    event.duration = std::chrono::steady_clock::now() - started;
    paygw::detail::notify_delivery(*config.applier.observer, event);
  }

  Reply tingee(const http::Headers& headers, std::string_view body, Seen& seen) const {
    const TingeeEndpoint& ep = *config.tingee;
    // A body-less POST is a connection test (no event to verify or apply): acknowledge it, as
    // the dashboard's test fails otherwise.
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      seen.delivery = seen.outcome = "ping";
      return reply(200, std::string(tingee::kWebhookAck), "tingee body-less ping: nothing applied");
    }
    auto event = tingee::verify_webhook(body, headers, ep.secret, ep.options);
    if (!event) {
      const Error& e = event.error();
      applier.alert({Provider::kTingee, "rejected", "", "webhook refused: " + describe(e)});
      if (is_auth_failure(e.code)) return reply(401, std::string(kTingeeRejected), "tingee rejected: " + describe(e));
      return reply(400, std::string(kTingeeUnreadable), "tingee unreadable: " + describe(e));
    }
    const std::string ack(tingee::kWebhookAck);
    switch (event->kind) {
      case tingee::WebhookKind::kPing:
        seen.delivery = seen.outcome = "ping";
        return reply(200, ack,
                     event->authenticated ? "tingee ping (signed)" : "tingee ping (unsigned: nothing applied)");
      case tingee::WebhookKind::kBankLink: {
        seen.delivery = "bank_link";
        auto applied = applier.apply_bank_link(*event->bank_link);
        if (!applied) return unavailable("tingee bank-link", applied.error());
        seen.outcome = to_string(applied->outcome);
        if (applied->outcome == Outcome::kRejected) return reply(400, std::string(kTingeeUnreadable), applied->detail);
        return reply(200, ack, "tingee bank-link " + std::string(to_string(applied->outcome)));
      }
      case tingee::WebhookKind::kPayment: break;
    }
    seen.delivery = "payment";
    auto applied = applier.apply_tingee_payment(*event->payment, "webhook");
    if (!applied) return unavailable("tingee payment", applied.error());
    seen.outcome = to_string(applied->outcome);
    const std::string note = "tingee payment " + std::string(to_string(applied->outcome)) + ": " + applied->detail;
    if (applied->outcome == Outcome::kRejected) return reply(400, std::string(kTingeeUnreadable), note);
    return reply(200, ack, note);
  }

  // Every IPN that is not applied — undecodable, impossible, not found, contradicted, or a failure
  // of the query, the store or the handler — gets the same reply, no sooner than refusal_floor
  // after it arrived: neither the reply nor its timing tells a forged ciphertext that decrypts
  // from one that does not (the query only runs for those that decrypt).
  Reply ipn_not_applied(std::chrono::steady_clock::time_point arrived, const std::string& note) const {
    std::this_thread::sleep_until(arrived + config.tconnect->refusal_floor);
    return reply(503, std::string(kIpnNotApplied), "tconnect IPN not applied: " + note);
  }

  Reply tconnect(std::string_view body, Seen& seen) const {
    const auto arrived = std::chrono::steady_clock::now();
    const TconnectEndpoint& ep = *config.tconnect;
    seen.delivery = "ipn";
    seen.outcome = "refused";
    auto ipn = tconnect::decode_ipn(body, ep.keys, ep.key_format);
    if (!ipn) {
      applier.alert({Provider::kTconnect, "rejected", "", "IPN refused: " + describe(ipn.error())});
      return ipn_not_applied(arrived, "refused: " + describe(ipn.error()));
    }
    if (ipn->amount <= 0 || ipn->amount > kMaxAmountVnd) {
      applier.alert(
          {Provider::kTconnect, "rejected", ipn->order_id, "IPN amount outside 1.." + std::to_string(kMaxAmountVnd)});
      return ipn_not_applied(arrived, "refused: amount out of bounds");
    }
    seen.outcome = "unavailable";
    auto confirmation = guarded(ep.confirm, "TconnectEndpoint::confirm", *ipn, ep.confirm_options);
    if (!confirmation) return ipn_not_applied(arrived, "confirmation query failed: " + describe(confirmation.error()));
    switch (confirmation->result) {
      case IpnCheck::kConfirmed: break;
      case IpnCheck::kNotFound:
        seen.outcome = "not_confirmed";
        applier.alert(
            {Provider::kTconnect, "not_confirmed", ipn->order_id, "the query does not show the IPN's payment"});
        return ipn_not_applied(arrived, "not confirmed (yet): " + ipn->order_id);
      case IpnCheck::kAmountMismatch:
      case IpnCheck::kNotSuccessful:
        seen.outcome = "not_confirmed";
        applier.alert({Provider::kTconnect, "rejected", ipn->order_id, "the query contradicts the IPN"});
        return ipn_not_applied(arrived, "the query contradicts the IPN: " + ipn->order_id);
    }
    if (!confirmation->transaction) return ipn_not_applied(arrived, "confirmation without a transaction");
    auto applied = applier.apply_ipn(*ipn, *confirmation->transaction, "ipn");
    if (!applied) return ipn_not_applied(arrived, "(will be retried): " + describe(applied.error()));
    seen.outcome = to_string(applied->outcome);
    const std::string note = "tconnect IPN " + std::string(to_string(applied->outcome)) + ": " + applied->detail;
    if (applied->outcome == Outcome::kRejected) return ipn_not_applied(arrived, note);
    return reply(200, std::string(tconnect::kIpnAck), note);
  }

  // The provider's own answer for the card, instead of what the callback claims.
  Result<charging::ChargeResult> confirm_by_check(const ChargingEndpoint& ep,
                                                  const charging::StoredCard& stored) const {
    auto card = charging::unseal_card(stored, ep.store_key);
    if (!card) return card.error();
    auto checked = guarded(ep.confirm, "ChargingEndpoint::confirm", *card, ep.confirm_options);
    std::fill(card->code.begin(), card->code.end(), '\0');
    std::fill(card->serial.begin(), card->serial.end(), '\0');
    if (!checked) return checked;
    if (checked->request_id.empty()) checked->request_id = stored.request_id;
    if (checked->request_id != stored.request_id) {
      return make_error(ErrorCode::kMalformed, "check answered for another request_id", Delivery::kMaybeSent);
    }
    return checked;
  }

  Reply charging(std::string_view query, std::string_view body, Seen& seen) const {
    const ChargingEndpoint& ep = *config.charging;
    seen.delivery = "callback";
    const charging::CallbackRequest request{query, body};
    // The request_id only selects the stored card; everything is verified against that record.
    const auto id = charging::callback_request_id(request);
    if (!id) {
      seen.outcome = "unknown_submission";
      applier.alert({Provider::kCharging, "unknown_submission", "", "callback without a usable request_id"});
      return reply(200, std::string(kChargingIgnored), "charging ignored: no request_id");
    }
    auto record = config.store->find_submission(Provider::kCharging, *id);
    if (!record) return unavailable("charging callback", record.error());
    if (!*record) {
      seen.outcome = "unknown_submission";
      applier.alert({Provider::kCharging, "unknown_submission", *id, "callback for a card the store lacks"});
      return reply(200, std::string(kChargingIgnored), "charging ignored: unknown request_id " + *id);
    }
    const SubmissionRecord& r = **record;
    auto stored = charging::StoredCard::decode(r.request_id, r.telco, r.amount, r.verifier);
    if (!stored) return unavailable("charging callback (stored card unreadable)", stored.error());
    auto verified = charging::verify_stored_callback(request, *stored, ep.store_key, ep.options);
    if (!verified) {
      const Error& e = verified.error();
      applier.alert({Provider::kCharging, "rejected", *id, "callback refused: " + describe(e)});
      const int status = e.code == ErrorCode::kMalformed ? 400 : 403;
      return reply(status, std::string(kChargingRejected), "charging rejected: " + describe(e));
    }
    charging::ChargeResult result = *verified;
    std::string source = "callback";
    // Without confirmation, nothing above the card's declared value is credited: the callback's
    // signature covers no amount, so a larger claim is confirmed with check() first.
    // A card already final needs no check: apply_card answers duplicate or conflict from the store.
    const bool claims_more = above_declared(result, stored->declared_value);
    if (result.is_final() && r.state != SubmissionState::kFinal && (ep.confirm || claims_more)) {
      const std::string claim = "final callback (status " + std::to_string(result.status_code) + ")";
      if (!ep.confirm) {
        seen.outcome = "not_confirmed";
        applier.alert({Provider::kCharging, "not_confirmed", *id,
                       claim + " claims more than the declared value; not credited without ChargingEndpoint::confirm"});
        return reply(503, std::string(kChargingRetry),
                     "charging callback not applied: it claims more than the declared value and nothing confirms it");
      }
      auto checked = confirm_by_check(ep, *stored);
      if (!checked) return unavailable("charging callback (check failed)", checked.error());
      // The one rule (shared with the reconciler): only a card verdict settles a card. Anything
      // else keeps it pending and asks the provider to call back again.
      const detail::CheckVerdict verdict = detail::rule_on_check(*checked, true);
      if (verdict.ruling != detail::CheckRuling::kSettle) {
        seen.outcome = "not_confirmed";
        const std::string why = verdict.why.empty() ? "check says still pending" : verdict.why;
        applier.alert({Provider::kCharging, "not_confirmed", *id, claim + " not applied: " + why});
        return reply(503, std::string(kChargingRetry), "charging callback not applied (will be retried): " + why);
      }
      if (charging::decide(*checked, result).conflicts) {
        applier.alert({Provider::kCharging, "rejected", *id,
                       "the callback claims status " + std::to_string(result.status_code) + ", check says " +
                           std::to_string(checked->status_code)});
      }
      result = std::move(*checked);
      source = "check";
    }
    auto applied = applier.apply_card(result, source);
    if (!applied) return unavailable("charging callback", applied.error());
    seen.outcome = to_string(applied->outcome);
    const std::string note =
        "charging " + std::string(to_string(applied->outcome)) + ": " + *id + " " + applied->detail;
    if (applied->outcome == Outcome::kRejected || applied->outcome == Outcome::kUnknownSubmission) {
      return reply(200, std::string(kChargingIgnored), note);
    }
    return reply(200, std::string(kChargingOk), note);
  }
};

Result<Dispatcher> Dispatcher::create(DispatcherConfig config) {
  auto fail = [](std::string m) { return make_error(ErrorCode::kConfig, std::move(m)); };
  if (!config.store) return fail("store is required");
  if (!config.tingee && !config.tconnect && !config.charging) return fail("no endpoint configured");
  std::set<std::string> paths;
  auto path_ok = [&](const std::string& path) {
    return !path.empty() && path.front() == '/' && path.find('?') == std::string::npos && paths.insert(path).second;
  };
  if (config.tingee) {
    if (!path_ok(config.tingee->path)) return fail("tingee path must start with '/' and differ from the others");
    if (config.tingee->secret.empty()) return fail("tingee secret is required");
  }
  if (config.tconnect) {
    if (!path_ok(config.tconnect->path)) return fail("tconnect path must start with '/' and differ from the others");
    if (config.tconnect->keys.empty()) return fail("tconnect keys are required");
    if (!config.tconnect->confirm) return fail("tconnect confirm is required (receive::confirm_with)");
  }
  if (config.charging) {
    if (!path_ok(config.charging->path)) return fail("charging path must start with '/' and differ from the others");
    if (config.charging->store_key.size() < 32) return fail("charging store_key must be at least 32 bytes");
  }
  if (config.max_body_bytes == 0) return fail("max_body_bytes must be positive");
  return Dispatcher(std::make_shared<const Impl>(std::move(config)));
}

const Applier& Dispatcher::applier() const noexcept { return impl_->applier; }

Reply Dispatcher::handle(std::string_view method, std::string_view target, const http::Headers& headers,
                         std::string_view body) const {
  // Documented never to throw: the merchant's functions are guarded where they are called; this
  // is the last line (std::bad_alloc, a store implementation that throws). Nothing was committed.
  const auto started = std::chrono::steady_clock::now();
  Seen seen;
  Reply out;
  try {
    out = impl_->route(method, target, headers, body, seen);
  } catch (const std::exception& e) {
    seen.outcome = "unavailable";
    out = unavailable("delivery", make_error(ErrorCode::kInternal, std::string("exception: ") + e.what()));
  } catch (...) {
    seen.outcome = "unavailable";
    out = unavailable("delivery", make_error(ErrorCode::kInternal, "exception"));
  }
  if (impl_->config.applier.observer) impl_->observe(seen, method, out, started);
  return out;
}

Reply Dispatcher::Impl::route(std::string_view method, std::string_view target, const http::Headers& headers,
                              std::string_view body, Seen& seen) const {
  const auto q = target.find('?');
  const std::string_view path = target.substr(0, q);
  const std::string_view query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
  const auto& c = config;
  enum class Route { kNone, kTingee, kTconnect, kCharging } which = Route::kNone;
  if (c.tingee && path == c.tingee->path) which = Route::kTingee;
  if (c.tconnect && path == c.tconnect->path) which = Route::kTconnect;
  if (c.charging && path == c.charging->path) which = Route::kCharging;
  if (which == Route::kNone) return reply(404, R"({"error":"not found"})", "no endpoint at this path");
  seen.provider = which == Route::kTingee ? "tingee" : which == Route::kTconnect ? "tconnect" : "charging";
  const bool get_allowed = which == Route::kCharging;
  if (method != "POST" && !(get_allowed && method == "GET")) {
    Reply r = reply(405, R"({"error":"method not allowed"})", "method " + std::string(method) + " refused");
    r.headers.emplace_back("Allow", get_allowed ? "GET, POST" : "POST");
    return r;
  }
  if (body.size() > c.max_body_bytes || query.size() > c.max_body_bytes) {
    return reply(413, R"({"error":"body too large"})", "body or query over max_body_bytes: nothing read");
  }
  switch (which) {
    case Route::kTingee: return tingee(headers, body, seen);
    case Route::kTconnect: return tconnect(body, seen);
    case Route::kCharging: return charging(query, body, seen);
    case Route::kNone: break;
  }
  return reply(404, R"({"error":"not found"})", "no endpoint at this path");
}

}  // namespace paygw::receive
