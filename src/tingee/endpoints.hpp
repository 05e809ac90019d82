// SPDX-License-Identifier: MIT
// Internal: every Tingee endpoint paygw calls — one row each: method, path, idempotency, body
// builder, result parser (and a query builder or the bank path group where needed). Reads are
// kIdempotent (retried per RetryPolicy); everything else is a write, resent only when certainly
// not sent. The rows are written from src/tingee/endpoints.rows by tools/codegen (ADR 0042).
#pragma once

#include "tingee/codec.hpp"
#include "tingee/codec_bank_link.hpp"
#include "tingee/codec_bank_qr.hpp"
#include "tingee/codec_bills.hpp"
#include "tingee/codec_deep_link.hpp"
#include "tingee/codec_direct_debit.hpp"
#include "tingee/codec_e_invoice.hpp"
#include "tingee/codec_merchant.hpp"
#include "tingee/codec_shop.hpp"
#include "tingee/codec_va.hpp"
#include "tingee/protocol.hpp"

namespace paygw::tingee::detail {

using http::Method;
constexpr auto kRead = Idempotency::kIdempotent;
constexpr auto kWrite = Idempotency::kWrite;

// BEGIN generated from src/tingee/endpoints.rows by tools/codegen; do not edit
// clang-format off
/// read_security_code: Makes the device announce/show its pairing security code (no data returned).
inline constexpr Endpoint<ReadSecurityCodeRequest, Ack> kReadSecurityCode{
    Method::kPost, "/v1/device/read-security-code", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kDevice, detail::parse_envelope}};
/// add_device_to_shop: Links a device to shops and/or VAs; returns the linked devices.
inline constexpr Endpoint<AddDeviceToShopRequest, DeviceRefs> kAddDeviceToShop{
    Method::kPost, "/v1/device/add-device-to-shop", kWrite, detail::build, detail::parse_device_refs, nullptr, {Group::kDevice, detail::parse_envelope}};
/// update_shop_device_link_status: Links or unlinks a device and shops (isLinkToDevice per shop).
inline constexpr Endpoint<UpdateShopDeviceLinkStatusRequest, Ack> kUpdateShopDeviceLinkStatus{
    Method::kPost, "/v1/device/update-shop-device-link-status", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kDevice, detail::parse_envelope}};
/// get_devices_link_to_shop_or_va: Devices linked to a VA or a shop. A read.
inline constexpr Endpoint<GetDevicesLinkToShopOrVaRequest, DeviceRefs> kGetDevicesLinkToShopOrVa{
    Method::kPost, "/v1/device/get-devices-link-to-shop-or-va", kRead, detail::build, detail::parse_device_refs, nullptr, {Group::kDevice, detail::parse_envelope}};
/// get_device_paging: One page of the merchant's devices (`get-paging`). A read.
inline constexpr Endpoint<GetDevicePagingRequest, DevicePage> kGetDevicePaging{
    Method::kPost, "/v1/device/get-paging", kRead, detail::build, detail::parse_device_page, nullptr, {Group::kDevice, detail::parse_envelope}};
/// show_qr_code: Shows a payment QR on a 3LS device (dynamic QR only). A payment write: not retried. With
inline constexpr Endpoint<ShowQrRequest, Ack> kShowQrCode{
    Method::kPost, "/v1/device/show-qr-code", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kDevice, detail::parse_envelope}};
/// show_dynamic_qr_code: Shows a dynamic QR on a non-3LS device. A payment write: not retried. QR checked as show_qr_code.
inline constexpr Endpoint<ShowQrRequest, Ack> kShowDynamicQrCode{
    Method::kPost, "/v1/device/show-dynamic-qr-code", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kDevice, detail::parse_envelope}};
/// show_static_qr_code: Shows a static VietQR on a non-3LS device. A payment write: not retried. QR checked as show_qr_code.
inline constexpr Endpoint<ShowQrRequest, Ack> kShowStaticQrCode{
    Method::kPost, "/v1/device/show-static-qr-code", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kDevice, detail::parse_envelope}};
/// generate_and_show_dynamic_qr_code: Creates a dynamic QR bill at Tingee and shows it (non-3LS devices). Not retried: after a
inline constexpr Endpoint<GenerateAndShowDynamicQrRequest, DynamicQr> kGenerateAndShowDynamicQrCode{
    Method::kPost, "/v1/device/generate-and-show-dynamic-qr-code", kWrite, detail::build, detail::parse_dynamic_qr, nullptr, {Group::kDevice, detail::parse_envelope}};
/// read_amount_link_to_merchant: Makes the device announce an amount (and optionally print a receipt). A write.
inline constexpr Endpoint<ReadAmountRequest, Ack> kReadAmountLinkToMerchant{
    Method::kPost, "/v1/device/read-amount-link-to-merchant", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kDevice, detail::parse_envelope}};
/// print_receipt: Prints a receipt on a TINGEE MAX printer device. A write.
inline constexpr Endpoint<PrintReceiptRequest, Ack> kPrintReceipt{
    Method::kPost, "/v1/device/print-receipt", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kDevice, detail::parse_envelope}};
/// reset_device: Resets a device (`DELETE /v1/device/reset?uuid=`; no body, signs "{}"). A write.
inline constexpr Endpoint<ResetDeviceRequest, ResetResult> kResetDevice{
    Method::kDelete, "/v1/device/reset", kWrite, nullptr, detail::parse_reset, detail::build_query, {Group::kDevice, detail::parse_envelope}};
/// nfc_command: Sends an NFC command to a device (`POST /v1/device/nfc-command`: enable NFC, set the link
inline constexpr Endpoint<NfcCommandRequest, Ack> kNfcCommand{
    Method::kPost, "/v1/device/nfc-command", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kDevice, detail::parse_envelope}};
/// reset_device_with_details: Resets a device with its owner's details (`POST /v1/device/reset-device`; a JSON body, unlike
inline constexpr Endpoint<ResetDeviceWithDetailsRequest, Ack> kResetDeviceWithDetails{
    Method::kPost, "/v1/device/reset-device", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kDevice, detail::parse_envelope}};
/// generate_dynamic_qr: Creates a dynamic-QR bill (`{bank prefix}/generate-dynamic-qr`); show its qr_code with the
inline constexpr Endpoint<GenerateDynamicQrRequest, DynamicQrBill> kGenerateDynamicQr{
    Method::kPost, "/generate-dynamic-qr", kWrite, detail::build, detail::parse_dynamic_qr_bill, nullptr, {Group::kBank, detail::parse_envelope}};
/// get_dynamic_qr_status: A bill's state and the payments made to it (`{bank prefix}/get-status-dynamic-qr`). A read.
inline constexpr Endpoint<GetDynamicQrStatusRequest, DynamicQrStatus> kGetDynamicQrStatus{
    Method::kPost, "/get-status-dynamic-qr", kRead, detail::build, detail::parse_dynamic_qr_status, nullptr, {Group::kBank, detail::parse_envelope}};
/// delete_dynamic_qr: Deletes a bill (`{bank prefix}/delete-dynamic-qr`, a POST). A write.
inline constexpr Endpoint<DeleteDynamicQrRequest, Ack> kDeleteDynamicQr{
    Method::kPost, "/delete-dynamic-qr", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kBank, detail::parse_envelope}};
/// get_transaction_paging: One page of the merchant's transactions in a window of at most 10 days
inline constexpr Endpoint<GetTransactionPagingRequest, TransactionPage> kGetTransactionPaging{
    Method::kPost, "/v1/transaction/get-paging", kRead, detail::build, detail::parse_transaction_page, nullptr, {Group::kDevice, detail::parse_envelope}};
/// get_banks: The banks Tingee supports (`GET {bank prefix}/get-banks`; Tingee answers a bare JSON array,
inline constexpr Endpoint<NoRequest, BankList> kGetBanks{
    Method::kGet, "/get-banks", kRead, nullptr, detail::parse_banks, nullptr, {Group::kBank, detail::parse_banks_envelope}};
/// get_einvoice_providers: The e-invoice providers Tingee issues invoices through (`POST /v1/e-invoice/get-provider`;
inline constexpr Endpoint<NoRequest, EInvoiceProviders> kGetEinvoiceProviders{
    Method::kPost, "/v1/e-invoice/get-provider", kRead, nullptr, detail::parse_e_invoice_providers, nullptr, {Group::kDevice, detail::parse_envelope}};
/// create_va: Starts linking a bank account as a virtual account (`{bank prefix}/create-va`; the official SDKs'
inline constexpr Endpoint<CreateVaRequest, CreateVaResult> kCreateVa{
    Method::kPost, "/create-va", kWrite, detail::build, detail::parse_create_va, nullptr, {Group::kBank, detail::parse_envelope}};
/// create_va_advanced: create_va's advanced form (`{bank prefix}/create-va-advanced`, `bank.createVaAdvanced`): the same
inline constexpr Endpoint<CreateVaAdvancedRequest, CreateVaResult> kCreateVaAdvanced{
    Method::kPost, "/create-va-advanced", kWrite, detail::build, detail::parse_create_va, nullptr, {Group::kBank, detail::parse_envelope}};
/// confirm_va: Confirms a create_va with the OTP the bank sent (`{bank prefix}/confirm-va`, `bank.confirmVa`);
inline constexpr Endpoint<ConfirmVaRequest, ConfirmVaResult> kConfirmVa{
    Method::kPost, "/confirm-va", kWrite, detail::build, detail::parse_confirm_va, nullptr, {Group::kBank, detail::parse_envelope}};
/// delete_va: Starts unlinking a VA (`POST {bank prefix}/delete-va?bankBin=&vaAccountNumber=`; no body, signed
inline constexpr Endpoint<DeleteVaRequest, OtpSession> kDeleteVa{
    Method::kPost, "/delete-va", kWrite, nullptr, detail::parse_otp_session, detail::build_query, {Group::kBank, detail::parse_envelope}};
/// confirm_delete_va: Confirms a delete_va with its OTP (`{bank prefix}/confirm-delete-va`, `bank.confirmDeleteVa`).
inline constexpr Endpoint<ConfirmDeleteVaRequest, Ack> kConfirmDeleteVa{
    Method::kPost, "/confirm-delete-va", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kBank, detail::parse_envelope}};
/// get_va_paging: One page of the merchant's virtual accounts (`{bank prefix}/get-va-paging`, `bank.getVaPaging`). A read.
inline constexpr Endpoint<GetVaPagingRequest, VaPage> kGetVaPaging{
    Method::kPost, "/get-va-paging", kRead, detail::build, detail::parse_va_page, nullptr, {Group::kBank, detail::parse_envelope}};
/// register_notify: Asks the bank to notify Tingee of a VA's payments (`{bank prefix}/register-notify`,
inline constexpr Endpoint<RegisterNotifyRequest, OtpSession> kRegisterNotify{
    Method::kPost, "/register-notify", kWrite, detail::build, detail::parse_otp_session, nullptr, {Group::kBank, detail::parse_envelope}};
/// confirm_register_notify: Confirms a register_notify with its OTP (`{bank prefix}/confirm-register-notify`,
inline constexpr Endpoint<ConfirmRegisterNotifyRequest, OtpSession> kConfirmRegisterNotify{
    Method::kPost, "/confirm-register-notify", kWrite, detail::build, detail::parse_otp_session, nullptr, {Group::kBank, detail::parse_envelope}};
/// direct_debit_register: Opens a direct-debit subscription for a payer (`POST /v1/direct-debit/register`, the official
inline constexpr Endpoint<DirectDebitRegisterRequest, DirectDebitLink> kDirectDebitRegister{
    Method::kPost, "/v1/direct-debit/register", kWrite, detail::build, detail::parse_direct_debit_link, nullptr, {Group::kDevice, detail::parse_envelope}};
/// direct_debit_payment_bill: Debits a subscription (`POST /v1/direct-debit/payment-bill`, `directDebit.paymentBill`). Money
inline constexpr Endpoint<DirectDebitPaymentBillRequest, PaymentBillResult> kDirectDebitPaymentBill{
    Method::kPost, "/v1/direct-debit/payment-bill", kWrite, detail::build, detail::parse_payment_bill, nullptr, {Group::kDevice, detail::parse_envelope}};
/// direct_debit_delete_subscription: Ends a subscription (`DELETE /v1/direct-debit/delete-subscription` with a JSON body,
inline constexpr Endpoint<DirectDebitDeleteSubscriptionRequest, DeleteSubscriptionResult> kDirectDebitDeleteSubscription{
    Method::kDelete, "/v1/direct-debit/delete-subscription", kWrite, detail::build, detail::parse_delete_subscription, nullptr, {Group::kDevice, detail::parse_envelope}};
/// direct_debit_refund: Refunds (part of) a debit (`POST /v1/direct-debit/refund`, `directDebit.refund`). Money out:
inline constexpr Endpoint<DirectDebitRefundRequest, RefundResult> kDirectDebitRefund{
    Method::kPost, "/v1/direct-debit/refund", kWrite, detail::build, detail::parse_refund, nullptr, {Group::kDevice, detail::parse_envelope}};
/// direct_debit_edit_confirm_payment_method: Lets the payer change how debits are confirmed (`PUT /v1/direct-debit/edit-confirm-payment-method`,
inline constexpr Endpoint<DirectDebitEditConfirmPaymentMethodRequest, DirectDebitLink> kDirectDebitEditConfirmPaymentMethod{
    Method::kPut, "/v1/direct-debit/edit-confirm-payment-method", kWrite, detail::build, detail::parse_direct_debit_link, nullptr, {Group::kDevice, detail::parse_envelope}};
/// direct_debit_get_subscription_status: A subscription's state (`GET /v1/direct-debit/get-subscription-status?…`; no body, signed over
inline constexpr Endpoint<DirectDebitSubscriptionStatusRequest, SubscriptionStatus> kDirectDebitGetSubscriptionStatus{
    Method::kGet, "/v1/direct-debit/get-subscription-status", kRead, nullptr, detail::parse_subscription_status, detail::build_query, {Group::kDevice, detail::parse_envelope}};
/// direct_debit_get_transaction_status: A debit's state (`GET /v1/direct-debit/get-transaction-status?…`; no body, signed over "{}";
inline constexpr Endpoint<DirectDebitTransactionStatusRequest, DirectDebitTransactionStatus> kDirectDebitGetTransactionStatus{
    Method::kGet, "/v1/direct-debit/get-transaction-status", kRead, nullptr, detail::parse_direct_debit_transaction_status, detail::build_query, {Group::kDevice, detail::parse_envelope}};
/// direct_debit_get_paging_transactions: One page of a subscription's debits (`GET /v1/direct-debit/get-paging-transactions?…`; no body,
inline constexpr Endpoint<DirectDebitTransactionPagingRequest, DirectDebitTransactionPage> kDirectDebitGetPagingTransactions{
    Method::kGet, "/v1/direct-debit/get-paging-transactions", kRead, nullptr, detail::parse_direct_debit_transaction_page, detail::build_query, {Group::kDevice, detail::parse_envelope}};
/// generate_viet_qr: A static VietQR for a bank account, rendered by Tingee (`{bank prefix}/generate-viet-qr`, the
inline constexpr Endpoint<GenerateVietQrRequest, VietQr> kGenerateVietQr{
    Method::kPost, "/generate-viet-qr", kRead, detail::build, detail::parse_viet_qr, nullptr, {Group::kBank, detail::parse_envelope}};
/// get_account_number_info_by_qr_code: Decodes a VietQR payload into the account it names (`POST {bank prefix}/get-account-number-info-by-qr-code?qrCode=`;
inline constexpr Endpoint<GetAccountNumberInfoByQrCodeRequest, QrAccountInfoPage> kGetAccountNumberInfoByQrCode{
    Method::kPost, "/get-account-number-info-by-qr-code", kRead, nullptr, detail::parse_qr_account_info_page, detail::build_query, {Group::kBank, detail::parse_envelope}};
/// generate_deep_link: A link that opens the payer's bank app on a payment (`POST /v1/deep-link/generate`,
inline constexpr Endpoint<GenerateDeepLinkRequest, DeepLink> kGenerateDeepLink{
    Method::kPost, "/v1/deep-link/generate", kWrite, detail::build, detail::parse_deep_link, nullptr, {Group::kDevice, detail::parse_envelope}};
/// generate_deep_link_bidv_test: generate_deep_link against BIDV's test environment (`POST /v1/deep-link/generate-bidv-test`,
inline constexpr Endpoint<GenerateDeepLinkBidvTestRequest, DeepLink> kGenerateDeepLinkBidvTest{
    Method::kPost, "/v1/deep-link/generate-bidv-test", kWrite, detail::build, detail::parse_deep_link, nullptr, {Group::kDevice, detail::parse_envelope}};
/// create_bank_link_session: Opens a session on Tingee's hosted bank-linking page (`POST /v1/create-bank-link-session`; not
inline constexpr Endpoint<CreateBankLinkSessionRequest, BankLinkSession> kCreateBankLinkSession{
    Method::kPost, "/v1/create-bank-link-session", kWrite, detail::build, detail::parse_bank_link_session, nullptr, {Group::kDevice, detail::parse_envelope}};
/// read_amount: Makes a device announce an amount (`POST /v1/device/read-amount`, the older form of
inline constexpr Endpoint<DeviceReadAmountRequest, Ack> kReadAmount{
    Method::kPost, "/v1/device/read-amount", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kDevice, detail::parse_envelope}};
/// shop_create_or_update: Creates a shop, or updates the one the request's id names (`POST /v1/shop/create-or-update`,
inline constexpr Endpoint<CreateOrUpdateShopRequest, ShopSaved> kShopCreateOrUpdate{
    Method::kPost, "/v1/shop/create-or-update", kWrite, detail::build, detail::parse_shop_saved, nullptr, {Group::kDevice, detail::parse_envelope}};
/// shop_get_paging: One page of the merchant's shops (`POST /v1/shop/get-paging`, `shop.getPaging`). A read.
inline constexpr Endpoint<GetShopPagingRequest, ShopPage> kShopGetPaging{
    Method::kPost, "/v1/shop/get-paging", kRead, detail::build, detail::parse_shop_page, nullptr, {Group::kDevice, detail::parse_envelope}};
/// merchant_create: Creates a sub-merchant of a Master Merchant (`POST /v1/merchant/create`, `merchant.create`);
inline constexpr Endpoint<MerchantCreateRequest, MerchantCreated> kMerchantCreate{
    Method::kPost, "/v1/merchant/create", kWrite, detail::build, detail::parse_merchant_created, nullptr, {Group::kDevice, detail::parse_envelope}};
/// merchant_get_paging: One page of the Master Merchant's merchants (`POST /v1/merchant/get-paging`,
inline constexpr Endpoint<MerchantGetPagingRequest, MerchantPage> kMerchantGetPaging{
    Method::kPost, "/v1/merchant/get-paging", kRead, detail::build, detail::parse_merchant_page, nullptr, {Group::kDevice, detail::parse_envelope}};
/// merchant_delete: Deletes a merchant (`DELETE /v1/merchant/delete?merchantId=`; no body, signed over "{}";
inline constexpr Endpoint<MerchantDeleteRequest, Ack> kMerchantDelete{
    Method::kDelete, "/v1/merchant/delete", kWrite, nullptr, detail::parse_ack, detail::build_query, {Group::kDevice, detail::parse_envelope}};
/// merchant_get_paging_config: One page of bank configurations (`POST /v1/merchant/get-paging-config`,
inline constexpr Endpoint<MerchantGetPagingConfigRequest, MerchantBankConfigPage> kMerchantGetPagingConfig{
    Method::kPost, "/v1/merchant/get-paging-config", kRead, detail::build, detail::parse_merchant_bank_config_page, nullptr, {Group::kDevice, detail::parse_envelope}};
/// merchant_create_or_update_config: Sets a bank configuration of a merchant (`POST /v1/merchant/create-or-update-config`,
inline constexpr Endpoint<MerchantCreateOrUpdateConfigRequest, ConfigId> kMerchantCreateOrUpdateConfig{
    Method::kPost, "/v1/merchant/create-or-update-config", kWrite, detail::build, detail::parse_config_id, nullptr, {Group::kDevice, detail::parse_envelope}};
/// merchant_delete_config: Removes a bank configuration (`POST /v1/merchant/delete-config`, `merchant.deleteConfig`);
inline constexpr Endpoint<MerchantDeleteConfigRequest, ConfigId> kMerchantDeleteConfig{
    Method::kPost, "/v1/merchant/delete-config", kWrite, detail::build, detail::parse_config_id, nullptr, {Group::kDevice, detail::parse_envelope}};
/// merchant_config_account_business: Links an ACB business account to a merchant (`POST /v1/merchant/config-account-business`,
inline constexpr Endpoint<MerchantConfigAccountBusinessRequest, OtpSession> kMerchantConfigAccountBusiness{
    Method::kPost, "/v1/merchant/config-account-business", kWrite, detail::build, detail::parse_otp_session, nullptr, {Group::kDevice, detail::parse_envelope}};
/// merchant_delete_config_account_business: Unlinks a business account (`POST /v1/merchant/delete-config-account-business`,
inline constexpr Endpoint<MerchantDeleteConfigAccountBusinessRequest, OtpSession> kMerchantDeleteConfigAccountBusiness{
    Method::kPost, "/v1/merchant/delete-config-account-business", kWrite, detail::build, detail::parse_business_unlink, nullptr, {Group::kDevice, detail::parse_envelope}};
/// e_invoice_get_paging_account: One page of the merchant's e-invoice provider accounts (`POST /v1/e-invoice/get-paging-account`,
inline constexpr Endpoint<EInvoiceGetPagingAccountRequest, EInvoiceAccountPage> kEInvoiceGetPagingAccount{
    Method::kPost, "/v1/e-invoice/get-paging-account", kRead, detail::build, detail::parse_e_invoice_account_page, nullptr, {Group::kDevice, detail::parse_envelope}};
/// e_invoice_create_or_update_account: Stores a provider account (`POST /v1/e-invoice/create-or-update-account`,
inline constexpr Endpoint<EInvoiceCreateOrUpdateAccountRequest, EInvoiceAccountId> kEInvoiceCreateOrUpdateAccount{
    Method::kPost, "/v1/e-invoice/create-or-update-account", kWrite, detail::build, detail::parse_e_invoice_account_id, nullptr, {Group::kDevice, detail::parse_envelope}};
/// e_invoice_delete_account: Removes a provider account (`POST /v1/e-invoice/delete-account`, `eInvoice.deleteAccount`).
inline constexpr Endpoint<EInvoiceDeleteAccountRequest, Ack> kEInvoiceDeleteAccount{
    Method::kPost, "/v1/e-invoice/delete-account", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kDevice, detail::parse_envelope}};
/// e_invoice_create: Creates a draft invoice at the account's provider (`POST /v1/e-invoice/create`,
inline constexpr Endpoint<EInvoiceCreateRequest, InvoiceFile> kEInvoiceCreate{
    Method::kPost, "/v1/e-invoice/create", kWrite, detail::build, detail::parse_invoice_file, nullptr, {Group::kDevice, detail::parse_envelope}};
/// e_invoice_create_and_issue: Creates an invoice and issues it to the tax authority (`POST /v1/e-invoice/create-and-issue`,
inline constexpr Endpoint<EInvoiceCreateAndIssueRequest, InvoiceTracking> kEInvoiceCreateAndIssue{
    Method::kPost, "/v1/e-invoice/create-and-issue", kWrite, detail::build, detail::parse_invoice_tracking, nullptr, {Group::kDevice, detail::parse_envelope}};
/// e_invoice_get_invoice_info: An invoice's tracking data by its invoice_code (`POST /v1/e-invoice/get-invoice-info`,
inline constexpr Endpoint<EInvoiceGetInvoiceInfoRequest, InvoiceTracking> kEInvoiceGetInvoiceInfo{
    Method::kPost, "/v1/e-invoice/get-invoice-info", kRead, detail::build, detail::parse_invoice_tracking, nullptr, {Group::kDevice, detail::parse_envelope}};
/// e_invoice_download: An invoice as a base64 PDF (`POST /v1/e-invoice/download`, `eInvoice.download`). A read.
inline constexpr Endpoint<EInvoiceDownloadRequest, InvoiceFile> kEInvoiceDownload{
    Method::kPost, "/v1/e-invoice/download", kRead, detail::build, detail::parse_invoice_file, nullptr, {Group::kDevice, detail::parse_envelope}};
/// e_invoice_invoice_templates: Checks a provider account's credentials and answers its invoice template (pattern, series,
inline constexpr Endpoint<EInvoiceInvoiceTemplatesRequest, InvoiceTemplate> kEInvoiceInvoiceTemplates{
    Method::kPost, "/v1/e-invoice/invoice-templates", kRead, detail::build, detail::parse_invoice_template, nullptr, {Group::kDevice, detail::parse_envelope}};
/// e_invoice_send_email: E-mails an issued invoice to the buyer (`POST /v1/e-invoice/send-email`, `eInvoice.sendEmail`).
inline constexpr Endpoint<EInvoiceSendEmailRequest, Ack> kEInvoiceSendEmail{
    Method::kPost, "/v1/e-invoice/send-email", kWrite, detail::build, detail::parse_ack, nullptr, {Group::kDevice, detail::parse_envelope}};
// clang-format on
// END generated

}  // namespace paygw::tingee::detail
