// The Dispatcher over the memory store: routing, every provider's replies, exactly-once handlers,
// and forged, replayed and edited deliveries applying nothing. Deliveries are built independently
// of paygw (deliveries.cpp).
#include <paygw/receive/dispatcher.hpp>
#include <paygw/receive/submit.hpp>

#include "deliveries.hpp"

#include <gtest/gtest.h>

#include <map>
#include <mutex>

namespace paygw::test {
namespace {

using namespace paygw::receive;

const std::string kTingeeSecret = "tingee-secret-token-for-tests";
const std::string kAesKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const std::string kPartnerKey = "PARTNERKEY_TEST_0123456789abcdef";
const std::string kStoreKey = "store-key-0123456789abcdef-0123456789";
const std::string kTingeePath = "/hooks/tingee";
const std::string kIpnPath = "/hooks/tconnect";
const std::string kChargingPath = "/hooks/charging";

struct Ledger {
  std::mutex mu;
  std::map<std::string, int> runs;  // event key -> handler runs
  std::map<std::string, Vnd> credited;
  std::vector<Alert> alerts;
  int fail_next = 0;  // handler failures to inject
};

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store = make_memory_store();
    make_dispatcher();
  }

  Handlers handlers() {
    Handlers h;
    auto count = [this](const std::string& key, Vnd credit) -> Result<void> {
      std::lock_guard<std::mutex> lock(ledger.mu);
      if (ledger.fail_next > 0) {
        --ledger.fail_next;
        return make_error(ErrorCode::kInternal, "merchant database down");
      }
      ++ledger.runs[key];
      ledger.credited[key] += credit;
      return {};
    };
    h.card_final = [count](const CardFinal& c, ApplyContext&) {
      return count("card:" + c.result.request_id, c.result.credits() ? c.result.amount.value_or(0) : 0);
    };
    h.tingee_payment = [count](const TingeePayment& p, ApplyContext&) {
      return count("tingee:" + p.payment.transaction_code, p.payment.amount);
    };
    h.ipn_confirmed = [count](const IpnConfirmed& i, ApplyContext& ctx) {
      return count("ipn:" + ctx.event().event_id, i.transaction.amount.value_or(0));
    };
    h.bank_link = [count](const BankLink& b, ApplyContext&) { return count("link:" + b.event.request_id, 0); };
    h.alert = [this](const Alert& a) {
      std::lock_guard<std::mutex> lock(ledger.mu);
      ledger.alerts.push_back(a);
    };
    return h;
  }

  void make_dispatcher() {
    DispatcherConfig c;
    c.store = store;
    c.applier.handlers = handlers();
    c.tingee = TingeeEndpoint{kTingeePath, Secret(kTingeeSecret), {}};
    TconnectEndpoint t;
    t.path = kIpnPath;
    t.keys = {Secret(kAesKey)};
    t.confirm = [this](const tconnect::IpnNotification& ipn, const CallOptions&) -> Result<IpnConfirmation> {
      std::lock_guard<std::mutex> lock(ledger.mu);
      if (query_down) return make_error(ErrorCode::kTimeout, "query timed out", paygw::Delivery::kMaybeSent);
      const auto it = provider_truth.find(ipn.order_id);
      if (it == provider_truth.end()) return IpnConfirmation{IpnCheck::kNotFound, std::nullopt};
      if (!it->second.amount || *it->second.amount != ipn.amount) {
        return IpnConfirmation{IpnCheck::kAmountMismatch, std::nullopt};
      }
      return IpnConfirmation{IpnCheck::kConfirmed, it->second};
    };
    c.tconnect = std::move(t);
    c.charging = ChargingEndpoint{kChargingPath, Secret(kStoreKey), {}};
    auto d = Dispatcher::create(std::move(c));
    ASSERT_TRUE(d.ok()) << describe(d.error());
    dispatcher.emplace(std::move(*d));
  }

  Reply deliver(const Inbound& d) { return dispatcher->handle(d.method, d.target, d.headers, d.body); }

  Card card(const std::string& id) {
    Card c{"VIETTEL", "3146884404226" + std::to_string(id.size()), "10003395125761", 50000, id};
    CardKeys keys{Secret(kPartnerKey), Secret(kStoreKey)};
    charging::CardRequest request{c.telco, c.code, c.serial, c.declared_value, c.request_id};
    auto ok = write_ahead_card(*store, keys, request);
    EXPECT_TRUE(ok.ok()) << describe(ok.error());
    return c;
  }

  int runs(const std::string& key) {
    std::lock_guard<std::mutex> lock(ledger.mu);
    return ledger.runs.count(key) ? ledger.runs[key] : 0;
  }
  bool alerted(const std::string& kind) {
    std::lock_guard<std::mutex> lock(ledger.mu);
    for (const auto& a : ledger.alerts) {
      if (a.kind == kind) return true;
    }
    return false;
  }

  std::shared_ptr<PaymentStore> store;
  std::optional<Dispatcher> dispatcher;
  Ledger ledger;
  std::map<std::string, tconnect::Transaction> provider_truth;
  bool query_down = false;
};

TEST_F(DispatcherTest, UnknownPathsBadMethodsAndOversizedBodiesApplyNothing) {
  auto r = dispatcher->handle("POST", "/elsewhere", {}, "{}");
  EXPECT_EQ(r.status, 404);
  r = dispatcher->handle("GET", kTingeePath, {}, "");
  EXPECT_EQ(r.status, 405);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>("Allow", "POST")));
  r = dispatcher->handle("PUT", kChargingPath, {}, "");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers[0].second, "GET, POST");
  auto big = tingee_payment(kTingeePath, kTingeeSecret, "FT-BIG", 1000);
  big.body += std::string(64 * 1024, ' ');
  EXPECT_EQ(deliver(big).status, 413);
  EXPECT_EQ(dispatcher->handle("GET", kChargingPath + "?" + std::string(70 * 1024, 'a'), {}, "").status, 413);
  EXPECT_EQ(dispatcher->handle("POST", kTingeePath + "/", {}, "").status, 404) << "exact paths only";
  EXPECT_TRUE(ledger.runs.empty());
  EXPECT_TRUE(store->list_unhandled(10)->empty());
}

TEST_F(DispatcherTest, TingeePaymentIsAppliedOnceAndAcknowledgedEveryTime) {
  const auto d = tingee_payment(kTingeePath, kTingeeSecret, "0123456789/FT26197KVBJB", 2000);
  for (int i = 0; i < 3; ++i) {
    const Reply r = deliver(d);
    EXPECT_EQ(r.status, 200) << r.note;
    EXPECT_EQ(r.body, tingee::kWebhookAck);
  }
  EXPECT_EQ(runs("tingee:0123456789/FT26197KVBJB"), 1);
  auto event = store->find_event(Provider::kTingee, "0123456789/FT26197KVBJB");
  ASSERT_TRUE(event.ok() && event->has_value());
  EXPECT_TRUE((*event)->handled);
}

TEST_F(DispatcherTest, TingeeForgedEditedUnsignedAndUnreadableApplyNothing) {
  auto edited = tingee_payment(kTingeePath, kTingeeSecret, "FT1", 2000);
  edited.body.replace(edited.body.find("2000"), 4, "9000");  // signature is over 2000
  Reply r = deliver(edited);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.body.find("\"00\""), std::string::npos);
  auto forged = tingee_payment(kTingeePath, "another-secret", "FT2", 2000);
  EXPECT_EQ(deliver(forged).status, 401);
  auto unsigned_payment = tingee_payment(kTingeePath, kTingeeSecret, "FT3", 2000);
  unsigned_payment.headers.pop_back();
  EXPECT_EQ(deliver(unsigned_payment).status, 401);
  auto no_timestamp = tingee_payment(kTingeePath, kTingeeSecret, "FT4", 2000);
  no_timestamp.headers.erase(no_timestamp.headers.begin() + 1);
  EXPECT_EQ(deliver(no_timestamp).status, 401);
  // Signed but not an event paygw knows, or a payment with an impossible amount.
  auto odd = tingee_payment(kTingeePath, kTingeeSecret, "FT5", 2000);
  odd = Inbound{"POST", kTingeePath, {}, R"({"hello":"world"})", ""};
  odd.headers = tingee_payment(kTingeePath, kTingeeSecret, "x", 1).headers;
  odd.headers[2].second = hmac_sha512_hex(kTingeeSecret, odd.headers[1].second + ":" + odd.body);
  EXPECT_EQ(deliver(odd).status, 400);
  EXPECT_EQ(deliver(tingee_payment(kTingeePath, kTingeeSecret, "FT6", 0)).status, 400);
  EXPECT_EQ(deliver(tingee_payment(kTingeePath, kTingeeSecret, "FT7", 9007199254740992)).status, 400);
  EXPECT_TRUE(ledger.runs.empty());
  EXPECT_TRUE(alerted("rejected"));
  // The unsigned dashboard ping is acknowledged and applies nothing.
  r = deliver(tingee_ping(kTingeePath));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, tingee::kWebhookAck);
  EXPECT_TRUE(ledger.runs.empty());
  EXPECT_TRUE(store->list_unhandled(10)->empty());
}

TEST_F(DispatcherTest, TingeeBankLinkOncePerRequestAndStatus) {
  const auto ok = tingee_bank_link(kTingeePath, kTingeeSecret, "link-1", "confirm-va-success");
  EXPECT_EQ(deliver(ok).status, 200);
  EXPECT_EQ(deliver(ok).status, 200);
  EXPECT_EQ(runs("link:link-1"), 1);
  EXPECT_EQ(deliver(tingee_bank_link(kTingeePath, kTingeeSecret, "link-1", "delete-va-success")).status, 200);
  EXPECT_EQ(runs("link:link-1"), 2) << "a later status of the same link is another event";
}

TEST_F(DispatcherTest, TingeePaymentSettlesItsBillWhenTheAmountMatches) {
  SubmissionRecord bill;
  bill.provider = Provider::kTingee;
  bill.request_id = "BILL-7";
  bill.amount = 150000;
  ASSERT_TRUE(*store->record_submission(bill));
  EXPECT_EQ(deliver(tingee_payment(kTingeePath, kTingeeSecret, "FT-low", 100000, "BILL-7")).status, 200);
  EXPECT_EQ((*store->find_submission(Provider::kTingee, "BILL-7"))->state, SubmissionState::kWriteAhead);
  EXPECT_TRUE(alerted("amount_mismatch")) << "a payer edited the amount";
  EXPECT_EQ(deliver(tingee_payment(kTingeePath, kTingeeSecret, "FT-ok", 150000, "BILL-7")).status, 200);
  auto settled = store->find_submission(Provider::kTingee, "BILL-7");
  EXPECT_EQ((*settled)->state, SubmissionState::kFinal);
  EXPECT_NE((*settled)->result.find("FT-ok"), std::string::npos);
  EXPECT_EQ(runs("tingee:FT-low"), 1);
  EXPECT_EQ(runs("tingee:FT-ok"), 1);
}

TEST_F(DispatcherTest, TconnectIpnIsConfirmedThenAppliedOnce) {
  SubmissionRecord order;
  order.provider = Provider::kTconnect;
  order.request_id = "ORD-1001";
  order.amount = 150000;
  ASSERT_TRUE(*store->record_submission(order));
  tconnect::Transaction t;
  t.order_id = "ORD-1001";
  t.request_id = "REQ-9";
  t.status = "SUCCESS";
  t.amount = 150000;
  provider_truth["ORD-1001"] = t;
  const auto d = tconnect_ipn(kIpnPath, kAesKey, "ORD-1001", 150000, "REQ-9");
  for (int i = 0; i < 3; ++i) {
    const Reply r = deliver(d);
    EXPECT_EQ(r.status, 200) << r.note;
    EXPECT_EQ(r.body, tconnect::kIpnAck);
  }
  // The same payment re-encrypted with another IV is the same event.
  EXPECT_EQ(deliver(tconnect_ipn(kIpnPath, kAesKey, "ORD-1001", 150000, "REQ-9", 7)).status, 200);
  EXPECT_EQ(runs("ipn:ORD-1001/REQ-9"), 1);
  EXPECT_EQ((*store->find_submission(Provider::kTconnect, "ORD-1001"))->state, SubmissionState::kFinal);
}

TEST_F(DispatcherTest, TconnectBitFlippedForgedAndUnconfirmedIpnsApplyNothing) {
  tconnect::Transaction t;
  t.order_id = "ORD-2002";
  t.request_id = "REQ-2";
  t.status = "SUCCESS";
  t.amount = 90000;
  provider_truth["ORD-2002"] = t;
  // AES-CBC has no MAC: flipping IV bits edits the first plaintext block (`{"order_id":"ORD`)
  // at will. Turn the order id "ORD-2002" into "XRD-2002": it decrypts and parses fine, and only
  // the query catches it.
  auto d = tconnect_ipn(kIpnPath, kAesKey, "ORD-2002", 90000, "REQ-2");
  const std::size_t data = d.body.find(":\"") + 2;
  const std::size_t pos = data + 2 * std::string(R"({"order_id":")").size();  // IV byte over the 'O'
  const int flipped = std::stoi(d.body.substr(pos, 2), nullptr, 16) ^ ('O' ^ 'X');
  static const char* digits = "0123456789abcdef";
  d.body[pos] = digits[(flipped >> 4) & 15];
  d.body[pos + 1] = digits[flipped & 15];
  Reply r = deliver(d);
  EXPECT_EQ(r.status, 503) << r.note;
  EXPECT_NE(r.note.find("XRD-2002"), std::string::npos) << "the edit decrypted: " << r.note;
  // The real amount, edited: the query contradicts it.
  EXPECT_EQ(deliver(tconnect_ipn(kIpnPath, kAesKey, "ORD-2002", 900000, "REQ-2")).status, 400);
  // Another key; garbage; the same reply for every failure.
  const std::string other = "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  const Reply wrong_key = deliver(tconnect_ipn(kIpnPath, other, "ORD-2002", 90000, "REQ-2"));
  const Reply garbage = dispatcher->handle("POST", kIpnPath, {}, R"({"data":"00ff"})");
  EXPECT_EQ(wrong_key.status, 400);
  EXPECT_EQ(garbage.status, 400);
  EXPECT_EQ(wrong_key.body, garbage.body);
  // The query is down: retry later, nothing applied.
  query_down = true;
  EXPECT_EQ(deliver(tconnect_ipn(kIpnPath, kAesKey, "ORD-2002", 90000, "REQ-2")).status, 503);
  query_down = false;
  EXPECT_TRUE(ledger.runs.empty());
  EXPECT_EQ(deliver(tconnect_ipn(kIpnPath, kAesKey, "ORD-2002", 90000, "REQ-2")).status, 200);
  EXPECT_EQ(runs("ipn:ORD-2002/REQ-2"), 1);
}

TEST_F(DispatcherTest, ChargingCallbackCreditsOnceWhateverTheFormAndOrder) {
  const Card c = card("r-100");
  // A late-arriving pending first, then the final by POST JSON, GET and form, twice each.
  Reply r = deliver(charging_callback(kChargingPath, kPartnerKey, c, 99, 35000, -1, CallbackForm::kPostJson));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"status":"ok"})");
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "r-100"))->state, SubmissionState::kPending);
  EXPECT_EQ(runs("card:r-100"), 0) << "a pending amount is never credited";
  for (auto form : {CallbackForm::kPostJson, CallbackForm::kGetQuery, CallbackForm::kPostForm}) {
    for (int i = 0; i < 2; ++i) {
      r = deliver(charging_callback(kChargingPath, kPartnerKey, c, 1, 35000, 50000, form));
      EXPECT_EQ(r.status, 200) << r.note;
      EXPECT_EQ(r.body, R"({"status":"ok"})");
    }
  }
  // A stale pending after the final one.
  EXPECT_EQ(deliver(charging_callback(kChargingPath, kPartnerKey, c, 99, 35000, -1, CallbackForm::kGetQuery)).status,
            200);
  EXPECT_EQ(runs("card:r-100"), 1);
  EXPECT_EQ(ledger.credited["card:r-100"], 35000);
  EXPECT_FALSE(alerted("conflict")) << "identical duplicates are not conflicts";
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "r-100"))->state, SubmissionState::kFinal);
}

TEST_F(DispatcherTest, ChargingForgedReplayedAndEditedCallbacksApplyNothing) {
  const Card c = card("r-200");
  // Wrong key, another card's code under a valid-looking sign, unknown request id.
  EXPECT_EQ(deliver(charging_callback(kChargingPath, "wrong-key", c, 1, 50000, 50000, CallbackForm::kPostJson)).status,
            403);
  Card other = c;
  other.code = "999999999999999";
  EXPECT_EQ(
      deliver(charging_callback(kChargingPath, kPartnerKey, other, 1, 50000, 50000, CallbackForm::kPostJson)).status,
      403);
  Card unknown = c;
  unknown.request_id = "r-unknown";
  const Reply ignored =
      deliver(charging_callback(kChargingPath, kPartnerKey, unknown, 1, 1, 1, CallbackForm::kGetQuery));
  EXPECT_EQ(ignored.status, 200);
  EXPECT_EQ(ignored.body, R"({"status":"ignored"})");
  auto edited = charging_callback(kChargingPath, kPartnerKey, c, 1, 50000, 50000, CallbackForm::kPostJson);
  edited.body.replace(edited.body.find("\"amount\":50000"), 14, "\"amount\":\"lots\"");
  EXPECT_EQ(deliver(edited).status, 400);
  EXPECT_EQ(dispatcher->handle("GET", kChargingPath, {}, "").body, R"({"status":"ignored"})");
  EXPECT_EQ(runs("card:r-200"), 0);
  // The real final result: card error. A replay edited to "success" (the sign does not cover
  // the status) is a conflicting duplicate, never a credit.
  EXPECT_EQ(deliver(charging_callback(kChargingPath, kPartnerKey, c, 3, 0, 0, CallbackForm::kPostJson)).status, 200);
  EXPECT_EQ(deliver(charging_callback(kChargingPath, kPartnerKey, c, 1, 50000, 50000, CallbackForm::kPostJson)).status,
            200);
  EXPECT_EQ(runs("card:r-200"), 1);
  EXPECT_EQ(ledger.credited["card:r-200"], 0);
  EXPECT_TRUE(alerted("conflict"));
}

TEST_F(DispatcherTest, AFailingHandlerRollsBackAndTheNextDeliveryApplies) {
  const Card c = card("r-300");
  ledger.fail_next = 1;
  const auto final_cb = charging_callback(kChargingPath, kPartnerKey, c, 1, 35000, 50000, CallbackForm::kPostJson);
  const Reply failed = deliver(final_cb);
  EXPECT_EQ(failed.status, 503) << failed.note;
  EXPECT_NE((*store->find_submission(Provider::kCharging, "r-300"))->state, SubmissionState::kFinal);
  EXPECT_FALSE(store->find_event(Provider::kCharging, "r-300")->has_value());
  EXPECT_EQ(deliver(final_cb).status, 200);
  EXPECT_EQ(runs("card:r-300"), 1);

  ledger.fail_next = 1;
  const auto payment = tingee_payment(kTingeePath, kTingeeSecret, "FT-retry", 5000);
  EXPECT_EQ(deliver(payment).status, 503);
  EXPECT_EQ(deliver(payment).status, 200);
  EXPECT_EQ(runs("tingee:FT-retry"), 1);
}

TEST_F(DispatcherTest, HandlersMissingInOneProcessRunLaterExactlyOnce) {
  // A process without handlers (the CLI's reconciler, say) records events as owed.
  Applier bare(store);
  tingee::PaymentNotification p;
  p.transaction_code = "FT-owed";
  p.amount = 7000;
  auto applied = bare.apply_tingee_payment(p, "reconcile");
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->outcome, Outcome::kApplied);
  EXPECT_FALSE(applied->handled);
  const Card c = card("r-owed");
  charging::ChargeResult result;
  result.status_code = 1;
  result.status = charging::Status::kSuccess;
  result.request_id = "r-owed";
  result.amount = 35000;
  ASSERT_EQ(bare.apply_card(result, "check")->outcome, Outcome::kApplied);
  EXPECT_EQ(store->list_unhandled(10)->size(), 2u);
  // A redelivery to the full receiver is a duplicate: it does not run the handler either...
  EXPECT_EQ(deliver(tingee_payment(kTingeePath, kTingeeSecret, "FT-owed", 7000)).status, 200);
  EXPECT_EQ(runs("tingee:FT-owed"), 0);
  // ...run_deferred does, once, even when called twice.
  auto ran = dispatcher->applier().run_deferred();
  ASSERT_TRUE(ran.ok()) << describe(ran.error());
  EXPECT_EQ(*ran, 2u);
  EXPECT_EQ(*dispatcher->applier().run_deferred(), 0u);
  EXPECT_EQ(runs("tingee:FT-owed"), 1);
  EXPECT_EQ(runs("card:r-owed"), 1);
  EXPECT_EQ(ledger.credited["card:r-owed"], 35000);
  EXPECT_TRUE(store->list_unhandled(10)->empty());
}

TEST(DispatcherConfigTest, RefusesIncompleteConfigurations) {
  auto code = [](DispatcherConfig c) { return Dispatcher::create(std::move(c)).error().code; };
  DispatcherConfig c;
  EXPECT_EQ(code(c), ErrorCode::kConfig);
  c.store = make_memory_store();
  EXPECT_EQ(code(c), ErrorCode::kConfig) << "no endpoint";
  c.tingee = TingeeEndpoint{"/a", Secret(), {}};
  EXPECT_EQ(code(c), ErrorCode::kConfig) << "empty secret";
  c.tingee->secret = Secret("s");
  c.charging = ChargingEndpoint{"/a", Secret(std::string(32, 'k')), {}};
  EXPECT_EQ(code(c), ErrorCode::kConfig) << "same path twice";
  c.charging->path = "/b";
  c.charging->store_key = Secret("short");
  EXPECT_EQ(code(c), ErrorCode::kConfig);
  c.charging.reset();
  c.tconnect = TconnectEndpoint{};
  c.tconnect->keys = {Secret(std::string(64, '0'))};
  EXPECT_EQ(code(c), ErrorCode::kConfig) << "no confirm";
  c.tconnect.reset();
  EXPECT_TRUE(Dispatcher::create(c).ok());
}

}  // namespace
}  // namespace paygw::test
