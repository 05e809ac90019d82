// SPDX-License-Identifier: MIT
#include "tconnect/tokens.hpp"

#include "base/timer.hpp"
#include "http/util.hpp"
#include "tconnect/endpoints.hpp"

#include <algorithm>
#include <atomic>

namespace paygw::tconnect::detail {
namespace {

// Used when a token response has no expires_in: short enough to be safe, long enough not to
// log in on every call.
constexpr std::chrono::seconds kDefaultTokenLifetime{300};
// How often a blocking caller waiting for someone else's fetch looks at its cancel flag.
constexpr std::chrono::milliseconds kCancelPoll{50};
constexpr std::string_view kBearer = "Bearer ";

Error gave_up(const CallLimits& limits) {
  if (limits.cancelled()) return make_error(ErrorCode::kCancelled, "cancelled while waiting for a TConnect token");
  return make_error(ErrorCode::kTimeout, "total_timeout passed while waiting for a TConnect token");
}

}  // namespace

// An async caller waiting for the fetch; fired once, by the fetch or by its own limits.
struct TokenCache::Waiter {
  TokenDone done;
  std::atomic<bool> fired{false};
  void fire(Result<std::string> result) {
    if (fired.exchange(true)) return;
    done(std::move(result));
    done = nullptr;
  }
};

TokenCache::TokenCache(std::shared_ptr<const TconnectProtocol> protocol)
    : protocol_(std::move(protocol)),
      login_(static_cast<const ClientOptions&>(protocol_->config()), "tconnect"),
      clock_(protocol_->config().clock),
      skew_(protocol_->config().token_refresh_skew) {}

void TokenCache::apply(http::Request& attempt, const CallLimits& limits, Mode mode, paygw::detail::StepDone done) {
  get(mode, limits, [&attempt, done = std::move(done)](Result<std::string> token) {
    if (!token) {
      Error e = std::move(token).error();
      e.delivery = Delivery::kNotSent;  // about the token request, not this call: this call was not sent
      e.attempts = 0;
      return done(std::move(e));
    }
    attempt.headers.emplace_back("Authorization", std::string(kBearer) + *token);
    done({});
  });
}

bool TokenCache::reauthenticate(const http::Request& rejected) {
  const std::string* auth = http::find_header(rejected.headers, "Authorization");
  if (auth != nullptr && auth->rfind(kBearer, 0) == 0) invalidate(auth->substr(kBearer.size()));
  return true;
}

void TokenCache::log(LogLevel level, std::string_view line) const { login_.log(level, line); }

// A login (or refresh) through the cache's own pipeline: a read with the client's retries, within
// `options`: a blocking caller's own limits when it runs the login inline, else the client's own
// budget (an async login shared by every call waiting for it, so no single caller's cancel flag
// ends it). See start_fetch and ADR 0034.
void TokenCache::fetch(const std::string& refresh_token, Mode mode, const CallOptions& options, TokensDone done) {
  auto finished = [this, login = refresh_token.empty(), done = std::move(done)](Result<detail::Tokens> tokens) {
    if (!tokens) {
      Error e = std::move(tokens).error();
      if (e.http_status >= 400 && e.http_status < 500) e.code = ErrorCode::kAuth;  // credentials refused
      return done(std::move(e));
    }
    if (login) log(LogLevel::kInfo, "tconnect: logged in");
    done(std::move(tokens));
  };
  // An async fetch keeps this cache alive until it ends; a blocking one ends before fetch returns.
  std::shared_ptr<const void> owner = mode == Mode::kAsync ? shared_from_this() : nullptr;
  const Config& c = protocol_->config();
  if (refresh_token.empty()) {
    return paygw::detail::run(std::move(owner), login_, *protocol_, kLogin,
                              detail::LoginRequest{c.username, c.password, c.client_id, c.client_secret}, options, mode,
                              std::move(finished));
  }
  paygw::detail::run(std::move(owner), login_, *protocol_, kRefresh, detail::RefreshRequest{refresh_token}, options,
                     mode, std::move(finished));
}

std::optional<std::string> TokenCache::cached_locked(std::chrono::system_clock::time_point now) const {
  if (!access_token_.empty() && now + skew_ < access_expiry_) return access_token_;
  return std::nullopt;
}

void TokenCache::get(Mode mode, const CallLimits& limits, TokenDone done) {
  std::unique_lock<std::mutex> lock(mu_);
  if (auto token = cached_locked(clock_->now())) {
    lock.unlock();
    return done(std::move(*token));
  }
  if (mode == Mode::kBlocking) {
    auto result = wait_blocking(lock, limits);
    lock.unlock();
    return done(std::move(result));
  }
  auto waiter = std::make_shared<Waiter>();
  waiter->done = std::move(done);
  waiters_.push_back(waiter);
  const bool start = !fetching_;
  fetching_ = true;
  lock.unlock();
  // Give up at the call's deadline or on cancel; a no-op when the token came first.
  const auto left = std::max(std::chrono::milliseconds(0), limits.remaining(clock_->now()));
  paygw::detail::run_after(left, limits.cancel, [waiter, limits] { waiter->fire(gave_up(limits)); });
  if (start) start_fetch(Mode::kAsync, nullptr, nullptr);
}

Result<std::string> TokenCache::wait_blocking(std::unique_lock<std::mutex>& lock, const CallLimits& limits) {
  for (;;) {
    if (auto token = cached_locked(clock_->now())) return std::move(*token);
    if (limits.cancelled() || limits.remaining(clock_->now()).count() <= 0) return gave_up(limits);
    if (!fetching_) {
      // Nobody is fetching: this caller does, inline, within its own limits.
      fetching_ = true;
      lock.unlock();
      Result<std::string> outcome = std::string();
      start_fetch(Mode::kBlocking, &limits, [&outcome](Result<std::string> r) { outcome = std::move(r); });
      lock.lock();
      return outcome;  // the login's own answer, or the error its caller's limits ended it with
    }
    const auto generation = generation_;
    while (generation_ == generation) {
      const auto left = limits.remaining(clock_->now());
      if (limits.cancelled() || left.count() <= 0) return gave_up(limits);
      fetched_.wait_for(lock, std::min(left, kCancelPoll));
    }
    if (!last_abandoned_) return last_;
    // The blocking caller that ran the fetch gave up at its own limit: take over if time is left.
  }
}

void TokenCache::start_fetch(Mode mode, const CallLimits* leader, OutcomeDone then) {
  std::string refresh;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const auto now = clock_->now();
    if (!refresh_token_.empty() && (!refresh_expiry_ || now + skew_ < *refresh_expiry_)) refresh = refresh_token_;
  }
  const bool bounded = leader != nullptr;
  // The fetch's own call options: a blocking leader's cancel flag and what is left of its budget
  // (never less than 1 ms: zero would mean the client's default), else the client's defaults.
  auto options = [this, leader] {
    CallOptions o;
    if (leader == nullptr) return o;
    o.cancel = leader->cancel;
    o.total_timeout = std::max(std::chrono::milliseconds(1), leader->remaining(clock_->now()));
    return o;
  };
  auto finish = [this, bounded, then = std::move(then)](Result<detail::Tokens> t) {
    auto outcome = publish(std::move(t), bounded);
    if (then) then(std::move(outcome));
  };
  if (refresh.empty()) return fetch({}, mode, options(), std::move(finish));
  fetch(refresh, mode, options(),
        [this, mode, leader, options, finish = std::move(finish)](Result<detail::Tokens> refreshed) mutable {
          if (refreshed) {
            log(LogLevel::kInfo, "tconnect: token refreshed");
            return finish(std::move(refreshed));
          }
          // The blocking caller's own limit ended the refresh: no verdict on the refresh token.
          if (leader != nullptr && (leader->cancelled() || leader->remaining(clock_->now()).count() <= 0)) {
            return finish(std::move(refreshed));
          }
          log(LogLevel::kWarn, "tconnect: refresh failed (" + describe(refreshed.error()) + "); logging in again");
          {
            std::lock_guard<std::mutex> lock(mu_);
            refresh_token_.clear();
          }
          fetch({}, mode, options(), std::move(finish));
        });
}

Result<std::string> TokenCache::publish(Result<detail::Tokens> tokens, bool bounded) {
  std::vector<std::shared_ptr<Waiter>> waiters;
  Result<std::string> outcome = std::string();
  bool restart = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (tokens) {
      const auto now = clock_->now();
      access_token_ = tokens->access_token;
      access_expiry_ = now + (tokens->expires_in && *tokens->expires_in > 0 ? std::chrono::seconds(*tokens->expires_in)
                                                                            : kDefaultTokenLifetime);
      if (!tokens->refresh_token.empty()) {
        refresh_token_ = tokens->refresh_token;
        refresh_expiry_.reset();
        if (tokens->refresh_expires_in && *tokens->refresh_expires_in > 0) {
          refresh_expiry_ = now + std::chrono::seconds(*tokens->refresh_expires_in);
        }
      }
      last_ = access_token_;
    } else {
      last_ = tokens.error();
    }
    // A fetch bounded by one blocking caller's limits that timed out or was cancelled says
    // nothing about the server: the others keep waiting, and a new fetch serves them.
    last_abandoned_ = bounded && !tokens &&
                      (tokens.error().code == ErrorCode::kTimeout || tokens.error().code == ErrorCode::kCancelled);
    outcome = last_;
    fetching_ = false;
    ++generation_;
    if (last_abandoned_) {
      waiters_.erase(std::remove_if(waiters_.begin(), waiters_.end(), [](const auto& w) { return w->fired.load(); }),
                     waiters_.end());
      restart = !waiters_.empty();
      fetching_ = restart;
    } else {
      waiters.swap(waiters_);
    }
  }
  fetched_.notify_all();
  for (auto& waiter : waiters) waiter->fire(outcome);
  if (restart) {
    log(LogLevel::kInfo, "tconnect: the caller running the login gave up; logging in again for the others");
    start_fetch(Mode::kAsync, nullptr, nullptr);
  }
  return outcome;
}

void TokenCache::invalidate(const std::string& rejected) {
  std::lock_guard<std::mutex> lock(mu_);
  if (access_token_ == rejected) access_token_.clear();
}

}  // namespace paygw::tconnect::detail
