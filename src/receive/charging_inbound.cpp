// SPDX-License-Identifier: MIT
// The card-charging inbound verifier: callbacks (GET query, POST JSON or form) verified against
// the stored card they name, confirmed with check() when the endpoint has it, applied by the
// Applier on the row read here (ADR 0044), answered with the charging replies.
#include <paygw/charging/stored_card.hpp>

#include "charging/callback_support.hpp"
#include "receive/check_rule.hpp"
#include "receive/inbound.hpp"

#include <algorithm>
#include <utility>

namespace paygw::receive::detail {

namespace {

constexpr std::string_view kChargingOk = R"({"status":"ok"})";
constexpr std::string_view kChargingIgnored = R"({"status":"ignored"})";
constexpr std::string_view kChargingRejected = R"({"status":"rejected"})";
constexpr std::string_view kChargingRetry = R"({"code":"99","message":"Temporarily unavailable"})";

// True when a crediting result claims more than the card was declared at: its amount, or the
// card's value it reports (a "wrong value" callback saying the card is worth more).
bool above_declared(const charging::ChargeResult& r, Vnd declared) {
  return r.credits() && ((r.amount && *r.amount > declared) || (r.value && *r.value > declared) ||
                         (r.card_value && *r.card_value > declared));
}

// Whether the check's verdict and the callback's claim about one card differ: the fields a
// duplicate is compared on (charging::Decision::conflicts — status_code; amount and value when
// both state them). Both are final here.
bool contradicts(const charging::ChargeResult& checked, const charging::ChargeResult& claimed) {
  const auto differ = [](const std::optional<Vnd>& a, const std::optional<Vnd>& b) { return a && b && *a != *b; };
  return checked.status_code != claimed.status_code || differ(checked.amount, claimed.amount) ||
         differ(checked.value, claimed.value);
}

// A callback as verify() leaves it: verified against the stored card it names (read once, here),
// or naming none (no usable request_id, or a card the store lacks: nothing to verify it against).
struct Callback {
  std::string request_id;                      // "" when it has no usable one
  std::optional<SubmissionRecord> record;      // the card's row; nullopt: unknown
  std::optional<charging::StoredCard> stored;  // from `record`
  charging::ChargeResult result;               // what the callback says, verified
};

class ChargingInbound final : public Inbound<Callback> {
 public:
  ChargingInbound(ChargingEndpoint endpoint, const Applier& applier)
      : endpoint_(std::move(endpoint)), applier_(applier) {}

  std::string_view provider() const noexcept override { return "charging"; }
  const std::string& path() const noexcept override { return endpoint_.path; }
  bool allows_get() const noexcept override { return true; }
  std::string_view delivery() const noexcept override { return "callback"; }

  // The parameters are read once; the request_id they name only selects the stored card (read
  // once, here, outside any transaction), and everything is verified against that record.
  Result<Callback> verify(const InboundRequest& request) const override {
    auto params = charging::detail::callback_params(charging::CallbackRequest{request.query, request.body});
    auto id = params ? charging::detail::callback_request_id(*params) : std::nullopt;
    Callback callback;
    if (!id) return callback;
    callback.request_id = std::move(*id);
    auto record = applier_.store()->find_submission(Provider::kCharging, callback.request_id);
    if (!record) return record.error();
    if (!*record) return callback;
    const SubmissionRecord& r = **record;
    auto stored = charging::StoredCard::decode(r.request_id, r.telco, r.amount, r.verifier);
    if (!stored) {
      Error e = std::move(stored).error();
      e.message = "stored card unreadable: " + e.message;
      return e;
    }
    auto verified = charging::detail::verify_stored_params(*params, *stored, endpoint_.store_key, endpoint_.options);
    if (!verified) {
      applier_.alert(
          {Provider::kCharging, "rejected", callback.request_id, "callback refused: " + describe(verified.error())});
      return verified.error();
    }
    callback.record = std::move(*record);
    callback.stored = std::move(*stored);
    callback.result = std::move(*verified);
    return callback;
  }

  Handled apply(Callback& callback) const override {
    Handled h;
    h.delivery = "callback";
    const std::string& id = callback.request_id;
    if (!callback.record) {
      h.stage = Stage::kUnknown;
      if (id.empty()) {
        applier_.alert({Provider::kCharging, "unknown_submission", "", "callback without a usable request_id"});
        h.note = "charging ignored: no request_id";
      } else {
        applier_.alert({Provider::kCharging, "unknown_submission", id, "callback for a card the store lacks"});
        h.note = "charging ignored: unknown request_id " + id;
      }
      return h;
    }
    charging::ChargeResult result = std::move(callback.result);
    std::string source = "callback";
    // Without confirmation, nothing above the card's declared value is credited: the callback's
    // signature covers no amount, so a larger claim is confirmed with check() first.
    // A card already final needs no check: the Applier answers duplicate or conflict from its row.
    const bool claims_more = above_declared(result, callback.stored->declared_value);
    if (result.is_final() && callback.record->state != SubmissionState::kFinal && (endpoint_.confirm || claims_more)) {
      const std::string claim = "final callback (status " + std::to_string(result.status_code) + ")";
      if (!endpoint_.confirm) {
        applier_.alert(
            {Provider::kCharging, "not_confirmed", id,
             claim + " claims more than the declared value; not credited without ChargingEndpoint::confirm"});
        h.stage = Stage::kNotConfirmed;
        h.note = "charging callback not applied: it claims more than the declared value and nothing confirms it";
        return h;
      }
      auto checked = confirm_by_check(*callback.stored);
      if (!checked) return unavailable("callback", "charging callback (check failed)", checked.error());
      // The one rule (shared with the reconciler): only a card verdict settles a card. Anything
      // else keeps it pending and asks the provider to call back again.
      const CheckVerdict verdict = rule_on_check(*checked, true);
      if (verdict.ruling != CheckRuling::kSettle) {
        const std::string why = verdict.why.empty() ? "check says still pending" : verdict.why;
        applier_.alert({Provider::kCharging, "not_confirmed", id, claim + " not applied: " + why});
        h.stage = Stage::kNotConfirmed;
        h.note = "charging callback not applied (will be retried): " + why;
        return h;
      }
      if (contradicts(*checked, result)) {
        applier_.alert({Provider::kCharging, "rejected", id,
                        "the callback claims status " + std::to_string(result.status_code) + ", check says " +
                            std::to_string(checked->status_code)});
      }
      result = std::move(*checked);
      source = "check";
    }
    auto applied = apply_card_as_read(applier_, result, source, *callback.record);
    if (!applied) return unavailable("callback", "charging callback", applied.error());
    h.stage = Stage::kApplied;
    h.note = "charging " + std::string(to_string(applied->outcome)) + ": " + id + " " + applied->detail;
    h.applied = std::move(*applied);
    return h;
  }

  Reply reply(const Handled& h, const InboundRequest& /*request*/) const override {
    switch (h.stage) {
      case Stage::kUnknown: return make_reply(200, std::string(kChargingIgnored), h.note);
      case Stage::kRefused: {
        const int status = h.error->code == ErrorCode::kMalformed ? 400 : 403;
        return make_reply(status, std::string(kChargingRejected), "charging rejected: " + describe(*h.error));
      }
      case Stage::kNotConfirmed: return make_reply(503, std::string(kChargingRetry), h.note);
      case Stage::kApplied:
        if (h.applied.outcome == Outcome::kRejected || h.applied.outcome == Outcome::kUnknownSubmission) {
          return make_reply(200, std::string(kChargingIgnored), h.note);
        }
        return make_reply(200, std::string(kChargingOk), h.note);
      case Stage::kPing:
      case Stage::kUnavailable: break;
    }
    return unavailable_reply(h);
  }

 private:
  // The provider's own answer for the card, instead of what the callback claims (a network call:
  // no store transaction is open).
  Result<charging::ChargeResult> confirm_by_check(const charging::StoredCard& stored) const {
    auto card = charging::unseal_card(stored, endpoint_.store_key);
    if (!card) return card.error();
    auto checked = guarded(endpoint_.confirm, "ChargingEndpoint::confirm", *card, endpoint_.confirm_options);
    std::fill(card->code.begin(), card->code.end(), '\0');
    std::fill(card->serial.begin(), card->serial.end(), '\0');
    if (!checked) return checked;
    if (checked->request_id.empty()) checked->request_id = stored.request_id;
    if (checked->request_id != stored.request_id) {
      return make_error(ErrorCode::kMalformed, "check answered for another request_id", Delivery::kMaybeSent);
    }
    return checked;
  }

  const ChargingEndpoint endpoint_;
  const Applier& applier_;
};

}  // namespace

std::unique_ptr<InboundVerifier> make_charging_inbound(const ChargingEndpoint& endpoint, const Applier& applier) {
  return std::make_unique<ChargingInbound>(endpoint, applier);
}

}  // namespace paygw::receive::detail
