// SPDX-License-Identifier: MIT
// Internal: card charging's protocol — endpoint rows and the request encodings. Its md5 sign is a
// field of the encoded request (charging/request.cpp), the same on every attempt: no step of the
// per-attempt chain (ADR 0043).
#pragma once

#include <paygw/charging/client.hpp>

#include "call/endpoint.hpp"
#include "call/pipeline.hpp"
#include "charging/request.hpp"
#include "json/json.hpp"

#include <string>
#include <string_view>

namespace paygw::charging::detail {

using paygw::detail::json::Json;

/// Which Config path a row's request goes to.
enum class Base {
  kApi,          ///< Config::path, then the row's path.
  kPrice,        ///< Config::price_path (a GET query).
  kSerialCheck,  ///< Config::serial_check_path (a POST whose fields travel in the query).
};

/// What only card charging's rows carry.
struct Extra {
  std::string_view command;  ///< The `command` field ("charging", "check"); empty for the other rows.
  Base base = Base::kApi;    ///< Where the request goes.
};

/// One row of the endpoint table (charging/endpoints.hpp, generated from charging/endpoints.rows).
/// `path` is appended to Config::path; the fields then go in a GET query whatever Config::encoding
/// says. `build` validates and signs; `parse` is used unless the protocol has a parser for Req.
template <typename Req, typename Res>
using Endpoint =
    paygw::detail::Endpoint<Req, Res, Json, Extra,
                            Result<detail::Fields> (*)(const Config&, const Req&, std::string_view command)>;

/// Card charging's encoding of requests and reading of answers, around the pipeline. Requests
/// carry their own sign (no per-attempt credentials: its chain is empty). Immutable; thread-safe.
class ChargingProtocol final {
 public:
  ChargingProtocol(Config config, std::string base_url) : config_(std::move(config)), base_url_(std::move(base_url)) {}

  const Config& config() const { return config_; }

  /// The request of `ep` for `r` as Config::encoding says (form POST, JSON POST or GET query).
  template <typename Req, typename Res>
  Result<http::Request> encode(const Endpoint<Req, Res>& ep, const Req& r) const {
    auto fields = ep.build(config_, r, ep.extra.command);
    if (!fields) return std::move(fields).error();
    return request(ep.extra.base, ep.path, *fields);
  }
  template <typename Req, typename Res>
  paygw::detail::Route route(const Endpoint<Req, Res>& ep) const {
    if (!ep.extra.command.empty()) return {ep.idempotency, false, ep.extra.command};
    const Base base = ep.extra.base;
    return {ep.idempotency, false,
            base == Base::kPrice         ? std::string_view("price")
            : base == Base::kSerialCheck ? std::string_view("checkcard")
                                         : std::string_view("getfee")};
  }
  template <typename Req, typename Res>
  auto parser(const Endpoint<Req, Res>& ep, const Req&) const {
    return [this, parse = ep.parse](const http::Response& response) -> Result<Res> {
      auto body = decode(response);
      if (!body) return std::move(body).error();
      return parse(*body);
    };
  }
  /// A card's answer must be about that card; its status is logged (request_id and status only).
  auto parser(const Endpoint<CardRequest, ChargeResult>&, const CardRequest& card) const {
    return
        [this, expected = detail::expectation(config_, card)](const http::Response& response) -> Result<ChargeResult> {
          auto body = decode(response);
          if (!body) return std::move(body).error();
          auto result = detail::card_result(*body, expected);
          if (result && config_.logger.enabled(LogLevel::kInfo)) {
            paygw::detail::write_log(config_.logger, LogLevel::kInfo,
                                     "charging: request " + expected.request_id + " status " +
                                         std::to_string(result->status_code) + " (" +
                                         std::string(to_string(result->status)) + ")");
          }
          return result;
        };
  }

  /// 2xx JSON, else kHttpStatus.
  Result<Json> decode(const http::Response& response) const;

 private:
  http::Request request(Base base, std::string_view subpath, const detail::Fields& fields) const;

  Config config_;
  std::string base_url_;
};

}  // namespace paygw::charging::detail
