// SPDX-License-Identifier: MIT
// Integration: every world of the sandbox stays within --max-objects (it is a tool merchants leave
// running in CI). Per provider, a sandbox with a cap of 5 is filled; the next create is refused in
// that provider's own shape (a refusal paygw does not retry), what exists still reads and works,
// and GET /_sandbox/objects shows no structure past the cap. Caches (TConnect tokens, the event
// log) drop their oldest instead, and a client whose token was dropped logs in again. The HTTP
// server's own bounds: a head of too many header lines is a 400, and connections past the waiting
// queue are closed at once.
#include "sandbox_fixture.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace paygw::it {
namespace {

using Json = nlohmann::json;

constexpr int kCap = 5;

Sandbox capped() { return Sandbox({"--max-objects", std::to_string(kCap), "--charging-delay-ms", "100"}); }

// What GET /_sandbox/objects counts, by name (-1 when absent).
long long count_of(const std::string& url, const std::string& name) {
  const Json objects = sandbox_get("/_sandbox/objects", url);
  if (!objects.is_object() || !objects.contains("objects") || !objects["objects"].contains(name)) return -1;
  return objects["objects"][name].get<long long>();
}

// No counted structure and not the event log holds more than the cap.
void expect_nothing_past_the_cap(const std::string& url) {
  const Json objects = sandbox_get("/_sandbox/objects", url);
  ASSERT_TRUE(objects.is_object()) << objects.dump();
  EXPECT_EQ(objects["max_objects"], kCap);
  EXPECT_LE(objects["events"].get<long long>(), kCap);
  for (const auto& [name, count] : objects["objects"].items()) EXPECT_LE(count.get<long long>(), kCap) << name;
  const Json events = sandbox_get("/_sandbox/events", url);
  ASSERT_TRUE(events.is_array());
  EXPECT_LE(events.size(), static_cast<std::size_t>(kCap));
}

std::pair<int, std::string> post_json(const std::string& url, const std::string& path, const Json& body) {
  httplib::Client http(url);
  http.set_read_timeout(10);
  auto r = http.Post(path, body.dump(), "application/json");
  return r ? std::make_pair(r->status, r->body) : std::make_pair(0, std::string());
}

void expect_sbx_full(const Error& e) {
  EXPECT_EQ(e.code, ErrorCode::kProvider) << describe(e);
  EXPECT_EQ(e.provider_code, "SBX-FULL") << describe(e);
}

tingee::GenerateDynamicQrRequest bill_request(int i) {
  tingee::GenerateDynamicQrRequest r;
  r.va_account_number = "V1T123456789";
  r.bank_bin = "970418";
  r.amount = 10000 + i;
  r.purpose = "CAP " + std::to_string(i);
  r.expire_in_minute = 15;
  return r;
}

TEST(SandboxBounds, TingeeBillsTransactionsDeepLinksAndSessionsStopAtTheCap) {
  Sandbox s = capped();
  ASSERT_FALSE(s.url().empty()) << s.output();
  auto c = tingee_client(10s, kTingeeSecret, s.url());

  // QR bills: five, then SBX-FULL; the first still answers its status.
  std::vector<tingee::DynamicQrBill> bills;
  for (int i = 0; i < kCap; ++i) {
    auto bill = c.generate_dynamic_qr(bill_request(i));
    ASSERT_OK(bill);
    bills.push_back(*bill);
  }
  auto refused = c.generate_dynamic_qr(bill_request(kCap));
  ASSERT_FALSE(refused.ok());
  expect_sbx_full(refused.error());
  EXPECT_EQ(count_of(s.url(), "tingee.bills"), kCap);
  auto status = c.get_dynamic_qr_status({bills[0].qr_account, bills[0].bill_id, std::nullopt});
  ASSERT_OK(status);
  EXPECT_EQ(status->bill.bill_id, bills[0].bill_id);

  // Payments (the sandbox's admin call): each is a listed transaction; the sixth is a 400 and
  // changes nothing (the bill it names is not paid).
  const std::string hook = receiver().url(unique_path("bounds/tingee"));
  for (int i = 0; i < kCap; ++i) {
    const auto paid =
        post_json(s.url(), "/_sandbox/tingee/payments", Json{{"billId", bills[i].bill_id}, {"url", hook}});
    ASSERT_EQ(paid.first, 200) << paid.second;
  }
  const auto over = post_json(s.url(), "/_sandbox/tingee/payments",
                              Json{{"amount", 1000}, {"vaAccountNumber", "V1T123456789"}, {"url", hook}});
  EXPECT_EQ(over.first, 400) << over.second;
  EXPECT_NE(over.second.find("--max-objects"), std::string::npos) << over.second;
  EXPECT_EQ(count_of(s.url(), "tingee.transactions"), kCap);
  tingee::GetTransactionPagingRequest page_request;
  page_request.start_time = tingee::format_transaction_time(std::chrono::system_clock::now() - std::chrono::hours(1));
  page_request.end_time = tingee::format_transaction_time(std::chrono::system_clock::now() + std::chrono::hours(1));
  auto page = c.get_transaction_paging(page_request);
  ASSERT_OK(page);
  EXPECT_EQ(page->total_count, kCap);

  // Deep links: five bill numbers, then SBX-FULL; a repeated bill number is still 1030.
  auto qr = c.generate_viet_qr([] {
    tingee::GenerateVietQrRequest r;
    r.bank_bin = "970418";
    r.account_number = "2101234567";
    r.amount = 180000;
    return r;
  }());
  ASSERT_OK(qr);
  tingee::GenerateDeepLinkRequest link;
  link.type = "payment";
  link.qr_code = qr->qr_code;
  link.bank_bin = "970418";
  link.destination_bank_bin = "970418";
  link.account_name = "NGUYEN VAN A";
  link.account_number = "2101234567";
  link.amount = 180000;
  for (int i = 0; i <= kCap; ++i) {
    link.bill_number = "CAP-BILL-" + std::to_string(i);
    auto made = c.generate_deep_link(link);
    if (i < kCap) {
      ASSERT_OK(made);
    } else {
      ASSERT_FALSE(made.ok());
      expect_sbx_full(made.error());
    }
  }
  link.bill_number = "CAP-BILL-0";
  auto again = c.generate_deep_link(link);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().provider_code, "1030") << describe(again.error());
  EXPECT_EQ(count_of(s.url(), "tingee.deep_links"), kCap);

  // Bank-link sessions: five, then SBX-FULL; the first one's page still opens.
  tingee::CreateBankLinkSessionRequest session_request;
  session_request.redirect_url = "https://shop.example.vn/bank-link/done";
  std::string first_url;
  for (int i = 0; i <= kCap; ++i) {
    auto session = c.create_bank_link_session(session_request);
    if (i < kCap) {
      ASSERT_OK(session);
      if (first_url.empty()) first_url = session->url;
    } else {
      ASSERT_FALSE(session.ok());
      expect_sbx_full(session.error());
    }
  }
  EXPECT_EQ(count_of(s.url(), "tingee.bank_link_sessions"), kCap);
  const auto at = first_url.find("/_sandbox/tingee/bank-link?");
  ASSERT_NE(at, std::string::npos) << first_url;
  EXPECT_EQ(sandbox_get(first_url.substr(at), s.url()).value("status", ""), "pending");

  // Merchants: their own cap (200) follows a smaller --max-objects: 1099 after five.
  for (int i = 0; i <= kCap; ++i) {
    tingee::MerchantCreateRequest m;
    m.name = "Cap merchant " + std::to_string(i);
    m.phone_number = "0901234567";
    m.email = "owner" + std::to_string(i) + "@" + unique_id() + ".example.vn";
    m.business_sector_ids = {3};
    m.password = Secret("it-merchant-password");
    auto made = c.merchant_create(m);
    if (i < kCap) {
      ASSERT_OK(made);
    } else {
      ASSERT_FALSE(made.ok());
      EXPECT_EQ(made.error().provider_code, "1099") << describe(made.error());
    }
  }
  EXPECT_EQ(count_of(s.url(), "tingee.merchants"), kCap);

  // Reads go on, nothing grew, and the event log kept only its newest entries.
  ASSERT_OK(c.get_dynamic_qr_status({bills[4].qr_account, bills[4].bill_id, std::nullopt}));
  expect_nothing_past_the_cap(s.url());
}

TEST(SandboxBounds, TconnectPushesStopAtTheCapAndTokensDropTheOldest) {
  Sandbox s = capped();
  ASSERT_FALSE(s.url().empty()) << s.output();
  // The first client's token is the oldest once more clients log in: it is dropped, and the
  // client's next read meets 401, logs in again and is resent (the simulation stays correct).
  auto first = tconnect_client(10s, kPassword, s.url());
  ASSERT_OK(first.authenticate());
  for (int i = 0; i < kCap + 2; ++i) ASSERT_OK(tconnect_client(10s, kPassword, s.url()).authenticate());
  EXPECT_EQ(count_of(s.url(), "tconnect.access_tokens"), kCap);
  EXPECT_EQ(count_of(s.url(), "tconnect.refresh_tokens"), kCap);
  ASSERT_OK(first.get_qr_transactions(tconnect_today()));

  // Pushes: each is a pending transaction; the sixth is 422 in TConnect's shape, not sent again.
  for (int i = 0; i < kCap; ++i) {
    ASSERT_OK(first.push_payment(tconnect::PosPush{"POS-0001", "CAP-ORDER-" + std::to_string(i), 150000}));
  }
  auto refused = first.push_payment(tconnect::PosPush{"POS-0001", "CAP-ORDER-X", 150000});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kHttpStatus) << describe(refused.error());
  EXPECT_EQ(refused.error().http_status, 422) << describe(refused.error());
  EXPECT_NE(refused.error().message.find("--max-objects"), std::string::npos) << describe(refused.error());
  EXPECT_EQ(count_of(s.url(), "tconnect.transactions"), kCap);

  // Paying a pushed order makes no new transaction: it is still paid; a new order is a 400.
  const std::string hook = receiver().url(unique_path("bounds/tconnect"));
  const auto paid = post_json(s.url(), "/_sandbox/tconnect/payments", Json{{"order_id", "CAP-ORDER-0"}, {"url", hook}});
  EXPECT_EQ(paid.first, 200) << paid.second;
  const auto over = post_json(s.url(), "/_sandbox/tconnect/payments",
                              Json{{"order_id", "CAP-ORDER-NEW"}, {"amount", 1000}, {"url", hook}});
  EXPECT_EQ(over.first, 400) << over.second;
  auto listed = first.get_qr_transactions(tconnect_today());
  ASSERT_OK(listed);
  EXPECT_EQ(listed->total, kCap);
  int successes = 0;
  for (const auto& t : listed->items) successes += t.status == "SUCCESS" ? 1 : 0;
  EXPECT_EQ(successes, 1);
  expect_nothing_past_the_cap(s.url());
}

charging::CardRequest card(int i, char last_digit) {
  return {"VIETTEL", "3128214458" + std::to_string(100 + i) + last_digit, "59" + std::to_string(100000 + i), 50000,
          "cap-" + unique_id() + "-" + std::to_string(i)};
}

TEST(SandboxBounds, ChargingCardsStopAtTheCap) {
  Sandbox s = capped();
  ASSERT_FALSE(s.url().empty()) << s.output();
  auto c = charging_client(10s, kChargingKey, s.url());
  std::vector<charging::CardRequest> cards;
  for (int i = 0; i < kCap; ++i) {
    cards.push_back(card(i, i == 0 ? '5' : '1'));  // the first is pending, settled after 100 ms
    auto r = c.submit(cards.back());
    ASSERT_OK(r);
  }
  // The sixth: status 102 and the sandbox's message, a final refusal (never credited).
  auto refused = c.submit(card(kCap, '1'));
  ASSERT_OK(refused);
  EXPECT_EQ(refused->status, charging::Status::kSubmitFailed);
  EXPECT_EQ(refused->message, "SANDBOX_FULL");
  EXPECT_FALSE(refused->credits());
  EXPECT_EQ(count_of(s.url(), "charging.cards"), kCap);
  // Existing cards still answer: a resubmission is a duplicate, a check finds the card, and the
  // pending one settles.
  auto duplicate = c.submit(cards[1]);
  ASSERT_OK(duplicate);
  EXPECT_EQ(duplicate->status, charging::Status::kDuplicateRequest);
  charging::ChargeResult last;
  for (int i = 0; i < 100; ++i) {
    auto checked = c.check(cards[0]);
    ASSERT_OK(checked);
    last = *checked;
    if (last.is_final()) break;
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(last.status, charging::Status::kSuccess);
  expect_nothing_past_the_cap(s.url());
}

// httplib bounds each header line (8 KiB), not how many there are: the sandbox answers a head of
// more than 100 header lines with 400, and serves one of 50.
TEST(SandboxBounds, ARequestWithTooManyHeadersIsA400) {
  httplib::Client http(sandbox().url());
  http.set_read_timeout(10);
  httplib::Headers many;
  for (int i = 0; i < 50; ++i) many.emplace("x-filler-" + std::to_string(i), "v");
  auto fine = http.Get("/_sandbox/clock", many);
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->status, 200);
  for (int i = 50; i < 300; ++i) many.emplace("x-filler-" + std::to_string(i), "v");
  auto refused = http.Get("/_sandbox/clock", many);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  // The sandbox still answers (a new connection).
  httplib::Client again(sandbox().url());
  auto after = again.Get("/_sandbox/clock");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

int connect_to(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Connections that send nothing hold the 256 threads (an idle one waits --keep-alive-s) and fill
// the 1024 places of the queue; those past it are closed at once, unread, instead of waiting.
TEST(SandboxBounds, ConnectionsPastTheQueueAreClosedAtOnce) {
  Sandbox s({"--keep-alive-s", "30"});
  ASSERT_FALSE(s.url().empty()) << s.output();
  const int port = std::stoi(s.url().substr(s.url().rfind(':') + 1));
  constexpr int kHeld = 256 + 1024, kExtra = 64;
  std::vector<int> fds;
  for (int i = 0; i < kHeld + kExtra; ++i) {
    const int fd = connect_to(port);
    ASSERT_GE(fd, 0) << i;
    fds.push_back(fd);
  }
  // Within 10 s, some of the last connections are closed by the sandbox (recv: 0 or an error).
  int closed = 0;
  const auto until = std::chrono::steady_clock::now() + 10s;
  std::vector<bool> seen(kExtra, false);
  while (closed == 0 && std::chrono::steady_clock::now() < until) {
    for (int i = 0; i < kExtra; ++i) {
      if (seen[i]) continue;
      pollfd p{fds[kHeld + i], POLLIN, 0};
      if (poll(&p, 1, 0) <= 0) continue;
      char byte = 0;
      if (recv(fds[kHeld + i], &byte, 1, MSG_DONTWAIT) <= 0) {
        seen[i] = true;
        ++closed;
      }
    }
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_GT(closed, 0) << "no connection past the queue was closed: they all wait";
  for (int fd : fds) close(fd);
  // Once the held ones are gone, it answers again.
  httplib::Client http(s.url());
  http.set_read_timeout(10);
  bool answered = false;
  for (int i = 0; i < 100 && !answered; ++i) {
    auto r = http.Get("/_sandbox/clock");
    answered = r && r->status == 200;
    if (!answered) std::this_thread::sleep_for(100ms);
  }
  EXPECT_TRUE(answered);
}

}  // namespace
}  // namespace paygw::it
