// SPDX-License-Identifier: MIT
// One TConnect payment counts once, and only for the order TConnect names. AES-CBC without a
// MAC lets anyone holding one captured IPN edit its first block — where `{"order_id":"ORD` sits —
// through the IV. Before the fix, confirm_ipn matched a transaction without order_id on the IPN's
// request_id alone and the event key was the IPN's own (unauthenticated) order_id + request_id:
// the replay with another order_id ran the handler again and settled another open order of the
// same amount. Now the event key is the transaction, and a transaction must name the IPN's order.
#include "../support/client_call_setup.hpp"
#include "dispatcher_fixture.hpp"

#include <paygw/receive/queries.hpp>
#include <paygw/tconnect/client.hpp>

namespace paygw::test {
namespace {

// TConnect: answers the login and every transaction-list page with one SUCCESS transaction with
// the fields seen for TConnect transactions, plus order_id ORD-1001 unless `names_order` is false.
class FakeTconnect final : public http::Transport {
 public:
  explicit FakeTconnect(bool names_order) : names_order_(names_order) {}
  Result<http::Response> send(const http::Request& r) override {
    http::Response response;
    response.status = 200;
    response.headers = {{"Content-Type", "application/json"}};
    if (r.url.find("/auth/login") != std::string::npos) {
      response.body = R"({"access_token":"t","expires_in":600})";
    } else {
      response.body = std::string(R"({"data":{"items":[{)") + (names_order_ ? R"("order_id":"ORD-1001",)" : "") +
                      R"("request_id":"REQ-9","status":"SUCCESS","amount":150000,"trn_ref_no":"FT9",)"
                      R"("narrative":"thanh toan ORD-1001","txn_init_dt":"2025-07-16 17:40:26"}],"total":1}})";
    }
    return response;
  }

 private:
  bool names_order_;
};

tconnect::Client real_tconnect_client(bool names_order) {
  tconnect::Config config =
      calls::tconnect_config("https://sme-open-api-sandbox.tconnect.vn", std::make_shared<FakeTconnect>(names_order));
  config.aes_key = Secret(kAesKey);  // the key the dispatcher fixture encrypts IPNs with
  auto client = tconnect::Client::create(std::move(config));
  EXPECT_TRUE(client.ok()) << describe(client.error());
  return *client;
}

// The IV byte over the first character of order_id, xored so that it decrypts to `to` instead of `from`.
void edit_first_order_id_char(Inbound& d, char from, char to) {
  const std::size_t data = d.body.find(":\"") + 2;
  const std::size_t pos = data + 2 * std::string(R"({"order_id":")").size();
  const int flipped = std::stoi(d.body.substr(pos, 2), nullptr, 16) ^ (from ^ to);
  static const char* digits = "0123456789abcdef";
  d.body[pos] = digits[(flipped >> 4) & 15];
  d.body[pos + 1] = digits[flipped & 15];
}

class IpnEventKeyTest : public DispatcherTest {
 protected:
  void SetUp() override { start(true); }
  void start(bool names_order) {
    store = make_memory_store();
    DispatcherConfig c;
    c.store = store;
    c.applier.handlers = handlers();
    TconnectEndpoint t;
    t.path = kIpnPath;
    t.keys = {Secret(kAesKey)};
    t.refusal_floor = std::chrono::milliseconds(0);                        // tests of replies, not of their timing
    t.confirm = receive::confirm_with(real_tconnect_client(names_order));  // the real confirm_ipn
    c.tconnect = std::move(t);
    auto d = Dispatcher::create(std::move(c));
    ASSERT_TRUE(d.ok()) << describe(d.error());
    dispatcher.reset();
    dispatcher.emplace(std::move(*d));
  }

  int handler_runs() {
    std::lock_guard<std::mutex> lock(ledger.mu);
    int n = 0;
    for (const auto& [key, count] : ledger.runs) n += count;
    return n;
  }
};

TEST_F(IpnEventKeyTest, AReplayedIpnWithAnEditedOrderIdNeitherCountsAgainNorSettlesAnotherOrder) {
  for (const char* id : {"ORD-1001", "XRD-1001"}) {
    SubmissionRecord order;
    order.provider = Provider::kTconnect;
    order.request_id = id;
    order.amount = 150000;
    ASSERT_TRUE(*store->record_submission(order));
  }
  const Inbound genuine = tconnect_ipn(kIpnPath, kAesKey, "ORD-1001", 150000, "REQ-9");
  const Reply first = deliver(genuine);
  ASSERT_EQ(first.status, 200) << first.note;
  ASSERT_EQ(handler_runs(), 1);
  ASSERT_EQ((*store->find_submission(Provider::kTconnect, "ORD-1001"))->state, SubmissionState::kFinal);

  Inbound replay = genuine;
  edit_first_order_id_char(replay, 'O', 'X');  // decrypts to order_id "XRD-1001", same request_id and amount
  const Reply second = deliver(replay);
  EXPECT_EQ(handler_runs(), 1) << "one payment (REQ-9) ran the handler twice: " << second.note;
  EXPECT_NE((*store->find_submission(Provider::kTconnect, "XRD-1001"))->state, SubmissionState::kFinal)
      << "order XRD-1001 was settled by the payment of ORD-1001: " << second.note;
}

// A transaction list that does not name orders confirms no IPN naming one: nothing is credited
// (503: TConnect delivers again; an alert says why), rather than trusting the IPN's order_id.
TEST_F(IpnEventKeyTest, ATransactionThatDoesNotNameTheOrderConfirmsNothing) {
  start(false);
  SubmissionRecord order;
  order.provider = Provider::kTconnect;
  order.request_id = "ORD-1001";
  order.amount = 150000;
  ASSERT_TRUE(*store->record_submission(order));
  const Reply r = deliver(tconnect_ipn(kIpnPath, kAesKey, "ORD-1001", 150000, "REQ-9"));
  EXPECT_EQ(r.status, 503) << r.note;
  EXPECT_EQ(handler_runs(), 0);
  EXPECT_NE((*store->find_submission(Provider::kTconnect, "ORD-1001"))->state, SubmissionState::kFinal);
}

// The same at the Applier: the event key of one confirmed transaction must not depend on the
// order_id the unauthenticated IPN names.
TEST(ApplierIpnKey, OneConfirmedTransactionIsAppliedOnceWhateverOrderIdTheIpnClaims) {
  auto store = make_memory_store();
  int runs = 0;
  ApplierOptions options;
  options.handlers.ipn_confirmed = [&runs](const IpnConfirmed&, ApplyContext&) -> Result<void> {
    ++runs;
    return {};
  };
  const Applier applier(store, options);
  tconnect::Transaction t;
  t.order_id = "ORD-1001";
  t.request_id = "REQ-9";
  t.status = "SUCCESS";
  t.amount = 150000;
  t.trn_ref_no = "FT9";
  tconnect::IpnNotification ipn;
  ipn.order_id = "ORD-1001";
  ipn.request_id = "REQ-9";
  ipn.amount = 150000;
  auto a = applier.apply_ipn(ipn, t, "ipn");
  ASSERT_TRUE(a.ok()) << describe(a.error());
  EXPECT_EQ(a->outcome, Outcome::kApplied);
  EXPECT_EQ(a->event_id, "txn/REQ-9");
  auto again = applier.apply_ipn(ipn, t, "ipn");  // a replay (re-encrypted or not)
  ASSERT_TRUE(again.ok()) << describe(again.error());
  EXPECT_EQ(again->outcome, Outcome::kDuplicate);
  ipn.order_id = "XRD-1001";  // edited, whatever a custom confirmation said
  auto b = applier.apply_ipn(ipn, t, "ipn");
  ASSERT_TRUE(b.ok()) << describe(b.error());
  EXPECT_EQ(b->outcome, Outcome::kRejected) << "event " << b->event_id;
  t.order_id.clear();  // a transaction that does not name the order proves nothing about it
  auto c = applier.apply_ipn(ipn, t, "ipn");
  ASSERT_TRUE(c.ok()) << describe(c.error());
  EXPECT_EQ(c->outcome, Outcome::kRejected);
  EXPECT_EQ(runs, 1);
}

}  // namespace
}  // namespace paygw::test
