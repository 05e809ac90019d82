// SPDX-License-Identifier: MIT
// The race tests' processes and databases: receiver processes, and a backend (SQLite file or
// PostgreSQL database) read back with its own client library.
#pragma once

#include <paygw/store.hpp>

#include "temp_dir.hpp"

#include <sys/types.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace paygw::test {

inline constexpr const char* kTingeeSecret = "race-tingee-secret-token";
inline constexpr const char* kAesKey = "8f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0";
inline constexpr const char* kPartnerKey = "RACE_PARTNER_KEY_0123456789abcdef";
inline constexpr const char* kStoreKey = "race-store-key-0123456789abcdef-0123456789";

/// A receiver process (receiver_node.cpp) on a free 127.0.0.1 port; killed when destroyed.
class Node {
 public:
  /// `extra`: more receiver_node arguments (--poison, --deferred-ms, --no-bank-link).
  static std::unique_ptr<Node> start(const std::string& binary, const std::string& store_arg, const std::string& truth,
                                     const std::string& port_file, const std::string& slow, const std::string& marker,
                                     const std::vector<std::string>& extra = {});
  ~Node();
  int port() const { return port_; }
  /// SIGKILL, and reap it.
  void kill9();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

/// true once `path` exists (polling), false after `timeout`.
bool wait_for_file(const std::string& path, std::chrono::milliseconds timeout);

struct Credit {
  long long count = 0;
  long long sum = 0;
};

/// The shared store, and the database under it read with SQLite's / libpq's own API.
class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::string store_arg() const = 0;  ///< For receiver_node --store.
  virtual bool postgres() const = 0;
  virtual bool execute_sql(const std::string& sql) = 0;
  /// merchant_credits grouped by event_key.
  virtual std::map<std::string, Credit> credits() = 0;
  virtual long long distinct_pids() = 0;
  /// Every row of `sql` (a SELECT), each column as text ("" for NULL).
  virtual std::vector<std::vector<std::string>> rows(const std::string& sql) = 0;
  const std::shared_ptr<PaymentStore>& store() const { return store_; }

 protected:
  std::shared_ptr<PaymentStore> store_;
};

/// The backend this test program was built for, fresh (a new file / a new database).
std::unique_ptr<Backend> make_backend(const TempDir& dir);

}  // namespace paygw::test
