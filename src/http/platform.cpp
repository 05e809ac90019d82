// SPDX-License-Identifier: MIT
// The operating system's socket calls (platform.hpp): POSIX, or Winsock when built for Windows.
// No other file of src/ includes an operating-system header (tools/mingw-check checks it).
#include "http/platform.hpp"

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX  // windows.h must not define min/max macros
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <dlfcn.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace paygw::detail {
namespace {

#ifdef _WIN32
using AddressLength = int;
#else
using AddressLength = socklen_t;
#endif

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

std::optional<SocketEnds> socket_ends(curl_socket_t fd) {
  sockaddr_storage local{}, peer{};
  AddressLength local_len = sizeof local, peer_len = sizeof peer;
  SocketEnds ends;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0 ||
      ::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0 ||
      !split_address(local, ends.local_port, nullptr) || !split_address(peer, ends.peer_port, &ends.peer_ip)) {
    return std::nullopt;
  }
  return ends;
}

bool input_waiting(curl_socket_t fd) noexcept {
#ifdef _WIN32
  WSAPOLLFD p{fd, POLLRDNORM, 0};
  return ::WSAPoll(&p, 1, 0) > 0;
#else
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;
#endif
}

void* process_symbol(const char* name) noexcept {
#ifdef _WIN32
  (void)name;
  return nullptr;
#else
  return ::dlsym(RTLD_DEFAULT, name);
#endif
}

int close_socket(curl_socket_t fd) noexcept {
#ifdef _WIN32
  return ::closesocket(fd);
#else
  return ::close(fd);
#endif
}

}  // namespace paygw::detail
