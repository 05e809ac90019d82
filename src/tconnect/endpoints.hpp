// Internal: every TConnect endpoint paygw calls — one row each: path (a Config::paths member),
// idempotency, payload builder, result parser. Reads are kIdempotent (retried per RetryPolicy);
// writes are resent only when certainly not sent, or once after a 401.
#pragma once

#include "tconnect/codec.hpp"
#include "tconnect/protocol.hpp"

namespace paygw::tconnect::detail {

constexpr auto kRead = Idempotency::kIdempotent;
constexpr auto kWrite = Idempotency::kWrite;

inline Result<std::string> create_qr_service(const Config& config, const CreateQrRequest& r) {
  return codec::service_code(config.service_code, r);
}

// clang-format off
inline constexpr Endpoint<codec::LoginRequest, codec::Tokens> kLogin{
    &Paths::login, kRead, codec::build, codec::parse_tokens, false};
inline constexpr Endpoint<codec::RefreshRequest, codec::Tokens> kRefresh{
    &Paths::refresh, kRead, codec::build, codec::parse_tokens, false};
inline constexpr Endpoint<PosPush, PushResult> kPushPos{&Paths::push_payment, kWrite, codec::build, codec::parse_push};
inline constexpr Endpoint<SoundboxPush, PushResult> kPushSoundbox{
    &Paths::push_payment, kWrite, codec::build, codec::parse_push};
inline constexpr Endpoint<codec::NoPayload, ServiceList> kGetServices{
    &Paths::services, kRead, codec::build, codec::parse_services};
inline constexpr Endpoint<CreateVaRequest, VirtualAccount> kCreateVa{
    &Paths::create_va, kWrite, codec::build, codec::parse_va};
inline constexpr Endpoint<CreateQrRequest, Qr> kCreateQr{
    &Paths::create_qr, kWrite, codec::build, codec::parse_qr, true, create_qr_service};
inline constexpr Endpoint<TransactionQuery, TransactionPage> kQrTransactions{
    &Paths::qr_transactions, kRead, codec::build, codec::parse_transactions};
inline constexpr Endpoint<TransactionQuery, TransactionPage> kCardTransactions{
    &Paths::card_transactions, kRead, codec::build, codec::parse_transactions};
inline constexpr Endpoint<TransactionQuery, TransactionPage> kCashTransactions{
    &Paths::cash_transactions, kRead, codec::build, codec::parse_transactions};
// clang-format on

}  // namespace paygw::tconnect::detail
