// SPDX-License-Identifier: MIT
// paygw — the PostgreSQL PaymentStore (CMake component `postgres`, target paygw::postgres).
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

namespace paygw::postgres {

/// Options of open_store().
struct StoreOptions {
  /// A libpq connection string, e.g. "host=127.0.0.1 port=5432 dbname=shop user=shop". Required.
  /// Put the password in a service file or PGPASSFILE rather than here.
  std::string conninfo;
  std::size_t max_connections = 4;  ///< Connections kept open for concurrent callers (>= 1).
  /// A statement waiting longer than this for a lock fails (kInternal) and its transaction rolls
  /// back (SET lock_timeout). Zero = wait forever.
  std::chrono::milliseconds lock_timeout{15'000};
  std::shared_ptr<Clock> clock;  ///< Timestamps; defaults to system_clock().
};

/// Connects and migrates the schema to the newest version (under a transaction-scoped advisory
/// lock, so instances starting together migrate once). Correct for any number of instances on
/// any number of machines sharing the database: every guarantee of PaymentStore comes from row
/// locks, unique keys and conditional UPDATEs, at READ COMMITTED.
///
/// Errors: kConfig (empty conninfo, max_connections 0, a schema newer than this paygw),
/// kInternal (cannot connect or migrate; message "store: …" without the connection string).
/// Thread-safe; the returned store is thread-safe.
PAYGW_POSTGRES_EXPORT Result<std::shared_ptr<PaymentStore>> open_store(const StoreOptions& options);

/// The schema migrations, oldest first, as open_store() applies them.
PAYGW_POSTGRES_EXPORT std::vector<std::string> migrations();

}  // namespace paygw::postgres
