// SPDX-License-Identifier: MIT
// paygw CLI — what the `paygw tingee` command files share: tingee.cpp (device calls, signing,
// webhook verification) and tingee_bills.cpp (the bank group: QR bills, transactions, banks).
#pragma once

#include "cli.hpp"
#include "settings.hpp"

#include <memory>
#include <string>

namespace paygw::cli::tingee_cli {

/// The group's settings (flags or PAYGW_TINGEE_*, paygw/env.hpp), read when a command runs.
struct Credentials {
  SettingsPtr settings;

  /// A client for the settings (tingee::Config::from_env), the global flags and --bank-prefix.
  /// Throws ConfigError naming the flag and the variable of what is missing or invalid.
  tingee::Client client(const Context& ctx) const {
    auto made = tingee::Client::create(tingee_config(ctx, *settings));
    if (!made) throw_config("tingee", made.error());
    return *made;
  }
  /// The Secret Token alone (sign, verify-webhook). Throws ConfigError when it is not set.
  Secret secret() const {
    settings->require({"PAYGW_TINGEE_SECRET"});
    return Secret(settings->value("PAYGW_TINGEE_SECRET"));
  }
};
using Creds = std::shared_ptr<Credentials>;

/// Tingee does not publish its error list; 1002 is the sandbox's "device does not exist".
inline bool device_not_found(const Error& e) { return e.code == ErrorCode::kProvider && e.provider_code == "1002"; }
/// 1003 is the sandbox's "bill does not exist" (unknown or deleted) for the bill commands.
inline bool bill_not_found(const Error& e) { return e.code == ErrorCode::kProvider && e.provider_code == "1003"; }

/// An answer without data: its message.
inline void ack(Output& o, const tingee::Ack& a) {
  o.set("message", a.message);
  o.raw = {a.message};
}

/// generate-dynamic-qr, get-status-dynamic-qr, delete-dynamic-qr, transactions, get-banks.
void add_bill_commands(CLI::App& group, Context& ctx, const Creds& creds);

/// `endpoints` and `call <endpoint>`: every public row of src/tingee/endpoints.rows (tingee_rows.cpp, ADR 0052).
void add_row_commands(CLI::App& group, Context& ctx, const Creds& creds);

}  // namespace paygw::cli::tingee_cli
