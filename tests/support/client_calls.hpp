// SPDX-License-Identifier: MIT
// Every public call of tingee::Client, tconnect::Client and charging::Client, each with a valid
// request, as ONE table: a row per call, {name, path, write?, call(clients, async), callback(clients)},
// where call() runs the blocking form or the `_async` form with the same request, and callback()
// the `_async` form that completes into a paygw::Completion. The rows are generated from
// src/<provider>/endpoints.rows by tools/codegen (ADR 0042). Used by
//   - the client-call fuzz target (tests/fuzz/client_calls_fuzz.cpp), which answers each request
//     with arbitrary bytes;
//   - the recording tests (tests/unit/recording_redaction_test.cpp), which record a whole session
//     and grep the fixtures for the secrets of client_call_setup.hpp;
//   - the fault-server receipts test (tests/unit/client_receipts_test.cpp), which checks that each
//     request reaches the server once per attempt;
//   - the sandbox integration tests, which check that every row has a sandbox check.
// A new public call is one row of its provider's endpoints.rows; then all of them cover it. The
// fuzz seeds name rows by their index: after adding or moving a row, run tools/codegen, then
// python3 tests/fuzz/gen_client_calls_seeds.py.
#pragma once

#include "client_call_setup.hpp"

#include <future>
#include <memory>
#include <utility>
#include <vector>

namespace paygw::calls {

// One row's call(): `client.method args` or `client.method_async args`, the same arguments.
#define PAYGW_ROW_CALL(client, method, args)                                              \
  [](const Clients& c, bool async) {                                                      \
    return async ? outcome(c.client.method##_async args) : outcome(c.client.method args); \
  }
// One row's callback(): `client.method_async args` where the arguments end with the Completion
// `done` (Done below); it waits until `done` has run.
#define PAYGW_ROW_CALLBACK(client, method, args) \
  [](const Clients& c) { return completed([&c](const Done& done) { c.client.method##_async args; }); }

/// A Completion for any result type: sets the Outcome once (a second call would throw
/// std::future_error, which the client catches and logs).
struct Done {
  std::shared_ptr<std::promise<Outcome>> promise;
  template <typename T>
  void operator()(Result<T> result) const {
    promise->set_value(outcome(std::move(result)));
  }
};

/// Runs `start(done)` and waits until `done` has been called.
template <typename Start>
Outcome completed(const Start& start) {
  auto promise = std::make_shared<std::promise<Outcome>>();
  auto future = promise->get_future();
  start(Done{promise});
  return future.get();
}

inline constexpr bool kWrite = true;
inline constexpr bool kRead = false;

/// Every public call, in a fixed order. Add new calls here, one line each.
inline const std::vector<Call>& calls() {
  using namespace sample;
  // clang-format off
  static const std::vector<Call> table = {
      // tingee::Client
      // BEGIN generated from src/tingee/endpoints.rows by tools/codegen; do not edit
      {"tingee.read_security_code", "/v1/device/read-security-code", kWrite, PAYGW_ROW_CALL(tingee, read_security_code, ({"DEVICE-001", {}})), PAYGW_ROW_CALLBACK(tingee, read_security_code, ({"DEVICE-001", {}}, done))},
      {"tingee.add_device_to_shop", "/v1/device/add-device-to-shop", kWrite, PAYGW_ROW_CALL(tingee, add_device_to_shop, (add_device())), PAYGW_ROW_CALLBACK(tingee, add_device_to_shop, (add_device(), done))},
      {"tingee.update_shop_device_link_status", "/v1/device/update-shop-device-link-status", kWrite, PAYGW_ROW_CALL(tingee, update_shop_device_link_status, (update_link())), PAYGW_ROW_CALLBACK(tingee, update_shop_device_link_status, (update_link(), done))},
      {"tingee.get_devices_link_to_shop_or_va", "/v1/device/get-devices-link-to-shop-or-va", kRead, PAYGW_ROW_CALL(tingee, get_devices_link_to_shop_or_va, ({"V1T123456789", {}, {}})), PAYGW_ROW_CALLBACK(tingee, get_devices_link_to_shop_or_va, ({"V1T123456789", {}, {}}, done))},
      {"tingee.get_device_paging", "/v1/device/get-paging", kRead, PAYGW_ROW_CALL(tingee, get_device_paging, ({})), PAYGW_ROW_CALLBACK(tingee, get_device_paging, ({}, done))},
      {"tingee.show_qr_code", "/v1/device/show-qr-code", kWrite, PAYGW_ROW_CALL(tingee, show_qr_code, (show_qr())), PAYGW_ROW_CALLBACK(tingee, show_qr_code, (show_qr(), done))},
      {"tingee.show_dynamic_qr_code", "/v1/device/show-dynamic-qr-code", kWrite, PAYGW_ROW_CALL(tingee, show_dynamic_qr_code, (show_qr())), PAYGW_ROW_CALLBACK(tingee, show_dynamic_qr_code, (show_qr(), done))},
      {"tingee.show_static_qr_code", "/v1/device/show-static-qr-code", kWrite, PAYGW_ROW_CALL(tingee, show_static_qr_code, (show_qr())), PAYGW_ROW_CALLBACK(tingee, show_static_qr_code, (show_qr(), done))},
      {"tingee.generate_and_show_dynamic_qr_code", "/v1/device/generate-and-show-dynamic-qr-code", kWrite, PAYGW_ROW_CALL(tingee, generate_and_show_dynamic_qr_code, (dynamic_qr())), PAYGW_ROW_CALLBACK(tingee, generate_and_show_dynamic_qr_code, (dynamic_qr(), done))},
      {"tingee.read_amount_link_to_merchant", "/v1/device/read-amount-link-to-merchant", kWrite, PAYGW_ROW_CALL(tingee, read_amount_link_to_merchant, (read_amount())), PAYGW_ROW_CALLBACK(tingee, read_amount_link_to_merchant, (read_amount(), done))},
      {"tingee.print_receipt", "/v1/device/print-receipt", kWrite, PAYGW_ROW_CALL(tingee, print_receipt, (print_receipt())), PAYGW_ROW_CALLBACK(tingee, print_receipt, (print_receipt(), done))},
      {"tingee.reset_device", "/v1/device/reset", kWrite, PAYGW_ROW_CALL(tingee, reset_device, ({"DEVICE-001"})), PAYGW_ROW_CALLBACK(tingee, reset_device, ({"DEVICE-001"}, done))},
      {"tingee.nfc_command", "/v1/device/nfc-command", kWrite, PAYGW_ROW_CALL(tingee, nfc_command, (nfc())), PAYGW_ROW_CALLBACK(tingee, nfc_command, (nfc(), done))},
      {"tingee.reset_device_with_details", "/v1/device/reset-device", kWrite, PAYGW_ROW_CALL(tingee, reset_device_with_details, (reset_with_details())), PAYGW_ROW_CALLBACK(tingee, reset_device_with_details, (reset_with_details(), done))},
      {"tingee.generate_dynamic_qr", "/v1/generate-dynamic-qr", kWrite, PAYGW_ROW_CALL(tingee, generate_dynamic_qr, (bill())), PAYGW_ROW_CALLBACK(tingee, generate_dynamic_qr, (bill(), done))},
      {"tingee.get_dynamic_qr_status", "/v1/get-status-dynamic-qr", kRead, PAYGW_ROW_CALL(tingee, get_dynamic_qr_status, (bill_status())), PAYGW_ROW_CALLBACK(tingee, get_dynamic_qr_status, (bill_status(), done))},
      {"tingee.delete_dynamic_qr", "/v1/delete-dynamic-qr", kWrite, PAYGW_ROW_CALL(tingee, delete_dynamic_qr, (bill_delete())), PAYGW_ROW_CALLBACK(tingee, delete_dynamic_qr, (bill_delete(), done))},
      {"tingee.get_transaction_paging", "/v1/transaction/get-paging", kRead, PAYGW_ROW_CALL(tingee, get_transaction_paging, (transactions())), PAYGW_ROW_CALLBACK(tingee, get_transaction_paging, (transactions(), done))},
      {"tingee.get_banks", "/v1/get-banks", kRead, PAYGW_ROW_CALL(tingee, get_banks, ()), PAYGW_ROW_CALLBACK(tingee, get_banks, (done))},
      {"tingee.get_einvoice_providers", "/v1/e-invoice/get-provider", kRead, PAYGW_ROW_CALL(tingee, get_einvoice_providers, ()), PAYGW_ROW_CALLBACK(tingee, get_einvoice_providers, (done))},
      {"tingee.create_va", "/v1/create-va", kWrite, PAYGW_ROW_CALL(tingee, create_va, (create_va())), PAYGW_ROW_CALLBACK(tingee, create_va, (create_va(), done))},
      {"tingee.create_va_advanced", "/v1/create-va-advanced", kWrite, PAYGW_ROW_CALL(tingee, create_va_advanced, (create_va_advanced())), PAYGW_ROW_CALLBACK(tingee, create_va_advanced, (create_va_advanced(), done))},
      {"tingee.confirm_va", "/v1/confirm-va", kWrite, PAYGW_ROW_CALL(tingee, confirm_va, (confirm_va())), PAYGW_ROW_CALLBACK(tingee, confirm_va, (confirm_va(), done))},
      {"tingee.delete_va", "/v1/delete-va", kWrite, PAYGW_ROW_CALL(tingee, delete_va, (delete_va())), PAYGW_ROW_CALLBACK(tingee, delete_va, (delete_va(), done))},
      {"tingee.confirm_delete_va", "/v1/confirm-delete-va", kWrite, PAYGW_ROW_CALL(tingee, confirm_delete_va, (confirm_delete_va())), PAYGW_ROW_CALLBACK(tingee, confirm_delete_va, (confirm_delete_va(), done))},
      {"tingee.get_va_paging", "/v1/get-va-paging", kRead, PAYGW_ROW_CALL(tingee, get_va_paging, (va_paging())), PAYGW_ROW_CALLBACK(tingee, get_va_paging, (va_paging(), done))},
      {"tingee.register_notify", "/v1/register-notify", kWrite, PAYGW_ROW_CALL(tingee, register_notify, (register_notify())), PAYGW_ROW_CALLBACK(tingee, register_notify, (register_notify(), done))},
      {"tingee.confirm_register_notify", "/v1/confirm-register-notify", kWrite, PAYGW_ROW_CALL(tingee, confirm_register_notify, (confirm_register_notify())), PAYGW_ROW_CALLBACK(tingee, confirm_register_notify, (confirm_register_notify(), done))},
      {"tingee.direct_debit_register", "/v1/direct-debit/register", kWrite, PAYGW_ROW_CALL(tingee, direct_debit_register, (dd_register())), PAYGW_ROW_CALLBACK(tingee, direct_debit_register, (dd_register(), done))},
      {"tingee.direct_debit_payment_bill", "/v1/direct-debit/payment-bill", kWrite, PAYGW_ROW_CALL(tingee, direct_debit_payment_bill, (dd_payment())), PAYGW_ROW_CALLBACK(tingee, direct_debit_payment_bill, (dd_payment(), done))},
      {"tingee.direct_debit_delete_subscription", "/v1/direct-debit/delete-subscription", kWrite, PAYGW_ROW_CALL(tingee, direct_debit_delete_subscription, (dd_delete())), PAYGW_ROW_CALLBACK(tingee, direct_debit_delete_subscription, (dd_delete(), done))},
      {"tingee.direct_debit_refund", "/v1/direct-debit/refund", kWrite, PAYGW_ROW_CALL(tingee, direct_debit_refund, (dd_refund())), PAYGW_ROW_CALLBACK(tingee, direct_debit_refund, (dd_refund(), done))},
      {"tingee.direct_debit_edit_confirm_payment_method", "/v1/direct-debit/edit-confirm-payment-method", kWrite, PAYGW_ROW_CALL(tingee, direct_debit_edit_confirm_payment_method, (dd_edit())), PAYGW_ROW_CALLBACK(tingee, direct_debit_edit_confirm_payment_method, (dd_edit(), done))},
      {"tingee.direct_debit_get_subscription_status", "/v1/direct-debit/get-subscription-status", kRead, PAYGW_ROW_CALL(tingee, direct_debit_get_subscription_status, (dd_subscription_status())), PAYGW_ROW_CALLBACK(tingee, direct_debit_get_subscription_status, (dd_subscription_status(), done))},
      {"tingee.direct_debit_get_transaction_status", "/v1/direct-debit/get-transaction-status", kRead, PAYGW_ROW_CALL(tingee, direct_debit_get_transaction_status, (dd_transaction_status())), PAYGW_ROW_CALLBACK(tingee, direct_debit_get_transaction_status, (dd_transaction_status(), done))},
      {"tingee.direct_debit_get_paging_transactions", "/v1/direct-debit/get-paging-transactions", kRead, PAYGW_ROW_CALL(tingee, direct_debit_get_paging_transactions, (dd_transactions())), PAYGW_ROW_CALLBACK(tingee, direct_debit_get_paging_transactions, (dd_transactions(), done))},
      {"tingee.generate_viet_qr", "/v1/generate-viet-qr", kRead, PAYGW_ROW_CALL(tingee, generate_viet_qr, (viet_qr())), PAYGW_ROW_CALLBACK(tingee, generate_viet_qr, (viet_qr(), done))},
      {"tingee.get_account_number_info_by_qr_code", "/v1/get-account-number-info-by-qr-code", kRead, PAYGW_ROW_CALL(tingee, get_account_number_info_by_qr_code, (qr_account_info())), PAYGW_ROW_CALLBACK(tingee, get_account_number_info_by_qr_code, (qr_account_info(), done))},
      {"tingee.generate_deep_link", "/v1/deep-link/generate", kWrite, PAYGW_ROW_CALL(tingee, generate_deep_link, (deep_link())), PAYGW_ROW_CALLBACK(tingee, generate_deep_link, (deep_link(), done))},
      {"tingee.generate_deep_link_bidv_test", "/v1/deep-link/generate-bidv-test", kWrite, PAYGW_ROW_CALL(tingee, generate_deep_link_bidv_test, (deep_link_bidv_test())), PAYGW_ROW_CALLBACK(tingee, generate_deep_link_bidv_test, (deep_link_bidv_test(), done))},
      {"tingee.create_bank_link_session", "/v1/create-bank-link-session", kWrite, PAYGW_ROW_CALL(tingee, create_bank_link_session, (bank_link_session())), PAYGW_ROW_CALLBACK(tingee, create_bank_link_session, (bank_link_session(), done))},
      {"tingee.read_amount", "/v1/device/read-amount", kWrite, PAYGW_ROW_CALL(tingee, read_amount, (device_read_amount())), PAYGW_ROW_CALLBACK(tingee, read_amount, (device_read_amount(), done))},
      {"tingee.shop_create_or_update", "/v1/shop/create-or-update", kWrite, PAYGW_ROW_CALL(tingee, shop_create_or_update, (shop())), PAYGW_ROW_CALLBACK(tingee, shop_create_or_update, (shop(), done))},
      {"tingee.shop_get_paging", "/v1/shop/get-paging", kRead, PAYGW_ROW_CALL(tingee, shop_get_paging, (shop_paging())), PAYGW_ROW_CALLBACK(tingee, shop_get_paging, (shop_paging(), done))},
      {"tingee.merchant_create", "/v1/merchant/create", kWrite, PAYGW_ROW_CALL(tingee, merchant_create, (merchant_create())), PAYGW_ROW_CALLBACK(tingee, merchant_create, (merchant_create(), done))},
      {"tingee.merchant_get_paging", "/v1/merchant/get-paging", kRead, PAYGW_ROW_CALL(tingee, merchant_get_paging, (merchant_paging())), PAYGW_ROW_CALLBACK(tingee, merchant_get_paging, (merchant_paging(), done))},
      {"tingee.merchant_delete", "/v1/merchant/delete", kWrite, PAYGW_ROW_CALL(tingee, merchant_delete, (tingee::MerchantDeleteRequest{42})), PAYGW_ROW_CALLBACK(tingee, merchant_delete, (tingee::MerchantDeleteRequest{42}, done))},
      {"tingee.merchant_get_paging_config", "/v1/merchant/get-paging-config", kRead, PAYGW_ROW_CALL(tingee, merchant_get_paging_config, (merchant_config_paging())), PAYGW_ROW_CALLBACK(tingee, merchant_get_paging_config, (merchant_config_paging(), done))},
      {"tingee.merchant_create_or_update_config", "/v1/merchant/create-or-update-config", kWrite, PAYGW_ROW_CALL(tingee, merchant_create_or_update_config, (merchant_config())), PAYGW_ROW_CALLBACK(tingee, merchant_create_or_update_config, (merchant_config(), done))},
      {"tingee.merchant_delete_config", "/v1/merchant/delete-config", kWrite, PAYGW_ROW_CALL(tingee, merchant_delete_config, (tingee::MerchantDeleteConfigRequest{"", "", 7, std::nullopt})), PAYGW_ROW_CALLBACK(tingee, merchant_delete_config, (tingee::MerchantDeleteConfigRequest{"", "", 7, std::nullopt}, done))},
      {"tingee.merchant_config_account_business", "/v1/merchant/config-account-business", kWrite, PAYGW_ROW_CALL(tingee, merchant_config_account_business, (merchant_business())), PAYGW_ROW_CALLBACK(tingee, merchant_config_account_business, (merchant_business(), done))},
      {"tingee.merchant_delete_config_account_business", "/v1/merchant/delete-config-account-business", kWrite, PAYGW_ROW_CALL(tingee, merchant_delete_config_account_business, (merchant_business_unlink())), PAYGW_ROW_CALLBACK(tingee, merchant_delete_config_account_business, (merchant_business_unlink(), done))},
      {"tingee.e_invoice_get_paging_account", "/v1/e-invoice/get-paging-account", kRead, PAYGW_ROW_CALL(tingee, e_invoice_get_paging_account, (ei_paging())), PAYGW_ROW_CALLBACK(tingee, e_invoice_get_paging_account, (ei_paging(), done))},
      {"tingee.e_invoice_create_or_update_account", "/v1/e-invoice/create-or-update-account", kWrite, PAYGW_ROW_CALL(tingee, e_invoice_create_or_update_account, (ei_account())), PAYGW_ROW_CALLBACK(tingee, e_invoice_create_or_update_account, (ei_account(), done))},
      {"tingee.e_invoice_delete_account", "/v1/e-invoice/delete-account", kWrite, PAYGW_ROW_CALL(tingee, e_invoice_delete_account, (ei_delete())), PAYGW_ROW_CALLBACK(tingee, e_invoice_delete_account, (ei_delete(), done))},
      {"tingee.e_invoice_create", "/v1/e-invoice/create", kWrite, PAYGW_ROW_CALL(tingee, e_invoice_create, (ei_invoice())), PAYGW_ROW_CALLBACK(tingee, e_invoice_create, (ei_invoice(), done))},
      {"tingee.e_invoice_create_and_issue", "/v1/e-invoice/create-and-issue", kWrite, PAYGW_ROW_CALL(tingee, e_invoice_create_and_issue, (ei_invoice_and_issue())), PAYGW_ROW_CALLBACK(tingee, e_invoice_create_and_issue, (ei_invoice_and_issue(), done))},
      {"tingee.e_invoice_get_invoice_info", "/v1/e-invoice/get-invoice-info", kRead, PAYGW_ROW_CALL(tingee, e_invoice_get_invoice_info, (ei_info())), PAYGW_ROW_CALLBACK(tingee, e_invoice_get_invoice_info, (ei_info(), done))},
      {"tingee.e_invoice_download", "/v1/e-invoice/download", kRead, PAYGW_ROW_CALL(tingee, e_invoice_download, (ei_download())), PAYGW_ROW_CALLBACK(tingee, e_invoice_download, (ei_download(), done))},
      {"tingee.e_invoice_invoice_templates", "/v1/e-invoice/invoice-templates", kRead, PAYGW_ROW_CALL(tingee, e_invoice_invoice_templates, (ei_templates())), PAYGW_ROW_CALLBACK(tingee, e_invoice_invoice_templates, (ei_templates(), done))},
      {"tingee.e_invoice_send_email", "/v1/e-invoice/send-email", kWrite, PAYGW_ROW_CALL(tingee, e_invoice_send_email, (ei_email())), PAYGW_ROW_CALLBACK(tingee, e_invoice_send_email, (ei_email(), done))},
      // END generated
      // tconnect::Client
      // BEGIN generated from src/tconnect/endpoints.rows by tools/codegen; do not edit
      {"tconnect.authenticate", "/openapi/v1/auth/login", kRead, PAYGW_ROW_CALL(tconnect, authenticate, ()), PAYGW_ROW_CALLBACK(tconnect, authenticate, (done))},
      {"tconnect.push_payment(pos)", "/openapi/v1/devices/payments/push", kWrite, PAYGW_ROW_CALL(tconnect, push_payment, (pos())), PAYGW_ROW_CALLBACK(tconnect, push_payment, (pos(), done))},
      {"tconnect.push_payment(soundbox)", "/openapi/v1/devices/payments/push", kWrite, PAYGW_ROW_CALL(tconnect, push_payment, (soundbox())), PAYGW_ROW_CALLBACK(tconnect, push_payment, (soundbox(), done))},
      {"tconnect.get_services", "/openapi/v1/services", kRead, PAYGW_ROW_CALL(tconnect, get_services, ()), PAYGW_ROW_CALLBACK(tconnect, get_services, (done))},
      {"tconnect.create_va", "/openapi/v1/va/va-account/create", kWrite, PAYGW_ROW_CALL(tconnect, create_va, (va())), PAYGW_ROW_CALLBACK(tconnect, create_va, (va(), done))},
      {"tconnect.create_qr", "/openapi/v1/qr", kWrite, PAYGW_ROW_CALL(tconnect, create_qr, (qr())), PAYGW_ROW_CALLBACK(tconnect, create_qr, (qr(), done))},
      {"tconnect.get_qr_transactions", "/openapi/v1/transaction/qr", kRead, PAYGW_ROW_CALL(tconnect, get_qr_transactions, (query())), PAYGW_ROW_CALLBACK(tconnect, get_qr_transactions, (query(), done))},
      {"tconnect.get_card_transactions", "/openapi/v1/transaction/card", kRead, PAYGW_ROW_CALL(tconnect, get_card_transactions, (query())), PAYGW_ROW_CALLBACK(tconnect, get_card_transactions, (query(), done))},
      {"tconnect.get_cash_transactions", "/openapi/v1/transaction/cash", kRead, PAYGW_ROW_CALL(tconnect, get_cash_transactions, (query())), PAYGW_ROW_CALLBACK(tconnect, get_cash_transactions, (query(), done))},
      {"tconnect.generate_qr", "/openapi/v1/transaction/qr/generate", kWrite, PAYGW_ROW_CALL(tconnect, generate_qr, (generate_qr())), PAYGW_ROW_CALLBACK(tconnect, generate_qr, (generate_qr(), done))},
      {"tconnect.order_status", "/openapi/v1/transaction/qr/order/status", kRead, PAYGW_ROW_CALL(tconnect, order_status, (order_status())), PAYGW_ROW_CALLBACK(tconnect, order_status, (order_status(), done))},
      {"tconnect.confirm_ipn", "/openapi/v1/transaction/qr/order/status", kRead, PAYGW_ROW_CALL(tconnect, confirm_ipn, (ipn())), PAYGW_ROW_CALLBACK(tconnect, confirm_ipn, (ipn(), done))},
      // END generated
      // charging::Client, in each encoding
      // BEGIN generated from src/charging/endpoints.rows by tools/codegen; do not edit
      {"charging.submit", "/chargingws/v2", kWrite, PAYGW_ROW_CALL(charging, submit, (card())), PAYGW_ROW_CALLBACK(charging, submit, (card(), done))},
      {"charging.check", "/chargingws/v2", kRead, PAYGW_ROW_CALL(charging, check, (card())), PAYGW_ROW_CALLBACK(charging, check, (card(), done))},
      {"charging.get_fees", "/chargingws/v2/getfee", kRead, PAYGW_ROW_CALL(charging, get_fees, ()), PAYGW_ROW_CALLBACK(charging, get_fees, (done))},
      {"charging.get_price_table", "/chargingws/price", kRead, PAYGW_ROW_CALL(charging, get_price_table, ()), PAYGW_ROW_CALLBACK(charging, get_price_table, (done))},
      {"charging.check_serial", "/api/checkcard", kRead, PAYGW_ROW_CALL(charging, check_serial, (serial_check())), PAYGW_ROW_CALLBACK(charging, check_serial, (serial_check(), done))},
      {"charging_json.submit", "/chargingws/v2", kWrite, PAYGW_ROW_CALL(charging_json, submit, (card())), PAYGW_ROW_CALLBACK(charging_json, submit, (card(), done))},
      {"charging_json.check", "/chargingws/v2", kRead, PAYGW_ROW_CALL(charging_json, check, (card())), PAYGW_ROW_CALLBACK(charging_json, check, (card(), done))},
      {"charging_query.submit", "/chargingws/v2", kWrite, PAYGW_ROW_CALL(charging_query, submit, (card())), PAYGW_ROW_CALLBACK(charging_query, submit, (card(), done))},
      {"charging_query.check", "/chargingws/v2", kRead, PAYGW_ROW_CALL(charging_query, check, (card())), PAYGW_ROW_CALLBACK(charging_query, check, (card(), done))},
      // END generated
  };
  // clang-format on
  return table;
}

#undef PAYGW_ROW_CALL
#undef PAYGW_ROW_CALLBACK

}  // namespace paygw::calls
