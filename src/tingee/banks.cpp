// SPDX-License-Identifier: MIT
// Refreshing the VietQR bank directory from Tingee's get-banks (paygw/tingee/banks.hpp).
#include <paygw/tingee/banks.hpp>

#include <algorithm>
#include <utility>

namespace paygw::tingee {

Result<vietqr::BankDirectory> merge_banks(const vietqr::BankDirectory& directory, const BankList& list,
                                          BankMergeReport* report) {
  BankMergeReport r;
  std::vector<vietqr::Bank> banks = directory.banks();
  for (const Bank& t : list.banks) {
    const bool six_digits =
        t.bin.size() == 6 && std::all_of(t.bin.begin(), t.bin.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!six_digits || t.code.empty()) {
      ++r.skipped;
      r.notes.push_back("skipped " + (t.code.empty() ? std::string("a bank without a code") : t.code) +
                        ": no 6-digit BIN or no code");
      continue;
    }
    const auto known = std::find_if(banks.begin(), banks.end(), [&t](const vietqr::Bank& b) { return b.bin == t.bin; });
    if (known == banks.end()) {
      banks.push_back(vietqr::Bank{t.bin, t.code, t.short_name.empty() ? t.code : t.short_name, t.name, t.code});
      ++r.added;
      r.notes.push_back("added " + t.bin + " " + t.code);
      continue;
    }
    bool changed = false;
    if (known->tingee_code != t.code) {
      known->tingee_code = t.code;
      changed = true;
    }
    if (known->name.empty() && !t.name.empty()) {
      known->name = t.name;
      changed = true;
    }
    if (changed) {
      ++r.updated;
      r.notes.push_back("updated " + t.bin + " " + known->code + ": Tingee code " + t.code);
    } else {
      ++r.unchanged;
    }
  }
  auto merged = vietqr::BankDirectory::create(std::move(banks));
  if (!merged) return merged.error();
  if (report != nullptr) *report = std::move(r);
  return merged;
}

}  // namespace paygw::tingee
