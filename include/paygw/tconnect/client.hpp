// SPDX-License-Identifier: MIT
// paygw — TConnect Payment Open API client.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/client_options.hpp>
#include <paygw/clock.hpp>
#include <paygw/completion.hpp>
#include <paygw/env.hpp>
#include <paygw/export.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/log.hpp>
#include <paygw/paging.hpp>
#include <paygw/result.hpp>
#include <paygw/retry.hpp>
#include <paygw/secret.hpp>
#include <paygw/tconnect/connection.hpp>
#include <paygw/tconnect/envelope.hpp>
#include <paygw/tconnect/models.hpp>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace paygw::tconnect {

/// TConnect's staging (sandbox) API; production URLs are given to each partner.
inline constexpr std::string_view kStagingBaseUrl = "https://sme-open-api-sandbox.tconnect.vn";

/// Endpoint paths. Defaults are the documented ones; `services` is not documented (see
/// docs/tconnect.md) and every path can be overridden.
struct Paths {
  std::string login = "/openapi/v1/auth/login";                    ///< Login (username/password -> tokens).
  std::string refresh = "/openapi/v1/auth/refresh";                ///< Token refresh.
  std::string services = "/openapi/v1/services";                   ///< get_services (undocumented).
  std::string create_va = "/openapi/v1/va/va-account/create";      ///< create_va.
  std::string create_qr = "/openapi/v1/qr";                        ///< create_qr.
  std::string qr_transactions = "/openapi/v1/transaction/qr";      ///< get_qr_transactions.
  std::string card_transactions = "/openapi/v1/transaction/card";  ///< get_card_transactions.
  std::string cash_transactions = "/openapi/v1/transaction/cash";  ///< get_cash_transactions.
  std::string push_payment = "/openapi/v1/devices/payments/push";  ///< push_pos and push_soundbox.
  /// order_status and confirm_ipn (undocumented, third-party-observed: ADR 0036).
  std::string order_status = "/openapi/v1/transaction/qr/order/status";
  /// generate_qr (undocumented, third-party-observed: ADR 0036).
  std::string generate_qr = "/openapi/v1/transaction/qr/generate";
};

/// Client configuration (plus the shared ClientOptions). Everything but clock, random, sleeper,
/// logger, retry, service_code and paths is required.
struct Config : ClientOptions {
  std::string base_url;      ///< kStagingBaseUrl, the production URL TConnect gives you, or a sandbox.
  std::string partner_code;  ///< `Partner-Code` header.
  std::string username;      ///< Login user name.
  Secret password;           ///< Login password.
  std::string client_id;     ///< OAuth client id sent with the login.
  Secret client_secret;      ///< OAuth client secret sent with the login.
  Secret aes_key;            ///< The AES-256 key of the envelope, written as aes_key_format says.
  KeyFormat aes_key_format = KeyFormat::kHex;   ///< How aes_key is written (hex by default).
  std::string service_code;                     ///< Default `x-service-code` for create_qr (from get_services).
  std::chrono::seconds token_refresh_skew{60};  ///< Refresh this long before the token expires.
  Paths paths;                                  ///< Endpoint paths (the documented ones by default).
  /// Check SoundboxPush::qr_string with vietqr::parse (CRC and structure) before sending; a bad QR
  /// is kInvalidArgument and nothing is sent.
  bool validate_qr = true;
  /// A Config from the environment (docs/sandbox-and-cli.md, "Environment variables"): the
  /// required PAYGW_TCONNECT_BASE_URL, _PARTNER_CODE, _USERNAME, _PASSWORD, _CLIENT_ID,
  /// _CLIENT_SECRET and _AES_KEY, and the optional PAYGW_TCONNECT_KEY_FORMAT (`hex` or `raw`) and
  /// PAYGW_TCONNECT_SERVICE_CODE. `lookup` reads the variables (the process environment when
  /// empty). The transport and the other ClientOptions are left to set before Client::create.
  /// Errors: kConfig naming every missing variable, or a variable with a value it cannot take
  /// (never the value of a secret). Thread-safe as long as nothing changes the environment meanwhile.
  PAYGW_EXPORT static Result<Config> from_env(const EnvLookup& lookup = {});
};

/// TConnect client: a cheap, copyable handle over a Connection.
///
/// Every request body is `{"data": "<hex>"}`: the compact JSON payload encrypted with
/// encrypt_envelope (a fresh random IV each time). Requests carry `Partner-Code`, and all but
/// login/refresh carry `Authorization: Bearer <token>` from an internal token cache: login on
/// first use, refresh `token_refresh_skew` before expiry, login again when refresh fails, and on
/// HTTP 401 forget the token: a read is resent once with a fresh one; a write is not resent — the
/// 401 is its answer, kAuth with Delivery::kMaybeSent (ADR 0031). Token acquisition is
/// single-flight: concurrent calls, blocking or async, wait for one login, each within its own
/// cancel flag and total_timeout; the login itself is shared and is not cancelled by any one of
/// them. An async call never blocks a paygw thread on a login.
///
/// Results: 2xx JSON is success (a bare `{"data": "<hex>"}` response is decrypted first).
/// Errors: kInvalidArgument (validation; nothing sent), kAuth (401/403, or login/refresh
/// refused — then the call itself was not sent: Delivery::kNotSent), kHttpStatus (other non-2xx;
/// `message` from the body when present), kMalformed / kDecrypt (2xx body unreadable), transport
/// errors with their Delivery. Login, refresh, get_services and the transaction queries are
/// reads, retried per Config::retry; push_payment, create_va and create_qr are writes, resent only
/// when certainly not sent (never after a 401); after an error with outcome_unknown(),
/// reconcile with the transaction queries.
///
/// Every call has an `_async` twin with the same validation, retries and results that returns at
/// once (with the libcurl transport every request in flight shares one worker thread). To fan a
/// payment out to many devices, call push_payment_async for each and wait on the futures.
///
/// Thread safety: a Client is immutable; copies share one Connection (and its token cache), and
/// all methods may be called concurrently.
class PAYGW_EXPORT Client {
 public:
  /// Validates the configuration (required fields, AES key length for its format) and makes the
  /// real connection (make_connection). Errors: kConfig naming the field.
  [[nodiscard]] static Result<Client> create(Config config);
  /// A client over any Connection, e.g. paygw::testing::MockTconnectConnection. `connection` must not be null.
  explicit Client(std::shared_ptr<Connection> connection) : connection_(std::move(connection)) {}

  // BEGIN generated from src/tconnect/endpoints.rows by tools/codegen; do not edit
  /// Logs in now (normally done lazily by the first call). Errors: as login.
  Result<void> authenticate(const CallOptions& options = {}) const { return connection_->authenticate(options); }
  /// authenticate without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<void>> authenticate_async(const CallOptions& options = {}) const {
    return connection_->authenticate_async(options);
  }
  /// authenticate without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void authenticate_async(Completion<void> done, const CallOptions& options = {}) const {
    connection_->authenticate_async(std::move(done), options);
  }
  /// Pushes an order to a Smart POS (`type: "pos"`). Payment write.
  Result<PushResult> push_payment(const PosPush& push, const CallOptions& options = {}) const {
    return connection_->push_payment(push, options);
  }
  /// push_payment without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<PushResult>> push_payment_async(const PosPush& push, const CallOptions& options = {}) const {
    return connection_->push_payment_async(push, options);
  }
  /// push_payment without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void push_payment_async(const PosPush& push, Completion<PushResult> done, const CallOptions& options = {}) const {
    connection_->push_payment_async(push, std::move(done), options);
  }
  /// Pushes a QR and amount to a soundbox (`type: "soundbox"`). Payment write. With
  /// Config::validate_qr the QR must parse and its amount (tag 54), if any, equal `amount`.
  Result<PushResult> push_payment(const SoundboxPush& push, const CallOptions& options = {}) const {
    return connection_->push_payment(push, options);
  }
  /// push_payment without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<PushResult>> push_payment_async(const SoundboxPush& push, const CallOptions& options = {}) const {
    return connection_->push_payment_async(push, options);
  }
  /// push_payment without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void push_payment_async(const SoundboxPush& push, Completion<PushResult> done,
                          const CallOptions& options = {}) const {
    connection_->push_payment_async(push, std::move(done), options);
  }
  /// The merchant's services (their `service_code` and `bincode`). A read.
  Result<ServiceList> get_services(const CallOptions& options = {}) const { return connection_->get_services(options); }
  /// get_services without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<ServiceList>> get_services_async(const CallOptions& options = {}) const {
    return connection_->get_services_async(options);
  }
  /// get_services without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void get_services_async(Completion<ServiceList> done, const CallOptions& options = {}) const {
    connection_->get_services_async(std::move(done), options);
  }
  /// Creates a virtual account. A write.
  Result<VirtualAccount> create_va(const CreateVaRequest& request, const CallOptions& options = {}) const {
    return connection_->create_va(request, options);
  }
  /// create_va without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<VirtualAccount>> create_va_async(const CreateVaRequest& request,
                                                      const CallOptions& options = {}) const {
    return connection_->create_va_async(request, options);
  }
  /// create_va without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void create_va_async(const CreateVaRequest& request, Completion<VirtualAccount> done,
                       const CallOptions& options = {}) const {
    connection_->create_va_async(request, std::move(done), options);
  }
  /// Creates a static (no amount) or dynamic (amount > 0) QR for an order. A write.
  Result<Qr> create_qr(const CreateQrRequest& request, const CallOptions& options = {}) const {
    return connection_->create_qr(request, options);
  }
  /// create_qr without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Qr>> create_qr_async(const CreateQrRequest& request, const CallOptions& options = {}) const {
    return connection_->create_qr_async(request, options);
  }
  /// create_qr without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void create_qr_async(const CreateQrRequest& request, Completion<Qr> done, const CallOptions& options = {}) const {
    connection_->create_qr_async(request, std::move(done), options);
  }
  /// Successful QR payments in a time range. A read.
  Result<TransactionPage> get_qr_transactions(const TransactionQuery& query, const CallOptions& options = {}) const {
    return connection_->get_qr_transactions(query, options);
  }
  /// get_qr_transactions without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<TransactionPage>> get_qr_transactions_async(const TransactionQuery& query,
                                                                 const CallOptions& options = {}) const {
    return connection_->get_qr_transactions_async(query, options);
  }
  /// get_qr_transactions without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void get_qr_transactions_async(const TransactionQuery& query, Completion<TransactionPage> done,
                                 const CallOptions& options = {}) const {
    connection_->get_qr_transactions_async(query, std::move(done), options);
  }
  /// Every page of get_qr_transactions, fetched lazily from `query`'s page on: one call per
  /// next(), `options` (cancel flag, total_timeout) holding for the whole iteration, bounded by
  /// `limits`; each page's error returned as a value (paygw::Pages, ADR 0055).
  Pages<TransactionQuery, TransactionPage, PageNumberPaging> get_qr_transactions_pages(const TransactionQuery& query,
                                                                                       const CallOptions& options = {},
                                                                                       PagingLimits limits = {}) const {
    return Pages<TransactionQuery, TransactionPage, PageNumberPaging>(
        query,
        [connection = connection_](const TransactionQuery& page, const CallOptions& o) {
          return connection->get_qr_transactions(page, o);
        },
        options, std::move(limits));
  }
  /// Card transactions in a time range. A read.
  Result<TransactionPage> get_card_transactions(const TransactionQuery& query, const CallOptions& options = {}) const {
    return connection_->get_card_transactions(query, options);
  }
  /// get_card_transactions without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<TransactionPage>> get_card_transactions_async(const TransactionQuery& query,
                                                                   const CallOptions& options = {}) const {
    return connection_->get_card_transactions_async(query, options);
  }
  /// get_card_transactions without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void get_card_transactions_async(const TransactionQuery& query, Completion<TransactionPage> done,
                                   const CallOptions& options = {}) const {
    connection_->get_card_transactions_async(query, std::move(done), options);
  }
  /// Every page of get_card_transactions, fetched lazily from `query`'s page on: one call per
  /// next(), `options` (cancel flag, total_timeout) holding for the whole iteration, bounded by
  /// `limits`; each page's error returned as a value (paygw::Pages, ADR 0055).
  Pages<TransactionQuery, TransactionPage, PageNumberPaging> get_card_transactions_pages(
      const TransactionQuery& query, const CallOptions& options = {}, PagingLimits limits = {}) const {
    return Pages<TransactionQuery, TransactionPage, PageNumberPaging>(
        query,
        [connection = connection_](const TransactionQuery& page, const CallOptions& o) {
          return connection->get_card_transactions(page, o);
        },
        options, std::move(limits));
  }
  /// Cash transactions in a time range. A read.
  Result<TransactionPage> get_cash_transactions(const TransactionQuery& query, const CallOptions& options = {}) const {
    return connection_->get_cash_transactions(query, options);
  }
  /// get_cash_transactions without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<TransactionPage>> get_cash_transactions_async(const TransactionQuery& query,
                                                                   const CallOptions& options = {}) const {
    return connection_->get_cash_transactions_async(query, options);
  }
  /// get_cash_transactions without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void get_cash_transactions_async(const TransactionQuery& query, Completion<TransactionPage> done,
                                   const CallOptions& options = {}) const {
    connection_->get_cash_transactions_async(query, std::move(done), options);
  }
  /// Every page of get_cash_transactions, fetched lazily from `query`'s page on: one call per
  /// next(), `options` (cancel flag, total_timeout) holding for the whole iteration, bounded by
  /// `limits`; each page's error returned as a value (paygw::Pages, ADR 0055).
  Pages<TransactionQuery, TransactionPage, PageNumberPaging> get_cash_transactions_pages(
      const TransactionQuery& query, const CallOptions& options = {}, PagingLimits limits = {}) const {
    return Pages<TransactionQuery, TransactionPage, PageNumberPaging>(
        query,
        [connection = connection_](const TransactionQuery& page, const CallOptions& o) {
          return connection->get_cash_transactions(page, o);
        },
        options, std::move(limits));
  }
  /// Creates a dynamic QR for an order through `transaction/qr/generate`, with its PNG
  /// (Qr::image_png_base64; decode_qr_png gives the bytes). Undocumented by TConnect: the shape
  /// is a third-party integration's (ADR 0036). A write.
  Result<Qr> generate_qr(const GenerateQrRequest& request, const CallOptions& options = {}) const {
    return connection_->generate_qr(request, options);
  }
  /// generate_qr without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Qr>> generate_qr_async(const GenerateQrRequest& request, const CallOptions& options = {}) const {
    return connection_->generate_qr_async(request, options);
  }
  /// generate_qr without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void generate_qr_async(const GenerateQrRequest& request, Completion<Qr> done, const CallOptions& options = {}) const {
    connection_->generate_qr_async(request, std::move(done), options);
  }
  /// What TConnect knows about one order: its transactions (`transaction/qr/order/status`).
  /// Undocumented by TConnect: the shape is a third-party integration's (ADR 0036). A read.
  Result<OrderStatus> order_status(const OrderStatusRequest& request, const CallOptions& options = {}) const {
    return connection_->order_status(request, options);
  }
  /// order_status without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<OrderStatus>> order_status_async(const OrderStatusRequest& request,
                                                      const CallOptions& options = {}) const {
    return connection_->order_status_async(request, options);
  }
  /// order_status without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void order_status_async(const OrderStatusRequest& request, Completion<OrderStatus> done,
                          const CallOptions& options = {}) const {
    connection_->order_status_async(request, std::move(done), options);
  }
  /// Confirms a decoded IPN through TConnect's own answer before it is credited (an IPN is not
  /// authenticated: see decode_ipn). An IPN naming an order is first looked up through
  /// order_status (with its order_id and acc_no): the transactions TConnect lists under that
  /// order. When that finds none (or the endpoint answers 404), and for an IPN naming no order,
  /// it searches the list matching the IPN's payment_type (card, cash, else QR) from one hour
  /// before to one hour after its original_transaction_date (seconds or milliseconds since the
  /// epoch; the last day when absent), at most 10 pages of 100: there only a transaction naming
  /// the IPN's order_id matches an IPN that names one. Either way the request_ids must be equal
  /// when both have one. Credit only IpnCheck::kConfirmed: a SUCCESS transaction whose amount
  /// equals the IPN's (its order_id is then the IPN's). A read; each query is retried per
  /// Config::retry within `options`. Errors: as get_qr_transactions.
  Result<IpnConfirmation> confirm_ipn(const IpnNotification& ipn, const CallOptions& options = {}) const {
    return connection_->confirm_ipn(ipn, options);
  }
  /// confirm_ipn without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<IpnConfirmation>> confirm_ipn_async(const IpnNotification& ipn,
                                                         const CallOptions& options = {}) const {
    return connection_->confirm_ipn_async(ipn, options);
  }
  /// confirm_ipn without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void confirm_ipn_async(const IpnNotification& ipn, Completion<IpnConfirmation> done,
                         const CallOptions& options = {}) const {
    connection_->confirm_ipn_async(ipn, std::move(done), options);
  }
  // END generated

 private:
  std::shared_ptr<Connection> connection_;
};

/// The PNG bytes of `qr.image_png_base64` (standard base64, padding optional, a
/// `data:image/png;base64,` prefix allowed). Errors: kMalformed when there is no image, it is
/// not base64, or the bytes do not start with the PNG signature. Thread-safe.
[[nodiscard]] PAYGW_EXPORT Result<std::string> decode_qr_png(const Qr& qr);

/// The real connection: validates `config` (as Client::create). Errors: kConfig naming the field.
[[nodiscard]] PAYGW_EXPORT Result<std::shared_ptr<Connection>> make_connection(Config config);

}  // namespace paygw::tconnect
