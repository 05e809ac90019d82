// SPDX-License-Identifier: MIT
#include "tingee/protocol.hpp"

namespace paygw::tingee::detail {

http::Request TingeeProtocol::request(http::Method method, Group group, std::string_view path, std::string_view query,
                                      std::string body) const {
  http::Request r;
  r.method = method;
  const std::string_view prefix = group == Group::kBank ? path_prefix(config_.bank_path_prefix) : "";
  r.url.reserve(base_url_.size() + prefix.size() + path.size() + query.size());
  r.url.append(base_url_).append(prefix);
  r.url.append(path).append(query);
  r.timeout = config_.timeout;
  r.body = std::move(body);
  r.headers = {
      {"Content-Type", "application/json"}, {"Accept", "application/json"}, {"x-client-id", config_.client_id}};
  return r;
}

}  // namespace paygw::tingee::detail
