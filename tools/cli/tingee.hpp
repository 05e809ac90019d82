// SPDX-License-Identifier: MIT
// paygw CLI — what the `paygw tingee` command files share: tingee.cpp (device calls, signing,
// webhook verification) and tingee_bills.cpp (the bank group: QR bills, transactions, banks).
#pragma once

#include "cli.hpp"

#include <memory>
#include <string>

namespace paygw::cli::tingee_cli {

/// The group's credentials (flags or PAYGW_TINGEE_*), read when a command runs.
struct Credentials {
  std::string base_url, client_id, secret;

  /// A client for the credentials, the global flags and --bank-prefix. Throws UsageError.
  tingee::Client client(const Context& ctx) const {
    tingee::Config c;
    c.base_url = need(base_url, "--base-url", "PAYGW_TINGEE_BASE_URL");
    c.client_id = need(client_id, "--client-id", "PAYGW_TINGEE_CLIENT_ID");
    c.secret = Secret(need(secret, "--secret", "PAYGW_TINGEE_SECRET"));
    c.bank_path_prefix =
        ctx.globals.bank_prefix == "v1/bank" ? tingee::BankPathPrefix::kV1Bank : tingee::BankPathPrefix::kV1;
    ctx.apply(c);
    auto made = tingee::Client::create(c);
    if (!made) throw UsageError{describe(made.error())};
    return *made;
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

}  // namespace paygw::cli::tingee_cli
