// SPDX-License-Identifier: MIT
// paygw::Pages (ADR 0055): lazy, bounded, cancellable iteration over a paged read — over a scripted
// fetch, and through a generated `<method>_pages` accessor on a real client with a test transport.
#include "support.hpp"

#include <paygw/paging.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tingee/client.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace paygw {
namespace {

using namespace std::chrono_literals;

struct OffsetRequest {
  std::int64_t skip_count = 0;
  std::optional<std::int64_t> max_result_count = 3;
};
struct OffsetPage {
  std::optional<std::int64_t> total_count;
  std::vector<int> items;  // comparable: a repeated page is detected
};
using OffsetPages = Pages<OffsetRequest, OffsetPage, OffsetPaging>;

struct NumberRequest {
  std::int64_t page = 1;
  std::int64_t limit = 2;
};
struct NumberPage {
  std::vector<std::string> items;
  std::optional<std::int64_t> total;
  std::string json;  // the body: a repeated page is detected by it
};
using NumberPages = Pages<NumberRequest, NumberPage, PageNumberPaging>;

// A server of `size` items 0..size-1 (unknown size: never ends), which records what it was asked.
struct Server {
  std::optional<std::int64_t> size;
  bool tell_total = true;
  std::vector<OffsetRequest> asked;
  std::vector<CallOptions> options;
  Result<OffsetPage> operator()(const OffsetRequest& r, const CallOptions& o) {
    asked.push_back(r);
    options.push_back(o);
    OffsetPage page;
    if (tell_total) page.total_count = size;
    for (std::int64_t i = r.skip_count; i < r.skip_count + r.max_result_count.value_or(10); ++i) {
      if (size && i >= *size) break;
      page.items.push_back(static_cast<int>(i));
    }
    return page;
  }
};

TEST(Paging, PagesAreFetchedLazilyAndTheLastOneEndsTheIteration) {
  auto server = std::make_shared<Server>();
  server->size = 7;
  OffsetPages pages({}, [server](const OffsetRequest& r, const CallOptions& o) { return (*server)(r, o); });
  EXPECT_TRUE(server->asked.empty()) << "nothing is sent before next()";
  std::vector<int> all;
  int steps = 0;
  while (auto page = pages.next()) {
    ++steps;
    ASSERT_TRUE(*page) << describe(page->error());
    EXPECT_EQ(server->asked.size(), static_cast<std::size_t>(steps)) << "one request per step";
    for (int v : (*page)->items) all.push_back(v);
  }
  EXPECT_EQ(all, (std::vector<int>{0, 1, 2, 3, 4, 5, 6}));
  ASSERT_EQ(server->asked.size(), 3u) << "the third page reaches totalCount";
  EXPECT_EQ(server->asked[1].skip_count, 3);
  EXPECT_EQ(server->asked[2].skip_count, 6);
  EXPECT_TRUE(pages.done());
  EXPECT_FALSE(pages.next()) << "over is over";
  EXPECT_EQ(server->asked.size(), 3u);
}

TEST(Paging, WithoutATotalAShortPageEndsTheIteration) {
  auto server = std::make_shared<Server>();
  server->size = 6;
  server->tell_total = false;
  OffsetPages pages({}, [server](const OffsetRequest& r, const CallOptions& o) { return (*server)(r, o); });
  int steps = 0;
  while (auto page = pages.next()) {
    ASSERT_TRUE(*page);
    ++steps;
  }
  EXPECT_EQ(steps, 3) << "3 + 3 + an empty page";
  EXPECT_EQ(pages.items(), 6);
}

TEST(Paging, AServerThatAlwaysSaysNextPageIsStoppedByTheBounds) {
  auto server = std::make_shared<Server>();  // no size, no total: every page is full
  PagingLimits limits;
  limits.max_pages = 50;
  OffsetPages pages(
      {}, [server](const OffsetRequest& r, const CallOptions& o) { return (*server)(r, o); }, {}, limits);
  int ok = 0;
  std::optional<Error> last;
  for (int guard = 0; guard < 10'000; ++guard) {
    auto page = pages.next();
    if (!page) break;
    if (!*page) {
      last = page->error();
      continue;
    }
    ++ok;
  }
  EXPECT_EQ(ok, 50);
  EXPECT_EQ(server->asked.size(), 50u);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->code, ErrorCode::kMalformed);
  EXPECT_NE(last->message.find("max_pages"), std::string::npos) << last->message;

  auto items = std::make_shared<Server>();
  PagingLimits few;
  few.max_items = 7;
  OffsetPages by_items(
      {}, [items](const OffsetRequest& r, const CallOptions& o) { return (*items)(r, o); }, {}, few);
  std::optional<Error> stop;
  while (auto page = by_items.next()) {
    if (!*page) stop = page->error();
  }
  ASSERT_TRUE(stop);
  EXPECT_NE(stop->message.find("max_items"), std::string::npos) << stop->message;
  EXPECT_EQ(items->asked.size(), 3u) << "3 + 3 + 3 >= 7: no fourth request";
}

TEST(Paging, ARepeatedPageOrAnImpossibleTotalEndsWithAnError) {
  int calls = 0;
  OffsetPages repeat({}, [&calls](const OffsetRequest&, const CallOptions&) -> Result<OffsetPage> {
    ++calls;
    return OffsetPage{std::nullopt, {1, 2, 3}};  // whatever skip_count says
  });
  ASSERT_TRUE(*repeat.next());
  auto second = repeat.next();
  ASSERT_TRUE(second && !*second);
  EXPECT_EQ(second->error().code, ErrorCode::kMalformed);
  EXPECT_NE(second->error().message.find("repeats"), std::string::npos);
  EXPECT_FALSE(repeat.next());
  EXPECT_EQ(calls, 2);

  NumberPages body_repeat({}, [](const NumberRequest&, const CallOptions&) -> Result<NumberPage> {
    return NumberPage{{"a", "b"}, std::nullopt, R"({"items":["a","b"]})"};
  });
  ASSERT_TRUE(*body_repeat.next());
  auto again = body_repeat.next();
  ASSERT_TRUE(again && !*again);
  EXPECT_NE(again->error().message.find("repeats"), std::string::npos);

  for (std::int64_t total : {-1, 2}) {  // negative; fewer than the 3 items of the first page
    OffsetPages bad({}, [total](const OffsetRequest&, const CallOptions&) -> Result<OffsetPage> {
      return OffsetPage{total, {1, 2, 3}};
    });
    auto page = bad.next();
    ASSERT_TRUE(page && !*page) << total;
    EXPECT_EQ(page->error().code, ErrorCode::kMalformed);
    EXPECT_NE(page->error().message.find("impossible total"), std::string::npos);
    EXPECT_FALSE(bad.next());
  }
}

TEST(Paging, PageNumbersAdvanceAndTheTotalEndsTheIteration) {
  std::vector<std::int64_t> asked;
  NumberPages pages({}, [&asked](const NumberRequest& r, const CallOptions&) -> Result<NumberPage> {
    asked.push_back(r.page);
    NumberPage p;
    p.total = 5;
    for (std::int64_t i = (r.page - 1) * r.limit; i < std::min<std::int64_t>(5, r.page * r.limit); ++i) {
      p.items.push_back(std::to_string(i));
    }
    p.json = "page " + std::to_string(r.page);
    return p;
  });
  while (auto page = pages.next()) ASSERT_TRUE(*page);
  EXPECT_EQ(asked, (std::vector<std::int64_t>{1, 2, 3}));
}

TEST(Paging, AnErrorIsReturnedAsAValueAndEndsTheIteration) {
  int calls = 0;
  OffsetPages pages({}, [&calls](const OffsetRequest&, const CallOptions&) -> Result<OffsetPage> {
    if (++calls == 2) return make_error(ErrorCode::kNetwork, "reset", Delivery::kMaybeSent);
    return OffsetPage{std::nullopt, {calls, calls, calls}};
  });
  ASSERT_TRUE(*pages.next());
  auto failed = pages.next();
  ASSERT_TRUE(failed && !*failed);
  EXPECT_EQ(failed->error().code, ErrorCode::kNetwork);
  EXPECT_FALSE(pages.next());
  EXPECT_EQ(calls, 2);
}

TEST(Paging, CancelMidIterationStopsBeforeTheNextRequest) {
  CancelToken token;
  auto server = std::make_shared<Server>();  // never ends
  CallOptions options;
  options.cancel = token;
  OffsetPages pages(
      {}, [server](const OffsetRequest& r, const CallOptions& o) { return (*server)(r, o); }, options);
  ASSERT_TRUE(*pages.next());
  ASSERT_TRUE(*pages.next());
  ASSERT_TRUE(server->options.back().cancel) << "each page call carries the iteration's cancel flag";
  token.cancel();
  EXPECT_TRUE(server->options.back().cancel->cancelled());
  auto stopped = pages.next();
  ASSERT_TRUE(stopped && !*stopped);
  EXPECT_EQ(stopped->error().code, ErrorCode::kCancelled);
  EXPECT_EQ(stopped->error().delivery, Delivery::kNotSent);
  EXPECT_FALSE(pages.next());
  EXPECT_EQ(server->asked.size(), 2u) << "nothing sent after the cancel";
}

TEST(Paging, TheDeadlineHoldsForTheWholeIteration) {
  auto clock = std::make_shared<FixedClock>(test::spec_time());
  auto server = std::make_shared<Server>();  // never ends
  CallOptions options;
  options.total_timeout = 10s;
  PagingLimits limits;
  limits.clock = clock;
  OffsetPages pages(
      {},
      [server, clock](const OffsetRequest& r, const CallOptions& o) {
        clock->advance(4s);  // each page takes 4 s
        return (*server)(r, o);
      },
      options, limits);
  ASSERT_TRUE(*pages.next());
  ASSERT_TRUE(*pages.next());
  ASSERT_TRUE(*pages.next());
  ASSERT_EQ(server->options.size(), 3u);
  EXPECT_EQ(server->options[0].total_timeout, 10s);
  EXPECT_EQ(server->options[1].total_timeout, 6s) << "each page gets what is left of the iteration's budget";
  EXPECT_EQ(server->options[2].total_timeout, 2s);
  auto late = pages.next();
  ASSERT_TRUE(late && !*late);
  EXPECT_EQ(late->error().code, ErrorCode::kTimeout);
  EXPECT_EQ(late->error().delivery, Delivery::kNotSent);
  EXPECT_EQ(server->asked.size(), 3u);
}

// A transport answering Tingee's get-va-paging from a list of 5 VAs, whatever the skip/size asked.
class VaServer final : public http::Transport {
 public:
  Result<http::Response> send(const http::Request& request) override {
    std::lock_guard<std::mutex> lock(mu_);
    bodies.push_back(request.body);
    const auto skip = number_after(request.body, "\"skipCount\":");
    const auto size = number_after(request.body, "\"maxResultCount\":");
    std::string items;
    for (std::int64_t i = skip; i < std::min<std::int64_t>(5, skip + size); ++i) {
      if (!items.empty()) items += ",";
      items += R"({"accountNumber":"VA)" + std::to_string(i) + R"("})";
    }
    http::Response r;
    r.status = 200;
    r.headers = {{"content-type", "application/json"}};
    r.body = R"({"code":"00","message":"Success","data":{"totalCount":5,"items":[)" + items + "]}}";
    return r;
  }
  std::vector<std::string> bodies;

 private:
  static std::int64_t number_after(const std::string& body, const std::string& key) {
    const auto at = body.find(key);
    return at == std::string::npos ? -1 : std::stoll(body.substr(at + key.size()));
  }
  std::mutex mu_;
};

TEST(Paging, TheGeneratedAccessorPagesATingeeRead) {
  auto server = std::make_shared<VaServer>();
  auto client = test::tingee_client(server);
  tingee::GetVaPagingRequest request;
  request.max_result_count = 2;
  auto pages = client.get_va_paging_pages(request);
  std::vector<std::string> accounts;
  while (auto page = pages.next()) {
    ASSERT_TRUE(*page) << describe(page->error());
    for (const auto& va : (*page)->items) accounts.push_back(va.account_number);
  }
  EXPECT_EQ(accounts, (std::vector<std::string>{"VA0", "VA1", "VA2", "VA3", "VA4"}));
  ASSERT_EQ(server->bodies.size(), 3u);
  EXPECT_NE(server->bodies[2].find("\"skipCount\":4"), std::string::npos) << server->bodies[2];
}

}  // namespace
}  // namespace paygw
