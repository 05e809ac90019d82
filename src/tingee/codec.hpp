// SPDX-License-Identifier: MIT
// Internal: Tingee request building/validation and response parsing (pure functions, no I/O).
#pragma once

#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>
#include <paygw/tingee/models.hpp>

#include "json/json.hpp"

namespace paygw::tingee::detail {

using paygw::detail::json::Json;

// Request bodies. Each validates its request first: kInvalidArgument names the bad field.
Result<Json> build(const ReadSecurityCodeRequest& r);
Result<Json> build(const AddDeviceToShopRequest& r);
Result<Json> build(const UpdateShopDeviceLinkStatusRequest& r);
Result<Json> build(const GetDevicesLinkToShopOrVaRequest& r);
Result<Json> build(const GetDevicePagingRequest& r);
Result<Json> build(const ShowQrRequest& r);
Result<Json> build(const GenerateAndShowDynamicQrRequest& r);
Result<Json> build(const ReadAmountRequest& r);
Result<Json> build(const PrintReceiptRequest& r);
Result<Json> build(const NfcCommandRequest& r);              // codec_devices.cpp
Result<Json> build(const ResetDeviceWithDetailsRequest& r);  // codec_devices.cpp
/// Query string (with leading '?') of DELETE /v1/device/reset.
Result<std::string> build_query(const ResetDeviceRequest& r);

/// Checks the `{code, message, data}` envelope: returns the whole envelope when code is "00".
/// Errors (Delivery::kMaybeSent, http_status set): kProvider (other code, kept in
/// provider_code), kAuth (401/403), kHttpStatus (NestJS error body or non-JSON error page),
/// kMalformed (2xx without a Tingee envelope).
Result<Json> parse_envelope(const http::Response& response);

Result<DeviceRefs> parse_device_refs(const Json& envelope);
Result<DevicePage> parse_device_page(const Json& envelope);
Result<DynamicQr> parse_dynamic_qr(const Json& envelope);
Result<ResetResult> parse_reset(const Json& envelope);
Result<Ack> parse_ack(const Json& envelope);
/// The `data` list of e-invoice providers. Errors: kMalformed.
Result<EInvoiceProviderList> parse_einvoice_providers(const Json& envelope);

}  // namespace paygw::tingee::detail
