// SPDX-License-Identifier: MIT
// paygw CLI — what the `paygw tconnect` command files share: tconnect.cpp (the named commands) and
// tconnect_rows.cpp (`endpoints` and `call <endpoint>`, ADR 0052).
#pragma once

#include "cli.hpp"
#include "settings.hpp"

#include <memory>
#include <string>

namespace paygw::cli::tconnect_cli {

/// The group's settings (flags or PAYGW_TCONNECT_*, paygw/env.hpp), read when a command runs.
struct Credentials {
  SettingsPtr settings;

  /// --key-format (hex or raw). Throws ConfigError for anything else.
  tconnect::KeyFormat format() const {
    const std::string f = settings->value("PAYGW_TCONNECT_KEY_FORMAT");
    if (!f.empty() && f != "hex" && f != "raw") {
      throw ConfigError{"--key-format (or $PAYGW_TCONNECT_KEY_FORMAT) must be hex or raw, not '" + f + "'"};
    }
    return f == "raw" ? tconnect::KeyFormat::kRaw : tconnect::KeyFormat::kHex;
  }
  /// The AES key. Throws ConfigError when it is not set.
  Secret key() const {
    settings->require({"PAYGW_TCONNECT_AES_KEY"});
    return Secret(settings->value("PAYGW_TCONNECT_AES_KEY"));
  }
  /// A client for the settings and the global flags. Throws ConfigError naming what is missing or invalid.
  tconnect::Client client(const Context& ctx) const {
    auto made = tconnect::Client::create(tconnect_config(ctx, *settings));
    if (!made) throw_config("tconnect", made.error());
    return *made;
  }
};
using Creds = std::shared_ptr<Credentials>;

/// TConnect answers an unknown device serial with HTTP 404 "Device not found".
inline bool not_found(const Error& e) { return e.http_status == 404; }

/// `endpoints` and `call <endpoint>`: every public row of src/tconnect/endpoints.rows (tconnect_rows.cpp).
void add_row_commands(CLI::App& group, Context& ctx, const Creds& creds);

}  // namespace paygw::cli::tconnect_cli
