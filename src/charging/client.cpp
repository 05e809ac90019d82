#include <paygw/charging/client.hpp>

#include "charging/codec.hpp"
#include "core/config_check.hpp"
#include "core/executor.hpp"
#include "crypto/crypto.hpp"
#include "http/util.hpp"

#include <algorithm>

namespace paygw::charging {

namespace json = paygw::detail::json;
using json::Json;

std::string sign_scheme_a(std::string_view partner_key, const SignFields& f) {
  std::string s;
  s.append(partner_key).append(f.code).append(f.serial);
  return s;
}

std::string sign_scheme_b(std::string_view partner_key, const SignFields& f) {
  // The six values in the PHP ksort order of their names: code, command, partner_id, request_id, serial, telco.
  std::string s;
  s.append(partner_key)
      .append(f.code)
      .append(f.command)
      .append(f.partner_id)
      .append(f.request_id)
      .append(f.serial)
      .append(f.telco);
  return s;
}

Result<std::string> sign(const Secret& partner_key, const SignFields& fields, const SignScheme& scheme) {
  std::string text = scheme(partner_key.reveal(), fields);
  auto digest = paygw::detail::crypto::md5(text);
  std::fill(text.begin(), text.end(), '\0');  // it holds the partner key
  if (!digest) return digest.error();
  return paygw::detail::crypto::hex_encode(*digest);
}

namespace {

constexpr std::size_t kMaxCardField = 32;
constexpr std::size_t kMaxRequestId = 64;

bool alnum(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

bool visible_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

Error invalid(std::string m) { return make_error(ErrorCode::kInvalidArgument, std::move(m)); }

}  // namespace

struct Client::Impl {
  Config config;
  std::string base_url;
  detail::Executor executor;

  Impl(Config c, std::string url) : config(std::move(c)), base_url(std::move(url)), executor(config, "charging") {}

  /// Validates `card`; returns the canonical telco.
  Result<std::string> validate(const CardRequest& card) const {
    const std::string telco = codec::canonical_telco(card.telco, config.telco_aliases);
    if (telco.empty()) return invalid("unknown telco '" + card.telco + "'");
    if (card.code.empty() || card.code.size() > kMaxCardField || !alnum(card.code)) {
      return invalid("code must be 1..32 letters or digits");  // never echo the code itself
    }
    if (card.serial.empty() || card.serial.size() > kMaxCardField || !alnum(card.serial)) {
      return invalid("serial must be 1..32 letters or digits");
    }
    const auto denominations = config.denominations.find(telco);
    if (denominations == config.denominations.end()) return invalid("no denominations configured for " + telco);
    const auto& values = denominations->second;
    if (std::find(values.begin(), values.end(), card.declared_value) == values.end()) {
      return invalid("declared_value " + std::to_string(card.declared_value) + " is not a " + telco + " denomination");
    }
    if (card.request_id.empty() || card.request_id.size() > kMaxRequestId || !visible_ascii(card.request_id)) {
      return invalid("request_id must be 1..64 visible ASCII characters");
    }
    return telco;
  }

  Result<ChargeResult> send(const CardRequest& card, std::string_view command, const CallOptions& options) const {
    auto telco = validate(card);
    if (!telco) return telco.error();
    const auto wire = config.telco_wire_names.find(*telco);
    const std::string wire_telco = wire == config.telco_wire_names.end() ? *telco : wire->second;
    const SignFields fields{config.partner_id, command, card.request_id, wire_telco, card.code, card.serial};
    auto signature = sign(config.partner_key, fields, config.sign_scheme);
    if (!signature) return signature.error();
    const std::vector<std::pair<std::string, std::string>> params = {{"telco", wire_telco},
                                                                     {"code", card.code},
                                                                     {"serial", card.serial},
                                                                     {"amount", std::to_string(card.declared_value)},
                                                                     {"request_id", card.request_id},
                                                                     {"partner_id", config.partner_id},
                                                                     {"sign", *signature},
                                                                     {"command", std::string(command)}};

    http::Request request;
    request.url = base_url + config.path;
    request.timeout = config.timeout;
    request.headers = {{"Accept", "application/json"}};
    switch (config.encoding) {
      case Encoding::kForm:
        request.method = http::Method::kPost;
        request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        request.body = codec::form_encode(params);
        break;
      case Encoding::kJson: {
        request.method = http::Method::kPost;
        request.headers.emplace_back("Content-Type", "application/json");
        Json body = Json::object();
        for (const auto& [k, v] : params) body[k] = v;
        request.body = body.dump();  // all fields are validated ASCII
        break;
      }
      case Encoding::kQuery:
        request.method = http::Method::kGet;
        request.url += "?" + codec::form_encode(params);
        break;
    }
    const Idempotency idempotency = command == "check" ? Idempotency::kIdempotent : Idempotency::kWrite;
    auto exchange = executor.send(request, {}, idempotency, options);
    if (!exchange) return exchange.error();
    return parse(exchange->response, exchange->attempts);
  }

  Result<ChargeResult> parse(const http::Response& response, int attempts) const {
    auto fail = [&](ErrorCode code, std::string message) {
      Error e = make_error(code, std::move(message), Delivery::kMaybeSent);
      e.http_status = response.status;
      e.attempts = attempts;
      executor.log(LogLevel::kWarn, "charging: " + describe(e));
      return e;
    };
    if (response.status < 200 || response.status >= 300) {
      return fail(ErrorCode::kHttpStatus, "HTTP " + std::to_string(response.status));
    }
    codec::Params params;
    if (auto parsed = codec::parse_json_object(response.body, params); !parsed) {
      return fail(ErrorCode::kMalformed, "response is not a JSON object");
    }
    auto result = codec::parse_result(params);
    if (!result) return fail(ErrorCode::kMalformed, result.error().message);
    executor.log(LogLevel::kInfo, "charging: request " + result->request_id + " status " +
                                      std::to_string(result->status_code) + " (" +
                                      std::string(to_string(result->status)) + ")");
    return result;
  }
};

Result<Client> Client::create(Config config) {
  auto fail = [](std::string m) { return make_error(ErrorCode::kConfig, std::move(m)); };
  auto url = detail::check_connection_settings(config.base_url, "e.g. https://thesieure.com", config);
  if (!url) return url.error();
  if (config.path.empty() || config.path.front() != '/' || !detail::header_safe(config.path)) {
    return fail("path must start with '/'");
  }
  if (config.partner_id.empty() || !visible_ascii(config.partner_id)) return fail("partner_id is required");
  if (config.partner_key.empty()) return fail("partner_key is required");
  if (!config.sign_scheme) return fail("sign_scheme is required");
  // Aliases are looked up upper-case, and every canonical telco names itself.
  std::map<std::string, std::string> upper;
  for (const auto& [alias, telco] : config.telco_aliases) {
    std::string key = alias;
    for (char& c : key) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    upper[key] = telco;
  }
  for (const auto& [telco, values] : config.denominations) {
    upper.emplace(telco, telco);
    if (values.empty()) return fail("denominations for " + telco + " are empty");
  }
  config.telco_aliases = std::move(upper);
  return Client(std::make_shared<const Impl>(std::move(config), std::move(*url)));
}

Result<ChargeResult> Client::submit(const CardRequest& card, const CallOptions& options) const {
  return impl_->send(card, "charging", options);
}

Result<ChargeResult> Client::check(const CardRequest& card, const CallOptions& options) const {
  return impl_->send(card, "check", options);
}

Result<FeeTable> Client::get_fees(const CallOptions& options) const {
  http::Request request;
  request.method = http::Method::kGet;
  request.url =
      impl_->base_url + impl_->config.path + "/getfee?partner_id=" + detail::url_encode(impl_->config.partner_id);
  request.timeout = impl_->config.timeout;
  request.headers = {{"Accept", "application/json"}};
  auto exchange = impl_->executor.send(request, {}, Idempotency::kIdempotent, options);
  if (!exchange) return exchange.error();
  const http::Response* response = &exchange->response;
  auto fail = [&](ErrorCode code, std::string message) {
    Error e = make_error(code, std::move(message), Delivery::kMaybeSent);
    e.http_status = response->status;
    e.attempts = exchange->attempts;
    return e;
  };
  if (response->status < 200 || response->status >= 300) {
    return fail(ErrorCode::kHttpStatus, "HTTP " + std::to_string(response->status));
  }
  auto body = json::parse(response->body);
  if (!body) return fail(ErrorCode::kMalformed, "fee table is not JSON");
  auto table = codec::parse_fee_table(*body);
  if (!table) return fail(ErrorCode::kMalformed, table.error().message);
  return table;
}

std::string Client::canonical_telco(std::string_view telco) const {
  return codec::canonical_telco(telco, impl_->config.telco_aliases);
}

}  // namespace paygw::charging
