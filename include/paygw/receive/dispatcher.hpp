// SPDX-License-Identifier: MIT
// paygw — Dispatcher: one framework-agnostic entry point for every inbound delivery.
//
//   receive::Dispatcher d = *receive::Dispatcher::create(config);
//   server.Post(".*", [&](auto& req, auto& res) {
//     auto reply = d.handle(req.method, req.target, headers_of(req), req.body);
//     res.status = reply.status; res.set_content(reply.body, reply.content_type);
//   });
//
// The replies (and why) are tabulated in docs/receiving-payments.md.
#pragma once

#include <paygw/charging/callback.hpp>
#include <paygw/export.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/receive/applier.hpp>
#include <paygw/receive/queries.hpp>
#include <paygw/result.hpp>
#include <paygw/secret.hpp>
#include <paygw/tconnect/envelope.hpp>
#include <paygw/tingee/webhook.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paygw::receive {

/// Tingee payment / bank-link / ping webhooks (POST, raw JSON bytes, HMAC-SHA512).
struct TingeeEndpoint {
  std::string path = "/paygw/tingee/webhook";  ///< Exact request path (no query).
  Secret secret;                               ///< The Tingee Secret Token (the one the client signs with).
  tingee::WebhookOptions options;              ///< Signature and timestamp checks (tingee::verify_webhook).
};

/// TConnect IPNs (POST `{"data": "<hex>"}`), confirmed through the transaction query.
struct TconnectEndpoint {
  std::string path = "/paygw/tconnect/ipn";                    ///< Exact request path (no query).
  std::vector<Secret> keys;                                    ///< The AES key(s), tried in order (key rotation).
  tconnect::KeyFormat key_format = tconnect::KeyFormat::kHex;  ///< How `keys` are written.
  ConfirmIpn confirm;  ///< Required: confirm_with(tconnect_client), or your own query. Must not throw.
  /// Options of each confirmation query (its own timeout/cancel); the provider waits meanwhile.
  CallOptions confirm_options;
  /// Every IPN that is not applied (it does not decrypt or parse, its amount is impossible, the
  /// query cannot find it or contradicts it, or a query/store/handler failed) is answered with
  /// one reply — 503 `{"code":"02","message":"Not applied"}` — and no sooner than this after it
  /// arrived, so that neither the reply nor its timing tells which forged ciphertexts decrypt
  /// (those that do are queried). Set it at or above the confirmation query's usual latency; the
  /// wait blocks the calling thread. Applied IPNs are answered at once.
  std::chrono::milliseconds refusal_floor{1000};
};

/// Card-charging callbacks (GET query, or POST JSON or form).
struct ChargingEndpoint {
  std::string path = "/paygw/charging/callback";  ///< Exact request path; GET and POST.
  Secret store_key;                               ///< The key the cards were protected with (charging::protect_card).
  charging::CallbackOptions options;              ///< Callback checks (charging::verify_callback).
  /// Set it in production: `receive::check_with(charging_client)` — every final callback is then
  /// confirmed with check() before anything is applied. The callback signature covers neither the
  /// status nor the amounts, so anyone who saw one signature of a card (the pending callback, the
  /// request's `sign`) can forge any result for it; with `confirm`, what is applied is the
  /// provider's check result (source "check"), and a callback it contradicts is alerted. Only a
  /// card verdict of the check (status 1 or 2 with an amount, or 3) is applied: any other answer
  /// (99, 4, 100, 101, 102 …) keeps the card pending, is alerted (`not_confirmed`) and answered
  /// 503 so that the provider calls back again. Costs one query per final callback; a failing
  /// query answers 503 too.
  ///
  /// Unset (tests, or a provider without check): a callback is applied as it is, except that
  /// nothing above the card's declared value is credited without confirmation — a crediting
  /// callback whose amount, value or card_value exceeds the declared value is not applied,
  /// alerted (`not_confirmed`) and answered 503; the reconciler (with its check) settles it.
  /// Must not throw (a throw is taken as a failed query).
  CheckCard confirm;
  CallOptions confirm_options;  ///< Options of each confirming check().
};

/// What a Dispatcher serves and with which store and handlers.
struct DispatcherConfig {
  std::shared_ptr<PaymentStore> store;       ///< Required; shared by every receiver process.
  ApplierOptions applier;                    ///< The handlers.
  std::optional<TingeeEndpoint> tingee;      ///< Unset: the path is not served.
  std::optional<TconnectEndpoint> tconnect;  ///< Unset: the path is not served.
  std::optional<ChargingEndpoint> charging;  ///< Unset: the path is not served.
  /// Larger bodies are refused with 413 before anything is parsed (callbacks are < 2 KiB).
  std::size_t max_body_bytes = 64 * 1024;
};

/// An HTTP answer for the server to send as it is.
struct Reply {
  int status = 200;                               ///< HTTP status.
  std::string content_type = "application/json";  ///< Content-Type of `body`.
  std::string body;                               ///< Exactly what to send.
  http::Headers headers;                          ///< Extra headers (e.g. Allow on a 405).
  /// What happened, for the merchant's log: "tingee payment applied", "charging rejected:
  /// invalid_signature", ... Never a secret; never sent to the provider.
  std::string note;
};

/// Routes a delivery by path to its verifier, then applies it once through an Applier.
///
/// handle() never throws and always returns a reply: unknown path 404, wrong method 405 (with
/// Allow), body over max_body_bytes 413 — nothing applied in any of them. Verification failures
/// and the provider-specific success/duplicate replies are in docs/receiving-payments.md; a store
/// or handler failure is 503 so that the provider delivers again (nothing was applied). A handler
/// or confirmation query that throws is such a failure; an alert handler that throws is ignored.
///
/// Thread safety: immutable after create(); handle() may be called concurrently from any number of
/// threads and processes sharing the store.
class PAYGW_EXPORT Dispatcher {
 public:
  /// Errors: kConfig (no store; no endpoint; an endpoint path not starting with '/' or two the
  /// same; an empty Tingee secret; no TConnect key or no confirm; a charging store_key shorter
  /// than 32 bytes).
  [[nodiscard]] static Result<Dispatcher> create(DispatcherConfig config);

  /// `method` as sent ("GET", "POST", ...), `target` the request target (path and optional query),
  /// `headers` as received, `body` the raw bytes.
  Reply handle(std::string_view method, std::string_view target, const http::Headers& headers,
               std::string_view body) const;

  /// The Applier the dispatcher uses (for run_deferred(), or to apply submit results).
  const Applier& applier() const noexcept;

 private:
  struct Impl;
  explicit Dispatcher(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace paygw::receive
