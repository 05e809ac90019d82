// SPDX-License-Identifier: MIT
// Integration: the sandbox under abuse (issue 21, item 7; it is a tool merchants leave running in
// CI): pending cards share a scheduler instead of a thread each, SIGTERM stops it promptly with
// cards pending, slow clients do not stop it answering, a huge body is refused before it is read,
// and absurd counts are a 400. Every check is bounded and loopback only.
#include "sandbox_fixture.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

namespace paygw::it {
namespace {

int port_of(const std::string& url) { return std::stoi(url.substr(url.rfind(':') + 1)); }

int connect_to(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// What arrives on `fd` within `wait` (until the peer closes or a full head and '}' came).
std::string read_reply(int fd, std::chrono::milliseconds wait) {
  std::string out;
  const auto until = std::chrono::steady_clock::now() + wait;
  char buf[4096];
  while (std::chrono::steady_clock::now() < until) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.find("\r\n\r\n") != std::string::npos && out.find('}') != std::string::npos) break;
  }
  return out;
}

int threads_of(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
  }
  return -1;
}

charging::CardRequest pending_card(int i) {
  // Last digit 5: pending (99), settled by the scheduler after --charging-delay-ms.
  return {"VIETTEL", "31282144589" + std::to_string(1000 + i) + "5", "5" + std::to_string(100000 + i), 50000,
          "abuse-" + unique_id() + "-" + std::to_string(i)};
}

TEST(SandboxAbuse, PendingCardsShareAFewThreadsAndSigtermStopsAtOnce) {
  Sandbox s({"--charging-delay-ms", "600000"});
  ASSERT_FALSE(s.url().empty()) << s.output();
  auto c = charging_client(10s, kChargingKey, s.url());
  constexpr int kCards = 2000;
  for (int i = 0; i < kCards; ++i) {
    auto r = c.submit(pending_card(i));
    ASSERT_OK(r);
    ASSERT_EQ(r->status, charging::Status::kPending) << i;
  }
  const int threads = threads_of(s.pid());
  EXPECT_GT(threads, 0);
  EXPECT_LT(threads, 40) << "a thread per pending card (the old sandbox had " << kCards + 66 << ")";

  // SIGTERM with 2000 cards pending: the sandbox exits promptly, and cleanly.
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(kill(s.pid(), SIGTERM), 0);
  EXPECT_EQ(s.exit_status(5s), 0) << "paygw-sandbox did not exit on SIGTERM";
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s) << "SIGTERM waited for pending cards";
}

TEST(SandboxAbuse, SlowClientsDoNotStopItAnswering) {
  const int port = port_of(sandbox().url());
  std::vector<int> slow;
  for (int i = 0; i < 70; ++i) {
    const int fd = connect_to(port);
    ASSERT_GE(fd, 0);
    slow.push_back(fd);
  }
  const std::string head = "POST /_sandbox/tingee/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  std::atomic<bool> done{false};
  std::thread trickle([&] {  // one byte a second on each slow connection
    for (std::size_t i = 0; !done; ++i) {
      for (int fd : slow) (void)!send(fd, &head[i % head.size()], 1, MSG_NOSIGNAL);
      for (int k = 0; k < 10 && !done; ++k) std::this_thread::sleep_for(100ms);
    }
  });
  std::this_thread::sleep_for(1500ms);  // every slow client has a request under way
  const auto start = std::chrono::steady_clock::now();
  auto r = tingee_client(5s).get_device_paging({});
  EXPECT_OK(r);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s) << "a normal client waited behind 70 slow ones";

  // The slow requests are cut off once their 10 s are up (the server closes them).
  int closed = 0;
  const auto until = std::chrono::steady_clock::now() + 15s;
  for (int fd : slow) {
    for (;;) {
      pollfd p{fd, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
      if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
      char buf[512];
      if (recv(fd, buf, sizeof buf, 0) <= 0) {
        ++closed;
        break;
      }
    }
  }
  done = true;
  trickle.join();
  for (int fd : slow) close(fd);
  EXPECT_EQ(closed, 70) << "slow requests kept their connections beyond the request timeout";
}

TEST(SandboxAbuse, AHugeBodyIsRefusedBeforeItIsRead) {
  const int port = port_of(sandbox().url());
  for (const std::string path : {"/chargingws/v2", "/_sandbox/tingee/payments", "/openapi/v1/auth/login"}) {
    SCOPED_TRACE(path);
    const int fd = connect_to(port);
    ASSERT_GE(fd, 0);
    const std::string request = "POST " + path +
                                " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                "Partner-Code: " +
                                kPartner + "\r\nContent-Length: 536870912\r\n\r\n" + std::string(65536, '{');
    ASSERT_EQ(send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
    const auto start = std::chrono::steady_clock::now();
    const std::string reply = read_reply(fd, 3s);  // the other 512 MB are never sent
    EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
    close(fd);
  }
  // A chunked body is cut off as soon as it passes the limit.
  const int fd = connect_to(port);
  ASSERT_GE(fd, 0);
  std::string chunked =
      "POST /chargingws/v2 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 20; ++i) chunked += "10000\r\n" + std::string(65536, 'x') + "\r\n";
  ASSERT_EQ(send(fd, chunked.data(), chunked.size(), MSG_NOSIGNAL), static_cast<ssize_t>(chunked.size()));
  EXPECT_EQ(read_reply(fd, 3s).rfind("HTTP/1.1 413", 0), 0u);
  close(fd);
  // And the sandbox still answers.
  EXPECT_OK(tingee_client().get_device_paging({}));
}

TEST(SandboxAbuse, AbsurdCountsAreA400) {
  const std::string path = unique_path("tingee/abuse");
  const std::string hook = receiver().url(path);
  for (const char* duplicates : {"2147483647", "-1", "11", "1.5", "\"3\""}) {
    SCOPED_TRACE(duplicates);
    const auto tingee =
        admin("/_sandbox/tingee/payments", std::string(R"({"amount":1000,"vaAccountNumber":"VA1",)") + R"("url":")" +
                                               hook + R"(","duplicates":)" + duplicates + "}");
    EXPECT_EQ(tingee.status, 400) << tingee.body;
    EXPECT_NE(tingee.body.find("duplicates"), std::string::npos) << tingee.body;
    const auto tconnect = admin("/_sandbox/tconnect/payments", std::string(R"({"order_id":"O-abuse","url":")") + hook +
                                                                   R"(","duplicates":)" + duplicates + "}");
    EXPECT_EQ(tconnect.status, 400) << tconnect.body;
  }
  EXPECT_TRUE(receiver().hits(path).empty()) << "a refused request delivered something";
  for (const char* fault : {R"({"mode":"timeout","ms":999999999})", R"({"mode":"delay","count":-5})",
                            R"({"mode":"delay","count":2147483647999})"}) {
    EXPECT_EQ(admin("/_sandbox/faults", fault).status, 400) << fault;
  }
  // A fault header asking for an absurd wait is ignored, not obeyed.
  httplib::Client http(sandbox().url());
  http.set_read_timeout(5);
  const auto start = std::chrono::steady_clock::now();
  auto r = http.Get("/chargingws/v2/getfee?partner_id=1", {{"x-sandbox-fault", "timeout:999999999"}});
  ASSERT_TRUE(r);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
}

// A client that creates without end meets --max-objects, not an exhausted machine: with a cap of
// 2, two VAs (each with its OTP session) are made, the third is refused with SBX-FULL, and what
// exists still works (the second VA's OTP confirms it).
TEST(SandboxAbuse, StatefulWorldsAreBounded) {
  Sandbox s({"--max-objects", "2"});
  ASSERT_FALSE(s.url().empty()) << s.output();
  auto c = tingee_client(10s, kTingeeSecret, s.url());
  std::vector<std::string> confirm_ids;
  for (int i = 0; i < 3; ++i) {
    tingee::CreateVaRequest r;
    r.account_number = "CAP" + unique_id() + std::to_string(i);
    r.account_name = "NGUYEN VAN A";
    r.identity = "001090012345";
    r.mobile = "0901234567";
    r.bank_bin = "970418";
    auto created = c.create_va(r);
    if (i < 2) {
      ASSERT_OK(created);
      confirm_ids.push_back(created->confirm_id);
    } else {
      ASSERT_FALSE(created.ok());
      EXPECT_EQ(created.error().code, ErrorCode::kProvider) << describe(created.error());
      EXPECT_EQ(created.error().provider_code, "SBX-FULL") << describe(created.error());
    }
  }
  tingee::ConfirmVaRequest confirm;
  confirm.confirm_id = confirm_ids[1];
  confirm.otp_number = "123456";
  confirm.bank_bin = "970418";
  ASSERT_OK(c.confirm_va(confirm));
}

}  // namespace
}  // namespace paygw::it
