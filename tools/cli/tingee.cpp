// SPDX-License-Identifier: MIT
// paygw CLI — `paygw tingee ...`: every Tingee device call, plus signing and webhook verification
// (the bank group — QR bills, transactions, banks — is in tingee_bills.cpp).
//
// Adding a command for a new client call is a few lines: bind its flags to a request struct held
// in a shared_ptr, and call the client in the action, e.g.
//
//   auto r = std::make_shared<tingee::NfcCommandRequest>();
//   auto* c = command(*t, ctx, "nfc-command", "Push an NFC link (POST /v1/device/nfc-command).",
//                     [&ctx, creds, r] { return report(ctx, creds->client(ctx).nfc_command(*r, ctx.call()), ack,
//                     device_not_found); });
//   c->add_option("--uuid", r->uuid, "Device")->required();
#include "tingee.hpp"

#include <chrono>

namespace paygw::cli {
namespace {

using tingee_cli::ack;
using tingee_cli::Credentials;
using tingee_cli::Creds;
bool not_found(const Error& e) { return tingee_cli::device_not_found(e); }

void refs(Output& o, const tingee::DeviceRefs& r) {
  Json list = Json::array();
  for (const auto& d : r.devices) {
    list.push_back({{"uuid", d.uuid}, {"type", d.type}});
    o.raw.push_back(d.uuid);
  }
  o.set("message", r.message).set("devices", list);
}

void page(Output& o, const tingee::DevicePage& p) {
  Json list = Json::array();
  for (const auto& d : p.items) {
    Json shops = Json::array();
    for (const auto& s : d.shops) shops.push_back({{"id", s.id}, {"name", s.name}});
    Json item = {{"uuid", d.uuid}, {"type", d.type}, {"name", d.name}, {"status", d.status_raw}};
    if (!d.serial_number.empty()) item["serial_number"] = d.serial_number;
    if (!shops.empty()) item["shops"] = shops;
    list.push_back(item);
    o.raw.push_back(d.uuid);
  }
  o.set("total_count", p.total_count).set("devices", list);
}

std::int64_t strict(const std::string& s, const std::string& what) { return parse_whole(s, 0, kMaxAmountVnd, what); }

// The options of the three show-*-qr-code calls (one DTO).
void add_show_qr(CLI::App& t, Context& ctx, const Creds& creds, const std::string& name, const std::string& what,
                 Result<tingee::Ack> (tingee::Client::*call)(const tingee::ShowQrRequest&, const CallOptions&) const) {
  auto r = std::make_shared<tingee::ShowQrRequest>();
  auto* c = command(t, ctx, name,
                    what + " (POST /v1/device/" + name + "). A payment write: never resent once it may have been sent.",
                    [&ctx, creds, r, call] {
                      r->qr_code = text_or_stdin(r->qr_code);
                      while (!r->qr_code.empty() && (r->qr_code.back() == '\n' || r->qr_code.back() == '\r'))
                        r->qr_code.pop_back();
                      return report(ctx, (creds->client(ctx).*call)(*r, ctx.call()), ack, not_found);
                    });
  c->add_option("--amount", r->amount, "Amount in VND")->required()->check(amount_vnd());
  c->add_option("--qr-code", r->qr_code, "VietQR string, or - to read it from standard input")->required();
  c->add_option("--uuid", r->uuid, "Device (or give --va-account-number and --bank-bin)");
  c->add_option("--va-account-number", r->va_account_number, "VA or account number");
  c->add_option("--bank-bin", r->bank_bin, "6-digit bank BIN (or the bank's code/short name)")->transform(known_bank());
  c->add_option("--bank-name", r->bank_name, "BankNameEnum, instead of --bank-bin");
  c->add_option("--first-text", r->first_text, "Display line 1");
  c->add_option("--second-text", r->second_text, "Display line 2");
  c->add_option("--third-text", r->third_text, "Display line 3");
  c->add_option("--show-time", r->show_time, "Seconds on screen")->check(whole_number(1, 86'400));
  c->add_option("--merchant-id", r->merchant_id, "Master Merchant credentials only")
      ->check(whole_number(1, kMaxAmountVnd));
}

void add_device_commands(CLI::App& t, Context& ctx, const Creds& creds) {
  {
    auto r = std::make_shared<tingee::ReadSecurityCodeRequest>();
    auto* c =
        command(t, ctx, "read-security-code",
                "Make a device announce its pairing code (POST /v1/device/read-security-code).", [&ctx, creds, r] {
                  return report(ctx, creds->client(ctx).read_security_code(*r, ctx.call()), ack, not_found);
                });
    c->add_option("--uuid", r->uuid, "Device")->required();
    c->add_option("--merchant-id", r->merchant_id, "Master Merchant credentials only")
        ->check(whole_number(1, kMaxAmountVnd));
  }
  {
    auto r = std::make_shared<tingee::AddDeviceToShopRequest>();
    auto shops = std::make_shared<std::string>();
    auto vas = std::make_shared<std::string>();
    auto* c =
        command(t, ctx, "add-device-to-shop", "Link a device to shops and/or VAs (POST /v1/device/add-device-to-shop).",
                [&ctx, creds, r, shops, vas] {
                  for (const auto& id : split(*shops, ','))
                    r->shop_ids.push_back(parse_whole(id, 1, kMaxAmountVnd, "--shop-ids"));
                  r->va_account_numbers = split(*vas, ',');
                  return report(ctx, creds->client(ctx).add_device_to_shop(*r, ctx.call()), refs, not_found);
                });
    c->add_option("--uuid", r->uuid, "Device")->required();
    c->add_option("--security-code", r->security_code, "The code the device announced")->required();
    c->add_option("--shop-ids", *shops, "Shop ids, comma-separated");
    c->add_option("--va-account-numbers", *vas, "VA numbers, comma-separated");
    c->add_option("--app-type", r->app_type, "AppTypeEnum")->capture_default_str();
  }
  {
    auto r = std::make_shared<tingee::UpdateShopDeviceLinkStatusRequest>();
    auto shop = std::make_shared<tingee::ShopLink>();
    auto unlink = std::make_shared<bool>(false);
    auto* c =
        command(t, ctx, "update-shop-device-link-status",
                "Link or unlink a device and a shop (POST /v1/device/update-shop-device-link-status).",
                [&ctx, creds, r, shop, unlink] {
                  shop->is_link_to_device = !*unlink;
                  r->shops = {*shop};
                  return report(ctx, creds->client(ctx).update_shop_device_link_status(*r, ctx.call()), ack, not_found);
                });
    c->add_option("--uuid", r->uuid, "Device")->required();
    c->add_option("--shop-id", shop->shop_id, "Shop id (or --va-account-number)")
        ->check(whole_number(1, kMaxAmountVnd));
    c->add_option("--shop-name", shop->shop_name, "Shop name")->required();
    c->add_option("--full-address", shop->full_address, "Shop address")->required();
    c->add_option("--va-account-number", shop->va_account_number, "VA number");
    c->add_flag("--unlink", *unlink, "Unlink instead of link");
    c->add_option("--type", r->type, "DeviceTypeEnum");
    c->add_option("--app-type", r->app_type, "AppTypeEnum")->capture_default_str();
  }
  {
    auto r = std::make_shared<tingee::GetDevicesLinkToShopOrVaRequest>();
    auto* c = command(
        t, ctx, "get-devices-link-to-shop-or-va",
        "Devices linked to a VA or a shop (POST /v1/device/get-devices-link-to-shop-or-va). A read.", [&ctx, creds, r] {
          return report(ctx, creds->client(ctx).get_devices_link_to_shop_or_va(*r, ctx.call()), refs, not_found);
        });
    c->add_option("--va-account-number", r->va_account_number, "VA number");
    c->add_option("--shop-id", r->shop_id, "Shop id")->check(whole_number(1, kMaxAmountVnd));
  }
  {
    auto r = std::make_shared<tingee::GetDevicePagingRequest>();
    auto* c = command(t, ctx, "get-paging", "List the merchant's devices (POST /v1/device/get-paging). A read.",
                      [&ctx, creds, r] {
                        return report(ctx, creds->client(ctx).get_device_paging(*r, ctx.call()), page, not_found);
                      });
    c->add_option("--skip", r->skip_count, "Offset")->check(whole_number(0, kMaxAmountVnd))->capture_default_str();
    c->add_option("--max", r->max_result_count, "Page size")->check(whole_number(1, 1000))->capture_default_str();
    c->add_option("--filter", r->filter, "Keyword (device code, name, ...)");
    c->add_option("--type", r->type, "DeviceTypeEnum, e.g. tingee-box-3ls");
    c->add_option("--sorting", r->sorting, "Sort expression");
    c->add_option("--merchant-id", r->merchant_id, "Master Merchant credentials only")
        ->check(whole_number(1, kMaxAmountVnd));
  }
  add_show_qr(t, ctx, creds, "show-qr-code", "Show a dynamic QR on a 3LS device", &tingee::Client::show_qr_code);
  add_show_qr(t, ctx, creds, "show-dynamic-qr-code", "Show a dynamic QR on a non-3LS device",
              &tingee::Client::show_dynamic_qr_code);
  add_show_qr(t, ctx, creds, "show-static-qr-code", "Show a static VietQR on a non-3LS device",
              &tingee::Client::show_static_qr_code);
  {
    auto r = std::make_shared<tingee::GenerateAndShowDynamicQrRequest>();
    auto recurring = std::make_shared<bool>(false);
    auto* c = command(t, ctx, "generate-and-show-dynamic-qr-code",
                      "Create a QR bill at Tingee and show it (POST /v1/device/generate-and-show-dynamic-qr-code). A "
                      "write: never resent once it may have been sent.",
                      [&ctx, creds, r, recurring] {
                        r->qr_code_type =
                            *recurring ? tingee::QrCodeType::kRecurringPayment : tingee::QrCodeType::kOneTimePayment;
                        return report(
                            ctx, creds->client(ctx).generate_and_show_dynamic_qr_code(*r, ctx.call()),
                            [](Output& o, const tingee::DynamicQr& q) {
                              o.set("bill_id", q.bill_id).set("qr_account", q.qr_account).set("qr_code", q.qr_code);
                              o.raw = {q.qr_code};
                            },
                            not_found);
                      });
    c->add_option("--uuid", r->uuid, "Device")->required();
    c->add_option("--va-account-number", r->va_account_number, "VA number")->required();
    c->add_option("--amount", r->amount, "Amount in VND")->required()->check(amount_vnd());
    c->add_option("--bank-bin", r->bank_bin, "6-digit bank BIN or the bank's code/short name (or --bank-name)")
        ->transform(known_bank());
    c->add_option("--bank-name", r->bank_name, "BankNameEnum");
    c->add_option("--purpose", r->purpose, "Payment content");
    c->add_option("--expire-in-minute", r->expire_in_minute, "Minutes the bill stays payable")
        ->check(whole_number(1, 525'600));
    c->add_flag("--recurring", *recurring, "A QR that can be paid many times");
  }
  {
    auto r = std::make_shared<tingee::ReadAmountRequest>();
    auto* c =
        command(t, ctx, "read-amount",
                "Make a device announce an amount (POST /v1/device/read-amount-link-to-merchant).", [&ctx, creds, r] {
                  return report(ctx, creds->client(ctx).read_amount_link_to_merchant(*r, ctx.call()), ack, not_found);
                });
    c->alias("read-amount-link-to-merchant");
    c->add_option("--uuid", r->uuid, "Device")->required();
    c->add_option("--transaction-id", r->transaction_id, "Your transaction reference")->required();
    c->add_option("--amount", r->amount, "Amount in VND")->required()->check(amount_vnd());
    c->add_option("--bank-bin", r->bank_bin, "6-digit bank BIN (or the bank's code/short name)")
        ->required()
        ->transform(known_bank());
  }
  {
    auto r = std::make_shared<tingee::PrintReceiptRequest>();
    auto items = std::make_shared<std::string>();
    auto* c = command(t, ctx, "print-receipt", "Print a receipt on a TINGEE MAX (POST /v1/device/print-receipt).",
                      [&ctx, creds, r, items] {
                        for (const auto& item : split(*items, ',')) {
                          const auto f = split(item, ':');
                          if (f.size() != 3)
                            throw UsageError{"--items takes name:quantity:unit_price,... not '" + item + "'"};
                          r->receipt.items.push_back({f[0], parse_whole(f[1], 1, 1'000'000, "--items quantity"),
                                                      strict(f[2], "--items unit price")});
                        }
                        return report(ctx, creds->client(ctx).print_receipt(*r, ctx.call()), ack, not_found);
                      });
    c->add_option("--uuid", r->uuid, "Device")->required();
    c->add_option("--store-name", r->receipt.store_name, "Store name")->required();
    c->add_option("--items", *items, "name:quantity:unit_price,... (VND)")->required();
    c->add_option("--total", r->receipt.total_amount, "Total in VND")
        ->required()
        ->check(whole_number(0, kMaxAmountVnd));
    c->add_option("--discount", r->receipt.discount, "Discount in VND")->check(whole_number(0, kMaxAmountVnd));
    c->add_option("--copies", r->receipt.copies, "1..9")->check(whole_number(1, 9));
  }
  {
    auto r = std::make_shared<tingee::NfcCommandRequest>();
    auto enable = std::make_shared<bool>(false);
    auto disable = std::make_shared<bool>(false);
    auto sound = std::make_shared<bool>(false);
    auto* c = command(t, ctx, "nfc-command",
                      "Set the link or app the device hands out over NFC (POST /v1/device/nfc-command). A write.",
                      [&ctx, creds, r, enable, disable, sound] {
                        if (*enable || *disable) r->enable_nfc = *enable;
                        if (*sound) r->play_sound = true;
                        return report(ctx, creds->client(ctx).nfc_command(*r, ctx.call()), ack, not_found);
                      });
    c->add_option("--uuid", r->uuid, "Device")->required();
    c->add_option("--nfc-url", r->nfc_url, "The link the device hands out (nfcUrl)")->required();
    c->add_option("--nfc-package-name", r->nfc_package_name, "The app package it opens (nfcPackageName)")->required();
    auto* on = c->add_flag("--enable-nfc", *enable, "Turn NFC on (enableNfc: true)");
    c->add_flag("--disable-nfc", *disable, "Turn NFC off (enableNfc: false)")->excludes(on);
    c->add_flag("--play-sound", *sound, "Play a sound (playSound: true)");
    c->add_option("--merchant-id", r->merchant_id, "Master Merchant credentials only")
        ->check(whole_number(1, kMaxAmountVnd));
  }
  {
    auto r = std::make_shared<tingee::ResetDeviceWithDetailsRequest>();
    auto bank = std::make_shared<bool>(false);
    auto* c =
        command(t, ctx, "reset-device",
                "Reset a device with its owner's details (POST /v1/device/reset-device, a JSON body). Not the "
                "same endpoint as `reset` (DELETE /v1/device/reset?uuid=). A write.",
                [&ctx, creds, r, bank] {
                  if (*bank) r->is_bank_request = true;
                  return report(ctx, creds->client(ctx).reset_device_with_details(*r, ctx.call()), ack, not_found);
                });
    c->add_option("--uuid", r->uuid, "Device")->required();
    c->add_option("--phone-number", r->phone_number, "The owner's phone number (phoneNumber)");
    c->add_option("--account-number", r->account_number, "The owner's account number (accountNumber)");
    c->add_flag("--bank-request", *bank, "The bank asks for the reset (isBankRequest: true)");
  }
  {
    auto r = std::make_shared<tingee::ResetDeviceRequest>();
    auto* c = command(t, ctx, "reset",
                      "Reset a device by uuid alone (DELETE /v1/device/reset?uuid=, no body; answers a data text). "
                      "Not the same endpoint as `reset-device` (POST, with the owner's details). A write.",
                      [&ctx, creds, r] {
                        return report(
                            ctx, creds->client(ctx).reset_device(*r, ctx.call()),
                            [](Output& o, const tingee::ResetResult& x) {
                              o.set("message", x.message).set("data", x.data);
                              o.raw = {x.data};
                            },
                            not_found);
                      });
    c->add_option("--uuid", r->uuid, "Device")->required();
  }
}

void add_helpers(CLI::App& t, Context& ctx, const Creds& creds) {
  {
    auto ts = std::make_shared<std::string>();
    auto body = std::make_shared<std::string>();
    auto body_file = std::make_shared<std::string>();
    auto* c = command(
        t, ctx, "sign", "Print the string to sign and the x-signature of a request (no network).",
        [&ctx, creds, ts, body, body_file] {
          const std::string stamp = ts->empty() ? tingee::format_timestamp(std::chrono::system_clock::now()) : *ts;
          const std::string text = !body_file->empty() ? read_file(*body_file) : text_or_stdin(*body);
          const Secret secret = creds->secret();
          auto sig = tingee::sign(secret, stamp, text);
          if (!sig) return fail(ctx, sig.error());
          Output o;
          o.set("string_to_sign", stamp + ":" + (text.empty() ? "{}" : text)).set("key", ctx.shown(secret.reveal()));
          o.set("x-request-timestamp", stamp).set("x-signature", *sig);
          o.raw = {*sig};
          return print(ctx, o);
        });
    c->add_option("--timestamp", *ts, "yyyyMMddHHmmssSSS (UTC+7); default now")
        ->check(CLI::Validator(
            [](std::string& v) {
              return v.size() == 17 && v.find_first_not_of("0123456789") == std::string::npos
                         ? std::string()
                         : std::string("must be 17 digits");
            },
            "TS"));
    auto* b = c->add_option("--body", *body, "The JSON body exactly as sent, or - for standard input (none = \"{}\")");
    c->add_option("--body-file", *body_file, "Read the body from this file")->excludes(b);
  }
  {
    auto body = std::make_shared<std::string>();
    auto body_file = std::make_shared<std::string>();
    auto ts = std::make_shared<std::string>();
    auto sig = std::make_shared<std::string>();
    auto* c = command(
        t, ctx, "verify-webhook", "Verify a webhook's signature over its raw body and show it (no network).",
        [&ctx, creds, body, body_file, ts, sig] {
          const std::string raw =
              !body_file->empty() ? read_file(*body_file) : text_or_stdin(given(*body, "--body or --body-file"));
          http::Headers h;
          if (!ts->empty()) h.emplace_back("x-request-timestamp", *ts);
          if (!sig->empty()) h.emplace_back("x-signature", *sig);
          const Secret secret = creds->secret();
          return report(ctx, tingee::verify_webhook(raw, h, secret), [](Output& o, const tingee::WebhookEvent& e) {
            o.set("authenticated", e.authenticated);
            if (e.payment) {
              const auto& p = *e.payment;
              o.set("kind", "payment").set("transaction_code", p.transaction_code).set("amount", p.amount);
              o.set("va_account_number", p.va_account_number).set("account_number", p.account_number);
              o.set("bank", p.bank).set("bank_bin", p.bank_bin).set("content", p.content);
              o.set("transaction_date", p.transaction_date);
              o.raw = {p.transaction_code};
            } else if (e.bank_link) {
              o.set("kind", "bank_link")
                  .set("request_id", e.bank_link->request_id)
                  .set("status", e.bank_link->status_raw);
              o.set("va_account_number", e.bank_link->va_account_number);
              o.raw = {e.bank_link->request_id};
            } else {
              o.set("kind", "ping");
              o.raw = {"ping"};
            }
          });
        });
    auto* b = c->add_option("--body", *body, "The raw body exactly as received, or - for standard input");
    c->add_option("--body-file", *body_file, "Read the raw body from this file")->excludes(b);
    c->add_option("--timestamp", *ts, "The x-request-timestamp header");
    c->add_option("--signature", *sig, "The x-signature header");
  }
}

}  // namespace

void add_tingee_commands(CLI::App& app, Context& ctx) {
  auto creds = std::make_shared<Credentials>();
  CLI::App* t = app.add_subcommand("tingee", "Tingee device API (TINGEEBOX)");
  t->require_subcommand(1);
  creds->settings = add_settings(*t, "tingee", {"PAYGW_TINGEE_BANK_PREFIX"});  // that one: the global --bank-prefix
  add_device_commands(*t, ctx, creds);
  tingee_cli::add_bill_commands(*t, ctx, creds);
  tingee_cli::add_row_commands(*t, ctx, creds);
  add_helpers(*t, ctx, creds);
}

}  // namespace paygw::cli
