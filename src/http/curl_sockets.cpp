// SPDX-License-Identifier: MIT
#include "http/curl_sockets.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>

namespace paygw::detail {
namespace {

// Port and address of a socket address, or false.
bool split_address(const sockaddr_storage& a, int& port, std::string* ip) {
  char text[INET6_ADDRSTRLEN] = {0};
  if (a.ss_family == AF_INET) {
    const auto& in = reinterpret_cast<const sockaddr_in&>(a);
    port = ntohs(in.sin_port);
    if (ip != nullptr && ::inet_ntop(AF_INET, &in.sin_addr, text, sizeof text) == nullptr) return false;
  } else if (a.ss_family == AF_INET6) {
    const auto& in6 = reinterpret_cast<const sockaddr_in6&>(a);
    port = ntohs(in6.sin6_port);
    if (ip != nullptr && ::inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text) == nullptr) return false;
  } else {
    return false;
  }
  if (ip != nullptr) *ip = text;
  return true;
}

}  // namespace

// Whether anything can be read from `fd` without waiting: data, an end of stream or an error.
bool input_waiting(curl_socket_t fd) noexcept {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;
}

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
      sockaddr_storage local{}, peer{};
      socklen_t local_len = sizeof local, peer_len = sizeof peer;
      if (::getsockname(e.fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0 ||
          ::getpeername(e.fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0 ||
          !split_address(local, e.local_port, nullptr) || !split_address(peer, e.peer_port, &e.peer_ip)) {
        continue;  // not connected (yet): not the one
      }
      e.resolved = true;
    }
    if (e.local_port == local_port && e.peer_port == peer_port && e.peer_ip == peer_ip) return e.fd;
  }
  return CURL_SOCKET_BAD;
}

}  // namespace paygw::detail
