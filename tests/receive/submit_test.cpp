// SPDX-License-Identifier: MIT
// submit_card over a real charging::Client (a scripted transport underneath): the write-ahead is
// durable before anything is sent, and each outcome lands in the right state.
#include <paygw/charging/client.hpp>
#include <paygw/receive/reconciler.hpp>
#include <paygw/receive/submit.hpp>

#include <gtest/gtest.h>

#include <functional>

namespace paygw::test {
namespace {

using namespace paygw::receive;

const Secret kPartnerKey("PARTNERKEY_TEST_0123456789abcdef");
const Secret kStoreKey("store-key-0123456789abcdef-0123456789");

// Answers every request with `answer`, after checking the store already has the write-ahead.
class ScriptedTransport : public http::Transport {
 public:
  std::function<Result<http::Response>(const http::Request&)> answer;
  Result<http::Response> send(const http::Request& request) override { return answer(request); }
};

struct Fixture {
  std::shared_ptr<PaymentStore> store = make_memory_store();
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  int finals = 0;
  Vnd credited = 0;
  std::optional<Applier> applier;
  std::optional<charging::Client> client;
  Fixture() {
    Handlers h;
    h.card_final = [this](const CardFinal& c, ApplyContext&) -> Result<void> {
      ++finals;
      if (c.result.credits()) credited += c.result.amount.value_or(0);
      EXPECT_EQ(c.source, "submit");
      return {};
    };
    applier.emplace(store, ApplierOptions{h, {}});
    charging::Config config;
    config.base_url = "http://127.0.0.1:9";
    config.partner_id = "36811";
    config.partner_key = kPartnerKey;
    config.transport = transport;
    config.retry.max_attempts = 1;
    client.emplace(*charging::Client::create(config));
  }
  Result<charging::ChargeResult> submit(const std::string& id) {
    charging::CardRequest card{"VIETTEL", "312821445892981", "10004783347874", 50000, id};
    return submit_card(*client, *applier, CardKeys{kPartnerKey, kStoreKey}, card);
  }
  SubmissionState state(const std::string& id) { return (*store->find_submission(Provider::kCharging, id))->state; }
};

http::Response json(const std::string& body) { return http::Response{200, {}, body}; }

TEST(SubmitCard, AFinalAnswerIsAppliedOnceAndTheWriteAheadPrecedesTheSend) {
  Fixture f;
  f.transport->answer = [&](const http::Request& request) -> Result<http::Response> {
    EXPECT_TRUE(f.store->find_submission(Provider::kCharging, "s-1")->has_value()) << "write-ahead before sending";
    EXPECT_NE(request.body.find("312821445892981"), std::string::npos);
    return json(
        R"({"status":1,"message":"OK","request_id":"s-1","declared_value":50000,"value":50000,"amount":35000})");
  };
  auto r = f.submit("s-1");
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(f.state("s-1"), SubmissionState::kFinal);
  EXPECT_EQ(f.finals, 1);
  EXPECT_EQ(f.credited, 35000);
  // The same request_id is never submitted twice.
  auto again = f.submit("s-1");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(f.finals, 1);
}

TEST(SubmitCard, PendingNotSentAndMaybeSentLandInTheirStates) {
  Fixture f;
  f.transport->answer = [](const http::Request&) -> Result<http::Response> {
    return json(R"({"status":99,"message":"PENDING","request_id":"s-2","declared_value":50000,"amount":35000})");
  };
  ASSERT_TRUE(f.submit("s-2").ok());
  EXPECT_EQ(f.state("s-2"), SubmissionState::kPending);
  EXPECT_EQ(f.finals, 0);

  f.transport->answer = [](const http::Request&) -> Result<http::Response> {
    return make_error(ErrorCode::kConnect, "connection refused", Delivery::kNotSent);
  };
  EXPECT_FALSE(f.submit("s-3").ok());
  EXPECT_EQ(f.state("s-3"), SubmissionState::kNotSent);

  f.transport->answer = [](const http::Request&) -> Result<http::Response> {
    return make_error(ErrorCode::kTimeout, "timed out", Delivery::kMaybeSent);
  };
  auto maybe = f.submit("s-4");
  ASSERT_FALSE(maybe.ok());
  EXPECT_TRUE(maybe.error().outcome_unknown());
  EXPECT_EQ(f.state("s-4"), SubmissionState::kWriteAhead) << "left for the reconciler, never resubmitted";
  auto due = f.store->list_unsettled(std::chrono::milliseconds(0), 10);
  ASSERT_EQ(due->size(), 2u);  // s-2 (pending) and s-4 (maybe sent); s-3 certainly was not sent
}

}  // namespace
}  // namespace paygw::test
