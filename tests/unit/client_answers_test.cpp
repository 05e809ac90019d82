// SPDX-License-Identifier: MIT
// What an answer means for a call (issue 21, items 3 and 4), through the real libcurl transport
// against the FaultServer, for every call of the client table (tests/support/client_calls.hpp),
// blocking and async:
//   - a Retry-After longer than max_retry_after or than the time left ends a read at once with
//     that 429/503 (one request), whatever its form: 7+ digits, above the cap, an HTTP-date;
//   - a write answered 3xx, 401 or 403 may have been processed: kMaybeSent, one request, and
//     outcome_unknown(); a provider's own refusal (Tingee's code at HTTP 400) is not unknown.
// And the table of outcome_unknown() itself (docs/architecture.md).
#include <paygw/paygw.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "../support/client_calls.hpp"
#include "fault_server.hpp"

namespace {

using namespace paygw;
using namespace std::chrono_literals;
using calls::Call;
using calls::Outcome;
using test::Fault;
using test::FaultServer;
using test::ReceivedRequest;

const std::string kLogin = "/openapi/v1/auth/login";

std::string body_for(const ReceivedRequest& r) {
  return r.path() == kLogin ? std::string(R"({"access_token":"token-1","expires_in":3600})")
                            : std::string(R"({"ok":true})");
}

// The client table's clients (fixed clock, no sleeping) with `retry`.
calls::Clients clients(const FaultServer& server, const std::shared_ptr<http::Transport>& transport,
                       const RetryPolicy& retry) {
  const std::string url = server.url("");
  auto t = calls::tingee_config(url, transport);
  auto c = calls::tconnect_config(url, transport);
  auto form = calls::charging_config(url, transport, charging::Encoding::kForm);
  auto json = calls::charging_config(url, transport, charging::Encoding::kJson);
  auto query = calls::charging_config(url, transport, charging::Encoding::kQuery);
  t.retry = c.retry = form.retry = json.retry = query.retry = retry;
  return calls::Clients{*tingee::Client::create(t), *tconnect::Client::create(c), *charging::Client::create(form),
                        *charging::Client::create(json), *charging::Client::create(query)};
}

// The server answers the setup (TConnect's login, unless the login is the call under test) and
// gives every other request the raw `answer`.
struct Rig {
  Rig(const Call& op, std::string answer, const RetryPolicy& retry = {})
      : server(
            [&op](const ReceivedRequest& r) {
              return r.path() == kLogin && op.path != kLogin ? Fault::kAnswer : Fault::kRaw;
            },
            body_for) {
    server.set_raw_responder([answer = std::move(answer)](const ReceivedRequest&) { return answer; });
    transport = *http::make_curl_transport();
    c = std::make_unique<calls::Clients>(clients(server, transport, retry));
  }
  FaultServer server;
  std::shared_ptr<http::Transport> transport;
  std::unique_ptr<calls::Clients> c;
};

std::string answer(int status, const std::string& reason, const std::string& headers, const std::string& body = "") {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n" + headers +
         "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// `t` as an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT").
std::string imf_fixdate(std::chrono::system_clock::time_point t) {
  const std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

// Defect 3: before, `Retry-After: 86400000` (7+ digits) was ignored — three requests within a
// second — and a value above max_retry_after was shortened to it and waited out.
TEST(RetryAfter, LongerThanTheCapOrTheTimeLeftEndsTheReadAtOnce) {
  RetryPolicy retry;
  retry.max_retry_after = 1s;  // the budget stays 60 s
  const std::string tomorrow = imf_fixdate(calls::fixed_time() + 24h);
  const std::vector<std::pair<int, std::string>> cases = {
      {503, "86400000"}, {429, "86400000"}, {503, "99999999999999999999"}, {503, "2"}, {429, tomorrow},
  };
  std::size_t runs = 0;
  for (const auto& [status, value] : cases) {
    for (const Call& op : calls::calls()) {
      if (op.write) continue;  // a write is never resent after an answer
      for (bool async : {false, true}) {
        SCOPED_TRACE(std::string(op.name) + (async ? " (async)" : "") + ": " + std::to_string(status) +
                     " Retry-After: " + value);
        Rig rig(op, answer(status, "Busy", "Retry-After: " + value + "\r\n"), retry);
        const Outcome o = op.call(*rig.c, async);
        ++runs;
        ASSERT_FALSE(o.ok);
        EXPECT_EQ(o.error.http_status, status) << o.text();
        EXPECT_EQ(o.error.attempts, 1) << o.text();
        EXPECT_EQ(rig.server.receipts_for_path(op.path), 1) << "the server asked for a longer pause than allowed";
      }
    }
  }
  EXPECT_GT(runs, 0u);
}

TEST(RetryAfter, AnHttpDateInThePastOrWithinTheCapIsWaitedAndRetried) {
  RetryPolicy retry;
  retry.max_retry_after = 5s;
  for (const std::string& value :
       {std::string("Sun, 06 Nov 1994 08:49:37 GMT"), imf_fixdate(calls::fixed_time() + 2s),
        std::string("Sunday, 06-Nov-94 08:49:37 GMT"), std::string("Sun Nov  6 08:49:37 1994"), std::string("soon")}) {
    for (const Call& op : calls::calls()) {
      if (op.write || std::string(op.name) != "tingee.get_device_paging") continue;
      SCOPED_TRACE(value);
      Rig rig(op, answer(503, "Busy", "Retry-After: " + value + "\r\n"), retry);
      const Outcome o = op.call(*rig.c, false);
      ASSERT_FALSE(o.ok);
      EXPECT_EQ(o.error.attempts, RetryPolicy{}.max_attempts) << o.text();
      EXPECT_EQ(rig.server.receipts_for_path(op.path), RetryPolicy{}.max_attempts);
    }
  }
}

// Defect 4: a write answered 3xx or 401 said "refused, no effect" (outcome_unknown() false).
TEST(WriteAnswers, RedirectsAndAuthRefusalsLeaveTheOutcomeUnknown) {
  const std::vector<std::pair<int, std::string>> answers = {
      {301, "Location: /elsewhere\r\n"},
      {302, "Location: /elsewhere\r\n"},
      {303, "Location: /receipt/1\r\n"},
      {307, "Location: /elsewhere\r\n"},
      {308, "Location: /elsewhere\r\n"},
      {401, "WWW-Authenticate: Bearer\r\n"},
      {403, ""},
  };
  std::size_t runs = 0;
  for (const auto& [status, headers] : answers) {
    for (const Call& op : calls::calls()) {
      if (!op.write) continue;
      for (bool async : {false, true}) {
        SCOPED_TRACE(std::string(op.name) + (async ? " (async)" : "") + ": HTTP " + std::to_string(status));
        Rig rig(op, answer(status, "Answer", headers));
        const Outcome o = op.call(*rig.c, async);
        ++runs;
        ASSERT_FALSE(o.ok);
        EXPECT_EQ(o.error.http_status, status) << o.text();
        EXPECT_EQ(o.error.delivery, Delivery::kMaybeSent) << o.text();
        EXPECT_EQ(o.error.attempts, 1) << o.text();
        EXPECT_TRUE(o.error.outcome_unknown()) << o.text() << ": may have been processed; reconcile, never resend";
        EXPECT_EQ(rig.server.receipts_for_path(op.path), 1) << "a write is never resent after an answer";
      }
    }
  }
  EXPECT_GT(runs, 0u);
}

TEST(WriteAnswers, AProvidersOwnRefusalSaysNotApplied) {
  for (const Call& op : calls::calls()) {
    if (!op.write || std::string(op.name).rfind("tingee.", 0) != 0) continue;
    for (bool async : {false, true}) {
      SCOPED_TRACE(std::string(op.name) + (async ? " (async)" : ""));
      Rig rig(op, answer(400, "Bad Request", "", R"({"code":"1010","message":"invalid field"})"));
      const Outcome o = op.call(*rig.c, async);
      ASSERT_FALSE(o.ok);
      EXPECT_EQ(o.error.code, ErrorCode::kProvider) << o.text();
      EXPECT_EQ(o.error.provider_code, "1010");
      EXPECT_FALSE(o.error.outcome_unknown()) << o.text();
      EXPECT_EQ(rig.server.receipts_for_path(op.path), 1);
    }
  }
}

// The table of docs/architecture.md ("What an answer to a write proves"), status by status.
TEST(WriteAnswers, OutcomeUnknownFollowsTheTable) {
  auto e = [](ErrorCode code, int status, Delivery d = Delivery::kMaybeSent) {
    Error x = make_error(code, "m", d);
    x.http_status = status;
    return x;
  };
  for (int status : {400, 404, 405, 406, 410, 411, 413, 414, 415, 422, 431}) {
    EXPECT_FALSE(e(ErrorCode::kHttpStatus, status).outcome_unknown()) << status;
    EXPECT_FALSE(e(ErrorCode::kProvider, status).outcome_unknown()) << status;
  }
  for (int status : {100, 101, 300, 301, 302, 303, 304, 307, 308, 401, 402, 403, 407, 408, 409,
                     412, 418, 421, 423, 425, 428, 429, 451, 499, 500, 502, 503, 504, 599}) {
    const ErrorCode code = status == 401 || status == 403 ? ErrorCode::kAuth : ErrorCode::kHttpStatus;
    EXPECT_TRUE(e(code, status).outcome_unknown()) << status;
    EXPECT_TRUE(e(ErrorCode::kProvider, status).outcome_unknown()) << status << ": the status says more than the code";
  }
  EXPECT_FALSE(e(ErrorCode::kProvider, 200).outcome_unknown()) << "the provider's own refusal";
  EXPECT_TRUE(e(ErrorCode::kMalformed, 200).outcome_unknown());
  EXPECT_TRUE(e(ErrorCode::kDecrypt, 200).outcome_unknown());
  EXPECT_TRUE(e(ErrorCode::kMalformed, 400).outcome_unknown()) << "an unreadable answer tells nothing";
  EXPECT_TRUE(e(ErrorCode::kTimeout, 0).outcome_unknown());
  EXPECT_TRUE(e(ErrorCode::kCancelled, 0).outcome_unknown());
  EXPECT_FALSE(e(ErrorCode::kAuth, 401, Delivery::kNotSent).outcome_unknown()) << "nothing was sent";
  EXPECT_FALSE(e(ErrorCode::kInvalidSignature, 400, Delivery::kInbound).outcome_unknown());
}

}  // namespace
