#include <paygw/tingee/client.hpp>
#include <paygw/vietqr.hpp>

#include "core/config_check.hpp"
#include "core/executor.hpp"
#include "crypto/crypto.hpp"
#include "http/util.hpp"
#include "tingee/codec.hpp"

#include <future>
#include <memory>
#include <type_traits>
#include <utility>

namespace paygw::tingee {
namespace {

using codec::Json;

}  // namespace

Result<std::string> sign(const Secret& secret, std::string_view timestamp, std::string_view body) {
  std::string message;
  message.reserve(timestamp.size() + 1 + body.size());
  message.append(timestamp).append(":").append(body.empty() ? std::string_view("{}") : body);
  auto mac = detail::crypto::hmac_sha512(secret.reveal(), message);
  if (!mac) return mac.error();
  return detail::crypto::hex_encode(*mac);
}

bool is_signature_error(const Error& error) noexcept {
  return error.code == ErrorCode::kProvider && error.provider_code == "97";
}
bool is_timestamp_error(const Error& error) noexcept {
  return error.code == ErrorCode::kProvider && (error.provider_code == "90" || error.provider_code == "91");
}
bool is_rate_limited(const Error& error) noexcept {
  return error.code == ErrorCode::kProvider && error.provider_code == "1001";
}

struct Client::Impl : std::enable_shared_from_this<Client::Impl> {
  Config config;
  std::string base_url;
  detail::Executor executor;

  Impl(Config c, std::string url) : config(std::move(c)), base_url(std::move(url)), executor(config, "tingee") {}

  /// The unsigned request; `body` is null for bodyless requests (which sign "{}").
  Result<http::Request> request_for(http::Method method, std::string_view path, const Json* body,
                                    std::string_view query) const {
    http::Request request;
    request.method = method;
    request.url = base_url + std::string(path) + std::string(query);
    request.timeout = config.timeout;
    if (body != nullptr) {
      auto text = detail::json::dump(*body);  // serialised once: these bytes are signed and sent
      if (!text) return text.error();
      request.body = std::move(*text);
    }
    request.headers = {
        {"Content-Type", "application/json"}, {"Accept", "application/json"}, {"x-client-id", config.client_id}};
    return request;
  }

  /// Signs each attempt with a fresh timestamp over the same body bytes.
  detail::PrepareFn signer() const {
    return [this](http::Request& r) -> Result<void> {
      const std::string timestamp = format_timestamp(config.clock->now() - config.timestamp_backdate);
      auto signature = sign(config.secret, timestamp, r.body);
      if (!signature) return signature.error();
      r.headers.emplace_back("x-request-timestamp", timestamp);
      r.headers.emplace_back("x-signature", std::move(*signature));
      return {};
    };
  }

  /// The envelope when Tingee answered code "00", else the typed error.
  Result<Json> envelope_of(Result<detail::Exchange> exchange, std::string_view path) const {
    if (!exchange) return exchange.error();
    auto envelope = codec::parse_envelope(exchange->response);
    if (!envelope) {
      Error e = std::move(envelope).error();
      e.attempts = exchange->attempts;
      executor.log(LogLevel::kWarn, "tingee " + std::string(path) + ": " + describe(e));
      return e;
    }
    return envelope;
  }

  Result<Json> call(http::Method method, std::string_view path, const Json* body, Idempotency idempotency,
                    const CallOptions& options, std::string_view query = {}) const {
    auto request = request_for(method, path, body, query);
    if (!request) return request.error();
    return envelope_of(executor.send(*request, signer(), idempotency, options), path);
  }

  /// The JSON body of `request`, validated (and its QR checked when Config::validate_qr).
  template <typename Req>
  Result<Json> body_of(const Req& request) const {
    auto body = codec::build(request);
    if (!body) return body.error();
    if constexpr (std::is_same_v<Req, ShowQrRequest>) {
      if (config.validate_qr) {
        if (auto qr = vietqr::parse(request.qr_code); !qr) {
          return make_error(ErrorCode::kInvalidArgument, "qr_code: " + qr.error().message);
        }
      }
    }
    return body;
  }

  template <typename Req, typename Parse>
  auto post(std::string_view path, const Req& request, Parse parse, const CallOptions& options,
            Idempotency idempotency = Idempotency::kWrite) const -> decltype(parse(std::declval<Json>())) {
    auto body = body_of(request);
    if (!body) return body.error();
    auto envelope = call(http::Method::kPost, path, &*body, idempotency, options);
    if (!envelope) return envelope.error();
    return parse(*envelope);
  }

  template <typename Req, typename Parse>
  auto post_async(std::string_view path, const Req& request, Parse parse, CallOptions options) const
      -> std::future<decltype(parse(std::declval<Json>()))> {
    using Out = decltype(parse(std::declval<Json>()));
    auto promise = std::make_shared<std::promise<Out>>();
    auto future = promise->get_future();
    auto body = body_of(request);
    auto http_request = body ? request_for(http::Method::kPost, path, &*body, {}) : Result<http::Request>(body.error());
    if (!http_request) {
      promise->set_value(http_request.error());
      return future;
    }
    auto self = shared_from_this();
    executor.send_async(self, std::move(*http_request), signer(), Idempotency::kWrite, std::move(options),
                        [self, promise, path, parse](Result<detail::Exchange> exchange) {
                          auto envelope = self->envelope_of(std::move(exchange), path);
                          promise->set_value(envelope ? parse(*envelope) : Out(envelope.error()));
                        });
    return future;
  }
};

Result<Client> Client::create(Config config) {
  auto fail = [](std::string m) { return make_error(ErrorCode::kConfig, std::move(m)); };
  auto url =
      detail::check_connection_settings(config.base_url, "tingee::kUatBaseUrl or tingee::kProductionBaseUrl", config);
  if (!url) return url.error();
  if (config.client_id.empty()) return fail("client_id is required");
  if (!detail::header_safe(config.client_id)) return fail("client_id contains control characters");
  if (config.secret.empty()) return fail("secret is required");
  if (config.timestamp_backdate.count() < 0 || config.timestamp_backdate > std::chrono::minutes(5)) {
    return fail("timestamp_backdate must be between 0 and 5 minutes");
  }
  return Client(std::make_shared<const Impl>(std::move(config), std::move(*url)));
}

Result<Ack> Client::read_security_code(const ReadSecurityCodeRequest& request, const CallOptions& options) const {
  return impl_->post("/v1/device/read-security-code", request, codec::parse_ack, options);
}

Result<DeviceRefs> Client::add_device_to_shop(const AddDeviceToShopRequest& request, const CallOptions& options) const {
  return impl_->post("/v1/device/add-device-to-shop", request, codec::parse_device_refs, options);
}

Result<Ack> Client::update_shop_device_link_status(const UpdateShopDeviceLinkStatusRequest& request,
                                                   const CallOptions& options) const {
  return impl_->post("/v1/device/update-shop-device-link-status", request, codec::parse_ack, options);
}

Result<DeviceRefs> Client::get_devices_link_to_shop_or_va(const GetDevicesLinkToShopOrVaRequest& request,
                                                          const CallOptions& options) const {
  return impl_->post("/v1/device/get-devices-link-to-shop-or-va", request, codec::parse_device_refs, options,
                     Idempotency::kIdempotent);
}

Result<DevicePage> Client::get_device_paging(const GetDevicePagingRequest& request, const CallOptions& options) const {
  return impl_->post("/v1/device/get-paging", request, codec::parse_device_page, options, Idempotency::kIdempotent);
}

Result<Ack> Client::show_qr_code(const ShowQrRequest& request, const CallOptions& options) const {
  return impl_->post("/v1/device/show-qr-code", request, codec::parse_ack, options);
}

Result<Ack> Client::show_dynamic_qr_code(const ShowQrRequest& request, const CallOptions& options) const {
  return impl_->post("/v1/device/show-dynamic-qr-code", request, codec::parse_ack, options);
}

Result<Ack> Client::show_static_qr_code(const ShowQrRequest& request, const CallOptions& options) const {
  return impl_->post("/v1/device/show-static-qr-code", request, codec::parse_ack, options);
}

Result<DynamicQr> Client::generate_and_show_dynamic_qr_code(const GenerateAndShowDynamicQrRequest& request,
                                                            const CallOptions& options) const {
  return impl_->post("/v1/device/generate-and-show-dynamic-qr-code", request, codec::parse_dynamic_qr, options);
}

Result<Ack> Client::read_amount_link_to_merchant(const ReadAmountRequest& request, const CallOptions& options) const {
  return impl_->post("/v1/device/read-amount-link-to-merchant", request, codec::parse_ack, options);
}

Result<Ack> Client::print_receipt(const PrintReceiptRequest& request, const CallOptions& options) const {
  return impl_->post("/v1/device/print-receipt", request, codec::parse_ack, options);
}

Result<ResetResult> Client::reset_device(const ResetDeviceRequest& request, const CallOptions& options) const {
  auto query = codec::build_query(request);
  if (!query) return query.error();
  auto envelope = impl_->call(http::Method::kDelete, "/v1/device/reset", nullptr, Idempotency::kWrite, options, *query);
  if (!envelope) return envelope.error();
  return codec::parse_reset(*envelope);
}

std::future<Result<Ack>> Client::show_qr_code_async(const ShowQrRequest& request, CallOptions options) const {
  return impl_->post_async("/v1/device/show-qr-code", request, codec::parse_ack, std::move(options));
}

std::future<Result<Ack>> Client::show_dynamic_qr_code_async(const ShowQrRequest& request, CallOptions options) const {
  return impl_->post_async("/v1/device/show-dynamic-qr-code", request, codec::parse_ack, std::move(options));
}

std::future<Result<Ack>> Client::show_static_qr_code_async(const ShowQrRequest& request, CallOptions options) const {
  return impl_->post_async("/v1/device/show-static-qr-code", request, codec::parse_ack, std::move(options));
}

}  // namespace paygw::tingee
