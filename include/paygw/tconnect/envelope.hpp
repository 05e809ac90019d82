// SPDX-License-Identifier: MIT
// paygw — TConnect's AES-256-CBC envelope and IPN callback decoding.
#pragma once

#include <paygw/clock.hpp>
#include <paygw/export.hpp>
#include <paygw/result.hpp>
#include <paygw/secret.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::tconnect {

/// How the configured AES key is written.
enum class KeyFormat {
  kHex,  ///< 64 hex characters -> 32 bytes (default; what TConnect integrations use).
  kRaw,  ///< exactly 32 bytes used as they are.
};

/// `hex(IV || AES-256-CBC(key, IV, PKCS#7(plaintext)))`, lower-case, with a fresh 16-byte IV from
/// `random` — the value of a TConnect `{"data": ...}` body.
/// Errors: kConfig (key not 32 bytes in `format`), kInternal (random source or OpenSSL failed).
/// Thread safety: as thread-safe as `random`.
PAYGW_EXPORT Result<std::string> encrypt_envelope(std::string_view plaintext, const Secret& key, KeyFormat format,
                                                  RandomSource& random);

/// Inverse of encrypt_envelope; accepts upper- or lower-case hex.
/// Errors: kConfig (bad key), kMalformed (not hex, or length not 16 + a positive multiple of 16
/// bytes), kDecrypt (bad padding: wrong key or tampered data). Thread-safe.
PAYGW_EXPORT Result<std::string> decrypt_envelope(std::string_view data_hex, const Secret& key, KeyFormat format);

/// A payment notification (IPN) that TConnect posts to the merchant. TConnect sends IPNs only
/// for successful payments; it may send one more than once: process each (order_id,
/// request_id) once, confirm it (tconnect::Client::confirm_ipn) and compare `amount` with the
/// order. Every field comes from an unauthenticated envelope (see decode_ipn).
struct IpnNotification {
  std::string order_id;                        ///< The merchant's order (invoice) code.
  std::int64_t amount = 0;                     ///< VND.
  std::string payment_type;                    ///< E.g. QR, card or cash (TConnect does not list the values).
  std::string retrieval_ref_no;                ///< The bank's / NAPAS retrieval reference (RRN).
  std::string request_id;                      ///< TConnect's id of this payment.
  std::string narrative;                       ///< Transfer description.
  std::string acc_no;                          ///< The receiving VA or account number.
  std::int64_t original_transaction_date = 0;  ///< As sent (epoch; unit undocumented).
  std::string json;                            ///< The decrypted payload, verbatim.
};

/// What to reply (HTTP 200) once an IPN has been processed (TConnect documents no reply; see
/// docs/tconnect.md).
inline constexpr std::string_view kIpnAck = R"({"code":"00","message":"success"})";

/// Decrypts and parses an IPN body `{"data": "<hex>"}`.
///
/// This does NOT authenticate the IPN. TConnect's envelope is AES-256-CBC without a MAC or a
/// signature: whoever can replay or edit a captured IPN can flip bits of its first block through
/// the IV and change fields such as `amount` while the result still decrypts and parses. Before
/// crediting anything, confirm the IPN with tconnect::Client::confirm_ipn (the transaction query)
/// and credit only IpnCheck::kConfirmed (see docs/adr/0022-tconnect-ipn-confirmation.md).
/// `keys` lets a merchant accept the old and the new key during a key rotation (tried in order).
///
/// Errors (Delivery::kInbound): kMalformed (body not `{"data": "<hex>"}`, or the decrypted JSON
/// lacks `order_id`/`amount`, or `amount` is not a whole number of VND within 0..kMaxAmountVnd;
/// also when the padding is valid under a key but the plaintext is not a JSON object, which a
/// wrong key gives about once in 256 — the next key is tried first), kDecrypt (no key decrypts
/// it). Reply the same HTTP error for every failure, so the endpoint reveals nothing about why.
/// Never throws, whatever the input. Thread-safe.
PAYGW_EXPORT Result<IpnNotification> decode_ipn(std::string_view raw_body, const std::vector<Secret>& keys,
                                                KeyFormat format = KeyFormat::kHex);

}  // namespace paygw::tconnect
