// SPDX-License-Identifier: MIT
// paygw-sandbox — shared helpers (see sandbox.hpp).
#include "sandbox.hpp"
#include "screens.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace paygw::sandbox {

std::string hex(const unsigned char* data, std::size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(digits[data[i] >> 4]);
    out.push_back(digits[data[i] & 15]);
  }
  return out;
}

std::string hex(const std::string& bytes) {
  return hex(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::optional<std::string> unhex(const std::string& h) {
  if (h.size() % 2 != 0) return std::nullopt;
  auto nib = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < h.size(); i += 2) {
    const int hi = nib(h[i]), lo = nib(h[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
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

std::string md5_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(text.data(), text.size(), digest, &len, EVP_md5(), nullptr);
  return hex(digest, len);
}

std::string random_token(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  RAND_bytes(buf.data(), static_cast<int>(bytes));
  return hex(buf.data(), bytes);
}

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

long long now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

namespace {
std::atomic<long long> g_clock_offset_ms{0};
}  // namespace

long long clock_ms() { return now_ms() + g_clock_offset_ms; }
void advance_clock(long long ms) { g_clock_offset_ms += ms; }
long long clock_offset_ms() { return g_clock_offset_ms; }

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

long long parse_vn_timestamp(const std::string& ts) {
  if (ts.size() != 17 || ts.find_first_not_of("0123456789") != std::string::npos) return -1;
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

// ---- JSON.stringify ----
namespace {

// Number.prototype.toString (ECMA-262 Number::toString) of a finite double.
std::string js_number(double x) {
  if (x == 0) return "0";
  if (!std::isfinite(x)) return "null";
  std::string sign = x < 0 ? "-" : "";
  x = std::fabs(x);
  char buf[40];
  int precision = 1;
  for (; precision <= 17; ++precision) {  // the shortest digits that read back as x
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  std::string text(buf);
  const auto e = text.find('e');
  std::string digits = text.substr(0, e);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int k = static_cast<int>(digits.size());
  const int n = std::atoi(text.c_str() + e + 1) + 1;  // x = 0.d1d2...dk * 10^n
  if (k <= n && n <= 21) return sign + digits + std::string(static_cast<std::size_t>(n - k), '0');
  if (0 < n && n <= 21)
    return sign + digits.substr(0, static_cast<std::size_t>(n)) + "." + digits.substr(static_cast<std::size_t>(n));
  if (-6 < n && n <= 0) return sign + "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  const std::string exp = (n - 1 >= 0 ? "+" : "-") + std::to_string(std::abs(n - 1));
  return sign + digits.substr(0, 1) + (k > 1 ? "." + digits.substr(1) : "") + "e" + exp;
}

void js_string(std::string& out, const std::string& s) {
  out.push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char esc[8];
          std::snprintf(esc, sizeof esc, "\\u%04x", c);
          out += esc;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

// V8 lists "array index" keys (canonical integers below 2^32 - 1) first, ascending.
bool array_index(const std::string& k, unsigned long long* value) {
  if (k.empty() || k.size() > 10 || k.find_first_not_of("0123456789") != std::string::npos) return false;
  if (k.size() > 1 && k[0] == '0') return false;
  *value = std::stoull(k);
  return *value < 4294967295ULL;
}

void js_value(std::string& out, const Json& v) {
  constexpr std::int64_t kSafe = 9007199254740992;  // 2^53
  if (v.is_object()) {
    std::vector<std::pair<unsigned long long, const std::string*>> indexed;
    std::vector<const std::string*> named;
    for (const auto& [k, member] : v.items()) {
      unsigned long long n = 0;
      if (array_index(k, &n)) {
        indexed.emplace_back(n, &k);
      } else {
        named.push_back(&k);
      }
    }
    std::sort(indexed.begin(), indexed.end());
    out.push_back('{');
    bool first = true;
    auto member = [&](const std::string& k) {
      if (!first) out.push_back(',');
      first = false;
      js_string(out, k);
      out.push_back(':');
      js_value(out, v.at(k));
    };
    for (const auto& [n, k] : indexed) member(*k);
    for (const auto* k : named) member(*k);
    out.push_back('}');
  } else if (v.is_array()) {
    out.push_back('[');
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i > 0) out.push_back(',');
      js_value(out, v[i]);
    }
    out.push_back(']');
  } else if (v.is_string()) {
    js_string(out, v.get<std::string>());
  } else if (v.is_number_unsigned() || v.is_number_integer()) {
    // JavaScript numbers are doubles: beyond 2^53 an integer is rounded as JSON.parse rounds it.
    const bool exact = v.is_number_unsigned() ? v.get<std::uint64_t>() <= kSafe
                                              : v.get<std::int64_t>() <= kSafe && v.get<std::int64_t>() >= -kSafe;
    out += exact ? v.dump() : js_number(v.get<double>());
  } else if (v.is_number_float()) {
    out += js_number(v.get<double>());
  } else {
    out += v.dump();  // true, false, null
  }
}

}  // namespace

std::optional<std::string> js_restringify(const std::string& text) {
  const Json parsed = Json::parse(text, nullptr, false);
  if (parsed.is_discarded()) return std::nullopt;
  std::string out;
  js_value(out, parsed);
  return out;
}

// ---- VietQR ----

std::string build_vietqr(const std::string& bin, const std::string& account, long long amount,
                         const std::string& purpose) {
  auto tlv = [](const std::string& id, const std::string& value) {
    char len[8];
    std::snprintf(len, sizeof len, "%02zu", value.size());
    return id + len + value;
  };
  std::string text;  // 62.08 is ANS: printable ASCII only
  for (char c : purpose) {
    if (c >= 0x20 && c < 0x7F && text.size() < 25) text.push_back(c);
  }
  std::string qr =
      tlv("00", "01") + tlv("01", amount > 0 ? "12" : "11") +
      tlv("38", tlv("00", "A000000727") + tlv("01", tlv("00", bin) + tlv("01", account)) + tlv("02", "QRIBFTTA")) +
      tlv("53", "704") + (amount > 0 ? tlv("54", std::to_string(amount)) : "") + tlv("58", "VN") +
      (text.empty() ? "" : tlv("62", tlv("08", text))) + "6304";
  unsigned crc = 0xFFFF;  // CRC-16/CCITT-FALSE over the bytes through "6304"
  for (unsigned char b : qr) {
    crc ^= static_cast<unsigned>(b) << 8;
    for (int k = 0; k < 8; ++k) crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
  }
  char tail[8];
  std::snprintf(tail, sizeof tail, "%04X", crc);
  return qr + tail;
}

namespace {

// The value of tag `id` in the EMVCo TLV string `tlv` (2-digit id, 2-digit length), or "".
std::string tlv_value(const std::string& tlv, const std::string& id) {
  for (std::size_t i = 0; i + 4 <= tlv.size();) {
    const std::string len = tlv.substr(i + 2, 2);
    if (len.find_first_not_of("0123456789") != std::string::npos) return "";
    const std::size_t n = std::stoul(len);
    if (i + 4 + n > tlv.size()) return "";
    if (tlv.compare(i, 2, id) == 0) return tlv.substr(i + 4, n);
    i += 4 + n;
  }
  return "";
}

}  // namespace

std::string vietqr_purpose(const std::string& qr) { return tlv_value(tlv_value(qr, "62"), "08"); }

// ---- HTTP ----

namespace {

void refuse_body(httplib::Response& res) {
  close_connection_after_reply();  // what the client still sends is not read
  res.set_header("Connection", "close");
  json_reply(res, 413, Json{{"message", "request body over " + std::to_string(kMaxBodyBytes) + " bytes"}});
}

}  // namespace

void post(httplib::Server& server, const std::string& path, Handler handler) {
  server.Post(path, [handler](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
    std::string body;
    if (req.has_header("Content-Length")) {
      const std::string length = req.get_header_value("Content-Length");
      if (length.empty() || length.size() > 10 || length.find_first_not_of("0123456789") != std::string::npos ||
          std::stoull(length) > kMaxBodyBytes) {
        return refuse_body(res);
      }
    }
    const bool announced = req.has_header("Content-Length") || req.has_header("Transfer-Encoding");
    if (announced) {
      restart_request_deadline();  // a fault's delay before this point does not count
      bool too_large = false;
      read([&body, &too_large](const char* data, std::size_t n) {
        too_large = body.size() + n > kMaxBodyBytes;
        if (!too_large) body.append(data, n);
        return !too_large;
      });
      if (too_large) return refuse_body(res);
    }
    handler(req, body, res);
  });
}

std::map<std::string, std::string> form_fields(const httplib::Request& req, const std::string& body) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : req.params) out[k] = v;  // the query string
  if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0) return out;
  auto decode = [](const std::string& s) {
    std::string d;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '+') {
        d.push_back(' ');
      } else if (s[i] == '%' && i + 2 < s.size() && unhex(s.substr(i + 1, 2))) {
        d += *unhex(s.substr(i + 1, 2));
        i += 2;
      } else {
        d.push_back(s[i]);
      }
    }
    return d;
  };
  std::size_t start = 0;
  while (start <= body.size()) {
    const auto end = std::min(body.find('&', start), body.size());
    const std::string pair = body.substr(start, end - start);
    const auto eq = pair.find('=');
    if (!pair.empty()) out[decode(pair.substr(0, eq))] = eq == std::string::npos ? "" : decode(pair.substr(eq + 1));
    start = end + 1;
  }
  return out;
}

void json_reply(httplib::Response& res, int status, const Json& body) {
  remember_reply(res, body);
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void bad_request(httplib::Response& res, const std::string& message) {
  json_reply(res, 400, Json{{"message", message}});
}

std::optional<int> count_field(const Json& in, const char* name, int max, httplib::Response& res) {
  if (!in.is_object() || !in.contains(name)) return 0;
  const Json& v = in[name];
  if (v.is_number_unsigned() && v.get<std::uint64_t>() <= static_cast<std::uint64_t>(max)) {
    return static_cast<int>(v.get<std::uint64_t>());
  }
  if (v.is_number_integer() && v.get<std::int64_t>() == 0) return 0;
  bad_request(res, std::string(name) + " must be an integer from 0 to " + std::to_string(max));
  return std::nullopt;
}

std::optional<bool> flag_field(const Json& in, const char* name, httplib::Response& res) {
  if (!in.is_object() || !in.contains(name)) return false;
  if (in[name].is_boolean()) return in[name].get<bool>();
  bad_request(res, std::string(name) + " must be true or false");
  return std::nullopt;
}

namespace {

// "tingee webhook -> http://127.0.0.1:9/hook: HTTP 200 (attempt 1), reply {"code":"00"}": what the
// page shows of a callback and the merchant's answer (the first 160 printable bytes of it).
std::string callback_line(const Json& event, const std::string& url, int status, int attempt,
                          const std::string& reply) {
  std::string shown;
  for (char c : reply) {
    if (shown.size() >= 160) {
      shown += "...";
      break;
    }
    shown.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  }
  return event.value("provider", "") + " " + event.value("event", "callback") + " -> " + url + ": " +
         (status == 0 ? std::string("no answer") : "HTTP " + std::to_string(status)) + " (attempt " +
         std::to_string(attempt) + ")" + (shown.empty() ? "" : ", reply " + shown);
}

}  // namespace

std::vector<int> deliver(State& state, const std::string& url, bool get, const std::string& body,
                         const httplib::Params& params, const httplib::Headers& headers, Json event, int attempts) {
  std::vector<int> statuses;
  const auto scheme_end = url.find("://");
  const auto path_start = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  const std::string origin = url.substr(0, path_start);
  const std::string path = path_start == std::string::npos ? "/" : url.substr(path_start);
  httplib::Client client(origin);
  client.set_connection_timeout(2);
  client.set_read_timeout(5);
  for (int attempt = 1; attempt <= attempts && !stopping(); ++attempt) {
    const httplib::Result r =
        get ? client.Get(path, params, headers) : client.Post(path, headers, body, "application/json");
    const int status = r ? r->status : 0;
    statuses.push_back(status);
    {
      std::lock_guard<std::mutex> lock(state.mu);
      event["http_status"] = status;
      event["attempt"] = attempt;
      state.log_event(event);
      state.note("callback", callback_line(event, url, status, attempt, r ? r->body : std::string()),
                 Json{{"provider", event.value("provider", "")}, {"http_status", status}});
    }
    if (status >= 200 && status < 300) break;
    if (!pause_for(std::chrono::milliseconds(100 * attempt))) break;
  }
  return statuses;
}

}  // namespace paygw::sandbox
