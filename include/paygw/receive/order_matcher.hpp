// SPDX-License-Identifier: MIT
// paygw — finding the merchant's order reference in a payment's memo, for payments to the
// merchant's own VietQR (no Tingee bill): plug it into receive::ApplierOptions::tingee_bill_of.
//
//   auto matcher = *receive::OrderMatcher::create({{"DH"}});   // orders DH00012345, ...
//   config.applier.tingee_bill_of = matcher;                    // billId first, then the memo
//
// The order is a Provider::kTingee submission keyed by the canonical reference ("DH12345"): record
// it (PaymentStore::record_submission, state pending, its amount) when you show its QR; a payment
// whose memo names it settles it exactly like a Tingee bill (docs/receiving-payments.md).
#pragma once

#include <paygw/export.hpp>
#include <paygw/result.hpp>
#include <paygw/tingee/webhook.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paygw::receive {

/// What an order reference looks like in a memo.
struct OrderMatcherOptions {
  /// The prefixes the merchant's order references start with, e.g. {"DH", "ORD"}: ASCII letters
  /// and digits, at least one prefix. Matched ignoring case and Vietnamese diacritics ("đh" = "DH")
  /// and only at the start of a word, so "FT26DH12345" (a bank reference) does not match.
  std::vector<std::string> prefixes;
  std::size_t min_length = 4;   ///< Characters after the prefix, at least (shorter is not an order).
  std::size_t max_length = 16;  ///< Characters after the prefix, at most (longer is not an order).
  bool digits_only = true;      ///< The part after the prefix is digits (default) or letters and digits.
  /// Characters a payer or a bank may put between the prefix and the rest ("DH 123", "DH-123",
  /// "DH.123", "DH:123"); at most three of them.
  std::string separators = " -._#:/";
  /// operator(): the payment's additionalData "billId" (a Tingee bill, the default of
  /// tingee_bill_of) wins over the memo.
  bool bill_id_first = true;
};

/// Finds the order reference in a transfer memo, whatever the banks added around it: their
/// prefixes ("MBVCB.3278.016835.", "IBFT", "CT DEN:"), `FT…` references, account numbers,
/// diacritics, upper/lower case and separators. The reference is returned canonical: the
/// configured prefix (upper-case) followed by the rest (upper-case), without separators.
///
/// Thread safety: immutable after create(); every member may be called concurrently.
class PAYGW_EXPORT OrderMatcher {
 public:
  /// Errors: kConfig (no prefix, a prefix that is empty or not ASCII letters/digits, min_length 0
  /// or above max_length, a separator that is a letter or a digit).
  [[nodiscard]] static Result<OrderMatcher> create(OrderMatcherOptions options);

  /// Every distinct reference in `content`, in the order they appear.
  std::vector<std::string> find_all(std::string_view content) const;
  /// The reference in `content`, or "" when there is none or there are several different ones
  /// (a payment is never guessed onto one of two orders).
  std::string find(std::string_view content) const;
  /// For ApplierOptions::tingee_bill_of: the additionalData "billId" when bill_id_first and the
  /// payment has one, else find(payment.content).
  std::string operator()(const tingee::PaymentNotification& payment) const;

  /// The options it was created with.
  const OrderMatcherOptions& options() const noexcept { return options_; }

 private:
  explicit OrderMatcher(OrderMatcherOptions options) : options_(std::move(options)) {}
  OrderMatcherOptions options_;
};

/// A memo as the matcher reads it: Vietnamese letters without their diacritics (UTF-8 precomposed
/// or combining marks; "đ"/"Đ" -> "d"/"D"), ASCII upper-cased, every other non-ASCII character a
/// space. Pure function; thread-safe.
PAYGW_EXPORT std::string normalize_memo(std::string_view content);

}  // namespace paygw::receive
