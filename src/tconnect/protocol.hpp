// SPDX-License-Identifier: MIT
// Internal: TConnect's protocol — endpoint rows, the AES envelope (bearer tokens: the token
// cache, a step of the per-attempt chain, tconnect/tokens.hpp).
#pragma once

#include <paygw/tconnect/client.hpp>

#include "call/endpoint.hpp"
#include "call/pipeline.hpp"
#include "json/json.hpp"
#include "tconnect/codec.hpp"
#include "vietqr/payment_qr.hpp"

#include <string>

namespace paygw::tconnect::detail {

using paygw::detail::json::Json;

/// What only TConnect's rows carry.
template <typename Req>
struct Extra {
  std::string Paths::*path = nullptr;  ///< Config::paths member: every path can be overridden.
  bool authorized = true;              ///< false: no bearer token (login, refresh).
  /// The `x-service-code` header, or nullptr for none. Errors: kInvalidArgument.
  Result<std::string> (*service_code)(const Config&, const Req&) = nullptr;
};

/// One row of the endpoint table (tconnect/endpoints.hpp, generated from tconnect/endpoints.rows).
/// Every TConnect call is a POST of the encrypted payload to the Config::paths member `extra.path`.
template <typename Req, typename Res>
using Endpoint = paygw::detail::Endpoint<Req, Res, Json, Extra<Req>>;

/// Checks of a request that need the configuration (beyond the codec's own validation).
template <typename Req>
Result<void> check(const Config&, const Req&) {
  return {};
}
inline Result<void> check(const Config& config, const SoundboxPush& p) {
  if (!config.validate_qr || p.qr_string.empty()) return {};  // an empty qr_string is the codec's error
  return paygw::detail::check_payment_qr("qr_string", p.qr_string, p.amount);
}

/// TConnect's encoding of requests and reading of answers, around the pipeline (the bearer token
/// is a step of the chain: TokenCache). Immutable; thread-safe.
class TconnectProtocol final {
 public:
  TconnectProtocol(Config config, std::string base_url, Secret raw_key)
      : config_(std::move(config)), base_url_(std::move(base_url)), key_(std::move(raw_key)) {}

  const Config& config() const { return config_; }

  /// The request of `ep` for `r`: validated, its payload encrypted once (every attempt sends
  /// these bytes). Errors: kInvalidArgument, nothing sent; kInternal when encryption fails.
  template <typename Req, typename Res>
  Result<http::Request> encode(const Endpoint<Req, Res>& ep, const Req& r) const {
    auto payload = ep.build(r);
    if (!payload) return std::move(payload).error();
    if (auto checked = check(config_, r); !checked) return std::move(checked).error();
    std::string service;
    if (ep.extra.service_code != nullptr) {
      auto code = ep.extra.service_code(config_, r);
      if (!code) return std::move(code).error();
      service = std::move(*code);
    }
    return request(config_.paths.*ep.extra.path, *payload, service);
  }
  template <typename Req, typename Res>
  paygw::detail::Route route(const Endpoint<Req, Res>& ep) const {
    return {ep.idempotency, ep.extra.authorized};
  }
  template <typename Req, typename Res>
  auto parser(const Endpoint<Req, Res>& ep, const Req&) const {
    return [this, parse = ep.parse](const http::Response& response) -> Result<Res> {
      auto body = decode(response);
      if (!body) return std::move(body).error();
      return parse(*body);
    };
  }
  /// create_qr's result also says whether the request asked for a dynamic QR.
  auto parser(const Endpoint<CreateQrRequest, Qr>& ep, const CreateQrRequest& r) const {
    return [this, parse = ep.parse, dynamic = r.amount.value_or(0) > 0](const http::Response& response) -> Result<Qr> {
      auto body = decode(response);
      if (!body) return std::move(body).error();
      auto qr = parse(*body);
      if (qr) qr->dynamic = dynamic;
      return qr;
    };
  }

  /// 2xx JSON, decrypting a bare {"data": "<hex>"} (see detail::parse_response).
  Result<Json> decode(const http::Response& response) const;

 private:
  Result<http::Request> request(const std::string& path, const Json& payload, const std::string& service_code) const;

  Config config_;
  std::string base_url_;
  Secret key_;  // the 32 raw AES key bytes
};

}  // namespace paygw::tconnect::detail
