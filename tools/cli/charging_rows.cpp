// SPDX-License-Identifier: MIT
// paygw CLI — `paygw charging endpoints` and `paygw charging call <endpoint>`: every public row of
// src/charging/endpoints.rows (ADR 0052), the table written by tools/codegen. The JSON (snake_case
// keys, the wire fields; a card's `amount` is its declared value) is read strictly into the typed
// request; the typed client validates, signs and sends it with the row's kind. A card's code and
// serial are never printed (their results and errors do not carry them; the serial check's `serial`
// is "<redacted>"). A card result sets the exit code as `charging submit`/`check` do. The commands
// are row_commands.hpp's, shared with Tingee and TConnect.
#include "charging.hpp"
#include "charging_fields.hpp"
#include "row_commands.hpp"

namespace paygw::cli::charging_cli {
namespace {

/// How the rows of row_commands.hpp reach the card provider.
struct Provider : rows::ProviderBase {
  using Creds = charging_cli::Creds;
  static constexpr const char* kGroup = "charging";
  static constexpr const char* kLabel = "card-charging";
  static constexpr const char* kExample = "submit";
  static constexpr const char* kKeys = "snake_case keys, the wire fields";
  static charging::Client client(const Creds& creds, const Context& ctx) { return creds->client(ctx); }
  /// An unknown card is a result (status 101), not an error: see outcome.
  static bool not_found(const char* /*path*/, const Error& /*e*/) { return false; }
  using ProviderBase::outcome;
  /// 0 credited, 3 not found, 4 final but not credited, 5 not final yet, 8 the settings (ADR 0015).
  static void outcome(Output& out, const charging::ChargeResult& r) {
    out.fields["outcome"] = charging_cli::outcome(out, r);
  }
};
using Row = rows::Row<Provider>;

// clang-format off
const Row kRows[] = {
// BEGIN generated from src/charging/endpoints.rows by tools/codegen; do not edit
{"submit", "POST", "{path}", false, "CardRequest", "ChargeResult", "command=charging. A payment write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, charging::CardRequest>(ctx, creds, row, body, [](const charging::Client& c, const charging::CardRequest& card, const CallOptions& o) { return c.submit(card, o); }); },
 [] { return rows::to_json(charging::CardRequest{}, true); }},
{"check", "POST", "{path}", true, "CardRequest", "ChargeResult", "command=check: the current state of a submitted card (same fields as the submission). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, charging::CardRequest>(ctx, creds, row, body, [](const charging::Client& c, const charging::CardRequest& card, const CallOptions& o) { return c.check(card, o); }); },
 [] { return rows::to_json(charging::CardRequest{}, true); }},
{"get-fees", "GET", "{path}/getfee", true, "none", "FeeTable", "GET {path}/getfee?partner_id=…: the fee table (flat list or grouped by telco). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call_none<Provider, charging::FeeTable>(ctx, creds, row, body, [](const charging::Client& c, const CallOptions& o) { return c.get_fees(o); }); },
 [] { return Json::object(); }},
{"get-price-table", "GET", "{price_path}", true, "none", "PriceTable", "GET {price_path}?partner_id=…: the fee table grouped by telco (`/chargingws/price`, the provider documentation's), with every telco listed. kInvalidArgument (nothing sent) when Config::price_path is empty (a profile whose host is not known to serve it). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call_none<Provider, charging::PriceTable>(ctx, creds, row, body, [](const charging::Client& c, const CallOptions& o) { return c.get_price_table(o); }); },
 [] { return Json::object(); }},
{"check-serial", "POST", "{serial_check_path}", true, "SerialCheckRequest", "SerialCheck", "POST {serial_check_path}?telco=&serial=&partner_id=&sign= (`/api/checkcard`, sign = md5(partner_key + serial)): whether a card's serial was already used, before submitting it. The provider's refusal is kProvider with its message; kInvalidArgument (nothing sent) when Config::serial_check_path is empty or the telco or serial is invalid. A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, charging::SerialCheckRequest>(ctx, creds, row, body, [](const charging::Client& c, const charging::SerialCheckRequest& request, const CallOptions& o) { return c.check_serial(request, o); }); },
 [] { return rows::to_json(charging::SerialCheckRequest{}, true); }},
// END generated
};
// clang-format on

}  // namespace

void add_row_commands(CLI::App& group, Context& ctx, const Creds& creds) {
  rows::add_row_commands<Provider>(group, ctx, creds, kRows);
}

}  // namespace paygw::cli::charging_cli
