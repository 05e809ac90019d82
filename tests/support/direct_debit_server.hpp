// SPDX-License-Identifier: MIT
// What the tests' fake Tingee direct-debit servers share (money_out_test, the money-out race): the
// paths they serve, the reading of a request target's query string, and the answers of the two
// reads (get-transaction-status, get-paging-transactions) from the debits a server holds.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace paygw::test {

inline const std::string kPay = "/v1/direct-debit/payment-bill";
inline const std::string kRefund = "/v1/direct-debit/refund";
inline const std::string kStatus = "/v1/direct-debit/get-transaction-status";
inline const std::string kPaging = "/v1/direct-debit/get-paging-transactions";

/// Percent- and '+'-decoding of one query component.
inline std::string decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

/// The query parameters of a request target ("/path?a=1&b=2"), decoded.
inline std::map<std::string, std::string> query_of(const std::string& target) {
  std::map<std::string, std::string> q;
  const auto at = target.find('?');
  if (at == std::string::npos) return q;
  std::string rest = target.substr(at + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string pair = rest.substr(0, amp);
    const auto eq = pair.find('=');
    if (eq != std::string::npos) q[decode(pair.substr(0, eq))] = decode(pair.substr(eq + 1));
    rest = amp == std::string::npos ? "" : rest.substr(amp + 1);
  }
  return q;
}

/// Tingee's success envelope around `data`.
inline std::string ok(const nlohmann::json& data) {
  return nlohmann::json{{"code", "00"}, {"message", "Success"}, {"data", data}}.dump();
}

/// get-transaction-status's answer for the query's transactionId: the debit, or code 1041.
/// `Debit` has id, amount, content and status.
template <typename Debit>
std::string status_answer(const std::map<std::string, Debit>& debits, const std::map<std::string, std::string>& q) {
  auto it = debits.find(q.count("transactionId") ? q.at("transactionId") : "");
  if (it == debits.end()) return nlohmann::json{{"code", "1041"}, {"message", "Giao dịch không tồn tại"}}.dump();
  const Debit& d = it->second;
  return ok(nlohmann::json{{"transactionId", d.id},
                           {"tokenRef", "TOK-1"},
                           {"bankBin", "970436"},
                           {"amount", d.amount},
                           {"content", d.content},
                           {"status", d.status}});
}

/// get-paging-transactions's answer: the page (skipCount, maxResultCount) of the debits in `order`.
template <typename Debit>
std::string paging_answer(const std::map<std::string, Debit>& debits, const std::vector<std::string>& order,
                          const std::map<std::string, std::string>& q) {
  const long long skip = q.count("skipCount") ? std::stoll(q.at("skipCount")) : 0;
  const long long max = q.count("maxResultCount") ? std::stoll(q.at("maxResultCount")) : 10;
  nlohmann::json items = nlohmann::json::array();
  for (long long i = skip; i < static_cast<long long>(order.size()) && i < skip + max; ++i) {
    const Debit& d = debits.at(order[static_cast<std::size_t>(i)]);
    items.push_back(nlohmann::json{{"transactionId", d.id},
                                   {"code", d.id},
                                   {"amount", std::to_string(d.amount)},
                                   {"content", d.content},
                                   {"subscriptionId", "SUB-1"},
                                   {"tokenRef", "TOK-1"},
                                   {"status", d.status}});
  }
  return ok(nlohmann::json{{"totalCount", order.size()}, {"items", items}});
}

}  // namespace paygw::test
