// SPDX-License-Identifier: MIT
// paygw-sandbox — fault injection.
#include "sandbox.hpp"

#include <cstdlib>

namespace paygw::sandbox {
namespace {

// Fault injection, chosen per request by the header `x-sandbox-fault: <mode>[:<ms>]` or queued
// with `POST /_sandbox/faults {"mode": ..., "ms": ..., "count": 1, "path": "<prefix>"}`
// (`DELETE /_sandbox/faults` clears the queue). Modes:
//   delay      answer normally after <ms> (default 500)
//   timeout    read the request, wait <ms> (default 5000), then process it: the client has given up,
//              but the request was carried out (the "maybe sent" case)
//   reset      close the connection after the status line, before any body
//   http500 / http502 / http503   that status (502 with an HTML page, 503 with Retry-After)
//   malformed  200 with a body that is not JSON
//   truncated  200 announcing 200 bytes, then closing after 20
//   oversized  200 with a 6 MiB body
class FaultInjector {
 public:
  struct Fault {
    std::string mode;
    long ms = -1;
    int count = 1;
    std::string path;
  };

  // `self` is this injector: the handlers hold it, so it lives as long as the server.
  explicit FaultInjector(State& state) : state_(state) {}

  void install(httplib::Server& server, const std::shared_ptr<FaultInjector>& self) {
    post(server, "/_sandbox/faults", [self](const httplib::Request&, const std::string& body, httplib::Response& res) {
      const Json b = Json::parse(body.empty() ? "{}" : body, nullptr, false);
      if (!b.is_object() || !b.value("mode", Json("")).is_string() || !known(b.value("mode", ""))) {
        res.status = 400;
        return res.set_content(R"({"message":"unknown fault mode"})", "application/json");
      }
      const Json ms = b.value("ms", Json(-1)), count = b.value("count", Json(1)), path = b.value("path", Json(""));
      if (!ms.is_number_integer() || (ms.get<long long>() != -1 && !valid_ms(ms.get<long long>())) ||
          !count.is_number_integer() || count.get<long long>() < 1 || count.get<long long>() > kMaxCount ||
          !path.is_string()) {
        return bad_request(res, "ms must be 0.." + std::to_string(kMaxMs) + ", count 1.." + std::to_string(kMaxCount) +
                                    ", path a string");
      }
      std::lock_guard<std::mutex> lock(self->mu_);
      if (self->queue_.size() >= kMaxQueued) return bad_request(res, "too many queued faults (DELETE clears them)");
      self->queue_.push_back(Fault{b["mode"].get<std::string>(), static_cast<long>(ms.get<long long>()),
                                   static_cast<int>(count.get<long long>()), path.get<std::string>()});
      res.set_content(R"({"queued":true})", "application/json");
    });
    server.Delete("/_sandbox/faults", [self](const httplib::Request&, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(self->mu_);
      self->queue_.clear();
      res.set_content(R"({"cleared":true})", "application/json");
    });
    server.set_pre_routing_handler([self](const httplib::Request& req, httplib::Response& res) {
      if (req.path.rfind("/_sandbox", 0) == 0) return httplib::Server::HandlerResponse::Unhandled;
      const auto fault = self->take(req);
      if (!fault) return httplib::Server::HandlerResponse::Unhandled;
      {
        std::lock_guard<std::mutex> lock(self->state_.mu);
        self->state_.note("fault",
                          fault->mode + (fault->ms >= 0 ? ":" + std::to_string(fault->ms) : std::string()) + " on " +
                              req.method + " " + req.path,
                          Json{{"mode", fault->mode}, {"path", req.path}});
      }
      return apply(*fault, res) ? httplib::Server::HandlerResponse::Handled
                                : httplib::Server::HandlerResponse::Unhandled;
    });
  }

 private:
  static constexpr long long kMaxMs = 60'000;
  static constexpr long long kMaxCount = 1000;
  static constexpr std::size_t kMaxQueued = 1000;
  static bool valid_ms(long long ms) { return ms >= 0 && ms <= kMaxMs; }

  static bool known(const std::string& mode) {
    for (const char* m :
         {"delay", "timeout", "reset", "http500", "http502", "http503", "malformed", "truncated", "oversized"}) {
      if (mode == m) return true;
    }
    return false;
  }

  std::optional<Fault> take(const httplib::Request& req) {
    if (req.has_header("x-sandbox-fault")) {
      const std::string h = req.get_header_value("x-sandbox-fault");
      const auto colon = h.find(':');
      const std::string ms = colon == std::string::npos ? "" : h.substr(colon + 1);
      const bool ms_ok = ms.empty() || (ms.size() <= 6 && ms.find_first_not_of("0123456789") == std::string::npos &&
                                        valid_ms(std::stoll(ms)));
      Fault f{h.substr(0, colon), ms.empty() ? -1 : (ms_ok ? std::atol(ms.c_str()) : -1), 1, ""};
      if (known(f.mode) && ms_ok) return f;
    }
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = queue_.begin(); it != queue_.end(); ++it) {
      if (req.path.rfind(it->path, 0) != 0) continue;
      Fault f = *it;
      if (--it->count <= 0) queue_.erase(it);
      return f;
    }
    return std::nullopt;
  }

  // Returns true when the fault produced the whole answer.
  static bool apply(const Fault& f, httplib::Response& res) {
    if (f.mode == "delay" || f.mode == "timeout") {
      pause_for(std::chrono::milliseconds(f.ms >= 0 ? f.ms : (f.mode == "delay" ? 500 : 5000)));
      return false;  // then process the request normally
    }
    if (f.mode == "reset") {
      res.set_content_provider(1000, "application/json", [](size_t, size_t, httplib::DataSink&) { return false; });
    } else if (f.mode == "http500") {
      res.status = 500;
      res.set_content(R"({"message":"Internal Server Error.","error":"Internal Server Error","statusCode":500})",
                      "application/json");
    } else if (f.mode == "http502") {
      res.status = 502;
      res.set_content("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
    } else if (f.mode == "http503") {
      res.status = 503;
      res.set_header("Retry-After", "1");
      res.set_content(R"({"message":"Service Unavailable"})", "application/json");
    } else if (f.mode == "malformed") {
      res.set_content("{\"code\":\"00\",\"message\":", "application/json");
    } else if (f.mode == "truncated") {
      res.set_content_provider(200, "application/json", [](size_t offset, size_t, httplib::DataSink& sink) {
        if (offset == 0) sink.write("{\"code\":\"00\",\"message", 20);
        return false;
      });
    } else if (f.mode == "oversized") {
      res.set_content(std::string(6u << 20, ' ') + "{}", "application/json");
    }
    return true;
  }

  State& state_;
  std::mutex mu_;
  std::vector<Fault> queue_;
};

}  // namespace

void install_faults(httplib::Server& server, State& state) {
  auto faults = std::make_shared<FaultInjector>(state);
  faults->install(server, faults);
}

}  // namespace paygw::sandbox
