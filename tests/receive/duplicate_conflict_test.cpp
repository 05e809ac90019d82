// SPDX-License-Identifier: MIT
// Same event key, different content: a conflict (alerted, never credited, answered as a
// duplicate), for Tingee payments and TConnect transactions as for charging results. Before,
// only charging compared; a Tingee payment or TConnect transaction whose key was already applied
// was acknowledged as "already applied" whatever its amount, account, content or order.
#include "dispatcher_fixture.hpp"

namespace paygw::test {
namespace {

// A Tingee webhook delivery with one field of the body replaced, signed again with the secret.
Inbound edited_tingee(const std::string& code, std::int64_t amount, const std::string& from, const std::string& to,
                      const std::string& bill = "") {
  Inbound d = tingee_payment(kTingeePath, kTingeeSecret, code, amount, bill);
  if (!from.empty()) d.body.replace(d.body.find(from), from.size(), to);
  const std::string timestamp = d.headers[1].second;
  d.headers[2].second = hmac_sha512_hex(kTingeeSecret, timestamp + ":" + d.body);
  return d;
}

TEST_F(DispatcherTest, ATingeeDuplicateThatIsNotIdenticalIsAConflict) {
  const Inbound original = tingee_payment(kTingeePath, kTingeeSecret, "FT-dup", 5000, "B-1");
  ASSERT_EQ(deliver(original).status, 200);
  // Identical: a plain duplicate.
  const Reply same = deliver(original);
  EXPECT_EQ(same.status, 200);
  EXPECT_FALSE(alerted("conflict")) << same.note;

  const Inbound variants[] = {
      edited_tingee("FT-dup", 6000, "", "", "B-1"),                                                        // amount
      edited_tingee("FT-dup", 5000, R"("accountNumber":"0123456789")", R"("accountNumber":"99")", "B-1"),  // account
      edited_tingee("FT-dup", 5000, R"("content":"thanh toan")", R"("content":"other")", "B-1"),           // content
      edited_tingee("FT-dup", 5000, "", "", "B-2"),                                                        // order
  };
  for (const auto& v : variants) {
    ledger.alerts.clear();
    const Reply r = deliver(v);
    EXPECT_EQ(r.status, 200) << r.note;
    EXPECT_EQ(r.body, tingee::kWebhookAck) << "answered as a duplicate";
    EXPECT_TRUE(alerted("conflict")) << v.body;
  }
  EXPECT_EQ(runs("tingee:FT-dup"), 1);
  EXPECT_EQ(ledger.credited["tingee:FT-dup"], 5000);
}

// A signed webhook saying "type": "DEBIT" (money out) is acknowledged as Tingee expects, alerted
// and never credited or recorded (ADR 0039); before, it was credited like any payment.
TEST_F(DispatcherTest, ATingeeDebitIsAcknowledgedAlertedAndNeverCredited) {
  const Inbound debit =
      edited_tingee("FT-debit", 5000, R"("content":"thanh toan")", R"("content":"thanh toan","type":"DEBIT")");
  for (int i = 0; i < 2; ++i) {
    const Reply r = deliver(debit);
    EXPECT_EQ(r.status, 200) << r.note;
    EXPECT_EQ(r.body, tingee::kWebhookAck);
  }
  EXPECT_TRUE(alerted("debit"));
  EXPECT_EQ(runs("tingee:FT-debit"), 0);
  EXPECT_EQ(ledger.credited.count("tingee:FT-debit"), 0u);
  // A credit said so explicitly is still a credit.
  const Inbound credit =
      edited_tingee("FT-credit", 5000, R"("content":"thanh toan")", R"("content":"thanh toan","type":"CREDIT")");
  EXPECT_EQ(deliver(credit).status, 200);
  EXPECT_EQ(ledger.credited["tingee:FT-credit"], 5000);
}

TEST(ApplierDuplicates, ATingeePaymentAppliedByTheReconcilerIsTheSameEventAsItsWebhook) {
  auto store = make_memory_store();
  std::vector<Alert> alerts;
  ApplierOptions options;
  options.handlers.alert = [&](const Alert& a) { alerts.push_back(a); };
  const Applier applier(store, options);
  tingee::PaymentNotification listed;  // what the transaction list carries
  listed.transaction_code = "970418/FT1";
  listed.amount = 150000;
  listed.account_number = "2101234567";
  listed.additional_data = {{"billId", "BILL-1"}};
  ASSERT_EQ(applier.apply_tingee_payment(listed, "reconcile")->outcome, Outcome::kApplied);
  alerts.clear();                                // BILL-1 is not stored: "unknown_submission", not the point here
  tingee::PaymentNotification webhook = listed;  // the webhook adds fields the list lacked
  webhook.content = "TT DON 1024";
  webhook.client_id = "client-1";
  webhook.bank = "STB";
  auto applied = applier.apply_tingee_payment(webhook, "webhook");
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->outcome, Outcome::kDuplicate);
  EXPECT_TRUE(alerts.empty());
  webhook.amount = 150001;
  EXPECT_EQ(applier.apply_tingee_payment(webhook, "webhook")->outcome, Outcome::kConflict);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind, "conflict");
}

TEST(ApplierDuplicates, ATconnectTransactionAppliedTwiceWithOtherContentIsAConflict) {
  auto store = make_memory_store();
  std::vector<Alert> alerts;
  int runs = 0;
  ApplierOptions options;
  options.handlers.alert = [&](const Alert& a) { alerts.push_back(a); };
  options.handlers.ipn_confirmed = [&](const IpnConfirmed&, ApplyContext&) -> Result<void> {
    ++runs;
    return {};
  };
  const Applier applier(store, options);
  tconnect::Transaction t;
  t.order_id = "ORD-1";
  t.request_id = "REQ-9";
  t.status = "SUCCESS";
  t.amount = 150000;
  t.narrative = "thanh toan ORD-1";
  tconnect::IpnNotification ipn;  // as the reconciler builds it: order and amount only
  ipn.order_id = "ORD-1";
  ipn.amount = 150000;
  ASSERT_EQ(applier.apply_ipn(ipn, t, "reconcile")->outcome, Outcome::kApplied);
  ipn.acc_no = "9704541234";  // the real IPN, later: more fields, the same transaction
  ipn.narrative = "thanh toan ORD-1";
  ipn.request_id = "REQ-9";
  EXPECT_EQ(applier.apply_ipn(ipn, t, "ipn")->outcome, Outcome::kDuplicate);
  EXPECT_TRUE(alerts.empty());
  // The same transaction reported with another amount (a custom confirmation, or the provider
  // changing its story), or another content: a conflict.
  tconnect::Transaction other = t;
  other.amount = 160000;
  tconnect::IpnNotification other_ipn = ipn;
  other_ipn.amount = 160000;
  EXPECT_EQ(applier.apply_ipn(other_ipn, other, "ipn")->outcome, Outcome::kConflict);
  other = t;
  other.narrative = "thanh toan ORD-2";
  EXPECT_EQ(applier.apply_ipn(ipn, other, "ipn")->outcome, Outcome::kConflict);
  EXPECT_EQ(alerts.size(), 2u);
  EXPECT_EQ(runs, 1);
}

}  // namespace
}  // namespace paygw::test
