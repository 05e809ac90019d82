// SPDX-License-Identifier: MIT
// paygw — Tingee Open API client for TINGEEBOX devices.
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
#include <paygw/tingee/all_models.hpp>
#include <paygw/tingee/bills.hpp>
#include <paygw/tingee/connection.hpp>
#include <paygw/tingee/models.hpp>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace paygw::tingee {

/// Tingee's UAT (test) API.
inline constexpr std::string_view kUatBaseUrl = "https://uat-open-api.tingee.vn";
/// Tingee's production API.
inline constexpr std::string_view kProductionBaseUrl = "https://open-api.tingee.vn";

/// Client configuration. client_id, secret, base_url and transport are required.
struct Config : ClientOptions {
  /// kUatBaseUrl, kProductionBaseUrl or a sandbox URL. There is no default on purpose: a
  /// merchant states which environment moves money.
  std::string base_url;
  std::string client_id;  ///< `x-client-id` (Tingee "Client ID").
  Secret secret;          ///< Tingee "Secret Token", used verbatim as the HMAC key.
  /// Subtracted from the clock when stamping x-request-timestamp: Tingee rejects timestamps
  /// even slightly ahead of its own clock (code 91). See docs/adr/0005-tingee-timestamps-and-defaults.md.
  std::chrono::milliseconds timestamp_backdate{3'000};
  /// Check every ShowQrRequest::qr_code with vietqr::parse (CRC and structure) before sending; a
  /// bad QR is kInvalidArgument and nothing is sent. Turn off only for non-VietQR payloads.
  bool validate_qr = true;
  /// Path prefix of Tingee's bank group (QR bills, get-banks): `/v1` as Tingee's documentation
  /// shows (default), or `/v1/bank` as the official SDKs send. Device and transaction paths are fixed.
  BankPathPrefix bank_path_prefix = BankPathPrefix::kV1;
  /// A Config from the environment (docs/sandbox-and-cli.md, "Environment variables"): base_url,
  /// client_id, secret from PAYGW_TINGEE_BASE_URL, PAYGW_TINGEE_CLIENT_ID, PAYGW_TINGEE_SECRET
  /// (required) and bank_path_prefix from PAYGW_TINGEE_BANK_PREFIX (`v1` or `v1/bank`, optional).
  /// `lookup` reads the variables (the process environment when empty). The transport and the
  /// other ClientOptions are left to set before Client::create. Errors: kConfig naming every
  /// missing variable, or a variable with a value it cannot take (never the value of a secret).
  /// Thread-safe as long as nothing changes the environment meanwhile.
  PAYGW_EXPORT static Result<Config> from_env(const EnvLookup& lookup = {});
};

/// Tingee device API client: a cheap, copyable handle over a Connection.
///
/// Every request body is serialised once into compact, JSON.stringify-compatible UTF-8, signed
/// as `x-request-timestamp + ":" + body` with HMAC-SHA512 (bodyless requests sign "{}"), and sent
/// byte for byte as signed. Requests are validated before anything is sent: a validation
/// failure is kInvalidArgument with Delivery::kNotSent (and an `_async` call returns a future
/// that is already ready).
///
/// Results: a `code` of "00" is success. Any other Tingee code is kProvider with
/// Error::provider_code kept verbatim (see is_signature_error() and friends). NestJS error
/// bodies (`{message, error, statusCode}`) and non-JSON bodies become kHttpStatus or kAuth
/// (401/403); a 2xx body that is not a Tingee envelope is kMalformed. Transport failures keep
/// the transport's Delivery. Reads (get-paging, get-devices-link-to-shop-or-va) are retried per
/// Config::retry; every other call is a write, retried only when certainly not sent. `options`
/// can cancel a call or bound its whole time (paygw/call_options.hpp).
///
/// Every call has an `_async` twin with the same validation, signing, retries and results that
/// returns at once; with the libcurl transport every request in flight shares one worker thread
/// (Transport::send_async), so a payment can be shown on many devices at once.
///
/// Thread safety: a Client is immutable; copies share one Connection and all methods may be
/// called concurrently.
class PAYGW_EXPORT Client {
 public:
  /// Validates the configuration and makes the real connection (make_connection).
  /// Errors: kConfig naming the missing or invalid field.
  [[nodiscard]] static Result<Client> create(Config config);
  /// A client over any Connection, e.g. paygw::testing::MockTingeeConnection. `connection` must not be null.
  explicit Client(std::shared_ptr<Connection> connection) : connection_(std::move(connection)) {}

  // BEGIN generated from src/tingee/endpoints.rows by tools/codegen; do not edit
  /// Makes the device announce/show its pairing security code (no data returned).
  Result<Ack> read_security_code(const ReadSecurityCodeRequest& request, const CallOptions& options = {}) const {
    return connection_->read_security_code(request, options);
  }
  /// read_security_code without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Ack>> read_security_code_async(const ReadSecurityCodeRequest& request,
                                                    const CallOptions& options = {}) const {
    return connection_->read_security_code_async(request, options);
  }
  /// read_security_code without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void read_security_code_async(const ReadSecurityCodeRequest& request, Completion<Ack> done,
                                const CallOptions& options = {}) const {
    connection_->read_security_code_async(request, std::move(done), options);
  }
  /// Links a device to shops and/or VAs; returns the linked devices.
  Result<DeviceRefs> add_device_to_shop(const AddDeviceToShopRequest& request, const CallOptions& options = {}) const {
    return connection_->add_device_to_shop(request, options);
  }
  /// add_device_to_shop without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<DeviceRefs>> add_device_to_shop_async(const AddDeviceToShopRequest& request,
                                                           const CallOptions& options = {}) const {
    return connection_->add_device_to_shop_async(request, options);
  }
  /// add_device_to_shop without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void add_device_to_shop_async(const AddDeviceToShopRequest& request, Completion<DeviceRefs> done,
                                const CallOptions& options = {}) const {
    connection_->add_device_to_shop_async(request, std::move(done), options);
  }
  /// Links or unlinks a device and shops (isLinkToDevice per shop).
  Result<Ack> update_shop_device_link_status(const UpdateShopDeviceLinkStatusRequest& request,
                                             const CallOptions& options = {}) const {
    return connection_->update_shop_device_link_status(request, options);
  }
  /// update_shop_device_link_status without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<Ack>> update_shop_device_link_status_async(const UpdateShopDeviceLinkStatusRequest& request,
                                                                const CallOptions& options = {}) const {
    return connection_->update_shop_device_link_status_async(request, options);
  }
  /// update_shop_device_link_status without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void update_shop_device_link_status_async(const UpdateShopDeviceLinkStatusRequest& request, Completion<Ack> done,
                                            const CallOptions& options = {}) const {
    connection_->update_shop_device_link_status_async(request, std::move(done), options);
  }
  /// Devices linked to a VA or a shop. A read.
  Result<DeviceRefs> get_devices_link_to_shop_or_va(const GetDevicesLinkToShopOrVaRequest& request,
                                                    const CallOptions& options = {}) const {
    return connection_->get_devices_link_to_shop_or_va(request, options);
  }
  /// get_devices_link_to_shop_or_va without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<DeviceRefs>> get_devices_link_to_shop_or_va_async(const GetDevicesLinkToShopOrVaRequest& request,
                                                                       const CallOptions& options = {}) const {
    return connection_->get_devices_link_to_shop_or_va_async(request, options);
  }
  /// get_devices_link_to_shop_or_va without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void get_devices_link_to_shop_or_va_async(const GetDevicesLinkToShopOrVaRequest& request, Completion<DeviceRefs> done,
                                            const CallOptions& options = {}) const {
    connection_->get_devices_link_to_shop_or_va_async(request, std::move(done), options);
  }
  /// One page of the merchant's devices (`get-paging`). A read.
  Result<DevicePage> get_device_paging(const GetDevicePagingRequest& request, const CallOptions& options = {}) const {
    return connection_->get_device_paging(request, options);
  }
  /// get_device_paging without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<DevicePage>> get_device_paging_async(const GetDevicePagingRequest& request,
                                                          const CallOptions& options = {}) const {
    return connection_->get_device_paging_async(request, options);
  }
  /// get_device_paging without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void get_device_paging_async(const GetDevicePagingRequest& request, Completion<DevicePage> done,
                               const CallOptions& options = {}) const {
    connection_->get_device_paging_async(request, std::move(done), options);
  }
  /// Every page of get_device_paging, fetched lazily from `request`'s page on: one call per
  /// next(), `options` (cancel flag, total_timeout) holding for the whole iteration, bounded by
  /// `limits`; each page's error returned as a value (paygw::Pages, ADR 0055).
  Pages<GetDevicePagingRequest, DevicePage, OffsetPaging> get_device_paging_pages(const GetDevicePagingRequest& request,
                                                                                  const CallOptions& options = {},
                                                                                  PagingLimits limits = {}) const {
    return Pages<GetDevicePagingRequest, DevicePage, OffsetPaging>(
        request,
        [connection = connection_](const GetDevicePagingRequest& page, const CallOptions& o) {
          return connection->get_device_paging(page, o);
        },
        options, std::move(limits));
  }
  /// Shows a payment QR on a 3LS device (dynamic QR only). A payment write: not retried. With
  /// Config::validate_qr the QR must parse and its amount (tag 54), if any, equal `amount`.
  Result<Ack> show_qr_code(const ShowQrRequest& request, const CallOptions& options = {}) const {
    return connection_->show_qr_code(request, options);
  }
  /// show_qr_code without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Ack>> show_qr_code_async(const ShowQrRequest& request, const CallOptions& options = {}) const {
    return connection_->show_qr_code_async(request, options);
  }
  /// show_qr_code without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void show_qr_code_async(const ShowQrRequest& request, Completion<Ack> done, const CallOptions& options = {}) const {
    connection_->show_qr_code_async(request, std::move(done), options);
  }
  /// Shows a dynamic QR on a non-3LS device. A payment write: not retried. QR checked as show_qr_code.
  Result<Ack> show_dynamic_qr_code(const ShowQrRequest& request, const CallOptions& options = {}) const {
    return connection_->show_dynamic_qr_code(request, options);
  }
  /// show_dynamic_qr_code without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Ack>> show_dynamic_qr_code_async(const ShowQrRequest& request,
                                                      const CallOptions& options = {}) const {
    return connection_->show_dynamic_qr_code_async(request, options);
  }
  /// show_dynamic_qr_code without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void show_dynamic_qr_code_async(const ShowQrRequest& request, Completion<Ack> done,
                                  const CallOptions& options = {}) const {
    connection_->show_dynamic_qr_code_async(request, std::move(done), options);
  }
  /// Shows a static VietQR on a non-3LS device. A payment write: not retried. QR checked as show_qr_code.
  Result<Ack> show_static_qr_code(const ShowQrRequest& request, const CallOptions& options = {}) const {
    return connection_->show_static_qr_code(request, options);
  }
  /// show_static_qr_code without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Ack>> show_static_qr_code_async(const ShowQrRequest& request,
                                                     const CallOptions& options = {}) const {
    return connection_->show_static_qr_code_async(request, options);
  }
  /// show_static_qr_code without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void show_static_qr_code_async(const ShowQrRequest& request, Completion<Ack> done,
                                 const CallOptions& options = {}) const {
    connection_->show_static_qr_code_async(request, std::move(done), options);
  }
  /// Creates a dynamic QR bill at Tingee and shows it (non-3LS devices). Not retried: after a
  /// kMaybeSent error the bill may exist.
  Result<DynamicQr> generate_and_show_dynamic_qr_code(const GenerateAndShowDynamicQrRequest& request,
                                                      const CallOptions& options = {}) const {
    return connection_->generate_and_show_dynamic_qr_code(request, options);
  }
  /// generate_and_show_dynamic_qr_code without blocking: the same validation, retries and result, in a future that
  /// never throws.
  std::future<Result<DynamicQr>> generate_and_show_dynamic_qr_code_async(const GenerateAndShowDynamicQrRequest& request,
                                                                         const CallOptions& options = {}) const {
    return connection_->generate_and_show_dynamic_qr_code_async(request, options);
  }
  /// generate_and_show_dynamic_qr_code without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void generate_and_show_dynamic_qr_code_async(const GenerateAndShowDynamicQrRequest& request,
                                               Completion<DynamicQr> done, const CallOptions& options = {}) const {
    connection_->generate_and_show_dynamic_qr_code_async(request, std::move(done), options);
  }
  /// Makes the device announce an amount (and optionally print a receipt). A write.
  Result<Ack> read_amount_link_to_merchant(const ReadAmountRequest& request, const CallOptions& options = {}) const {
    return connection_->read_amount_link_to_merchant(request, options);
  }
  /// read_amount_link_to_merchant without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<Ack>> read_amount_link_to_merchant_async(const ReadAmountRequest& request,
                                                              const CallOptions& options = {}) const {
    return connection_->read_amount_link_to_merchant_async(request, options);
  }
  /// read_amount_link_to_merchant without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void read_amount_link_to_merchant_async(const ReadAmountRequest& request, Completion<Ack> done,
                                          const CallOptions& options = {}) const {
    connection_->read_amount_link_to_merchant_async(request, std::move(done), options);
  }
  /// Prints a receipt on a TINGEE MAX printer device. A write.
  Result<Ack> print_receipt(const PrintReceiptRequest& request, const CallOptions& options = {}) const {
    return connection_->print_receipt(request, options);
  }
  /// print_receipt without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Ack>> print_receipt_async(const PrintReceiptRequest& request,
                                               const CallOptions& options = {}) const {
    return connection_->print_receipt_async(request, options);
  }
  /// print_receipt without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void print_receipt_async(const PrintReceiptRequest& request, Completion<Ack> done,
                           const CallOptions& options = {}) const {
    connection_->print_receipt_async(request, std::move(done), options);
  }
  /// Resets a device (`DELETE /v1/device/reset?uuid=`; no body, signs "{}"). A write.
  Result<ResetResult> reset_device(const ResetDeviceRequest& request, const CallOptions& options = {}) const {
    return connection_->reset_device(request, options);
  }
  /// reset_device without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<ResetResult>> reset_device_async(const ResetDeviceRequest& request,
                                                      const CallOptions& options = {}) const {
    return connection_->reset_device_async(request, options);
  }
  /// reset_device without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void reset_device_async(const ResetDeviceRequest& request, Completion<ResetResult> done,
                          const CallOptions& options = {}) const {
    connection_->reset_device_async(request, std::move(done), options);
  }
  /// Sends an NFC command to a device (`POST /v1/device/nfc-command`: enable NFC, set the link
  /// or app package it hands out). A write.
  Result<Ack> nfc_command(const NfcCommandRequest& request, const CallOptions& options = {}) const {
    return connection_->nfc_command(request, options);
  }
  /// nfc_command without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Ack>> nfc_command_async(const NfcCommandRequest& request, const CallOptions& options = {}) const {
    return connection_->nfc_command_async(request, options);
  }
  /// nfc_command without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void nfc_command_async(const NfcCommandRequest& request, Completion<Ack> done,
                         const CallOptions& options = {}) const {
    connection_->nfc_command_async(request, std::move(done), options);
  }
  /// Resets a device with its owner's details (`POST /v1/device/reset-device`; a JSON body, unlike
  /// reset_device's `DELETE /v1/device/reset`). A write.
  Result<Ack> reset_device_with_details(const ResetDeviceWithDetailsRequest& request,
                                        const CallOptions& options = {}) const {
    return connection_->reset_device_with_details(request, options);
  }
  /// reset_device_with_details without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<Ack>> reset_device_with_details_async(const ResetDeviceWithDetailsRequest& request,
                                                           const CallOptions& options = {}) const {
    return connection_->reset_device_with_details_async(request, options);
  }
  /// reset_device_with_details without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void reset_device_with_details_async(const ResetDeviceWithDetailsRequest& request, Completion<Ack> done,
                                       const CallOptions& options = {}) const {
    connection_->reset_device_with_details_async(request, std::move(done), options);
  }
  /// Creates a dynamic-QR bill (`{bank prefix}/generate-dynamic-qr`); show its qr_code with the
  /// show_* calls. A payment write: not retried; after a kMaybeSent error the bill may exist
  /// (look it up with get_transaction_paging or ask Tingee).
  Result<DynamicQrBill> generate_dynamic_qr(const GenerateDynamicQrRequest& request,
                                            const CallOptions& options = {}) const {
    return connection_->generate_dynamic_qr(request, options);
  }
  /// generate_dynamic_qr without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<DynamicQrBill>> generate_dynamic_qr_async(const GenerateDynamicQrRequest& request,
                                                               const CallOptions& options = {}) const {
    return connection_->generate_dynamic_qr_async(request, options);
  }
  /// generate_dynamic_qr without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void generate_dynamic_qr_async(const GenerateDynamicQrRequest& request, Completion<DynamicQrBill> done,
                                 const CallOptions& options = {}) const {
    connection_->generate_dynamic_qr_async(request, std::move(done), options);
  }
  /// A bill's state and the payments made to it (`{bank prefix}/get-status-dynamic-qr`). A read.
  Result<DynamicQrStatus> get_dynamic_qr_status(const GetDynamicQrStatusRequest& request,
                                                const CallOptions& options = {}) const {
    return connection_->get_dynamic_qr_status(request, options);
  }
  /// get_dynamic_qr_status without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<DynamicQrStatus>> get_dynamic_qr_status_async(const GetDynamicQrStatusRequest& request,
                                                                   const CallOptions& options = {}) const {
    return connection_->get_dynamic_qr_status_async(request, options);
  }
  /// get_dynamic_qr_status without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void get_dynamic_qr_status_async(const GetDynamicQrStatusRequest& request, Completion<DynamicQrStatus> done,
                                   const CallOptions& options = {}) const {
    connection_->get_dynamic_qr_status_async(request, std::move(done), options);
  }
  /// Deletes a bill (`{bank prefix}/delete-dynamic-qr`, a POST). A write.
  Result<Ack> delete_dynamic_qr(const DeleteDynamicQrRequest& request, const CallOptions& options = {}) const {
    return connection_->delete_dynamic_qr(request, options);
  }
  /// delete_dynamic_qr without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Ack>> delete_dynamic_qr_async(const DeleteDynamicQrRequest& request,
                                                   const CallOptions& options = {}) const {
    return connection_->delete_dynamic_qr_async(request, options);
  }
  /// delete_dynamic_qr without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void delete_dynamic_qr_async(const DeleteDynamicQrRequest& request, Completion<Ack> done,
                               const CallOptions& options = {}) const {
    connection_->delete_dynamic_qr_async(request, std::move(done), options);
  }
  /// One page of the merchant's transactions in a window of at most 10 days
  /// (`POST /v1/transaction/get-paging`): the polling fallback for a missed webhook. A read.
  Result<TransactionPage> get_transaction_paging(const GetTransactionPagingRequest& request,
                                                 const CallOptions& options = {}) const {
    return connection_->get_transaction_paging(request, options);
  }
  /// get_transaction_paging without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<TransactionPage>> get_transaction_paging_async(const GetTransactionPagingRequest& request,
                                                                    const CallOptions& options = {}) const {
    return connection_->get_transaction_paging_async(request, options);
  }
  /// get_transaction_paging without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void get_transaction_paging_async(const GetTransactionPagingRequest& request, Completion<TransactionPage> done,
                                    const CallOptions& options = {}) const {
    connection_->get_transaction_paging_async(request, std::move(done), options);
  }
  /// Every page of get_transaction_paging, fetched lazily from `request`'s page on: one call per
  /// next(), `options` (cancel flag, total_timeout) holding for the whole iteration, bounded by
  /// `limits`; each page's error returned as a value (paygw::Pages, ADR 0055).
  Pages<GetTransactionPagingRequest, TransactionPage, OffsetPaging> get_transaction_paging_pages(
      const GetTransactionPagingRequest& request, const CallOptions& options = {}, PagingLimits limits = {}) const {
    return Pages<GetTransactionPagingRequest, TransactionPage, OffsetPaging>(
        request,
        [connection = connection_](const GetTransactionPagingRequest& page, const CallOptions& o) {
          return connection->get_transaction_paging(page, o);
        },
        options, std::move(limits));
  }
  /// The banks Tingee supports (`GET {bank prefix}/get-banks`; Tingee answers a bare JSON array,
  /// the documented envelope is accepted too). A read.
  Result<BankList> get_banks(const CallOptions& options = {}) const { return connection_->get_banks(options); }
  /// get_banks without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<BankList>> get_banks_async(const CallOptions& options = {}) const {
    return connection_->get_banks_async(options);
  }
  /// get_banks without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void get_banks_async(Completion<BankList> done, const CallOptions& options = {}) const {
    connection_->get_banks_async(std::move(done), options);
  }
  /// The e-invoice providers Tingee issues invoices through (`POST /v1/e-invoice/get-provider`;
  /// no body, signed over "{}"; the official SDKs' `eInvoice.getProvider`). A read.
  Result<EInvoiceProviders> get_einvoice_providers(const CallOptions& options = {}) const {
    return connection_->get_einvoice_providers(options);
  }
  /// get_einvoice_providers without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<EInvoiceProviders>> get_einvoice_providers_async(const CallOptions& options = {}) const {
    return connection_->get_einvoice_providers_async(options);
  }
  /// get_einvoice_providers without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void get_einvoice_providers_async(Completion<EInvoiceProviders> done, const CallOptions& options = {}) const {
    connection_->get_einvoice_providers_async(std::move(done), options);
  }
  /// Starts linking a bank account as a virtual account (`{bank prefix}/create-va`; the official SDKs'
  /// `bank.createVa`). The bank then sends an OTP (confirm it with confirm_va and the answer's
  /// confirm_id) or a link. A write: not retried; after a kMaybeSent error a link may be pending.
  Result<CreateVaResult> create_va(const CreateVaRequest& request, const CallOptions& options = {}) const {
    return connection_->create_va(request, options);
  }
  /// create_va without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<CreateVaResult>> create_va_async(const CreateVaRequest& request,
                                                      const CallOptions& options = {}) const {
    return connection_->create_va_async(request, options);
  }
  /// create_va without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void create_va_async(const CreateVaRequest& request, Completion<CreateVaResult> done,
                       const CallOptions& options = {}) const {
    connection_->create_va_async(request, std::move(done), options);
  }
  /// create_va's advanced form (`{bank prefix}/create-va-advanced`, `bank.createVaAdvanced`): the same
  /// body and answer. A write: not retried.
  Result<CreateVaResult> create_va_advanced(const CreateVaAdvancedRequest& request,
                                            const CallOptions& options = {}) const {
    return connection_->create_va_advanced(request, options);
  }
  /// create_va_advanced without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<CreateVaResult>> create_va_advanced_async(const CreateVaAdvancedRequest& request,
                                                               const CallOptions& options = {}) const {
    return connection_->create_va_advanced_async(request, options);
  }
  /// create_va_advanced without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void create_va_advanced_async(const CreateVaAdvancedRequest& request, Completion<CreateVaResult> done,
                                const CallOptions& options = {}) const {
    connection_->create_va_advanced_async(request, std::move(done), options);
  }
  /// Confirms a create_va with the OTP the bank sent (`{bank prefix}/confirm-va`, `bank.confirmVa`);
  /// answers the active VA. The OTP is consumed by its first try: a write, never resent (after a
  /// kMaybeSent error look the VA up with get_va_paging; the confirm can take minutes).
  Result<ConfirmVaResult> confirm_va(const ConfirmVaRequest& request, const CallOptions& options = {}) const {
    return connection_->confirm_va(request, options);
  }
  /// confirm_va without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<ConfirmVaResult>> confirm_va_async(const ConfirmVaRequest& request,
                                                        const CallOptions& options = {}) const {
    return connection_->confirm_va_async(request, options);
  }
  /// confirm_va without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void confirm_va_async(const ConfirmVaRequest& request, Completion<ConfirmVaResult> done,
                        const CallOptions& options = {}) const {
    connection_->confirm_va_async(request, std::move(done), options);
  }
  /// Starts unlinking a VA (`POST {bank prefix}/delete-va?bankBin=&vaAccountNumber=`; no body, signed
  /// over "{}"; `bank.deleteVa`). Confirm with confirm_delete_va and the answer's confirm_id (none
  /// for VCB: nothing left to confirm). A write: not retried.
  Result<OtpSession> delete_va(const DeleteVaRequest& request, const CallOptions& options = {}) const {
    return connection_->delete_va(request, options);
  }
  /// delete_va without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<OtpSession>> delete_va_async(const DeleteVaRequest& request,
                                                  const CallOptions& options = {}) const {
    return connection_->delete_va_async(request, options);
  }
  /// delete_va without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void delete_va_async(const DeleteVaRequest& request, Completion<OtpSession> done,
                       const CallOptions& options = {}) const {
    connection_->delete_va_async(request, std::move(done), options);
  }
  /// Confirms a delete_va with its OTP (`{bank prefix}/confirm-delete-va`, `bank.confirmDeleteVa`).
  /// The OTP is consumed by its first try: a write, never resent.
  Result<Ack> confirm_delete_va(const ConfirmDeleteVaRequest& request, const CallOptions& options = {}) const {
    return connection_->confirm_delete_va(request, options);
  }
  /// confirm_delete_va without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Ack>> confirm_delete_va_async(const ConfirmDeleteVaRequest& request,
                                                   const CallOptions& options = {}) const {
    return connection_->confirm_delete_va_async(request, options);
  }
  /// confirm_delete_va without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void confirm_delete_va_async(const ConfirmDeleteVaRequest& request, Completion<Ack> done,
                               const CallOptions& options = {}) const {
    connection_->confirm_delete_va_async(request, std::move(done), options);
  }
  /// One page of the merchant's virtual accounts (`{bank prefix}/get-va-paging`, `bank.getVaPaging`). A read.
  Result<VaPage> get_va_paging(const GetVaPagingRequest& request, const CallOptions& options = {}) const {
    return connection_->get_va_paging(request, options);
  }
  /// get_va_paging without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<VaPage>> get_va_paging_async(const GetVaPagingRequest& request,
                                                  const CallOptions& options = {}) const {
    return connection_->get_va_paging_async(request, options);
  }
  /// get_va_paging without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void get_va_paging_async(const GetVaPagingRequest& request, Completion<VaPage> done,
                           const CallOptions& options = {}) const {
    connection_->get_va_paging_async(request, std::move(done), options);
  }
  /// Every page of get_va_paging, fetched lazily from `request`'s page on: one call per
  /// next(), `options` (cancel flag, total_timeout) holding for the whole iteration, bounded by
  /// `limits`; each page's error returned as a value (paygw::Pages, ADR 0055).
  Pages<GetVaPagingRequest, VaPage, OffsetPaging> get_va_paging_pages(const GetVaPagingRequest& request,
                                                                      const CallOptions& options = {},
                                                                      PagingLimits limits = {}) const {
    return Pages<GetVaPagingRequest, VaPage, OffsetPaging>(
        request,
        [connection = connection_](const GetVaPagingRequest& page, const CallOptions& o) {
          return connection->get_va_paging(page, o);
        },
        options, std::move(limits));
  }
  /// Asks the bank to notify Tingee of a VA's payments (`{bank prefix}/register-notify`,
  /// `bank.registerNotify`; ACB needs it after confirm_va). The bank sends a second OTP: confirm it
  /// with confirm_register_notify. A write: not retried.
  Result<OtpSession> register_notify(const RegisterNotifyRequest& request, const CallOptions& options = {}) const {
    return connection_->register_notify(request, options);
  }
  /// register_notify without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<OtpSession>> register_notify_async(const RegisterNotifyRequest& request,
                                                        const CallOptions& options = {}) const {
    return connection_->register_notify_async(request, options);
  }
  /// register_notify without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void register_notify_async(const RegisterNotifyRequest& request, Completion<OtpSession> done,
                             const CallOptions& options = {}) const {
    connection_->register_notify_async(request, std::move(done), options);
  }
  /// Confirms a register_notify with its OTP (`{bank prefix}/confirm-register-notify`,
  /// `bank.confirmRegisterNotify`). The OTP is consumed by its first try: a write, never resent.
  Result<OtpSession> confirm_register_notify(const ConfirmRegisterNotifyRequest& request,
                                             const CallOptions& options = {}) const {
    return connection_->confirm_register_notify(request, options);
  }
  /// confirm_register_notify without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<OtpSession>> confirm_register_notify_async(const ConfirmRegisterNotifyRequest& request,
                                                                const CallOptions& options = {}) const {
    return connection_->confirm_register_notify_async(request, options);
  }
  /// confirm_register_notify without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void confirm_register_notify_async(const ConfirmRegisterNotifyRequest& request, Completion<OtpSession> done,
                                     const CallOptions& options = {}) const {
    connection_->confirm_register_notify_async(request, std::move(done), options);
  }
  /// Opens a direct-debit subscription for a payer (`POST /v1/direct-debit/register`, the official
  /// SDKs' `directDebit.register`); answers the page where the payer authorises the debits. A
  /// write: not retried.
  Result<DirectDebitLink> direct_debit_register(const DirectDebitRegisterRequest& request,
                                                const CallOptions& options = {}) const {
    return connection_->direct_debit_register(request, options);
  }
  /// direct_debit_register without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<DirectDebitLink>> direct_debit_register_async(const DirectDebitRegisterRequest& request,
                                                                   const CallOptions& options = {}) const {
    return connection_->direct_debit_register_async(request, options);
  }
  /// direct_debit_register without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void direct_debit_register_async(const DirectDebitRegisterRequest& request, Completion<DirectDebitLink> done,
                                   const CallOptions& options = {}) const {
    connection_->direct_debit_register_async(request, std::move(done), options);
  }
  /// Debits a subscription (`POST /v1/direct-debit/payment-bill`, `directDebit.paymentBill`). Money
  /// moves: a write, never resent unless certainly not sent; after a kMaybeSent error look the
  /// debit up with direct_debit_get_paging_transactions (by request_id's debit) before paying again.
  Result<PaymentBillResult> direct_debit_payment_bill(const DirectDebitPaymentBillRequest& request,
                                                      const CallOptions& options = {}) const {
    return connection_->direct_debit_payment_bill(request, options);
  }
  /// direct_debit_payment_bill without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<PaymentBillResult>> direct_debit_payment_bill_async(const DirectDebitPaymentBillRequest& request,
                                                                         const CallOptions& options = {}) const {
    return connection_->direct_debit_payment_bill_async(request, options);
  }
  /// direct_debit_payment_bill without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void direct_debit_payment_bill_async(const DirectDebitPaymentBillRequest& request, Completion<PaymentBillResult> done,
                                       const CallOptions& options = {}) const {
    connection_->direct_debit_payment_bill_async(request, std::move(done), options);
  }
  /// Ends a subscription (`DELETE /v1/direct-debit/delete-subscription` with a JSON body,
  /// `directDebit.deleteSubscription`); the payer confirms at the answer's confirm_url. A write.
  Result<DeleteSubscriptionResult> direct_debit_delete_subscription(const DirectDebitDeleteSubscriptionRequest& request,
                                                                    const CallOptions& options = {}) const {
    return connection_->direct_debit_delete_subscription(request, options);
  }
  /// direct_debit_delete_subscription without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<DeleteSubscriptionResult>> direct_debit_delete_subscription_async(
      const DirectDebitDeleteSubscriptionRequest& request, const CallOptions& options = {}) const {
    return connection_->direct_debit_delete_subscription_async(request, options);
  }
  /// direct_debit_delete_subscription without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void direct_debit_delete_subscription_async(const DirectDebitDeleteSubscriptionRequest& request,
                                              Completion<DeleteSubscriptionResult> done,
                                              const CallOptions& options = {}) const {
    connection_->direct_debit_delete_subscription_async(request, std::move(done), options);
  }
  /// Refunds (part of) a debit (`POST /v1/direct-debit/refund`, `directDebit.refund`). Money out:
  /// a write, never resent unless certainly not sent; after a kMaybeSent error read the debit's
  /// state (direct_debit_get_transaction_status) before refunding again.
  Result<RefundResult> direct_debit_refund(const DirectDebitRefundRequest& request,
                                           const CallOptions& options = {}) const {
    return connection_->direct_debit_refund(request, options);
  }
  /// direct_debit_refund without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<RefundResult>> direct_debit_refund_async(const DirectDebitRefundRequest& request,
                                                              const CallOptions& options = {}) const {
    return connection_->direct_debit_refund_async(request, options);
  }
  /// direct_debit_refund without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void direct_debit_refund_async(const DirectDebitRefundRequest& request, Completion<RefundResult> done,
                                 const CallOptions& options = {}) const {
    connection_->direct_debit_refund_async(request, std::move(done), options);
  }
  /// Lets the payer change how debits are confirmed (`PUT /v1/direct-debit/edit-confirm-payment-method`,
  /// `directDebit.editConfirmPaymentMethod`); answers the page the payer opens. A write.
  Result<DirectDebitLink> direct_debit_edit_confirm_payment_method(
      const DirectDebitEditConfirmPaymentMethodRequest& request, const CallOptions& options = {}) const {
    return connection_->direct_debit_edit_confirm_payment_method(request, options);
  }
  /// direct_debit_edit_confirm_payment_method without blocking: the same validation, retries and result, in a future
  /// that never throws.
  std::future<Result<DirectDebitLink>> direct_debit_edit_confirm_payment_method_async(
      const DirectDebitEditConfirmPaymentMethodRequest& request, const CallOptions& options = {}) const {
    return connection_->direct_debit_edit_confirm_payment_method_async(request, options);
  }
  /// direct_debit_edit_confirm_payment_method without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void direct_debit_edit_confirm_payment_method_async(const DirectDebitEditConfirmPaymentMethodRequest& request,
                                                      Completion<DirectDebitLink> done,
                                                      const CallOptions& options = {}) const {
    connection_->direct_debit_edit_confirm_payment_method_async(request, std::move(done), options);
  }
  /// A subscription's state (`GET /v1/direct-debit/get-subscription-status?…`; no body, signed over
  /// "{}"; `directDebit.getSubscriptionStatus`). A read.
  Result<SubscriptionStatus> direct_debit_get_subscription_status(const DirectDebitSubscriptionStatusRequest& request,
                                                                  const CallOptions& options = {}) const {
    return connection_->direct_debit_get_subscription_status(request, options);
  }
  /// direct_debit_get_subscription_status without blocking: the same validation, retries and result, in a future that
  /// never throws.
  std::future<Result<SubscriptionStatus>> direct_debit_get_subscription_status_async(
      const DirectDebitSubscriptionStatusRequest& request, const CallOptions& options = {}) const {
    return connection_->direct_debit_get_subscription_status_async(request, options);
  }
  /// direct_debit_get_subscription_status without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void direct_debit_get_subscription_status_async(const DirectDebitSubscriptionStatusRequest& request,
                                                  Completion<SubscriptionStatus> done,
                                                  const CallOptions& options = {}) const {
    connection_->direct_debit_get_subscription_status_async(request, std::move(done), options);
  }
  /// A debit's state (`GET /v1/direct-debit/get-transaction-status?…`; no body, signed over "{}";
  /// `directDebit.getTransactionStatus`). A read.
  Result<DirectDebitTransactionStatus> direct_debit_get_transaction_status(
      const DirectDebitTransactionStatusRequest& request, const CallOptions& options = {}) const {
    return connection_->direct_debit_get_transaction_status(request, options);
  }
  /// direct_debit_get_transaction_status without blocking: the same validation, retries and result, in a future that
  /// never throws.
  std::future<Result<DirectDebitTransactionStatus>> direct_debit_get_transaction_status_async(
      const DirectDebitTransactionStatusRequest& request, const CallOptions& options = {}) const {
    return connection_->direct_debit_get_transaction_status_async(request, options);
  }
  /// direct_debit_get_transaction_status without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void direct_debit_get_transaction_status_async(const DirectDebitTransactionStatusRequest& request,
                                                 Completion<DirectDebitTransactionStatus> done,
                                                 const CallOptions& options = {}) const {
    connection_->direct_debit_get_transaction_status_async(request, std::move(done), options);
  }
  /// One page of a subscription's debits (`GET /v1/direct-debit/get-paging-transactions?…`; no body,
  /// signed over "{}"; `directDebit.getPagingTransactions`). A read.
  Result<DirectDebitTransactionPage> direct_debit_get_paging_transactions(
      const DirectDebitTransactionPagingRequest& request, const CallOptions& options = {}) const {
    return connection_->direct_debit_get_paging_transactions(request, options);
  }
  /// direct_debit_get_paging_transactions without blocking: the same validation, retries and result, in a future that
  /// never throws.
  std::future<Result<DirectDebitTransactionPage>> direct_debit_get_paging_transactions_async(
      const DirectDebitTransactionPagingRequest& request, const CallOptions& options = {}) const {
    return connection_->direct_debit_get_paging_transactions_async(request, options);
  }
  /// direct_debit_get_paging_transactions without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void direct_debit_get_paging_transactions_async(const DirectDebitTransactionPagingRequest& request,
                                                  Completion<DirectDebitTransactionPage> done,
                                                  const CallOptions& options = {}) const {
    connection_->direct_debit_get_paging_transactions_async(request, std::move(done), options);
  }
  /// Every page of direct_debit_get_paging_transactions, fetched lazily from `request`'s page on: one call per
  /// next(), `options` (cancel flag, total_timeout) holding for the whole iteration, bounded by
  /// `limits`; each page's error returned as a value (paygw::Pages, ADR 0055).
  Pages<DirectDebitTransactionPagingRequest, DirectDebitTransactionPage, OffsetPaging>
  direct_debit_get_paging_transactions_pages(const DirectDebitTransactionPagingRequest& request,
                                             const CallOptions& options = {}, PagingLimits limits = {}) const {
    return Pages<DirectDebitTransactionPagingRequest, DirectDebitTransactionPage, OffsetPaging>(
        request,
        [connection = connection_](const DirectDebitTransactionPagingRequest& page, const CallOptions& o) {
          return connection->direct_debit_get_paging_transactions(page, o);
        },
        options, std::move(limits));
  }
  /// A static VietQR for a bank account, rendered by Tingee (`{bank prefix}/generate-viet-qr`, the
  /// official SDKs' `bank.generateVietQr`): the EMVCo payload, its PNG and the account it names.
  /// Nothing is created: a read.
  Result<VietQr> generate_viet_qr(const GenerateVietQrRequest& request, const CallOptions& options = {}) const {
    return connection_->generate_viet_qr(request, options);
  }
  /// generate_viet_qr without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<VietQr>> generate_viet_qr_async(const GenerateVietQrRequest& request,
                                                     const CallOptions& options = {}) const {
    return connection_->generate_viet_qr_async(request, options);
  }
  /// generate_viet_qr without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void generate_viet_qr_async(const GenerateVietQrRequest& request, Completion<VietQr> done,
                              const CallOptions& options = {}) const {
    connection_->generate_viet_qr_async(request, std::move(done), options);
  }
  /// Decodes a VietQR payload into the account it names (`POST {bank
  /// prefix}/get-account-number-info-by-qr-code?qrCode=`; no body, signed over "{}";
  /// `bank.getAccountNumberInfoByQrCode`). A read.
  Result<QrAccountInfoPage> get_account_number_info_by_qr_code(const GetAccountNumberInfoByQrCodeRequest& request,
                                                               const CallOptions& options = {}) const {
    return connection_->get_account_number_info_by_qr_code(request, options);
  }
  /// get_account_number_info_by_qr_code without blocking: the same validation, retries and result, in a future that
  /// never throws.
  std::future<Result<QrAccountInfoPage>> get_account_number_info_by_qr_code_async(
      const GetAccountNumberInfoByQrCodeRequest& request, const CallOptions& options = {}) const {
    return connection_->get_account_number_info_by_qr_code_async(request, options);
  }
  /// get_account_number_info_by_qr_code without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void get_account_number_info_by_qr_code_async(const GetAccountNumberInfoByQrCodeRequest& request,
                                                Completion<QrAccountInfoPage> done,
                                                const CallOptions& options = {}) const {
    connection_->get_account_number_info_by_qr_code_async(request, std::move(done), options);
  }
  /// A link that opens the payer's bank app on a payment (`POST /v1/deep-link/generate`,
  /// `deepLink.generate`). It opens a payment session at Tingee: a write, not retried.
  Result<DeepLink> generate_deep_link(const GenerateDeepLinkRequest& request, const CallOptions& options = {}) const {
    return connection_->generate_deep_link(request, options);
  }
  /// generate_deep_link without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<DeepLink>> generate_deep_link_async(const GenerateDeepLinkRequest& request,
                                                         const CallOptions& options = {}) const {
    return connection_->generate_deep_link_async(request, options);
  }
  /// generate_deep_link without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void generate_deep_link_async(const GenerateDeepLinkRequest& request, Completion<DeepLink> done,
                                const CallOptions& options = {}) const {
    connection_->generate_deep_link_async(request, std::move(done), options);
  }
  /// generate_deep_link against BIDV's test environment (`POST /v1/deep-link/generate-bidv-test`,
  /// `deepLink.generateBidvTest`; no merchant_id). A write, not retried.
  Result<DeepLink> generate_deep_link_bidv_test(const GenerateDeepLinkBidvTestRequest& request,
                                                const CallOptions& options = {}) const {
    return connection_->generate_deep_link_bidv_test(request, options);
  }
  /// generate_deep_link_bidv_test without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<DeepLink>> generate_deep_link_bidv_test_async(const GenerateDeepLinkBidvTestRequest& request,
                                                                   const CallOptions& options = {}) const {
    return connection_->generate_deep_link_bidv_test_async(request, options);
  }
  /// generate_deep_link_bidv_test without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void generate_deep_link_bidv_test_async(const GenerateDeepLinkBidvTestRequest& request, Completion<DeepLink> done,
                                          const CallOptions& options = {}) const {
    connection_->generate_deep_link_bidv_test_async(request, std::move(done), options);
  }
  /// Opens a session on Tingee's hosted bank-linking page (`POST /v1/create-bank-link-session`; not
  /// in the official SDKs, see docs/tingee.md): answers the page's URL; the outcome arrives as a
  /// bank-link webhook. A write, not retried.
  Result<BankLinkSession> create_bank_link_session(const CreateBankLinkSessionRequest& request,
                                                   const CallOptions& options = {}) const {
    return connection_->create_bank_link_session(request, options);
  }
  /// create_bank_link_session without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<BankLinkSession>> create_bank_link_session_async(const CreateBankLinkSessionRequest& request,
                                                                      const CallOptions& options = {}) const {
    return connection_->create_bank_link_session_async(request, options);
  }
  /// create_bank_link_session without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void create_bank_link_session_async(const CreateBankLinkSessionRequest& request, Completion<BankLinkSession> done,
                                      const CallOptions& options = {}) const {
    connection_->create_bank_link_session_async(request, std::move(done), options);
  }
  /// Makes a device announce an amount (`POST /v1/device/read-amount`, the older form of
  /// read_amount_link_to_merchant; not in the SDKs since 0.2.0, see docs/tingee.md). A write.
  Result<Ack> read_amount(const DeviceReadAmountRequest& request, const CallOptions& options = {}) const {
    return connection_->read_amount(request, options);
  }
  /// read_amount without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Ack>> read_amount_async(const DeviceReadAmountRequest& request,
                                             const CallOptions& options = {}) const {
    return connection_->read_amount_async(request, options);
  }
  /// read_amount without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void read_amount_async(const DeviceReadAmountRequest& request, Completion<Ack> done,
                         const CallOptions& options = {}) const {
    connection_->read_amount_async(request, std::move(done), options);
  }
  /// Creates a shop, or updates the one the request's id names (`POST /v1/shop/create-or-update`,
  /// the official SDKs' `shop.createOrUpdate`); answers the shop's id. A write: not retried; after
  /// a kMaybeSent error list the shops (shop_get_paging) before creating it again.
  Result<ShopSaved> shop_create_or_update(const CreateOrUpdateShopRequest& request,
                                          const CallOptions& options = {}) const {
    return connection_->shop_create_or_update(request, options);
  }
  /// shop_create_or_update without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<ShopSaved>> shop_create_or_update_async(const CreateOrUpdateShopRequest& request,
                                                             const CallOptions& options = {}) const {
    return connection_->shop_create_or_update_async(request, options);
  }
  /// shop_create_or_update without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void shop_create_or_update_async(const CreateOrUpdateShopRequest& request, Completion<ShopSaved> done,
                                   const CallOptions& options = {}) const {
    connection_->shop_create_or_update_async(request, std::move(done), options);
  }
  /// One page of the merchant's shops (`POST /v1/shop/get-paging`, `shop.getPaging`). A read.
  Result<ShopPage> shop_get_paging(const GetShopPagingRequest& request, const CallOptions& options = {}) const {
    return connection_->shop_get_paging(request, options);
  }
  /// shop_get_paging without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<ShopPage>> shop_get_paging_async(const GetShopPagingRequest& request,
                                                      const CallOptions& options = {}) const {
    return connection_->shop_get_paging_async(request, options);
  }
  /// shop_get_paging without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void shop_get_paging_async(const GetShopPagingRequest& request, Completion<ShopPage> done,
                             const CallOptions& options = {}) const {
    connection_->shop_get_paging_async(request, std::move(done), options);
  }
  /// Every page of shop_get_paging, fetched lazily from `request`'s page on: one call per
  /// next(), `options` (cancel flag, total_timeout) holding for the whole iteration, bounded by
  /// `limits`; each page's error returned as a value (paygw::Pages, ADR 0055).
  Pages<GetShopPagingRequest, ShopPage, OffsetPaging> shop_get_paging_pages(const GetShopPagingRequest& request,
                                                                            const CallOptions& options = {},
                                                                            PagingLimits limits = {}) const {
    return Pages<GetShopPagingRequest, ShopPage, OffsetPaging>(
        request,
        [connection = connection_](const GetShopPagingRequest& page, const CallOptions& o) {
          return connection->shop_get_paging(page, o);
        },
        options, std::move(limits));
  }
  /// Creates a sub-merchant of a Master Merchant (`POST /v1/merchant/create`, `merchant.create`);
  /// answers its id. The password travels in the body only (never logged or recorded). A write:
  /// not retried; after a kMaybeSent error list the merchants (merchant_get_paging) first.
  Result<MerchantCreated> merchant_create(const MerchantCreateRequest& request, const CallOptions& options = {}) const {
    return connection_->merchant_create(request, options);
  }
  /// merchant_create without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<MerchantCreated>> merchant_create_async(const MerchantCreateRequest& request,
                                                             const CallOptions& options = {}) const {
    return connection_->merchant_create_async(request, options);
  }
  /// merchant_create without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void merchant_create_async(const MerchantCreateRequest& request, Completion<MerchantCreated> done,
                             const CallOptions& options = {}) const {
    connection_->merchant_create_async(request, std::move(done), options);
  }
  /// One page of the Master Merchant's merchants (`POST /v1/merchant/get-paging`,
  /// `merchant.getPaging`); each with its API client id and secret token (a Secret). A read.
  Result<MerchantPage> merchant_get_paging(const MerchantGetPagingRequest& request,
                                           const CallOptions& options = {}) const {
    return connection_->merchant_get_paging(request, options);
  }
  /// merchant_get_paging without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<MerchantPage>> merchant_get_paging_async(const MerchantGetPagingRequest& request,
                                                              const CallOptions& options = {}) const {
    return connection_->merchant_get_paging_async(request, options);
  }
  /// merchant_get_paging without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void merchant_get_paging_async(const MerchantGetPagingRequest& request, Completion<MerchantPage> done,
                                 const CallOptions& options = {}) const {
    connection_->merchant_get_paging_async(request, std::move(done), options);
  }
  /// Every page of merchant_get_paging, fetched lazily from `request`'s page on: one call per
  /// next(), `options` (cancel flag, total_timeout) holding for the whole iteration, bounded by
  /// `limits`; each page's error returned as a value (paygw::Pages, ADR 0055).
  Pages<MerchantGetPagingRequest, MerchantPage, OffsetPaging> merchant_get_paging_pages(
      const MerchantGetPagingRequest& request, const CallOptions& options = {}, PagingLimits limits = {}) const {
    return Pages<MerchantGetPagingRequest, MerchantPage, OffsetPaging>(
        request,
        [connection = connection_](const MerchantGetPagingRequest& page, const CallOptions& o) {
          return connection->merchant_get_paging(page, o);
        },
        options, std::move(limits));
  }
  /// Deletes a merchant (`DELETE /v1/merchant/delete?merchantId=`; no body, signed over "{}";
  /// `merchant.delete`). A write: not retried.
  Result<Ack> merchant_delete(const MerchantDeleteRequest& request, const CallOptions& options = {}) const {
    return connection_->merchant_delete(request, options);
  }
  /// merchant_delete without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Ack>> merchant_delete_async(const MerchantDeleteRequest& request,
                                                 const CallOptions& options = {}) const {
    return connection_->merchant_delete_async(request, options);
  }
  /// merchant_delete without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void merchant_delete_async(const MerchantDeleteRequest& request, Completion<Ack> done,
                             const CallOptions& options = {}) const {
    connection_->merchant_delete_async(request, std::move(done), options);
  }
  /// One page of bank configurations (`POST /v1/merchant/get-paging-config`,
  /// `merchant.getPagingConfig`; their credentials are not read). A read.
  Result<MerchantBankConfigPage> merchant_get_paging_config(const MerchantGetPagingConfigRequest& request,
                                                            const CallOptions& options = {}) const {
    return connection_->merchant_get_paging_config(request, options);
  }
  /// merchant_get_paging_config without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<MerchantBankConfigPage>> merchant_get_paging_config_async(
      const MerchantGetPagingConfigRequest& request, const CallOptions& options = {}) const {
    return connection_->merchant_get_paging_config_async(request, options);
  }
  /// merchant_get_paging_config without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void merchant_get_paging_config_async(const MerchantGetPagingConfigRequest& request,
                                        Completion<MerchantBankConfigPage> done,
                                        const CallOptions& options = {}) const {
    connection_->merchant_get_paging_config_async(request, std::move(done), options);
  }
  /// Every page of merchant_get_paging_config, fetched lazily from `request`'s page on: one call per
  /// next(), `options` (cancel flag, total_timeout) holding for the whole iteration, bounded by
  /// `limits`; each page's error returned as a value (paygw::Pages, ADR 0055).
  Pages<MerchantGetPagingConfigRequest, MerchantBankConfigPage, OffsetPaging> merchant_get_paging_config_pages(
      const MerchantGetPagingConfigRequest& request, const CallOptions& options = {}, PagingLimits limits = {}) const {
    return Pages<MerchantGetPagingConfigRequest, MerchantBankConfigPage, OffsetPaging>(
        request,
        [connection = connection_](const MerchantGetPagingConfigRequest& page, const CallOptions& o) {
          return connection->merchant_get_paging_config(page, o);
        },
        options, std::move(limits));
  }
  /// Sets a bank configuration of a merchant (`POST /v1/merchant/create-or-update-config`,
  /// `merchant.createOrUpdateConfig`); answers its id. Bank credentials travel in the body only.
  /// A write, never resent (it may carry an OTP, consumed by its first try).
  Result<ConfigId> merchant_create_or_update_config(const MerchantCreateOrUpdateConfigRequest& request,
                                                    const CallOptions& options = {}) const {
    return connection_->merchant_create_or_update_config(request, options);
  }
  /// merchant_create_or_update_config without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<ConfigId>> merchant_create_or_update_config_async(
      const MerchantCreateOrUpdateConfigRequest& request, const CallOptions& options = {}) const {
    return connection_->merchant_create_or_update_config_async(request, options);
  }
  /// merchant_create_or_update_config without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void merchant_create_or_update_config_async(const MerchantCreateOrUpdateConfigRequest& request,
                                              Completion<ConfigId> done, const CallOptions& options = {}) const {
    connection_->merchant_create_or_update_config_async(request, std::move(done), options);
  }
  /// Removes a bank configuration (`POST /v1/merchant/delete-config`, `merchant.deleteConfig`);
  /// answers its id. A write, never resent (it may carry an OTP).
  Result<ConfigId> merchant_delete_config(const MerchantDeleteConfigRequest& request,
                                          const CallOptions& options = {}) const {
    return connection_->merchant_delete_config(request, options);
  }
  /// merchant_delete_config without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<ConfigId>> merchant_delete_config_async(const MerchantDeleteConfigRequest& request,
                                                             const CallOptions& options = {}) const {
    return connection_->merchant_delete_config_async(request, options);
  }
  /// merchant_delete_config without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void merchant_delete_config_async(const MerchantDeleteConfigRequest& request, Completion<ConfigId> done,
                                    const CallOptions& options = {}) const {
    connection_->merchant_delete_config_async(request, std::move(done), options);
  }
  /// Links an ACB business account to a merchant (`POST /v1/merchant/config-account-business`,
  /// `merchant.configAccountBusiness`); answers the session's confirm_id. A write: not retried.
  Result<OtpSession> merchant_config_account_business(const MerchantConfigAccountBusinessRequest& request,
                                                      const CallOptions& options = {}) const {
    return connection_->merchant_config_account_business(request, options);
  }
  /// merchant_config_account_business without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<OtpSession>> merchant_config_account_business_async(
      const MerchantConfigAccountBusinessRequest& request, const CallOptions& options = {}) const {
    return connection_->merchant_config_account_business_async(request, options);
  }
  /// merchant_config_account_business without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void merchant_config_account_business_async(const MerchantConfigAccountBusinessRequest& request,
                                              Completion<OtpSession> done, const CallOptions& options = {}) const {
    connection_->merchant_config_account_business_async(request, std::move(done), options);
  }
  /// Unlinks a business account (`POST /v1/merchant/delete-config-account-business`,
  /// `merchant.deleteConfigAccountBusiness`); Tingee answers `true` (an empty session) or a
  /// session to confirm. A write: not retried.
  Result<OtpSession> merchant_delete_config_account_business(const MerchantDeleteConfigAccountBusinessRequest& request,
                                                             const CallOptions& options = {}) const {
    return connection_->merchant_delete_config_account_business(request, options);
  }
  /// merchant_delete_config_account_business without blocking: the same validation, retries and result, in a future
  /// that never throws.
  std::future<Result<OtpSession>> merchant_delete_config_account_business_async(
      const MerchantDeleteConfigAccountBusinessRequest& request, const CallOptions& options = {}) const {
    return connection_->merchant_delete_config_account_business_async(request, options);
  }
  /// merchant_delete_config_account_business without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void merchant_delete_config_account_business_async(const MerchantDeleteConfigAccountBusinessRequest& request,
                                                     Completion<OtpSession> done,
                                                     const CallOptions& options = {}) const {
    connection_->merchant_delete_config_account_business_async(request, std::move(done), options);
  }
  /// One page of the merchant's e-invoice provider accounts (`POST /v1/e-invoice/get-paging-account`,
  /// the official SDKs' `eInvoice.getPagingAccount`). The password Tingee sends back is a Secret. A read.
  Result<EInvoiceAccountPage> e_invoice_get_paging_account(const EInvoiceGetPagingAccountRequest& request,
                                                           const CallOptions& options = {}) const {
    return connection_->e_invoice_get_paging_account(request, options);
  }
  /// e_invoice_get_paging_account without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<EInvoiceAccountPage>> e_invoice_get_paging_account_async(
      const EInvoiceGetPagingAccountRequest& request, const CallOptions& options = {}) const {
    return connection_->e_invoice_get_paging_account_async(request, options);
  }
  /// e_invoice_get_paging_account without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void e_invoice_get_paging_account_async(const EInvoiceGetPagingAccountRequest& request,
                                          Completion<EInvoiceAccountPage> done, const CallOptions& options = {}) const {
    connection_->e_invoice_get_paging_account_async(request, std::move(done), options);
  }
  /// Every page of e_invoice_get_paging_account, fetched lazily from `request`'s page on: one call per
  /// next(), `options` (cancel flag, total_timeout) holding for the whole iteration, bounded by
  /// `limits`; each page's error returned as a value (paygw::Pages, ADR 0055).
  Pages<EInvoiceGetPagingAccountRequest, EInvoiceAccountPage, OffsetPaging> e_invoice_get_paging_account_pages(
      const EInvoiceGetPagingAccountRequest& request, const CallOptions& options = {}, PagingLimits limits = {}) const {
    return Pages<EInvoiceGetPagingAccountRequest, EInvoiceAccountPage, OffsetPaging>(
        request,
        [connection = connection_](const EInvoiceGetPagingAccountRequest& page, const CallOptions& o) {
          return connection->e_invoice_get_paging_account(page, o);
        },
        options, std::move(limits));
  }
  /// Stores a provider account (`POST /v1/e-invoice/create-or-update-account`,
  /// `eInvoice.createOrUpdateAccount`): with id, updates that account; without, creates one (Tingee
  /// refuses a second account of the same merchant, provider and tax code). Answers the account's id.
  /// A write: not retried; after a kMaybeSent error look it up with e_invoice_get_paging_account.
  Result<EInvoiceAccountId> e_invoice_create_or_update_account(const EInvoiceCreateOrUpdateAccountRequest& request,
                                                               const CallOptions& options = {}) const {
    return connection_->e_invoice_create_or_update_account(request, options);
  }
  /// e_invoice_create_or_update_account without blocking: the same validation, retries and result, in a future that
  /// never throws.
  std::future<Result<EInvoiceAccountId>> e_invoice_create_or_update_account_async(
      const EInvoiceCreateOrUpdateAccountRequest& request, const CallOptions& options = {}) const {
    return connection_->e_invoice_create_or_update_account_async(request, options);
  }
  /// e_invoice_create_or_update_account without blocking, completing into `done` (called exactly once; see
  /// paygw::Completion).
  void e_invoice_create_or_update_account_async(const EInvoiceCreateOrUpdateAccountRequest& request,
                                                Completion<EInvoiceAccountId> done,
                                                const CallOptions& options = {}) const {
    connection_->e_invoice_create_or_update_account_async(request, std::move(done), options);
  }
  /// Removes a provider account (`POST /v1/e-invoice/delete-account`, `eInvoice.deleteAccount`).
  /// A write: not retried.
  Result<Ack> e_invoice_delete_account(const EInvoiceDeleteAccountRequest& request,
                                       const CallOptions& options = {}) const {
    return connection_->e_invoice_delete_account(request, options);
  }
  /// e_invoice_delete_account without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Ack>> e_invoice_delete_account_async(const EInvoiceDeleteAccountRequest& request,
                                                          const CallOptions& options = {}) const {
    return connection_->e_invoice_delete_account_async(request, options);
  }
  /// e_invoice_delete_account without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void e_invoice_delete_account_async(const EInvoiceDeleteAccountRequest& request, Completion<Ack> done,
                                      const CallOptions& options = {}) const {
    connection_->e_invoice_delete_account_async(request, std::move(done), options);
  }
  /// Creates a draft invoice at the account's provider (`POST /v1/e-invoice/create`,
  /// `eInvoice.create`); answers its invoice_code and the draft as a PDF. A write, never resent:
  /// after a kMaybeSent error look the invoice_code up with e_invoice_get_invoice_info.
  Result<InvoiceFile> e_invoice_create(const EInvoiceCreateRequest& request, const CallOptions& options = {}) const {
    return connection_->e_invoice_create(request, options);
  }
  /// e_invoice_create without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<InvoiceFile>> e_invoice_create_async(const EInvoiceCreateRequest& request,
                                                          const CallOptions& options = {}) const {
    return connection_->e_invoice_create_async(request, options);
  }
  /// e_invoice_create without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void e_invoice_create_async(const EInvoiceCreateRequest& request, Completion<InvoiceFile> done,
                              const CallOptions& options = {}) const {
    connection_->e_invoice_create_async(request, std::move(done), options);
  }
  /// Creates an invoice and issues it to the tax authority (`POST /v1/e-invoice/create-and-issue`,
  /// `eInvoice.createAndIssue`); answers the number and look-up codes assigned. A write, never
  /// resent: after a kMaybeSent error look the invoice_code up with e_invoice_get_invoice_info.
  Result<InvoiceTracking> e_invoice_create_and_issue(const EInvoiceCreateAndIssueRequest& request,
                                                     const CallOptions& options = {}) const {
    return connection_->e_invoice_create_and_issue(request, options);
  }
  /// e_invoice_create_and_issue without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<InvoiceTracking>> e_invoice_create_and_issue_async(const EInvoiceCreateAndIssueRequest& request,
                                                                        const CallOptions& options = {}) const {
    return connection_->e_invoice_create_and_issue_async(request, options);
  }
  /// e_invoice_create_and_issue without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void e_invoice_create_and_issue_async(const EInvoiceCreateAndIssueRequest& request, Completion<InvoiceTracking> done,
                                        const CallOptions& options = {}) const {
    connection_->e_invoice_create_and_issue_async(request, std::move(done), options);
  }
  /// An invoice's tracking data by its invoice_code (`POST /v1/e-invoice/get-invoice-info`,
  /// `eInvoice.getInvoiceInfo`): invoice_number is set once it is issued. A read.
  Result<InvoiceTracking> e_invoice_get_invoice_info(const EInvoiceGetInvoiceInfoRequest& request,
                                                     const CallOptions& options = {}) const {
    return connection_->e_invoice_get_invoice_info(request, options);
  }
  /// e_invoice_get_invoice_info without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<InvoiceTracking>> e_invoice_get_invoice_info_async(const EInvoiceGetInvoiceInfoRequest& request,
                                                                        const CallOptions& options = {}) const {
    return connection_->e_invoice_get_invoice_info_async(request, options);
  }
  /// e_invoice_get_invoice_info without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void e_invoice_get_invoice_info_async(const EInvoiceGetInvoiceInfoRequest& request, Completion<InvoiceTracking> done,
                                        const CallOptions& options = {}) const {
    connection_->e_invoice_get_invoice_info_async(request, std::move(done), options);
  }
  /// An invoice as a base64 PDF (`POST /v1/e-invoice/download`, `eInvoice.download`). A read.
  Result<InvoiceFile> e_invoice_download(const EInvoiceDownloadRequest& request,
                                         const CallOptions& options = {}) const {
    return connection_->e_invoice_download(request, options);
  }
  /// e_invoice_download without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<InvoiceFile>> e_invoice_download_async(const EInvoiceDownloadRequest& request,
                                                            const CallOptions& options = {}) const {
    return connection_->e_invoice_download_async(request, options);
  }
  /// e_invoice_download without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void e_invoice_download_async(const EInvoiceDownloadRequest& request, Completion<InvoiceFile> done,
                                const CallOptions& options = {}) const {
    connection_->e_invoice_download_async(request, std::move(done), options);
  }
  /// Checks a provider account's credentials and answers its invoice template (pattern, series,
  /// invoices left) (`POST /v1/e-invoice/invoice-templates`, `eInvoice.invoiceTemplates`). A read.
  Result<InvoiceTemplate> e_invoice_invoice_templates(const EInvoiceInvoiceTemplatesRequest& request,
                                                      const CallOptions& options = {}) const {
    return connection_->e_invoice_invoice_templates(request, options);
  }
  /// e_invoice_invoice_templates without blocking: the same validation, retries and result, in a future that never
  /// throws.
  std::future<Result<InvoiceTemplate>> e_invoice_invoice_templates_async(const EInvoiceInvoiceTemplatesRequest& request,
                                                                         const CallOptions& options = {}) const {
    return connection_->e_invoice_invoice_templates_async(request, options);
  }
  /// e_invoice_invoice_templates without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void e_invoice_invoice_templates_async(const EInvoiceInvoiceTemplatesRequest& request,
                                         Completion<InvoiceTemplate> done, const CallOptions& options = {}) const {
    connection_->e_invoice_invoice_templates_async(request, std::move(done), options);
  }
  /// E-mails an issued invoice to the buyer (`POST /v1/e-invoice/send-email`, `eInvoice.sendEmail`).
  /// A write: not retried (a resend would mail the buyer twice).
  Result<Ack> e_invoice_send_email(const EInvoiceSendEmailRequest& request, const CallOptions& options = {}) const {
    return connection_->e_invoice_send_email(request, options);
  }
  /// e_invoice_send_email without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<Ack>> e_invoice_send_email_async(const EInvoiceSendEmailRequest& request,
                                                      const CallOptions& options = {}) const {
    return connection_->e_invoice_send_email_async(request, options);
  }
  /// e_invoice_send_email without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void e_invoice_send_email_async(const EInvoiceSendEmailRequest& request, Completion<Ack> done,
                                  const CallOptions& options = {}) const {
    connection_->e_invoice_send_email_async(request, std::move(done), options);
  }
  // END generated

 private:
  std::shared_ptr<Connection> connection_;
};

/// The real connection: validates `config` (as Client::create) and signs and sends through
/// `config.transport`. Errors: kConfig naming the field.
[[nodiscard]] PAYGW_EXPORT Result<std::shared_ptr<Connection>> make_connection(Config config);

/// `x-request-timestamp` for `t`: yyyyMMddHHmmssSSS in UTC+7 (Vietnam, no DST), independent of
/// the host's time zone. Pure function; thread-safe.
PAYGW_EXPORT std::string format_timestamp(std::chrono::system_clock::time_point t);

/// Lowercase hex HMAC-SHA512 of `timestamp + ":" + body` keyed with `secret`. An empty body is
/// signed as "{}". Useful for debugging and for signing test callbacks.
/// Errors: kInternal if OpenSSL fails. Thread-safe.
PAYGW_EXPORT Result<std::string> sign(const Secret& secret, std::string_view timestamp, std::string_view body);

// Classification of kProvider errors by Tingee code (97 signature, 90/91 timestamp, 1001 rate limit). Pure functions.

/// Tingee code 97: the server rejected the signature.
PAYGW_EXPORT bool is_signature_error(const Error& error) noexcept;
/// Tingee codes 90/91: the timestamp was malformed or outside the server's window.
PAYGW_EXPORT bool is_timestamp_error(const Error& error) noexcept;
/// Tingee code 1001: rate limited; back off before trying again.
PAYGW_EXPORT bool is_rate_limited(const Error& error) noexcept;

}  // namespace paygw::tingee
