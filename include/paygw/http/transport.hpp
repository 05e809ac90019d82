// SPDX-License-Identifier: MIT
// paygw — the one I/O seam: http::Transport.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/export.hpp>
#include <paygw/result.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paygw::http {

/// HTTP request method.
enum class Method {
  kGet,     ///< GET
  kPost,    ///< POST
  kPut,     ///< PUT
  kDelete,  ///< DELETE
};

/// "GET", "POST", "PUT" or "DELETE".
PAYGW_EXPORT std::string_view to_string(Method method) noexcept;

/// Header list in send order. Names compare case-insensitively (see find_header).
using Headers = std::vector<std::pair<std::string, std::string>>;

/// The value of the first header called `name` (ASCII case-insensitive), or nullptr.
PAYGW_EXPORT const std::string* find_header(const Headers& headers, std::string_view name) noexcept;

/// An HTTP request exactly as it goes on the wire: `body` is sent byte for byte.
struct Request {
  Method method = Method::kGet;  ///< The request method.
  std::string url;               ///< Absolute URL including any query string.
  Headers headers;               ///< Sent in this order, names and values verbatim.
  std::string body;              ///< Empty means no body.
  /// Total time allowed for this exchange; zero means the transport's default.
  std::chrono::milliseconds timeout{0};
  /// When raised, the exchange is abandoned with ErrorCode::kCancelled (delivery kMaybeSent if
  /// any request bytes were written). Transports that cannot abort may finish the exchange.
  std::optional<CancelToken> cancel = std::nullopt;
};

/// An HTTP response. Any status (including 4xx/5xx) is a successful transport result; the
/// provider codecs decide what a status means.
struct Response {
  int status = 0;    ///< The HTTP status code, e.g. 200.
  Headers headers;   ///< Response headers in the order received (names as the server wrote them).
  std::string body;  ///< The body bytes, byte for byte (at most the transport's size cap).
};

/// Sends one HTTP request and returns the response. This is the only place paygw does I/O;
/// tests replace it with testing::ReplayTransport.
///
/// One send() puts the request on the wire at most once: an implementation may repeat it only
/// when certainly no byte of it was written (retrying is the clients' job, which counts
/// attempts).
///
/// Errors: kConnect / kTls (Delivery::kNotSent unless a request byte may already have been
/// written), kTimeout / kNetwork / kResponseTooLarge (Delivery::kMaybeSent unless the transport
/// knows nothing was written), kInvalidArgument for a malformed URL (nothing sent).
/// Implementations never follow redirects and never throw.
///
/// Thread safety: send() must be safe to call concurrently from several threads, so one
/// transport can be shared by every client of a process.
class PAYGW_EXPORT Transport {
 public:
  /// Receives the result of send_async(), exactly once.
  using Completion = std::function<void(Result<Response>)>;

  virtual ~Transport() = default;
  /// Sends `request` and blocks until the response has been read or the exchange failed (errors
  /// as above). Any HTTP status is a success of send().
  virtual Result<Response> send(const Request& request) = 0;

  /// Starts `request` and returns at once; `done` runs exactly once with the same result send()
  /// would give, on a thread of the transport (keep it short; exceptions it throws are swallowed).
  /// The default runs send() in the calling thread. The libcurl transport drives every pending
  /// request on one curl multi handle in one worker thread — no thread per request — so thousands
  /// can be in flight. Thread safety: may be called concurrently with send() and itself.
  virtual void send_async(Request request, Completion done);
};

}  // namespace paygw::http
