// SPDX-License-Identifier: MIT
#include "reconcile_command.hpp"

#include <paygw/charging/client.hpp>
#include <paygw/http/curl_transport.hpp>
#include <paygw/receive/reconciler.hpp>
#include <paygw/store/postgres.hpp>
#include <paygw/store/sqlite.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tingee/client.hpp>

#include <paygw/env.hpp>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string_view>

namespace paygw::cli {

namespace {

std::string env(const char* name) { return env_value(name); }

// Exit codes (reconcile_command.hpp).
constexpr int kFailed = 1, kUsage = 2, kConfig = 8;

// The --help text: the variables reconcile reads (paygw/env.hpp's table).
std::string environment_footer() {
  std::string out =
      "Environment: each provider is queried when its base URL is set, with the settings of its client's\n"
      "Config::from_env() (the same variables as `paygw <group>`):\n";
  std::size_t width = 0;
  for (const auto& v : env_variables()) width = std::max(width, v.name.size());
  for (const std::string_view group : {"store", "charging", "tconnect", "tingee"}) {
    for (const auto& v : env_variables(group)) {
      if (group == "tingee" && v.name == "PAYGW_TINGEE_BANK_PREFIX") continue;
      std::string kind = group == "store" ? "required to check cards" : v.required ? "required" : "optional";
      if (v.name.size() > 9 && v.name.substr(v.name.size() - 9) == "_BASE_URL") kind = "set: query this provider";
      if (v.secret) kind += ", secret";
      out += "  " + std::string(v.name) + std::string(width - v.name.size() + 2, ' ') + std::string(v.description) +
             " (" + kind + ")\n";
    }
  }
  out += "Exit codes: 0 nothing failed, 1 a query or the store failed, 2 usage, 8 configuration, 130 cancelled.";
  return out;
}

}  // namespace

Result<std::shared_ptr<PaymentStore>> open_payment_store(const std::string& sqlite, const std::string& postgres) {
  if (!sqlite.empty()) {
    sqlite::StoreOptions o;
    o.path = sqlite;
    return sqlite::open_store(o);
  }
  postgres::StoreOptions o;
  o.conninfo = postgres;
  return postgres::open_store(o);
}

std::optional<std::chrono::milliseconds> parse_duration(const std::string& text) {
  std::size_t digits = 0;
  while (digits < text.size() && digits < 12 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return std::nullopt;
  const long long n = std::stoll(text.substr(0, digits));
  const std::string unit = text.substr(digits);
  if (unit == "ms") return std::chrono::milliseconds(n);
  if (unit == "s") return std::chrono::milliseconds(n * 1000);
  if (unit == "m") return std::chrono::milliseconds(n * 60'000);
  if (unit == "h") return std::chrono::milliseconds(n * 3'600'000);
  return std::nullopt;
}

int run_reconcile(const ReconcileArgs& args, std::FILE* out, std::optional<CancelToken> cancel) {
  if (args.sqlite.empty() == args.postgres.empty()) {
    std::fprintf(out, "paygw reconcile: give exactly one of --sqlite FILE or --postgres CONNINFO\n");
    return kUsage;
  }
  auto store = open_payment_store(args.sqlite, args.postgres);
  if (!store) {
    // A store that cannot be opened is a failure of the store (exit 1), not of the command line.
    std::fprintf(out, "paygw reconcile: cannot open the %s store %s: %s\n",
                 args.sqlite.empty() ? "PostgreSQL" : "SQLite",
                 args.sqlite.empty() ? "(--postgres)" : args.sqlite.c_str(), store.error().message.c_str());
    return kFailed;
  }
  receive::ReconcileQueries queries;
  http::CurlOptions curl;
  curl.proxy_from_environment = true;  // as every paygw command (ADR 0004, Proxies); never for loopback
  auto transport = http::make_curl_transport(curl);
  if (!transport) return std::fprintf(out, "paygw reconcile: %s\n", describe(transport.error()).c_str()), kFailed;
  auto config_failed = [out](const char* group, const Error& e) {
    std::fprintf(out, "paygw reconcile: %s settings: %s\n", group, e.message.c_str());
    return kConfig;
  };
  // Each provider is queried when its base URL is in the environment (Config::from_env: the names
  // the CLI uses).
  if (!env("PAYGW_CHARGING_BASE_URL").empty()) {
    auto config = charging::Config::from_env();
    if (!config) return config_failed("charging", config.error());
    config->transport = *transport;
    auto client = charging::Client::create(*config);
    if (!client) return config_failed("charging", client.error());
    queries.check_card = receive::check_with(*client);
  } else {
    std::fprintf(out, "paygw reconcile: PAYGW_CHARGING_BASE_URL unset: charging cards are skipped\n");
  }
  if (!env("PAYGW_TCONNECT_BASE_URL").empty()) {
    auto config = tconnect::Config::from_env();
    if (!config) return config_failed("tconnect", config.error());
    config->transport = *transport;
    auto client = tconnect::Client::create(*config);
    if (!client) return config_failed("tconnect", client.error());
    queries.confirm_ipn = receive::confirm_with(*client);
  }
  if (!env("PAYGW_TINGEE_BASE_URL").empty()) {
    auto config = tingee::Config::from_env();
    if (!config) return config_failed("tingee", config.error());
    config->transport = *transport;
    auto client = tingee::Client::create(*config);
    if (!client) return config_failed("tingee", client.error());
    queries.find_tingee = receive::find_with(*client);
    queries.money_out = receive::money_out_with(*client);  // direct-debit payments and refunds (ADR 0053)
  }

  receive::ReconcileOptions options;
  options.older_than = args.older_than;
  options.limit = args.limit;
  options.max_queries_per_second = args.rate;
  options.cancel = cancel;
  options.store_key = Secret(env("PAYGW_STORE_KEY"));
  if (queries.check_card && options.store_key.size() < 32) {
    std::fprintf(out,
                 "paygw reconcile: PAYGW_STORE_KEY (the key the cards were recorded with, 32+ bytes) is required\n");
    return kConfig;
  }
  options.progress = [out](const receive::ReconcileProgress& p) {
    std::fprintf(out, "%s\n", receive::progress_line(p).c_str());
    std::fflush(out);
  };
  const receive::Applier applier(*store);  // no handlers here: what is applied is owed to the service
  auto report = receive::reconcile(applier, queries, options);
  if (!report) {
    std::fprintf(out, "paygw reconcile: %s\n", report.error().message.c_str());
    return kFailed;
  }
  const auto& t = report->totals;
  std::fprintf(out,
               "reconciled %zu of %zu: %zu applied (handlers owed to the service), %zu still pending, %zu skipped, %zu "
               "failed%s\n",
               t.done, t.total, t.applied, t.still_pending, t.skipped, t.failed,
               report->cancelled ? " — cancelled" : "");
  for (const auto& line : report->errors) std::fprintf(out, "  %s\n", line.c_str());
  if (report->cancelled) return 130;
  return t.failed == 0 ? 0 : 1;
}

void add_reconcile_command(CLI::App& app, std::function<int()>& action, std::optional<CancelToken> cancel) {
  auto args = std::make_shared<ReconcileArgs>();
  auto older = std::make_shared<std::string>("5m");
  CLI::App* sub = app.add_subcommand(
      "reconcile", "Settle submissions pending or maybe-sent past an age by asking the providers (check, ...)");
  sub->footer(std::function<std::string()>(environment_footer));
  sub->add_option("--sqlite", args->sqlite, "The SQLite store file");
  sub->add_option("--postgres", args->postgres, "The PostgreSQL store (libpq connection string)");
  sub->add_option("--older-than", *older, "Only submissions at least this old: 300ms, 30s, 5m, 2h")
      ->capture_default_str();
  sub->add_option("--limit", args->limit, "At most this many submissions")->capture_default_str();
  sub->add_option("--rate", args->rate, "Queries per second (0 = no pause)")->capture_default_str();
  sub->callback([args, older, &action, cancel] {
    const auto d = parse_duration(*older);
    if (!d) throw CLI::ValidationError("--older-than", "expected a duration such as 30s, 5m or 2h");
    args->older_than = *d;
    action = [args, cancel] { return run_reconcile(*args, stdout, cancel); };
  });
}

}  // namespace paygw::cli
