// SPDX-License-Identifier: MIT
// Tingee direct-debit codec (register, payment-bill, delete-subscription, refund,
// edit-confirm-payment-method, get-subscription-status, get-transaction-status,
// get-paging-transactions): bodies and query strings as exact bytes in the member order of the
// DTOs of Tingee's official SDK (@tingee/sdk-node 0.2.4, src/types/generated.ts and the query
// objects of src/client/generated-methods.ts), validation, and parsing of the fixtures plus
// malformed variants. Expected bytes are written by hand from those DTOs.
#include <paygw/tingee/all_models.hpp>

#include "tingee/codec_direct_debit.hpp"
#include "tingee_api_codec_test_support.hpp"

namespace {

using namespace paygw;
using namespace paygw::tingee;
using namespace paygw::test::tingee_codec;

DirectDebitPaymentBillRequest bill() {
  DirectDebitPaymentBillRequest r;
  r.request_id = "PAY-0001";
  r.subscription_id = "SUB-42";
  r.amount = 150000;
  r.description = "Phi thang 7";
  r.token_ref = "TOK-REF-9";
  r.service_provider_name = "Shop A";
  return r;
}

TEST(TingeeDirectDebitCodec, RegisterBytesValidationAndAnswer) {
  DirectDebitRegisterRequest r{"REG-0001", "970436", "NGUYEN VAN A", "0901234567", "https://shop.example.vn/dd/return"};
  EXPECT_EQ(compact(codec::build(r)), fixture_body("direct-debit-register"));
  expect_body(codec::build(r), R"({"requestId":"REG-0001","bankBin":"970436","accountName":"NGUYEN VAN A",)"
                               R"("phone":"0901234567","returnUrl":"https://shop.example.vn/dd/return"})");
  expect_body(codec::build(DirectDebitRegisterRequest{"R", "", "", "0901234567", "u"}),
              R"({"requestId":"R","phone":"0901234567","returnUrl":"u"})");
  auto bad = r;
  bad.request_id.clear();
  expect_invalid(codec::build(bad), "request_id is required");
  bad = r;
  bad.phone.clear();
  expect_invalid(codec::build(bad), "phone is required");
  bad = r;
  bad.phone = "+84901234567";
  expect_invalid(codec::build(bad), "phone must be 8..15 digits");
  bad = r;
  bad.return_url.clear();
  expect_invalid(codec::build(bad), "return_url is required");
  bad = r;
  bad.bank_bin = "VCB";
  expect_invalid(codec::build(bad), "bank_bin must be 6 digits");

  auto link = codec::parse_direct_debit_link(fixture_envelope("direct-debit-register"));
  ASSERT_TRUE(link.ok()) << link.error().message;
  EXPECT_EQ(link->url, "https://onepay.example.vn/dd/authorize?token=REG-0001");
  expect_malformed(codec::parse_direct_debit_link(envelope_with("")).error(), "data is not a non-empty string");
  expect_malformed(codec::parse_direct_debit_link(envelope_with(Json{{"url", "x"}})).error(),
                   "data is not a non-empty string");
  expect_malformed(codec::parse_direct_debit_link(envelope_with(nullptr)).error(), "data is not a non-empty string");
}

TEST(TingeeDirectDebitCodec, PaymentBillSendsTheAmountAsAString) {
  EXPECT_EQ(compact(codec::build(bill())), fixture_body("direct-debit-payment-bill"));
  expect_body(codec::build(bill()),
              R"({"requestId":"PAY-0001","subscriptionId":"SUB-42","amount":"150000","description":"Phi thang 7",)"
              R"("tokenRef":"TOK-REF-9","partnerCode":"one-pay","serviceProviderName":"Shop A"})");
  auto r = bill();
  r.client_id = "cid";
  r.expiration_time = "20260716235959";
  r.signature = "sig";
  r.token = "tok";
  r.additional_data = {{"orderId", "1024"}, {"note", "x"}};
  r.account_number = "0071000123456";
  r.return_url = "https://shop.example.vn/r";
  r.amount = 9'007'199'254'740'991;
  expect_body(
      codec::build(r),
      R"({"requestId":"PAY-0001","clientId":"cid","subscriptionId":"SUB-42","amount":"9007199254740991",)"
      R"("description":"Phi thang 7","expirationTime":"20260716235959","signature":"sig","token":"tok",)"
      R"("additionalData":{"orderId":"1024","note":"x"},"tokenRef":"TOK-REF-9","partnerCode":"one-pay",)"
      R"("accountNumber":"0071000123456","serviceProviderName":"Shop A","returnUrl":"https://shop.example.vn/r"})");
}

TEST(TingeeDirectDebitCodec, PaymentBillValidation) {
  for (Vnd amount : {Vnd{0}, Vnd{-1}, Vnd{9'007'199'254'740'992}}) {
    auto r = bill();
    r.amount = amount;
    expect_invalid(codec::build(r), "amount must be 1..9007199254740991");
  }
  auto r = bill();
  r.subscription_id.clear();
  expect_invalid(codec::build(r), "subscription_id is required");
  r = bill();
  r.description.clear();
  expect_invalid(codec::build(r), "description is required");
  r = bill();
  r.description = std::string(2049, 'x');
  expect_invalid(codec::build(r), "description must be at most 2048 bytes");
  r = bill();
  r.service_provider_name.clear();
  expect_invalid(codec::build(r), "service_provider_name is required");
  r = bill();
  r.partner_code.clear();
  expect_invalid(codec::build(r), "partner_code is required");
  r = bill();
  r.additional_data = {{"", "v"}};
  expect_invalid(codec::build(r), "additional_data key is required");
  r = bill();
  r.additional_data = {{"k", "a"}, {"k", "b"}};
  expect_invalid(codec::build(r), "additional_data keys must be distinct");
  r = bill();
  r.additional_data = {{"k", "a\nb"}};
  expect_invalid(codec::build(r), "additional_data value must not contain control characters");
}

TEST(TingeeDirectDebitCodec, PaymentBillAnswer) {
  auto p = codec::parse_payment_bill(fixture_envelope("direct-debit-payment-bill"));
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->code, "DD-1001");
  EXPECT_EQ(p->status, "pending-confirm");
  EXPECT_EQ(p->transaction_code, "TXN-DD-77");
  EXPECT_EQ(p->is_sent_confirm_email, true);
  EXPECT_EQ(p->is_sent_confirm_zalo, false);
  EXPECT_EQ(p->return_url, "https://shop.example.vn/dd/return");
  auto refused = codec::parse_envelope(fixture_response("direct-debit-payment-bill", 1));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kProvider);
  EXPECT_EQ(refused.error().provider_code, "1050");
  expect_malformed(codec::parse_payment_bill(envelope_with(nullptr)).error(), "data is not a payment-bill answer");
  expect_malformed(codec::parse_payment_bill(envelope_with(Json{{"code", "x"}})).error(), "data.status is missing");
  expect_malformed(
      codec::parse_payment_bill(envelope_with(Json{{"status", "success"}, {"isSentConfirmEmail", "yes"}})).error(),
      "data.isSentConfirmEmail is not a boolean");
}

TEST(TingeeDirectDebitCodec, DeleteSubscriptionAndEditConfirm) {
  DirectDebitDeleteSubscriptionRequest d{"DEL-SUB-1", "https://shop.example.vn/dd/bye", "SUB-42", "TOK-REF-9"};
  EXPECT_EQ(compact(codec::build(d)), fixture_body("direct-debit-delete-subscription"));
  expect_body(codec::build(d), R"({"requestId":"DEL-SUB-1","returnUrl":"https://shop.example.vn/dd/bye",)"
                               R"("subscriptionId":"SUB-42","tokenRef":"TOK-REF-9"})");
  auto bad = d;
  bad.token_ref.clear();
  expect_invalid(codec::build(bad), "token_ref is required");
  bad = d;
  bad.subscription_id = "S\x01";
  expect_invalid(codec::build(bad), "subscription_id must not contain control characters");
  auto del = codec::parse_delete_subscription(fixture_envelope("direct-debit-delete-subscription"));
  ASSERT_TRUE(del.ok());
  EXPECT_EQ(del->confirm_url, "https://onepay.example.vn/dd/cancel?s=1");
  EXPECT_EQ(del->code, "00");
  expect_malformed(codec::parse_delete_subscription(envelope_with(Json{{"confirmUrl", 1.5}})).error(),
                   "data.confirmUrl is not a string");

  DirectDebitEditConfirmPaymentMethodRequest e{"EDIT-1", "https://shop.example.vn/dd/edited", "SUB-42"};
  EXPECT_EQ(compact(codec::build(e)), fixture_body("direct-debit-edit-confirm-payment-method"));
  expect_body(codec::build(e),
              R"({"requestId":"EDIT-1","returnUrl":"https://shop.example.vn/dd/edited","subscriptionId":"SUB-42"})");
  expect_invalid(codec::build(DirectDebitEditConfirmPaymentMethodRequest{"R", "", "S"}), "return_url is required");
  auto link = codec::parse_direct_debit_link(fixture_envelope("direct-debit-edit-confirm-payment-method"));
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(link->url, "https://onepay.example.vn/dd/edit?s=2");
}

TEST(TingeeDirectDebitCodec, RefundBytesValidationAndAnswer) {
  DirectDebitRefundRequest r{"SUB-42", "TOK-REF-9", "TXN-DD-77", 50000};
  EXPECT_EQ(compact(codec::build(r)), fixture_body("direct-debit-refund"));
  expect_body(codec::build(r),
              R"({"subscriptionId":"SUB-42","tokenRef":"TOK-REF-9","transactionId":"TXN-DD-77","amount":50000})");
  auto bad = r;
  bad.amount = 0;
  expect_invalid(codec::build(bad), "amount must be 1..9007199254740991");
  bad = r;
  bad.transaction_id.clear();
  expect_invalid(codec::build(bad), "transaction_id is required");
  auto refund = codec::parse_refund(fixture_envelope("direct-debit-refund"));
  ASSERT_TRUE(refund.ok()) << refund.error().message;
  EXPECT_EQ(refund->refund_amount, 50000);
  EXPECT_EQ(refund->transaction_id, "TXN-DD-77");
  EXPECT_EQ(refund->status, "Pending");
  expect_malformed(codec::parse_refund(envelope_with(Json{{"status", "success"}})).error(),
                   "data.refundAmount is missing");
  expect_malformed(codec::parse_refund(envelope_with(Json{{"refundAmount", -5}, {"status", "success"}})).error(),
                   "data.refundAmount is not an amount in VND (an integer 0..9007199254740991)");
  expect_malformed(codec::parse_refund(envelope_with(Json{{"refundAmount", 10.5}, {"status", "success"}})).error(),
                   "data.refundAmount is not an amount in VND (an integer 0..9007199254740991)");
  expect_malformed(codec::parse_refund(envelope_with(Json{{"refundAmount", 10}})).error(), "data.status is missing");
}

TEST(TingeeDirectDebitCodec, StatusQueries) {
  auto q = codec::build_query(DirectDebitSubscriptionStatusRequest{"", "SUB-42", "TOK-REF-9"});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ("/v1/direct-debit/get-subscription-status" + *q, fixture_path_of("direct-debit-get-subscription-status"));
  EXPECT_EQ(*codec::build_query(DirectDebitSubscriptionStatusRequest{"R 1", "S/2", "T&3"}),
            "?requestId=R%201&subscriptionId=S%2F2&tokenRef=T%263");
  expect_invalid_query(codec::build_query(DirectDebitSubscriptionStatusRequest{"", "", "T"}),
                       "subscription_id is required");
  expect_invalid_query(codec::build_query(DirectDebitSubscriptionStatusRequest{"", "S", ""}), "token_ref is required");

  auto t = codec::build_query(DirectDebitTransactionStatusRequest{"TXN-DD-77", "TOK-REF-9", "SUB-42"});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ("/v1/direct-debit/get-transaction-status" + *t, fixture_path_of("direct-debit-get-transaction-status"));
  expect_invalid_query(codec::build_query(DirectDebitTransactionStatusRequest{"", "T", "S"}),
                       "transaction_id is required");

  DirectDebitTransactionPagingRequest p{"SUB-42", "TOK-REF-9", "", "", 0, 20};
  auto pq = codec::build_query(p);
  ASSERT_TRUE(pq.ok());
  EXPECT_EQ("/v1/direct-debit/get-paging-transactions" + *pq, fixture_path_of("direct-debit-get-paging-transactions"));
  p.start_time = "20260701000000";
  p.end_time = "20260716235959";
  p.skip_count.reset();
  p.max_result_count.reset();
  EXPECT_EQ(*codec::build_query(p),
            "?subscriptionId=SUB-42&tokenRef=TOK-REF-9&startTime=20260701000000&endTime=20260716235959");
  auto bad = p;
  bad.end_time = "20260631000000";
  expect_invalid_query(codec::build_query(bad), "end_time must be yyyyMMddHHmmss (UTC+7)");
  bad = p;
  bad.start_time = "20260717000000";
  expect_invalid_query(codec::build_query(bad), "start_time must not be after end_time");
  bad = p;
  bad.max_result_count = 0;
  expect_invalid_query(codec::build_query(bad), "max_result_count must be 1..1000");
  bad = p;
  bad.skip_count = -1;
  expect_invalid_query(codec::build_query(bad), "skip_count must be >= 0");
}

TEST(TingeeDirectDebitCodec, StatusAnswers) {
  auto s = codec::parse_subscription_status(fixture_envelope("direct-debit-get-subscription-status"));
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->status, "active");
  EXPECT_EQ(s->account_number, "0071000123456");
  EXPECT_EQ(s->bank_name, "VCB");
  EXPECT_EQ(s->confirm_payment_by_email, true);
  EXPECT_EQ(s->confirm_payment_by_zalo, false);
  EXPECT_EQ(s->confirm_phone_number, "0901234567");
  EXPECT_FALSE(s->last_modifier_user_id.has_value());
  expect_malformed(codec::parse_subscription_status(envelope_with(Json{{"accountNumber", "1"}})).error(),
                   "data.status is missing");
  expect_malformed(codec::parse_subscription_status(envelope_with(Json::array())).error(),
                   "data is not a subscription status");

  auto t = codec::parse_direct_debit_transaction_status(fixture_envelope("direct-debit-get-transaction-status"));
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->status, "success");
  EXPECT_EQ(t->amount, 150000);
  EXPECT_EQ(t->customer.onepay_account_id, "OP-1");
  EXPECT_EQ(t->customer.name, "NGUYEN VAN A");
  EXPECT_TRUE(t->customer.email.empty());
  expect_malformed(
      codec::parse_direct_debit_transaction_status(envelope_with(Json{{"status", "success"}, {"customer", "x"}}))
          .error(),
      "data.customer is not an object");
  expect_malformed(
      codec::parse_direct_debit_transaction_status(envelope_with(Json{{"status", "success"}, {"amount", "1e5"}}))
          .error(),
      "data.amount is not an amount in VND (an integer 0..9007199254740991)");

  auto page = codec::parse_direct_debit_transaction_page(fixture_envelope("direct-debit-get-paging-transactions"));
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->total_count, 1);
  ASSERT_EQ(page->items.size(), 1U);
  EXPECT_EQ(page->items[0].amount, 150000);  // "150000" on the wire
  EXPECT_EQ(page->items[0].status, "success");
  expect_malformed(
      codec::parse_direct_debit_transaction_page(envelope_with(Json{{"items", Json::array({Json{{"amount", "1"}}})}}))
          .error(),
      "data.items[0].transactionId is missing");
  expect_malformed(codec::parse_direct_debit_transaction_page(
                       envelope_with(Json{{"items", Json::array({Json{{"transactionId", "T"}, {"amount", "-1"}}})}}))
                       .error(),
                   "data.items[0].amount is not an amount in VND (an integer 0..9007199254740991)");
}

}  // namespace
