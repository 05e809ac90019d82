// SPDX-License-Identifier: MIT
// PaymentStore names and the in-memory store.
#include <paygw/store.hpp>

#include "store/validate.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>
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
      return make_error(ErrorCode::kInvalidArgument, "store: the memory store runs no SQL");
    }
    Result<void> commit() override {
      if (auto ok = check_open(); !ok) return ok;
      committed_ = true;
      undo_.clear();
      return {};
    }

   private:
    Result<void> check_open() const {
      if (committed_) return make_error(ErrorCode::kInvalidArgument, "store: the transaction has ended");
      return {};
    }
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
  std::uint64_t seq_ = 0;
};

}  // namespace

std::shared_ptr<PaymentStore> make_memory_store(MemoryStoreOptions options) {
  return std::make_shared<MemoryStore>(options.clock ? std::move(options.clock) : system_clock());
}

}  // namespace paygw
