// SPDX-License-Identifier: MIT
// Internal: the sockets of one libcurl transport, to look at the connection a request is about
// to be sent on.
#pragma once

#include "http/platform.hpp"  // input_waiting, close_socket

#include <curl/curl.h>

#include <mutex>
#include <string>
#include <vector>

namespace paygw::detail {

/// The sockets libcurl opened for one transport (registered by the sockopt callback, removed by
/// the close-socket callback), to find the one a request is about to be sent on. Thread-safe.
class SocketRegistry {
 public:
  void add(curl_socket_t fd);
  void remove(curl_socket_t fd);
  /// The socket connected from `local_port` to `peer_ip`:`peer_port`, or CURL_SOCKET_BAD.
  curl_socket_t find(int local_port, const char* peer_ip, int peer_port);

 private:
  struct Entry {
    curl_socket_t fd = CURL_SOCKET_BAD;
    bool resolved = false;  // ports and peer address read (once the socket is connected)
    int local_port = 0;
    int peer_port = 0;
    std::string peer_ip;
  };
  std::mutex mu_;
  std::vector<Entry> entries_;
};

}  // namespace paygw::detail
