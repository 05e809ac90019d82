// SPDX-License-Identifier: MIT
// TConnect's IPN (payment notification) callbacks: the {"data": "<hex>"} body decrypted with one of
// the configured keys (key rotation) and its fields read and bounded. decode_ipn does not
// authenticate anything: see include/paygw/tconnect/envelope.hpp and confirm.cpp.
#include <paygw/tconnect/envelope.hpp>

#include "json/json.hpp"
#include "tconnect/codec.hpp"

namespace paygw::tconnect {

namespace json = paygw::detail::json;
using json::Json;

namespace {

Result<IpnNotification> decode_ipn_body(std::string_view raw_body, const std::vector<Secret>& keys, KeyFormat format) {
  if (keys.empty()) return make_error(ErrorCode::kConfig, "no IPN key configured");
  auto body = json::parse(raw_body);
  if (!body) return make_error(ErrorCode::kMalformed, "IPN body is not JSON");
  const auto data = detail::envelope_data(*body);
  if (!data) return make_error(ErrorCode::kMalformed, R"(IPN body is not {"data": "<hex>"})");

  // A wrong key still leaves valid PKCS#7 padding about once in 256 ciphertexts: a plaintext that
  // is not a JSON object does not stop the search — the next key (key rotation) is tried. Only
  // when no key gives a JSON object is the first such plaintext reported as malformed.
  Result<std::string> plaintext = make_error(ErrorCode::kDecrypt, "IPN does not decrypt with any configured key");
  Result<Json> payload = make_error(ErrorCode::kDecrypt, "IPN does not decrypt with any configured key");
  for (const auto& key : keys) {
    auto raw = detail::decode_key(key, format);
    if (!raw) return raw.error();
    auto attempt = detail::decrypt(*data, *raw);
    if (attempt) {
      auto parsed = json::parse(*attempt);
      if (parsed && parsed->is_object()) {
        plaintext = std::move(attempt);
        payload = std::move(parsed);
        break;
      }
      if (payload.error().code == ErrorCode::kDecrypt) {
        payload = make_error(ErrorCode::kMalformed, "decrypted IPN is not a JSON object");
      }
      continue;
    }
    if (attempt.error().code == ErrorCode::kMalformed) return std::move(attempt).error();  // same for every key
  }
  if (!payload) return std::move(payload).error();
  IpnNotification ipn;
  ipn.order_id = json::string_or_empty(*payload, "order_id");
  if (ipn.order_id.empty()) return make_error(ErrorCode::kMalformed, "IPN has no order_id");
  const Json* amount_member = json::member(*payload, "amount");
  const auto amount = amount_member != nullptr ? json::money(*amount_member) : std::nullopt;
  if (!amount)
    return make_error(ErrorCode::kMalformed, "IPN amount is not a whole number in 0.." + std::to_string(kMaxAmountVnd));
  ipn.amount = *amount;
  ipn.payment_type = json::string_or_empty(*payload, "payment_type");
  ipn.retrieval_ref_no = json::string_or_empty(*payload, "retrieval_ref_no");
  ipn.request_id = json::string_or_empty(*payload, "request_id");
  ipn.narrative = json::string_or_empty(*payload, "narrative");
  ipn.acc_no = json::string_or_empty(*payload, "acc_no");
  ipn.original_transaction_date = json::integer(*payload, "original_transaction_date").value_or(0);
  ipn.json = std::move(*plaintext);
  return ipn;
}

}  // namespace

Result<IpnNotification> decode_ipn(std::string_view raw_body, const std::vector<Secret>& keys, KeyFormat format) {
  auto ipn = decode_ipn_body(raw_body, keys, format);
  if (!ipn) {
    Error e = std::move(ipn).error();
    e.delivery = Delivery::kInbound;  // an inbound IPN was refused: no request of ours is involved
    return e;
  }
  return ipn;
}

}  // namespace paygw::tconnect
