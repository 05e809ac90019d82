// SPDX-License-Identifier: MIT
// Payment receiver (receive::Dispatcher on cpp-httplib through paygw::httplib + the SQLite store): Tingee webhooks,
// TConnect IPNs and card-charging callbacks, each applied exactly once however often, in whatever order and to how
// many receiver processes it is delivered. See docs/receiving-payments.md.
//
// Usage: receiver [--port N] [--exit-after-final] [<telco> <code> <serial> <declared_value> <request_id>]
//   The card, when given, is recorded first as a write-ahead submission — what the shop's submit
//   path does (receive::submit_card) — so that its callback can be verified.
// Environment: PAYGW_STORE_KEY (>= 32 bytes, required), PAYGW_CHARGING_PARTNER_KEY,
//   PAYGW_TINGEE_SECRET (optional: serves /tingee/webhook), PAYGW_TCONNECT_BASE_URL and the other
//   PAYGW_TCONNECT_* settings (optional: serves /tconnect/ipn), PAYGW_RECEIVER_DB (default
//   paygw-receiver.db). Prints "listening on <url>" when ready.
// Built with paygw::prometheus (prometheus-cpp found), it also serves Prometheus metrics of every
// delivery, alert and TConnect call at GET /metrics (docs/observability.md).
#include <paygw/paygw.hpp>
#include <paygw/receive/dispatcher.hpp>
#include <paygw/receive/submit.hpp>
#include <paygw/store/sqlite.hpp>

#include <paygw/httplib.hpp>  // paygw::httplib: the Dispatcher on a cpp-httplib server

#ifdef PAYGW_EXAMPLE_PROMETHEUS
#include <paygw/metrics/prometheus.hpp>

#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>
#endif

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {
std::string env(const char* name, const char* fallback = "") {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}
}  // namespace

int main(int argc, char** argv) {
  using namespace paygw;
  int port = 0;
  bool exit_after_final = false;
  std::vector<std::string> card_args;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--port" && i + 1 < argc) {
      port = std::atoi(argv[++i]);
    } else if (a == "--exit-after-final") {
      exit_after_final = true;
    } else {
      card_args.push_back(a);
    }
  }
  const Secret store_key(env("PAYGW_STORE_KEY"));
  if (store_key.size() < 32 || (card_args.size() != 0 && card_args.size() != 5)) {
    std::fputs("usage: PAYGW_STORE_KEY=<32+ bytes> receiver [--port N] [--exit-after-final] [<card>]\n", stderr);
    return 2;
  }

  // 1. The store: one SQLite file shared by every receiver process on this machine.
  sqlite::StoreOptions store_options;
  store_options.path = env("PAYGW_RECEIVER_DB", "paygw-receiver.db");
  auto store = sqlite::open_store(store_options);
  if (!store) return std::fprintf(stderr, "%s\n", describe(store.error()).c_str()), 1;
  if (card_args.size() == 5) {
    const charging::CardRequest card{card_args[0], card_args[1], card_args[2], std::stoll(card_args[3]), card_args[4]};
    auto recorded = receive::write_ahead_card(**store, {Secret(env("PAYGW_CHARGING_PARTNER_KEY")), store_key}, card);
    if (!recorded) return std::fprintf(stderr, "%s\n", describe(recorded.error()).c_str()), 1;
  }

  // 2. The handlers: each runs once per event, inside the store's transaction. Put the credit in
  //    the same database with ctx.execute(...), or make it idempotent by ctx.event().event_id.
  httplib::Server server;
  std::atomic<bool> final_applied{false};
  receive::DispatcherConfig config;
  config.store = *store;
  std::shared_ptr<Observer> observer;  // metrics of every delivery, alert and provider call
#ifdef PAYGW_EXAMPLE_PROMETHEUS
  auto registry = std::make_shared<prometheus::Registry>();
  observer = metrics::make_prometheus_observer(*registry);
#endif
  config.applier.observer = observer;
  config.applier.handlers.card_final = [&](const receive::CardFinal& c, receive::ApplyContext&) -> Result<void> {
    std::printf(
        "card %s final: %s, %s (from the %s)\n", c.result.request_id.c_str(),
        std::string(charging::to_string(c.result.status)).c_str(),
        c.result.credits() ? ("credit " + std::to_string(c.result.amount.value_or(0)) + " VND").c_str() : "no credit",
        c.source.c_str());
    final_applied = true;
    return {};
  };
  config.applier.handlers.tingee_payment = [](const receive::TingeePayment& p, receive::ApplyContext&) -> Result<void> {
    std::printf("tingee payment %s: credit %lld VND\n", p.payment.transaction_code.c_str(),
                static_cast<long long>(p.payment.amount));
    return {};
  };
  config.applier.handlers.alert = [](const receive::Alert& a) {
    std::printf("ALERT %s %s: %s\n", a.kind.c_str(), a.subject.c_str(), a.message.c_str());
  };
  config.charging = receive::ChargingEndpoint{};
  config.charging->path = "/charge/callback";
  config.charging->store_key = store_key;
  if (const std::string secret = env("PAYGW_TINGEE_SECRET"); !secret.empty()) {
    config.tingee = receive::TingeeEndpoint{"/tingee/webhook", Secret(secret), {}};
  }
  // TConnect IPNs are not authenticated (AES-CBC without a MAC): each is confirmed through
  // TConnect's transaction query before it is applied (docs/adr/0022-tconnect-ipn-confirmation.md).
  std::optional<tconnect::Client> tconnect_client;
  if (!env("PAYGW_TCONNECT_BASE_URL").empty()) {
    auto tc = tconnect::Config::from_env();  // the PAYGW_TCONNECT_* variables (paygw/env.hpp)
    if (!tc) return std::fprintf(stderr, "%s\n", describe(tc.error()).c_str()), 1;
    tc->transport = *http::make_curl_transport();
    tc->observer = observer;
    auto created = tconnect::Client::create(*tc);
    if (!created) return std::fprintf(stderr, "%s\n", describe(created.error()).c_str()), 1;
    tconnect_client = *created;
    config.tconnect = receive::TconnectEndpoint{
        "/tconnect/ipn", {tc->aes_key}, tc->aes_key_format, receive::confirm_with(*tconnect_client), {}};
    config.applier.handlers.ipn_confirmed = [](const receive::IpnConfirmed& p, receive::ApplyContext&) -> Result<void> {
      std::printf("tconnect payment %s: credit %lld VND\n", p.ipn.order_id.c_str(),
                  static_cast<long long>(p.transaction.amount.value_or(0)));
      return {};
    };
  }
  auto dispatcher = receive::Dispatcher::create(std::move(config));
  if (!dispatcher) return std::fprintf(stderr, "%s\n", describe(dispatcher.error()).c_str()), 1;
  // 3. Handlers a handler-less process (`paygw reconcile`) left owed: now, and then every minute
  //    while the receiver runs (each owed event is tried on its own; a failing one is alerted and
  //    retried next time, and kinds this process has no handler for are left to one that has).
  const auto run_owed = [&dispatcher] {
    auto ran = dispatcher->applier().run_deferred();
    if (!ran) std::fprintf(stderr, "owed handlers: %s\n", describe(ran.error()).c_str());
  };
  run_owed();

  // 4. The HTTP server hands every request to the dispatcher as it is (paygw::httplib).
  adapters::HttplibOptions serve;
  serve.on_reply = [&](const httplib::Request& req, const receive::Reply& reply) {
    std::printf("%s %s -> %d: %s\n", req.method.c_str(), req.path.c_str(), reply.status, reply.note.c_str());
    std::fflush(stdout);
    if (exit_after_final && final_applied.exchange(false)) {
      std::thread([&server] {  // let the duplicates that follow arrive, then stop
        std::this_thread::sleep_for(std::chrono::seconds(1));
        server.stop();
      })
          .detach();
    }
  };
#ifdef PAYGW_EXAMPLE_PROMETHEUS
  // Prometheus' text format, what prometheus::Exposer would serve (registered before the adapter's ".*").
  server.Get("/metrics", [registry](const httplib::Request&, httplib::Response& res) {
    res.set_content(prometheus::TextSerializer().Serialize(registry->Collect()), "text/plain; version=0.0.4");
  });
#endif
  adapters::mount(server, *dispatcher, serve);
  const int bound =
      port == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound <= 0) return std::fprintf(stderr, "cannot listen on 127.0.0.1:%d\n", port), 1;
  std::printf("listening on http://127.0.0.1:%d/charge/callback\n", bound);
  std::fflush(stdout);
  std::mutex owed_mu;  // the periodic run of the owed handlers, stopped with the server
  std::condition_variable owed_cv;
  bool stopping = false;
  std::thread owed([&] {
    std::unique_lock<std::mutex> lock(owed_mu);
    while (!owed_cv.wait_for(lock, std::chrono::minutes(1), [&] { return stopping; })) run_owed();
  });
  server.listen_after_bind();
  {
    std::lock_guard<std::mutex> lock(owed_mu);
    stopping = true;
  }
  owed_cv.notify_one();
  owed.join();
  return 0;
}
