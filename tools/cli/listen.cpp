// SPDX-License-Identifier: MIT
// paygw CLI — `paygw listen`: a loopback endpoint between a gateway (or paygw-sandbox) and the
// merchant's receiver. Each delivery is checked with the merchant's secrets (signatures only: no
// store), printed as one line (provider, event key, amount, verdict), forwarded byte for byte to
// --forward-to, and the receiver's answer is relayed back. --capture appends deliveries as JSON
// lines; --replay FILE sends them again. See docs/sandbox-and-cli.md and ADR 0039.
#include "cli.hpp"
#include "sandbox_http.hpp"

#include <pthread.h>
#include <cctype>
#include <csignal>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

namespace paygw::cli {
namespace {

struct ListenFlags {
  std::string host = "127.0.0.1";
  std::int64_t port = 0;
  std::string forward_to;
  std::string capture;
  std::string replay;
  std::int64_t max_deliveries = 0;  ///< 0: until SIGINT/SIGTERM.
  std::int64_t max_body = 1 << 20;
  std::int64_t timeout_s = 10;
  std::string tingee_secret, tconnect_aes_key, charging_partner_key;
};

/// One delivery as received: what is forwarded and captured.
struct Delivery {
  std::string method, target;
  http::Headers headers;
  std::string body;
};

/// What listen made of a delivery.
struct Verdict {
  std::string provider = "unknown";
  std::string event;  ///< "payment 0400/FT..", "ipn ORD-1", "callback REQ-1 status 1"
  std::optional<std::int64_t> amount;
  std::string verdict;  ///< "verified", "decrypted (not authenticated: confirm it)", "REJECTED: ..."
};

bool iequals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

bool hop_by_hop(const std::string& name) {
  std::string n;
  for (char c : name) n.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return n == "host" || n == "content-length" || n == "connection" || n == "transfer-encoding" || n == "keep-alive" ||
         n == "remote_addr" || n == "remote_port" || n == "local_addr" || n == "local_port" || n == "accept-encoding";
}

std::string query_of(const std::string& target) {
  const auto q = target.find('?');
  return q == std::string::npos ? std::string() : target.substr(q + 1);
}

std::string url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// A charging callback's fields: the query, then a JSON or form body (later ones win), as text.
std::map<std::string, std::string> callback_fields(const Delivery& d) {
  std::map<std::string, std::string> out;
  auto form = [&out](const std::string& text) {
    for (const auto& pair : split(text, '&')) {
      const auto eq = pair.find('=');
      out[url_decode(pair.substr(0, eq))] = eq == std::string::npos ? "" : url_decode(pair.substr(eq + 1));
    }
  };
  form(query_of(d.target));
  const Json j = Json::parse(d.body, nullptr, false);
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) out[k] = v.is_string() ? v.get<std::string>() : v.dump();
  } else if (!d.body.empty()) {
    form(d.body);
  }
  return out;
}

Verdict examine(const Delivery& d, const ListenFlags& f) {
  Verdict v;
  if (http::find_header(d.headers, "x-signature") != nullptr || d.target.find("tingee") != std::string::npos) {
    v.provider = "tingee";
    if (f.tingee_secret.empty()) {
      v.verdict = "NOT CHECKED: no $PAYGW_TINGEE_SECRET";
      return v;
    }
    auto e = tingee::verify_webhook(d.body, d.headers, Secret(f.tingee_secret));
    if (!e) {
      v.verdict = "REJECTED: " + describe(e.error());
    } else if (e->payment) {
      v.event = "payment " + e->payment->transaction_code;
      v.amount = e->payment->amount;
      v.verdict = "verified";
    } else if (e->bank_link) {
      v.event = "bank-link " + e->bank_link->request_id + " " + e->bank_link->status_raw;
      v.verdict = "verified";
    } else {
      v.event = "ping";
      v.verdict = "unsigned ping (nothing to credit)";
    }
    return v;
  }
  const Json j = Json::parse(d.body, nullptr, false);
  if (j.is_object() && j.size() == 1 && j.contains("data") && j["data"].is_string()) {
    v.provider = "tconnect";
    if (f.tconnect_aes_key.empty()) {
      v.verdict = "NOT CHECKED: no $PAYGW_TCONNECT_AES_KEY";
      return v;
    }
    auto ipn = tconnect::decode_ipn(d.body, {Secret(f.tconnect_aes_key)});
    if (!ipn) {
      v.verdict = "REJECTED: " + describe(ipn.error());
      return v;
    }
    v.event = "ipn " + ipn->order_id + (ipn->request_id.empty() ? "" : " " + ipn->request_id);
    v.amount = ipn->amount;
    v.verdict = "decrypted (an IPN is not authenticated: confirm it, `paygw tconnect confirm-ipn`)";
    return v;
  }
  auto fields = callback_fields(d);
  if (fields.count("callback_sign") != 0 || fields.count("request_id") != 0) {
    v.provider = "charging";
    v.event = "callback " + fields["request_id"] + " status " + fields["status"];
    if (f.charging_partner_key.empty()) {
      v.verdict = "NOT CHECKED: no $PAYGW_CHARGING_PARTNER_KEY";
      return v;
    }
    // Signatures only: the callback is compared with itself (its own code, serial, telco and
    // declared value), not with the merchant's submission, which only the receiver's store has.
    charging::Submission self{fields["request_id"], fields["telco"], fields["code"], fields["serial"], 0};
    try {
      self.declared_value = fields.count("declared_value") != 0 ? std::stoll(fields["declared_value"]) : 0;
    } catch (const std::exception&) {
      self.declared_value = 0;
    }
    const std::string query = query_of(d.target);
    auto r = charging::verify_callback({query, d.body}, Secret(f.charging_partner_key), self);
    if (!r) {
      v.verdict = "REJECTED: " + describe(r.error());
      return v;
    }
    v.event = "callback " + r->request_id + " status " + std::to_string(r->status_code);
    v.amount = r->amount;
    v.verdict = std::string("signature ok, ") +
                (r->is_final() ? (r->credits() ? "final, credits" : "final, no credit") : "not final");
    return v;
  }
  v.verdict = "unrecognised (forwarded as is)";
  return v;
}

std::string line_of(const Delivery& d, const Verdict& v, int status) {
  std::string s = v.provider + (v.event.empty() ? "" : " " + v.event);
  if (v.amount) s += " " + std::to_string(*v.amount) + " VND";
  s += ": " + v.verdict + " -> " + (status == 0 ? std::string("receiver unreachable (502)") : std::to_string(status));
  return d.method + " " + d.target + ": " + s;
}

// Forwards `d` to --forward-to (its path prefix + the delivery's target). 0 when unreachable.
httplib::Result forward(const Delivery& d, const ListenFlags& f) {
  const SplitUrl u = split_url(f.forward_to, "--forward-to");
  const std::string prefix = u.path == "/" ? "" : (u.path.back() == '/' ? u.path.substr(0, u.path.size() - 1) : u.path);
  auto client = bounded_client(u.origin, static_cast<int>(f.timeout_s));
  httplib::Headers headers;
  std::string content_type = "application/octet-stream";
  for (const auto& [k, val] : d.headers) {
    if (hop_by_hop(k)) continue;
    if (iequals(k, "content-type")) {
      content_type = val;
      continue;
    }
    headers.emplace(k, val);
  }
  const std::string path = prefix + d.target;
  if (d.method == "GET") return client.Get(path, headers);
  return client.Post(path, headers, d.body, content_type);
}

Json captured(const Delivery& d) {
  Json headers = Json::array();
  for (const auto& [k, v] : d.headers) {
    if (!hop_by_hop(k)) headers.push_back(Json::array({k, v}));
  }
  Json j = {{"method", d.method}, {"target", d.target}, {"headers", headers}, {"body", d.body}};
  try {
    (void)j.dump();
  } catch (const Json::exception&) {  // not UTF-8: kept exactly, as hex
    std::string hex;
    static const char* kHex = "0123456789abcdef";
    for (unsigned char c : d.body) {
      hex.push_back(kHex[c >> 4]);
      hex.push_back(kHex[c & 15]);
    }
    j.erase("body");
    j["body_hex"] = hex;
  }
  return j;
}

Delivery from_capture(const Json& j) {
  Delivery d;
  d.method = j.value("method", "POST");
  d.target = j.value("target", "/");
  for (const auto& h : j.value("headers", Json::array())) {
    if (h.is_array() && h.size() == 2 && h[0].is_string() && h[1].is_string()) d.headers.emplace_back(h[0], h[1]);
  }
  if (j.contains("body_hex")) {
    const std::string hex = j["body_hex"];
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
      d.body.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  } else {
    d.body = j.value("body", "");
  }
  return d;
}

int replay(const ListenFlags& f) {
  std::ifstream in(f.replay, std::ios::binary);
  if (!in) throw UsageError{"cannot read " + f.replay};
  int sent = 0, refused = 0, line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty()) continue;
    const Json j = Json::parse(line, nullptr, false);
    if (!j.is_object()) throw UsageError{f.replay + ":" + std::to_string(line_no) + ": not a captured delivery"};
    const Delivery d = from_capture(j);
    const Verdict v = examine(d, f);
    auto r = forward(d, f);
    const int status = r ? r->status : 0;
    std::cout << line_of(d, v, status) << std::endl;
    ++sent;
    if (status / 100 != 2) ++refused;
  }
  std::cout << "replayed " << sent << " deliveries, " << refused << " not answered 2xx" << std::endl;
  return refused == 0 ? 0 : static_cast<int>(Exit::kFailed);
}

int listen(const ListenFlags& f) {
  // SIGINT/SIGTERM stop the server: taken by a thread with sigwait (blocked in every thread).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  httplib::Server server;
  server.set_payload_max_length(static_cast<std::size_t>(f.max_body));
  server.set_read_timeout(static_cast<time_t>(f.timeout_s));
  server.set_write_timeout(static_cast<time_t>(f.timeout_s));
  std::mutex mu;             // one delivery at a time: the printed lines and the capture file stay in order
  std::int64_t handled = 0;  // under mu
  std::thread stopper;       // stops the server after --max-deliveries (joined before returning)
  std::ofstream capture;
  if (!f.capture.empty()) {
    capture.open(f.capture, std::ios::binary | std::ios::app);
    if (!capture) throw UsageError{"cannot write " + f.capture};
  }
  auto handle = [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    Delivery d{req.method, req.target, {req.headers.begin(), req.headers.end()}, req.body};
    const Verdict v = examine(d, f);
    auto r = forward(d, f);
    int status = 0;
    if (r) {
      status = r->status;
      res.status = r->status;
      res.set_content(r->body,
                      r->get_header_value("Content-Type").empty() ? "text/plain" : r->get_header_value("Content-Type"));
    } else {
      res.status = 502;
      res.set_content("paygw listen: the receiver did not answer", "text/plain");
    }
    std::cout << line_of(d, v, status) << std::endl;
    if (capture.is_open()) capture << captured(d).dump() << std::endl;
    if (f.max_deliveries > 0 && ++handled == f.max_deliveries) {
      stopper = std::thread([&server] { server.stop(); });
    }
  };
  server.Get(".*", handle);
  server.Post(".*", handle);
  const int port = f.port == 0
                       ? server.bind_to_any_port(f.host)
                       : (server.bind_to_port(f.host, static_cast<int>(f.port)) ? static_cast<int>(f.port) : -1);
  if (port <= 0) {
    std::cerr << "paygw: cannot listen on " << f.host << ":" << f.port << "\n";
    return static_cast<int>(Exit::kFailed);
  }
  std::thread([&server, stop_signals]() mutable {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    for (int i = 0; i < 5000 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    server.stop();
  }).detach();
  std::cout << "listening on http://" << (f.host.find(':') != std::string::npos ? "[" + f.host + "]" : f.host) << ":"
            << port << " (forwarding to " << f.forward_to << ")" << std::endl;
  server.listen_after_bind();
  {
    std::lock_guard<std::mutex> lock(mu);
    if (stopper.joinable()) stopper.join();
  }
  return 0;
}

}  // namespace

void add_listen_command(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<ListenFlags>();
  auto* c = command(app, ctx, "listen",
                    "Receive webhooks/IPNs/callbacks on loopback, check them with your secrets, print one line each, "
                    "forward the raw bytes to --forward-to and relay its answer",
                    [f] {
                      if (f->replay.empty()) return listen(*f);
                      return replay(*f);
                    });
  c->add_option("--forward-to", f->forward_to,
                "Your receiver's base URL: each delivery goes to its path prefix + the delivery's path and query")
      ->required();
  c->add_option("--port", f->port, "Port to listen on (0: a free one; the line 'listening on URL' says which)")
      ->check(whole_number(0, 65535));
  c->add_option("--host", f->host, "Address to listen on")->capture_default_str();
  c->add_option("--capture", f->capture, "Append each delivery to this file (JSON lines, for --replay)");
  c->add_option("--replay", f->replay, "Send the deliveries captured in this file to --forward-to, then exit");
  c->add_option("--max-deliveries", f->max_deliveries, "Stop after this many deliveries (0: at SIGINT/SIGTERM)")
      ->check(whole_number(0, 1000000));
  c->add_option("--max-body", f->max_body, "Largest body accepted, bytes (larger: HTTP 413)")
      ->check(whole_number(1, 64 << 20))
      ->capture_default_str();
  c->add_option("--forward-timeout", f->timeout_s, "Seconds to wait for the receiver")
      ->check(whole_number(1, 600))
      ->capture_default_str();
  c->add_option("--tingee-secret", f->tingee_secret, "Tingee secret (prefer the environment)")
      ->envname("PAYGW_TINGEE_SECRET");
  c->add_option("--tconnect-aes-key", f->tconnect_aes_key, "TConnect AES key, hex (prefer the environment)")
      ->envname("PAYGW_TCONNECT_AES_KEY");
  c->add_option("--charging-partner-key", f->charging_partner_key, "Charging partner key (prefer the environment)")
      ->envname("PAYGW_CHARGING_PARTNER_KEY");
}

}  // namespace paygw::cli
