// SPDX-License-Identifier: MIT
// Dispatcher: routes a delivery to its verifier, applies it once, and answers what the provider
// expects. The reply table and its reasons are in docs/receiving-payments.md.
#include <paygw/charging/stored_card.hpp>
#include <paygw/receive/dispatcher.hpp>

#include <algorithm>
#include <set>

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

constexpr std::string_view kTingeeRejected = R"({"code":"09","message":"Invalid signature"})";
constexpr std::string_view kTingeeUnreadable = R"({"code":"99","message":"Unreadable event"})";
constexpr std::string_view kIpnRejected = R"({"code":"01","message":"Rejected"})";
constexpr std::string_view kIpnNotConfirmed = R"({"code":"02","message":"Not confirmed yet"})";
constexpr std::string_view kChargingOk = R"({"status":"ok"})";
constexpr std::string_view kChargingIgnored = R"({"status":"ignored"})";
constexpr std::string_view kChargingRejected = R"({"status":"rejected"})";

}  // namespace

struct Dispatcher::Impl {
  DispatcherConfig config;
  Applier applier;

  explicit Impl(DispatcherConfig c) : config(std::move(c)), applier(config.store, config.applier) {}

  Reply tingee(const http::Headers& headers, std::string_view body) const {
    const TingeeEndpoint& ep = *config.tingee;
    // A body-less POST is a connection test (no event to verify or apply): acknowledge it, as
    // the dashboard's test fails otherwise.
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
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
        return reply(200, ack,
                     event->authenticated ? "tingee ping (signed)" : "tingee ping (unsigned: nothing applied)");
      case tingee::WebhookKind::kBankLink: {
        auto applied = applier.apply_bank_link(*event->bank_link);
        if (!applied) return unavailable("tingee bank-link", applied.error());
        if (applied->outcome == Outcome::kRejected) return reply(400, std::string(kTingeeUnreadable), applied->detail);
        return reply(200, ack, "tingee bank-link " + std::string(to_string(applied->outcome)));
      }
      case tingee::WebhookKind::kPayment: break;
    }
    auto applied = applier.apply_tingee_payment(*event->payment, "webhook");
    if (!applied) return unavailable("tingee payment", applied.error());
    const std::string note = "tingee payment " + std::string(to_string(applied->outcome)) + ": " + applied->detail;
    if (applied->outcome == Outcome::kRejected) return reply(400, std::string(kTingeeUnreadable), note);
    return reply(200, ack, note);
  }

  Reply tconnect(std::string_view body) const {
    const TconnectEndpoint& ep = *config.tconnect;
    auto ipn = tconnect::decode_ipn(body, ep.keys, ep.key_format);
    if (!ipn) {
      // One reply for every failure: the endpoint says nothing about why (padding oracle).
      applier.alert({Provider::kTconnect, "rejected", "", "IPN refused: " + describe(ipn.error())});
      return reply(400, std::string(kIpnRejected), "tconnect rejected: " + describe(ipn.error()));
    }
    if (ipn->amount <= 0 || ipn->amount > kMaxAmountVnd) {
      applier.alert({Provider::kTconnect, "rejected", ipn->order_id, "IPN amount outside 1..kMaxAmountVnd"});
      return reply(400, std::string(kIpnRejected), "tconnect rejected: amount out of bounds");
    }
    auto confirmation = ep.confirm(*ipn, ep.confirm_options);
    if (!confirmation) return unavailable("tconnect IPN (confirmation query failed)", confirmation.error());
    switch (confirmation->result) {
      case IpnCheck::kConfirmed: break;
      case IpnCheck::kNotFound:
        applier.alert(
            {Provider::kTconnect, "not_confirmed", ipn->order_id, "the query does not show the IPN's payment"});
        return reply(503, std::string(kIpnNotConfirmed), "tconnect IPN not confirmed (yet): " + ipn->order_id);
      case IpnCheck::kAmountMismatch:
      case IpnCheck::kNotSuccessful:
        applier.alert({Provider::kTconnect, "rejected", ipn->order_id, "the query contradicts the IPN"});
        return reply(400, std::string(kIpnRejected), "tconnect rejected: the query contradicts the IPN");
    }
    if (!confirmation->transaction) {
      return unavailable("tconnect IPN", make_error(ErrorCode::kMalformed, "confirmation without a transaction"));
    }
    auto applied = applier.apply_ipn(*ipn, *confirmation->transaction, "ipn");
    if (!applied) return unavailable("tconnect IPN", applied.error());
    const std::string note = "tconnect IPN " + std::string(to_string(applied->outcome)) + ": " + applied->detail;
    if (applied->outcome == Outcome::kRejected) return reply(400, std::string(kIpnRejected), note);
    return reply(200, std::string(tconnect::kIpnAck), note);
  }

  // The provider's own answer for the card, instead of what the callback claims.
  Result<charging::ChargeResult> confirm_by_check(const ChargingEndpoint& ep, const charging::StoredCard& stored,
                                                  const charging::ChargeResult& claimed) const {
    auto card = charging::unseal_card(stored, ep.store_key);
    if (!card) return card.error();
    auto checked = ep.confirm(*card, ep.confirm_options);
    std::fill(card->code.begin(), card->code.end(), '\0');
    std::fill(card->serial.begin(), card->serial.end(), '\0');
    if (!checked) return checked;
    if (checked->request_id.empty()) checked->request_id = stored.request_id;
    if (checked->request_id != stored.request_id) {
      return make_error(ErrorCode::kMalformed, "check answered for another request_id", Delivery::kMaybeSent);
    }
    if (checked->is_final() && charging::decide(*checked, claimed).conflicts) {
      applier.alert({Provider::kCharging, "rejected", stored.request_id,
                     "the callback claims status " + std::to_string(claimed.status_code) + ", check says " +
                         std::to_string(checked->status_code)});
    }
    return checked;
  }

  Reply charging(std::string_view query, std::string_view body) const {
    const ChargingEndpoint& ep = *config.charging;
    const charging::CallbackRequest request{query, body};
    // The request_id only selects the stored card; everything is verified against that record.
    const auto id = charging::callback_request_id(request);
    if (!id) {
      applier.alert({Provider::kCharging, "unknown_submission", "", "callback without a usable request_id"});
      return reply(200, std::string(kChargingIgnored), "charging ignored: no request_id");
    }
    auto record = config.store->find_submission(Provider::kCharging, *id);
    if (!record) return unavailable("charging callback", record.error());
    if (!*record) {
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
    if (ep.confirm && result.is_final()) {
      auto checked = confirm_by_check(ep, *stored, result);
      if (!checked) return unavailable("charging callback (check failed)", checked.error());
      if (!checked->is_final()) {
        applier.alert({Provider::kCharging, "not_confirmed", *id, "final callback, but check says still pending"});
        return reply(200, std::string(kChargingOk), "charging callback not applied: check says pending");
      }
      result = std::move(*checked);
      source = "check";
    }
    auto applied = applier.apply_card(result, source);
    if (!applied) return unavailable("charging callback", applied.error());
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
  const auto q = target.find('?');
  const std::string_view path = target.substr(0, q);
  const std::string_view query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
  const auto& c = impl_->config;
  enum class Route { kNone, kTingee, kTconnect, kCharging } route = Route::kNone;
  if (c.tingee && path == c.tingee->path) route = Route::kTingee;
  if (c.tconnect && path == c.tconnect->path) route = Route::kTconnect;
  if (c.charging && path == c.charging->path) route = Route::kCharging;
  if (route == Route::kNone) return reply(404, R"({"error":"not found"})", "no endpoint at this path");
  const bool get_allowed = route == Route::kCharging;
  if (method != "POST" && !(get_allowed && method == "GET")) {
    Reply r = reply(405, R"({"error":"method not allowed"})", "method " + std::string(method) + " refused");
    r.headers.emplace_back("Allow", get_allowed ? "GET, POST" : "POST");
    return r;
  }
  if (body.size() > c.max_body_bytes || query.size() > c.max_body_bytes) {
    return reply(413, R"({"error":"body too large"})", "body or query over max_body_bytes: nothing read");
  }
  switch (route) {
    case Route::kTingee: return impl_->tingee(headers, body);
    case Route::kTconnect: return impl_->tconnect(body);
    case Route::kCharging: return impl_->charging(query, body);
    case Route::kNone: break;
  }
  return reply(404, R"({"error":"not found"})", "no endpoint at this path");
}

}  // namespace paygw::receive
