// SPDX-License-Identifier: MIT
// Internal: Tingee's protocol — endpoint rows, encoding, the envelope (signing: tingee/signing.hpp).
#pragma once

#include <paygw/tingee/client.hpp>

#include "call/endpoint.hpp"
#include "call/pipeline.hpp"
#include "json/json.hpp"
#include "tingee/codec.hpp"
#include "tingee/codec_bills.hpp"
#include "vietqr/payment_qr.hpp"

#include <string>
#include <string_view>

namespace paygw::tingee::detail {

using paygw::detail::json::Json;

/// Which path prefix an endpoint's path is relative to.
enum class Group {
  kDevice,  ///< `path` is absolute ("/v1/device/...", "/v1/transaction/...").
  kBank,    ///< `path` follows Config::bank_path_prefix ("/v1" or "/v1/bank").
};

/// The request of a call that takes none (get-banks).
struct NoRequest {};

/// What only Tingee's rows carry.
struct Extra {
  Group group = Group::kDevice;
  /// The envelope step: the "00" envelope of an answer, or its typed error.
  Result<Json> (*envelope)(const http::Response&) = detail::parse_envelope;
};

/// One row of the endpoint table (tingee/endpoints.hpp, generated from tingee/endpoints.rows).
/// `build` nullptr: no body (signs "{}").
template <typename Req, typename Res>
using Endpoint = paygw::detail::Endpoint<Req, Res, Json, Extra>;

/// Checks of a request that need the configuration (beyond the codec's own validation).
template <typename Req>
Result<void> check(const Config&, const Req&) {
  return {};
}
inline Result<void> check(const Config& config, const ShowQrRequest& r) {
  if (!config.validate_qr || r.qr_code.empty()) return {};  // an empty qr_code is the codec's error
  return paygw::detail::check_payment_qr("qr_code", r.qr_code, r.amount);
}

/// Tingee's encoding of requests and reading of answers, around the pipeline (its per-attempt
/// signing is a step of the chain: tingee/signing.hpp). Immutable; thread-safe.
class TingeeProtocol final {
 public:
  TingeeProtocol(Config config, std::string base_url) : config_(std::move(config)), base_url_(std::move(base_url)) {}

  const Config& config() const { return config_; }

  /// The request of `ep` for `r`: validated, its body serialised once (these bytes are signed
  /// and sent by every attempt). Errors: kInvalidArgument, nothing sent.
  template <typename Req, typename Res>
  Result<http::Request> encode(const Endpoint<Req, Res>& ep, const Req& r) const {
    std::string body;
    if (ep.build != nullptr) {
      auto json = ep.build(r);
      if (!json) return std::move(json).error();
      auto text = paygw::detail::json::dump(*json);
      if (!text) return std::move(text).error();
      body = std::move(*text);
    }
    std::string query;
    if (ep.query != nullptr) {
      auto q = ep.query(r);
      if (!q) return std::move(q).error();
      query = std::move(*q);
    }
    if (auto checked = check(config_, r); !checked) return std::move(checked).error();
    return request(ep.method, ep.extra.group, ep.path, query, std::move(body));
  }
  template <typename Req, typename Res>
  paygw::detail::Route route(const Endpoint<Req, Res>& ep) const {
    return {ep.idempotency, true};
  }
  template <typename Req, typename Res>
  auto parser(const Endpoint<Req, Res>& ep, const Req&) const {
    return [envelope = ep.extra.envelope, parse = ep.parse](const http::Response& response) -> Result<Res> {
      auto checked = envelope(response);
      if (!checked) return std::move(checked).error();
      return parse(*checked);
    };
  }

 private:
  http::Request request(http::Method method, Group group, std::string_view path, std::string_view query,
                        std::string body) const;

  Config config_;
  std::string base_url_;
};

}  // namespace paygw::tingee::detail
