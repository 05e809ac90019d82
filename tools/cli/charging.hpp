// SPDX-License-Identifier: MIT
// paygw CLI — what the `paygw charging` command files share: charging.cpp (the named commands) and
// charging_rows.cpp (`endpoints` and `call <endpoint>`, ADR 0052).
#pragma once

#include "cli.hpp"
#include "settings.hpp"

#include <memory>
#include <optional>
#include <string>

namespace paygw::cli::charging_cli {

/// The group's settings (flags or PAYGW_CHARGING_*, paygw/env.hpp), read when a command runs.
struct Credentials {
  SettingsPtr settings;
  std::string profile;  ///< --profile: a built-in provider profile (paygw/charging/profiles.hpp), or "".

  /// The chosen profile's base URL and sign scheme, where the flags and variables leave them unset.
  std::optional<charging::Profile> use_profile() const {
    if (profile.empty()) return std::nullopt;
    auto p = charging::profile(profile);
    if (!p) throw UsageError{"--profile: " + p.error().message};
    if (settings->value("PAYGW_CHARGING_BASE_URL").empty()) settings->given["PAYGW_CHARGING_BASE_URL"] = p->base_url;
    if (settings->value("PAYGW_CHARGING_SCHEME").empty()) settings->given["PAYGW_CHARGING_SCHEME"] = p->sign_scheme;
    return *p;
  }
  /// --scheme (a or b). Throws ConfigError for anything else.
  charging::SignScheme sign_scheme() const {
    use_profile();
    const std::string scheme = settings->value("PAYGW_CHARGING_SCHEME");
    if (!scheme.empty() && scheme != "a" && scheme != "A" && scheme != "b" && scheme != "B") {
      throw ConfigError{"--scheme (or $PAYGW_CHARGING_SCHEME) must be a or b, not '" + scheme + "'"};
    }
    return scheme == "b" || scheme == "B" ? charging::sign_scheme_b : charging::sign_scheme_a;
  }
  /// The partner key. Throws ConfigError when it is not set.
  std::string partner_key() const {
    settings->require({"PAYGW_CHARGING_PARTNER_KEY"});
    return settings->value("PAYGW_CHARGING_PARTNER_KEY");
  }
  /// The partner id ("" when not set).
  std::string partner_id() const { return settings->value("PAYGW_CHARGING_PARTNER_ID"); }
  /// A client for the settings, the profile and the global flags. Throws ConfigError naming what is
  /// missing or invalid.
  charging::Client client(const Context& ctx) const {
    const auto chosen = use_profile();
    charging::Config config = charging_config(ctx, *settings);
    if (chosen) {  // what the variables do not carry: the path, the encoding, the telco names
      config.path = chosen->path;
      config.encoding = chosen->encoding;
      config.telco_wire_names = chosen->telco_wire_names;
    }
    auto made = charging::Client::create(std::move(config));
    if (!made) throw_config("charging", made.error());
    return *made;
  }
};
using Creds = std::shared_ptr<Credentials>;

/// What a card's result means for the operator: sets `o.exit` (0 credited, 3 not found, 4 final but
/// not credited, 5 not final yet, 8 refused for the settings, with `o.note` naming them) and returns
/// the outcome's name ("credited", "not_found", "not_credited", "pending", "configuration").
std::string outcome(Output& o, const charging::ChargeResult& r);

/// `endpoints` and `call <endpoint>`: every public row of src/charging/endpoints.rows (charging_rows.cpp).
void add_row_commands(CLI::App& group, Context& ctx, const Creds& creds);

}  // namespace paygw::cli::charging_cli
