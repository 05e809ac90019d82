// SPDX-License-Identifier: MIT
// The PostgreSQL store against a real server started by the test: the PaymentStore contract, the
// merchant's SQL in the event's transaction, two stores (as two instances would), migrations by
// instances starting together, a newer schema refused.
#include <paygw/store/postgres.hpp>

#include "pg_main.hpp"
#include "store_contract.hpp"

#include <libpq-fe.h>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace paygw::test {
namespace {

std::string fresh_database() {
  static std::atomic<int> n{0};
  return pg_server().create_database("paygw_t" + std::to_string(++n));
}

std::shared_ptr<PaymentStore> open(const std::string& conninfo, std::shared_ptr<Clock> clock = nullptr) {
  postgres::StoreOptions o;
  o.conninfo = conninfo;
  o.clock = std::move(clock);
  auto s = postgres::open_store(o);
  EXPECT_TRUE(s.ok()) << describe(s.error());
  return s.ok() ? *s : nullptr;
}

std::string read_one(const std::string& conninfo, const std::string& sql) {
  PGconn* c = PQconnectdb(conninfo.c_str());
  PGresult* r = PQexec(c, sql.c_str());
  std::string out = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "<error>";
  PQclear(r);
  PQfinish(c);
  return out;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(
    Postgres, StoreContract,
    ::testing::Values(StoreFactory{
        "postgres", [](std::shared_ptr<Clock> clock) { return open(fresh_database(), std::move(clock)); }, '$'}),
    store_name);

TEST(PostgresStore, MerchantSqlCommitsWithTheEventOrNotAtAll) {
  const std::string db = fresh_database();
  auto store = open(db);
  {
    auto tx = store->begin();
    ASSERT_TRUE((*tx)->execute("CREATE TABLE credits (event_id TEXT NOT NULL, amount BIGINT NOT NULL)", {}).ok());
    ASSERT_TRUE((*tx)->commit().ok());
  }
  {
    auto tx = store->begin();
    ASSERT_TRUE(*(*tx)->record_event({Provider::kTingee, "FT1", "tingee_payment", "{}", true, {}}));
    auto n = (*tx)->execute("INSERT INTO credits (event_id, amount) VALUES ($1, $2)",
                            {std::string("FT1"), std::int64_t{2000}});
    ASSERT_TRUE(n.ok()) << describe(n.error());
    EXPECT_EQ(*n, 1);
  }  // rolled back
  EXPECT_EQ(read_one(db, "SELECT COUNT(*) FROM credits"), "0");
  {
    auto tx = store->begin();
    ASSERT_TRUE(*(*tx)->record_event({Provider::kTingee, "FT1", "tingee_payment", "{}", true, {}}));
    ASSERT_TRUE((*tx)->execute("INSERT INTO credits VALUES ($1, $2)", {std::string("FT1"), std::int64_t{2000}}).ok());
    ASSERT_TRUE((*tx)->commit().ok());
  }
  EXPECT_EQ(read_one(db, "SELECT SUM(amount) FROM credits"), "2000");
  auto tx = store->begin();
  auto bad = (*tx)->execute("INSERT INTO nowhere VALUES (1)", {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.rfind("store: ", 0), 0u);
  EXPECT_FALSE((*tx)->record_event({Provider::kTingee, "FT9", "k", "{}", true, {}}).ok())
      << "a failed statement aborts the PostgreSQL transaction";
}

TEST(PostgresStore, InstancesStartingTogetherMigrateOnce) {
  const std::string db = fresh_database();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      postgres::StoreOptions o;
      o.conninfo = db;
      if (postgres::open_store(o).ok()) ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 6);
  EXPECT_EQ(read_one(db, "SELECT COUNT(*) FROM paygw_schema"), std::to_string(postgres::migrations().size()));
}

TEST(PostgresStore, ANewerSchemaIsRefusedAndBadOptionsAreConfigErrors) {
  const std::string db = fresh_database();
  { open(db); }
  PGconn* c = PQconnectdb(db.c_str());
  PQclear(PQexec(c, "INSERT INTO paygw_schema VALUES (99, 0)"));
  PQfinish(c);
  postgres::StoreOptions o;
  o.conninfo = db;
  EXPECT_EQ(postgres::open_store(o).error().code, ErrorCode::kConfig);
  o.conninfo = "";
  EXPECT_EQ(postgres::open_store(o).error().code, ErrorCode::kConfig);
  o.conninfo = "host=127.0.0.1 port=1 user=postgres password=hunter2 connect_timeout=2";
  auto refused = postgres::open_store(o);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInternal);
  EXPECT_EQ(refused.error().message.find("hunter2"), std::string::npos) << "never the password";
}

TEST(PostgresStore, TwoStoresOnOneDatabaseStillHaveOneWinner) {
  const std::string db = fresh_database();
  auto a = open(db);
  auto b = open(db);
  constexpr int kRounds = 20;
  for (int i = 0; i < kRounds; ++i) {
    ASSERT_TRUE(*a->record_submission(submission(Provider::kCharging, "c" + std::to_string(i))));
  }
  std::atomic<int> wins{0}, events{0}, failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      PaymentStore& store = t % 2 == 0 ? *a : *b;
      for (int i = 0; i < kRounds; ++i) {
        auto tx = store.begin();
        if (!tx) return void(++failures);
        const std::string id = "c" + std::to_string(i);
        auto found = (*tx)->find_submission(Provider::kCharging, id);  // FOR UPDATE
        auto f = (*tx)->finalize(Provider::kCharging, id, "{}");
        auto e = (*tx)->record_event({Provider::kCharging, id, "card_final", "{}", true, {}});
        if (!found || !f || !e || !(*tx)->commit()) return void(++failures);
        wins += *f;
        events += *e;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(wins.load(), kRounds);
  EXPECT_EQ(events.load(), kRounds);
}

}  // namespace paygw::test

int main(int argc, char** argv) { return paygw::test::pg_test_main(argc, argv); }
