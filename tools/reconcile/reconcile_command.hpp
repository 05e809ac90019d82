// SPDX-License-Identifier: MIT
// `paygw reconcile`: settles the submissions no callback settled, by asking the providers, with a
// progress line per submission. A function the CLI calls, plus its CLI11 subcommand.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/result.hpp>
#include <paygw/store.hpp>

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace paygw::cli {

struct ReconcileArgs {
  std::string sqlite;                                             ///< --sqlite FILE
  std::string postgres;                                           ///< --postgres CONNINFO (exactly one of the two)
  std::chrono::milliseconds older_than{std::chrono::minutes(5)};  ///< --older-than 5m
  std::size_t limit = 500;                                        ///< --limit N
  double rate = 2.0;                                              ///< --rate QUERIES_PER_SECOND
};

/// The store a `--sqlite FILE` or (when `sqlite` is empty) `--postgres CONNINFO` option names, for
/// `paygw reconcile` and `paygw sweep` alike. Errors: the store's (cannot open, schema, key).
Result<std::shared_ptr<PaymentStore>> open_payment_store(const std::string& sqlite, const std::string& postgres);

/// "300ms", "30s", "5m", "2h" -> milliseconds; nullopt otherwise.
std::optional<std::chrono::milliseconds> parse_duration(const std::string& text);

/// Opens the store, builds the provider queries from the environment (each provider whose
/// PAYGW_<PROVIDER>_BASE_URL is set, with its client's Config::from_env(); the sealed cards open
/// with PAYGW_STORE_KEY), and reconciles, printing a progress line per submission and a summary to
/// `out`. No merchant handler runs here: what it applies is left owed for the service's
/// Applier::run_deferred(). Exit code: 0 nothing failed, 1 a query or the store failed (including
/// a store that cannot be opened), 2 bad usage, 8 a setting missing or invalid, 130 cancelled.
int run_reconcile(const ReconcileArgs& args, std::FILE* out, std::optional<CancelToken> cancel = std::nullopt);

/// Adds `reconcile` to the paygw CLI's `app`; when the command line selects it, `action` is set to
/// the run (the CLI calls it after parsing and exits with its code).
void add_reconcile_command(CLI::App& app, std::function<int()>& action,
                           std::optional<CancelToken> cancel = std::nullopt);

}  // namespace paygw::cli
