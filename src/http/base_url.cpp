// SPDX-License-Identifier: MIT
// Base URL checks through libcurl's URL API (with the curl_* files of src/http, the only files that include curl).
#include "http/base_url.hpp"

#include "http/util.hpp"

#include <curl/curl.h>

#include <memory>

namespace paygw::detail {
namespace {

constexpr std::string_view kRule =
    "base_url must be an https:// URL (plain http:// only for a loopback host: localhost, 127.0.0.0/8, [::1])";

Error refuse(std::string_view reason) {
  return make_error(ErrorCode::kConfig, std::string(kRule) + ": " + std::string(reason));
}

struct UrlDeleter {
  void operator()(CURLU* u) const noexcept { curl_url_cleanup(u); }
};

// A part of `url`: the text when curl has it, nullopt when the URL has no such part.
struct Part {
  CURLUcode rc = CURLUE_OK;
  std::string text;
  bool present() const noexcept { return rc == CURLUE_OK; }
};

Part get(CURLU* url, CURLUPart which) {
  char* out = nullptr;
  Part p;
  p.rc = curl_url_get(url, which, &out, 0);
  if (out != nullptr) {
    p.text = out;
    curl_free(out);
  }
  return p;
}

bool scheme_char(char c, bool first) {
  const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return alpha || (!first && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
}

// "scheme://X" where X is neither empty nor starts with '/' (curl would otherwise guess a host).
bool has_authority_form(std::string_view url) {
  const auto sep = url.find("://");
  if (sep == std::string_view::npos || sep == 0) return false;
  for (std::size_t i = 0; i < sep; ++i) {
    if (!scheme_char(url[i], i == 0)) return false;
  }
  const auto rest = url.substr(sep + 3);
  return !rest.empty() && rest.front() != '/';
}

// A decimal 0..255 without sign or leading zeros (curl writes normalised IPv4 addresses so).
bool octet(std::string_view s) {
  if (s.empty() || s.size() > 3 || (s.size() > 1 && s.front() == '0')) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  return v <= 255;
}

bool ipv4_in_127(std::string_view host) {
  std::string_view parts[4];
  std::size_t n = 0;
  while (n < 4) {
    const auto dot = host.find('.');
    parts[n++] = host.substr(0, dot);
    if (dot == std::string_view::npos) {
      host = {};
      break;
    }
    host.remove_prefix(dot + 1);
    if (n == 4) return false;  // a fifth part
  }
  if (n != 4) return false;
  for (const auto& p : parts) {
    if (!octet(p)) return false;
  }
  return parts[0] == "127";
}

}  // namespace

bool is_loopback_host(std::string_view host) noexcept {
  return iequals(host, "localhost") || host == "[::1]" || ipv4_in_127(host);
}

Result<std::string> check_base_url(std::string_view url) {
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || c == '\\')
      return refuse("it holds a space, a backslash or a non-printable or non-ASCII byte");
    if (c == '?' || c == '#') return refuse("it has a query or fragment");
  }
  if (!has_authority_form(url)) return refuse("it is not scheme://host");

  std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
  if (!parsed) return make_error(ErrorCode::kInternal, "libcurl could not allocate a URL handle");
  const std::string text(url);
  if (curl_url_set(parsed.get(), CURLUPART_URL, text.c_str(), CURLU_DISALLOW_USER) != CURLUE_OK) {
    return refuse("libcurl does not accept it as a URL (user info, a bad port or a malformed host?)");
  }
  CURLU* u = parsed.get();
  const Part scheme = get(u, CURLUPART_SCHEME);
  const std::string lower_scheme = ascii_lower_copy(scheme.text);
  if (!scheme.present() || (lower_scheme != "https" && lower_scheme != "http"))
    return refuse("the scheme is not https");
  for (CURLUPart who : {CURLUPART_USER, CURLUPART_PASSWORD, CURLUPART_OPTIONS}) {
    if (get(u, who).present()) return refuse("it has user info");
  }
  if (get(u, CURLUPART_QUERY).present() || get(u, CURLUPART_FRAGMENT).present()) {
    return refuse("it has a query or fragment");
  }
  if (get(u, CURLUPART_ZONEID).present()) return refuse("it has an IPv6 zone id");
  const Part host_part = get(u, CURLUPART_HOST);
  const std::string host = ascii_lower_copy(host_part.text);
  if (!host_part.present() || host.empty()) return refuse("it has no host");
  const Part port = get(u, CURLUPART_PORT);
  if (port.present()) {
    long number = 0;
    for (char c : port.text) {
      if (c < '0' || c > '9' || number > 65535) return refuse("the port is not 1..65535");
      number = number * 10 + (c - '0');
    }
    if (port.text.empty() || number < 1 || number > 65535) return refuse("the port is not 1..65535");
  }
  if (lower_scheme == "http" && !is_loopback_host(host)) return refuse("plain http:// to a host that is not loopback");

  std::string path = get(u, CURLUPART_PATH).text;
  while (!path.empty() && path.back() == '/') path.pop_back();
  std::string out = lower_scheme + "://" + host;
  if (port.present()) out += ":" + port.text;
  return out + path;
}

}  // namespace paygw::detail
