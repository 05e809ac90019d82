// SPDX-License-Identifier: MIT
// Integration: TConnect IPNs end to end against paygw-sandbox. An order is pushed, paid through
// /_sandbox/tconnect/payments, its IPN decoded (decode_ipn) and confirmed through the order status
// and the transaction query (confirm_ipn, blocking and async): the real IPN is kConfirmed, also
// when the lists carry no order_id (ADR 0036); tampered copies — another amount, an unpaid or
// unknown order, an order id changed through the IV (AES-CBC has no MAC) — are not.
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

    // The date and payment_type only narrow the list search; the order status answers for the
    // order whatever they say: the same payment, the same event (its request_id).
    auto old = ipn;
    old.original_transaction_date -= 3LL * 24 * 3600 * 1000;
    old.payment_type = "CARD";
    auto same = IT_CALL(async, c, confirm_ipn, (old));
    ASSERT_OK(same);
    EXPECT_EQ(same->result, IpnCheck::kConfirmed);
    EXPECT_EQ(same->transaction->request_id, ipn.request_id);

    auto listed = ipn;  // without an order: the list alone, where a copy three days old finds nothing
    listed.order_id.clear();
    auto by_list = IT_CALL(async, c, confirm_ipn, (listed));
    ASSERT_OK(by_list);
    EXPECT_EQ(by_list->result, IpnCheck::kConfirmed);
    listed.original_transaction_date -= 3LL * 24 * 3600 * 1000;
    auto not_found = IT_CALL(async, c, confirm_ipn, (listed));
    ASSERT_OK(not_found);
    EXPECT_EQ(not_found->result, IpnCheck::kNotFound);
    EXPECT_FALSE(not_found->transaction.has_value());

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

    const auto card = paid_order(c, "ORD-CARD-" + unique_id(), 275000, "CARD");
    auto by_card = IT_CALL(async, c, confirm_ipn, (card));
    ASSERT_OK(by_card);
    EXPECT_EQ(by_card->result, IpnCheck::kConfirmed);
  };
  k["tconnect.order_status"] = [](const std::string&, bool async) {
    auto c = tconnect_client();
    const std::string order = "ORD-STATUS-" + unique_id();
    auto unknown = IT_CALL(async, c, order_status, ({order, "VA100023312", ""}));
    ASSERT_OK(unknown);
    EXPECT_TRUE(unknown->transactions.empty());
    const auto ipn = paid_order(c, order, 99000, "QR");
    auto status = IT_CALL(async, c, order_status, ({order, ipn.acc_no, ""}));
    ASSERT_OK(status);
    EXPECT_EQ(status->order_id, order);
    EXPECT_EQ(status->total_amount_paid, 99000);
    ASSERT_EQ(status->transactions.size(), 1u);
    EXPECT_EQ(status->transactions[0].order_id, order) << "listed under the order, without its own order_id";
    EXPECT_EQ(status->transactions[0].request_id, ipn.request_id);
    EXPECT_EQ(status->transactions[0].status, "SUCCESS");
    EXPECT_EQ(status->transactions[0].amount, 99000);
  };
  k["tconnect.generate_qr"] = [](const std::string&, bool async) {
    auto c = tconnect_client();
    const std::string order = "ORD-GEN-" + unique_id();
    auto qr = IT_CALL(async, c, generate_qr, ({"req-" + unique_id(), order, "VA100023312", "970454", 125000, ""}));
    ASSERT_OK(qr);
    EXPECT_TRUE(qr->dynamic);
    auto info = vietqr::parse(qr->qr_content);
    ASSERT_TRUE(info.ok()) << qr->qr_content;
    EXPECT_EQ(info->bin, "970454");
    EXPECT_EQ(info->account, "VA100023312");
    EXPECT_EQ(info->amount, 125000);
    EXPECT_EQ(info->purpose, order);
    if (!qr->image_png_base64.empty()) {  // the sandbox draws it when built with libqrencode and libpng
      auto png = tconnect::decode_qr_png(*qr);
      ASSERT_OK(png);
      EXPECT_GT(png->size(), 100u);
    }
    // The QR goes to a soundbox through paygw's own QR check.
    EXPECT_OK(c.push_payment(tconnect::SoundboxPush{"SB-0001", 125000, qr->qr_content}));
    auto no_service = IT_CALL(async, c, generate_qr, ({"req-" + unique_id(), order, "VA1", "970454", 1000, "x-qr"}));
    ASSERT_FALSE(no_service.ok());
    EXPECT_EQ(no_service.error().http_status, 400);
  };
  return k;
}

namespace {

// Issue 20 item 15: when TConnect's lists carry no order_id, the list confirms no IPN naming an
// order (fail closed) and every IPN was answered 503 forever; the order status confirms it.
TEST(SandboxTconnectIpn, AnIpnIsConfirmedWhenTheListsCarryNoOrderId) {
  auto c = tconnect_client();
  const std::string order = "ORD-UNLISTED-" + unique_id();
  const std::string path = unique_path("tconnect/ipn");
  const nlohmann::json body = {
      {"order_id", order}, {"amount", 88000}, {"list_order_id", false}, {"url", receiver().url(path)}};
  auto paid = transport()->send({http::Method::kPost,
                                 sandbox().url() + "/_sandbox/tconnect/payments",
                                 {{"Content-Type", "application/json"}},
                                 body.dump(),
                                 5s,
                                 {}});
  ASSERT_TRUE(paid.ok() && paid->status == 200) << (paid.ok() ? paid->body : describe(paid.error()));
  const auto hits = receiver().hits(path);
  ASSERT_EQ(hits.size(), 1u);
  const auto ipn = decoded(hits[0].body);
  ASSERT_EQ(ipn.order_id, order);
  auto page = c.get_qr_transactions(tconnect_today());
  ASSERT_OK(page);
  bool listed = false;
  for (const auto& t : page->items) {
    if (t.request_id != ipn.request_id) continue;
    listed = true;
    EXPECT_EQ(t.order_id, "") << "the list names no order for this payment";
  }
  EXPECT_TRUE(listed);
  for (bool async : {false, true}) {
    SCOPED_TRACE(async ? "async" : "blocking");
    auto r = IT_CALL(async, c, confirm_ipn, (ipn));
    ASSERT_OK(r);
    EXPECT_EQ(r->result, IpnCheck::kConfirmed);
    ASSERT_TRUE(r->transaction.has_value());
    EXPECT_EQ(r->transaction->order_id, order);
    EXPECT_EQ(r->transaction->amount, 88000);
  }
}

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
