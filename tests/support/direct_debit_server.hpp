// SPDX-License-Identifier: MIT
// What the tests' fake Tingee direct-debit servers share (money_out_test, the money-out race): the
// paths they serve and the reading of a request target's query string.
#pragma once

#include <map>
#include <string>

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

}  // namespace paygw::test
