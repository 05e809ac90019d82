// Card charging callback receiver (cpp-httplib): verifies each callback against the stored
// submission, applies the pending -> final transition once, and always answers 200 so the
// provider stops retrying.
//
// Usage: charging_callback_server [--port N] [--exit-after-final] <telco> <code> <serial> <declared_value> <request_id>
// Environment: PAYGW_CHARGING_PARTNER_KEY. Prints "listening on <url>" when ready.
#include <paygw/paygw.hpp>

#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  using namespace paygw;
  int port = 0;
  bool exit_after_final = false;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--port" && i + 1 < argc) {
      port = std::atoi(argv[++i]);
    } else if (a == "--exit-after-final") {
      exit_after_final = true;
    } else {
      args.push_back(a);
    }
  }
  const char* key = std::getenv("PAYGW_CHARGING_PARTNER_KEY");
  if (args.size() != 5 || key == nullptr) {
    std::fputs("usage: PAYGW_CHARGING_PARTNER_KEY=... charging_callback_server [--port N] [--exit-after-final]\n"
               "       <telco> <code> <serial> <declared_value> <request_id>\n",
               stderr);
    return 2;
  }
  const Secret partner_key(key);
  // In a real shop this is a database row written at submit time.
  const charging::Submission stored{args[4], args[0], args[1], args[2], std::stoll(args[3])};
  charging::ChargeResult state;  // the stored result: pending until a final callback is applied
  state.status_code = 99;
  state.status = charging::Status::kPending;
  std::mutex mu;

  httplib::Server server;
  auto handle = [&](const httplib::Request& req, httplib::Response& res) {
    const std::string query = req.target.find('?') == std::string::npos ? "" : req.target.substr(req.target.find('?') + 1);
    auto verified = charging::verify_callback({query, req.body}, partner_key, stored);
    res.status = 200;  // answer 200 even to rejects: a retry storm helps nobody; log and alert instead
    if (!verified) {
      std::printf("callback rejected: %s\n", describe(verified.error()).c_str());
      res.set_content("ignored", "text/plain");
      return;
    }
    std::lock_guard<std::mutex> lock(mu);  // the compare-and-set a database would do
    const auto decision = charging::decide(state, *verified);
    switch (decision.action) {
      case charging::Action::kApply:
        state = *verified;
        std::printf("callback verified and applied: %s, %s\n", std::string(charging::to_string(state.status)).c_str(),
                    state.credits() ? ("credit " + std::to_string(state.amount.value_or(0)) + " VND").c_str()
                                    : "no credit");
        break;
      case charging::Action::kDuplicate:
        std::printf("duplicate callback%s: nothing changed\n", decision.conflicts ? " with different data (alert!)" : "");
        break;
      case charging::Action::kIgnore:
        std::printf("callback status %d is not final: still waiting\n", verified->status_code);
        break;
    }
    std::fflush(stdout);
    res.set_content("ok", "text/plain");
    if (exit_after_final && state.is_final()) server.stop();
  };
  server.Get("/charge/callback", handle);
  server.Post("/charge/callback", handle);
  const int bound = port == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound <= 0) return std::fprintf(stderr, "cannot listen on 127.0.0.1:%d\n", port), 1;
  std::printf("listening on http://127.0.0.1:%d/charge/callback\n", bound);
  std::fflush(stdout);
  server.listen_after_bind();
  return state.is_final() ? 0 : 3;
}
