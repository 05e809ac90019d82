// SPDX-License-Identifier: MIT
// Internal: every TConnect endpoint paygw calls — one row each: path (a Config::paths member),
// idempotency, payload builder, result parser. Reads are kIdempotent (retried per RetryPolicy);
// writes are resent only when certainly not sent (after a 401 only reads are, ADR 0031).
#pragma once

#include "tconnect/codec.hpp"
#include "tconnect/protocol.hpp"

namespace paygw::tconnect::detail {

constexpr auto kRead = Idempotency::kIdempotent;
constexpr auto kWrite = Idempotency::kWrite;

inline Result<std::string> create_qr_service(const Config& config, const CreateQrRequest& r) {
  return detail::service_code(config.service_code, r);
}

inline Result<std::string> generate_qr_service(const Config& config, const GenerateQrRequest& r) {
  return detail::service_code(config.service_code, r);
}
inline Result<std::string> order_status_service(const Config& config, const OrderStatusRequest& r) {
  return detail::service_code(config.service_code, r);
}

// clang-format off
inline constexpr Endpoint<detail::LoginRequest, detail::Tokens> kLogin{
    &Paths::login, kRead, detail::build, detail::parse_tokens, false};
inline constexpr Endpoint<detail::RefreshRequest, detail::Tokens> kRefresh{
    &Paths::refresh, kRead, detail::build, detail::parse_tokens, false};
inline constexpr Endpoint<PosPush, PushResult> kPushPos{&Paths::push_payment, kWrite, detail::build, detail::parse_push};
inline constexpr Endpoint<SoundboxPush, PushResult> kPushSoundbox{
    &Paths::push_payment, kWrite, detail::build, detail::parse_push};
inline constexpr Endpoint<detail::NoPayload, ServiceList> kGetServices{
    &Paths::services, kRead, detail::build, detail::parse_services};
inline constexpr Endpoint<CreateVaRequest, VirtualAccount> kCreateVa{
    &Paths::create_va, kWrite, detail::build, detail::parse_va};
inline constexpr Endpoint<CreateQrRequest, Qr> kCreateQr{
    &Paths::create_qr, kWrite, detail::build, detail::parse_qr, true, create_qr_service};
inline constexpr Endpoint<TransactionQuery, TransactionPage> kQrTransactions{
    &Paths::qr_transactions, kRead, detail::build, detail::parse_transactions};
inline constexpr Endpoint<TransactionQuery, TransactionPage> kCardTransactions{
    &Paths::card_transactions, kRead, detail::build, detail::parse_transactions};
inline constexpr Endpoint<TransactionQuery, TransactionPage> kCashTransactions{
    &Paths::cash_transactions, kRead, detail::build, detail::parse_transactions};
inline constexpr Endpoint<GenerateQrRequest, Qr> kGenerateQr{
    &Paths::generate_qr, kWrite, detail::build, detail::parse_generated_qr, true, generate_qr_service};
inline constexpr Endpoint<OrderStatusRequest, OrderStatus> kOrderStatus{
    &Paths::order_status, kRead, detail::build, detail::parse_order_status, true, order_status_service};
// clang-format on

}  // namespace paygw::tconnect::detail
