// SPDX-License-Identifier: MIT
#include "fault_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace paygw::test {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr std::size_t kEndless1xxBytes = 1u << 20;
constexpr std::size_t kHugeBodyBytes = 10'000'000;
constexpr std::size_t kTrickleBytes = 100;

bool iequal(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

std::string answer(const std::string& body) {
  return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: keep-alive\r\n\r\n" + body;
}

// A complete request at the start of `in`, removed from it; false when more bytes are needed.
bool take_request(std::string& in, ReceivedRequest& out) {
  const auto end = in.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  const std::string head = in.substr(0, end);
  std::size_t line_end = head.find("\r\n");
  const std::string line = head.substr(0, line_end);
  const auto sp1 = line.find(' ');
  const auto sp2 = line.find(' ', sp1 + 1);
  ReceivedRequest r;
  r.method = line.substr(0, sp1);
  r.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::size_t length = 0;
  while (line_end != std::string::npos && line_end < head.size()) {
    const std::size_t next = head.find("\r\n", line_end + 2);
    const std::string h =
        head.substr(line_end + 2, next == std::string::npos ? std::string::npos : next - line_end - 2);
    const auto colon = h.find(':');
    if (colon != std::string::npos) {
      std::string value = h.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      r.headers.emplace_back(h.substr(0, colon), value);
      if (iequal(h.substr(0, colon), "content-length")) length = std::strtoul(value.c_str(), nullptr, 10);
    }
    line_end = next;
  }
  if (in.size() < end + 4 + length) return false;
  r.body = in.substr(end + 4, length);
  in.erase(0, end + 4 + length);
  out = std::move(r);
  return true;
}

}  // namespace

std::string ReceivedRequest::header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (iequal(k, name)) return v;
  }
  return {};
}

// One accepted connection and what is left to do on it.
struct FaultServer::Conn {
  enum class Then {
    kRead,
    kLate,
    kClose,
    kReset,
    kStall,
    kTrickle,
    kEndless1xx,
    kHugeBody,
    kIdleClose,
    kIdleStrayClose
  };
  int fd = -1;
  std::string in;
  std::string out;
  int requests = 0;
  Then then = Then::kRead;
  std::size_t left = 0;      // bytes still to generate (trickle, 1xx, huge body)
  Clock::time_point when{};  // next trickle byte, the late answer, or the idle close
  std::string late;          // the late answer
  bool closed = false;
};

FaultServer::FaultServer(Policy policy, Responder responder)
    : policy_(std::move(policy)), responder_(std::move(responder)) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 64) != 0) {
    std::abort();
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  set_nonblocking(listen_fd_);
  if (::pipe(wake_) != 0) std::abort();
  thread_ = std::thread([this] { run(); });
}

FaultServer::~FaultServer() {
  stop_ = true;
  const char c = 'x';
  (void)!::write(wake_[1], &c, 1);
  thread_.join();
  ::close(listen_fd_);
  ::close(wake_[0]);
  ::close(wake_[1]);
}

std::string FaultServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

int FaultServer::receipts(const std::string& id) const {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? 0 : it->second;
}

int FaultServer::receipts_for_path(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = by_path_.find(path);
  return it == by_path_.end() ? 0 : it->second;
}

bool FaultServer::wait_idle_closes(int n) const {
  std::unique_lock<std::mutex> lock(mu_);
  return cv_.wait_for(lock, 5s, [&] { return idle_closes_ >= n; });
}

void FaultServer::set_raw_responder(RawResponder raw) {
  std::lock_guard<std::mutex> lock(mu_);
  raw_ = std::move(raw);
}

void FaultServer::set_slow_delay(std::chrono::milliseconds delay) {
  std::lock_guard<std::mutex> lock(mu_);
  slow_delay_ = delay;
}

void FaultServer::record(const ReceivedRequest& request) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string id = request.header("X-Test-Id");
  if (!id.empty()) ++by_id_[id];
  ++by_path_[request.path()];
}

void FaultServer::on_request(Conn& conn, ReceivedRequest request) {
  request.index_on_connection = ++conn.requests;
  record(request);
  const Fault fault = policy_ ? policy_(request) : Fault::kAnswer;
  const std::string body = responder_ ? responder_(request) : std::string(R"({"ok":true})");
  RawResponder raw;
  std::chrono::milliseconds slow_delay{};
  {
    std::lock_guard<std::mutex> lock(mu_);
    raw = raw_;
    slow_delay = slow_delay_;
  }
  const std::string head100 = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n";
  using Then = Conn::Then;
  switch (fault) {
    case Fault::kAnswer: conn.out += answer(body); break;
    case Fault::kAnswerLate:
    case Fault::kAnswerSlow:
      conn.late = answer(body);
      conn.then = Then::kLate;
      conn.when = Clock::now() + (fault == Fault::kAnswerLate ? 200ms : slow_delay);
      break;
    case Fault::kSilence: conn.then = Then::kStall; break;
    case Fault::kRaw: conn.out += raw ? raw(request) : answer(body); break;
    case Fault::kCloseFin: conn.then = Then::kClose; break;
    case Fault::kCloseRst: conn.then = Then::kReset; break;
    case Fault::kGarbage:
      conn.out += std::string("\x01\x02\x7f garbage \xff\xfe\r\n\r\n", 18);
      conn.then = Then::kClose;
      break;
    case Fault::kHttp09:
      conn.out += "hello from an HTTP/0.9 server\n";
      conn.then = Then::kClose;
      break;
    case Fault::kHeadersThenStall:
      conn.out += head100;
      conn.then = Then::kStall;
      break;
    case Fault::kTrickle:
      conn.out += head100;
      conn.then = Then::kTrickle;
      conn.left = kTrickleBytes;
      conn.when = Clock::now() + 1s;
      break;
    case Fault::kCloseMidBody:
      conn.out += head100 + std::string(10, 'b');
      conn.then = Then::kClose;
      break;
    case Fault::kBadChunked:
      conn.out += "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n";
      conn.then = Then::kClose;
      break;
    case Fault::kEndless1xx:
      conn.then = Then::kEndless1xx;
      conn.left = kEndless1xxBytes;
      break;
    case Fault::kHugeBody:
      conn.out += "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(kHugeBodyBytes) + "\r\n\r\n";
      conn.then = Then::kHugeBody;
      conn.left = kHugeBodyBytes;
      break;
    case Fault::kAnswerThenClose:
    case Fault::kAnswerThenStrayByteAndClose:
      conn.out += answer(body);
      conn.then = fault == Fault::kAnswerThenClose ? Then::kIdleClose : Then::kIdleStrayClose;
      conn.when = Clock::now() + 50ms;
      break;
  }
}

void FaultServer::run() {
  std::vector<std::unique_ptr<Conn>> conns;
  using Then = Conn::Then;
  auto close_conn = [&](Conn& c, bool reset) {
    if (reset) {
      linger l{1, 0};
      ::setsockopt(c.fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
    ::close(c.fd);
    c.closed = true;
  };
  while (!stop_) {
    std::vector<pollfd> fds{{wake_[0], POLLIN, 0}, {listen_fd_, POLLIN, 0}};
    int timeout_ms = 1000;
    const auto now = Clock::now();
    for (auto& c : conns) {
      short events = c->then == Then::kRead ? POLLIN : 0;
      const bool generating = (c->then == Then::kEndless1xx || c->then == Then::kHugeBody) && c->left > 0;
      if (!c->out.empty() || generating) events |= POLLOUT;
      fds.push_back({c->fd, events, 0});
      if (c->then == Then::kTrickle || c->then == Then::kLate || c->then == Then::kIdleClose ||
          c->then == Then::kIdleStrayClose) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(c->when - now).count();
        timeout_ms = std::max(0, std::min(timeout_ms, static_cast<int>(ms) + 1));
      }
    }
    ::poll(fds.data(), fds.size(), timeout_ms);
    if (stop_) break;
    if (fds[1].revents & POLLIN) {
      for (int fd; (fd = ::accept(listen_fd_, nullptr, nullptr)) >= 0;) {
        set_nonblocking(fd);
        auto c = std::make_unique<Conn>();
        c->fd = fd;
        conns.push_back(std::move(c));
        ++accepted_;
      }
    }
    for (std::size_t i = 0; i + 2 < fds.size() && i < conns.size(); ++i) {
      Conn& c = *conns[i];
      const short rev = fds[i + 2].revents;
      if (rev & (POLLIN | POLLHUP | POLLERR)) {
        char buf[16384];
        const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n <= 0) {
          if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) close_conn(c, false);
          continue;
        }
        if (c.then != Then::kRead) continue;  // bytes after a fault: ignored
        c.in.append(buf, static_cast<std::size_t>(n));
        ReceivedRequest r;
        while (c.then == Then::kRead && take_request(c.in, r)) on_request(c, std::move(r));
        if (c.then == Then::kClose && c.out.empty()) close_conn(c, false);
        if (c.then == Then::kReset) close_conn(c, true);
        if (c.closed) continue;
      }
      if (c.out.empty() && c.left > 0 && c.then == Then::kEndless1xx) {
        const std::string interim = "HTTP/1.1 102 Processing\r\nX-Pad: " + std::string(1000, 'p') + "\r\n\r\n";
        for (int k = 0; k < 16 && c.left > 0; ++k) {
          c.out += interim;
          c.left -= std::min(c.left, interim.size());
        }
      }
      if (c.out.empty() && c.left > 0 && c.then == Then::kHugeBody) {
        const std::size_t n = std::min<std::size_t>(c.left, 65536);
        c.out.assign(n, 'h');
        c.left -= n;
      }
      const auto t = Clock::now();
      if (c.then == Then::kLate && t >= c.when) {
        c.out += c.late;
        c.then = Then::kRead;
      }
      if (c.then == Then::kTrickle && c.left > 0 && t >= c.when) {
        c.out += 't';
        --c.left;
        c.when = t + 1s;
      }
      if (!c.out.empty()) {
        const ssize_t n = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
          close_conn(c, false);
          continue;
        }
        if (n > 0) c.out.erase(0, static_cast<std::size_t>(n));
      }
      if (!c.out.empty()) continue;
      if (c.then == Then::kClose) close_conn(c, false);
      if ((c.then == Then::kIdleClose || c.then == Then::kIdleStrayClose) && t >= c.when) {
        if (c.then == Then::kIdleStrayClose) (void)!::send(c.fd, "x", 1, MSG_NOSIGNAL);
        close_conn(c, false);
        {
          std::lock_guard<std::mutex> lock(mu_);
          ++idle_closes_;
        }
        cv_.notify_all();
      }
    }
    conns.erase(std::remove_if(conns.begin(), conns.end(), [](const auto& c) { return c->closed; }), conns.end());
  }
  for (auto& c : conns) ::close(c->fd);
}

FaultServer::Policy fault_on_request(Fault fault, int n) {
  return [fault, n](const ReceivedRequest& r) { return r.index_on_connection == n ? fault : Fault::kAnswer; };
}

ConnectProxy::ConnectProxy(int target_port) : target_port_(target_port) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 16) != 0) {
    std::abort();
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  if (::pipe(wake_) != 0) std::abort();
  thread_ = std::thread([this] { run(); });
}

ConnectProxy::~ConnectProxy() {
  stop_ = true;
  const char c = 'x';
  (void)!::write(wake_[1], &c, 1);
  thread_.join();
  ::close(listen_fd_);
  ::close(wake_[0]);
  ::close(wake_[1]);
}

std::string ConnectProxy::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void ConnectProxy::run() {
  while (!stop_) {
    pollfd fds[2] = {{wake_[0], POLLIN, 0}, {listen_fd_, POLLIN, 0}};
    ::poll(fds, 2, 1000);
    if (stop_) break;
    if ((fds[1].revents & POLLIN) == 0) continue;
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    serve(fd);
    ::close(fd);
  }
}

// One client connection: read the CONNECT request, refuse it or tunnel until either side closes.
void ConnectProxy::serve(int fd) {
  std::string in;
  char buf[16384];
  while (in.find("\r\n\r\n") == std::string::npos) {
    pollfd p[2] = {{wake_[0], POLLIN, 0}, {fd, POLLIN, 0}};
    ::poll(p, 2, 1000);
    if (stop_) return;
    if ((p[1].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return;
    in.append(buf, static_cast<std::size_t>(n));
  }
  if (in.rfind("CONNECT ", 0) == 0) ++connects_;
  if (target_port_ == 0) {
    const std::string refused = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    (void)!::send(fd, refused.data(), refused.size(), MSG_NOSIGNAL);
    return;
  }
  const int up = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(target_port_));
  if (::connect(up, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(up);
    return;
  }
  const std::string established = "HTTP/1.1 200 Connection established\r\n\r\n";
  (void)!::send(fd, established.data(), established.size(), MSG_NOSIGNAL);
  const std::string rest = in.substr(in.find("\r\n\r\n") + 4);
  if (!rest.empty()) {
    tunnelled_ += static_cast<long long>(rest.size());
    (void)!::send(up, rest.data(), rest.size(), MSG_NOSIGNAL);
  }
  for (bool open = true; open && !stop_;) {
    pollfd p[3] = {{wake_[0], POLLIN, 0}, {fd, POLLIN, 0}, {up, POLLIN, 0}};
    ::poll(p, 3, 1000);
    for (int side = 1; side <= 2 && open; ++side) {
      if ((p[side].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      const ssize_t n = ::recv(p[side].fd, buf, sizeof buf, 0);
      if (n <= 0) {
        open = false;
        break;
      }
      if (side == 1) tunnelled_ += n;
      (void)!::send(side == 1 ? up : fd, buf, static_cast<std::size_t>(n), MSG_NOSIGNAL);
    }
  }
  ::close(up);
}

}  // namespace paygw::test
