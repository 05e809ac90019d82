// paygw — command-line access to every paygw call, plus signing/verification helpers.
//
//   paygw <provider> <command> [--flag value ...] [--json] [--show-secrets]
//
// Credentials come from flags or the same environment variables as the examples
// (PAYGW_TINGEE_*, PAYGW_TCONNECT_*, PAYGW_CHARGING_*). Exit codes: 0 ok, 1 the call failed,
// 2 bad usage.
#include <paygw/paygw.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace paygw;
using Json = nlohmann::ordered_json;

struct UsageError {
  std::string message;
};

class Args {
 public:
  Args(int argc, char** argv, int first) {
    for (int i = first; i < argc; ++i) {
      std::string a = argv[i];
      if (a.rfind("--", 0) != 0) throw UsageError{"unexpected argument '" + a + "'"};
      a = a.substr(2);
      if (a == "json" || a == "show-secrets" || a == "help" || a == "unlink" || a == "recurring") {
        flags_[a] = "1";
      } else if (i + 1 < argc) {
        flags_[a] = argv[++i];
      } else {
        throw UsageError{"--" + a + " needs a value"};
      }
    }
  }
  bool has(const std::string& k) const { return flags_.count(k) != 0; }
  std::string get(const std::string& k, const char* env = nullptr, const std::string& fallback = "") const {
    if (auto it = flags_.find(k); it != flags_.end()) return it->second;
    if (env != nullptr) {
      if (const char* v = std::getenv(env); v != nullptr && *v != '\0') return v;
    }
    return fallback;
  }
  std::string need(const std::string& k, const char* env = nullptr) const {
    std::string v = get(k, env);
    if (v.empty()) throw UsageError{"--" + k + (env != nullptr ? std::string(" (or $") + env + ")" : "") + " is required"};
    return v;
  }
  std::int64_t number(const std::string& k, std::int64_t fallback) const {
    const std::string v = get(k);
    if (v.empty()) return fallback;
    if (v.find_first_not_of("0123456789-") != std::string::npos || v.size() > 18) throw UsageError{"--" + k + " must be a whole number"};
    return std::stoll(v);
  }
  std::int64_t need_number(const std::string& k) const {
    need(k);
    return number(k, 0);
  }
  std::optional<std::int64_t> maybe_number(const std::string& k) const {
    if (!has(k)) return std::nullopt;
    return number(k, 0);
  }
  /// Text of --k, or of the file named by --k-file, or of standard input for "-".
  std::string text(const std::string& k) const {
    if (has(k + "-file")) {
      std::ifstream in(get(k + "-file"), std::ios::binary);
      if (!in) throw UsageError{"cannot read " + get(k + "-file")};
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
    std::string v = need(k);
    if (v == "-") {
      std::stringstream ss;
      ss << std::cin.rdbuf();
      return ss.str();
    }
    return v;
  }

 private:
  std::map<std::string, std::string> flags_;
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string part; std::getline(ss, part, sep);) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

/// Collects the output fields and prints them as "key: value" lines or as one JSON object.
class Output {
 public:
  explicit Output(bool json) : json_(json) {}
  Output& add(const std::string& k, const std::string& v) {
    obj_[k] = v;
    return *this;
  }
  Output& add(const std::string& k, std::int64_t v) {
    obj_[k] = v;
    return *this;
  }
  Output& add(const std::string& k, const std::optional<std::int64_t>& v) {
    if (v) obj_[k] = *v;
    return *this;
  }
  Output& add(const std::string& k, bool v) {
    obj_[k] = v;
    return *this;
  }
  Output& add_json(const std::string& k, const std::string& text) {
    Json j = Json::parse(text, nullptr, false);
    obj_[k] = j.is_discarded() ? Json(text) : j;
    return *this;
  }
  int print() const {
    if (json_) {
      std::cout << obj_.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) << "\n";
    } else {
      for (const auto& [k, v] : obj_.items()) {
        std::cout << k << ": " << (v.is_string() ? v.get<std::string>() : v.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace)) << "\n";
      }
    }
    return 0;
  }

 private:
  bool json_;
  Json obj_ = Json::object();
};

int fail(const Args& args, const Error& e) {
  if (args.has("json")) {
    Json j = {{"error", {{"code", std::string(to_string(e.code))}, {"message", e.message},
                         {"delivery", e.maybe_sent() ? "maybe_sent" : "not_sent"}, {"outcome_unknown", e.outcome_unknown()},
                         {"http_status", e.http_status}, {"provider_code", e.provider_code}}}};
    std::cout << j.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) << "\n";
  }
  std::cerr << "paygw: " << describe(e) << "\n";
  if (e.outcome_unknown()) std::cerr << "paygw: the outcome is unknown: reconcile before repeating a payment\n";
  return 1;
}

template <typename T>
int report(const Args& args, const Result<T>& r, const std::function<void(Output&, const T&)>& fill) {
  if (!r) return fail(args, r.error());
  Output out(args.has("json"));
  fill(out, *r);
  return out.print();
}

std::shared_ptr<http::Transport> transport() {
  auto t = http::make_curl_transport();
  if (!t) throw UsageError{describe(t.error())};
  return *t;
}

std::string redact(const Args& args, const std::string& secret) {
  return args.has("show-secrets") ? secret : std::string("<redacted>");
}

// ---------------------------------------------------------------- tingee

tingee::Client tingee_client(const Args& a) {
  tingee::Config c;
  c.base_url = a.need("base-url", "PAYGW_TINGEE_BASE_URL");
  c.client_id = a.need("client-id", "PAYGW_TINGEE_CLIENT_ID");
  c.secret = Secret(a.need("secret", "PAYGW_TINGEE_SECRET"));
  c.transport = transport();
  auto client = tingee::Client::create(c);
  if (!client) throw UsageError{describe(client.error())};
  return *client;
}

tingee::ShowQrRequest show_qr(const Args& a) {
  tingee::ShowQrRequest r;
  r.uuid = a.get("uuid");
  r.va_account_number = a.get("va-account-number");
  r.amount = a.need_number("amount");
  r.qr_code = a.need("qr-code");
  r.bank_bin = a.get("bank-bin");
  r.first_text = a.get("first-text");
  r.second_text = a.get("second-text");
  r.third_text = a.get("third-text");
  r.show_time = a.maybe_number("show-time");
  return r;
}

const auto ack = [](Output& o, const tingee::Ack& r) { o.add("message", r.message); };
const auto refs = [](Output& o, const tingee::DeviceRefs& r) {
  std::string list;
  for (const auto& d : r.devices) list += (list.empty() ? "" : ", ") + d.uuid + " (" + d.type + ")";
  o.add("message", r.message).add("devices", list);
};

int tingee_command(const std::string& cmd, const Args& a) {
  if (cmd == "sign") {
    const std::string ts = a.get("timestamp", nullptr, tingee::format_timestamp(std::chrono::system_clock::now()));
    const std::string body = a.has("body") || a.has("body-file") ? a.text("body") : "";
    const Secret secret(a.need("secret", "PAYGW_TINGEE_SECRET"));
    auto sig = tingee::sign(secret, ts, body);
    if (!sig) return fail(a, sig.error());
    return Output(a.has("json"))
        .add("string_to_sign", ts + ":" + (body.empty() ? "{}" : body))
        .add("key", redact(a, secret.reveal()))
        .add("x-request-timestamp", ts)
        .add("x-signature", *sig)
        .print();
  }
  if (cmd == "verify-webhook") {
    http::Headers headers;
    if (a.has("timestamp")) headers.emplace_back("x-request-timestamp", a.get("timestamp"));
    if (a.has("signature")) headers.emplace_back("x-signature", a.get("signature"));
    auto event = tingee::verify_webhook(a.text("body"), headers, Secret(a.need("secret", "PAYGW_TINGEE_SECRET")));
    return report<tingee::WebhookEvent>(a, event, [](Output& o, const tingee::WebhookEvent& e) {
      o.add("authenticated", e.authenticated);
      if (e.payment) {
        o.add("kind", std::string("payment")).add("transaction_code", e.payment->transaction_code)
            .add("amount", e.payment->amount).add("va_account_number", e.payment->va_account_number)
            .add("content", e.payment->content);
      } else if (e.bank_link) {
        o.add("kind", std::string("bank_link")).add("request_id", e.bank_link->request_id).add("status", e.bank_link->status_raw);
      } else {
        o.add("kind", std::string("ping"));
      }
    });
  }
  auto c = tingee_client(a);
  if (cmd == "read-security-code") return report<tingee::Ack>(a, c.read_security_code({a.need("uuid"), a.maybe_number("merchant-id")}), ack);
  if (cmd == "add-device-to-shop") {
    tingee::AddDeviceToShopRequest r;
    r.uuid = a.need("uuid");
    r.security_code = a.need("security-code");
    for (const auto& id : split(a.get("shop-ids"), ',')) r.shop_ids.push_back(std::stoll(id));
    r.va_account_numbers = split(a.get("va-account-numbers"), ',');
    r.app_type = a.get("app-type", nullptr, std::string(tingee::kAppTypeBaas));
    return report<tingee::DeviceRefs>(a, c.add_device_to_shop(r), refs);
  }
  if (cmd == "update-shop-device-link-status") {
    tingee::UpdateShopDeviceLinkStatusRequest r;
    r.uuid = a.need("uuid");
    r.type = a.get("type");
    r.app_type = a.get("app-type", nullptr, std::string(tingee::kAppTypeBaas));
    r.shops = {{a.maybe_number("shop-id"), a.need("shop-name"), a.need("full-address"), !a.has("unlink"), a.get("va-account-number")}};
    return report<tingee::Ack>(a, c.update_shop_device_link_status(r), ack);
  }
  if (cmd == "get-devices-link-to-shop-or-va") {
    tingee::GetDevicesLinkToShopOrVaRequest r;
    r.va_account_number = a.get("va-account-number");
    r.shop_id = a.maybe_number("shop-id");
    return report<tingee::DeviceRefs>(a, c.get_devices_link_to_shop_or_va(r), refs);
  }
  if (cmd == "get-paging") {
    tingee::GetDevicePagingRequest r;
    r.skip_count = a.number("skip", 0);
    r.max_result_count = a.number("max", 10);
    r.filter = a.get("filter");
    return report<tingee::DevicePage>(a, c.get_device_paging(r), [](Output& o, const tingee::DevicePage& p) {
      std::string list;
      for (const auto& d : p.items) list += (list.empty() ? "" : ", ") + d.uuid + " (" + d.type + ", " + d.status_raw + ")";
      o.add("total_count", p.total_count).add("devices", list);
    });
  }
  if (cmd == "show-qr-code") return report<tingee::Ack>(a, c.show_qr_code(show_qr(a)), ack);
  if (cmd == "show-dynamic-qr-code") return report<tingee::Ack>(a, c.show_dynamic_qr_code(show_qr(a)), ack);
  if (cmd == "show-static-qr-code") return report<tingee::Ack>(a, c.show_static_qr_code(show_qr(a)), ack);
  if (cmd == "generate-and-show-dynamic-qr-code") {
    tingee::GenerateAndShowDynamicQrRequest r;
    r.uuid = a.need("uuid");
    r.qr_code_type = a.has("recurring") ? tingee::QrCodeType::kRecurringPayment : tingee::QrCodeType::kOneTimePayment;
    r.va_account_number = a.need("va-account-number");
    r.amount = a.need_number("amount");
    r.bank_bin = a.get("bank-bin");
    r.bank_name = a.get("bank-name");
    r.purpose = a.get("purpose");
    r.expire_in_minute = a.maybe_number("expire-in-minute");
    return report<tingee::DynamicQr>(a, c.generate_and_show_dynamic_qr_code(r), [](Output& o, const tingee::DynamicQr& q) {
      o.add("bill_id", q.bill_id).add("qr_account", q.qr_account).add("qr_code", q.qr_code);
    });
  }
  if (cmd == "read-amount") {
    tingee::ReadAmountRequest r;
    r.uuid = a.need("uuid");
    r.transaction_id = a.need("transaction-id");
    r.amount = a.need_number("amount");
    r.bank_bin = a.need("bank-bin");
    return report<tingee::Ack>(a, c.read_amount_link_to_merchant(r), ack);
  }
  if (cmd == "print-receipt") {
    tingee::PrintReceiptRequest r;
    r.uuid = a.need("uuid");
    r.receipt.store_name = a.need("store-name");
    for (const auto& item : split(a.need("items"), ',')) {  // name:quantity:unit_price
      const auto f = split(item, ':');
      if (f.size() != 3) throw UsageError{"--items takes name:quantity:unit_price,..."};
      r.receipt.items.push_back({f[0], std::stoll(f[1]), std::stoll(f[2])});
    }
    r.receipt.total_amount = a.need_number("total");
    return report<tingee::Ack>(a, c.print_receipt(r), ack);
  }
  if (cmd == "reset") {
    return report<tingee::ResetResult>(a, c.reset_device({a.need("uuid")}), [](Output& o, const tingee::ResetResult& r) {
      o.add("message", r.message).add("data", r.data);
    });
  }
  throw UsageError{"unknown tingee command '" + cmd + "'"};
}

// ---------------------------------------------------------------- tconnect

tconnect::KeyFormat key_format(const Args& a) { return a.get("key-format") == "raw" ? tconnect::KeyFormat::kRaw : tconnect::KeyFormat::kHex; }

tconnect::Client tconnect_client(const Args& a) {
  tconnect::Config c;
  c.base_url = a.need("base-url", "PAYGW_TCONNECT_BASE_URL");
  c.partner_code = a.need("partner-code", "PAYGW_TCONNECT_PARTNER_CODE");
  c.username = a.need("username", "PAYGW_TCONNECT_USERNAME");
  c.password = Secret(a.need("password", "PAYGW_TCONNECT_PASSWORD"));
  c.client_id = a.need("client-id", "PAYGW_TCONNECT_CLIENT_ID");
  c.client_secret = Secret(a.need("client-secret", "PAYGW_TCONNECT_CLIENT_SECRET"));
  c.aes_key = Secret(a.need("aes-key", "PAYGW_TCONNECT_AES_KEY"));
  c.aes_key_format = key_format(a);
  c.service_code = a.get("service-code", "PAYGW_TCONNECT_SERVICE_CODE");
  c.transport = transport();
  auto client = tconnect::Client::create(c);
  if (!client) throw UsageError{describe(client.error())};
  return *client;
}

int tconnect_command(const std::string& cmd, const Args& a) {
  const auto key = [&] { return Secret(a.need("aes-key", "PAYGW_TCONNECT_AES_KEY")); };
  if (cmd == "encrypt") {
    auto data = tconnect::encrypt_envelope(a.text("plaintext"), key(), key_format(a), *system_random());
    if (!data) return fail(a, data.error());
    return Output(a.has("json")).add("data", *data).print();
  }
  if (cmd == "decrypt") {
    auto plain = tconnect::decrypt_envelope(a.text("data"), key(), key_format(a));
    if (!plain) return fail(a, plain.error());
    return Output(a.has("json")).add_json("plaintext", *plain).print();
  }
  if (cmd == "decode-ipn") {
    auto ipn = tconnect::decode_ipn(a.text("body"), {key()}, key_format(a));
    return report<tconnect::IpnNotification>(a, ipn, [](Output& o, const tconnect::IpnNotification& n) {
      o.add("order_id", n.order_id).add("amount", n.amount).add("request_id", n.request_id).add("acc_no", n.acc_no)
          .add("payment_type", n.payment_type).add("narrative", n.narrative);
    });
  }
  auto c = tconnect_client(a);
  const auto push = [](Output& o, const tconnect::PushResult& r) { o.add("message", r.message); };
  if (cmd == "push-pos") {
    return report<tconnect::PushResult>(a, c.push_payment(tconnect::PosPush{a.need("serial"), a.need("order-id"), a.need_number("amount")}), push);
  }
  if (cmd == "push-soundbox") {
    return report<tconnect::PushResult>(a, c.push_payment(tconnect::SoundboxPush{a.need("serial"), a.need_number("amount"), a.need("qr-string")}), push);
  }
  if (cmd == "services") {
    return report<tconnect::ServiceList>(a, c.get_services(), [](Output& o, const tconnect::ServiceList& s) { o.add_json("response", s.json); });
  }
  if (cmd == "create-va") {
    return report<tconnect::VirtualAccount>(a, c.create_va({a.need("bank-code"), a.need("account-name")}), [](Output& o, const tconnect::VirtualAccount& v) {
      o.add("va", v.va).add("account_name", v.account_name).add("bank_code", v.bank_code);
    });
  }
  if (cmd == "create-qr") {
    return report<tconnect::Qr>(a, c.create_qr({a.need("order-id"), a.need("va"), a.need("bincode"), a.maybe_number("amount"), a.get("service-code")}),
                                [](Output& o, const tconnect::Qr& q) { o.add("qr_content", q.qr_content).add("dynamic", q.dynamic); });
  }
  if (cmd == "qr-transactions" || cmd == "card-transactions" || cmd == "cash-transactions") {
    const tconnect::TransactionQuery q{a.need("from"), a.need("to"), a.number("limit", 20), a.number("page", 1)};
    auto r = cmd == "qr-transactions" ? c.get_qr_transactions(q) : cmd == "card-transactions" ? c.get_card_transactions(q) : c.get_cash_transactions(q);
    return report<tconnect::TransactionPage>(a, r, [](Output& o, const tconnect::TransactionPage& p) {
      o.add("count", static_cast<std::int64_t>(p.items.size())).add("total", p.total).add_json("response", p.json);
    });
  }
  throw UsageError{"unknown tconnect command '" + cmd + "'"};
}

// ---------------------------------------------------------------- charging

charging::SignScheme scheme(const Args& a) {
  const std::string s = a.get("scheme", nullptr, "a");
  if (s == "a" || s == "A") return charging::sign_scheme_a;
  if (s == "b" || s == "B") return charging::sign_scheme_b;
  throw UsageError{"--scheme is a or b"};
}

charging::Client charging_client(const Args& a) {
  charging::Config c;
  c.base_url = a.need("base-url", "PAYGW_CHARGING_BASE_URL");
  c.partner_id = a.need("partner-id", "PAYGW_CHARGING_PARTNER_ID");
  c.partner_key = Secret(a.need("partner-key", "PAYGW_CHARGING_PARTNER_KEY"));
  c.sign_scheme = scheme(a);
  c.transport = transport();
  auto client = charging::Client::create(c);
  if (!client) throw UsageError{describe(client.error())};
  return *client;
}

void fill_result(Output& o, const charging::ChargeResult& r) {
  o.add("status", static_cast<std::int64_t>(r.status_code)).add("kind", std::string(charging::to_string(r.status)))
      .add("final", r.is_final()).add("credits", r.credits()).add("message", r.message).add("request_id", r.request_id)
      .add("trans_id", r.trans_id).add("declared_value", r.declared_value).add("value", r.value)
      .add("card_value", r.card_value).add("amount", r.amount);
}

int charging_command(const std::string& cmd, const Args& a) {
  if (cmd == "sign") {
    const std::string key = a.need("partner-key", "PAYGW_CHARGING_PARTNER_KEY");
    const std::string partner_id = a.get("partner-id", "PAYGW_CHARGING_PARTNER_ID");
    const std::string command = a.get("command", nullptr, "charging");
    const std::string request_id = a.get("request-id");
    const std::string telco = a.get("telco");
    const std::string code = a.need("code");
    const std::string serial = a.need("serial");
    const charging::SignFields f{partner_id, command, request_id, telco, code, serial};
    auto sig = charging::sign(Secret(key), f, scheme(a));
    if (!sig) return fail(a, sig.error());
    // The string to sign, with the key and the card code shown only on request.
    const std::string shown_code = redact(a, code);
    const std::string shown_key = redact(a, key);
    const charging::SignFields shown{partner_id, command, request_id, telco, shown_code, serial};
    return Output(a.has("json"))
        .add("string_to_sign", scheme(a)(shown_key, shown))
        .add("sign", *sig)
        .print();
  }
  if (cmd == "verify-callback") {
    const charging::Submission stored{a.need("request-id"), a.need("telco"), a.need("code"), a.need("serial"), a.need_number("amount")};
    const std::string query = a.get("query");
    const std::string body = a.has("body") || a.has("body-file") ? a.text("body") : "";
    auto r = charging::verify_callback({query, body}, Secret(a.need("partner-key", "PAYGW_CHARGING_PARTNER_KEY")), stored);
    return report<charging::ChargeResult>(a, r, fill_result);
  }
  auto c = charging_client(a);
  if (cmd == "submit" || cmd == "check") {
    const charging::CardRequest card{a.need("telco"), a.need("code"), a.need("serial"), a.need_number("amount"), a.need("request-id")};
    return report<charging::ChargeResult>(a, cmd == "submit" ? c.submit(card) : c.check(card), fill_result);
  }
  if (cmd == "fees") {
    return report<charging::FeeTable>(a, c.get_fees(), [](Output& o, const charging::FeeTable& t) {
      std::string rows;
      for (const auto& r : t.rows) {
        rows += (rows.empty() ? "" : "; ") + r.telco + " " + std::to_string(r.value) + ": " + r.fees.to_string() +
                "% (penalty " + r.penalty.to_string() + "%)";
      }
      o.add("rows", rows).add("skipped_rows", static_cast<std::int64_t>(t.skipped_rows));
    });
  }
  throw UsageError{"unknown charging command '" + cmd + "'"};
}

// ---------------------------------------------------------------- qr

int qr_command(const std::string& cmd, const Args& a) {
  if (cmd == "build") {
    vietqr::BuildRequest r;
    r.bin = a.need("bin");
    r.account = a.need("account");
    r.service = a.get("service") == "card" ? vietqr::Service::kToCard : vietqr::Service::kToAccount;
    r.amount = a.maybe_number("amount");
    r.purpose = a.get("purpose");
    r.bill_number = a.get("bill-number");
    r.merchant_name = a.get("merchant-name");
    r.merchant_city = a.get("merchant-city");
    r.merchant_category_code = a.get("mcc");
    auto qr = vietqr::build(r);
    if (!qr) return fail(a, qr.error());
    return Output(a.has("json")).add("qr", *qr).print();
  }
  if (cmd == "parse") {
    vietqr::Problem problem = vietqr::Problem::kNone;
    auto info = vietqr::parse(a.text("qr"), &problem);
    if (!info) {
      if (!a.has("json")) std::cerr << "paygw: problem: " << vietqr::to_string(problem) << "\n";
      return fail(a, info.error());
    }
    Output o(a.has("json"));
    o.add("kind", std::string(info->dynamic ? "dynamic" : "static")).add("guid", info->guid).add("bin", info->bin)
        .add("account", info->account).add("service", info->service).add("amount", info->amount)
        .add("bill_number", info->bill_number).add("purpose", info->purpose).add("crc", info->crc);
    return o.print();
  }
  throw UsageError{"unknown qr command '" + cmd + "'"};
}

const char* kUsage = R"(usage: paygw <provider> <command> [--flag value ...] [--json] [--show-secrets]

tingee   (--base-url --client-id --secret, or PAYGW_TINGEE_BASE_URL / _CLIENT_ID / _SECRET)
  read-security-code --uuid U
  add-device-to-shop --uuid U --security-code C [--shop-ids 1,2] [--va-account-numbers A,B] [--app-type T]
  update-shop-device-link-status --uuid U --shop-id N --shop-name S --full-address A [--unlink]
  get-devices-link-to-shop-or-va [--va-account-number V] [--shop-id N]
  get-paging [--skip N] [--max N] [--filter F]
  show-qr-code | show-dynamic-qr-code | show-static-qr-code --amount N --qr-code Q [--uuid U]
      [--va-account-number V --bank-bin B] [--first-text T] [--show-time S]
  generate-and-show-dynamic-qr-code --uuid U --va-account-number V --amount N --bank-bin B [--purpose P] [--recurring]
  read-amount --uuid U --transaction-id T --amount N --bank-bin B
  print-receipt --uuid U --store-name S --items name:qty:price,... --total N
  reset --uuid U
  sign [--timestamp yyyyMMddHHmmssSSS] [--body JSON | --body-file F]      (string to sign + x-signature)
  verify-webhook --body JSON|- (or --body-file F) --timestamp T --signature S

tconnect (--base-url --partner-code --username --password --client-id --client-secret --aes-key, or PAYGW_TCONNECT_*)
  push-pos --serial S --order-id O --amount N
  push-soundbox --serial S --amount N --qr-string Q
  services | create-va --bank-code B --account-name N | create-qr --order-id O --va V --bincode B [--amount N]
  qr-transactions | card-transactions | cash-transactions --from "YYYY-MM-DD HH:MM:SS" --to "..." [--limit N] [--page N]
  encrypt --plaintext JSON | decrypt --data HEX | decode-ipn --body JSON     (--aes-key, [--key-format raw])

charging (--base-url --partner-id --partner-key [--scheme a|b], or PAYGW_CHARGING_*)
  submit | check --telco T --code C --serial S --amount N --request-id R
  fees
  sign --code C --serial S [--scheme b --command charging --partner-id P --request-id R --telco T]
  verify-callback (--query Q | --body B) --request-id R --telco T --code C --serial S --amount N

qr       (no network)
  build --bin B --account A [--service account|card] [--amount N] [--purpose P] [--bill-number B]
        [--merchant-name N] [--merchant-city C] [--mcc NNNN]
  parse --qr STRING|- (or --qr-file F)

Secrets (keys, card codes) are shown as <redacted> unless --show-secrets. Exit: 0 ok, 1 failed call, 2 usage.
)";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h" || std::string(argv[1]) == "help") {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  const std::string provider = argv[1];
  try {
    if (argc < 3 || std::string(argv[2]).rfind("--", 0) == 0) {
      std::cout << kUsage;
      return argc >= 3 && std::string(argv[2]) == "--help" ? 0 : 2;
    }
    const std::string cmd = argv[2];
    const Args args(argc, argv, 3);
    if (args.has("help")) {
      std::cout << kUsage;
      return 0;
    }
    if (provider == "tingee") return tingee_command(cmd, args);
    if (provider == "tconnect") return tconnect_command(cmd, args);
    if (provider == "charging") return charging_command(cmd, args);
    if (provider == "qr") return qr_command(cmd, args);
    throw UsageError{"unknown provider '" + provider + "' (tingee, tconnect, charging, qr)"};
  } catch (const UsageError& e) {
    std::cerr << "paygw: " << e.message << "\n(see paygw --help)\n";
    return 2;
  } catch (const std::exception& e) {  // e.g. std::stoll on a malformed --items value
    std::cerr << "paygw: bad argument: " << e.what() << "\n";
    return 2;
  }
}
