// SPDX-License-Identifier: MIT
// paygw CLI — `paygw trigger ...`: simulated payments against paygw-sandbox (docs/sandbox-and-cli.md,
// "trigger and listen"; ADR 0039). Each command maps onto the sandbox's existing admin endpoints:
//   tingee    POST /_sandbox/tingee/payments (the QR a device shows: GET /_sandbox/devices)
//   tconnect  POST /_sandbox/tconnect/payments (an order, or the order a Smart POS shows)
//   charging  a card submitted through /chargingws/v2 whose code the sandbox settles by callback
//             (its copies and stale pending callback: POST /_sandbox/charging/callbacks first)
// --out-of-order and --debit are defined per provider in ADR 0039's amendment.
#include "cli.hpp"
#include "sandbox_http.hpp"

#include <cstdlib>
#include <iostream>
#include <random>
#include <thread>

namespace paygw::cli {
namespace {

struct TriggerFlags {
  std::string sandbox;  ///< --sandbox, else $PAYGW_SANDBOX_URL, else the provider's base URL.
  std::int64_t duplicates = 0;
  std::int64_t delay_ms = 0;
  bool out_of_order = false;  ///< --out-of-order: the first delivery overtakes the provider's list (ADR 0039).
  std::string url;            ///< Where the sandbox delivers (else its --tingee-webhook-url / --tconnect-ipn-url).
};
using Flags = std::shared_ptr<TriggerFlags>;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

std::string sandbox_url(const TriggerFlags& f, const char* provider_env) {
  if (!f.sandbox.empty()) return f.sandbox;
  if (std::string v = env("PAYGW_SANDBOX_URL"); !v.empty()) return v;
  if (std::string v = env(provider_env); !v.empty()) return v;
  throw UsageError{std::string("--sandbox (or $PAYGW_SANDBOX_URL, or $") + provider_env + ") is required"};
}

// A call to the sandbox's admin API; a connection failure is exit 6 (nothing was sent) only when
// it failed before connecting, which httplib does not tell apart: say so and exit 7.
struct AdminError {
  Exit exit;
  std::string message;
};

Json admin(const std::string& base, const std::string& method, const std::string& path, const Json& body,
           const Context& ctx) {
  const SplitUrl u = split_url(base, "--sandbox");
  const std::string prefix = u.path == "/" ? "" : (u.path.back() == '/' ? u.path.substr(0, u.path.size() - 1) : u.path);
  auto client = bounded_client(u.origin, ctx.globals.timeout_s ? static_cast<int>(*ctx.globals.timeout_s) : 30);
  if (!ctx.globals.ca_file.empty()) client.set_ca_cert_path(ctx.globals.ca_file);
  const httplib::Result r =
      method == "GET" ? client.Get(prefix + path) : client.Post(prefix + path, body.dump(), "application/json");
  if (!r) {
    throw AdminError{
        method == "GET" ? Exit::kNotSent : Exit::kOutcomeUnknown,
        "the sandbox at " + base + " did not answer " + method + " " + path + ": " + httplib::to_string(r.error())};
  }
  const Json answer = Json::parse(r->body, nullptr, false);
  if (r->status != 200 || answer.is_discarded()) {
    throw AdminError{Exit::kFailed,
                     method + " " + path + " -> HTTP " + std::to_string(r->status) + ": " + r->body.substr(0, 300)};
  }
  if (ctx.globals.verbose) std::cerr << "paygw: " << method << " " << path << " -> " << r->status << "\n";
  return answer;
}

// What `device` shows now (GET /_sandbox/devices): its screen {"event", "detail", "at_ms"}.
Json screen_of(const std::string& base, const std::string& device, const Context& ctx) {
  const Json devices = admin(base, "GET", "/_sandbox/devices", nullptr, ctx);
  for (const auto& d : devices) {
    if (d.value("device", "") != device) continue;
    if (!d.contains("screen") || !d["screen"].is_object())
      throw AdminError{Exit::kNotFound, "device " + device + " shows nothing to pay (no QR or order on its screen)"};
    return d["screen"];
  }
  throw AdminError{Exit::kNotFound, "the sandbox has no device " + device + " (GET /_sandbox/devices lists them)"};
}

void wait_delay(const TriggerFlags& f, const Context& ctx) {
  if (f.delay_ms <= 0) return;
  if (ctx.globals.verbose) std::cerr << "paygw: waiting " << f.delay_ms << " ms (--delay)\n";
  std::this_thread::sleep_for(std::chrono::milliseconds(f.delay_ms));
}

// The sandbox's answer {"deliveries": [status, ...]} as the command's result: exit 0 when at least
// one delivery was answered 2xx, 1 when none was (the receiver refused it or was unreachable).
int finish(const Context& ctx, Output& out, const Json& answer) {
  const Json deliveries = answer.value("deliveries", Json::array());
  bool delivered = false;
  for (const auto& s : deliveries) delivered = delivered || (s.is_number_integer() && s.get<int>() / 100 == 2);
  out.set("deliveries", deliveries).set("delivered", delivered);
  if (!delivered) out.exit = Exit::kFailed;
  return print(ctx, out);
}

int run_guarded(const Context& ctx, const std::function<int()>& body) {
  try {
    return body();
  } catch (const AdminError& e) {
    if (ctx.globals.json)
      std::cout << Json{{"error", {{"message", e.message}, {"exit_code", static_cast<int>(e.exit)}}}}.dump(2) << "\n";
    std::cerr << "paygw: " << e.message << "\n";
    return static_cast<int>(e.exit);
  }
}

struct TingeeTrigger {
  std::string device, bill_id, va, content;
  std::optional<std::int64_t> amount;
  bool debit = false;  ///< --debit: money out of the account (the webhook says "type": "DEBIT").
};

int trigger_tingee(const Context& ctx, const TriggerFlags& f, const TingeeTrigger& t) {
  const std::string base = sandbox_url(f, "PAYGW_TINGEE_BASE_URL");
  Json body = Json::object();
  Output out;
  out.set("provider", "tingee");
  std::optional<std::int64_t> shown_amount;
  std::string bill_id = t.bill_id, va = t.va, content = t.content;
  if (!t.device.empty()) {
    const Json screen = screen_of(base, t.device, ctx);
    const Json detail = screen.value("detail", Json::object());
    if (screen.value("event", "") != "display-qr" || !detail.contains("qrCode")) {
      throw AdminError{Exit::kNotFound,
                       "device " + t.device + " does not show a QR now (it shows '" + screen.value("event", "") + "')"};
    }
    out.set("device", t.device);
    if (detail.contains("amount") && detail["amount"].is_number_integer() && detail["amount"].get<std::int64_t>() > 0)
      shown_amount = detail["amount"].get<std::int64_t>();
    if (bill_id.empty()) bill_id = detail.value("billId", "");
    auto qr = vietqr::parse(detail.value("qrCode", ""));
    if (qr) {
      if (va.empty() && bill_id.empty()) va = qr->account;
      if (content.empty()) content = qr->purpose;
      if (!shown_amount && qr->amount) shown_amount = *qr->amount;
    } else if (bill_id.empty()) {
      throw AdminError{Exit::kFailed,
                       "device " + t.device + " shows a QR that is not a valid VietQR (" + describe(qr.error()) + ")"};
    }
  }
  const std::optional<std::int64_t> amount = t.amount ? t.amount : shown_amount;
  if (!amount && bill_id.empty()) throw UsageError{"--amount is required (or --device showing a QR with an amount)"};
  if (amount) body["amount"] = *amount;
  if (!va.empty()) body["vaAccountNumber"] = va;
  body["content"] = content;
  if (!bill_id.empty()) body["billId"] = bill_id;
  if (f.duplicates > 0) body["duplicates"] = f.duplicates;
  if (f.out_of_order) body["out_of_order"] = true;
  if (t.debit) body["type"] = "DEBIT";
  if (!f.url.empty()) body["url"] = f.url;
  wait_delay(f, ctx);
  const Json answer = admin(base, "POST", "/_sandbox/tingee/payments", body, ctx);
  if (t.debit) out.set("type", "DEBIT");
  if (f.out_of_order) out.set("out_of_order", true);
  out.set("transaction_code", answer.value("transactionCode", ""));
  if (amount) out.set("amount", *amount);
  if (shown_amount) out.set("shown_amount", *shown_amount);
  if (amount && shown_amount && *amount != *shown_amount) out.set("wrong_amount", true);
  if (!bill_id.empty()) out.set("bill_id", bill_id);
  out.set("content", content).set("copies", 1 + f.duplicates);
  out.raw = {answer.value("transactionCode", "")};
  return finish(ctx, out, answer);
}

struct TconnectTrigger {
  std::string device, order, payment_type = "QR", acc_no, narrative;
  std::optional<std::int64_t> amount;
};

int trigger_tconnect(const Context& ctx, const TriggerFlags& f, const TconnectTrigger& t) {
  const std::string base = sandbox_url(f, "PAYGW_TCONNECT_BASE_URL");
  Output out;
  out.set("provider", "tconnect");
  std::string order = t.order;
  std::optional<std::int64_t> shown_amount;
  if (!t.device.empty()) {
    const Json screen = screen_of(base, t.device, ctx);
    const Json detail = screen.value("detail", Json::object());
    const std::string event = screen.value("event", "");
    if (event != "push-pos" && event != "push-soundbox") {
      throw AdminError{Exit::kNotFound, "device " + t.device + " shows no order or QR now (it shows '" + event + "')"};
    }
    out.set("device", t.device);
    if (order.empty()) order = detail.value("order_id", "");
    if (detail.contains("amount") && detail["amount"].is_number_integer())
      shown_amount = detail["amount"].get<std::int64_t>();
  }
  if (order.empty()) throw UsageError{"--order is required (or --device showing a pushed order)"};
  const std::optional<std::int64_t> amount = t.amount ? t.amount : shown_amount;
  Json body = {{"order_id", order}, {"payment_type", t.payment_type}};
  if (amount) body["amount"] = *amount;  // else the order's pending amount, as the sandbox knows it
  if (!t.acc_no.empty()) body["acc_no"] = t.acc_no;
  if (!t.narrative.empty()) body["narrative"] = t.narrative;
  if (f.duplicates > 0) body["duplicates"] = f.duplicates;
  if (f.out_of_order) body["out_of_order"] = true;
  if (!f.url.empty()) body["url"] = f.url;
  wait_delay(f, ctx);
  const Json answer = admin(base, "POST", "/_sandbox/tconnect/payments", body, ctx);
  if (f.out_of_order) out.set("out_of_order", true);
  out.set("order_id", order).set("request_id", answer.value("request_id", ""));
  if (amount) out.set("amount", *amount);
  if (shown_amount) out.set("shown_amount", *shown_amount);
  if (amount && shown_amount && *amount != *shown_amount) out.set("wrong_amount", true);
  out.set("copies", 1 + f.duplicates);
  out.raw = {answer.value("request_id", "")};
  return finish(ctx, out, answer);
}

struct ChargingTrigger {
  std::string base_url, partner_id, partner_key, scheme = "a";
  std::string request_id, telco = "VIETTEL", code, serial;
  std::int64_t amount = 50000;
  std::int64_t status = 1;
};

// A credential the command cannot run without: its flag, else its variable (read by CLI11).
std::string need(const std::string& value, const std::string& flag, const std::string& env) {
  if (value.empty()) throw ConfigError{flag + " (or $" + env + ") is required"};
  return value;
}

std::string random_digits(std::size_t n) {
  std::random_device rd;
  std::uniform_int_distribution<int> digit(0, 9);
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(static_cast<char>('0' + digit(rd)));
  return out;
}

int trigger_charging(const Context& ctx, const TriggerFlags& f, ChargingTrigger t) {
  // The sandbox scripts a card by its code's last digit; only 8 (-> 3) and 5..9 but 8 (-> 1) are
  // settled later by callback (1..4 answer at once, 0 fails): see tools/sandbox/charging.cpp.
  if (t.code.empty()) t.code = random_digits(14) + (t.status == 3 ? "8" : "9");
  if (t.serial.empty()) t.serial = random_digits(14);
  const char last = t.code.back();
  if (last < '5' || last > '9') {
    throw UsageError{"--code must end in 5..9: the sandbox settles only those cards by callback (8 -> status 3)"};
  }
  const std::int64_t expected = last == '8' ? 3 : 1;
  charging::Config c;
  c.base_url = t.base_url.empty() ? sandbox_url(f, "PAYGW_CHARGING_BASE_URL") : t.base_url;
  c.partner_id = need(t.partner_id, "--partner-id", "PAYGW_CHARGING_PARTNER_ID");
  c.partner_key = Secret(need(t.partner_key, "--partner-key", "PAYGW_CHARGING_PARTNER_KEY"));
  c.sign_scheme = t.scheme == "b" ? charging::sign_scheme_b : charging::sign_scheme_a;
  ctx.apply(c);
  auto client = charging::Client::create(c);
  if (!client) throw UsageError{describe(client.error())};
  wait_delay(f, ctx);
  if (f.duplicates > 0 || f.out_of_order) {  // how the sandbox sends this card's callback
    admin(c.base_url, "POST", "/_sandbox/charging/callbacks",
          Json{{"request_id", t.request_id}, {"duplicates", f.duplicates}, {"out_of_order", f.out_of_order}}, ctx);
  }
  const charging::CardRequest card{t.telco, t.code, t.serial, t.amount, t.request_id};
  auto submitted = client->submit(card, ctx.call());
  if (!submitted) return fail(ctx, submitted.error());
  Output out;
  out.set("provider", "charging").set("request_id", t.request_id).set("telco", t.telco).set("amount", t.amount);
  out.set("code", ctx.shown(t.code)).set("serial", ctx.shown(t.serial));
  out.set("status_now", submitted->status_code).set("callback_status", expected);
  out.set("copies", 1 + f.duplicates);
  if (f.out_of_order) out.set("out_of_order", true);
  if (submitted->status != charging::Status::kPending) {
    out.set("message", submitted->message);
    out.exit = Exit::kFailed;
  } else {
    out.set("callback", "the sandbox sends it after its --charging-delay-ms to its --charging-callback-url");
  }
  out.raw = {t.telco + " " + ctx.shown(t.code) + " " + ctx.shown(t.serial) + " " + std::to_string(t.amount) + " " +
             t.request_id};
  return print(ctx, out);
}

void add_common(CLI::App* c, const Flags& f, bool url, const char* out_of_order_help) {
  c->add_option("--duplicates", f->duplicates, "Extra copies of the delivery (the sandbox sends 1 + N)")
      ->check(whole_number(0, 10));
  c->add_flag("--out-of-order", f->out_of_order, out_of_order_help);
  c->add_option("--delay", f->delay_ms, "Wait this many milliseconds before triggering")
      ->check(whole_number(0, 600000));
  if (url) c->add_option("--url", f->url, "Deliver here instead of the sandbox's configured webhook/IPN URL");
}

}  // namespace

void add_trigger_commands(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<TriggerFlags>();
  CLI::App* t = app.add_subcommand(
      "trigger", "Simulate a payment on paygw-sandbox: pay the QR a device shows, a TConnect order, a card's callback");
  t->require_subcommand(1);
  t->add_option("--sandbox", f->sandbox, "The sandbox's URL (default: the provider's base URL variable)")
      ->envname("PAYGW_SANDBOX_URL");
  {
    auto o = std::make_shared<TingeeTrigger>();
    auto* c = command(*t, ctx, "tingee",
                      "A Tingee payment webhook (POST /_sandbox/tingee/payments): --device pays the QR it shows",
                      [&ctx, f, o] { return run_guarded(ctx, [&] { return trigger_tingee(ctx, *f, *o); }); });
    c->add_option("--device", o->device, "Pay the QR this device shows now (e.g. DEMO-BOX-3LS)");
    c->add_option("--amount", o->amount, "Amount paid (default: the QR's); a different one is the wrong-amount variant")
        ->check(amount_vnd());
    c->add_option("--bill-id", o->bill_id, "Pay this QR bill (its account and amount unless given)");
    c->add_option("--va", o->va, "vaAccountNumber credited (default: the QR's account)");
    c->add_option("--content", o->content, "Transfer content (default: the QR's purpose)");
    auto* debit = c->add_flag("--debit", o->debit,
                              "The debit variant: money out of the account (\"type\": \"DEBIT\"); needs --amount, "
                              "pays no QR or bill; a receiver must not credit it");
    debit->excludes(c->get_option("--device"))->excludes(c->get_option("--bill-id"));
    add_common(c, f, true,
               "Send the first delivery before the sandbox's transaction list shows the payment (the rest after)");
  }
  {
    auto o = std::make_shared<TconnectTrigger>();
    auto* c = command(*t, ctx, "tconnect",
                      "A TConnect payment and its IPN (POST /_sandbox/tconnect/payments): --order, or --device",
                      [&ctx, f, o] { return run_guarded(ctx, [&] { return trigger_tconnect(ctx, *f, *o); }); });
    c->add_option("--order", o->order, "The order paid");
    c->add_option("--device", o->device, "Pay the order this Smart POS shows now (e.g. POS-0001)");
    c->add_option("--amount", o->amount,
                  "Amount paid (default: the order's); a different one is the wrong-amount variant")
        ->check(amount_vnd());
    c->add_option("--payment-type", o->payment_type, "payment_type: QR, card, cash")->capture_default_str();
    c->add_option("--acc-no", o->acc_no, "acc_no (the account credited)");
    c->add_option("--narrative", o->narrative, "narrative (transfer description)");
    add_common(c, f, true,
               "Send the first IPN while the transaction query still shows the order PENDING (the rest after)");
  }
  {
    auto o = std::make_shared<ChargingTrigger>();
    auto* c = command(*t, ctx, "charging",
                      "A card's callback: submits a card the sandbox settles later and reports by callback",
                      [&ctx, f, o] { return run_guarded(ctx, [&] { return trigger_charging(ctx, *f, *o); }); });
    c->add_option("--request-id", o->request_id, "The card's request_id")->required();
    c->add_option("--status", o->status, "Final status the callback carries: 1 (success) or 3 (card error)")
        ->check(CLI::IsMember({1, 3}))
        ->capture_default_str();
    c->add_option("--telco", o->telco, "Telco")->capture_default_str();
    c->add_option("--amount", o->amount, "Declared value (VND)")->check(amount_vnd())->capture_default_str();
    c->add_option("--code", o->code, "Card code (default: random digits ending as --status needs)");
    c->add_option("--serial", o->serial, "Card serial (default: random digits)");
    c->add_option("--base-url", o->base_url, "Charging base URL")->envname("PAYGW_CHARGING_BASE_URL");
    c->add_option("--partner-id", o->partner_id, "partner_id")->envname("PAYGW_CHARGING_PARTNER_ID");
    c->add_option("--partner-key", o->partner_key, "Partner key (prefer the environment)")
        ->envname("PAYGW_CHARGING_PARTNER_KEY");
    c->add_option("--scheme", o->scheme, "Sign scheme a or b")
        ->transform(CLI::IsMember({"a", "b"}, CLI::ignore_case))
        ->capture_default_str();
    c->add_option("--delay", f->delay_ms, "Wait this many milliseconds before submitting")
        ->check(whole_number(0, 600000));
    c->add_option("--duplicates", f->duplicates, "Extra copies of the final callback (the sandbox sends 1 + N)")
        ->check(whole_number(0, 10));
    c->add_flag("--out-of-order", f->out_of_order,
                "After the final callback, a stale pending one (status 99) for the same card");
  }
}

}  // namespace paygw::cli
