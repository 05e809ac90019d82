// SPDX-License-Identifier: MIT
// VietQR internals: splitting TLV data objects, with lengths counted in bytes or in characters.
// Included only by vietqr.cpp.
#pragma once

#include "text.hpp"

#include <paygw/money.hpp>
#include <paygw/vietqr.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::vietqr::detail {

struct Tlv {
  std::string id;
  std::string_view value;
};

struct Fail {
  Problem problem;
  std::string message;
};

// Bytes taken by `n` characters of `data` from `from`: npos when fewer remain, npos - 1 when
// the text there is not UTF-8.
inline std::size_t char_span(std::string_view data, std::size_t from, std::size_t n) {
  std::size_t i = from;
  for (std::size_t k = 0; k < n; ++k) {
    if (i >= data.size()) return std::string_view::npos;
    char32_t cp = 0;
    if (!next_code_point(data, i, cp)) return std::string_view::npos - 1;
  }
  return i - from;
}

// Splits `data` into TLVs whose lengths count bytes or, when `chars`, characters. Empty result
// + failure set on error.
inline std::vector<Tlv> split(std::string_view data, const std::string& where, bool chars,
                              std::optional<Fail>& failure) {
  std::vector<Tlv> out;
  const char* unit = chars ? " characters" : " bytes";
  std::size_t i = 0;
  while (i < data.size()) {
    if (data.size() - i < 4) {
      failure = Fail{Problem::kTruncated, where + ": a data object is cut short"};
      return {};
    }
    const std::string_view id = data.substr(i, 2);
    const std::string_view len = data.substr(i + 2, 2);
    if (!digits(id) || !digits(len)) {
      failure =
          Fail{Problem::kNonDigitLength, where + ": ID/length '" + std::string(data.substr(i, 4)) + "' is not digits"};
      return {};
    }
    const std::size_t n = static_cast<std::size_t>(len[0] - '0') * 10 + static_cast<std::size_t>(len[1] - '0');
    if (n == 0) {
      failure = Fail{Problem::kNonDigitLength, where + ": " + std::string(id) + " has length 00"};
      return {};
    }
    const std::size_t bytes =
        chars ? char_span(data, i + 4, n) : (data.size() - i - 4 < n ? std::string_view::npos : n);
    if (bytes == std::string_view::npos - 1) {
      failure = Fail{Problem::kBadStructure, where + ": " + std::string(id) + " is not UTF-8 text"};
      return {};
    }
    if (bytes == std::string_view::npos) {
      failure = Fail{Problem::kTruncated,
                     where + ": " + std::string(id) + " announces " + std::to_string(n) + unit + " but fewer remain"};
      return {};
    }
    for (const auto& seen : out) {
      if (seen.id == id) {
        failure = Fail{Problem::kBadStructure, where + ": ID " + std::string(id) + " appears twice"};
        return {};
      }
    }
    out.push_back(Tlv{std::string(id), data.substr(i + 4, bytes)});
    i += 4 + bytes;
  }
  return out;
}

inline std::optional<std::string_view> find(const std::vector<Tlv>& list, std::string_view id) {
  for (const auto& t : list) {
    if (t.id == id) return t.value;
  }
  return std::nullopt;
}

inline std::optional<Vnd> amount_of(std::string_view v) {
  // Digits, optionally with a zero fraction ("150000.00"): VND has no minor unit.
  const auto dot = v.find('.');
  std::string_view whole = v.substr(0, dot);
  if (dot != std::string_view::npos) {
    const auto frac = v.substr(dot + 1);
    if (!std::all_of(frac.begin(), frac.end(), [](char c) { return c == '0'; })) return std::nullopt;
  }
  if (!digits(whole) || v.size() > 13) return std::nullopt;
  Vnd out = 0;
  for (char c : whole) out = out * 10 + (c - '0');
  return out;
}

}  // namespace paygw::vietqr::detail
