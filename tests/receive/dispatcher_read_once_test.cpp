// SPDX-License-Identifier: MIT
// A charging callback reads its stored card once (ADR 0044): the row the verifier read is the one
// the Applier decides on — a store wrapper counts every find_submission(), on the store and inside
// its transactions. Before, the dispatcher read the card outside the transaction and the Applier
// read it again inside. A concurrent delivery that finalizes the card between that read and the
// transaction is still answered as a duplicate (or a conflict), never applied twice; a delivery
// for a path nobody serves touches no store at all.
#include "dispatcher_fixture.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <utility>

namespace paygw::test {
namespace {

// Forwards everything to `inner`, counting reads of a submission and transactions begun.
class CountingStore : public PaymentStore {
 public:
  explicit CountingStore(std::shared_ptr<PaymentStore> inner) : inner_(std::move(inner)) {}

  class CountingTransaction : public Transaction {
   public:
    CountingTransaction(std::unique_ptr<Transaction> tx, CountingStore& owner) : tx_(std::move(tx)), owner_(owner) {}
    Result<std::optional<SubmissionRecord>> find_submission(Provider p, std::string_view id) override {
      ++owner_.submission_reads;
      return tx_->find_submission(p, id);
    }
    Result<bool> finalize(Provider p, std::string_view id, std::string_view result) override {
      return tx_->finalize(p, id, result);
    }
    Result<bool> record_event(const EventRecord& e) override { return tx_->record_event(e); }
    Result<bool> mark_handled(Provider p, std::string_view id) override { return tx_->mark_handled(p, id); }
    Result<std::int64_t> execute(std::string_view sql, const std::vector<SqlValue>& params) override {
      return tx_->execute(sql, params);
    }
    Result<void> commit() override { return tx_->commit(); }

   private:
    std::unique_ptr<Transaction> tx_;
    CountingStore& owner_;
  };

  Result<std::unique_ptr<Transaction>> begin() override {
    ++transactions;
    auto tx = inner_->begin();
    if (!tx) return tx.error();
    return std::unique_ptr<Transaction>(std::make_unique<CountingTransaction>(std::move(*tx), *this));
  }
  Result<bool> record_submission(const SubmissionRecord& r) override { return inner_->record_submission(r); }
  Result<std::optional<SubmissionRecord>> find_submission(Provider p, std::string_view id) override {
    ++submission_reads;
    auto found = inner_->find_submission(p, id);
    if (after_read) {
      auto hook = std::move(after_read);
      after_read = nullptr;
      hook();  // another delivery, between this read and whatever follows it
    }
    return found;
  }
  Result<bool> mark(Provider p, std::string_view id, SubmissionState from, SubmissionState to) override {
    return inner_->mark(p, id, from, to);
  }
  Result<std::vector<SubmissionRecord>> list_unsettled(std::chrono::milliseconds older_than,
                                                       std::size_t limit) override {
    return inner_->list_unsettled(older_than, limit);
  }
  Result<std::optional<EventRecord>> find_event(Provider p, std::string_view id) override {
    ++event_reads;
    return inner_->find_event(p, id);
  }
  Result<std::vector<EventRecord>> list_unhandled(std::size_t limit) override { return inner_->list_unhandled(limit); }
  Result<EventPage> list_events(const EventQuery& q) override { return inner_->list_events(q); }
  Result<SubmissionPage> list_submissions(const SubmissionQuery& q) override { return inner_->list_submissions(q); }
  Result<void> record_alert(const AlertRecord& a) override { return inner_->record_alert(a); }
  Result<AlertPage> list_alerts(const AlertQuery& q) override { return inner_->list_alerts(q); }
  Result<bool> create_flow(const FlowRecord& f) override { return inner_->create_flow(f); }
  Result<std::optional<FlowRecord>> find_flow(Provider p, std::string_view id) override {
    return inner_->find_flow(p, id);
  }
  Result<bool> update_flow(Provider p, std::string_view id, std::int64_t version, std::string_view state,
                           std::string_view data) override {
    return inner_->update_flow(p, id, version, state, data);
  }

  void reset() { submission_reads = transactions = event_reads = 0; }

  std::atomic<int> submission_reads{0};
  std::atomic<int> transactions{0};
  std::atomic<int> event_reads{0};
  std::function<void()> after_read;

 private:
  std::shared_ptr<PaymentStore> inner_;
};

class ReadOnceTest : public DispatcherTest {
 protected:
  void SetUp() override {
    inner = make_memory_store();
    counting = std::make_shared<CountingStore>(inner);
    store = counting;
    make_dispatcher();
  }

  // The same endpoints, with a check() that confirms every final callback as `check_status`.
  void confirm_by_check() {
    DispatcherConfig config;
    config.store = store;
    config.applier.handlers = handlers();
    ChargingEndpoint ep;
    ep.path = kChargingPath;
    ep.store_key = Secret(kStoreKey);
    ep.confirm = [this](const charging::CardRequest& card, const CallOptions&) -> Result<charging::ChargeResult> {
      ++checks;
      charging::ChargeResult r;
      r.status_code = 1;
      r.status = charging::status_from_code(1, "");
      r.request_id = card.request_id;
      r.amount = 35000;
      r.value = 50000;
      return r;
    };
    config.charging = std::move(ep);
    auto d = Dispatcher::create(std::move(config));
    ASSERT_TRUE(d.ok()) << describe(d.error());
    dispatcher.reset();
    dispatcher.emplace(std::move(*d));
  }

  Inbound callback(const Card& c, int status, std::int64_t amount, std::int64_t value) {
    return charging_callback(kChargingPath, kPartnerKey, c, status, amount, value, CallbackForm::kPostJson);
  }

  std::shared_ptr<PaymentStore> inner;
  std::shared_ptr<CountingStore> counting;
  int checks = 0;
};

TEST_F(ReadOnceTest, EveryCallbackOfACardReadsTheCardOnce) {
  const Card c = card("r-once-1");
  struct Step {
    const char* what;
    int status;
    std::int64_t amount, value;
    const char* body;
  };
  const Step steps[] = {
      {"pending on a write-ahead card", 99, 35000, -1, R"({"status":"ok"})"},
      {"pending again", 99, 35000, -1, R"({"status":"ok"})"},
      {"final: applied", 1, 35000, 50000, R"({"status":"ok"})"},
      {"final again: duplicate", 1, 35000, 50000, R"({"status":"ok"})"},
      {"a stale pending after the final", 99, 35000, -1, R"({"status":"ok"})"},
  };
  for (const Step& s : steps) {
    SCOPED_TRACE(s.what);
    counting->reset();
    const Reply r = deliver(callback(c, s.status, s.amount, s.value));
    EXPECT_EQ(r.status, 200) << r.note;
    EXPECT_EQ(r.body, s.body);
    EXPECT_EQ(counting->submission_reads.load(), 1) << "the stored card is read once per callback";
  }
  EXPECT_EQ(runs("card:r-once-1"), 1);
  EXPECT_EQ(ledger.credited["card:r-once-1"], 35000);
  EXPECT_FALSE(alerted("conflict"));
}

TEST_F(ReadOnceTest, ACallbackConfirmedByCheckReadsTheCardOnceAndChecksOnce) {
  confirm_by_check();
  const Card c = card("r-once-2");
  counting->reset();
  const Reply r = deliver(callback(c, 1, 35000, 50000));
  EXPECT_EQ(r.status, 200) << r.note;
  EXPECT_EQ(r.body, R"({"status":"ok"})");
  EXPECT_EQ(counting->submission_reads.load(), 1) << "the card check() was called with is the one applied";
  EXPECT_EQ(checks, 1);
  EXPECT_EQ(runs("card:r-once-2"), 1);
  EXPECT_EQ(ledger.credited["card:r-once-2"], 35000);
}

TEST_F(ReadOnceTest, AFinalResultAppliedBetweenTheReadAndTheTransactionIsNotAppliedTwice) {
  for (int concurrent_status : {1, 3}) {
    SCOPED_TRACE(concurrent_status);
    const std::string id = "r-race-" + std::to_string(concurrent_status);
    const Card c = card(id);
    ledger.alerts.clear();
    // Another receiver applies the card's final result right after this one read it.
    counting->after_read = [&] {
      charging::ChargeResult other;
      other.request_id = id;
      other.status_code = concurrent_status;
      other.status = charging::status_from_code(concurrent_status, "");
      if (concurrent_status == 1) {
        other.amount = 35000;
        other.value = 50000;
      }
      auto applied = Applier(inner).apply_card(other, "callback");
      ASSERT_TRUE(applied.ok()) << describe(applied.error());
      ASSERT_EQ(applied->outcome, Outcome::kApplied);
    };
    const Reply r = deliver(callback(c, 1, 35000, 50000));
    EXPECT_EQ(r.status, 200) << r.note;
    EXPECT_EQ(r.body, R"({"status":"ok"})") << "a duplicate is acknowledged";
    EXPECT_EQ(runs("card:" + id), 0) << "the other receiver applied it; this one must not run the handler";
    EXPECT_EQ(alerted("conflict"), concurrent_status != 1) << r.note;
    EXPECT_EQ((*inner->find_submission(Provider::kCharging, id))->state, SubmissionState::kFinal);
  }
}

TEST_F(ReadOnceTest, ADeliveryForAPathNobodyServesTouchesNoStore) {
  counting->reset();
  for (const char* method : {"POST", "GET"}) {
    const Reply r = dispatcher->handle(method, "/hooks/elsewhere?request_id=r-1", {}, R"({"request_id":"r-1"})");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.body, R"({"error":"not found"})");
  }
  EXPECT_EQ(counting->submission_reads.load(), 0);
  EXPECT_EQ(counting->event_reads.load(), 0);
  EXPECT_EQ(counting->transactions.load(), 0);
}

}  // namespace
}  // namespace paygw::test
