// SPDX-License-Identifier: MIT
// paygw-sandbox — the screens page's HTTP side (see screens.hpp): GET /_sandbox/ serves
// screens.html (embedded at build time, screens_page.cpp.in), GET /_sandbox/screens its data, and
// the request log feeds the page's event log.
#include "screens.hpp"

namespace paygw::sandbox {

extern const char* const kScreensPage;  // screens_page.cpp, generated from screens.html

namespace {

std::string provider_of(const std::string& path) {
  if (path.rfind("/v1/", 0) == 0) return "tingee";
  if (path.rfind("/openapi/", 0) == 0) return "tconnect";
  if (path.rfind("/chargingws/", 0) == 0) return "charging";
  return "sandbox";
}

// The last JSON reply made on this thread (json_reply() calls remember_reply()): read by the
// logger, which runs on the same thread once the response is written (possibly compressed).
thread_local const httplib::Response* t_response = nullptr;
thread_local Json t_reply;

// What a reply says beyond its HTTP status, from fields known to hold no secret: Tingee's
// code/message, TConnect's message, a card's status/message. Never a token, a card code or serial.
std::string outcome(const std::string& provider, const Json& body) {
  auto field = [&body](const char* key) -> std::string {
    if (!body.contains(key)) return "";
    const Json& v = body[key];
    return v.is_string() ? v.get<std::string>() : v.is_number_integer() ? v.dump() : "";
  };
  std::string out;
  if (provider == "tingee" && !field("code").empty()) out = "code " + field("code");
  if (provider == "charging" && !field("status").empty()) out = "status " + field("status");
  const std::string message = field("message");
  if (!message.empty()) out += (out.empty() ? "" : " ") + message;
  return out.size() > 120 ? out.substr(0, 120) + "..." : out;
}

}  // namespace

void remember_reply(const httplib::Response& res, const Json& body) {
  t_response = &res;
  t_reply = Json::object();
  if (!body.is_object()) return;
  for (const char* key : {"code", "status", "message"}) {
    if (body.contains(key)) t_reply[key] = body[key];
  }
}

void install_screens(httplib::Server& server, State& state) {
  server.Get("/_sandbox", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/_sandbox/"); });
  server.Get("/_sandbox/", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(kScreensPage, "text/html; charset=utf-8");
  });
  server.Get("/_sandbox/screens", [&state](const httplib::Request& req, httplib::Response& res) {
    long long since = -1;
    const std::string text = req.get_param_value("since");
    if (!text.empty() && text.size() <= 18 && text.find_first_not_of("0123456789") == std::string::npos)
      since = std::stoll(text);
    Json body;
    {
      std::lock_guard<std::mutex> lock(state.mu);
      body = state.screens_json(since);
    }
    add_qr_images(body);
    res.set_header("Cache-Control", "no-store");
    res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
  });
  // Every request but the observers' own reads (the page, its polls, /events, /devices).
  server.set_logger([&state](const httplib::Request& req, const httplib::Response& res) {
    if (req.method == "GET" && req.path.rfind("/_sandbox", 0) == 0) return;
    const std::string provider = provider_of(req.path);
    const std::string said = t_response == &res ? outcome(provider, t_reply) : "";
    t_response = nullptr;
    std::lock_guard<std::mutex> lock(state.mu);
    state.note("request",
               req.method + " " + req.path + " -> " + std::to_string(res.status) + (said.empty() ? "" : ", ") + said,
               Json{{"provider", provider}, {"status", res.status}});
  });
}

}  // namespace paygw::sandbox
