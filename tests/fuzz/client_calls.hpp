// Every public client call of tingee::Client, tconnect::Client and charging::Client, each with a
// valid request, as one table. Shared by the client-call fuzz target (which answers each request
// with arbitrary bytes) and by the recording tests (which record a whole session and grep the
// fixtures for the secrets below). A new public call — an `_async` form, a new endpoint — is one
// line in calls(); the fuzzer and the recording tests then cover it.
#pragma once

#include <paygw/charging/client.hpp>
#include <paygw/clock.hpp>
#include <paygw/retry.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tingee/client.hpp>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace paygw::calls {

// The secrets every client is configured with: none may ever appear in a recorded fixture.
inline constexpr const char* kTingeeSecret = "tingee-SECRET-hmac-key-0001";
inline constexpr const char* kSecurityCode = "SECCODE7731";
inline constexpr const char* kTconnectPassword = "tconnect-SECRET-password";
inline constexpr const char* kTconnectClientSecret = "tconnect-SECRET-client-secret";
inline constexpr const char* kAesKeyHex = "8f4e3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f";
inline constexpr const char* kPartnerKey = "charging-SECRET-partner-key";
inline constexpr const char* kCardCode = "713309185542810";
inline constexpr const char* kCardSerial = "10007315538290";

/// A Sleeper that never waits (async waits run their continuation inline).
class NoSleep final : public Sleeper {
 public:
  void sleep(std::chrono::milliseconds, const CancelToken&) override {}
  void sleep_async(std::chrono::milliseconds, const CancelToken&, std::function<void()> then) override { then(); }
};

/// Deterministic "random" bytes (IVs, jitter), so a run is reproducible.
class CountingRandom final : public RandomSource {
 public:
  Result<std::string> bytes(std::size_t count) override {
    std::string out(count, '\0');
    for (std::size_t i = 0; i < count; ++i) out[i] = static_cast<char>(0xc0 + i);
    return out;
  }
};

struct Clients {
  tingee::Client tingee;
  tconnect::Client tconnect;
  charging::Client charging;        ///< Encoding::kForm (the default).
  charging::Client charging_json;   ///< Encoding::kJson, sign scheme B.
  charging::Client charging_query;  ///< Encoding::kQuery.
};

/// 2025-11-10T10:51:10.111Z.
inline std::chrono::system_clock::time_point fixed_time() {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(1762771870111LL));
}

template <typename Config>
void share_options(Config& c, const std::shared_ptr<http::Transport>& transport) {
  c.transport = transport;
  c.clock = std::make_shared<FixedClock>(fixed_time());
  c.sleeper = std::make_shared<NoSleep>();
  c.random = std::make_shared<CountingRandom>();
}

inline tingee::Config tingee_config(const std::shared_ptr<http::Transport>& transport) {
  tingee::Config t;
  t.base_url = "https://tingee.example";
  t.client_id = "tingee-client-id";
  t.secret = Secret(kTingeeSecret);
  share_options(t, transport);
  return t;
}

inline tconnect::Config tconnect_config(const std::shared_ptr<http::Transport>& transport) {
  tconnect::Config c;
  c.base_url = "https://tconnect.example";
  c.partner_code = "PARTNER-TEST";
  c.username = "merchant@example.vn";
  c.password = Secret(kTconnectPassword);
  c.client_id = "tconnect-client-id";
  c.client_secret = Secret(kTconnectClientSecret);
  c.aes_key = Secret(kAesKeyHex);
  c.service_code = "vccb-qr";
  share_options(c, transport);
  return c;
}

inline charging::Config charging_config(const std::shared_ptr<http::Transport>& transport,
                                        charging::Encoding encoding) {
  charging::Config g;
  g.base_url = "https://charging.example";
  g.partner_id = "3681148751";
  g.partner_key = Secret(kPartnerKey);
  g.encoding = encoding;
  if (encoding == charging::Encoding::kJson) g.sign_scheme = charging::sign_scheme_b;
  share_options(g, transport);
  return g;
}

/// The five clients on `transport`, or the first configuration error.
inline Result<Clients> make_clients(const std::shared_ptr<http::Transport>& transport) {
  auto tingee_client = tingee::Client::create(tingee_config(transport));
  if (!tingee_client) return tingee_client.error();
  auto tconnect_client = tconnect::Client::create(tconnect_config(transport));
  if (!tconnect_client) return tconnect_client.error();
  auto form = charging::Client::create(charging_config(transport, charging::Encoding::kForm));
  if (!form) return form.error();
  auto json = charging::Client::create(charging_config(transport, charging::Encoding::kJson));
  if (!json) return json.error();
  auto query = charging::Client::create(charging_config(transport, charging::Encoding::kQuery));
  if (!query) return query.error();
  return Clients{*tingee_client, *tconnect_client, *form, *json, *query};
}

namespace sample {

// VietQR strings whose CRC is right (from the unit tests' fixtures).
inline const std::string kTingeeQr =
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
    "text string6304D9C6";
inline const std::string kSoundboxQr =
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS6869"
    "0819thanh toan don hang63042E2E";

inline tingee::AddDeviceToShopRequest add_device() {
  tingee::AddDeviceToShopRequest r;
  r.uuid = "DEVICE-001";
  r.security_code = kSecurityCode;
  r.shop_ids = {12};
  r.va_account_numbers = {"V1T123456789"};
  return r;
}

inline tingee::UpdateShopDeviceLinkStatusRequest update_link() {
  tingee::UpdateShopDeviceLinkStatusRequest r;
  r.uuid = "DEVICE-001";
  tingee::ShopLink shop;
  shop.shop_id = 12;
  shop.shop_name = "Shop 12";
  shop.full_address = "1 Le Loi, Q1";
  r.shops = {shop};
  return r;
}

inline tingee::ShowQrRequest show_qr() {
  tingee::ShowQrRequest r;
  r.uuid = "DEVICE-001";
  r.va_account_number = "V1T123456789";
  r.amount = 40123;
  r.qr_code = kTingeeQr;
  r.bank_bin = "970422";
  return r;
}

inline tingee::GenerateAndShowDynamicQrRequest dynamic_qr() {
  tingee::GenerateAndShowDynamicQrRequest r;
  r.uuid = "DEVICE-002";
  r.va_account_number = "V1T123456789";
  r.amount = 250000;
  r.bank_bin = "970418";
  r.expire_in_minute = 15;
  return r;
}

inline tingee::Receipt receipt() {
  tingee::Receipt r;
  r.store_name = "Shop 12";
  r.items = {tingee::ReceiptItem{"Tea", 2, 15000}};
  r.total_amount = 30000;
  return r;
}

inline tingee::ReadAmountRequest read_amount() {
  tingee::ReadAmountRequest r;
  r.uuid = "DEVICE-001";
  r.transaction_id = "TXN-1";
  r.amount = 100000;
  r.bank_bin = "970422";
  r.print_data = receipt();
  return r;
}

inline tingee::PrintReceiptRequest print_receipt() {
  tingee::PrintReceiptRequest r;
  r.uuid = "DEVICE-001";
  r.receipt = receipt();
  return r;
}

inline tconnect::PosPush pos() { return {"00059012710", "0129210912", 150000}; }
inline tconnect::SoundboxPush soundbox() { return {"SB-001234", 180000, kSoundboxQr}; }
inline tconnect::TransactionQuery query() { return {"2026-01-07 00:00:00", "2026-01-07 23:59:59", 10, 1}; }

inline charging::CardRequest card() { return {"VIETTEL", kCardCode, kCardSerial, 50000, "REQ-0001"}; }

}  // namespace sample

/// "" when the call succeeded, else its error.
template <typename T>
std::string outcome(const Result<T>& r) {
  return r.ok() ? std::string() : describe(r.error());
}
template <typename T>
std::string outcome(std::future<Result<T>> f) {
  return outcome(f.get());
}

struct Call {
  const char* name;
  std::string (*run)(const Clients&);
};

/// Every public call, in a fixed order. Add new calls here, one line each.
inline const std::vector<Call>& calls() {
  using namespace sample;
  // clang-format off
  static const std::vector<Call> table = {
      // tingee::Client
      {"tingee.read_security_code", [](const Clients& c) { return outcome(c.tingee.read_security_code({"DEVICE-001", {}})); }},
      {"tingee.add_device_to_shop", [](const Clients& c) { return outcome(c.tingee.add_device_to_shop(add_device())); }},
      {"tingee.update_shop_device_link_status", [](const Clients& c) { return outcome(c.tingee.update_shop_device_link_status(update_link())); }},
      {"tingee.get_devices_link_to_shop_or_va", [](const Clients& c) { return outcome(c.tingee.get_devices_link_to_shop_or_va({"V1T123456789", {}, {}})); }},
      {"tingee.get_device_paging", [](const Clients& c) { return outcome(c.tingee.get_device_paging({})); }},
      {"tingee.show_qr_code", [](const Clients& c) { return outcome(c.tingee.show_qr_code(show_qr())); }},
      {"tingee.show_dynamic_qr_code", [](const Clients& c) { return outcome(c.tingee.show_dynamic_qr_code(show_qr())); }},
      {"tingee.show_static_qr_code", [](const Clients& c) { return outcome(c.tingee.show_static_qr_code(show_qr())); }},
      {"tingee.generate_and_show_dynamic_qr_code", [](const Clients& c) { return outcome(c.tingee.generate_and_show_dynamic_qr_code(dynamic_qr())); }},
      {"tingee.read_amount_link_to_merchant", [](const Clients& c) { return outcome(c.tingee.read_amount_link_to_merchant(read_amount())); }},
      {"tingee.print_receipt", [](const Clients& c) { return outcome(c.tingee.print_receipt(print_receipt())); }},
      {"tingee.reset_device", [](const Clients& c) { return outcome(c.tingee.reset_device({"DEVICE-001"})); }},
      {"tingee.show_qr_code_async", [](const Clients& c) { return outcome(c.tingee.show_qr_code_async(show_qr())); }},
      {"tingee.show_dynamic_qr_code_async", [](const Clients& c) { return outcome(c.tingee.show_dynamic_qr_code_async(show_qr())); }},
      {"tingee.show_static_qr_code_async", [](const Clients& c) { return outcome(c.tingee.show_static_qr_code_async(show_qr())); }},
      // tconnect::Client
      {"tconnect.authenticate", [](const Clients& c) { return outcome(c.tconnect.authenticate()); }},
      {"tconnect.push_payment(pos)", [](const Clients& c) { return outcome(c.tconnect.push_payment(pos())); }},
      {"tconnect.push_payment(soundbox)", [](const Clients& c) { return outcome(c.tconnect.push_payment(soundbox())); }},
      {"tconnect.push_payment_async(pos)", [](const Clients& c) { return outcome(c.tconnect.push_payment_async(pos())); }},
      {"tconnect.push_payment_async(soundbox)", [](const Clients& c) { return outcome(c.tconnect.push_payment_async(soundbox())); }},
      {"tconnect.get_services", [](const Clients& c) { return outcome(c.tconnect.get_services()); }},
      {"tconnect.create_va", [](const Clients& c) { return outcome(c.tconnect.create_va({"970454", "NGUYEN VAN A"})); }},
      {"tconnect.create_qr", [](const Clients& c) { return outcome(c.tconnect.create_qr({"ORD-77", "VA100023312", "970454", 150000, ""})); }},
      {"tconnect.get_qr_transactions", [](const Clients& c) { return outcome(c.tconnect.get_qr_transactions(query())); }},
      {"tconnect.get_card_transactions", [](const Clients& c) { return outcome(c.tconnect.get_card_transactions(query())); }},
      {"tconnect.get_cash_transactions", [](const Clients& c) { return outcome(c.tconnect.get_cash_transactions(query())); }},
      // charging::Client, in each encoding
      {"charging.submit", [](const Clients& c) { return outcome(c.charging.submit(card())); }},
      {"charging.check", [](const Clients& c) { return outcome(c.charging.check(card())); }},
      {"charging.get_fees", [](const Clients& c) { return outcome(c.charging.get_fees()); }},
      {"charging_json.submit", [](const Clients& c) { return outcome(c.charging_json.submit(card())); }},
      {"charging_json.check", [](const Clients& c) { return outcome(c.charging_json.check(card())); }},
      {"charging_query.submit", [](const Clients& c) { return outcome(c.charging_query.submit(card())); }},
      {"charging_query.check", [](const Clients& c) { return outcome(c.charging_query.check(card())); }},
  };
  // clang-format on
  return table;
}

}  // namespace paygw::calls
