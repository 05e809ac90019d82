// SPDX-License-Identifier: MIT
// The Observer sees one event per delivery handled by the Dispatcher, with the outcome it was
// answered for (applied, duplicate, conflict, refused, ...), and every alert; a throwing observer
// changes no reply (ADR 0040).
#include <paygw/observer.hpp>

#include "dispatcher_fixture.hpp"

#include <gtest/gtest.h>

#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace paygw::test {
namespace {

struct Seen {
  std::string provider, delivery, outcome, method;
  int status = 0;
};

class Recorder : public Observer {
 public:
  void on_delivery(const DeliveryEvent& e) override {
    std::lock_guard<std::mutex> lock(mu);
    EXPECT_GE(e.duration.count(), 0);
    deliveries.push_back(
        {std::string(e.provider), std::string(e.delivery), std::string(e.outcome), std::string(e.method), e.status});
  }
  void on_alert(const AlertEvent& e) override {
    std::lock_guard<std::mutex> lock(mu);
    alerts.push_back(std::string(e.provider) + "/" + std::string(e.kind));
  }
  std::mutex mu;
  std::vector<Seen> deliveries;
  std::vector<std::string> alerts;
};

class Thrower : public Observer {
 public:
  void on_delivery(const DeliveryEvent&) override { throw std::runtime_error("observer down"); }
  void on_alert(const AlertEvent&) override { throw 42; }
};

class DeliveryObserverTest : public DispatcherTest {
 protected:
  void SetUp() override {
    DispatcherTest::SetUp();
    observer = recorder;
    make_dispatcher();
  }
  std::string last() {
    const auto& s = recorder->deliveries.back();
    return s.provider + " " + s.delivery + " " + s.outcome + " " + s.method + " " + std::to_string(s.status);
  }
  std::shared_ptr<Recorder> recorder = std::make_shared<Recorder>();
};

TEST_F(DeliveryObserverTest, OneEventPerDeliveryWithItsOutcome) {
  const auto d = tingee_payment(kTingeePath, kTingeeSecret, "FT-OBS-1", 2000);
  EXPECT_EQ(deliver(d).status, 200);
  EXPECT_EQ(last(), "tingee payment applied POST 200");
  EXPECT_EQ(deliver(d).status, 200);
  EXPECT_EQ(last(), "tingee payment duplicate POST 200");
  // Same transaction code, another amount: a conflict, answered as a duplicate, and alerted.
  EXPECT_EQ(deliver(tingee_payment(kTingeePath, kTingeeSecret, "FT-OBS-1", 3000)).status, 200);
  EXPECT_EQ(last(), "tingee payment conflict POST 200");
  auto forged = tingee_payment(kTingeePath, "another-secret", "FT-OBS-2", 2000);
  EXPECT_EQ(deliver(forged).status, 401);
  EXPECT_EQ(last(), "tingee  refused POST 401");
  EXPECT_EQ(deliver(tingee_ping(kTingeePath)).status, 200);
  EXPECT_EQ(last(), "tingee ping ping POST 200");
  EXPECT_EQ(deliver(tingee_payment(kTingeePath, kTingeeSecret, "FT-OBS-3", 0)).status, 400);
  EXPECT_EQ(last(), "tingee payment rejected POST 400");
  EXPECT_EQ(dispatcher->handle("POST", "/elsewhere", {}, "{}").status, 404);
  EXPECT_EQ(last(), "  not_found POST 404");
  EXPECT_EQ(dispatcher->handle("GET", kTingeePath, {}, "").status, 405);
  EXPECT_EQ(last(), "tingee  method_not_allowed GET 405");
  ledger.fail_next = 1;  // the merchant's handler fails: 503, delivered again later
  EXPECT_EQ(deliver(tingee_payment(kTingeePath, kTingeeSecret, "FT-OBS-4", 1000)).status, 503);
  EXPECT_EQ(last(), "tingee payment unavailable POST 503");
  EXPECT_EQ(recorder->deliveries.size(), 9u);

  std::vector<std::string> expected_alerts = {"tingee/conflict", "tingee/rejected", "tingee/rejected"};
  EXPECT_EQ(recorder->alerts, expected_alerts);
  // Nothing secret or identifying leaves through the events.
  for (const auto& s : recorder->deliveries) {
    for (const std::string* f : {&s.provider, &s.delivery, &s.outcome, &s.method}) {
      EXPECT_EQ(f->find(kTingeeSecret), std::string::npos);
      EXPECT_EQ(f->find("FT-OBS"), std::string::npos);
    }
  }
}

TEST_F(DeliveryObserverTest, TconnectAndChargingOutcomes) {
  query_down = true;
  EXPECT_EQ(deliver(tconnect_ipn(kIpnPath, kAesKey, "ORDER-1", 50000, "REQ-1")).status, 503);
  EXPECT_EQ(last(), "tconnect ipn unavailable POST 503");
  query_down = false;
  EXPECT_EQ(deliver(tconnect_ipn(kIpnPath, kAesKey, "ORDER-1", 50000, "REQ-1")).status, 503);
  EXPECT_EQ(last(), "tconnect ipn not_confirmed POST 503");
  EXPECT_EQ(deliver(tconnect_ipn(kIpnPath, std::string(64, 'f'), "ORDER-1", 50000, "REQ-1")).status, 503);
  EXPECT_EQ(last(), "tconnect ipn refused POST 503");
  EXPECT_EQ(dispatcher->handle("GET", kChargingPath + "?request_id=UNKNOWN-1", {}, "").status, 200);
  EXPECT_EQ(last(), "charging callback unknown_submission GET 200");
}

TEST_F(DeliveryObserverTest, AThrowingObserverChangesNoReply) {
  observer = std::make_shared<Thrower>();
  make_dispatcher();
  const auto d = tingee_payment(kTingeePath, kTingeeSecret, "FT-OBS-T", 2000);
  const Reply first = deliver(d);
  EXPECT_EQ(first.status, 200) << first.note;
  EXPECT_EQ(runs("tingee:FT-OBS-T"), 1);
  EXPECT_EQ(deliver(tingee_payment(kTingeePath, kTingeeSecret, "FT-OBS-T", 3000)).status, 200);  // conflict alert
  EXPECT_TRUE(alerted("conflict"));
  EXPECT_EQ(deliver(tingee_payment(kTingeePath, "wrong", "FT-OBS-U", 2000)).status, 401);
}

}  // namespace
}  // namespace paygw::test
