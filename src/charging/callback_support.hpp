// SPDX-License-Identifier: MIT
// Internal: what the two callback verifiers share — verify_callback (callback.cpp, from the
// submission) and verify_stored_callback (stored_card.cpp, from what a store keeps) — and the
// latter on parameters already read, for receive's charging verifier (src/receive/charging_inbound.cpp).
#pragma once

#include <paygw/charging/callback.hpp>
#include <paygw/charging/stored_card.hpp>

#include "charging/codec.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace paygw::charging::detail {

/// A callback's parameters: its query, then its body (a JSON object, or form text; leading white
/// space skipped), later ones winning. Errors: kMalformed (a body starting with '{' that is not a
/// JSON object).
Result<Params> callback_params(const CallbackRequest& request);
/// The value of `key`, or "" when absent.
std::string param_text(const Params& params, const std::string& key);
/// The callback's signature: CallbackOptions::signature_field, else signature_field_alt; nullptr
/// when neither is present and non-empty.
const std::string* callback_signature(const Params& params, const CallbackOptions& options);
/// Whether two hex strings (either case) are the same bytes, compared in constant time; false when
/// either is not hex.
bool hex_equal(std::string_view a, std::string_view b);
/// The parse-time rule of both verifiers: a crediting status (1 or 2) carries the amount it
/// credits. Errors: kMalformed.
Result<void> check_crediting_amount(const ChargeResult& result);

/// callback_request_id() on parameters already read (callback_params): a receiver reads a
/// callback's parameters once, to find the stored card and then to verify against it.
std::optional<std::string> callback_request_id(const Params& params);
/// verify_stored_callback() on parameters already read (callback_params); the same steps and errors.
Result<ChargeResult> verify_stored_params(const Params& params, const StoredCard& stored, const Secret& store_key,
                                          const CallbackOptions& options);

}  // namespace paygw::charging::detail
