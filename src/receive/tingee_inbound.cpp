// SPDX-License-Identifier: MIT
// Tingee's inbound verifier: payment, bank-link and ping webhooks (HMAC-SHA512 over the raw
// body, tingee::verify_webhook), applied by the Applier, answered with Tingee's replies.
#include "receive/inbound.hpp"

#include <utility>

namespace paygw::receive::detail {

namespace {

constexpr std::string_view kTingeeRejected = R"({"code":"09","message":"Invalid signature"})";
constexpr std::string_view kTingeeUnreadable = R"({"code":"99","message":"Unreadable event"})";

bool is_auth_failure(ErrorCode code) {
  return code == ErrorCode::kMissingSignature || code == ErrorCode::kInvalidSignature ||
         code == ErrorCode::kBadTimestamp;
}

// A verified webhook, or the dashboard's body-less connection test.
struct Webhook {
  tingee::WebhookEvent event;
  bool bodiless = false;
};

class TingeeInbound final : public Inbound<Webhook> {
 public:
  TingeeInbound(TingeeEndpoint endpoint, const Applier& applier) : endpoint_(std::move(endpoint)), applier_(applier) {}

  std::string_view provider() const noexcept override { return "tingee"; }
  const std::string& path() const noexcept override { return endpoint_.path; }

  Result<Webhook> verify(const InboundRequest& request) const override {
    // A body-less POST is a connection test (no event to verify or apply): acknowledged, as the
    // dashboard's test fails otherwise.
    if (request.body.find_first_not_of(" \t\r\n") == std::string_view::npos) return Webhook{{}, true};
    auto event = tingee::verify_webhook(request.body, request.headers, endpoint_.secret, endpoint_.options);
    if (!event) {
      applier_.alert({Provider::kTingee, "rejected", "", "webhook refused: " + describe(event.error())});
      return event.error();
    }
    return Webhook{std::move(*event), false};
  }

  Handled apply(Webhook& webhook) const override {
    Handled h;
    const tingee::WebhookEvent& event = webhook.event;
    switch (event.kind) {
      case tingee::WebhookKind::kPing:
        h.stage = Stage::kPing;
        h.delivery = "ping";
        h.note = webhook.bodiless      ? "tingee body-less ping: nothing applied"
                 : event.authenticated ? "tingee ping (signed)"
                                       : "tingee ping (unsigned: nothing applied)";
        return h;
      case tingee::WebhookKind::kBankLink: {
        auto applied = applier_.apply_bank_link(*event.bank_link);
        if (!applied) return unavailable("bank_link", "tingee bank-link", applied.error());
        h.stage = Stage::kApplied;
        h.delivery = "bank_link";
        h.note = applied->outcome == Outcome::kRejected
                     ? applied->detail
                     : "tingee bank-link " + std::string(to_string(applied->outcome));
        h.applied = std::move(*applied);
        return h;
      }
      case tingee::WebhookKind::kPayment: break;
    }
    auto applied = applier_.apply_tingee_payment(*event.payment, "webhook");
    if (!applied) return unavailable("payment", "tingee payment", applied.error());
    h.stage = Stage::kApplied;
    h.delivery = "payment";
    h.note = "tingee payment " + std::string(to_string(applied->outcome)) + ": " + applied->detail;
    h.applied = std::move(*applied);
    return h;
  }

  Reply reply(const Handled& h, const InboundRequest& /*request*/) const override {
    const std::string ack(tingee::kWebhookAck);
    switch (h.stage) {
      case Stage::kPing: return make_reply(200, ack, h.note);
      case Stage::kRefused:
        if (is_auth_failure(h.error->code)) {
          return make_reply(401, std::string(kTingeeRejected), "tingee rejected: " + describe(*h.error));
        }
        return make_reply(400, std::string(kTingeeUnreadable), "tingee unreadable: " + describe(*h.error));
      case Stage::kApplied:
        if (h.applied.outcome == Outcome::kRejected) return make_reply(400, std::string(kTingeeUnreadable), h.note);
        return make_reply(200, ack, h.note);
      case Stage::kUnknown:
      case Stage::kNotConfirmed:
      case Stage::kUnavailable: break;
    }
    return unavailable_reply(h);
  }

 private:
  const TingeeEndpoint endpoint_;
  const Applier& applier_;
};

}  // namespace

std::unique_ptr<InboundVerifier> make_tingee_inbound(const TingeeEndpoint& endpoint, const Applier& applier) {
  return std::make_unique<TingeeInbound>(endpoint, applier);
}

}  // namespace paygw::receive::detail
