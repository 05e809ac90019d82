// SPDX-License-Identifier: MIT
// paygw CLI — settings from flags or the environment (paygw/env.hpp), --help's environment
// section, and what to check after a refusal (ADR 0037).
#include "settings.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>
#include <sstream>

namespace paygw::cli {
namespace {

const EnvVariable* find_variable(std::string_view name) {
  for (const auto& v : env_variables()) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool contains_word(const std::string& text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool start = at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_');
    const std::size_t end = at + word.size();
    const bool stop = end >= text.size() || !(std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_');
    if (start && stop) return true;
  }
  return false;
}

// The variables of `group` that are required and either secret or an identity (what a
// provider's authentication covers).
std::vector<std::string_view> credentials_of(const std::string& group) {
  std::vector<std::string_view> out;
  for (const auto& v : env_variables(group)) {
    if (v.required && v.field != "base_url" && v.field != "aes_key") out.push_back(v.name);
  }
  return out;
}

// Commands that read fewer variables than their whole group (the others read the group's).
const std::map<std::string, std::vector<std::string_view>>& reads() {
  static const std::map<std::string, std::vector<std::string_view>> table = {
      {"tingee sign", {"PAYGW_TINGEE_SECRET"}},
      {"tingee verify-webhook", {"PAYGW_TINGEE_SECRET"}},
      {"tconnect encrypt", {"PAYGW_TCONNECT_AES_KEY", "PAYGW_TCONNECT_KEY_FORMAT"}},
      {"tconnect decrypt", {"PAYGW_TCONNECT_AES_KEY", "PAYGW_TCONNECT_KEY_FORMAT"}},
      {"tconnect decode-ipn", {"PAYGW_TCONNECT_AES_KEY", "PAYGW_TCONNECT_KEY_FORMAT"}},
      {"charging sign", {"PAYGW_CHARGING_PARTNER_KEY", "PAYGW_CHARGING_PARTNER_ID", "PAYGW_CHARGING_SCHEME"}},
      {"charging verify-callback", {"PAYGW_CHARGING_PARTNER_KEY"}},
  };
  return table;
}

std::vector<EnvVariable> variables(const std::vector<std::string_view>& names) {
  std::vector<EnvVariable> out;
  for (auto name : names) {
    if (const auto* v = find_variable(name)) out.push_back(*v);
  }
  return out;
}

}  // namespace

std::string Settings::value(std::string_view name) const {
  if (auto it = given.find(std::string(name)); it != given.end() && !it->second.empty()) return it->second;
  return env_value(name);
}

EnvLookup Settings::lookup() const {
  return [this](std::string_view name) -> std::optional<std::string> {
    std::string v = value(name);
    if (v.empty()) return std::nullopt;
    return v;
  };
}

void Settings::require(const std::vector<std::string_view>& names) const {
  std::string missing;
  for (const auto& v : env_variables(group)) {
    const bool wanted = names.empty() ? v.required : std::find(names.begin(), names.end(), v.name) != names.end();
    if (!wanted || !value(v.name).empty()) continue;
    if (!missing.empty()) missing += "\npaygw: ";
    missing += std::string(v.flag) + " (or $" + std::string(v.name) + ") is required: " + std::string(v.description);
  }
  if (!missing.empty()) throw ConfigError{missing};
}

SettingsPtr add_settings(CLI::App& app, const std::string& group, const std::vector<std::string_view>& skip) {
  auto settings = std::make_shared<Settings>();
  settings->group = group;
  for (const auto& v : env_variables(group)) {
    if (std::find(skip.begin(), skip.end(), v.name) != skip.end() || v.flag.empty()) continue;
    std::string& slot = settings->given[std::string(v.name)];
    std::string help = std::string(v.description) + " (or $" + std::string(v.name) + ")";
    if (v.secret) help += "; prefer the environment";
    app.add_option(std::string(v.flag), slot, help);
  }
  return settings;
}

[[noreturn]] void throw_config(const std::string& group, const Error& error) {
  std::vector<std::string_view> named;
  for (const auto& v : env_variables(group)) {
    if (contains_word(error.message, v.field) || contains_word(error.message, v.name)) named.push_back(v.name);
  }
  std::string message = provider_label(group) + " settings: " + error.message;
  if (!named.empty()) message += " — check " + check_list(named);
  throw ConfigError{message};
}

tingee::Config tingee_config(const Context& ctx, const Settings& settings) {
  settings.require();
  const std::string prefix = ctx.globals.bank_prefix;
  auto config = tingee::Config::from_env([&](std::string_view name) -> std::optional<std::string> {
    if (name == "PAYGW_TINGEE_BANK_PREFIX") return prefix;  // the global --bank-prefix (or its variable)
    return settings.lookup()(name);
  });
  if (!config) throw_config("tingee", config.error());
  ctx.apply(*config);
  return *config;
}

tconnect::Config tconnect_config(const Context& ctx, const Settings& settings) {
  settings.require();
  auto config = tconnect::Config::from_env(settings.lookup());
  if (!config) throw_config("tconnect", config.error());
  ctx.apply(*config);
  return *config;
}

charging::Config charging_config(const Context& ctx, const Settings& settings) {
  settings.require();
  auto config = charging::Config::from_env(settings.lookup());
  if (!config) throw_config("charging", config.error());
  ctx.apply(*config);
  return *config;
}

std::string check_list(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += std::string(names[i]);
    if (const auto* v = find_variable(names[i]); v != nullptr && !v->flag.empty()) out += " / " + std::string(v->flag);
  }
  return out;
}

std::string credential_refusal(const std::string& group, const Error& e) {
  if (e.delivery == Delivery::kInbound || (!e.maybe_sent() && e.http_status == 0)) return {};
  if (group == "tingee" && tingee::is_signature_error(e)) return check_list({"PAYGW_TINGEE_SECRET"});
  // TConnect answers an envelope it cannot decrypt with 400 "Invalid encrypted payload" (also to the
  // login, which paygw then reports as kAuth): the key, not the password.
  if (group == "tconnect" && e.http_status == 400 && lower(e.message).find("encrypt") != std::string::npos) {
    return check_list({"PAYGW_TCONNECT_AES_KEY", "PAYGW_TCONNECT_KEY_FORMAT"});
  }
  if (e.code == ErrorCode::kAuth) return check_list(credentials_of(group));
  if (group == "tingee" && e.code == ErrorCode::kHttpStatus && e.http_status == 401) {
    return check_list(credentials_of(group));
  }
  return {};
}

std::string inbound_hint(const std::string& group, const Error& e) {
  if (e.delivery != Delivery::kInbound && e.delivery != Delivery::kNotSent) return {};
  if (e.code == ErrorCode::kInvalidSignature) {
    if (group == "tingee")
      return "the signature does not verify with the secret: check " + check_list({"PAYGW_TINGEE_SECRET"});
    if (group == "charging") {
      return "the signature does not verify with the partner key: check " + check_list({"PAYGW_CHARGING_PARTNER_KEY"});
    }
  }
  if (e.code == ErrorCode::kDecrypt && group == "tconnect") {
    return "it does not decrypt with the key: check " +
           check_list({"PAYGW_TCONNECT_AES_KEY", "PAYGW_TCONNECT_KEY_FORMAT"});
  }
  return {};
}

std::string provider_label(const std::string& group) {
  if (group == "tingee") return "Tingee";
  if (group == "tconnect") return "TConnect";
  if (group == "charging") return "the card-charging host";
  return group;
}

std::string environment_help(const std::vector<EnvVariable>& vars, const std::string& intro) {
  std::ostringstream out;
  if (vars.empty()) {
    out << "Environment: none (this command reads no PAYGW_* variable).\n";
    return out.str();
  }
  out << "Environment" << (intro.empty() ? " (a flag given wins over its variable)" : intro) << ":\n";
  std::size_t width = 0, flag_width = 0;
  for (const auto& v : vars) {
    width = std::max(width, v.name.size());
    flag_width = std::max(flag_width, v.flag.size());
  }
  for (const auto& v : vars) {
    std::string kind = v.required ? "required" : "optional";
    if (v.secret) kind += ", secret";
    out << "  " << v.name << std::string(width - v.name.size() + 2, ' ') << v.flag
        << std::string(flag_width - v.flag.size() + 2, ' ') << v.description << " (" << kind << ")\n";
  }
  return out.str();
}

void add_environment_help(CLI::App& app) {
  for (CLI::App* group : app.get_subcommands([](const CLI::App*) { return true; })) {
    const std::string g = group->get_name();
    const bool provider = g == "tingee" || g == "tconnect" || g == "charging";
    if (provider) {
      group->footer(std::function<std::string()>([g] { return environment_help(env_variables(g)); }));
    }
    for (CLI::App* leaf : group->get_subcommands([](const CLI::App*) { return true; })) {
      const std::string path = g + " " + leaf->get_name();
      std::vector<EnvVariable> vars;
      if (auto it = reads().find(path); it != reads().end()) {
        vars = variables(it->second);
      } else if (provider) {
        vars = env_variables(g);
      }
      leaf->footer(std::function<std::string()>([vars] { return environment_help(vars); }));
    }
    // The other groups (qr) and top-level commands (completion) read no variable; reconcile has its own.
    if (!provider && g != "reconcile") {
      group->footer(std::function<std::string()>([] { return environment_help({}); }));
    }
  }
}

Json redact_secrets(const Json& json) {
  static const std::set<std::string> kSecret = {"password",     "passwd",     "secret",  "clientsecret", "accesstoken",
                                                "refreshtoken", "token",      "idtoken", "aeskey",       "key",
                                                "privatekey",   "partnerkey", "apikey",  "signature"};
  if (json.is_array()) {
    Json out = Json::array();
    for (const auto& item : json) out.push_back(redact_secrets(item));
    return out;
  }
  if (!json.is_object()) return json;
  Json out = Json::object();
  for (const auto& [k, v] : json.items()) {
    std::string norm;
    for (char c : k) {
      if (std::isalnum(static_cast<unsigned char>(c)))
        norm += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    out[k] = kSecret.count(norm) != 0 && !v.is_structured() ? Json("<redacted>") : redact_secrets(v);
  }
  return out;
}

}  // namespace paygw::cli
