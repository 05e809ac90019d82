// SPDX-License-Identifier: MIT
// paygw — prepaid phone-card charging client (`/chargingws/v2`: thesieure.com and compatible hosts).
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/charging/connection.hpp>
#include <paygw/charging/models.hpp>
#include <paygw/client_options.hpp>
#include <paygw/clock.hpp>
#include <paygw/completion.hpp>
#include <paygw/env.hpp>
#include <paygw/export.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/log.hpp>
#include <paygw/result.hpp>
#include <paygw/retry.hpp>
#include <paygw/secret.hpp>

#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paygw::charging {

/// The values a request signature may cover.
struct SignFields {
  std::string_view partner_id;  ///< Config::partner_id.
  std::string_view command;     ///< "charging" or "check".
  std::string_view request_id;  ///< The submission's request_id (your unique id for the card).
  std::string_view telco;       ///< The telco name as sent (after Config::telco_wire_names).
  std::string_view code;        ///< The card code (a secret: never logged).
  std::string_view serial;      ///< The card serial (a secret: never logged).
};

/// Builds the string whose MD5 (lower-case hex) is the request `sign`. Providers differ, so the
/// scheme is a function; sign_scheme_a and sign_scheme_b are the two seen in production.
using SignScheme = std::function<std::string(std::string_view partner_key, const SignFields& fields)>;

/// Scheme A (the provider's documentation): partner_key + code + serial. The default.
PAYGW_EXPORT std::string sign_scheme_a(std::string_view partner_key, const SignFields& fields);
/// Scheme B: partner_key + code + command + partner_id + request_id + serial + telco.
PAYGW_EXPORT std::string sign_scheme_b(std::string_view partner_key, const SignFields& fields);

/// Lower-case hex MD5 of scheme(partner_key, fields). Errors: kInternal (OpenSSL). Thread-safe.
PAYGW_EXPORT Result<std::string> sign(const Secret& partner_key, const SignFields& fields, const SignScheme& scheme);

/// How requests are sent.
enum class Encoding {
  kForm,   ///< POST application/x-www-form-urlencoded (default).
  kJson,   ///< POST application/json.
  kQuery,  ///< GET with the fields in the query string (the sign then travels in URLs: avoid).
};

/// Client configuration (plus the shared ClientOptions; transport is required).
struct Config : ClientOptions {
  std::string base_url;  ///< e.g. "https://thesieure.com"; https only (http just for a loopback sandbox).
  std::string path = "/chargingws/v2";  ///< The API path under base_url.
  /// The grouped fee table's path under base_url (get_price_table: `GET {price_path}?partner_id=`),
  /// or "" when the host is not known to serve one (get_price_table then fails, nothing sent).
  /// The default is the provider documentation's; apply_profile sets the profile's.
  std::string price_path = "/chargingws/price";
  /// The serial pre-check's path under base_url (check_serial: `POST {serial_check_path}?telco=&
  /// serial=&partner_id=&sign=`), or "" when the host documents none (check_serial then fails,
  /// nothing sent). The default is the provider documentation's; apply_profile sets the profile's.
  std::string serial_check_path = "/api/checkcard";
  std::string partner_id;                  ///< Required.
  Secret partner_key;                      ///< Required.
  SignScheme sign_scheme = sign_scheme_a;  ///< How `sign` is built (the provider says which scheme).
  Encoding encoding = Encoding::kForm;     ///< How requests are sent.
  /// The card values each telco sells (VND); submit() refuses any other declared amount.
  std::map<std::string, std::vector<Vnd>> denominations = default_denominations();
  /// Accepted spellings of a telco name -> its canonical name (e.g. "VT" -> "VIETTEL").
  std::map<std::string, std::string> telco_aliases = default_telco_aliases();
  /// The telco name sent to the provider for each canonical telco when it differs (e.g.
  /// {"VNMOBI", "VIETNAMOBILE"} for hosts that spell it so). Empty = send the canonical name.
  std::map<std::string, std::string> telco_wire_names;
  /// A Config from the environment (docs/sandbox-and-cli.md, "Environment variables"): the
  /// required PAYGW_CHARGING_BASE_URL, PAYGW_CHARGING_PARTNER_ID and PAYGW_CHARGING_PARTNER_KEY, and
  /// the optional PAYGW_CHARGING_SCHEME (`a` or `b`: sign_scheme_a / sign_scheme_b) and
  /// PAYGW_CHARGING_PROFILE (a built-in provider profile by name, paygw/charging/profiles.hpp:
  /// applied first, its base URL standing in for an unset PAYGW_CHARGING_BASE_URL and its scheme
  /// for an unset PAYGW_CHARGING_SCHEME; an unknown name is a kConfig error naming the known
  /// profiles). `lookup` reads the variables (the process environment when empty). The transport and the other
  /// ClientOptions are left to set before Client::create. Errors: kConfig naming every missing
  /// variable, or a variable with a value it cannot take (never the value of a secret).
  /// Thread-safe as long as nothing changes the environment meanwhile.
  PAYGW_EXPORT static Result<Config> from_env(const EnvLookup& lookup = {});
};

/// Card-charging client: a cheap, copyable handle over a Connection.
///
/// submit() sends command=charging, check() command=check for the same card and request_id (the
/// provider answers CARD_NOT_EXISTS when the fields differ from the submission). Both return the
/// provider's verdict as a ChargeResult — pending, wrong value, card error, maintenance, duplicate
/// request ... are values, not errors.
///
/// Errors: kInvalidArgument (validation; nothing sent): unknown telco, code/serial empty or not
/// letters/digits, declared value not a denomination of the telco, request_id empty, longer than
/// 64 or not visible ASCII. kHttpStatus: the host answered non-2xx (Error::http_status). kMalformed:
/// the answer is not a result, names another request_id than the one sent, or carries money out
/// of range (negative, above kMaxAmountVnd, a credit above the card's value, a value above the
/// telco's largest denomination). Transport errors keep their Delivery. Every error after an
/// answer is Delivery::kMaybeSent; outcome_unknown() says whether the card may have been charged
/// without the answer saying so: true after a 5xx or an unreadable or mismatched 2xx answer (and a
/// failure after sending), false after a 4xx (the host refused the request).
///
/// check() and get_fees() are reads, retried per Config::retry. submit() is resent only when the
/// request was certainly not sent. After an error with outcome_unknown(), do not submit the
/// card again (a second submission may be charged or flagged as duplicate): call check() with the
/// same request until it is final — see docs/charging.md. Every call has an `_async` twin with
/// the same validation, retries and results.
///
/// Thread safety: a Client is immutable; copies share one Connection and all methods may be
/// called concurrently.
class PAYGW_EXPORT Client {
 public:
  /// Validates the configuration and makes the real connection (make_connection).
  /// Errors: kConfig naming the missing/invalid setting.
  [[nodiscard]] static Result<Client> create(Config config);
  /// A client over any Connection, e.g. paygw::testing::MockChargingConnection. `connection` must not be null.
  explicit Client(std::shared_ptr<Connection> connection) : connection_(std::move(connection)) {}

  // BEGIN generated from src/charging/endpoints.rows by tools/codegen; do not edit
  /// command=charging. A payment write.
  Result<ChargeResult> submit(const CardRequest& card, const CallOptions& options = {}) const {
    return connection_->submit(card, options);
  }
  /// submit without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<ChargeResult>> submit_async(const CardRequest& card, const CallOptions& options = {}) const {
    return connection_->submit_async(card, options);
  }
  /// submit without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void submit_async(const CardRequest& card, Completion<ChargeResult> done, const CallOptions& options = {}) const {
    connection_->submit_async(card, std::move(done), options);
  }
  /// command=check: the current state of a submitted card (same fields as the submission). A read.
  Result<ChargeResult> check(const CardRequest& card, const CallOptions& options = {}) const {
    return connection_->check(card, options);
  }
  /// check without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<ChargeResult>> check_async(const CardRequest& card, const CallOptions& options = {}) const {
    return connection_->check_async(card, options);
  }
  /// check without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void check_async(const CardRequest& card, Completion<ChargeResult> done, const CallOptions& options = {}) const {
    connection_->check_async(card, std::move(done), options);
  }
  /// GET {path}/getfee?partner_id=…: the fee table (flat list or grouped by telco). A read.
  Result<FeeTable> get_fees(const CallOptions& options = {}) const { return connection_->get_fees(options); }
  /// get_fees without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<FeeTable>> get_fees_async(const CallOptions& options = {}) const {
    return connection_->get_fees_async(options);
  }
  /// get_fees without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void get_fees_async(Completion<FeeTable> done, const CallOptions& options = {}) const {
    connection_->get_fees_async(std::move(done), options);
  }
  /// GET {price_path}?partner_id=…: the fee table grouped by telco (`/chargingws/price`, the
  /// provider documentation's), with every telco listed. kInvalidArgument (nothing sent) when
  /// Config::price_path is empty (a profile whose host is not known to serve it). A read.
  Result<PriceTable> get_price_table(const CallOptions& options = {}) const {
    return connection_->get_price_table(options);
  }
  /// get_price_table without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<PriceTable>> get_price_table_async(const CallOptions& options = {}) const {
    return connection_->get_price_table_async(options);
  }
  /// get_price_table without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void get_price_table_async(Completion<PriceTable> done, const CallOptions& options = {}) const {
    connection_->get_price_table_async(std::move(done), options);
  }
  /// POST {serial_check_path}?telco=&serial=&partner_id=&sign= (`/api/checkcard`, sign =
  /// md5(partner_key + serial)): whether a card's serial was already used, before submitting it.
  /// The provider's refusal is kProvider with its message; kInvalidArgument (nothing sent) when
  /// Config::serial_check_path is empty or the telco or serial is invalid. A read.
  Result<SerialCheck> check_serial(const SerialCheckRequest& request, const CallOptions& options = {}) const {
    return connection_->check_serial(request, options);
  }
  /// check_serial without blocking: the same validation, retries and result, in a future that never throws.
  std::future<Result<SerialCheck>> check_serial_async(const SerialCheckRequest& request,
                                                      const CallOptions& options = {}) const {
    return connection_->check_serial_async(request, options);
  }
  /// check_serial without blocking, completing into `done` (called exactly once; see paygw::Completion).
  void check_serial_async(const SerialCheckRequest& request, Completion<SerialCheck> done,
                          const CallOptions& options = {}) const {
    connection_->check_serial_async(request, std::move(done), options);
  }
  // END generated

 private:
  std::shared_ptr<Connection> connection_;
};

/// The real connection: validates `config` (as Client::create). Errors: kConfig naming the setting.
[[nodiscard]] PAYGW_EXPORT Result<std::shared_ptr<Connection>> make_connection(Config config);

}  // namespace paygw::charging
