// SPDX-License-Identifier: MIT
// Internal: what a libcurl exchange's failure means for the caller, and when libcurl may try to
// send a request again. Pure functions (no libcurl calls), table-tested over every CURLcode.
#pragma once

#include <paygw/result.hpp>

#include <curl/curl.h>

#include <cstddef>

namespace paygw::detail {

/// A request at most this long (URL + headers + body) is written on an idle connection by one
/// successful send(), which libcurl counts in CURLINFO_REQUEST_SIZE, so a count of zero proves no
/// byte of it left. A longer one may be partly on the wire while the count is still zero (OpenSSL
/// can report SSL_ERROR_WANT_WRITE after writing some records, and libcurl then counts nothing),
/// so once sending started nothing is proven for it.
inline constexpr std::size_t kMaxProvablyUnsentRequestBytes = std::size_t{16} * 1024;

/// What is known about one failed exchange.
struct CurlFailureFacts {
  CURLcode code = CURLE_OK;
  /// Whether any request byte may have left this machine: libcurl counted request bytes
  /// (CURLINFO_REQUEST_SIZE, which adds up over libcurl's own tries of one transfer), a response
  /// byte arrived, or sending started on a request longer than kMaxProvablyUnsentRequestBytes.
  bool maybe_written = true;
  /// The pre-request callback let a try send (connecting was over). While it is false no byte of
  /// the request was written, whatever the counters say (a proxy's CONNECT is counted in them).
  bool sending_started = true;
  bool body_too_large = false;     ///< The body callback refused a body over max_response_bytes.
  bool headers_too_large = false;  ///< The header callback refused headers over max_response_header_bytes.
  bool cancelled = false;          ///< The progress callback aborted on the request's cancel token.
  bool resend_refused = false;     ///< libcurl went to send the request again after a written try, and was stopped.
  bool stale_connection = false;   ///< Aborted before sending: the reused connection had data waiting.
};

/// The error a failure becomes; `what` starts its message (the caller adds libcurl's detail).
struct CurlFailure {
  ErrorCode code;
  Delivery delivery;
  const char* what;
};

/// Delivery is kNotSent when no try began to send (`facts.sending_started` false: the failure
/// came while connecting — DNS, TCP, a proxy's CONNECT, TLS — whatever the counters say), or
/// when the code is one that can occur before the first request byte is written and
/// `facts.maybe_written` is false; every other failure is kMaybeSent. Codes that promise nothing
/// was sent (kInvalidArgument, kConfig) are never combined with kMaybeSent. CURLE_OUT_OF_MEMORY
/// after sending is kResponseTooLarge (libcurl's answer to a response header line over 100 KiB).
CurlFailure classify_curl_failure(const CurlFailureFacts& facts) noexcept;

/// What the pre-request callback (CURLOPT_PREREQFUNCTION: libcurl calls it each time it is about
/// to send the request on a connection, its own resends included) lets libcurl do.
enum class BeforeSend {
  kSend,                  ///< Send the request.
  kAbortResend,           ///< Stop: an earlier try of this transfer may have been written (and read).
  kAbortStaleConnection,  ///< Stop before writing: the reused connection has data waiting, the sign
                          ///< of a server closing it (a FIN, an RST, a TLS close_notify).
};

/// `try_number` is 1 for the first try of a transfer; `earlier_try_may_be_written` covers the
/// tries before this one; `input_waiting` is whether the reused connection's socket is readable
/// before anything was sent on it (an HTTP/1.1 server sends nothing unasked).
BeforeSend decide_before_send(int try_number, bool earlier_try_may_be_written, bool connection_reused,
                              bool input_waiting) noexcept;

/// Whether libcurl may open a connection (CURLOPT_SOCKOPTFUNCTION) for a transfer that has made
/// `tries_started` tries so far: not once a try may have been written — that connection could
/// only carry a resend.
constexpr bool may_open_connection(int tries_started, bool earlier_try_may_be_written) noexcept {
  return tries_started == 0 || !earlier_try_may_be_written;
}

}  // namespace paygw::detail
