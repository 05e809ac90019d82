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
#include <pthread.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <signal.h>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <mutex>
#include <set>
#include <thread>
#include <string>
#include <vector>

namespace {

using Json = nlohmann::ordered_json;

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;
  std::string tingee_client_id;
  std::string tingee_secret;
  std::string tconnect_partner_code;
  std::string tconnect_username;
  std::string tconnect_password;
  std::string tconnect_client_id;
  std::string tconnect_client_secret;
  std::string tconnect_aes_key_hex;
  long tconnect_token_ttl_s = 600;
  std::string charging_partner_id;
  std::string charging_partner_key;
  std::string charging_scheme = "A";      // A: key+code+serial; B: key+code+command+partner_id+request_id+serial+telco
  std::string charging_callback_url;      // where results of pending cards are sent
  std::string charging_callback_method = "POST";  // POST (JSON) or GET (query)
  long charging_delay_ms = 300;           // pending -> final delay
  int charging_callback_duplicates = 0;   // extra copies of each final callback
  bool charging_callback_out_of_order = false;  // also send a stale pending callback after the final one
  std::string tingee_webhook_url;         // where POST /_sandbox/tingee/payments delivers
  std::string tconnect_ipn_url;           // where POST /_sandbox/tconnect/payments delivers
  std::string tls_cert, tls_key;          // both set: serve HTTPS with this certificate (PEM files)
  long latency_ms = 0;                    // added to every answer: a gateway's processing time
  long keep_alive_s = 1;                  // idle keep-alive connections are closed after this
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
  // TConnect
  std::map<std::string, long long> access_tokens;   // token -> expiry (ms since epoch)
  std::map<std::string, long long> refresh_tokens;  // token -> expiry
  std::map<std::string, std::string> tconnect_devices;  // serial -> "pos" | "soundbox"
  Json tconnect_transactions = Json::array();
  // Charging: request_id -> card state
  struct Card {
    std::string telco, code, serial;
    long long declared = 0;
    int status = 99;
    int final_status = 1;
    long long trans_id = 0;
  };
  std::map<std::string, Card> cards;

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

long long now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Vietnam wall-clock time, yyyyMMddHHmmss plus SSS when `millis`.
std::string vn_now(bool millis) {
  const long long ms = now_ms() + 7LL * 3600 * 1000;
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
  std::string out(buf);
  if (millis) {
    char frac[8];
    std::snprintf(frac, sizeof frac, "%03lld", ms % 1000);
    out += frac;
  }
  return out;
}

std::optional<std::string> unhex(const std::string& h) {
  if (h.size() % 2 != 0) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < h.size(); i += 2) {
    auto nib = [](char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    const int hi = nib(h[i]), lo = nib(h[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return out;
}

// TConnect envelope (tconnect.md §3.2): hex(IV || AES-256-CBC PKCS#7), written here with EVP.
std::optional<std::string> aes_cbc(bool encrypt, const std::string& key, const std::string& iv, const std::string& in) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  std::string out(in.size() + 16, '\0');
  int n1 = 0, n2 = 0;
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  const bool ok = EVP_CipherInit_ex(ctx, EVP_aes_256_cbc(), nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                                    reinterpret_cast<const unsigned char*>(iv.data()), encrypt ? 1 : 0) == 1 &&
                  EVP_CipherUpdate(ctx, o, &n1, reinterpret_cast<const unsigned char*>(in.data()),
                                   static_cast<int>(in.size())) == 1 &&
                  EVP_CipherFinal_ex(ctx, o + n1, &n2) == 1;
  EVP_CIPHER_CTX_free(ctx);
  if (!ok) return std::nullopt;
  out.resize(static_cast<std::size_t>(n1 + n2));
  return out;
}

/// Delivers a callback to `url` (POST `body`, or GET with `params` as the query when `get`),
/// retrying up to `attempts` times with a growing pause on anything but 2xx. Each attempt is
/// recorded in the event log. Returns the HTTP status of each attempt (0 = no answer).
std::vector<int> deliver(State& state, const std::string& url, bool get, const std::string& body,
                         const httplib::Params& params, const httplib::Headers& headers, Json event, int attempts = 3) {
  std::vector<int> statuses;
  const auto scheme_end = url.find("://");
  const auto path_start = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  const std::string origin = url.substr(0, path_start);
  const std::string path = path_start == std::string::npos ? "/" : url.substr(path_start);
  httplib::Client client(origin);
  client.set_connection_timeout(2);
  client.set_read_timeout(5);
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    const httplib::Result r = get ? client.Get(path, params, headers) : client.Post(path, headers, body, "application/json");
    const int status = r ? r->status : 0;
    statuses.push_back(status);
    {
      std::lock_guard<std::mutex> lock(state.mu);
      event["http_status"] = status;
      event["attempt"] = attempt;
      state.events.push_back(event);
    }
    if (status >= 200 && status < 300) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100 * attempt));
  }
  return statuses;
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
    // A bank credit: Tingee signs timestamp:body over the exact bytes it posts (tingee.md §7).
    server.Post("/_sandbox/tingee/payments", [this](const httplib::Request& req, httplib::Response& res) {
      const Json in = Json::parse(req.body, nullptr, false);
      const std::string url = in.is_object() ? in.value("url", options_.tingee_webhook_url) : options_.tingee_webhook_url;
      if (!in.is_object() || url.empty()) {
        res.status = 400;
        return res.set_content(R"({"message":"give {amount, vaAccountNumber, content} and a webhook url"})", "application/json");
      }
      std::string code;
      {
        std::lock_guard<std::mutex> lock(state_.mu);
        code = "0400/FT" + std::to_string(26000000000LL + state_.next_bill++);
      }
      const std::string ts = vn_now(true);
      const Json body = {{"clientId", options_.tingee_client_id}, {"transactionCode", code}, {"amount", in.value("amount", 0LL)},
                         {"content", in.value("content", "")}, {"bank", "MBB"}, {"bankBin", "970422"},
                         {"accountNumber", "0023457923442"}, {"vaAccountNumber", in.value("vaAccountNumber", "")},
                         {"transactionDate", ts.substr(0, 14)}, {"additionalData", Json::array()}};
      const std::string text = body.dump();
      const httplib::Headers headers = {{"x-request-timestamp", ts},
                                        {"x-signature", hmac_sha512_hex(options_.tingee_secret, ts + ":" + text)}};
      Json deliveries = Json::array();
      for (int i = 0; i < 1 + in.value("duplicates", 0); ++i) {
        for (int status : deliver(state_, url, false, text, {}, headers,
                                  Json{{"provider", "tingee"}, {"event", "webhook"}, {"transactionCode", code}})) {
          deliveries.push_back(status);
        }
      }
      res.set_content(Json{{"transactionCode", code}, {"deliveries", deliveries}}.dump(), "application/json");
    });
    // The dashboard's connection test: unsigned.
    server.Post("/_sandbox/tingee/ping", [this](const httplib::Request& req, httplib::Response& res) {
      const Json in = Json::parse(req.body, nullptr, false);
      const std::string url = in.is_object() ? in.value("url", options_.tingee_webhook_url) : options_.tingee_webhook_url;
      const Json body = {{"event", "ping"}, {"message", "Tingee Webhook Connection Test"}, {"timestamp", now_ms()}};
      auto statuses = deliver(state_, url, false, body.dump(), {}, {}, Json{{"provider", "tingee"}, {"event", "ping"}}, 1);
      res.set_content(Json{{"deliveries", statuses}}.dump(), "application/json");
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

class TconnectSimulator {
 public:
  TconnectSimulator(const Options& options, State& state)
      : options_(options), state_(state), key_(*unhex(options.tconnect_aes_key_hex)) {}

  void install(httplib::Server& server) {
    auto route = [&](const std::string& path, bool needs_token, auto handler) {
      server.Post(path, [this, needs_token, handler](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("Partner-Code") != options_.tconnect_partner_code) {
          return error(res, 401, "Invalid partner code");
        }
        std::lock_guard<std::mutex> lock(state_.mu);
        if (needs_token) {
          const std::string auth = req.get_header_value("Authorization");
          auto it = auth.rfind("Bearer ", 0) == 0 ? state_.access_tokens.find(auth.substr(7)) : state_.access_tokens.end();
          if (it == state_.access_tokens.end() || it->second < now_ms()) return error(res, 401, "Unauthorized");
        }
        const Json body = Json::parse(req.body, nullptr, false);
        std::optional<std::string> raw;
        if (body.is_object() && body.size() == 1 && body.contains("data") && body["data"].is_string()) {
          raw = unhex(body["data"].get<std::string>());
        }
        std::optional<std::string> plain;
        if (raw && raw->size() >= 32 && raw->size() % 16 == 0) plain = aes_cbc(false, key_, raw->substr(0, 16), raw->substr(16));
        const Json payload = plain ? Json::parse(*plain, nullptr, false) : Json();
        if (!payload.is_object()) return error(res, 400, "Invalid encrypted payload");
        handler(req, payload, res);
      });
    };
    const std::string p = "/openapi/v1";
    route(p + "/auth/login", false, [this](const httplib::Request&, const Json& b, httplib::Response& res) {
      if (b.value("username", "") != options_.tconnect_username || b.value("password", "") != options_.tconnect_password ||
          b.value("client_id", "") != options_.tconnect_client_id ||
          b.value("client_secret", "") != options_.tconnect_client_secret) {
        return error(res, 401, "Invalid credentials");
      }
      issue_tokens(res, true);
    });
    route(p + "/auth/refresh", false, [this](const httplib::Request&, const Json& b, httplib::Response& res) {
      auto it = state_.refresh_tokens.find(b.value("refresh_token", ""));
      if (it == state_.refresh_tokens.end() || it->second < now_ms()) return error(res, 401, "Invalid refresh token");
      issue_tokens(res, false);
    });
    route(p + "/devices/payments/push", true, [this](const httplib::Request&, const Json& b, httplib::Response& res) {
      const std::string serial = b.value("serial_no", ""), type = b.value("type", "");
      if (serial.empty()) return error(res, 400, "serial_no is required");
      if (!b.contains("amount") || !b["amount"].is_number_integer() || b["amount"].get<long long>() <= 0) {
        return error(res, 400, "amount is required");
      }
      if (type == "pos" && b.value("order_id", "").empty()) return error(res, 400, "order_id is required");
      if (type == "soundbox" && b.value("qr_string", "").empty()) return error(res, 400, "qr_string is required");
      if (type != "pos" && type != "soundbox") return error(res, 400, "type is required");
      auto device = state_.tconnect_devices.find(serial);
      if (device == state_.tconnect_devices.end() || device->second != type) return error(res, 404, "Device not found");
      state_.events.push_back(Json{{"provider", "tconnect"}, {"device", serial}, {"event", "push-" + type}, {"detail", b}});
      state_.tconnect_transactions.push_back(Json{{"order_id", b.value("order_id", "")},
                                                  {"request_id", "SBX-" + std::to_string(state_.next_bill++)},
                                                  {"status", "PENDING"},
                                                  {"amount", b["amount"]},
                                                  {"serial_no", serial}});
      ok(res, Json{{"message", std::string("Successfully pushed new payment to ") + (type == "pos" ? "POS" : "Soundbox")}});
    });
    route(p + "/services", true, [this](const httplib::Request&, const Json&, httplib::Response& res) {
      ok(res, Json{{"services", Json::array({Json{{"service_code", "vccb-qr"}, {"bincode", "970454"}, {"name", "BVBank QR"}}})}});
    });
    route(p + "/va/va-account/create", true, [this](const httplib::Request&, const Json& b, httplib::Response& res) {
      if (b.value("bank_code", "").empty() || b.value("account_name", "").empty()) {
        return error(res, 400, "bank_code and account_name are required");
      }
      ok(res, Json{{"va", "VA" + std::to_string(100000 + state_.next_bill++)},
                   {"account_name", b["account_name"]},
                   {"bank_code", b["bank_code"]}});
    });
    route(p + "/qr", true, [this](const httplib::Request& req, const Json& b, httplib::Response& res) {
      if (req.get_header_value("x-service-code") != "vccb-qr") return error(res, 400, "Invalid service code");
      for (const char* f : {"order_id", "va", "bincode"}) {
        if (b.value(f, "").empty()) return error(res, 400, std::string(f) + " is required");
      }
      ok(res, Json{{"qr_content", "00020101021" + std::string(b.value("amount", 0) > 0 ? "2" : "1") + "38...SANDBOX"}});
    });
    for (const char* kind : {"qr", "card", "cash"}) {
      route(p + "/transaction/" + kind, true, [this](const httplib::Request&, const Json& b, httplib::Response& res) {
        if (b.value("from_date", "").empty() || b.value("to_date", "").empty()) return error(res, 400, "from_date and to_date are required");
        ok(res, Json{{"data", Json{{"items", state_.tconnect_transactions}, {"total", state_.tconnect_transactions.size()}}}});
      });
    }
    // A successful payment: the IPN is {"data": hex(IV || AES-256-CBC(payload))} (tconnect.md §5).
    server.Post("/_sandbox/tconnect/payments", [this](const httplib::Request& req, httplib::Response& res) {
      const Json in = Json::parse(req.body, nullptr, false);
      const std::string url = in.is_object() ? in.value("url", options_.tconnect_ipn_url) : options_.tconnect_ipn_url;
      if (!in.is_object() || url.empty() || in.value("order_id", "").empty()) return error(res, 400, "give {order_id, amount} and an IPN url");
      std::string request_id;
      {
        std::lock_guard<std::mutex> lock(state_.mu);
        request_id = "SBX-IPN-" + std::to_string(state_.next_bill++);
      }
      const Json payload = {{"order_id", in["order_id"]}, {"amount", in.value("amount", 0LL)}, {"payment_type", "QR"},
                            {"retrieval_ref_no", "6" + std::to_string(100000000000LL + now_ms() % 100000000000LL)},
                            {"request_id", request_id}, {"narrative", in.value("narrative", "")},
                            {"acc_no", in.value("acc_no", "VA100023312")}, {"original_transaction_date", now_ms()}};
      std::vector<unsigned char> iv(16);
      RAND_bytes(iv.data(), 16);
      const std::string iv_bytes(iv.begin(), iv.end());
      const auto ct = aes_cbc(true, key_, iv_bytes, payload.dump());
      const std::string raw = iv_bytes + ct.value_or("");
      const Json body = {{"data", hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size())}};
      Json deliveries = Json::array();
      for (int i = 0; i < 1 + in.value("duplicates", 0); ++i) {
        for (int status : deliver(state_, url, false, body.dump(), {}, {},
                                  Json{{"provider", "tconnect"}, {"event", "ipn"}, {"order_id", in["order_id"]}})) {
          deliveries.push_back(status);
        }
      }
      ok(res, Json{{"request_id", request_id}, {"deliveries", deliveries}});
    });
  }

 private:
  static void error(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(Json{{"message", message}}.dump(), "application/json");
  }
  static void ok(httplib::Response& res, const Json& body) {
    res.status = 200;
    res.set_content(body.dump(), "application/json");
  }
  void issue_tokens(httplib::Response& res, bool with_refresh) {
    const std::string access = "sbx-access-" + random_token(16);
    state_.access_tokens[access] = now_ms() + options_.tconnect_token_ttl_s * 1000;
    Json body = {{"access_token", access}, {"expires_in", options_.tconnect_token_ttl_s}, {"token_type", "Bearer"}};
    if (with_refresh) {
      const std::string refresh = "sbx-refresh-" + random_token(16);
      state_.refresh_tokens[refresh] = now_ms() + 24LL * 3600 * 1000;
      body["refresh_token"] = refresh;
      body["refresh_expires_in"] = 24 * 3600;
    }
    ok(res, body);
  }

  const Options& options_;
  State& state_;
  std::string key_;
};

std::string md5_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(text.data(), text.size(), digest, &len, EVP_md5(), nullptr);
  return hex(digest, len);
}

// Card charging (/chargingws/v2, charging.md). Outcomes are scripted by the last digit of the card
// code: 1, 2, 3, 4 -> that status at once; 0 -> 100 (submit failed); anything else -> 99, then
// status 1 delivered by callback after charging_delay_ms (digit 8 -> final status 3). A reused
// request_id -> 102 REQUEST_ID_EXISTED; check of an unknown request_id -> 101.
class ChargingSimulator {
 public:
  ChargingSimulator(const Options& options, State& state) : options_(options), state_(state) {}
  ~ChargingSimulator() {
    for (auto& t : workers_) t.join();
  }

  void install(httplib::Server& server) {
    auto handler = [this](const httplib::Request& req, httplib::Response& res) { charge(req, res); };
    server.Post("/chargingws/v2", handler);
    server.Get("/chargingws/v2", handler);
    server.Get("/chargingws/v2/getfee", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.get_param_value("partner_id") != options_.charging_partner_id) return reply_json(res, Json::array());
      Json rows = Json::array();
      for (const char* telco : {"VIETTEL", "VINAPHONE", "MOBIFONE"}) {
        for (long long v : {10000, 20000, 50000, 100000, 200000, 500000}) {
          rows.push_back(Json{{"telco", telco}, {"value", v}, {"fees", 30}, {"penalty", 50}});
        }
      }
      reply_json(res, rows);
    });
  }

 private:
  static void reply_json(httplib::Response& res, const Json& body) {
    res.status = 200;
    res.set_content(body.dump(), "application/json");
  }

  void charge(const httplib::Request& req, httplib::Response& res) {
    std::map<std::string, std::string> p;
    for (const auto& [k, v] : req.params) p[k] = v;  // query and form fields
    const Json body = Json::parse(req.body, nullptr, false);
    if (body.is_object()) {
      for (const auto& [k, v] : body.items()) p[k] = v.is_string() ? v.get<std::string>() : v.dump();
    }
    auto f = [&](const char* k) { return p.count(k) ? p[k] : std::string(); };
    const std::string command = f("command"), code = f("code"), serial = f("serial"), telco = f("telco"),
                      rid = f("request_id");
    if (f("partner_id") != options_.charging_partner_id) return reply_json(res, {{"status", 102}, {"message", "MERCHANT_NOT_EXISTED_OR_OFF"}});
    const std::string signed_text = options_.charging_scheme == "B"
                                        ? options_.charging_partner_key + code + command + f("partner_id") + rid + serial + telco
                                        : options_.charging_partner_key + code + serial;
    if (md5_hex(signed_text) != f("sign")) return reply_json(res, {{"status", 102}, {"message", "INVALID_SIGNATURE"}});
    std::lock_guard<std::mutex> lock(state_.mu);
    if (command == "check") {
      auto it = state_.cards.find(rid);
      if (it == state_.cards.end() || it->second.code != code || it->second.serial != serial) {
        return reply_json(res, {{"status", 101}, {"message", "CARD_NOT_EXISTED"}});
      }
      return reply_json(res, result(rid, it->second));
    }
    if (command != "charging" || code.empty() || serial.empty() || telco.empty() || rid.empty()) {
      return reply_json(res, {{"status", 102}, {"message", "INPUT_DATA_INCORRECT"}});
    }
    if (state_.cards.count(rid)) return reply_json(res, {{"status", 102}, {"message", "REQUEST_ID_EXISTED"}});
    State::Card card{telco, code, serial, std::atoll(f("amount").c_str()), 99, 1, 1000 + state_.next_bill++};
    const char last = code.back();
    if (last >= '1' && last <= '4') card.status = card.final_status = last - '0';
    if (last == '0') card.status = card.final_status = 100;
    if (last == '8') card.final_status = 3;
    state_.cards[rid] = card;
    state_.events.push_back(Json{{"provider", "charging"}, {"request_id", rid}, {"event", "submit"}, {"status", card.status}});
    if (card.status == 99) workers_.emplace_back([this, rid] { settle(rid); });
    reply_json(res, result(rid, card));
  }

  static Json result(const std::string& rid, const State::Card& c) {
    const bool paid = c.status == 1 || c.status == 2 || c.status == 99;
    const long long value = c.status == 2 ? c.declared / 2 : c.declared;
    Json j = {{"trans_id", c.trans_id}, {"request_id", rid}, {"amount", paid ? value * 70 / 100 : 0},
              {"value", c.status == 99 ? Json() : Json(paid ? value : 0)},
              {"declared_value", c.declared}, {"telco", c.telco}, {"serial", c.serial}, {"code", c.code},
              {"status", c.status}, {"message", c.status == 99 ? "PENDING" : c.status == 1 ? "Thành công" : "Thất bại"}};
    return j;
  }

  // pending -> final, then deliver the callback (retrying a few times on failure).
  void settle(const std::string& rid) {
    std::this_thread::sleep_for(std::chrono::milliseconds(options_.charging_delay_ms));
    Json payload;
    State::Card card;
    {
      std::lock_guard<std::mutex> lock(state_.mu);
      auto& c = state_.cards[rid];
      c.status = c.final_status;
      card = c;
      payload = result(rid, c);
      payload["callback_sign"] = md5_hex(options_.charging_partner_key + c.code + c.serial);
    }
    if (options_.charging_callback_url.empty()) return;
    const bool get = options_.charging_callback_method == "GET";
    auto send = [&](const Json& p) {
      httplib::Params params;
      for (const auto& [k, v] : p.items()) params.emplace(k, v.is_string() ? v.get<std::string>() : v.dump());
      deliver(state_, options_.charging_callback_url, get, p.dump(), params, {},
              Json{{"provider", "charging"}, {"request_id", rid}, {"event", "callback"}, {"status", p["status"]}});
    };
    for (int i = 0; i < 1 + options_.charging_callback_duplicates; ++i) send(payload);
    if (options_.charging_callback_out_of_order) {
      Json late = payload;  // a stale "pending" arriving after the final result
      late["status"] = 99;
      late["message"] = "PENDING";
      send(late);
    }
  }

  const Options& options_;
  State& state_;
  std::vector<std::thread> workers_;
};

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

  void install(httplib::Server& server) {
    server.Post("/_sandbox/faults", [this](const httplib::Request& req, httplib::Response& res) {
      const Json b = Json::parse(req.body, nullptr, false);
      if (!b.is_object() || !known(b.value("mode", ""))) {
        res.status = 400;
        return res.set_content(R"({"message":"unknown fault mode"})", "application/json");
      }
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(Fault{b.value("mode", ""), b.value("ms", -1L), b.value("count", 1), b.value("path", "")});
      res.set_content(R"({"queued":true})", "application/json");
    });
    server.Delete("/_sandbox/faults", [this](const httplib::Request&, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.clear();
      res.set_content(R"({"cleared":true})", "application/json");
    });
    server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (req.path.rfind("/_sandbox", 0) == 0) return httplib::Server::HandlerResponse::Unhandled;
      const auto fault = take(req);
      if (!fault) return httplib::Server::HandlerResponse::Unhandled;
      return apply(*fault, res) ? httplib::Server::HandlerResponse::Handled
                                : httplib::Server::HandlerResponse::Unhandled;
    });
  }

 private:
  static bool known(const std::string& mode) {
    for (const char* m : {"delay", "timeout", "reset", "http500", "http502", "http503", "malformed", "truncated", "oversized"}) {
      if (mode == m) return true;
    }
    return false;
  }

  std::optional<Fault> take(const httplib::Request& req) {
    if (req.has_header("x-sandbox-fault")) {
      const std::string h = req.get_header_value("x-sandbox-fault");
      const auto colon = h.find(':');
      Fault f{h.substr(0, colon), colon == std::string::npos ? -1 : std::atol(h.substr(colon + 1).c_str()), 1, ""};
      if (known(f.mode)) return f;
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
      std::this_thread::sleep_for(std::chrono::milliseconds(f.ms >= 0 ? f.ms : (f.mode == "delay" ? 500 : 5000)));
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

  std::mutex mu_;
  std::vector<Fault> queue_;
};

const char* env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

void usage() {
  std::puts(
      "usage: paygw-sandbox [--port N] [--host H] [--tingee-client-id ID] [--tingee-secret S] [--tconnect-token-ttl SEC]\n"
      "  Simulates the Tingee device API and the TConnect Open API on http://H:N (default 127.0.0.1, a free port).\n"
      "  Credentials come from the PAYGW_TINGEE_* and PAYGW_TCONNECT_* variables the examples use; missing\n"
      "  secrets are generated and printed.\n"
      "  TConnect devices: POS-0001 (pos), SB-0001 (soundbox); x-service-code vccb-qr.\n"
      "  Card charging (/chargingws/v2): PAYGW_CHARGING_PARTNER_ID/_KEY, --charging-scheme A|B,\n"
      "  --charging-callback-url URL (or PAYGW_CHARGING_CALLBACK_URL), --charging-callback-method POST|GET,\n"
      "  --charging-delay-ms N. Outcome by the code's last digit: 1-4 that status, 0 -> 100,\n"
      "  8 -> 99 then 3, others -> 99 then 1 (by callback).\n"
      "  Callbacks: --charging-callback-duplicates N, --charging-callback-out-of-order;\n"
      "  POST /_sandbox/tingee/payments {amount, vaAccountNumber, content, duplicates, url} sends a signed Tingee\n"
      "  webhook (to --tingee-webhook-url / PAYGW_TINGEE_WEBHOOK_URL), POST /_sandbox/tingee/ping an unsigned ping,\n"
      "  POST /_sandbox/tconnect/payments {order_id, amount, acc_no, duplicates, url} an encrypted TConnect IPN\n"
      "  (to --tconnect-ipn-url / PAYGW_TCONNECT_IPN_URL).\n"
      "  Faults: header 'x-sandbox-fault: MODE[:MS]' or POST /_sandbox/faults {mode, ms, count, path};\n"
      "  MODE = delay|timeout|reset|http500|http502|http503|malformed|truncated|oversized.\n"
      "  --tls-cert FILE --tls-key FILE serve HTTPS instead (PEM; e.g. tests/fixtures/tls).\n"
      "  --latency-ms N delays every answer by N ms (a real gateway's processing time, for benchmarks);\n"
      "  --keep-alive-s N closes idle connections after N s (default 1, so that a stop is quick).\n"
      "  Prints 'listening on <url>' once ready. GET /_sandbox/events lists device effects.\n"
      "  Devices: DEMO-BOX-3LS (tingee-box-3ls), DEMO-BOX-6XS (tingee-box-6xs), DEMO-BOX-MAX (tingee-box-max),\n"
      "  security code 123456, DEMO-BOX-3LS and DEMO-BOX-MAX linked at start.");
}


}  // namespace

// Debian's cpp-httplib is a compiled library whose listen backlog is fixed at 5: a burst of new
// connections (an async fan-out client) overflows it, the kernel drops SYNs and the client stalls
// for the 1 s SYN retransmit. listen() on a listening socket only changes its backlog, so the
// socket bound to `port` is found and given the system maximum.
void raise_listen_backlog(int port) {
  for (int fd = 0; fd < 1024; ++fd) {
    int listening = 0;
    socklen_t len = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || listening == 0) continue;
    sockaddr_storage addr{};
    socklen_t addr_len = sizeof addr;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) != 0) continue;
    int bound = -1;
    if (addr.ss_family == AF_INET) bound = ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
    if (addr.ss_family == AF_INET6) bound = ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
    if (bound == port) listen(fd, SOMAXCONN);
  }
}

int main(int argc, char** argv) {
  // Block the stop signals before any thread starts, so that every thread inherits the mask and
  // only the sigwait thread below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  Options options;
  options.tingee_client_id = env_or("PAYGW_TINGEE_CLIENT_ID", "");
  options.tingee_secret = env_or("PAYGW_TINGEE_SECRET", "");
  options.tconnect_partner_code = env_or("PAYGW_TCONNECT_PARTNER_CODE", "SANDBOX-PARTNER");
  options.tconnect_username = env_or("PAYGW_TCONNECT_USERNAME", "demo@paygw.local");
  options.tconnect_password = env_or("PAYGW_TCONNECT_PASSWORD", "");
  options.tconnect_client_id = env_or("PAYGW_TCONNECT_CLIENT_ID", "sandbox-client");
  options.tconnect_client_secret = env_or("PAYGW_TCONNECT_CLIENT_SECRET", "");
  options.tconnect_aes_key_hex = env_or("PAYGW_TCONNECT_AES_KEY", "");
  options.charging_partner_id = env_or("PAYGW_CHARGING_PARTNER_ID", "3681148751");
  options.charging_partner_key = env_or("PAYGW_CHARGING_PARTNER_KEY", "");
  options.charging_callback_url = env_or("PAYGW_CHARGING_CALLBACK_URL", "");
  options.tingee_webhook_url = env_or("PAYGW_TINGEE_WEBHOOK_URL", "");
  options.tconnect_ipn_url = env_or("PAYGW_TCONNECT_IPN_URL", "");
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
    } else if (arg == "--charging-scheme") {
      options.charging_scheme = next();
    } else if (arg == "--charging-callback-url") {
      options.charging_callback_url = next();
    } else if (arg == "--charging-callback-method") {
      options.charging_callback_method = next();
    } else if (arg == "--charging-callback-duplicates") {
      options.charging_callback_duplicates = std::atoi(next().c_str());
    } else if (arg == "--charging-callback-out-of-order") {
      options.charging_callback_out_of_order = true;
    } else if (arg == "--tingee-webhook-url") {
      options.tingee_webhook_url = next();
    } else if (arg == "--tconnect-ipn-url") {
      options.tconnect_ipn_url = next();
    } else if (arg == "--charging-delay-ms") {
      options.charging_delay_ms = std::atol(next().c_str());
    } else if (arg == "--keep-alive-s") {
      options.keep_alive_s = std::atol(next().c_str());
    } else if (arg == "--latency-ms") {
      options.latency_ms = std::atol(next().c_str());
    } else if (arg == "--tls-cert") {
      options.tls_cert = next();
    } else if (arg == "--tls-key") {
      options.tls_key = next();
    } else if (arg == "--tconnect-token-ttl") {
      options.tconnect_token_ttl_s = std::atol(next().c_str());
    } else {
      std::fprintf(stderr, "paygw-sandbox: unknown argument %s (see --help)\n", arg.c_str());
      return 2;
    }
  }
  if (options.tingee_client_id.empty()) options.tingee_client_id = "sandbox-" + random_token(4);
  const bool generated_secret = options.tingee_secret.empty();
  if (generated_secret) options.tingee_secret = random_token(24);
  const bool generated_tconnect = options.tconnect_password.empty() || options.tconnect_client_secret.empty() ||
                                  options.tconnect_aes_key_hex.empty();
  const bool generated_charging = options.charging_partner_key.empty();
  if (generated_charging) options.charging_partner_key = random_token(16);
  if (options.tconnect_password.empty()) options.tconnect_password = random_token(12);
  if (options.tconnect_client_secret.empty()) options.tconnect_client_secret = random_token(16);
  if (options.tconnect_aes_key_hex.empty()) options.tconnect_aes_key_hex = random_token(32);
  if (options.tconnect_aes_key_hex.size() != 64 || !unhex(options.tconnect_aes_key_hex)) {
    std::fprintf(stderr, "paygw-sandbox: the TConnect AES key must be 64 hex characters\n");
    return 2;
  }

  State state;
  state.devices["DEMO-BOX-3LS"] = Device{"tingee-box-3ls", "123456", true};
  state.devices["DEMO-BOX-6XS"] = Device{"tingee-box-6xs", "123456", false};
  state.devices["DEMO-BOX-MAX"] = Device{"tingee-box-max", "123456", true};
  state.tconnect_devices["POS-0001"] = "pos";
  state.tconnect_devices["SB-0001"] = "soundbox";

  std::unique_ptr<httplib::Server> server_storage;
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    std::fprintf(stderr, "paygw-sandbox: --tls-cert and --tls-key go together\n");
    return 2;
  }
  if (!options.tls_cert.empty()) {
    auto tls = std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
    if (!tls->is_valid()) {
      std::fprintf(stderr, "paygw-sandbox: cannot load the TLS certificate or key\n");
      return 2;
    }
    server_storage = std::move(tls);
  } else {
    server_storage = std::make_unique<httplib::Server>();
  }
  httplib::Server& server = *server_storage;
  server.set_tcp_nodelay(true);  // no Nagle delay on small replies
  // Idle keep-alive connections are polled every second and by default closed after one, so a
  // stop never waits long for them.
  server.set_keep_alive_timeout(options.keep_alive_s > 0 ? options.keep_alive_s : 1);
  // httplib closes a keep-alive connection after 5 requests by default; a real gateway does not,
  // and reconnecting every 5 requests would hide what connection reuse is worth.
  server.set_keep_alive_max_count(1'000'000);
  // Enough workers for many concurrent keep-alive connections (async fan-out clients hold dozens).
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  if (options.latency_ms > 0) {
    server.set_post_routing_handler([ms = options.latency_ms](const httplib::Request&, httplib::Response&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    });
  }
  FaultInjector faults;
  faults.install(server);
  TingeeSimulator tingee(options, state);
  tingee.install(server);
  TconnectSimulator tconnect(options, state);
  tconnect.install(server);
  ChargingSimulator charging(options, state);
  charging.install(server);
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
  raise_listen_backlog(port);
  // SIGINT/SIGTERM are taken by a thread with sigwait (blocked everywhere else, see main's start),
  // which stops the server once it is listening — a signal that arrives early is not lost.
  std::thread([&server, stop_signals]() mutable {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    for (int i = 0; i < 5000 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    server.stop();
  }).detach();
  std::printf("tingee client id: %s\n", options.tingee_client_id.c_str());
  // A generated sandbox secret is printed so that it can be used; one passed in never is.
  if (generated_secret) std::printf("tingee secret: %s\n", options.tingee_secret.c_str());
  std::printf("tconnect partner code: %s, username: %s, client id: %s\n", options.tconnect_partner_code.c_str(),
              options.tconnect_username.c_str(), options.tconnect_client_id.c_str());
  std::printf("charging partner id: %s, scheme %s, callbacks: %s %s\n", options.charging_partner_id.c_str(),
              options.charging_scheme.c_str(), options.charging_callback_method.c_str(),
              options.charging_callback_url.empty() ? "(none)" : options.charging_callback_url.c_str());
  if (generated_charging) std::printf("charging partner key: %s\n", options.charging_partner_key.c_str());
  if (generated_tconnect) {
    std::printf("tconnect password: %s, client secret: %s, aes key: %s\n", options.tconnect_password.c_str(),
                options.tconnect_client_secret.c_str(), options.tconnect_aes_key_hex.c_str());
  }
  std::printf("listening on %s://%s:%d\n", options.tls_cert.empty() ? "http" : "https", options.host.c_str(), port);
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}
