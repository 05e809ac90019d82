// SPDX-License-Identifier: MIT
#include <paygw/charging/callback.hpp>
#include <paygw/charging/client.hpp>

#include "charging/callback_support.hpp"
#include "charging/codec.hpp"
#include "crypto/crypto.hpp"

namespace paygw::charging {

namespace crypto = paygw::detail::crypto;

namespace detail {

Result<Params> callback_params(const CallbackRequest& request) {
  Params params;
  parse_form(request.query, params);
  std::string_view body = request.body;
  while (!body.empty() &&
         (body.front() == ' ' || body.front() == '\n' || body.front() == '\r' || body.front() == '\t')) {
    body.remove_prefix(1);
  }
  if (!body.empty() && body.front() == '{') {
    if (auto parsed = parse_json_object(body, params); !parsed) return parsed.error();
  } else if (!body.empty()) {
    parse_form(body, params);
  }
  return params;
}

std::string param_text(const Params& params, const std::string& key) {
  const auto it = params.find(key);
  return it == params.end() ? std::string() : it->second;
}

const std::string* callback_signature(const Params& params, const CallbackOptions& options) {
  for (const std::string* name : {&options.signature_field, &options.signature_field_alt}) {
    const auto it = params.find(*name);
    if (it != params.end() && !it->second.empty()) return &it->second;
  }
  return nullptr;
}

bool hex_equal(std::string_view a, std::string_view b) {
  auto x = crypto::hex_decode(a);
  auto y = crypto::hex_decode(b);
  return x && y && crypto::constant_time_equal(*x, *y);
}

Result<void> check_crediting_amount(const ChargeResult& result) {
  if (result.credits() && !result.amount) {
    return make_error(ErrorCode::kMalformed,
                      "status " + std::to_string(result.status_code) + " credits, but the callback has no amount");
  }
  return {};
}

}  // namespace detail

namespace {

Error reject(ErrorCode code, std::string message) { return make_error(code, std::move(message)); }

// verify_callback before its errors are marked inbound.
Result<ChargeResult> verify_unmarked(const CallbackRequest& request, const Secret& partner_key,
                                     const Submission& expected, const CallbackOptions& options) {
  if (partner_key.empty()) return reject(ErrorCode::kConfig, "partner key is empty");
  auto parsed = detail::callback_params(request);
  if (!parsed) return parsed.error();
  const detail::Params& params = *parsed;

  const std::string* signature = detail::callback_signature(params, options);
  if (signature == nullptr) return reject(ErrorCode::kMissingSignature, "callback has no signature");

  // The expected signature is computed from the stored card, so a callback about any other card
  // cannot verify even if its own code/serial/signature are consistent.
  // Every source signs callbacks as md5(partner_key + code + serial): scheme A.
  SignFields fields;
  fields.code = expected.code;
  fields.serial = expected.serial;
  auto expected_sig = sign(partner_key, fields, sign_scheme_a);
  if (!expected_sig) return expected_sig.error();
  // Upper- or lower-case hex.
  const bool valid = signature->size() == expected_sig->size() && detail::hex_equal(*signature, *expected_sig);
  if (!valid) return reject(ErrorCode::kInvalidSignature, "callback signature does not match");

  auto mismatch = [](const char* field) {
    return reject(ErrorCode::kInvalidSignature, std::string("callback does not match the submission: ") + field);
  };
  auto text = [&](const char* key) { return detail::param_text(params, key); };
  if (text("request_id") != expected.request_id) return mismatch("request_id");
  if (text("code") != expected.code) return mismatch("code");
  if (text("serial") != expected.serial) return mismatch("serial");
  const std::string telco = detail::canonical_telco(text("telco"), options.telco_aliases);
  const std::string stored_telco = detail::canonical_telco(expected.telco, options.telco_aliases);
  const std::string& card_telco = stored_telco.empty() ? expected.telco : stored_telco;
  if (telco.empty() || telco != card_telco) return mismatch("telco");
  auto declared = detail::money(params, "declared_value");
  if (!declared) return declared.error();
  if (!*declared || **declared != expected.declared_value) return mismatch("declared_value");

  auto result = detail::parse_result(params);
  if (!result) return result.error();
  if (auto stated = detail::check_crediting_amount(*result); !stated) return stated.error();
  // The signature covers no amount: bound them by what this card can be worth.
  if (auto bounded =
          detail::check_callback_amounts(*result, expected.declared_value, options.denominations, card_telco);
      !bounded) {
    return bounded.error();
  }
  return result;
}

}  // namespace

Result<ChargeResult> verify_callback(const CallbackRequest& request, const Secret& partner_key,
                                     const Submission& expected, const CallbackOptions& options) {
  auto verified = verify_unmarked(request, partner_key, expected, options);
  if (!verified) {
    Error e = std::move(verified).error();
    e.delivery = Delivery::kInbound;  // a callback: nothing of ours was sent
    return e;
  }
  return verified;
}

Decision decide(const ChargeResult& stored, const ChargeResult& incoming) noexcept {
  Decision d;
  if (!incoming.is_final()) {
    d.action = stored.is_final() ? Action::kDuplicate : Action::kIgnore;
    return d;
  }
  if (!stored.is_final()) {
    d.action = Action::kApply;
    return d;
  }
  d.action = Action::kDuplicate;
  // Money fields conflict only when both sides state them: a check result or a submit response may
  // not carry `value` yet, and that is not a contradiction (see Decision::conflicts).
  const auto contradicts = [](const std::optional<Vnd>& a, const std::optional<Vnd>& b) { return a && b && *a != *b; };
  d.conflicts = stored.status_code != incoming.status_code || contradicts(stored.amount, incoming.amount) ||
                contradicts(stored.value, incoming.value);
  return d;
}

}  // namespace paygw::charging
