// SPDX-License-Identifier: MIT
// paygw — OrderMatcher: the merchant's order reference in a transfer memo (ADR 0037).
#include <paygw/receive/order_matcher.hpp>

#include <algorithm>
#include <cstdint>

namespace paygw::receive {
namespace {

bool is_alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// The base letter of a Vietnamese letter with diacritics (upper-case), 0 to drop the code point (a
// combining mark), ' ' for anything else.
char base_letter(std::uint32_t cp) {
  if (cp >= 0x300 && cp <= 0x36F) return 0;  // combining diacritical marks (decomposed text)
  if (cp >= 0xC0 && cp <= 0xFF) {
    // Latin-1 letters À..ÿ; × and ÷ are not letters.
    static constexpr char kLatin1[] = "AAAAAAACEEEEIIIIDNOOOOO OUUUUY  AAAAAAACEEEEIIIIDNOOOOO OUUUUY Y";
    return kLatin1[cp - 0xC0];
  }
  switch (cp) {
    case 0x102:
    case 0x103: return 'A';  // Ă ă
    case 0x110:
    case 0x111: return 'D';  // Đ đ
    case 0x128:
    case 0x129: return 'I';  // Ĩ ĩ
    case 0x168:
    case 0x169: return 'U';  // Ũ ũ
    case 0x1A0:
    case 0x1A1: return 'O';  // Ơ ơ
    case 0x1AF:
    case 0x1B0: return 'U';  // Ư ư
    default: break;
  }
  if (cp >= 0x1EA0 && cp <= 0x1EB7) return 'A';  // Ạ .. ặ
  if (cp >= 0x1EB8 && cp <= 0x1EC7) return 'E';  // Ẹ .. ệ
  if (cp >= 0x1EC8 && cp <= 0x1ECB) return 'I';  // Ỉ .. ị
  if (cp >= 0x1ECC && cp <= 0x1EE3) return 'O';  // Ọ .. ợ
  if (cp >= 0x1EE4 && cp <= 0x1EF1) return 'U';  // Ụ .. ự
  if (cp >= 0x1EF2 && cp <= 0x1EF9) return 'Y';  // Ỳ .. ỹ
  return ' ';
}

// Decodes one UTF-8 sequence at `s[i]`; returns its length (1 for an invalid byte, with cp = 0xFFFD).
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
    cp = b & 0x1FU;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    cp = b & 0x0FU;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    cp = b & 0x07U;
  } else {
    cp = 0xFFFD;
    return 1;
  }
  if (i + n > s.size()) {
    cp = 0xFFFD;
    return 1;
  }
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0U) != 0x80U) {
      cp = 0xFFFD;
      return 1;
    }
    cp = (cp << 6U) | (c & 0x3FU);
  }
  return n;
}

}  // namespace

std::string normalize_memo(std::string_view content) {
  std::string out;
  out.reserve(content.size());
  for (std::size_t i = 0; i < content.size();) {
    const auto b = static_cast<unsigned char>(content[i]);
    if (b < 0x80) {
      out += upper(content[i]);
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    i += decode(content, i, cp);
    if (const char c = base_letter(cp); c != 0) out += c;
  }
  return out;
}

Result<OrderMatcher> OrderMatcher::create(OrderMatcherOptions options) {
  auto fail = [](const std::string& m) { return make_error(ErrorCode::kConfig, "order matcher: " + m); };
  if (options.prefixes.empty()) return fail("at least one prefix is required");
  for (auto& p : options.prefixes) {
    if (p.empty() || !std::all_of(p.begin(), p.end(), is_alnum)) {
      return fail("a prefix must be ASCII letters and digits, not '" + p + "'");
    }
    std::transform(p.begin(), p.end(), p.begin(), upper);
  }
  if (options.min_length == 0 || options.min_length > options.max_length) {
    return fail("min_length must be 1.." + std::to_string(options.max_length) + ", not " +
                std::to_string(options.min_length));
  }
  if (std::any_of(options.separators.begin(), options.separators.end(), is_alnum)) {
    return fail("a separator cannot be a letter or a digit");
  }
  // Longer prefixes first: with "D" and "DH", "DH123" is the order DH123.
  std::stable_sort(options.prefixes.begin(), options.prefixes.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return OrderMatcher(std::move(options));
}

std::vector<std::string> OrderMatcher::find_all(std::string_view content) const {
  const std::string memo = normalize_memo(content);
  const auto body_char = [this](char c) { return options_.digits_only ? is_digit(c) : is_alnum(c); };
  std::vector<std::string> found;
  for (std::size_t i = 0; i < memo.size(); ++i) {
    if (i > 0 && is_alnum(memo[i - 1])) continue;  // only at the start of a word
    for (const auto& prefix : options_.prefixes) {
      if (memo.compare(i, prefix.size(), prefix) != 0) continue;
      std::size_t j = i + prefix.size();
      std::size_t seps = 0;
      while (j < memo.size() && seps < 3 && options_.separators.find(memo[j]) != std::string::npos) {
        ++j;
        ++seps;
      }
      const std::size_t start = j;
      while (j < memo.size() && body_char(memo[j])) ++j;
      const std::size_t length = j - start;
      // The body ends the word: "DH12345ABC" is not DH12345, "DH1234567890123456789" is not an order.
      if (length < options_.min_length || length > options_.max_length || (j < memo.size() && is_alnum(memo[j]))) {
        continue;
      }
      std::string reference = prefix + memo.substr(start, length);
      if (std::find(found.begin(), found.end(), reference) == found.end()) found.push_back(std::move(reference));
      break;
    }
  }
  return found;
}

std::string OrderMatcher::find(std::string_view content) const {
  auto all = find_all(content);
  return all.size() == 1 ? all.front() : std::string();
}

std::string OrderMatcher::operator()(const tingee::PaymentNotification& payment) const {
  if (options_.bill_id_first) {
    for (const auto& [name, value] : payment.additional_data) {
      std::string lower;
      for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (lower == "billid" && !value.empty()) return value;
    }
  }
  return find(payment.content);
}

}  // namespace paygw::receive
