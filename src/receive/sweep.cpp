// SPDX-License-Identifier: MIT
// The sweep: pages through Tingee's and TConnect's transaction lists over a window, applies the
// credits no webhook or IPN delivered under that webhook's or IPN's own event key, and hands back a
// cursor to resume from (docs/adr/0038-sweep.md).
#include <paygw/receive/sweep.hpp>

#include "base/civil_time.hpp"
#include "http/util.hpp"
#include "json/json.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <thread>
#include <utility>
#include <vector>

namespace paygw::receive {

namespace {

using namespace std::chrono_literals;
using Time = std::chrono::system_clock::time_point;

constexpr std::string_view kCursorTag = "sweep1";
constexpr std::int64_t kVietnamOffsetSeconds = std::int64_t{7} * 3600;
constexpr std::array<std::string_view, 5> kListNames = {"tingee", "tconnect-qr", "tconnect-card", "tconnect-cash",
                                                        "done"};

std::int64_t to_ms(Time t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

Time from_ms(std::int64_t ms) {
  return Time(std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::milliseconds(ms)));
}

Time whole_seconds(Time t) {
  return Time(std::chrono::duration_cast<std::chrono::system_clock::duration>(
      std::chrono::floor<std::chrono::seconds>(t.time_since_epoch())));
}

// "YYYY-MM-DD HH:MM:SS" in Vietnam time (TConnect's transaction-query format).
std::string vietnam_time(Time t) {
  const std::int64_t local =
      std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count() + kVietnamOffsetSeconds;
  std::int64_t days = local / 86400;
  std::int64_t rest = local % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const auto date = paygw::detail::civil_from_days(days);
  std::array<char, 48> text{};
  std::snprintf(text.data(), text.size(), "%04lld-%02u-%02u %02lld:%02lld:%02lld", static_cast<long long>(date.year),
                date.month, date.day, static_cast<long long>(rest / 3600), static_cast<long long>(rest / 60 % 60),
                static_cast<long long>(rest % 60));
  return text.data();
}

SweepList next_list(SweepList list) {
  switch (list) {
    case SweepList::kTingee: return SweepList::kTconnectQr;
    case SweepList::kTconnectQr: return SweepList::kTconnectCard;
    case SweepList::kTconnectCard: return SweepList::kTconnectCash;
    case SweepList::kTconnectCash:
    case SweepList::kDone: return SweepList::kDone;
  }
  return SweepList::kDone;
}

std::string_view payment_type_of(SweepList list) {
  if (list == SweepList::kTconnectCard) return "CARD";
  if (list == SweepList::kTconnectCash) return "CASH";
  return "QR";
}

bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
  const std::string lower = paygw::detail::ascii_lower_copy(text);
  return std::any_of(words.begin(), words.end(),
                     [&lower](std::string_view w) { return lower.find(w) != std::string::npos; });
}

// A TConnect item that says it takes money back: its status or a type-like field names a refund,
// a reversal, a void or a debit. TConnect documents no such field; these are the names seen in
// other gateways' lists (docs/adr/0038-sweep.md).
bool tconnect_takes_money_back(const tconnect::Transaction& t) {
  const std::initializer_list<std::string_view> words = {"refund", "revers", "void", "debit"};
  if (contains_any(t.status, words)) return true;
  auto item = paygw::detail::json::parse(t.json);
  if (!item || !item->is_object()) return false;
  for (const char* key : {"type", "transaction_type", "txn_type", "trans_type", "direction"}) {
    if (contains_any(paygw::detail::json::string_or_empty(*item, key), words)) return true;
  }
  const std::string dr_cr = paygw::detail::json::string_or_empty(*item, "dr_cr");
  return paygw::detail::iequals(dr_cr, "D") || paygw::detail::iequals(dr_cr, "DR");
}

Result<void> check_cursor(const SweepCursor& c) {
  const bool bad_list = static_cast<int>(c.list) < 0 || static_cast<int>(c.list) > static_cast<int>(SweepList::kDone);
  if (c.to < c.from || bad_list || c.page < 0 || (!c.done() && (c.slice_from < c.from || c.slice_from > c.to))) {
    return make_error(ErrorCode::kInvalidArgument, "sweep: the cursor's slice or page lies outside its window");
  }
  return {};
}

Result<void> check_options(const SweepOptions& o) {
  if (o.max_pages < 1) return make_error(ErrorCode::kInvalidArgument, "sweep: max_pages must be at least 1");
  if (o.page_size < 1 || o.page_size > 1000) {
    return make_error(ErrorCode::kInvalidArgument, "sweep: page_size must be 1..1000");
  }
  if (o.slice < 1h || o.slice > tingee::kMaxTransactionWindow) {
    return make_error(ErrorCode::kInvalidArgument, "sweep: slice must be 1 h .. 240 h");
  }
  if (o.pause < 0ms) return make_error(ErrorCode::kInvalidArgument, "sweep: pause must not be negative");
  return {};
}

// Whole digits only (no sign, no spaces), at most 18 of them.
std::optional<std::int64_t> whole(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

struct Run {
  const Applier& applier;
  const SweepSources& sources;
  const SweepOptions& options;
  SweepReport report;

  bool available(SweepList list) const {
    switch (list) {
      case SweepList::kTingee: return static_cast<bool>(sources.tingee);
      case SweepList::kTconnectQr: return static_cast<bool>(sources.tconnect);
      case SweepList::kTconnectCard: return sources.tconnect && options.tconnect_card;
      case SweepList::kTconnectCash: return sources.tconnect && options.tconnect_cash;
      case SweepList::kDone: return true;
    }
    return true;
  }

  void to_next_list() {
    SweepCursor& c = report.next;
    c.list = next_list(c.list);
    c.slice_from = c.from;
    c.page = 0;
  }

  void skip_unavailable() {
    while (!available(report.next.list)) to_next_list();
  }

  // Counts what applying one credit did. Returns false when the store or a handler failed.
  bool count(const Result<Applied>& applied) {
    if (!applied) {
      report.error = applied.error();
      report.note = "failed: " + describe(applied.error());
      return false;
    }
    switch (applied->outcome) {
      case Outcome::kApplied: ++report.applied; break;
      case Outcome::kDuplicate: ++report.duplicates; break;
      case Outcome::kIgnored: ++report.not_final; break;
      case Outcome::kConflict:
      case Outcome::kUnknownSubmission:
      case Outcome::kRejected: ++report.rejected; break;
    }
    report.note = std::string(to_string(applied->outcome)) + (applied->detail.empty() ? "" : ": " + applied->detail);
    return true;
  }

  // One page of Tingee's list. Returns whether it was the slice's last; nullopt on failure.
  std::optional<bool> tingee_page(Time slice_from, Time slice_to) {
    tingee::GetTransactionPagingRequest request = options.tingee_filter;
    request.bill_id.clear();
    request.start_time = tingee::format_transaction_time(slice_from);
    request.end_time = tingee::format_transaction_time(slice_to);
    request.max_result_count = options.page_size;
    request.skip_count = report.next.page * options.page_size;
    auto page = sources.tingee(request, options.call);
    if (!page) {
      report.error = page.error();
      report.note = "tingee query failed: " + describe(page.error());
      return std::nullopt;
    }
    report.listed += page->items.size();
    for (const tingee::Transaction& t : page->items) {
      if (!paygw::detail::iequals(t.type, "CREDIT")) {
        ++report.not_credits;
        applier.alert({Provider::kTingee, "not_credit", t.code,
                       "the sweep listed a transaction of type '" + t.type + "' (not CREDIT): not credited"});
        report.note = "not a credit: " + t.code;
        continue;
      }
      tingee::PaymentNotification p;
      p.transaction_code = t.code;  // the webhook's transactionCode for the same credit (ADR 0038)
      p.amount = t.amount;
      p.content = t.content;
      p.bank_bin = t.bank_bin;
      p.account_number = t.account_number;
      p.va_account_number = t.va_account_number;
      p.transaction_date = t.transaction_date;
      if (!t.bill_id.empty()) p.additional_data = {{"billId", t.bill_id}};
      if (p.transaction_code.empty()) {
        applier.alert({Provider::kTingee, "rejected", "", "the sweep listed a credit without a code"});
      }
      if (!count(applier.apply_tingee_payment(p, "sweep"))) return std::nullopt;
    }
    const auto seen = (report.next.page + 1) * options.page_size;
    return static_cast<std::int64_t>(page->items.size()) < options.page_size ||
           (page->total_count && seen >= *page->total_count);
  }

  // One page of one of TConnect's lists. As tingee_page.
  std::optional<bool> tconnect_page(Time slice_from, Time slice_to) {
    tconnect::TransactionQuery query;
    query.from_date = vietnam_time(slice_from);
    query.to_date = vietnam_time(slice_to);
    query.limit = options.page_size;
    query.page = report.next.page + 1;
    const SweepList list = report.next.list;
    auto page = sources.tconnect(list, query, options.call);
    if (!page) {
      report.error = page.error();
      report.note = std::string(to_string(list)) + " query failed: " + describe(page.error());
      return std::nullopt;
    }
    report.listed += page->items.size();
    for (const tconnect::Transaction& t : page->items) {
      const std::string& ref = !t.request_id.empty() ? t.request_id : t.trn_ref_no;
      if (tconnect_takes_money_back(t)) {
        ++report.not_credits;
        applier.alert({Provider::kTconnect, "not_credit", ref,
                       "the sweep listed a refund, reversal or debit (status '" + t.status + "'): not credited"});
        report.note = "not a credit: " + ref;
        continue;
      }
      if (!count(apply_swept_tconnect(applier, t, payment_type_of(list), "sweep"))) return std::nullopt;
    }
    return static_cast<std::int64_t>(page->items.size()) < query.limit ||
           (page->total && query.page * query.limit >= *page->total);
  }

  bool cancelled() const { return options.call.cancel && options.call.cancel->cancelled(); }

  bool wait(std::chrono::milliseconds d) const {
    if (options.wait) return options.wait(d);
    if (options.call.cancel) return options.call.cancel->wait_for(d);
    std::this_thread::sleep_for(d);
    return false;
  }

  void run() {
    SweepCursor& c = report.next;
    skip_unavailable();
    while (!c.done()) {
      if (cancelled()) {
        report.cancelled = true;
        break;
      }
      if (report.pages >= options.max_pages) break;
      if (report.pages > 0 && options.pause > 0ms && wait(options.pause)) {
        report.cancelled = true;
        break;
      }
      const Time slice_to = std::min(c.slice_from + options.slice, c.to);
      ++report.pages;
      const auto last =
          c.list == SweepList::kTingee ? tingee_page(c.slice_from, slice_to) : tconnect_page(c.slice_from, slice_to);
      if (!last) break;  // report.error says why; `next` is this page again
      if (!*last) {
        ++c.page;
      } else if (slice_to >= c.to) {
        to_next_list();
      } else {
        c.slice_from = slice_to;
        c.page = 0;
      }
      skip_unavailable();
      if (options.progress) options.progress(report);
    }
    // A run that stopped without a page it reported (nothing to read, a failure, a cancellation).
    if (options.progress && (report.pages == 0 || report.error || report.cancelled)) options.progress(report);
  }
};

}  // namespace

std::string_view to_string(SweepList list) noexcept {
  const auto i = static_cast<std::size_t>(list);
  return i < kListNames.size() ? kListNames[i] : std::string_view("unknown");
}

Result<SweepCursor> sweep_window(Time from, Time to) {
  SweepCursor c;
  c.from = whole_seconds(from);
  c.to = whole_seconds(to);
  c.slice_from = c.from;
  if (c.to < c.from) return make_error(ErrorCode::kInvalidArgument, "sweep: the window ends before it starts");
  return c;
}

std::string to_string(const SweepCursor& c) {
  return std::string(kCursorTag) + " " + std::to_string(to_ms(c.from)) + " " + std::to_string(to_ms(c.to)) + " " +
         std::string(to_string(c.list)) + " " + std::to_string(to_ms(c.slice_from)) + " " + std::to_string(c.page);
}

Result<SweepCursor> parse_sweep_cursor(std::string_view text) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    const auto space = text.find(' ');
    parts.push_back(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  auto bad = [] { return make_error(ErrorCode::kInvalidArgument, "sweep: not a sweep cursor (sweep1 ...)"); };
  if (parts.size() != 6 || parts[0] != kCursorTag) return bad();
  const auto from = whole(parts[1]), to = whole(parts[2]), slice = whole(parts[4]), page = whole(parts[5]);
  const auto name = std::find(kListNames.begin(), kListNames.end(), parts[3]);
  if (!from || !to || !slice || !page || name == kListNames.end()) return bad();
  SweepCursor c;
  c.from = from_ms(*from);
  c.to = from_ms(*to);
  c.list = static_cast<SweepList>(name - kListNames.begin());
  c.slice_from = from_ms(*slice);
  c.page = *page;
  if (auto ok = check_cursor(c); !ok) return ok.error();
  return c;
}

ListTingeeTransactions sweep_list_with(const tingee::Client& client) {
  return [client](const tingee::GetTransactionPagingRequest& request, const CallOptions& options) {
    return client.get_transaction_paging(request, options);
  };
}

ListTconnectTransactions sweep_list_with(const tconnect::Client& client) {
  return [client](SweepList list, const tconnect::TransactionQuery& query,
                  const CallOptions& options) -> Result<tconnect::TransactionPage> {
    switch (list) {
      case SweepList::kTconnectQr: return client.get_qr_transactions(query, options);
      case SweepList::kTconnectCard: return client.get_card_transactions(query, options);
      case SweepList::kTconnectCash: return client.get_cash_transactions(query, options);
      case SweepList::kTingee:
      case SweepList::kDone: break;
    }
    return make_error(ErrorCode::kInvalidArgument, "sweep: not a TConnect list");
  };
}

Result<SweepReport> sweep(const Applier& applier, const SweepSources& sources, const SweepCursor& cursor,
                          const SweepOptions& options) {
  if (auto ok = check_cursor(cursor); !ok) return ok.error();
  if (auto ok = check_options(options); !ok) return ok.error();
  Run run{applier, sources, options, {}};
  run.report.next = cursor;
  run.run();
  return std::move(run.report);
}

std::string sweep_line(const SweepReport& r) {
  std::string line = "sweep: " + std::to_string(r.pages) + " pages, " + std::to_string(r.listed) + " listed, " +
                     std::to_string(r.applied) + " applied, " + std::to_string(r.duplicates) + " duplicates, " +
                     std::to_string(r.not_credits) + " not credits, " + std::to_string(r.not_final) + " not final, " +
                     std::to_string(r.rejected) + " rejected — ";
  if (r.next.done()) {
    line += "window done";
  } else {
    line += "next " + std::string(to_string(r.next.list)) + " page " + std::to_string(r.next.page);
  }
  if (r.cancelled) line += " (cancelled)";
  if (r.error) line += " (stopped: " + describe(*r.error) + ")";
  return line;
}

}  // namespace paygw::receive
