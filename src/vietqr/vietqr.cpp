// SPDX-License-Identifier: MIT
// VietQR builder/parser. Depends only on the standard library, paygw/result.hpp and the bank
// directory (banks.cpp), so that the fuzz target can compile them alone.
#include <paygw/vietqr.hpp>
#include <paygw/vietqr_banks.hpp>

#include "text.hpp"
#include "tlv.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <utility>
#include <vector>

namespace paygw::vietqr {
namespace {

using detail::alnum;
using detail::amount_of;
using detail::count_chars;
using detail::diacritic_map;
using detail::digits;
using detail::Fail;
using detail::find;
using detail::next_code_point;
using detail::split;

Error invalid(std::string message) { return make_error(ErrorCode::kInvalidArgument, std::move(message)); }

// A text field: ASCII after removing diacritics, at most `max` characters.
Result<std::string> text_field(const char* name, const std::string& value, std::size_t max) {
  auto ascii = to_ascii(value);
  if (!ascii) return invalid(std::string(name) + ": " + ascii.error().message);
  if (ascii->size() > max)
    return invalid(std::string(name) + " must be at most " + std::to_string(max) + " characters");
  return ascii;
}

// A text field kept as UTF-8: printable characters only (no C0/C1 controls), at most `max` of them.
Result<std::string> unicode_field(const char* name, const std::string& value, std::size_t max) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < value.size(); ++n) {
    char32_t cp = 0;
    if (!next_code_point(value, i, cp)) return invalid(std::string(name) + ": text is not valid UTF-8");
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return invalid(std::string(name) + ": text has a control character");
  }
  if (n > max) return invalid(std::string(name) + " must be at most " + std::to_string(max) + " characters");
  return value;
}

// ID + length + value; the length counts characters, which for ASCII is the byte count.
void tlv(std::string& out, const char* id, const std::string& value) {
  char len[3];
  std::snprintf(len, sizeof len, "%02zu", count_chars(value));
  out.append(id).append(len).append(value);
}

// ---- parsing ----

}  // namespace

std::uint16_t crc16_ccitt_false(std::string_view data) noexcept {
  std::uint16_t crc = 0xFFFF;
  for (unsigned char b : data) {
    crc = static_cast<std::uint16_t>(crc ^ (b << 8));
    for (int k = 0; k < 8; ++k) {
      crc =
          (crc & 0x8000) != 0 ? static_cast<std::uint16_t>((crc << 1) ^ 0x1021) : static_cast<std::uint16_t>(crc << 1);
    }
  }
  return crc;
}

Result<std::string> to_ascii(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    if (!next_code_point(text, i, cp)) return invalid("text is not valid UTF-8");
    if (cp >= 0x20 && cp < 0x7F) {
      out.push_back(static_cast<char>(cp));
    } else if (cp >= 0x300 && cp <= 0x36F) {
      continue;  // a combining mark (decomposed input): drop it, keep the base letter
    } else if (const auto it = diacritic_map().find(cp); it != diacritic_map().end()) {
      out.push_back(it->second);
    } else {
      return invalid("text has a character with no ASCII form");
    }
  }
  return out;
}

std::string_view to_string(Problem problem) noexcept {
  switch (problem) {
    case Problem::kNone: return "none";
    case Problem::kTruncated: return "truncated";
    case Problem::kNonDigitLength: return "non_digit_length";
    case Problem::kBadCrc: return "bad_crc";
    case Problem::kBadStructure: return "bad_structure";
    case Problem::kMissingField: return "missing_field";
    case Problem::kBadValue: return "bad_value";
  }
  return "none";
}

Result<std::string> build(const BuildRequest& r) {
  std::string bin = r.bin;
  if (!r.bank.empty()) {
    auto named = bank_bin(r.bank);
    if (!named) return invalid("bank: " + named.error().message);
    if (!bin.empty() && bin != *named) return invalid("bank '" + r.bank + "' is BIN " + *named + ", not bin " + bin);
    bin = std::move(*named);
  }
  if (bin.size() != 6 || !digits(bin)) return invalid("bin must be 6 digits");
  if (r.account.empty() || r.account.size() > 19 || !alnum(r.account))
    return invalid("account must be 1..19 letters or digits");
  if (r.amount && (*r.amount <= 0 || *r.amount > 9'999'999'999'999))
    return invalid("amount must be 1..13 digits of VND");
  if (!r.merchant_category_code.empty() &&
      (r.merchant_category_code.size() != 4 || !digits(r.merchant_category_code))) {
    return invalid("merchant_category_code must be 4 digits");
  }
  auto bill = text_field("bill_number", r.bill_number, 25);
  if (!bill) return bill.error();
  auto purpose = r.unicode_purpose ? unicode_field("purpose", r.purpose, 25) : text_field("purpose", r.purpose, 25);
  if (!purpose) return purpose.error();
  auto name = text_field("merchant_name", r.merchant_name, 25);
  if (!name) return name.error();
  auto city = text_field("merchant_city", r.merchant_city, 15);
  if (!city) return city.error();

  std::string beneficiary;
  tlv(beneficiary, "00", bin);
  tlv(beneficiary, "01", r.account);
  std::string account_info;
  tlv(account_info, "00", std::string(kNapasGuid));
  tlv(account_info, "01", beneficiary);
  tlv(account_info, "02", std::string(r.service == Service::kToCard ? kServiceToCard : kServiceToAccount));

  std::string qr;
  tlv(qr, "00", "01");
  tlv(qr, "01", r.amount ? "12" : "11");
  tlv(qr, "38", account_info);
  if (!r.merchant_category_code.empty()) tlv(qr, "52", r.merchant_category_code);
  tlv(qr, "53", "704");
  if (r.amount) tlv(qr, "54", std::to_string(*r.amount));
  tlv(qr, "58", "VN");
  if (!name->empty()) tlv(qr, "59", *name);
  if (!city->empty()) tlv(qr, "60", *city);
  std::string additional;
  if (!bill->empty()) tlv(additional, "01", *bill);
  if (!purpose->empty()) tlv(additional, "08", *purpose);
  if (!additional.empty()) tlv(qr, "62", additional);
  qr += "6304";
  char crc[5];
  std::snprintf(crc, sizeof crc, "%04X", static_cast<unsigned>(crc16_ccitt_false(qr)));
  return qr + crc;
}

namespace {

// One parse with one way of counting lengths. `stage` says how far it got: 0 the root TLVs,
// 1 the CRC, 2 the data objects.
struct Attempt {
  std::optional<QrInfo> info;
  Fail failure{Problem::kNone, ""};
  int stage = 0;
};

bool is_one_of(std::string_view id, std::initializer_list<std::string_view> ids) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Attempt parse_counting(std::string_view qr, bool chars) {
  Attempt a;
  auto fail = [&](Problem p, std::string message) {
    a.failure = Fail{p, std::move(message)};
    return a;
  };
  std::optional<Fail> failure;
  // A nested template that does not split cleanly is a structure error, whatever the cause.
  auto nested = [&](std::string_view data, const std::string& where) {
    auto list = split(data, where, chars, failure);
    if (failure && failure->problem == Problem::kTruncated) failure->problem = Problem::kBadStructure;
    return list;
  };
  const auto root = split(qr, "root", chars, failure);
  if (failure) return fail(failure->problem, failure->message);

  // CRC: 63 last, 4 hex digits, over the bytes of everything through "6304".
  a.stage = 1;
  if (root.empty() || root.back().id != "63") return fail(Problem::kBadCrc, "63 (CRC) is not the last data object");
  const std::string_view crc = root.back().value;
  if (crc.size() != 4 ||
      !std::all_of(crc.begin(), crc.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; })) {
    return fail(Problem::kBadCrc, "63 is not 4 hex digits");
  }
  char computed[5];
  std::snprintf(computed, sizeof computed, "%04X",
                static_cast<unsigned>(crc16_ccitt_false(qr.substr(0, qr.size() - 4))));
  std::string upper(crc);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper != computed) return fail(Problem::kBadCrc, "CRC " + std::string(crc) + " does not match " + computed);

  a.stage = 2;
  if (root.front().id != "00") return fail(Problem::kBadStructure, "00 (payload format) is not first");
  if (root.front().value != "01") return fail(Problem::kBadValue, "00 must be 01");
  QrInfo info;
  info.crc = std::string(crc);
  const auto poi = find(root, "01");
  if (!poi) return fail(Problem::kMissingField, "01 (point of initiation) is missing");
  if (*poi != "11" && *poi != "12") return fail(Problem::kBadValue, "01 must be 11 or 12");
  info.dynamic = *poi == "12";

  const auto account = find(root, "38");
  if (!account) return fail(Problem::kMissingField, "38 (merchant account information) is missing");
  info.merchant_account = std::string(*account);
  const auto parts = nested(*account, "38");
  if (failure) return fail(failure->problem, failure->message);
  const auto guid = find(parts, "00");
  if (!guid) return fail(Problem::kMissingField, "38.00 (GUID) is missing");
  info.guid = std::string(*guid);
  if (info.guid == kNapasGuid) {
    const auto beneficiary = find(parts, "01");
    if (!beneficiary) return fail(Problem::kMissingField, "38.01 (beneficiary) is missing");
    const auto ben = nested(*beneficiary, "38.01");
    if (failure) return fail(failure->problem, failure->message);
    for (const auto& t : ben) {
      if (t.id != "00" && t.id != "01") return fail(Problem::kBadStructure, "38.01 holds an unexpected ID " + t.id);
    }
    const auto service = find(parts, "02");
    if (!service) return fail(Problem::kMissingField, "38.02 (service code) is missing");
    const auto bin = find(ben, "00");
    const auto acct = find(ben, "01");
    if (!bin || !acct) return fail(Problem::kMissingField, "38.01 needs 00 (BIN) and 01 (account)");
    if (bin->size() != 6 || !digits(*bin)) return fail(Problem::kBadValue, "38.01.00 (BIN) must be 6 digits");
    if (acct->size() > 19 || !alnum(*acct))
      return fail(Problem::kBadValue, "38.01.01 (account) must be 1..19 letters or digits");
    info.bin = std::string(*bin);
    info.account = std::string(*acct);
    info.service = std::string(*service);
    for (const auto& t : parts) {
      if (!is_one_of(t.id, {"00", "01", "02"})) info.unknown.push_back({"38." + t.id, std::string(t.value)});
    }
  }

  const auto currency = find(root, "53");
  if (!currency) return fail(Problem::kMissingField, "53 (currency) is missing");
  if (*currency != "704") return fail(Problem::kBadValue, "53 must be 704 (VND)");
  info.currency = std::string(*currency);
  const auto country = find(root, "58");
  if (!country) return fail(Problem::kMissingField, "58 (country) is missing");
  if (*country != "VN") return fail(Problem::kBadValue, "58 must be VN");
  info.country = std::string(*country);
  if (const auto amount = find(root, "54")) {
    info.amount = amount_of(*amount);
    if (!info.amount)
      return fail(Problem::kBadValue, "54 (amount) must be a whole number of VND, at most 13 characters");
  }
  if (const auto mcc = find(root, "52")) {
    if (mcc->size() != 4 || !digits(*mcc)) return fail(Problem::kBadValue, "52 must be 4 digits");
    info.merchant_category_code = std::string(*mcc);
  }
  if (const auto tip = find(root, "55")) {
    if (*tip != "01" && *tip != "02" && *tip != "03")
      return fail(Problem::kBadValue, "55 (tip indicator) must be 01, 02 or 03");
    info.tip_indicator = std::string(*tip);
  }
  if (const auto fee = find(root, "56")) {
    info.convenience_fee_fixed = amount_of(*fee);
    if (!info.convenience_fee_fixed)
      return fail(Problem::kBadValue, "56 (fixed convenience fee) must be a whole number of VND");
  }
  if (const auto pct = find(root, "57")) {
    const bool ok = pct->size() <= 5 && std::count(pct->begin(), pct->end(), '.') <= 1 && pct->front() != '.' &&
                    std::all_of(pct->begin(), pct->end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); });
    if (!ok)
      return fail(Problem::kBadValue,
                  "57 (percentage convenience fee) must be digits with at most one '.', <= 5 characters");
    info.convenience_fee_percentage = std::string(*pct);
  }
  if (const auto v = find(root, "59")) info.merchant_name = std::string(*v);
  if (const auto v = find(root, "60")) info.merchant_city = std::string(*v);
  if (const auto v = find(root, "61")) info.postal_code = std::string(*v);
  if (const auto extra = find(root, "62")) {
    const auto fields = nested(*extra, "62");
    if (failure) return fail(failure->problem, failure->message);
    std::string* const slots[] = {&info.bill_number,    &info.mobile_number,   &info.store_label,
                                  &info.loyalty_number, &info.reference_label, &info.customer_label,
                                  &info.terminal_label, &info.purpose,         &info.consumer_data_request};
    for (const auto& t : fields) {
      const int n = (t.id[0] - '0') * 10 + (t.id[1] - '0');
      if (n >= 1 && n <= 9) {
        *slots[n - 1] = std::string(t.value);
      } else {
        info.unknown.push_back({"62." + t.id, std::string(t.value)});
      }
    }
  }
  for (const auto& t : root) {
    if (!is_one_of(t.id, {"00", "01", "38", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63"})) {
      info.unknown.push_back({t.id, std::string(t.value)});
    }
  }
  a.info = std::move(info);
  return a;
}

}  // namespace

std::string_view to_string(TextLengths lengths) noexcept {
  switch (lengths) {
    case TextLengths::kAscii: return "ascii";
    case TextLengths::kUtf8Bytes: return "utf8_bytes";
    case TextLengths::kCharacters: return "characters";
  }
  return "ascii";
}

Result<QrInfo> parse(std::string_view qr, Problem* problem) {
  if (problem != nullptr) *problem = Problem::kNone;
  const bool ascii = std::all_of(qr.begin(), qr.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  Attempt bytes = parse_counting(qr, false);
  if (bytes.info) {
    bytes.info->text_lengths = ascii ? TextLengths::kAscii : TextLengths::kUtf8Bytes;
    return std::move(*bytes.info);
  }
  if (!ascii) {
    Attempt chars = parse_counting(qr, true);
    if (chars.info) {
      chars.info->text_lengths = TextLengths::kCharacters;
      return std::move(*chars.info);
    }
    if (chars.stage > bytes.stage) bytes = std::move(chars);
  }
  if (problem != nullptr) *problem = bytes.failure.problem;
  return make_error(ErrorCode::kMalformed, "invalid VietQR: " + bytes.failure.message);
}

}  // namespace paygw::vietqr
