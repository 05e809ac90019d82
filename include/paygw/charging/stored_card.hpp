// SPDX-License-Identifier: MIT
// paygw — verifying charging callbacks from what a payment store keeps (no card in clear).
#pragma once

#include <paygw/charging/callback.hpp>
#include <paygw/charging/models.hpp>
#include <paygw/export.hpp>
#include <paygw/result.hpp>
#include <paygw/secret.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace paygw::charging {

/// What a store keeps about a submitted card instead of its code and serial.
///
/// With k_mac = HMAC-SHA256(store_key, "paygw charging mac v1") and
/// k_seal = HMAC-SHA256(store_key, "paygw charging seal v1"), and NUL ('\0') separators:
/// - sign_mac   = hex HMAC-SHA256(k_mac, "sign" NUL request_id NUL s), s the expected callback
///   signature md5(partner_key + code + serial) in lower-case hex;
/// - code_mac   = hex HMAC-SHA256(k_mac, "code" NUL request_id NUL code);
/// - serial_mac = hex HMAC-SHA256(k_mac, "serial" NUL request_id NUL serial);
/// - sealed     = hex(nonce[12] || AES-256-GCM(k_seal, nonce, code "\n" serial) || tag[16]) with
///   the request_id as additional data: what the reconciler decrypts to call check().
/// A database reader learns neither the card nor a signature that would verify (the callback
/// signature of scheme A equals the request `sign`).
struct StoredCard {
  std::string request_id;  ///< The card's request_id.
  std::string telco;       ///< Canonical telco.
  Vnd declared_value = 0;  ///< As submitted.
  std::string sign_mac;    ///< Keyed hash of the expected callback signature (64 hex).
  std::string code_mac;    ///< Keyed hash of the code (64 hex).
  std::string serial_mac;  ///< Keyed hash of the serial (64 hex).
  std::string sealed;      ///< The sealed card (hex).

  /// "v1." + sign_mac + "." + code_mac + "." + serial_mac + "." + sealed: the store's
  /// SubmissionRecord::verifier.
  PAYGW_EXPORT std::string encode_verifier() const;
  /// Rebuilds a StoredCard from a store record's fields. Errors: kMalformed (not an encode_verifier() value).
  PAYGW_EXPORT static Result<StoredCard> decode(std::string_view request_id, std::string_view telco, Vnd declared_value,
                                                std::string_view verifier);
};

/// Computes the StoredCard of `card` at submit time (before it is sent). The card is validated
/// like Client::submit's checks of its fields (telco known to `telco_aliases`, code and serial
/// 1..32 letters or digits, request_id 1..64 visible ASCII, 0 < declared_value <= kMaxAmountVnd).
///
/// Errors: kInvalidArgument (the card), kConfig (partner_key empty, store_key shorter than 32
/// bytes), kInternal (OpenSSL or the random source). Thread-safe.
PAYGW_EXPORT Result<StoredCard> protect_card(
    const CardRequest& card, const Secret& partner_key, const Secret& store_key,
    const std::map<std::string, std::string>& telco_aliases = default_telco_aliases());

/// The card back from `stored.sealed`, for check(). Errors: kConfig (store_key shorter than 32
/// bytes), kDecrypt (another key, or the record was edited: GCM authenticates it and its
/// request_id), kMalformed (not a sealed card). Thread-safe.
PAYGW_EXPORT Result<CardRequest> unseal_card(const StoredCard& stored, const Secret& store_key);

/// verify_callback() against a StoredCard: the same parsing (query then body, JSON or form) and
/// the same fail-closed steps, comparing keyed hashes instead of the card in clear:
/// the signature must be present (kMissingSignature) and its keyed hash equal sign_mac
/// (kInvalidSignature); the keyed hashes of the callback's code and serial, its request_id,
/// telco (canonical) and declared_value must equal the stored ones (kInvalidSignature "does not
/// match the submission"); status must be an integer, a crediting status (1 or 2) must carry its
/// `amount`, and every money field a whole number in
/// 0..kMaxAmountVnd (kMalformed); and, as in verify_callback (the signature covers no amount), no
/// money field above the telco's largest card in CallbackOptions::denominations and `amount` not
/// above what the card is worth (kMalformed; kConfig when the telco has no denominations there or
/// the stored declared value is above its largest). Comparisons are constant-time.
///
/// Every error has Delivery::kInbound. Thread-safe; never throws.
PAYGW_EXPORT Result<ChargeResult> verify_stored_callback(const CallbackRequest& request, const StoredCard& stored,
                                                         const Secret& store_key, const CallbackOptions& options = {});

/// The request_id a callback names, read from the query and the body like verify_callback()
/// does — only to look the submission up: it is not verified. nullopt when absent, empty, longer
/// than 64 or not visible ASCII.
PAYGW_EXPORT std::optional<std::string> callback_request_id(const CallbackRequest& request);

}  // namespace paygw::charging
