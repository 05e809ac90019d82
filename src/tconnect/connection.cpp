// SPDX-License-Identifier: MIT
#include "tconnect/connection.hpp"

#include "call/config_check.hpp"
#include "http/util.hpp"

namespace paygw::tconnect {
namespace detail {

RealConnection::RealConnection(Config config, std::string base_url, Secret raw_key)
    : protocol_(std::make_shared<const TconnectProtocol>(std::move(config), std::move(base_url), std::move(raw_key))),
      tokens_(std::make_shared<TokenCache>(protocol_)),
      pipeline_(static_cast<const ClientOptions&>(protocol_->config()), "tconnect", paygw::detail::Chain{tokens_}) {}

Result<void> RealConnection::authenticate(const CallOptions& options) {
  paygw::detail::CallLimits limits{
      options.cancel, protocol_->config().clock->now(),
      options.total_timeout.count() > 0 ? options.total_timeout : protocol_->config().retry.total_timeout};
  Result<void> out;
  tokens_->get(Mode::kBlocking, limits, [&out](Result<std::string> t) {
    if (!t) out = std::move(t).error();
  });
  return out;
}

void RealConnection::authenticate_async(Completion<void> done, const CallOptions& options) {
  paygw::detail::CallLimits limits{
      options.cancel, protocol_->config().clock->now(),
      options.total_timeout.count() > 0 ? options.total_timeout : protocol_->config().retry.total_timeout};
  tokens_->get(Mode::kAsync, limits, [self = shared_from_this(), done = std::move(done)](Result<std::string> t) {
    paygw::detail::complete(self->pipeline_, done, t ? Result<void>() : Result<void>(std::move(t).error()));
  });
}

std::future<Result<void>> RealConnection::authenticate_async(const CallOptions& options) {
  auto promise = std::make_shared<std::promise<Result<void>>>();
  auto future = promise->get_future();
  authenticate_async([promise](Result<void> r) { promise->set_value(std::move(r)); }, options);
  return future;
}

}  // namespace detail

Result<std::shared_ptr<Connection>> make_connection(Config config) {
  auto fail = [](std::string m) { return make_error(ErrorCode::kConfig, std::move(m)); };
  auto url = paygw::detail::check_connection_settings(config.base_url,
                                                      "tconnect::kStagingBaseUrl or your production URL", config);
  if (!url) return url.error();
  if (config.partner_code.empty()) return fail("partner_code is required");
  if (!paygw::detail::header_safe(config.partner_code)) return fail("partner_code contains control characters");
  if (!paygw::detail::header_safe(config.service_code)) return fail("service_code contains control characters");
  if (config.username.empty()) return fail("username is required");
  if (config.password.empty()) return fail("password is required");
  if (config.client_id.empty()) return fail("client_id is required");
  if (config.client_secret.empty()) return fail("client_secret is required");
  if (config.aes_key.empty()) return fail("aes_key is required");
  auto key = detail::decode_key(config.aes_key, config.aes_key_format);
  if (!key) return key.error();
  if (config.token_refresh_skew.count() < 0) return fail("token_refresh_skew must not be negative");
  for (const std::string* path : {&config.paths.login, &config.paths.refresh, &config.paths.services,
                                  &config.paths.create_va, &config.paths.create_qr, &config.paths.qr_transactions,
                                  &config.paths.card_transactions, &config.paths.cash_transactions,
                                  &config.paths.push_payment, &config.paths.order_status, &config.paths.generate_qr}) {
    if (path->empty() || path->front() != '/' || !paygw::detail::header_safe(*path)) {
      return fail("every path must start with '/'");
    }
  }
  return std::shared_ptr<Connection>(
      std::make_shared<detail::RealConnection>(std::move(config), std::move(*url), std::move(*key)));
}

Result<Client> Client::create(Config config) {
  auto connection = make_connection(std::move(config));
  if (!connection) return std::move(connection).error();
  return Client(std::move(*connection));
}

}  // namespace paygw::tconnect
