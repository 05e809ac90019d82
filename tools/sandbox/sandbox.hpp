// SPDX-License-Identifier: MIT
// paygw-sandbox — what the simulator files share: options, crypto and time helpers written with
// OpenSSL directly (independently of paygw, so that the sandbox catches a client that signs or
// encrypts other bytes than it sends), HTTP helpers, callback delivery, and an independent
// VietQR builder.
#pragma once

#include "server.hpp"
#include "state.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace paygw::sandbox {

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;
  std::string tingee_client_id;
  std::string tingee_secret;
  std::string tingee_signature =
      "raw";                       // raw: HMAC over the exact bytes; reserialized: JSON.stringify(JSON.parse(body))
  std::string tingee_webhook_url;  // where POST /_sandbox/tingee/payments delivers
  std::string tconnect_partner_code;
  std::string tconnect_username;
  std::string tconnect_password;
  std::string tconnect_client_id;
  std::string tconnect_client_secret;
  std::string tconnect_aes_key_hex;
  long tconnect_token_ttl_s = 600;
  std::string tconnect_ipn_url;  // where POST /_sandbox/tconnect/payments delivers
  std::string charging_partner_id;
  std::string charging_partner_key;
  std::string charging_scheme = "A";  // A: key+code+serial; B: key+code+command+partner_id+request_id+serial+telco
  std::string charging_callback_url;
  std::string charging_callback_method = "POST";
  long charging_delay_ms = 300;
  int charging_callback_duplicates = 0;
  bool charging_callback_out_of_order = false;
  bool print_env = false;  // --env: export lines for every credential and the base URLs
  std::string env_file;    // --env-file: the same lines written to this file (mode 0600)
  std::string tls_cert, tls_key;
  long latency_ms = 0;
  std::size_t max_objects = 10'000;            // --max-objects: State::max_objects
  std::size_t max_waiting_connections = 1024;  // --max-waiting-connections: ConnectionThreads
  long keep_alive_s = 1;
  long window_ms = 10 * 60 * 1000;  // Tingee: ±10 min
  long future_tolerance_ms = 5000;  // Tingee: a timestamp slightly ahead of our clock is tolerated
};

// ---- crypto, encoding, time ----

std::string hex(const unsigned char* data, std::size_t n);
std::string hex(const std::string& bytes);
std::optional<std::string> unhex(const std::string& h);
std::string hmac_sha512_hex(const std::string& key, const std::string& message);
std::string md5_hex(const std::string& text);
std::string random_token(std::size_t bytes);
/// TConnect envelope cipher: AES-256-CBC with PKCS#7, through EVP.
std::optional<std::string> aes_cbc(bool encrypt, const std::string& key, const std::string& iv, const std::string& in);
long long now_ms();
/// The sandbox clock: now_ms() plus what POST /_sandbox/clock advanced it by. Token and bill
/// expiry read it; request timestamps (Tingee's ±10 min window) and transaction dates read now_ms().
long long clock_ms();
void advance_clock(long long ms);
long long clock_offset_ms();
/// Vietnam wall-clock time, yyyyMMddHHmmss (+ SSS when `millis`).
std::string vn_now(bool millis);
/// Milliseconds since the epoch of a yyyyMMddHHmmssSSS Vietnam timestamp, or -1.
long long parse_vn_timestamp(const std::string& ts);

/// JSON.stringify(JSON.parse(text)) as Node.js computes it: compact, members in parse order
/// (integer-like keys first, ascending, as V8 orders them), the last of duplicate keys winning,
/// raw UTF-8, integral numbers without a fraction. nullopt when `text` is not JSON.
std::optional<std::string> js_restringify(const std::string& text);

/// A VietQR string (NAPAS, to account), written here from the EMVCo rules: 00, 01 (11/12), 38,
/// 53 704, 54 when amount > 0, 58 VN, 62.08 `purpose` (ASCII, <= 25), 63 CRC-16/CCITT-FALSE.
std::string build_vietqr(const std::string& bin, const std::string& account, long long amount,
                         const std::string& purpose);

// ---- the VietQR bank directory (banks.cpp; src/vietqr/banks.tsv compiled in) ----

/// One bank of src/vietqr/banks.tsv.
struct DirectoryBank {
  std::string bin;
  std::string code;
  std::string short_name;
  std::string name;
  std::string tingee_code;  ///< Tingee's BankNameEnum, or "" when Tingee does not serve the bank.
};
/// The text of src/vietqr/banks.tsv at configure time (generated banks_data.cpp).
const char* banks_tsv();
/// Every bank of the directory, in its order.
const std::vector<DirectoryBank>& directory_banks();
/// The BIN of Tingee's bank `bank_name` (BankNameEnum: "VCB", "CTG", ...), or "".
std::string tingee_bank_bin(const std::string& bank_name);
/// Tingee's get-banks answer: the directory's banks that have a Tingee code, as Tingee writes them.
Json tingee_banks_json();
/// GET /_sandbox/banks: the whole directory, {"code": "00", "desc", "data": [{bin, code, shortName, name}]}.
void install_banks(httplib::Server& server);

/// The purpose (tag 62, sub-tag 08) of an EMVCo QR string, or "" (the sandbox's create-qr puts the
/// order id there, so a soundbox push, which carries no order id, is found by its QR's).
std::string vietqr_purpose(const std::string& qr);

// ---- HTTP ----

using Handler = std::function<void(const httplib::Request&, const std::string& body, httplib::Response&)>;

/// Serves POST `path`. The body is read only when the request announces one (Content-Length or
/// chunked): httplib would otherwise wait for the connection to close and answer 400. A body over
/// kMaxBodyBytes is refused (413, connection closed) before it is read: by its Content-Length, or
/// as soon as a chunked one passes the limit.
void post(httplib::Server& server, const std::string& path, Handler handler);
/// Parameters of the query string and of a form-encoded body (later ones win).
std::map<std::string, std::string> form_fields(const httplib::Request& req, const std::string& body);
void json_reply(httplib::Response& res, int status, const Json& body);
/// An admin endpoint's error: 400 {"message": ...}.
void bad_request(httplib::Response& res, const std::string& message);
/// A count field of an admin request (`duplicates`): absent = 0; else an integer 0..`max`, or
/// nullopt after a 400 reply naming the field.
std::optional<int> count_field(const Json& in, const char* name, int max, httplib::Response& res);
/// A boolean field of an admin request (`out_of_order`): absent = false; else true or false, or
/// nullopt after a 400 reply naming the field.
std::optional<bool> flag_field(const Json& in, const char* name, httplib::Response& res);
/// Extra copies of a simulated payment's webhook or IPN at most (`duplicates`).
inline constexpr int kMaxDuplicates = 10;

/// Delivers a callback to `url` (POST `body`, or GET with `params` as the query when `get`),
/// retrying up to `attempts` times with a growing pause on anything but 2xx; each attempt is
/// recorded in the event log. Returns the status of each attempt (0 = no answer).
std::vector<int> deliver(State& state, const std::string& url, bool get, const std::string& body,
                         const httplib::Params& params, const httplib::Headers& headers, Json event, int attempts = 3);

// ---- the simulators (one file each) ----

/// Tingee's request authentication (headers, client id, timestamp window, signature); on failure
/// the error reply is written and false returned.
bool tingee_authenticate(const Options& options, const httplib::Request& req, const std::string& body,
                         httplib::Response& res);
/// A signed Tingee POST endpoint taking a JSON object; the handler runs under the state lock.
void tingee_post(httplib::Server& server, const Options& options, State& state, const std::string& path,
                 std::function<void(const Json& body, httplib::Response& res)> handler);
/// Tingee's envelope {"code", "message", "data"} with HTTP 200.
void tingee_reply(httplib::Response& res, const std::string& code, const std::string& message,
                  const Json& data = nullptr);
/// A Tingee page of `items` (a JSON array) as the request's skipCount/maxResultCount (0/10 by
/// default) cut it: {"totalCount", "items"} in Tingee's success envelope.
void tingee_page_reply(httplib::Response& res, const Json& request, const Json& items);

// ---- what the stateful Tingee simulations share (tingee.cpp) ----

/// True when `field` of the request body `b` is a non-empty string.
bool text(const Json& b, const char* field);
/// A NestJS-style 400 `{message, error: "Bad Request", statusCode: 400}`, as Tingee answers a DTO
/// it refuses.
void invalid(httplib::Response& res, const std::string& message);
/// Tingee's BankNameEnum of a BIN ("" when Tingee does not serve the bank).
std::string bank_name_of(const std::string& bin);
/// The BIN a request names by bankBin or bankName (one Tingee serves), or "".
std::string bin_of(const Json& b);
/// ISO-8601 UTC of the sandbox clock, as Tingee writes creationTime.
std::string iso_now();

/// True, with Tingee's error envelope written to `res` (code "SBX-FULL"), when `count` objects of
/// `what` already exist (State::max_objects); false (nothing written) while there is room for one more.
bool tingee_world_full(const State& state, std::size_t count, const std::string& what, httplib::Response& res);

void install_tingee_devices(httplib::Server& server, const Options& options, State& state);
void install_tingee_bank(httplib::Server& server, const Options& options, State& state);
/// Virtual accounts (create-va … get-va-paging, tingee_va.cpp): VAs and their OTP sessions.
void install_tingee_va(httplib::Server& server, const Options& options, State& state);
/// Direct debit (/v1/direct-debit/..., tingee_direct_debit.cpp): subscriptions, debits, refunds.
void install_tingee_direct_debit(httplib::Server& server, const Options& options, State& state);
/// generate-viet-qr, get-account-number-info-by-qr-code, deep links, create-bank-link-session and
/// device/read-amount (tingee_misc.cpp).
void install_tingee_misc(httplib::Server& server, const Options& options, State& state);
/// Shops and Master-Merchant administration (/v1/shop/..., /v1/merchant/..., tingee_merchant.cpp).
void install_tingee_merchants(httplib::Server& server, const Options& options, State& state);
/// E-invoices (/v1/e-invoice/... but get-provider, tingee_e_invoice.cpp): provider accounts and invoices.
void install_tingee_e_invoice(httplib::Server& server, const Options& options, State& state);
void install_tconnect(httplib::Server& server, const Options& options, State& state);
void install_charging(httplib::Server& server, const Options& options, State& state, Scheduler& scheduler);
/// Fault injection; each fault applied is noted in the screens page's log.
void install_faults(httplib::Server& server, State& state);

}  // namespace paygw::sandbox
