// SPDX-License-Identifier: MIT
// Verifying charging callbacks from what a store keeps: keyed hashes and a sealed card.
#include <paygw/charging/client.hpp>
#include <paygw/charging/stored_card.hpp>
#include <paygw/money.hpp>

#include "charging/callback_support.hpp"
#include "charging/codec.hpp"
#include "charging/request.hpp"
#include "crypto/crypto.hpp"
#include "crypto/keyed.hpp"

#include <algorithm>
#include <array>

namespace paygw::charging {

namespace crypto = paygw::detail::crypto;

namespace {

constexpr std::size_t kMinStoreKey = 32;
constexpr std::size_t kMacHex = 64;  // HMAC-SHA256

Error inbound(ErrorCode code, std::string message) { return make_error(code, std::move(message), Delivery::kInbound); }
Error inbound(Error e) {
  e.delivery = Delivery::kInbound;
  return e;
}
Error invalid(std::string m) { return make_error(ErrorCode::kInvalidArgument, std::move(m)); }

using detail::valid_request_id;

std::map<std::string, std::string> upper_keys(const std::map<std::string, std::string>& aliases) {
  std::map<std::string, std::string> out;
  for (const auto& [alias, telco] : aliases) {
    std::string key = alias;
    for (char& c : key) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    out[key] = telco;
  }
  return out;
}

struct Keys {
  Secret mac;
  Secret seal;
};

Result<Keys> derive(const Secret& store_key) {
  if (store_key.size() < kMinStoreKey) return make_error(ErrorCode::kConfig, "store key must be at least 32 bytes");
  auto mac = crypto::hmac_sha256(store_key.reveal(), "paygw charging mac v1");
  if (!mac) return mac.error();
  auto seal = crypto::hmac_sha256(store_key.reveal(), "paygw charging seal v1");
  if (!seal) return seal.error();
  return Keys{Secret(std::move(*mac)), Secret(std::move(*seal))};
}

// hex HMAC-SHA256(k_mac, label NUL request_id NUL value)
Result<std::string> keyed_hash(const Secret& mac_key, std::string_view label, std::string_view request_id,
                               std::string_view value) {
  std::string message;
  message.reserve(label.size() + request_id.size() + value.size() + 2);
  message.append(label).push_back('\0');
  message.append(request_id).push_back('\0');
  message.append(value);
  auto mac = crypto::hmac_sha256(mac_key.reveal(), message);
  std::fill(message.begin(), message.end(), '\0');  // it holds a card field
  if (!mac) return mac.error();
  return crypto::hex_encode(*mac);
}

}  // namespace

std::string StoredCard::encode_verifier() const {
  return "v1." + sign_mac + "." + code_mac + "." + serial_mac + "." + sealed;
}

Result<StoredCard> StoredCard::decode(std::string_view request_id, std::string_view telco, Vnd declared_value,
                                      std::string_view verifier) {
  auto bad = [] { return make_error(ErrorCode::kMalformed, "not a stored-card verifier"); };
  if (verifier.substr(0, 3) != "v1.") return bad();
  verifier.remove_prefix(3);
  std::array<std::string, 4> parts;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto dot = verifier.find('.');
    if ((dot == std::string_view::npos) != (i == parts.size() - 1)) return bad();
    parts[i] = std::string(verifier.substr(0, dot));
    if (parts[i].empty() || !crypto::hex_decode(parts[i])) return bad();
    verifier = dot == std::string_view::npos ? std::string_view() : verifier.substr(dot + 1);
  }
  if (parts[0].size() != kMacHex || parts[1].size() != kMacHex || parts[2].size() != kMacHex) return bad();
  StoredCard card;
  card.request_id = std::string(request_id);
  card.telco = std::string(telco);
  card.declared_value = declared_value;
  card.sign_mac = std::move(parts[0]);
  card.code_mac = std::move(parts[1]);
  card.serial_mac = std::move(parts[2]);
  card.sealed = std::move(parts[3]);
  return card;
}

Result<StoredCard> protect_card(const CardRequest& card, const Secret& partner_key, const Secret& store_key,
                                const std::map<std::string, std::string>& telco_aliases) {
  if (partner_key.empty()) return make_error(ErrorCode::kConfig, "partner key is empty");
  auto keys = derive(store_key);
  if (!keys) return keys.error();
  const std::string telco = detail::canonical_telco(card.telco, upper_keys(telco_aliases));
  if (telco.empty()) return invalid("unknown telco '" + card.telco + "'");
  if (auto checked = detail::check_code_and_serial(card); !checked) return checked.error();
  if (!valid_request_id(card.request_id)) return invalid("request_id must be 1..64 visible ASCII characters");
  if (card.declared_value <= 0 || card.declared_value > kMaxAmountVnd) {
    return invalid("declared_value must be 1.." + std::to_string(kMaxAmountVnd));
  }

  SignFields fields;
  fields.code = card.code;
  fields.serial = card.serial;
  auto signature = sign(partner_key, fields, sign_scheme_a);  // callbacks are always scheme A
  if (!signature) return signature.error();
  StoredCard out;
  out.request_id = card.request_id;
  out.telco = telco;
  out.declared_value = card.declared_value;
  auto sign_mac = keyed_hash(keys->mac, "sign", card.request_id, *signature);
  std::fill(signature->begin(), signature->end(), '\0');
  auto code_mac = keyed_hash(keys->mac, "code", card.request_id, card.code);
  auto serial_mac = keyed_hash(keys->mac, "serial", card.request_id, card.serial);
  if (!sign_mac) return sign_mac.error();
  if (!code_mac) return code_mac.error();
  if (!serial_mac) return serial_mac.error();
  out.sign_mac = std::move(*sign_mac);
  out.code_mac = std::move(*code_mac);
  out.serial_mac = std::move(*serial_mac);

  auto nonce = crypto::random_bytes(crypto::kGcmNonceSize);
  if (!nonce) return nonce.error();
  std::string plain = card.code + "\n" + card.serial;
  auto sealed = crypto::aes256_gcm_seal(keys->seal.reveal(), *nonce, plain, card.request_id);
  std::fill(plain.begin(), plain.end(), '\0');
  if (!sealed) return sealed.error();
  out.sealed = crypto::hex_encode(*nonce + *sealed);
  return out;
}

Result<CardRequest> unseal_card(const StoredCard& stored, const Secret& store_key) {
  auto keys = derive(store_key);
  if (!keys) return keys.error();
  auto raw = crypto::hex_decode(stored.sealed);
  if (!raw || raw->size() < crypto::kGcmNonceSize + crypto::kGcmTagSize + 3) {
    return make_error(ErrorCode::kMalformed, "not a sealed card");
  }
  const std::string_view bytes(*raw);
  auto plain = crypto::aes256_gcm_open(keys->seal.reveal(), bytes.substr(0, crypto::kGcmNonceSize),
                                       bytes.substr(crypto::kGcmNonceSize), stored.request_id);
  if (!plain) return plain.error();
  const auto newline = plain->find('\n');
  if (newline == std::string::npos) {
    std::fill(plain->begin(), plain->end(), '\0');
    return make_error(ErrorCode::kMalformed, "not a sealed card");
  }
  CardRequest card;
  card.telco = stored.telco;
  card.code = plain->substr(0, newline);
  card.serial = plain->substr(newline + 1);
  card.declared_value = stored.declared_value;
  card.request_id = stored.request_id;
  std::fill(plain->begin(), plain->end(), '\0');
  return card;
}

namespace {

// verify_stored_callback() once the parameters are read and the keys derived.
Result<ChargeResult> verify_params(const detail::Params& params, const Keys& keys, const StoredCard& stored,
                                   const CallbackOptions& options) {
  const std::string* signature = detail::callback_signature(params, options);
  if (signature == nullptr) return inbound(ErrorCode::kMissingSignature, "callback has no signature");
  // The keyed hash of the received signature (32 hex, any case) must be the stored one.
  bool valid = false;
  if (signature->size() == 32 && crypto::hex_decode(*signature)) {
    std::string lower = *signature;
    for (char& c : lower) c = (c >= 'A' && c <= 'F') ? static_cast<char>(c - 'A' + 'a') : c;
    auto mac = keyed_hash(keys.mac, "sign", stored.request_id, lower);
    if (!mac) return inbound(mac.error());
    valid = detail::hex_equal(*mac, stored.sign_mac);
  }
  if (!valid) return inbound(ErrorCode::kInvalidSignature, "callback signature does not match");

  auto mismatch = [](const char* field) {
    return inbound(ErrorCode::kInvalidSignature, std::string("callback does not match the submission: ") + field);
  };
  if (detail::param_text(params, "request_id") != stored.request_id) return mismatch("request_id");
  for (auto [field, want] :
       {std::pair<const char*, const std::string*>{"code", &stored.code_mac}, {"serial", &stored.serial_mac}}) {
    auto mac = keyed_hash(keys.mac, field, stored.request_id, detail::param_text(params, field));
    if (!mac) return inbound(mac.error());
    if (!detail::hex_equal(*mac, *want)) return mismatch(field);
  }
  const auto aliases = upper_keys(options.telco_aliases);
  const std::string telco = detail::canonical_telco(detail::param_text(params, "telco"), aliases);
  const std::string stored_telco = detail::canonical_telco(stored.telco, aliases);
  if (telco.empty() || telco != (stored_telco.empty() ? stored.telco : stored_telco)) return mismatch("telco");
  auto declared = detail::money(params, "declared_value");
  if (!declared) return inbound(declared.error());
  if (!*declared || **declared != stored.declared_value) return mismatch("declared_value");

  auto result = detail::parse_result(params);
  if (!result) return inbound(result.error());
  if (auto stated = detail::check_crediting_amount(*result); !stated) return inbound(stated.error());
  for (const auto* money : {&result->declared_value, &result->value, &result->card_value, &result->amount}) {
    if (*money && (**money < 0 || **money > kMaxAmountVnd)) {
      return inbound(ErrorCode::kMalformed, "callback money field outside 0.." + std::to_string(kMaxAmountVnd));
    }
  }
  // The signature covers no amount: bound them by what this card can be worth (as verify_callback).
  const std::string& card_telco = stored_telco.empty() ? stored.telco : stored_telco;
  if (auto bounded = detail::check_callback_amounts(*result, stored.declared_value, options.denominations, card_telco);
      !bounded) {
    return inbound(bounded.error());
  }
  return result;
}

}  // namespace

namespace detail {

std::optional<std::string> callback_request_id(const Params& params) {
  std::string id = param_text(params, "request_id");
  if (!valid_request_id(id)) return std::nullopt;
  return id;
}

Result<ChargeResult> verify_stored_params(const Params& params, const StoredCard& stored, const Secret& store_key,
                                          const CallbackOptions& options) {
  auto keys = derive(store_key);
  if (!keys) return inbound(keys.error());
  return verify_params(params, *keys, stored, options);
}

}  // namespace detail

std::optional<std::string> callback_request_id(const CallbackRequest& request) {
  auto params = detail::callback_params(request);
  if (!params) return std::nullopt;
  return detail::callback_request_id(*params);
}

Result<ChargeResult> verify_stored_callback(const CallbackRequest& request, const StoredCard& stored,
                                            const Secret& store_key, const CallbackOptions& options) {
  auto keys = derive(store_key);
  if (!keys) return inbound(keys.error());
  auto params = detail::callback_params(request);
  if (!params) return inbound(params.error());
  return verify_params(*params, *keys, stored, options);
}

}  // namespace paygw::charging
