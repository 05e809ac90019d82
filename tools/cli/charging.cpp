// SPDX-License-Identifier: MIT
// paygw CLI — `paygw charging ...`: card submit/check, the fee table, request signing and callback
// verification. A card result sets the exit code: 0 credited, 3 not found, 4 final but not
// credited, 5 not final yet.
#include "charging.hpp"

namespace paygw::cli {

namespace charging_cli {
namespace {

// A submit/check the host refused because of the settings, not the card: what to check, or "".
std::string settings_refusal(const charging::ChargeResult& r) {
  if (r.status_code != 102) return {};
  if (r.message.find("INVALID_SIGNATURE") != std::string::npos) {
    return check_list({"PAYGW_CHARGING_PARTNER_KEY", "PAYGW_CHARGING_SCHEME"});
  }
  if (r.message.find("MERCHANT_NOT_EXISTED") != std::string::npos) return check_list({"PAYGW_CHARGING_PARTNER_ID"});
  return {};
}

}  // namespace

std::string outcome(Output& o, const charging::ChargeResult& r) {
  std::string name = "not_credited";
  o.exit = Exit::kNotCredited;
  if (const std::string check = settings_refusal(r); !check.empty()) {
    name = "configuration";
    o.exit = Exit::kConfig;
    o.note = "reached " + provider_label("charging") + ", refused: " + r.message + " (status " +
             std::to_string(r.status_code) + ") — check " + check + "; the card was not charged";
  } else if (r.credits()) {
    name = "credited";
    o.exit = Exit::kOk;
  } else if (r.status == charging::Status::kNotFound) {
    name = "not_found";
    o.exit = Exit::kNotFound;
  } else if (!r.is_final()) {
    name = "pending";
    o.exit = Exit::kPending;
  }
  return name;
}

}  // namespace charging_cli

namespace {

using charging_cli::Creds;

void card(Output& o, const charging::ChargeResult& r) {
  const std::string outcome = charging_cli::outcome(o, r);
  o.set("status", r.status_code).set("kind", std::string(charging::to_string(r.status))).set("outcome", outcome);
  o.set("final", r.is_final()).set("credits", r.credits()).set("message", r.message).set("request_id", r.request_id);
  o.set("trans_id", r.trans_id).set("telco", r.telco);
  o.maybe("declared_value", r.declared_value)
      .maybe("value", r.value)
      .maybe("card_value", r.card_value)
      .maybe("amount", r.amount);
  o.raw = {std::string(charging::to_string(r.status))};
}

struct CardFlags {
  charging::CardRequest card;
  void add(CLI::App* c) {
    c->add_option("--telco", card.telco, "VIETTEL, VINAPHONE, MOBIFONE, ...")->required();
    c->add_option("--code", card.code, "Card PIN (secret: never printed)")->required();
    c->add_option("--serial", card.serial, "Card serial (secret: never printed)")->required();
    c->add_option("--amount", card.declared_value, "Declared face value in VND")->required()->check(amount_vnd());
    c->add_option("--request-id", card.request_id, "Your unique id for this card")->required();
  }
};

void add_calls(CLI::App& t, Context& ctx, const Creds& creds) {
  {
    auto f = std::make_shared<CardFlags>();
    auto* c = command(t, ctx, "submit",
                      "Submit a card (command=charging). Never resent once it may have been sent: after exit 7, run "
                      "check with the same flags.",
                      [&ctx, creds, f] { return report(ctx, creds->client(ctx).submit(f->card, ctx.call()), card); });
    f->add(c);
  }
  {
    auto f = std::make_shared<CardFlags>();
    auto* c =
        command(t, ctx, "check", "The current state of a submitted card (command=check, same flags as submit). A read.",
                [&ctx, creds, f] { return report(ctx, creds->client(ctx).check(f->card, ctx.call()), card); });
    f->add(c);
  }
  command(t, ctx, "fees", "The fee table (GET {path}/getfee). A read.", [&ctx, creds] {
    return report(ctx, creds->client(ctx).get_fees(ctx.call()), [](Output& o, const charging::FeeTable& table) {
      Json rows = Json::array();
      for (const auto& r : table.rows) {
        rows.push_back({{"telco", r.telco},
                        {"value", r.value},
                        {"fees_percent", r.fees.to_string()},
                        {"penalty_percent", r.penalty.to_string()}});
        o.raw.push_back(r.telco + "\t" + std::to_string(r.value) + "\t" + r.fees.to_string() + "\t" +
                        r.penalty.to_string());
      }
      o.set("rows", rows).set("skipped_rows", static_cast<std::int64_t>(table.skipped_rows));
    });
  });
}

void add_helpers(CLI::App& t, Context& ctx, const Creds& creds) {
  {
    auto f = std::make_shared<charging::CardRequest>();
    auto command_name = std::make_shared<std::string>("charging");
    auto* c = command(
        t, ctx, "sign", "Print the string to sign (key, code and serial redacted) and the sign (no network).",
        [&ctx, creds, f, command_name] {
          const std::string key = creds->partner_key();
          const std::string partner_id = creds->partner_id();  // SignFields holds views
          const charging::SignFields fields{partner_id, *command_name, f->request_id, f->telco, f->code, f->serial};
          auto sig = charging::sign(Secret(key), fields, creds->sign_scheme());
          if (!sig) return fail(ctx, sig.error());
          const std::string shown_key = ctx.shown(key), shown_code = ctx.shown(f->code),
                            shown_serial = ctx.shown(f->serial);
          const charging::SignFields shown{partner_id, *command_name, f->request_id,
                                           f->telco,   shown_code,    shown_serial};
          Output o;
          o.set("string_to_sign", creds->sign_scheme()(shown_key, shown)).set("sign", *sig);
          o.raw = {*sig};
          return print(ctx, o);
        });
    c->add_option("--code", f->code, "Card PIN")->required();
    c->add_option("--serial", f->serial, "Card serial")->required();
    c->add_option("--command", *command_name, "charging or check (scheme b)")
        ->check(CLI::IsMember({"charging", "check"}))
        ->capture_default_str();
    c->add_option("--request-id", f->request_id, "request_id (scheme b)");
    c->add_option("--telco", f->telco, "telco (scheme b)");
  }
  {
    auto f = std::make_shared<CardFlags>();
    auto query = std::make_shared<std::string>();
    auto body = std::make_shared<std::string>();
    auto body_file = std::make_shared<std::string>();
    auto* c =
        command(t, ctx, "verify-callback",
                "Verify a callback against the stored submission (the card flags) and show its result (no network).",
                [&ctx, creds, f, query, body, body_file] {
                  const std::string raw = !body_file->empty() ? read_file(*body_file) : text_or_stdin(*body);
                  if (query->empty() && raw.empty()) throw UsageError{"--query, --body or --body-file is required"};
                  const charging::Submission stored{f->card.request_id, f->card.telco, f->card.code, f->card.serial,
                                                    f->card.declared_value};
                  const Secret key(creds->partner_key());
                  return report(ctx, charging::verify_callback({*query, raw}, key, stored), card);
                });
    f->add(c);
    c->add_option("--query", *query, "The callback's raw query string (GET callbacks)");
    auto* b = c->add_option("--body", *body, "The callback's raw body, or - for standard input (POST callbacks)");
    c->add_option("--body-file", *body_file, "Read the callback body from this file")->excludes(b);
  }
}

}  // namespace

void add_charging_commands(CLI::App& app, Context& ctx) {
  auto creds = std::make_shared<charging_cli::Credentials>();
  CLI::App* t = app.add_subcommand("charging", "Prepaid phone-card charging (/chargingws/v2)");
  t->require_subcommand(1);
  creds->settings = add_settings(*t, "charging");  // --base-url --partner-id --partner-key --scheme
  t->add_option("--profile", creds->profile,
                "A provider profile (paygw charging profiles): its base URL and sign scheme unless --base-url/--scheme "
                "say otherwise, its path and encoding")
      ->check(CLI::IsMember(charging::profile_names(), CLI::ignore_case));
  add_calls(*t, ctx, creds);
  add_helpers(*t, ctx, creds);
  charging_cli::add_row_commands(*t, ctx, creds);
  command(*t, ctx, "profiles",
          "The built-in provider profiles (host, sign scheme, encoding, fee endpoints, serial check, test host). No "
          "network. --raw prints the names.",
          [&ctx] {
            Output o;
            Json list = Json::array();
            for (const auto& name : charging::profile_names()) {
              const auto p = charging::profile(name);
              if (!p) continue;
              list.push_back({{"name", p->name},
                              {"base_url", p->base_url},
                              {"sandbox_base_url", p->sandbox_base_url},
                              {"path", p->path},
                              {"sign_scheme", p->sign_scheme},
                              {"encoding", p->encoding == charging::Encoding::kJson    ? "json"
                                           : p->encoding == charging::Encoding::kQuery ? "query"
                                                                                       : "form"},
                              {"price_path", p->price_path},
                              {"serial_check_path", p->serial_check_path},
                              {"notes", p->notes}});
              o.raw.push_back(p->name);
            }
            o.set("profiles", list);
            return print(ctx, o);
          });
}

}  // namespace paygw::cli
