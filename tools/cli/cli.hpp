// SPDX-License-Identifier: MIT
// paygw CLI — what every command file shares: global flags, strict numbers, output, exit codes.
//
// A command file (tingee.cpp, tconnect.cpp, ...) adds its subcommands to the CLI11 tree with
// add_<provider>_commands(). A leaf command's CLI11 callback only stores what to do in
// Context::action; main() runs it once parsing has finished, so global flags given after the
// command (`paygw tingee get-paging --json`) are already known.
#pragma once

#include <paygw/paygw.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace paygw::cli {

using Json = nlohmann::ordered_json;

/// Exit codes (documented in docs/sandbox-and-cli.md and in `paygw --help`).
enum class Exit : int {
  kOk = 0,              ///< Done; for a card: credited; for an IPN: confirmed (credit it).
  kFailed = 1,          ///< Refused (by the provider, or a signature/QR/decryption/IPN-amount check): no effect.
  kUsage = 2,           ///< Bad command line: unknown flag, bad or missing value. Nothing was sent.
  kNotFound = 3,        ///< The device, card, bill, request or an IPN's transaction does not exist.
  kNotCredited = 4,     ///< A card result that is final but credits nothing (card error, duplicate, ...).
  kPending = 5,         ///< A card result, or an IPN's transaction, that is not final yet: check again later.
  kNotSent = 6,         ///< The connection failed before anything was sent: safe to repeat.
  kOutcomeUnknown = 7,  ///< May have been carried out: reconcile before repeating.
  kConfig = 8,          ///< A setting is missing or wrong, or the provider refused the credentials: nothing done.
};

/// A command-line mistake found while running a command (exit 2).
struct UsageError {
  std::string message;
};

/// A setting (credential, base URL) missing or invalid, found while running a command (exit 8).
struct ConfigError {
  std::string message;
};

/// Flags that may appear anywhere on the command line.
struct Globals {
  bool json = false;
  bool raw = false;
  bool verbose = false;
  bool show_secrets = false;
  std::optional<std::int64_t> timeout_s;
  std::optional<std::int64_t> retries;
  std::string ca_file;
  std::string bank_prefix = "v1";  ///< Tingee's bank-group path prefix: "v1" or "v1/bank".
};

/// What the parse decided and the settings every command reads.
struct Context {
  Globals globals;
  std::function<int()> action;  ///< Set by the chosen leaf command's callback.
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();  ///< When the action began.
  std::string group;  ///< The chosen command's group ("tingee", "tconnect", "charging", "qr", "paygw").
  bool read = false;  ///< The chosen command is a provider read (is_read): never "outcome unknown".

  /// Transport, logger (--verbose), timeout (--timeout) and retries (--retries) for a client.
  void apply(ClientOptions& options) const;
  /// Per-call options: the --timeout budget for all attempts.
  CallOptions call() const;
  /// `secret`, or "<redacted>" unless --show-secrets.
  std::string shown(const std::string& secret) const;
};

/// Whether `group name` is a provider call that changes nothing (listed in cli.cpp).
bool is_read(const std::string& group, const std::string& name);
/// Registers a leaf command: CLI11 parses its flags, then `run` becomes the action.
CLI::App* command(CLI::App& parent, Context& ctx, const std::string& name, const std::string& description,
                  std::function<int()> run_fn);

// ---- strict numbers: the whole value, digits only, within [min, max]; anything else is exit 2 ----

/// A CLI11 check for whole numbers in [min, max] (no sign, no spaces, no hex, no exponent).
CLI::Validator whole_number(std::int64_t min, std::int64_t max);
/// Parses `text` like whole_number(); throws UsageError naming `what`.
std::int64_t parse_whole(const std::string& text, std::int64_t min, std::int64_t max, const std::string& what);
/// An amount of VND: 1 .. kMaxAmountVnd.
CLI::Validator amount_vnd();
/// A bank where a BIN is taken: a 6-digit BIN is kept; a code, Tingee code or short name of the
/// VietQR bank directory (`paygw banks list`) becomes its BIN; anything else is exit 2 (banks.cpp).
CLI::Validator known_bank();

/// `text` split at `sep`, empty parts dropped.
std::vector<std::string> split(const std::string& text, char sep);
/// `value`, or standard input when it is "-".
std::string text_or_stdin(const std::string& value);
/// The contents of `path` (throws UsageError when unreadable).
std::string read_file(const std::string& path);
/// A required input: `value`, or a UsageError saying that `what` is required.
std::string given(const std::string& value, const std::string& what);

// ---- output ----

/// One command's result: fields for text/--json, the lines --raw prints, and the exit code.
class Output {
 public:
  Json fields = Json::object();
  std::vector<std::string> raw;  ///< --raw output; when empty, --raw prints `fields` as one JSON line.
  Exit exit = Exit::kOk;
  std::string note;  ///< When set, printed to stderr ("paygw: <note>"), e.g. what to check after a refusal.

  Output& set(const std::string& key, Json value) {
    fields[key] = std::move(value);
    return *this;
  }
  /// Sets `key` only when `value` has one.
  Output& maybe(const std::string& key, const std::optional<std::int64_t>& value) {
    if (value) fields[key] = *value;
    return *this;
  }
};

/// Prints `out` as text (YAML-like), JSON (--json) or raw lines (--raw); returns its exit code.
int print(const Context& ctx, const Output& out);

/// Prints a failed call (stderr; also stdout as {"error": ...} with --json) and returns its code,
/// in this order: kOutcomeUnknown when Error::outcome_unknown() and the command is not a read
/// (JSON outcome "unknown"); kUsage
/// for kInvalidArgument; kConfig for kConfig and for the provider refusing the credentials
/// (settings.hpp: credential_refusal); kNotFound when `not_found`; kNotSent when certainly not
/// sent; else kFailed. A definite refusal is worded "reached <provider>, refused: ..." with what
/// to check. `extra` members are added to the JSON error object.
int fail(const Context& ctx, const Error& error, bool not_found = false, const Json& extra = Json::object());

/// fail() for errors, else `fill` then print().
template <typename T, typename Fill>
int report(const Context& ctx, const Result<T>& result, Fill fill, bool (*not_found)(const Error&) = nullptr) {
  if (!result) return fail(ctx, result.error(), not_found != nullptr && not_found(result.error()));
  Output out;
  fill(out, *result);
  return print(ctx, out);
}

// ---- command groups (one file each) ----

void add_tingee_commands(CLI::App& app, Context& ctx);
void add_tconnect_commands(CLI::App& app, Context& ctx);
void add_charging_commands(CLI::App& app, Context& ctx);
void add_qr_commands(CLI::App& app, Context& ctx);
void add_banks_commands(CLI::App& app, Context& ctx);
/// `paygw trigger ...`: simulated payments on paygw-sandbox (trigger.cpp; built with cpp-httplib).
void add_trigger_commands(CLI::App& app, Context& ctx);
/// `paygw listen`: check, print and forward deliveries (listen.cpp; built with cpp-httplib).
void add_listen_command(CLI::App& app, Context& ctx);
/// `paygw completion bash`: a bash completion script generated from the command tree.
void add_completion_command(CLI::App& app, Context& ctx);

}  // namespace paygw::cli
