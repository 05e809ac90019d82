// SPDX-License-Identifier: MIT
// paygw CLI — a group's settings (credentials, base URL, options) from its flags or the
// environment, through paygw's one table of variables (paygw/env.hpp) and Config::from_env();
// what each command's --help says it reads; and what to check when a provider refuses.
#pragma once

#include "cli.hpp"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::cli {

/// The flag values of a group's variables; a flag given wins over its variable.
struct Settings {
  std::string group;                         ///< "tingee", "tconnect" or "charging".
  std::map<std::string, std::string> given;  ///< Variable name -> flag value ("" = flag not given).

  /// The flag's value when given, else the variable's ("" when neither).
  std::string value(std::string_view name) const;
  /// For Config::from_env: value(), nullopt when empty.
  EnvLookup lookup() const;
  /// Throws ConfigError naming the flag and the variable of each of `names` (all of the group's
  /// required ones when empty) that has no value.
  void require(const std::vector<std::string_view>& names = {}) const;
};
using SettingsPtr = std::shared_ptr<Settings>;

/// Adds a flag for each of `group`'s variables (their table's flag and description) to `app`,
/// except those in `skip` (set elsewhere, e.g. the global --bank-prefix).
SettingsPtr add_settings(CLI::App& app, const std::string& group, const std::vector<std::string_view>& skip = {});

/// Builds a client's Config with Config::from_env(settings.lookup()), then the global flags;
/// throws ConfigError naming flags and variables.
tingee::Config tingee_config(const Context& ctx, const Settings& settings);
/// As tingee_config().
tconnect::Config tconnect_config(const Context& ctx, const Settings& settings);
/// As tingee_config().
charging::Config charging_config(const Context& ctx, const Settings& settings);
/// Client::create's kConfig as a ConfigError that names the variables of the fields it names.
[[noreturn]] void throw_config(const std::string& group, const Error& error);

/// "PAYGW_TINGEE_SECRET / --secret and PAYGW_TINGEE_CLIENT_ID / --client-id".
std::string check_list(const std::vector<std::string_view>& names);
/// What to check when `group`'s provider refused the credentials with `e`: a check_list(), or ""
/// when `e` is not a refusal of the credentials (signature, authentication, unknown partner).
std::string credential_refusal(const std::string& group, const Error& e);
/// What to check when an inbound check (a webhook's signature, an envelope) failed with `e`, or "".
std::string inbound_hint(const std::string& group, const Error& e);
/// "Tingee", "TConnect", "the card-charging host" (or `group`).
std::string provider_label(const std::string& group);

/// Sets, on every command below `app`, a --help footer listing the variables it reads (paygw/env.hpp's
/// table): a group's commands read the group's variables unless listed otherwise in settings.cpp.
void add_environment_help(CLI::App& app);

/// The --help text listing `vars` (name, flag, required/secret, description).
std::string environment_help(const std::vector<EnvVariable>& vars, const std::string& intro = {});

/// `json` with the values of secret members (password, client_secret, tokens, keys) replaced by
/// "<redacted>", at any depth (`tconnect decrypt` of a login envelope).
Json redact_secrets(const Json& json);

}  // namespace paygw::cli
