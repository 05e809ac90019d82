// SPDX-License-Identifier: MIT
#include "tconnect/protocol.hpp"

namespace paygw::tconnect::detail {

namespace json = paygw::detail::json;

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

Result<Json> TconnectProtocol::decode(const http::Response& response) const {
  return detail::parse_response(response, key_);
}

}  // namespace paygw::tconnect::detail
