// SPDX-License-Identifier: MIT
#include "reconcile_command.hpp"

#include <paygw/charging/client.hpp>
#include <paygw/http/curl_transport.hpp>
#include <paygw/receive/reconciler.hpp>
#include <paygw/store/postgres.hpp>
#include <paygw/store/sqlite.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tingee/client.hpp>

#include <cstdlib>
#include <memory>

namespace paygw::cli {

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

Result<std::shared_ptr<PaymentStore>> open(const ReconcileArgs& args) {
  if (!args.sqlite.empty()) {
    sqlite::StoreOptions o;
    o.path = args.sqlite;
    return sqlite::open_store(o);
  }
  postgres::StoreOptions o;
  o.conninfo = args.postgres;
  return postgres::open_store(o);
}

}  // namespace

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
    return 2;
  }
  auto store = open(args);
  if (!store) {
    std::fprintf(out, "paygw reconcile: %s\n", describe(store.error()).c_str());
    return 2;
  }
  receive::ReconcileQueries queries;
  auto transport = http::make_curl_transport();
  if (!transport) return std::fprintf(out, "paygw reconcile: %s\n", describe(transport.error()).c_str()), 2;
  // Each provider is queried when its settings are in the environment (the names the CLI uses).
  if (const std::string base_url = env("PAYGW_CHARGING_BASE_URL"); !base_url.empty()) {
    charging::Config config;
    config.base_url = base_url;
    config.partner_id = env("PAYGW_CHARGING_PARTNER_ID");
    config.partner_key = Secret(env("PAYGW_CHARGING_PARTNER_KEY"));
    config.transport = *transport;
    auto client = charging::Client::create(config);
    if (!client) return std::fprintf(out, "paygw reconcile: charging: %s\n", describe(client.error()).c_str()), 2;
    queries.check_card = receive::check_with(*client);
  } else {
    std::fprintf(out, "paygw reconcile: PAYGW_CHARGING_BASE_URL unset: charging cards are skipped\n");
  }
  if (const std::string base_url = env("PAYGW_TCONNECT_BASE_URL"); !base_url.empty()) {
    tconnect::Config config;
    config.base_url = base_url;
    config.partner_code = env("PAYGW_TCONNECT_PARTNER_CODE");
    config.username = env("PAYGW_TCONNECT_USERNAME");
    config.password = Secret(env("PAYGW_TCONNECT_PASSWORD"));
    config.client_id = env("PAYGW_TCONNECT_CLIENT_ID");
    config.client_secret = Secret(env("PAYGW_TCONNECT_CLIENT_SECRET"));
    config.aes_key = Secret(env("PAYGW_TCONNECT_AES_KEY"));
    config.transport = *transport;
    auto client = tconnect::Client::create(config);
    if (!client) return std::fprintf(out, "paygw reconcile: tconnect: %s\n", describe(client.error()).c_str()), 2;
    queries.confirm_ipn = receive::confirm_with(*client);
  }
  if (const std::string base_url = env("PAYGW_TINGEE_BASE_URL"); !base_url.empty()) {
    tingee::Config config;
    config.base_url = base_url;
    config.client_id = env("PAYGW_TINGEE_CLIENT_ID");
    config.secret = Secret(env("PAYGW_TINGEE_SECRET"));
    config.transport = *transport;
    auto client = tingee::Client::create(config);
    if (!client) return std::fprintf(out, "paygw reconcile: tingee: %s\n", describe(client.error()).c_str()), 2;
    queries.find_tingee = receive::find_with(*client);
  }

  receive::ReconcileOptions options;
  options.older_than = args.older_than;
  options.limit = args.limit;
  options.max_queries_per_second = args.rate;
  options.cancel = cancel;
  options.store_key = Secret(env("PAYGW_STORE_KEY"));
  if (queries.check_card && options.store_key.size() < 32) {
    std::fprintf(out, "paygw reconcile: PAYGW_STORE_KEY (the key the cards were recorded with) is required\n");
    return 2;
  }
  options.progress = [out](const receive::ReconcileProgress& p) {
    std::fprintf(out, "%s\n", receive::progress_line(p).c_str());
    std::fflush(out);
  };
  const receive::Applier applier(*store);  // no handlers here: what is applied is owed to the service
  auto report = receive::reconcile(applier, queries, options);
  if (!report) {
    std::fprintf(out, "paygw reconcile: %s\n", describe(report.error()).c_str());
    return 1;
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
