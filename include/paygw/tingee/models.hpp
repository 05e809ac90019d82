// SPDX-License-Identifier: MIT
// paygw — Tingee device (TINGEEBOX) request and response types.
//
// Field names follow the Tingee Open API (camelCase on the wire, snake_case here). Money is
// integer VND (std::int64_t). Optional wire fields are std::optional or an empty string/vector:
// an empty optional field is left out of the request body.
#pragma once

#include <paygw/money.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::tingee {

/// Largest amount accepted by paygw: Tingee's server is JavaScript, whose numbers stay exact
/// only up to 2^53 - 1.
inline constexpr std::int64_t kMaxAmount = kMaxAmountVnd;

/// `appType` value used by BaaS integrators (the documented default).
inline constexpr std::string_view kAppTypeBaas = "baas";

/// A few DeviceTypeEnum values (the wire field is an open string; see docs/tingee.md).
inline constexpr std::string_view kDeviceTypeBox3ls = "tingee-box-3ls";  ///< TINGEEBOX 3LS (dynamic QRs only).
inline constexpr std::string_view kDeviceTypeBox6xs = "tingee-box-6xs";  ///< TINGEEBOX 6XS.
inline constexpr std::string_view kDeviceTypeBoxMax = "tingee-box-max";  ///< TINGEE MAX (has a printer).

/// Successful answer of an action endpoint that returns no data.
struct Ack {
  std::string message;  ///< The provider's message, verbatim (often Vietnamese).
};

/// POST /v1/device/read-security-code — the device announces its pairing code.
struct ReadSecurityCodeRequest {
  std::string uuid;                         ///< Required.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// POST /v1/device/add-device-to-shop — links a device to shops and/or VAs.
/// At least one of shop_ids / va_account_numbers is required.
struct AddDeviceToShopRequest {
  std::string uuid;                                ///< Required.
  std::string security_code;                       ///< Required: the code the device announced.
  std::vector<std::int64_t> shop_ids;              ///< Positive ids.
  std::vector<std::string> va_account_numbers;     ///< Non-empty strings.
  std::string app_type{kAppTypeBaas};              ///< Required (AppTypeEnum).
  std::optional<std::int64_t> merchant_id;         ///< `merchantId`: required for Master Merchant credentials.
  std::optional<std::int64_t> master_merchant_id;  ///< `masterMerchantId` (official SDKs only; undocumented).
};

/// A device as returned by the link endpoints.
struct DeviceRef {
  std::string type;  ///< DeviceTypeEnum, e.g. "tingee-box-3ls".
  std::string uuid;  ///< The device's id.
};

/// A list of devices plus the provider's message.
struct DeviceRefs {
  std::vector<DeviceRef> devices;  ///< The devices, in the provider's order (may be empty).
  std::string message;             ///< The provider's message, verbatim.
};

/// One shop entry of update-shop-device-link-status.
struct ShopLink {
  std::optional<std::int64_t> shop_id;  ///< Required unless va_account_number is set.
  std::string shop_name;                ///< Required.
  std::string full_address;             ///< Required.
  bool is_link_to_device = true;        ///< true links, false unlinks.
  std::string va_account_number;        ///< Optional VA to link instead of (or with) the shop.
};

/// POST /v1/device/update-shop-device-link-status — links/unlinks a device and shops.
struct UpdateShopDeviceLinkStatusRequest {
  std::string uuid;                         ///< Required.
  std::string app_type{kAppTypeBaas};       ///< Required (AppTypeEnum).
  std::vector<ShopLink> shops;              ///< Required, at least one (`shopsLinkToDeviceDtos`).
  std::string type;                         ///< Optional DeviceTypeEnum.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// POST /v1/device/get-devices-link-to-shop-or-va — give va_account_number or shop_id.
struct GetDevicesLinkToShopOrVaRequest {
  std::string va_account_number;            ///< The VA whose devices to list (or give shop_id).
  std::optional<std::int64_t> shop_id;      ///< The shop whose devices to list (or give va_account_number).
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// POST /v1/device/get-paging — list the merchant's devices.
struct GetDevicePagingRequest {
  std::int64_t skip_count = 0;              ///< Offset, >= 0.
  std::int64_t max_result_count = 10;       ///< Page size, 1..1000.
  std::string filter;                       ///< Optional keyword.
  std::string sorting;                      ///< Optional.
  std::string type;                         ///< Optional DeviceTypeEnum filter.
  std::optional<std::int64_t> merchant_id;  ///< Optional; Tingee takes the Master Merchant's when absent.
};

/// A device's registration status (DeviceStatusEnum).
enum class DeviceStatus {
  kWaitingProgressing,  ///< `waiting-progressing`: registered, not approved yet.
  kRefused,             ///< `refuse`: the registration was refused.
  kApproved,            ///< `approved`: the device is in service.
  kUnknown,             ///< Any other value (kept in Device::status_raw).
};

/// A shop a device is linked to (`shopDtos` of a DeviceDto).
struct ShopRef {
  std::int64_t id = 0;  ///< The shop's id.
  std::string name;     ///< The shop's name.
};

/// A device of get-paging (the commonly useful subset of Tingee's DeviceDto).
struct Device {
  std::optional<std::int64_t> id;                  ///< Tingee's numeric id, when sent.
  std::string type;                                ///< DeviceTypeEnum, e.g. "tingee-box-3ls".
  std::string uuid;                                ///< The device's id (what requests name it by).
  std::string name;                                ///< Display name.
  DeviceStatus status = DeviceStatus::kUnknown;    ///< Registration status.
  std::string status_raw;                          ///< The wire value, kept for statuses paygw does not know.
  std::optional<std::int64_t> merchant_id;         ///< Owning merchant.
  std::optional<std::int64_t> master_merchant_id;  ///< Owning Master Merchant.
  std::string merchant_name;                       ///< Owning merchant's name.
  std::string serial_number;                       ///< Hardware serial number.
  std::string creation_time;                       ///< As sent (an ISO 8601 date-time string).
  std::string expiration_date;                     ///< As sent (service expiry).
  std::vector<ShopRef> shops;                      ///< Linked shops (`shopDtos`).
};

/// One page of get-paging.
struct DevicePage {
  std::int64_t total_count = 0;  ///< Devices in all pages (0 when Tingee leaves it out).
  std::vector<Device> items;     ///< This page's devices.
  std::string message;           ///< The provider's message, verbatim.
};

/// Body shared by show-qr-code, show-dynamic-qr-code and show-static-qr-code.
/// `uuid` is required unless both bank_bin and va_account_number are given.
struct ShowQrRequest {
  std::string uuid;                         ///< The device; see above.
  std::string va_account_number;            ///< The VA (or identified account) the QR pays into.
  std::int64_t amount = 0;                  ///< VND, > 0.
  std::string qr_code;                      ///< Required: the EMVCo/VietQR payload string.
  std::string bank_bin;                     ///< 6-digit NAPAS BIN.
  std::string bank_name;                    ///< BankNameEnum, alternative to bank_bin.
  std::string device_type;                  ///< Optional DeviceTypeEnum.
  std::string first_text;                   ///< Display line 1 shown with the QR (optional).
  std::string second_text;                  ///< Display line 2 (optional).
  std::string third_text;                   ///< Display line 3 (optional).
  std::optional<std::int64_t> show_time;    ///< Seconds, > 0.
  std::optional<bool> is_static_qr;         ///< `isStaticQr`: whether the QR is a static one.
  std::optional<bool> play_sound;           ///< Sound on or off.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// Kind of a dynamic QR (QRCodeTypeEnum).
enum class QrCodeType {
  kOneTimePayment,    ///< `dynamic-one-time-payment`: paid once.
  kRecurringPayment,  ///< `dynamic-recurring-payment`: may be paid several times.
};

/// POST /v1/device/generate-and-show-dynamic-qr-code (not for 3LS devices).
/// bank_bin or bank_name is required.
struct GenerateAndShowDynamicQrRequest {
  std::string uuid;                                       ///< Required.
  QrCodeType qr_code_type = QrCodeType::kOneTimePayment;  ///< Required: paid once or several times.
  std::string va_account_number;                          ///< Required.
  std::int64_t amount = 0;                                ///< VND, > 0.
  std::string bank_bin;                                   ///< 6-digit NAPAS BIN (or give bank_name).
  std::string bank_name;                                  ///< BankNameEnum (or give bank_bin).
  std::string purpose;                                    ///< Payment content (optional).
  std::optional<std::int64_t> expire_in_minute;           ///< > 0.
  std::string extra_info;                                 ///< e.g. the merchant's bill code (optional).
  std::string device_type;                                ///< Optional DeviceTypeEnum.
  std::string first_text;                                 ///< Display line 1 (optional).
  std::string second_text;                                ///< Display line 2 (optional).
  std::string third_text;                                 ///< Display line 3 (optional).
  std::optional<std::int64_t> show_time;                  ///< Seconds, > 0.
  std::optional<bool> play_sound;                         ///< Sound on or off.
  std::optional<bool> read_amount_after_pay;              ///< Announce the amount when the bill is paid.
  std::optional<std::int64_t> merchant_id;                ///< Required for Master Merchant credentials.
};

/// Answer of generate-and-show-dynamic-qr-code. Tingee does not document the data shape;
/// paygw reads `qrCode`/`qrAccount`/`billId` when present and keeps the raw JSON.
struct DynamicQr {
  std::string qr_code;     ///< The VietQR string shown (`qrCode`), empty when not sent.
  std::string qr_account;  ///< The account the QR pays into (`qrAccount`), empty when not sent.
  std::string bill_id;     ///< The bill (`billId`) for get-status-dynamic-qr, empty when not sent.
  std::string data_json;   ///< The envelope's `data` as compact JSON ("null" when absent).
  std::string message;     ///< The provider's message, verbatim.
};

/// One line of a Receipt.
struct ReceiptItem {
  std::string name;             ///< Required.
  std::int64_t quantity = 0;    ///< > 0.
  std::int64_t unit_price = 0;  ///< VND, >= 0.
};

/// Receipt content (print-receipt, and read-amount's `printData`).
struct Receipt {
  std::string store_name;                  ///< Required.
  std::vector<ReceiptItem> items;          ///< Required, at least one.
  std::int64_t total_amount = 0;           ///< VND, >= 0.
  std::optional<std::int64_t> discount;    ///< VND, >= 0.
  std::optional<std::int64_t> copies;      ///< 1..9.
  std::string logo;                        ///< A logo registered with Tingee, e.g. "printer_receipt_logo" (optional).
  std::string address;                     ///< Store address (optional).
  std::string hotline;                     ///< Store phone number (optional).
  std::string order_code;                  ///< Order or waybill code (optional).
  std::string qr_code;                     ///< QR content to print (optional).
  std::string barcode;                     ///< Code128 content to print (optional).
  std::string footer_note;                 ///< Last line of the receipt (optional).
  std::optional<std::int64_t> voice_file;  ///< 1..6 (6 = print only, no sound).
};

/// POST /v1/device/read-amount-link-to-merchant — the device announces an amount.
struct ReadAmountRequest {
  std::string uuid;                         ///< Required.
  std::string transaction_id;               ///< Required: the caller's transaction reference.
  std::int64_t amount = 0;                  ///< VND, > 0.
  std::string bank_bin;                     ///< Required, 6 digits.
  std::string bank_name;                    ///< BankNameEnum (optional).
  std::string first_display_text;           ///< Display line 1 (optional; `firstDisplayText`).
  std::string second_display_text;          ///< Display line 2 (optional).
  std::string third_display_text;           ///< Display line 3 (optional).
  std::optional<bool> play_sound;           ///< Voice on or off.
  std::optional<bool> is_print;             ///< Also print a receipt (printer models).
  std::optional<Receipt> print_data;        ///< The receipt to print when is_print.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// POST /v1/device/print-receipt (TINGEE MAX printer models).
struct PrintReceiptRequest {
  std::string uuid;                         ///< Required.
  Receipt receipt;                          ///< What to print (sent as the body's top-level fields).
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// DELETE /v1/device/reset?uuid=... (no body). Not POST /v1/device/reset-device: that one is
/// ResetDeviceWithDetailsRequest.
struct ResetDeviceRequest {
  std::string uuid;  ///< Required.
};

/// Answer of DELETE /v1/device/reset.
struct ResetResult {
  std::string data;     ///< The provider's `data` string.
  std::string message;  ///< The provider's message, verbatim.
};

/// POST /v1/device/nfc-command — pushes an NFC setting to the device (answer: Ack). Tingee
/// documents no semantics beyond the field names (official Node SDK 0.2.4 only).
struct NfcCommandRequest {
  std::string uuid;                         ///< Required.
  std::string nfc_url;                      ///< Required (`nfcUrl`).
  std::string nfc_package_name;             ///< Required (`nfcPackageName`).
  std::optional<bool> enable_nfc;           ///< `enableNfc`.
  std::optional<bool> play_sound;           ///< `playSound`.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// POST /v1/device/reset-device — a reset that carries a JSON body (answer: Ack).
///
/// Not the same endpoint as ResetDeviceRequest (`DELETE /v1/device/reset?uuid=`, no body, answers
/// a `data` string): this one names the device by uuid and may add the owner's phone number and
/// account number, or flag the reset as requested by the bank. Tingee documents the semantics of
/// neither. One third-party tool calls this endpoint with an `x-api-key` header instead of the
/// HMAC signature; paygw signs it like every other call.
struct ResetDeviceWithDetailsRequest {
  std::string uuid;                     ///< Required.
  std::string phone_number;             ///< `phoneNumber`, optional.
  std::string account_number;           ///< `accountNumber`, optional.
  std::optional<bool> is_bank_request;  ///< `isBankRequest`, optional.
};

/// One e-invoice provider Tingee issues invoices through (POST /v1/e-invoice/get-provider).
struct EInvoiceProvider {
  std::string code;  ///< Its code as Tingee answers it ("x-cyber", "hilo", "s-invoice", "misa"), verbatim.
  std::string name;  ///< Its display name.
};

/// Answer of POST /v1/e-invoice/get-provider.
struct EInvoiceProviderList {
  std::vector<EInvoiceProvider> providers;  ///< In Tingee's order.
  std::string message;                      ///< The provider's message, verbatim.
};

}  // namespace paygw::tingee
