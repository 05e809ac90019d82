// Every public client call in one table (blocking and _async form per row), with clients built
// for a test server at any base URL. Used by the fault-server receipts test.
#pragma once

#include <paygw/paygw.hpp>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <vector>

namespace paygw::test::client_operations {

using namespace std::chrono_literals;

constexpr const char* kQr =
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text "
    "string6304D9C6";
constexpr const char* kSoundboxQr =
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS686908"
    "19thanh toan don hang63042E2E";
inline const std::string kLogin = "/openapi/v1/auth/login";

struct NoSleep final : Sleeper {
  void sleep(std::chrono::milliseconds, const CancelToken&) override {}
  void sleep_async(std::chrono::milliseconds, const CancelToken&, std::function<void()> then) override { then(); }
};

// What a call returned, whatever its value type.
struct Outcome {
  bool ok = false;
  Error error;
};
template <typename T>
Outcome outcome(Result<T> r) {
  if (r.ok()) return {true, {}};
  return {false, std::move(r).error()};
}
template <typename T>
Outcome outcome(std::future<Result<T>> f) {
  return outcome(f.get());
}

struct Clients {
  tingee::Client tingee;
  tconnect::Client tconnect;
  charging::Client charging;        // form encoding (POST)
  charging::Client charging_query;  // query encoding (GET)
};

inline Clients clients(const std::string& base, std::shared_ptr<http::Transport> transport) {
  auto common = [&](ClientOptions& o) {
    o.transport = transport;
    o.timeout = 5s;
    o.sleeper = std::make_shared<NoSleep>();
  };
  tingee::Config t;
  common(t);
  t.base_url = base;
  t.client_id = "client";
  t.secret = Secret("tingee-secret");
  tconnect::Config c;
  common(c);
  c.base_url = base;
  c.partner_code = "PARTNER";
  c.username = "user@paygw.local";
  c.password = Secret("password");
  c.client_id = "client";
  c.client_secret = Secret("client-secret");
  c.aes_key = Secret("8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0");
  c.service_code = "vccb-qr";
  charging::Config g;
  common(g);
  g.base_url = base;
  g.partner_id = "3681148751";
  g.partner_key = Secret("charging-key");
  charging::Config q = g;
  q.encoding = charging::Encoding::kQuery;
  return Clients{*tingee::Client::create(t), *tconnect::Client::create(c), *charging::Client::create(g),
                 *charging::Client::create(q)};
}

inline tingee::ShowQrRequest show_qr(const char* uuid) {
  tingee::ShowQrRequest r;
  r.uuid = uuid;
  r.amount = 40123;
  r.qr_code = kQr;
  return r;
}

struct Operation {
  const char* name;
  const char* path;  // where its request goes (query string ignored)
  bool write;
  // Runs the call, blocking or its _async form (started with send_async: the connection to reuse
  // is then the async worker's).
  std::function<Outcome(const Clients&, bool async)> call;
};

template <typename Sync, typename Async>
Outcome either(bool async, Sync sync, Async async_call) {
  return async ? outcome(async_call()) : outcome(sync());
}

inline const charging::CardRequest kCard{"VIETTEL", "1234567891", "5555", 50000, "receipts-1"};
inline const tconnect::TransactionQuery kQuery{"2026-01-01 00:00:00", "2026-12-31 23:59:59", 10, 1};

inline const std::vector<Operation>& operations() {
  static const std::vector<Operation> ops = {
      {"tingee.read_security_code", "/v1/device/read-security-code", true,
       [](const Clients& c, bool async) {
         return either(
             async,
             [&] {
               return c.tingee.read_security_code({"DEMO-BOX-6XS", std::nullopt});
             },
             [&] {
               return c.tingee.read_security_code_async({"DEMO-BOX-6XS", std::nullopt});
             });
       }},
      {"tingee.add_device_to_shop", "/v1/device/add-device-to-shop", true,
       [](const Clients& c, bool async) {
         tingee::AddDeviceToShopRequest r;
         r.uuid = "DEMO-BOX-6XS";
         r.security_code = "123456";
         r.shop_ids = {1};
         return either(
             async, [&] { return c.tingee.add_device_to_shop(r); },
             [&] { return c.tingee.add_device_to_shop_async(r); });
       }},
      {"tingee.update_shop_device_link_status", "/v1/device/update-shop-device-link-status", true,
       [](const Clients& c, bool async) {
         tingee::UpdateShopDeviceLinkStatusRequest r;
         r.uuid = "DEMO-BOX-6XS";
         r.shops = {{1, "Shop 1", "1 Le Loi", true, ""}};
         return either(
             async, [&] { return c.tingee.update_shop_device_link_status(r); },
             [&] { return c.tingee.update_shop_device_link_status_async(r); });
       }},
      {"tingee.get_devices_link_to_shop_or_va", "/v1/device/get-devices-link-to-shop-or-va", false,
       [](const Clients& c, bool async) {
         tingee::GetDevicesLinkToShopOrVaRequest r;
         r.shop_id = 1;
         return either(
             async, [&] { return c.tingee.get_devices_link_to_shop_or_va(r); },
             [&] { return c.tingee.get_devices_link_to_shop_or_va_async(r); });
       }},
      {"tingee.get_device_paging", "/v1/device/get-paging", false,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.tingee.get_device_paging({}); },
             [&] { return c.tingee.get_device_paging_async({}); });
       }},
      {"tingee.show_qr_code", "/v1/device/show-qr-code", true,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.tingee.show_qr_code(show_qr("DEMO-BOX-3LS")); },
             [&] { return c.tingee.show_qr_code_async(show_qr("DEMO-BOX-3LS")); });
       }},
      {"tingee.show_dynamic_qr_code", "/v1/device/show-dynamic-qr-code", true,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.tingee.show_dynamic_qr_code(show_qr("DEMO-BOX-6XS")); },
             [&] { return c.tingee.show_dynamic_qr_code_async(show_qr("DEMO-BOX-6XS")); });
       }},
      {"tingee.show_static_qr_code", "/v1/device/show-static-qr-code", true,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.tingee.show_static_qr_code(show_qr("DEMO-BOX-6XS")); },
             [&] { return c.tingee.show_static_qr_code_async(show_qr("DEMO-BOX-6XS")); });
       }},
      {"tingee.generate_and_show_dynamic_qr_code", "/v1/device/generate-and-show-dynamic-qr-code", true,
       [](const Clients& c, bool async) {
         tingee::GenerateAndShowDynamicQrRequest r;
         r.uuid = "DEMO-BOX-6XS";
         r.va_account_number = "V1T123456789";
         r.amount = 250000;
         r.bank_bin = "970418";
         return either(
             async, [&] { return c.tingee.generate_and_show_dynamic_qr_code(r); },
             [&] { return c.tingee.generate_and_show_dynamic_qr_code_async(r); });
       }},
      {"tingee.read_amount_link_to_merchant", "/v1/device/read-amount-link-to-merchant", true,
       [](const Clients& c, bool async) {
         tingee::ReadAmountRequest r;
         r.uuid = "DEMO-BOX-3LS";
         r.transaction_id = "T-1";
         r.amount = 40123;
         r.bank_bin = "970422";
         return either(
             async, [&] { return c.tingee.read_amount_link_to_merchant(r); },
             [&] { return c.tingee.read_amount_link_to_merchant_async(r); });
       }},
      {"tingee.print_receipt", "/v1/device/print-receipt", true,
       [](const Clients& c, bool async) {
         tingee::PrintReceiptRequest r;
         r.uuid = "DEMO-BOX-MAX";
         r.receipt.store_name = "Coffee";
         r.receipt.items = {{"Milk coffee", 2, 25000}};
         r.receipt.total_amount = 50000;
         return either(
             async, [&] { return c.tingee.print_receipt(r); }, [&] { return c.tingee.print_receipt_async(r); });
       }},
      {"tingee.reset_device (bodiless DELETE)", "/v1/device/reset", true,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.tingee.reset_device({"DEMO-BOX-6XS"}); },
             [&] { return c.tingee.reset_device_async({"DEMO-BOX-6XS"}); });
       }},
      {"tconnect.push_payment (POS)", "/openapi/v1/devices/payments/push", true,
       [](const Clients& c, bool async) {
         return either(
             async,
             [&] {
               return c.tconnect.push_payment(tconnect::PosPush{"POS-0001", "ORD-1", 150000});
             },
             [&] {
               return c.tconnect.push_payment_async(tconnect::PosPush{"POS-0001", "ORD-1", 150000});
             });
       }},
      {"tconnect.push_payment (soundbox)", "/openapi/v1/devices/payments/push", true,
       [](const Clients& c, bool async) {
         return either(
             async,
             [&] {
               return c.tconnect.push_payment(tconnect::SoundboxPush{"SB-0001", 180000, kSoundboxQr});
             },
             [&] {
               return c.tconnect.push_payment_async(tconnect::SoundboxPush{"SB-0001", 180000, kSoundboxQr});
             });
       }},
      {"tconnect.get_services", "/openapi/v1/services", false,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.tconnect.get_services(); }, [&] { return c.tconnect.get_services_async(); });
       }},
      {"tconnect.create_va", "/openapi/v1/va/va-account/create", true,
       [](const Clients& c, bool async) {
         return either(
             async,
             [&] {
               return c.tconnect.create_va({"970454", "NGUYEN VAN A"});
             },
             [&] {
               return c.tconnect.create_va_async({"970454", "NGUYEN VAN A"});
             });
       }},
      {"tconnect.create_qr", "/openapi/v1/qr", true,
       [](const Clients& c, bool async) {
         return either(
             async,
             [&] {
               return c.tconnect.create_qr({"ORD-3", "VA123", "970454", 10000, ""});
             },
             [&] {
               return c.tconnect.create_qr_async({"ORD-3", "VA123", "970454", 10000, ""});
             });
       }},
      {"tconnect.get_qr_transactions", "/openapi/v1/transaction/qr", false,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.tconnect.get_qr_transactions(kQuery); },
             [&] { return c.tconnect.get_qr_transactions_async(kQuery); });
       }},
      {"tconnect.get_card_transactions", "/openapi/v1/transaction/card", false,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.tconnect.get_card_transactions(kQuery); },
             [&] { return c.tconnect.get_card_transactions_async(kQuery); });
       }},
      {"tconnect.get_cash_transactions", "/openapi/v1/transaction/cash", false,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.tconnect.get_cash_transactions(kQuery); },
             [&] { return c.tconnect.get_cash_transactions_async(kQuery); });
       }},
      {"charging.submit (form POST)", "/chargingws/v2", true,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.charging.submit(kCard); }, [&] { return c.charging.submit_async(kCard); });
       }},
      {"charging.submit (query GET)", "/chargingws/v2", true,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.charging_query.submit(kCard); },
             [&] { return c.charging_query.submit_async(kCard); });
       }},
      {"charging.check", "/chargingws/v2", false,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.charging.check(kCard); }, [&] { return c.charging.check_async(kCard); });
       }},
      {"charging.get_fees", "/chargingws/v2/getfee", false,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.charging.get_fees(); }, [&] { return c.charging.get_fees_async(); });
       }},
      {"tingee.nfc_command", "/v1/device/nfc-command", true,
       [](const Clients& c, bool async) {
         const tingee::NfcCommandRequest r{
             "DEMO-BOX-6XS", "https://pay.example.vn/nfc", "vn.example.pay", true, std::nullopt, std::nullopt};
         return either(
             async, [&] { return c.tingee.nfc_command(r); }, [&] { return c.tingee.nfc_command_async(r); });
       }},
      {"tingee.reset_device_with_details", "/v1/device/reset-device", true,
       [](const Clients& c, bool async) {
         tingee::ResetDeviceWithDetailsRequest r;
         r.uuid = "DEMO-BOX-6XS";
         r.is_bank_request = true;
         return either(
             async, [&] { return c.tingee.reset_device_with_details(r); },
             [&] { return c.tingee.reset_device_with_details_async(r); });
       }},
      {"tingee.generate_dynamic_qr", "/v1/generate-dynamic-qr", true,
       [](const Clients& c, bool async) {
         tingee::GenerateDynamicQrRequest r;
         r.va_account_number = "V1T123456789";
         r.bank_bin = "970418";
         r.amount = 150000;
         return either(
             async, [&] { return c.tingee.generate_dynamic_qr(r); },
             [&] { return c.tingee.generate_dynamic_qr_async(r); });
       }},
      {"tingee.get_dynamic_qr_status", "/v1/get-status-dynamic-qr", false,
       [](const Clients& c, bool async) {
         const tingee::GetDynamicQrStatusRequest r{"V1T123456789", "BILL-1", std::nullopt};
         return either(
             async, [&] { return c.tingee.get_dynamic_qr_status(r); },
             [&] { return c.tingee.get_dynamic_qr_status_async(r); });
       }},
      {"tingee.delete_dynamic_qr", "/v1/delete-dynamic-qr", true,
       [](const Clients& c, bool async) {
         const tingee::DeleteDynamicQrRequest r{"V1T123456789", "BILL-1", std::nullopt};
         return either(
             async, [&] { return c.tingee.delete_dynamic_qr(r); }, [&] { return c.tingee.delete_dynamic_qr_async(r); });
       }},
      {"tingee.get_transaction_paging", "/v1/transaction/get-paging", false,
       [](const Clients& c, bool async) {
         tingee::GetTransactionPagingRequest r;
         r.start_time = "20260710000000";
         r.end_time = "20260716235959";
         return either(
             async, [&] { return c.tingee.get_transaction_paging(r); },
             [&] { return c.tingee.get_transaction_paging_async(r); });
       }},
      {"tingee.get_banks (bodiless GET)", "/v1/get-banks", false,
       [](const Clients& c, bool async) {
         return either(
             async, [&] { return c.tingee.get_banks(); }, [&] { return c.tingee.get_banks_async(); });
       }},
      {"tconnect.confirm_ipn", "/openapi/v1/transaction/qr", false,
       [](const Clients& c, bool async) {
         tconnect::IpnNotification ipn;
         ipn.order_id = "ORD-1";
         ipn.amount = 150000;
         return either(
             async, [&] { return c.tconnect.confirm_ipn(ipn); }, [&] { return c.tconnect.confirm_ipn_async(ipn); });
       }},
  };
  return ops;
}

}  // namespace paygw::test::client_operations
