// SPDX-License-Identifier: MIT
// paygw — lazy, bounded, cancellable iteration over a paged read (ADR 0055).
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/clock.hpp>
#include <paygw/result.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace paygw {

/// Bounds of one iteration over a paged read (Pages). Whatever the server answers, an iteration
/// fetches at most max_pages pages and stops once max_items items were received: the next step
/// then returns a kMalformed error saying which bound stopped it (a server that always says "there
/// is more" never makes the caller loop forever).
struct PagingLimits {
  std::int64_t max_pages = 1'000;      ///< Pages fetched at most (> 0).
  std::int64_t max_items = 1'000'000;  ///< Items received at most before the iteration stops (> 0).
  /// Measures the iteration's deadline (CallOptions::total_timeout); null: paygw::system_clock().
  std::shared_ptr<Clock> clock{};
};

namespace detail {

inline std::optional<std::int64_t> paging_value(std::int64_t v) { return v; }
inline std::optional<std::int64_t> paging_value(const std::optional<std::int64_t>& v) { return v; }
// A result's plain integer total is 0 when the provider leaves it out: unknown, not "none".
inline std::optional<std::int64_t> paging_total(std::int64_t v) {
  return v == 0 ? std::nullopt : std::optional<std::int64_t>(v);
}
inline std::optional<std::int64_t> paging_total(const std::optional<std::int64_t>& v) { return v; }

// Whether a page's items compare with == (asked of the element type: std::vector's operator== is
// declared for every element type, so asking the vector would not tell).
template <typename Page, typename = void>
struct PageItemsComparable : std::false_type {};
template <typename Page>
struct PageItemsComparable<
    Page, std::void_t<decltype(std::declval<const typename decltype(std::declval<Page&>().items)::value_type&>() ==
                               std::declval<const typename decltype(std::declval<Page&>().items)::value_type&>())>>
    : std::true_type {};

template <typename Page, typename = void>
struct PageHasJson : std::false_type {};
template <typename Page>
struct PageHasJson<Page, std::enable_if_t<std::is_same_v<decltype(std::declval<const Page&>().json), std::string>>>
    : std::true_type {};

}  // namespace detail

/// Paging by offset: the request's `skip_count` (items to skip) and `max_result_count` (page
/// size), the result's `total_count` (rows file form `skip_count/max_result_count in the request,
/// totalCount in the result`; Tingee's get-paging reads).
struct OffsetPaging {
  /// Items before the page `request` asks for.
  template <typename Req>
  static std::int64_t offset(const Req& request) {
    return detail::paging_value(request.skip_count).value_or(0);
  }
  /// The page size asked for, when the request says.
  template <typename Req>
  static std::optional<std::int64_t> page_size(const Req& request) {
    return detail::paging_value(request.max_result_count);
  }
  /// Moves `request` to the page after one that held `received` items.
  template <typename Req>
  static void advance(Req& request, std::int64_t received) {
    request.skip_count = offset(request) + received;
  }
  /// The number of items in all pages, when the result says.
  template <typename Page>
  static std::optional<std::int64_t> total(const Page& page) {
    return detail::paging_total(page.total_count);
  }
};

/// Paging by page number: the request's 1-based `page` and `limit` (page size), the result's
/// `total` (rows file form `page/page_size (limit) in the query, total in the result`; TConnect's
/// transaction reads).
struct PageNumberPaging {
  /// Items before the page `request` asks for.
  template <typename Req>
  static std::int64_t offset(const Req& request) {
    return request.page > 1 ? (request.page - 1) * request.limit : 0;
  }
  /// The page size asked for.
  template <typename Req>
  static std::optional<std::int64_t> page_size(const Req& request) {
    return request.limit;
  }
  /// Moves `request` to the next page.
  template <typename Req>
  static void advance(Req& request, std::int64_t /*received*/) {
    request.page = request.page < 1 ? 2 : request.page + 1;
  }
  /// The number of items in all pages, when the result says.
  template <typename Page>
  static std::optional<std::int64_t> total(const Page& page) {
    return detail::paging_total(page.total);
  }
};

/// A lazy iterator over the pages of a paged read: each next() sends one request (the first asks
/// for the page the caller's request names) and returns that page or its error, as a value.
/// Clients make them: `auto pages = client.get_va_paging_pages(request, {token, 30s});`
///
///     while (auto page = pages.next()) {
///       if (!*page) return (*page).error();       // the iteration ends with its error
///       for (const auto& va : (*page)->items) use(va);
///     }
///
/// The iteration ends (next() returns nullopt) after an empty page, a page shorter than the size
/// asked for, the page that reaches the result's total, or after an error was returned. The
/// CallOptions given to the iteration hold for the whole of it: its cancel flag stops it (the next
/// step returns kCancelled without sending), and its total_timeout is the time the whole iteration
/// may take (each page's call gets what is left; none left: kTimeout, nothing sent); zero: each page
/// call gets the client's own budget. A server that answers an impossible total (negative, or fewer
/// than the items already received) or the same page twice in a row (detected when the page keeps
/// its body, `json`, or its items compare equal), or more pages/items than PagingLimits allow, ends
/// the iteration with a kMalformed error.
///
/// Thread safety: one iterator is used by one thread at a time; distinct iterators are independent.
template <typename Req, typename Page, typename Scheme>
class Pages {
 public:
  /// Fetches one page: the blocking client method of the paged read.
  using Fetch = std::function<Result<Page>(const Req&, const CallOptions&)>;

  /// An iteration starting at the page `first` asks for; nothing is sent until next().
  Pages(Req first, Fetch fetch, CallOptions options = {}, PagingLimits limits = {})
      : request_(std::move(first)), fetch_(std::move(fetch)), options_(std::move(options)), limits_(std::move(limits)) {
    if (!limits_.clock) limits_.clock = system_clock();
    started_ = limits_.clock->now();
  }

  /// The next page, its error (after which the iteration is over), or nullopt when the iteration
  /// is over. Blocks for one call at most.
  std::optional<Result<Page>> next() {
    if (done_) return std::nullopt;
    if (auto stop = check_before()) return finish(std::move(*stop));
    CallOptions page_options = options_;
    if (options_.total_timeout.count() > 0) {
      const auto used = std::chrono::duration_cast<std::chrono::milliseconds>(limits_.clock->now() - started_);
      page_options.total_timeout = options_.total_timeout - used;
      if (page_options.total_timeout.count() <= 0) {
        return finish(make_error(ErrorCode::kTimeout, "paging: the iteration's total_timeout of " +
                                                          std::to_string(options_.total_timeout.count()) +
                                                          " ms passed before page " + std::to_string(pages_ + 1) +
                                                          " was asked for; not sent"));
      }
    }
    Result<Page> page = fetch_(request_, page_options);
    ++pages_;
    if (!page) return finish(std::move(page));
    if (auto bad = check_page(*page)) return finish(std::move(*bad));
    return std::optional<Result<Page>>(std::move(page));
  }

  /// Whether next() will return nullopt.
  bool done() const noexcept { return done_; }
  /// Pages received so far.
  std::int64_t pages() const noexcept { return pages_; }
  /// Items received so far.
  std::int64_t items() const noexcept { return items_; }
  /// The request the next step sends.
  const Req& request() const noexcept { return request_; }

 private:
  std::optional<Result<Page>> finish(Result<Page> last) {
    done_ = true;
    return std::optional<Result<Page>>(std::move(last));
  }

  std::optional<Error> check_before() const {
    if (options_.cancel && options_.cancel->cancelled()) {
      return make_error(ErrorCode::kCancelled,
                        "paging: cancelled after " + std::to_string(pages_) + " page(s); page not sent");
    }
    if (pages_ >= limits_.max_pages) {
      return make_error(ErrorCode::kMalformed, "paging: stopped after max_pages (" + std::to_string(limits_.max_pages) +
                                                   ") pages; the server still says there is more");
    }
    if (items_ >= limits_.max_items) {
      return make_error(ErrorCode::kMalformed, "paging: stopped after max_items (" + std::to_string(limits_.max_items) +
                                                   ") items; the server still says there is more");
    }
    return std::nullopt;
  }

  // Checks a page against what came before; decides whether it is the last; moves the request on.
  std::optional<Error> check_page(const Page& page) {
    const auto received = static_cast<std::int64_t>(page.items.size());
    const std::int64_t before = Scheme::offset(request_);
    const auto total = Scheme::total(page);
    if (total && (*total < 0 || *total < before + received)) {
      return make_error(ErrorCode::kMalformed,
                        "paging: impossible total " + std::to_string(*total) + " with " +
                            std::to_string(before + received) + " items up to this page",
                        Delivery::kMaybeSent);
    }
    if (received > 0 && same_as_last(page)) {
      return make_error(ErrorCode::kMalformed, "paging: page " + std::to_string(pages_) + " repeats the page before it",
                        Delivery::kMaybeSent);
    }
    items_ += received;
    const auto size = Scheme::page_size(request_);
    if (received == 0 || (total && before + received >= *total) || (size && received < *size)) done_ = true;
    Scheme::advance(request_, received);
    return std::nullopt;
  }

  bool same_as_last(const Page& page) {
    if constexpr (detail::PageHasJson<Page>::value) {
      const bool same = last_json_ && *last_json_ == page.json;
      last_json_ = page.json;
      return same;
    } else if constexpr (detail::PageItemsComparable<Page>::value) {
      const bool same = last_items_ && *last_items_ == page.items;
      last_items_ = page.items;
      return same;
    } else {
      return false;
    }
  }

  using Items = decltype(std::declval<Page&>().items);

  Req request_;
  Fetch fetch_;
  CallOptions options_;
  PagingLimits limits_;
  std::chrono::system_clock::time_point started_{};
  std::int64_t pages_ = 0;
  std::int64_t items_ = 0;
  bool done_ = false;
  std::optional<std::string> last_json_;
  std::optional<Items> last_items_;
};

}  // namespace paygw
