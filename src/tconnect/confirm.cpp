// SPDX-License-Identifier: MIT
// confirm_ipn: look an IPN's transaction up through TConnect's own answer before it is credited
// (docs/adr/0022-tconnect-ipn-confirmation.md, 0036): the order status for an IPN naming an order,
// else (or when that finds nothing) the transaction list. One state machine for the blocking and
// async forms: each query continues the next from its completion.
#include "tconnect/connection.hpp"

#include "base/civil_time.hpp"
#include "http/util.hpp"

#include <cstdio>

namespace paygw::tconnect::detail {
namespace {

constexpr std::int64_t kPageSize = 100;
constexpr std::int64_t kMaxPages = 10;
// Around the IPN's own date: a payment is listed at the time it is notified, so an hour either side
// covers clock differences while 10 pages of 100 still hold a merchant's 500 payments an hour.
constexpr std::int64_t kAroundDateSeconds = 3600;
// Without a date (the reconciler, or an IPN without one): the last day.
constexpr std::int64_t kLastDaySeconds = std::int64_t{24} * 3600;
constexpr std::int64_t kVietnamOffsetSeconds = std::int64_t{7} * 3600;

// "YYYY-MM-DD HH:MM:SS" in Vietnam time for seconds since the epoch.
std::string vietnam_time(std::int64_t epoch_seconds) {
  const std::int64_t local = epoch_seconds + kVietnamOffsetSeconds;
  std::int64_t days = local / 86400;
  std::int64_t rest = local % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const auto date = paygw::detail::civil_from_days(days);
  char text[32];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u %02lld:%02lld:%02lld", static_cast<long long>(date.year),
                date.month, date.day, static_cast<long long>(rest / 3600), static_cast<long long>(rest / 60 % 60),
                static_cast<long long>(rest % 60));
  return text;
}

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (paygw::detail::ascii_lower(a[i]) != paygw::detail::ascii_lower(b[i])) return false;
  }
  return true;
}

bool contains_word(std::string text, std::string_view word) {
  for (char& c : text) c = paygw::detail::ascii_lower(c);
  return text.find(word) != std::string::npos;
}

// Whether `t` is the IPN's transaction, as TConnect itself reports it: an IPN's bits can be
// edited (no MAC), so what it claims counts only where the answer says the same. An IPN naming an
// order matches only a transaction naming that order (one without order_id proves nothing about
// the order: not matched, fail closed); request_ids must be equal when both have one; and at least
// one identifier is compared.
bool same_transaction(const IpnNotification& ipn, const Transaction& t) {
  if (!ipn.order_id.empty() && t.order_id != ipn.order_id) return false;
  const bool request_ids = !ipn.request_id.empty() && !t.request_id.empty();
  if (request_ids && ipn.request_id != t.request_id) return false;
  return request_ids || !ipn.order_id.empty();
}

}  // namespace

struct RealConnection::Confirm : std::enable_shared_from_this<Confirm> {
  std::shared_ptr<RealConnection> connection;  // async: kept alive until done
  RealConnection* self = nullptr;
  IpnNotification ipn;
  CallOptions options;
  Mode mode = Mode::kBlocking;
  const Endpoint<TransactionQuery, TransactionPage>* endpoint = &kQrTransactions;
  TransactionQuery query;
  std::optional<IpnConfirmation> seen;  // the best non-confirming match so far
  std::function<void(Result<IpnConfirmation>)> done;
  std::chrono::system_clock::time_point now;

  // An IPN naming an order: first what TConnect lists under that order (ADR 0036).
  void begin() {
    if (ipn.order_id.empty()) return start();
    const OrderStatusRequest request{ipn.order_id, ipn.acc_no, {}};
    self->run(kOrderStatus, request, options, mode,
              [me = shared_from_this()](Result<OrderStatus> status) { me->on_status(std::move(status)); });
  }

  void on_status(Result<OrderStatus> status) {
    if (!status) {
      // 404: this TConnect has no such endpoint (or no such order): the list may still show it.
      if (status.error().http_status == 404) return start();
      return done(std::move(status).error());
    }
    for (auto& t : status->transactions) {
      if (t.order_id.empty()) t.order_id = ipn.order_id;  // listed under the order asked for
      if (consider(t)) return done(IpnConfirmation{IpnCheck::kConfirmed, t});
    }
    if (seen) return done(*seen);  // the order's own transactions answer it
    start();
  }

  // Whether `t` confirms the IPN; otherwise remembers the best non-confirming match.
  bool consider(const Transaction& t) {
    if (!same_transaction(ipn, t)) return false;
    if (!iequal(t.status, "SUCCESS")) {
      if (!seen) seen = IpnConfirmation{IpnCheck::kNotSuccessful, t};
      return false;
    }
    if (t.amount && *t.amount == ipn.amount) return true;
    seen = IpnConfirmation{IpnCheck::kAmountMismatch, t};
    return false;
  }

  void start() {
    if (contains_word(ipn.payment_type, "card")) endpoint = &kCardTransactions;
    if (contains_word(ipn.payment_type, "cash")) endpoint = &kCashTransactions;
    std::int64_t when = ipn.original_transaction_date;
    if (when > 100'000'000'000) when /= 1000;  // milliseconds
    const std::int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const std::int64_t from = when > 0 ? when - kAroundDateSeconds : now_s - kLastDaySeconds;
    const std::int64_t to = when > 0 ? when + kAroundDateSeconds : now_s;
    query.from_date = vietnam_time(from);
    query.to_date = vietnam_time(to);
    query.limit = kPageSize;
    query.page = 1;
    next();
  }

  void next() {
    self->run(*endpoint, query, options, mode,
              [me = shared_from_this()](Result<TransactionPage> page) { me->on_page(std::move(page)); });
  }

  void on_page(Result<TransactionPage> page) {
    if (!page) return done(std::move(page).error());
    for (const auto& t : page->items) {
      if (consider(t)) return done(IpnConfirmation{IpnCheck::kConfirmed, t});
    }
    const bool last = static_cast<std::int64_t>(page->items.size()) < query.limit || query.page >= kMaxPages ||
                      (page->total && query.page * query.limit >= *page->total);
    if (last) return done(seen.value_or(IpnConfirmation{}));
    ++query.page;
    next();
  }
};

void RealConnection::confirm(const IpnNotification& ipn, const CallOptions& o, Mode mode,
                             std::function<void(Result<IpnConfirmation>)> done) {
  if (ipn.order_id.empty() && ipn.request_id.empty()) {
    return done(make_error(ErrorCode::kInvalidArgument, "the IPN has neither order_id nor request_id"));
  }
  auto run = std::make_shared<Confirm>();
  if (mode == Mode::kAsync) run->connection = shared_from_this();
  run->self = this;
  run->ipn = ipn;
  run->options = o;
  run->mode = mode;
  run->done = std::move(done);
  run->now = protocol_->config().clock->now();
  run->begin();
}

Result<IpnConfirmation> RealConnection::confirm_ipn(const IpnNotification& ipn, const CallOptions& options) {
  std::optional<Result<IpnConfirmation>> out;
  confirm(ipn, options, Mode::kBlocking, [&out](Result<IpnConfirmation> r) { out.emplace(std::move(r)); });
  return std::move(*out);
}

void RealConnection::confirm_ipn_async(const IpnNotification& ipn, Completion<IpnConfirmation> done,
                                       const CallOptions& options) {
  // `this` outlives the run: Confirm holds the connection in Mode::kAsync.
  confirm(ipn, options, Mode::kAsync, [this, done = std::move(done)](Result<IpnConfirmation> r) {
    paygw::detail::complete(pipeline_, done, std::move(r));
  });
}

std::future<Result<IpnConfirmation>> RealConnection::confirm_ipn_async(const IpnNotification& ipn,
                                                                       const CallOptions& options) {
  auto promise = std::make_shared<std::promise<Result<IpnConfirmation>>>();
  auto future = promise->get_future();
  confirm_ipn_async(
      ipn, [promise](Result<IpnConfirmation> r) { promise->set_value(std::move(r)); }, options);
  return future;
}

}  // namespace paygw::tconnect::detail
