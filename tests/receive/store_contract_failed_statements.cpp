// SPDX-License-Identifier: MIT
// The PaymentStore contract (store_contract.cpp), continued: a failed statement fails its whole
// transaction, transaction control is the store's, and owed handlers that fail, throw or have no
// handler here each fail only their own event.
#include "store_contract.hpp"
#include "store_contract_helpers.hpp"

#include <paygw/receive/applier.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace paygw::test {

using namespace std::chrono_literals;

// Issue 20, item 1: a failed statement fails the whole transaction on every store — the caller
// cannot go on and commit the rest (PostgreSQL has aborted it; SQLite and memory follow suit).
TEST_P(StoreContract, AFailedStatementFailsTheWholeTransaction) {
  ASSERT_TRUE(*store->record_submission(submission(Provider::kCharging, "f")));
  {
    auto tx = store->begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(*(*tx)->finalize(Provider::kCharging, "f", "{}"));
    ASSERT_TRUE(*(*tx)->record_event(event(Provider::kCharging, "f")));
    ASSERT_FALSE((*tx)->execute("INSERT INTO paygw_no_such_table VALUES (1)", {}).ok());
    // The caller ignores that error and goes on:
    EXPECT_FALSE((*tx)->record_event(event(Provider::kCharging, "g")).ok()) << "later statements fail too";
    auto committed = (*tx)->commit();
    ASSERT_FALSE(committed.ok()) << "a transaction with a failed statement never commits";
    EXPECT_EQ(committed.error().code, ErrorCode::kInternal);
    EXPECT_EQ(committed.error().message.rfind("store: ", 0), 0u);
  }
  EXPECT_FALSE(store->find_event(Provider::kCharging, "f")->has_value());
  EXPECT_FALSE(store->find_event(Provider::kCharging, "g")->has_value());
  EXPECT_EQ((*store->find_submission(Provider::kCharging, "f"))->state, SubmissionState::kWriteAhead);
  EXPECT_TRUE(finalize(*store, Provider::kCharging, "f", "{}")) << "and the next transaction is first";
}

TEST_P(StoreContract, TransactionControlIsTheStoresNotExecutes) {
  for (const char* sql : {"COMMIT", "  rollback", "/* a */ SAVEPOINT s", "END"}) {
    {
      auto tx = store->begin();
      ASSERT_TRUE(tx.ok());
      ASSERT_TRUE(*(*tx)->record_event(event(Provider::kTingee, "tc")));
      EXPECT_FALSE((*tx)->execute(sql, {}).ok()) << sql;
      EXPECT_FALSE((*tx)->commit().ok()) << sql;
    }
    EXPECT_FALSE(store->find_event(Provider::kTingee, "tc")->has_value()) << sql << " committed early";
  }
}

// Issue 20, item 1, through the Applier: a handler credits, then runs a statement that fails (a
// unique-key violation), ignores the error and returns success. No store applies that delivery
// (the provider is answered so that it retries); none records the event or the credit.
TEST_P(StoreContract, AHandlerWhoseStatementFailedIsAppliedNowhere) {
  const char style = GetParam().placeholder;
  if (style != 0) {
    auto tx = store->begin();
    ASSERT_TRUE((*tx)->execute("CREATE TABLE ledger (event_key TEXT NOT NULL, amount BIGINT NOT NULL)", {}).ok());
    ASSERT_TRUE((*tx)->execute("CREATE TABLE once (k TEXT PRIMARY KEY)", {}).ok());
    ASSERT_TRUE((*tx)->execute("INSERT INTO once VALUES ('taken')", {}).ok());
    ASSERT_TRUE((*tx)->commit().ok());
  }
  receive::Handlers h;
  int calls = 0;
  h.tingee_payment = [&](const receive::TingeePayment& p, receive::ApplyContext& ctx) -> Result<void> {
    ++calls;
    (void)ctx.execute("INSERT INTO ledger (event_key, amount) VALUES (" + ph(style, 1) + ", " + ph(style, 2) + ")",
                      {p.payment.transaction_code, std::int64_t{p.payment.amount}});
    (void)ctx.execute("INSERT INTO once (k) VALUES (" + ph(style, 1) + ")", {std::string("taken")});  // fails
    return {};  // ...and the handler says it succeeded
  };
  const receive::Applier applier(store, {h, {}, nullptr});
  for (int delivery = 0; delivery < 3; ++delivery) {
    auto applied = applier.apply_tingee_payment(payment("FT-FAIL", 5000), "webhook");
    EXPECT_FALSE(applied.ok()) << "delivery " << delivery << " was reported applied";
  }
  EXPECT_EQ(calls, 3) << "each delivery is first again";
  EXPECT_FALSE(store->find_event(Provider::kTingee, "FT-FAIL")->has_value());
  if (style != 0) {
    EXPECT_EQ(count_rows(*store, "ledger"), 0);
  }
}

// Issue 20, item 3: one owed handler that fails does not block the ones after it.
TEST_P(StoreContract, AFailingOwedHandlerDoesNotBlockTheOthers) {
  const receive::Applier reconciler(store);  // no handlers, like `paygw reconcile`
  for (int i = 0; i < 3; ++i) {
    clock->advance(std::chrono::seconds(1));
    auto r = reconciler.apply_tingee_payment(payment("FT-" + std::to_string(i), 1000 * (i + 1)), "reconcile");
    ASSERT_TRUE(r.ok()) << describe(r.error());
    ASSERT_FALSE(r->handled);
  }
  bool ledger_down = true;
  std::vector<std::string> ran;
  std::vector<receive::Alert> alerts;
  receive::Handlers h;
  h.tingee_payment = [&](const receive::TingeePayment& p, receive::ApplyContext&) -> Result<void> {
    if (p.payment.transaction_code == "FT-1" && ledger_down) return make_error(ErrorCode::kInternal, "ledger down");
    ran.push_back(p.payment.transaction_code);
    return {};
  };
  h.alert = [&](const receive::Alert& a) { alerts.push_back(a); };
  const receive::Applier service(store, {h, {}, nullptr});
  auto n = service.run_deferred();
  ASSERT_TRUE(n.ok()) << describe(n.error());
  EXPECT_EQ(*n, 2u);
  EXPECT_EQ(ran, (std::vector<std::string>{"FT-0", "FT-2"}));
  EXPECT_FALSE((*store->find_event(Provider::kTingee, "FT-1"))->handled) << "still owed";
  EXPECT_TRUE((*store->find_event(Provider::kTingee, "FT-2"))->handled);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind, "handler_failed");
  EXPECT_EQ(alerts[0].subject, "FT-1");
  ledger_down = false;
  EXPECT_EQ(*service.run_deferred(), 1u) << "the next run runs it";
  EXPECT_EQ(*service.run_deferred(), 0u) << "once";
  EXPECT_EQ(ran, (std::vector<std::string>{"FT-0", "FT-2", "FT-1"}));
}

// Issue 22, item 7: an owed handler that throws (documented not to) is a failure of that event
// only: run_deferred neither throws nor stops, the event stays owed, and an alert says why.
TEST_P(StoreContract, AThrowingOwedHandlerFailsOnlyItsEvent) {
  const receive::Applier reconciler(store);
  for (int i = 0; i < 3; ++i) {
    clock->advance(std::chrono::seconds(1));
    auto r = reconciler.apply_tingee_payment(payment("FT-" + std::to_string(i), 1000 * (i + 1)), "reconcile");
    ASSERT_TRUE(r.ok()) << describe(r.error());
  }
  std::vector<std::string> ran;
  std::vector<receive::Alert> alerts;
  receive::Handlers h;
  h.tingee_payment = [&](const receive::TingeePayment& p, receive::ApplyContext&) -> Result<void> {
    if (p.payment.transaction_code == "FT-1") throw std::runtime_error("ledger exploded");
    ran.push_back(p.payment.transaction_code);
    return {};
  };
  h.alert = [&](const receive::Alert& a) { alerts.push_back(a); };
  const receive::Applier service(store, {h, {}});
  Result<std::size_t> n = make_error(ErrorCode::kInternal, "not run");
  EXPECT_NO_THROW(n = service.run_deferred());
  ASSERT_TRUE(n.ok()) << describe(n.error());
  EXPECT_EQ(*n, 2u);
  EXPECT_EQ(ran, (std::vector<std::string>{"FT-0", "FT-2"}));
  EXPECT_FALSE((*store->find_event(Provider::kTingee, "FT-1"))->handled) << "still owed";
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind, "handler_failed");
  EXPECT_EQ(alerts[0].subject, "FT-1");
  EXPECT_NE(alerts[0].message.find("ledger exploded"), std::string::npos) << alerts[0].message;
}

// Issue 20, item 4: owed events nobody here handles (bank links in a service without a bank_link
// handler) do not hide the ones behind them, however many there are.
TEST_P(StoreContract, OwedEventsWithoutAHandlerHideNothing) {
  const receive::Applier reconciler(store);
  for (int i = 0; i < 150; ++i) ASSERT_TRUE(reconciler.apply_bank_link(bank_link("link-" + std::to_string(i))).ok());
  ASSERT_TRUE(reconciler.apply_tingee_payment(payment("FT-LATE", 7000), "reconcile").ok());
  std::vector<std::string> ran;
  receive::Handlers h;
  h.tingee_payment = [&](const receive::TingeePayment& p, receive::ApplyContext&) -> Result<void> {
    ran.push_back(p.payment.transaction_code);
    return {};
  };
  const receive::Applier service(store, {h, {}, nullptr});
  auto n = service.run_deferred(50);
  ASSERT_TRUE(n.ok()) << describe(n.error());
  EXPECT_EQ(*n, 1u);
  EXPECT_EQ(ran, std::vector<std::string>{"FT-LATE"});
  EXPECT_EQ(store->list_unhandled(1000)->size(), 150u) << "the bank links stay owed to a process that handles them";
}

}  // namespace paygw::test
