// SPDX-License-Identifier: MIT
// The fixture replay and recording transports themselves.
#include <paygw/testing/recording_transport.hpp>
#include <paygw/testing/replay_transport.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using namespace paygw;
using paygw::testing::ReplayTransport;

const char* kFixture = R"({"exchanges":[
  {"request":{"method":"POST","path":"/v1/x","headers":{"content-type":"application/json","x-signature":"<redacted>"},
              "json":{"a":1,"b":"two","c":"<redacted>"}},
   "response":{"status":200,"headers":{"content-type":"application/json"},"json":{"ok":true}}},
  {"request":{"method":"GET","path":"/v1/y?z=1"},
   "response":{"status":404,"body":"not here"}}]})";

http::Request post(std::string body,
                   http::Headers headers = {{"Content-Type", "application/json"}, {"x-signature", "abc"}}) {
  return http::Request{http::Method::kPost, "https://host.example/v1/x", std::move(headers), std::move(body), {}, {}};
}

std::shared_ptr<ReplayTransport> load() {
  auto r = ReplayTransport::from_json(kFixture, "inline");
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return *r;
}

TEST(Replay, MatchesAndReplays) {
  auto replay = load();
  auto a = replay->send(post(R"({"a":1,"b":"two","c":"anything"})"));
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->status, 200);
  EXPECT_EQ(a->body, R"({"ok":true})");
  auto b = replay->send(http::Request{http::Method::kGet, "http://h/v1/y?z=1", {}, "", {}, {}});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->status, 404);
  EXPECT_EQ(b->body, "not here");
  EXPECT_EQ(replay->report(), "");
}

TEST(Replay, ReadableDiffs) {
  struct Case {
    http::Request request;
    const char* expected_fragment;
  };
  const Case cases[] = {
      {post(R"({"b":"two","a":1,"c":"x"})"), "body: expected member 'a' here, got 'b'"},
      {post(R"({"a":2,"b":"two","c":"x"})"), "body.a: expected 1, got 2"},
      {post(R"({"a":1.0,"b":"two","c":"x"})"), "body.a: expected 1, got 1.0"},
      {post(R"({"a":1,"b":"two"})"), "body: missing member 'c'"},
      {post(R"({"a":1,"b":"two","c":"x","d":0})"), "body: unexpected member 'd'"},
      {post(R"({"a": 1,"b":"two","c":"x"})"), "body is not compact JSON"},
      {post("nope"), "body is not JSON"},
      {post(R"({"a":1,"b":"two","c":"x"})", {{"x-signature", "abc"}}), "missing header content-type"},
      {http::Request{http::Method::kPut, "https://h/v1/x", {}, "", {}, {}}, "no fixture for PUT /v1/x"},
  };
  for (const auto& c : cases) {
    auto replay = load();
    auto r = replay->send(c.request);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInternal);
    ASSERT_EQ(replay->failures().size(), 1u);
    EXPECT_NE(replay->failures()[0].find(c.expected_fragment), std::string::npos) << replay->failures()[0];
    EXPECT_NE(replay->report().find("unused fixture: POST /v1/x"), std::string::npos);
  }
}

TEST(Replay, RequestCheckRuns) {
  auto replay = load();
  replay->set_request_check([](const http::Request& r, const std::string&) {
    return *http::find_header(r.headers, "x-signature") == "good" ? std::string() : std::string("bad signature");
  });
  EXPECT_FALSE(replay->send(post(R"({"a":1,"b":"two","c":"x"})")).ok());
  EXPECT_NE(replay->failures()[0].find("bad signature"), std::string::npos);
  EXPECT_TRUE(
      replay
          ->send(post(R"({"a":1,"b":"two","c":"x"})", {{"content-type", "application/json"}, {"x-signature", "good"}}))
          .ok());
}

TEST(Replay, BadFixturesAreConfigErrors) {
  for (const char* text :
       {"{", R"({"request":{"method":"FETCH","path":"/"},"response":{"status":200}})",
        R"({"request":{"method":"GET","path":"x"},"response":{"status":200}})",
        R"({"request":{"method":"GET","path":"/"}})",
        R"({"request":{"method":"GET","path":"/"},"response":{"status":42}})",
        R"({"request":{"method":"GET","path":"/"},"transport_error":{"code":"nope","delivery":"not_sent"}})"}) {
    auto r = ReplayTransport::from_json(text, "inline");
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().code, ErrorCode::kConfig);
  }
  EXPECT_FALSE(ReplayTransport::from_files({"/nonexistent/fixture.json"}).ok());
}

// An inner transport that answers like a provider, including a token that must be redacted.
class FakeProvider final : public http::Transport {
 public:
  Result<http::Response> send(const http::Request& request) override {
    if (request.url.find("/fail") != std::string::npos) {
      return make_error(ErrorCode::kTimeout, "late", Delivery::kMaybeSent);
    }
    return http::Response{200,
                          {{"Content-Type", "application/json"}, {"Set-Cookie", "s=1"}},
                          R"({"code":"00","data":{"accessToken":"tok-SECRET","n":1}})"};
  }
};

TEST(Recording, WritesRedactedFixturesThatReplay) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("paygw-rec-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(dir);
  paygw::testing::RecordingTransport rec(std::make_shared<FakeProvider>(), dir.string());
  http::Request req{
      http::Method::kPost,
      "https://h/v1/login",
      {{"Content-Type", "application/json"}, {"x-signature", "sig-SECRET"}, {"x-client-id", "cid-SECRET"}},
      R"({"username":"u","password":"pw-SECRET"})",
      {},
      {}};
  ASSERT_TRUE(rec.send(req).ok());
  ASSERT_FALSE(rec.send(http::Request{http::Method::kGet, "https://h/v1/fail", {}, "", {}, {}}).ok());
  ASSERT_TRUE(rec.failures().empty());
  ASSERT_EQ(rec.written().size(), 2u);
  EXPECT_NE(rec.written()[0].find("001-POST-v1-login.json"), std::string::npos);

  std::string text;
  for (const auto& path : rec.written()) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    text += ss.str();
  }
  EXPECT_EQ(text.find("SECRET"), std::string::npos) << text;
  EXPECT_NE(text.find("<redacted>"), std::string::npos);

  // The recorded files replay the same exchanges.
  auto replay = ReplayTransport::from_files(rec.written());
  ASSERT_TRUE(replay.ok()) << replay.error().message;
  auto again = (*replay)->send(req);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->status, 200);
  auto fail = (*replay)->send(http::Request{http::Method::kGet, "https://h/v1/fail", {}, "", {}, {}});
  ASSERT_FALSE(fail.ok());
  EXPECT_EQ(fail.error().code, ErrorCode::kTimeout);
  EXPECT_TRUE(fail.error().maybe_sent());
  EXPECT_EQ((*replay)->report(), "");
  std::filesystem::remove_all(dir);
}

TEST(Replay, RedactedFormAndQueryValuesMatchAnyValue) {
  auto replay = ReplayTransport::from_json(
      R"({"exchanges":[{"request":{"method":"GET","path":"/c?telco=VT&code=<redacted>&sign=<redacted>"},
                        "response":{"status":200}}]})",
      "inline");
  ASSERT_TRUE(replay.ok());
  auto get = [&](const std::string& query) {
    return (*replay)->send(http::Request{http::Method::kGet, "https://h/c?" + query, {}, "", {}, {}});
  };
  for (const char* wrong : {"telco=VN&code=1&sign=2", "telco=VT&code=1", "telco=VT&code=1&sign=2&x=3",
                            "code=1&telco=VT&sign=2", "telco=VT&code=1&sig=2", "telco=VT&code&sign=2"}) {
    EXPECT_FALSE(get(wrong).ok()) << wrong;
  }
  EXPECT_TRUE(get("telco=VT&code=1234&sign=abcdef").ok());

  auto body = ReplayTransport::from_json(
      R"({"request":{"method":"POST","path":"/c","body":"a=1&code=<redacted>&serial=<redacted>"},
          "response":{"status":200}})",
      "inline");
  ASSERT_TRUE(body.ok());
  auto post_form = [&](std::string b) {
    return (*body)->send(http::Request{http::Method::kPost, "https://h/c", {}, std::move(b), {}, {}});
  };
  EXPECT_FALSE(post_form("a=2&code=1&serial=2").ok());
  EXPECT_FALSE(post_form("a=1&code=1").ok());
  EXPECT_NE((*body)->failures().back().find("body differs"), std::string::npos);
  EXPECT_TRUE(post_form("a=1&code=9%2B9&serial=").ok());
}

// A recorder over FakeProvider; returns the text of the one fixture `request` produced.
std::string record_one(const http::Request& request, paygw::testing::Redaction redaction = {}) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("paygw-rec1-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(dir);
  paygw::testing::RecordingTransport rec(std::make_shared<FakeProvider>(), dir.string(), std::move(redaction));
  (void)rec.send(request);
  std::string text;
  if (!rec.written().empty()) {
    std::ifstream in(rec.written()[0]);
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  std::filesystem::remove_all(dir);
  return text;
}

TEST(Recording, SecretsAreRedactedInFormsQueriesAndJsonButOnlyThere) {
  auto post = [](std::string body) {
    return http::Request{
        http::Method::kPost, "https://h/v1/c?Sign=SECRET1&page=2&code=kept-1", {}, std::move(body), {}, {}};
  };
  const std::string form = record_one(post("CODE=SECRET2&Serial=SECRET3&note=a%26b&password=SECRET4&x"));
  EXPECT_EQ(form.find("SECRET"), std::string::npos) << form;
  EXPECT_NE(form.find("?Sign=<redacted>&page=2&code=kept-1"), std::string::npos) << form;  // no serial beside it
  EXPECT_NE(form.find("CODE=<redacted>&Serial=<redacted>&note=a%26b&password=<redacted>&x"), std::string::npos);

  const std::string nested = record_one(
      post(R"({"code":"00","card":{"code":"SECRET5","serial":"SECRET6"},"list":[{"callback_sign":"SECRET7"}]})"));
  EXPECT_EQ(nested.find("SECRET"), std::string::npos) << nested;
  EXPECT_NE(nested.find(R"("code": "00")"), std::string::npos) << nested;

  const std::string envelope = record_one(post(R"({"data":"SECRET8"})"));
  EXPECT_EQ(envelope.find("SECRET8"), std::string::npos) << envelope;
  paygw::testing::Redaction keep_envelopes;
  keep_envelopes.encrypted_envelopes = false;
  EXPECT_NE(record_one(post(R"({"data":"SECRET8"})"), keep_envelopes).find("SECRET8"), std::string::npos);
  // A "data" member that is not the one-member envelope stays (Tingee's data objects, reset's string).
  EXPECT_NE(record_one(post(R"({"code":"00","data":"reset-ok"})")).find("reset-ok"), std::string::npos);
  // Plain text that is no form passes through.
  EXPECT_NE(record_one(post("just text, no secrets")).find("just text, no secrets"), std::string::npos);
}

}  // namespace
