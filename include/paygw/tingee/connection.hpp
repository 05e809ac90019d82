// SPDX-License-Identifier: MIT
// paygw — the Tingee connection: the interface tingee::Client calls, and the seam to mock it.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/completion.hpp>
#include <paygw/export.hpp>
#include <paygw/result.hpp>
#include <paygw/tingee/all_models.hpp>
#include <paygw/tingee/bills.hpp>
#include <paygw/tingee/models.hpp>

#include <future>

namespace paygw::tingee {

/// Every Tingee call, blocking and async (a future, or a Completion callback). tingee::Client forwards to one of these:
/// make_connection() returns the real one (signing, retries, libcurl or any http::Transport);
/// tests of a merchant's own code use paygw::testing::MockTingeeConnection (target
/// paygw::testing) instead, so no signature or byte has to be forged.
///
/// The semantics of each method (validation, retries, results, errors) are those documented on
/// the tingee::Client method of the same name; an `_async` method does the same without blocking
/// and never throws from its future.
///
/// Thread safety: implementations must allow every method to be called concurrently.
class PAYGW_EXPORT Connection {
 public:
  virtual ~Connection() = default;

  // BEGIN generated from src/tingee/endpoints.rows by tools/codegen; do not edit
  /// See Client::read_security_code.
  virtual Result<Ack> read_security_code(const ReadSecurityCodeRequest& request, const CallOptions& options) = 0;
  /// See Client::read_security_code.
  virtual std::future<Result<Ack>> read_security_code_async(const ReadSecurityCodeRequest& request,
                                                            const CallOptions& options) = 0;
  /// See Client::read_security_code; `done` is called exactly once (paygw::Completion).
  virtual void read_security_code_async(const ReadSecurityCodeRequest& request, Completion<Ack> done,
                                        const CallOptions& options) = 0;
  /// See Client::add_device_to_shop.
  virtual Result<DeviceRefs> add_device_to_shop(const AddDeviceToShopRequest& request, const CallOptions& options) = 0;
  /// See Client::add_device_to_shop.
  virtual std::future<Result<DeviceRefs>> add_device_to_shop_async(const AddDeviceToShopRequest& request,
                                                                   const CallOptions& options) = 0;
  /// See Client::add_device_to_shop; `done` is called exactly once (paygw::Completion).
  virtual void add_device_to_shop_async(const AddDeviceToShopRequest& request, Completion<DeviceRefs> done,
                                        const CallOptions& options) = 0;
  /// See Client::update_shop_device_link_status.
  virtual Result<Ack> update_shop_device_link_status(const UpdateShopDeviceLinkStatusRequest& request,
                                                     const CallOptions& options) = 0;
  /// See Client::update_shop_device_link_status.
  virtual std::future<Result<Ack>> update_shop_device_link_status_async(
      const UpdateShopDeviceLinkStatusRequest& request, const CallOptions& options) = 0;
  /// See Client::update_shop_device_link_status; `done` is called exactly once (paygw::Completion).
  virtual void update_shop_device_link_status_async(const UpdateShopDeviceLinkStatusRequest& request,
                                                    Completion<Ack> done, const CallOptions& options) = 0;
  /// See Client::get_devices_link_to_shop_or_va.
  virtual Result<DeviceRefs> get_devices_link_to_shop_or_va(const GetDevicesLinkToShopOrVaRequest& request,
                                                            const CallOptions& options) = 0;
  /// See Client::get_devices_link_to_shop_or_va.
  virtual std::future<Result<DeviceRefs>> get_devices_link_to_shop_or_va_async(
      const GetDevicesLinkToShopOrVaRequest& request, const CallOptions& options) = 0;
  /// See Client::get_devices_link_to_shop_or_va; `done` is called exactly once (paygw::Completion).
  virtual void get_devices_link_to_shop_or_va_async(const GetDevicesLinkToShopOrVaRequest& request,
                                                    Completion<DeviceRefs> done, const CallOptions& options) = 0;
  /// See Client::get_device_paging.
  virtual Result<DevicePage> get_device_paging(const GetDevicePagingRequest& request, const CallOptions& options) = 0;
  /// See Client::get_device_paging.
  virtual std::future<Result<DevicePage>> get_device_paging_async(const GetDevicePagingRequest& request,
                                                                  const CallOptions& options) = 0;
  /// See Client::get_device_paging; `done` is called exactly once (paygw::Completion).
  virtual void get_device_paging_async(const GetDevicePagingRequest& request, Completion<DevicePage> done,
                                       const CallOptions& options) = 0;
  /// See Client::show_qr_code.
  virtual Result<Ack> show_qr_code(const ShowQrRequest& request, const CallOptions& options) = 0;
  /// See Client::show_qr_code.
  virtual std::future<Result<Ack>> show_qr_code_async(const ShowQrRequest& request, const CallOptions& options) = 0;
  /// See Client::show_qr_code; `done` is called exactly once (paygw::Completion).
  virtual void show_qr_code_async(const ShowQrRequest& request, Completion<Ack> done, const CallOptions& options) = 0;
  /// See Client::show_dynamic_qr_code.
  virtual Result<Ack> show_dynamic_qr_code(const ShowQrRequest& request, const CallOptions& options) = 0;
  /// See Client::show_dynamic_qr_code.
  virtual std::future<Result<Ack>> show_dynamic_qr_code_async(const ShowQrRequest& request,
                                                              const CallOptions& options) = 0;
  /// See Client::show_dynamic_qr_code; `done` is called exactly once (paygw::Completion).
  virtual void show_dynamic_qr_code_async(const ShowQrRequest& request, Completion<Ack> done,
                                          const CallOptions& options) = 0;
  /// See Client::show_static_qr_code.
  virtual Result<Ack> show_static_qr_code(const ShowQrRequest& request, const CallOptions& options) = 0;
  /// See Client::show_static_qr_code.
  virtual std::future<Result<Ack>> show_static_qr_code_async(const ShowQrRequest& request,
                                                             const CallOptions& options) = 0;
  /// See Client::show_static_qr_code; `done` is called exactly once (paygw::Completion).
  virtual void show_static_qr_code_async(const ShowQrRequest& request, Completion<Ack> done,
                                         const CallOptions& options) = 0;
  /// See Client::generate_and_show_dynamic_qr_code.
  virtual Result<DynamicQr> generate_and_show_dynamic_qr_code(const GenerateAndShowDynamicQrRequest& request,
                                                              const CallOptions& options) = 0;
  /// See Client::generate_and_show_dynamic_qr_code.
  virtual std::future<Result<DynamicQr>> generate_and_show_dynamic_qr_code_async(
      const GenerateAndShowDynamicQrRequest& request, const CallOptions& options) = 0;
  /// See Client::generate_and_show_dynamic_qr_code; `done` is called exactly once (paygw::Completion).
  virtual void generate_and_show_dynamic_qr_code_async(const GenerateAndShowDynamicQrRequest& request,
                                                       Completion<DynamicQr> done, const CallOptions& options) = 0;
  /// See Client::read_amount_link_to_merchant.
  virtual Result<Ack> read_amount_link_to_merchant(const ReadAmountRequest& request, const CallOptions& options) = 0;
  /// See Client::read_amount_link_to_merchant.
  virtual std::future<Result<Ack>> read_amount_link_to_merchant_async(const ReadAmountRequest& request,
                                                                      const CallOptions& options) = 0;
  /// See Client::read_amount_link_to_merchant; `done` is called exactly once (paygw::Completion).
  virtual void read_amount_link_to_merchant_async(const ReadAmountRequest& request, Completion<Ack> done,
                                                  const CallOptions& options) = 0;
  /// See Client::print_receipt.
  virtual Result<Ack> print_receipt(const PrintReceiptRequest& request, const CallOptions& options) = 0;
  /// See Client::print_receipt.
  virtual std::future<Result<Ack>> print_receipt_async(const PrintReceiptRequest& request,
                                                       const CallOptions& options) = 0;
  /// See Client::print_receipt; `done` is called exactly once (paygw::Completion).
  virtual void print_receipt_async(const PrintReceiptRequest& request, Completion<Ack> done,
                                   const CallOptions& options) = 0;
  /// See Client::reset_device.
  virtual Result<ResetResult> reset_device(const ResetDeviceRequest& request, const CallOptions& options) = 0;
  /// See Client::reset_device.
  virtual std::future<Result<ResetResult>> reset_device_async(const ResetDeviceRequest& request,
                                                              const CallOptions& options) = 0;
  /// See Client::reset_device; `done` is called exactly once (paygw::Completion).
  virtual void reset_device_async(const ResetDeviceRequest& request, Completion<ResetResult> done,
                                  const CallOptions& options) = 0;
  /// See Client::nfc_command.
  virtual Result<Ack> nfc_command(const NfcCommandRequest& request, const CallOptions& options) = 0;
  /// See Client::nfc_command.
  virtual std::future<Result<Ack>> nfc_command_async(const NfcCommandRequest& request, const CallOptions& options) = 0;
  /// See Client::nfc_command; `done` is called exactly once (paygw::Completion).
  virtual void nfc_command_async(const NfcCommandRequest& request, Completion<Ack> done,
                                 const CallOptions& options) = 0;
  /// See Client::reset_device_with_details.
  virtual Result<Ack> reset_device_with_details(const ResetDeviceWithDetailsRequest& request,
                                                const CallOptions& options) = 0;
  /// See Client::reset_device_with_details.
  virtual std::future<Result<Ack>> reset_device_with_details_async(const ResetDeviceWithDetailsRequest& request,
                                                                   const CallOptions& options) = 0;
  /// See Client::reset_device_with_details; `done` is called exactly once (paygw::Completion).
  virtual void reset_device_with_details_async(const ResetDeviceWithDetailsRequest& request, Completion<Ack> done,
                                               const CallOptions& options) = 0;
  /// See Client::generate_dynamic_qr.
  virtual Result<DynamicQrBill> generate_dynamic_qr(const GenerateDynamicQrRequest& request,
                                                    const CallOptions& options) = 0;
  /// See Client::generate_dynamic_qr.
  virtual std::future<Result<DynamicQrBill>> generate_dynamic_qr_async(const GenerateDynamicQrRequest& request,
                                                                       const CallOptions& options) = 0;
  /// See Client::generate_dynamic_qr; `done` is called exactly once (paygw::Completion).
  virtual void generate_dynamic_qr_async(const GenerateDynamicQrRequest& request, Completion<DynamicQrBill> done,
                                         const CallOptions& options) = 0;
  /// See Client::get_dynamic_qr_status.
  virtual Result<DynamicQrStatus> get_dynamic_qr_status(const GetDynamicQrStatusRequest& request,
                                                        const CallOptions& options) = 0;
  /// See Client::get_dynamic_qr_status.
  virtual std::future<Result<DynamicQrStatus>> get_dynamic_qr_status_async(const GetDynamicQrStatusRequest& request,
                                                                           const CallOptions& options) = 0;
  /// See Client::get_dynamic_qr_status; `done` is called exactly once (paygw::Completion).
  virtual void get_dynamic_qr_status_async(const GetDynamicQrStatusRequest& request, Completion<DynamicQrStatus> done,
                                           const CallOptions& options) = 0;
  /// See Client::delete_dynamic_qr.
  virtual Result<Ack> delete_dynamic_qr(const DeleteDynamicQrRequest& request, const CallOptions& options) = 0;
  /// See Client::delete_dynamic_qr.
  virtual std::future<Result<Ack>> delete_dynamic_qr_async(const DeleteDynamicQrRequest& request,
                                                           const CallOptions& options) = 0;
  /// See Client::delete_dynamic_qr; `done` is called exactly once (paygw::Completion).
  virtual void delete_dynamic_qr_async(const DeleteDynamicQrRequest& request, Completion<Ack> done,
                                       const CallOptions& options) = 0;
  /// See Client::get_transaction_paging.
  virtual Result<TransactionPage> get_transaction_paging(const GetTransactionPagingRequest& request,
                                                         const CallOptions& options) = 0;
  /// See Client::get_transaction_paging.
  virtual std::future<Result<TransactionPage>> get_transaction_paging_async(const GetTransactionPagingRequest& request,
                                                                            const CallOptions& options) = 0;
  /// See Client::get_transaction_paging; `done` is called exactly once (paygw::Completion).
  virtual void get_transaction_paging_async(const GetTransactionPagingRequest& request,
                                            Completion<TransactionPage> done, const CallOptions& options) = 0;
  /// See Client::get_banks.
  virtual Result<BankList> get_banks(const CallOptions& options) = 0;
  /// See Client::get_banks.
  virtual std::future<Result<BankList>> get_banks_async(const CallOptions& options) = 0;
  /// See Client::get_banks; `done` is called exactly once (paygw::Completion).
  virtual void get_banks_async(Completion<BankList> done, const CallOptions& options) = 0;
  /// See Client::get_einvoice_providers.
  virtual Result<EInvoiceProviders> get_einvoice_providers(const CallOptions& options) = 0;
  /// See Client::get_einvoice_providers.
  virtual std::future<Result<EInvoiceProviders>> get_einvoice_providers_async(const CallOptions& options) = 0;
  /// See Client::get_einvoice_providers; `done` is called exactly once (paygw::Completion).
  virtual void get_einvoice_providers_async(Completion<EInvoiceProviders> done, const CallOptions& options) = 0;
  /// See Client::create_va.
  virtual Result<CreateVaResult> create_va(const CreateVaRequest& request, const CallOptions& options) = 0;
  /// See Client::create_va.
  virtual std::future<Result<CreateVaResult>> create_va_async(const CreateVaRequest& request,
                                                              const CallOptions& options) = 0;
  /// See Client::create_va; `done` is called exactly once (paygw::Completion).
  virtual void create_va_async(const CreateVaRequest& request, Completion<CreateVaResult> done,
                               const CallOptions& options) = 0;
  /// See Client::create_va_advanced.
  virtual Result<CreateVaResult> create_va_advanced(const CreateVaAdvancedRequest& request,
                                                    const CallOptions& options) = 0;
  /// See Client::create_va_advanced.
  virtual std::future<Result<CreateVaResult>> create_va_advanced_async(const CreateVaAdvancedRequest& request,
                                                                       const CallOptions& options) = 0;
  /// See Client::create_va_advanced; `done` is called exactly once (paygw::Completion).
  virtual void create_va_advanced_async(const CreateVaAdvancedRequest& request, Completion<CreateVaResult> done,
                                        const CallOptions& options) = 0;
  /// See Client::confirm_va.
  virtual Result<ConfirmVaResult> confirm_va(const ConfirmVaRequest& request, const CallOptions& options) = 0;
  /// See Client::confirm_va.
  virtual std::future<Result<ConfirmVaResult>> confirm_va_async(const ConfirmVaRequest& request,
                                                                const CallOptions& options) = 0;
  /// See Client::confirm_va; `done` is called exactly once (paygw::Completion).
  virtual void confirm_va_async(const ConfirmVaRequest& request, Completion<ConfirmVaResult> done,
                                const CallOptions& options) = 0;
  /// See Client::delete_va.
  virtual Result<OtpSession> delete_va(const DeleteVaRequest& request, const CallOptions& options) = 0;
  /// See Client::delete_va.
  virtual std::future<Result<OtpSession>> delete_va_async(const DeleteVaRequest& request,
                                                          const CallOptions& options) = 0;
  /// See Client::delete_va; `done` is called exactly once (paygw::Completion).
  virtual void delete_va_async(const DeleteVaRequest& request, Completion<OtpSession> done,
                               const CallOptions& options) = 0;
  /// See Client::confirm_delete_va.
  virtual Result<Ack> confirm_delete_va(const ConfirmDeleteVaRequest& request, const CallOptions& options) = 0;
  /// See Client::confirm_delete_va.
  virtual std::future<Result<Ack>> confirm_delete_va_async(const ConfirmDeleteVaRequest& request,
                                                           const CallOptions& options) = 0;
  /// See Client::confirm_delete_va; `done` is called exactly once (paygw::Completion).
  virtual void confirm_delete_va_async(const ConfirmDeleteVaRequest& request, Completion<Ack> done,
                                       const CallOptions& options) = 0;
  /// See Client::get_va_paging.
  virtual Result<VaPage> get_va_paging(const GetVaPagingRequest& request, const CallOptions& options) = 0;
  /// See Client::get_va_paging.
  virtual std::future<Result<VaPage>> get_va_paging_async(const GetVaPagingRequest& request,
                                                          const CallOptions& options) = 0;
  /// See Client::get_va_paging; `done` is called exactly once (paygw::Completion).
  virtual void get_va_paging_async(const GetVaPagingRequest& request, Completion<VaPage> done,
                                   const CallOptions& options) = 0;
  /// See Client::register_notify.
  virtual Result<OtpSession> register_notify(const RegisterNotifyRequest& request, const CallOptions& options) = 0;
  /// See Client::register_notify.
  virtual std::future<Result<OtpSession>> register_notify_async(const RegisterNotifyRequest& request,
                                                                const CallOptions& options) = 0;
  /// See Client::register_notify; `done` is called exactly once (paygw::Completion).
  virtual void register_notify_async(const RegisterNotifyRequest& request, Completion<OtpSession> done,
                                     const CallOptions& options) = 0;
  /// See Client::confirm_register_notify.
  virtual Result<OtpSession> confirm_register_notify(const ConfirmRegisterNotifyRequest& request,
                                                     const CallOptions& options) = 0;
  /// See Client::confirm_register_notify.
  virtual std::future<Result<OtpSession>> confirm_register_notify_async(const ConfirmRegisterNotifyRequest& request,
                                                                        const CallOptions& options) = 0;
  /// See Client::confirm_register_notify; `done` is called exactly once (paygw::Completion).
  virtual void confirm_register_notify_async(const ConfirmRegisterNotifyRequest& request, Completion<OtpSession> done,
                                             const CallOptions& options) = 0;
  /// See Client::direct_debit_register.
  virtual Result<DirectDebitLink> direct_debit_register(const DirectDebitRegisterRequest& request,
                                                        const CallOptions& options) = 0;
  /// See Client::direct_debit_register.
  virtual std::future<Result<DirectDebitLink>> direct_debit_register_async(const DirectDebitRegisterRequest& request,
                                                                           const CallOptions& options) = 0;
  /// See Client::direct_debit_register; `done` is called exactly once (paygw::Completion).
  virtual void direct_debit_register_async(const DirectDebitRegisterRequest& request, Completion<DirectDebitLink> done,
                                           const CallOptions& options) = 0;
  /// See Client::direct_debit_payment_bill.
  virtual Result<PaymentBillResult> direct_debit_payment_bill(const DirectDebitPaymentBillRequest& request,
                                                              const CallOptions& options) = 0;
  /// See Client::direct_debit_payment_bill.
  virtual std::future<Result<PaymentBillResult>> direct_debit_payment_bill_async(
      const DirectDebitPaymentBillRequest& request, const CallOptions& options) = 0;
  /// See Client::direct_debit_payment_bill; `done` is called exactly once (paygw::Completion).
  virtual void direct_debit_payment_bill_async(const DirectDebitPaymentBillRequest& request,
                                               Completion<PaymentBillResult> done, const CallOptions& options) = 0;
  /// See Client::direct_debit_delete_subscription.
  virtual Result<DeleteSubscriptionResult> direct_debit_delete_subscription(
      const DirectDebitDeleteSubscriptionRequest& request, const CallOptions& options) = 0;
  /// See Client::direct_debit_delete_subscription.
  virtual std::future<Result<DeleteSubscriptionResult>> direct_debit_delete_subscription_async(
      const DirectDebitDeleteSubscriptionRequest& request, const CallOptions& options) = 0;
  /// See Client::direct_debit_delete_subscription; `done` is called exactly once (paygw::Completion).
  virtual void direct_debit_delete_subscription_async(const DirectDebitDeleteSubscriptionRequest& request,
                                                      Completion<DeleteSubscriptionResult> done,
                                                      const CallOptions& options) = 0;
  /// See Client::direct_debit_refund.
  virtual Result<RefundResult> direct_debit_refund(const DirectDebitRefundRequest& request,
                                                   const CallOptions& options) = 0;
  /// See Client::direct_debit_refund.
  virtual std::future<Result<RefundResult>> direct_debit_refund_async(const DirectDebitRefundRequest& request,
                                                                      const CallOptions& options) = 0;
  /// See Client::direct_debit_refund; `done` is called exactly once (paygw::Completion).
  virtual void direct_debit_refund_async(const DirectDebitRefundRequest& request, Completion<RefundResult> done,
                                         const CallOptions& options) = 0;
  /// See Client::direct_debit_edit_confirm_payment_method.
  virtual Result<DirectDebitLink> direct_debit_edit_confirm_payment_method(
      const DirectDebitEditConfirmPaymentMethodRequest& request, const CallOptions& options) = 0;
  /// See Client::direct_debit_edit_confirm_payment_method.
  virtual std::future<Result<DirectDebitLink>> direct_debit_edit_confirm_payment_method_async(
      const DirectDebitEditConfirmPaymentMethodRequest& request, const CallOptions& options) = 0;
  /// See Client::direct_debit_edit_confirm_payment_method; `done` is called exactly once (paygw::Completion).
  virtual void direct_debit_edit_confirm_payment_method_async(const DirectDebitEditConfirmPaymentMethodRequest& request,
                                                              Completion<DirectDebitLink> done,
                                                              const CallOptions& options) = 0;
  /// See Client::direct_debit_get_subscription_status.
  virtual Result<SubscriptionStatus> direct_debit_get_subscription_status(
      const DirectDebitSubscriptionStatusRequest& request, const CallOptions& options) = 0;
  /// See Client::direct_debit_get_subscription_status.
  virtual std::future<Result<SubscriptionStatus>> direct_debit_get_subscription_status_async(
      const DirectDebitSubscriptionStatusRequest& request, const CallOptions& options) = 0;
  /// See Client::direct_debit_get_subscription_status; `done` is called exactly once (paygw::Completion).
  virtual void direct_debit_get_subscription_status_async(const DirectDebitSubscriptionStatusRequest& request,
                                                          Completion<SubscriptionStatus> done,
                                                          const CallOptions& options) = 0;
  /// See Client::direct_debit_get_transaction_status.
  virtual Result<DirectDebitTransactionStatus> direct_debit_get_transaction_status(
      const DirectDebitTransactionStatusRequest& request, const CallOptions& options) = 0;
  /// See Client::direct_debit_get_transaction_status.
  virtual std::future<Result<DirectDebitTransactionStatus>> direct_debit_get_transaction_status_async(
      const DirectDebitTransactionStatusRequest& request, const CallOptions& options) = 0;
  /// See Client::direct_debit_get_transaction_status; `done` is called exactly once (paygw::Completion).
  virtual void direct_debit_get_transaction_status_async(const DirectDebitTransactionStatusRequest& request,
                                                         Completion<DirectDebitTransactionStatus> done,
                                                         const CallOptions& options) = 0;
  /// See Client::direct_debit_get_paging_transactions.
  virtual Result<DirectDebitTransactionPage> direct_debit_get_paging_transactions(
      const DirectDebitTransactionPagingRequest& request, const CallOptions& options) = 0;
  /// See Client::direct_debit_get_paging_transactions.
  virtual std::future<Result<DirectDebitTransactionPage>> direct_debit_get_paging_transactions_async(
      const DirectDebitTransactionPagingRequest& request, const CallOptions& options) = 0;
  /// See Client::direct_debit_get_paging_transactions; `done` is called exactly once (paygw::Completion).
  virtual void direct_debit_get_paging_transactions_async(const DirectDebitTransactionPagingRequest& request,
                                                          Completion<DirectDebitTransactionPage> done,
                                                          const CallOptions& options) = 0;
  /// See Client::generate_viet_qr.
  virtual Result<VietQr> generate_viet_qr(const GenerateVietQrRequest& request, const CallOptions& options) = 0;
  /// See Client::generate_viet_qr.
  virtual std::future<Result<VietQr>> generate_viet_qr_async(const GenerateVietQrRequest& request,
                                                             const CallOptions& options) = 0;
  /// See Client::generate_viet_qr; `done` is called exactly once (paygw::Completion).
  virtual void generate_viet_qr_async(const GenerateVietQrRequest& request, Completion<VietQr> done,
                                      const CallOptions& options) = 0;
  /// See Client::get_account_number_info_by_qr_code.
  virtual Result<QrAccountInfoPage> get_account_number_info_by_qr_code(
      const GetAccountNumberInfoByQrCodeRequest& request, const CallOptions& options) = 0;
  /// See Client::get_account_number_info_by_qr_code.
  virtual std::future<Result<QrAccountInfoPage>> get_account_number_info_by_qr_code_async(
      const GetAccountNumberInfoByQrCodeRequest& request, const CallOptions& options) = 0;
  /// See Client::get_account_number_info_by_qr_code; `done` is called exactly once (paygw::Completion).
  virtual void get_account_number_info_by_qr_code_async(const GetAccountNumberInfoByQrCodeRequest& request,
                                                        Completion<QrAccountInfoPage> done,
                                                        const CallOptions& options) = 0;
  /// See Client::generate_deep_link.
  virtual Result<DeepLink> generate_deep_link(const GenerateDeepLinkRequest& request, const CallOptions& options) = 0;
  /// See Client::generate_deep_link.
  virtual std::future<Result<DeepLink>> generate_deep_link_async(const GenerateDeepLinkRequest& request,
                                                                 const CallOptions& options) = 0;
  /// See Client::generate_deep_link; `done` is called exactly once (paygw::Completion).
  virtual void generate_deep_link_async(const GenerateDeepLinkRequest& request, Completion<DeepLink> done,
                                        const CallOptions& options) = 0;
  /// See Client::generate_deep_link_bidv_test.
  virtual Result<DeepLink> generate_deep_link_bidv_test(const GenerateDeepLinkBidvTestRequest& request,
                                                        const CallOptions& options) = 0;
  /// See Client::generate_deep_link_bidv_test.
  virtual std::future<Result<DeepLink>> generate_deep_link_bidv_test_async(
      const GenerateDeepLinkBidvTestRequest& request, const CallOptions& options) = 0;
  /// See Client::generate_deep_link_bidv_test; `done` is called exactly once (paygw::Completion).
  virtual void generate_deep_link_bidv_test_async(const GenerateDeepLinkBidvTestRequest& request,
                                                  Completion<DeepLink> done, const CallOptions& options) = 0;
  /// See Client::create_bank_link_session.
  virtual Result<BankLinkSession> create_bank_link_session(const CreateBankLinkSessionRequest& request,
                                                           const CallOptions& options) = 0;
  /// See Client::create_bank_link_session.
  virtual std::future<Result<BankLinkSession>> create_bank_link_session_async(
      const CreateBankLinkSessionRequest& request, const CallOptions& options) = 0;
  /// See Client::create_bank_link_session; `done` is called exactly once (paygw::Completion).
  virtual void create_bank_link_session_async(const CreateBankLinkSessionRequest& request,
                                              Completion<BankLinkSession> done, const CallOptions& options) = 0;
  /// See Client::read_amount.
  virtual Result<Ack> read_amount(const DeviceReadAmountRequest& request, const CallOptions& options) = 0;
  /// See Client::read_amount.
  virtual std::future<Result<Ack>> read_amount_async(const DeviceReadAmountRequest& request,
                                                     const CallOptions& options) = 0;
  /// See Client::read_amount; `done` is called exactly once (paygw::Completion).
  virtual void read_amount_async(const DeviceReadAmountRequest& request, Completion<Ack> done,
                                 const CallOptions& options) = 0;
  /// See Client::shop_create_or_update.
  virtual Result<ShopSaved> shop_create_or_update(const CreateOrUpdateShopRequest& request,
                                                  const CallOptions& options) = 0;
  /// See Client::shop_create_or_update.
  virtual std::future<Result<ShopSaved>> shop_create_or_update_async(const CreateOrUpdateShopRequest& request,
                                                                     const CallOptions& options) = 0;
  /// See Client::shop_create_or_update; `done` is called exactly once (paygw::Completion).
  virtual void shop_create_or_update_async(const CreateOrUpdateShopRequest& request, Completion<ShopSaved> done,
                                           const CallOptions& options) = 0;
  /// See Client::shop_get_paging.
  virtual Result<ShopPage> shop_get_paging(const GetShopPagingRequest& request, const CallOptions& options) = 0;
  /// See Client::shop_get_paging.
  virtual std::future<Result<ShopPage>> shop_get_paging_async(const GetShopPagingRequest& request,
                                                              const CallOptions& options) = 0;
  /// See Client::shop_get_paging; `done` is called exactly once (paygw::Completion).
  virtual void shop_get_paging_async(const GetShopPagingRequest& request, Completion<ShopPage> done,
                                     const CallOptions& options) = 0;
  /// See Client::merchant_create.
  virtual Result<MerchantCreated> merchant_create(const MerchantCreateRequest& request, const CallOptions& options) = 0;
  /// See Client::merchant_create.
  virtual std::future<Result<MerchantCreated>> merchant_create_async(const MerchantCreateRequest& request,
                                                                     const CallOptions& options) = 0;
  /// See Client::merchant_create; `done` is called exactly once (paygw::Completion).
  virtual void merchant_create_async(const MerchantCreateRequest& request, Completion<MerchantCreated> done,
                                     const CallOptions& options) = 0;
  /// See Client::merchant_get_paging.
  virtual Result<MerchantPage> merchant_get_paging(const MerchantGetPagingRequest& request,
                                                   const CallOptions& options) = 0;
  /// See Client::merchant_get_paging.
  virtual std::future<Result<MerchantPage>> merchant_get_paging_async(const MerchantGetPagingRequest& request,
                                                                      const CallOptions& options) = 0;
  /// See Client::merchant_get_paging; `done` is called exactly once (paygw::Completion).
  virtual void merchant_get_paging_async(const MerchantGetPagingRequest& request, Completion<MerchantPage> done,
                                         const CallOptions& options) = 0;
  /// See Client::merchant_delete.
  virtual Result<Ack> merchant_delete(const MerchantDeleteRequest& request, const CallOptions& options) = 0;
  /// See Client::merchant_delete.
  virtual std::future<Result<Ack>> merchant_delete_async(const MerchantDeleteRequest& request,
                                                         const CallOptions& options) = 0;
  /// See Client::merchant_delete; `done` is called exactly once (paygw::Completion).
  virtual void merchant_delete_async(const MerchantDeleteRequest& request, Completion<Ack> done,
                                     const CallOptions& options) = 0;
  /// See Client::merchant_get_paging_config.
  virtual Result<MerchantBankConfigPage> merchant_get_paging_config(const MerchantGetPagingConfigRequest& request,
                                                                    const CallOptions& options) = 0;
  /// See Client::merchant_get_paging_config.
  virtual std::future<Result<MerchantBankConfigPage>> merchant_get_paging_config_async(
      const MerchantGetPagingConfigRequest& request, const CallOptions& options) = 0;
  /// See Client::merchant_get_paging_config; `done` is called exactly once (paygw::Completion).
  virtual void merchant_get_paging_config_async(const MerchantGetPagingConfigRequest& request,
                                                Completion<MerchantBankConfigPage> done,
                                                const CallOptions& options) = 0;
  /// See Client::merchant_create_or_update_config.
  virtual Result<ConfigId> merchant_create_or_update_config(const MerchantCreateOrUpdateConfigRequest& request,
                                                            const CallOptions& options) = 0;
  /// See Client::merchant_create_or_update_config.
  virtual std::future<Result<ConfigId>> merchant_create_or_update_config_async(
      const MerchantCreateOrUpdateConfigRequest& request, const CallOptions& options) = 0;
  /// See Client::merchant_create_or_update_config; `done` is called exactly once (paygw::Completion).
  virtual void merchant_create_or_update_config_async(const MerchantCreateOrUpdateConfigRequest& request,
                                                      Completion<ConfigId> done, const CallOptions& options) = 0;
  /// See Client::merchant_delete_config.
  virtual Result<ConfigId> merchant_delete_config(const MerchantDeleteConfigRequest& request,
                                                  const CallOptions& options) = 0;
  /// See Client::merchant_delete_config.
  virtual std::future<Result<ConfigId>> merchant_delete_config_async(const MerchantDeleteConfigRequest& request,
                                                                     const CallOptions& options) = 0;
  /// See Client::merchant_delete_config; `done` is called exactly once (paygw::Completion).
  virtual void merchant_delete_config_async(const MerchantDeleteConfigRequest& request, Completion<ConfigId> done,
                                            const CallOptions& options) = 0;
  /// See Client::merchant_config_account_business.
  virtual Result<OtpSession> merchant_config_account_business(const MerchantConfigAccountBusinessRequest& request,
                                                              const CallOptions& options) = 0;
  /// See Client::merchant_config_account_business.
  virtual std::future<Result<OtpSession>> merchant_config_account_business_async(
      const MerchantConfigAccountBusinessRequest& request, const CallOptions& options) = 0;
  /// See Client::merchant_config_account_business; `done` is called exactly once (paygw::Completion).
  virtual void merchant_config_account_business_async(const MerchantConfigAccountBusinessRequest& request,
                                                      Completion<OtpSession> done, const CallOptions& options) = 0;
  /// See Client::merchant_delete_config_account_business.
  virtual Result<OtpSession> merchant_delete_config_account_business(
      const MerchantDeleteConfigAccountBusinessRequest& request, const CallOptions& options) = 0;
  /// See Client::merchant_delete_config_account_business.
  virtual std::future<Result<OtpSession>> merchant_delete_config_account_business_async(
      const MerchantDeleteConfigAccountBusinessRequest& request, const CallOptions& options) = 0;
  /// See Client::merchant_delete_config_account_business; `done` is called exactly once (paygw::Completion).
  virtual void merchant_delete_config_account_business_async(const MerchantDeleteConfigAccountBusinessRequest& request,
                                                             Completion<OtpSession> done,
                                                             const CallOptions& options) = 0;
  /// See Client::e_invoice_get_paging_account.
  virtual Result<EInvoiceAccountPage> e_invoice_get_paging_account(const EInvoiceGetPagingAccountRequest& request,
                                                                   const CallOptions& options) = 0;
  /// See Client::e_invoice_get_paging_account.
  virtual std::future<Result<EInvoiceAccountPage>> e_invoice_get_paging_account_async(
      const EInvoiceGetPagingAccountRequest& request, const CallOptions& options) = 0;
  /// See Client::e_invoice_get_paging_account; `done` is called exactly once (paygw::Completion).
  virtual void e_invoice_get_paging_account_async(const EInvoiceGetPagingAccountRequest& request,
                                                  Completion<EInvoiceAccountPage> done, const CallOptions& options) = 0;
  /// See Client::e_invoice_create_or_update_account.
  virtual Result<EInvoiceAccountId> e_invoice_create_or_update_account(
      const EInvoiceCreateOrUpdateAccountRequest& request, const CallOptions& options) = 0;
  /// See Client::e_invoice_create_or_update_account.
  virtual std::future<Result<EInvoiceAccountId>> e_invoice_create_or_update_account_async(
      const EInvoiceCreateOrUpdateAccountRequest& request, const CallOptions& options) = 0;
  /// See Client::e_invoice_create_or_update_account; `done` is called exactly once (paygw::Completion).
  virtual void e_invoice_create_or_update_account_async(const EInvoiceCreateOrUpdateAccountRequest& request,
                                                        Completion<EInvoiceAccountId> done,
                                                        const CallOptions& options) = 0;
  /// See Client::e_invoice_delete_account.
  virtual Result<Ack> e_invoice_delete_account(const EInvoiceDeleteAccountRequest& request,
                                               const CallOptions& options) = 0;
  /// See Client::e_invoice_delete_account.
  virtual std::future<Result<Ack>> e_invoice_delete_account_async(const EInvoiceDeleteAccountRequest& request,
                                                                  const CallOptions& options) = 0;
  /// See Client::e_invoice_delete_account; `done` is called exactly once (paygw::Completion).
  virtual void e_invoice_delete_account_async(const EInvoiceDeleteAccountRequest& request, Completion<Ack> done,
                                              const CallOptions& options) = 0;
  /// See Client::e_invoice_create.
  virtual Result<InvoiceFile> e_invoice_create(const EInvoiceCreateRequest& request, const CallOptions& options) = 0;
  /// See Client::e_invoice_create.
  virtual std::future<Result<InvoiceFile>> e_invoice_create_async(const EInvoiceCreateRequest& request,
                                                                  const CallOptions& options) = 0;
  /// See Client::e_invoice_create; `done` is called exactly once (paygw::Completion).
  virtual void e_invoice_create_async(const EInvoiceCreateRequest& request, Completion<InvoiceFile> done,
                                      const CallOptions& options) = 0;
  /// See Client::e_invoice_create_and_issue.
  virtual Result<InvoiceTracking> e_invoice_create_and_issue(const EInvoiceCreateAndIssueRequest& request,
                                                             const CallOptions& options) = 0;
  /// See Client::e_invoice_create_and_issue.
  virtual std::future<Result<InvoiceTracking>> e_invoice_create_and_issue_async(
      const EInvoiceCreateAndIssueRequest& request, const CallOptions& options) = 0;
  /// See Client::e_invoice_create_and_issue; `done` is called exactly once (paygw::Completion).
  virtual void e_invoice_create_and_issue_async(const EInvoiceCreateAndIssueRequest& request,
                                                Completion<InvoiceTracking> done, const CallOptions& options) = 0;
  /// See Client::e_invoice_get_invoice_info.
  virtual Result<InvoiceTracking> e_invoice_get_invoice_info(const EInvoiceGetInvoiceInfoRequest& request,
                                                             const CallOptions& options) = 0;
  /// See Client::e_invoice_get_invoice_info.
  virtual std::future<Result<InvoiceTracking>> e_invoice_get_invoice_info_async(
      const EInvoiceGetInvoiceInfoRequest& request, const CallOptions& options) = 0;
  /// See Client::e_invoice_get_invoice_info; `done` is called exactly once (paygw::Completion).
  virtual void e_invoice_get_invoice_info_async(const EInvoiceGetInvoiceInfoRequest& request,
                                                Completion<InvoiceTracking> done, const CallOptions& options) = 0;
  /// See Client::e_invoice_download.
  virtual Result<InvoiceFile> e_invoice_download(const EInvoiceDownloadRequest& request,
                                                 const CallOptions& options) = 0;
  /// See Client::e_invoice_download.
  virtual std::future<Result<InvoiceFile>> e_invoice_download_async(const EInvoiceDownloadRequest& request,
                                                                    const CallOptions& options) = 0;
  /// See Client::e_invoice_download; `done` is called exactly once (paygw::Completion).
  virtual void e_invoice_download_async(const EInvoiceDownloadRequest& request, Completion<InvoiceFile> done,
                                        const CallOptions& options) = 0;
  /// See Client::e_invoice_invoice_templates.
  virtual Result<InvoiceTemplate> e_invoice_invoice_templates(const EInvoiceInvoiceTemplatesRequest& request,
                                                              const CallOptions& options) = 0;
  /// See Client::e_invoice_invoice_templates.
  virtual std::future<Result<InvoiceTemplate>> e_invoice_invoice_templates_async(
      const EInvoiceInvoiceTemplatesRequest& request, const CallOptions& options) = 0;
  /// See Client::e_invoice_invoice_templates; `done` is called exactly once (paygw::Completion).
  virtual void e_invoice_invoice_templates_async(const EInvoiceInvoiceTemplatesRequest& request,
                                                 Completion<InvoiceTemplate> done, const CallOptions& options) = 0;
  /// See Client::e_invoice_send_email.
  virtual Result<Ack> e_invoice_send_email(const EInvoiceSendEmailRequest& request, const CallOptions& options) = 0;
  /// See Client::e_invoice_send_email.
  virtual std::future<Result<Ack>> e_invoice_send_email_async(const EInvoiceSendEmailRequest& request,
                                                              const CallOptions& options) = 0;
  /// See Client::e_invoice_send_email; `done` is called exactly once (paygw::Completion).
  virtual void e_invoice_send_email_async(const EInvoiceSendEmailRequest& request, Completion<Ack> done,
                                          const CallOptions& options) = 0;
  // END generated
};

}  // namespace paygw::tingee
