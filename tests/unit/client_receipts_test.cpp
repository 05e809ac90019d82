// Every client operation (tingee, tconnect, charging; blocking and async forms) through the real
// libcurl transport against the FaultServer, which drops or garbles the operation's request on a
// kept-alive connection. A write must reach the server exactly once and fail kMaybeSent after one
// attempt; a read is retried by the executor, and reaches the server exactly once per counted
// attempt. The table has one line per call: adding an async form is one line.
#include <paygw/paygw.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "fault_server.hpp"

namespace {

using namespace paygw;
using namespace std::chrono_literals;
using test::Fault;
using test::FaultServer;

constexpr const char* kQr =
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text "
    "string6304D9C6";
constexpr const char* kSoundboxQr =
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS686908"
    "19thanh toan don hang63042E2E";
const std::string kLogin = "/openapi/v1/auth/login";

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

Clients clients(const std::string& base, std::shared_ptr<http::Transport> transport) {
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

tingee::ShowQrRequest show_qr(const char* uuid) {
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
  bool async;  // started with send_async: the connection to reuse is the async worker's
  std::function<Outcome(const Clients&)> call;
};

const charging::CardRequest kCard{"VIETTEL", "1234567891", "5555", 50000, "receipts-1"};
const tconnect::TransactionQuery kQuery{"2026-01-01 00:00:00", "2026-12-31 23:59:59", 10, 1};

const std::vector<Operation>& operations() {
  static const std::vector<Operation> ops = {
      {"tingee.read_security_code", "/v1/device/read-security-code", true, false,
       [](const Clients& c) {
         return outcome(c.tingee.read_security_code({"DEMO-BOX-6XS", std::nullopt}));
       }},
      {"tingee.add_device_to_shop", "/v1/device/add-device-to-shop", true, false,
       [](const Clients& c) {
         tingee::AddDeviceToShopRequest r;
         r.uuid = "DEMO-BOX-6XS";
         r.security_code = "123456";
         r.shop_ids = {1};
         return outcome(c.tingee.add_device_to_shop(r));
       }},
      {"tingee.update_shop_device_link_status", "/v1/device/update-shop-device-link-status", true, false,
       [](const Clients& c) {
         tingee::UpdateShopDeviceLinkStatusRequest r;
         r.uuid = "DEMO-BOX-6XS";
         r.shops = {{1, "Shop 1", "1 Le Loi", true, ""}};
         return outcome(c.tingee.update_shop_device_link_status(r));
       }},
      {"tingee.get_devices_link_to_shop_or_va", "/v1/device/get-devices-link-to-shop-or-va", false, false,
       [](const Clients& c) {
         tingee::GetDevicesLinkToShopOrVaRequest r;
         r.shop_id = 1;
         return outcome(c.tingee.get_devices_link_to_shop_or_va(r));
       }},
      {"tingee.get_device_paging", "/v1/device/get-paging", false, false,
       [](const Clients& c) { return outcome(c.tingee.get_device_paging({})); }},
      {"tingee.show_qr_code", "/v1/device/show-qr-code", true, false,
       [](const Clients& c) { return outcome(c.tingee.show_qr_code(show_qr("DEMO-BOX-3LS"))); }},
      {"tingee.show_dynamic_qr_code", "/v1/device/show-dynamic-qr-code", true, false,
       [](const Clients& c) { return outcome(c.tingee.show_dynamic_qr_code(show_qr("DEMO-BOX-6XS"))); }},
      {"tingee.show_static_qr_code", "/v1/device/show-static-qr-code", true, false,
       [](const Clients& c) { return outcome(c.tingee.show_static_qr_code(show_qr("DEMO-BOX-6XS"))); }},
      {"tingee.generate_and_show_dynamic_qr_code", "/v1/device/generate-and-show-dynamic-qr-code", true, false,
       [](const Clients& c) {
         tingee::GenerateAndShowDynamicQrRequest r;
         r.uuid = "DEMO-BOX-6XS";
         r.va_account_number = "V1T123456789";
         r.amount = 250000;
         r.bank_bin = "970418";
         return outcome(c.tingee.generate_and_show_dynamic_qr_code(r));
       }},
      {"tingee.read_amount_link_to_merchant", "/v1/device/read-amount-link-to-merchant", true, false,
       [](const Clients& c) {
         tingee::ReadAmountRequest r;
         r.uuid = "DEMO-BOX-3LS";
         r.transaction_id = "T-1";
         r.amount = 40123;
         r.bank_bin = "970422";
         return outcome(c.tingee.read_amount_link_to_merchant(r));
       }},
      {"tingee.print_receipt", "/v1/device/print-receipt", true, false,
       [](const Clients& c) {
         tingee::PrintReceiptRequest r;
         r.uuid = "DEMO-BOX-MAX";
         r.receipt.store_name = "Coffee";
         r.receipt.items = {{"Milk coffee", 2, 25000}};
         r.receipt.total_amount = 50000;
         return outcome(c.tingee.print_receipt(r));
       }},
      {"tingee.reset_device (bodiless DELETE)", "/v1/device/reset", true, false,
       [](const Clients& c) { return outcome(c.tingee.reset_device({"DEMO-BOX-6XS"})); }},
      {"tingee.show_qr_code_async", "/v1/device/show-qr-code", true, true,
       [](const Clients& c) { return outcome(c.tingee.show_qr_code_async(show_qr("DEMO-BOX-3LS"))); }},
      {"tingee.show_dynamic_qr_code_async", "/v1/device/show-dynamic-qr-code", true, true,
       [](const Clients& c) { return outcome(c.tingee.show_dynamic_qr_code_async(show_qr("DEMO-BOX-6XS"))); }},
      {"tingee.show_static_qr_code_async", "/v1/device/show-static-qr-code", true, true,
       [](const Clients& c) { return outcome(c.tingee.show_static_qr_code_async(show_qr("DEMO-BOX-6XS"))); }},
      {"tconnect.push_payment (POS)", "/openapi/v1/devices/payments/push", true, false,
       [](const Clients& c) {
         return outcome(c.tconnect.push_payment(tconnect::PosPush{"POS-0001", "ORD-1", 150000}));
       }},
      {"tconnect.push_payment (soundbox)", "/openapi/v1/devices/payments/push", true, false,
       [](const Clients& c) {
         return outcome(c.tconnect.push_payment(tconnect::SoundboxPush{"SB-0001", 180000, kSoundboxQr}));
       }},
      {"tconnect.push_payment_async (POS)", "/openapi/v1/devices/payments/push", true, true,
       [](const Clients& c) {
         return outcome(c.tconnect.push_payment_async(tconnect::PosPush{"POS-0001", "ORD-1", 150000}));
       }},
      {"tconnect.push_payment_async (soundbox)", "/openapi/v1/devices/payments/push", true, true,
       [](const Clients& c) {
         return outcome(c.tconnect.push_payment_async(tconnect::SoundboxPush{"SB-0001", 180000, kSoundboxQr}));
       }},
      {"tconnect.get_services", "/openapi/v1/services", false, false,
       [](const Clients& c) { return outcome(c.tconnect.get_services()); }},
      {"tconnect.create_va", "/openapi/v1/va/va-account/create", true, false,
       [](const Clients& c) {
         return outcome(c.tconnect.create_va({"970454", "NGUYEN VAN A"}));
       }},
      {"tconnect.create_qr", "/openapi/v1/qr", true, false,
       [](const Clients& c) {
         return outcome(c.tconnect.create_qr({"ORD-3", "VA123", "970454", 10000, ""}));
       }},
      {"tconnect.get_qr_transactions", "/openapi/v1/transaction/qr", false, false,
       [](const Clients& c) { return outcome(c.tconnect.get_qr_transactions(kQuery)); }},
      {"tconnect.get_card_transactions", "/openapi/v1/transaction/card", false, false,
       [](const Clients& c) { return outcome(c.tconnect.get_card_transactions(kQuery)); }},
      {"tconnect.get_cash_transactions", "/openapi/v1/transaction/cash", false, false,
       [](const Clients& c) { return outcome(c.tconnect.get_cash_transactions(kQuery)); }},
      {"charging.submit (form POST)", "/chargingws/v2", true, false,
       [](const Clients& c) { return outcome(c.charging.submit(kCard)); }},
      {"charging.submit (query GET)", "/chargingws/v2", true, false,
       [](const Clients& c) { return outcome(c.charging_query.submit(kCard)); }},
      {"charging.check", "/chargingws/v2", false, false,
       [](const Clients& c) { return outcome(c.charging.check(kCard)); }},
      {"charging.get_fees", "/chargingws/v2/getfee", false, false,
       [](const Clients& c) { return outcome(c.charging.get_fees()); }},
  };
  return ops;
}

// The server answers the warm-up request (the first of a kept-alive connection) and TConnect's
// login with a fixed token; every other request gets `fault`.
void expect_each_operation_received_once_per_attempt(Fault fault) {
  for (const Operation& op : operations()) {
    SCOPED_TRACE(op.name);
    FaultServer server(
        [fault](const test::ReceivedRequest& r) {
          return r.path() == "/warm-up" || r.path() == kLogin ? Fault::kAnswer : fault;
        },
        [](const test::ReceivedRequest& r) {
          return r.path() == kLogin ? std::string(R"({"access_token":"token-1","expires_in":3600})")
                                    : std::string(R"({"ok":true})");
        });
    auto transport = *http::make_curl_transport();
    const http::Request warm_up{http::Method::kGet, server.url("/warm-up"), {}, "", 5s, {}};
    if (op.async) {
      std::promise<Result<http::Response>> done;
      transport->send_async(warm_up, [&done](Result<http::Response> r) { done.set_value(std::move(r)); });
      ASSERT_TRUE(done.get_future().get().ok());
    } else {
      ASSERT_TRUE(transport->send(warm_up).ok());
    }
    const Outcome o = op.call(clients(server.url(""), transport));
    ASSERT_FALSE(o.ok) << "the server never answered this call";
    const int attempts = op.write ? 1 : RetryPolicy{}.max_attempts;
    EXPECT_EQ(server.receipts_for_path(op.path), attempts) << describe(o.error);
    EXPECT_EQ(o.error.attempts, attempts) << describe(o.error);
    EXPECT_EQ(o.error.code, ErrorCode::kNetwork) << describe(o.error);
    EXPECT_EQ(o.error.delivery, Delivery::kMaybeSent) << describe(o.error);
    EXPECT_EQ(o.error.http_status, 0);
    EXPECT_TRUE(o.error.outcome_unknown());
  }
}

TEST(ClientReceipts, RequestReadThenConnectionClosedWithFin) {
  expect_each_operation_received_once_per_attempt(Fault::kCloseFin);
}

TEST(ClientReceipts, RequestReadThenConnectionReset) {
  expect_each_operation_received_once_per_attempt(Fault::kCloseRst);
}

TEST(ClientReceipts, Http09Reply) { expect_each_operation_received_once_per_attempt(Fault::kHttp09); }

}  // namespace
