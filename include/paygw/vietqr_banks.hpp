// SPDX-License-Identifier: MIT
// paygw — the VietQR bank directory: BIN, code, short name and name of the banks reachable by
// NAPAS 247 transfers, compiled into the library (docs/vietqr.md, "Bank directory").
#pragma once

#include <paygw/export.hpp>
#include <paygw/result.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::vietqr {

/// One bank of the directory.
struct Bank {
  std::string bin;         ///< 6-digit NAPAS BIN / acquirer id, e.g. "970436" (38.01.00 of a VietQR).
  std::string code;        ///< The VietQR bank code, e.g. "VCB", "ICB" (VietinBank), "MB".
  std::string short_name;  ///< E.g. "Vietcombank", "VietinBank", "MBBank".
  std::string name;        ///< Full (Vietnamese) name, UTF-8; may be empty.
  /// Tingee's BankNameEnum for this bank when Tingee serves it ("CTG" for VietinBank, "MBB" for
  /// MB), else empty. What tingee::GenerateDynamicQrRequest::bank_name and friends take.
  std::string tingee_code;
};

/// An immutable list of banks with lookups by BIN, by code and by short name.
///
/// Keys (code, tingee_code, short_name) are compared without regard to ASCII case, spaces,
/// hyphens, dots and underscores ("mb bank" finds "MBBank", "ibk-hn" finds "IBK - HN"); a key
/// names one bank only, and a BIN appears once (create() refuses a list where they do not).
///
/// Thread safety: a BankDirectory is immutable after construction; every const method may be
/// called concurrently. The Bank pointers returned live as long as the directory.
class PAYGW_EXPORT BankDirectory {
 public:
  /// An empty directory (every lookup fails).
  BankDirectory() = default;

  /// A directory of `banks`, in that order. Errors: kInvalidArgument naming the bank: a BIN that
  /// is not 6 digits or appears twice, an empty code or short name, a field with a tab, newline
  /// or other control character, or a key (code, tingee_code, short name) of two banks.
  [[nodiscard]] static Result<BankDirectory> create(std::vector<Bank> banks);

  /// Parses the directory's data-file form (the one to_tsv writes and `paygw banks refresh`
  /// saves): UTF-8 lines, `#` lines and empty lines ignored, first the header
  /// `bin<TAB>code<TAB>short_name<TAB>name<TAB>tingee_code`, then one bank per line with exactly
  /// those five tab-separated fields (CRLF accepted). Errors: kMalformed naming the line, or
  /// create()'s errors.
  [[nodiscard]] static Result<BankDirectory> from_tsv(std::string_view tsv);

  /// The data-file form: the header line then one line per bank, in order (no comments).
  [[nodiscard]] std::string to_tsv() const;

  /// Every bank, in the directory's order.
  [[nodiscard]] const std::vector<Bank>& banks() const noexcept { return banks_; }
  /// Number of banks.
  [[nodiscard]] std::size_t size() const noexcept { return banks_.size(); }

  /// The bank with this BIN (exactly 6 digits), or nullptr.
  [[nodiscard]] const Bank* find_by_bin(std::string_view bin) const noexcept;
  /// The bank whose code or tingee_code is `code` (case, spaces, '-', '.', '_' ignored), or nullptr.
  [[nodiscard]] const Bank* find_by_code(std::string_view code) const noexcept;
  /// The bank whose short name is `short_name` (case, spaces, '-', '.', '_' ignored), or nullptr.
  [[nodiscard]] const Bank* find_by_short_name(std::string_view short_name) const noexcept;
  /// The bank named by `bank`: a 6-digit BIN, a code, a Tingee code or a short name; nullptr
  /// when none matches.
  [[nodiscard]] const Bank* find(std::string_view bank) const noexcept;

 private:
  std::vector<Bank> banks_;
  std::map<std::string, std::size_t, std::less<>> by_bin_;
  std::map<std::string, std::size_t, std::less<>> by_code_;
  std::map<std::string, std::size_t, std::less<>> by_short_name_;
};

/// The directory compiled into this build of paygw (about 60 banks; docs/vietqr.md says where
/// the data comes from and how to refresh it). Built once, on first use. Thread-safe.
PAYGW_EXPORT const BankDirectory& bank_directory();

/// The BIN of the bank named by `bank` (BankDirectory::find) in `directory`. Errors:
/// kInvalidArgument "unknown bank '...'" when it names none. Thread-safe.
PAYGW_EXPORT Result<std::string> bank_bin(std::string_view bank, const BankDirectory& directory = bank_directory());

}  // namespace paygw::vietqr
