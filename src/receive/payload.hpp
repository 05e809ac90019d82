// SPDX-License-Identifier: MIT
// Internal: the JSON paygw writes into the store for applied results and events (never secrets),
// and reads back to run a handler that is owed (Applier::run_deferred).
#pragma once

#include <paygw/charging/models.hpp>
#include <paygw/result.hpp>
#include <paygw/tconnect/envelope.hpp>
#include <paygw/tconnect/models.hpp>
#include <paygw/tingee/webhook.hpp>

#include <string>
#include <string_view>

namespace paygw::receive::payload {

inline constexpr std::string_view kCardFinal = "card_final";
inline constexpr std::string_view kTingeePayment = "tingee_payment";
inline constexpr std::string_view kTingeeBankLink = "tingee_bank_link";
inline constexpr std::string_view kIpnConfirmed = "ipn_confirmed";
inline constexpr std::string_view kDirectDebitPayment = "tingee_dd_payment";
inline constexpr std::string_view kDirectDebitRefund = "tingee_dd_refund";
/// A marker (handled, no handler): which debit a payment is, both ways (ADR 0053).
inline constexpr std::string_view kDirectDebitLink = "tingee_dd_link";

/// A final direct-debit payment or refund (the event's and the record's result).
struct MoneyOut {
  std::string kind;  // kDirectDebitPayment or kDirectDebitRefund
  std::string request_id;
  bool succeeded = false;
  std::string status;
  std::string transaction_id;
  Vnd amount = 0;
  std::string source;
};

struct Card {
  charging::ChargeResult result;
  std::string source;
};
struct Tingee {
  tingee::PaymentNotification payment;
  std::string bill_id;
  bool bill_settled = false;
  std::string source;
};
struct Ipn {
  tconnect::IpnNotification ipn;
  tconnect::Transaction transaction;
  bool order_settled = false;
  std::string source;
};

std::string encode(const Card& card);
std::string encode(const Tingee& payment);
std::string encode(const Ipn& ipn);
std::string encode(const tingee::BankLinkEvent& event);
std::string encode(const MoneyOut& m);

/// Errors: kMalformed (not what encode() wrote).
Result<Card> decode_card(std::string_view text);
Result<Tingee> decode_tingee(std::string_view text);
Result<Ipn> decode_ipn(std::string_view text);
Result<tingee::BankLinkEvent> decode_bank_link(std::string_view text);
Result<MoneyOut> decode_money_out(std::string_view text);

}  // namespace paygw::receive::payload
