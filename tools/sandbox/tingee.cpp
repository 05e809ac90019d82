// SPDX-License-Identifier: MIT
// paygw-sandbox — Tingee request authentication and the device API (/v1/device/...).
//
// Authentication (as docs/tingee.md describes Tingee's): headers present, x-client-id known, timestamp 17 digits (90),
// within ±10 min and at most 5 s ahead (91), then the HMAC-SHA512 signature (97) over `timestamp + ":" + body_string`,
// where body_string is, per --tingee-signature:
//   raw          the exact bytes received ("{}" when there are none) — a strict server;
//   reserialized JSON.stringify(JSON.parse(body)) — what a Node.js server that re-serialises
//                req.body computes ("{}" when there is no body).
#include "sandbox.hpp"

#include <ctime>

namespace paygw::sandbox {
namespace {

void unauthorized(httplib::Response& res) {
  res.status = 401;
  res.set_content(R"({"message":"Unauthorized.","error":"Unauthorized","statusCode":401})", "application/json");
}

const char* const kNoDevice = "Thiết bị không tồn tại";  // code 1002, the sandbox's choice
const char* const kNotLinked = "Thiết bị chưa được liên kết";
const char* const kWrongType = "Loại thiết bị không hỗ trợ";

TingeeDevice* device(State& state, const Json& b, httplib::Response& res) {
  auto it = state.tingee_devices.find(b.value("uuid", ""));
  if (it == state.tingee_devices.end()) {
    tingee_reply(res, "1002", kNoDevice);
    return nullptr;
  }
  return &it->second;
}

TingeeDevice* linked_device(State& state, const Json& b, httplib::Response& res) {
  TingeeDevice* d = device(state, b, res);
  if (d != nullptr && !d->linked) {
    tingee_reply(res, "1003", kNotLinked);
    return nullptr;
  }
  return d;
}

bool has_text(const Json& b, const char* field) {
  return b.contains(field) && b[field].is_string() && !b[field].get<std::string>().empty();
}

}  // namespace

void tingee_reply(httplib::Response& res, const std::string& code, const std::string& message, const Json& data) {
  Json body = {{"code", code}, {"message", message}};
  if (!data.is_null()) body["data"] = data;
  json_reply(res, 200, body);
}

bool text(const Json& b, const char* field) {
  return b.contains(field) && b[field].is_string() && !b[field].get<std::string>().empty();
}

void invalid(httplib::Response& res, const std::string& message) {
  json_reply(res, 400, Json{{"message", message}, {"error", "Bad Request"}, {"statusCode", 400}});
}

std::string bank_name_of(const std::string& bin) {
  for (const auto& bank : directory_banks()) {
    if (bank.bin == bin) return bank.tingee_code;
  }
  return "";
}

std::string bin_of(const Json& b) {
  if (text(b, "bankBin"))
    return bank_name_of(b["bankBin"].get<std::string>()).empty() ? "" : b["bankBin"].get<std::string>();
  if (text(b, "bankName")) return tingee_bank_bin(b["bankName"].get<std::string>());
  return "";
}

std::string iso_now() {
  const std::time_t secs = static_cast<std::time_t>(clock_ms() / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
  return out;
}

bool tingee_world_full(const State& state, std::size_t count, const std::string& what, httplib::Response& res) {
  if (count < state.max_objects) return false;
  tingee_reply(res, "SBX-FULL",
               "sandbox: at most " + std::to_string(state.max_objects) + " " + what + " (--max-objects)");
  return true;
}

void tingee_page_reply(httplib::Response& res, const Json& request, const Json& items) {
  const long long skip = request.value("skipCount", 0LL), take = request.value("maxResultCount", 10LL);
  Json page = Json::array();
  for (long long i = std::max(0LL, skip);
       i < static_cast<long long>(items.size()) && static_cast<long long>(page.size()) < take; ++i) {
    page.push_back(items[static_cast<std::size_t>(i)]);
  }
  tingee_reply(res, "00", "Success", Json{{"totalCount", items.size()}, {"items", page}});
}

bool tingee_authenticate(const Options& options, const httplib::Request& req, const std::string& body,
                         httplib::Response& res) {
  if (!req.has_header("x-client-id") || !req.has_header("x-request-timestamp") || !req.has_header("x-signature") ||
      req.get_header_value("x-client-id") != options.tingee_client_id) {
    unauthorized(res);
    return false;
  }
  const std::string ts = req.get_header_value("x-request-timestamp");
  const long long sent_ms = parse_vn_timestamp(ts);
  if (sent_ms < 0) {
    tingee_reply(res, "90", "Timestamp is invalid");
    return false;
  }
  const long long now = now_ms();
  if (now - sent_ms > options.window_ms || sent_ms - now > options.future_tolerance_ms) {
    tingee_reply(res, "91", "Request expired");
    return false;
  }
  std::optional<std::string> signed_text = std::string("{}");
  if (!body.empty()) signed_text = options.tingee_signature == "reserialized" ? js_restringify(body) : body;
  if (!signed_text ||
      hmac_sha512_hex(options.tingee_secret, ts + ":" + *signed_text) != req.get_header_value("x-signature")) {
    tingee_reply(res, "97", "Invalid signature");
    return false;
  }
  return true;
}

void tingee_post(httplib::Server& server, const Options& options, State& state, const std::string& path,
                 std::function<void(const Json& body, httplib::Response& res)> handler) {
  post(server, path,
       [&options, &state, handler](const httplib::Request& req, const std::string& body, httplib::Response& res) {
         if (!tingee_authenticate(options, req, body, res)) return;
         const Json b = Json::parse(body.empty() ? "{}" : body, nullptr, false);
         if (b.is_discarded() || !b.is_object()) {
           res.status = 400;
           res.set_content(R"({"message":"body must be a JSON object","error":"Bad Request","statusCode":400})",
                           "application/json");
           return;
         }
         std::lock_guard<std::mutex> lock(state.mu);
         handler(b, res);
       });
}

void install_tingee_devices(httplib::Server& server, const Options& options, State& state) {
  auto route = [&](const std::string& name, std::function<void(const Json&, httplib::Response&)> handler) {
    tingee_post(server, options, state, "/v1/device/" + name, std::move(handler));
  };
  State* s = &state;
  route("read-security-code", [s](const Json& b, httplib::Response& res) {
    auto* d = device(*s, b, res);
    if (d == nullptr) return;
    s->record("tingee", b["uuid"], "announce-security-code", Json{{"securityCode", d->security_code}}, true);
    tingee_reply(res, "00", "Success");
  });
  route("add-device-to-shop", [s](const Json& b, httplib::Response& res) {
    auto* d = device(*s, b, res);
    if (d == nullptr) return;
    if (b.value("securityCode", "") != d->security_code) return tingee_reply(res, "1004", "Mã bảo mật không đúng");
    d->linked = true;
    s->record("tingee", b["uuid"], "linked", b);
    tingee_reply(res, "00", "Success", Json::array({Json{{"type", d->type}, {"uuid", b["uuid"]}}}));
  });
  route("update-shop-device-link-status", [s](const Json& b, httplib::Response& res) {
    auto* d = device(*s, b, res);
    if (d == nullptr) return;
    const Json shops = b.value("shopsLinkToDeviceDtos", Json::array());
    if (!shops.empty() && shops[0].is_object()) d->linked = shops[0].value("isLinkToDevice", true);
    s->record("tingee", b["uuid"], "link-status", shops);
    tingee_reply(res, "00", "Success");
  });
  route("get-devices-link-to-shop-or-va", [s](const Json&, httplib::Response& res) {
    Json list = Json::array();
    for (const auto& [uuid, d] : s->tingee_devices) {
      if (d.linked) list.push_back(Json{{"type", d.type}, {"uuid", uuid}});
    }
    tingee_reply(res, "00", "Success", list);
  });
  route("get-paging", [s](const Json& b, httplib::Response& res) {
    Json items = Json::array();
    for (const auto& [uuid, d] : s->tingee_devices) {
      if (b.contains("type") && b["type"].is_string() && b["type"] != d.type) continue;
      if (has_text(b, "filter") && uuid.find(b["filter"].get<std::string>()) == std::string::npos) continue;
      items.push_back(
          Json{{"type", d.type}, {"uuid", uuid}, {"name", uuid}, {"status", "approved"}, {"masterMerchantId", 1}});
    }
    tingee_page_reply(res, b, items);
  });
  for (const std::string name : {"show-qr-code", "show-dynamic-qr-code", "show-static-qr-code"}) {
    route(name, [s, name](const Json& b, httplib::Response& res) {
      auto* d = linked_device(*s, b, res);
      if (d == nullptr) return;
      if ((name == "show-qr-code") != (d->type == "tingee-box-3ls")) return tingee_reply(res, "1010", kWrongType);
      Json screen = {{"endpoint", name}, {"amount", b.value("amount", 0LL)}, {"qrCode", b.value("qrCode", "")}};
      for (const char* f : {"firstText", "secondText", "thirdText"}) {
        if (has_text(b, f)) screen[f] = b[f];
      }
      s->record("tingee", b["uuid"], "display-qr", screen, true);
      tingee_reply(res, "00", "Success", Json::object());
    });
  }
  route("read-amount-link-to-merchant", [s](const Json& b, httplib::Response& res) {
    if (linked_device(*s, b, res) == nullptr) return;
    Json said = {{"amount", b.value("amount", 0LL)}, {"transactionId", b.value("transactionId", "")}};
    for (const char* f : {"firstDisplayText", "secondDisplayText", "thirdDisplayText", "isPrint", "printData"}) {
      if (b.contains(f)) said[f] = b[f];
    }
    s->record("tingee", b["uuid"], "announce-amount", said, true);
    tingee_reply(res, "00", "Success");
  });
  route("print-receipt", [s](const Json& b, httplib::Response& res) {
    auto* d = linked_device(*s, b, res);
    if (d == nullptr) return;
    if (d->type != "tingee-box-max") return tingee_reply(res, "1010", kWrongType);
    Json printed = b;  // the whole receipt (the screens page draws it)
    printed.erase("uuid");
    printed.erase("merchantId");
    s->record("tingee", b["uuid"], "print", printed, true);
    tingee_reply(res, "00", "Success");
  });
  route("nfc-command", [s](const Json& b, httplib::Response& res) {  // official Node SDK 0.2.4 (no doc page)
    if (!has_text(b, "nfcUrl") || !has_text(b, "nfcPackageName")) {
      return json_reply(
          res, 400,
          Json{{"message", "nfcUrl and nfcPackageName are required"}, {"error", "Bad Request"}, {"statusCode", 400}});
    }
    if (linked_device(*s, b, res) == nullptr) return;
    s->record("tingee", b["uuid"], "nfc-command",
              Json{{"nfcUrl", b["nfcUrl"]},
                   {"nfcPackageName", b["nfcPackageName"]},
                   {"enableNfc", b.value("enableNfc", true)}},
              true);
    tingee_reply(res, "00", "Success");
  });
  route("reset-device", [s](const Json& b, httplib::Response& res) {  // the POST form of a reset
    auto* d = device(*s, b, res);
    if (d == nullptr) return;
    d->linked = false;
    d->screen = nullptr;
    s->record("tingee", b["uuid"], "reset", Json{{"isBankRequest", b.value("isBankRequest", false)}});
    tingee_reply(res, "00", "Success");
  });
  // The e-invoice providers (official Node SDK 0.2.4: eInvoice.getProvider, POST, no body; the
  // codes are the SDK's, the names the sandbox's own).
  tingee_post(server, options, state, "/v1/e-invoice/get-provider", [](const Json&, httplib::Response& res) {
    Json providers = Json::array();
    for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
             {"x-cyber", "X-Cyber"}, {"hilo", "Hilo"}, {"s-invoice", "S-Invoice"}, {"misa", "MISA"}}) {
      providers.push_back(Json{{"code", code}, {"name", name}});
    }
    tingee_reply(res, "00", "Success", providers);
  });
  server.Delete("/v1/device/reset", [&options, s](const httplib::Request& req, httplib::Response& res) {
    if (!tingee_authenticate(options, req, req.body, res)) return;
    std::lock_guard<std::mutex> lock(s->mu);
    auto it = s->tingee_devices.find(req.get_param_value("uuid"));
    if (it == s->tingee_devices.end()) return tingee_reply(res, "1002", kNoDevice);
    it->second.linked = false;
    it->second.screen = nullptr;
    s->record("tingee", it->first, "reset", nullptr);
    tingee_reply(res, "00", "Success", "Reset device successfully");
  });
}

}  // namespace paygw::sandbox
