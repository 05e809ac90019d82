// SPDX-License-Identifier: MIT
// Integration tests against paygw-sandbox: the shared fixture. Each test binary run (ctest runs
// one test per process) starts a merchant-side Receiver and one sandbox on free loopback ports,
// with the credentials below given through the environment; clients reach it through the real
// libcurl transport.
//
// Every public client call, blocking and async, is checked against the sandbox: each provider's
// test walks the rows of the one table of client calls (tests/support/client_calls.hpp) and runs
// the sandbox check of each row (a Checks map, by row name) in both forms; a row without a check,
// or a check without a row, fails the test.
#pragma once

#include <paygw/paygw.hpp>

#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/types.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace paygw::it {

using namespace std::chrono_literals;

// Credentials shared by the sandbox (through the environment) and the clients.
inline constexpr const char* kTingeeId = "it-tingee";
inline constexpr const char* kTingeeSecret = "it-tingee-secret";
inline constexpr const char* kPartner = "IT-PARTNER";
inline constexpr const char* kUser = "it@paygw.local";
inline constexpr const char* kPassword = "it-password";
inline constexpr const char* kClientId = "it-client";
inline constexpr const char* kClientSecret = "it-client-secret";
inline constexpr const char* kAesKey = "8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
inline constexpr const char* kChargingId = "3681148751";
inline constexpr const char* kChargingKey = "it-charging-key";

/// A QR that paygw's own check accepts (example E2 of the VietQR notes).
inline constexpr const char* kDemoQr =
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS6869081"
    "9thanh toan don hang63042E2E";

/// A merchant endpoint that records every callback it receives and answers 200 (or, when asked,
/// 500 to the next N requests).
class Receiver {
 public:
  struct Hit {
    std::string path;
    std::string query;
    std::string body;
    http::Headers headers;
  };
  Receiver();
  ~Receiver();
  std::string url(const std::string& path) const;
  std::vector<Hit> hits(const std::string& path);
  void fail_next(int n);

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::vector<Hit> hits_;
  int fail_next_ = 0;
};

/// A paygw-sandbox process. Without "--port" in `args` it listens on a free port.
class Sandbox {
 public:
  static std::vector<std::string> default_args() {
    return {"--charging-delay-ms", "100", "--charging-callback-duplicates", "1", "--charging-callback-out-of-order"};
  }
  explicit Sandbox(std::vector<std::string> args = default_args());
  ~Sandbox() { stop(); }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;
  /// SIGTERM, then waits (at most 5 s) for it to stop.
  void stop();
  /// Empty when it did not start (see output()).
  const std::string& url() const { return url_; }
  /// What it printed (stdout and stderr) up to "listening on", or until it exited.
  const std::string& output() const { return output_; }
  /// Its exit status once it has exited by itself within `wait`, else -1.
  int exit_status(std::chrono::milliseconds wait);
  /// Its process id while it runs (-1 once it has exited and been waited for).
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  FILE* stream_ = nullptr;
  std::string url_;
  std::string output_;
};

/// The suite's receiver and sandbox (started once per test process).
Receiver& receiver();
Sandbox& sandbox();

std::shared_ptr<http::Transport> transport();
tingee::Client tingee_client(std::chrono::milliseconds timeout = 10s, const char* secret = kTingeeSecret,
                             const std::string& url = "", tingee::BankPathPrefix prefix = tingee::BankPathPrefix::kV1);
tconnect::Client tconnect_client(std::chrono::milliseconds timeout = 10s, const char* password = kPassword,
                                 const std::string& url = "");
charging::Client charging_client(std::chrono::milliseconds timeout = 10s, const char* key = kChargingKey,
                                 const std::string& url = "");

/// POST `body` (JSON) to the sandbox's `path`.
http::Response admin(const std::string& path, const std::string& body);

/// A Tingee request signed over `signed_text` but carrying `body` (the raw bytes), to `url`
/// (default: the suite's sandbox). Returns the reply body ("" when no reply).
std::string tingee_raw(const std::string& method, const std::string& path, const std::string& body,
                       const std::string& signed_text, const std::string& url = "");

/// GET `path` of the sandbox at `url` (default: the suite's) as JSON (null when it fails).
nlohmann::json sandbox_get(const std::string& path, const std::string& url = "");
/// What the device `id` (Tingee uuid or TConnect serial) shows now: {event, detail, at_ms}, or null.
nlohmann::json screen_of(const std::string& id, const std::string& url = "");
/// A receiver path no other check uses: "/<what>/<n>".
std::string unique_path(const std::string& what);
/// A suffix no other check uses (for request and order ids).
std::string unique_id();

/// The sandbox check of one row of tests/support/client_calls.hpp: runs the row's call against the
/// sandbox at `url` in its blocking form, or (async) its `_async` form, and checks the result.
/// Each check sets up what it needs (links a device, creates a bill, pays an order) itself, so
/// checks run in any order and twice.
using Check = std::function<void(const std::string& url, bool async)>;
using Checks = std::map<std::string, Check>;

/// Runs the check of every table row whose name starts with `prefix`, blocking then async, against
/// `url`. Fails for a row without a check and for a check that names no row. Returns the number
/// of rows run.
std::size_t run_every_row(const std::string& prefix, const Checks& checks, const std::string& url);

/// The Tingee checks: devices (sandbox_tingee_test.cpp) and the bank group (sandbox_tingee_bills_test.cpp).
Checks tingee_device_checks();
Checks tingee_bill_checks();
/// The virtual-account checks (sandbox_tingee_va_test.cpp).
Checks tingee_va_checks();
/// The direct-debit checks (sandbox_tingee_direct_debit_test.cpp).
Checks tingee_direct_debit_checks();
/// The checks of the bank VietQR, deep links, bank-link session and device read-amount
/// (sandbox_tingee_misc_test.cpp).
Checks tingee_misc_checks();
/// The shop and merchant checks (sandbox_tingee_merchant_test.cpp).
Checks tingee_merchant_checks();
/// The e-invoice checks (sandbox_tingee_e_invoice_test.cpp).
Checks tingee_e_invoice_checks();
/// The TConnect check of confirm_ipn (sandbox_tconnect_ipn_test.cpp); the others are in sandbox_tconnect_test.cpp.
Checks tconnect_ipn_checks();

/// "YYYY-MM-DD HH:MM:SS" in Vietnam time (TConnect's transaction-query format), `hours` from now.
std::string tconnect_time(int hours);
/// The TConnect transactions from a day before to a day after now, `limit` per page.
tconnect::TransactionQuery tconnect_today(std::int64_t limit = 1000);
/// Pays `order_id` through the sandbox at `url` (default: the suite's): its pending push, if any,
/// becomes a SUCCESS transaction of `payment_type`; returns the raw IPN body the receiver got.
std::string tconnect_pay(const std::string& order_id, Vnd amount, const std::string& payment_type = "QR",
                         const std::string& url = "");

/// The blocking form `client.method args`, or (async) the result of `client.method_async args`.
#define IT_CALL(async, client, method, args) ((async) ? (client).method##_async args.get() : (client).method args)

#define EXPECT_OK(r) EXPECT_TRUE((r).ok()) << describe((r).error())
#define ASSERT_OK(r) ASSERT_TRUE((r).ok()) << describe((r).error())

}  // namespace paygw::it
