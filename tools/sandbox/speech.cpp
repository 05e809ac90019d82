// SPDX-License-Identifier: MIT
// paygw-sandbox — amounts as a Vietnamese soundbox reads them (see screens.hpp).
//
// The reading follows the usual rules: "mười" for 10-19 and "mươi" above, "mốt" for a final 1
// after 20+, "tư" for a final 4 after 20+, "lăm" for a final 5 after 10+, "lẻ" for a zero tens
// digit, and, after a higher non-zero group, a group is read in full ("một triệu không trăm lẻ
// năm nghìn" = 1.005.000). Groups: nghìn, triệu, tỉ; above 999 tỉ the count of tỉ is itself read
// ("một nghìn tỉ"). The integration test compares it with the npm package read-vietnamese-number.
#include "screens.hpp"

namespace paygw::sandbox {
namespace {

const char* const kDigits[] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

void add(std::string& out, const std::string& word) {
  if (!out.empty()) out += ' ';
  out += word;
}

// One group of three digits; `full`: a higher group was read, so say "không trăm" and "lẻ".
std::string triple(int n, bool full) {
  const int h = n / 100, t = n / 10 % 10, u = n % 10;
  std::string out;
  if (full || h > 0) {
    add(out, kDigits[h]);
    add(out, "trăm");
  }
  if (t == 0) {
    if (u > 0 && (full || h > 0)) add(out, "lẻ");
    if (u > 0) add(out, kDigits[u]);
  } else if (t == 1) {
    add(out, "mười");
    if (u > 0) add(out, u == 5 ? "lăm" : kDigits[u]);
  } else {
    add(out, kDigits[t]);
    add(out, "mươi");
    if (u > 0) add(out, u == 1 ? "mốt" : u == 4 ? "tư" : u == 5 ? "lăm" : kDigits[u]);
  }
  return out;
}

// 1 .. 999.999.999; `full` as for triple().
std::string below_billion(long long n, bool full) {
  const struct {
    long long value;
    const char* unit;
  } groups[] = {{n / 1'000'000, "triệu"}, {n / 1000 % 1000, "nghìn"}, {n % 1000, ""}};
  std::string out;
  for (const auto& g : groups) {
    if (g.value == 0) continue;
    add(out, triple(static_cast<int>(g.value), full));
    if (*g.unit != '\0') add(out, g.unit);
    full = true;
  }
  return out;
}

std::string words(unsigned long long n) {
  if (n < 1'000'000'000ULL) return below_billion(static_cast<long long>(n), false);
  std::string out = words(n / 1'000'000'000ULL) + " tỉ";
  if (n % 1'000'000'000ULL != 0) add(out, below_billion(static_cast<long long>(n % 1'000'000'000ULL), true));
  return out;
}

}  // namespace

std::string vnd_text(long long amount) {
  const std::string digits = std::to_string(amount < 0 ? 0ULL - static_cast<unsigned long long>(amount)
                                                       : static_cast<unsigned long long>(amount));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return (amount < 0 ? "-" : "") + out + " VND";
}

std::string vnd_words(long long amount) {
  if (amount == 0) return kDigits[0];
  const unsigned long long magnitude =
      amount < 0 ? 0ULL - static_cast<unsigned long long>(amount) : static_cast<unsigned long long>(amount);
  return (amount < 0 ? "âm " : "") + words(magnitude);
}

std::string amount_sentence(long long amount) { return "Đã nhận " + vnd_words(amount) + " đồng"; }

std::string digit_words(const std::string& digits) {
  std::string out;
  for (char c : digits) {
    if (c >= '0' && c <= '9') {
      add(out, kDigits[c - '0']);
    } else {
      add(out, std::string(1, c));
    }
  }
  return out;
}

}  // namespace paygw::sandbox
