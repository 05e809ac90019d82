// SPDX-License-Identifier: MIT
#include "http/curl_sockets.hpp"

#include "http/platform.hpp"

#include <algorithm>

namespace paygw::detail {

// ---- SocketRegistry ----

void SocketRegistry::add(curl_socket_t fd) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry e;
  e.fd = fd;
  entries_.push_back(std::move(e));
}

void SocketRegistry::remove(curl_socket_t fd) {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(), [fd](const Entry& e) { return e.fd == fd; }),
                 entries_.end());
}

curl_socket_t SocketRegistry::find(int local_port, const char* peer_ip, int peer_port) {
  std::lock_guard<std::mutex> lock(mu_);
  for (Entry& e : entries_) {
    if (!e.resolved) {
      auto ends = socket_ends(e.fd);
      if (!ends) continue;  // not connected (yet): not the one
      e.local_port = ends->local_port;
      e.peer_port = ends->peer_port;
      e.peer_ip = std::move(ends->peer_ip);
      e.resolved = true;
    }
    if (e.local_port == local_port && e.peer_port == peer_port && e.peer_ip == peer_ip) return e.fd;
  }
  return CURL_SOCKET_BAD;
}

}  // namespace paygw::detail
