// SPDX-License-Identifier: MIT
// paygw — VietQR (EMVCo merchant-presented QR, NAPAS 247) builder, parser and validator.
#pragma once

#include <paygw/export.hpp>
#include <paygw/money.hpp>
#include <paygw/result.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::vietqr {

/// NAPAS's GUID in template 38.
inline constexpr std::string_view kNapasGuid = "A000000727";
/// 38.02 service code: transfer to an account number.
inline constexpr std::string_view kServiceToAccount = "QRIBFTTA";
/// 38.02 service code: transfer to a card number.
inline constexpr std::string_view kServiceToCard = "QRIBFTTC";

/// What BuildRequest::account is, written as the 38.02 service code.
enum class Service {
  kToAccount,  ///< An account number (kServiceToAccount).
  kToCard,     ///< A card number (kServiceToCard).
};

/// What to put in a QR. A QR with an amount is dynamic (01 = 12, one payment); without one it is
/// static (01 = 11, reusable).
struct BuildRequest {
  std::string bin;                        ///< 6-digit bank BIN (38.01.00); required unless `bank` is set.
  std::string account;                    ///< Required: account or card number, 1..19 letters/digits (38.01.01).
  Service service = Service::kToAccount;  ///< Account or card number (38.02).
  std::optional<Vnd> amount;              ///< VND, 1..13 digits (54). Set = dynamic QR.
  std::string bill_number;                ///< 62.01, ASCII after removing diacritics, <= 25.
  std::string purpose;                    ///< 62.08 (the transfer content), ASCII after removing diacritics, <= 25.
  std::string merchant_category_code;     ///< 52, 4 digits, optional.
  std::string merchant_name;              ///< 59, <= 25, optional.
  std::string merchant_city;              ///< 60, <= 15, optional.
  /// Keep the purpose's Vietnamese diacritics: 62.08 is written as UTF-8 with its length (and
  /// that of 62) counted in characters, as EMVCo counts them. Off by default: the purpose is
  /// ASCII, which every bank app reads. At most 25 characters either way.
  bool unicode_purpose = false;
  /// The bank by name instead of by BIN: a code ("VCB"), a short name ("Vietcombank"), a Tingee
  /// code ("CTG") or a BIN, looked up in the compiled-in directory (bank_directory(),
  /// paygw/vietqr_banks.hpp). Used when set; `bin` may then stay empty, and when both are set
  /// they must name the same bank.
  std::string bank;
};

/// Builds the QR string, ending in `6304` + the CRC-16/CCITT-FALSE of everything before it
/// (4 upper-case hex digits, computed over the UTF-8 bytes). Text fields lose their Vietnamese
/// diacritics ("chuyển khoản" -> "chuyen khoan") unless BuildRequest::unicode_purpose; nothing
/// is truncated silently.
/// Errors: kInvalidArgument naming the field (bad BIN, a `bank` the directory does not know or
/// that is not the bank of `bin`, account, amount, a text field too long, with characters that
/// have no ASCII form, or with control characters). Thread-safe.
PAYGW_EXPORT Result<std::string> build(const BuildRequest& request);

/// How the TLV lengths of a parsed QR count text that is not ASCII.
enum class TextLengths {
  kAscii,       ///< The QR is all ASCII: bytes and characters agree.
  kUtf8Bytes,   ///< Non-ASCII text whose lengths count UTF-8 bytes (what many deployed encoders write).
  kCharacters,  ///< Non-ASCII text whose lengths count characters (Unicode code points), as EMVCo defines them.
};

/// Stable lower-case name: "ascii", "utf8_bytes" or "characters".
PAYGW_EXPORT std::string_view to_string(TextLengths lengths) noexcept;

/// A data object paygw reads but does not interpret, in the order met.
struct UnknownTag {
  std::string id;     ///< "64", or "62.50" inside a template.
  std::string value;  ///< The raw value (a template's value includes its nested TLVs).
};

/// A parsed QR. Text fields are kept exactly as written (UTF-8); optional ones are empty when absent.
struct QrInfo {
  bool dynamic = false;                ///< 01 = 12.
  std::string guid;                    ///< 38.00, e.g. kNapasGuid.
  std::string bin;                     ///< 38.01.00 (NAPAS GUID only).
  std::string account;                 ///< 38.01.01 (NAPAS GUID only).
  std::string service;                 ///< 38.02, e.g. kServiceToAccount (NAPAS GUID only).
  std::string merchant_account;        ///< The raw value of 38 (for every GUID).
  std::optional<Vnd> amount;           ///< 54.
  std::string merchant_category_code;  ///< 52 (4 digits), empty when absent.
  std::string currency;                ///< 53, always "704" for a valid QR.
  std::string country;                 ///< 58, always "VN".
  std::string merchant_name;           ///< 59.
  std::string merchant_city;           ///< 60.
  std::string postal_code;             ///< 61.
  /// 55: "01" the app asks the payer for a tip, "02" a fixed convenience fee (56), "03" a
  /// percentage fee (57).
  std::string tip_indicator;
  std::optional<Vnd> convenience_fee_fixed;  ///< 56, VND.
  std::string convenience_fee_percentage;    ///< 57, as written (e.g. "3.5").
  std::string bill_number;                   ///< 62.01.
  std::string mobile_number;                 ///< 62.02.
  std::string store_label;                   ///< 62.03.
  std::string loyalty_number;                ///< 62.04.
  std::string reference_label;               ///< 62.05.
  std::string customer_label;                ///< 62.06.
  std::string terminal_label;                ///< 62.07.
  std::string purpose;                       ///< 62.08.
  std::string consumer_data_request;         ///< 62.09 ("A", "M", "E" letters).
  std::string crc;                           ///< The 4 hex digits of 63.
  /// Root objects, 38 sub-objects (NAPAS GUID) and 62 sub-objects that paygw does not interpret
  /// (e.g. 64, the alternate-language template, or another switch's template 26..51).
  std::vector<UnknownTag> unknown;
  TextLengths text_lengths = TextLengths::kAscii;  ///< How this QR's lengths were counted.
};

/// Why a string is not a valid VietQR.
enum class Problem {
  kNone,
  kTruncated,       ///< A TLV announces more characters than remain.
  kNonDigitLength,  ///< An ID or length is not two digits (or a length is 00).
  kBadCrc,          ///< 63 is missing, not last, not 4 hex digits, or does not match.
  kBadStructure,    ///< Wrong order, duplicate ID, or a nested template not consumed exactly.
  kMissingField,    ///< 00, 01, 38 (and its parts for NAPAS), 53 or 58 is absent.
  kBadValue,        ///< A value breaks its rule (01 not 11/12, 53 not 704, 58 not VN, BIN, amount...).
};

/// Stable lower-case name, e.g. "bad_crc".
PAYGW_EXPORT std::string_view to_string(Problem problem) noexcept;

/// Parses and validates a VietQR string. TLV lengths may count UTF-8 bytes (what many deployed
/// encoders write) or characters (EMVCo): bytes are tried first, then, for a QR with non-ASCII
/// text, characters; QrInfo::text_lengths says which one parsed. The CRC is always checked over
/// the bytes. Errors: kMalformed with a message naming the data object (when both counts fail,
/// the one that got further is reported); `problem`, when given, receives the kind. Never
/// throws, whatever the input. Thread-safe.
PAYGW_EXPORT Result<QrInfo> parse(std::string_view qr, Problem* problem = nullptr);

/// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) of `data`.
PAYGW_EXPORT std::uint16_t crc16_ccitt_false(std::string_view data) noexcept;

/// `text` with Vietnamese diacritics removed (precomposed or combining; đ -> d). Errors:
/// kInvalidArgument when a character has no ASCII form or the text is not UTF-8. Thread-safe.
PAYGW_EXPORT Result<std::string> to_ascii(std::string_view text);

}  // namespace paygw::vietqr
