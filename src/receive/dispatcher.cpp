// SPDX-License-Identifier: MIT
// Dispatcher: a small table-driven router. It finds the verifier serving the request's path,
// checks the method and the size, calls the verifier (verify, confirm where the provider needs
// it, apply), and sends the reply the verifier's table makes of the outcome (ADR 0044). The
// providers' checks and replies live in tingee_inbound.cpp, tconnect_inbound.cpp and
// charging_inbound.cpp; the replies and their reasons are in docs/receiving-payments.md.
#include <paygw/receive/dispatcher.hpp>

#include "call/observer.hpp"
#include "receive/inbound.hpp"

#include <exception>
#include <set>
#include <vector>

namespace paygw::receive {

namespace detail {

std::string_view observed_outcome(const Handled& handled) noexcept {
  switch (handled.stage) {
    case Stage::kPing: return "ping";
    case Stage::kRefused: return "refused";
    case Stage::kUnknown: return "unknown_submission";
    case Stage::kNotConfirmed: return "not_confirmed";
    case Stage::kUnavailable: return "unavailable";
    case Stage::kApplied: return to_string(handled.applied.outcome);
  }
  return "unavailable";
}

Reply make_reply(int status, std::string body, std::string note, std::string content_type) {
  Reply r;
  r.status = status;
  r.body = std::move(body);
  r.note = std::move(note);
  r.content_type = std::move(content_type);
  return r;
}

Handled unavailable(std::string_view delivery, std::string_view what, const Error& error) {
  Handled h;
  h.stage = Stage::kUnavailable;
  h.delivery = delivery;
  h.error = error;
  h.note = std::string(what) + " not applied (will be retried): " + describe(error);
  return h;
}

Reply unavailable_reply(const Handled& handled) {
  // The store or the merchant's handler failed: nothing was applied; the provider should retry.
  return make_reply(503, R"({"code":"99","message":"Temporarily unavailable"})", handled.note);
}

}  // namespace detail

namespace {

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
  // The routing table: one verifier per configured provider, each over `applier`.
  std::vector<std::unique_ptr<detail::InboundVerifier>> routes;

  explicit Impl(DispatcherConfig c) : config(std::move(c)), applier(config.store, config.applier) {
    if (config.tingee) routes.push_back(detail::make_tingee_inbound(*config.tingee, applier));
    if (config.tconnect) routes.push_back(detail::make_tconnect_inbound(*config.tconnect, applier));
    if (config.charging) routes.push_back(detail::make_charging_inbound(*config.charging, applier));
  }
  Impl(const Impl&) = delete;  // the verifiers refer to `applier`
  Impl& operator=(const Impl&) = delete;
  Impl(Impl&&) = delete;
  Impl& operator=(Impl&&) = delete;
  ~Impl() = default;

  Reply route(std::string_view method, std::string_view target, const http::Headers& headers, std::string_view body,
              std::chrono::steady_clock::time_point arrived, Seen& seen) const;

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
    out = impl_->route(method, target, headers, body, started, seen);
  } catch (const std::exception& e) {
    seen.outcome = "unavailable";
    out = detail::unavailable_reply(
        detail::unavailable("", "delivery", make_error(ErrorCode::kInternal, std::string("exception: ") + e.what())));
  } catch (...) {
    seen.outcome = "unavailable";
    out = detail::unavailable_reply(detail::unavailable("", "delivery", make_error(ErrorCode::kInternal, "exception")));
  }
  if (impl_->config.applier.observer) impl_->observe(seen, method, out, started);
  return out;
}

Reply Dispatcher::Impl::route(std::string_view method, std::string_view target, const http::Headers& headers,
                              std::string_view body, std::chrono::steady_clock::time_point arrived, Seen& seen) const {
  const auto q = target.find('?');
  const std::string_view path = target.substr(0, q);
  const std::string_view query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
  const detail::InboundVerifier* verifier = nullptr;
  for (const auto& candidate : routes) {
    if (path == candidate->path()) verifier = candidate.get();
  }
  if (verifier == nullptr) return detail::make_reply(404, R"({"error":"not found"})", "no endpoint at this path");
  seen.provider = verifier->provider();
  const bool get_allowed = verifier->allows_get();
  if (method != "POST" && !(get_allowed && method == "GET")) {
    Reply r =
        detail::make_reply(405, R"({"error":"method not allowed"})", "method " + std::string(method) + " refused");
    r.headers.emplace_back("Allow", get_allowed ? "GET, POST" : "POST");
    return r;
  }
  if (body.size() > config.max_body_bytes || query.size() > config.max_body_bytes) {
    return detail::make_reply(413, R"({"error":"body too large"})", "body or query over max_body_bytes: nothing read");
  }
  const detail::InboundRequest request{method, query, headers, body, arrived};
  seen.delivery = verifier->delivery();
  const detail::Handled handled = verifier->receive(request);
  if (!handled.delivery.empty()) seen.delivery = handled.delivery;
  seen.outcome = detail::observed_outcome(handled);
  return verifier->reply(handled, request);
}

}  // namespace paygw::receive
