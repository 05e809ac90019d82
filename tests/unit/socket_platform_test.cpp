// SPDX-License-Identifier: MIT
// src/http/platform.cpp: the transport's only operating-system socket calls (ADR 0041), on real
// loopback sockets, and the socket registry built on them.
#include "http/curl_sockets.hpp"
#include "http/platform.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>

#include <gtest/gtest.h>

namespace paygw::detail {
namespace {

int port_of(int fd) {
  sockaddr_in a{};
  socklen_t len = sizeof a;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) return -1;
  return ntohs(a.sin_port);
}

// A connected loopback pair: `client` connected to `server` (accepted from `listener`).
struct Pair {
  int listener = -1;
  int client = -1;
  int server = -1;
  Pair() {
    listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listener, 1) != 0) return;
    a.sin_port = htons(static_cast<std::uint16_t>(port_of(listener)));
    client = ::socket(AF_INET, SOCK_STREAM, 0);
    if (::connect(client, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return;
    server = ::accept(listener, nullptr, nullptr);
  }
  ~Pair() {
    for (int fd : {listener, client, server}) {
      if (fd >= 0) ::close(fd);
    }
  }
  Pair(const Pair&) = delete;
  Pair& operator=(const Pair&) = delete;
};

TEST(SocketPlatform, SocketEndsAreTheLocalPortAndThePeer) {
  Pair p;
  ASSERT_GE(p.server, 0);
  auto ends = socket_ends(p.client);
  ASSERT_TRUE(ends.has_value());
  EXPECT_EQ(ends->local_port, port_of(p.client));
  EXPECT_EQ(ends->peer_port, port_of(p.listener));
  EXPECT_EQ(ends->peer_ip, "127.0.0.1");
}

TEST(SocketPlatform, AnUnconnectedSocketHasNoEnds) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  EXPECT_FALSE(socket_ends(fd).has_value());
  EXPECT_EQ(close_socket(fd), 0);
}

TEST(SocketPlatform, InputWaitingSeesDataAndEndOfStream) {
  Pair p;
  ASSERT_GE(p.server, 0);
  EXPECT_FALSE(input_waiting(p.client)) << "an HTTP/1.1 server sends nothing unasked";
  ASSERT_EQ(::write(p.server, "x", 1), 1);
  // Loopback delivery is immediate once write() returned, but allow for a loaded machine.
  bool seen = false;
  for (int i = 0; i < 200 && !seen; ++i) {
    seen = input_waiting(p.client);
    if (!seen) ::usleep(5000);
  }
  EXPECT_TRUE(seen);
}

TEST(SocketPlatform, CloseSocketClosesIt) {
  Pair p;
  ASSERT_GE(p.server, 0);
  EXPECT_EQ(close_socket(p.client), 0);
  EXPECT_NE(close_socket(p.client), 0) << "already closed";
  p.client = -1;
}

TEST(SocketRegistry, FindsTheSocketByItsEnds) {
  Pair p;
  ASSERT_GE(p.server, 0);
  SocketRegistry sockets;
  sockets.add(p.server);
  sockets.add(p.client);
  EXPECT_EQ(sockets.find(port_of(p.client), "127.0.0.1", port_of(p.listener)), p.client);
  EXPECT_EQ(sockets.find(port_of(p.client), "127.0.0.2", port_of(p.listener)), CURL_SOCKET_BAD);
  sockets.remove(p.client);
  EXPECT_EQ(sockets.find(port_of(p.client), "127.0.0.1", port_of(p.listener)), CURL_SOCKET_BAD);
}

}  // namespace
}  // namespace paygw::detail
