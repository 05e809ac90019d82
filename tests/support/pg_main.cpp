// SPDX-License-Identifier: MIT
#include "pg_main.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

namespace paygw::test {

namespace {
PgServer* g_server = nullptr;
}

const PgServer& pg_server() { return *g_server; }

int pg_test_main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  std::string why;
  const std::string bin = PgServer::find_bin_dir(&why);
  if (bin.empty()) {
    if (std::getenv("PAYGW_REQUIRE_POSTGRES") != nullptr) {
      std::printf("FAILED: PAYGW_REQUIRE_POSTGRES is set and %s\n", why.c_str());
      return 1;
    }
    std::printf("SKIPPED: %s\n", why.c_str());
    return 77;
  }
  std::unique_ptr<PgServer> server;
  try {
    server = PgServer::start(bin);
  } catch (const std::exception& e) {
    std::printf("cannot start PostgreSQL from %s: %s\n", bin.c_str(), e.what());
    return 1;
  }
  std::printf("PostgreSQL from %s on 127.0.0.1:%d\n", bin.c_str(), server->port());
  g_server = server.get();
  const int rc = RUN_ALL_TESTS();
  g_server = nullptr;
  server.reset();  // stop it before exiting
  return rc;
}

}  // namespace paygw::test
