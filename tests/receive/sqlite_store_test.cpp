// SPDX-License-Identifier: MIT
// The SQLite store on real files: the PaymentStore contract, the merchant's SQL inside the event's
// transaction, persistence across reopening, WAL, two stores (as two processes would) on one file,
// and schema versions.
#include <paygw/store/sqlite.hpp>

#include "store_contract.hpp"
#include "temp_dir.hpp"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace paygw::test {
namespace {

using namespace std::chrono_literals;

std::shared_ptr<PaymentStore> open(const std::string& path, std::shared_ptr<Clock> clock = nullptr) {
  sqlite::StoreOptions o;
  o.path = path;
  o.clock = std::move(clock);
  auto s = sqlite::open_store(o);
  EXPECT_TRUE(s.ok()) << describe(s.error());
  return s.ok() ? *s : nullptr;
}

// One scratch directory per test program; one file per store.
TempDir& scratch() {
  static TempDir dir;
  return dir;
}

std::string fresh_file() {
  static std::atomic<int> n{0};
  return scratch().file("store-" + std::to_string(++n) + ".db");
}

// Reads a value with the SQLite C API directly, as an operator would with the sqlite3 shell.
std::string read_one(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* t = sqlite3_column_text(stmt, 0);
    out = t == nullptr ? "" : reinterpret_cast<const char*>(t);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract,
                         ::testing::Values(StoreFactory{
                             "sqlite",
                             [](std::shared_ptr<Clock> clock) { return open(fresh_file(), std::move(clock)); }, '?'}),
                         store_name);

TEST(SqliteStore, MerchantSqlCommitsWithTheEventOrNotAtAll) {
  const std::string path = fresh_file();
  auto store = open(path);
  {
    auto tx = store->begin();
    ASSERT_TRUE((*tx)->execute("CREATE TABLE credits (event_id TEXT NOT NULL, amount INTEGER NOT NULL)", {}).ok());
    ASSERT_TRUE((*tx)->commit().ok());
  }
  {
    auto tx = store->begin();
    ASSERT_TRUE(*(*tx)->record_event({Provider::kTingee, "FT1", "tingee_payment", "{}", true, {}}));
    auto n = (*tx)->execute("INSERT INTO credits (event_id, amount) VALUES (?, ?)",
                            {std::string("FT1"), std::int64_t{2000}});
    ASSERT_TRUE(n.ok()) << describe(n.error());
    EXPECT_EQ(*n, 1);
    // not committed
  }
  EXPECT_EQ(read_one(path, "SELECT COUNT(*) FROM credits"), "0");
  EXPECT_FALSE(store->find_event(Provider::kTingee, "FT1")->has_value());
  {
    auto tx = store->begin();
    ASSERT_TRUE(*(*tx)->record_event({Provider::kTingee, "FT1", "tingee_payment", "{}", true, {}}));
    ASSERT_TRUE((*tx)->execute("INSERT INTO credits VALUES (?, ?)", {std::string("FT1"), std::int64_t{2000}}).ok());
    ASSERT_TRUE((*tx)->commit().ok());
  }
  EXPECT_EQ(read_one(path, "SELECT SUM(amount) FROM credits"), "2000");
  auto tx = store->begin();
  auto bad = (*tx)->execute("INSERT INTO nowhere VALUES (1)", {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInternal);
  EXPECT_EQ(bad.error().message.rfind("store: ", 0), 0u);
}

TEST(SqliteStore, SurvivesReopeningInWalModeWithTheSchemaVersioned) {
  const std::string path = fresh_file();
  {
    auto store = open(path);
    ASSERT_TRUE(*store->record_submission(submission(Provider::kCharging, "persist")));
  }
  auto store = open(path);
  auto found = store->find_submission(Provider::kCharging, "persist");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->verifier, "v1.aaaa.bbbb.cccc.dddd");
  EXPECT_EQ(read_one(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(read_one(path, "SELECT MAX(version) FROM paygw_schema"), std::to_string(sqlite::migrations().size()));
  // The store's columns hold no card data in clear: only what the record carried.
  EXPECT_EQ(read_one(path, "SELECT verifier FROM paygw_submissions WHERE request_id = 'persist'"),
            "v1.aaaa.bbbb.cccc.dddd");
}

TEST(SqliteStore, ANewerSchemaIsRefused) {
  const std::string path = fresh_file();
  { open(path); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO paygw_schema VALUES (99, 0)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  sqlite::StoreOptions o;
  o.path = path;
  auto s = sqlite::open_store(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConfig);
}

TEST(SqliteStore, BadOptionsAndUnopenableFiles) {
  sqlite::StoreOptions o;
  EXPECT_EQ(sqlite::open_store(o).error().code, ErrorCode::kConfig);
  o.path = fresh_file();
  o.max_connections = 0;
  EXPECT_EQ(sqlite::open_store(o).error().code, ErrorCode::kConfig);
  o.max_connections = 1;
  o.path = scratch().file("no-such-dir/x.db");
  EXPECT_EQ(sqlite::open_store(o).error().code, ErrorCode::kInternal);
}

TEST(SqliteStore, TwoStoresOnOneFileStillHaveOneWinner) {
  // Two stores are two independent sets of connections, as two processes would have.
  const std::string path = fresh_file();
  auto a = open(path);
  auto b = open(path);
  constexpr int kRounds = 20;
  for (int i = 0; i < kRounds; ++i)
    ASSERT_TRUE(*a->record_submission(submission(Provider::kCharging, "c" + std::to_string(i))));
  std::atomic<int> wins{0}, events{0}, failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      PaymentStore& store = t % 2 == 0 ? *a : *b;
      for (int i = 0; i < kRounds; ++i) {
        auto tx = store.begin();
        if (!tx) return void(++failures);
        const std::string id = "c" + std::to_string(i);
        auto f = (*tx)->finalize(Provider::kCharging, id, "{}");
        auto e = (*tx)->record_event({Provider::kCharging, id, "card_final", "{}", true, {}});
        if (!f || !e || !(*tx)->commit()) return void(++failures);
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
