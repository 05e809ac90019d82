// SPDX-License-Identifier: MIT
// The provider queries of the receiver and the reconciler, over the real clients.
#include <paygw/receive/queries.hpp>

namespace paygw::receive {
namespace {

constexpr std::int64_t kTingeePageSize = 100;
constexpr int kTingeeMaxPages = 20;

TingeeTransaction from_tingee(const tingee::Transaction& t) {
  return TingeeTransaction{t.code,    t.amount,           t.bill_id, t.account_number, t.va_account_number, t.bank_bin,
                           t.content, t.transaction_date, t.type};
}

}  // namespace

CheckCard check_with(const charging::Client& client) {
  return
      [client](const charging::CardRequest& card, const CallOptions& options) { return client.check(card, options); };
}

ConfirmIpn confirm_with(const tconnect::Client& client) {
  return [client](const tconnect::IpnNotification& ipn, const CallOptions& options) {
    return client.confirm_ipn(ipn, options);
  };
}

FindTingeeTransactions find_with(const tingee::Client& client) {
  return [client](const TingeeBillQuery& query, const CallOptions& options) -> Result<std::vector<TingeeTransaction>> {
    tingee::GetTransactionPagingRequest request;
    request.bill_id = query.bill_id;
    request.start_time = tingee::format_transaction_time(query.from);
    request.end_time = tingee::format_transaction_time(query.to);
    request.max_result_count = kTingeePageSize;
    std::vector<TingeeTransaction> out;
    for (int page = 0; page < kTingeeMaxPages; ++page) {
      request.skip_count = page * kTingeePageSize;
      auto listed = client.get_transaction_paging(request, options);
      if (!listed) return listed.error();
      for (const auto& t : listed->items) {
        // Only what names the bill: if Tingee ignored the filter, other payments are not this bill's.
        if (t.bill_id == query.bill_id) out.push_back(from_tingee(t));
      }
      const auto seen = request.skip_count + static_cast<std::int64_t>(listed->items.size());
      if (static_cast<std::int64_t>(listed->items.size()) < kTingeePageSize ||
          (listed->total_count && seen >= *listed->total_count)) {
        break;
      }
    }
    return out;
  };
}

}  // namespace paygw::receive
