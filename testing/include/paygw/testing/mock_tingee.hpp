// SPDX-License-Identifier: MIT
// paygw::testing — a gmock mock of the Tingee connection.
#pragma once

#include <paygw/tingee/client.hpp>

#include <gmock/gmock.h>

#include <future>

namespace paygw::testing {

/// A gmock mock of tingee::Connection, for testing the merchant's own code without a server
/// and without forging a single signature or ciphertext: keep a shared_ptr to the mock, wrap it
/// in a tingee::Client (`tingee::Client client(mock)`), and script results with
/// EXPECT_CALL / ON_CALL — for example an Error with Delivery::kMaybeSent, to test how the code
/// reconciles an unknown outcome. The future form of an `_async` method returns a std::future
/// (see make_ready_future() in paygw/testing/mocks.hpp); its callback form is scripted with
/// `InvokeArgument<N>(result)`, N the position of its Completion. The methods are generated from
/// src/tingee/endpoints.rows (ADR 0042). Thread safety: as any gmock mock (set expectations first).
class MockTingeeConnection : public tingee::Connection {
 public:
  // BEGIN generated from src/tingee/endpoints.rows by tools/codegen; do not edit
  MOCK_METHOD(Result<tingee::Ack>, read_security_code, (const tingee::ReadSecurityCodeRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, read_security_code_async,
              (const tingee::ReadSecurityCodeRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, read_security_code_async,
              (const tingee::ReadSecurityCodeRequest&, Completion<tingee::Ack>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::DeviceRefs>, add_device_to_shop,
              (const tingee::AddDeviceToShopRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DeviceRefs>>, add_device_to_shop_async,
              (const tingee::AddDeviceToShopRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, add_device_to_shop_async,
              (const tingee::AddDeviceToShopRequest&, Completion<tingee::DeviceRefs>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::Ack>, update_shop_device_link_status,
              (const tingee::UpdateShopDeviceLinkStatusRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, update_shop_device_link_status_async,
              (const tingee::UpdateShopDeviceLinkStatusRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, update_shop_device_link_status_async,
              (const tingee::UpdateShopDeviceLinkStatusRequest&, Completion<tingee::Ack>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::DeviceRefs>, get_devices_link_to_shop_or_va,
              (const tingee::GetDevicesLinkToShopOrVaRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DeviceRefs>>, get_devices_link_to_shop_or_va_async,
              (const tingee::GetDevicesLinkToShopOrVaRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, get_devices_link_to_shop_or_va_async,
              (const tingee::GetDevicesLinkToShopOrVaRequest&, Completion<tingee::DeviceRefs>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::DevicePage>, get_device_paging,
              (const tingee::GetDevicePagingRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DevicePage>>, get_device_paging_async,
              (const tingee::GetDevicePagingRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, get_device_paging_async,
              (const tingee::GetDevicePagingRequest&, Completion<tingee::DevicePage>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::Ack>, show_qr_code, (const tingee::ShowQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, show_qr_code_async, (const tingee::ShowQrRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(void, show_qr_code_async, (const tingee::ShowQrRequest&, Completion<tingee::Ack>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::Ack>, show_dynamic_qr_code, (const tingee::ShowQrRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, show_dynamic_qr_code_async,
              (const tingee::ShowQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, show_dynamic_qr_code_async,
              (const tingee::ShowQrRequest&, Completion<tingee::Ack>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::Ack>, show_static_qr_code, (const tingee::ShowQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, show_static_qr_code_async,
              (const tingee::ShowQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, show_static_qr_code_async,
              (const tingee::ShowQrRequest&, Completion<tingee::Ack>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::DynamicQr>, generate_and_show_dynamic_qr_code,
              (const tingee::GenerateAndShowDynamicQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DynamicQr>>, generate_and_show_dynamic_qr_code_async,
              (const tingee::GenerateAndShowDynamicQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, generate_and_show_dynamic_qr_code_async,
              (const tingee::GenerateAndShowDynamicQrRequest&, Completion<tingee::DynamicQr>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::Ack>, read_amount_link_to_merchant, (const tingee::ReadAmountRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, read_amount_link_to_merchant_async,
              (const tingee::ReadAmountRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, read_amount_link_to_merchant_async,
              (const tingee::ReadAmountRequest&, Completion<tingee::Ack>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::Ack>, print_receipt, (const tingee::PrintReceiptRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, print_receipt_async,
              (const tingee::PrintReceiptRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, print_receipt_async,
              (const tingee::PrintReceiptRequest&, Completion<tingee::Ack>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::ResetResult>, reset_device, (const tingee::ResetDeviceRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::ResetResult>>, reset_device_async,
              (const tingee::ResetDeviceRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, reset_device_async,
              (const tingee::ResetDeviceRequest&, Completion<tingee::ResetResult>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::Ack>, nfc_command, (const tingee::NfcCommandRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, nfc_command_async,
              (const tingee::NfcCommandRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, nfc_command_async, (const tingee::NfcCommandRequest&, Completion<tingee::Ack>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::Ack>, reset_device_with_details,
              (const tingee::ResetDeviceWithDetailsRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, reset_device_with_details_async,
              (const tingee::ResetDeviceWithDetailsRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, reset_device_with_details_async,
              (const tingee::ResetDeviceWithDetailsRequest&, Completion<tingee::Ack>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::DynamicQrBill>, generate_dynamic_qr,
              (const tingee::GenerateDynamicQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DynamicQrBill>>, generate_dynamic_qr_async,
              (const tingee::GenerateDynamicQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, generate_dynamic_qr_async,
              (const tingee::GenerateDynamicQrRequest&, Completion<tingee::DynamicQrBill>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::DynamicQrStatus>, get_dynamic_qr_status,
              (const tingee::GetDynamicQrStatusRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DynamicQrStatus>>, get_dynamic_qr_status_async,
              (const tingee::GetDynamicQrStatusRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, get_dynamic_qr_status_async,
              (const tingee::GetDynamicQrStatusRequest&, Completion<tingee::DynamicQrStatus>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::Ack>, delete_dynamic_qr, (const tingee::DeleteDynamicQrRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, delete_dynamic_qr_async,
              (const tingee::DeleteDynamicQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, delete_dynamic_qr_async,
              (const tingee::DeleteDynamicQrRequest&, Completion<tingee::Ack>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::TransactionPage>, get_transaction_paging,
              (const tingee::GetTransactionPagingRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::TransactionPage>>, get_transaction_paging_async,
              (const tingee::GetTransactionPagingRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, get_transaction_paging_async,
              (const tingee::GetTransactionPagingRequest&, Completion<tingee::TransactionPage>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::BankList>, get_banks, (const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::BankList>>, get_banks_async, (const CallOptions&), (override));
  MOCK_METHOD(void, get_banks_async, (Completion<tingee::BankList>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::EInvoiceProviders>, get_einvoice_providers, (const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::EInvoiceProviders>>, get_einvoice_providers_async, (const CallOptions&),
              (override));
  MOCK_METHOD(void, get_einvoice_providers_async, (Completion<tingee::EInvoiceProviders>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::CreateVaResult>, create_va, (const tingee::CreateVaRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::CreateVaResult>>, create_va_async,
              (const tingee::CreateVaRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, create_va_async,
              (const tingee::CreateVaRequest&, Completion<tingee::CreateVaResult>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::CreateVaResult>, create_va_advanced,
              (const tingee::CreateVaAdvancedRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::CreateVaResult>>, create_va_advanced_async,
              (const tingee::CreateVaAdvancedRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, create_va_advanced_async,
              (const tingee::CreateVaAdvancedRequest&, Completion<tingee::CreateVaResult>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::ConfirmVaResult>, confirm_va, (const tingee::ConfirmVaRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::ConfirmVaResult>>, confirm_va_async,
              (const tingee::ConfirmVaRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, confirm_va_async,
              (const tingee::ConfirmVaRequest&, Completion<tingee::ConfirmVaResult>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::OtpSession>, delete_va, (const tingee::DeleteVaRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::OtpSession>>, delete_va_async,
              (const tingee::DeleteVaRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, delete_va_async,
              (const tingee::DeleteVaRequest&, Completion<tingee::OtpSession>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::Ack>, confirm_delete_va, (const tingee::ConfirmDeleteVaRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, confirm_delete_va_async,
              (const tingee::ConfirmDeleteVaRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, confirm_delete_va_async,
              (const tingee::ConfirmDeleteVaRequest&, Completion<tingee::Ack>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::VaPage>, get_va_paging, (const tingee::GetVaPagingRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::VaPage>>, get_va_paging_async,
              (const tingee::GetVaPagingRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, get_va_paging_async,
              (const tingee::GetVaPagingRequest&, Completion<tingee::VaPage>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::OtpSession>, register_notify, (const tingee::RegisterNotifyRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::OtpSession>>, register_notify_async,
              (const tingee::RegisterNotifyRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, register_notify_async,
              (const tingee::RegisterNotifyRequest&, Completion<tingee::OtpSession>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::OtpSession>, confirm_register_notify,
              (const tingee::ConfirmRegisterNotifyRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::OtpSession>>, confirm_register_notify_async,
              (const tingee::ConfirmRegisterNotifyRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, confirm_register_notify_async,
              (const tingee::ConfirmRegisterNotifyRequest&, Completion<tingee::OtpSession>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::DirectDebitLink>, direct_debit_register,
              (const tingee::DirectDebitRegisterRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DirectDebitLink>>, direct_debit_register_async,
              (const tingee::DirectDebitRegisterRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, direct_debit_register_async,
              (const tingee::DirectDebitRegisterRequest&, Completion<tingee::DirectDebitLink>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::PaymentBillResult>, direct_debit_payment_bill,
              (const tingee::DirectDebitPaymentBillRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::PaymentBillResult>>, direct_debit_payment_bill_async,
              (const tingee::DirectDebitPaymentBillRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, direct_debit_payment_bill_async,
              (const tingee::DirectDebitPaymentBillRequest&, Completion<tingee::PaymentBillResult>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::DeleteSubscriptionResult>, direct_debit_delete_subscription,
              (const tingee::DirectDebitDeleteSubscriptionRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DeleteSubscriptionResult>>, direct_debit_delete_subscription_async,
              (const tingee::DirectDebitDeleteSubscriptionRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, direct_debit_delete_subscription_async,
              (const tingee::DirectDebitDeleteSubscriptionRequest&, Completion<tingee::DeleteSubscriptionResult>,
               const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::RefundResult>, direct_debit_refund,
              (const tingee::DirectDebitRefundRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::RefundResult>>, direct_debit_refund_async,
              (const tingee::DirectDebitRefundRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, direct_debit_refund_async,
              (const tingee::DirectDebitRefundRequest&, Completion<tingee::RefundResult>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::DirectDebitLink>, direct_debit_edit_confirm_payment_method,
              (const tingee::DirectDebitEditConfirmPaymentMethodRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DirectDebitLink>>, direct_debit_edit_confirm_payment_method_async,
              (const tingee::DirectDebitEditConfirmPaymentMethodRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, direct_debit_edit_confirm_payment_method_async,
              (const tingee::DirectDebitEditConfirmPaymentMethodRequest&, Completion<tingee::DirectDebitLink>,
               const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::SubscriptionStatus>, direct_debit_get_subscription_status,
              (const tingee::DirectDebitSubscriptionStatusRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::SubscriptionStatus>>, direct_debit_get_subscription_status_async,
              (const tingee::DirectDebitSubscriptionStatusRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, direct_debit_get_subscription_status_async,
              (const tingee::DirectDebitSubscriptionStatusRequest&, Completion<tingee::SubscriptionStatus>,
               const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::DirectDebitTransactionStatus>, direct_debit_get_transaction_status,
              (const tingee::DirectDebitTransactionStatusRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DirectDebitTransactionStatus>>, direct_debit_get_transaction_status_async,
              (const tingee::DirectDebitTransactionStatusRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, direct_debit_get_transaction_status_async,
              (const tingee::DirectDebitTransactionStatusRequest&, Completion<tingee::DirectDebitTransactionStatus>,
               const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::DirectDebitTransactionPage>, direct_debit_get_paging_transactions,
              (const tingee::DirectDebitTransactionPagingRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DirectDebitTransactionPage>>, direct_debit_get_paging_transactions_async,
              (const tingee::DirectDebitTransactionPagingRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, direct_debit_get_paging_transactions_async,
              (const tingee::DirectDebitTransactionPagingRequest&, Completion<tingee::DirectDebitTransactionPage>,
               const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::VietQr>, generate_viet_qr, (const tingee::GenerateVietQrRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::VietQr>>, generate_viet_qr_async,
              (const tingee::GenerateVietQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, generate_viet_qr_async,
              (const tingee::GenerateVietQrRequest&, Completion<tingee::VietQr>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::QrAccountInfoPage>, get_account_number_info_by_qr_code,
              (const tingee::GetAccountNumberInfoByQrCodeRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::QrAccountInfoPage>>, get_account_number_info_by_qr_code_async,
              (const tingee::GetAccountNumberInfoByQrCodeRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, get_account_number_info_by_qr_code_async,
              (const tingee::GetAccountNumberInfoByQrCodeRequest&, Completion<tingee::QrAccountInfoPage>,
               const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::DeepLink>, generate_deep_link,
              (const tingee::GenerateDeepLinkRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DeepLink>>, generate_deep_link_async,
              (const tingee::GenerateDeepLinkRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, generate_deep_link_async,
              (const tingee::GenerateDeepLinkRequest&, Completion<tingee::DeepLink>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::DeepLink>, generate_deep_link_bidv_test,
              (const tingee::GenerateDeepLinkBidvTestRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::DeepLink>>, generate_deep_link_bidv_test_async,
              (const tingee::GenerateDeepLinkBidvTestRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, generate_deep_link_bidv_test_async,
              (const tingee::GenerateDeepLinkBidvTestRequest&, Completion<tingee::DeepLink>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::BankLinkSession>, create_bank_link_session,
              (const tingee::CreateBankLinkSessionRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::BankLinkSession>>, create_bank_link_session_async,
              (const tingee::CreateBankLinkSessionRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, create_bank_link_session_async,
              (const tingee::CreateBankLinkSessionRequest&, Completion<tingee::BankLinkSession>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::Ack>, read_amount, (const tingee::DeviceReadAmountRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, read_amount_async,
              (const tingee::DeviceReadAmountRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, read_amount_async,
              (const tingee::DeviceReadAmountRequest&, Completion<tingee::Ack>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::ShopSaved>, shop_create_or_update,
              (const tingee::CreateOrUpdateShopRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::ShopSaved>>, shop_create_or_update_async,
              (const tingee::CreateOrUpdateShopRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, shop_create_or_update_async,
              (const tingee::CreateOrUpdateShopRequest&, Completion<tingee::ShopSaved>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::ShopPage>, shop_get_paging, (const tingee::GetShopPagingRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::ShopPage>>, shop_get_paging_async,
              (const tingee::GetShopPagingRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, shop_get_paging_async,
              (const tingee::GetShopPagingRequest&, Completion<tingee::ShopPage>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::MerchantCreated>, merchant_create,
              (const tingee::MerchantCreateRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::MerchantCreated>>, merchant_create_async,
              (const tingee::MerchantCreateRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, merchant_create_async,
              (const tingee::MerchantCreateRequest&, Completion<tingee::MerchantCreated>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::MerchantPage>, merchant_get_paging,
              (const tingee::MerchantGetPagingRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::MerchantPage>>, merchant_get_paging_async,
              (const tingee::MerchantGetPagingRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, merchant_get_paging_async,
              (const tingee::MerchantGetPagingRequest&, Completion<tingee::MerchantPage>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::Ack>, merchant_delete, (const tingee::MerchantDeleteRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, merchant_delete_async,
              (const tingee::MerchantDeleteRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, merchant_delete_async,
              (const tingee::MerchantDeleteRequest&, Completion<tingee::Ack>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::MerchantBankConfigPage>, merchant_get_paging_config,
              (const tingee::MerchantGetPagingConfigRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::MerchantBankConfigPage>>, merchant_get_paging_config_async,
              (const tingee::MerchantGetPagingConfigRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, merchant_get_paging_config_async,
              (const tingee::MerchantGetPagingConfigRequest&, Completion<tingee::MerchantBankConfigPage>,
               const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::ConfigId>, merchant_create_or_update_config,
              (const tingee::MerchantCreateOrUpdateConfigRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::ConfigId>>, merchant_create_or_update_config_async,
              (const tingee::MerchantCreateOrUpdateConfigRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, merchant_create_or_update_config_async,
              (const tingee::MerchantCreateOrUpdateConfigRequest&, Completion<tingee::ConfigId>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::ConfigId>, merchant_delete_config,
              (const tingee::MerchantDeleteConfigRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::ConfigId>>, merchant_delete_config_async,
              (const tingee::MerchantDeleteConfigRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, merchant_delete_config_async,
              (const tingee::MerchantDeleteConfigRequest&, Completion<tingee::ConfigId>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::OtpSession>, merchant_config_account_business,
              (const tingee::MerchantConfigAccountBusinessRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::OtpSession>>, merchant_config_account_business_async,
              (const tingee::MerchantConfigAccountBusinessRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, merchant_config_account_business_async,
              (const tingee::MerchantConfigAccountBusinessRequest&, Completion<tingee::OtpSession>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::OtpSession>, merchant_delete_config_account_business,
              (const tingee::MerchantDeleteConfigAccountBusinessRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::OtpSession>>, merchant_delete_config_account_business_async,
              (const tingee::MerchantDeleteConfigAccountBusinessRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, merchant_delete_config_account_business_async,
              (const tingee::MerchantDeleteConfigAccountBusinessRequest&, Completion<tingee::OtpSession>,
               const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::EInvoiceAccountPage>, e_invoice_get_paging_account,
              (const tingee::EInvoiceGetPagingAccountRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::EInvoiceAccountPage>>, e_invoice_get_paging_account_async,
              (const tingee::EInvoiceGetPagingAccountRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, e_invoice_get_paging_account_async,
              (const tingee::EInvoiceGetPagingAccountRequest&, Completion<tingee::EInvoiceAccountPage>,
               const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::EInvoiceAccountId>, e_invoice_create_or_update_account,
              (const tingee::EInvoiceCreateOrUpdateAccountRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::EInvoiceAccountId>>, e_invoice_create_or_update_account_async,
              (const tingee::EInvoiceCreateOrUpdateAccountRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, e_invoice_create_or_update_account_async,
              (const tingee::EInvoiceCreateOrUpdateAccountRequest&, Completion<tingee::EInvoiceAccountId>,
               const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::Ack>, e_invoice_delete_account,
              (const tingee::EInvoiceDeleteAccountRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, e_invoice_delete_account_async,
              (const tingee::EInvoiceDeleteAccountRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, e_invoice_delete_account_async,
              (const tingee::EInvoiceDeleteAccountRequest&, Completion<tingee::Ack>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::InvoiceFile>, e_invoice_create, (const tingee::EInvoiceCreateRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::InvoiceFile>>, e_invoice_create_async,
              (const tingee::EInvoiceCreateRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, e_invoice_create_async,
              (const tingee::EInvoiceCreateRequest&, Completion<tingee::InvoiceFile>, const CallOptions&), (override));
  MOCK_METHOD(Result<tingee::InvoiceTracking>, e_invoice_create_and_issue,
              (const tingee::EInvoiceCreateAndIssueRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::InvoiceTracking>>, e_invoice_create_and_issue_async,
              (const tingee::EInvoiceCreateAndIssueRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, e_invoice_create_and_issue_async,
              (const tingee::EInvoiceCreateAndIssueRequest&, Completion<tingee::InvoiceTracking>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::InvoiceTracking>, e_invoice_get_invoice_info,
              (const tingee::EInvoiceGetInvoiceInfoRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::InvoiceTracking>>, e_invoice_get_invoice_info_async,
              (const tingee::EInvoiceGetInvoiceInfoRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, e_invoice_get_invoice_info_async,
              (const tingee::EInvoiceGetInvoiceInfoRequest&, Completion<tingee::InvoiceTracking>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::InvoiceFile>, e_invoice_download,
              (const tingee::EInvoiceDownloadRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::InvoiceFile>>, e_invoice_download_async,
              (const tingee::EInvoiceDownloadRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, e_invoice_download_async,
              (const tingee::EInvoiceDownloadRequest&, Completion<tingee::InvoiceFile>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::InvoiceTemplate>, e_invoice_invoice_templates,
              (const tingee::EInvoiceInvoiceTemplatesRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tingee::InvoiceTemplate>>, e_invoice_invoice_templates_async,
              (const tingee::EInvoiceInvoiceTemplatesRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, e_invoice_invoice_templates_async,
              (const tingee::EInvoiceInvoiceTemplatesRequest&, Completion<tingee::InvoiceTemplate>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tingee::Ack>, e_invoice_send_email, (const tingee::EInvoiceSendEmailRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tingee::Ack>>, e_invoice_send_email_async,
              (const tingee::EInvoiceSendEmailRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, e_invoice_send_email_async,
              (const tingee::EInvoiceSendEmailRequest&, Completion<tingee::Ack>, const CallOptions&), (override));
  // END generated
};

}  // namespace paygw::testing
