// SPDX-License-Identifier: MIT
// paygw-sandbox — Tingee's virtual accounts (bank-account linking), served under both /v1/ and
// /v1/bank/ like the rest of the bank group, signed and verified like every Tingee request.
//
// The simulation (the order of Tingee's docs and official SDKs; codes marked "sandbox" are the
// sandbox's own, Tingee does not document them):
//   create-va, create-va-advanced  a new VA, status "inactive", and an OTP session (confirmId,
//                                  otpMethod SMSTTT); with isCreateNonOtp the VA is active at once.
//                                  An account already linked (active) to the bank: 1010.
//                                  vaAccountNumber naming a pending (inactive) VA of the same
//                                  account: a new OTP session for that VA, no second VA (sandbox).
//   confirm-va                     the session's OTP activates the VA. A session is consumed by its
//                                  first try, right or wrong: a wrong OTP answers 1021 and the same
//                                  confirmId then answers 1020 (sandbox), as does an unknown one.
//   delete-va?bankBin=&vaAccountNumber=   an OTP session to unlink (the bank by bankBin or bankName;
//                                  unknown VA: 1011, sandbox); confirm-delete-va with the OTP removes the VA.
//   register-notify, confirm-register-notify   an OTP session for an active VA, then notification on.
//   get-va-paging                  every VA that exists (pending ones included), filtered by bankBin
//                                  or bankName, shopId, accountType and `filter` (a substring of the
//                                  account number, VA number or holder's name), paged.
//   VCB (970436), TPB (970423)     redirect-authorize banks (sandbox; Tingee's live answers): create-va
//                                  answers a one-element array, VCB `[{confirmId, deepLink:
//                                  "vcbpartner://…"}]`, TPB `[{authorizeLink}]` (no confirmId); the VA
//                                  is pending until the holder approves. The holder's approval is the
//                                  unsigned page GET /_sandbox/tingee/va/approve?confirmId=… (the TPB
//                                  authorizeLink itself; for VCB the confirmId of the answer), with
//                                  `&reject=1` a refusal, which removes the pending VA (sandbox).
//                                  Approval makes the VA active; either way, when
//                                  create-va named a webhookUrl (else --tingee-webhook-url), a signed
//                                  bank-link webhook {requestId, status: confirm-va-success |
//                                  confirm-va-failed, vaAccountNumber, accountNumber, accountName} is sent.
// Every OTP the sandbox's bank "sends" is kOtp (123456); each session is noted in the event log.
#include "sandbox.hpp"

#include <algorithm>

#include <ctime>
#include <memory>

namespace paygw::sandbox {
namespace {

constexpr const char* kOtp = "123456";

struct Va {
  std::string bank_bin, bank_name, account_type, account_name, account_number, va_account_number, status;
  std::string creation_time;
  Json shop_id = nullptr;
  bool notify = false;
  std::string request_id, webhook_url;  // from create-va, for the bank-link webhook
};

struct OtpSession {
  std::string kind;  // create | delete | notify | approve (the holder's, VCB/TPB)
  std::string va_account_number, bank_bin;
  bool used = false;
};

/// The VAs and OTP sessions (guarded by State::mu, which tingee_post holds around each handler).
struct VaWorld {
  std::map<std::string, Va> vas;               // by vaAccountNumber
  std::map<std::string, OtpSession> sessions;  // by confirmId
  std::string base;  // the sandbox's base URL as the request being handled reached it (set under the lock)
};

constexpr const char* kVcbBin = "970436";
constexpr const char* kTpbBin = "970423";

std::string open_session(State& s, VaWorld& w, const std::string& prefix, const std::string& kind, const Va& va) {
  const std::string id = prefix + std::to_string(s.next_id++);
  w.sessions[id] = OtpSession{kind, va.va_account_number, va.bank_bin, false};
  s.record("tingee", "", "otp-sent",
           Json{{"kind", kind}, {"confirmId", id}, {"vaAccountNumber", va.va_account_number}});
  return id;
}

/// The session a confirm names, consumed by this try; nullptr after an error reply (unknown,
/// already used, another kind or bank: 1020; a wrong OTP: 1021).
OtpSession* consume(VaWorld& w, const Json& b, const std::string& kind, httplib::Response& res) {
  if (!text(b, "confirmId") || !text(b, "bankBin")) return invalid(res, "confirmId and bankBin are required"), nullptr;
  auto it = w.sessions.find(b["confirmId"].get<std::string>());
  if (it == w.sessions.end() || it->second.used || it->second.kind != kind || it->second.bank_bin != b["bankBin"]) {
    tingee_reply(res, "1020", "Phiên xác thực không tồn tại hoặc đã hết hạn");
    return nullptr;
  }
  it->second.used = true;  // the first try consumes the OTP, right or wrong
  if (b.value("otpNumber", "") != kOtp) {
    tingee_reply(res, "1021", "OTP không đúng");
    return nullptr;
  }
  return &it->second;
}

bool holder_approves(const std::string& bin) { return bin == kVcbBin || bin == kTpbBin; }

/// create-va's answer for a redirect-authorize bank: a new holder-approval session, VCB
/// `[{confirmId, deepLink}]`, TPB `[{authorizeLink}]`.
void holder_reply(State& s, VaWorld& w, const Va& va, httplib::Response& res) {
  const std::string id = open_session(s, w, "SBX-AP-", "approve", va);
  const Json item = va.bank_bin == kVcbBin
                        ? Json{{"confirmId", id}, {"deepLink", "vcbpartner://sandbox/approve?confirmId=" + id}}
                        : Json{{"authorizeLink", w.base + "/_sandbox/tingee/va/approve?confirmId=" + id}};
  tingee_reply(res, "00", "Success", Json::array({item}));
}

Json va_item(const Va& va) {
  return Json{{"bankName", va.bank_name},
              {"bankBin", va.bank_bin},
              {"accountType", va.account_type},
              {"accountName", va.account_name},
              {"accountNumber", va.account_number},
              {"vaAccountNumber", va.va_account_number},
              {"shopId", va.shop_id},
              {"status", va.status},
              {"creationTime", va.creation_time}};
}

void create_va(State& s, VaWorld& w, const Json& b, httplib::Response& res) {
  const std::string bin = bin_of(b);
  if (bin.empty()) return invalid(res, "bankBin or bankName must name a bank Tingee serves");
  if (!text(b, "accountNumber") || !text(b, "accountType") || !text(b, "appType")) {
    return invalid(res, "accountNumber, accountType and appType are required");
  }
  const std::string account = b["accountNumber"].get<std::string>();
  // Every create may open an OTP session too: both stay within kMaxWorldObjects.
  if (tingee_world_full(s, std::max(w.vas.size(), w.sessions.size()), "virtual accounts and OTP sessions", res)) return;
  for (const auto& [number, va] : w.vas) {
    if (va.bank_bin == bin && va.account_number == account && va.status == "active") {
      return tingee_reply(res, "1010", "Tài khoản đã được liên kết");
    }
  }
  // vaAccountNumber naming a pending VA of this account: a new OTP session for it, no second VA
  // (the sandbox's reading of the field; paygw's onboarding flow relies on it, ADR 0054).
  if (text(b, "vaAccountNumber")) {
    auto it = w.vas.find(b["vaAccountNumber"].get<std::string>());
    if (it != w.vas.end() && it->second.bank_bin == bin && it->second.account_number == account &&
        it->second.status == "inactive") {
      for (auto& [id, session] : w.sessions) {
        if (session.va_account_number == it->first) session.used = true;  // the older sessions end
      }
      const Va& pending = it->second;
      if (holder_approves(bin)) return holder_reply(s, w, pending, res);
      tingee_reply(res, "00", "Success",
                   Json{{"bankName", pending.bank_name},
                        {"merchantAccountNumberId", s.next_id++},
                        {"shopId", pending.shop_id},
                        {"status", pending.status},
                        {"vaAccountNumber", pending.va_account_number},
                        {"confirmId", open_session(s, w, "SBX-CF-", "create", pending)},
                        {"otpMethod", "SMSTTT"}});
      return;
    }
  }
  Va va;
  va.bank_bin = bin;
  va.bank_name = bank_name_of(bin);
  va.account_type = b["accountType"].get<std::string>();
  va.account_name = b.value("accountName", "");
  va.account_number = account;
  va.va_account_number = "TNG" + std::to_string(s.next_id++);
  va.shop_id = b.contains("shopId") ? b["shopId"] : Json(nullptr);
  va.creation_time = iso_now();
  const bool non_otp = b.value("isCreateNonOtp", false);
  va.status = non_otp ? "active" : "inactive";
  va.request_id = b.value("requestId", "");
  va.webhook_url = b.value("webhookUrl", "");
  if (!non_otp && holder_approves(bin)) {  // the holder approves in the bank's app or page
    s.record("tingee", "", "va-created", Json{{"vaAccountNumber", va.va_account_number}, {"status", va.status}});
    w.vas[va.va_account_number] = va;
    return holder_reply(s, w, va, res);
  }
  Json data = {{"bankName", va.bank_name},
               {"merchantAccountNumberId", s.next_id++},
               {"shopId", va.shop_id},
               {"status", va.status},
               {"vaAccountNumber", va.va_account_number}};
  if (!non_otp) {
    data["confirmId"] = open_session(s, w, "SBX-CF-", "create", va);
    data["otpMethod"] = "SMSTTT";
  }
  s.record("tingee", "", "va-created", Json{{"vaAccountNumber", va.va_account_number}, {"status", va.status}});
  w.vas[va.va_account_number] = va;
  tingee_reply(res, "00", "Success", data);
}

/// A signed POST whose parameters may travel in the query string (delete-va): they are merged into
/// the body's members; the handler runs under the state lock.
void signed_post(httplib::Server& server, const Options& options, State& state, const std::string& path,
                 std::function<void(const Json&, const std::string& base, httplib::Response&)> handler) {
  post(server, path,
       [&options, &state, handler](const httplib::Request& req, const std::string& body, httplib::Response& res) {
         if (!tingee_authenticate(options, req, body, res)) return;
         Json b = Json::parse(body.empty() ? "{}" : body, nullptr, false);
         if (b.is_discarded() || !b.is_object()) return invalid(res, "body must be a JSON object");
         for (const auto& [name, value] : req.params) b[name] = value;
         std::lock_guard<std::mutex> lock(state.mu);
         handler(b, std::string(options.tls_cert.empty() ? "http://" : "https://") + req.get_header_value("Host"), res);
       });
}

void install_group(httplib::Server& server, const Options& options, State& state, const std::shared_ptr<VaWorld>& world,
                   const std::string& prefix) {
  State* s = &state;
  auto route = [&](const std::string& name, std::function<void(State&, VaWorld&, const Json&, httplib::Response&)> f) {
    signed_post(server, options, state, prefix + name,
                [s, world, f](const Json& b, const std::string& base, httplib::Response& res) {
                  world->base = base;
                  f(*s, *world, b, res);
                });
  };
  route("create-va", create_va);
  route("create-va-advanced", create_va);
  route("confirm-va", [](State& st, VaWorld& w, const Json& b, httplib::Response& res) {
    OtpSession* session = consume(w, b, "create", res);
    if (session == nullptr) return;
    auto it = w.vas.find(session->va_account_number);
    if (it == w.vas.end()) return tingee_reply(res, "1011", "Tài khoản VA không tồn tại");
    it->second.status = "active";
    st.record("tingee", "", "va-confirmed", Json{{"vaAccountNumber", it->first}});
    const Va& va = it->second;
    tingee_reply(res, "00", "Success",
                 Json{{"accountType", va.account_type},
                      {"bankName", va.bank_name},
                      {"accountNumber", va.account_number},
                      {"vaAccountNumber", va.va_account_number},
                      {"shopId", va.shop_id}});
  });
  // Tingee's delete-va: the bank (bankBin or bankName: the official Node SDK's query type allows
  // either) and vaAccountNumber in the query string, a body-less POST.
  route("delete-va", [](State& st, VaWorld& w, const Json& b, httplib::Response& res) {
    if ((!text(b, "bankBin") && !text(b, "bankName")) || !text(b, "vaAccountNumber")) {
      return invalid(res, "bankBin or bankName, and vaAccountNumber, are required");
    }
    auto it = w.vas.find(b["vaAccountNumber"].get<std::string>());
    if (it == w.vas.end() || it->second.bank_bin != bin_of(b)) {
      return tingee_reply(res, "1011", "Tài khoản VA không tồn tại");
    }
    if (tingee_world_full(st, w.sessions.size(), "OTP sessions", res)) return;
    tingee_reply(res, "00", "Success", Json{{"confirmId", open_session(st, w, "SBX-DEL-", "delete", it->second)}});
  });
  route("confirm-delete-va", [](State& st, VaWorld& w, const Json& b, httplib::Response& res) {
    OtpSession* session = consume(w, b, "delete", res);
    if (session == nullptr) return;
    if (w.vas.erase(session->va_account_number) == 0) return tingee_reply(res, "1011", "Tài khoản VA không tồn tại");
    st.record("tingee", "", "va-deleted", Json{{"vaAccountNumber", session->va_account_number}});
    tingee_reply(res, "00", "Success");
  });
  route("register-notify", [](State& st, VaWorld& w, const Json& b, httplib::Response& res) {
    if (!text(b, "vaAccountNumber")) return invalid(res, "vaAccountNumber is required");
    auto it = w.vas.find(b["vaAccountNumber"].get<std::string>());
    const std::string bin = bin_of(b);
    if (it == w.vas.end() || it->second.status != "active" || (!bin.empty() && it->second.bank_bin != bin)) {
      return tingee_reply(res, "1011", "Tài khoản VA không tồn tại");
    }
    if (tingee_world_full(st, w.sessions.size(), "OTP sessions", res)) return;
    tingee_reply(res, "00", "Success",
                 Json{{"confirmId", open_session(st, w, "SBX-RN-", "notify", it->second)}, {"authorizeLink", ""}});
  });
  route("confirm-register-notify", [](State& st, VaWorld& w, const Json& b, httplib::Response& res) {
    OtpSession* session = consume(w, b, "notify", res);
    if (session == nullptr) return;
    auto it = w.vas.find(session->va_account_number);
    if (it == w.vas.end()) return tingee_reply(res, "1011", "Tài khoản VA không tồn tại");
    it->second.notify = true;
    st.record("tingee", "", "va-notify-registered", Json{{"vaAccountNumber", it->first}});
    tingee_reply(res, "00", "Success");
  });
  route("get-va-paging", [](State&, VaWorld& w, const Json& b, httplib::Response& res) {
    const std::string bin = bin_of(b);
    if ((text(b, "bankBin") || text(b, "bankName")) && bin.empty()) return tingee_page_reply(res, b, Json::array());
    const std::string filter = b.value("filter", "");
    Json items = Json::array();
    for (const auto& [number, va] : w.vas) {
      if (!bin.empty() && va.bank_bin != bin) continue;
      if (b.contains("shopId") && b["shopId"] != va.shop_id) continue;
      if (text(b, "accountType") && b["accountType"] != va.account_type) continue;
      if (!filter.empty() && va.account_number.find(filter) == std::string::npos &&
          number.find(filter) == std::string::npos && va.account_name.find(filter) == std::string::npos) {
        continue;
      }
      items.push_back(va_item(va));
    }
    tingee_page_reply(res, b, items);
  });
}

/// The holder's approval page of a VCB/TPB VA (unsigned, as a browser or the bank app opens it).
void install_holder_page(httplib::Server& server, const Options& options, State& state,
                         const std::shared_ptr<VaWorld>& world) {
  server.Get("/_sandbox/tingee/va/approve", [&options, &state, world](const httplib::Request& req,
                                                                      httplib::Response& res) {
    const bool reject = req.get_param_value("reject") == "1";
    std::string url;
    Json hook;
    Json answer;
    {
      std::lock_guard<std::mutex> lock(state.mu);
      auto it = world->sessions.find(req.get_param_value("confirmId"));
      if (it == world->sessions.end() || it->second.kind != "approve") {
        return bad_request(res, "no holder approval of that confirmId");
      }
      auto va = world->vas.find(it->second.va_account_number);
      if (it->second.used || va == world->vas.end()) return bad_request(res, "this approval is already answered");
      it->second.used = true;
      Va& v = va->second;
      if (!reject) v.status = "active";
      state.record("tingee", "", reject ? "va-approval-rejected" : "va-approved",
                   Json{{"vaAccountNumber", v.va_account_number}});
      answer = Json{{"vaAccountNumber", v.va_account_number}, {"status", v.status}};
      url = v.webhook_url.empty() ? options.tingee_webhook_url : v.webhook_url;
      hook = Json{{"requestId", v.request_id},
                  {"status", reject ? "confirm-va-failed" : "confirm-va-success"},
                  {"vaAccountNumber", v.va_account_number},
                  {"accountNumber", v.account_number},
                  {"accountName", v.account_name}};
      if (reject) world->vas.erase(va);  // a refused link leaves no VA (sandbox)
    }
    Json deliveries = Json::array();
    if (!url.empty()) {  // outside the lock: the receiver may call the sandbox back
      const std::string ts = vn_now(true);
      const std::string text_body = hook.dump();
      const httplib::Headers headers = {{"x-request-timestamp", ts},
                                        {"x-signature", hmac_sha512_hex(options.tingee_secret, ts + ":" + text_body)}};
      for (int status : deliver(state, url, false, text_body, {}, headers,
                                Json{{"provider", "tingee"}, {"event", "bank-link"}, {"status", hook["status"]}})) {
        deliveries.push_back(status);
      }
    }
    answer["deliveries"] = deliveries;
    json_reply(res, 200, answer);
  });
}

}  // namespace

void install_tingee_va(httplib::Server& server, const Options& options, State& state) {
  auto world = std::make_shared<VaWorld>();
  state.counters.emplace_back("tingee.vas", [world] { return world->vas.size(); });
  state.counters.emplace_back("tingee.otp_sessions", [world] { return world->sessions.size(); });
  install_group(server, options, state, world, "/v1/");
  install_group(server, options, state, world, "/v1/bank/");
  install_holder_page(server, options, state, world);
  state.tingee_link_va = [&state, world](const Json& in) {  // a hosted bank-link session completed
    const std::string bin = in.value("bankBin", "");
    const std::string account = in.value("accountNumber", "");
    for (const auto& [number, va] : world->vas) {
      if (va.bank_bin == bin && va.account_number == account && va.status == "active") return number;
    }
    if (world->vas.size() >= state.max_objects) return std::string();  // the world is full: not listed
    Va va;
    va.bank_bin = bin;
    va.bank_name = bank_name_of(bin);
    va.account_type = "personal-account";
    va.account_name = in.value("accountName", "");
    va.account_number = account;
    va.va_account_number = "TNG" + std::to_string(state.next_id++);
    va.creation_time = iso_now();
    va.status = "active";
    va.request_id = in.value("requestId", "");
    state.record("tingee", "", "va-created", Json{{"vaAccountNumber", va.va_account_number}, {"status", va.status}});
    world->vas[va.va_account_number] = va;
    return va.va_account_number;
  };
}

}  // namespace paygw::sandbox
