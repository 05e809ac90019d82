// SPDX-License-Identifier: MIT
// VietQR internals: ASCII/UTF-8 text helpers (digits, letters, code points, diacritics). Included
// only by vietqr.cpp; standard library only (the fuzz target compiles vietqr.cpp alone).
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace paygw::vietqr::detail {

inline bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
inline bool alnum(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// Decodes one UTF-8 code point at `i`; returns false on a malformed sequence.
inline bool next_code_point(std::string_view s, std::size_t& i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int extra = 0;
  if (b0 < 0x80) {
    cp = b0;
  } else if ((b0 & 0xE0) == 0xC0) {
    cp = b0 & 0x1F;
    extra = 1;
  } else if ((b0 & 0xF0) == 0xE0) {
    cp = b0 & 0x0F;
    extra = 2;
  } else if ((b0 & 0xF8) == 0xF0) {
    cp = b0 & 0x07;
    extra = 3;
  } else {
    return false;
  }
  if (i + static_cast<std::size_t>(extra) >= s.size()) return extra == 0;
  for (int k = 1; k <= extra; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (b & 0x3F);
  }
  i += static_cast<std::size_t>(extra) + 1;
  return true;
}

// Vietnamese letters with diacritics (NFC), grouped by their ASCII base letter.
inline const std::map<char32_t, char>& diacritic_map() {
  static const std::map<char32_t, char> map = [] {
    const std::pair<char, const char*> groups[] = {
        {'a', "àáảãạăằắẳẵặâầấẩẫậ"},
        {'A', "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
        {'e', "èéẻẽẹêềếểễệ"},
        {'E', "ÈÉẺẼẸÊỀẾỂỄỆ"},
        {'i', "ìíỉĩị"},
        {'I', "ÌÍỈĨỊ"},
        {'o', "òóỏõọôồốổỗộơờớởỡợ"},
        {'O', "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
        {'u', "ùúủũụưừứửữự"},
        {'U', "ÙÚỦŨỤƯỪỨỬỮỰ"},
        {'y', "ỳýỷỹỵ"},
        {'Y', "ỲÝỶỸỴ"},
        {'d', "đ"},
        {'D', "Đ"},
    };
    std::map<char32_t, char> m;
    for (const auto& [base, letters] : groups) {
      const std::string_view s(letters);
      for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        if (!next_code_point(s, i, cp)) break;
        m[cp] = base;
      }
    }
    return m;
  }();
  return map;
}

// Characters (code points) of UTF-8 text, or npos when it is not UTF-8.
inline std::size_t count_chars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    char32_t cp = 0;
    if (!next_code_point(s, i, cp)) return std::string_view::npos;
  }
  return n;
}

}  // namespace paygw::vietqr::detail
