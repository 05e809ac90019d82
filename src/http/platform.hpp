// SPDX-License-Identifier: MIT
// Internal: every operating-system socket call of the libcurl transport, in one place
// (src/http/platform.cpp: POSIX, and Winsock for a Windows port; ADR 0041).
#pragma once

#include <curl/curl.h>

#include <optional>
#include <string>

namespace paygw::detail {

/// The two ends of a connected socket.
struct SocketEnds {
  int local_port = 0;
  int peer_port = 0;
  std::string peer_ip;  ///< numeric, as libcurl reports it (CURLINFO_PRIMARY_IP)
};

/// The local port and the peer of `fd`, or nullopt when it is not connected (yet) or not IP.
std::optional<SocketEnds> socket_ends(curl_socket_t fd);

/// Whether anything can be read from `fd` without waiting: data, an end of stream or an error.
bool input_waiting(curl_socket_t fd) noexcept;

/// The address of function `name` as the process's dynamic linker resolves it (dlsym with
/// RTLD_DEFAULT), or nullptr when no loaded module has it. On Windows always nullptr: there is no
/// process-wide lookup, and a caller must treat "not found" as "not available" (ADR 0041).
void* process_symbol(const char* name) noexcept;

/// Closes a socket libcurl opened (CURLOPT_CLOSESOCKETFUNCTION). 0 on success, as libcurl expects.
int close_socket(curl_socket_t fd) noexcept;

}  // namespace paygw::detail
