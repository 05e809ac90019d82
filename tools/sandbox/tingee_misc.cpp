// SPDX-License-Identifier: MIT
// paygw-sandbox — the rest of Tingee's calls: the static VietQR and its decoding (bank group,
// served under both /v1/ and /v1/bank/), the deep links, the hosted bank-link session and the
// older device read-amount. Signed and verified like every Tingee request.
//
// The simulation (codes marked "sandbox" are the sandbox's own, Tingee does not document them):
//   generate-viet-qr        a VietQR built by the sandbox's VietQR builder (build_vietqr) for the
//                           bank of paygw's bank directory that bankBin or bankName names (else
//                           400), the account, the amount and content; its PNG when the build has
//                           libqrencode and libpng. Every QR made is kept.
//   get-account-number-info-by-qr-code?qrCode=   decodes any VietQR (the sandbox's or anyone's):
//                           bank BIN, account, amount ("" when none), purpose; a QR whose CRC or
//                           structure is wrong: 1060 (sandbox) in Tingee's error envelope.
//   deep-link/generate, deep-link/generate-bidv-test   a link carrying the request's data; the
//                           qrCode must be a valid VietQR naming destinationBankBin and
//                           accountNumber (else 1060, sandbox), a billNumber is linked once (1030,
//                           sandbox); the BIDV test variant needs the payer's bank to be BIDV.
//   create-bank-link-session   a session (`BLS-…`) on the sandbox's "hosted page",
//                           GET /_sandbox/tingee/bank-link?s=… (unsigned); POST
//                           /_sandbox/tingee/bank-link {s, accountNumber, accountName, status, url}
//                           completes it once and delivers its signed bank-link webhook
//                           ({requestId: the session id, status, vaAccountNumber, accountNumber, accountName});
//                           a linked account's VA is then active in the VA world (get-va-paging lists it).
//   device/read-amount      the device (1002 unknown, 1003 not linked) announces the amount (event
//                           announce-amount, shown and spoken on the screens page).
#include "sandbox.hpp"

#include "qr_image.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>

namespace paygw::sandbox {
namespace {

bool digits(const std::string& t) { return !t.empty() && t.find_first_not_of("0123456789") == std::string::npos; }

/// The sandbox's own base URL as the request reached it.
std::string base_of(const Options& options, const httplib::Request& req) {
  return std::string(options.tls_cert.empty() ? "http://" : "https://") + req.get_header_value("Host");
}

/// Percent-encoding of a query value (RFC 3986 unreserved characters kept).
std::string url_encode(const std::string& in) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// ---- VietQR decoding, written from the EMVCo rules (as build_vietqr) ----

unsigned crc16(const std::string& data) {  // CRC-16/CCITT-FALSE
  unsigned crc = 0xFFFF;
  for (unsigned char b : data) {
    crc ^= static_cast<unsigned>(b) << 8;
    for (int k = 0; k < 8; ++k) crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
  }
  return crc;
}

/// The top-level tags of a TLV string, or nullopt when a length is not 2 digits or runs past the end.
std::optional<std::map<std::string, std::string>> tlv_tags(const std::string& tlv) {
  std::map<std::string, std::string> tags;
  for (std::size_t i = 0; i < tlv.size();) {
    if (i + 4 > tlv.size() || !digits(tlv.substr(i, 2)) || !digits(tlv.substr(i + 2, 2))) return std::nullopt;
    const std::size_t n = std::stoul(tlv.substr(i + 2, 2));
    if (i + 4 + n > tlv.size()) return std::nullopt;
    tags.emplace(tlv.substr(i, 2), tlv.substr(i + 4, n));
    i += 4 + n;
  }
  return tags;
}

struct DecodedQr {
  std::string bin, account, amount, purpose;
};

/// A VietQR (NAPAS, tag 38 with A000000727) whose CRC (tag 63, last) is right, or nullopt.
std::optional<DecodedQr> decode_vietqr(const std::string& qr) {
  if (qr.size() < 8 || qr.compare(qr.size() - 8, 4, "6304") != 0) return std::nullopt;
  char crc[8];
  std::snprintf(crc, sizeof crc, "%04X", crc16(qr.substr(0, qr.size() - 4)));
  std::string given = qr.substr(qr.size() - 4);
  for (char& c : given) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (given != crc) return std::nullopt;
  const auto top = tlv_tags(qr);
  if (!top || top->count("00") == 0 || top->at("00") != "01" || top->count("38") == 0) return std::nullopt;
  const auto napas = tlv_tags(top->at("38"));
  if (!napas || napas->count("00") == 0 || napas->at("00") != "A000000727" || napas->count("01") == 0) {
    return std::nullopt;
  }
  const auto beneficiary = tlv_tags(napas->at("01"));
  if (!beneficiary || beneficiary->count("00") == 0 || beneficiary->count("01") == 0) return std::nullopt;
  DecodedQr out{beneficiary->at("00"), beneficiary->at("01"), "", ""};
  if (top->count("54") != 0) out.amount = top->at("54");
  if (top->count("62") != 0) {
    const auto extra = tlv_tags(top->at("62"));
    if (extra && extra->count("08") != 0) out.purpose = extra->at("08");
  }
  return out;
}

void bad_qr(httplib::Response& res) { tingee_reply(res, "1060", "Mã QR không hợp lệ"); }

/// The directory bank a request names by bankBin or bankName, or nullptr.
const DirectoryBank* bank_of(const Json& b) {
  for (const auto& bank : directory_banks()) {
    if (text(b, "bankBin") && bank.bin == b["bankBin"]) return &bank;
    if (!text(b, "bankBin") && text(b, "bankName") && !bank.tingee_code.empty() && bank.tingee_code == b["bankName"])
      return &bank;
  }
  return nullptr;
}

/// The deep links and bank-link sessions (guarded by State::mu), each at most State::max_objects.
/// (generate-viet-qr keeps nothing: its QR is computed, as Tingee's is.)
struct MiscWorld {
  std::map<std::string, std::string> links;  // billNumber -> link id
  struct Session {
    std::string token, redirect_url, bank_name, status = "pending", va_account_number;
    Json allowed_banks = Json::array();
    Json shop_id = nullptr;
  };
  std::map<std::string, Session> sessions;  // by session id
};

using Route = std::function<void(State&, MiscWorld&, const std::string& base, const Json&, httplib::Response&)>;

/// A signed Tingee POST: authenticated over its body ("{}" when none), the body's members and the
/// query's parameters merged, run under the state lock.
void route(httplib::Server& server, const Options& options, State& state, const std::shared_ptr<MiscWorld>& world,
           const std::string& path, Route f) {
  post(server, path,
       [&options, &state, world, f](const httplib::Request& req, const std::string& body, httplib::Response& res) {
         if (!tingee_authenticate(options, req, body, res)) return;
         Json b = Json::parse(body.empty() ? "{}" : body, nullptr, false);
         if (b.is_discarded() || !b.is_object()) return invalid(res, "body must be a JSON object");
         for (const auto& [name, value] : req.params) b[name] = value;
         std::lock_guard<std::mutex> lock(state.mu);
         f(state, *world, base_of(options, req), b, res);
       });
}

void generate_viet_qr(State& s, MiscWorld&, const std::string&, const Json& b, httplib::Response& res) {
  const DirectoryBank* bank = bank_of(b);
  if (bank == nullptr) return invalid(res, "bankBin or bankName must name a bank");
  if (!text(b, "accountNumber")) return invalid(res, "accountNumber is required");
  long long amount = 0;
  if (b.contains("amount")) {
    if (!b["amount"].is_number_integer() || b["amount"].get<long long>() <= 0)
      return invalid(res, "amount must be a positive integer");
    amount = b["amount"].get<long long>();
  }
  const std::string account = b["accountNumber"];
  const std::string qr = build_vietqr(bank->bin, account, amount, b.value("content", ""));
  Json data = {{"qrCode", qr}, {"qrAccount", account}, {"referenceLabelCode", ""}};
  std::string why;
  if (const auto symbol = qrimage::encode(qr, qrimage::kDefaultLevel, &why)) {
    if (const auto png = qrimage::to_png(*symbol, qrimage::kQuietZone, 4, &why))
      data["qrCodeImage"] = "data:image/png;base64," + qrimage::base64(*png);
  }
  s.record("tingee", "", "viet-qr-generated", Json{{"bankBin", bank->bin}, {"accountNumber", account}, {"qrCode", qr}});
  tingee_reply(res, "00", "Success", data);
}

void account_info(State&, MiscWorld&, const std::string&, const Json& b, httplib::Response& res) {
  if (!text(b, "qrCode")) return invalid(res, "qrCode is required");
  const auto qr = decode_vietqr(b["qrCode"]);
  if (!qr) return bad_qr(res);
  std::string va_prefix, va_suffix;
  if (qr->account.rfind("TNG", 0) == 0) {  // a Tingee VA: TNG + its number
    va_prefix = "TNG";
    va_suffix = qr->account.substr(3);
  }
  const Json item = {{"bankBin", qr->bin},     {"accountNumber", qr->account}, {"amount", qr->amount},
                     {"purpose", qr->purpose}, {"vaPrefix", va_prefix},        {"vaSuffix", va_suffix}};
  tingee_reply(res, "00", "Success", Json{{"totalCount", 1}, {"items", Json::array({item})}});
}

void deep_link(State& s, MiscWorld& w, const std::string& base, const Json& b, httplib::Response& res, bool bidv_test) {
  for (const char* f :
       {"type", "qrCode", "bankBin", "destinationBankBin", "accountName", "accountNumber", "billNumber"}) {
    if (!text(b, f)) return invalid(res, std::string(f) + " is required");
  }
  if (bidv_test && b.contains("merchantId")) return invalid(res, "property merchantId should not exist");
  if (bidv_test && b["bankBin"] != "970418") return invalid(res, "generate-bidv-test: bankBin must be BIDV (970418)");
  const auto qr = decode_vietqr(b["qrCode"]);
  if (!qr || qr->bin != b["destinationBankBin"] || qr->account != b["accountNumber"]) return bad_qr(res);
  const std::string bill = b["billNumber"];
  if (w.links.count(bill) != 0) return tingee_reply(res, "1030", "billNumber đã tồn tại");
  if (tingee_world_full(s, w.links.size(), "deep links", res)) return;
  const std::string id = "DL-" + std::to_string(s.next_id++);
  w.links[bill] = id;
  std::string link = base + "/_sandbox/tingee/deep-link/" + id + "?";
  link += "type=" + url_encode(b["type"]) + "&bankBin=" + url_encode(b["bankBin"]) +
          "&destinationBankBin=" + url_encode(b["destinationBankBin"]) +
          "&accountNumber=" + url_encode(b["accountNumber"]) + "&accountName=" + url_encode(b["accountName"]) +
          "&billNumber=" + url_encode(bill);
  if (b.contains("amount") && b["amount"].is_number_integer()) link += "&amount=" + b["amount"].dump();
  if (text(b, "content")) link += "&content=" + url_encode(b["content"]);
  if (bidv_test) link += "&env=bidv-test";
  s.record("tingee", "", "deep-link-generated", Json{{"id", id}, {"billNumber", bill}, {"bidvTest", bidv_test}});
  tingee_reply(res, "00", "Success", link);
}

void bank_link_session(State& s, MiscWorld& w, const std::string& base, const Json& b, httplib::Response& res) {
  if (b.value("type", "") != "bank-link") return invalid(res, "type must be bank-link");
  MiscWorld::Session session;
  if (b.contains("allowedBanks")) {
    if (!b["allowedBanks"].is_array()) return invalid(res, "allowedBanks must be an array");
    for (const auto& name : b["allowedBanks"]) {
      if (!name.is_string() || tingee_bank_bin(name.get<std::string>()).empty())
        return invalid(res, "each value in allowedBanks must be one of the BankNameEnum values");
    }
    session.allowed_banks = b["allowedBanks"];
  }
  if (text(b, "bankName") && tingee_bank_bin(b["bankName"].get<std::string>()).empty())
    return invalid(res, "bankName must be one of the BankNameEnum values");
  session.bank_name = b.value("bankName", "");
  session.redirect_url = b.value("redirectUrl", "");
  if (b.contains("shopId")) session.shop_id = b["shopId"];
  if (tingee_world_full(s, w.sessions.size(), "bank-link sessions", res)) return;
  session.token = random_token(12);
  const std::string id = "BLS-" + std::to_string(s.next_id++);
  const std::string url = base + "/_sandbox/tingee/bank-link?token=" + session.token + "&s=" + id;
  w.sessions[id] = session;
  s.record("tingee", "", "bank-link-session", Json{{"s", id}});
  tingee_reply(res, "00", "Success", url);
}

void read_amount(State& s, MiscWorld&, const std::string&, const Json& b, httplib::Response& res) {
  if (!text(b, "uuid") || !text(b, "transactionId")) return invalid(res, "uuid and transactionId are required");
  if (!b.contains("amount") || !b["amount"].is_number_integer() || b["amount"].get<long long>() <= 0)
    return invalid(res, "amount must be a positive integer");
  if (!text(b, "bankBin") || b["bankBin"].get<std::string>().size() != 6 || !digits(b["bankBin"]))
    return invalid(res, "bankBin must be 6 digits");
  auto it = s.tingee_devices.find(b["uuid"].get<std::string>());
  if (it == s.tingee_devices.end()) return tingee_reply(res, "1002", "Thiết bị không tồn tại");
  if (!it->second.linked) return tingee_reply(res, "1003", "Thiết bị chưa được liên kết");
  Json said = {{"endpoint", "read-amount"}, {"amount", b["amount"]}, {"transactionId", b["transactionId"]}};
  for (const char* f : {"firstDisplayText", "secondDisplayText", "thirdDisplayText", "playSound"}) {
    if (b.contains(f)) said[f] = b[f];
  }
  s.record("tingee", it->first, "announce-amount", said, true);
  tingee_reply(res, "00", "Success");
}

/// The hosted bank-link page (unsigned, as a browser opens it) and its completion, which sends the
/// signed bank-link webhook Tingee sends.
void install_bank_link_page(httplib::Server& server, const Options& options, State& state,
                            const std::shared_ptr<MiscWorld>& world) {
  server.Get("/_sandbox/tingee/bank-link", [&state, world](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(state.mu);
    auto it = world->sessions.find(req.get_param_value("s"));
    if (it == world->sessions.end() || it->second.token != req.get_param_value("token"))
      return bad_request(res, "no such bank-link session");
    const auto& session = it->second;
    json_reply(res, 200,
               Json{{"s", it->first},
                    {"status", session.status},
                    {"allowedBanks", session.allowed_banks},
                    {"bankName", session.bank_name},
                    {"redirectUrl", session.redirect_url},
                    {"vaAccountNumber", session.va_account_number}});
  });
  post(server, "/_sandbox/tingee/bank-link",
       [&options, &state, world](const httplib::Request&, const std::string& raw, httplib::Response& res) {
         const Json in = Json::parse(raw.empty() ? "{}" : raw, nullptr, false);
         if (!in.is_object() || !text(in, "s") || !text(in, "accountNumber")) {
           return bad_request(res, "give {s, accountNumber[, accountName, bankName, status, url]}");
         }
         const std::string url = in.value("url", options.tingee_webhook_url);
         if (url.empty())
           return bad_request(res, "no webhook url: give {\"url\": ...} or start with --tingee-webhook-url");
         const std::string status = in.value("status", "confirm-va-success");
         if (status != "confirm-va-success" && status != "confirm-va-failed")
           return bad_request(res, "status must be confirm-va-success or confirm-va-failed");
         Json body;
         std::string redirect;
         {
           std::lock_guard<std::mutex> lock(state.mu);
           auto it = world->sessions.find(in["s"].get<std::string>());
           if (it == world->sessions.end()) return bad_request(res, "no such bank-link session");
           auto& session = it->second;
           if (session.status != "pending") return bad_request(res, "the session is already " + session.status);
           const std::string bank = in.value("bankName", session.bank_name.empty() ? "BIDV" : session.bank_name);
           if (tingee_bank_bin(bank).empty())
             return bad_request(res, "bankName must be one of the BankNameEnum values");
           if (!session.allowed_banks.empty() && std::find(session.allowed_banks.begin(), session.allowed_banks.end(),
                                                           bank) == session.allowed_banks.end()) {
             return bad_request(res, "the session does not offer " + bank);
           }
           const bool linked = status == "confirm-va-success";
           session.status = linked ? "linked" : "failed";
           if (linked && state.tingee_link_va) {  // the VA world lists it (get-va-paging)
             session.va_account_number =
                 state.tingee_link_va(Json{{"bankBin", tingee_bank_bin(bank)},
                                           {"accountNumber", in["accountNumber"]},
                                           {"accountName", in.value("accountName", "NGUYEN VAN A")},
                                           {"requestId", it->first}});
           }
           if (linked && session.va_account_number.empty()) {
             session.va_account_number = "TNG" + std::to_string(60000000000LL + state.next_id++);
           }
           body = {{"requestId", it->first},
                   {"status", status},
                   {"vaAccountNumber", session.va_account_number},
                   {"accountNumber", in["accountNumber"]},
                   {"accountName", in.value("accountName", "NGUYEN VAN A")}};
           if (!session.redirect_url.empty()) redirect = session.redirect_url;
           state.record("tingee", "", "bank-link-" + session.status,
                        Json{{"s", it->first}, {"vaAccountNumber", session.va_account_number}, {"bankName", bank}});
         }
         const std::string text_body = body.dump();
         const std::string ts = vn_now(true);
         const httplib::Headers headers = {
             {"x-request-timestamp", ts},
             {"x-signature", hmac_sha512_hex(options.tingee_secret, ts + ":" + text_body)}};
         const auto deliveries =
             deliver(state, url, false, text_body, {}, headers,
                     Json{{"provider", "tingee"}, {"event", "bank-link"}, {"requestId", body["requestId"]}});
         json_reply(res, 200,
                    Json{{"requestId", body["requestId"]},
                         {"status", status},
                         {"vaAccountNumber", body["vaAccountNumber"]},
                         {"redirectUrl", redirect},
                         {"deliveries", deliveries}});
       });
}

}  // namespace

void install_tingee_misc(httplib::Server& server, const Options& options, State& state) {
  auto world = std::make_shared<MiscWorld>();
  state.counters.emplace_back("tingee.deep_links", [world] { return world->links.size(); });
  state.counters.emplace_back("tingee.bank_link_sessions", [world] { return world->sessions.size(); });
  for (const std::string prefix : {"/v1/", "/v1/bank/"}) {
    route(server, options, state, world, prefix + "generate-viet-qr", generate_viet_qr);
    route(server, options, state, world, prefix + "get-account-number-info-by-qr-code", account_info);
  }
  route(server, options, state, world, "/v1/deep-link/generate",
        [](State& s, MiscWorld& w, const std::string& base, const Json& b, httplib::Response& res) {
          deep_link(s, w, base, b, res, false);
        });
  route(server, options, state, world, "/v1/deep-link/generate-bidv-test",
        [](State& s, MiscWorld& w, const std::string& base, const Json& b, httplib::Response& res) {
          deep_link(s, w, base, b, res, true);
        });
  route(server, options, state, world, "/v1/create-bank-link-session", bank_link_session);
  route(server, options, state, world, "/v1/device/read-amount", read_amount);
  install_bank_link_page(server, options, state, world);
}

}  // namespace paygw::sandbox
