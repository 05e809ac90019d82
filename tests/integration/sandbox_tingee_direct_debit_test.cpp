// SPDX-License-Identifier: MIT
// Integration: the checks of Tingee's direct debit through paygw's client against the sandbox's
// stateful simulation (tools/sandbox/tingee_direct_debit.cpp): a subscription registered, then
// authorised by the payer (the sandbox's page), debited, refunded, cancelled; a debit is never
// made twice for one request id; a refund never exceeds what is left. Blocking and async. Run by
// sandbox_tingee_test.cpp's EveryCall tests.
#include "sandbox_fixture.hpp"

namespace paygw::it {
namespace {

using Json = nlohmann::json;

struct Sub {
  std::string subscription_id, token_ref;
};

tingee::DirectDebitRegisterRequest register_request(const std::string& request_id = "REG-" + unique_id()) {
  tingee::DirectDebitRegisterRequest r;
  r.request_id = request_id;
  r.bank_bin = "970436";
  r.account_name = "NGUYEN VAN A";
  r.phone = "0901234567";
  r.return_url = "https://shop.example.vn/dd/return";
  return r;
}

// What the payer's browser gets at `link` (one of the sandbox's /_sandbox/ pages).
Json open_page(const std::string& url, const std::string& link) {
  const auto at = link.find("/_sandbox/");
  EXPECT_NE(at, std::string::npos) << link;
  if (at == std::string::npos) return nullptr;
  return sandbox_get(link.substr(at), url);
}

// A subscription registered and authorised by the payer (the sandbox's page answers its ids).
Sub new_subscription(const tingee::Client& c, const std::string& url) {
  auto link = c.direct_debit_register(register_request());
  EXPECT_TRUE(link.ok()) << describe(link.error());
  if (!link.ok()) return {};
  const Json page = open_page(url, link->url);
  EXPECT_EQ(page.value("status", ""), "active") << page.dump();
  return {page.value("subscriptionId", ""), page.value("tokenRef", "")};
}

tingee::DirectDebitPaymentBillRequest payment(const Sub& s, Vnd amount,
                                              const std::string& request_id = "PAY-" + unique_id()) {
  tingee::DirectDebitPaymentBillRequest r;
  r.request_id = request_id;
  r.subscription_id = s.subscription_id;
  r.token_ref = s.token_ref;
  r.amount = amount;
  r.description = "Phi thang 7";
  r.service_provider_name = "Shop A";
  return r;
}

// A successful debit of `amount`: its transaction id ("" after a failure).
std::string paid(const tingee::Client& c, const Sub& s, Vnd amount) {
  auto bill = c.direct_debit_payment_bill(payment(s, amount));
  EXPECT_TRUE(bill.ok()) << describe(bill.error());
  return bill.ok() ? bill->transaction_code : "";
}

void expect_provider_error(const Error& e, const char* code) {
  EXPECT_EQ(e.code, ErrorCode::kProvider) << describe(e);
  EXPECT_EQ(e.provider_code, code) << describe(e);
}

tingee::DirectDebitTransactionPagingRequest debits_of(const Sub& s) {
  tingee::DirectDebitTransactionPagingRequest r;
  r.subscription_id = s.subscription_id;
  r.token_ref = s.token_ref;
  return r;
}

}  // namespace

Checks tingee_direct_debit_checks() {
  Checks k;
  k["tingee.direct_debit_register"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const auto request = register_request();
    auto link = IT_CALL(async, c, direct_debit_register, (request));
    ASSERT_OK(link);
    EXPECT_NE(link->url.find("/_sandbox/tingee/direct-debit/authorize?requestId=" + request.request_id),
              std::string::npos)
        << link->url;
    EXPECT_EQ(link->message, "Success");
    auto again = IT_CALL(async, c, direct_debit_register, (request));  // one registration per request id
    ASSERT_FALSE(again.ok());
    expect_provider_error(again.error(), "1030");
    auto bad = request;
    bad.phone = "09-0123";
    auto refused = IT_CALL(async, c, direct_debit_register, (bad));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(refused.error().delivery, Delivery::kNotSent);
    const Json page = open_page(url, link->url);  // the payer authorises: the subscription is active
    EXPECT_EQ(page.value("status", ""), "active") << page.dump();
  };
  k["tingee.direct_debit_payment_bill"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const Sub s = new_subscription(c, url);
    ASSERT_FALSE(s.subscription_id.empty());
    const auto request = payment(s, 150000);
    auto bill = IT_CALL(async, c, direct_debit_payment_bill, (request));
    ASSERT_OK(bill);
    EXPECT_EQ(bill->status, "success");
    EXPECT_EQ(bill->transaction_code.rfind("TXN-DD-", 0), 0u) << bill->transaction_code;
    EXPECT_FALSE(bill->code.empty());
    // The same request id again: refused, and no second debit exists.
    auto twice = IT_CALL(async, c, direct_debit_payment_bill, (request));
    ASSERT_FALSE(twice.ok());
    expect_provider_error(twice.error(), "1030");
    auto page = c.direct_debit_get_paging_transactions(debits_of(s));
    ASSERT_OK(page);
    EXPECT_EQ(page->total_count.value_or(-1), 1);
    auto broke = IT_CALL(async, c, direct_debit_payment_bill, (payment(s, 50'000'001)));
    ASSERT_FALSE(broke.ok());
    expect_provider_error(broke.error(), "1050");
    // An unknown subscription cannot be debited.
    auto stranger = IT_CALL(async, c, direct_debit_payment_bill, (payment(Sub{"SUB-NONE", "TOK-NONE"}, 1000)));
    ASSERT_FALSE(stranger.ok());
    expect_provider_error(stranger.error(), "1040");
  };
  k["tingee.direct_debit_delete_subscription"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const Sub s = new_subscription(c, url);
    ASSERT_FALSE(s.subscription_id.empty());
    const tingee::DirectDebitDeleteSubscriptionRequest request{"DEL-" + unique_id(), "https://shop.example.vn/dd/bye",
                                                               s.subscription_id, s.token_ref};
    auto deleted = IT_CALL(async, c, direct_debit_delete_subscription, (request));
    ASSERT_OK(deleted);
    EXPECT_EQ(deleted->code, "00");
    auto status = c.direct_debit_get_subscription_status({"", s.subscription_id, s.token_ref});
    ASSERT_OK(status);
    EXPECT_EQ(status->status, "active") << "active until the payer confirms";
    EXPECT_EQ(open_page(url, deleted->confirm_url).value("status", ""), "inactive");
    status = c.direct_debit_get_subscription_status({"", s.subscription_id, s.token_ref});
    ASSERT_OK(status);
    EXPECT_EQ(status->status, "inactive");
    auto after = c.direct_debit_payment_bill(payment(s, 1000));
    ASSERT_FALSE(after.ok());
    expect_provider_error(after.error(), "1040");
  };
  k["tingee.direct_debit_refund"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const Sub s = new_subscription(c, url);
    ASSERT_FALSE(s.subscription_id.empty());
    const std::string debit = paid(c, s, 150000);
    ASSERT_FALSE(debit.empty());
    auto part = IT_CALL(async, c, direct_debit_refund,
                        (tingee::DirectDebitRefundRequest{s.subscription_id, s.token_ref, debit, 50000}));
    ASSERT_OK(part);
    EXPECT_EQ(part->refund_amount, 50000);
    EXPECT_EQ(part->transaction_id, debit);
    EXPECT_EQ(part->status, "success");
    auto over = IT_CALL(async, c, direct_debit_refund,
                        (tingee::DirectDebitRefundRequest{s.subscription_id, s.token_ref, debit, 100001}));
    ASSERT_FALSE(over.ok());
    expect_provider_error(over.error(), "1051");
    auto rest = IT_CALL(async, c, direct_debit_refund,
                        (tingee::DirectDebitRefundRequest{s.subscription_id, s.token_ref, debit, 100000}));
    ASSERT_OK(rest);
    auto state = c.direct_debit_get_transaction_status({debit, s.token_ref, s.subscription_id});
    ASSERT_OK(state);
    EXPECT_EQ(state->status, "refunded");
    auto more = IT_CALL(async, c, direct_debit_refund,
                        (tingee::DirectDebitRefundRequest{s.subscription_id, s.token_ref, debit, 1}));
    ASSERT_FALSE(more.ok());
    expect_provider_error(more.error(), "1051");
    auto zero = IT_CALL(async, c, direct_debit_refund,
                        (tingee::DirectDebitRefundRequest{s.subscription_id, s.token_ref, debit, 0}));
    ASSERT_FALSE(zero.ok());
    EXPECT_EQ(zero.error().code, ErrorCode::kInvalidArgument);
  };
  k["tingee.direct_debit_edit_confirm_payment_method"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const Sub s = new_subscription(c, url);
    ASSERT_FALSE(s.subscription_id.empty());
    auto link = IT_CALL(async, c, direct_debit_edit_confirm_payment_method,
                        (tingee::DirectDebitEditConfirmPaymentMethodRequest{
                            "EDIT-" + unique_id(), "https://shop.example.vn/dd/edited", s.subscription_id}));
    ASSERT_OK(link);
    EXPECT_NE(link->url.find("/_sandbox/tingee/direct-debit/edit?subscriptionId=" + s.subscription_id),
              std::string::npos)
        << link->url;
    EXPECT_EQ(open_page(url, link->url).value("status", ""), "active");
  };
  k["tingee.direct_debit_get_subscription_status"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const Sub s = new_subscription(c, url);
    ASSERT_FALSE(s.subscription_id.empty());
    auto status = IT_CALL(async, c, direct_debit_get_subscription_status,
                          (tingee::DirectDebitSubscriptionStatusRequest{"", s.subscription_id, s.token_ref}));
    ASSERT_OK(status);
    EXPECT_EQ(status->status, "active");
    EXPECT_EQ(status->subscription_id, s.subscription_id);
    EXPECT_EQ(status->token_ref, s.token_ref);
    EXPECT_EQ(status->bank_bin, "970436");
    EXPECT_EQ(status->bank_name, "VCB");
    EXPECT_EQ(status->account_name, "NGUYEN VAN A");
    EXPECT_EQ(status->phone, "0901234567");
    auto wrong = IT_CALL(async, c, direct_debit_get_subscription_status,
                         (tingee::DirectDebitSubscriptionStatusRequest{"", s.subscription_id, "TOK-OTHER"}));
    ASSERT_FALSE(wrong.ok());
    expect_provider_error(wrong.error(), "1040");
  };
  k["tingee.direct_debit_get_transaction_status"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const Sub s = new_subscription(c, url);
    ASSERT_FALSE(s.subscription_id.empty());
    const std::string debit = paid(c, s, 175000);
    ASSERT_FALSE(debit.empty());
    auto state = IT_CALL(async, c, direct_debit_get_transaction_status,
                         (tingee::DirectDebitTransactionStatusRequest{debit, s.token_ref, s.subscription_id}));
    ASSERT_OK(state);
    EXPECT_EQ(state->status, "success");
    EXPECT_EQ(state->transaction_id, debit);
    EXPECT_EQ(state->amount.value_or(-1), 175000);
    EXPECT_EQ(state->content, "Phi thang 7");
    EXPECT_EQ(state->currency, "VND");
    EXPECT_EQ(state->customer.name, "NGUYEN VAN A");
    auto unknown =
        IT_CALL(async, c, direct_debit_get_transaction_status,
                (tingee::DirectDebitTransactionStatusRequest{"TXN-DD-NONE", s.token_ref, s.subscription_id}));
    ASSERT_FALSE(unknown.ok());
    expect_provider_error(unknown.error(), "1041");
  };
  k["tingee.direct_debit_get_paging_transactions"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const Sub s = new_subscription(c, url);
    ASSERT_FALSE(s.subscription_id.empty());
    const std::vector<Vnd> amounts = {10000, 20000, 30000};
    for (const Vnd amount : amounts) ASSERT_FALSE(paid(c, s, amount).empty());
    auto r = debits_of(s);
    r.max_result_count = 2;
    auto page = IT_CALL(async, c, direct_debit_get_paging_transactions, (r));
    ASSERT_OK(page);
    EXPECT_EQ(page->total_count.value_or(-1), 3);
    ASSERT_EQ(page->items.size(), 2u);
    EXPECT_EQ(page->items[0].amount, 10000);
    EXPECT_EQ(page->items[1].amount, 20000);
    EXPECT_EQ(page->items[0].subscription_id, s.subscription_id);
    EXPECT_EQ(page->items[0].status, "success");
    r.skip_count = 2;
    auto rest = IT_CALL(async, c, direct_debit_get_paging_transactions, (r));
    ASSERT_OK(rest);
    ASSERT_EQ(rest->items.size(), 1u);
    EXPECT_EQ(rest->items[0].amount, 30000);
    const Sub other = new_subscription(c, url);  // another subscription's debits are not listed
    auto none = IT_CALL(async, c, direct_debit_get_paging_transactions, (debits_of(other)));
    ASSERT_OK(none);
    EXPECT_EQ(none->total_count.value_or(-1), 0);
  };
  return k;
}

}  // namespace paygw::it
