// paygw-sandbox — a local simulator of the payment gateways for demos and integration tests.
//
// Today it simulates the Tingee device API (../shared/spec/tingee.md §9): the HMAC-SHA512
// signature over the exact bytes received, the timestamp window (codes 90/91/97), a small
// device registry, and an event log of what each device displayed or announced
// (GET /_sandbox/events). Its verification is written here, independently of the paygw client,
// so that it catches a client that signs different bytes than it sends.
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace {

using Json = nlohmann::ordered_json;

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;
  std::string tingee_client_id;
  std::string tingee_secret;
  long window_ms = 10 * 60 * 1000;  // ±10 min (spec §2.2)
  long future_tolerance_ms = 5000;  // a timestamp slightly ahead of our clock is tolerated
};

struct Device {
  std::string type;
  std::string security_code;
  bool linked = false;
};

struct State {
  std::mutex mu;
  std::map<std::string, Device> devices;
  Json events = Json::array();
  long long next_bill = 1;

  void record(const std::string& uuid, const std::string& what, Json detail) {
    events.push_back(Json{{"provider", "tingee"}, {"device", uuid}, {"event", what}, {"detail", std::move(detail)}});
  }
};

std::string hex(const unsigned char* data, std::size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(digits[data[i] >> 4]);
    out.push_back(digits[data[i] & 15]);
  }
  return out;
}

std::string hmac_sha512_hex(const std::string& key, const std::string& message) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha512(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), mac, &len);
  return hex(mac, len);
}

std::string random_token(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  RAND_bytes(buf.data(), static_cast<int>(bytes));
  return hex(buf.data(), bytes);
}

// Vietnam wall-clock milliseconds since the epoch for a yyyyMMddHHmmssSSS string, or -1.
long long parse_vn_timestamp(const std::string& ts) {
  if (ts.size() != 17) return -1;
  for (char c : ts) {
    if (c < '0' || c > '9') return -1;
  }
  std::tm tm{};
  tm.tm_year = std::stoi(ts.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(ts.substr(4, 2)) - 1;
  tm.tm_mday = std::stoi(ts.substr(6, 2));
  tm.tm_hour = std::stoi(ts.substr(8, 2));
  tm.tm_min = std::stoi(ts.substr(10, 2));
  tm.tm_sec = std::stoi(ts.substr(12, 2));
  if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 59)
    return -1;
  const time_t utc_as_if = timegm(&tm);  // the wall-clock fields read as UTC
  return static_cast<long long>(utc_as_if) * 1000 + std::stoi(ts.substr(14, 3)) - 7LL * 3600 * 1000;
}

void reply(httplib::Response& res, const std::string& code, const std::string& message, const Json& data = nullptr) {
  Json body = {{"code", code}, {"message", message}};
  if (!data.is_null()) body["data"] = data;
  res.status = 200;
  res.set_content(body.dump(), "application/json");
}

class TingeeSimulator {
 public:
  TingeeSimulator(const Options& options, State& state) : options_(options), state_(state) {}

  // Returns true when the request is authentic; otherwise the error reply is already written.
  bool authenticate(const httplib::Request& req, httplib::Response& res) const {
    if (!req.has_header("x-client-id") || !req.has_header("x-request-timestamp") || !req.has_header("x-signature")) {
      res.status = 401;
      res.set_content(R"({"message":"Unauthorized.","error":"Unauthorized","statusCode":401})", "application/json");
      return false;
    }
    if (req.get_header_value("x-client-id") != options_.tingee_client_id) {
      res.status = 401;
      res.set_content(R"({"message":"Unauthorized.","error":"Unauthorized","statusCode":401})", "application/json");
      return false;
    }
    const std::string ts = req.get_header_value("x-request-timestamp");
    const long long sent_ms = parse_vn_timestamp(ts);
    if (sent_ms < 0) {
      reply(res, "90", "Timestamp is invalid");
      return false;
    }
    const long long now_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    if (now_ms - sent_ms > options_.window_ms || sent_ms - now_ms > options_.future_tolerance_ms) {
      reply(res, "91", "Request expired");
      return false;
    }
    // Strict: the signature must cover exactly the bytes received ("{}" when there are none).
    const std::string body = req.body.empty() ? "{}" : req.body;
    if (hmac_sha512_hex(options_.tingee_secret, ts + ":" + body) != req.get_header_value("x-signature")) {
      reply(res, "97", "Invalid signature");
      return false;
    }
    return true;
  }

  void install(httplib::Server& server) {
    auto post = [&](const std::string& path, auto handler) {
      server.Post(path, [this, handler](const httplib::Request& req, httplib::Response& res) {
        if (!authenticate(req, res)) return;
        Json body = Json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object()) {
          res.status = 400;
          res.set_content(R"({"message":"body must be a JSON object","error":"Bad Request","statusCode":400})",
                          "application/json");
          return;
        }
        std::lock_guard<std::mutex> lock(state_.mu);
        handler(body, res);
      });
    };

    post("/v1/device/read-security-code", [this](const Json& b, httplib::Response& res) {
      auto* d = device(b, res);
      if (d == nullptr) return;
      state_.record(b["uuid"], "announce-security-code", Json{{"securityCode", d->security_code}});
      reply(res, "00", "Success");
    });
    post("/v1/device/add-device-to-shop", [this](const Json& b, httplib::Response& res) {
      auto* d = device(b, res);
      if (d == nullptr) return;
      if (b.value("securityCode", "") != d->security_code) return reply(res, "1004", "Mã bảo mật không đúng");
      d->linked = true;
      state_.record(b["uuid"], "linked", b);
      reply(res, "00", "Success", Json::array({Json{{"type", d->type}, {"uuid", b["uuid"]}}}));
    });
    post("/v1/device/update-shop-device-link-status", [this](const Json& b, httplib::Response& res) {
      auto* d = device(b, res);
      if (d == nullptr) return;
      state_.record(b["uuid"], "link-status", b.value("shopsLinkToDeviceDtos", Json::array()));
      reply(res, "00", "Success");
    });
    post("/v1/device/get-devices-link-to-shop-or-va", [this](const Json&, httplib::Response& res) {
      Json list = Json::array();
      for (const auto& [uuid, d] : state_.devices) {
        if (d.linked) list.push_back(Json{{"type", d.type}, {"uuid", uuid}});
      }
      reply(res, "00", "Success", list);
    });
    post("/v1/device/get-paging", [this](const Json& b, httplib::Response& res) {
      Json items = Json::array();
      for (const auto& [uuid, d] : state_.devices) {
        items.push_back(
            Json{{"type", d.type}, {"uuid", uuid}, {"name", uuid}, {"status", "approved"}, {"masterMerchantId", 1}});
      }
      const auto skip = b.value("skipCount", 0);
      const auto take = b.value("maxResultCount", 10);
      Json page = Json::array();
      for (std::size_t i = static_cast<std::size_t>(skip);
           i < items.size() && page.size() < static_cast<std::size_t>(take); ++i) {
        page.push_back(items[i]);
      }
      reply(res, "00", "Success", Json{{"totalCount", items.size()}, {"items", page}});
    });
    for (const char* path :
         {"/v1/device/show-qr-code", "/v1/device/show-dynamic-qr-code", "/v1/device/show-static-qr-code"}) {
      const std::string name = std::string(path).substr(std::string("/v1/device/").size());
      post(path, [this, name](const Json& b, httplib::Response& res) {
        auto* d = linked_device(b, res);
        if (d == nullptr) return;
        const bool only_3ls = name == "show-qr-code";
        if (only_3ls != (d->type == "tingee-box-3ls")) return reply(res, "1010", "Loại thiết bị không hỗ trợ");
        state_.record(b["uuid"], "display-qr",
                      Json{{"endpoint", name}, {"amount", b.value("amount", 0)}, {"qrCode", b.value("qrCode", "")}});
        reply(res, "00", "Success", Json::object());
      });
    }
    post("/v1/device/generate-and-show-dynamic-qr-code", [this](const Json& b, httplib::Response& res) {
      auto* d = linked_device(b, res);
      if (d == nullptr) return;
      const std::string bill = "SBX-BILL-" + std::to_string(state_.next_bill++);
      state_.record(
          b["uuid"], "display-qr",
          Json{{"endpoint", "generate-and-show-dynamic-qr-code"}, {"amount", b.value("amount", 0)}, {"billId", bill}});
      reply(res, "00", "Success",
            Json{{"qrCode", "00020101021238..."}, {"qrAccount", b.value("vaAccountNumber", "")}, {"billId", bill}});
    });
    post("/v1/device/read-amount-link-to-merchant", [this](const Json& b, httplib::Response& res) {
      auto* d = linked_device(b, res);
      if (d == nullptr) return;
      state_.record(b["uuid"], "announce-amount",
                    Json{{"amount", b.value("amount", 0)}, {"transactionId", b.value("transactionId", "")}});
      reply(res, "00", "Success");
    });
    post("/v1/device/print-receipt", [this](const Json& b, httplib::Response& res) {
      auto* d = linked_device(b, res);
      if (d == nullptr) return;
      if (d->type != "tingee-box-max") return reply(res, "1010", "Loại thiết bị không hỗ trợ");
      state_.record(b["uuid"], "print", Json{{"totalAmount", b.value("totalAmount", 0)}});
      reply(res, "00", "Success");
    });
    server.Delete("/v1/device/reset", [this](const httplib::Request& req, httplib::Response& res) {
      if (!authenticate(req, res)) return;
      std::lock_guard<std::mutex> lock(state_.mu);
      auto it = state_.devices.find(req.get_param_value("uuid"));
      if (it == state_.devices.end()) return reply(res, "1002", "Thiết bị không tồn tại");
      it->second.linked = false;
      state_.record(it->first, "reset", nullptr);
      reply(res, "00", "Success", "Reset device successfully");
    });
  }

 private:
  Device* device(const Json& b, httplib::Response& res) {
    auto it = state_.devices.find(b.value("uuid", ""));
    if (it == state_.devices.end()) {
      reply(res, "1002", "Thiết bị không tồn tại");
      return nullptr;
    }
    return &it->second;
  }
  Device* linked_device(const Json& b, httplib::Response& res) {
    Device* d = device(b, res);
    if (d != nullptr && !d->linked) {
      reply(res, "1003", "Thiết bị chưa được liên kết");
      return nullptr;
    }
    return d;
  }

  const Options& options_;
  State& state_;
};

const char* env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

void usage() {
  std::puts(
      "usage: paygw-sandbox [--port N] [--host H] [--tingee-client-id ID] [--tingee-secret S]\n"
      "  Simulates the Tingee device API on http://H:N (default 127.0.0.1, a free port).\n"
      "  Credentials default to $PAYGW_TINGEE_CLIENT_ID / $PAYGW_TINGEE_SECRET, else are generated.\n"
      "  Prints 'listening on <url>' once ready. GET /_sandbox/events lists device effects.\n"
      "  Devices: DEMO-BOX-3LS (tingee-box-3ls), DEMO-BOX-6XS (tingee-box-6xs), DEMO-BOX-MAX (tingee-box-max),\n"
      "  security code 123456, DEMO-BOX-3LS and DEMO-BOX-MAX linked at start.");
}

httplib::Server* g_server = nullptr;
extern "C" void on_signal(int) {
  if (g_server != nullptr) g_server->stop();
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  options.tingee_client_id = env_or("PAYGW_TINGEE_CLIENT_ID", "");
  options.tingee_secret = env_or("PAYGW_TINGEE_SECRET", "");
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "paygw-sandbox: %s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--help" || arg == "-h") {
      usage();
      return 0;
    } else if (arg == "--port") {
      options.port = std::atoi(next().c_str());
    } else if (arg == "--host") {
      options.host = next();
    } else if (arg == "--tingee-client-id") {
      options.tingee_client_id = next();
    } else if (arg == "--tingee-secret") {
      options.tingee_secret = next();
    } else {
      std::fprintf(stderr, "paygw-sandbox: unknown argument %s (see --help)\n", arg.c_str());
      return 2;
    }
  }
  if (options.tingee_client_id.empty()) options.tingee_client_id = "sandbox-" + random_token(4);
  const bool generated_secret = options.tingee_secret.empty();
  if (generated_secret) options.tingee_secret = random_token(24);

  State state;
  state.devices["DEMO-BOX-3LS"] = Device{"tingee-box-3ls", "123456", true};
  state.devices["DEMO-BOX-6XS"] = Device{"tingee-box-6xs", "123456", false};
  state.devices["DEMO-BOX-MAX"] = Device{"tingee-box-max", "123456", true};

  httplib::Server server;
  server.set_tcp_nodelay(true);  // no Nagle delay on small replies
  TingeeSimulator tingee(options, state);
  tingee.install(server);
  server.Get("/_sandbox/events", [&state](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(state.mu);
    res.set_content(state.events.dump(2), "application/json");
  });

  const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                                     : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port <= 0) {
    std::fprintf(stderr, "paygw-sandbox: cannot listen on %s:%d\n", options.host.c_str(), options.port);
    return 1;
  }
  g_server = &server;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::printf("tingee client id: %s\n", options.tingee_client_id.c_str());
  // A generated sandbox secret is printed so that it can be used; one passed in never is.
  if (generated_secret) std::printf("tingee secret: %s\n", options.tingee_secret.c_str());
  std::printf("listening on http://%s:%d\n", options.host.c_str(), port);
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}
