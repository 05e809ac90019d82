// SPDX-License-Identifier: MIT
// The TConnect endpoint answers every IPN it does not apply — one that does not decrypt, does not
// parse, claims an impossible amount, or that the query cannot find or contradicts — with the same
// reply, in the same timing class. Before, a ciphertext that decrypted to a readable IPN was
// answered 503 (after a query) and anything else 400 (at once): an oracle telling an attacker
// which forged ciphertexts decrypt.
#include "dispatcher_fixture.hpp"

#include <chrono>

namespace paygw::test {
namespace {

TEST_F(DispatcherTest, EveryUnappliedIpnGetsTheSameReply) {
  tconnect::Transaction t;
  t.order_id = "ORD-7";
  t.request_id = "REQ-7";
  t.status = "SUCCESS";
  t.amount = 70000;
  provider_truth["ORD-7"] = t;
  const std::string other_key = "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  std::vector<std::pair<std::string, Inbound>> refused = {
      {"another key", tconnect_ipn(kIpnPath, other_key, "ORD-7", 70000, "REQ-7")},
      {"not found", tconnect_ipn(kIpnPath, kAesKey, "ORD-404", 70000, "REQ-404")},
      {"contradicted", tconnect_ipn(kIpnPath, kAesKey, "ORD-7", 700000, "REQ-7")},
      {"impossible amount", tconnect_ipn(kIpnPath, kAesKey, "ORD-7", 0, "REQ-7")},
  };
  Inbound garbage;
  garbage.target = kIpnPath;
  garbage.body = R"({"data":"00ff"})";
  refused.emplace_back("garbage", garbage);
  Inbound readable_not_ipn;
  readable_not_ipn.target = kIpnPath;
  readable_not_ipn.body = tconnect_envelope(kAesKey, std::string(16, 'i'), R"({"hello":"world"})");
  refused.emplace_back("readable, not an IPN", readable_not_ipn);

  const Reply first = deliver(refused.front().second);
  for (const auto& [what, d] : refused) {
    const Reply r = deliver(d);
    EXPECT_EQ(r.status, first.status) << what << ": " << r.note;
    EXPECT_EQ(r.body, first.body) << what;
    EXPECT_EQ(r.headers, first.headers) << what;
  }
  EXPECT_EQ(first.status, 503) << "a genuine IPN the query cannot see yet must be delivered again";
  EXPECT_TRUE(ledger.runs.empty());
}

TEST_F(DispatcherTest, AnUndecodableIpnIsAnsweredNoSoonerThanOneThatWasQueried) {
  DispatcherConfig c;
  c.store = store;
  c.applier.handlers = handlers();
  TconnectEndpoint t;
  t.path = kIpnPath;
  t.keys = {Secret(kAesKey)};
  t.refusal_floor = std::chrono::milliseconds(300);
  int queries = 0;
  t.confirm = [&](const tconnect::IpnNotification&, const CallOptions&) -> Result<IpnConfirmation> {
    ++queries;
    return IpnConfirmation{IpnCheck::kNotFound, std::nullopt};
  };
  c.tconnect = std::move(t);
  auto d = Dispatcher::create(std::move(c));
  ASSERT_TRUE(d.ok());
  const auto start = std::chrono::steady_clock::now();
  const Reply r = d->handle("POST", kIpnPath, {}, R"({"data":"00ff"})");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.status, 503);
  EXPECT_GE(elapsed, std::chrono::milliseconds(300)) << "answered at once: it did not decrypt";
  EXPECT_EQ(queries, 0) << "nothing to query";
  // An applied IPN is not delayed by the floor (no bound on the upper side: the machine is loaded).
}

}  // namespace
}  // namespace paygw::test
