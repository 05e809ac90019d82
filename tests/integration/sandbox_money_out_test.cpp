// SPDX-License-Identifier: MIT
// Integration: receive::pay_bill and receive::refund (ADR 0053) against the sandbox's direct-debit
// simulation, on a memory store: a debit recorded and settled once, a repeated call answered from
// the store (the sandbox would refuse a second debit of one requestId), refunds bounded by paygw
// (above the debit) and by the sandbox (above what is left: recorded as a failed refund).
#include <paygw/receive/money_out.hpp>

#include "sandbox_fixture.hpp"

namespace paygw::it {
namespace {

using Json = nlohmann::json;

TEST(SandboxMoneyOut, PaymentAndRefundsSettledOnceThroughTheStore) {
  const std::string url = sandbox().url();
  auto client = tingee_client();
  tingee::DirectDebitRegisterRequest reg;
  reg.request_id = "REG-" + unique_id();
  reg.bank_bin = "970436";
  reg.account_name = "NGUYEN VAN A";
  reg.phone = "0901234567";
  reg.return_url = "https://shop.example.vn/dd/return";
  auto link = client.direct_debit_register(reg);
  ASSERT_TRUE(link.ok()) << describe(link.error());
  const Json page = sandbox_get(link->url.substr(link->url.find("/_sandbox/")), url);
  ASSERT_EQ(page.value("status", ""), "active") << page.dump();

  auto store = make_memory_store();
  int payments = 0, refunds = 0;
  receive::ApplierOptions options;
  options.handlers.direct_debit_payment = [&payments](const receive::MoneyOutFinal& f,
                                                      receive::ApplyContext&) -> Result<void> {
    payments += f.succeeded ? 1 : 0;
    return {};
  };
  options.handlers.direct_debit_refund = [&refunds](const receive::MoneyOutFinal& f,
                                                    receive::ApplyContext&) -> Result<void> {
    refunds += f.succeeded ? 1 : 100;
    return {};
  };
  receive::Applier applier(store, options);

  tingee::DirectDebitPaymentBillRequest bill;
  bill.request_id = "PAY-" + unique_id();
  bill.subscription_id = page.value("subscriptionId", "");
  bill.token_ref = page.value("tokenRef", "");
  bill.amount = 300'000;
  bill.description = "Phi thang 8 " + bill.request_id;
  bill.service_provider_name = "Shop A";
  auto paid = receive::pay_bill(client, applier, bill);
  ASSERT_TRUE(paid.ok()) << describe(paid.error());
  EXPECT_EQ(paid->state, SubmissionState::kFinal);
  EXPECT_TRUE(paid->succeeded);
  auto again = receive::pay_bill(client, applier, bill);
  ASSERT_TRUE(again.ok()) << describe(again.error());
  EXPECT_FALSE(again->sent) << "answered from the store, never sent again";
  EXPECT_EQ(payments, 1);

  tingee::DirectDebitRefundRequest back;
  back.subscription_id = bill.subscription_id;
  back.token_ref = bill.token_ref;
  back.transaction_id = paid->transaction_id;
  back.amount = 300'001;
  auto over = receive::refund(client, applier, "RF-0-" + bill.request_id, back);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, ErrorCode::kInvalidArgument) << "above the debit: refused before recording";

  back.amount = 200'000;
  auto part = receive::refund(client, applier, "RF-1-" + bill.request_id, back);
  ASSERT_TRUE(part.ok()) << describe(part.error());
  EXPECT_TRUE(part->succeeded);
  back.amount = 150'000;  // more than the 100 000 left: the sandbox refuses it (1051)
  auto rest = receive::refund(client, applier, "RF-2-" + bill.request_id, back);
  ASSERT_FALSE(rest.ok());
  EXPECT_EQ(rest.error().provider_code, "1051") << describe(rest.error());
  auto recorded = store->find_submission(Provider::kTingee, "dd-refund/RF-2-" + bill.request_id);
  ASSERT_TRUE(recorded.ok() && recorded->has_value());
  EXPECT_EQ((*recorded)->state, SubmissionState::kFinal);
  EXPECT_EQ(refunds, 101) << "one refund made, one refused, each applied once";
}

}  // namespace
}  // namespace paygw::it
