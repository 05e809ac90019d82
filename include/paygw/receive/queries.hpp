// SPDX-License-Identifier: MIT
// paygw — the provider queries a receiver and the reconciler need, as small function objects.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/charging/client.hpp>
#include <paygw/charging/models.hpp>
#include <paygw/export.hpp>
#include <paygw/money.hpp>
#include <paygw/result.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tconnect/envelope.hpp>
#include <paygw/tconnect/models.hpp>
#include <paygw/tingee/client.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace paygw::receive {

/// What tconnect::Client::confirm_ipn answers (one type: the receiver uses the client's own).
using IpnCheck = tconnect::IpnCheck;
/// See tconnect::IpnConfirmation.
using IpnConfirmation = tconnect::IpnConfirmation;

/// Confirms an IPN through the transaction query (the IPN envelope is not authenticated).
using ConfirmIpn = std::function<Result<IpnConfirmation>(const tconnect::IpnNotification&, const CallOptions&)>;

/// command=check for a card.
using CheckCard = std::function<Result<charging::ChargeResult>(const charging::CardRequest&, const CallOptions&)>;

/// A credit the Tingee transaction query (`POST /v1/transaction/get-paging`) returned.
struct TingeeTransaction {
  /// MUST be the value the payment webhook carries as `transactionCode` for the same credit: it
  /// is the event key shared with the webhook, so a different value would apply the credit twice.
  std::string transaction_code;
  Vnd amount = 0;                 ///< VND credited.
  std::string bill_id;            ///< The dynamic-QR bill it paid, when any.
  std::string account_number;     ///< The real account credited.
  std::string va_account_number;  ///< The VA it was addressed to.
  std::string bank_bin;           ///< The bank's BIN.
  std::string content;            ///< The transfer memo.
  std::string transaction_date;   ///< yyyyMMddHHmmss, UTC+7.
  /// The direction as Tingee states it (`type`). Only "CREDIT" (any case) settles a bill; the
  /// reconciler alerts on anything else — a "DEBIT" (a refund can name the bill), or a type
  /// Tingee left out — and applies nothing. find_with copies Tingee's value (empty when absent);
  /// the default suits a query of your own that returns credits only.
  std::string type = "CREDIT";
};

/// Which credits to look for: those of one bill in a time window (Tingee allows at most 10 days).
struct TingeeBillQuery {
  std::string bill_id;                         ///< The bill (a Provider::kTingee submission).
  std::chrono::system_clock::time_point from;  ///< Window start.
  std::chrono::system_clock::time_point to;    ///< Window end (at most 10 days after `from`).
};

/// The Tingee transaction query for one bill.
using FindTingeeTransactions =
    std::function<Result<std::vector<TingeeTransaction>>(const TingeeBillQuery&, const CallOptions&)>;

/// CheckCard over a charging::Client (which must outlive nothing: the client is copied).
PAYGW_EXPORT CheckCard check_with(const charging::Client& client);

/// ConfirmIpn over a TConnect client: tconnect::Client::confirm_ipn.
PAYGW_EXPORT ConfirmIpn confirm_with(const tconnect::Client& client);

/// FindTingeeTransactions over a Tingee client: tingee::Client::get_transaction_paging with the
/// bill id and the window (yyyyMMddHHmmss, UTC+7), 100 a page until a short page or 20 pages;
/// only transactions that name the bill are returned (fail closed if Tingee ignored the filter),
/// debits included, with Tingee's `type` (the reconciler settles with credits only).
/// Each transaction's transaction_code is Tingee's `code`, the value its payment webhook sends as
/// `transactionCode`, so a credit found here and one delivered by webhook are the same event.
PAYGW_EXPORT FindTingeeTransactions find_with(const tingee::Client& client);

}  // namespace paygw::receive
