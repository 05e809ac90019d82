// SPDX-License-Identifier: MIT
// `paygw sweep`: pages through Tingee's and TConnect's transaction lists over a window and applies
// every credit not yet applied, under its webhook's or IPN's own event key (receive::sweep). The
// providers are those whose settings are in the environment (as for `paygw reconcile`); no
// merchant handler runs here: what it applies is owed to the service (Applier::run_deferred).
#include "sweep.hpp"

#include "reconcile_command.hpp"

#include <paygw/receive/sweep.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace paygw::cli {

namespace {

struct SweepArgs {
  std::string sqlite;
  std::string postgres;
  std::string since = "24h";
  std::string until = "0s";
  std::string cursor_file;
  std::size_t max_pages = 100;
  std::string pause = "500ms";
  std::int64_t page_size = 100;
  bool no_card = false;
  bool no_cash = false;
};

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

std::chrono::milliseconds duration(const std::string& text, const std::string& flag) {
  const auto d = parse_duration(text);
  if (!d) throw UsageError{flag + ": expected a duration such as 500ms, 30s, 5m or 2h"};
  return *d;
}

// The Tingee and TConnect clients whose settings are in the environment.
receive::SweepSources sources(const Context& ctx) {
  receive::SweepSources s;
  if (const std::string base_url = env("PAYGW_TINGEE_BASE_URL"); !base_url.empty()) {
    tingee::Config c;
    c.base_url = base_url;
    c.client_id = env("PAYGW_TINGEE_CLIENT_ID");
    c.secret = Secret(env("PAYGW_TINGEE_SECRET"));
    ctx.apply(c);
    auto client = tingee::Client::create(c);
    if (!client) throw UsageError{"tingee: " + describe(client.error())};
    s.tingee = receive::sweep_list_with(*client);
  }
  if (const std::string base_url = env("PAYGW_TCONNECT_BASE_URL"); !base_url.empty()) {
    tconnect::Config c;
    c.base_url = base_url;
    c.partner_code = env("PAYGW_TCONNECT_PARTNER_CODE");
    c.username = env("PAYGW_TCONNECT_USERNAME");
    c.password = Secret(env("PAYGW_TCONNECT_PASSWORD"));
    c.client_id = env("PAYGW_TCONNECT_CLIENT_ID");
    c.client_secret = Secret(env("PAYGW_TCONNECT_CLIENT_SECRET"));
    c.aes_key = Secret(env("PAYGW_TCONNECT_AES_KEY"));
    ctx.apply(c);
    auto client = tconnect::Client::create(c);
    if (!client) throw UsageError{"tconnect: " + describe(client.error())};
    s.tconnect = receive::sweep_list_with(*client);
  }
  return s;
}

// The cursor saved in `path`, if the file holds one.
std::optional<receive::SweepCursor> saved_cursor(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::string line;
  std::getline(in, line);
  if (line.empty()) return std::nullopt;
  auto cursor = receive::parse_sweep_cursor(line);
  if (!cursor) throw UsageError{path + ": " + describe(cursor.error())};
  return *cursor;
}

// Writes `cursor` to `path` through a temporary file and a rename (a crash leaves the old or the new one).
bool save_cursor(const std::string& path, const receive::SweepCursor& cursor) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << to_string(cursor) << "\n";
    if (!out.flush()) return false;
  }
  return std::rename(temporary.c_str(), path.c_str()) == 0;
}

int run_sweep(const Context& ctx, const SweepArgs& args) {
  if (args.sqlite.empty() == args.postgres.empty()) {
    throw UsageError{"give exactly one of --sqlite FILE or --postgres CONNINFO"};
  }
  const auto since = duration(args.since, "--since");
  const auto until = duration(args.until, "--until");
  if (until > since) throw UsageError{"--until must not be longer ago than --since"};
  receive::SweepOptions options;
  options.pause = duration(args.pause, "--pause");
  options.max_pages = args.max_pages;
  options.page_size = args.page_size;
  options.tconnect_card = !args.no_card;
  options.tconnect_cash = !args.no_cash;
  options.call = ctx.call();
  const receive::SweepSources from = sources(ctx);
  if (!from.tingee && !from.tconnect) {
    throw UsageError{"nothing to sweep: set PAYGW_TINGEE_BASE_URL (and its credentials) or PAYGW_TCONNECT_BASE_URL"};
  }
  std::optional<receive::SweepCursor> cursor;
  if (!args.cursor_file.empty()) cursor = saved_cursor(args.cursor_file);
  if (cursor) {
    std::printf("sweep: resuming %s\n", to_string(*cursor).c_str());
  } else {
    const auto now = std::chrono::system_clock::now();
    auto window = receive::sweep_window(now - since, now - until);
    if (!window) throw UsageError{describe(window.error())};
    cursor = *window;
  }
  auto store = open_payment_store(args.sqlite, args.postgres);
  if (!store) {
    std::fprintf(stderr, "paygw sweep: %s\n", describe(store.error()).c_str());
    return static_cast<int>(Exit::kUsage);
  }
  bool saved = true;
  options.progress = [&](const receive::SweepReport& r) {
    std::printf("%s\n", receive::sweep_line(r).c_str());
    std::fflush(stdout);
    if (!args.cursor_file.empty()) saved = save_cursor(args.cursor_file, r.next) && saved;
  };
  const receive::Applier applier(*store);  // no handlers here: what is applied is owed to the service
  auto report = receive::sweep(applier, from, *cursor, options);
  if (!report) throw UsageError{describe(report.error())};
  if (!saved) std::fprintf(stderr, "paygw sweep: could not write %s\n", args.cursor_file.c_str());
  if (report->next.done() && !args.cursor_file.empty())
    std::remove(args.cursor_file.c_str());  // the next run starts anew
  if (report->error) {
    std::fprintf(stderr, "paygw sweep: stopped: %s\n", describe(*report->error).c_str());
    return static_cast<int>(Exit::kFailed);
  }
  if (!report->next.done()) {
    std::printf("sweep: stopped at --max-pages; continue from %s\n", to_string(report->next).c_str());
    return static_cast<int>(Exit::kPending);
  }
  return static_cast<int>(Exit::kOk);
}

}  // namespace

void add_sweep_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SweepArgs>();
  CLI::App* sub =
      command(app, ctx, "sweep",
              "Apply the Tingee/TConnect credits no webhook or IPN delivered, from the providers' transaction lists",
              [&ctx, args] { return run_sweep(ctx, *args); });
  sub->add_option("--sqlite", args->sqlite, "The SQLite store file");
  sub->add_option("--postgres", args->postgres, "The PostgreSQL store (libpq connection string)");
  sub->add_option("--since", args->since, "Window start, this long ago: 30m, 2h, 240h")->capture_default_str();
  sub->add_option("--until", args->until, "Window end, this long ago")->capture_default_str();
  sub->add_option("--cursor", args->cursor_file,
                  "File keeping the position: resumed when present, written after each page, removed when done");
  sub->add_option("--max-pages", args->max_pages, "At most this many page queries per run")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  sub->add_option("--pause", args->pause, "Pause between two page queries: 0s, 500ms, 2s")->capture_default_str();
  sub->add_option("--page-size", args->page_size, "Transactions per page")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  sub->add_flag("--no-card", args->no_card, "Skip TConnect's card list");
  sub->add_flag("--no-cash", args->no_cash, "Skip TConnect's cash list");
  sub->footer(
      "Providers: those whose settings are in the environment (PAYGW_TINGEE_BASE_URL, _CLIENT_ID, _SECRET;\n"
      "PAYGW_TCONNECT_BASE_URL, _PARTNER_CODE, _USERNAME, _PASSWORD, _CLIENT_ID, _CLIENT_SECRET, _AES_KEY).\n"
      "No handler runs here: what is applied is owed to the service (Applier::run_deferred).\n"
      "Exit codes: 0 window done, 1 a query or the store failed (the cursor resumes at that page),\n"
      "2 usage, 5 stopped at --max-pages (run again with the same --cursor).");
}

}  // namespace paygw::cli
