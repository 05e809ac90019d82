// SPDX-License-Identifier: MIT
#include "charging/request.hpp"

#include "charging/price.hpp"

#include <algorithm>

namespace paygw::charging::detail {
namespace {

constexpr std::size_t kMaxCardField = 32;
constexpr std::size_t kMaxRequestId = 64;

bool alnum(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

Error invalid(std::string m) { return make_error(ErrorCode::kInvalidArgument, std::move(m)); }

}  // namespace

bool visible_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

bool valid_request_id(std::string_view id) { return !id.empty() && id.size() <= kMaxRequestId && visible_ascii(id); }

Result<void> check_code_and_serial(const CardRequest& card) {
  if (card.code.empty() || card.code.size() > kMaxCardField || !alnum(card.code)) {
    return invalid("code must be 1..32 letters or digits");  // never echo the code itself
  }
  if (card.serial.empty() || card.serial.size() > kMaxCardField || !alnum(card.serial)) {
    return invalid("serial must be 1..32 letters or digits");
  }
  return {};
}

Result<Fields> card_fields(const Config& config, const CardRequest& card, std::string_view command) {
  const std::string telco = canonical_telco(card.telco, config.telco_aliases);
  if (telco.empty()) return invalid("unknown telco '" + card.telco + "'");
  if (auto checked = check_code_and_serial(card); !checked) return checked.error();
  const auto denominations = config.denominations.find(telco);
  if (denominations == config.denominations.end()) return invalid("no denominations configured for " + telco);
  const auto& values = denominations->second;
  if (std::find(values.begin(), values.end(), card.declared_value) == values.end()) {
    return invalid("declared_value " + std::to_string(card.declared_value) + " is not a " + telco + " denomination");
  }
  if (!valid_request_id(card.request_id)) {
    return invalid("request_id must be 1..64 visible ASCII characters");
  }
  const auto wire = config.telco_wire_names.find(telco);
  const std::string wire_telco = wire == config.telco_wire_names.end() ? telco : wire->second;
  const SignFields sign_fields{config.partner_id, command, card.request_id, wire_telco, card.code, card.serial};
  auto signature = sign(config.partner_key, sign_fields, config.sign_scheme);
  if (!signature) return signature.error();
  return Fields{{"telco", wire_telco},           {"code", card.code},
                {"serial", card.serial},         {"amount", std::to_string(card.declared_value)},
                {"request_id", card.request_id}, {"partner_id", config.partner_id},
                {"sign", std::move(*signature)}, {"command", std::string(command)}};
}

Result<Fields> fee_fields(const Config& config, const NoPayload&, std::string_view) {
  return Fields{{"partner_id", config.partner_id}};
}

Result<Fields> price_fields(const Config& config, const NoPayload&, std::string_view) {
  if (config.price_path.empty())
    return invalid("price_path is empty: this host is not known to serve /chargingws/price");
  return Fields{{"partner_id", config.partner_id}};
}

Result<Fields> serial_check_fields(const Config& config, const SerialCheckRequest& request, std::string_view) {
  if (config.serial_check_path.empty())
    return invalid("serial_check_path is empty: this host documents no serial check");
  const std::string telco = canonical_telco(request.telco, config.telco_aliases);
  if (telco.empty()) return invalid("unknown telco '" + request.telco + "'");
  if (request.serial.empty() || request.serial.size() > kMaxCardField || !alnum(request.serial)) {
    return invalid("serial must be 1..32 letters or digits");
  }
  const auto wire = config.telco_wire_names.find(telco);
  auto signature = serial_check_sign(config.partner_key, request.serial);
  if (!signature) return signature.error();
  return Fields{{"telco", wire == config.telco_wire_names.end() ? telco : wire->second},
                {"serial", request.serial},
                {"partner_id", config.partner_id},
                {"sign", std::move(*signature)}};
}

CardExpectation expectation(const Config& config, const CardRequest& card) {
  const std::string telco = canonical_telco(card.telco, config.telco_aliases);
  return CardExpectation{card.request_id, card.declared_value,
                         largest_denomination(config.denominations, telco).value_or(0)};
}

Result<ChargeResult> card_result(const paygw::detail::json::Json& body, const CardExpectation& expected) {
  if (!body.is_object()) return make_error(ErrorCode::kMalformed, "response is not a JSON object");
  auto result = parse_result(params_of(body));
  if (!result) return result.error();
  if (!result->request_id.empty() && result->request_id != expected.request_id) {
    return make_error(ErrorCode::kMalformed, "the response is about another request_id than the one sent");
  }
  if (auto bounded = check_amounts(*result, expected.declared_value, expected.largest_denomination); !bounded) {
    return bounded.error();
  }
  return result;
}

Result<FeeTable> fee_table(const paygw::detail::json::Json& body) { return parse_fee_table(body); }

}  // namespace paygw::charging::detail
