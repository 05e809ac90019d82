#include <paygw/tingee/client.hpp>
#include <paygw/vietqr.hpp>

#include "core/config_check.hpp"
#include "core/executor.hpp"
#include "crypto/crypto.hpp"
#include "http/util.hpp"
#include "tingee/codec.hpp"

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

struct Client::Impl {
  Config config;
  std::string base_url;
  detail::Executor executor;

  Impl(Config c, std::string url) : config(std::move(c)), base_url(std::move(url)), executor(config, "tingee") {}

  /// Sends one call. `body` is null for bodyless requests (which sign "{}"). Returns the
  /// envelope when Tingee answered code "00".
  Result<Json> call(http::Method method, std::string_view path, const Json* body, Idempotency idempotency,
                    std::string_view query = {}) const {
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
    auto prepare = [this](http::Request& r) -> Result<void> {
      const std::string timestamp = format_timestamp(config.clock->now() - config.timestamp_backdate);
      auto signature = sign(config.secret, timestamp, r.body);
      if (!signature) return signature.error();
      r.headers.emplace_back("x-request-timestamp", timestamp);
      r.headers.emplace_back("x-signature", std::move(*signature));
      return {};
    };
    auto exchange = executor.send(request, prepare, idempotency);
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

  template <typename Req, typename Parse>
  auto post(std::string_view path, const Req& request, Parse parse, Idempotency idempotency = Idempotency::kWrite) const
      -> decltype(parse(std::declval<Json>())) {
    auto body = codec::build(request);
    if (!body) return body.error();
    if constexpr (std::is_same_v<Req, ShowQrRequest>) {
      if (config.validate_qr) {
        if (auto qr = vietqr::parse(request.qr_code); !qr) {
          return make_error(ErrorCode::kInvalidArgument, "qr_code: " + qr.error().message);
        }
      }
    }
    auto envelope = call(http::Method::kPost, path, &*body, idempotency);
    if (!envelope) return envelope.error();
    return parse(*envelope);
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

Result<Ack> Client::read_security_code(const ReadSecurityCodeRequest& request) const {
  return impl_->post("/v1/device/read-security-code", request, codec::parse_ack);
}

Result<DeviceRefs> Client::add_device_to_shop(const AddDeviceToShopRequest& request) const {
  return impl_->post("/v1/device/add-device-to-shop", request, codec::parse_device_refs);
}

Result<Ack> Client::update_shop_device_link_status(const UpdateShopDeviceLinkStatusRequest& request) const {
  return impl_->post("/v1/device/update-shop-device-link-status", request, codec::parse_ack);
}

Result<DeviceRefs> Client::get_devices_link_to_shop_or_va(const GetDevicesLinkToShopOrVaRequest& request) const {
  return impl_->post("/v1/device/get-devices-link-to-shop-or-va", request, codec::parse_device_refs,
                     Idempotency::kIdempotent);
}

Result<DevicePage> Client::get_device_paging(const GetDevicePagingRequest& request) const {
  return impl_->post("/v1/device/get-paging", request, codec::parse_device_page, Idempotency::kIdempotent);
}

Result<Ack> Client::show_qr_code(const ShowQrRequest& request) const {
  return impl_->post("/v1/device/show-qr-code", request, codec::parse_ack);
}

Result<Ack> Client::show_dynamic_qr_code(const ShowQrRequest& request) const {
  return impl_->post("/v1/device/show-dynamic-qr-code", request, codec::parse_ack);
}

Result<Ack> Client::show_static_qr_code(const ShowQrRequest& request) const {
  return impl_->post("/v1/device/show-static-qr-code", request, codec::parse_ack);
}

Result<DynamicQr> Client::generate_and_show_dynamic_qr_code(const GenerateAndShowDynamicQrRequest& request) const {
  return impl_->post("/v1/device/generate-and-show-dynamic-qr-code", request, codec::parse_dynamic_qr);
}

Result<Ack> Client::read_amount_link_to_merchant(const ReadAmountRequest& request) const {
  return impl_->post("/v1/device/read-amount-link-to-merchant", request, codec::parse_ack);
}

Result<Ack> Client::print_receipt(const PrintReceiptRequest& request) const {
  return impl_->post("/v1/device/print-receipt", request, codec::parse_ack);
}

Result<ResetResult> Client::reset_device(const ResetDeviceRequest& request) const {
  auto query = codec::build_query(request);
  if (!query) return query.error();
  auto envelope = impl_->call(http::Method::kDelete, "/v1/device/reset", nullptr, Idempotency::kWrite, *query);
  if (!envelope) return envelope.error();
  return codec::parse_reset(*envelope);
}

}  // namespace paygw::tingee
