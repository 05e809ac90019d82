// SPDX-License-Identifier: MIT
// Tingee reconciliation settles a bill only with a credit. transaction/get-paging lists the
// debits of an account too (a refund can carry the bill's id); find_with once returned them as
// payments, and the reconciler settled the bill with a refund.
#include "../support/client_call_setup.hpp"

#include <paygw/receive/queries.hpp>
#include <paygw/receive/reconciler.hpp>

#include <gtest/gtest.h>

namespace paygw::test {
namespace {

using namespace paygw::receive;
using namespace std::chrono_literals;

// Answers every transaction/get-paging with one transaction of `type` for BILL-1.
class FakeTingee final : public http::Transport {
 public:
  explicit FakeTingee(std::string type) : type_(std::move(type)) {}
  Result<http::Response> send(const http::Request&) override {
    http::Response response;
    response.status = 200;
    response.headers = {{"Content-Type", "application/json"}};
    response.body = R"({"code":"00","message":"Success","data":{"totalCount":1,"items":[{"transactionId":"TXN-1",)"
                    R"("code":"970418/FT1","amount":90000,)" +
                    (type_.empty() ? std::string() : R"("type":")" + type_ + R"(",)") +
                    R"("content":"TT BILL-1","accountNumber":"2101234567","vaAccountNumber":"V1T1",)"
                    R"("transactionDate":"20260716174026","billId":"BILL-1"}]}})";
    return response;
  }

 private:
  std::string type_;
};

class TingeeDirectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock = std::make_shared<FixedClock>(calls::fixed_time());
    store = make_memory_store({clock});
    Handlers h;
    h.tingee_payment = [this](const TingeePayment& p, ApplyContext&) -> Result<void> {
      credited += p.payment.amount;
      return {};
    };
    h.alert = [this](const Alert& a) { alerts.push_back(a); };
    applier.emplace(store, ApplierOptions{h, {}, nullptr});
    ASSERT_TRUE(*store->record_submission(
        SubmissionRecord{Provider::kTingee, "BILL-1", SubmissionState::kWriteAhead, 90000, "", "", "", "", {}, {}}));
    clock->advance(6min);
    options.older_than = 5min;
    options.max_queries_per_second = 0;
    options.clock = clock;
  }

  ReconcileReport run(const std::string& type) {
    auto client =
        tingee::Client::create(calls::tingee_config("https://open-api.tingee.vn", std::make_shared<FakeTingee>(type)));
    EXPECT_TRUE(client.ok());
    ReconcileQueries q;
    q.find_tingee = find_with(*client);
    auto report = reconcile(*applier, q, options);
    EXPECT_TRUE(report.ok());
    return *report;
  }

  std::shared_ptr<FixedClock> clock;
  std::shared_ptr<PaymentStore> store;
  std::optional<Applier> applier;
  ReconcileOptions options;
  Vnd credited = 0;
  std::vector<Alert> alerts;
};

TEST_F(TingeeDirectionTest, ADebitNamingTheBillSettlesNothingAndIsAlerted) {
  for (const std::string type : {"DEBIT", "debit", ""}) {
    SCOPED_TRACE(type);
    alerts.clear();
    const ReconcileReport report = run(type);
    EXPECT_EQ(report.totals.still_pending, 1u) << report.totals.note;
    EXPECT_NE((*store->find_submission(Provider::kTingee, "BILL-1"))->state, SubmissionState::kFinal);
    EXPECT_EQ(credited, 0);
    EXPECT_FALSE(store->find_event(Provider::kTingee, "970418/FT1")->has_value());
    EXPECT_FALSE(alerts.empty()) << "a transaction that is not a credit is worth a look";
  }
  // A credit settles it.
  const ReconcileReport report = run("CREDIT");
  EXPECT_EQ(report.totals.applied, 1u) << report.totals.note;
  EXPECT_EQ(credited, 90000);
  EXPECT_EQ((*store->find_submission(Provider::kTingee, "BILL-1"))->state, SubmissionState::kFinal);
}

}  // namespace
}  // namespace paygw::test
