// SPDX-License-Identifier: MIT
// Internal: every TConnect endpoint paygw calls — one row each: path (a Config::paths member),
// idempotency, payload builder, result parser. Reads are kIdempotent (retried per RetryPolicy);
// writes are resent only when certainly not sent (after a 401 only reads are, ADR 0031). The rows
// are written from src/tconnect/endpoints.rows by tools/codegen (ADR 0042).
#pragma once

#include "tconnect/codec.hpp"
#include "tconnect/protocol.hpp"

namespace paygw::tconnect::detail {

constexpr auto kRead = Idempotency::kIdempotent;
constexpr auto kWrite = Idempotency::kWrite;
using http::Method;

inline Result<std::string> create_qr_service(const Config& config, const CreateQrRequest& r) {
  return detail::service_code(config.service_code, r);
}

inline Result<std::string> generate_qr_service(const Config& config, const GenerateQrRequest& r) {
  return detail::service_code(config.service_code, r);
}
inline Result<std::string> order_status_service(const Config& config, const OrderStatusRequest& r) {
  return detail::service_code(config.service_code, r);
}

// BEGIN generated from src/tconnect/endpoints.rows by tools/codegen; do not edit
// clang-format off
/// The login (username/password -> tokens): TokenCache calls it, no public method does.
inline constexpr Endpoint<detail::LoginRequest, detail::Tokens> kLogin{
    Method::kPost, "/openapi/v1/auth/login", kRead, detail::build, detail::parse_tokens, nullptr, {&Paths::login, false, nullptr}};
/// The token refresh: TokenCache calls it, no public method does.
inline constexpr Endpoint<detail::RefreshRequest, detail::Tokens> kRefresh{
    Method::kPost, "/openapi/v1/auth/refresh", kRead, detail::build, detail::parse_tokens, nullptr, {&Paths::refresh, false, nullptr}};
/// push_payment(pos): Pushes an order to a Smart POS (`type: "pos"`). Payment write.
inline constexpr Endpoint<PosPush, PushResult> kPushPos{
    Method::kPost, "/openapi/v1/devices/payments/push", kWrite, detail::build, detail::parse_push, nullptr, {&Paths::push_payment, true, nullptr}};
/// push_payment(soundbox): Pushes a QR and amount to a soundbox (`type: "soundbox"`). Payment write. With
inline constexpr Endpoint<SoundboxPush, PushResult> kPushSoundbox{
    Method::kPost, "/openapi/v1/devices/payments/push", kWrite, detail::build, detail::parse_push, nullptr, {&Paths::push_payment, true, nullptr}};
/// get_services: The merchant's services (their `service_code` and `bincode`). A read.
inline constexpr Endpoint<detail::NoPayload, ServiceList> kGetServices{
    Method::kPost, "/openapi/v1/services", kRead, detail::build, detail::parse_services, nullptr, {&Paths::services, true, nullptr}};
/// create_va: Creates a virtual account. A write.
inline constexpr Endpoint<CreateVaRequest, VirtualAccount> kCreateVa{
    Method::kPost, "/openapi/v1/va/va-account/create", kWrite, detail::build, detail::parse_va, nullptr, {&Paths::create_va, true, nullptr}};
/// create_qr: Creates a static (no amount) or dynamic (amount > 0) QR for an order. A write.
inline constexpr Endpoint<CreateQrRequest, Qr> kCreateQr{
    Method::kPost, "/openapi/v1/qr", kWrite, detail::build, detail::parse_qr, nullptr, {&Paths::create_qr, true, create_qr_service}};
/// get_qr_transactions: Successful QR payments in a time range. A read.
inline constexpr Endpoint<TransactionQuery, TransactionPage> kQrTransactions{
    Method::kPost, "/openapi/v1/transaction/qr", kRead, detail::build, detail::parse_transactions, nullptr, {&Paths::qr_transactions, true, nullptr}};
/// get_card_transactions: Card transactions in a time range. A read.
inline constexpr Endpoint<TransactionQuery, TransactionPage> kCardTransactions{
    Method::kPost, "/openapi/v1/transaction/card", kRead, detail::build, detail::parse_transactions, nullptr, {&Paths::card_transactions, true, nullptr}};
/// get_cash_transactions: Cash transactions in a time range. A read.
inline constexpr Endpoint<TransactionQuery, TransactionPage> kCashTransactions{
    Method::kPost, "/openapi/v1/transaction/cash", kRead, detail::build, detail::parse_transactions, nullptr, {&Paths::cash_transactions, true, nullptr}};
/// generate_qr: Creates a dynamic QR for an order through `transaction/qr/generate`, with its PNG
inline constexpr Endpoint<GenerateQrRequest, Qr> kGenerateQr{
    Method::kPost, "/openapi/v1/transaction/qr/generate", kWrite, detail::build, detail::parse_generated_qr, nullptr, {&Paths::generate_qr, true, generate_qr_service}};
/// order_status: What TConnect knows about one order: its transactions (`transaction/qr/order/status`).
inline constexpr Endpoint<OrderStatusRequest, OrderStatus> kOrderStatus{
    Method::kPost, "/openapi/v1/transaction/qr/order/status", kRead, detail::build, detail::parse_order_status, nullptr, {&Paths::order_status, true, order_status_service}};
// clang-format on
// END generated

}  // namespace paygw::tconnect::detail
