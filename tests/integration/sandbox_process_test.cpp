// SPDX-License-Identifier: MIT
// Integration: paygw-sandbox as a process — a port in use is refused (not shared), body-less
// POSTs are answered at once, and every flag of --help is documented in docs/sandbox-and-cli.md.
#include "sandbox_fixture.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace paygw::it {
namespace {

int port_of(const std::string& url) { return std::stoi(url.substr(url.rfind(':') + 1)); }

// Sends `request` as raw bytes to 127.0.0.1:port and returns what comes back within 3 s.
std::string raw_exchange(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval tv{3, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string out;
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
    char buf[4096];
    for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) {
      out.append(buf, static_cast<std::size_t>(n));
      if (out.find("\r\n\r\n") != std::string::npos && out.find('}') != std::string::npos) break;
    }
  }
  close(fd);
  return out;
}

TEST(SandboxProcess, APortInUseIsRefusedNotShared) {
  const int port = port_of(sandbox().url());
  Sandbox second({"--port", std::to_string(port)});
  EXPECT_TRUE(second.url().empty()) << "a second sandbox listens on the same port: " << second.url();
  EXPECT_EQ(second.exit_status(5s), 1) << second.output();
  EXPECT_NE(second.output().find("Address already in use"), std::string::npos) << second.output();
  // Every request still reaches the first one (no split between two listeners).
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(tingee_client().get_device_paging({}).ok()) << "request " << i;
}

TEST(SandboxProcess, BodylessPostsAreAnsweredAtOnce) {
  const int port = port_of(sandbox().url());
  const std::string no_url =
      raw_exchange(port, "POST /_sandbox/tingee/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(no_url.rfind("HTTP/1.1 400", 0), 0u) << no_url;
  EXPECT_NE(no_url.find("no webhook url"), std::string::npos) << "a 400 that says why: " << no_url;

  Sandbox with_url({"--tingee-webhook-url", receiver().url("/tingee/ping-default")});
  ASSERT_FALSE(with_url.url().empty()) << with_url.output();
  const std::string ok = raw_exchange(
      port_of(with_url.url()), "POST /_sandbox/tingee/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(ok.rfind("HTTP/1.1 200", 0), 0u) << ok;
  EXPECT_NE(ok.find("\"deliveries\":[200]"), std::string::npos) << ok;
  ASSERT_EQ(receiver().hits("/tingee/ping-default").size(), 1u);
  // A signed Tingee call without a body signs "{}".
  const std::string ts = tingee::format_timestamp(std::chrono::system_clock::now() - 3s);
  const std::string signed_bodyless =
      raw_exchange(port,
                   "POST /v1/device/get-devices-link-to-shop-or-va HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: "
                   "close\r\nx-client-id: " +
                       std::string(kTingeeId) + "\r\nx-request-timestamp: " + ts +
                       "\r\nx-signature: " + *tingee::sign(Secret(kTingeeSecret), ts, "{}") + "\r\n\r\n");
  EXPECT_NE(signed_bodyless.find("\"code\":\"00\""), std::string::npos) << signed_bodyless;
}

TEST(SandboxProcess, EveryHelpFlagIsDocumented) {
  std::string help;
  if (FILE* p = popen((std::string(PAYGW_SANDBOX_PATH) + " --help").c_str(), "r")) {
    char buf[1024];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) help.append(buf, n);
    EXPECT_EQ(pclose(p), 0);
  }
  std::ifstream in(PAYGW_DOCS_DIR "/sandbox-and-cli.md");
  std::stringstream docs;
  docs << in.rdbuf();
  std::set<std::string> flags;
  const std::regex flag(R"(^  (--[a-z0-9-]+))");
  std::istringstream lines(help);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, flag)) flags.insert(m[1]);
  }
  EXPECT_GT(flags.size(), 25u) << help;
  for (const auto& f : flags) {
    if (f == "--help") continue;
    EXPECT_NE(docs.str().find("`" + f), std::string::npos) << f << " is not in docs/sandbox-and-cli.md";
  }
}

}  // namespace
}  // namespace paygw::it
