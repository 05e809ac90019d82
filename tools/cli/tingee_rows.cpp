// SPDX-License-Identifier: MIT
// paygw CLI — `paygw tingee endpoints` and `paygw tingee call <endpoint>`: every public row of
// src/tingee/endpoints.rows reachable without a command written for it (ADR 0052).
//
// The table below is written by tools/codegen, one entry per row: its CLI name (the row's name in
// kebab-case), method, path, kind, types and doc, and how to call it — the operator's JSON is read
// into the row's typed request (tingee_fields.hpp, strict: unknown keys and wrong JSON types are
// refused), then the typed client call validates, signs and sends it with the row's kind (a write
// is never resent once it may have been sent), and the typed result is printed (member names).
// The commands themselves are row_commands.hpp's, shared with TConnect and charging.
#include "row_commands.hpp"
#include "tingee.hpp"
#include "tingee_fields.hpp"

#include <string>

namespace paygw::cli::tingee_cli {
namespace {

/// How the rows of row_commands.hpp reach Tingee.
struct Provider : rows::ProviderBase {
  using Creds = tingee_cli::Creds;
  static constexpr const char* kGroup = "tingee";
  static constexpr const char* kLabel = "Tingee";
  static constexpr const char* kExample = "create-va";
  static constexpr const char* kKeys = "the keys Tingee documents, camelCase";
  static tingee::Client client(const Creds& creds, const Context& ctx) { return creds->client(ctx); }
  /// Tingee publishes no error list: 1002 is the sandbox's "device does not exist", 1003 its "bill
  /// does not exist" for the bill calls (`*-dynamic-qr` outside /v1/device/), as for the named commands.
  static bool not_found(const char* row_path, const Error& e) {
    const std::string path = row_path;
    const bool bill = path.find("dynamic-qr") != std::string::npos && path.find("/device/") == std::string::npos;
    return device_not_found(e) || (bill && bill_not_found(e));
  }
};
using Row = rows::Row<Provider>;

// clang-format off
const Row kRows[] = {
// BEGIN generated from src/tingee/endpoints.rows by tools/codegen; do not edit
{"read-security-code", "POST", "/v1/device/read-security-code", false, "ReadSecurityCodeRequest", "Ack", "Makes the device announce/show its pairing security code (no data returned).",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::ReadSecurityCodeRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::ReadSecurityCodeRequest& request, const CallOptions& o) { return c.read_security_code(request, o); }); },
 [] { return rows::to_json(tingee::ReadSecurityCodeRequest{}, true); }},
{"add-device-to-shop", "POST", "/v1/device/add-device-to-shop", false, "AddDeviceToShopRequest", "DeviceRefs", "Links a device to shops and/or VAs; returns the linked devices.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::AddDeviceToShopRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::AddDeviceToShopRequest& request, const CallOptions& o) { return c.add_device_to_shop(request, o); }); },
 [] { return rows::to_json(tingee::AddDeviceToShopRequest{}, true); }},
{"update-shop-device-link-status", "POST", "/v1/device/update-shop-device-link-status", false, "UpdateShopDeviceLinkStatusRequest", "Ack", "Links or unlinks a device and shops (isLinkToDevice per shop).",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::UpdateShopDeviceLinkStatusRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::UpdateShopDeviceLinkStatusRequest& request, const CallOptions& o) { return c.update_shop_device_link_status(request, o); }); },
 [] { return rows::to_json(tingee::UpdateShopDeviceLinkStatusRequest{}, true); }},
{"get-devices-link-to-shop-or-va", "POST", "/v1/device/get-devices-link-to-shop-or-va", true, "GetDevicesLinkToShopOrVaRequest", "DeviceRefs", "Devices linked to a VA or a shop. A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::GetDevicesLinkToShopOrVaRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::GetDevicesLinkToShopOrVaRequest& request, const CallOptions& o) { return c.get_devices_link_to_shop_or_va(request, o); }); },
 [] { return rows::to_json(tingee::GetDevicesLinkToShopOrVaRequest{}, true); }},
{"get-device-paging", "POST", "/v1/device/get-paging", true, "GetDevicePagingRequest", "DevicePage", "One page of the merchant's devices (`get-paging`). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::GetDevicePagingRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::GetDevicePagingRequest& request, const CallOptions& o) { return c.get_device_paging(request, o); }); },
 [] { return rows::to_json(tingee::GetDevicePagingRequest{}, true); }},
{"show-qr-code", "POST", "/v1/device/show-qr-code", false, "ShowQrRequest", "Ack", "Shows a payment QR on a 3LS device (dynamic QR only). A payment write: not retried. With Config::validate_qr the QR must parse and its amount (tag 54), if any, equal `amount`.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::ShowQrRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::ShowQrRequest& request, const CallOptions& o) { return c.show_qr_code(request, o); }); },
 [] { return rows::to_json(tingee::ShowQrRequest{}, true); }},
{"show-dynamic-qr-code", "POST", "/v1/device/show-dynamic-qr-code", false, "ShowQrRequest", "Ack", "Shows a dynamic QR on a non-3LS device. A payment write: not retried. QR checked as show_qr_code.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::ShowQrRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::ShowQrRequest& request, const CallOptions& o) { return c.show_dynamic_qr_code(request, o); }); },
 [] { return rows::to_json(tingee::ShowQrRequest{}, true); }},
{"show-static-qr-code", "POST", "/v1/device/show-static-qr-code", false, "ShowQrRequest", "Ack", "Shows a static VietQR on a non-3LS device. A payment write: not retried. QR checked as show_qr_code.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::ShowQrRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::ShowQrRequest& request, const CallOptions& o) { return c.show_static_qr_code(request, o); }); },
 [] { return rows::to_json(tingee::ShowQrRequest{}, true); }},
{"generate-and-show-dynamic-qr-code", "POST", "/v1/device/generate-and-show-dynamic-qr-code", false, "GenerateAndShowDynamicQrRequest", "DynamicQr", "Creates a dynamic QR bill at Tingee and shows it (non-3LS devices). Not retried: after a kMaybeSent error the bill may exist.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::GenerateAndShowDynamicQrRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::GenerateAndShowDynamicQrRequest& request, const CallOptions& o) { return c.generate_and_show_dynamic_qr_code(request, o); }); },
 [] { return rows::to_json(tingee::GenerateAndShowDynamicQrRequest{}, true); }},
{"read-amount-link-to-merchant", "POST", "/v1/device/read-amount-link-to-merchant", false, "ReadAmountRequest", "Ack", "Makes the device announce an amount (and optionally print a receipt). A write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::ReadAmountRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::ReadAmountRequest& request, const CallOptions& o) { return c.read_amount_link_to_merchant(request, o); }); },
 [] { return rows::to_json(tingee::ReadAmountRequest{}, true); }},
{"print-receipt", "POST", "/v1/device/print-receipt", false, "PrintReceiptRequest", "Ack", "Prints a receipt on a TINGEE MAX printer device. A write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::PrintReceiptRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::PrintReceiptRequest& request, const CallOptions& o) { return c.print_receipt(request, o); }); },
 [] { return rows::to_json(tingee::PrintReceiptRequest{}, true); }},
{"reset-device", "DELETE", "/v1/device/reset", false, "ResetDeviceRequest", "ResetResult", "Resets a device (`DELETE /v1/device/reset?uuid=`; no body, signs \"{}\"). A write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::ResetDeviceRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::ResetDeviceRequest& request, const CallOptions& o) { return c.reset_device(request, o); }); },
 [] { return rows::to_json(tingee::ResetDeviceRequest{}, true); }},
{"nfc-command", "POST", "/v1/device/nfc-command", false, "NfcCommandRequest", "Ack", "Sends an NFC command to a device (`POST /v1/device/nfc-command`: enable NFC, set the link or app package it hands out). A write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::NfcCommandRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::NfcCommandRequest& request, const CallOptions& o) { return c.nfc_command(request, o); }); },
 [] { return rows::to_json(tingee::NfcCommandRequest{}, true); }},
{"reset-device-with-details", "POST", "/v1/device/reset-device", false, "ResetDeviceWithDetailsRequest", "Ack", "Resets a device with its owner's details (`POST /v1/device/reset-device`; a JSON body, unlike reset_device's `DELETE /v1/device/reset`). A write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::ResetDeviceWithDetailsRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::ResetDeviceWithDetailsRequest& request, const CallOptions& o) { return c.reset_device_with_details(request, o); }); },
 [] { return rows::to_json(tingee::ResetDeviceWithDetailsRequest{}, true); }},
{"generate-dynamic-qr", "POST", "{bank prefix}/generate-dynamic-qr", false, "GenerateDynamicQrRequest", "DynamicQrBill", "Creates a dynamic-QR bill (`{bank prefix}/generate-dynamic-qr`); show its qr_code with the show_* calls. A payment write: not retried; after a kMaybeSent error the bill may exist (look it up with get_transaction_paging or ask Tingee).",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::GenerateDynamicQrRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::GenerateDynamicQrRequest& request, const CallOptions& o) { return c.generate_dynamic_qr(request, o); }); },
 [] { return rows::to_json(tingee::GenerateDynamicQrRequest{}, true); }},
{"get-dynamic-qr-status", "POST", "{bank prefix}/get-status-dynamic-qr", true, "GetDynamicQrStatusRequest", "DynamicQrStatus", "A bill's state and the payments made to it (`{bank prefix}/get-status-dynamic-qr`). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::GetDynamicQrStatusRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::GetDynamicQrStatusRequest& request, const CallOptions& o) { return c.get_dynamic_qr_status(request, o); }); },
 [] { return rows::to_json(tingee::GetDynamicQrStatusRequest{}, true); }},
{"delete-dynamic-qr", "POST", "{bank prefix}/delete-dynamic-qr", false, "DeleteDynamicQrRequest", "Ack", "Deletes a bill (`{bank prefix}/delete-dynamic-qr`, a POST). A write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::DeleteDynamicQrRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::DeleteDynamicQrRequest& request, const CallOptions& o) { return c.delete_dynamic_qr(request, o); }); },
 [] { return rows::to_json(tingee::DeleteDynamicQrRequest{}, true); }},
{"get-transaction-paging", "POST", "/v1/transaction/get-paging", true, "GetTransactionPagingRequest", "TransactionPage", "One page of the merchant's transactions in a window of at most 10 days (`POST /v1/transaction/get-paging`): the polling fallback for a missed webhook. A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::GetTransactionPagingRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::GetTransactionPagingRequest& request, const CallOptions& o) { return c.get_transaction_paging(request, o); }); },
 [] { return rows::to_json(tingee::GetTransactionPagingRequest{}, true); }},
{"get-banks", "GET", "{bank prefix}/get-banks", true, "none", "BankList", "The banks Tingee supports (`GET {bank prefix}/get-banks`; Tingee answers a bare JSON array, the documented envelope is accepted too). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call_none<Provider, tingee::BankList>(ctx, creds, row, body, [](const tingee::Client& c, const CallOptions& o) { return c.get_banks(o); }); },
 [] { return Json::object(); }},
{"get-einvoice-providers", "POST", "/v1/e-invoice/get-provider", true, "none", "EInvoiceProviders", "The e-invoice providers Tingee issues invoices through (`POST /v1/e-invoice/get-provider`; no body, signed over \"{}\"; the official SDKs' `eInvoice.getProvider`). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call_none<Provider, tingee::EInvoiceProviders>(ctx, creds, row, body, [](const tingee::Client& c, const CallOptions& o) { return c.get_einvoice_providers(o); }); },
 [] { return Json::object(); }},
{"create-va", "POST", "{bank prefix}/create-va", false, "CreateVaRequest", "CreateVaResult", "Starts linking a bank account as a virtual account (`{bank prefix}/create-va`; the official SDKs' `bank.createVa`). The bank then sends an OTP (confirm it with confirm_va and the answer's confirm_id) or a link. A write: not retried; after a kMaybeSent error a link may be pending.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::CreateVaRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::CreateVaRequest& request, const CallOptions& o) { return c.create_va(request, o); }); },
 [] { return rows::to_json(tingee::CreateVaRequest{}, true); }},
{"create-va-advanced", "POST", "{bank prefix}/create-va-advanced", false, "CreateVaAdvancedRequest", "CreateVaResult", "create_va's advanced form (`{bank prefix}/create-va-advanced`, `bank.createVaAdvanced`): the same body and answer. A write: not retried.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::CreateVaAdvancedRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::CreateVaAdvancedRequest& request, const CallOptions& o) { return c.create_va_advanced(request, o); }); },
 [] { return rows::to_json(tingee::CreateVaAdvancedRequest{}, true); }},
{"confirm-va", "POST", "{bank prefix}/confirm-va", false, "ConfirmVaRequest", "ConfirmVaResult", "Confirms a create_va with the OTP the bank sent (`{bank prefix}/confirm-va`, `bank.confirmVa`); answers the active VA. The OTP is consumed by its first try: a write, never resent (after a kMaybeSent error look the VA up with get_va_paging; the confirm can take minutes).",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::ConfirmVaRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::ConfirmVaRequest& request, const CallOptions& o) { return c.confirm_va(request, o); }); },
 [] { return rows::to_json(tingee::ConfirmVaRequest{}, true); }},
{"delete-va", "POST", "{bank prefix}/delete-va", false, "DeleteVaRequest", "OtpSession", "Starts unlinking a VA (`POST {bank prefix}/delete-va?bankBin=&vaAccountNumber=`; no body, signed over \"{}\"; `bank.deleteVa`). Confirm with confirm_delete_va and the answer's confirm_id (none for VCB: nothing left to confirm). A write: not retried.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::DeleteVaRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::DeleteVaRequest& request, const CallOptions& o) { return c.delete_va(request, o); }); },
 [] { return rows::to_json(tingee::DeleteVaRequest{}, true); }},
{"confirm-delete-va", "POST", "{bank prefix}/confirm-delete-va", false, "ConfirmDeleteVaRequest", "Ack", "Confirms a delete_va with its OTP (`{bank prefix}/confirm-delete-va`, `bank.confirmDeleteVa`). The OTP is consumed by its first try: a write, never resent.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::ConfirmDeleteVaRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::ConfirmDeleteVaRequest& request, const CallOptions& o) { return c.confirm_delete_va(request, o); }); },
 [] { return rows::to_json(tingee::ConfirmDeleteVaRequest{}, true); }},
{"get-va-paging", "POST", "{bank prefix}/get-va-paging", true, "GetVaPagingRequest", "VaPage", "One page of the merchant's virtual accounts (`{bank prefix}/get-va-paging`, `bank.getVaPaging`). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::GetVaPagingRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::GetVaPagingRequest& request, const CallOptions& o) { return c.get_va_paging(request, o); }); },
 [] { return rows::to_json(tingee::GetVaPagingRequest{}, true); }},
{"register-notify", "POST", "{bank prefix}/register-notify", false, "RegisterNotifyRequest", "OtpSession", "Asks the bank to notify Tingee of a VA's payments (`{bank prefix}/register-notify`, `bank.registerNotify`; ACB needs it after confirm_va). The bank sends a second OTP: confirm it with confirm_register_notify. A write: not retried.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::RegisterNotifyRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::RegisterNotifyRequest& request, const CallOptions& o) { return c.register_notify(request, o); }); },
 [] { return rows::to_json(tingee::RegisterNotifyRequest{}, true); }},
{"confirm-register-notify", "POST", "{bank prefix}/confirm-register-notify", false, "ConfirmRegisterNotifyRequest", "OtpSession", "Confirms a register_notify with its OTP (`{bank prefix}/confirm-register-notify`, `bank.confirmRegisterNotify`). The OTP is consumed by its first try: a write, never resent.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::ConfirmRegisterNotifyRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::ConfirmRegisterNotifyRequest& request, const CallOptions& o) { return c.confirm_register_notify(request, o); }); },
 [] { return rows::to_json(tingee::ConfirmRegisterNotifyRequest{}, true); }},
{"direct-debit-register", "POST", "/v1/direct-debit/register", false, "DirectDebitRegisterRequest", "DirectDebitLink", "Opens a direct-debit subscription for a payer (`POST /v1/direct-debit/register`, the official SDKs' `directDebit.register`); answers the page where the payer authorises the debits. A write: not retried.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::DirectDebitRegisterRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::DirectDebitRegisterRequest& request, const CallOptions& o) { return c.direct_debit_register(request, o); }); },
 [] { return rows::to_json(tingee::DirectDebitRegisterRequest{}, true); }},
{"direct-debit-payment-bill", "POST", "/v1/direct-debit/payment-bill", false, "DirectDebitPaymentBillRequest", "PaymentBillResult", "Debits a subscription (`POST /v1/direct-debit/payment-bill`, `directDebit.paymentBill`). Money moves: a write, never resent unless certainly not sent; after a kMaybeSent error look the debit up with direct_debit_get_paging_transactions (by request_id's debit) before paying again.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::DirectDebitPaymentBillRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::DirectDebitPaymentBillRequest& request, const CallOptions& o) { return c.direct_debit_payment_bill(request, o); }); },
 [] { return rows::to_json(tingee::DirectDebitPaymentBillRequest{}, true); }},
{"direct-debit-delete-subscription", "DELETE", "/v1/direct-debit/delete-subscription", false, "DirectDebitDeleteSubscriptionRequest", "DeleteSubscriptionResult", "Ends a subscription (`DELETE /v1/direct-debit/delete-subscription` with a JSON body, `directDebit.deleteSubscription`); the payer confirms at the answer's confirm_url. A write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::DirectDebitDeleteSubscriptionRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::DirectDebitDeleteSubscriptionRequest& request, const CallOptions& o) { return c.direct_debit_delete_subscription(request, o); }); },
 [] { return rows::to_json(tingee::DirectDebitDeleteSubscriptionRequest{}, true); }},
{"direct-debit-refund", "POST", "/v1/direct-debit/refund", false, "DirectDebitRefundRequest", "RefundResult", "Refunds (part of) a debit (`POST /v1/direct-debit/refund`, `directDebit.refund`). Money out: a write, never resent unless certainly not sent; after a kMaybeSent error read the debit's state (direct_debit_get_transaction_status) before refunding again.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::DirectDebitRefundRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::DirectDebitRefundRequest& request, const CallOptions& o) { return c.direct_debit_refund(request, o); }); },
 [] { return rows::to_json(tingee::DirectDebitRefundRequest{}, true); }},
{"direct-debit-edit-confirm-payment-method", "PUT", "/v1/direct-debit/edit-confirm-payment-method", false, "DirectDebitEditConfirmPaymentMethodRequest", "DirectDebitLink", "Lets the payer change how debits are confirmed (`PUT /v1/direct-debit/edit-confirm-payment-method`, `directDebit.editConfirmPaymentMethod`); answers the page the payer opens. A write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::DirectDebitEditConfirmPaymentMethodRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::DirectDebitEditConfirmPaymentMethodRequest& request, const CallOptions& o) { return c.direct_debit_edit_confirm_payment_method(request, o); }); },
 [] { return rows::to_json(tingee::DirectDebitEditConfirmPaymentMethodRequest{}, true); }},
{"direct-debit-get-subscription-status", "GET", "/v1/direct-debit/get-subscription-status", true, "DirectDebitSubscriptionStatusRequest", "SubscriptionStatus", "A subscription's state (`GET /v1/direct-debit/get-subscription-status?…`; no body, signed over \"{}\"; `directDebit.getSubscriptionStatus`). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::DirectDebitSubscriptionStatusRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::DirectDebitSubscriptionStatusRequest& request, const CallOptions& o) { return c.direct_debit_get_subscription_status(request, o); }); },
 [] { return rows::to_json(tingee::DirectDebitSubscriptionStatusRequest{}, true); }},
{"direct-debit-get-transaction-status", "GET", "/v1/direct-debit/get-transaction-status", true, "DirectDebitTransactionStatusRequest", "DirectDebitTransactionStatus", "A debit's state (`GET /v1/direct-debit/get-transaction-status?…`; no body, signed over \"{}\"; `directDebit.getTransactionStatus`). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::DirectDebitTransactionStatusRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::DirectDebitTransactionStatusRequest& request, const CallOptions& o) { return c.direct_debit_get_transaction_status(request, o); }); },
 [] { return rows::to_json(tingee::DirectDebitTransactionStatusRequest{}, true); }},
{"direct-debit-get-paging-transactions", "GET", "/v1/direct-debit/get-paging-transactions", true, "DirectDebitTransactionPagingRequest", "DirectDebitTransactionPage", "One page of a subscription's debits (`GET /v1/direct-debit/get-paging-transactions?…`; no body, signed over \"{}\"; `directDebit.getPagingTransactions`). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::DirectDebitTransactionPagingRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::DirectDebitTransactionPagingRequest& request, const CallOptions& o) { return c.direct_debit_get_paging_transactions(request, o); }); },
 [] { return rows::to_json(tingee::DirectDebitTransactionPagingRequest{}, true); }},
{"generate-viet-qr", "POST", "{bank prefix}/generate-viet-qr", true, "GenerateVietQrRequest", "VietQr", "A static VietQR for a bank account, rendered by Tingee (`{bank prefix}/generate-viet-qr`, the official SDKs' `bank.generateVietQr`): the EMVCo payload, its PNG and the account it names. Nothing is created: a read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::GenerateVietQrRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::GenerateVietQrRequest& request, const CallOptions& o) { return c.generate_viet_qr(request, o); }); },
 [] { return rows::to_json(tingee::GenerateVietQrRequest{}, true); }},
{"get-account-number-info-by-qr-code", "POST", "{bank prefix}/get-account-number-info-by-qr-code", true, "GetAccountNumberInfoByQrCodeRequest", "QrAccountInfoPage", "Decodes a VietQR payload into the account it names (`POST {bank prefix}/get-account-number-info-by-qr-code?qrCode=`; no body, signed over \"{}\"; `bank.getAccountNumberInfoByQrCode`). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::GetAccountNumberInfoByQrCodeRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::GetAccountNumberInfoByQrCodeRequest& request, const CallOptions& o) { return c.get_account_number_info_by_qr_code(request, o); }); },
 [] { return rows::to_json(tingee::GetAccountNumberInfoByQrCodeRequest{}, true); }},
{"generate-deep-link", "POST", "/v1/deep-link/generate", false, "GenerateDeepLinkRequest", "DeepLink", "A link that opens the payer's bank app on a payment (`POST /v1/deep-link/generate`, `deepLink.generate`). It opens a payment session at Tingee: a write, not retried.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::GenerateDeepLinkRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::GenerateDeepLinkRequest& request, const CallOptions& o) { return c.generate_deep_link(request, o); }); },
 [] { return rows::to_json(tingee::GenerateDeepLinkRequest{}, true); }},
{"generate-deep-link-bidv-test", "POST", "/v1/deep-link/generate-bidv-test", false, "GenerateDeepLinkBidvTestRequest", "DeepLink", "generate_deep_link against BIDV's test environment (`POST /v1/deep-link/generate-bidv-test`, `deepLink.generateBidvTest`; no merchant_id). A write, not retried.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::GenerateDeepLinkBidvTestRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::GenerateDeepLinkBidvTestRequest& request, const CallOptions& o) { return c.generate_deep_link_bidv_test(request, o); }); },
 [] { return rows::to_json(tingee::GenerateDeepLinkBidvTestRequest{}, true); }},
{"create-bank-link-session", "POST", "/v1/create-bank-link-session", false, "CreateBankLinkSessionRequest", "BankLinkSession", "Opens a session on Tingee's hosted bank-linking page (`POST /v1/create-bank-link-session`; not in the official SDKs, see docs/tingee.md): answers the page's URL; the outcome arrives as a bank-link webhook. A write, not retried.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::CreateBankLinkSessionRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::CreateBankLinkSessionRequest& request, const CallOptions& o) { return c.create_bank_link_session(request, o); }); },
 [] { return rows::to_json(tingee::CreateBankLinkSessionRequest{}, true); }},
{"read-amount", "POST", "/v1/device/read-amount", false, "DeviceReadAmountRequest", "Ack", "Makes a device announce an amount (`POST /v1/device/read-amount`, the older form of read_amount_link_to_merchant; not in the SDKs since 0.2.0, see docs/tingee.md). A write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::DeviceReadAmountRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::DeviceReadAmountRequest& request, const CallOptions& o) { return c.read_amount(request, o); }); },
 [] { return rows::to_json(tingee::DeviceReadAmountRequest{}, true); }},
{"shop-create-or-update", "POST", "/v1/shop/create-or-update", false, "CreateOrUpdateShopRequest", "ShopSaved", "Creates a shop, or updates the one the request's id names (`POST /v1/shop/create-or-update`, the official SDKs' `shop.createOrUpdate`); answers the shop's id. A write: not retried; after a kMaybeSent error list the shops (shop_get_paging) before creating it again.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::CreateOrUpdateShopRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::CreateOrUpdateShopRequest& request, const CallOptions& o) { return c.shop_create_or_update(request, o); }); },
 [] { return rows::to_json(tingee::CreateOrUpdateShopRequest{}, true); }},
{"shop-get-paging", "POST", "/v1/shop/get-paging", true, "GetShopPagingRequest", "ShopPage", "One page of the merchant's shops (`POST /v1/shop/get-paging`, `shop.getPaging`). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::GetShopPagingRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::GetShopPagingRequest& request, const CallOptions& o) { return c.shop_get_paging(request, o); }); },
 [] { return rows::to_json(tingee::GetShopPagingRequest{}, true); }},
{"merchant-create", "POST", "/v1/merchant/create", false, "MerchantCreateRequest", "MerchantCreated", "Creates a sub-merchant of a Master Merchant (`POST /v1/merchant/create`, `merchant.create`); answers its id. The password travels in the body only (never logged or recorded). A write: not retried; after a kMaybeSent error list the merchants (merchant_get_paging) first.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::MerchantCreateRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::MerchantCreateRequest& request, const CallOptions& o) { return c.merchant_create(request, o); }); },
 [] { return rows::to_json(tingee::MerchantCreateRequest{}, true); }},
{"merchant-get-paging", "POST", "/v1/merchant/get-paging", true, "MerchantGetPagingRequest", "MerchantPage", "One page of the Master Merchant's merchants (`POST /v1/merchant/get-paging`, `merchant.getPaging`); each with its API client id and secret token (a Secret). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::MerchantGetPagingRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::MerchantGetPagingRequest& request, const CallOptions& o) { return c.merchant_get_paging(request, o); }); },
 [] { return rows::to_json(tingee::MerchantGetPagingRequest{}, true); }},
{"merchant-delete", "DELETE", "/v1/merchant/delete", false, "MerchantDeleteRequest", "Ack", "Deletes a merchant (`DELETE /v1/merchant/delete?merchantId=`; no body, signed over \"{}\"; `merchant.delete`). A write: not retried.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::MerchantDeleteRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::MerchantDeleteRequest& request, const CallOptions& o) { return c.merchant_delete(request, o); }); },
 [] { return rows::to_json(tingee::MerchantDeleteRequest{}, true); }},
{"merchant-get-paging-config", "POST", "/v1/merchant/get-paging-config", true, "MerchantGetPagingConfigRequest", "MerchantBankConfigPage", "One page of bank configurations (`POST /v1/merchant/get-paging-config`, `merchant.getPagingConfig`; their credentials are not read). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::MerchantGetPagingConfigRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::MerchantGetPagingConfigRequest& request, const CallOptions& o) { return c.merchant_get_paging_config(request, o); }); },
 [] { return rows::to_json(tingee::MerchantGetPagingConfigRequest{}, true); }},
{"merchant-create-or-update-config", "POST", "/v1/merchant/create-or-update-config", false, "MerchantCreateOrUpdateConfigRequest", "ConfigId", "Sets a bank configuration of a merchant (`POST /v1/merchant/create-or-update-config`, `merchant.createOrUpdateConfig`); answers its id. Bank credentials travel in the body only. A write, never resent (it may carry an OTP, consumed by its first try).",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::MerchantCreateOrUpdateConfigRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::MerchantCreateOrUpdateConfigRequest& request, const CallOptions& o) { return c.merchant_create_or_update_config(request, o); }); },
 [] { return rows::to_json(tingee::MerchantCreateOrUpdateConfigRequest{}, true); }},
{"merchant-delete-config", "POST", "/v1/merchant/delete-config", false, "MerchantDeleteConfigRequest", "ConfigId", "Removes a bank configuration (`POST /v1/merchant/delete-config`, `merchant.deleteConfig`); answers its id. A write, never resent (it may carry an OTP).",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::MerchantDeleteConfigRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::MerchantDeleteConfigRequest& request, const CallOptions& o) { return c.merchant_delete_config(request, o); }); },
 [] { return rows::to_json(tingee::MerchantDeleteConfigRequest{}, true); }},
{"merchant-config-account-business", "POST", "/v1/merchant/config-account-business", false, "MerchantConfigAccountBusinessRequest", "OtpSession", "Links an ACB business account to a merchant (`POST /v1/merchant/config-account-business`, `merchant.configAccountBusiness`); answers the session's confirm_id. A write: not retried.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::MerchantConfigAccountBusinessRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::MerchantConfigAccountBusinessRequest& request, const CallOptions& o) { return c.merchant_config_account_business(request, o); }); },
 [] { return rows::to_json(tingee::MerchantConfigAccountBusinessRequest{}, true); }},
{"merchant-delete-config-account-business", "POST", "/v1/merchant/delete-config-account-business", false, "MerchantDeleteConfigAccountBusinessRequest", "OtpSession", "Unlinks a business account (`POST /v1/merchant/delete-config-account-business`, `merchant.deleteConfigAccountBusiness`); Tingee answers `true` (an empty session) or a session to confirm. A write: not retried.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::MerchantDeleteConfigAccountBusinessRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::MerchantDeleteConfigAccountBusinessRequest& request, const CallOptions& o) { return c.merchant_delete_config_account_business(request, o); }); },
 [] { return rows::to_json(tingee::MerchantDeleteConfigAccountBusinessRequest{}, true); }},
{"e-invoice-get-paging-account", "POST", "/v1/e-invoice/get-paging-account", true, "EInvoiceGetPagingAccountRequest", "EInvoiceAccountPage", "One page of the merchant's e-invoice provider accounts (`POST /v1/e-invoice/get-paging-account`, the official SDKs' `eInvoice.getPagingAccount`). The password Tingee sends back is a Secret. A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::EInvoiceGetPagingAccountRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::EInvoiceGetPagingAccountRequest& request, const CallOptions& o) { return c.e_invoice_get_paging_account(request, o); }); },
 [] { return rows::to_json(tingee::EInvoiceGetPagingAccountRequest{}, true); }},
{"e-invoice-create-or-update-account", "POST", "/v1/e-invoice/create-or-update-account", false, "EInvoiceCreateOrUpdateAccountRequest", "EInvoiceAccountId", "Stores a provider account (`POST /v1/e-invoice/create-or-update-account`, `eInvoice.createOrUpdateAccount`): with id, updates that account; without, creates one (Tingee refuses a second account of the same merchant, provider and tax code). Answers the account's id. A write: not retried; after a kMaybeSent error look it up with e_invoice_get_paging_account.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::EInvoiceCreateOrUpdateAccountRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::EInvoiceCreateOrUpdateAccountRequest& request, const CallOptions& o) { return c.e_invoice_create_or_update_account(request, o); }); },
 [] { return rows::to_json(tingee::EInvoiceCreateOrUpdateAccountRequest{}, true); }},
{"e-invoice-delete-account", "POST", "/v1/e-invoice/delete-account", false, "EInvoiceDeleteAccountRequest", "Ack", "Removes a provider account (`POST /v1/e-invoice/delete-account`, `eInvoice.deleteAccount`). A write: not retried.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::EInvoiceDeleteAccountRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::EInvoiceDeleteAccountRequest& request, const CallOptions& o) { return c.e_invoice_delete_account(request, o); }); },
 [] { return rows::to_json(tingee::EInvoiceDeleteAccountRequest{}, true); }},
{"e-invoice-create", "POST", "/v1/e-invoice/create", false, "EInvoiceCreateRequest", "InvoiceFile", "Creates a draft invoice at the account's provider (`POST /v1/e-invoice/create`, `eInvoice.create`); answers its invoice_code and the draft as a PDF. A write, never resent: after a kMaybeSent error look the invoice_code up with e_invoice_get_invoice_info.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::EInvoiceCreateRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::EInvoiceCreateRequest& request, const CallOptions& o) { return c.e_invoice_create(request, o); }); },
 [] { return rows::to_json(tingee::EInvoiceCreateRequest{}, true); }},
{"e-invoice-create-and-issue", "POST", "/v1/e-invoice/create-and-issue", false, "EInvoiceCreateAndIssueRequest", "InvoiceTracking", "Creates an invoice and issues it to the tax authority (`POST /v1/e-invoice/create-and-issue`, `eInvoice.createAndIssue`); answers the number and look-up codes assigned. A write, never resent: after a kMaybeSent error look the invoice_code up with e_invoice_get_invoice_info.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::EInvoiceCreateAndIssueRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::EInvoiceCreateAndIssueRequest& request, const CallOptions& o) { return c.e_invoice_create_and_issue(request, o); }); },
 [] { return rows::to_json(tingee::EInvoiceCreateAndIssueRequest{}, true); }},
{"e-invoice-get-invoice-info", "POST", "/v1/e-invoice/get-invoice-info", true, "EInvoiceGetInvoiceInfoRequest", "InvoiceTracking", "An invoice's tracking data by its invoice_code (`POST /v1/e-invoice/get-invoice-info`, `eInvoice.getInvoiceInfo`): invoice_number is set once it is issued. A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::EInvoiceGetInvoiceInfoRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::EInvoiceGetInvoiceInfoRequest& request, const CallOptions& o) { return c.e_invoice_get_invoice_info(request, o); }); },
 [] { return rows::to_json(tingee::EInvoiceGetInvoiceInfoRequest{}, true); }},
{"e-invoice-download", "POST", "/v1/e-invoice/download", true, "EInvoiceDownloadRequest", "InvoiceFile", "An invoice as a base64 PDF (`POST /v1/e-invoice/download`, `eInvoice.download`). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::EInvoiceDownloadRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::EInvoiceDownloadRequest& request, const CallOptions& o) { return c.e_invoice_download(request, o); }); },
 [] { return rows::to_json(tingee::EInvoiceDownloadRequest{}, true); }},
{"e-invoice-invoice-templates", "POST", "/v1/e-invoice/invoice-templates", true, "EInvoiceInvoiceTemplatesRequest", "InvoiceTemplate", "Checks a provider account's credentials and answers its invoice template (pattern, series, invoices left) (`POST /v1/e-invoice/invoice-templates`, `eInvoice.invoiceTemplates`). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::EInvoiceInvoiceTemplatesRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::EInvoiceInvoiceTemplatesRequest& request, const CallOptions& o) { return c.e_invoice_invoice_templates(request, o); }); },
 [] { return rows::to_json(tingee::EInvoiceInvoiceTemplatesRequest{}, true); }},
{"e-invoice-send-email", "POST", "/v1/e-invoice/send-email", false, "EInvoiceSendEmailRequest", "Ack", "E-mails an issued invoice to the buyer (`POST /v1/e-invoice/send-email`, `eInvoice.sendEmail`). A write: not retried (a resend would mail the buyer twice).",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tingee::EInvoiceSendEmailRequest>(ctx, creds, row, body, [](const tingee::Client& c, const tingee::EInvoiceSendEmailRequest& request, const CallOptions& o) { return c.e_invoice_send_email(request, o); }); },
 [] { return rows::to_json(tingee::EInvoiceSendEmailRequest{}, true); }},
// END generated
};
// clang-format on

}  // namespace

void add_row_commands(CLI::App& group, Context& ctx, const Creds& creds) {
  rows::add_row_commands<Provider>(group, ctx, creds, kRows);
}

}  // namespace paygw::cli::tingee_cli
