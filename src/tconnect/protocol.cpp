// SPDX-License-Identifier: MIT
#include "tconnect/protocol.hpp"

namespace paygw::tconnect::detail {

namespace json = paygw::detail::json;

namespace {
constexpr std::string_view kBearer = "Bearer ";
}

Result<http::Request> TconnectProtocol::request(const std::string& path, const Json& payload,
                                                const std::string& service_code) const {
  auto plaintext = json::dump(payload);
  if (!plaintext) return plaintext.error();
  auto data = detail::encrypt(*plaintext, key_, *config_.random);
  if (!data) return data.error();
  http::Request r;
  r.method = http::Method::kPost;
  r.url = base_url_ + path;
  r.timeout = config_.timeout;
  r.body.reserve(data->size() + 11);
  r.body.append(R"({"data":")").append(*data).append(R"("})");  // hex: nothing to escape
  r.headers = {
      {"Content-Type", "application/json"}, {"Accept", "application/json"}, {"Partner-Code", config_.partner_code}};
  if (!service_code.empty()) r.headers.emplace_back("x-service-code", service_code);
  return r;
}

void TconnectProtocol::authorize(http::Request& attempt, const paygw::detail::CallLimits& limits,
                                 paygw::detail::Mode mode, paygw::detail::AuthorizeDone done) const {
  tokens_.get(mode, limits, [&attempt, done = std::move(done)](Result<std::string> token) {
    if (!token) {
      Error e = std::move(token).error();
      e.delivery = Delivery::kNotSent;  // about the token request, not this call: this call was not sent
      e.attempts = 0;
      return done(std::move(e));
    }
    attempt.headers.emplace_back("Authorization", std::string(kBearer) + *token);
    done({});
  });
}

bool TconnectProtocol::reauthenticate(const http::Request& rejected) const {
  const std::string* auth = http::find_header(rejected.headers, "Authorization");
  if (auth != nullptr && auth->rfind(kBearer, 0) == 0) tokens_.invalidate(auth->substr(kBearer.size()));
  return true;
}

Result<Json> TconnectProtocol::decode(const http::Response& response) const {
  return detail::parse_response(response, key_);
}

}  // namespace paygw::tconnect::detail
