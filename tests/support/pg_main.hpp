// SPDX-License-Identifier: MIT
// main() of the PostgreSQL test programs: one server for the whole program; exit code 77 (ctest
// SKIP_RETURN_CODE, reported as skipped with the printed reason) only when no server is installed
// — and a failure instead when PAYGW_REQUIRE_POSTGRES is set (CI sets it).
#pragma once

#include "pg_server.hpp"

namespace paygw::test {

/// The program's server (started by pg_test_main).
const PgServer& pg_server();

/// Runs the tests. Call from main().
int pg_test_main(int argc, char** argv);

}  // namespace paygw::test
