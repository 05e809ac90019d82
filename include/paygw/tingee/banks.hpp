// SPDX-License-Identifier: MIT
// paygw — refreshing the VietQR bank directory from Tingee's get-banks.
#pragma once

#include <paygw/export.hpp>
#include <paygw/result.hpp>
#include <paygw/tingee/bills.hpp>
#include <paygw/vietqr_banks.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace paygw::tingee {

/// What merge_banks changed.
struct BankMergeReport {
  std::size_t added = 0;           ///< Banks whose BIN the directory did not have.
  std::size_t updated = 0;         ///< Known banks that got Tingee's code (or a name they lacked).
  std::size_t unchanged = 0;       ///< Known banks Tingee describes as the directory does.
  std::size_t skipped = 0;         ///< Tingee rows without a 6-digit BIN (e.g. NEXTPAY).
  std::vector<std::string> notes;  ///< One line per added, updated or skipped row (codes and BINs only).
};

/// `directory` refreshed from a get-banks answer (Client::get_banks): for each of Tingee's banks
/// with a 6-digit BIN, a bank the directory knows keeps its code, short name and name (the VietQR
/// list is the reference) and gets Tingee's code as its Bank::tingee_code (and Tingee's name or
/// short name where its own is empty); a BIN the directory lacks is added at the end as
/// {bin, code, shortName (or code), name, code}. Rows without a 6-digit BIN are skipped. Banks
/// that Tingee does not list are kept: its live get-banks omits banks it still accepts. `report`,
/// when given, receives the counts. Errors: kInvalidArgument (BankDirectory::create) when a
/// Tingee code or short name would name two banks; nothing is changed then. Pure; thread-safe.
PAYGW_EXPORT Result<vietqr::BankDirectory> merge_banks(const vietqr::BankDirectory& directory, const BankList& list,
                                                       BankMergeReport* report = nullptr);

}  // namespace paygw::tingee
