// SPDX-License-Identifier: MIT
// A receiver process for the exactly-once race tests: cpp-httplib + receive::Dispatcher over a
// shared SQLite file or PostgreSQL database. Its handlers write the merchant's side effect — a row
// in merchant_credits, deliberately without a unique key — through the event's transaction.
//
// paygw_test_receiver --store sqlite:<path>|postgres:<conninfo> --port-file <f> --truth <f>
//                     [--slow <event key> --marker <f>] [--poison <event key>] [--deferred-ms <n>]
//                     [--no-bank-link 1]
// Secrets come from PAYGW_TEST_TINGEE_SECRET, PAYGW_TEST_AES_KEY, PAYGW_TEST_STORE_KEY.
// --truth: lines "order_id amount request_id" — what the TConnect transaction query would return.
// --slow: the handler of that event writes <marker> and then sleeps (the test kills it there).
// --poison: the handler of that event credits, then runs a statement that fails (a unique-key
//   violation in merchant_once), ignores the error and returns success.
// --deferred-ms: runs the owed handlers (Applier::run_deferred) every n ms, as a service should.
// --no-bank-link 1: no bank_link handler (its events stay owed to another process).
#include <paygw/receive/dispatcher.hpp>
#include <paygw/store/postgres.hpp>
#include <paygw/store/sqlite.hpp>

#include <httplib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>

namespace {

using namespace paygw;
using namespace paygw::receive;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr) {
    std::fprintf(stderr, "missing %s\n", name);
    std::exit(2);
  }
  return v;
}

std::map<std::string, tconnect::Transaction> read_truth(const std::string& path) {
  std::map<std::string, tconnect::Transaction> out;
  std::ifstream in(path);
  std::string order, request;
  long long amount = 0;
  while (in >> order >> amount >> request) {
    tconnect::Transaction t;
    t.order_id = order;
    t.amount = amount;
    t.request_id = request;
    t.status = "SUCCESS";
    out[order] = t;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
  const std::string store_arg = args["--store"];
  const bool postgres = store_arg.rfind("postgres:", 0) == 0;
  std::shared_ptr<PaymentStore> store;
  if (postgres) {
    postgres::StoreOptions o;
    o.conninfo = store_arg.substr(9);
    auto s = postgres::open_store(o);
    if (!s) return std::fprintf(stderr, "%s\n", describe(s.error()).c_str()), 1;
    store = *s;
  } else {
    sqlite::StoreOptions o;
    o.path = store_arg.substr(7);
    auto s = sqlite::open_store(o);
    if (!s) return std::fprintf(stderr, "%s\n", describe(s.error()).c_str()), 1;
    store = *s;
  }
  const std::string insert = postgres ? "INSERT INTO merchant_credits (event_key, amount, pid) VALUES ($1, $2, $3)"
                                      : "INSERT INTO merchant_credits (event_key, amount, pid) VALUES (?, ?, ?)";
  const std::string slow = args.count("--slow") ? args["--slow"] : "";
  const std::string marker = args.count("--marker") ? args["--marker"] : "";
  const std::string poison = args.count("--poison") ? args["--poison"] : "";
  const std::string once =
      postgres ? "INSERT INTO merchant_once (k) VALUES ($1)" : "INSERT INTO merchant_once (k) VALUES (?)";
  const auto pid = static_cast<std::int64_t>(getpid());

  // The merchant's side effect, in the event's transaction: exactly once, or rolled back with it.
  auto credit = [=](const std::string& key, Vnd amount, ApplyContext& ctx) -> Result<void> {
    if (key == slow) {
      std::ofstream(marker) << "in handler\n";
      std::this_thread::sleep_for(std::chrono::seconds(60));  // killed here by the test
    }
    auto n = ctx.execute(insert, {key, std::int64_t{amount}, pid});
    if (!n) return n.error();
    if (key == poison) (void)ctx.execute(once, {std::string("taken")});  // fails; the error is ignored
    return {};
  };
  Handlers h;
  h.card_final = [=](const CardFinal& c, ApplyContext& ctx) {
    return credit("card:" + c.result.request_id, c.result.credits() ? c.result.amount.value_or(0) : 0, ctx);
  };
  h.tingee_payment = [=](const TingeePayment& p, ApplyContext& ctx) {
    return credit("tingee:" + p.payment.transaction_code, p.payment.amount, ctx);
  };
  h.ipn_confirmed = [=](const IpnConfirmed& i, ApplyContext& ctx) {
    return credit("ipn:" + ctx.event().event_id, i.transaction.amount.value_or(0), ctx);
  };
  if (args.count("--no-bank-link") == 0) {
    h.bank_link = [=](const BankLink&, ApplyContext& ctx) { return credit("link:" + ctx.event().event_id, 0, ctx); };
  }

  const auto truth = read_truth(args["--truth"]);
  DispatcherConfig config;
  config.store = store;
  config.applier.handlers = h;
  config.tingee = TingeeEndpoint{"/tingee", Secret(env("PAYGW_TEST_TINGEE_SECRET")), {}};
  TconnectEndpoint t;
  t.path = "/tconnect";
  t.keys = {Secret(env("PAYGW_TEST_AES_KEY"))};
  t.confirm = [truth](const tconnect::IpnNotification& ipn, const CallOptions&) -> Result<IpnConfirmation> {
    const auto it = truth.find(ipn.order_id);
    if (it == truth.end()) return IpnConfirmation{IpnCheck::kNotFound, std::nullopt};
    if (it->second.amount != ipn.amount) return IpnConfirmation{IpnCheck::kAmountMismatch, std::nullopt};
    return IpnConfirmation{IpnCheck::kConfirmed, it->second};
  };
  config.tconnect = std::move(t);
  config.charging = ChargingEndpoint{};
  config.charging->path = "/charging";
  config.charging->store_key = Secret(env("PAYGW_TEST_STORE_KEY"));
  auto dispatcher = Dispatcher::create(std::move(config));
  if (!dispatcher) return std::fprintf(stderr, "%s\n", describe(dispatcher.error()).c_str()), 1;

  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(8); };
  auto handle = [&](const httplib::Request& req, httplib::Response& res) {
    http::Headers headers(req.headers.begin(), req.headers.end());
    const Reply reply = dispatcher->handle(req.method, req.target, headers, req.body);
    res.status = reply.status;
    for (const auto& [k, v] : reply.headers) res.set_header(k, v);
    res.set_content(reply.body, reply.content_type);
  };
  server.Get(".*", handle);
  server.Post(".*", handle);
  const int port = server.bind_to_any_port("127.0.0.1");
  if (port <= 0) return 1;
  {
    std::ofstream out(args["--port-file"] + ".tmp");
    out << port << "\n";
  }
  std::rename((args["--port-file"] + ".tmp").c_str(), args["--port-file"].c_str());
  // The owed handlers, periodically (what examples/receiver.cpp does every minute).
  const int deferred_ms = args.count("--deferred-ms") ? std::atoi(args["--deferred-ms"].c_str()) : 0;
  if (deferred_ms > 0) {
    std::thread([&dispatcher, deferred_ms] {
      for (;;) {
        (void)dispatcher->applier().run_deferred();
        std::this_thread::sleep_for(std::chrono::milliseconds(deferred_ms));
      }
    }).detach();
  }
  server.listen_after_bind();
  return 0;
}
