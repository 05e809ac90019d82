// SPDX-License-Identifier: MIT
// PaymentStore names and the in-memory store.
#include <paygw/store.hpp>

#include "store/validate.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>
#include <tuple>
#include <utility>

namespace paygw {

PaymentStore::~PaymentStore() = default;

std::string_view to_string(Provider provider) noexcept {
  switch (provider) {
    case Provider::kCharging: return "charging";
    case Provider::kTconnect: return "tconnect";
    case Provider::kTingee: return "tingee";
  }
  return "unknown";
}

std::optional<Provider> parse_provider(std::string_view text) noexcept {
  for (Provider p : {Provider::kCharging, Provider::kTconnect, Provider::kTingee}) {
    if (text == to_string(p)) return p;
  }
  return std::nullopt;
}

std::string_view to_string(SubmissionState state) noexcept {
  switch (state) {
    case SubmissionState::kWriteAhead: return "write_ahead";
    case SubmissionState::kPending: return "pending";
    case SubmissionState::kFinal: return "final";
    case SubmissionState::kNotSent: return "not_sent";
  }
  return "unknown";
}

std::optional<SubmissionState> parse_submission_state(std::string_view text) noexcept {
  for (SubmissionState s :
       {SubmissionState::kWriteAhead, SubmissionState::kPending, SubmissionState::kFinal, SubmissionState::kNotSent}) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
}

namespace {

namespace ds = detail::store;
using Key = std::pair<Provider, std::string>;

class MemoryStore final : public PaymentStore, public std::enable_shared_from_this<MemoryStore> {
 public:
  explicit MemoryStore(std::shared_ptr<Clock> clock) : clock_(std::move(clock)) {}

  class Tx final : public Transaction {
   public:
    explicit Tx(std::shared_ptr<MemoryStore> store) : store_(std::move(store)), lock_(store_->mu_) {}
    ~Tx() override {
      if (committed_) return;
      for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) (*it)();
    }

    Result<std::optional<SubmissionRecord>> find_submission(Provider p, std::string_view id) override {
      if (auto ok = check_open(); !ok) return ok.error();
      return store_->find_locked(p, id);
    }
    Result<bool> finalize(Provider p, std::string_view id, std::string_view result) override {
      if (auto ok = check_open(); !ok) return ok.error();
      auto it = store_->subs_.find(Key(p, std::string(id)));
      if (it == store_->subs_.end()) return false;
      SubmissionRecord& r = it->second;
      if (r.state != SubmissionState::kWriteAhead && r.state != SubmissionState::kPending) return false;
      SubmissionRecord before = r;
      r.state = SubmissionState::kFinal;
      r.result = std::string(result);
      r.updated_at = store_->clock_->now();
      undo_.emplace_back([this, key = it->first, before] { store_->subs_[key] = before; });
      return true;
    }
    Result<bool> record_event(const EventRecord& event) override {
      if (auto ok = check_open(); !ok) return ok.error();
      if (auto ok = ds::check_key("event_id", event.event_id, ds::kMaxEventId); !ok) return ok.error();
      Key key(event.provider, event.event_id);
      if (store_->events_.count(key) != 0) return false;
      Stored s{event, ++store_->seq_};
      s.event.applied_at = store_->clock_->now();
      store_->events_.emplace(key, std::move(s));
      undo_.emplace_back([this, key] { store_->events_.erase(key); });
      return true;
    }
    Result<bool> mark_handled(Provider p, std::string_view id) override {
      if (auto ok = check_open(); !ok) return ok.error();
      auto it = store_->events_.find(Key(p, std::string(id)));
      if (it == store_->events_.end() || it->second.event.handled) return false;
      it->second.event.handled = true;
      undo_.emplace_back([this, key = it->first] { store_->events_.at(key).event.handled = false; });
      return true;
    }
    Result<std::int64_t> execute(std::string_view, const std::vector<SqlValue>&) override {
      if (auto ok = check_open(); !ok) return ok.error();
      // A failed statement, like on the SQL stores: the transaction can no longer commit.
      return latch_.track(
          Result<std::int64_t>(make_error(ErrorCode::kInvalidArgument, "store: the memory store runs no SQL")));
    }
    Result<void> commit() override {
      if (committed_ || ended_) return make_error(ErrorCode::kInvalidArgument, "store: the transaction has ended");
      committed_ = true;
      if (latch_.failed()) {
        committed_ = false;  // the destructor undoes it
        ended_ = true;
        return latch_.error();
      }
      undo_.clear();
      return {};
    }

   private:
    Result<void> check_open() const {
      if (committed_ || ended_) return make_error(ErrorCode::kInvalidArgument, "store: the transaction has ended");
      if (latch_.failed()) return latch_.error();
      return {};
    }
    ds::FailureLatch latch_;
    bool ended_ = false;
    std::shared_ptr<MemoryStore> store_;
    std::unique_lock<std::mutex> lock_;
    std::vector<std::function<void()>> undo_;
    bool committed_ = false;
  };

  Result<std::unique_ptr<Transaction>> begin() override {
    return std::unique_ptr<Transaction>(std::make_unique<Tx>(shared_from_this()));
  }

  Result<bool> record_submission(const SubmissionRecord& record) override {
    if (auto ok = ds::check_record(record); !ok) return ok.error();
    std::lock_guard<std::mutex> lock(mu_);
    Key key(record.provider, record.request_id);
    if (subs_.count(key) != 0) return false;
    SubmissionRecord r = record;
    r.result.clear();
    r.created_at = r.updated_at = clock_->now();
    subs_.emplace(std::move(key), std::move(r));
    return true;
  }

  Result<std::optional<SubmissionRecord>> find_submission(Provider p, std::string_view id) override {
    std::lock_guard<std::mutex> lock(mu_);
    return find_locked(p, id);
  }

  Result<bool> mark(Provider p, std::string_view id, SubmissionState from, SubmissionState to) override {
    if (auto ok = ds::check_mark(from, to); !ok) return ok.error();
    std::lock_guard<std::mutex> lock(mu_);
    auto it = subs_.find(Key(p, std::string(id)));
    if (it == subs_.end() || it->second.state != from) return false;
    it->second.state = to;
    it->second.updated_at = clock_->now();
    return true;
  }

  Result<std::vector<SubmissionRecord>> list_unsettled(std::chrono::milliseconds older_than,
                                                       std::size_t limit) override {
    std::lock_guard<std::mutex> lock(mu_);
    const auto cutoff = clock_->now() - older_than;
    std::vector<SubmissionRecord> out;
    for (const auto& [key, r] : subs_) {
      const bool open = r.state == SubmissionState::kWriteAhead || r.state == SubmissionState::kPending;
      if (open && r.created_at <= cutoff) out.push_back(r);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const SubmissionRecord& a, const SubmissionRecord& b) { return a.created_at < b.created_at; });
    if (out.size() > limit) out.resize(limit);
    return out;
  }

  Result<std::optional<EventRecord>> find_event(Provider p, std::string_view id) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = events_.find(Key(p, std::string(id)));
    if (it == events_.end()) return std::optional<EventRecord>();
    return std::optional<EventRecord>(it->second.event);
  }

  Result<EventPage> list_events(const EventQuery& q) override {
    if (auto ok = ds::check_limit(q.limit); !ok) return ok.error();
    auto after = ds::parse_seq_cursor(q.cursor);
    if (!after) return after.error();
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<const Stored*> match;
    for (const auto& [key, s] : events_) {
      const EventRecord& e = s.event;
      if (static_cast<std::int64_t>(s.seq) <= *after) continue;
      if (q.provider && e.provider != *q.provider) continue;
      if (!q.kinds.empty() && std::find(q.kinds.begin(), q.kinds.end(), e.kind) == q.kinds.end()) continue;
      if (q.handled && e.handled != *q.handled) continue;
      if (q.applied_from && e.applied_at < *q.applied_from) continue;
      if (q.applied_before && !(e.applied_at < *q.applied_before)) continue;
      match.push_back(&s);
    }
    std::sort(match.begin(), match.end(), [](const Stored* a, const Stored* b) { return a->seq < b->seq; });
    EventPage page;
    for (std::size_t i = 0; i < match.size() && i < q.limit; ++i) page.events.push_back(match[i]->event);
    if (match.size() > q.limit) page.next_cursor = std::to_string(match[q.limit - 1]->seq);
    return page;
  }

  Result<SubmissionPage> list_submissions(const SubmissionQuery& q) override {
    if (auto ok = ds::check_limit(q.limit); !ok) return ok.error();
    std::optional<ds::SubmissionCursor> after;
    if (!q.cursor.empty()) {
      auto c = ds::parse_submission_cursor(q.cursor);
      if (!c) return c.error();
      after = std::move(*c);
    }
    auto position = [](const SubmissionRecord& r) {
      return std::make_tuple(ds::to_ms(r.created_at), std::string(to_string(r.provider)), r.request_id);
    };
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<const SubmissionRecord*> match;
    for (const auto& [key, r] : subs_) {
      if (after && !(std::make_tuple(after->created_ms, after->provider, after->request_id) < position(r))) continue;
      if (q.provider && r.provider != *q.provider) continue;
      if (!q.states.empty() && std::find(q.states.begin(), q.states.end(), r.state) == q.states.end()) continue;
      if (q.created_from && r.created_at < *q.created_from) continue;
      if (q.created_before && !(r.created_at < *q.created_before)) continue;
      match.push_back(&r);
    }
    std::sort(match.begin(), match.end(),
              [&](const SubmissionRecord* a, const SubmissionRecord* b) { return position(*a) < position(*b); });
    SubmissionPage page;
    for (std::size_t i = 0; i < match.size() && i < q.limit; ++i) page.submissions.push_back(*match[i]);
    if (match.size() > q.limit) {
      const SubmissionRecord& last = *match[q.limit - 1];
      page.next_cursor = ds::submission_cursor(ds::to_ms(last.created_at), to_string(last.provider), last.request_id);
    }
    return page;
  }

  Result<void> record_alert(const AlertRecord& alert) override {
    if (!alert_budget_.take()) return ds::alert_budget_exceeded();
    std::lock_guard<std::mutex> lock(alerts_mu_);  // not mu_: a transaction may be open
    AlertRecord a{alert.provider, alert.kind, ds::cut_utf8(alert.subject, ds::kMaxAlertSubject),
                  ds::cut_utf8(alert.message, ds::kMaxAlertMessage), clock_->now()};
    alerts_.push_back(std::move(a));
    return {};
  }

  Result<AlertPage> list_alerts(const AlertQuery& q) override {
    if (auto ok = ds::check_limit(q.limit); !ok) return ok.error();
    auto after = ds::parse_seq_cursor(q.cursor);
    if (!after) return after.error();
    std::lock_guard<std::mutex> lock(alerts_mu_);
    AlertPage page;
    for (auto i = static_cast<std::size_t>(*after); i < alerts_.size(); ++i) {
      const AlertRecord& a = alerts_[i];
      if (q.provider && a.provider != *q.provider) continue;
      if (!q.kinds.empty() && std::find(q.kinds.begin(), q.kinds.end(), a.kind) == q.kinds.end()) continue;
      if (q.raised_from && a.raised_at < *q.raised_from) continue;
      if (q.raised_before && !(a.raised_at < *q.raised_before)) continue;
      if (page.alerts.size() == q.limit) {
        page.next_cursor = std::to_string(i);  // alerts_[0..i) are behind it
        break;
      }
      page.alerts.push_back(a);
    }
    return page;
  }

  Result<bool> create_flow(const FlowRecord& record) override {
    if (auto ok = ds::check_flow(record); !ok) return ok.error();
    std::lock_guard<std::mutex> lock(flows_mu_);  // flows are outside transactions: not mu_
    Key key(record.provider, record.flow_id);
    if (flows_.count(key) != 0) return false;
    FlowRecord r = record;
    r.version = 1;
    r.created_at = r.updated_at = clock_->now();
    flows_.emplace(std::move(key), std::move(r));
    return true;
  }

  Result<std::optional<FlowRecord>> find_flow(Provider p, std::string_view id) override {
    std::lock_guard<std::mutex> lock(flows_mu_);
    auto it = flows_.find(Key(p, std::string(id)));
    if (it == flows_.end()) return std::optional<FlowRecord>();
    return std::optional<FlowRecord>(it->second);
  }

  Result<bool> update_flow(Provider p, std::string_view id, std::int64_t expected_version, std::string_view state,
                           std::string_view data) override {
    if (auto ok = ds::check_flow_update(state, data); !ok) return ok.error();
    std::lock_guard<std::mutex> lock(flows_mu_);
    auto it = flows_.find(Key(p, std::string(id)));
    if (it == flows_.end() || it->second.version != expected_version) return false;
    it->second.state = std::string(state);
    it->second.data = std::string(data);
    it->second.version += 1;
    it->second.updated_at = clock_->now();
    return true;
  }

  Result<std::vector<EventRecord>> list_unhandled(std::size_t limit) override {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<const Stored*> owed;
    for (const auto& [key, s] : events_) {
      if (!s.event.handled) owed.push_back(&s);
    }
    std::sort(owed.begin(), owed.end(), [](const Stored* a, const Stored* b) { return a->seq < b->seq; });
    std::vector<EventRecord> out;
    for (std::size_t i = 0; i < owed.size() && i < limit; ++i) out.push_back(owed[i]->event);
    return out;
  }

 private:
  struct Stored {
    EventRecord event;
    std::uint64_t seq = 0;
  };

  std::optional<SubmissionRecord> find_locked(Provider p, std::string_view id) const {
    auto it = subs_.find(Key(p, std::string(id)));
    if (it == subs_.end()) return std::nullopt;
    return it->second;
  }

  std::shared_ptr<Clock> clock_;
  std::mutex mu_;
  std::map<Key, SubmissionRecord> subs_;
  std::map<Key, Stored> events_;
  std::mutex flows_mu_;
  std::map<Key, FlowRecord> flows_;
  std::mutex alerts_mu_;
  ds::AlertBudget alert_budget_;
  std::vector<AlertRecord> alerts_;
  std::uint64_t seq_ = 0;
};

}  // namespace

std::shared_ptr<PaymentStore> make_memory_store(MemoryStoreOptions options) {
  return std::make_shared<MemoryStore>(options.clock ? std::move(options.clock) : system_clock());
}

}  // namespace paygw
