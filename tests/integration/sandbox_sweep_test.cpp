// SPDX-License-Identifier: MIT
// Integration: receive::sweep against paygw-sandbox through the real clients and libcurl. A Tingee
// payment and a TConnect payment whose webhook/IPN went elsewhere (missed) are applied by the
// sweep; their late deliveries through the Dispatcher — the TConnect IPN confirmed by the real
// confirm_ipn over the same lists — are duplicates; a payment whose IPN came first is a duplicate
// for the sweep; a second sweep applies nothing.
#include "sandbox_fixture.hpp"

#include <paygw/receive/dispatcher.hpp>
#include <paygw/receive/sweep.hpp>

namespace paygw::it {
namespace {

using Json = nlohmann::json;

TEST(SandboxSweep, MissedWebhooksAndIpnsAreCreditedOnceWhicheverComesFirst) {
  std::map<std::string, int> runs;
  std::map<std::string, Vnd> credited;
  receive::Handlers h;
  h.tingee_payment = [&](const receive::TingeePayment& p, receive::ApplyContext& ctx) -> Result<void> {
    ++runs[ctx.event().event_id];
    credited[ctx.event().event_id] += p.payment.amount;
    return {};
  };
  h.ipn_confirmed = [&](const receive::IpnConfirmed& i, receive::ApplyContext& ctx) -> Result<void> {
    ++runs[ctx.event().event_id];
    credited[ctx.event().event_id] += i.transaction.amount.value_or(0);
    return {};
  };
  auto store = make_memory_store();
  receive::DispatcherConfig config;
  config.store = store;
  config.applier.handlers = h;
  config.tingee = receive::TingeeEndpoint{"/hooks/tingee", Secret(kTingeeSecret), {}};
  config.tconnect = receive::TconnectEndpoint{};
  config.tconnect->path = "/hooks/tconnect";
  config.tconnect->keys = {Secret(kAesKey)};
  config.tconnect->confirm = receive::confirm_with(tconnect_client());
  auto dispatcher = receive::Dispatcher::create(std::move(config));
  ASSERT_OK(dispatcher);
  const auto started = std::chrono::system_clock::now();

  // A Tingee transfer whose webhook went to another URL: missed by the dispatcher.
  const std::string tingee_path = unique_path("tingee/missed");
  const auto paid = admin("/_sandbox/tingee/payments", Json{{"amount", 2000},
                                                            {"vaAccountNumber", "TNG60716173559"},
                                                            {"content", "plain transfer"},
                                                            {"url", receiver().url(tingee_path)}}
                                                           .dump());
  ASSERT_EQ(paid.status, 200) << paid.body;
  const std::string code = Json::parse(paid.body)["transactionCode"];
  const auto webhooks = receiver().hits(tingee_path);
  ASSERT_EQ(webhooks.size(), 1u);
  // A TConnect order whose IPN was missed, and one whose IPN the dispatcher applied first.
  auto tconnect = tconnect_client();
  const std::string missed_order = "ORD-SWEEP-" + unique_id();
  ASSERT_OK(tconnect.push_payment(tconnect::PosPush{"POS-0001", missed_order, 150000}));
  const std::string missed_ipn = tconnect_pay(missed_order, 150000);
  const std::string early_order = "ORD-EARLY-" + unique_id();
  const std::string early_ipn = tconnect_pay(early_order, 90000);
  const auto early = dispatcher->handle("POST", "/hooks/tconnect", {}, early_ipn);
  ASSERT_EQ(early.status, 200) << early.note;

  auto window = receive::sweep_window(started - 1h, std::chrono::system_clock::now() + 1min);
  ASSERT_OK(window);
  const receive::SweepSources sources{receive::sweep_list_with(tingee_client()),
                                      receive::sweep_list_with(tconnect_client())};
  receive::SweepOptions options;
  options.pause = 0ms;
  auto report = receive::sweep(dispatcher->applier(), sources, *window, options);
  ASSERT_OK(report);
  EXPECT_FALSE(report->error) << (report->error ? describe(*report->error) : "");
  EXPECT_TRUE(report->next.done());
  // At least this test's two missed payments and its one early IPN (one test process may share the
  // sandbox with other tests' payments: TSan runs the whole binary at once).
  EXPECT_GE(report->applied, 2u) << receive::sweep_line(*report);
  EXPECT_GE(report->duplicates, 1u) << receive::sweep_line(*report);
  EXPECT_EQ(report->not_credits, 0u);
  EXPECT_EQ(runs[code], 1);
  EXPECT_EQ(credited[code], 2000);

  // The late deliveries are duplicates: acknowledged, not credited again.
  const auto late_webhook = dispatcher->handle("POST", "/hooks/tingee", webhooks[0].headers, webhooks[0].body);
  EXPECT_EQ(late_webhook.status, 200) << late_webhook.note;
  EXPECT_EQ(late_webhook.body, tingee::kWebhookAck);
  const auto late_ipn = dispatcher->handle("POST", "/hooks/tconnect", {}, missed_ipn);
  EXPECT_EQ(late_ipn.status, 200) << late_ipn.note;
  EXPECT_EQ(runs[code], 1);
  int ipn_events = 0;
  for (const auto& [key, n] : runs) {
    if (key.rfind("txn/", 0) == 0) {
      ++ipn_events;
      EXPECT_EQ(n, 1) << key;
    }
  }
  EXPECT_GE(ipn_events, 2) << "one event per TConnect payment";

  auto again = receive::sweep(dispatcher->applier(), sources, *window, options);
  ASSERT_OK(again);
  EXPECT_EQ(again->applied, 0u);
  EXPECT_EQ(again->duplicates, report->applied + report->duplicates);
}

}  // namespace
}  // namespace paygw::it
