// SPDX-License-Identifier: MIT
// The PaymentStore contract, as value-parameterised tests every implementation instantiates:
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract, testing::Values(StoreFactory{"sqlite", make}));
#pragma once

#include <paygw/clock.hpp>
#include <paygw/store.hpp>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

namespace paygw::test {

struct StoreFactory {
  std::string name;
  /// A fresh, empty store whose timestamps come from `clock`.
  std::function<std::shared_ptr<PaymentStore>(std::shared_ptr<Clock> clock)> make;
  /// Placeholder style of execute(): '?' (SQLite), '$' (PostgreSQL), 0 = runs no SQL (memory).
  char placeholder = 0;
};

inline std::string PrintToString(const StoreFactory& f) { return f.name; }
/// Test-name generator for INSTANTIATE_TEST_SUITE_P.
inline std::string store_name(const ::testing::TestParamInfo<StoreFactory>& param) { return param.param.name; }

class StoreContract : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override;
  std::shared_ptr<FixedClock> clock;
  std::shared_ptr<PaymentStore> store;
};

/// A write-ahead submission with every field set.
SubmissionRecord submission(Provider provider, const std::string& id, Vnd amount = 50000);

}  // namespace paygw::test
