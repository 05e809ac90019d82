// paygw — TConnect Payment Open API client.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/client_options.hpp>
#include <paygw/clock.hpp>
#include <paygw/export.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/log.hpp>
#include <paygw/result.hpp>
#include <paygw/retry.hpp>
#include <paygw/secret.hpp>
#include <paygw/tconnect/envelope.hpp>
#include <paygw/tconnect/models.hpp>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <string_view>

namespace paygw::tconnect {

inline constexpr std::string_view kStagingBaseUrl = "https://sme-open-api-sandbox.tconnect.vn";

/// Endpoint paths. Defaults are the documented ones; `services` is not documented (see
/// docs/tconnect.md) and every path can be overridden.
struct Paths {
  std::string login = "/openapi/v1/auth/login";
  std::string refresh = "/openapi/v1/auth/refresh";
  std::string services = "/openapi/v1/services";
  std::string create_va = "/openapi/v1/va/va-account/create";
  std::string create_qr = "/openapi/v1/qr";
  std::string qr_transactions = "/openapi/v1/transaction/qr";
  std::string card_transactions = "/openapi/v1/transaction/card";
  std::string cash_transactions = "/openapi/v1/transaction/cash";
  std::string push_payment = "/openapi/v1/devices/payments/push";
};

/// Client configuration (plus the shared ClientOptions). Everything but clock, random, sleeper,
/// logger, retry, service_code and paths is required.
struct Config : ClientOptions {
  std::string base_url;      ///< kStagingBaseUrl, the production URL TConnect gives you, or a sandbox.
  std::string partner_code;  ///< `Partner-Code` header.
  std::string username;
  Secret password;
  std::string client_id;
  Secret client_secret;
  Secret aes_key;  ///< The AES-256 key of the envelope, written as aes_key_format says.
  KeyFormat aes_key_format = KeyFormat::kHex;
  std::string service_code;                     ///< Default `x-service-code` for create_qr (from get_services).
  std::chrono::seconds token_refresh_skew{60};  ///< Refresh this long before the token expires.
  Paths paths;
  /// Check SoundboxPush::qr_string with vietqr::parse (CRC and structure) before sending; a bad QR
  /// is kInvalidArgument and nothing is sent.
  bool validate_qr = true;
};

/// TConnect client.
///
/// Every request body is `{"data": "<hex>"}`: the compact JSON payload encrypted with
/// encrypt_envelope (a fresh random IV each time). Requests carry `Partner-Code`, and all but
/// login/refresh carry `Authorization: Bearer <token>` from an internal token cache: login on
/// first use, refresh `token_refresh_skew` before expiry, login again when refresh fails, and on
/// HTTP 401 re-authenticate once and resend the same bytes once (a 401 means the call was not
/// processed). Token acquisition is single-flight: concurrent calls wait for one login.
///
/// Results: 2xx JSON is success (a bare `{"data": "<hex>"}` response is decrypted first).
/// Errors: kInvalidArgument (validation; nothing sent), kAuth (401/403, or login/refresh
/// refused), kHttpStatus (other non-2xx; `message` from the body when present), kMalformed /
/// kDecrypt (2xx body unreadable), transport errors with their Delivery. Login, refresh,
/// get_services and the transaction queries are reads, retried per Config::retry; push_payment,
/// create_va and create_qr are writes, resent only when certainly not sent or after a 401 as
/// above; after an error with outcome_unknown(), reconcile with the transaction queries.
///
/// Thread safety: a Client is immutable after create() except for its internally synchronised
/// token cache; copies share the cache and all methods may be called concurrently.
class PAYGW_EXPORT Client {
 public:
  /// Validates the configuration (required fields, AES key length for its format).
  /// Errors: kConfig naming the field.
  [[nodiscard]] static Result<Client> create(Config config);

  /// Logs in now (normally done lazily by the first call). Errors: as login.
  Result<void> authenticate() const;

  // Every call below takes optional CallOptions (cancellation, overall deadline; see
  // paygw/call_options.hpp). A login or refresh it triggers is shared with concurrent calls and
  // is therefore not cancelled by it.

  /// Pushes an order to a Smart POS (`type: "pos"`). Payment write.
  Result<PushResult> push_payment(const PosPush& push, const CallOptions& options = {}) const;
  /// Pushes a QR and amount to a soundbox (`type: "soundbox"`). Payment write.
  Result<PushResult> push_payment(const SoundboxPush& push, const CallOptions& options = {}) const;
  /// push_payment without waiting: the push is validated, encrypted and given a token in the calling
  /// thread (logging in first if needed), then sent through http::Transport::send_async — the
  /// libcurl transport keeps any number in flight on one worker thread. To fan a payment out to
  /// many devices, call it for each and wait on the futures. Same retry rules and results as
  /// push_payment, including the one re-authentication and resend after a 401 (that login runs on
  /// paygw's timer thread, not the transport's). A future never throws.
  std::future<Result<PushResult>> push_payment_async(const PosPush& push, CallOptions options = {}) const;
  std::future<Result<PushResult>> push_payment_async(const SoundboxPush& push, CallOptions options = {}) const;

  /// The merchant's services (their `service_code` and `bincode`).
  Result<ServiceList> get_services(const CallOptions& options = {}) const;
  /// Creates a virtual account.
  Result<VirtualAccount> create_va(const CreateVaRequest& request, const CallOptions& options = {}) const;
  /// Creates a static (no amount) or dynamic (amount > 0) QR for an order.
  Result<Qr> create_qr(const CreateQrRequest& request, const CallOptions& options = {}) const;
  /// Successful QR payments in a time range.
  Result<TransactionPage> get_qr_transactions(const TransactionQuery& query, const CallOptions& options = {}) const;
  /// Card transactions in a time range.
  Result<TransactionPage> get_card_transactions(const TransactionQuery& query, const CallOptions& options = {}) const;
  /// Cash transactions in a time range.
  Result<TransactionPage> get_cash_transactions(const TransactionQuery& query, const CallOptions& options = {}) const;

 private:
  struct Impl;
  explicit Client(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace paygw::tconnect
