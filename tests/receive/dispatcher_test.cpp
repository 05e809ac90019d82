// SPDX-License-Identifier: MIT
// The Dispatcher over the memory store: routing, Tingee and TConnect replies, exactly-once
// handlers, forged, replayed and edited deliveries applying nothing, configuration checks.
#include "dispatcher_fixture.hpp"

namespace paygw::test {
namespace {

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
  // The unsigned dashboard ping, and a body-less one, are acknowledged and apply nothing.
  r = deliver(tingee_ping(kTingeePath));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, tingee::kWebhookAck);
  r = dispatcher->handle("POST", kTingeePath, {}, "");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, tingee::kWebhookAck);
  EXPECT_EQ(dispatcher->handle("POST", kTingeePath, {{"x-signature", "00"}}, " \r\n").status, 200);
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
  EXPECT_EQ(runs("ipn:txn/REQ-9"), 1);
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
  EXPECT_EQ(deliver(tconnect_ipn(kIpnPath, kAesKey, "ORD-2002", 900000, "REQ-2")).status, 503);
  // Another key; garbage; the same reply for every failure (ipn_uniform_reply_test.cpp).
  const std::string other = "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  const Reply wrong_key = deliver(tconnect_ipn(kIpnPath, other, "ORD-2002", 90000, "REQ-2"));
  const Reply garbage = dispatcher->handle("POST", kIpnPath, {}, R"({"data":"00ff"})");
  EXPECT_EQ(wrong_key.status, 503);
  EXPECT_EQ(garbage.status, 503);
  EXPECT_EQ(wrong_key.body, garbage.body);
  // The query is down: retry later, nothing applied.
  query_down = true;
  EXPECT_EQ(deliver(tconnect_ipn(kIpnPath, kAesKey, "ORD-2002", 90000, "REQ-2")).status, 503);
  query_down = false;
  EXPECT_TRUE(ledger.runs.empty());
  EXPECT_EQ(deliver(tconnect_ipn(kIpnPath, kAesKey, "ORD-2002", 90000, "REQ-2")).status, 200);
  EXPECT_EQ(runs("ipn:txn/REQ-2"), 1);
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
  c.charging = ChargingEndpoint{};
  c.charging->path = "/a";
  c.charging->store_key = Secret(std::string(32, 'k'));
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
