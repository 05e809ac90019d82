// SPDX-License-Identifier: MIT
// Write-ahead for every payment kind, over real clients (a scripted transport underneath):
// submit_card, push_order (a TConnect order pushed to a POS or soundbox) and show_bill (a Tingee
// bill shown on a box). The write-ahead is durable before anything is sent, each outcome lands in
// the right state, an order or bill already settled or in flight is refused without sending, a
// maybe-sent one is never resent, and the IPN / webhook settles it end to end (memory store).
#include <paygw/charging/client.hpp>
#include <paygw/receive/dispatcher.hpp>
#include <paygw/receive/reconciler.hpp>
#include <paygw/receive/submit.hpp>
#include <paygw/tconnect/envelope.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <map>
#include <thread>
#include <vector>

namespace paygw::test {
namespace {

using namespace paygw::receive;

const Secret kPartnerKey("PARTNERKEY_TEST_0123456789abcdef");
const Secret kStoreKey("store-key-0123456789abcdef-0123456789");

// Answers every request with `answer`, after checking the store already has the write-ahead.
class ScriptedTransport : public http::Transport {
 public:
  std::function<Result<http::Response>(const http::Request&)> answer;
  Result<http::Response> send(const http::Request& request) override { return answer(request); }
};

struct Fixture {
  std::shared_ptr<PaymentStore> store = make_memory_store();
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  int finals = 0;
  Vnd credited = 0;
  std::optional<Applier> applier;
  std::optional<charging::Client> client;
  Fixture() {
    Handlers h;
    h.card_final = [this](const CardFinal& c, ApplyContext&) -> Result<void> {
      ++finals;
      if (c.result.credits()) credited += c.result.amount.value_or(0);
      EXPECT_EQ(c.source, "submit");
      return {};
    };
    applier.emplace(store, ApplierOptions{h, {}, nullptr});
    charging::Config config;
    config.base_url = "http://127.0.0.1:9";
    config.partner_id = "36811";
    config.partner_key = kPartnerKey;
    config.transport = transport;
    config.retry.max_attempts = 1;
    client.emplace(*charging::Client::create(config));
  }
  Result<charging::ChargeResult> submit(const std::string& id) {
    charging::CardRequest card{"VIETTEL", "312821445892981", "10004783347874", 50000, id};
    return submit_card(*client, *applier, CardKeys{kPartnerKey, kStoreKey}, card);
  }
  SubmissionState state(const std::string& id) { return (*store->find_submission(Provider::kCharging, id))->state; }
};

http::Response json(const std::string& body) { return http::Response{200, {}, body}; }

TEST(SubmitCard, AFinalAnswerIsAppliedOnceAndTheWriteAheadPrecedesTheSend) {
  Fixture f;
  f.transport->answer = [&](const http::Request& request) -> Result<http::Response> {
    EXPECT_TRUE(f.store->find_submission(Provider::kCharging, "s-1")->has_value()) << "write-ahead before sending";
    EXPECT_NE(request.body.find("312821445892981"), std::string::npos);
    return json(
        R"({"status":1,"message":"OK","request_id":"s-1","declared_value":50000,"value":50000,"amount":35000})");
  };
  auto r = f.submit("s-1");
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(f.state("s-1"), SubmissionState::kFinal);
  EXPECT_EQ(f.finals, 1);
  EXPECT_EQ(f.credited, 35000);
  // The same request_id is never submitted twice.
  auto again = f.submit("s-1");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(f.finals, 1);
}

TEST(SubmitCard, PendingNotSentAndMaybeSentLandInTheirStates) {
  Fixture f;
  f.transport->answer = [](const http::Request&) -> Result<http::Response> {
    return json(R"({"status":99,"message":"PENDING","request_id":"s-2","declared_value":50000,"amount":35000})");
  };
  ASSERT_TRUE(f.submit("s-2").ok());
  EXPECT_EQ(f.state("s-2"), SubmissionState::kPending);
  EXPECT_EQ(f.finals, 0);

  f.transport->answer = [](const http::Request&) -> Result<http::Response> {
    return make_error(ErrorCode::kConnect, "connection refused", Delivery::kNotSent);
  };
  EXPECT_FALSE(f.submit("s-3").ok());
  EXPECT_EQ(f.state("s-3"), SubmissionState::kNotSent);

  f.transport->answer = [](const http::Request&) -> Result<http::Response> {
    return make_error(ErrorCode::kTimeout, "timed out", Delivery::kMaybeSent);
  };
  auto maybe = f.submit("s-4");
  ASSERT_FALSE(maybe.ok());
  EXPECT_TRUE(maybe.error().outcome_unknown());
  EXPECT_EQ(f.state("s-4"), SubmissionState::kWriteAhead) << "left for the reconciler, never resubmitted";
  auto due = f.store->list_unsettled(std::chrono::milliseconds(0), 10);
  ASSERT_EQ(due->size(), 2u);  // s-2 (pending) and s-4 (maybe sent); s-3 certainly was not sent
}

// ---- TConnect orders ----

const char* const kAesKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
// VietQR strings with a right CRC: 180 000 VND to 970403 (soundbox) and 40 123 VND to 970422 (Tingee).
const char* const kSoundboxQr =
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS6869"
    "0819thanh toan don hang63042E2E";
const char* const kTingeeQr =
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
    "text string6304D9C6";

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

struct OrderFixture {
  std::shared_ptr<PaymentStore> store = make_memory_store();
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  std::atomic<int> pushes{0};
  std::function<Result<http::Response>(const http::Request&)> push_answer = [](const http::Request&) {
    return Result<http::Response>(json(R"({"message":"Successfully pushed new payment to POS"})"));
  };
  // The order status TConnect answers (tx_data), by order id; none = no transactions yet.
  std::map<std::string, nlohmann::json> paid;
  int credited_orders = 0;
  Vnd credited = 0;
  std::optional<Applier> applier;
  std::optional<tconnect::Client> client;
  std::string pushed_order;  // what the push carried

  OrderFixture() {
    transport->answer = [this](const http::Request& r) -> Result<http::Response> {
      if (ends_with(r.url, "/auth/login")) return json(R"({"access_token":"t","expires_in":600})");
      const auto data = nlohmann::json::parse(r.body)["data"].get<std::string>();
      const auto plain = tconnect::decrypt_envelope(data, Secret(kAesKey), tconnect::KeyFormat::kHex);
      const auto payload = nlohmann::json::parse(plain.ok() ? *plain : std::string("{}"));
      if (ends_with(r.url, "/devices/payments/push")) {
        ++pushes;
        pushed_order = payload.value("order_id", "");
        return push_answer(r);
      }
      if (ends_with(r.url, "/transaction/qr/order/status")) {
        const std::string order = payload.value("order_id", "");
        nlohmann::json transactions = paid.count(order) ? paid[order] : nlohmann::json::array();
        return json(
            nlohmann::json{{"message", "success"}, {"tx_data", {{"order_id", order}, {"transactions", transactions}}}}
                .dump());
      }
      if (ends_with(r.url, "/transaction/qr")) return json(R"({"data":{"items":[],"total":0}})");  // no order_id there
      return http::Response{404, {}, R"({"message":"Not Found"})"};
    };
    Handlers h;
    h.ipn_confirmed = [this](const IpnConfirmed& e, ApplyContext&) -> Result<void> {
      if (e.order_settled) ++credited_orders;
      credited += e.transaction.amount.value_or(0);
      return {};
    };
    applier.emplace(store, ApplierOptions{h, {}, nullptr});
    tconnect::Config c;
    c.base_url = "http://127.0.0.1:9";
    c.partner_code = "PARTNER";
    c.username = "u@example.invalid";
    c.password = Secret("p");
    c.client_id = "cid";
    c.client_secret = Secret("cs");
    c.aes_key = Secret(kAesKey);
    c.transport = transport;
    c.retry.max_attempts = 1;
    client.emplace(*tconnect::Client::create(c));
  }
  Result<tconnect::PushResult> push(const std::string& order, Vnd amount = 150000) {
    return push_order(*client, *applier, tconnect::PosPush{"POS-1", order, amount}, {}, "customer-7");
  }
  void pay(const std::string& order, const std::string& request_id, Vnd amount) {
    paid[order].push_back(nlohmann::json{{"request_id", request_id}, {"status", "SUCCESS"}, {"amount", amount}});
  }
  SubmissionState state(const std::string& order) {
    return (*store->find_submission(Provider::kTconnect, order))->state;
  }
  // The IPN TConnect posts, through the dispatcher (confirmed by the order status).
  Reply ipn(const std::string& order, const std::string& request_id, Vnd amount) {
    DispatcherConfig config;
    config.store = store;
    config.applier = applier->options();
    config.tconnect = TconnectEndpoint{};
    config.tconnect->keys = {Secret(kAesKey)};
    config.tconnect->confirm = confirm_with(*client);
    auto dispatcher = Dispatcher::create(std::move(config));
    EXPECT_TRUE(dispatcher.ok());
    const nlohmann::json payload = {
        {"order_id", order}, {"amount", amount}, {"payment_type", "QR"}, {"request_id", request_id}};
    auto data =
        tconnect::encrypt_envelope(payload.dump(), Secret(kAesKey), tconnect::KeyFormat::kHex, *system_random());
    EXPECT_TRUE(data.ok());
    return dispatcher->handle("POST", "/paygw/tconnect/ipn", {}, R"({"data":")" + *data + R"("})");
  }
};

void expect_refused(const Result<tconnect::PushResult>& r, const std::string& why) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
  EXPECT_NE(r.error().message.find(why), std::string::npos) << r.error().message;
}

TEST(PushOrder, RecordedBeforeThePushSettledByItsIpnAndNeverPushedTwice) {
  OrderFixture f;
  f.push_answer = [&f](const http::Request&) -> Result<http::Response> {
    auto recorded = f.store->find_submission(Provider::kTconnect, "ORD-1");
    EXPECT_TRUE(recorded.ok() && recorded->has_value()) << "write-ahead before sending";
    if (recorded.ok() && recorded->has_value()) {
      EXPECT_EQ((*recorded)->state, SubmissionState::kWriteAhead);
      EXPECT_EQ((*recorded)->amount, 150000);
      EXPECT_EQ((*recorded)->reference, "customer-7");
    }
    return json(R"({"message":"Successfully pushed new payment to POS"})");
  };
  auto r = f.push("ORD-1");
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(f.pushed_order, "ORD-1");
  EXPECT_EQ(f.state("ORD-1"), SubmissionState::kPending);

  expect_refused(f.push("ORD-1"), "in flight");  // the same order pushed twice
  EXPECT_EQ(f.pushes.load(), 1) << "the second push never left";

  // Not paid yet: the IPN cannot be confirmed (503, TConnect delivers again); then paid.
  EXPECT_EQ(f.ipn("ORD-1", "R-1", 150000).status, 503);
  EXPECT_EQ(f.state("ORD-1"), SubmissionState::kPending);
  f.pay("ORD-1", "R-1", 150000);
  const Reply first = f.ipn("ORD-1", "R-1", 150000);
  EXPECT_EQ(first.status, 200) << first.note;
  EXPECT_EQ(f.ipn("ORD-1", "R-1", 150000).status, 200) << "a duplicate is acknowledged";
  EXPECT_EQ(f.state("ORD-1"), SubmissionState::kFinal);
  EXPECT_EQ(f.credited_orders, 1);
  EXPECT_EQ(f.credited, 150000);

  expect_refused(f.push("ORD-1"), "already settled");
  EXPECT_EQ(f.pushes.load(), 1);
}

TEST(PushOrder, AnIpnOfAnotherAmountDoesNotSettleTheOrder) {
  OrderFixture f;
  ASSERT_TRUE(f.push("ORD-2", 150000).ok());
  f.pay("ORD-2", "R-2", 15000);
  EXPECT_EQ(f.ipn("ORD-2", "R-2", 15000).status, 200);  // a real payment, recorded once
  EXPECT_EQ(f.state("ORD-2"), SubmissionState::kPending) << "amount must equal the order's";
  EXPECT_EQ(f.credited_orders, 0);
}

TEST(PushOrder, AfterAnErrorThatMayHaveBeenSentItIsNotPushedAgainButReconciled) {
  OrderFixture f;
  f.push_answer = [](const http::Request&) -> Result<http::Response> {
    return make_error(ErrorCode::kTimeout, "timed out", Delivery::kMaybeSent);  // the process "crashed" here
  };
  auto r = f.push("ORD-3");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().outcome_unknown());
  EXPECT_EQ(f.state("ORD-3"), SubmissionState::kWriteAhead) << "left for the reconciler";
  f.push_answer = [](const http::Request&) -> Result<http::Response> { return json(R"({"message":"ok"})"); };
  expect_refused(f.push("ORD-3"), "in flight");
  EXPECT_EQ(f.pushes.load(), 1) << "never resent";

  ReconcileOptions ro;
  ro.older_than = std::chrono::milliseconds(0);
  ro.max_queries_per_second = 0;
  auto unpaid = reconcile(*f.applier, {{}, confirm_with(*f.client), {}, {}}, ro);
  ASSERT_TRUE(unpaid.ok());
  EXPECT_EQ(unpaid->totals.still_pending, 1u)
      << progress_line(unpaid->totals) << (unpaid->errors.empty() ? "" : unpaid->errors[0]);
  f.pay("ORD-3", "R-3", 150000);  // the push had reached the POS, and the customer paid
  auto settled = reconcile(*f.applier, {{}, confirm_with(*f.client), {}, {}}, ro);
  ASSERT_TRUE(settled.ok());
  EXPECT_EQ(settled->totals.applied, 1u) << (settled->errors.empty() ? "" : settled->errors[0]);
  EXPECT_EQ(f.state("ORD-3"), SubmissionState::kFinal);
  EXPECT_EQ(f.credited_orders, 1);
}

TEST(PushOrder, CertainlyNotSentIsMarkedSoAndInvalidPushesRecordNothing) {
  OrderFixture f;
  f.push_answer = [](const http::Request&) -> Result<http::Response> {
    return make_error(ErrorCode::kConnect, "connection refused", Delivery::kNotSent);
  };
  ASSERT_FALSE(f.push("ORD-4").ok());
  EXPECT_EQ(f.state("ORD-4"), SubmissionState::kNotSent);
  expect_refused(f.push("ORD-4"), "not sent");

  expect_refused(f.push("ORD-5", 0), "amount");
  expect_refused(f.push("", 1000), "order_id");
  expect_refused(push_order(*f.client, *f.applier, tconnect::PosPush{"", "ORD-5", 1000}), "serial_no");
  // A soundbox QR must say the recorded amount: else nothing is recorded or sent.
  const TconnectOrder order{"ORD-6", "VA100023312", "table 4"};
  expect_refused(push_order(*f.client, *f.applier, order, tconnect::SoundboxPush{"SB-1", 1000, kSoundboxQr}),
                 "qr_string");
  for (const char* id : {"ORD-5", "ORD-6"})
    EXPECT_FALSE(f.store->find_submission(Provider::kTconnect, id)->has_value());
  EXPECT_EQ(f.pushes.load(), 1);

  f.push_answer = [](const http::Request&) -> Result<http::Response> { return json(R"({"message":"ok"})"); };
  auto sb = push_order(*f.client, *f.applier, order, tconnect::SoundboxPush{"SB-1", 180000, kSoundboxQr});
  ASSERT_TRUE(sb.ok()) << describe(sb.error());
  const auto stored = *f.store->find_submission(Provider::kTconnect, "ORD-6");
  EXPECT_EQ(stored->state, SubmissionState::kPending);
  EXPECT_EQ(stored->amount, 180000);
  EXPECT_EQ(stored->verifier, "VA100023312") << "the VA, for the order status";
  EXPECT_EQ(stored->reference, "table 4");
  expect_refused(push_order(*f.client, *f.applier, order, tconnect::SoundboxPush{"SB-1", 180000, kSoundboxQr}),
                 "in flight");
}

TEST(PushOrder, ConcurrentPushesOfOneOrderSendItOnce) {
  OrderFixture f;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&f, &ok] { ok += f.push("ORD-RACE").ok() ? 1 : 0; });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(f.pushes.load(), 1);
  EXPECT_EQ(f.state("ORD-RACE"), SubmissionState::kPending);
}

// ---- Tingee bills ----

struct BillFixture {
  std::shared_ptr<PaymentStore> store = make_memory_store();
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  std::atomic<int> shows{0};
  std::function<Result<http::Response>(const http::Request&)> show_answer = [](const http::Request&) {
    return Result<http::Response>(json(R"({"code":"00","message":"Success"})"));
  };
  int settled = 0;
  std::optional<Applier> applier;
  std::optional<tingee::Client> client;
  tingee::DynamicQrBill bill{kTingeeQr, "V1T1", "B-1", "Success"};

  BillFixture() {
    transport->answer = [this](const http::Request& r) -> Result<http::Response> {
      ++shows;
      return show_answer(r);
    };
    Handlers h;
    h.tingee_payment = [this](const TingeePayment& p, ApplyContext&) -> Result<void> {
      if (p.bill_settled) ++settled;
      return {};
    };
    applier.emplace(store, ApplierOptions{h, {}, nullptr});
    tingee::Config c;
    c.base_url = "http://127.0.0.1:9";
    c.client_id = "tingee-client";
    c.secret = Secret("tingee-secret");
    c.transport = transport;
    c.retry.max_attempts = 1;
    client.emplace(*tingee::Client::create(c));
  }
  Result<tingee::Ack> show(BillScreen screen = BillScreen::kShowQrCode) {
    tingee::ShowQrRequest r;
    r.uuid = "BOX-1";
    r.va_account_number = "V1T123456789";
    r.amount = 40123;
    r.bank_bin = "970422";
    return show_bill(*client, *applier, bill, r, screen, {}, "order-88");
  }
  SubmissionState state() { return (*store->find_submission(Provider::kTingee, bill.bill_id))->state; }
  Result<Applied> webhook(const std::string& code, Vnd amount) {
    tingee::PaymentNotification p;
    p.transaction_code = code;
    p.amount = amount;
    p.additional_data = {{"billId", bill.bill_id}};
    return applier->apply_tingee_payment(p, "webhook");
  }
};

TEST(ShowBill, RecordedBeforeTheShowSettledByItsWebhookAndNeverShownTwice) {
  BillFixture f;
  f.show_answer = [&f](const http::Request& r) -> Result<http::Response> {
    EXPECT_TRUE(f.store->find_submission(Provider::kTingee, "B-1")->has_value()) << "write-ahead before sending";
    EXPECT_TRUE(ends_with(r.url, "/v1/device/show-qr-code")) << r.url;
    EXPECT_NE(r.body.find(kTingeeQr), std::string::npos) << "the bill's QR";
    return json(R"({"code":"00","message":"Success"})");
  };
  auto r = f.show();
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(f.state(), SubmissionState::kPending);
  const auto stored = *f.store->find_submission(Provider::kTingee, "B-1");
  EXPECT_EQ(stored->amount, 40123);
  EXPECT_EQ(stored->reference, "order-88");

  auto again = f.show(BillScreen::kShowDynamicQrCode);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("in flight"), std::string::npos) << again.error().message;
  EXPECT_EQ(f.shows.load(), 1) << "the second show never left";

  auto paid = f.webhook("FT-1", 40123);
  ASSERT_TRUE(paid.ok());
  EXPECT_EQ(paid->outcome, Outcome::kApplied);
  EXPECT_EQ(f.webhook("FT-1", 40123)->outcome, Outcome::kDuplicate);
  EXPECT_EQ(f.state(), SubmissionState::kFinal);
  EXPECT_EQ(f.settled, 1);
  auto settled = f.show();
  ASSERT_FALSE(settled.ok());
  EXPECT_NE(settled.error().message.find("already settled"), std::string::npos) << settled.error().message;
  EXPECT_EQ(f.shows.load(), 1);
}

TEST(ShowBill, AfterAnErrorThatMayHaveBeenSentItIsNotShownAgain) {
  BillFixture f;
  f.show_answer = [](const http::Request&) -> Result<http::Response> {
    return make_error(ErrorCode::kNetwork, "connection reset", Delivery::kMaybeSent);
  };
  auto r = f.show(BillScreen::kShowDynamicQrCode);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().outcome_unknown());
  EXPECT_EQ(f.state(), SubmissionState::kWriteAhead) << "left for the reconciler";
  EXPECT_FALSE(f.show().ok());
  EXPECT_EQ(f.shows.load(), 1) << "never resent";
  ASSERT_TRUE(f.webhook("FT-2", 40123).ok());  // the box had shown it, and it was paid
  EXPECT_EQ(f.state(), SubmissionState::kFinal);
}

TEST(ShowBill, ABillThatCannotBeShownRecordsNothing) {
  BillFixture f;
  tingee::ShowQrRequest r;
  r.uuid = "BOX-1";
  r.va_account_number = "V1T123456789";
  r.amount = 40124;  // the QR says 40 123
  r.bank_bin = "970422";
  EXPECT_EQ(show_bill(*f.client, *f.applier, f.bill, r).error().code, ErrorCode::kInvalidArgument);
  r.amount = 40123;
  r.qr_code = kSoundboxQr;  // not the bill's
  EXPECT_EQ(show_bill(*f.client, *f.applier, f.bill, r).error().code, ErrorCode::kInvalidArgument);
  r.qr_code.clear();
  auto no_id = f.bill;
  no_id.bill_id.clear();
  EXPECT_EQ(show_bill(*f.client, *f.applier, no_id, r).error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(f.store->find_submission(Provider::kTingee, "B-1")->has_value());
  EXPECT_EQ(f.shows.load(), 0);
}

}  // namespace
}  // namespace paygw::test
