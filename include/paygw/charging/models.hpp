// SPDX-License-Identifier: MIT
// paygw — prepaid phone-card charging (/chargingws/v2) request and result types.
#pragma once

#include <paygw/export.hpp>
#include <paygw/money.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::charging {

/// A card to submit (command=charging) or look up (command=check).
struct CardRequest {
  std::string telco;       ///< e.g. "VIETTEL"; aliases ("Viettel", "VT", ...) are normalised.
  std::string code;        ///< The card PIN. Secret: never logged.
  std::string serial;      ///< Secret: never logged. Leading zeros are kept.
  Vnd declared_value = 0;  ///< Declared face value (the wire field `amount` of the request).
  std::string request_id;  ///< The merchant's unique id for this card, 1..64 visible ASCII characters.
};

/// What a provider status code means. Unknown codes are kUnknown and never success.
enum class Status {
  kSuccess,           ///< 1: card good, declared value correct.
  kWrongValue,        ///< 2: card good, declared value wrong (penalty applied).
  kCardError,         ///< 3: card invalid or already used.
  kMaintenance,       ///< 4: provider maintenance; the card was not consumed.
  kPending,           ///< 99: being processed; the result comes by callback or check.
  kSubmitFailed,      ///< 100, or 102 other than a duplicate: rejected, reason in message.
  kDuplicateRequest,  ///< 102 REQUEST_ID_EXISTED: this request_id was already used.
  kNotFound,          ///< 101: check found no such card/request.
  kUnknown,           ///< anything else.
};

/// Stable lower-case name, e.g. "wrong_value".
PAYGW_EXPORT std::string_view to_string(Status status) noexcept;

/// The Status of a provider status code: 1 kSuccess, 2 kWrongValue, 3 kCardError, 4 kMaintenance,
/// 99 kPending, 100 kSubmitFailed, 101 kNotFound, 102 kDuplicateRequest when `message` contains
/// REQUEST_ID_EXISTED (else kSubmitFailed), anything else kUnknown. Pure function.
PAYGW_EXPORT Status status_from_code(int code, std::string_view message = {}) noexcept;

/// A Status from its name (to_string's, e.g. "wrong_value") or its decimal provider code ("2", as
/// status_from_code without a message); nullopt for anything else. Pure function.
PAYGW_EXPORT std::optional<Status> parse_status(std::string_view text) noexcept;

/// A charging result, from a submit/check response or from a callback.
///
/// Money fields (VND; absent when the provider sent null, "" or nothing):
///   declared_value — what the merchant declared;
///   value          — the face value used for billing;
///   card_value     — the real face value (GET callbacks only);
///   amount         — the money the merchant receives after fees/penalty. On a pending (99)
///                    response it is only an expected payout: never credit it.
struct ChargeResult {
  int status_code = 0;                ///< The raw provider status.
  Status status = Status::kUnknown;   ///< status_code as a Status.
  std::string message;                ///< The provider's message, verbatim (URL-decoded).
  std::string request_id;             ///< The merchant's request id the result is about.
  std::string trans_id;               ///< Provider transaction id (kept as text).
  std::string telco;                  ///< The telco as the provider wrote it.
  std::optional<Vnd> declared_value;  ///< What the merchant declared (see above).
  std::optional<Vnd> value;           ///< The face value used for billing (see above).
  std::optional<Vnd> card_value;      ///< The real face value (GET callbacks only).
  std::optional<Vnd> amount;          ///< The payout (see above: never credit a pending one).
  std::string json;                   ///< The parameters as JSON, with code, serial and signatures redacted.

  /// true for statuses that will not change any more (everything but kPending and kUnknown).
  bool is_final() const noexcept { return status != Status::kPending && status != Status::kUnknown; }
  /// true only for kSuccess and kWrongValue: the merchant receives `amount`.
  bool credits() const noexcept { return status == Status::kSuccess || status == Status::kWrongValue; }
};

/// A percentage written exactly, in ten-thousandths of a percent (17.5 % = 175000).
struct Percent {
  std::int64_t ten_thousandths = 0;  ///< The percentage times 10 000 (0..1 000 000 for 0..100 %).
  /// "17.5", "9.8", "100".
  PAYGW_EXPORT std::string to_string() const;
};

/// One row of the fee table: the provider keeps `fees` % of a card of `value`, plus `penalty` %
/// when the declared value is wrong. `fees` of 100 % means the denomination is not accepted now.
struct FeeRow {
  std::string telco;  ///< The telco as the provider wrote it.
  Vnd value = 0;      ///< The card's face value (VND).
  Percent fees;       ///< Kept by the provider, 0..100 %.
  Percent penalty;    ///< Also kept when the declared value is wrong, 0..100 %.
};

/// Answer of getfee.
struct FeeTable {
  std::vector<FeeRow> rows;      ///< In the provider's order.
  std::size_t skipped_rows = 0;  ///< Rows without a telco or a readable value/percentage.
};

/// Answer of get_price_table (`/chargingws/price`): the fee table grouped by telco.
struct PriceTable {
  FeeTable table;                   ///< The rows; a row without `telco` takes its group's name.
  std::vector<std::string> telcos;  ///< Every group name, in the provider's order, including those
                                    ///< with no row (a telco the host accepts no card of now).
};

/// A card to pre-check by its serial before submitting it (check_serial).
struct SerialCheckRequest {
  std::string telco;   ///< Any accepted spelling (Config::telco_aliases); sent as Config::telco_wire_names says.
  std::string serial;  ///< 1..32 letters or digits (a secret: never logged).
};

/// Answer of check_serial (`{"status": "success", "data": {...}}`).
struct SerialCheck {
  std::string check_status;  ///< data.status, e.g. "checked".
  std::string serial;        ///< data.serial: the card's serial, a secret (the CLI prints it redacted).
  std::string card_status;   ///< data.card_status, e.g. "unavailable" (already used) or "available".
  std::optional<Vnd> value;  ///< data.value: the card's face value, when given.
  std::string date_used;     ///< data.date_used, as written ("20/11/2022").
  std::string acc_charged;   ///< data.acc_charged: the account it was charged to, as written.
};

/// Denominations (VND) accepted per canonical telco (a common provider table); replace them with
/// your provider's getfee list.
PAYGW_EXPORT std::map<std::string, std::vector<Vnd>> default_denominations();
/// Alias -> canonical telco ("VT" -> "VIETTEL", "VIETNAMOBILE" -> "VNMOBI", ...), upper-case keys;
/// canonical names map to themselves. Lookups upper-case the input first.
PAYGW_EXPORT std::map<std::string, std::string> default_telco_aliases();
/// The canonical telco for `telco` (upper-cased first) under `aliases` (upper-case keys), or ""
/// when unknown. Pure function; thread-safe.
PAYGW_EXPORT std::string canonical_telco(std::string_view telco,
                                         const std::map<std::string, std::string>& aliases = default_telco_aliases());

}  // namespace paygw::charging
