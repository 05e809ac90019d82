// SPDX-License-Identifier: MIT
// paygw-sandbox — what keeps the sandbox bounded when it is left running in CI and abused
// (issue 21, item 7): the HTTP server's connections (a thread per connection up to a cap, each
// request due within kRequestTimeout of its first byte, bodies at most kMaxBodyBytes), one
// scheduler for everything that happens later (pending cards settling) instead of a thread each,
// and a stop that interrupts every wait.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace paygw::sandbox {

/// A request (line, headers and body) must arrive within this of its first byte: a client that
/// trickles bytes (1 byte/s) is disconnected instead of holding a thread for ever.
inline constexpr std::chrono::seconds kRequestTimeout{10};
/// Request bodies above this are refused with 413 before they are read (the sandbox's largest
/// legitimate body, a receipt with many items, is a few KiB).
inline constexpr std::size_t kMaxBodyBytes = 1u << 20;
/// Connections served at once (a thread each, started on demand); more wait for a free one.
inline constexpr std::size_t kMaxConnectionThreads = 256;
/// Accepted connections waiting for a free thread at most, by default (--max-waiting-connections);
/// one more is closed at once, unread.
inline constexpr std::size_t kMaxQueuedConnections = 1024;
/// A request's line and headers: at most this many bytes and kMaxHeaderLines lines (httplib
/// bounds each line, not their number); beyond, 400 and the connection closed.
inline constexpr std::size_t kMaxHeadBytes = 64u << 10;
inline constexpr std::size_t kMaxHeaderLines = 100;

/// The sandbox's stop: set once (SIGINT/SIGTERM); every wait below returns early.
void request_stop();
bool stopping();
/// Sleeps `ms`, or less when the sandbox stops; false when it is stopping.
bool pause_for(std::chrono::milliseconds ms);

/// The current request (on a connection thread of SandboxServer) may take another
/// kRequestTimeout from now: called before a handler reads the body, so that a fault's delay
/// before it does not count.
void restart_request_deadline();
/// The connection of the current request is closed after its reply, without reading what the
/// client still sends (a refused body).
void close_connection_after_reply();

/// httplib::Server whose connections enforce kRequestTimeout, stop at once when the sandbox
/// stops, and can be closed after a refused body. (httplib's own loop waits for each byte with a
/// fresh read timeout, so a slow client is never timed out.)
class SandboxServer : public httplib::Server {
 private:
  bool process_and_close_socket(socket_t sock) override;
};

/// A thread per connection, started on demand up to kMaxConnectionThreads and kept for the next.
/// With `max_waiting` > 0 (a SandboxServer's queue), at most that many wait for a thread: one more
/// is closed at once on the listener's thread; 0: no bound (httplib's TLS server reads on its own).
class ConnectionThreads : public httplib::TaskQueue {
 public:
  explicit ConnectionThreads(std::size_t max_waiting) : max_waiting_(max_waiting) {}
  ~ConnectionThreads() override = default;
  ConnectionThreads(const ConnectionThreads&) = delete;
  ConnectionThreads& operator=(const ConnectionThreads&) = delete;
  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

 private:
  void work();
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool shutdown_ = false;
  std::size_t max_waiting_ = 0;
};

/// Runs work later on a fixed pair of threads, in due order. The sandbox clock's advance moves
/// every due time earlier. stop() drops what is not due and waits for what runs.
class Scheduler {
 public:
  Scheduler();
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;
  void after(std::chrono::milliseconds delay, std::function<void()> work);
  /// Everything scheduled becomes due `by` earlier.
  void advance(std::chrono::milliseconds by);
  void stop();
  std::size_t pending();

 private:
  using Clock = std::chrono::steady_clock;
  void work();
  std::mutex mu_;
  std::condition_variable cv_;
  std::multimap<Clock::time_point, std::function<void()>> due_;
  std::vector<std::thread> threads_;
  bool stop_ = false;
};

}  // namespace paygw::sandbox
