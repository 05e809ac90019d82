// SPDX-License-Identifier: MIT
// Internal: every Tingee endpoint paygw calls — one row each: method, path, idempotency, body
// builder, result parser (and a query builder or the bank path group where needed). Reads are
// kIdempotent (retried per RetryPolicy); everything else is a write, resent only when certainly
// not sent.
#pragma once

#include "tingee/codec.hpp"
#include "tingee/codec_bills.hpp"
#include "tingee/protocol.hpp"

namespace paygw::tingee::detail {

using http::Method;
constexpr auto kRead = Idempotency::kIdempotent;
constexpr auto kWrite = Idempotency::kWrite;

// clang-format off
inline constexpr Endpoint<ReadSecurityCodeRequest, Ack> kReadSecurityCode{
    Method::kPost, "/v1/device/read-security-code", kWrite, detail::build, detail::parse_ack};
inline constexpr Endpoint<AddDeviceToShopRequest, DeviceRefs> kAddDeviceToShop{
    Method::kPost, "/v1/device/add-device-to-shop", kWrite, detail::build, detail::parse_device_refs};
inline constexpr Endpoint<UpdateShopDeviceLinkStatusRequest, Ack> kUpdateShopDeviceLinkStatus{
    Method::kPost, "/v1/device/update-shop-device-link-status", kWrite, detail::build, detail::parse_ack};
inline constexpr Endpoint<GetDevicesLinkToShopOrVaRequest, DeviceRefs> kGetDevicesLinkToShopOrVa{
    Method::kPost, "/v1/device/get-devices-link-to-shop-or-va", kRead, detail::build, detail::parse_device_refs};
inline constexpr Endpoint<GetDevicePagingRequest, DevicePage> kGetDevicePaging{
    Method::kPost, "/v1/device/get-paging", kRead, detail::build, detail::parse_device_page};
inline constexpr Endpoint<ShowQrRequest, Ack> kShowQrCode{
    Method::kPost, "/v1/device/show-qr-code", kWrite, detail::build, detail::parse_ack};
inline constexpr Endpoint<ShowQrRequest, Ack> kShowDynamicQrCode{
    Method::kPost, "/v1/device/show-dynamic-qr-code", kWrite, detail::build, detail::parse_ack};
inline constexpr Endpoint<ShowQrRequest, Ack> kShowStaticQrCode{
    Method::kPost, "/v1/device/show-static-qr-code", kWrite, detail::build, detail::parse_ack};
inline constexpr Endpoint<GenerateAndShowDynamicQrRequest, DynamicQr> kGenerateAndShowDynamicQrCode{
    Method::kPost, "/v1/device/generate-and-show-dynamic-qr-code", kWrite, detail::build, detail::parse_dynamic_qr};
inline constexpr Endpoint<ReadAmountRequest, Ack> kReadAmountLinkToMerchant{
    Method::kPost, "/v1/device/read-amount-link-to-merchant", kWrite, detail::build, detail::parse_ack};
inline constexpr Endpoint<PrintReceiptRequest, Ack> kPrintReceipt{
    Method::kPost, "/v1/device/print-receipt", kWrite, detail::build, detail::parse_ack};
inline constexpr Endpoint<ResetDeviceRequest, ResetResult> kResetDevice{
    Method::kDelete, "/v1/device/reset", kWrite, nullptr, detail::parse_reset, detail::build_query};
inline constexpr Endpoint<NfcCommandRequest, Ack> kNfcCommand{
    Method::kPost, "/v1/device/nfc-command", kWrite, detail::build, detail::parse_ack};
inline constexpr Endpoint<ResetDeviceWithDetailsRequest, Ack> kResetDeviceWithDetails{
    Method::kPost, "/v1/device/reset-device", kWrite, detail::build, detail::parse_ack};
inline constexpr Endpoint<GenerateDynamicQrRequest, DynamicQrBill> kGenerateDynamicQr{
    Method::kPost, "/generate-dynamic-qr", kWrite, detail::build, detail::parse_dynamic_qr_bill, nullptr, Group::kBank};
inline constexpr Endpoint<GetDynamicQrStatusRequest, DynamicQrStatus> kGetDynamicQrStatus{
    Method::kPost, "/get-status-dynamic-qr", kRead, detail::build, detail::parse_dynamic_qr_status, nullptr, Group::kBank};
inline constexpr Endpoint<DeleteDynamicQrRequest, Ack> kDeleteDynamicQr{
    Method::kPost, "/delete-dynamic-qr", kWrite, detail::build, detail::parse_ack, nullptr, Group::kBank};
inline constexpr Endpoint<GetTransactionPagingRequest, TransactionPage> kGetTransactionPaging{
    Method::kPost, "/v1/transaction/get-paging", kRead, detail::build, detail::parse_transaction_page};
inline constexpr Endpoint<NoRequest, BankList> kGetBanks{
    Method::kGet, "/get-banks", kRead, nullptr, detail::parse_banks, nullptr, Group::kBank, detail::parse_banks_envelope};
// clang-format on

}  // namespace paygw::tingee::detail
