// SPDX-License-Identifier: MIT
// receive::OrderMatcher: the merchant's order reference in real-looking transfer memos (bank
// prefixes, FT references, diacritics, case, separators), its configuration, and the wiring into
// a Dispatcher (ApplierOptions::tingee_bill_of) with the memory store: a payment to the merchant's
// own VietQR, without a Tingee bill, settles the order its memo names — once.
#include <paygw/paygw.hpp>
#include <paygw/receive/order_matcher.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using paygw::receive::OrderMatcher;
using paygw::receive::OrderMatcherOptions;

OrderMatcher matcher(std::vector<std::string> prefixes = {"DH"}) {
  OrderMatcherOptions o;
  o.prefixes = std::move(prefixes);
  auto m = OrderMatcher::create(o);
  EXPECT_TRUE(m) << paygw::describe(m.error());
  return *m;
}

TEST(NormalizeMemo, DiacriticsCaseAndNonLetters) {
  EXPECT_EQ(paygw::receive::normalize_memo("Thanh toán đơn hàng ĐH12345"), "THANH TOAN DON HANG DH12345");
  EXPECT_EQ(paygw::receive::normalize_memo("Tiền cà phê Ưu đãi Ỹ"), "TIEN CA PHE UU DAI Y");
  // Decomposed (NFD) text: "a" + U+0301 combining acute.
  EXPECT_EQ(paygw::receive::normalize_memo("do\xcc\x81n"), "DON");
  EXPECT_EQ(paygw::receive::normalize_memo("a\xe2\x82\xac"
                                           "b\xff"),
            "A B ");  // euro sign, invalid byte
}

TEST(OrderMatcher, FindsTheReferenceWhateverTheBanksAdded) {
  const auto m = matcher();
  const std::vector<std::pair<std::string, std::string>> memos = {
      {"DH12345", "DH12345"},
      {"dh12345", "DH12345"},
      {"Thanh toán đơn hàng ĐH 12345", "DH12345"},
      {"MBVCB.5765028871.016835.DH12345.CT tu 0011004123456 NGUYEN VAN A toi 9876543210", "DH12345"},
      {"IBFT DH-12345", "DH12345"},
      {"FT26197KVBJB DH.12345 GD 123456-071523 10:15:20", "DH12345"},
      {"0400/FT26197KVBJB dh 12345", "DH12345"},
      {"CT DEN:516712345678 DH12345 chuyen tien", "DH12345"},
      {"NHAN TU 0123456789 TRACE 123456 ND DH#12345", "DH12345"},
      {"REM Tfr Ac: 1234567 DH:00012345", "DH00012345"},
      {"DH12345 DH12345 (sent twice)", "DH12345"},
  };
  for (const auto& [memo, want] : memos) EXPECT_EQ(m.find(memo), want) << memo;
}

TEST(OrderMatcher, NeverGuesses) {
  const auto m = matcher();
  for (const std::string memo : {
           "", "chuyen tien",
           "FT26DH12345",          // inside a bank reference: not at the start of a word
           "MBVCBDH12345",         // glued to a bank prefix
           "DH123",                // too short (min_length 4)
           "DH12345678901234567",  // too long (max_length 16)
           "DH12345ABC",           // the number does not end the word
           "DH12345 DH67890",      // two orders: ambiguous
           "DH - - - 12345",       // more than three separators
       }) {
    EXPECT_EQ(m.find(memo), "") << memo;
  }
  EXPECT_EQ(m.find_all("DH12345 DH67890"), (std::vector<std::string>{"DH12345", "DH67890"}));
}

TEST(OrderMatcher, Configurable) {
  OrderMatcherOptions o;
  o.prefixes = {"ord", "HD"};
  o.digits_only = false;
  o.min_length = 3;
  o.max_length = 8;
  auto m = OrderMatcher::create(o);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->find("thanh toan ord-a7k9"), "ORDA7K9");
  EXPECT_EQ(m->find("hđ 2024x"), "HD2024X");
  EXPECT_EQ(m->find("ord-abcdefghi"), "");  // 9 > max_length
  for (const auto& bad : std::vector<OrderMatcherOptions>{
           {},                                  // no prefix
           {{"D H"}, 4, 16, true, " -", true},  // not alphanumeric
           {{"DH"}, 0, 16, true, " -", true},   // min_length 0
           {{"DH"}, 8, 4, true, " -", true},    // min above max
           {{"DH"}, 4, 16, true, " x", true},   // a letter as a separator
       }) {
    auto refused = OrderMatcher::create(bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, paygw::ErrorCode::kConfig);
  }
}

TEST(OrderMatcher, BillIdFirstAsTingeeBillOf) {
  const auto m = matcher();
  paygw::tingee::PaymentNotification p;
  p.content = "MBVCB.1.DH12345.CT tu";
  EXPECT_EQ(m(p), "DH12345");
  p.additional_data = {{"BillId", "BILL-9"}};
  EXPECT_EQ(m(p), "BILL-9");
  OrderMatcherOptions o;
  o.prefixes = {"DH"};
  o.bill_id_first = false;
  EXPECT_EQ((*OrderMatcher::create(o))(p), "DH12345");
}

// A Tingee payment webhook for `content`, signed as Tingee signs it.
paygw::http::Headers sign(const std::string& secret, const std::string& body) {
  const std::string ts = "20260716174026000";
  auto sig = paygw::tingee::sign(paygw::Secret(secret), ts, body);
  EXPECT_TRUE(sig);
  return {{"x-request-timestamp", ts}, {"x-signature", *sig}};
}

std::string webhook(const std::string& code, long long amount, const std::string& content) {
  return R"({"clientId":"cid","transactionCode":")" + code + R"(","amount":)" + std::to_string(amount) +
         R"(,"content":")" + content +
         R"(","bank":"VCB","bankBin":"970436","accountNumber":"0123456789","transactionDate":"20260716174026"})";
}

TEST(OrderMatcher, ThroughTheDispatcherWithTheMemoryStore) {
  using namespace paygw;
  auto store = make_memory_store();
  // The merchant showed its own VietQR for order DH00012345 (150000 VND) and recorded the order.
  SubmissionRecord order;
  order.provider = Provider::kTingee;
  order.request_id = "DH00012345";
  order.state = SubmissionState::kPending;
  order.amount = 150000;
  ASSERT_TRUE(*store->record_submission(order));

  std::vector<std::string> settled;
  receive::DispatcherConfig config;
  config.store = store;
  config.applier.tingee_bill_of = matcher();  // the wiring: one line
  config.applier.handlers.tingee_payment = [&](const receive::TingeePayment& p,
                                               receive::ApplyContext&) -> Result<void> {
    settled.push_back((p.bill ? p.bill->request_id : std::string("-")) + (p.bill_settled ? " settled" : " open"));
    return {};
  };
  const std::string secret = "tingee-secret-for-order-matcher";
  config.tingee = receive::TingeeEndpoint{"/tingee", Secret(secret), {}};
  auto dispatcher = receive::Dispatcher::create(std::move(config));
  ASSERT_TRUE(dispatcher) << describe(dispatcher.error());

  // The bank wrote its own prefix, the payer lower case with diacritics and a separator.
  const std::string body = webhook("FT26197KVBJB", 150000, "MBVCB.5765028871.016835.đh-00012345.CT tu 0011004");
  for (int i = 0; i < 2; ++i) {  // delivered twice: applied once
    const auto reply = dispatcher->handle("POST", "/tingee", sign(secret, body), body);
    EXPECT_EQ(reply.status, 200) << reply.note;
  }
  ASSERT_EQ(settled, (std::vector<std::string>{"DH00012345 settled"}));
  auto stored = store->find_submission(Provider::kTingee, "DH00012345");
  ASSERT_TRUE(stored && *stored);
  EXPECT_EQ((*stored)->state, SubmissionState::kFinal);

  // A payment whose memo names no order is applied as a plain payment (no order settled).
  const std::string other = webhook("FT26197XXXXX", 20000, "chuyen tien");
  EXPECT_EQ(dispatcher->handle("POST", "/tingee", sign(secret, other), other).status, 200);
  EXPECT_EQ(settled.back(), "- open");
}

}  // namespace
