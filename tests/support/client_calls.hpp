// SPDX-License-Identifier: MIT
// Every public call of tingee::Client, tconnect::Client and charging::Client, each with a valid
// request, as ONE table: a row per call, {name, path, write?, call(clients, async)}, where call()
// runs the blocking form or the `_async` form with the same request. Used by
//   - the client-call fuzz target (tests/fuzz/client_calls_fuzz.cpp), which answers each request
//     with arbitrary bytes;
//   - the recording tests (tests/unit/recording_redaction_test.cpp), which record a whole session
//     and grep the fixtures for the secrets of client_call_setup.hpp;
//   - the fault-server receipts test (tests/unit/client_receipts_test.cpp), which checks that each
//     request reaches the server once per attempt;
//   - the sandbox integration tests, which check that every row has a sandbox check.
// A new public call is one row here; then all of them cover it. The fuzz seeds name rows by their
// index: after adding or moving a row, run python3 tests/fuzz/gen_client_calls_seeds.py.
#pragma once

#include "client_call_setup.hpp"

#include <vector>

namespace paygw::calls {

// One row's call(): `client.method args` or `client.method_async args`, the same arguments.
#define PAYGW_ROW_CALL(client, method, args)                                              \
  [](const Clients& c, bool async) {                                                      \
    return async ? outcome(c.client.method##_async args) : outcome(c.client.method args); \
  }

inline constexpr bool kWrite = true;
inline constexpr bool kRead = false;

/// Every public call, in a fixed order. Add new calls here, one line each.
inline const std::vector<Call>& calls() {
  using namespace sample;
  // clang-format off
  static const std::vector<Call> table = {
      // tingee::Client
      {"tingee.read_security_code", "/v1/device/read-security-code", kWrite, PAYGW_ROW_CALL(tingee, read_security_code, ({"DEVICE-001", {}}))},
      {"tingee.add_device_to_shop", "/v1/device/add-device-to-shop", kWrite, PAYGW_ROW_CALL(tingee, add_device_to_shop, (add_device()))},
      {"tingee.update_shop_device_link_status", "/v1/device/update-shop-device-link-status", kWrite, PAYGW_ROW_CALL(tingee, update_shop_device_link_status, (update_link()))},
      {"tingee.get_devices_link_to_shop_or_va", "/v1/device/get-devices-link-to-shop-or-va", kRead, PAYGW_ROW_CALL(tingee, get_devices_link_to_shop_or_va, ({"V1T123456789", {}, {}}))},
      {"tingee.get_device_paging", "/v1/device/get-paging", kRead, PAYGW_ROW_CALL(tingee, get_device_paging, ({}))},
      {"tingee.show_qr_code", "/v1/device/show-qr-code", kWrite, PAYGW_ROW_CALL(tingee, show_qr_code, (show_qr()))},
      {"tingee.show_dynamic_qr_code", "/v1/device/show-dynamic-qr-code", kWrite, PAYGW_ROW_CALL(tingee, show_dynamic_qr_code, (show_qr()))},
      {"tingee.show_static_qr_code", "/v1/device/show-static-qr-code", kWrite, PAYGW_ROW_CALL(tingee, show_static_qr_code, (show_qr()))},
      {"tingee.generate_and_show_dynamic_qr_code", "/v1/device/generate-and-show-dynamic-qr-code", kWrite, PAYGW_ROW_CALL(tingee, generate_and_show_dynamic_qr_code, (dynamic_qr()))},
      {"tingee.read_amount_link_to_merchant", "/v1/device/read-amount-link-to-merchant", kWrite, PAYGW_ROW_CALL(tingee, read_amount_link_to_merchant, (read_amount()))},
      {"tingee.print_receipt", "/v1/device/print-receipt", kWrite, PAYGW_ROW_CALL(tingee, print_receipt, (print_receipt()))},
      {"tingee.reset_device", "/v1/device/reset", kWrite, PAYGW_ROW_CALL(tingee, reset_device, ({"DEVICE-001"}))},
      {"tingee.nfc_command", "/v1/device/nfc-command", kWrite, PAYGW_ROW_CALL(tingee, nfc_command, (nfc()))},
      {"tingee.reset_device_with_details", "/v1/device/reset-device", kWrite, PAYGW_ROW_CALL(tingee, reset_device_with_details, (reset_with_details()))},
      {"tingee.generate_dynamic_qr", "/v1/generate-dynamic-qr", kWrite, PAYGW_ROW_CALL(tingee, generate_dynamic_qr, (bill()))},
      {"tingee.get_dynamic_qr_status", "/v1/get-status-dynamic-qr", kRead, PAYGW_ROW_CALL(tingee, get_dynamic_qr_status, (bill_status()))},
      {"tingee.delete_dynamic_qr", "/v1/delete-dynamic-qr", kWrite, PAYGW_ROW_CALL(tingee, delete_dynamic_qr, (bill_delete()))},
      {"tingee.get_transaction_paging", "/v1/transaction/get-paging", kRead, PAYGW_ROW_CALL(tingee, get_transaction_paging, (transactions()))},
      {"tingee.get_banks", "/v1/get-banks", kRead, PAYGW_ROW_CALL(tingee, get_banks, ())},
      // tconnect::Client
      {"tconnect.authenticate", "/openapi/v1/auth/login", kRead, PAYGW_ROW_CALL(tconnect, authenticate, ())},
      {"tconnect.push_payment(pos)", "/openapi/v1/devices/payments/push", kWrite, PAYGW_ROW_CALL(tconnect, push_payment, (pos()))},
      {"tconnect.push_payment(soundbox)", "/openapi/v1/devices/payments/push", kWrite, PAYGW_ROW_CALL(tconnect, push_payment, (soundbox()))},
      {"tconnect.get_services", "/openapi/v1/services", kRead, PAYGW_ROW_CALL(tconnect, get_services, ())},
      {"tconnect.create_va", "/openapi/v1/va/va-account/create", kWrite, PAYGW_ROW_CALL(tconnect, create_va, (va()))},
      {"tconnect.create_qr", "/openapi/v1/qr", kWrite, PAYGW_ROW_CALL(tconnect, create_qr, (qr()))},
      {"tconnect.get_qr_transactions", "/openapi/v1/transaction/qr", kRead, PAYGW_ROW_CALL(tconnect, get_qr_transactions, (query()))},
      {"tconnect.get_card_transactions", "/openapi/v1/transaction/card", kRead, PAYGW_ROW_CALL(tconnect, get_card_transactions, (query()))},
      {"tconnect.get_cash_transactions", "/openapi/v1/transaction/cash", kRead, PAYGW_ROW_CALL(tconnect, get_cash_transactions, (query()))},
      {"tconnect.generate_qr", "/openapi/v1/transaction/qr/generate", kWrite, PAYGW_ROW_CALL(tconnect, generate_qr, (generate_qr()))},
      {"tconnect.order_status", "/openapi/v1/transaction/qr/order/status", kRead, PAYGW_ROW_CALL(tconnect, order_status, (order_status()))},
      {"tconnect.confirm_ipn", "/openapi/v1/transaction/qr/order/status", kRead, PAYGW_ROW_CALL(tconnect, confirm_ipn, (ipn()))},
      // charging::Client, in each encoding
      {"charging.submit", "/chargingws/v2", kWrite, PAYGW_ROW_CALL(charging, submit, (card()))},
      {"charging.check", "/chargingws/v2", kRead, PAYGW_ROW_CALL(charging, check, (card()))},
      {"charging.get_fees", "/chargingws/v2/getfee", kRead, PAYGW_ROW_CALL(charging, get_fees, ())},
      {"charging_json.submit", "/chargingws/v2", kWrite, PAYGW_ROW_CALL(charging_json, submit, (card()))},
      {"charging_json.check", "/chargingws/v2", kRead, PAYGW_ROW_CALL(charging_json, check, (card()))},
      {"charging_query.submit", "/chargingws/v2", kWrite, PAYGW_ROW_CALL(charging_query, submit, (card()))},
      {"charging_query.check", "/chargingws/v2", kRead, PAYGW_ROW_CALL(charging_query, check, (card()))},
  };
  // clang-format on
  return table;
}

#undef PAYGW_ROW_CALL

}  // namespace paygw::calls
