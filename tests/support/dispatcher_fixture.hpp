// SPDX-License-Identifier: MIT
// The Dispatcher test fixture: a memory store, handlers counting runs and credits, a scripted
// TConnect confirmation, and deliveries built independently of paygw (deliveries.cpp).
#pragma once

#include <paygw/receive/dispatcher.hpp>
#include <paygw/receive/submit.hpp>

#include "deliveries.hpp"

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <optional>

namespace paygw::test {

using namespace paygw::receive;

inline const std::string kTingeeSecret = "tingee-secret-token-for-tests";
inline const std::string kAesKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
inline const std::string kPartnerKey = "PARTNERKEY_TEST_0123456789abcdef";
inline const std::string kStoreKey = "store-key-0123456789abcdef-0123456789";
inline const std::string kTingeePath = "/hooks/tingee";
inline const std::string kIpnPath = "/hooks/tconnect";
inline const std::string kChargingPath = "/hooks/charging";

struct Ledger {
  std::mutex mu;
  std::map<std::string, int> runs;  // event key -> handler runs
  std::map<std::string, Vnd> credited;
  std::vector<Alert> alerts;
  int fail_next = 0;  // handler failures to inject
};

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store = make_memory_store();
    make_dispatcher();
  }

  Handlers handlers() {
    Handlers h;
    auto count = [this](const std::string& key, Vnd credit) -> Result<void> {
      std::lock_guard<std::mutex> lock(ledger.mu);
      if (ledger.fail_next > 0) {
        --ledger.fail_next;
        return make_error(ErrorCode::kInternal, "merchant database down");
      }
      ++ledger.runs[key];
      ledger.credited[key] += credit;
      return {};
    };
    h.card_final = [count](const CardFinal& c, ApplyContext&) {
      return count("card:" + c.result.request_id, c.result.credits() ? c.result.amount.value_or(0) : 0);
    };
    h.tingee_payment = [count](const TingeePayment& p, ApplyContext&) {
      return count("tingee:" + p.payment.transaction_code, p.payment.amount);
    };
    h.ipn_confirmed = [count](const IpnConfirmed& i, ApplyContext& ctx) {
      return count("ipn:" + ctx.event().event_id, i.transaction.amount.value_or(0));
    };
    h.bank_link = [count](const BankLink& b, ApplyContext&) { return count("link:" + b.event.request_id, 0); };
    h.alert = [this](const Alert& a) {
      std::lock_guard<std::mutex> lock(ledger.mu);
      ledger.alerts.push_back(a);
    };
    return h;
  }

  void make_dispatcher() {
    DispatcherConfig c;
    c.store = store;
    c.applier.handlers = handlers();
    c.applier.observer = observer;
    c.tingee = TingeeEndpoint{kTingeePath, Secret(kTingeeSecret), {}};
    TconnectEndpoint t;
    t.path = kIpnPath;
    t.keys = {Secret(kAesKey)};
    t.refusal_floor = std::chrono::milliseconds(0);  // tests of replies, not of their timing
    t.confirm = [this](const tconnect::IpnNotification& ipn, const CallOptions&) -> Result<IpnConfirmation> {
      std::lock_guard<std::mutex> lock(ledger.mu);
      if (query_down) return make_error(ErrorCode::kTimeout, "query timed out", paygw::Delivery::kMaybeSent);
      const auto it = provider_truth.find(ipn.order_id);
      if (it == provider_truth.end()) return IpnConfirmation{IpnCheck::kNotFound, std::nullopt};
      if (!it->second.amount || *it->second.amount != ipn.amount) {
        return IpnConfirmation{IpnCheck::kAmountMismatch, std::nullopt};
      }
      return IpnConfirmation{IpnCheck::kConfirmed, it->second};
    };
    c.tconnect = std::move(t);
    c.charging = ChargingEndpoint{};
    c.charging->path = kChargingPath;
    c.charging->store_key = Secret(kStoreKey);
    auto d = Dispatcher::create(std::move(c));
    ASSERT_TRUE(d.ok()) << describe(d.error());
    dispatcher.emplace(std::move(*d));
  }

  Reply deliver(const Inbound& d) { return dispatcher->handle(d.method, d.target, d.headers, d.body); }

  Card card(const std::string& id) {
    Card c{"VIETTEL", "3146884404226" + std::to_string(id.size()), "10003395125761", 50000, id};
    CardKeys keys{Secret(kPartnerKey), Secret(kStoreKey)};
    charging::CardRequest request{c.telco, c.code, c.serial, c.declared_value, c.request_id};
    auto ok = write_ahead_card(*store, keys, request);
    EXPECT_TRUE(ok.ok()) << describe(ok.error());
    return c;
  }

  int runs(const std::string& key) {
    std::lock_guard<std::mutex> lock(ledger.mu);
    return ledger.runs.count(key) ? ledger.runs[key] : 0;
  }
  bool alerted(const std::string& kind) {
    std::lock_guard<std::mutex> lock(ledger.mu);
    for (const auto& a : ledger.alerts) {
      if (a.kind == kind) return true;
    }
    return false;
  }

  std::shared_ptr<PaymentStore> store;
  std::optional<Dispatcher> dispatcher;
  Ledger ledger;
  std::map<std::string, tconnect::Transaction> provider_truth;
  bool query_down = false;
  std::shared_ptr<Observer> observer;  // set, then make_dispatcher() again, to see events
};

}  // namespace paygw::test
