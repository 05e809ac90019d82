// SPDX-License-Identifier: MIT
// A throwaway PostgreSQL server for tests: initdb into a temp directory as an unprivileged user
// (PostgreSQL refuses to run as root; as root the server runs as `paygw-test` when that user
// exists, else `nobody`), listening on a free port on 127.0.0.1 only, stopped (and its directory
// removed) when the object goes away.
#pragma once

#include <sys/types.h>
#include <memory>
#include <string>

namespace paygw::test {

class PgServer {
 public:
  /// Where initdb/postgres are (/usr/lib/postgresql/<newest>/bin), or "" with `why` set.
  static std::string find_bin_dir(std::string* why);
  /// Starts a server. Throws std::runtime_error (with initdb's/postgres's log) on failure.
  /// `durable`: fsync on, as a production server (the benchmark); tests run with fsync off.
  static std::unique_ptr<PgServer> start(const std::string& bin_dir, bool durable = false);
  ~PgServer();

  /// libpq conninfo of database `db` (created by create_database, or "postgres").
  std::string conninfo(const std::string& db = "postgres") const;
  /// CREATE DATABASE `name`; returns its conninfo.
  std::string create_database(const std::string& name) const;
  int port() const { return port_; }

 private:
  PgServer() = default;
  std::string dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace paygw::test
