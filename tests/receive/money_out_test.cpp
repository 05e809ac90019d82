// SPDX-License-Identifier: MIT
// Money out (ADR 0053): receive::pay_bill and receive::refund against a hostile Tingee — a fake
// direct-debit server on real sockets (FaultServer) that carries the debit out and then times
// out, drops the connection (FIN or RST) or answers 503 — on every store (memory, SQLite). The
// server counts the payment-bill and refund requests: each is received at most once, whatever
// happens, and the reconciler settles what the answer did not, exactly once.
#include <paygw/paygw.hpp>
#include <paygw/receive/money_out.hpp>
#include <paygw/receive/reconciler.hpp>
#include <paygw/store/sqlite.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "direct_debit_server.hpp"
#include "fault_server.hpp"
#include "temp_dir.hpp"

#ifdef PAYGW_MONEY_OUT_POSTGRES
#include <paygw/store/postgres.hpp>

#include "pg_main.hpp"
#endif

namespace paygw::test {
namespace {

using namespace paygw::receive;
using namespace std::chrono_literals;
using Json = nlohmann::json;

// A Tingee direct-debit server: debits and refunds (bounded by what is left), each payment-bill
// and refund carried out BEFORE the fault decides what the client gets back.
class FakeTingee {
 public:
  struct Debit {
    std::string id, content, status = "success";
    long long amount = 0, refunded = 0;
  };

  // What the client gets for payment-bill / refund (the reads are always answered).
  std::atomic<Fault> write_fault{Fault::kAnswer};
  std::atomic<bool> carry_out{true};            // false: the write is dropped without effect
  std::string bill_status = "success";          // payment-bill's status for new debits
  std::atomic<bool> write_ahead_seen{true};     // every write found its write-ahead in the store
  std::function<bool(const Json&)> has_record;  // checks the store for the write's record

  FakeTingee()
      : server_([this](const ReceivedRequest& r) { return decide(r); },
                [this](const ReceivedRequest&) { return body_; }) {
    server_.set_raw_responder([](const ReceivedRequest&) {
      return std::string("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
    });
  }

  std::string url() const { return server_.url(""); }
  int receipts(const std::string& path) const { return server_.receipts_for_path(path); }
  Debit debit(const std::string& id) {
    std::lock_guard<std::mutex> lock(mu_);
    return debits_[id];
  }
  void set_status(const std::string& id, const std::string& status) {
    std::lock_guard<std::mutex> lock(mu_);
    debits_[id].status = status;
  }
  // A debit made outside paygw (same description and amount as a paygw payment, say).
  std::string add_debit(long long amount, const std::string& content) {
    std::lock_guard<std::mutex> lock(mu_);
    return make_debit(amount, content, "success");
  }

 private:
  std::string make_debit(long long amount, const std::string& content, const std::string& status) {
    Debit d;
    d.id = "TXN-" + std::to_string(++next_);
    d.amount = amount;
    d.content = content;
    d.status = status;
    order_.push_back(d.id);
    debits_[d.id] = d;
    return d.id;
  }

  Fault decide(const ReceivedRequest& r) {
    std::lock_guard<std::mutex> lock(mu_);
    const Json body = Json::parse(r.body.empty() ? "{}" : r.body, nullptr, false);
    const auto q = query_of(r.target);
    const std::string path = r.path();
    if (path == kPay || path == kRefund) {
      if (has_record && !has_record(body)) write_ahead_seen = false;
      if (carry_out) body_ = path == kPay ? pay(body) : refund(body);
      return write_fault.load();
    }
    if (path == kStatus) {
      body_ = status_answer(debits_, q);
      return Fault::kAnswer;
    }
    if (path == kPaging) {
      body_ = paging_answer(debits_, order_, q);
      return Fault::kAnswer;
    }
    body_ = R"({"code":"00","message":"Success"})";
    return Fault::kAnswer;
  }

  std::string pay(const Json& b) {
    const std::string rid = b.value("requestId", "");
    if (paid_.count(rid) != 0) return Json{{"code", "1030"}, {"message", "requestId đã tồn tại"}}.dump();
    const std::string id = make_debit(std::stoll(b.value("amount", "0")), b.value("description", ""), bill_status);
    paid_[rid] = id;
    return ok(Json{{"code", id},
                   {"status", bill_status},
                   {"transactionCode", id},
                   {"isSentConfirmEmail", false},
                   {"isSentConfirmZalo", false},
                   {"returnUrl", ""}});
  }

  std::string refund(const Json& b) {
    auto it = debits_.find(b.value("transactionId", ""));
    const long long amount = b.value("amount", 0LL);
    if (it == debits_.end()) return Json{{"code", "1041"}, {"message", "Giao dịch không tồn tại"}}.dump();
    Debit& d = it->second;
    if ((d.status != "success" && d.status != "refunded") || amount > d.amount - d.refunded) {
      return Json{{"code", "1051"}, {"message", "Số tiền hoàn vượt quá số tiền giao dịch"}}.dump();
    }
    d.refunded += amount;
    if (d.refunded == d.amount) d.status = "refunded";
    return ok(Json{{"refundAmount", amount}, {"transactionId", d.id}, {"status", "success"}});
  }

  std::mutex mu_;
  std::map<std::string, Debit> debits_;
  std::vector<std::string> order_;
  std::map<std::string, std::string> paid_;
  long long next_ = 0;
  std::string body_;
  FaultServer server_;  // last: stopped first
};

enum class StoreKind { kMemory, kSqlite, kPostgres };

struct Harness {
  TempDir dir;
  std::shared_ptr<PaymentStore> store;
  FakeTingee tingee;
  std::optional<tingee::Client> client;
  std::optional<Applier> applier;
  std::vector<MoneyOutFinal> payments, refunds;
  std::mutex mu;

  explicit Harness(StoreKind kind) {
    if (kind == StoreKind::kMemory) {
      store = make_memory_store();
    } else if (kind == StoreKind::kPostgres) {
#ifdef PAYGW_MONEY_OUT_POSTGRES
      static std::atomic<int> n{0};
      postgres::StoreOptions o;
      o.conninfo = pg_server().create_database("paygw_mo" + std::to_string(++n));
      store = *postgres::open_store(o);
#endif
    } else {
      sqlite::StoreOptions o;
      o.path = dir.file("paygw.db");
      store = *sqlite::open_store(o);
    }
    tingee::Config c;
    c.base_url = tingee.url();
    c.client_id = "client-1";
    c.secret = Secret("tingee-secret-for-money-out");
    c.transport = *http::make_curl_transport();
    c.timeout = 1500ms;
    client = *tingee::Client::create(c);
    ApplierOptions a;
    a.handlers.direct_debit_payment = [this](const MoneyOutFinal& f, ApplyContext&) -> Result<void> {
      std::lock_guard<std::mutex> lock(mu);
      payments.push_back(f);
      return {};
    };
    a.handlers.direct_debit_refund = [this](const MoneyOutFinal& f, ApplyContext&) -> Result<void> {
      std::lock_guard<std::mutex> lock(mu);
      refunds.push_back(f);
      return {};
    };
    applier.emplace(store, a);
    tingee.has_record = [this](const Json& b) {
      const std::string key = b.contains("requestId") ? "dd-pay/" + b["requestId"].get<std::string>() : "";
      if (key.empty()) return true;  // a refund: checked by the test itself
      auto found = store->find_submission(Provider::kTingee, key);
      return found && found->has_value();
    };
  }

  static tingee::DirectDebitPaymentBillRequest bill(const std::string& id, Vnd amount = 250'000) {
    tingee::DirectDebitPaymentBillRequest r;
    r.request_id = id;
    r.subscription_id = "SUB-1";
    r.token_ref = "TOK-1";
    r.amount = amount;
    r.description = "monthly plan " + id;
    r.service_provider_name = "Shop";
    return r;
  }
  static tingee::DirectDebitRefundRequest refund_of(const std::string& txn, Vnd amount) {
    tingee::DirectDebitRefundRequest r;
    r.subscription_id = "SUB-1";
    r.token_ref = "TOK-1";
    r.transaction_id = txn;
    r.amount = amount;
    return r;
  }
  Result<MoneyOutResult> pay(const tingee::DirectDebitPaymentBillRequest& r) { return pay_bill(*client, *applier, r); }
  SubmissionState state(const std::string& key) { return (*store->find_submission(Provider::kTingee, key))->state; }
  ReconcileReport reconcile_now(std::chrono::milliseconds absent_after = 0ms) {
    ReconcileQueries q;
    SettleMoneyOutOptions s;
    s.absent_after = absent_after;
    q.money_out = money_out_with(*client, s);
    ReconcileOptions o;
    o.older_than = 0ms;
    o.max_queries_per_second = 0;
    auto report = reconcile(*applier, q, o);
    EXPECT_TRUE(report.ok());
    return report ? *report : ReconcileReport{};
  }
};

class MoneyOut : public ::testing::TestWithParam<StoreKind> {};

TEST_P(MoneyOut, PaymentRecordedBeforeSentSettledOnceAndNeverSentTwice) {
  Harness h(GetParam());
  auto paid = h.pay(Harness::bill("P-1"));
  ASSERT_TRUE(paid.ok()) << describe(paid.error());
  EXPECT_TRUE(paid->sent);
  EXPECT_EQ(paid->state, SubmissionState::kFinal);
  EXPECT_TRUE(paid->succeeded);
  EXPECT_TRUE(h.tingee.write_ahead_seen) << "the server saw the payment before its write-ahead";
  ASSERT_EQ(h.payments.size(), 1u);
  EXPECT_EQ(h.payments[0].request_id, "P-1");
  EXPECT_EQ(h.payments[0].amount, 250'000);
  EXPECT_EQ(h.payments[0].source, "answer");

  auto again = h.pay(Harness::bill("P-1"));
  ASSERT_TRUE(again.ok()) << describe(again.error());
  EXPECT_FALSE(again->sent);
  EXPECT_EQ(again->state, SubmissionState::kFinal);
  EXPECT_TRUE(again->succeeded);
  EXPECT_EQ(again->transaction_id, paid->transaction_id);

  auto other = Harness::bill("P-1", 250'001);  // same requestId, other content
  auto refused = h.pay(other);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(h.tingee.receipts(kPay), 1) << "never a second send";
  EXPECT_EQ(h.payments.size(), 1u);
  EXPECT_EQ(h.reconcile_now().totals.total, 0u) << "nothing left to settle";
}

// The server carries the debit out, then the client never gets the answer: a timeout, a dropped
// connection (FIN, RST) or a 503. One send; the reconciler finds the debit and settles it once.
TEST_P(MoneyOut, HostileServerNeverGetsASecondPaymentAndTheReconcilerSettlesIt) {
  int n = 0;
  for (Fault fault : {Fault::kSilence, Fault::kCloseFin, Fault::kCloseRst, Fault::kRaw}) {
    SCOPED_TRACE(n);
    Harness h(GetParam());
    const std::string id = "P-H" + std::to_string(n++);
    h.tingee.write_fault = fault;
    auto paid = h.pay(Harness::bill(id));
    ASSERT_FALSE(paid.ok());
    EXPECT_TRUE(paid.error().maybe_sent()) << describe(paid.error());
    EXPECT_EQ(h.state("dd-pay/" + id), SubmissionState::kWriteAhead);
    h.tingee.write_fault = Fault::kAnswer;

    auto again = h.pay(Harness::bill(id));  // the caller retries: the recorded outcome, no send
    ASSERT_TRUE(again.ok()) << describe(again.error());
    EXPECT_FALSE(again->sent);
    EXPECT_EQ(again->state, SubmissionState::kWriteAhead);
    EXPECT_EQ(h.tingee.receipts(kPay), 1);

    auto report = h.reconcile_now();
    EXPECT_EQ(report.totals.applied, 1u) << progress_line(report.totals);
    EXPECT_EQ(h.state("dd-pay/" + id), SubmissionState::kFinal);
    EXPECT_EQ(h.reconcile_now().totals.total, 0u);
    ASSERT_EQ(h.payments.size(), 1u);
    EXPECT_TRUE(h.payments[0].succeeded);
    EXPECT_EQ(h.payments[0].source, "reconcile");
    EXPECT_EQ(h.tingee.receipts(kPay), 1) << "never a second send";
    auto settled = h.pay(Harness::bill(id));
    ASSERT_TRUE(settled.ok());
    EXPECT_TRUE(settled->succeeded);
    EXPECT_EQ(h.tingee.receipts(kPay), 1);
  }
}

// A crash between the write-ahead and the send: the record exists, Tingee never saw it. The
// reconciler proves it from the subscription's debits (and only once the record is old enough).
TEST_P(MoneyOut, CrashBetweenWriteAheadAndSendIsSettledAsNotSent) {
  Harness h(GetParam());
  // The process "stops" after the write-ahead: a transport that sends nothing, maybe-sent.
  class Dead : public http::Transport {
   public:
    Result<http::Response> send(const http::Request&) override {
      return make_error(ErrorCode::kNetwork, "process stopped", Delivery::kMaybeSent);
    }
  };
  tingee::Config c;
  c.base_url = h.tingee.url();
  c.client_id = "client-1";
  c.secret = Secret("tingee-secret-for-money-out");
  c.transport = std::make_shared<Dead>();
  auto dead = *tingee::Client::create(c);
  ASSERT_FALSE(pay_bill(dead, *h.applier, Harness::bill("P-C")).ok());
  EXPECT_EQ(h.state("dd-pay/P-C"), SubmissionState::kWriteAhead);
  EXPECT_EQ(h.tingee.receipts(kPay), 0);

  h.tingee.add_debit(250'000, "another plan");  // other debits do not match it
  auto early = h.reconcile_now(1h);
  EXPECT_EQ(early.totals.still_pending, 1u) << "too young to be proven not sent";
  EXPECT_EQ(h.state("dd-pay/P-C"), SubmissionState::kWriteAhead);
  auto late = h.reconcile_now(0ms);
  EXPECT_EQ(late.totals.applied, 1u) << progress_line(late.totals);
  EXPECT_EQ(h.state("dd-pay/P-C"), SubmissionState::kNotSent);
  EXPECT_TRUE(h.payments.empty());
  auto again = h.pay(Harness::bill("P-C"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->state, SubmissionState::kNotSent);
  EXPECT_FALSE(again->sent);
  EXPECT_EQ(h.tingee.receipts(kPay), 0) << "a payment recorded as not sent is never sent under its id";
}

// A debit that is someone else's (same description and amount, already claimed by another
// payment) never settles a lost payment; two candidates are ambiguous and left alone.
TEST_P(MoneyOut, ALostPaymentIsNeverMatchedToAnotherPaymentsDebit) {
  Harness h(GetParam());
  auto first = h.pay(Harness::bill("P-A"));
  ASSERT_TRUE(first.ok());
  auto same = Harness::bill("P-B");
  same.description = Harness::bill("P-A").description;  // same description and amount as P-A
  h.tingee.carry_out = false;                           // P-B is dropped: Tingee never sees it
  h.tingee.write_fault = Fault::kCloseRst;
  ASSERT_FALSE(h.pay(same).ok());
  auto report = h.reconcile_now();
  EXPECT_EQ(h.state("dd-pay/P-B"), SubmissionState::kNotSent) << progress_line(report.totals);
  ASSERT_EQ(h.payments.size(), 1u);

  h.tingee.carry_out = true;
  auto lost = Harness::bill("P-D");
  ASSERT_FALSE(h.pay(lost).ok());                     // carried out, the answer lost
  h.tingee.add_debit(lost.amount, lost.description);  // a twin outside paygw
  auto ambiguous = h.reconcile_now();
  EXPECT_EQ(h.state("dd-pay/P-D"), SubmissionState::kWriteAhead) << progress_line(ambiguous.totals);
  EXPECT_EQ(h.tingee.receipts(kPay), 3);
}

// Tingee accepts the debit as pending; its status query settles it, once, whatever the order.
TEST_P(MoneyOut, PendingPaymentSettledByTheStatusQueryOnce) {
  Harness h(GetParam());
  h.tingee.bill_status = "pending-confirm";
  auto paid = h.pay(Harness::bill("P-P"));
  ASSERT_TRUE(paid.ok()) << describe(paid.error());
  EXPECT_EQ(paid->state, SubmissionState::kPending);
  EXPECT_EQ(h.reconcile_now().totals.still_pending, 1u);
  h.tingee.set_status(paid->transaction_id, "insufficient-balance");
  EXPECT_EQ(h.reconcile_now().totals.applied, 1u);
  EXPECT_EQ(h.reconcile_now().totals.total, 0u);
  ASSERT_EQ(h.payments.size(), 1u);
  EXPECT_FALSE(h.payments[0].succeeded);
  EXPECT_EQ(h.payments[0].status, "insufficient-balance");
  EXPECT_EQ(h.tingee.receipts(kPay), 1);
}

TEST_P(MoneyOut, ConcurrentCallsSendOnce) {
  Harness h(GetParam());
  std::vector<std::thread> threads;
  std::atomic<int> sent{0};
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      auto r = h.pay(Harness::bill("P-X"));
      if (r && r->sent) ++sent;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(sent.load(), 1);
  EXPECT_EQ(h.tingee.receipts(kPay), 1);
  EXPECT_EQ(h.payments.size(), 1u);
}

TEST_P(MoneyOut, RefundBoundedRecordedAndNeverSentTwice) {
  Harness h(GetParam());
  auto paid = h.pay(Harness::bill("P-R", 100'000));
  ASSERT_TRUE(paid.ok());
  const std::string txn = paid->transaction_id;

  auto over = refund(*h.client, *h.applier, "R-0", Harness::refund_of(txn, 100'001));
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(h.store->find_submission(Provider::kTingee, "dd-refund/R-0")->has_value());
  EXPECT_EQ(h.tingee.receipts(kRefund), 0);

  auto part = refund(*h.client, *h.applier, "R-1", Harness::refund_of(txn, 40'000));
  ASSERT_TRUE(part.ok()) << describe(part.error());
  EXPECT_EQ(part->state, SubmissionState::kFinal);
  EXPECT_TRUE(part->succeeded);
  auto same = refund(*h.client, *h.applier, "R-1", Harness::refund_of(txn, 40'000));
  ASSERT_TRUE(same.ok());
  EXPECT_FALSE(same->sent);
  EXPECT_TRUE(same->succeeded);
  auto other = refund(*h.client, *h.applier, "R-1", Harness::refund_of(txn, 40'001));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(h.tingee.receipts(kRefund), 1);

  // More than what is left: Tingee refuses it; recorded as a failed refund, never sent again.
  auto rest = refund(*h.client, *h.applier, "R-2", Harness::refund_of(txn, 70'000));
  ASSERT_FALSE(rest.ok());
  EXPECT_EQ(rest.error().code, ErrorCode::kProvider);
  EXPECT_EQ(h.state("dd-refund/R-2"), SubmissionState::kFinal);
  ASSERT_EQ(h.refunds.size(), 2u);
  EXPECT_TRUE(h.refunds[0].succeeded);
  EXPECT_FALSE(h.refunds[1].succeeded);
  EXPECT_EQ(h.tingee.debit(txn).refunded, 40'000);
  EXPECT_EQ(h.tingee.receipts(kRefund), 2);
}

TEST_P(MoneyOut, HostileServerNeverGetsASecondRefund) {
  int n = 0;
  for (Fault fault : {Fault::kSilence, Fault::kCloseFin, Fault::kCloseRst, Fault::kRaw}) {
    SCOPED_TRACE(n);
    Harness h(GetParam());
    auto paid = h.pay(Harness::bill("P-F" + std::to_string(n), 90'000));
    ASSERT_TRUE(paid.ok());
    const std::string rid = "R-F" + std::to_string(n++);
    h.tingee.write_fault = fault;
    auto full = refund(*h.client, *h.applier, rid, Harness::refund_of(paid->transaction_id, 90'000));
    ASSERT_FALSE(full.ok());
    EXPECT_TRUE(full.error().maybe_sent());
    h.tingee.write_fault = Fault::kAnswer;
    auto again = refund(*h.client, *h.applier, rid, Harness::refund_of(paid->transaction_id, 90'000));
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again->sent);
    EXPECT_EQ(h.tingee.receipts(kRefund), 1);
    auto report = h.reconcile_now();
    EXPECT_EQ(report.totals.applied, 1u) << progress_line(report.totals);
    EXPECT_EQ(h.state("dd-refund/" + rid), SubmissionState::kFinal);
    ASSERT_EQ(h.refunds.size(), 1u);
    EXPECT_TRUE(h.refunds[0].succeeded);
    EXPECT_EQ(h.tingee.debit(paid->transaction_id).refunded, 90'000) << "refunded once";
    EXPECT_EQ(h.tingee.receipts(kRefund), 1);
  }
}

// A partial refund whose answer was lost: the status cannot prove it either way — left, alerted,
// never resent. A full refund Tingee never saw: not sent.
TEST_P(MoneyOut, UnprovableRefundsStayUnsettled) {
  Harness h(GetParam());
  auto paid = h.pay(Harness::bill("P-U", 90'000));
  ASSERT_TRUE(paid.ok());
  h.tingee.write_fault = Fault::kCloseRst;
  ASSERT_FALSE(refund(*h.client, *h.applier, "R-P", Harness::refund_of(paid->transaction_id, 10'000)).ok());
  h.tingee.carry_out = false;
  ASSERT_FALSE(refund(*h.client, *h.applier, "R-N", Harness::refund_of(paid->transaction_id, 90'000)).ok());
  h.reconcile_now();
  EXPECT_EQ(h.state("dd-refund/R-P"), SubmissionState::kWriteAhead);
  EXPECT_EQ(h.tingee.receipts(kRefund), 2);
  AlertQuery q;
  q.kinds = {"refund_unproven"};
  EXPECT_FALSE(h.store->list_alerts(q)->alerts.empty());
  // R-N: full, and the debit is not "refunded" — but a partial refund (R-P) was made, so the
  // debit reads "success" with 80 000 left: the full refund certainly was not made.
  EXPECT_EQ(h.state("dd-refund/R-N"), SubmissionState::kNotSent);
  EXPECT_TRUE(h.refunds.empty());
}

// A payment or refund record is never a Tingee bill: a credit naming it settles nothing, and the
// bill reconciler (find_tingee) leaves it alone.
TEST_P(MoneyOut, NeverTakenForABill) {
  Harness h(GetParam());
  h.tingee.write_fault = Fault::kCloseRst;
  ASSERT_FALSE(h.pay(Harness::bill("P-B1")).ok());
  tingee::PaymentNotification credit;
  credit.transaction_code = "FT-1";
  credit.amount = 250'000;
  credit.additional_data = {{"billId", "dd-pay/P-B1"}};
  auto applied = h.applier->apply_tingee_payment(credit, "webhook");
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(h.state("dd-pay/P-B1"), SubmissionState::kWriteAhead) << "a credit never settles a payment paygw sent";
  ReconcileQueries bills_only;
  int asked = 0;
  bills_only.find_tingee = [&asked](const TingeeBillQuery&,
                                    const CallOptions&) -> Result<std::vector<TingeeTransaction>> {
    ++asked;
    return std::vector<TingeeTransaction>{};
  };
  ReconcileOptions o;
  o.older_than = 0ms;
  o.max_queries_per_second = 0;
  auto report = reconcile(*h.applier, bills_only, o);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(asked, 0);
  EXPECT_EQ(report->totals.skipped, 1u);
}

// Settled by a process without handlers (`paygw reconcile`): the handler is owed, and runs once
// in the service (run_deferred).
TEST_P(MoneyOut, OwedHandlersRunOnceLater) {
  Harness h(GetParam());
  h.tingee.write_fault = Fault::kCloseFin;
  ASSERT_FALSE(h.pay(Harness::bill("P-O")).ok());
  h.tingee.write_fault = Fault::kAnswer;
  Applier bare(h.store);
  ReconcileQueries q;
  SettleMoneyOutOptions s;
  s.absent_after = 0ms;
  q.money_out = money_out_with(*h.client, s);
  ReconcileOptions o;
  o.older_than = 0ms;
  o.max_queries_per_second = 0;
  ASSERT_EQ(reconcile(bare, q, o)->totals.applied, 1u);
  EXPECT_TRUE(h.payments.empty());
  EXPECT_EQ(*h.applier->run_deferred(), 1u);
  EXPECT_EQ(*h.applier->run_deferred(), 0u);
  ASSERT_EQ(h.payments.size(), 1u);
  EXPECT_EQ(h.payments[0].request_id, "P-O");
  EXPECT_TRUE(h.payments[0].succeeded);
  EXPECT_EQ(h.payments[0].submission.request_id, "dd-pay/P-O");
}

#ifdef PAYGW_MONEY_OUT_POSTGRES
INSTANTIATE_TEST_SUITE_P(Stores, MoneyOut, ::testing::Values(StoreKind::kPostgres),
                         [](const ::testing::TestParamInfo<StoreKind>&) { return std::string("postgres"); });
#else
INSTANTIATE_TEST_SUITE_P(Stores, MoneyOut, ::testing::Values(StoreKind::kMemory, StoreKind::kSqlite),
                         [](const ::testing::TestParamInfo<StoreKind>& i) {
                           return std::string(i.param == StoreKind::kMemory ? "memory" : "sqlite");
                         });
#endif

}  // namespace
}  // namespace paygw::test

#ifdef PAYGW_MONEY_OUT_POSTGRES
int main(int argc, char** argv) { return paygw::test::pg_test_main(argc, argv); }
#endif
