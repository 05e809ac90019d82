// SPDX-License-Identifier: MIT
#include "tingee/codec.hpp"

#include "http/util.hpp"
#include "tingee/codec_support.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace paygw::tingee::detail {
namespace json = paygw::detail::json;
using support::data_of;
using support::malformed;
using support::positive_if_set;
using support::response_error;
using support::valid_amount;
using support::valid_bin;
using support::valid_id;
using support::Validator;

namespace {

void validate_receipt(Validator& v, const Receipt& r) {
  v.require(!r.store_name.empty(), "receipt.store_name is required")
      .require(!r.items.empty(), "receipt.items must not be empty")
      .require(r.total_amount >= 0 && r.total_amount <= kMaxAmount, "receipt.total_amount must be 0..9007199254740991")
      .require(!r.discount || (*r.discount >= 0 && *r.discount <= kMaxAmount), "receipt.discount must be >= 0")
      .require(!r.copies || (*r.copies >= 1 && *r.copies <= 9), "receipt.copies must be 1..9")
      .require(!r.voice_file || (*r.voice_file >= 1 && *r.voice_file <= 6), "receipt.voice_file must be 1..6");
  for (const auto& item : r.items) {
    v.require(!item.name.empty(), "receipt item name is required")
        .require(item.quantity > 0, "receipt item quantity must be > 0")
        .require(item.unit_price >= 0 && item.unit_price <= kMaxAmount, "receipt item unit_price must be >= 0");
  }
}

Json receipt_json(const Receipt& r) {
  Json o = Json::object();
  json::put_int(o, "copies", r.copies);
  json::put_string(o, "logo", r.logo);
  o["storeName"] = r.store_name;
  json::put_string(o, "address", r.address);
  json::put_string(o, "hotline", r.hotline);
  json::put_string(o, "orderCode", r.order_code);
  Json items = Json::array();
  for (const auto& item : r.items) {
    items.push_back(Json{{"name", item.name}, {"quantity", item.quantity}, {"unitPrice", item.unit_price}});
  }
  o["items"] = std::move(items);
  o["totalAmount"] = r.total_amount;
  json::put_int(o, "discount", r.discount);
  json::put_string(o, "qrCode", r.qr_code);
  json::put_string(o, "barcode", r.barcode);
  json::put_string(o, "footerNote", r.footer_note);
  json::put_int(o, "voiceFile", r.voice_file);
  return o;
}

Json with_merchant(const std::optional<std::int64_t>& merchant_id) {
  Json o = Json::object();
  json::put_int(o, "merchantId", merchant_id);
  return o;
}

Result<std::vector<DeviceRef>> device_refs(const Json& data) {
  std::vector<DeviceRef> out;
  if (data.is_null()) return out;
  if (!data.is_array()) return malformed("data is not a list of devices");
  for (const auto& item : data) {
    if (!item.is_object()) return malformed("device entry is not an object");
    out.push_back(DeviceRef{json::string_or_empty(item, "type"), json::string_or_empty(item, "uuid")});
  }
  return out;
}

DeviceStatus device_status(const std::string& raw) {
  if (raw == "waiting-progressing") return DeviceStatus::kWaitingProgressing;
  if (raw == "refuse") return DeviceStatus::kRefused;
  if (raw == "approved") return DeviceStatus::kApproved;
  return DeviceStatus::kUnknown;
}

}  // namespace

Result<Json> build(const ReadSecurityCodeRequest& r) {
  Validator v;
  v.require(!r.uuid.empty(), "uuid is required").require(valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = with_merchant(r.merchant_id);
  o["uuid"] = r.uuid;
  return o;
}

Result<Json> build(const AddDeviceToShopRequest& r) {
  Validator v;
  v.require(!r.uuid.empty(), "uuid is required")
      .require(!r.security_code.empty(), "security_code is required")
      .require(!r.app_type.empty(), "app_type is required")
      .require(!r.shop_ids.empty() || !r.va_account_numbers.empty(), "shop_ids or va_account_numbers is required")
      .require(std::all_of(r.shop_ids.begin(), r.shop_ids.end(), [](std::int64_t id) { return id > 0; }),
               "shop_ids must be > 0")
      .require(std::none_of(r.va_account_numbers.begin(), r.va_account_numbers.end(),
                            [](const std::string& va) { return va.empty(); }),
               "va_account_numbers must not contain an empty string")
      .require(valid_id(r.merchant_id), "merchant_id must be > 0")
      .require(valid_id(r.master_merchant_id), "master_merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = with_merchant(r.merchant_id);
  o["uuid"] = r.uuid;
  o["securityCode"] = r.security_code;
  json::put_array(o, "vaAccountNumbers", r.va_account_numbers);
  json::put_array(o, "shopIds", r.shop_ids);
  o["appType"] = r.app_type;
  json::put_int(o, "masterMerchantId", r.master_merchant_id);
  return o;
}

Result<Json> build(const UpdateShopDeviceLinkStatusRequest& r) {
  Validator v;
  v.require(!r.uuid.empty(), "uuid is required")
      .require(!r.app_type.empty(), "app_type is required")
      .require(!r.shops.empty(), "shops must not be empty")
      .require(valid_id(r.merchant_id), "merchant_id must be > 0");
  for (const auto& s : r.shops) {
    v.require(s.shop_id.has_value() || !s.va_account_number.empty(), "each shop needs shop_id or va_account_number")
        .require(valid_id(s.shop_id), "shop_id must be > 0")
        .require(!s.shop_name.empty(), "shop_name is required")
        .require(!s.full_address.empty(), "full_address is required");
  }
  if (v.failed()) return v.error();
  Json o = with_merchant(r.merchant_id);
  o["uuid"] = r.uuid;
  json::put_string(o, "type", r.type);
  o["appType"] = r.app_type;
  Json shops = Json::array();
  for (const auto& s : r.shops) {
    Json item = Json::object();
    json::put_int(item, "shopId", s.shop_id);
    item["shopName"] = s.shop_name;
    item["fullAddress"] = s.full_address;
    item["isLinkToDevice"] = s.is_link_to_device;
    json::put_string(item, "vaAccountNumber", s.va_account_number);
    shops.push_back(std::move(item));
  }
  o["shopsLinkToDeviceDtos"] = std::move(shops);
  return o;
}

Result<Json> build(const GetDevicesLinkToShopOrVaRequest& r) {
  Validator v;
  v.require(!r.va_account_number.empty() || r.shop_id.has_value(), "va_account_number or shop_id is required")
      .require(valid_id(r.shop_id), "shop_id must be > 0")
      .require(valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = with_merchant(r.merchant_id);
  json::put_string(o, "vaAccountNumber", r.va_account_number);
  json::put_int(o, "shopId", r.shop_id);
  return o;
}

Result<Json> build(const GetDevicePagingRequest& r) {
  Validator v;
  v.require(r.skip_count >= 0, "skip_count must be >= 0")
      .require(r.max_result_count >= 1 && r.max_result_count <= 1000, "max_result_count must be 1..1000")
      .require(valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_string(o, "filter", r.filter);
  json::put_string(o, "sorting", r.sorting);
  o["skipCount"] = r.skip_count;
  o["maxResultCount"] = r.max_result_count;
  json::put_int(o, "merchantId", r.merchant_id);
  json::put_string(o, "type", r.type);
  return o;
}

Result<Json> build(const ShowQrRequest& r) {
  Validator v;
  v.require(!r.uuid.empty() || (!r.bank_bin.empty() && !r.va_account_number.empty()),
            "uuid is required unless bank_bin and va_account_number are given")
      .require(valid_amount(r.amount), "amount must be 1..9007199254740991")
      .require(!r.qr_code.empty(), "qr_code is required")
      .require(valid_bin(r.bank_bin), "bank_bin must be 6 digits")
      .require(positive_if_set(r.show_time), "show_time must be > 0 seconds")
      .require(valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = with_merchant(r.merchant_id);
  json::put_string(o, "uuid", r.uuid);
  json::put_string(o, "vaAccountNumber", r.va_account_number);
  o["amount"] = r.amount;
  o["qrCode"] = r.qr_code;
  json::put_string(o, "bankBin", r.bank_bin);
  json::put_string(o, "bankName", r.bank_name);
  json::put_string(o, "deviceType", r.device_type);
  json::put_string(o, "firstText", r.first_text);
  json::put_string(o, "secondText", r.second_text);
  json::put_string(o, "thirdText", r.third_text);
  json::put_int(o, "showTime", r.show_time);
  json::put_bool(o, "isStaticQr", r.is_static_qr);
  json::put_bool(o, "playSound", r.play_sound);
  return o;
}

Result<Json> build(const GenerateAndShowDynamicQrRequest& r) {
  Validator v;
  v.require(!r.uuid.empty(), "uuid is required")
      .require(!r.va_account_number.empty(), "va_account_number is required")
      .require(valid_amount(r.amount), "amount must be 1..9007199254740991")
      .require(!r.bank_bin.empty() || !r.bank_name.empty(), "bank_bin or bank_name is required")
      .require(valid_bin(r.bank_bin), "bank_bin must be 6 digits")
      .require(positive_if_set(r.expire_in_minute), "expire_in_minute must be > 0")
      .require(positive_if_set(r.show_time), "show_time must be > 0 seconds")
      .require(valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = with_merchant(r.merchant_id);
  o["uuid"] = r.uuid;
  o["qrCodeType"] =
      r.qr_code_type == QrCodeType::kOneTimePayment ? "dynamic-one-time-payment" : "dynamic-recurring-payment";
  o["vaAccountNumber"] = r.va_account_number;
  o["amount"] = r.amount;
  json::put_string(o, "purpose", r.purpose);
  json::put_string(o, "bankBin", r.bank_bin);
  json::put_string(o, "bankName", r.bank_name);
  json::put_int(o, "expireInMinute", r.expire_in_minute);
  json::put_string(o, "extraInfo", r.extra_info);
  json::put_string(o, "deviceType", r.device_type);
  json::put_string(o, "firstText", r.first_text);
  json::put_string(o, "secondText", r.second_text);
  json::put_string(o, "thirdText", r.third_text);
  json::put_int(o, "showTime", r.show_time);
  json::put_bool(o, "playSound", r.play_sound);
  json::put_bool(o, "readAmountAfterPay", r.read_amount_after_pay);
  return o;
}

Result<Json> build(const ReadAmountRequest& r) {
  Validator v;
  v.require(!r.uuid.empty(), "uuid is required")
      .require(!r.transaction_id.empty(), "transaction_id is required")
      .require(valid_amount(r.amount), "amount must be 1..9007199254740991")
      .require(!r.bank_bin.empty(), "bank_bin is required")
      .require(valid_bin(r.bank_bin), "bank_bin must be 6 digits")
      .require(valid_id(r.merchant_id), "merchant_id must be > 0");
  if (r.print_data) validate_receipt(v, *r.print_data);
  if (v.failed()) return v.error();
  Json o = with_merchant(r.merchant_id);
  o["uuid"] = r.uuid;
  o["transactionId"] = r.transaction_id;
  o["amount"] = r.amount;
  o["bankBin"] = r.bank_bin;
  json::put_string(o, "bankName", r.bank_name);
  json::put_string(o, "firstDisplayText", r.first_display_text);
  json::put_string(o, "secondDisplayText", r.second_display_text);
  json::put_string(o, "thirdDisplayText", r.third_display_text);
  json::put_bool(o, "playSound", r.play_sound);
  json::put_bool(o, "isPrint", r.is_print);
  if (r.print_data) o["printData"] = receipt_json(*r.print_data);
  return o;
}

Result<Json> build(const PrintReceiptRequest& r) {
  Validator v;
  v.require(!r.uuid.empty(), "uuid is required").require(valid_id(r.merchant_id), "merchant_id must be > 0");
  validate_receipt(v, r.receipt);
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["uuid"] = r.uuid;
  json::put_int(o, "merchantId", r.merchant_id);
  const Json receipt = receipt_json(r.receipt);
  for (const auto& [key, value] : receipt.items()) o[key] = value;
  return o;
}

Result<std::string> build_query(const ResetDeviceRequest& r) {
  if (r.uuid.empty()) return make_error(ErrorCode::kInvalidArgument, "uuid is required");
  return "?uuid=" + paygw::detail::url_encode(r.uuid);
}

Result<Json> parse_envelope(const http::Response& response) {
  const int status = response.status;
  const bool success_status = status >= 200 && status < 300;
  auto parsed = json::parse(response.body);
  if (!parsed || !parsed->is_object()) {
    if (status == 401 || status == 403) {
      return response_error(ErrorCode::kAuth, "HTTP " + std::to_string(status) + " without a JSON body", status);
    }
    if (!success_status) {
      return response_error(ErrorCode::kHttpStatus, "HTTP " + std::to_string(status) + " without a JSON body", status);
    }
    return response_error(ErrorCode::kMalformed, "response is not a JSON object", status);
  }
  const Json& j = *parsed;
  const Json* code = json::member(j, "code");
  if (code != nullptr && (code->is_string() || code->is_number_integer())) {
    const std::string code_text =
        code->is_string() ? code->get<std::string>() : std::to_string(code->get<std::int64_t>());
    const std::string message = json::string_or_empty(j, "message");
    if (code_text == "00" && success_status) return std::move(*parsed);
    if (code_text == "00") {
      return response_error(ErrorCode::kHttpStatus, "HTTP " + std::to_string(status) + " with code 00", status,
                            code_text);
    }
    return response_error(ErrorCode::kProvider, message.empty() ? "Tingee returned code " + code_text : message, status,
                          code_text);
  }
  if (json::member(j, "statusCode") != nullptr || !success_status) {
    // NestJS error body: {"message": string | string[], "error": string, "statusCode": number}.
    std::string message;
    if (const Json* m = json::member(j, "message"); m != nullptr && m->is_array()) {
      for (const auto& part : *m) {
        if (!part.is_string()) continue;
        if (!message.empty()) message += "; ";
        message += part.get<std::string>();
      }
    } else {
      message = json::string_or_empty(j, "message");
    }
    const std::string error = json::string_or_empty(j, "error");
    if (message.empty()) message = error.empty() ? "HTTP " + std::to_string(status) : error;
    const ErrorCode ec = (status == 401 || status == 403) ? ErrorCode::kAuth : ErrorCode::kHttpStatus;
    return response_error(ec, message, status);
  }
  return response_error(ErrorCode::kMalformed, "response has no Tingee result code", status);
}

Result<Ack> parse_ack(const Json& envelope) { return Ack{json::string_or_empty(envelope, "message")}; }

Result<EInvoiceProviderList> parse_einvoice_providers(const Json& envelope) {
  const Json& data = data_of(envelope);
  if (!data.is_array()) return malformed("data is not a list of e-invoice providers");
  EInvoiceProviderList out;
  out.message = json::string_or_empty(envelope, "message");
  out.providers.reserve(data.size());
  for (const auto& item : data) {
    if (!item.is_object()) return malformed("e-invoice provider entry is not an object");
    out.providers.push_back({json::string_or_empty(item, "code"), json::string_or_empty(item, "name")});
  }
  return out;
}

Result<DeviceRefs> parse_device_refs(const Json& envelope) {
  auto refs = device_refs(data_of(envelope));
  if (!refs) return refs.error();
  return DeviceRefs{std::move(*refs), json::string_or_empty(envelope, "message")};
}

Result<DevicePage> parse_device_page(const Json& envelope) {
  const Json& data = data_of(envelope);
  if (!data.is_object()) return malformed("data is not a page of devices");
  DevicePage page;
  page.message = json::string_or_empty(envelope, "message");
  const Json* items = json::member(data, "items");
  if (items != nullptr && !items->is_array()) return malformed("data.items is not a list");
  if (items != nullptr) {
    page.items.reserve(items->size());
    for (const auto& item : *items) {
      if (!item.is_object()) return malformed("device entry is not an object");
      Device d;
      d.id = json::integer(item, "id");
      d.type = json::string_or_empty(item, "type");
      d.uuid = json::string_or_empty(item, "uuid");
      d.name = json::string_or_empty(item, "name");
      d.status_raw = json::string_or_empty(item, "status");
      d.status = device_status(d.status_raw);
      d.merchant_id = json::integer(item, "merchantId");
      d.master_merchant_id = json::integer(item, "masterMerchantId");
      d.merchant_name = json::string_or_empty(item, "merchantName");
      d.serial_number = json::string_or_empty(item, "serialNumber");
      d.creation_time = json::string_or_empty(item, "creationTime");
      d.expiration_date = json::string_or_empty(item, "expirationDate");
      if (const Json* shops = json::member(item, "shopDtos"); shops != nullptr && shops->is_array()) {
        for (const auto& s : *shops) {
          if (s.is_object())
            d.shops.push_back(ShopRef{json::integer(s, "id").value_or(0), json::string_or_empty(s, "name")});
        }
      }
      page.items.push_back(std::move(d));
    }
  }
  page.total_count = json::integer(data, "totalCount").value_or(static_cast<std::int64_t>(page.items.size()));
  return page;
}

Result<DynamicQr> parse_dynamic_qr(const Json& envelope) {
  const Json& data = data_of(envelope);
  DynamicQr qr;
  qr.message = json::string_or_empty(envelope, "message");
  qr.qr_code = json::string_or_empty(data, "qrCode");
  qr.qr_account = json::string_or_empty(data, "qrAccount");
  qr.bill_id = json::string_or_empty(data, "billId");
  auto text = json::dump(data);
  if (!text) return malformed("data is not valid UTF-8");
  qr.data_json = std::move(*text);
  return qr;
}

Result<ResetResult> parse_reset(const Json& envelope) {
  const Json& data = data_of(envelope);
  if (!data.is_null() && !data.is_string()) return malformed("data is not a string");
  return ResetResult{data.is_string() ? data.get<std::string>() : std::string(),
                     json::string_or_empty(envelope, "message")};
}

}  // namespace paygw::tingee::detail
