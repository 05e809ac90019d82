// SPDX-License-Identifier: MIT
// Integration: TConnect IPNs end to end against paygw-sandbox. An order is pushed, paid through
// /_sandbox/tconnect/payments, its IPN decoded (decode_ipn) and confirmed through the transaction
// query (confirm_ipn, blocking and async): the real IPN is kConfirmed; tampered copies — another
// amount, another date, another list, an unpaid or unknown order, an order id changed through the
// IV (AES-CBC has no MAC) — are not.
#include "sandbox_fixture.hpp"

#include <cstdio>
#include <cstdlib>

namespace paygw::it {
namespace {

using tconnect::IpnCheck;

tconnect::IpnNotification decoded(const std::string& body) {
  auto ipn = tconnect::decode_ipn(body, {Secret(kAesKey)});
  EXPECT_OK(ipn);
  return ipn.ok() ? *ipn : tconnect::IpnNotification{};
}

// Pushes `order` to the POS (a pending transaction), pays it with `type`, and returns its IPN.
tconnect::IpnNotification paid_order(const tconnect::Client& c, const std::string& order, Vnd amount,
                                     const std::string& type) {
  EXPECT_OK(c.push_payment(tconnect::PosPush{"POS-0001", order, amount}));
  return decoded(tconnect_pay(order, amount, type));
}

}  // namespace

Checks tconnect_ipn_checks() {
  Checks k;
  k["tconnect.confirm_ipn"] = [](const std::string&, bool async) {
    auto c = tconnect_client();
    const std::string order = "ORD-IPN-" + unique_id();
    const auto ipn = paid_order(c, order, 150000, "QR");
    ASSERT_EQ(ipn.order_id, order);
    ASSERT_EQ(ipn.amount, 150000);
    ASSERT_EQ(ipn.request_id.rfind("SBX-", 0), 0u) << "the IPN carries the push's request_id: " << ipn.request_id;
    auto confirmed = IT_CALL(async, c, confirm_ipn, (ipn));
    ASSERT_OK(confirmed);
    EXPECT_EQ(confirmed->result, IpnCheck::kConfirmed);
    ASSERT_TRUE(confirmed->transaction.has_value());
    EXPECT_EQ(confirmed->transaction->order_id, order);
    EXPECT_EQ(confirmed->transaction->request_id, ipn.request_id);
    EXPECT_EQ(confirmed->transaction->status, "SUCCESS");
    EXPECT_EQ(confirmed->transaction->amount, 150000);

    auto more = ipn;  // a copy claiming more money
    more.amount = 1500000;
    auto mismatch = IT_CALL(async, c, confirm_ipn, (more));
    ASSERT_OK(mismatch);
    EXPECT_EQ(mismatch->result, IpnCheck::kAmountMismatch);
    ASSERT_TRUE(mismatch->transaction.has_value());
    EXPECT_EQ(mismatch->transaction->amount, 150000);

    auto old = ipn;  // a copy dated three days earlier: the search window (±1 day) misses the payment
    old.original_transaction_date -= 3LL * 24 * 3600 * 1000;
    auto not_found = IT_CALL(async, c, confirm_ipn, (old));
    ASSERT_OK(not_found);
    EXPECT_EQ(not_found->result, IpnCheck::kNotFound);
    EXPECT_FALSE(not_found->transaction.has_value());

    auto other_list = ipn;  // a QR payment claimed as a card payment: not in the card list
    other_list.payment_type = "CARD";
    auto wrong_list = IT_CALL(async, c, confirm_ipn, (other_list));
    ASSERT_OK(wrong_list);
    EXPECT_EQ(wrong_list->result, IpnCheck::kNotFound);

    const std::string unpaid_order = "ORD-UNPAID-" + unique_id();  // pushed, not paid
    ASSERT_OK(c.push_payment(tconnect::PosPush{"POS-0001", unpaid_order, 150000}));
    auto unpaid = ipn;
    unpaid.order_id = unpaid_order;
    unpaid.request_id.clear();
    auto pending = IT_CALL(async, c, confirm_ipn, (unpaid));
    ASSERT_OK(pending);
    EXPECT_EQ(pending->result, IpnCheck::kNotSuccessful);
    ASSERT_TRUE(pending->transaction.has_value());
    EXPECT_EQ(pending->transaction->status, "PENDING");

    auto unknown = ipn;
    unknown.order_id = "ORD-NEVER-" + unique_id();
    unknown.request_id = "SBX-NEVER";
    auto missing = IT_CALL(async, c, confirm_ipn, (unknown));
    ASSERT_OK(missing);
    EXPECT_EQ(missing->result, IpnCheck::kNotFound);

    tconnect::IpnNotification empty;
    empty.amount = 1000;
    auto refused = IT_CALL(async, c, confirm_ipn, (empty));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);

    const auto card = paid_order(c, "ORD-CARD-" + unique_id(), 275000, "CARD");  // looked up in the card list
    auto by_card = IT_CALL(async, c, confirm_ipn, (card));
    ASSERT_OK(by_card);
    EXPECT_EQ(by_card->result, IpnCheck::kConfirmed);
  };
  return k;
}

namespace {

TEST(SandboxTconnectIpn, IpnDecrypts) {
  const std::string order = "ORD-9-" + unique_id();
  const std::string body = tconnect_pay(order, 150000);
  auto ipn = tconnect::decode_ipn(body, {Secret(kAesKey)});
  ASSERT_TRUE(ipn.ok()) << describe(ipn.error());
  EXPECT_EQ(ipn->order_id, order);
  EXPECT_EQ(ipn->amount, 150000);
  EXPECT_EQ(ipn->payment_type, "QR");
  EXPECT_EQ(ipn->narrative, "Thanh toan " + order);
  EXPECT_EQ(ipn->request_id.rfind("SBX-IPN-", 0), 0u) << "no push before: a new transaction";
  const auto now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  EXPECT_LE(std::abs(now_ms - ipn->original_transaction_date), 60'000) << "milliseconds since the epoch";
  EXPECT_EQ(tconnect::decode_ipn(body, {Secret(std::string(64, 'a'))}).error().code, ErrorCode::kDecrypt);
  EXPECT_OK(tconnect::decode_ipn(body, {Secret(std::string(64, 'a')), Secret(kAesKey)})) << "key rotation";
}

// The attack decode_ipn documents: whoever holds a captured IPN can flip bits of its first AES
// block through the IV. The sandbox's payload begins `{"order_id":"ORD`, so bytes 13..15 of the
// IV change the first three characters of order_id while request_id and amount stay those of the
// real payment. confirm_ipn must not confirm an IPN for an order the transaction is not for: a
// merchant who credits ipn.order_id after kConfirmed would credit an order nobody paid.
TEST(SandboxTconnectIpn, AnOrderIdForgedThroughTheIvIsNotConfirmed) {
  auto c = tconnect_client();
  const std::string order = "ORD-FORGED-" + unique_id();
  const std::string body = tconnect_pay(order, 150000);
  const auto data_at = body.find("\"data\":\"") + 8;
  ASSERT_EQ(decoded(body).order_id, order);
  std::string forged = body;
  const int byte = std::stoi(forged.substr(data_at + 26, 2), nullptr, 16) ^ ('O' ^ 'X');  // IV byte 13
  char hex[3];
  std::snprintf(hex, sizeof hex, "%02x", byte);
  forged.replace(data_at + 26, 2, hex);
  const auto ipn = decoded(forged);
  ASSERT_EQ(ipn.order_id, "X" + order.substr(1)) << "AES-CBC without a MAC: the forgery decrypts";
  ASSERT_EQ(ipn.amount, 150000);
  for (bool async : {false, true}) {
    SCOPED_TRACE(async ? "async" : "blocking");
    auto r = IT_CALL(async, c, confirm_ipn, (ipn));
    ASSERT_OK(r);
    EXPECT_NE(r->result, IpnCheck::kConfirmed)
        << "confirmed an IPN for order " << ipn.order_id << " by the request_id " << ipn.request_id
        << " of the payment of order " << (r->transaction ? r->transaction->order_id : std::string("?"));
  }
}

}  // namespace
}  // namespace paygw::it
