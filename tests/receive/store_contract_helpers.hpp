// SPDX-License-Identifier: MIT
// Helpers of the PaymentStore contract's files (store_contract*.cpp) only.
#pragma once

#include "store_contract.hpp"

#include <paygw/tingee/webhook.hpp>

#include <cstdint>
#include <string>

namespace paygw::test {
namespace {  // each contract file gets its own copy

inline bool finalize(PaymentStore& store, Provider p, const std::string& id, const std::string& result) {
  auto tx = store.begin();
  EXPECT_TRUE(tx.ok());
  auto done = (*tx)->finalize(p, id, result);
  EXPECT_TRUE(done.ok()) << describe(done.error());
  EXPECT_TRUE((*tx)->commit().ok());
  return done.ok() && *done;
}

inline EventRecord event(Provider p, const std::string& id, bool handled = false) {
  return EventRecord{p, id, "tingee_payment", R"({"kind":"tingee_payment","amount":1})", handled, {}};
}

// The n-th parameter of a statement in the store's dialect ("?" / "$n").
inline std::string ph(char style, int n) { return style == '$' ? "$" + std::to_string(n) : "?"; }

// Rows of `table`, counted through the store itself (UPDATE reports the rows it touched; rolled back).
inline std::int64_t count_rows(PaymentStore& store, const std::string& table) {
  auto tx = store.begin();
  EXPECT_TRUE(tx.ok());
  auto n = (*tx)->execute("UPDATE " + table + " SET amount = amount", {});
  EXPECT_TRUE(n.ok()) << describe(n.error());
  return n.ok() ? *n : -1;
}

inline tingee::PaymentNotification payment(const std::string& code, Vnd amount) {
  tingee::PaymentNotification p;
  p.transaction_code = code;
  p.amount = amount;
  return p;
}

inline tingee::BankLinkEvent bank_link(const std::string& request_id) {
  tingee::BankLinkEvent e;
  e.request_id = request_id;
  e.status = tingee::BankLinkStatus::kConfirmVaSuccess;
  e.status_raw = "confirm-va-success";
  return e;
}

}  // namespace
}  // namespace paygw::test
