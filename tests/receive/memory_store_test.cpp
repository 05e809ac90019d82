// SPDX-License-Identifier: MIT
// The memory store passes the PaymentStore contract; it runs no SQL.
#include <paygw/store.hpp>

#include "store_contract.hpp"

namespace paygw::test {

INSTANTIATE_TEST_SUITE_P(Memory, StoreContract,
                         ::testing::Values(StoreFactory{
                             "memory",
                             [](std::shared_ptr<Clock> clock) { return make_memory_store({std::move(clock)}); }}),
                         store_name);

TEST(MemoryStore, RunsNoSql) {
  auto store = make_memory_store();
  auto tx = store->begin();
  ASSERT_TRUE(tx.ok());
  auto r = (*tx)->execute("INSERT INTO credits VALUES (1)", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  ASSERT_TRUE((*tx)->commit().ok());
  EXPECT_FALSE((*tx)->commit().ok()) << "a transaction ends once";
}

}  // namespace paygw::test
