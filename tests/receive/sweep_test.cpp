// SPDX-License-Identifier: MIT
// The sweep over the memory store, with scripted transaction lists and the real Dispatcher: a
// payment the sweep applies and its webhook/IPN arriving later (or earlier) is credited once,
// debits and refunds are never credited, a second sweep applies nothing, a run resumes from its
// cursor, the page bound holds, cancellation stops it, bills and orders settle as by the webhook.
#include <paygw/receive/sweep.hpp>

#include "dispatcher_fixture.hpp"

#include <vector>

namespace paygw::test {
namespace {

using namespace std::chrono_literals;
using Time = std::chrono::system_clock::time_point;

// 2026-07-16 10:00:00 UTC = 17:00:00 in Vietnam.
const Time kFrom = Time(std::chrono::seconds(1784196000));

tingee::Transaction credit(const std::string& code, Vnd amount, const std::string& bill_id = "") {
  tingee::Transaction t;
  t.transaction_id = code;
  t.code = code;
  t.amount = amount;
  t.type = "CREDIT";
  t.content = "thanh toan";  // as the webhooks of tests/support/deliveries.cpp say: the same payment
  t.account_number = "0123456789";
  t.va_account_number = "TNG60716173559";
  t.transaction_date = "20260716174026";
  t.bill_id = bill_id;
  return t;
}

tconnect::Transaction txn(const std::string& order, const std::string& request_id, Vnd amount,
                          const std::string& status = "SUCCESS") {
  tconnect::Transaction t;
  t.order_id = order;
  t.request_id = request_id;
  t.status = status;
  t.amount = amount;
  t.trn_ref_no = "FT" + request_id;
  t.txn_init_dt = "2026-07-16 17:05:00";
  return t;
}

// A Tingee list of `items` that pages as Tingee does (skip_count, max_result_count, totalCount),
// recording every request.
struct TingeeList {
  std::vector<tingee::Transaction> items;
  std::vector<tingee::GetTransactionPagingRequest> asked;
  std::optional<Error> fail;

  ListTingeeTransactions source() {
    return [this](const tingee::GetTransactionPagingRequest& r, const CallOptions&) -> Result<tingee::TransactionPage> {
      asked.push_back(r);
      if (fail) return *fail;
      tingee::TransactionPage page;
      page.total_count = static_cast<std::int64_t>(items.size());
      for (auto i = r.skip_count; i < r.skip_count + r.max_result_count && i < *page.total_count; ++i) {
        page.items.push_back(items[static_cast<std::size_t>(i)]);
      }
      return page;
    };
  }
};

struct TconnectLists {
  std::map<SweepList, std::vector<tconnect::Transaction>> items;
  std::vector<std::pair<SweepList, tconnect::TransactionQuery>> asked;

  ListTconnectTransactions source() {
    return [this](SweepList list, const tconnect::TransactionQuery& q,
                  const CallOptions&) -> Result<tconnect::TransactionPage> {
      asked.emplace_back(list, q);
      const auto& all = items[list];
      tconnect::TransactionPage page;
      for (auto i = (q.page - 1) * q.limit; i < q.page * q.limit && i < static_cast<std::int64_t>(all.size()); ++i) {
        page.items.push_back(all[static_cast<std::size_t>(i)]);
      }
      return page;  // no total: the short page ends the list
    };
  }
};

class SweepTest : public DispatcherTest {
 protected:
  void SetUp() override {
    DispatcherTest::SetUp();
    options.pause = 0ms;
    options.wait = [this](std::chrono::milliseconds d) {
      waits.push_back(d);
      return false;
    };
    window = *sweep_window(kFrom, kFrom + 1h);
  }

  Result<SweepReport> run(const SweepSources& sources, std::optional<SweepCursor> from = std::nullopt) {
    return sweep(dispatcher->applier(), sources, from.value_or(window), options);
  }

  Vnd credited(const std::string& key) {
    std::lock_guard<std::mutex> lock(ledger.mu);
    return ledger.credited.count(key) ? ledger.credited[key] : 0;
  }

  void record(Provider p, const std::string& id, Vnd amount) {
    SubmissionRecord r;
    r.provider = p;
    r.request_id = id;
    r.amount = amount;
    r.state = SubmissionState::kPending;
    ASSERT_TRUE(*store->record_submission(r));
  }

  SweepOptions options;
  SweepCursor window;
  std::vector<std::chrono::milliseconds> waits;
};

TEST_F(SweepTest, AMissedTingeePaymentIsAppliedAndItsLateWebhookIsADuplicate) {
  TingeeList list;
  list.items = {credit("0123456789/FT26197KVBJB", 2000)};
  auto report = run({list.source(), {}});
  ASSERT_TRUE(report.ok()) << describe(report.error());
  EXPECT_EQ(report->applied, 1u);
  EXPECT_TRUE(report->next.done());
  EXPECT_FALSE(report->error);
  EXPECT_EQ(runs("tingee:0123456789/FT26197KVBJB"), 1);
  // The webhook Tingee never delivered arrives after all: acknowledged, never credited again.
  const Reply r = deliver(tingee_payment(kTingeePath, kTingeeSecret, "0123456789/FT26197KVBJB", 2000));
  EXPECT_EQ(r.status, 200) << r.note;
  EXPECT_EQ(r.body, tingee::kWebhookAck);
  EXPECT_EQ(runs("tingee:0123456789/FT26197KVBJB"), 1);
  EXPECT_EQ(credited("tingee:0123456789/FT26197KVBJB"), 2000);
  auto event = store->find_event(Provider::kTingee, "0123456789/FT26197KVBJB");
  ASSERT_TRUE(event.ok() && event->has_value());
  EXPECT_NE((*event)->payload.find("\"source\":\"sweep\""), std::string::npos);
}

TEST_F(SweepTest, ATingeePaymentItsWebhookAppliedIsADuplicateForTheSweep) {
  ASSERT_EQ(deliver(tingee_payment(kTingeePath, kTingeeSecret, "FT-FIRST", 5000)).status, 200);
  TingeeList list;
  list.items = {credit("FT-FIRST", 5000), credit("FT-MISSED", 7000)};
  auto report = run({list.source(), {}});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->listed, 2u);
  EXPECT_EQ(report->applied, 1u);
  EXPECT_EQ(report->duplicates, 1u);
  EXPECT_EQ(runs("tingee:FT-FIRST"), 1);
  EXPECT_EQ(runs("tingee:FT-MISSED"), 1);
  EXPECT_EQ(credited("tingee:FT-FIRST"), 5000);
}

TEST_F(SweepTest, ASecondSweepOverTheSameWindowAppliesNothing) {
  TingeeList tingee_list;
  tingee_list.items = {credit("FT-1", 1000), credit("FT-2", 2000)};
  TconnectLists tconnect_lists;
  tconnect_lists.items[SweepList::kTconnectQr] = {txn("ORD-1", "REQ-1", 150000), txn("", "REQ-PLAIN", 30000)};
  const SweepSources sources{tingee_list.source(), tconnect_lists.source()};
  auto first = run(sources);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->applied, 4u);
  auto second = run(sources);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->applied, 0u);
  EXPECT_EQ(second->duplicates, 4u);
  EXPECT_TRUE(second->next.done());
  EXPECT_EQ(runs("tingee:FT-1") + runs("tingee:FT-2") + runs("ipn:txn/REQ-1") + runs("ipn:txn/REQ-PLAIN"), 4);
}

TEST_F(SweepTest, DebitsRefundsAndUntypedItemsAreNeverCredited) {
  TingeeList tingee_list;
  auto debit = credit("FT-DEBIT", 9000);
  debit.type = "DEBIT";
  auto untyped = credit("FT-UNTYPED", 9000);
  untyped.type.clear();
  auto lower = credit("FT-lower", 100);
  lower.type = "credit";
  tingee_list.items = {debit, untyped, lower, credit("FT-ZERO", 0)};
  TconnectLists tconnect_lists;
  auto refund = txn("ORD-R", "REQ-R", 50000, "REFUNDED");
  auto reversal = txn("", "REQ-V", 50000);
  reversal.json = R"({"request_id":"REQ-V","status":"SUCCESS","transaction_type":"REVERSAL"})";
  tconnect_lists.items[SweepList::kTconnectQr] = {refund, reversal, txn("ORD-P", "REQ-P", 50000, "PENDING")};
  auto report = run({tingee_list.source(), tconnect_lists.source()});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->applied, 1u) << "only the lower-case CREDIT";
  EXPECT_EQ(report->not_credits, 4u);
  EXPECT_EQ(report->not_final, 1u);
  EXPECT_EQ(report->rejected, 1u) << "amount 0";
  EXPECT_EQ(runs("tingee:FT-lower"), 1);
  for (const char* key :
       {"tingee:FT-DEBIT", "tingee:FT-UNTYPED", "tingee:FT-ZERO", "ipn:txn/REQ-R", "ipn:txn/REQ-V", "ipn:txn/REQ-P"}) {
    EXPECT_EQ(runs(key), 0) << key;
  }
  EXPECT_FALSE(store->find_event(Provider::kTingee, "FT-DEBIT")->has_value());
  EXPECT_FALSE(store->find_event(Provider::kTconnect, "txn/REQ-R")->has_value());
  EXPECT_TRUE(alerted("not_credit"));
  EXPECT_TRUE(alerted("rejected"));
}

TEST_F(SweepTest, ABillTheSweptPaymentPaysSettlesAsByTheWebhook) {
  record(Provider::kTingee, "bill-7", 50000);
  TingeeList list;
  list.items = {credit("FT-BILL", 50000, "bill-7")};
  auto report = run({list.source(), {}});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->applied, 1u);
  const auto bill = *store->find_submission(Provider::kTingee, "bill-7");
  ASSERT_TRUE(bill.has_value());
  EXPECT_EQ(bill->state, SubmissionState::kFinal);
  EXPECT_EQ(deliver(tingee_payment(kTingeePath, kTingeeSecret, "FT-BILL", 50000, "bill-7")).status, 200);
  EXPECT_EQ(runs("tingee:FT-BILL"), 1);
}

TEST_F(SweepTest, ATconnectPaymentTheSweepAppliedMakesItsIpnADuplicate) {
  record(Provider::kTconnect, "ORD-1001", 150000);
  const auto t = txn("ORD-1001", "REQ-9", 150000);
  provider_truth["ORD-1001"] = t;  // what the dispatcher's confirmation query finds for the IPN
  TconnectLists lists;
  lists.items[SweepList::kTconnectQr] = {t};
  auto report = run({{}, lists.source()});
  ASSERT_TRUE(report.ok()) << describe(report.error());
  EXPECT_EQ(report->applied, 1u);
  EXPECT_EQ(runs("ipn:txn/REQ-9"), 1);
  EXPECT_EQ((*store->find_submission(Provider::kTconnect, "ORD-1001"))->state, SubmissionState::kFinal);
  const Reply r = deliver(tconnect_ipn(kIpnPath, kAesKey, "ORD-1001", 150000, "REQ-9"));
  EXPECT_EQ(r.status, 200) << r.note;
  EXPECT_EQ(r.body, tconnect::kIpnAck);
  EXPECT_EQ(runs("ipn:txn/REQ-9"), 1);
  EXPECT_EQ(credited("ipn:txn/REQ-9"), 150000);
}

TEST_F(SweepTest, ATconnectIpnAppliedFirstMakesTheSweptPaymentADuplicate) {
  const auto t = txn("ORD-2", "REQ-2", 90000);
  provider_truth["ORD-2"] = t;
  ASSERT_EQ(deliver(tconnect_ipn(kIpnPath, kAesKey, "ORD-2", 90000, "REQ-2")).status, 200);
  TconnectLists lists;
  lists.items[SweepList::kTconnectCard] = {t};
  auto report = run({{}, lists.source()});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->applied, 0u);
  EXPECT_EQ(report->duplicates, 1u);
  EXPECT_EQ(runs("ipn:txn/REQ-2"), 1);
  // Without a request_id the key is the bank reference, as for the IPN.
  auto by_ref = txn("ORD-3", "", 1000);
  provider_truth["ORD-3"] = by_ref;
  ASSERT_EQ(deliver(tconnect_ipn(kIpnPath, kAesKey, "ORD-3", 1000, "")).status, 200);
  lists.items[SweepList::kTconnectCash] = {by_ref};
  report = run({{}, lists.source()});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->applied, 0u);
  EXPECT_EQ(report->duplicates, 2u);
  EXPECT_EQ(runs("ipn:txn/FT"), 1);
}

TEST_F(SweepTest, APlainTconnectTransferWithoutOrderIsAppliedAndItsOwedHandlerRunsLater) {
  TconnectLists lists;
  lists.items[SweepList::kTconnectQr] = {txn("", "REQ-PLAIN", 30000)};
  const Applier cli(store);  // no handlers, like `paygw sweep`
  auto report = sweep(cli, {{}, lists.source()}, window, options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->applied, 1u);
  auto event = store->find_event(Provider::kTconnect, "txn/REQ-PLAIN");
  ASSERT_TRUE(event.ok() && event->has_value());
  EXPECT_FALSE((*event)->handled);
  auto ran = dispatcher->applier().run_deferred();
  ASSERT_TRUE(ran.ok()) << describe(ran.error());
  EXPECT_EQ(*ran, 1u);
  EXPECT_EQ(runs("ipn:txn/REQ-PLAIN"), 1);
  EXPECT_EQ(credited("ipn:txn/REQ-PLAIN"), 30000);
  EXPECT_EQ(sweep(cli, {{}, lists.source()}, window, options)->duplicates, 1u);
}

TEST_F(SweepTest, ARunStopsAtMaxPagesAndResumesFromItsCursor) {
  TingeeList list;
  for (int i = 0; i < 23; ++i) list.items.push_back(credit("FT-" + std::to_string(i), 1000 + i));
  options.page_size = 5;  // 5 pages: 5, 5, 5, 5, 3
  options.max_pages = 2;
  std::vector<std::string> saved;
  options.progress = [&saved](const SweepReport& r) { saved.push_back(to_string(r.next)); };
  auto first = run({list.source(), {}});
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->pages, 2u);
  EXPECT_EQ(first->applied, 10u);
  EXPECT_FALSE(first->next.done());
  EXPECT_EQ(first->next.list, SweepList::kTingee);
  EXPECT_EQ(first->next.page, 2);
  ASSERT_FALSE(saved.empty());
  EXPECT_EQ(saved.back(), to_string(first->next));
  // The cursor survives a restart as text.
  auto resumed = parse_sweep_cursor(saved.back());
  ASSERT_TRUE(resumed.ok()) << describe(resumed.error());
  options.max_pages = 100;
  auto rest = run({list.source(), {}}, *resumed);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->pages, 3u);
  EXPECT_EQ(rest->applied, 13u);
  EXPECT_EQ(rest->duplicates, 0u) << "no page read twice";
  EXPECT_TRUE(rest->next.done());
  std::vector<std::int64_t> skips;
  for (const auto& r : list.asked) skips.push_back(r.skip_count);
  EXPECT_EQ(skips, (std::vector<std::int64_t>{0, 5, 10, 15, 20}));
  for (int i = 0; i < 23; ++i) EXPECT_EQ(runs("tingee:FT-" + std::to_string(i)), 1);
}

TEST_F(SweepTest, ThePageBoundAndThePauseBetweenPagesHold) {
  TingeeList list;
  for (int i = 0; i < 50; ++i) list.items.push_back(credit("FT-" + std::to_string(i), 1000));
  options.page_size = 5;  // 10 pages
  options.max_pages = 3;
  options.pause = 250ms;
  auto report = run({list.source(), {}});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(list.asked.size(), 3u);
  EXPECT_EQ(report->pages, 3u);
  EXPECT_EQ(waits, (std::vector<std::chrono::milliseconds>{250ms, 250ms})) << "a pause between pages, none before";
  EXPECT_EQ(report->applied, 15u);
  EXPECT_EQ(report->next.page, 3);
}

TEST_F(SweepTest, CancellationStopsBetweenPagesAndResumes) {
  TingeeList list;
  for (int i = 0; i < 12; ++i) list.items.push_back(credit("FT-" + std::to_string(i), 1000));
  options.page_size = 4;
  CancelToken cancel;
  options.call.cancel = cancel;
  options.progress = [cancel](const SweepReport&) { cancel.cancel(); };
  auto report = run({list.source(), {}});
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->cancelled);
  EXPECT_EQ(report->pages, 1u);
  EXPECT_EQ(report->next.page, 1);
  options.call.cancel.reset();
  options.progress = nullptr;
  auto rest = run({list.source(), {}}, report->next);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->applied, 8u);
  EXPECT_TRUE(rest->next.done());
  // A wait that reports cancellation stops the run too.
  options.wait = [](std::chrono::milliseconds) { return true; };
  options.pause = 1s;
  auto waited = run({list.source(), {}});
  ASSERT_TRUE(waited.ok());
  EXPECT_TRUE(waited->cancelled);
  EXPECT_EQ(waited->pages, 1u);
}

TEST_F(SweepTest, TheWindowIsReadInSlicesAndEveryListInTurn) {
  auto three_days = sweep_window(kFrom, kFrom + 60h);
  ASSERT_TRUE(three_days.ok());
  TingeeList tingee_list;
  TconnectLists tconnect_lists;
  options.tconnect_cash = false;
  auto report = run({tingee_list.source(), tconnect_lists.source()}, *three_days);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->next.done());
  ASSERT_EQ(tingee_list.asked.size(), 3u);  // 24 h, 24 h, 12 h
  EXPECT_EQ(tingee_list.asked[0].start_time, "20260716170000");
  EXPECT_EQ(tingee_list.asked[0].end_time, "20260717170000");
  EXPECT_EQ(tingee_list.asked[2].start_time, "20260718170000");
  EXPECT_EQ(tingee_list.asked[2].end_time, "20260719050000");
  EXPECT_EQ(tingee_list.asked[0].max_result_count, 100);
  ASSERT_EQ(tconnect_lists.asked.size(), 6u);  // QR then card, 3 slices each; no cash
  EXPECT_EQ(tconnect_lists.asked[0].first, SweepList::kTconnectQr);
  EXPECT_EQ(tconnect_lists.asked[0].second.from_date, "2026-07-16 17:00:00");
  EXPECT_EQ(tconnect_lists.asked[0].second.to_date, "2026-07-17 17:00:00");
  EXPECT_EQ(tconnect_lists.asked[0].second.page, 1) << "TConnect pages from 1";
  EXPECT_EQ(tconnect_lists.asked[3].first, SweepList::kTconnectCard);
  EXPECT_EQ(tconnect_lists.asked[5].second.to_date, "2026-07-19 05:00:00");
  EXPECT_EQ(report->pages, 9u);
}

TEST_F(SweepTest, AFailedQueryStopsTheRunAtThatPage) {
  TingeeList list;
  for (int i = 0; i < 10; ++i) list.items.push_back(credit("FT-" + std::to_string(i), 1000));
  options.page_size = 5;
  options.max_pages = 1;
  auto first = run({list.source(), {}});
  ASSERT_TRUE(first.ok());
  list.fail = make_error(ErrorCode::kTimeout, "timed out", Delivery::kMaybeSent);
  options.max_pages = 10;
  auto failed = run({list.source(), {}}, first->next);
  ASSERT_TRUE(failed.ok());
  ASSERT_TRUE(failed->error.has_value());
  EXPECT_EQ(failed->error->code, ErrorCode::kTimeout);
  EXPECT_EQ(failed->next.page, 1) << "the failed page is read again next time";
  list.fail.reset();
  auto rest = run({list.source(), {}}, failed->next);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->applied, 5u);
  EXPECT_TRUE(rest->next.done());
}

TEST_F(SweepTest, CursorsAndOptionsAreChecked) {
  EXPECT_FALSE(sweep_window(kFrom, kFrom - 1s).ok());
  auto c = sweep_window(kFrom + 1500ms, kFrom + 2h);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->from, kFrom + 1s) << "whole seconds";
  EXPECT_EQ(to_string(*c), "sweep1 1784196001000 1784203200000 tingee 1784196001000 0");
  auto back = parse_sweep_cursor(to_string(*c));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->from, c->from);
  EXPECT_EQ(back->to, c->to);
  EXPECT_EQ(back->list, SweepList::kTingee);
  auto done = parse_sweep_cursor("sweep1 1784196001000 1784203200000 done 1784196001000 0");
  ASSERT_TRUE(done.ok());
  EXPECT_TRUE(done->done());
  for (const char* bad :
       {"", "sweep1", "sweep2 1 2 tingee 1 0", "sweep1 1 2 paypal 1 0", "sweep1 2 1 tingee 2 0",
        "sweep1 1 2 tingee 3 0", "sweep1 1 2 tingee 1 -1", "sweep1 1 2 tingee 1 0 x", "sweep1  1 2 tingee 1 0"}) {
    EXPECT_FALSE(parse_sweep_cursor(bad).ok()) << bad;
  }
  TingeeList list;
  for (auto change : std::vector<std::function<void(SweepOptions&)>>{
           [](SweepOptions& o) { o.max_pages = 0; }, [](SweepOptions& o) { o.page_size = 0; },
           [](SweepOptions& o) { o.page_size = 1001; }, [](SweepOptions& o) { o.slice = 0h; },
           [](SweepOptions& o) { o.slice = 241h; }}) {
    SweepOptions o = options;
    change(o);
    auto r = sweep(dispatcher->applier(), {list.source(), {}}, window, o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  }
  EXPECT_TRUE(list.asked.empty());
  // No source: nothing to read, the window is done at once.
  auto nothing = run({});
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->next.done());
  EXPECT_EQ(nothing->pages, 0u);
}

TEST_F(SweepTest, TingeeFiltersAreCopiedAndTheBillFilterIsNot) {
  TingeeList list;
  options.tingee_filter.merchant_id = 42;
  options.tingee_filter.va_account_numbers = {"TNG1"};
  options.tingee_filter.bill_id = "bill-x";
  ASSERT_TRUE(run({list.source(), {}}).ok());
  ASSERT_EQ(list.asked.size(), 1u);
  EXPECT_EQ(list.asked[0].merchant_id, 42);
  EXPECT_EQ(list.asked[0].va_account_numbers, (std::vector<std::string>{"TNG1"}));
  EXPECT_TRUE(list.asked[0].bill_id.empty());
}

}  // namespace
}  // namespace paygw::test
