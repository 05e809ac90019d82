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
inline constexpr std::string_view kDeviceTypeBox3ls = "tingee-box-3ls";
inline constexpr std::string_view kDeviceTypeBox6xs = "tingee-box-6xs";
inline constexpr std::string_view kDeviceTypeBoxMax = "tingee-box-max";

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
  std::string uuid;                             ///< Required.
  std::string security_code;                    ///< Required: the code the device announced.
  std::vector<std::int64_t> shop_ids;           ///< Positive ids.
  std::vector<std::string> va_account_numbers;  ///< Non-empty strings.
  std::string app_type{kAppTypeBaas};           ///< Required (AppTypeEnum).
  std::optional<std::int64_t> merchant_id;
  std::optional<std::int64_t> master_merchant_id;
};

/// A device as returned by the link endpoints.
struct DeviceRef {
  std::string type;  ///< DeviceTypeEnum, e.g. "tingee-box-3ls".
  std::string uuid;
};

/// A list of devices plus the provider's message.
struct DeviceRefs {
  std::vector<DeviceRef> devices;
  std::string message;
};

/// One shop entry of update-shop-device-link-status.
struct ShopLink {
  std::optional<std::int64_t> shop_id;  ///< Required unless va_account_number is set.
  std::string shop_name;                ///< Required.
  std::string full_address;             ///< Required.
  bool is_link_to_device = true;        ///< true links, false unlinks.
  std::string va_account_number;
};

/// POST /v1/device/update-shop-device-link-status — links/unlinks a device and shops.
struct UpdateShopDeviceLinkStatusRequest {
  std::string uuid;                    ///< Required.
  std::string app_type{kAppTypeBaas};  ///< Required (AppTypeEnum).
  std::vector<ShopLink> shops;         ///< Required, at least one (`shopsLinkToDeviceDtos`).
  std::string type;                    ///< Optional DeviceTypeEnum.
  std::optional<std::int64_t> merchant_id;
};

/// POST /v1/device/get-devices-link-to-shop-or-va — give va_account_number or shop_id.
struct GetDevicesLinkToShopOrVaRequest {
  std::string va_account_number;
  std::optional<std::int64_t> shop_id;
  std::optional<std::int64_t> merchant_id;
};

/// POST /v1/device/get-paging — list the merchant's devices.
struct GetDevicePagingRequest {
  std::int64_t skip_count = 0;         ///< Offset, >= 0.
  std::int64_t max_result_count = 10;  ///< Page size, 1..1000.
  std::string filter;                  ///< Optional keyword.
  std::string sorting;                 ///< Optional.
  std::string type;                    ///< Optional DeviceTypeEnum filter.
  std::optional<std::int64_t> merchant_id;
};

enum class DeviceStatus { kWaitingProgressing, kRefused, kApproved, kUnknown };

struct ShopRef {
  std::int64_t id = 0;
  std::string name;
};

/// A device of get-paging (the commonly useful subset of Tingee's DeviceDto).
struct Device {
  std::optional<std::int64_t> id;
  std::string type;
  std::string uuid;
  std::string name;
  DeviceStatus status = DeviceStatus::kUnknown;
  std::string status_raw;  ///< The wire value, kept for statuses paygw does not know.
  std::optional<std::int64_t> merchant_id;
  std::optional<std::int64_t> master_merchant_id;
  std::string merchant_name;
  std::string serial_number;
  std::string creation_time;
  std::string expiration_date;
  std::vector<ShopRef> shops;
};

struct DevicePage {
  std::int64_t total_count = 0;
  std::vector<Device> items;
  std::string message;
};

/// Body shared by show-qr-code, show-dynamic-qr-code and show-static-qr-code.
/// `uuid` is required unless both bank_bin and va_account_number are given.
struct ShowQrRequest {
  std::string uuid;
  std::string va_account_number;
  std::int64_t amount = 0;  ///< VND, > 0.
  std::string qr_code;      ///< Required: the EMVCo/VietQR payload string.
  std::string bank_bin;     ///< 6-digit NAPAS BIN.
  std::string bank_name;    ///< BankNameEnum, alternative to bank_bin.
  std::string device_type;
  std::string first_text;
  std::string second_text;
  std::string third_text;
  std::optional<std::int64_t> show_time;  ///< Seconds, > 0.
  std::optional<bool> is_static_qr;
  std::optional<bool> play_sound;
  std::optional<std::int64_t> merchant_id;
};

enum class QrCodeType { kOneTimePayment, kRecurringPayment };

/// POST /v1/device/generate-and-show-dynamic-qr-code (not for 3LS devices).
/// bank_bin or bank_name is required.
struct GenerateAndShowDynamicQrRequest {
  std::string uuid;  ///< Required.
  QrCodeType qr_code_type = QrCodeType::kOneTimePayment;
  std::string va_account_number;  ///< Required.
  std::int64_t amount = 0;        ///< VND, > 0.
  std::string bank_bin;
  std::string bank_name;
  std::string purpose;
  std::optional<std::int64_t> expire_in_minute;  ///< > 0.
  std::string extra_info;
  std::string device_type;
  std::string first_text;
  std::string second_text;
  std::string third_text;
  std::optional<std::int64_t> show_time;
  std::optional<bool> play_sound;
  std::optional<bool> read_amount_after_pay;
  std::optional<std::int64_t> merchant_id;
};

/// Answer of generate-and-show-dynamic-qr-code. Tingee does not document the data shape;
/// paygw reads `qrCode`/`qrAccount`/`billId` when present and keeps the raw JSON.
struct DynamicQr {
  std::string qr_code;
  std::string qr_account;
  std::string bill_id;
  std::string data_json;  ///< The envelope's `data` as compact JSON ("null" when absent).
  std::string message;
};

struct ReceiptItem {
  std::string name;             ///< Required.
  std::int64_t quantity = 0;    ///< > 0.
  std::int64_t unit_price = 0;  ///< VND, >= 0.
};

/// Receipt content (print-receipt, and read-amount's `printData`).
struct Receipt {
  std::string store_name;                ///< Required.
  std::vector<ReceiptItem> items;        ///< Required, at least one.
  std::int64_t total_amount = 0;         ///< VND, >= 0.
  std::optional<std::int64_t> discount;  ///< VND, >= 0.
  std::optional<std::int64_t> copies;    ///< 1..9.
  std::string logo;
  std::string address;
  std::string hotline;
  std::string order_code;
  std::string qr_code;
  std::string barcode;
  std::string footer_note;
  std::optional<std::int64_t> voice_file;  ///< 1..6 (6 = print only, no sound).
};

/// POST /v1/device/read-amount-link-to-merchant — the device announces an amount.
struct ReadAmountRequest {
  std::string uuid;            ///< Required.
  std::string transaction_id;  ///< Required: the caller's transaction reference.
  std::int64_t amount = 0;     ///< VND, > 0.
  std::string bank_bin;        ///< Required, 6 digits.
  std::string bank_name;
  std::string first_display_text;
  std::string second_display_text;
  std::string third_display_text;
  std::optional<bool> play_sound;
  std::optional<bool> is_print;
  std::optional<Receipt> print_data;
  std::optional<std::int64_t> merchant_id;
};

/// POST /v1/device/print-receipt (TINGEE MAX printer models).
struct PrintReceiptRequest {
  std::string uuid;  ///< Required.
  Receipt receipt;
  std::optional<std::int64_t> merchant_id;
};

/// DELETE /v1/device/reset?uuid=... (no body). Not POST /v1/device/reset-device: that one is
/// ResetDeviceWithDetailsRequest.
struct ResetDeviceRequest {
  std::string uuid;  ///< Required.
};

struct ResetResult {
  std::string data;  ///< The provider's `data` string.
  std::string message;
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

}  // namespace paygw::tingee
