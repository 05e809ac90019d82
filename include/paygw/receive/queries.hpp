// paygw — the provider queries a receiver and the reconciler need, as small function objects.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/charging/client.hpp>
#include <paygw/charging/models.hpp>
#include <paygw/export.hpp>
#include <paygw/money.hpp>
#include <paygw/result.hpp>
#include <paygw/tconnect/envelope.hpp>
#include <paygw/tconnect/models.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace paygw::receive {

/// What the TConnect transaction query says about an IPN (mirrors tconnect::Client::confirm_ipn).
enum class IpnCheck {
  kConfirmed,       ///< A SUCCESS transaction with the IPN's order_id and amount exists.
  kNotFound,        ///< No transaction for the order (yet).
  kAmountMismatch,  ///< The order's transaction has another amount.
  kNotSuccessful,   ///< The order's transaction is not SUCCESS.
};

/// The answer of a ConfirmIpn.
struct IpnConfirmation {
  IpnCheck result = IpnCheck::kNotFound;             ///< What the query says.
  std::optional<tconnect::Transaction> transaction;  ///< Set when kConfirmed.
};

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

/// ConfirmIpn over any client with `confirm_ipn(ipn, options) -> Result<R>` where R has `result`
/// (an enum with the four IpnCheck names) and `transaction` (std::optional<tconnect::Transaction>)
/// — tconnect::Client once it has confirm_ipn. The client is copied.
template <typename TconnectClient>
ConfirmIpn confirm_with(TconnectClient client) {
  return [client = std::move(client)](const tconnect::IpnNotification& ipn,
                                      const CallOptions& options) -> Result<IpnConfirmation> {
    auto answer = client.confirm_ipn(ipn, options);
    if (!answer) return answer.error();
    using Check = decltype(answer->result);
    IpnConfirmation out;
    switch (answer->result) {
      case Check::kConfirmed: out.result = IpnCheck::kConfirmed; break;
      case Check::kNotFound: out.result = IpnCheck::kNotFound; break;
      case Check::kAmountMismatch: out.result = IpnCheck::kAmountMismatch; break;
      case Check::kNotSuccessful: out.result = IpnCheck::kNotSuccessful; break;
    }
    out.transaction = answer->transaction;
    return out;
  };
}

}  // namespace paygw::receive
