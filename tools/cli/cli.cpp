// SPDX-License-Identifier: MIT
// paygw CLI — shared helpers: client settings from the global flags, strict numbers, output.
#include "cli.hpp"

#include "settings.hpp"

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

namespace paygw::cli {
namespace {

std::shared_ptr<http::Transport> shared_transport(const Globals& g) {
  static std::shared_ptr<http::Transport> transport;
  if (transport) return transport;
  http::CurlOptions options;
  options.ca_file = g.ca_file;
  // A command-line tool follows the shell's proxy variables as curl(1) does (ADR 0004, Proxies);
  // loopback (the sandbox) is never proxied, and the library's default stays off.
  options.proxy_from_environment = true;
  if (g.timeout_s) {
    options.timeout = std::chrono::seconds(*g.timeout_s);
    options.connect_timeout = std::min<std::chrono::milliseconds>(options.connect_timeout, options.timeout);
  }
  auto made = http::make_curl_transport(options);
  if (!made) throw UsageError{describe(made.error())};
  transport = *made;
  return transport;
}

const char* level_name(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarn: return "warn";
    case LogLevel::kError: return "error";
    case LogLevel::kOff: break;
  }
  return "log";
}

bool all_digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

// Text output: scalars as "key: value", nested objects and lists indented, YAML-like.
std::string scalar(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void render(std::ostream& os, const Json& v, const std::string& indent);

void render_member(std::ostream& os, const std::string& key, const Json& v, const std::string& indent) {
  if (v.is_structured() && !v.empty()) {
    os << indent << key << ":\n";
    render(os, v, indent + "  ");
  } else {
    os << indent << key << ": " << (v.is_structured() ? (v.is_array() ? "[]" : "{}") : scalar(v)) << "\n";
  }
}

void render(std::ostream& os, const Json& v, const std::string& indent) {
  if (v.is_object()) {
    for (const auto& [k, item] : v.items()) render_member(os, k, item, indent);
    return;
  }
  for (const auto& item : v) {  // a list
    if (item.is_object() && !item.empty()) {
      bool first = true;
      for (const auto& [k, member] : item.items()) {
        std::ostringstream line;
        render_member(line, k, member, indent + "  ");
        std::string text = line.str();
        if (first) text.replace(0, indent.size() + 2, indent + "- ");
        os << text;
        first = false;
      }
    } else {
      os << indent << "- " << (item.is_structured() ? item.dump() : scalar(item)) << "\n";
    }
  }
}

std::string dump(const Json& j, int indent) { return j.dump(indent, ' ', false, Json::error_handler_t::replace); }

}  // namespace

void Context::apply(ClientOptions& options) const {
  options.transport = shared_transport(globals);
  if (globals.timeout_s) options.timeout = std::chrono::seconds(*globals.timeout_s);
  if (globals.retries) options.retry.max_attempts = static_cast<int>(*globals.retries) + 1;
  if (globals.verbose) {
    // paygw's own log lines (method, path, redacted headers, status, timing, retry decisions):
    // never a body, a key or a signature (paygw/log.hpp).
    options.logger.level = LogLevel::kDebug;
    options.logger.sink = [](LogLevel level, std::string_view line) {
      std::cerr << "paygw: " << level_name(level) << ": " << line << "\n";
    };
  }
}

CallOptions Context::call() const {
  CallOptions options;
  if (globals.timeout_s) options.total_timeout = std::chrono::seconds(*globals.timeout_s);
  return options;
}

std::string Context::shown(const std::string& secret) const {
  return globals.show_secrets ? secret : std::string("<redacted>");
}

CLI::App* command(CLI::App& parent, Context& ctx, const std::string& name, const std::string& description,
                  std::function<int()> run_fn) {
  CLI::App* cmd = parent.add_subcommand(name, description);
  const bool read = is_read(parent.get_name(), name);
  cmd->callback([&ctx, run_fn = std::move(run_fn), group = parent.get_name(), read] {
    ctx.action = run_fn;
    ctx.group = group;
    ctx.read = read;
  });
  return cmd;
}

bool is_read(const std::string& group, const std::string& name) {
  // The provider calls that change nothing (each one's --help says "A read."). Every other call
  // is taken as a write: an answer that leaves its outcome open is exit 7.
  static const std::set<std::string> kReads = {"tingee get-devices-link-to-shop-or-va",
                                               "tingee get-paging",
                                               "tingee get-status-dynamic-qr",
                                               "tingee transactions",
                                               "tingee get-banks",
                                               "tingee refresh-banks",
                                               "tconnect services",
                                               "tconnect qr-transactions",
                                               "tconnect card-transactions",
                                               "tconnect cash-transactions",
                                               "tconnect confirm-ipn",
                                               "tconnect order-status",
                                               "charging check",
                                               "charging fees"};
  return kReads.count(group + " " + name) != 0;
}

CLI::Validator whole_number(std::int64_t min, std::int64_t max) {
  const std::string range = std::to_string(min) + ".." + std::to_string(max);
  return CLI::Validator(
      [min, max, range](std::string& value) -> std::string {
        try {
          parse_whole(value, min, max, "value");
        } catch (const UsageError&) {
          return "must be a whole number in " + range + " (digits only), not '" + value + "'";
        }
        return "";
      },
      max >= 1'000'000'000 ? std::string("N") : range);
}

std::int64_t parse_whole(const std::string& text, std::int64_t min, std::int64_t max, const std::string& what) {
  const std::string max_text = std::to_string(max);
  if (!all_digits(text) || text.size() > max_text.size() || (text.size() == max_text.size() && text > max_text)) {
    throw UsageError{what + " must be a whole number in " + std::to_string(min) + ".." + max_text +
                     " (digits only), not '" + text + "'"};
  }
  std::int64_t value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  if (value < min) throw UsageError{what + " must be at least " + std::to_string(min) + ", not '" + text + "'"};
  return value;
}

CLI::Validator amount_vnd() { return whole_number(1, kMaxAmountVnd).name("VND"); }

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string part; std::getline(ss, part, sep);) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

std::string text_or_stdin(const std::string& value) {
  if (value != "-") return value;
  std::stringstream ss;
  ss << std::cin.rdbuf();
  return ss.str();
}

std::string read_file(const std::string& path) {
  if (path == "-") return text_or_stdin(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError{"cannot read " + path};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string given(const std::string& value, const std::string& what) {
  if (value.empty()) throw UsageError{what + " is required"};
  return value;
}

int print(const Context& ctx, const Output& out) {
  if (ctx.globals.json) {
    std::cout << dump(out.fields, 2) << "\n";
  } else if (ctx.globals.raw) {
    if (out.raw.empty()) std::cout << dump(out.fields, -1) << "\n";
    for (const auto& line : out.raw) std::cout << line << "\n";
  } else {
    render(std::cout, out.fields, "");
  }
  if (!out.note.empty()) std::cerr << "paygw: " << out.note << "\n";
  return static_cast<int>(out.exit);
}

namespace {
// "(HTTP 400, code 97)" for an answer; "" when there is none.
std::string answer_of(const Error& e) {
  std::string out;
  if (e.http_status != 0) out += "HTTP " + std::to_string(e.http_status);
  if (!e.provider_code.empty()) out += (out.empty() ? "" : ", ") + std::string("code ") + e.provider_code;
  return out.empty() ? out : " (" + out + ")";
}
}  // namespace

int fail(const Context& ctx, const Error& e, bool not_found, const Json& extra) {
  Exit code = Exit::kFailed;
  std::string outcome = "rejected";
  std::string line = describe(e);  // what went wrong
  std::string hint;                // what to do
  const std::string provider = provider_label(ctx.group);
  // The provider decided (nothing was done): an answer to the request, or to the login before it
  // (a TConnect login refused leaves the request itself not sent).
  // A read changes nothing: its outcome is never "unknown" (Error::outcome_unknown() is about writes).
  const bool unknown = e.outcome_unknown() && !ctx.read;
  const bool answered = !unknown && e.delivery != Delivery::kInbound && (e.maybe_sent() || e.http_status != 0);
  if (answered) line = "reached " + provider + ", refused: " + e.message + answer_of(e);
  if (unknown) {
    code = Exit::kOutcomeUnknown;
    outcome = "unknown";
    hint = "the request may have been carried out: reconcile (provider's query command) before repeating it";
  } else if (e.code == ErrorCode::kInvalidArgument) {
    code = Exit::kUsage;
    outcome = "invalid_argument";
    hint = "nothing was sent";
  } else if (e.code == ErrorCode::kConfig) {
    code = Exit::kConfig;
    outcome = "configuration";
    hint = "nothing was sent: fix the setting (flag or environment variable)";
  } else if (const std::string refused = credential_refusal(ctx.group, e); !refused.empty()) {
    code = Exit::kConfig;
    outcome = "configuration";
    line += " — check " + refused;
    hint = "nothing was done: " + provider + " refused the credentials";
  } else if (not_found) {
    code = Exit::kNotFound;
    outcome = "not_found";
  } else if (!e.maybe_sent() &&
             (e.code == ErrorCode::kConnect || e.code == ErrorCode::kTls || e.code == ErrorCode::kTimeout ||
              e.code == ErrorCode::kNetwork || e.code == ErrorCode::kCancelled)) {
    code = Exit::kNotSent;
    outcome = "not_sent";
    hint = "nothing was sent: safe to repeat";
  } else if (answered) {
    hint = "nothing was done: fix the request before sending it again";
    if (ctx.group == "tingee" && tingee::is_timestamp_error(e)) {
      hint = "Tingee refused the request's time: check this machine's clock (Tingee allows a few minutes)";
    }
  } else if (std::string inbound = inbound_hint(ctx.group, e); !inbound.empty()) {
    hint = std::move(inbound);
  }
  if (ctx.globals.json) {
    Json j = {{"error",
               {{"code", std::string(to_string(e.code))},
                {"message", e.message},
                {"delivery", e.delivery == Delivery::kInbound ? "inbound"
                             : e.maybe_sent()                 ? "maybe_sent"
                                                              : "not_sent"},
                {"outcome", outcome},
                {"outcome_unknown", unknown},
                {"http_status", e.http_status},
                {"provider_code", e.provider_code},
                {"attempts", e.attempts},
                {"exit_code", static_cast<int>(code)}}}};
    for (const auto& [k, v] : extra.items()) j["error"][k] = v;
    std::cout << dump(j, 2) << "\n";
  }
  std::cerr << "paygw: " << line;
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - ctx.started).count();
  if (e.attempts > 1 || ctx.globals.verbose) std::cerr << " (" << e.attempts << " attempt(s) in " << ms << " ms)";
  std::cerr << "\n";
  if (!hint.empty()) std::cerr << "paygw: " << hint << "\n";
  return static_cast<int>(code);
}

}  // namespace paygw::cli
