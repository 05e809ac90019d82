// SPDX-License-Identifier: MIT
// paygw — command-line access to every paygw call, plus signing/verification helpers.
//
//   paygw [global flags] <group> <command> [flags]      (global flags may come anywhere)
//
// Parsing is CLI11 (Debian libcli11-dev): each group and command has its own --help, unknown
// flags and bad values are usage errors (exit 2), --flag=value works. Exit codes: cli.hpp Exit.
#include "cli.hpp"

#ifdef PAYGW_CLI_WITH_RECONCILE
#include "reconcile_command.hpp"
#include "sweep.hpp"
#endif

#include <iostream>

namespace {

using namespace paygw::cli;

constexpr const char* kGlobalFooter =
    "Global flags (anywhere on the line): --json, --raw, -v/--verbose, --timeout S, --retries N, --ca-file F,\n"
    "--show-secrets, --bank-prefix v1|v1/bank, --version. Exit codes: paygw --help.";

constexpr const char* kMainFooter =
    "Credentials come from the group's flags or its environment variables (PAYGW_TINGEE_*, PAYGW_TCONNECT_*,\n"
    "PAYGW_CHARGING_*; see each group's --help). Secrets are printed as <redacted> unless --show-secrets.\n"
    "\n"
    "Exit codes:\n"
    "  0  done (a card: credited; tconnect confirm-ipn: confirmed, credit it)\n"
    "  1  refused by the provider, or a signature/QR/decryption check failed (confirm-ipn: the amount\n"
    "     differs from TConnect's transaction): no effect\n"
    "  2  usage: unknown flag, bad or missing value, invalid request (nothing was sent)\n"
    "  3  not found: the device, card, bill or request (confirm-ipn: the IPN's transaction) does not exist\n"
    "  4  card final but not credited (card error, maintenance, duplicate request_id, submit failed)\n"
    "  5  not final yet: a pending card, or (confirm-ipn) a transaction not SUCCESS yet: check again later\n"
    "  6  not sent: the connection failed before the request was written; safe to repeat\n"
    "  7  outcome unknown: the request may have been carried out; reconcile before repeating";

// "paygw tingee get-paging": the commands the parse selected, for the usage hint.
std::string selected_path(const CLI::App& app) {
  std::string path = "paygw";
  const CLI::App* node = &app;
  while (node != nullptr) {
    const auto subs = node->get_subcommands();
    node = subs.empty() ? nullptr : subs.front();
    if (node != nullptr) path += " " + node->get_name();
  }
  return path;
}

}  // namespace

int main(int argc, char** argv) {
  Context ctx;
  CLI::App app{"paygw — Tingee, TConnect, card charging and VietQR from the command line", "paygw"};
  app.fallthrough();  // flags of a parent (global, credentials) are accepted after its subcommands
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("paygw ") + paygw::kVersion);
  app.footer(kGlobalFooter);
  Globals& g = ctx.globals;
  auto* json = app.add_flag("--json", g.json, "Print the result (or the error) as JSON");
  app.add_flag("--raw", g.raw, "Print only the result's value(s), one per line, for piping")->excludes(json);
  app.add_flag("-v,--verbose", g.verbose, "Log each attempt, its timing and the retry decision to stderr (redacted)");
  app.add_option("--timeout", g.timeout_s, "Seconds per attempt, and no retry starts after this many since the first")
      ->check(whole_number(1, 3600));
  app.add_option("--retries", g.retries, "Retries of reads and of requests certainly not sent (default 2)")
      ->check(whole_number(0, 10));
  app.add_option("--ca-file", g.ca_file, "PEM file of trusted CAs (e.g. an HTTPS sandbox's certificate)")
      ->check(CLI::ExistingFile);
  app.add_flag("--show-secrets", g.show_secrets, "Print keys, card codes and serials instead of <redacted>");
  app.add_option("--bank-prefix", g.bank_prefix,
                 "Path prefix of Tingee's bank group (QR bills, get-banks): v1 as Tingee documents, or v1/bank as "
                 "its SDKs send")
      ->check(CLI::IsMember({"v1", "v1/bank"}))
      ->envname("PAYGW_TINGEE_BANK_PREFIX")
      ->capture_default_str();

  // Command groups, one file each (tools/cli/<group>.cpp; reconcile: tools/reconcile, built with
  // the store components), declared in cli.hpp and added here.
  add_tingee_commands(app, ctx);
  add_tconnect_commands(app, ctx);
  add_charging_commands(app, ctx);
  add_qr_commands(app, ctx);
#ifdef PAYGW_CLI_WITH_RECONCILE
  add_reconcile_command(app, ctx.action);
  add_sweep_command(app, ctx);
#endif
#ifdef PAYGW_CLI_WITH_HTTPLIB
  add_trigger_commands(app, ctx);
  add_listen_command(app, ctx);
#endif
  add_completion_command(app, ctx);
  app.footer(std::string(kGlobalFooter) + "\n\n" + kMainFooter);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "paygw: " << e.what() << "\n"
              << "Run '" << selected_path(app) << " --help' for usage.\n";
    return static_cast<int>(Exit::kUsage);
  }
  if (!ctx.action) {
    std::cerr << "paygw: no command\n";
    return static_cast<int>(Exit::kUsage);
  }
  try {
    ctx.started = std::chrono::steady_clock::now();
    const int code = ctx.action();
    if (ctx.globals.verbose) {
      std::cerr << "paygw: exit " << code << " after "
                << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - ctx.started)
                       .count()
                << " ms\n";
    }
    return code;
  } catch (const UsageError& e) {
    std::cerr << "paygw: " << e.message << "\n"
              << "Run '" << selected_path(app) << " --help' for usage.\n";
    return static_cast<int>(Exit::kUsage);
  } catch (const std::exception& e) {
    std::cerr << "paygw: internal error: " << e.what() << "\n";
    return static_cast<int>(Exit::kFailed);
  }
}
