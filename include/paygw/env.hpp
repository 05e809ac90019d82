// SPDX-License-Identifier: MIT
// paygw — the environment variables paygw reads: one table, used by tingee::Config::from_env(),
// tconnect::Config::from_env(), charging::Config::from_env(), the paygw CLI and its --help.
#pragma once

#include <paygw/export.hpp>
#include <paygw/result.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paygw {

/// Where `from_env` reads a variable: returns its value, or nullopt when it is not set. An empty
/// value counts as not set. A default-constructed (empty) EnvLookup reads the process environment
/// (std::getenv; on glibc secure_getenv, which reads nothing in a setuid or setgid process).
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

/// One environment variable of the table (docs/sandbox-and-cli.md, "Environment variables").
struct EnvVariable {
  std::string_view group;        ///< "tingee", "tconnect", "charging" or "store".
  std::string_view name;         ///< E.g. "PAYGW_TINGEE_SECRET".
  std::string_view field;        ///< The Config member it sets, e.g. "secret".
  std::string_view flag;         ///< The paygw CLI flag that overrides it, e.g. "--secret".
  std::string_view description;  ///< One line for people, e.g. "Tingee's Secret Token".
  bool required = false;         ///< from_env fails when it is not set.
  bool secret = false;           ///< A key, password or token: never printed.
};

/// Every variable of `group` ("tingee", "tconnect", "charging", "store"), in table order; every
/// variable of every group when `group` is empty; nothing for an unknown group. Thread-safe.
PAYGW_EXPORT const std::vector<EnvVariable>& env_variables(std::string_view group = {});

/// The value of `name` through `lookup` (the process environment when `lookup` is empty), or ""
/// when it is not set. Thread-safe as long as nothing changes the environment meanwhile.
PAYGW_EXPORT std::string env_value(std::string_view name, const EnvLookup& lookup = {});

/// Checks that every required variable of `group` is set through `lookup`.
/// Errors: kConfig "not set: PAYGW_X — description; ..." naming every missing variable (never a
/// value). Thread-safe as env_value().
PAYGW_EXPORT Result<void> env_check_required(std::string_view group, const EnvLookup& lookup = {});

}  // namespace paygw
