// SPDX-License-Identifier: MIT
// paygw CLI — the small HTTP helpers `paygw trigger` and `paygw listen` share (cpp-httplib, which
// the CLI links only for these two commands).
#pragma once

#include "cli.hpp"

#include <httplib.h>

#include <string>

namespace paygw::cli {

/// A URL split into its origin ("http://127.0.0.1:8080") and path ("/x?y", at least "/").
struct SplitUrl {
  std::string origin;
  std::string path;
};

/// Splits `url` (http:// or https://); throws UsageError naming `what` otherwise.
inline SplitUrl split_url(const std::string& url, const std::string& what) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos ||
      (url.compare(0, scheme_end, "http") != 0 && url.compare(0, scheme_end, "https") != 0)) {
    throw UsageError{what + " must be an http:// or https:// URL, not '" + url + "'"};
  }
  const auto path_start = url.find('/', scheme_end + 3);
  SplitUrl out{url.substr(0, path_start), path_start == std::string::npos ? "/" : url.substr(path_start)};
  if (out.origin.size() <= scheme_end + 3) throw UsageError{what + " has no host: '" + url + "'"};
  return out;
}

/// A client for `origin` with bounded connect/read/write timeouts (seconds).
inline httplib::Client bounded_client(const std::string& origin, int timeout_s) {
  httplib::Client client(origin);
  client.set_connection_timeout(timeout_s < 2 ? timeout_s : 2);
  client.set_read_timeout(timeout_s);
  client.set_write_timeout(timeout_s);
  return client;
}

}  // namespace paygw::cli
