// SPDX-License-Identifier: MIT
// paygw — the SQLite PaymentStore (CMake component `sqlite`, target paygw::sqlite).
#pragma once

#include <paygw/clock.hpp>
#include <paygw/result.hpp>
#include <paygw/store.hpp>
#include <paygw/store/export.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace paygw::sqlite {

/// Options of open_store().
struct StoreOptions {
  std::string path;  ///< The database file (created when missing). Required.
  /// How long a statement waits for another connection's write lock before failing (kInternal).
  /// Every write transaction takes the lock at its start (BEGIN IMMEDIATE).
  std::chrono::milliseconds busy_timeout{15000};
  std::size_t max_connections = 4;  ///< Connections kept open for concurrent callers (>= 1).
  /// PRAGMA synchronous=FULL (default): a committed transaction survives a power loss, not only a
  /// crash of the process. false = NORMAL (WAL): faster, may lose the last commits on power loss.
  bool synchronous_full = true;
  std::shared_ptr<Clock> clock;  ///< Timestamps; defaults to system_clock().
};

/// Opens (creating or migrating) the store in one SQLite file: journal_mode=WAL, foreign keys on,
/// the schema migrated to the newest version in one transaction. Correct for any number of
/// connections and processes on one machine sharing the file (not for a network file system).
///
/// Errors: kConfig (empty path, max_connections 0, a schema newer than this paygw), kInternal
/// (the file cannot be opened or migrated; message "store: …"). Thread-safe; the returned store is
/// thread-safe.
PAYGW_SQLITE_EXPORT Result<std::shared_ptr<PaymentStore>> open_store(const StoreOptions& options);

/// The schema migrations, oldest first (each a script of SQL statements), as open_store() applies
/// them; version N is element N-1. For review or for applying by hand.
PAYGW_SQLITE_EXPORT std::vector<std::string> migrations();

}  // namespace paygw::sqlite
