// SPDX-License-Identifier: MIT
// paygw CLI — `paygw tconnect endpoints` and `paygw tconnect call <endpoint>`: every public,
// non-composite row of src/tconnect/endpoints.rows (ADR 0052), the table written by tools/codegen.
// The JSON (snake_case keys, the C++ names TConnect sends) is read strictly into the typed request;
// the typed client logs in, encrypts and sends it with the row's kind. The commands are
// row_commands.hpp's, shared with Tingee and charging.
#include "row_commands.hpp"
#include "tconnect.hpp"
#include "tconnect_fields.hpp"

namespace paygw::cli::tconnect_cli {
namespace {

/// How the rows of row_commands.hpp reach TConnect.
struct Provider : rows::ProviderBase {
  using Creds = tconnect_cli::Creds;
  static constexpr const char* kGroup = "tconnect";
  static constexpr const char* kLabel = "TConnect";
  static constexpr const char* kExample = "push-payment-pos";
  static constexpr const char* kKeys = "snake_case keys, as TConnect's bodies";
  static tconnect::Client client(const Creds& creds, const Context& ctx) { return creds->client(ctx); }
  /// HTTP 404 (an unknown device serial, an unknown order) on every row.
  static bool not_found(const char* /*path*/, const Error& e) { return tconnect_cli::not_found(e); }
};
using Row = rows::Row<Provider>;

// clang-format off
const Row kRows[] = {
// BEGIN generated from src/tconnect/endpoints.rows by tools/codegen; do not edit
{"push-payment-pos", "POST", "paths.push_payment (/openapi/v1/devices/payments/push)", false, "PosPush", "PushResult", "Pushes an order to a Smart POS (`type: \"pos\"`). Payment write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tconnect::PosPush>(ctx, creds, row, body, [](const tconnect::Client& c, const tconnect::PosPush& push, const CallOptions& o) { return c.push_payment(push, o); }); },
 [] { return rows::to_json(tconnect::PosPush{}, true); }},
{"push-payment-soundbox", "POST", "paths.push_payment (/openapi/v1/devices/payments/push)", false, "SoundboxPush", "PushResult", "Pushes a QR and amount to a soundbox (`type: \"soundbox\"`). Payment write. With Config::validate_qr the QR must parse and its amount (tag 54), if any, equal `amount`.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tconnect::SoundboxPush>(ctx, creds, row, body, [](const tconnect::Client& c, const tconnect::SoundboxPush& push, const CallOptions& o) { return c.push_payment(push, o); }); },
 [] { return rows::to_json(tconnect::SoundboxPush{}, true); }},
{"get-services", "POST", "paths.services (/openapi/v1/services)", true, "none", "ServiceList", "The merchant's services (their `service_code` and `bincode`). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call_none<Provider, tconnect::ServiceList>(ctx, creds, row, body, [](const tconnect::Client& c, const CallOptions& o) { return c.get_services(o); }); },
 [] { return Json::object(); }},
{"create-va", "POST", "paths.create_va (/openapi/v1/va/va-account/create)", false, "CreateVaRequest", "VirtualAccount", "Creates a virtual account. A write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tconnect::CreateVaRequest>(ctx, creds, row, body, [](const tconnect::Client& c, const tconnect::CreateVaRequest& request, const CallOptions& o) { return c.create_va(request, o); }); },
 [] { return rows::to_json(tconnect::CreateVaRequest{}, true); }},
{"create-qr", "POST", "paths.create_qr (/openapi/v1/qr)", false, "CreateQrRequest", "Qr", "Creates a static (no amount) or dynamic (amount > 0) QR for an order. A write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tconnect::CreateQrRequest>(ctx, creds, row, body, [](const tconnect::Client& c, const tconnect::CreateQrRequest& request, const CallOptions& o) { return c.create_qr(request, o); }); },
 [] { return rows::to_json(tconnect::CreateQrRequest{}, true); }},
{"get-qr-transactions", "POST", "paths.qr_transactions (/openapi/v1/transaction/qr)", true, "TransactionQuery", "TransactionPage", "Successful QR payments in a time range. A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tconnect::TransactionQuery>(ctx, creds, row, body, [](const tconnect::Client& c, const tconnect::TransactionQuery& query, const CallOptions& o) { return c.get_qr_transactions(query, o); }); },
 [] { return rows::to_json(tconnect::TransactionQuery{}, true); }},
{"get-card-transactions", "POST", "paths.card_transactions (/openapi/v1/transaction/card)", true, "TransactionQuery", "TransactionPage", "Card transactions in a time range. A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tconnect::TransactionQuery>(ctx, creds, row, body, [](const tconnect::Client& c, const tconnect::TransactionQuery& query, const CallOptions& o) { return c.get_card_transactions(query, o); }); },
 [] { return rows::to_json(tconnect::TransactionQuery{}, true); }},
{"get-cash-transactions", "POST", "paths.cash_transactions (/openapi/v1/transaction/cash)", true, "TransactionQuery", "TransactionPage", "Cash transactions in a time range. A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tconnect::TransactionQuery>(ctx, creds, row, body, [](const tconnect::Client& c, const tconnect::TransactionQuery& query, const CallOptions& o) { return c.get_cash_transactions(query, o); }); },
 [] { return rows::to_json(tconnect::TransactionQuery{}, true); }},
{"generate-qr", "POST", "paths.generate_qr (/openapi/v1/transaction/qr/generate)", false, "GenerateQrRequest", "Qr", "Creates a dynamic QR for an order through `transaction/qr/generate`, with its PNG (Qr::image_png_base64; decode_qr_png gives the bytes). Undocumented by TConnect: the shape is a third-party integration's (ADR 0036). A write.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tconnect::GenerateQrRequest>(ctx, creds, row, body, [](const tconnect::Client& c, const tconnect::GenerateQrRequest& request, const CallOptions& o) { return c.generate_qr(request, o); }); },
 [] { return rows::to_json(tconnect::GenerateQrRequest{}, true); }},
{"order-status", "POST", "paths.order_status (/openapi/v1/transaction/qr/order/status)", true, "OrderStatusRequest", "OrderStatus", "What TConnect knows about one order: its transactions (`transaction/qr/order/status`). Undocumented by TConnect: the shape is a third-party integration's (ADR 0036). A read.",
 [](Context& ctx, const Creds& creds, const Row& row, const Json& body) { return rows::call<Provider, tconnect::OrderStatusRequest>(ctx, creds, row, body, [](const tconnect::Client& c, const tconnect::OrderStatusRequest& request, const CallOptions& o) { return c.order_status(request, o); }); },
 [] { return rows::to_json(tconnect::OrderStatusRequest{}, true); }},
// END generated
};
// clang-format on

}  // namespace

void add_row_commands(CLI::App& group, Context& ctx, const Creds& creds) {
  rows::add_row_commands<Provider>(group, ctx, creds, kRows);
}

}  // namespace paygw::cli::tconnect_cli
