// SPDX-License-Identifier: MIT
// The VietQR bank directory: lookups, the data-file form and the compiled-in list (banks.tsv,
// embedded by CMake as banks_data.cpp). Depends only on the standard library and
// paygw/result.hpp, like vietqr.cpp (the fuzz target compiles both alone).
#include <paygw/vietqr_banks.hpp>

#include "banks_data.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

namespace paygw::vietqr {
namespace {

bool six_digits(std::string_view s) {
  return s.size() == 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Upper-case ASCII; spaces, '-', '.', '_' dropped: "MB Bank" and "mbbank" are one key.
std::string key_of(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == ' ' || c == '-' || c == '.' || c == '_') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

bool has_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
}

Error invalid(std::string message) { return make_error(ErrorCode::kInvalidArgument, std::move(message)); }

const Bank* at(const std::vector<Bank>& banks, const std::map<std::string, std::size_t, std::less<>>& index,
               std::string_view key) noexcept {
  const auto it = index.find(key);
  return it == index.end() ? nullptr : &banks[it->second];
}

constexpr std::string_view kHeader = "bin\tcode\tshort_name\tname\ttingee_code";

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

}  // namespace

Result<BankDirectory> BankDirectory::create(std::vector<Bank> banks) {
  BankDirectory d;
  auto add_key = [&d](std::map<std::string, std::size_t, std::less<>>& index, const std::string& raw, std::size_t i,
                      const char* what) -> std::optional<Error> {
    if (raw.empty()) return std::nullopt;
    const std::string key = key_of(raw);
    if (key.empty()) return invalid(d.banks_[i].bin + ": " + what + " '" + raw + "' has no letters or digits");
    const auto [it, inserted] = index.emplace(key, i);
    if (!inserted && it->second != i) {
      return invalid(std::string(what) + " '" + raw + "' names two banks (" + d.banks_[it->second].bin + " and " +
                     d.banks_[i].bin + ")");
    }
    return std::nullopt;
  };
  d.banks_ = std::move(banks);
  for (std::size_t i = 0; i < d.banks_.size(); ++i) {
    const Bank& b = d.banks_[i];
    if (!six_digits(b.bin)) return invalid("bank " + std::to_string(i + 1) + ": bin must be 6 digits");
    if (b.code.empty()) return invalid(b.bin + ": code is required");
    if (b.short_name.empty()) return invalid(b.bin + ": short_name is required");
    for (const std::string* field : {&b.code, &b.short_name, &b.name, &b.tingee_code}) {
      if (has_control(*field)) return invalid(b.bin + ": a field has a tab, newline or control character");
    }
    if (!d.by_bin_.emplace(b.bin, i).second) return invalid("bin " + b.bin + " appears twice");
  }
  // Codes first, so that a short name equal to another bank's code is reported as a conflict.
  for (std::size_t i = 0; i < d.banks_.size(); ++i) {
    if (auto e = add_key(d.by_code_, d.banks_[i].code, i, "code")) return *e;
    if (auto e = add_key(d.by_code_, d.banks_[i].tingee_code, i, "tingee_code")) return *e;
  }
  for (std::size_t i = 0; i < d.banks_.size(); ++i) {
    if (auto e = add_key(d.by_short_name_, d.banks_[i].short_name, i, "short_name")) return *e;
    const auto code = d.by_code_.find(key_of(d.banks_[i].short_name));
    if (code != d.by_code_.end() && code->second != i) {
      return invalid("short_name '" + d.banks_[i].short_name + "' is the code of " + d.banks_[code->second].bin);
    }
  }
  return d;
}

Result<BankDirectory> BankDirectory::from_tsv(std::string_view tsv) {
  std::vector<Bank> banks;
  bool header = false;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < tsv.size()) {
    const std::size_t end = std::min(tsv.find('\n', pos), tsv.size());
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::string where = "bank list line " + std::to_string(line_no);
    if (!header) {
      if (line != kHeader)
        return make_error(ErrorCode::kMalformed, where + ": expected the header " + std::string(kHeader));
      header = true;
      continue;
    }
    const auto fields = split_tabs(line);
    if (fields.size() != 5) {
      return make_error(ErrorCode::kMalformed,
                        where + ": expected 5 tab-separated fields, found " + std::to_string(fields.size()));
    }
    banks.push_back(Bank{std::string(fields[0]), std::string(fields[1]), std::string(fields[2]), std::string(fields[3]),
                         std::string(fields[4])});
  }
  if (!header) return make_error(ErrorCode::kMalformed, "bank list has no header line");
  return create(std::move(banks));
}

std::string BankDirectory::to_tsv() const {
  std::string out(kHeader);
  out += '\n';
  for (const Bank& b : banks_) {
    out.append(b.bin).append("\t").append(b.code).append("\t").append(b.short_name).append("\t");
    out.append(b.name).append("\t").append(b.tingee_code).append("\n");
  }
  return out;
}

const Bank* BankDirectory::find_by_bin(std::string_view bin) const noexcept { return at(banks_, by_bin_, bin); }

const Bank* BankDirectory::find_by_code(std::string_view code) const noexcept {
  try {
    return at(banks_, by_code_, key_of(code));
  } catch (...) {  // std::bad_alloc from the key's copy
    return nullptr;
  }
}

const Bank* BankDirectory::find_by_short_name(std::string_view short_name) const noexcept {
  try {
    return at(banks_, by_short_name_, key_of(short_name));
  } catch (...) {
    return nullptr;
  }
}

const Bank* BankDirectory::find(std::string_view bank) const noexcept {
  if (six_digits(bank)) return find_by_bin(bank);
  if (const Bank* b = find_by_code(bank)) return b;
  return find_by_short_name(bank);
}

const BankDirectory& bank_directory() {
  static const BankDirectory directory = [] {
    auto parsed = BankDirectory::from_tsv(detail::builtin_banks_tsv());
    // banks.tsv is checked by the unit tests (vietqr_banks_test); an invalid file would leave the
    // directory empty rather than abort the merchant's process.
    return parsed ? std::move(*parsed) : BankDirectory();
  }();
  return directory;
}

Result<std::string> bank_bin(std::string_view bank, const BankDirectory& directory) {
  const Bank* b = directory.find(bank);
  if (b == nullptr)
    return invalid("unknown bank '" + std::string(bank) + "' (give a BIN, a bank code or a short name)");
  return b->bin;
}

}  // namespace paygw::vietqr
