// SPDX-License-Identifier: MIT
// What the documentation's fragments may take as given (`<!-- snippet: given ... -->`): clients
// and requests a reader has in their own code. The clients use a transport that fails every
// request before sending it, so a fragment never reaches a network even outside run.sh's
// network namespace.
#pragma once

#include <paygw/paygw.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace snippet {

/// Every request fails as "not sent" (ErrorCode::kConnect).
class NoNetwork final : public paygw::http::Transport {
 public:
  paygw::Result<paygw::http::Response> send(const paygw::http::Request&) override {
    return paygw::make_error(paygw::ErrorCode::kConnect, "documentation snippets have no network");
  }
};

template <typename T>
T must(paygw::Result<T> r, const char* what) {
  if (!r) {
    std::fprintf(stderr, "snippet support: %s: %s\n", what, paygw::describe(r.error()).c_str());
    std::exit(120);  // the support code's fault, not the snippet's (run.sh: any status < 124)
  }
  return std::move(r).value();
}

inline std::shared_ptr<paygw::http::Transport> no_network() { return std::make_shared<NoNetwork>(); }

inline paygw::charging::Client charging_client() {
  paygw::charging::Config c;
  c.base_url = "https://charging.example.invalid";
  c.partner_id = "36811";
  c.partner_key = paygw::Secret("partner-key");
  c.transport = no_network();
  return must(paygw::charging::Client::create(c), "charging client");
}

inline paygw::tconnect::Client tconnect_client() {
  paygw::tconnect::Config c;
  c.base_url = "https://tconnect.example.invalid";
  c.partner_code = "PARTNER";
  c.username = "user@example.invalid";
  c.password = paygw::Secret("password");
  c.client_id = "client";
  c.client_secret = paygw::Secret("client-secret");
  c.aes_key = paygw::Secret(std::string(64, 'a'));
  c.transport = no_network();
  return must(paygw::tconnect::Client::create(c), "tconnect client");
}

inline paygw::tingee::Client tingee_client() {
  paygw::tingee::Config c;
  c.base_url = "https://tingee.example.invalid";
  c.client_id = "client";
  c.secret = paygw::Secret("tingee-secret");
  c.transport = no_network();
  return must(paygw::tingee::Client::create(c), "tingee client");
}

/// A VietQR of 40 123 VND to 970422 (a Tingee bill's QR in the documentation).
inline const char* const kTingeeQr =
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
    "text string6304D9C6";

/// An HTTP request as a server hands it over.
struct Request {
  std::string method = "POST";
  std::string target = "/hooks/tingee";
  std::string body = R"({"event":"ping","message":"t","timestamp":1})";
};

}  // namespace snippet
