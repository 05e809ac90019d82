// SPDX-License-Identifier: MIT
#include <paygw/http/transport.hpp>

#include "http/util.hpp"

namespace paygw::http {

std::string_view to_string(Method method) noexcept {
  switch (method) {
    case Method::kGet: return "GET";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kDelete: return "DELETE";
  }
  return "GET";
}

// By value in the interface so that an asynchronous transport can keep both; this default sends
// inline and would not need the copies.
void Transport::send_async(Request request, Completion done) {  // NOLINT(performance-unnecessary-value-param)
  auto result = send(request);
  try {
    done(std::move(result));
  } catch (...) {
  }
}

const std::string* find_header(const Headers& headers, std::string_view name) noexcept {
  for (const auto& [key, value] : headers) {
    if (detail::iequals(key, name)) return &value;
  }
  return nullptr;
}

}  // namespace paygw::http

namespace paygw::detail {

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

std::string url_path(std::string_view url) {
  const auto scheme = url.find("://");
  const auto start = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (start == std::string_view::npos) return "/";
  return std::string(url.substr(start));
}

std::string url_path_without_query(std::string_view url) {
  std::string path = url_path(url);
  const auto q = path.find_first_of("?#");
  if (q != std::string::npos) path.resize(q);
  return path;
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0f]);
    }
  }
  return out;
}

bool header_safe(std::string_view value) noexcept {
  for (unsigned char c : value) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace paygw::detail
