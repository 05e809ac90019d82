// SPDX-License-Identifier: MIT
// The real Tingee connection: each call is one endpoint row run through the shared pipeline.
#include "call/call.hpp"
#include "call/config_check.hpp"
#include "call/pipeline.hpp"
#include "crypto/crypto.hpp"
#include "http/util.hpp"
#include "tingee/codec.hpp"
#include "tingee/endpoints.hpp"
#include "tingee/signing.hpp"

#include <memory>
#include <string_view>

namespace paygw::tingee {
namespace detail {
namespace {

namespace core = paygw::detail;

// Tingee's "Thao tác quá nhanh" (code 1001, any HTTP status): its rate-limit answer (ADR 0055).
bool rate_limited_answer(const http::Response& response) {
  if (response.body.find("1001") == std::string_view::npos) return false;  // the common case, unparsed
  auto envelope = parse_envelope(response);
  return !envelope && is_rate_limited(envelope.error());
}

class RealConnection final : public Connection, public std::enable_shared_from_this<RealConnection> {
 private:
  // One endpoint row through the pipeline: blocking, a future or a Completion (the connection stays
  // alive until done). The overrides below are generated from tingee/endpoints.rows.
  template <typename E, typename Req>
  auto call(const E& ep, const Req& r, const CallOptions& o) const {
    return core::call(pipeline_, protocol_, ep, r, o);
  }
  template <typename E, typename Req>
  auto call_async(const E& ep, const Req& r, const CallOptions& o) const {
    return core::call_future(shared_from_this(), pipeline_, protocol_, ep, r, o);
  }
  template <typename E, typename Req>
  void call_back(const E& ep, const Req& r, const CallOptions& o, Completion<typename E::Response> done) const {
    core::call_back(shared_from_this(), pipeline_, protocol_, ep, r, o, std::move(done));
  }

 public:
  // The chain is built before the connection: nothing here hands out `this` or a member.
  RealConnection(Config config, std::string base_url, core::Chain chain)
      : pipeline_(static_cast<const ClientOptions&>(config), "tingee", std::move(chain), rate_limited_answer),
        protocol_(std::move(config), std::move(base_url)) {}

  // BEGIN generated from src/tingee/endpoints.rows by tools/codegen; do not edit
  Result<Ack> read_security_code(const ReadSecurityCodeRequest& request, const CallOptions& options) override {
    return call(kReadSecurityCode, request, options);
  }
  std::future<Result<Ack>> read_security_code_async(const ReadSecurityCodeRequest& request,
                                                    const CallOptions& options) override {
    return call_async(kReadSecurityCode, request, options);
  }
  void read_security_code_async(const ReadSecurityCodeRequest& request, Completion<Ack> done,
                                const CallOptions& options) override {
    call_back(kReadSecurityCode, request, options, std::move(done));
  }
  Result<DeviceRefs> add_device_to_shop(const AddDeviceToShopRequest& request, const CallOptions& options) override {
    return call(kAddDeviceToShop, request, options);
  }
  std::future<Result<DeviceRefs>> add_device_to_shop_async(const AddDeviceToShopRequest& request,
                                                           const CallOptions& options) override {
    return call_async(kAddDeviceToShop, request, options);
  }
  void add_device_to_shop_async(const AddDeviceToShopRequest& request, Completion<DeviceRefs> done,
                                const CallOptions& options) override {
    call_back(kAddDeviceToShop, request, options, std::move(done));
  }
  Result<Ack> update_shop_device_link_status(const UpdateShopDeviceLinkStatusRequest& request,
                                             const CallOptions& options) override {
    return call(kUpdateShopDeviceLinkStatus, request, options);
  }
  std::future<Result<Ack>> update_shop_device_link_status_async(const UpdateShopDeviceLinkStatusRequest& request,
                                                                const CallOptions& options) override {
    return call_async(kUpdateShopDeviceLinkStatus, request, options);
  }
  void update_shop_device_link_status_async(const UpdateShopDeviceLinkStatusRequest& request, Completion<Ack> done,
                                            const CallOptions& options) override {
    call_back(kUpdateShopDeviceLinkStatus, request, options, std::move(done));
  }
  Result<DeviceRefs> get_devices_link_to_shop_or_va(const GetDevicesLinkToShopOrVaRequest& request,
                                                    const CallOptions& options) override {
    return call(kGetDevicesLinkToShopOrVa, request, options);
  }
  std::future<Result<DeviceRefs>> get_devices_link_to_shop_or_va_async(const GetDevicesLinkToShopOrVaRequest& request,
                                                                       const CallOptions& options) override {
    return call_async(kGetDevicesLinkToShopOrVa, request, options);
  }
  void get_devices_link_to_shop_or_va_async(const GetDevicesLinkToShopOrVaRequest& request, Completion<DeviceRefs> done,
                                            const CallOptions& options) override {
    call_back(kGetDevicesLinkToShopOrVa, request, options, std::move(done));
  }
  Result<DevicePage> get_device_paging(const GetDevicePagingRequest& request, const CallOptions& options) override {
    return call(kGetDevicePaging, request, options);
  }
  std::future<Result<DevicePage>> get_device_paging_async(const GetDevicePagingRequest& request,
                                                          const CallOptions& options) override {
    return call_async(kGetDevicePaging, request, options);
  }
  void get_device_paging_async(const GetDevicePagingRequest& request, Completion<DevicePage> done,
                               const CallOptions& options) override {
    call_back(kGetDevicePaging, request, options, std::move(done));
  }
  Result<Ack> show_qr_code(const ShowQrRequest& request, const CallOptions& options) override {
    return call(kShowQrCode, request, options);
  }
  std::future<Result<Ack>> show_qr_code_async(const ShowQrRequest& request, const CallOptions& options) override {
    return call_async(kShowQrCode, request, options);
  }
  void show_qr_code_async(const ShowQrRequest& request, Completion<Ack> done, const CallOptions& options) override {
    call_back(kShowQrCode, request, options, std::move(done));
  }
  Result<Ack> show_dynamic_qr_code(const ShowQrRequest& request, const CallOptions& options) override {
    return call(kShowDynamicQrCode, request, options);
  }
  std::future<Result<Ack>> show_dynamic_qr_code_async(const ShowQrRequest& request,
                                                      const CallOptions& options) override {
    return call_async(kShowDynamicQrCode, request, options);
  }
  void show_dynamic_qr_code_async(const ShowQrRequest& request, Completion<Ack> done,
                                  const CallOptions& options) override {
    call_back(kShowDynamicQrCode, request, options, std::move(done));
  }
  Result<Ack> show_static_qr_code(const ShowQrRequest& request, const CallOptions& options) override {
    return call(kShowStaticQrCode, request, options);
  }
  std::future<Result<Ack>> show_static_qr_code_async(const ShowQrRequest& request,
                                                     const CallOptions& options) override {
    return call_async(kShowStaticQrCode, request, options);
  }
  void show_static_qr_code_async(const ShowQrRequest& request, Completion<Ack> done,
                                 const CallOptions& options) override {
    call_back(kShowStaticQrCode, request, options, std::move(done));
  }
  Result<DynamicQr> generate_and_show_dynamic_qr_code(const GenerateAndShowDynamicQrRequest& request,
                                                      const CallOptions& options) override {
    return call(kGenerateAndShowDynamicQrCode, request, options);
  }
  std::future<Result<DynamicQr>> generate_and_show_dynamic_qr_code_async(const GenerateAndShowDynamicQrRequest& request,
                                                                         const CallOptions& options) override {
    return call_async(kGenerateAndShowDynamicQrCode, request, options);
  }
  void generate_and_show_dynamic_qr_code_async(const GenerateAndShowDynamicQrRequest& request,
                                               Completion<DynamicQr> done, const CallOptions& options) override {
    call_back(kGenerateAndShowDynamicQrCode, request, options, std::move(done));
  }
  Result<Ack> read_amount_link_to_merchant(const ReadAmountRequest& request, const CallOptions& options) override {
    return call(kReadAmountLinkToMerchant, request, options);
  }
  std::future<Result<Ack>> read_amount_link_to_merchant_async(const ReadAmountRequest& request,
                                                              const CallOptions& options) override {
    return call_async(kReadAmountLinkToMerchant, request, options);
  }
  void read_amount_link_to_merchant_async(const ReadAmountRequest& request, Completion<Ack> done,
                                          const CallOptions& options) override {
    call_back(kReadAmountLinkToMerchant, request, options, std::move(done));
  }
  Result<Ack> print_receipt(const PrintReceiptRequest& request, const CallOptions& options) override {
    return call(kPrintReceipt, request, options);
  }
  std::future<Result<Ack>> print_receipt_async(const PrintReceiptRequest& request,
                                               const CallOptions& options) override {
    return call_async(kPrintReceipt, request, options);
  }
  void print_receipt_async(const PrintReceiptRequest& request, Completion<Ack> done,
                           const CallOptions& options) override {
    call_back(kPrintReceipt, request, options, std::move(done));
  }
  Result<ResetResult> reset_device(const ResetDeviceRequest& request, const CallOptions& options) override {
    return call(kResetDevice, request, options);
  }
  std::future<Result<ResetResult>> reset_device_async(const ResetDeviceRequest& request,
                                                      const CallOptions& options) override {
    return call_async(kResetDevice, request, options);
  }
  void reset_device_async(const ResetDeviceRequest& request, Completion<ResetResult> done,
                          const CallOptions& options) override {
    call_back(kResetDevice, request, options, std::move(done));
  }
  Result<Ack> nfc_command(const NfcCommandRequest& request, const CallOptions& options) override {
    return call(kNfcCommand, request, options);
  }
  std::future<Result<Ack>> nfc_command_async(const NfcCommandRequest& request, const CallOptions& options) override {
    return call_async(kNfcCommand, request, options);
  }
  void nfc_command_async(const NfcCommandRequest& request, Completion<Ack> done, const CallOptions& options) override {
    call_back(kNfcCommand, request, options, std::move(done));
  }
  Result<Ack> reset_device_with_details(const ResetDeviceWithDetailsRequest& request,
                                        const CallOptions& options) override {
    return call(kResetDeviceWithDetails, request, options);
  }
  std::future<Result<Ack>> reset_device_with_details_async(const ResetDeviceWithDetailsRequest& request,
                                                           const CallOptions& options) override {
    return call_async(kResetDeviceWithDetails, request, options);
  }
  void reset_device_with_details_async(const ResetDeviceWithDetailsRequest& request, Completion<Ack> done,
                                       const CallOptions& options) override {
    call_back(kResetDeviceWithDetails, request, options, std::move(done));
  }
  Result<DynamicQrBill> generate_dynamic_qr(const GenerateDynamicQrRequest& request,
                                            const CallOptions& options) override {
    return call(kGenerateDynamicQr, request, options);
  }
  std::future<Result<DynamicQrBill>> generate_dynamic_qr_async(const GenerateDynamicQrRequest& request,
                                                               const CallOptions& options) override {
    return call_async(kGenerateDynamicQr, request, options);
  }
  void generate_dynamic_qr_async(const GenerateDynamicQrRequest& request, Completion<DynamicQrBill> done,
                                 const CallOptions& options) override {
    call_back(kGenerateDynamicQr, request, options, std::move(done));
  }
  Result<DynamicQrStatus> get_dynamic_qr_status(const GetDynamicQrStatusRequest& request,
                                                const CallOptions& options) override {
    return call(kGetDynamicQrStatus, request, options);
  }
  std::future<Result<DynamicQrStatus>> get_dynamic_qr_status_async(const GetDynamicQrStatusRequest& request,
                                                                   const CallOptions& options) override {
    return call_async(kGetDynamicQrStatus, request, options);
  }
  void get_dynamic_qr_status_async(const GetDynamicQrStatusRequest& request, Completion<DynamicQrStatus> done,
                                   const CallOptions& options) override {
    call_back(kGetDynamicQrStatus, request, options, std::move(done));
  }
  Result<Ack> delete_dynamic_qr(const DeleteDynamicQrRequest& request, const CallOptions& options) override {
    return call(kDeleteDynamicQr, request, options);
  }
  std::future<Result<Ack>> delete_dynamic_qr_async(const DeleteDynamicQrRequest& request,
                                                   const CallOptions& options) override {
    return call_async(kDeleteDynamicQr, request, options);
  }
  void delete_dynamic_qr_async(const DeleteDynamicQrRequest& request, Completion<Ack> done,
                               const CallOptions& options) override {
    call_back(kDeleteDynamicQr, request, options, std::move(done));
  }
  Result<TransactionPage> get_transaction_paging(const GetTransactionPagingRequest& request,
                                                 const CallOptions& options) override {
    return call(kGetTransactionPaging, request, options);
  }
  std::future<Result<TransactionPage>> get_transaction_paging_async(const GetTransactionPagingRequest& request,
                                                                    const CallOptions& options) override {
    return call_async(kGetTransactionPaging, request, options);
  }
  void get_transaction_paging_async(const GetTransactionPagingRequest& request, Completion<TransactionPage> done,
                                    const CallOptions& options) override {
    call_back(kGetTransactionPaging, request, options, std::move(done));
  }
  Result<BankList> get_banks(const CallOptions& options) override { return call(kGetBanks, NoRequest{}, options); }
  std::future<Result<BankList>> get_banks_async(const CallOptions& options) override {
    return call_async(kGetBanks, NoRequest{}, options);
  }
  void get_banks_async(Completion<BankList> done, const CallOptions& options) override {
    call_back(kGetBanks, NoRequest{}, options, std::move(done));
  }
  Result<EInvoiceProviders> get_einvoice_providers(const CallOptions& options) override {
    return call(kGetEinvoiceProviders, NoRequest{}, options);
  }
  std::future<Result<EInvoiceProviders>> get_einvoice_providers_async(const CallOptions& options) override {
    return call_async(kGetEinvoiceProviders, NoRequest{}, options);
  }
  void get_einvoice_providers_async(Completion<EInvoiceProviders> done, const CallOptions& options) override {
    call_back(kGetEinvoiceProviders, NoRequest{}, options, std::move(done));
  }
  Result<CreateVaResult> create_va(const CreateVaRequest& request, const CallOptions& options) override {
    return call(kCreateVa, request, options);
  }
  std::future<Result<CreateVaResult>> create_va_async(const CreateVaRequest& request,
                                                      const CallOptions& options) override {
    return call_async(kCreateVa, request, options);
  }
  void create_va_async(const CreateVaRequest& request, Completion<CreateVaResult> done,
                       const CallOptions& options) override {
    call_back(kCreateVa, request, options, std::move(done));
  }
  Result<CreateVaResult> create_va_advanced(const CreateVaAdvancedRequest& request,
                                            const CallOptions& options) override {
    return call(kCreateVaAdvanced, request, options);
  }
  std::future<Result<CreateVaResult>> create_va_advanced_async(const CreateVaAdvancedRequest& request,
                                                               const CallOptions& options) override {
    return call_async(kCreateVaAdvanced, request, options);
  }
  void create_va_advanced_async(const CreateVaAdvancedRequest& request, Completion<CreateVaResult> done,
                                const CallOptions& options) override {
    call_back(kCreateVaAdvanced, request, options, std::move(done));
  }
  Result<ConfirmVaResult> confirm_va(const ConfirmVaRequest& request, const CallOptions& options) override {
    return call(kConfirmVa, request, options);
  }
  std::future<Result<ConfirmVaResult>> confirm_va_async(const ConfirmVaRequest& request,
                                                        const CallOptions& options) override {
    return call_async(kConfirmVa, request, options);
  }
  void confirm_va_async(const ConfirmVaRequest& request, Completion<ConfirmVaResult> done,
                        const CallOptions& options) override {
    call_back(kConfirmVa, request, options, std::move(done));
  }
  Result<OtpSession> delete_va(const DeleteVaRequest& request, const CallOptions& options) override {
    return call(kDeleteVa, request, options);
  }
  std::future<Result<OtpSession>> delete_va_async(const DeleteVaRequest& request, const CallOptions& options) override {
    return call_async(kDeleteVa, request, options);
  }
  void delete_va_async(const DeleteVaRequest& request, Completion<OtpSession> done,
                       const CallOptions& options) override {
    call_back(kDeleteVa, request, options, std::move(done));
  }
  Result<Ack> confirm_delete_va(const ConfirmDeleteVaRequest& request, const CallOptions& options) override {
    return call(kConfirmDeleteVa, request, options);
  }
  std::future<Result<Ack>> confirm_delete_va_async(const ConfirmDeleteVaRequest& request,
                                                   const CallOptions& options) override {
    return call_async(kConfirmDeleteVa, request, options);
  }
  void confirm_delete_va_async(const ConfirmDeleteVaRequest& request, Completion<Ack> done,
                               const CallOptions& options) override {
    call_back(kConfirmDeleteVa, request, options, std::move(done));
  }
  Result<VaPage> get_va_paging(const GetVaPagingRequest& request, const CallOptions& options) override {
    return call(kGetVaPaging, request, options);
  }
  std::future<Result<VaPage>> get_va_paging_async(const GetVaPagingRequest& request,
                                                  const CallOptions& options) override {
    return call_async(kGetVaPaging, request, options);
  }
  void get_va_paging_async(const GetVaPagingRequest& request, Completion<VaPage> done,
                           const CallOptions& options) override {
    call_back(kGetVaPaging, request, options, std::move(done));
  }
  Result<OtpSession> register_notify(const RegisterNotifyRequest& request, const CallOptions& options) override {
    return call(kRegisterNotify, request, options);
  }
  std::future<Result<OtpSession>> register_notify_async(const RegisterNotifyRequest& request,
                                                        const CallOptions& options) override {
    return call_async(kRegisterNotify, request, options);
  }
  void register_notify_async(const RegisterNotifyRequest& request, Completion<OtpSession> done,
                             const CallOptions& options) override {
    call_back(kRegisterNotify, request, options, std::move(done));
  }
  Result<OtpSession> confirm_register_notify(const ConfirmRegisterNotifyRequest& request,
                                             const CallOptions& options) override {
    return call(kConfirmRegisterNotify, request, options);
  }
  std::future<Result<OtpSession>> confirm_register_notify_async(const ConfirmRegisterNotifyRequest& request,
                                                                const CallOptions& options) override {
    return call_async(kConfirmRegisterNotify, request, options);
  }
  void confirm_register_notify_async(const ConfirmRegisterNotifyRequest& request, Completion<OtpSession> done,
                                     const CallOptions& options) override {
    call_back(kConfirmRegisterNotify, request, options, std::move(done));
  }
  Result<DirectDebitLink> direct_debit_register(const DirectDebitRegisterRequest& request,
                                                const CallOptions& options) override {
    return call(kDirectDebitRegister, request, options);
  }
  std::future<Result<DirectDebitLink>> direct_debit_register_async(const DirectDebitRegisterRequest& request,
                                                                   const CallOptions& options) override {
    return call_async(kDirectDebitRegister, request, options);
  }
  void direct_debit_register_async(const DirectDebitRegisterRequest& request, Completion<DirectDebitLink> done,
                                   const CallOptions& options) override {
    call_back(kDirectDebitRegister, request, options, std::move(done));
  }
  Result<PaymentBillResult> direct_debit_payment_bill(const DirectDebitPaymentBillRequest& request,
                                                      const CallOptions& options) override {
    return call(kDirectDebitPaymentBill, request, options);
  }
  std::future<Result<PaymentBillResult>> direct_debit_payment_bill_async(const DirectDebitPaymentBillRequest& request,
                                                                         const CallOptions& options) override {
    return call_async(kDirectDebitPaymentBill, request, options);
  }
  void direct_debit_payment_bill_async(const DirectDebitPaymentBillRequest& request, Completion<PaymentBillResult> done,
                                       const CallOptions& options) override {
    call_back(kDirectDebitPaymentBill, request, options, std::move(done));
  }
  Result<DeleteSubscriptionResult> direct_debit_delete_subscription(const DirectDebitDeleteSubscriptionRequest& request,
                                                                    const CallOptions& options) override {
    return call(kDirectDebitDeleteSubscription, request, options);
  }
  std::future<Result<DeleteSubscriptionResult>> direct_debit_delete_subscription_async(
      const DirectDebitDeleteSubscriptionRequest& request, const CallOptions& options) override {
    return call_async(kDirectDebitDeleteSubscription, request, options);
  }
  void direct_debit_delete_subscription_async(const DirectDebitDeleteSubscriptionRequest& request,
                                              Completion<DeleteSubscriptionResult> done,
                                              const CallOptions& options) override {
    call_back(kDirectDebitDeleteSubscription, request, options, std::move(done));
  }
  Result<RefundResult> direct_debit_refund(const DirectDebitRefundRequest& request,
                                           const CallOptions& options) override {
    return call(kDirectDebitRefund, request, options);
  }
  std::future<Result<RefundResult>> direct_debit_refund_async(const DirectDebitRefundRequest& request,
                                                              const CallOptions& options) override {
    return call_async(kDirectDebitRefund, request, options);
  }
  void direct_debit_refund_async(const DirectDebitRefundRequest& request, Completion<RefundResult> done,
                                 const CallOptions& options) override {
    call_back(kDirectDebitRefund, request, options, std::move(done));
  }
  Result<DirectDebitLink> direct_debit_edit_confirm_payment_method(
      const DirectDebitEditConfirmPaymentMethodRequest& request, const CallOptions& options) override {
    return call(kDirectDebitEditConfirmPaymentMethod, request, options);
  }
  std::future<Result<DirectDebitLink>> direct_debit_edit_confirm_payment_method_async(
      const DirectDebitEditConfirmPaymentMethodRequest& request, const CallOptions& options) override {
    return call_async(kDirectDebitEditConfirmPaymentMethod, request, options);
  }
  void direct_debit_edit_confirm_payment_method_async(const DirectDebitEditConfirmPaymentMethodRequest& request,
                                                      Completion<DirectDebitLink> done,
                                                      const CallOptions& options) override {
    call_back(kDirectDebitEditConfirmPaymentMethod, request, options, std::move(done));
  }
  Result<SubscriptionStatus> direct_debit_get_subscription_status(const DirectDebitSubscriptionStatusRequest& request,
                                                                  const CallOptions& options) override {
    return call(kDirectDebitGetSubscriptionStatus, request, options);
  }
  std::future<Result<SubscriptionStatus>> direct_debit_get_subscription_status_async(
      const DirectDebitSubscriptionStatusRequest& request, const CallOptions& options) override {
    return call_async(kDirectDebitGetSubscriptionStatus, request, options);
  }
  void direct_debit_get_subscription_status_async(const DirectDebitSubscriptionStatusRequest& request,
                                                  Completion<SubscriptionStatus> done,
                                                  const CallOptions& options) override {
    call_back(kDirectDebitGetSubscriptionStatus, request, options, std::move(done));
  }
  Result<DirectDebitTransactionStatus> direct_debit_get_transaction_status(
      const DirectDebitTransactionStatusRequest& request, const CallOptions& options) override {
    return call(kDirectDebitGetTransactionStatus, request, options);
  }
  std::future<Result<DirectDebitTransactionStatus>> direct_debit_get_transaction_status_async(
      const DirectDebitTransactionStatusRequest& request, const CallOptions& options) override {
    return call_async(kDirectDebitGetTransactionStatus, request, options);
  }
  void direct_debit_get_transaction_status_async(const DirectDebitTransactionStatusRequest& request,
                                                 Completion<DirectDebitTransactionStatus> done,
                                                 const CallOptions& options) override {
    call_back(kDirectDebitGetTransactionStatus, request, options, std::move(done));
  }
  Result<DirectDebitTransactionPage> direct_debit_get_paging_transactions(
      const DirectDebitTransactionPagingRequest& request, const CallOptions& options) override {
    return call(kDirectDebitGetPagingTransactions, request, options);
  }
  std::future<Result<DirectDebitTransactionPage>> direct_debit_get_paging_transactions_async(
      const DirectDebitTransactionPagingRequest& request, const CallOptions& options) override {
    return call_async(kDirectDebitGetPagingTransactions, request, options);
  }
  void direct_debit_get_paging_transactions_async(const DirectDebitTransactionPagingRequest& request,
                                                  Completion<DirectDebitTransactionPage> done,
                                                  const CallOptions& options) override {
    call_back(kDirectDebitGetPagingTransactions, request, options, std::move(done));
  }
  Result<VietQr> generate_viet_qr(const GenerateVietQrRequest& request, const CallOptions& options) override {
    return call(kGenerateVietQr, request, options);
  }
  std::future<Result<VietQr>> generate_viet_qr_async(const GenerateVietQrRequest& request,
                                                     const CallOptions& options) override {
    return call_async(kGenerateVietQr, request, options);
  }
  void generate_viet_qr_async(const GenerateVietQrRequest& request, Completion<VietQr> done,
                              const CallOptions& options) override {
    call_back(kGenerateVietQr, request, options, std::move(done));
  }
  Result<QrAccountInfoPage> get_account_number_info_by_qr_code(const GetAccountNumberInfoByQrCodeRequest& request,
                                                               const CallOptions& options) override {
    return call(kGetAccountNumberInfoByQrCode, request, options);
  }
  std::future<Result<QrAccountInfoPage>> get_account_number_info_by_qr_code_async(
      const GetAccountNumberInfoByQrCodeRequest& request, const CallOptions& options) override {
    return call_async(kGetAccountNumberInfoByQrCode, request, options);
  }
  void get_account_number_info_by_qr_code_async(const GetAccountNumberInfoByQrCodeRequest& request,
                                                Completion<QrAccountInfoPage> done,
                                                const CallOptions& options) override {
    call_back(kGetAccountNumberInfoByQrCode, request, options, std::move(done));
  }
  Result<DeepLink> generate_deep_link(const GenerateDeepLinkRequest& request, const CallOptions& options) override {
    return call(kGenerateDeepLink, request, options);
  }
  std::future<Result<DeepLink>> generate_deep_link_async(const GenerateDeepLinkRequest& request,
                                                         const CallOptions& options) override {
    return call_async(kGenerateDeepLink, request, options);
  }
  void generate_deep_link_async(const GenerateDeepLinkRequest& request, Completion<DeepLink> done,
                                const CallOptions& options) override {
    call_back(kGenerateDeepLink, request, options, std::move(done));
  }
  Result<DeepLink> generate_deep_link_bidv_test(const GenerateDeepLinkBidvTestRequest& request,
                                                const CallOptions& options) override {
    return call(kGenerateDeepLinkBidvTest, request, options);
  }
  std::future<Result<DeepLink>> generate_deep_link_bidv_test_async(const GenerateDeepLinkBidvTestRequest& request,
                                                                   const CallOptions& options) override {
    return call_async(kGenerateDeepLinkBidvTest, request, options);
  }
  void generate_deep_link_bidv_test_async(const GenerateDeepLinkBidvTestRequest& request, Completion<DeepLink> done,
                                          const CallOptions& options) override {
    call_back(kGenerateDeepLinkBidvTest, request, options, std::move(done));
  }
  Result<BankLinkSession> create_bank_link_session(const CreateBankLinkSessionRequest& request,
                                                   const CallOptions& options) override {
    return call(kCreateBankLinkSession, request, options);
  }
  std::future<Result<BankLinkSession>> create_bank_link_session_async(const CreateBankLinkSessionRequest& request,
                                                                      const CallOptions& options) override {
    return call_async(kCreateBankLinkSession, request, options);
  }
  void create_bank_link_session_async(const CreateBankLinkSessionRequest& request, Completion<BankLinkSession> done,
                                      const CallOptions& options) override {
    call_back(kCreateBankLinkSession, request, options, std::move(done));
  }
  Result<Ack> read_amount(const DeviceReadAmountRequest& request, const CallOptions& options) override {
    return call(kReadAmount, request, options);
  }
  std::future<Result<Ack>> read_amount_async(const DeviceReadAmountRequest& request,
                                             const CallOptions& options) override {
    return call_async(kReadAmount, request, options);
  }
  void read_amount_async(const DeviceReadAmountRequest& request, Completion<Ack> done,
                         const CallOptions& options) override {
    call_back(kReadAmount, request, options, std::move(done));
  }
  Result<ShopSaved> shop_create_or_update(const CreateOrUpdateShopRequest& request,
                                          const CallOptions& options) override {
    return call(kShopCreateOrUpdate, request, options);
  }
  std::future<Result<ShopSaved>> shop_create_or_update_async(const CreateOrUpdateShopRequest& request,
                                                             const CallOptions& options) override {
    return call_async(kShopCreateOrUpdate, request, options);
  }
  void shop_create_or_update_async(const CreateOrUpdateShopRequest& request, Completion<ShopSaved> done,
                                   const CallOptions& options) override {
    call_back(kShopCreateOrUpdate, request, options, std::move(done));
  }
  Result<ShopPage> shop_get_paging(const GetShopPagingRequest& request, const CallOptions& options) override {
    return call(kShopGetPaging, request, options);
  }
  std::future<Result<ShopPage>> shop_get_paging_async(const GetShopPagingRequest& request,
                                                      const CallOptions& options) override {
    return call_async(kShopGetPaging, request, options);
  }
  void shop_get_paging_async(const GetShopPagingRequest& request, Completion<ShopPage> done,
                             const CallOptions& options) override {
    call_back(kShopGetPaging, request, options, std::move(done));
  }
  Result<MerchantCreated> merchant_create(const MerchantCreateRequest& request, const CallOptions& options) override {
    return call(kMerchantCreate, request, options);
  }
  std::future<Result<MerchantCreated>> merchant_create_async(const MerchantCreateRequest& request,
                                                             const CallOptions& options) override {
    return call_async(kMerchantCreate, request, options);
  }
  void merchant_create_async(const MerchantCreateRequest& request, Completion<MerchantCreated> done,
                             const CallOptions& options) override {
    call_back(kMerchantCreate, request, options, std::move(done));
  }
  Result<MerchantPage> merchant_get_paging(const MerchantGetPagingRequest& request,
                                           const CallOptions& options) override {
    return call(kMerchantGetPaging, request, options);
  }
  std::future<Result<MerchantPage>> merchant_get_paging_async(const MerchantGetPagingRequest& request,
                                                              const CallOptions& options) override {
    return call_async(kMerchantGetPaging, request, options);
  }
  void merchant_get_paging_async(const MerchantGetPagingRequest& request, Completion<MerchantPage> done,
                                 const CallOptions& options) override {
    call_back(kMerchantGetPaging, request, options, std::move(done));
  }
  Result<Ack> merchant_delete(const MerchantDeleteRequest& request, const CallOptions& options) override {
    return call(kMerchantDelete, request, options);
  }
  std::future<Result<Ack>> merchant_delete_async(const MerchantDeleteRequest& request,
                                                 const CallOptions& options) override {
    return call_async(kMerchantDelete, request, options);
  }
  void merchant_delete_async(const MerchantDeleteRequest& request, Completion<Ack> done,
                             const CallOptions& options) override {
    call_back(kMerchantDelete, request, options, std::move(done));
  }
  Result<MerchantBankConfigPage> merchant_get_paging_config(const MerchantGetPagingConfigRequest& request,
                                                            const CallOptions& options) override {
    return call(kMerchantGetPagingConfig, request, options);
  }
  std::future<Result<MerchantBankConfigPage>> merchant_get_paging_config_async(
      const MerchantGetPagingConfigRequest& request, const CallOptions& options) override {
    return call_async(kMerchantGetPagingConfig, request, options);
  }
  void merchant_get_paging_config_async(const MerchantGetPagingConfigRequest& request,
                                        Completion<MerchantBankConfigPage> done, const CallOptions& options) override {
    call_back(kMerchantGetPagingConfig, request, options, std::move(done));
  }
  Result<ConfigId> merchant_create_or_update_config(const MerchantCreateOrUpdateConfigRequest& request,
                                                    const CallOptions& options) override {
    return call(kMerchantCreateOrUpdateConfig, request, options);
  }
  std::future<Result<ConfigId>> merchant_create_or_update_config_async(
      const MerchantCreateOrUpdateConfigRequest& request, const CallOptions& options) override {
    return call_async(kMerchantCreateOrUpdateConfig, request, options);
  }
  void merchant_create_or_update_config_async(const MerchantCreateOrUpdateConfigRequest& request,
                                              Completion<ConfigId> done, const CallOptions& options) override {
    call_back(kMerchantCreateOrUpdateConfig, request, options, std::move(done));
  }
  Result<ConfigId> merchant_delete_config(const MerchantDeleteConfigRequest& request,
                                          const CallOptions& options) override {
    return call(kMerchantDeleteConfig, request, options);
  }
  std::future<Result<ConfigId>> merchant_delete_config_async(const MerchantDeleteConfigRequest& request,
                                                             const CallOptions& options) override {
    return call_async(kMerchantDeleteConfig, request, options);
  }
  void merchant_delete_config_async(const MerchantDeleteConfigRequest& request, Completion<ConfigId> done,
                                    const CallOptions& options) override {
    call_back(kMerchantDeleteConfig, request, options, std::move(done));
  }
  Result<OtpSession> merchant_config_account_business(const MerchantConfigAccountBusinessRequest& request,
                                                      const CallOptions& options) override {
    return call(kMerchantConfigAccountBusiness, request, options);
  }
  std::future<Result<OtpSession>> merchant_config_account_business_async(
      const MerchantConfigAccountBusinessRequest& request, const CallOptions& options) override {
    return call_async(kMerchantConfigAccountBusiness, request, options);
  }
  void merchant_config_account_business_async(const MerchantConfigAccountBusinessRequest& request,
                                              Completion<OtpSession> done, const CallOptions& options) override {
    call_back(kMerchantConfigAccountBusiness, request, options, std::move(done));
  }
  Result<OtpSession> merchant_delete_config_account_business(const MerchantDeleteConfigAccountBusinessRequest& request,
                                                             const CallOptions& options) override {
    return call(kMerchantDeleteConfigAccountBusiness, request, options);
  }
  std::future<Result<OtpSession>> merchant_delete_config_account_business_async(
      const MerchantDeleteConfigAccountBusinessRequest& request, const CallOptions& options) override {
    return call_async(kMerchantDeleteConfigAccountBusiness, request, options);
  }
  void merchant_delete_config_account_business_async(const MerchantDeleteConfigAccountBusinessRequest& request,
                                                     Completion<OtpSession> done, const CallOptions& options) override {
    call_back(kMerchantDeleteConfigAccountBusiness, request, options, std::move(done));
  }
  Result<EInvoiceAccountPage> e_invoice_get_paging_account(const EInvoiceGetPagingAccountRequest& request,
                                                           const CallOptions& options) override {
    return call(kEInvoiceGetPagingAccount, request, options);
  }
  std::future<Result<EInvoiceAccountPage>> e_invoice_get_paging_account_async(
      const EInvoiceGetPagingAccountRequest& request, const CallOptions& options) override {
    return call_async(kEInvoiceGetPagingAccount, request, options);
  }
  void e_invoice_get_paging_account_async(const EInvoiceGetPagingAccountRequest& request,
                                          Completion<EInvoiceAccountPage> done, const CallOptions& options) override {
    call_back(kEInvoiceGetPagingAccount, request, options, std::move(done));
  }
  Result<EInvoiceAccountId> e_invoice_create_or_update_account(const EInvoiceCreateOrUpdateAccountRequest& request,
                                                               const CallOptions& options) override {
    return call(kEInvoiceCreateOrUpdateAccount, request, options);
  }
  std::future<Result<EInvoiceAccountId>> e_invoice_create_or_update_account_async(
      const EInvoiceCreateOrUpdateAccountRequest& request, const CallOptions& options) override {
    return call_async(kEInvoiceCreateOrUpdateAccount, request, options);
  }
  void e_invoice_create_or_update_account_async(const EInvoiceCreateOrUpdateAccountRequest& request,
                                                Completion<EInvoiceAccountId> done,
                                                const CallOptions& options) override {
    call_back(kEInvoiceCreateOrUpdateAccount, request, options, std::move(done));
  }
  Result<Ack> e_invoice_delete_account(const EInvoiceDeleteAccountRequest& request,
                                       const CallOptions& options) override {
    return call(kEInvoiceDeleteAccount, request, options);
  }
  std::future<Result<Ack>> e_invoice_delete_account_async(const EInvoiceDeleteAccountRequest& request,
                                                          const CallOptions& options) override {
    return call_async(kEInvoiceDeleteAccount, request, options);
  }
  void e_invoice_delete_account_async(const EInvoiceDeleteAccountRequest& request, Completion<Ack> done,
                                      const CallOptions& options) override {
    call_back(kEInvoiceDeleteAccount, request, options, std::move(done));
  }
  Result<InvoiceFile> e_invoice_create(const EInvoiceCreateRequest& request, const CallOptions& options) override {
    return call(kEInvoiceCreate, request, options);
  }
  std::future<Result<InvoiceFile>> e_invoice_create_async(const EInvoiceCreateRequest& request,
                                                          const CallOptions& options) override {
    return call_async(kEInvoiceCreate, request, options);
  }
  void e_invoice_create_async(const EInvoiceCreateRequest& request, Completion<InvoiceFile> done,
                              const CallOptions& options) override {
    call_back(kEInvoiceCreate, request, options, std::move(done));
  }
  Result<InvoiceTracking> e_invoice_create_and_issue(const EInvoiceCreateAndIssueRequest& request,
                                                     const CallOptions& options) override {
    return call(kEInvoiceCreateAndIssue, request, options);
  }
  std::future<Result<InvoiceTracking>> e_invoice_create_and_issue_async(const EInvoiceCreateAndIssueRequest& request,
                                                                        const CallOptions& options) override {
    return call_async(kEInvoiceCreateAndIssue, request, options);
  }
  void e_invoice_create_and_issue_async(const EInvoiceCreateAndIssueRequest& request, Completion<InvoiceTracking> done,
                                        const CallOptions& options) override {
    call_back(kEInvoiceCreateAndIssue, request, options, std::move(done));
  }
  Result<InvoiceTracking> e_invoice_get_invoice_info(const EInvoiceGetInvoiceInfoRequest& request,
                                                     const CallOptions& options) override {
    return call(kEInvoiceGetInvoiceInfo, request, options);
  }
  std::future<Result<InvoiceTracking>> e_invoice_get_invoice_info_async(const EInvoiceGetInvoiceInfoRequest& request,
                                                                        const CallOptions& options) override {
    return call_async(kEInvoiceGetInvoiceInfo, request, options);
  }
  void e_invoice_get_invoice_info_async(const EInvoiceGetInvoiceInfoRequest& request, Completion<InvoiceTracking> done,
                                        const CallOptions& options) override {
    call_back(kEInvoiceGetInvoiceInfo, request, options, std::move(done));
  }
  Result<InvoiceFile> e_invoice_download(const EInvoiceDownloadRequest& request, const CallOptions& options) override {
    return call(kEInvoiceDownload, request, options);
  }
  std::future<Result<InvoiceFile>> e_invoice_download_async(const EInvoiceDownloadRequest& request,
                                                            const CallOptions& options) override {
    return call_async(kEInvoiceDownload, request, options);
  }
  void e_invoice_download_async(const EInvoiceDownloadRequest& request, Completion<InvoiceFile> done,
                                const CallOptions& options) override {
    call_back(kEInvoiceDownload, request, options, std::move(done));
  }
  Result<InvoiceTemplate> e_invoice_invoice_templates(const EInvoiceInvoiceTemplatesRequest& request,
                                                      const CallOptions& options) override {
    return call(kEInvoiceInvoiceTemplates, request, options);
  }
  std::future<Result<InvoiceTemplate>> e_invoice_invoice_templates_async(const EInvoiceInvoiceTemplatesRequest& request,
                                                                         const CallOptions& options) override {
    return call_async(kEInvoiceInvoiceTemplates, request, options);
  }
  void e_invoice_invoice_templates_async(const EInvoiceInvoiceTemplatesRequest& request,
                                         Completion<InvoiceTemplate> done, const CallOptions& options) override {
    call_back(kEInvoiceInvoiceTemplates, request, options, std::move(done));
  }
  Result<Ack> e_invoice_send_email(const EInvoiceSendEmailRequest& request, const CallOptions& options) override {
    return call(kEInvoiceSendEmail, request, options);
  }
  std::future<Result<Ack>> e_invoice_send_email_async(const EInvoiceSendEmailRequest& request,
                                                      const CallOptions& options) override {
    return call_async(kEInvoiceSendEmail, request, options);
  }
  void e_invoice_send_email_async(const EInvoiceSendEmailRequest& request, Completion<Ack> done,
                                  const CallOptions& options) override {
    call_back(kEInvoiceSendEmail, request, options, std::move(done));
  }
  // END generated

 private:
  core::Pipeline pipeline_;  // encoded requests go down its chain (signing.hpp) to the transport
  TingeeProtocol protocol_;
};

}  // namespace
}  // namespace detail

Result<std::shared_ptr<Connection>> make_connection(Config config) {
  auto fail = [](std::string m) { return make_error(ErrorCode::kConfig, std::move(m)); };
  auto url = paygw::detail::check_connection_settings(config.base_url,
                                                      "tingee::kUatBaseUrl or tingee::kProductionBaseUrl", config);
  if (!url) return url.error();
  if (config.client_id.empty()) return fail("client_id is required");
  if (!paygw::detail::header_safe(config.client_id)) return fail("client_id contains control characters");
  if (config.secret.empty()) return fail("secret is required");
  if (config.timestamp_backdate.count() < 0 || config.timestamp_backdate > std::chrono::minutes(5)) {
    return fail("timestamp_backdate must be between 0 and 5 minutes");
  }
  auto key = paygw::detail::crypto::HmacSha512Key::create(config.secret.reveal());
  if (!key) return std::move(key).error();
  // Every attempt's chain: the signature (ADR 0043).
  paygw::detail::Chain chain{
      std::make_shared<detail::SigningStep>(std::move(*key), config.clock, config.timestamp_backdate)};
  return std::shared_ptr<Connection>(
      std::make_shared<detail::RealConnection>(std::move(config), std::move(*url), std::move(chain)));
}

}  // namespace paygw::tingee
