// SPDX-License-Identifier: MIT
#include "charging/protocol.hpp"

namespace paygw::charging::detail {

http::Request ChargingProtocol::request(Base base, std::string_view subpath, const detail::Fields& fields) const {
  http::Request r;
  r.url = base_url_ + (base == Base::kPrice         ? config_.price_path
                       : base == Base::kSerialCheck ? config_.serial_check_path
                                                    : config_.path + std::string(subpath));
  r.timeout = config_.timeout;
  r.headers = {{"Accept", "application/json"}};
  if (base == Base::kSerialCheck) {  // documented as a POST with its fields in the query, no body
    r.method = http::Method::kPost;
    r.url += "?" + detail::form_encode(fields);
    return r;
  }
  if (base == Base::kPrice || !subpath.empty() || config_.encoding == Encoding::kQuery) {
    r.method = http::Method::kGet;
    r.url += "?" + detail::form_encode(fields);
    return r;
  }
  r.method = http::Method::kPost;
  if (config_.encoding == Encoding::kForm) {
    r.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    r.body = detail::form_encode(fields);
    return r;
  }
  r.headers.emplace_back("Content-Type", "application/json");
  Json body = Json::object();
  for (const auto& [k, v] : fields) body[k] = v;
  r.body = body.dump();  // every field is validated ASCII
  return r;
}

Result<Json> ChargingProtocol::decode(const http::Response& response) const {
  if (response.status < 200 || response.status >= 300) {
    return make_error(ErrorCode::kHttpStatus, "HTTP " + std::to_string(response.status));
  }
  auto body = paygw::detail::json::parse(response.body);
  if (!body) return make_error(ErrorCode::kMalformed, "response is not JSON");
  return body;
}

}  // namespace paygw::charging::detail
