// SPDX-License-Identifier: MIT
// paygw — the table of environment variables (paygw/env.hpp) and the Config::from_env() of the
// three clients, which read it.
#include <paygw/charging/client.hpp>
#include <paygw/charging/profiles.hpp>
#include <paygw/env.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tingee/client.hpp>

#include <cstdlib>
#include <optional>
#include <utility>

namespace paygw {
namespace {

// The one table (docs/sandbox-and-cli.md, "Environment variables"; the CLI prints it in --help).
const std::vector<EnvVariable>& all_variables() {
  static const std::vector<EnvVariable> table = {
      {"tingee", "PAYGW_TINGEE_BASE_URL", "base_url", "--base-url",
       "Tingee API base URL (UAT, production or a sandbox)", true, false},
      {"tingee", "PAYGW_TINGEE_CLIENT_ID", "client_id", "--client-id", "Tingee Client ID (x-client-id)", true, false},
      {"tingee", "PAYGW_TINGEE_SECRET", "secret", "--secret", "Tingee Secret Token (the HMAC key)", true, true},
      {"tingee", "PAYGW_TINGEE_BANK_PREFIX", "bank_path_prefix", "--bank-prefix",
       "Path prefix of Tingee's bank group: v1 (default) or v1/bank", false, false},
      {"tconnect", "PAYGW_TCONNECT_BASE_URL", "base_url", "--base-url", "TConnect API base URL", true, false},
      {"tconnect", "PAYGW_TCONNECT_PARTNER_CODE", "partner_code", "--partner-code", "TConnect Partner-Code header",
       true, false},
      {"tconnect", "PAYGW_TCONNECT_USERNAME", "username", "--username", "TConnect login user", true, false},
      {"tconnect", "PAYGW_TCONNECT_PASSWORD", "password", "--password", "TConnect login password", true, true},
      {"tconnect", "PAYGW_TCONNECT_CLIENT_ID", "client_id", "--client-id", "TConnect OAuth client id", true, false},
      {"tconnect", "PAYGW_TCONNECT_CLIENT_SECRET", "client_secret", "--client-secret", "TConnect OAuth client secret",
       true, true},
      {"tconnect", "PAYGW_TCONNECT_AES_KEY", "aes_key", "--aes-key", "TConnect envelope AES-256 key (64 hex digits)",
       true, true},
      {"tconnect", "PAYGW_TCONNECT_KEY_FORMAT", "aes_key_format", "--key-format",
       "How the AES key is written: hex (default) or raw", false, false},
      {"tconnect", "PAYGW_TCONNECT_SERVICE_CODE", "service_code", "--default-service-code",
       "Default x-service-code for create-qr", false, false},
      {"charging", "PAYGW_CHARGING_BASE_URL", "base_url", "--base-url", "Card-charging host base URL", true, false},
      {"charging", "PAYGW_CHARGING_PARTNER_ID", "partner_id", "--partner-id", "Card-charging partner_id", true, false},
      {"charging", "PAYGW_CHARGING_PARTNER_KEY", "partner_key", "--partner-key", "Card-charging partner key", true,
       true},
      {"charging", "PAYGW_CHARGING_SCHEME", "sign_scheme", "--scheme", "Sign scheme: a (key+code+serial, default) or b",
       false, false},
      {"charging", "PAYGW_CHARGING_PROFILE", "profile", "",
       "A built-in provider profile by name (paygw charging profiles), applied first", false, false},
      {"store", "PAYGW_STORE_KEY", "store_key", "", "Key (32+ bytes) the store's cards are sealed with", true, true},
  };
  return table;
}

Error config_error(std::string message) { return make_error(ErrorCode::kConfig, std::move(message)); }

// The value of an optional variable that takes one of `choices` (compared ignoring ASCII case).
Result<std::string> choice(std::string_view name, const EnvLookup& lookup, const std::vector<std::string>& choices) {
  std::string value = env_value(name, lookup);
  if (value.empty()) return value;
  std::string lower;
  for (char c : value) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  std::string allowed;
  for (const auto& c : choices) {
    if (lower == c) return lower;
    allowed += (allowed.empty() ? "" : " or ") + c;
  }
  return config_error(std::string(name) + " must be " + allowed + ", not '" + value + "'");
}

}  // namespace

const std::vector<EnvVariable>& env_variables(std::string_view group) {
  if (group.empty()) return all_variables();
  static const std::vector<EnvVariable> none;
  static const auto by_group = [] {
    std::vector<std::pair<std::string_view, std::vector<EnvVariable>>> groups;
    for (const auto& v : all_variables()) {
      if (groups.empty() || groups.back().first != v.group) groups.emplace_back(v.group, std::vector<EnvVariable>{});
      groups.back().second.push_back(v);
    }
    return groups;
  }();
  for (const auto& [name, list] : by_group) {
    if (name == group) return list;
  }
  return none;
}

std::string env_value(std::string_view name, const EnvLookup& lookup) {
  if (lookup) return lookup(name).value_or(std::string());
  const std::string key(name);
#if defined(__GLIBC__)
  // secure_getenv: like getenv, but nothing in a setuid/setgid process (these are secrets).
  const char* value = ::secure_getenv(key.c_str());
#else
  const char* value = std::getenv(key.c_str());
#endif
  return value == nullptr ? std::string() : std::string(value);
}

Result<void> env_check_required(std::string_view group, const EnvLookup& lookup) {
  std::string missing;
  for (const auto& v : env_variables(group)) {
    if (v.required && env_value(v.name, lookup).empty()) {
      missing += (missing.empty() ? "" : "; ") + std::string(v.name) + " — " + std::string(v.description);
    }
  }
  if (!missing.empty()) return config_error("not set: " + missing);
  return {};
}

namespace tingee {
Result<Config> Config::from_env(const EnvLookup& lookup) {
  if (auto checked = env_check_required("tingee", lookup); !checked) return checked.error();
  auto prefix = choice("PAYGW_TINGEE_BANK_PREFIX", lookup, {"v1", "v1/bank"});
  if (!prefix) return prefix.error();
  Config c;
  c.base_url = env_value("PAYGW_TINGEE_BASE_URL", lookup);
  c.client_id = env_value("PAYGW_TINGEE_CLIENT_ID", lookup);
  c.secret = Secret(env_value("PAYGW_TINGEE_SECRET", lookup));
  c.bank_path_prefix = *prefix == "v1/bank" ? BankPathPrefix::kV1Bank : BankPathPrefix::kV1;
  return c;
}
}  // namespace tingee

namespace tconnect {
Result<Config> Config::from_env(const EnvLookup& lookup) {
  if (auto checked = env_check_required("tconnect", lookup); !checked) return checked.error();
  auto format = choice("PAYGW_TCONNECT_KEY_FORMAT", lookup, {"hex", "raw"});
  if (!format) return format.error();
  Config c;
  c.base_url = env_value("PAYGW_TCONNECT_BASE_URL", lookup);
  c.partner_code = env_value("PAYGW_TCONNECT_PARTNER_CODE", lookup);
  c.username = env_value("PAYGW_TCONNECT_USERNAME", lookup);
  c.password = Secret(env_value("PAYGW_TCONNECT_PASSWORD", lookup));
  c.client_id = env_value("PAYGW_TCONNECT_CLIENT_ID", lookup);
  c.client_secret = Secret(env_value("PAYGW_TCONNECT_CLIENT_SECRET", lookup));
  c.aes_key = Secret(env_value("PAYGW_TCONNECT_AES_KEY", lookup));
  c.aes_key_format = *format == "raw" ? KeyFormat::kRaw : KeyFormat::kHex;
  c.service_code = env_value("PAYGW_TCONNECT_SERVICE_CODE", lookup);
  return c;
}
}  // namespace tconnect

namespace charging {
Result<Config> Config::from_env(const EnvLookup& lookup) {
  // A profile first: its base URL stands in for an unset PAYGW_CHARGING_BASE_URL, its scheme for
  // an unset PAYGW_CHARGING_SCHEME.
  std::optional<Profile> chosen;
  if (const std::string name = env_value("PAYGW_CHARGING_PROFILE", lookup); !name.empty()) {
    auto p = profile(name);
    if (!p) return config_error("PAYGW_CHARGING_PROFILE: " + p.error().message);
    chosen = std::move(*p);
  }
  const EnvLookup effective = [&](std::string_view name) -> std::optional<std::string> {
    std::string value = env_value(name, lookup);
    if (value.empty() && chosen && name == "PAYGW_CHARGING_BASE_URL") value = chosen->base_url;
    if (value.empty()) return std::nullopt;
    return value;
  };
  if (auto checked = env_check_required("charging", effective); !checked) return checked.error();
  auto scheme = choice("PAYGW_CHARGING_SCHEME", lookup, {"a", "b"});
  if (!scheme) return scheme.error();
  Config c;
  if (chosen) {
    if (auto applied = apply_profile(*chosen, c); !applied) {
      return config_error("PAYGW_CHARGING_PROFILE: " + applied.error().message);
    }
  }
  c.base_url = env_value("PAYGW_CHARGING_BASE_URL", effective);
  c.partner_id = env_value("PAYGW_CHARGING_PARTNER_ID", lookup);
  c.partner_key = Secret(env_value("PAYGW_CHARGING_PARTNER_KEY", lookup));
  if (!scheme->empty() || !chosen) {
    c.sign_scheme = *scheme == "b" ? SignScheme(sign_scheme_b) : SignScheme(sign_scheme_a);
  }
  return c;
}
}  // namespace charging

}  // namespace paygw
