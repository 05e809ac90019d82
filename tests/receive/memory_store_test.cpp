// SPDX-License-Identifier: MIT
// The memory store passes the PaymentStore contract; it runs no SQL.
#include <paygw/store.hpp>

#include "store_contract.hpp"

namespace paygw::test {

INSTANTIATE_TEST_SUITE_P(Memory, StoreContract,
                         ::testing::Values(StoreFactory{
                             "memory",
                             [](std::shared_ptr<Clock> clock) { return make_memory_store({std::move(clock)}); }, 0}),
                         store_name);

TEST(MemoryStore, RunsNoSql) {
  auto store = make_memory_store();
  auto tx = store->begin();
  ASSERT_TRUE(tx.ok());
  auto r = (*tx)->execute("INSERT INTO credits VALUES (1)", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  // A failed statement, as on the SQL stores: the transaction can no longer commit.
  auto committed = (*tx)->commit();
  ASSERT_FALSE(committed.ok());
  EXPECT_EQ(committed.error().code, ErrorCode::kInternal);
  EXPECT_EQ((*tx)->commit().error().code, ErrorCode::kInvalidArgument) << "a transaction ends once";
  (*tx).reset();  // the first one ends (and unlocks) here
  tx = store->begin();
  ASSERT_TRUE(tx.ok());
  EXPECT_TRUE((*tx)->commit().ok());
}

}  // namespace paygw::test
