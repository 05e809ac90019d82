// SPDX-License-Identifier: MIT
// paygw — command-line access to every paygw call, plus signing/verification helpers.
//
//   paygw [global flags] <group> <command> [flags]      (global flags may come anywhere)
//
// Parsing is CLI11 (Debian libcli11-dev): each group and command has its own --help, unknown
// flags and bad values are usage errors (exit 2), --flag=value works. Exit codes: cli.hpp Exit.
#include "cli.hpp"
#include "settings.hpp"

#ifdef PAYGW_CLI_WITH_RECONCILE
#include "reconcile_command.hpp"
#include "sweep.hpp"
#endif

#include <algorithm>
#include <iostream>
#include <vector>

namespace {

using namespace paygw::cli;

constexpr const char* kGlobalFooter =
    "Global flags (anywhere on the line): --json, --raw, -v/--verbose, --timeout S, --retries N, --ca-file F,\n"
    "--show-secrets, --bank-prefix v1|v1/bank, --version. Exit codes: paygw --help.";

constexpr const char* kMainFooter =
    "Credentials come from the group's flags or its environment variables (PAYGW_TINGEE_*, PAYGW_TCONNECT_*,\n"
    "PAYGW_CHARGING_*; each command's --help lists those it reads). Secrets are printed as <redacted> unless\n"
    "--show-secrets.\n"
    "\n"
    "Exit codes:\n"
    "  0  done (a card: credited; tconnect confirm-ipn: confirmed, credit it)\n"
    "  1  refused by the provider, or a signature/QR/decryption check failed (confirm-ipn: the amount\n"
    "     differs from TConnect's transaction): no effect\n"
    "  2  usage: unknown command or flag, bad or missing value, invalid request (nothing was sent)\n"
    "  3  not found: the device, card, bill or request (confirm-ipn: the IPN's transaction) does not exist\n"
    "  4  card final but not credited (card error, maintenance, duplicate request_id, submit failed)\n"
    "  5  not final yet: a pending card, or (confirm-ipn) a transaction not SUCCESS yet: check again later\n"
    "  6  not sent: the connection failed before the request was written; safe to repeat\n"
    "  7  outcome unknown: the request may have been carried out; reconcile before repeating\n"
    "  8  configuration: a credential or base URL is missing or invalid, or the provider refused the\n"
    "     credentials (signature, authentication, unknown partner): nothing was done; fix the setting named";

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

// Edit distance of two short words (the suggestion for a mistyped command).
std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// What the command line names, as far as it names commands: the deepest command reached and the
// first word that is not one of its subcommands ("" when there is none).
std::pair<const CLI::App*, std::string> walk(const CLI::App& app, int argc, char** argv) {
  const CLI::App* node = &app;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word.size() > 1 && word[0] == '-') {
      if (word.find('=') != std::string::npos) continue;
      for (const CLI::App* n = node; n != nullptr; n = n->get_parent()) {
        if (const CLI::Option* opt = n->get_option_no_throw(word)) {
          if (opt->get_expected_min() > 0) ++i;  // its value
          break;
        }
      }
      continue;
    }
    if (node->get_subcommands([](const CLI::App*) { return true; }).empty()) break;  // a leaf's positional
    const CLI::App* sub = nullptr;
    for (const CLI::App* s : node->get_subcommands([](const CLI::App*) { return true; })) {
      if (s->check_name(word)) sub = s;
    }
    if (sub == nullptr) return {node, word};
    node = sub;
  }
  return {node, ""};
}

// "paygw tingee": the command path of `node`.
std::string path_of(const CLI::App* node) {
  std::string path;
  for (; node != nullptr; node = node->get_parent()) path = node->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

// For a command line that names no command or an unknown one: what was meant, or "" (then CLI11's
// message stands).
std::string command_hint(const CLI::App& app, int argc, char** argv, const std::string& error) {
  const auto [node, word] = walk(app, argc, argv);
  const auto subs = node->get_subcommands([](const CLI::App*) { return true; });
  if (subs.empty() || (word.empty() && error.find("ubcommand") == std::string::npos)) return {};
  std::vector<std::string> names;
  for (const CLI::App* s : subs) names.push_back(s->get_name());
  if (word.empty()) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    return path_of(node) + " needs a command: " + list;
  }
  std::vector<std::string> near;
  for (const auto& n : names) {
    const bool prefix = n.rfind(word, 0) == 0 || word.rfind(n, 0) == 0;
    if (prefix || distance(word, n) <= std::max<std::size_t>(2, word.size() / 3)) near.push_back(n);
  }
  std::string text = "unknown command '" + word + "' for '" + path_of(node) + "'";
  if (!near.empty()) {
    text += ". Did you mean ";
    for (std::size_t i = 0; i < near.size(); ++i) {
      text += (i == 0 ? "" : i + 1 == near.size() ? " or " : ", ") + ("'" + path_of(node) + " " + near[i] + "'");
    }
    text += "?";
  }
  return text;
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
  add_banks_commands(app, ctx);
#ifdef PAYGW_CLI_WITH_RECONCILE
  add_reconcile_command(app, ctx.action);
  add_sweep_command(app, ctx);
#endif
#ifdef PAYGW_CLI_WITH_HTTPLIB
  add_trigger_commands(app, ctx);
  add_listen_command(app, ctx);
#endif
  add_completion_command(app, ctx);
  add_environment_help(app);  // each command's --help lists the variables it reads
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
    const std::string hint = command_hint(app, argc, argv, e.what());
    std::cerr << "paygw: " << (hint.empty() ? std::string(e.what()) : hint) << "\n"
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
  } catch (const ConfigError& e) {
    std::cerr << "paygw: " << e.message << "\n"
              << "paygw: nothing was sent. Run '" << selected_path(app) << " --help' for the settings it reads.\n";
    if (ctx.globals.json) {
      std::cout << Json{{"error",
                         {{"code", "config"},
                          {"message", e.message},
                          {"delivery", "not_sent"},
                          {"outcome", "configuration"},
                          {"outcome_unknown", false},
                          {"exit_code", static_cast<int>(Exit::kConfig)}}}}
                       .dump(2)
                << "\n";
    }
    return static_cast<int>(Exit::kConfig);
  } catch (const UsageError& e) {
    std::cerr << "paygw: " << e.message << "\n"
              << "Run '" << selected_path(app) << " --help' for usage.\n";
    return static_cast<int>(Exit::kUsage);
  } catch (const std::exception& e) {
    std::cerr << "paygw: internal error: " << e.what() << "\n";
    return static_cast<int>(Exit::kFailed);
  }
}
