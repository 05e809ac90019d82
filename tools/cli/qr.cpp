// SPDX-License-Identifier: MIT
// paygw CLI — `paygw qr build|parse|render`: VietQR strings and their images, without any network.
#include "cli.hpp"
#include "qr_render.hpp"

#include <iostream>

namespace paygw::cli {
namespace {

void add_build(CLI::App& q, Context& ctx) {
  auto r = std::make_shared<vietqr::BuildRequest>();
  auto service = std::make_shared<std::string>("account");
  auto image = std::make_shared<ImageRequest>();
  auto* c = command(q, ctx, "build",
                    "Build a VietQR string (static, or dynamic with --amount). --raw prints only the string; "
                    "--png/--svg/--terminal also draw it.",
                    [&ctx, r, service, image] {
                      r->service = *service == "card" ? vietqr::Service::kToCard : vietqr::Service::kToAccount;
                      auto qr = vietqr::build(*r);
                      if (!qr) return fail(ctx, qr.error());
                      Output o;
                      o.set("qr", *qr);
                      o.raw = {*qr};
                      const std::string drawn = render_images(ctx, *image, *qr, o);
                      const int code = print(ctx, o);
                      std::cout << drawn;
                      return code;
                    });
  c->add_option("--bin", r->bin, "6-digit bank BIN (38.01.00), or the bank's code or short name (VCB, Vietcombank)")
      ->required()
      ->transform(known_bank());
  c->add_option("--account", r->account, "Account or card number (38.01.01)")->required();
  c->add_option("--service", *service, "account (QRIBFTTA) or card (QRIBFTTC)")
      ->check(CLI::IsMember({"account", "card"}))
      ->capture_default_str();
  c->add_option("--amount", r->amount, "Amount in VND (54): makes the QR dynamic")
      ->check(whole_number(1, 9'999'999'999'999));
  c->add_option("--purpose", r->purpose, "Transfer content (62.08), <= 25 characters");
  c->add_flag("--unicode-purpose", r->unicode_purpose,
              "Keep the purpose's diacritics (lengths in characters, EMVCo); default: ASCII");
  c->add_option("--bill-number", r->bill_number, "Bill number (62.01)");
  c->add_option("--merchant-name", r->merchant_name, "Merchant name (59)");
  c->add_option("--merchant-city", r->merchant_city, "Merchant city (60)");
  c->add_option("--mcc", r->merchant_category_code, "Merchant category code, 4 digits (52)");
  add_image_flags(*c, *image);
}

void add_parse(CLI::App& q, Context& ctx) {
  auto text = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto* c = command(q, ctx, "parse", "Check a VietQR string (CRC, structure, values) and print every field it holds.",
                    [&ctx, text, file] {
                      std::string qr =
                          !file->empty()
                              ? read_file(*file)
                              : text_or_stdin(given(*text, "the QR (a positional argument, - for stdin) or --file"));
                      while (!qr.empty() && (qr.back() == '\n' || qr.back() == '\r')) qr.pop_back();
                      vietqr::Problem problem = vietqr::Problem::kNone;
                      auto info = vietqr::parse(qr, &problem);
                      if (!info) {
                        std::cerr << "paygw: problem: " << vietqr::to_string(problem) << "\n";
                        return fail(ctx, info.error(), false, {{"problem", std::string(vietqr::to_string(problem))}});
                      }
                      Output o;
                      auto text_field = [&o](const char* key, const std::string& v) {
                        if (!v.empty()) o.set(key, v);
                      };
                      o.set("kind", info->dynamic ? "dynamic" : "static")
                          .set("text_lengths", std::string(vietqr::to_string(info->text_lengths)));
                      text_field("guid", info->guid);
                      text_field("bin", info->bin);
                      text_field("account", info->account);
                      text_field("service", info->service);
                      if (info->bin.empty()) text_field("merchant_account", info->merchant_account);
                      o.maybe("amount", info->amount);
                      o.set("currency", info->currency).set("country", info->country);
                      text_field("merchant_category_code", info->merchant_category_code);
                      text_field("merchant_name", info->merchant_name);
                      text_field("merchant_city", info->merchant_city);
                      text_field("postal_code", info->postal_code);
                      text_field("tip_indicator", info->tip_indicator);
                      o.maybe("convenience_fee_fixed", info->convenience_fee_fixed);
                      text_field("convenience_fee_percentage", info->convenience_fee_percentage);
                      text_field("bill_number", info->bill_number);
                      text_field("mobile_number", info->mobile_number);
                      text_field("store_label", info->store_label);
                      text_field("loyalty_number", info->loyalty_number);
                      text_field("reference_label", info->reference_label);
                      text_field("customer_label", info->customer_label);
                      text_field("terminal_label", info->terminal_label);
                      text_field("purpose", info->purpose);
                      text_field("consumer_data_request", info->consumer_data_request);
                      o.set("crc", info->crc);
                      Json unknown = Json::array();
                      for (const auto& t : info->unknown) unknown.push_back({{"id", t.id}, {"value", t.value}});
                      if (!unknown.empty()) o.set("unknown_tags", unknown);
                      return print(ctx, o);
                    });
  auto* positional = c->add_option("qr", *text, "The QR string, or - to read it from standard input");
  c->add_option("--file", *file, "Read the QR string from this file")->excludes(positional);
}

// `paygw qr render <QR>`: the image of a QR string someone else made (a create-qr answer, a
// Tingee bill). It must be a valid VietQR unless --no-check, so that a broken QR is not drawn.
void add_render(CLI::App& q, Context& ctx) {
  auto text = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto any_text = std::make_shared<bool>(false);
  auto image = std::make_shared<ImageRequest>();
  auto* c = command(
      q, ctx, "render",
      "Draw a QR string: --png FILE, --svg FILE and/or --terminal (the default). Checked as a VietQR first.",
      [&ctx, text, file, any_text, image] {
        std::string qr = !file->empty()
                             ? read_file(*file)
                             : text_or_stdin(given(*text, "the QR (a positional argument, - for stdin) or --file"));
        while (!qr.empty() && (qr.back() == '\n' || qr.back() == '\r')) qr.pop_back();
        if (!*any_text) {
          vietqr::Problem problem = vietqr::Problem::kNone;
          auto info = vietqr::parse(qr, &problem);
          if (!info) {
            std::cerr << "paygw: not drawn: not a valid VietQR (" << vietqr::to_string(problem)
                      << "); --no-check draws any text\n";
            return fail(ctx, info.error(), false, {{"problem", std::string(vietqr::to_string(problem))}});
          }
        }
        ImageRequest request = *image;
        if (!request.any() && (ctx.globals.json || ctx.globals.raw))
          throw UsageError{"with --json or --raw, say where the image goes: --png FILE or --svg FILE"};
        if (!request.any()) request.terminal = true;
        Output o;
        o.set("bytes", qr.size());
        const std::string drawn = render_images(ctx, request, qr, o);
        if (request.terminal && request.png.empty() && request.svg.empty()) {
          std::cout << drawn;  // only the picture
          return 0;
        }
        const int code = print(ctx, o);
        std::cout << drawn;
        return code;
      });
  auto* positional = c->add_option("qr", *text, "The QR string, or - to read it from standard input");
  c->add_option("--file", *file, "Read the QR string from this file")->excludes(positional);
  c->add_flag("--no-check", *any_text, "Draw any text, not only a valid VietQR");
  add_image_flags(*c, *image);
}

}  // namespace

void add_qr_commands(CLI::App& app, Context& ctx) {
  CLI::App* q = app.add_subcommand("qr", "VietQR (NAPAS 247) strings and their images, no network");
  q->require_subcommand(1);
  add_build(*q, ctx);
  add_parse(*q, ctx);
  add_render(*q, ctx);
}

}  // namespace paygw::cli
