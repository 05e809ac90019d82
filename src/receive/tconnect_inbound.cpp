// SPDX-License-Identifier: MIT
// TConnect's inbound verifier: IPNs (AES-256-CBC, tconnect::decode_ipn), confirmed by the
// transaction query before the Applier sees them, and one uniform reply for every IPN that is not
// applied.
#include "receive/inbound.hpp"

#include <thread>
#include <utility>

namespace paygw::receive::detail {

namespace {

// Every IPN that is not applied gets this one reply (see TconnectEndpoint::refusal_floor).
constexpr std::string_view kIpnNotApplied = R"({"code":"02","message":"Not applied"})";

class TconnectInbound final : public Inbound<tconnect::IpnNotification> {
 public:
  TconnectInbound(TconnectEndpoint endpoint, const Applier& applier)
      : endpoint_(std::move(endpoint)), applier_(applier) {}

  std::string_view provider() const noexcept override { return "tconnect"; }
  const std::string& path() const noexcept override { return endpoint_.path; }
  std::string_view delivery() const noexcept override { return "ipn"; }

  // Decrypts and parses the envelope; the amount must be possible. Nothing in it is authenticated
  // (anyone holding the key can write one): apply() asks TConnect before anything is applied.
  Result<tconnect::IpnNotification> verify(const InboundRequest& request) const override {
    auto ipn = tconnect::decode_ipn(request.body, endpoint_.keys, endpoint_.key_format);
    if (!ipn) {
      applier_.alert({Provider::kTconnect, "rejected", "", "IPN refused: " + describe(ipn.error())});
      return ipn.error();
    }
    if (ipn->amount <= 0 || ipn->amount > kMaxAmountVnd) {
      applier_.alert(
          {Provider::kTconnect, "rejected", ipn->order_id, "IPN amount outside 1.." + std::to_string(kMaxAmountVnd)});
      return make_error(ErrorCode::kMalformed, "amount out of bounds", Delivery::kInbound);
    }
    return ipn;
  }

  // The confirmation query (a network call, no store transaction open), then the Applier with
  // what the query answered.
  Handled apply(tconnect::IpnNotification& ipn) const override {
    Handled h;
    h.delivery = "ipn";
    auto confirmation = guarded(endpoint_.confirm, "TconnectEndpoint::confirm", ipn, endpoint_.confirm_options);
    if (!confirmation) {
      h.stage = Stage::kUnavailable;
      h.note = "confirmation query failed: " + describe(confirmation.error());
      return h;
    }
    switch (confirmation->result) {
      case IpnCheck::kConfirmed: break;
      case IpnCheck::kNotFound:
        applier_.alert(
            {Provider::kTconnect, "not_confirmed", ipn.order_id, "the query does not show the IPN's payment"});
        h.stage = Stage::kNotConfirmed;
        h.note = "not confirmed (yet): " + ipn.order_id;
        return h;
      case IpnCheck::kAmountMismatch:
      case IpnCheck::kNotSuccessful:
        applier_.alert({Provider::kTconnect, "rejected", ipn.order_id, "the query contradicts the IPN"});
        h.stage = Stage::kNotConfirmed;
        h.note = "the query contradicts the IPN: " + ipn.order_id;
        return h;
    }
    if (!confirmation->transaction) {
      h.stage = Stage::kUnavailable;
      h.note = "confirmation without a transaction";
      return h;
    }
    auto applied = applier_.apply_ipn(ipn, *confirmation->transaction, "ipn");
    if (!applied) {
      h.stage = Stage::kUnavailable;
      h.note = "(will be retried): " + describe(applied.error());
      return h;
    }
    h.stage = Stage::kApplied;
    h.note = "tconnect IPN " + std::string(to_string(applied->outcome)) + ": " + applied->detail;
    h.applied = std::move(*applied);
    return h;
  }

  // Every IPN that is not applied — undecodable, impossible, not found, contradicted, or a failure
  // of the query, the store or the handler — gets the same reply, no sooner than refusal_floor
  // after it arrived: neither the reply nor its timing tells a forged ciphertext that decrypts
  // from one that does not (the query only runs for those that decrypt).
  Reply reply(const Handled& h, const InboundRequest& request) const override {
    if (h.stage == Stage::kApplied && h.applied.outcome != Outcome::kRejected) {
      return make_reply(200, std::string(tconnect::kIpnAck), h.note);
    }
    const std::string note = h.stage == Stage::kRefused ? "refused: " + describe(*h.error) : h.note;
    std::this_thread::sleep_until(request.arrived + endpoint_.refusal_floor);
    return make_reply(503, std::string(kIpnNotApplied), "tconnect IPN not applied: " + note);
  }

 private:
  const TconnectEndpoint endpoint_;
  const Applier& applier_;
};

}  // namespace

std::unique_ptr<InboundVerifier> make_tconnect_inbound(const TconnectEndpoint& endpoint, const Applier& applier) {
  return std::make_unique<TconnectInbound>(endpoint, applier);
}

}  // namespace paygw::receive::detail
