// SPDX-License-Identifier: MIT
// A signed delivery whose event key the store refuses (a control character, or longer than an
// event key may be) cannot become usable by retrying: 400 and an alert. Before, the store's
// refusal was answered 503 on every delivery, forever, and nobody was told.
#include "dispatcher_fixture.hpp"

namespace paygw::test {
namespace {

TEST_F(DispatcherTest, ASignedTingeePaymentWithAnUnstorableTransactionCodeIs400AndAlerted) {
  // "\t" in the JSON text decodes to a TAB; 300 bytes are more than an event key holds.
  for (const std::string& code : {std::string("FT\\t1"), std::string(300, 'F')}) {
    SCOPED_TRACE(code.substr(0, 8));
    ledger.alerts.clear();
    const Reply r = deliver(tingee_payment(kTingeePath, kTingeeSecret, code, 5000));
    EXPECT_EQ(r.status, 400) << r.note;
    EXPECT_TRUE(alerted("rejected")) << r.note;
    EXPECT_TRUE(ledger.runs.empty());
  }
}

TEST_F(DispatcherTest, ASignedBankLinkWithAnUnstorableRequestIdIs400AndAlerted) {
  const Reply r = deliver(tingee_bank_link(kTingeePath, kTingeeSecret, std::string(300, 'L'), "confirm-va-success"));
  EXPECT_EQ(r.status, 400) << r.note;
  EXPECT_TRUE(alerted("rejected")) << r.note;
  EXPECT_TRUE(ledger.runs.empty());
}

}  // namespace
}  // namespace paygw::test
