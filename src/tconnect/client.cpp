#include <paygw/tconnect/client.hpp>
#include <paygw/vietqr.hpp>

#include "core/config_check.hpp"
#include "core/executor.hpp"
#include "http/util.hpp"
#include "tconnect/codec.hpp"

#include <mutex>
#include <type_traits>

namespace paygw::tconnect {
namespace {

using codec::Json;

// Used when a token response has no expires_in: short enough to be safe, long enough not to
// log in on every call.
constexpr std::chrono::seconds kDefaultTokenLifetime{300};

}  // namespace

struct Client::Impl {
  Config config;
  std::string base_url;
  Secret key;  // the 32 raw AES key bytes
  detail::Executor executor;

  // Token cache. token_mu is held while a token is fetched, which makes acquisition
  // single-flight: concurrent callers wait for that one login/refresh and then share its token.
  mutable std::mutex token_mu;
  mutable std::string access_token;
  mutable std::string refresh_token;
  mutable std::chrono::system_clock::time_point access_expiry{};
  mutable std::optional<std::chrono::system_clock::time_point> refresh_expiry;

  Impl(Config c, std::string url, Secret raw_key)
      : config(std::move(c)), base_url(std::move(url)), key(std::move(raw_key)), executor(config, "tconnect") {}

  /// The request for `payload`: encrypted once; every attempt sends these bytes.
  Result<http::Request> encrypted_request(const std::string& path, const Json& payload,
                                          const std::string& service_code) const {
    auto plaintext = detail::json::dump(payload);
    if (!plaintext) return plaintext.error();
    auto data = codec::encrypt(*plaintext, key, *config.random);
    if (!data) return data.error();
    http::Request request;
    request.method = http::Method::kPost;
    request.url = base_url + path;
    request.timeout = config.timeout;
    request.body = *detail::json::dump(Json{{"data", *data}});  // ASCII hex: cannot fail
    request.headers = {
        {"Content-Type", "application/json"}, {"Accept", "application/json"}, {"Partner-Code", config.partner_code}};
    if (!service_code.empty()) request.headers.emplace_back("x-service-code", service_code);
    return request;
  }

  /// The parsed body of an exchange; `earlier` attempts (before a 401 resend) are added to the count.
  Result<Json> finish(Result<detail::Exchange> exchange, int earlier = 0) const {
    if (!exchange) {
      Error e = std::move(exchange).error();
      e.attempts += earlier;
      return e;
    }
    auto body = codec::parse_response(exchange->response, key);
    if (!body) {
      Error e = std::move(body).error();
      e.attempts = exchange->attempts + earlier;
      executor.log(LogLevel::kWarn, "tconnect: " + describe(e));
      return e;
    }
    return body;
  }

  // ---- tokens ----

  Result<codec::Tokens> fetch_tokens(const std::string& path, const Json& payload) const {
    auto request = encrypted_request(path, payload, {});
    if (!request) return request.error();
    auto body = finish(executor.send(*request, {}, Idempotency::kIdempotent));
    if (!body) {
      Error e = std::move(body).error();
      if (e.http_status >= 400 && e.http_status < 500) e.code = ErrorCode::kAuth;  // credentials refused
      return e;
    }
    return codec::parse_tokens(*body);
  }

  void store(const codec::Tokens& t, std::chrono::system_clock::time_point now) const {
    access_token = t.access_token;
    access_expiry =
        now + (t.expires_in && *t.expires_in > 0 ? std::chrono::seconds(*t.expires_in) : kDefaultTokenLifetime);
    if (!t.refresh_token.empty()) {
      refresh_token = t.refresh_token;
      refresh_expiry.reset();
      if (t.refresh_expires_in && *t.refresh_expires_in > 0)
        refresh_expiry = now + std::chrono::seconds(*t.refresh_expires_in);
    }
  }

  Result<std::string> login_locked() const {
    const Json credentials = {{"username", config.username},
                              {"password", config.password.reveal()},
                              {"client_id", config.client_id},
                              {"client_secret", config.client_secret.reveal()}};
    auto tokens = fetch_tokens(config.paths.login, credentials);
    if (!tokens) return tokens.error();
    store(*tokens, config.clock->now());
    executor.log(LogLevel::kInfo, "tconnect: logged in");
    return access_token;
  }

  /// A valid access token: cached, else refreshed, else a fresh login.
  Result<std::string> token() const {
    std::lock_guard<std::mutex> lock(token_mu);
    const auto now = config.clock->now();
    const auto skew = config.token_refresh_skew;
    if (!access_token.empty() && now + skew < access_expiry) return access_token;
    if (!refresh_token.empty() && (!refresh_expiry || now + skew < *refresh_expiry)) {
      auto tokens = fetch_tokens(config.paths.refresh, Json{{"refresh_token", refresh_token}});
      if (tokens) {
        store(*tokens, now);
        executor.log(LogLevel::kInfo, "tconnect: token refreshed");
        return access_token;
      }
      executor.log(LogLevel::kWarn, "tconnect: refresh failed (" + describe(tokens.error()) + "); logging in again");
      refresh_token.clear();
    }
    return login_locked();
  }

  /// Forgets `rejected` unless another thread already replaced it.
  void invalidate(const std::string& rejected) const {
    std::lock_guard<std::mutex> lock(token_mu);
    if (access_token == rejected) access_token.clear();
  }

  // ---- authenticated calls ----

  static detail::PrepareFn with_token(const std::string& token) {
    return [token](http::Request& r) -> Result<void> {
      r.headers.emplace_back("Authorization", "Bearer " + token);
      return {};
    };
  }

  Result<Json> call(const std::string& path, const Json& payload, Idempotency idempotency, const CallOptions& options,
                    const std::string& service_code = {}) const {
    auto request = encrypted_request(path, payload, service_code);
    if (!request) return request.error();
    auto bearer = token();
    if (!bearer) return bearer.error();
    auto exchange = executor.send(*request, with_token(*bearer), idempotency, options);
    if (exchange && exchange->response.status == 401) {
      // Rejected at authentication, so not processed: re-authenticate once and resend the same bytes.
      executor.log(LogLevel::kInfo, "tconnect: HTTP 401, re-authenticating once");
      invalidate(*bearer);
      auto fresh = token();
      if (!fresh) return fresh.error();
      return finish(executor.send(*request, with_token(*fresh), idempotency, options), exchange->attempts);
    }
    return finish(std::move(exchange));
  }

  Result<TransactionPage> transactions(const std::string& path, const TransactionQuery& query,
                                       const CallOptions& options) const {
    auto payload = codec::build(query);
    if (!payload) return payload.error();
    auto body = call(path, *payload, Idempotency::kIdempotent, options);
    if (!body) return body.error();
    return codec::parse_transactions(*body);
  }

  /// The validated push payload (with its QR checked for a soundbox).
  template <typename Push>
  Result<Json> push_payload(const Push& p) const {
    auto payload = codec::build(p);
    if (!payload) return payload.error();
    if constexpr (std::is_same_v<Push, SoundboxPush>) {
      if (config.validate_qr) {
        if (auto qr = vietqr::parse(p.qr_string); !qr) {
          return make_error(ErrorCode::kInvalidArgument, "qr_string: " + qr.error().message);
        }
      }
    }
    return payload;
  }

  template <typename Push>
  Result<PushResult> push(const Push& p, const CallOptions& options) const {
    auto payload = push_payload(p);
    if (!payload) return payload.error();
    auto body = call(config.paths.push_payment, *payload, Idempotency::kWrite, options);
    if (!body) return body.error();
    return codec::parse_push(*body);
  }

  // push() without blocking: the same steps, each continuing in the completion of the one before.
  template <typename Push>
  static std::future<Result<PushResult>> push_async(const std::shared_ptr<const Impl>& self, const Push& p,
                                                    CallOptions options) {
    auto promise = std::make_shared<std::promise<Result<PushResult>>>();
    auto future = promise->get_future();
    auto payload = self->push_payload(p);
    auto request = payload ? self->encrypted_request(self->config.paths.push_payment, *payload, {})
                           : Result<http::Request>(payload.error());
    auto bearer = request ? self->token() : Result<std::string>(request.error());
    if (!bearer) {
      promise->set_value(bearer.error());
      return future;
    }
    auto deliver = [self, promise](Result<detail::Exchange> exchange, int earlier) {
      auto body = self->finish(std::move(exchange), earlier);
      promise->set_value(body ? Result<PushResult>(codec::parse_push(*body)) : Result<PushResult>(body.error()));
    };
    auto first = [self, request = *request, rejected = *bearer, options, deliver](Result<detail::Exchange> exchange) {
      if (!exchange || exchange->response.status != 401) return deliver(std::move(exchange), 0);
      // As in call(): one re-authentication and resend of the same bytes. The login blocks, so it
      // runs on the timer thread rather than on the transport's worker.
      const int earlier = exchange->attempts;
      self->executor.log(LogLevel::kInfo, "tconnect: HTTP 401, re-authenticating once");
      self->invalidate(rejected);
      self->config.sleeper->sleep_async(
          std::chrono::milliseconds(0), options.cancel.value_or(CancelToken()),
          [self, request, options, deliver, earlier] {
            auto fresh = self->token();
            if (!fresh) return deliver(fresh.error(), earlier);
            self->executor.send_async(
                self, request, with_token(*fresh), Idempotency::kWrite, options,
                [deliver, earlier](Result<detail::Exchange> again) { deliver(std::move(again), earlier); });
          });
    };
    self->executor.send_async(self, *request, with_token(*bearer), Idempotency::kWrite, options, std::move(first));
    return future;
  }
};

Result<Client> Client::create(Config config) {
  auto fail = [](std::string m) { return make_error(ErrorCode::kConfig, std::move(m)); };
  auto url =
      detail::check_connection_settings(config.base_url, "tconnect::kStagingBaseUrl or your production URL", config);
  if (!url) return url.error();
  if (config.partner_code.empty()) return fail("partner_code is required");
  if (!detail::header_safe(config.partner_code)) return fail("partner_code contains control characters");
  if (!detail::header_safe(config.service_code)) return fail("service_code contains control characters");
  if (config.username.empty()) return fail("username is required");
  if (config.password.empty()) return fail("password is required");
  if (config.client_id.empty()) return fail("client_id is required");
  if (config.client_secret.empty()) return fail("client_secret is required");
  if (config.aes_key.empty()) return fail("aes_key is required");
  auto key = codec::decode_key(config.aes_key, config.aes_key_format);
  if (!key) return key.error();
  if (config.token_refresh_skew.count() < 0) return fail("token_refresh_skew must not be negative");
  for (const std::string* path :
       {&config.paths.login, &config.paths.refresh, &config.paths.services, &config.paths.create_va,
        &config.paths.create_qr, &config.paths.qr_transactions, &config.paths.card_transactions,
        &config.paths.cash_transactions, &config.paths.push_payment}) {
    if (path->empty() || path->front() != '/' || !detail::header_safe(*path)) {
      return fail("every path must start with '/'");
    }
  }
  return Client(std::make_shared<const Impl>(std::move(config), std::move(*url), std::move(*key)));
}

Result<void> Client::authenticate() const {
  auto t = impl_->token();
  if (!t) return t.error();
  return {};
}

Result<PushResult> Client::push_payment(const PosPush& push, const CallOptions& options) const {
  return impl_->push(push, options);
}

Result<PushResult> Client::push_payment(const SoundboxPush& push, const CallOptions& options) const {
  return impl_->push(push, options);
}

std::future<Result<PushResult>> Client::push_payment_async(const PosPush& push, CallOptions options) const {
  return Impl::push_async(impl_, push, std::move(options));
}

std::future<Result<PushResult>> Client::push_payment_async(const SoundboxPush& push, CallOptions options) const {
  return Impl::push_async(impl_, push, std::move(options));
}

Result<ServiceList> Client::get_services(const CallOptions& options) const {
  auto body = impl_->call(impl_->config.paths.services, Json::object(), Idempotency::kIdempotent, options);
  if (!body) return body.error();
  return codec::parse_services(*body);
}

Result<VirtualAccount> Client::create_va(const CreateVaRequest& request, const CallOptions& options) const {
  auto payload = codec::build(request);
  if (!payload) return payload.error();
  auto body = impl_->call(impl_->config.paths.create_va, *payload, Idempotency::kWrite, options);
  if (!body) return body.error();
  return codec::parse_va(*body);
}

Result<Qr> Client::create_qr(const CreateQrRequest& request, const CallOptions& options) const {
  const std::string& service = request.service_code.empty() ? impl_->config.service_code : request.service_code;
  if (service.empty()) {
    return make_error(ErrorCode::kInvalidArgument, "service_code is required (request or Config::service_code)");
  }
  if (!detail::header_safe(service))
    return make_error(ErrorCode::kInvalidArgument, "service_code contains control characters");
  auto payload = codec::build(request);
  if (!payload) return payload.error();
  auto body = impl_->call(impl_->config.paths.create_qr, *payload, Idempotency::kWrite, options, service);
  if (!body) return body.error();
  Qr qr = codec::parse_qr(*body);
  qr.dynamic = request.amount.value_or(0) > 0;
  return qr;
}

Result<TransactionPage> Client::get_qr_transactions(const TransactionQuery& query, const CallOptions& options) const {
  return impl_->transactions(impl_->config.paths.qr_transactions, query, options);
}

Result<TransactionPage> Client::get_card_transactions(const TransactionQuery& query, const CallOptions& options) const {
  return impl_->transactions(impl_->config.paths.card_transactions, query, options);
}

Result<TransactionPage> Client::get_cash_transactions(const TransactionQuery& query, const CallOptions& options) const {
  return impl_->transactions(impl_->config.paths.cash_transactions, query, options);
}

}  // namespace paygw::tconnect
