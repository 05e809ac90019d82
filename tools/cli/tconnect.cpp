// SPDX-License-Identifier: MIT
// paygw CLI — `paygw tconnect ...`: pushes, VA/QR creation, transaction queries, IPN
// confirmation, order status and QR generate (ADR 0036), and the envelope/IPN helpers.
#include "tconnect.hpp"

#include <fstream>

namespace paygw::cli {
namespace {

using tconnect_cli::Creds;
using tconnect_cli::not_found;

Json parsed(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  return j.is_discarded() ? Json(text) : j;
}

void pushed(Output& o, const tconnect::PushResult& r) {
  o.set("message", r.message);
  o.raw = {r.message};
}

void add_calls(CLI::App& t, Context& ctx, const Creds& creds) {
  const std::string write =
      " A payment write: never resent once it may have been sent; after exit 7 check qr-transactions.";
  {
    auto r = std::make_shared<tconnect::PosPush>();
    auto* c = command(
        t, ctx, "push-pos", "Push an order to a Smart POS (POST /openapi/v1/devices/payments/push, type pos)." + write,
        [&ctx, creds, r] { return report(ctx, creds->client(ctx).push_payment(*r, ctx.call()), pushed, not_found); });
    c->add_option("--serial", r->serial_no, "Device serial number")->required();
    c->add_option("--order-id", r->order_id, "Your invoice code")->required();
    c->add_option("--amount", r->amount, "Amount in VND")->required()->check(amount_vnd());
  }
  {
    auto r = std::make_shared<tconnect::SoundboxPush>();
    auto* c =
        command(t, ctx, "push-soundbox",
                "Push a QR and amount to a soundbox (POST /openapi/v1/devices/payments/push, type soundbox)." + write,
                [&ctx, creds, r] {
                  r->qr_string = text_or_stdin(r->qr_string);
                  while (!r->qr_string.empty() && (r->qr_string.back() == '\n' || r->qr_string.back() == '\r'))
                    r->qr_string.pop_back();
                  return report(ctx, creds->client(ctx).push_payment(*r, ctx.call()), pushed, not_found);
                });
    c->add_option("--serial", r->serial_no, "Device serial number")->required();
    c->add_option("--amount", r->amount, "Amount in VND")->required()->check(amount_vnd());
    c->add_option("--qr-string", r->qr_string, "VietQR string (from create-qr), or - for standard input")->required();
  }
  command(
      t, ctx, "services", "The merchant's services and their BINs (POST /openapi/v1/services). A read.", [&ctx, creds] {
        return report(ctx, creds->client(ctx).get_services(ctx.call()), [](Output& o, const tconnect::ServiceList& s) {
          Json list = Json::array();
          for (const auto& x : s.services) {
            list.push_back({{"service_code", x.service_code}, {"bincode", x.bincode}, {"name", x.name}});
            o.raw.push_back(x.service_code);
          }
          o.set("services", list);
        });
      });
  {
    auto r = std::make_shared<tconnect::CreateVaRequest>();
    auto* c =
        command(t, ctx, "create-va", "Create a virtual account (POST /openapi/v1/va/va-account/create). A write.",
                [&ctx, creds, r] {
                  return report(ctx, creds->client(ctx).create_va(*r, ctx.call()),
                                [](Output& o, const tconnect::VirtualAccount& v) {
                                  o.set("va", v.va).set("account_name", v.account_name).set("bank_code", v.bank_code);
                                  o.raw = {v.va};
                                });
                });
    c->add_option("--bank-code", r->bank_code, "Bank BIN, 6 digits")->required();
    c->add_option("--account-name", r->account_name, "Display name (upper-case ASCII)")->required();
  }
  {
    auto r = std::make_shared<tconnect::CreateQrRequest>();
    auto* c = command(t, ctx, "create-qr",
                      "Create a QR for an order (POST /openapi/v1/qr): dynamic with --amount, else static. A write.",
                      [&ctx, creds, r] {
                        return report(ctx, creds->client(ctx).create_qr(*r, ctx.call()),
                                      [](Output& o, const tconnect::Qr& q) {
                                        o.set("qr_content", q.qr_content).set("dynamic", q.dynamic);
                                        o.raw = {q.qr_content};
                                      });
                      });
    c->add_option("--order-id", r->order_id, "Your order id")->required();
    c->add_option("--va", r->va, "Virtual account number")->required();
    c->add_option("--bincode", r->bincode, "Bank BIN, 6 digits (or the bank's code/short name)")
        ->required()
        ->transform(known_bank());
    c->add_option("--amount", r->amount, "Amount in VND (dynamic QR)")->check(amount_vnd());
    c->add_option("--service-code", r->service_code, "x-service-code (default: --default-service-code)");
  }
  for (const std::string kind : {"qr", "card", "cash"}) {
    auto q = std::make_shared<tconnect::TransactionQuery>();
    std::string description = "Transactions (" + kind;
    description += ") in a time range (POST /openapi/v1/transaction/" + kind + "). A read.";
    auto* c = command(t, ctx, kind + "-transactions", description, [&ctx, creds, q, kind] {
      auto client = creds->client(ctx);
      auto r = kind == "qr"     ? client.get_qr_transactions(*q, ctx.call())
               : kind == "card" ? client.get_card_transactions(*q, ctx.call())
                                : client.get_cash_transactions(*q, ctx.call());
      return report(ctx, r, [](Output& o, const tconnect::TransactionPage& p) {
        Json items = Json::array();
        for (const auto& x : p.items) {
          Json item = parsed(x.json);
          items.push_back(item);
          o.raw.push_back(item.dump());
        }
        o.set("count", static_cast<std::int64_t>(p.items.size())).maybe("total", p.total).set("items", items);
      });
    });
    c->add_option("--from", q->from_date, "\"YYYY-MM-DD HH:MM:SS\" (Vietnam time)")->required();
    c->add_option("--to", q->to_date, "\"YYYY-MM-DD HH:MM:SS\" (Vietnam time)")->required();
    c->add_option("--limit", q->limit, "Records per page")->check(whole_number(1, 1000))->capture_default_str();
    c->add_option("--page", q->page, "1-based page")->check(whole_number(1, 1'000'000))->capture_default_str();
  }
}

void add_helpers(CLI::App& t, Context& ctx, const Creds& creds) {
  {
    auto text = std::make_shared<std::string>();
    auto* c = command(
        t, ctx, "encrypt", "Encrypt a JSON payload into a {\"data\": ...} value (no network).", [&ctx, creds, text] {
          auto data = tconnect::encrypt_envelope(text_or_stdin(*text), creds->key(), creds->format(), *system_random());
          if (!data) return fail(ctx, data.error());
          Output o;
          o.set("data", *data);
          o.raw = {*data};
          return print(ctx, o);
        });
    c->add_option("--plaintext", *text, "JSON text, or - for standard input")->required();
  }
  {
    auto data = std::make_shared<std::string>();
    auto* c = command(t, ctx, "decrypt",
                      "Decrypt an envelope's hex data (no network). Secret members (a login's password and "
                      "client_secret, tokens, keys) are printed <redacted> unless --show-secrets.",
                      [&ctx, creds, data] {
                        std::string hex = text_or_stdin(*data);
                        while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r')) hex.pop_back();
                        auto plain = tconnect::decrypt_envelope(hex, creds->key(), creds->format());
                        if (!plain) return fail(ctx, plain.error());
                        const Json json = parsed(*plain);
                        const bool show = ctx.globals.show_secrets || !json.is_structured();
                        Output o;
                        o.set("plaintext", show ? json : redact_secrets(json));
                        o.raw = {show ? *plain : redact_secrets(json).dump()};
                        return print(ctx, o);
                      });
    c->add_option("--data", *data, "Hex data, or - for standard input")->required();
  }
  {
    auto body = std::make_shared<std::string>();
    auto body_file = std::make_shared<std::string>();
    auto* c = command(t, ctx, "decode-ipn", "Decrypt and check an IPN body {\"data\": ...} (no network).",
                      [&ctx, creds, body, body_file] {
                        const std::string raw = !body_file->empty()
                                                    ? read_file(*body_file)
                                                    : text_or_stdin(given(*body, "--body or --body-file"));
                        return report(ctx, tconnect::decode_ipn(raw, {creds->key()}, creds->format()),
                                      [](Output& o, const tconnect::IpnNotification& n) {
                                        o.set("order_id", n.order_id)
                                            .set("amount", n.amount)
                                            .set("request_id", n.request_id)
                                            .set("acc_no", n.acc_no);
                                        o.set("payment_type", n.payment_type)
                                            .set("retrieval_ref_no", n.retrieval_ref_no)
                                            .set("narrative", n.narrative);
                                        o.set("original_transaction_date", n.original_transaction_date);
                                        o.raw = {n.json};
                                      });
                      });
    auto* b = c->add_option("--body", *body, "The IPN body, or - for standard input");
    c->add_option("--body-file", *body_file, "Read the IPN body from this file")->excludes(b);
  }
}

const char* check_name(tconnect::IpnCheck c) {
  switch (c) {
    case tconnect::IpnCheck::kConfirmed: return "confirmed";
    case tconnect::IpnCheck::kNotFound: return "not_found";
    case tconnect::IpnCheck::kAmountMismatch: return "amount_mismatch";
    case tconnect::IpnCheck::kNotSuccessful: return "not_successful";
  }
  return "unknown";
}

// decode_ipn + confirm_ipn: exit 0 only for kConfirmed (credit), else 3 (no such transaction),
// 5 (not SUCCESS yet: ask again later) or 1 (the amount differs: do not credit).
void add_confirm_ipn(CLI::App& t, Context& ctx, const Creds& creds) {
  auto body = std::make_shared<std::string>();
  auto body_file = std::make_shared<std::string>();
  auto* c = command(
      t, ctx, "confirm-ipn",
      "Decode an IPN body {\"data\": ...} with the configured key and confirm it through the transaction query "
      "(a read). Exit 0 only when TConnect has a SUCCESS transaction of the IPN with its amount: credit only then.",
      [&ctx, creds, body, body_file] {
        const std::string raw =
            !body_file->empty() ? read_file(*body_file) : text_or_stdin(given(*body, "--body or --body-file"));
        auto ipn = tconnect::decode_ipn(raw, {creds->key()}, creds->format());
        if (!ipn) return fail(ctx, ipn.error());
        auto confirmed = creds->client(ctx).confirm_ipn(*ipn, ctx.call());
        if (!confirmed) return fail(ctx, confirmed.error());
        Output o;
        const tconnect::IpnCheck result = confirmed->result;
        o.exit = result == tconnect::IpnCheck::kConfirmed       ? Exit::kOk
                 : result == tconnect::IpnCheck::kNotFound      ? Exit::kNotFound
                 : result == tconnect::IpnCheck::kNotSuccessful ? Exit::kPending
                                                                : Exit::kFailed;
        o.set("result", check_name(result)).set("credit", result == tconnect::IpnCheck::kConfirmed);
        o.set("order_id", ipn->order_id).set("amount", ipn->amount).set("request_id", ipn->request_id);
        o.set("payment_type", ipn->payment_type);
        if (const auto& tx = confirmed->transaction) {
          Json j = {{"order_id", tx->order_id}, {"request_id", tx->request_id}, {"status", tx->status}};
          if (tx->amount) j["amount"] = *tx->amount;
          if (!tx->trn_ref_no.empty()) j["trn_ref_no"] = tx->trn_ref_no;
          o.set("transaction", j);
        }
        o.raw = {check_name(result)};
        return print(ctx, o);
      });
  auto* b = c->add_option("--body", *body, "The IPN body as received, or - for standard input");
  c->add_option("--body-file", *body_file, "Read the IPN body from this file (- for standard input)")->excludes(b);
}

// The undocumented, third-party-observed endpoints (ADR 0036).
void add_order_calls(CLI::App& t, Context& ctx, const Creds& creds) {
  {
    auto r = std::make_shared<tconnect::OrderStatusRequest>();
    auto* c = command(t, ctx, "order-status",
                      "What TConnect knows about one order: its transactions (POST "
                      "/openapi/v1/transaction/qr/order/status, undocumented). A read.",
                      [&ctx, creds, r] {
                        return report(ctx, creds->client(ctx).order_status(*r, ctx.call()),
                                      [](Output& o, const tconnect::OrderStatus& s) {
                                        Json items = Json::array();
                                        for (const auto& x : s.transactions) {
                                          Json item = parsed(x.json);
                                          item["order_id"] = x.order_id;
                                          items.push_back(item);
                                          o.raw.push_back(item.dump());
                                        }
                                        o.set("order_id", s.order_id).set("message", s.message);
                                        o.maybe("total_amount_paid", s.total_amount_paid).set("transactions", items);
                                      });
                      });
    c->add_option("--order-id", r->order_id, "Your order id")->required();
    c->add_option("--acc-no", r->acc_no, "The VA the order is paid to");
    c->add_option("--service-code", r->service_code, "x-service-code (default: --default-service-code)");
  }
  {
    auto r = std::make_shared<tconnect::GenerateQrRequest>();
    auto png_file = std::make_shared<std::string>();
    auto* c = command(t, ctx, "generate-qr",
                      "Create a dynamic QR for an order with its PNG (POST /openapi/v1/transaction/qr/generate, "
                      "undocumented). A write.",
                      [&ctx, creds, r, png_file] {
                        auto qr = creds->client(ctx).generate_qr(*r, ctx.call());
                        if (!qr) return fail(ctx, qr.error());
                        Output o;
                        o.set("qr_content", qr->qr_content).set("dynamic", qr->dynamic);
                        if (!qr->image_png_base64.empty()) {
                          auto png = tconnect::decode_qr_png(*qr);
                          if (!png) return fail(ctx, png.error());
                          o.set("png_bytes", static_cast<std::int64_t>(png->size()));
                          if (!png_file->empty()) {
                            std::ofstream out(*png_file, std::ios::binary);
                            out.write(png->data(), static_cast<std::streamsize>(png->size()));
                            // The QR exists now: report it whatever happens to the file.
                            o.set(out ? "png_file" : "png_file_not_written", *png_file);
                          }
                        }
                        o.raw = {qr->qr_content};
                        return print(ctx, o);
                      });
    c->add_option("--req-id", r->req_id, "Your unique id of this request")->required();
    c->add_option("--order-id", r->order_id, "Your order id")->required();
    c->add_option("--va", r->va, "Virtual account number")->required();
    c->add_option("--bincode", r->bincode, "Bank BIN, 6 digits (or the bank's code/short name)")
        ->required()
        ->transform(known_bank());
    c->add_option("--amount", r->amount, "Amount in VND")->required()->check(amount_vnd());
    c->add_option("--service-code", r->service_code, "x-service-code (default: --default-service-code)");
    c->add_option("--png-file", *png_file, "Write the QR's PNG image (when TConnect sends one) to this file");
  }
}

}  // namespace

void add_tconnect_commands(CLI::App& app, Context& ctx) {
  auto creds = std::make_shared<tconnect_cli::Credentials>();
  CLI::App* t = app.add_subcommand("tconnect", "TConnect Payment Open API (Smart POS, soundbox, VA, QR)");
  t->require_subcommand(1);
  // --base-url --partner-code --username --password --client-id --client-secret --aes-key --key-format
  // --default-service-code, each overriding its PAYGW_TCONNECT_* variable (paygw/env.hpp).
  creds->settings = add_settings(*t, "tconnect");
  add_calls(*t, ctx, creds);
  add_confirm_ipn(*t, ctx, creds);
  add_order_calls(*t, ctx, creds);
  add_helpers(*t, ctx, creds);
  tconnect_cli::add_row_commands(*t, ctx, creds);
}

}  // namespace paygw::cli
