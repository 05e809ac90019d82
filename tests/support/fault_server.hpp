// SPDX-License-Identifier: MIT
// An adversarial HTTP/1.1 server for the transport tests: one thread, POSIX sockets, 127.0.0.1 on
// an ephemeral port. It reads every request completely, counts it (receipts), then does what its
// policy says: answer, drop the connection with a FIN or an RST, answer garbage or HTTP/0.9,
// stall, trickle, cut the body, break the chunked encoding, send endless 1xx, send 10 MB, close
// the idle connection after answering, answer seconds late, never answer, or answer any raw bytes
// (any status and headers: 3xx, 401, Retry-After, a huge header line). ConnectProxy is an HTTP
// proxy that refuses CONNECT or tunnels it. Everything is bounded: it stops with its destructor.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace paygw::test {

/// What the server does with one request, once it has read all of it.
enum class Fault {
  kAnswer,            ///< 200 with a small JSON body; the connection stays open (keep-alive).
  kAnswerLate,        ///< kAnswer, 200 ms later (keeps a connection busy).
  kCloseFin,          ///< Closes the connection without answering (FIN).
  kCloseRst,          ///< Resets the connection without answering (SO_LINGER 0: RST).
  kGarbage,           ///< Answers bytes that are not HTTP, then closes.
  kHttp09,            ///< Answers a bare body without a status line (HTTP/0.9), then closes.
  kHeadersThenStall,  ///< Status line and headers (Content-Length: 100), then nothing.
  kTrickle,           ///< Status line and headers (Content-Length: 100), then one body byte a second.
  kCloseMidBody,      ///< Content-Length: 100, 10 bytes of body, then closes.
  kBadChunked,        ///< Transfer-Encoding: chunked with a chunk size that is not hexadecimal.
  kEndless1xx,        ///< "102 Processing" interim responses (1 MiB of them), then stalls.
  kHugeBody,          ///< A 10 MB body (Content-Length), written as fast as the client reads it.
  kAnswerThenClose,   ///< Answers (keep-alive), then closes the idle connection (FIN) 50 ms later.
  /// Answers (keep-alive), then 50 ms later sends one stray byte and closes: data is waiting on
  /// the idle connection before the next request, as a TLS close_notify is.
  kAnswerThenStrayByteAndClose,
  kAnswerSlow,  ///< kAnswer, after the server's slow delay (set_slow_delay; default 5 s).
  kSilence,     ///< Reads the request and never answers; the connection stays open.
  kRaw,         ///< Writes the raw response set_raw_responder returns; the connection stays open.
};

/// A request as the server read it.
struct ReceivedRequest {
  std::string method;
  std::string target;  ///< Path and query, as in the request line.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  int index_on_connection = 0;  ///< 1 for the first request of its connection.

  /// The value of header `name` (case-insensitive), or "".
  std::string header(const std::string& name) const;
  /// The target without its query string.
  std::string path() const { return target.substr(0, target.find('?')); }
};

class FaultServer {
 public:
  /// Decides what to do with each request (called on the server thread).
  using Policy = std::function<Fault(const ReceivedRequest&)>;
  /// The body of a kAnswer response (default: {"ok":true}).
  using Responder = std::function<std::string(const ReceivedRequest&)>;

  explicit FaultServer(Policy policy, Responder responder = {});
  ~FaultServer();
  FaultServer(const FaultServer&) = delete;
  FaultServer& operator=(const FaultServer&) = delete;

  std::string url(const std::string& path) const;

  /// The whole response (status line, headers, body) a kRaw request gets: any status, any
  /// headers. Set it before the first request.
  using RawResponder = std::function<std::string(const ReceivedRequest&)>;
  void set_raw_responder(RawResponder raw);
  /// How long kAnswerSlow waits before answering (default 5 s).
  void set_slow_delay(std::chrono::milliseconds delay);

  /// How many requests carrying `X-Test-Id: id` arrived.
  int receipts(const std::string& id) const;
  /// How many requests for `path` (query string ignored) arrived.
  int receipts_for_path(const std::string& path) const;
  int connections_accepted() const { return accepted_.load(); }
  /// Blocks until `n` connections were closed by kAnswerThenClose / kAnswerThenStrayByteAndClose
  /// (or 5 s passed); returns whether they were.
  bool wait_idle_closes(int n) const;

 private:
  struct Conn;
  void run();
  void on_request(Conn& conn, ReceivedRequest request);
  void record(const ReceivedRequest& request);

  Policy policy_;
  Responder responder_;
  RawResponder raw_;
  std::chrono::milliseconds slow_delay_{5000};
  int listen_fd_ = -1;
  int wake_[2] = {-1, -1};
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> accepted_{0};
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::map<std::string, int> by_id_;
  std::map<std::string, int> by_path_;
  int idle_closes_ = 0;
  std::thread thread_;
};

/// A policy: `fault` for the `n`th request of every connection, kAnswer for the others.
FaultServer::Policy fault_on_request(Fault fault, int n);

/// An HTTP proxy for `CONNECT` tunnels on 127.0.0.1 (one thread, one connection at a time):
/// either refuses every CONNECT with 403, or answers 200 and relays the tunnel's bytes to
/// 127.0.0.1:`target_port` (where a TLS server may present a certificate nobody trusts).
class ConnectProxy {
 public:
  /// `target_port` 0: refuse every CONNECT.
  explicit ConnectProxy(int target_port);
  ~ConnectProxy();
  ConnectProxy(const ConnectProxy&) = delete;
  ConnectProxy& operator=(const ConnectProxy&) = delete;

  /// "http://127.0.0.1:<port>", for CurlOptions::proxy.
  std::string url() const;
  /// How many CONNECT requests arrived.
  int connects() const { return connects_.load(); }
  /// How many bytes clients sent through established tunnels.
  long long tunnelled_bytes() const { return tunnelled_.load(); }

 private:
  void run();
  void serve(int fd);

  int target_port_ = 0;
  int listen_fd_ = -1;
  int wake_[2] = {-1, -1};
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> connects_{0};
  std::atomic<long long> tunnelled_{0};
  std::thread thread_;
};

}  // namespace paygw::test
