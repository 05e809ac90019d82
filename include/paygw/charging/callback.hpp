// SPDX-License-Identifier: MIT
// paygw — verifying card-charging callbacks (GET query or POST JSON/form) and applying them once.
#pragma once

#include <paygw/charging/models.hpp>
#include <paygw/export.hpp>
#include <paygw/result.hpp>
#include <paygw/secret.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::charging {

/// What the merchant stored when it submitted the card. A callback is accepted only for the
/// submission it names: the callback signature covers neither the status nor the amounts nor the
/// request_id, so binding to the stored record is what stops a replayed or edited callback.
struct Submission {
  std::string request_id;  ///< The request id the card was submitted with.
  std::string telco;       ///< Canonical telco as submitted.
  std::string code;        ///< The card's code (a secret: store it protected, never log it).
  std::string serial;      ///< The card's serial (a secret too).
  Vnd declared_value = 0;  ///< The value the merchant declared (VND).
};

/// The request that delivered the callback.
struct CallbackRequest {
  std::string_view query;  ///< Raw query string (with or without '?'), percent-encoded.
  std::string_view body;   ///< Raw body: JSON object or application/x-www-form-urlencoded; may be empty.
};

/// Settings of verify_callback(); the defaults suit the common provider API.
struct CallbackOptions {
  /// Names tried, in order, for the signature parameter.
  std::string signature_field = "callback_sign";
  std::string signature_field_alt = "sign";  ///< Tried when signature_field is absent.
  /// Normalises the callback's telco before comparing it with Submission::telco.
  std::map<std::string, std::string> telco_aliases = default_telco_aliases();
  /// Denominations per canonical telco: the largest one bounds every money field of a callback
  /// (the signature covers no amount). Keep it equal to the client's Config::denominations; a
  /// telco missing here makes verify_callback fail with kConfig.
  std::map<std::string, std::vector<Vnd>> denominations = default_denominations();
};

/// Verifies a callback and parses it. Parameters are read from the query string and then the body
/// (a JSON object, or form-encoded), later ones winning; numbers may arrive as JSON numbers or
/// strings; messages are URL-decoded UTF-8.
///
/// Steps (fail closed): the signature must be present (kMissingSignature) and be 32 hex characters
/// equal, in constant time, to md5(partner_key + code + serial) of the **stored** submission
/// (kInvalidSignature); the callback's request_id, telco, code, serial and declared_value must
/// equal the stored ones (kInvalidSignature: "does not match the submission"); status must be an
/// integer (kMalformed); a crediting status (1 or 2) must carry its `amount` (kMalformed: the
/// result would credit() with nothing to credit); every money field must be a whole VND in
/// 0..kMaxAmountVnd, none above the telco's largest denomination (CallbackOptions::denominations),
/// and `amount` not above what the card is worth — the declared value for status 1, else the
/// reported value/card_value (kMalformed); the stored telco must have denominations there, the
/// largest not below the stored declared value (kConfig). Nothing is parsed into a result before
/// the signature verifies.
///
/// Thread-safe; never throws.
PAYGW_EXPORT Result<ChargeResult> verify_callback(const CallbackRequest& request, const Secret& partner_key,
                                                  const Submission& expected, const CallbackOptions& options = {});

/// What to do with a verified result, given the stored state of the card.
enum class Action {
  kApply,      ///< Move the card from pending to this final result (credit if result.credits()).
  kDuplicate,  ///< The card is already final: acknowledge, change nothing, credit nothing.
  kIgnore,     ///< Not final (pending/unknown status): acknowledge and keep waiting.
};

/// The answer of decide().
struct Decision {
  Action action = Action::kIgnore;  ///< What to do with the incoming result.
  /// Set only on a kDuplicate of a final result by a final result, and true when it contradicts
  /// the stored one: a replay with edited fields, or a provider correction. Never applied
  /// automatically; worth an alert. Exactly these fields are compared:
  /// - status_code: conflicts when they differ;
  /// - amount and value: conflict only when both results carry the field and the values differ
  ///   (a duplicate that adds a value the stored result lacked, such as a callback's `value` after
  ///   a check result without it, is not a conflict).
  /// message, trans_id, telco, declared_value, card_value and json are not compared (they differ
  /// in form between the submit response, check and the GET/POST callbacks). An identical
  /// duplicate is therefore never a conflict.
  bool conflicts = false;
};

/// The single pending -> final transition. `stored` is the card's current result (status
/// kPending while waiting), `incoming` a verified result for the same card:
/// - incoming not final (pending, unknown): kIgnore, or kDuplicate when stored is final;
/// - incoming final, stored not final: kApply;
/// - both final: kDuplicate, with `conflicts` as documented on Decision.
/// Store the applied result with an atomic compare-and-set on the pending state (e.g. `UPDATE …
/// WHERE request_id = ? AND status = 'pending'`, applying only when one row changed) so two
/// deliveries racing each other still credit once — receive::Applier does exactly this over a
/// PaymentStore. Pure function; thread-safe.
PAYGW_EXPORT Decision decide(const ChargeResult& stored, const ChargeResult& incoming) noexcept;

}  // namespace paygw::charging
