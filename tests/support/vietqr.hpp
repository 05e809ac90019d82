// SPDX-License-Identifier: MIT
// Helpers of the VietQR tests: a BuildRequest in one call, a body completed with its CRC.
#pragma once

#include <paygw/vietqr.hpp>

#include <cstdio>
#include <optional>
#include <string>

namespace paygw::test {

inline vietqr::BuildRequest req(const char* bin, const char* account, std::optional<Vnd> amount = std::nullopt,
                                const char* purpose = "", const char* bill = "",
                                vietqr::Service service = vietqr::Service::kToAccount) {
  vietqr::BuildRequest r;
  r.bin = bin;
  r.account = account;
  r.amount = amount;
  r.purpose = purpose;
  r.bill_number = bill;
  r.service = service;
  return r;
}

// `body` + "6304" + its CRC-16/CCITT-FALSE: a string whose only defect is the one under test.
inline std::string with_crc(std::string body) {
  body += "6304";
  char crc[5];
  std::snprintf(crc, sizeof crc, "%04X", vietqr::crc16_ccitt_false(body));
  return body + crc;
}

inline std::string two_digits(std::size_t n) {
  return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10);
}

}  // namespace paygw::test
