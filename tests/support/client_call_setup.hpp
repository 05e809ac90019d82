// SPDX-License-Identifier: MIT
// The setup of the one table of client calls (client_calls.hpp): the secrets the clients are
// configured with, the clients for any base URL and transport, a sample request for each call,
// and the row type.
#pragma once

#include <paygw/charging/client.hpp>
#include <paygw/clock.hpp>
#include <paygw/retry.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tconnect/envelope.hpp>
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
// Secrets the merchant rows send (merchant_create's password, a VIB configuration's credentials, an
// MSB configuration's access code) and one Tingee answers (a merchant's secret token).
inline constexpr const char* kMerchantPassword = "merchant-SECRET-password-5e1d";
inline constexpr const char* kVibBasicAuthToken = "vib-SECRET-basic-auth-token-9c2a";
inline constexpr const char* kVibClientSecret = "vib-SECRET-client-secret-4b7f";
inline constexpr const char* kMsbAccessCode = "msb-SECRET-access-code-8d3e";
inline constexpr const char* kMerchantSecretToken = "merchant-SECRET-token-6a0c";
/// An e-invoice provider account's password (create-or-update-account, invoice-templates).
inline constexpr const char* kEInvoicePassword = "einvoice-SECRET-password-77";

/// The base URL of the fuzz and recording sessions (their transports never connect).
inline constexpr const char* kExampleBaseUrl = "https://gateway.example";

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
  charging::Client charging;        ///< Encoding::kForm (the default): POST form.
  charging::Client charging_json;   ///< Encoding::kJson, sign scheme B.
  charging::Client charging_query;  ///< Encoding::kQuery: GET.
};

/// 2025-11-10T10:51:10.111Z.
inline std::chrono::system_clock::time_point fixed_time() {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(1762771870111LL));
}

/// A fixed clock, no sleeping, counting IVs, 5 s per attempt.
template <typename Config>
void share_options(Config& c, const std::shared_ptr<http::Transport>& transport) {
  c.transport = transport;
  c.timeout = std::chrono::seconds(5);
  c.clock = std::make_shared<FixedClock>(fixed_time());
  c.sleeper = std::make_shared<NoSleep>();
  c.random = std::make_shared<CountingRandom>();
}

inline tingee::Config tingee_config(const std::string& base_url, const std::shared_ptr<http::Transport>& transport) {
  tingee::Config t;
  t.base_url = base_url;
  t.client_id = "tingee-client-id";
  t.secret = Secret(kTingeeSecret);
  share_options(t, transport);
  return t;
}

inline tconnect::Config tconnect_config(const std::string& base_url,
                                        const std::shared_ptr<http::Transport>& transport) {
  tconnect::Config c;
  c.base_url = base_url;
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

inline charging::Config charging_config(const std::string& base_url, const std::shared_ptr<http::Transport>& transport,
                                        charging::Encoding encoding) {
  charging::Config g;
  g.base_url = base_url;
  g.partner_id = "3681148751";
  g.partner_key = Secret(kPartnerKey);
  g.encoding = encoding;
  if (encoding == charging::Encoding::kJson) g.sign_scheme = charging::sign_scheme_b;
  share_options(g, transport);
  return g;
}

/// The five clients for the gateway(s) at `base_url` on `transport`, or the first configuration error.
inline Result<Clients> make_clients(const std::string& base_url, const std::shared_ptr<http::Transport>& transport) {
  auto tingee_client = tingee::Client::create(tingee_config(base_url, transport));
  if (!tingee_client) return tingee_client.error();
  auto tconnect_client = tconnect::Client::create(tconnect_config(base_url, transport));
  if (!tconnect_client) return tconnect_client.error();
  auto form = charging::Client::create(charging_config(base_url, transport, charging::Encoding::kForm));
  if (!form) return form.error();
  auto json = charging::Client::create(charging_config(base_url, transport, charging::Encoding::kJson));
  if (!json) return json.error();
  auto query = charging::Client::create(charging_config(base_url, transport, charging::Encoding::kQuery));
  if (!query) return query.error();
  return Clients{*tingee_client, *tconnect_client, *form, *json, *query};
}

/// What a call returned, whatever its value type.
struct Outcome {
  bool ok = false;
  Error error;  ///< When !ok.

  /// "" when the call succeeded, else its error.
  std::string text() const { return ok ? std::string() : describe(error); }
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

struct Call {
  const char* name;  ///< "<client>.<method>", e.g. "tingee.show_qr_code" or "charging_json.submit".
  const char* path;  ///< Where its request goes (without the query string; TConnect: after the login).
  bool write;        ///< A write (never resent once it may have been sent); else a read (retried).
  /// Runs the call: its blocking form, or (async) its `_async` form, waiting for the future.
  std::function<Outcome(const Clients&, bool async)> call;
  /// Runs its `_async` form that completes into a paygw::Completion, waiting until it has run.
  std::function<Outcome(const Clients&)> callback;
};

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

inline tingee::NfcCommandRequest nfc() {
  return {"DEVICE-001", "https://pay.example.vn/nfc", "vn.example.pay", true, std::nullopt, std::nullopt};
}

inline tingee::ResetDeviceWithDetailsRequest reset_with_details() {
  tingee::ResetDeviceWithDetailsRequest r;
  r.uuid = "DEVICE-001";
  r.account_number = "0023457923442";
  r.is_bank_request = true;
  return r;
}

inline tingee::GenerateDynamicQrRequest bill() {
  tingee::GenerateDynamicQrRequest r;
  r.va_account_number = "V1T123456789";
  r.bank_bin = "970418";
  r.amount = 150000;
  r.purpose = "DH 12";
  return r;
}
inline tingee::GetDynamicQrStatusRequest bill_status() { return {"V1T123456789", "B-1", std::nullopt}; }
inline tingee::DeleteDynamicQrRequest bill_delete() { return {"V1T123456789", "B-1", std::nullopt}; }

inline tingee::GetTransactionPagingRequest transactions() {
  tingee::GetTransactionPagingRequest r;
  r.start_time = "20251110000000";
  r.end_time = "20251110235959";
  return r;
}

inline tingee::CreateVaRequest create_va() {
  tingee::CreateVaRequest r;
  r.account_number = "2101234567";
  r.account_name = "NGUYEN VAN A";
  r.identity = "001090012345";
  r.mobile = "0901234567";
  r.shop_id = 12;
  r.bank_bin = "970418";
  return r;
}
inline tingee::CreateVaAdvancedRequest create_va_advanced() {
  tingee::CreateVaAdvancedRequest r;
  static_cast<tingee::CreateVaRequest&>(r) = create_va();
  r.redirect_url = "https://shop.example.vn/linked";
  return r;
}
template <typename Confirmation>
Confirmation otp_confirmation(const char* confirm_id) {
  Confirmation r;
  r.confirm_id = confirm_id;
  r.otp_number = "123456";
  r.bank_bin = "970418";
  return r;
}
inline tingee::ConfirmVaRequest confirm_va() { return otp_confirmation<tingee::ConfirmVaRequest>("CF-1"); }
inline tingee::DeleteVaRequest delete_va() { return {"970418", "TNG60716171228", std::nullopt}; }
inline tingee::ConfirmDeleteVaRequest confirm_delete_va() {
  return otp_confirmation<tingee::ConfirmDeleteVaRequest>("DEL-1");
}
inline tingee::GetVaPagingRequest va_paging() {
  tingee::GetVaPagingRequest r;
  r.max_result_count = 20;
  r.bank_bin = "970418";
  return r;
}
inline tingee::RegisterNotifyRequest register_notify() { return {std::nullopt, "TNG60716171228", "970416", ""}; }
inline tingee::ConfirmRegisterNotifyRequest confirm_register_notify() {
  auto r = otp_confirmation<tingee::ConfirmRegisterNotifyRequest>("RN-1");
  r.bank_bin = "970416";
  return r;
}

inline tingee::DirectDebitRegisterRequest dd_register() {
  return {"REG-0001", "970436", "NGUYEN VAN A", "0901234567", "https://shop.example.vn/dd/return"};
}
inline tingee::DirectDebitPaymentBillRequest dd_payment() {
  tingee::DirectDebitPaymentBillRequest r;
  r.request_id = "PAY-0001";
  r.subscription_id = "SUB-42";
  r.token_ref = "TOK-REF-9";
  r.amount = 150000;
  r.description = "Phi thang 7";
  r.service_provider_name = "Shop A";
  return r;
}
inline tingee::DirectDebitDeleteSubscriptionRequest dd_delete() {
  return {"DEL-SUB-1", "https://shop.example.vn/dd/bye", "SUB-42", "TOK-REF-9"};
}
inline tingee::DirectDebitRefundRequest dd_refund() { return {"SUB-42", "TOK-REF-9", "TXN-DD-77", 50000}; }
inline tingee::DirectDebitEditConfirmPaymentMethodRequest dd_edit() {
  return {"EDIT-1", "https://shop.example.vn/dd/edited", "SUB-42"};
}
inline tingee::DirectDebitSubscriptionStatusRequest dd_subscription_status() { return {"", "SUB-42", "TOK-REF-9"}; }
inline tingee::DirectDebitTransactionStatusRequest dd_transaction_status() {
  return {"TXN-DD-77", "TOK-REF-9", "SUB-42"};
}
inline tingee::DirectDebitTransactionPagingRequest dd_transactions() {
  tingee::DirectDebitTransactionPagingRequest r;
  r.subscription_id = "SUB-42";
  r.token_ref = "TOK-REF-9";
  return r;
}

inline tingee::GenerateVietQrRequest viet_qr() {
  tingee::GenerateVietQrRequest r;
  r.bank_bin = "970418";
  r.account_number = "2101234567";
  r.amount = 150000;
  r.content = "TT DON 1024";
  return r;
}
inline tingee::GetAccountNumberInfoByQrCodeRequest qr_account_info() { return {kSoundboxQr}; }
// A deep link paying kSoundboxQr (BIN 970403, account 0011012345678, 180000 VND).
inline tingee::GenerateDeepLinkRequest deep_link() {
  tingee::GenerateDeepLinkRequest r;
  r.type = "payment";
  r.qr_code = kSoundboxQr;
  r.bank_bin = "970418";
  r.destination_bank_bin = "970403";
  r.account_name = "NGUYEN VAN A";
  r.account_number = "0011012345678";
  r.amount = 180000;
  r.content = "thanh toan don hang";
  r.bill_number = "BILL-0001";
  return r;
}
inline tingee::GenerateDeepLinkBidvTestRequest deep_link_bidv_test() {
  tingee::GenerateDeepLinkBidvTestRequest r;
  static_cast<tingee::GenerateDeepLinkRequest&>(r) = deep_link();
  return r;
}
inline tingee::CreateBankLinkSessionRequest bank_link_session() {
  tingee::CreateBankLinkSessionRequest r;
  r.redirect_url = "https://shop.example.vn/bank-link/done";
  r.allowed_banks = {"BIDV", "VCB"};
  r.shop_id = 12;
  return r;
}
inline tingee::DeviceReadAmountRequest device_read_amount() {
  tingee::DeviceReadAmountRequest r;
  r.uuid = "DEVICE-001";
  r.transaction_id = "T-READ-1";
  r.amount = 40000;
  r.bank_bin = "970422";
  return r;
}
inline tingee::CreateOrUpdateShopRequest shop() {
  tingee::CreateOrUpdateShopRequest r;
  r.name = "Shop A";
  r.address = "1 Trang Tien";
  r.notify =
      tingee::NotifyPlatforms{{-1001234567}, {}, {{"phone-number", "0901234567"}}, {{"tingee-box-3ls", "DEVICE-001"}}};
  return r;
}
inline tingee::GetShopPagingRequest shop_paging() {
  tingee::GetShopPagingRequest r;
  r.filter = "Shop";
  return r;
}
inline tingee::MerchantCreateRequest merchant_create() {
  tingee::MerchantCreateRequest r;
  r.name = "Merchant A";
  r.phone_number = "0901234567";
  r.email = "owner@merchant-a.example.vn";
  r.password = Secret(kMerchantPassword);
  return r;
}
inline tingee::MerchantGetPagingRequest merchant_paging() { return {"Merchant", "", 0, 20}; }
inline tingee::MerchantGetPagingConfigRequest merchant_config_paging() {
  tingee::MerchantGetPagingConfigRequest r;
  r.merchant_id = 42;
  return r;
}
inline tingee::MerchantCreateOrUpdateConfigRequest merchant_config() {
  tingee::MerchantCreateOrUpdateConfigRequest r;
  tingee::VibConfig vib;
  vib.va_prefix = "VIB";
  vib.basic_auth_token = Secret(kVibBasicAuthToken);
  vib.cif = "CIF-1";
  vib.client_id = "vib-client-1";
  vib.client_secret = Secret(kVibClientSecret);
  vib.account_number = "0071000123456";
  vib.va_characters_number = 10;
  r.vib = std::move(vib);
  r.account_type = tingee::AccountType::kBusiness;
  r.bank_bin = "970441";
  r.merchant_id = 42;
  return r;
}
/// An MSB configuration (its access code is a secret); not a table row's sample.
inline tingee::MerchantCreateOrUpdateConfigRequest merchant_msb_config() {
  tingee::MerchantCreateOrUpdateConfigRequest r;
  r.msb = tingee::MsbBusinessAccount{"0071000123456",        "MSB",  "0901234567", "MSB-M-1", "MSB-T-1",
                                     Secret(kMsbAccessCode), "REF-1"};
  r.account_type = tingee::AccountType::kBusiness;
  r.bank_bin = "970426";
  r.merchant_id = 42;
  return r;
}
inline tingee::AcbBusinessAccount acb_account() {
  return {"0071000123456", "CONG TY A", "ACB", "0901234567", "acb-user-1"};
}
inline tingee::MerchantConfigAccountBusinessRequest merchant_business() {
  const auto a = acb_account();
  return {"ACB", a.account_number, a.account_name, a.mobile, a.va_prefix, 42, a.acb_user_id, ""};
}
inline tingee::MerchantDeleteConfigAccountBusinessRequest merchant_business_unlink() {
  return {tingee::AccountType::kBusiness, acb_account(), 42, "970416", ""};
}
inline tingee::EInvoiceGetPagingAccountRequest ei_paging() {
  tingee::EInvoiceGetPagingAccountRequest r;
  r.provider = "misa";
  r.max_result_count = 20;
  return r;
}
inline tingee::EInvoiceCreateOrUpdateAccountRequest ei_account() {
  tingee::EInvoiceCreateOrUpdateAccountRequest r;
  r.provider = "misa";
  r.tax_code = "0101234567";
  r.username = "ketoan";
  r.password = Secret(kEInvoicePassword);
  r.is_default = true;
  return r;
}
inline tingee::EInvoiceDeleteAccountRequest ei_delete() { return {5, std::nullopt}; }
template <typename Invoice>
Invoice ei_sample_invoice(const char* code) {
  Invoice r;
  r.account_id = 5;
  r.invoice_pattern = "1";
  r.invoice_series = "C26MMS";
  r.invoice_code = code;
  r.invoice_date = "2026-07-16";
  r.buyer_name = "Nguyen Van B";
  r.buyer_email = "b@example.vn";
  tingee::InvoiceItem item;
  item.item_name = "Ca phe sua";
  item.quantity = "2";
  item.unit_price = 25000;
  item.tax_rate_code = "8";
  item.total_after_tax = 54000;
  r.items = {item};
  r.total_after_tax = 54000;
  return r;
}
inline tingee::EInvoiceCreateRequest ei_invoice() {
  return ei_sample_invoice<tingee::EInvoiceCreateRequest>("INV-1024");
}
inline tingee::EInvoiceCreateAndIssueRequest ei_invoice_and_issue() {
  return ei_sample_invoice<tingee::EInvoiceCreateAndIssueRequest>("INV-1025");
}
inline tingee::EInvoiceGetInvoiceInfoRequest ei_info() { return {std::nullopt, 5, "INV-1025"}; }
inline tingee::EInvoiceDownloadRequest ei_download() {
  tingee::EInvoiceDownloadRequest r;
  r.account_id = 5;
  r.invoice_code = "INV-1025";
  return r;
}
inline tingee::EInvoiceInvoiceTemplatesRequest ei_templates() {
  return {9, 5, "misa", "0101234567", "ketoan", Secret(kEInvoicePassword), 0};
}
inline tingee::EInvoiceSendEmailRequest ei_email() {
  return {std::nullopt, 5, "INV-1025", "Nguyen Van B", "b@example.vn"};
}

inline tconnect::PosPush pos() { return {"00059012710", "0129210912", 150000}; }
inline tconnect::SoundboxPush soundbox() { return {"SB-001234", 180000, kSoundboxQr}; }
inline tconnect::TransactionQuery query() { return {"2026-01-07 00:00:00", "2026-01-07 23:59:59", 10, 1}; }
inline tconnect::CreateVaRequest va() { return {"970454", "NGUYEN VAN A"}; }
inline tconnect::CreateQrRequest qr() { return {"ORD-77", "VA100023312", "970454", 150000, ""}; }
inline tconnect::GenerateQrRequest generate_qr() {
  return {"5f1c0d3e9a8b4c7d8e6f5a4b3c2d1e0f", "ORD-77", "VA100023312", "970454", 150000, ""};
}
inline tconnect::OrderStatusRequest order_status() { return {"ORD-77", "VA100023312", ""}; }

/// An IPN of order ORD-77 for 150 000 VND, matched by its order id (it has no request_id).
inline tconnect::IpnNotification ipn() {
  tconnect::IpnNotification n;
  n.order_id = "ORD-77";
  n.amount = 150000;
  n.payment_type = "QR";
  n.original_transaction_date = 1762771870;  // fixed_time(), in seconds
  return n;
}

inline charging::CardRequest card() { return {"VIETTEL", kCardCode, kCardSerial, 50000, "REQ-0001"}; }
inline charging::SerialCheckRequest serial_check() { return {"VIETTEL", kCardSerial}; }

}  // namespace sample

}  // namespace paygw::calls
