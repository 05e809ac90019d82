// SPDX-License-Identifier: MIT
// paygw-sandbox — bounded connections, the scheduler and the stop (see server.hpp).
#include "server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>

namespace paygw::sandbox {
namespace {

using SteadyClock = std::chrono::steady_clock;
using std::chrono::milliseconds;

std::atomic<bool> g_stopping{false};
// Never destroyed: the signal thread may still be notifying while main returns and static
// destructors run (a race TSan reported at exit).
std::mutex& g_stop_mu = *new std::mutex;                            // NOLINT(cppcoreguidelines-owning-memory)
std::condition_variable& g_stop_cv = *new std::condition_variable;  // NOLINT(cppcoreguidelines-owning-memory)

// The slice in which every wait notices a stop.
constexpr milliseconds kSlice{100};
// Added to the keep-alive timeout before an idle connection is closed.
constexpr milliseconds kIdleGrace{250};
// A refused body: what the client still sends is read and dropped for at most this long after the
// reply, so that closing with unread data (an RST) does not destroy the reply before it is read.
constexpr milliseconds kDrainAfterRefusal{1000};

int wait_ms(SteadyClock::time_point until) {
  const auto left = std::chrono::duration_cast<milliseconds>(until - SteadyClock::now());
  return static_cast<int>(std::max<long long>(0, std::min<long long>(left.count(), kSlice.count())));
}

// One connection of SandboxServer as httplib's Stream: buffered reads that fail once the
// request's deadline, the idle read timeout or the stop comes; writes bounded the same way.
class DeadlineStream final : public httplib::Stream {
 public:
  DeadlineStream(socket_t sock, milliseconds read_timeout, milliseconds write_timeout)
      : sock_(sock), read_timeout_(read_timeout), write_timeout_(write_timeout) {}

  // Waits for the next request's first byte, at most `idle`; false at the stop or when none came.
  // What is left in the buffer is dropped first, as httplib's own loop (a new stream per request)
  // does: a body no handler read (a fault answered before it) must not become the next request.
  bool wait_for_request(milliseconds idle) {
    pos_ = end_ = 0;
    const auto until = SteadyClock::now() + idle;
    while (!stopping() && SteadyClock::now() < until) {
      pollfd p{sock_, POLLIN, 0};
      const int n = poll(&p, 1, std::max(1, wait_ms(until)));
      if (n < 0) return false;
      if (n > 0) return true;
    }
    return false;
  }
  void begin_request() {
    deadline_ = SteadyClock::now() + kRequestTimeout;
    close_after_reply_ = false;
    head_done_ = false;
    head_bytes_ = head_lines_ = matched_ = 0;
  }
  void restart_deadline() { deadline_ = SteadyClock::now() + kRequestTimeout; }
  void close_after_reply() { close_after_reply_ = true; }
  bool close_requested() const { return close_after_reply_; }

  bool is_readable() const override { return pos_ < end_ || wait(POLLIN, read_timeout_, deadline_); }
  bool is_writable() const override { return wait(POLLOUT, write_timeout_, SteadyClock::time_point::max()); }

  ssize_t read(char* ptr, size_t size) override {
    if (pos_ == end_) {
      if (!wait(POLLIN, read_timeout_, deadline_)) return -1;
      const ssize_t n = recv(sock_, buffer_, sizeof buffer_, 0);
      if (n <= 0) return n;
      pos_ = 0;
      end_ = static_cast<std::size_t>(n);
    }
    const std::size_t take = std::min(size, end_ - pos_);
    std::memcpy(ptr, buffer_ + pos_, take);
    pos_ += take;
    if (!head_done_ && !count_head(ptr, take)) {
      close_after_reply_ = true;  // httplib answers 400; what the client still sends is not read
      return -1;
    }
    return static_cast<ssize_t>(take);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    return send(sock_, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(false, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  // Whether the socket becomes ready for `events` within `timeout` and before `deadline`.
  bool wait(short events, milliseconds timeout, SteadyClock::time_point deadline) const {
    const auto until = std::min(SteadyClock::now() + timeout, deadline);
    while (!stopping() && SteadyClock::now() < until) {
      pollfd p{sock_, events, 0};
      const int n = poll(&p, 1, std::max(1, wait_ms(until)));
      if (n < 0) return false;
      if (n > 0) return true;
    }
    return false;
  }

  void address(bool peer, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const int rc = peer ? getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len)
                        : getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len);
    if (rc != 0) return;
    char text[INET6_ADDRSTRLEN] = {0};
    if (addr.ss_family == AF_INET) {
      const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
      inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
      port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
      const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
      inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
      port = ntohs(a->sin6_port);
    }
    ip = text;
  }

  // Counts the head's bytes and lines up to its blank line ("\r\n\r\n"); false past kMaxHeadBytes
  // or kMaxHeaderLines (httplib bounds a line, not how many there are).
  bool count_head(const char* data, std::size_t n) {
    static constexpr char kEnd[] = "\r\n\r\n";
    for (std::size_t i = 0; i < n && !head_done_; ++i) {
      ++head_bytes_;
      if (data[i] == '\n') ++head_lines_;
      matched_ = data[i] == kEnd[matched_] ? matched_ + 1 : (data[i] == '\r' ? 1 : 0);
      head_done_ = matched_ == 4;
    }
    return head_done_ || (head_bytes_ <= kMaxHeadBytes && head_lines_ <= kMaxHeaderLines + 1);
  }

  socket_t sock_;
  milliseconds read_timeout_;
  milliseconds write_timeout_;
  SteadyClock::time_point deadline_ = SteadyClock::time_point::max();
  bool close_after_reply_ = false;
  bool head_done_ = false;
  std::size_t head_bytes_ = 0, head_lines_ = 0, matched_ = 0;
  char buffer_[4096];
  std::size_t pos_ = 0, end_ = 0;
};

thread_local DeadlineStream* t_stream = nullptr;
// Set while the listener's thread closes a connection that found the queue full.
thread_local bool t_shed = false;

}  // namespace

void request_stop() {
  {
    std::lock_guard<std::mutex> lock(g_stop_mu);
    g_stopping = true;
  }
  g_stop_cv.notify_all();
}

bool stopping() { return g_stopping; }

bool pause_for(milliseconds ms) {
  std::unique_lock<std::mutex> lock(g_stop_mu);
  return !g_stop_cv.wait_for(lock, ms, [] { return g_stopping.load(); });
}

void restart_request_deadline() {
  if (t_stream != nullptr) t_stream->restart_deadline();
}

void close_connection_after_reply() {
  if (t_stream != nullptr) t_stream->close_after_reply();
}

bool SandboxServer::process_and_close_socket(socket_t sock) {
  if (t_shed) {  // --max-waiting-connections already wait: closed unread
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return false;
  }
  DeadlineStream stream(sock, std::chrono::seconds(read_timeout_sec_), std::chrono::seconds(5));
  t_stream = &stream;
  bool ret = false;
  for (std::size_t left = keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
    // The idle close comes a little after --keep-alive-s: a client that waits exactly as long
    // (Retry-After: 1 of the http503 fault, with the default of 1 s) must not race the close.
    if (!stream.wait_for_request(std::chrono::seconds(keep_alive_timeout_sec_) + kIdleGrace)) break;
    stream.begin_request();
    bool closed = false;
    ret = process_request(stream, left == 1, closed, nullptr);
    if (!ret || closed || stream.close_requested()) break;
  }
  t_stream = nullptr;
  if (stream.close_requested()) {
    ::shutdown(sock, SHUT_WR);  // the reply is complete; drop what the client still sends, briefly
    const auto until = SteadyClock::now() + kDrainAfterRefusal;
    char sink[16384];
    while (SteadyClock::now() < until && !stopping()) {
      pollfd p{sock, POLLIN, 0};
      if (poll(&p, 1, wait_ms(until)) > 0 && recv(sock, sink, sizeof sink, 0) <= 0) break;
    }
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ret;
}

// ---- ConnectionThreads ----

void ConnectionThreads::enqueue(std::function<void()> fn) {
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (max_waiting_ > 0 && jobs_.size() >= max_waiting_) {
      lock.unlock();
      t_shed = true;  // the job (SandboxServer::process_and_close_socket) closes its socket at once
      fn();
      t_shed = false;
      return;
    }
    jobs_.push_back(std::move(fn));
    if (idle_ < jobs_.size() && threads_.size() < kMaxConnectionThreads) threads_.emplace_back([this] { work(); });
  }
  cv_.notify_one();
}

void ConnectionThreads::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    shutdown_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();  // no enqueue after shutdown: the listener has stopped
}

void ConnectionThreads::work() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    ++idle_;
    cv_.wait(lock, [this] { return !jobs_.empty() || shutdown_; });
    --idle_;
    if (jobs_.empty()) return;  // shutting down
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    job();  // with the server stopped, a queued connection is closed at once
    lock.lock();
  }
}

// ---- Scheduler ----

Scheduler::Scheduler() {
  for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { work(); });
}

Scheduler::~Scheduler() { stop(); }

void Scheduler::after(milliseconds delay, std::function<void()> work) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stop_) return;
    due_.emplace(Clock::now() + delay, std::move(work));
  }
  cv_.notify_one();
}

void Scheduler::advance(milliseconds by) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    std::multimap<Clock::time_point, std::function<void()>> moved;
    for (auto& [at, work] : due_) moved.emplace(at - by, std::move(work));
    due_ = std::move(moved);
  }
  cv_.notify_all();
}

void Scheduler::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stop_ && threads_.empty()) return;
    stop_ = true;
    due_.clear();
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
}

std::size_t Scheduler::pending() {
  std::lock_guard<std::mutex> lock(mu_);
  return due_.size();
}

void Scheduler::work() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    if (due_.empty()) {
      cv_.wait(lock);
      continue;
    }
    const auto first = due_.begin();
    if (const Clock::time_point when = first->first; when > Clock::now()) {
      // A copy: while this waits, advance() and stop() replace or clear due_ (and its nodes).
      cv_.wait_until(lock, when);
      continue;
    }
    std::function<void()> work = std::move(first->second);
    due_.erase(first);
    lock.unlock();
    work();
    lock.lock();
  }
}

}  // namespace paygw::sandbox
