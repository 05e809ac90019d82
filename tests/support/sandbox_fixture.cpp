// SPDX-License-Identifier: MIT
// Integration tests against paygw-sandbox: the shared fixture (see sandbox_fixture.hpp).
#include "sandbox_fixture.hpp"

#include "../support/client_calls.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <set>

extern char** environ;

namespace paygw::it {

Receiver::Receiver() {
  auto handle = [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu_);
    Hit hit{req.path, "", req.body, {}};
    const auto q = req.target.find('?');
    if (q != std::string::npos) hit.query = req.target.substr(q + 1);
    for (const auto& [k, v] : req.headers) hit.headers.emplace_back(k, v);
    hits_.push_back(std::move(hit));
    if (fail_next_ > 0) {
      --fail_next_;
      res.status = 500;
      return;
    }
    res.set_content(std::string(tingee::kWebhookAck), "application/json");
  };
  server_.Get(R"(/.*)", handle);
  server_.Post(R"(/.*)", handle);
  port_ = server_.bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::sleep_for(1ms);
}

Receiver::~Receiver() {
  server_.stop();
  thread_.join();
}

std::string Receiver::url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

std::vector<Receiver::Hit> Receiver::hits(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<Hit> out;
  for (const auto& h : hits_) {
    if (h.path == path) out.push_back(h);
  }
  return out;
}

void Receiver::fail_next(int n) {
  std::lock_guard<std::mutex> lock(mu_);
  fail_next_ = n;
}

Sandbox::Sandbox(std::vector<std::string> args) {
  setenv("PAYGW_TINGEE_CLIENT_ID", kTingeeId, 1);
  setenv("PAYGW_TINGEE_SECRET", kTingeeSecret, 1);
  setenv("PAYGW_TCONNECT_PARTNER_CODE", kPartner, 1);
  setenv("PAYGW_TCONNECT_USERNAME", kUser, 1);
  setenv("PAYGW_TCONNECT_PASSWORD", kPassword, 1);
  setenv("PAYGW_TCONNECT_CLIENT_ID", kClientId, 1);
  setenv("PAYGW_TCONNECT_CLIENT_SECRET", kClientSecret, 1);
  setenv("PAYGW_TCONNECT_AES_KEY", kAesKey, 1);
  setenv("PAYGW_CHARGING_PARTNER_ID", kChargingId, 1);
  setenv("PAYGW_CHARGING_PARTNER_KEY", kChargingKey, 1);
  setenv("PAYGW_CHARGING_CALLBACK_URL", receiver().url("/charge/callback").c_str(), 1);
  int out[2];
  if (pipe(out) != 0) std::abort();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  bool has_port = false;
  for (const auto& a : args) has_port = has_port || a == "--port";
  if (!has_port) args.insert(args.begin(), {"--port", "0"});
  args.insert(args.begin(), PAYGW_SANDBOX_PATH);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  if (posix_spawn(&pid_, PAYGW_SANDBOX_PATH, &actions, nullptr, argv.data(), environ) != 0) std::abort();
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  FILE* stream = fdopen(out[0], "r");
  char line[512];
  while (stream != nullptr && std::fgets(line, sizeof line, stream) != nullptr) {
    const std::string l(line);
    output_ += l;
    if (l.rfind("listening on ", 0) == 0) {
      url_ = l.substr(13, l.find_last_not_of("\r\n") - 12);
      break;
    }
  }
  stream_ = stream;  // keep the pipe open so the sandbox never gets SIGPIPE
}

int Sandbox::exit_status(std::chrono::milliseconds wait) {
  if (pid_ <= 0) return -1;
  int status = 0;
  for (auto waited = 0ms; waited <= wait; waited += 10ms) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(10ms);
  }
  return -1;
}

void Sandbox::stop() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 500 && waitpid(pid_, &status, WNOHANG) == 0; ++i) std::this_thread::sleep_for(10ms);
    if (waitpid(pid_, &status, WNOHANG) == 0) {
      ADD_FAILURE() << "paygw-sandbox did not stop on SIGTERM within 5 s";
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
    pid_ = -1;
  }
  if (stream_ != nullptr) std::fclose(stream_);
  stream_ = nullptr;
}

namespace {

Receiver* the_receiver = nullptr;
Sandbox* the_sandbox = nullptr;

class SandboxEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    the_receiver = new Receiver();
    the_sandbox = new Sandbox();
    ASSERT_FALSE(the_sandbox->url().empty()) << "the sandbox did not start: " << the_sandbox->output();
  }
  void TearDown() override {
    delete the_sandbox;
    delete the_receiver;
  }
};
const auto* const kEnv = ::testing::AddGlobalTestEnvironment(new SandboxEnvironment);

}  // namespace

Receiver& receiver() { return *the_receiver; }
Sandbox& sandbox() { return *the_sandbox; }

std::shared_ptr<http::Transport> transport() {
  static auto t = *http::make_curl_transport();
  return t;
}

tingee::Client tingee_client(std::chrono::milliseconds timeout, const char* secret, const std::string& url,
                             tingee::BankPathPrefix prefix) {
  tingee::Config c;
  c.base_url = url.empty() ? sandbox().url() : url;
  c.client_id = kTingeeId;
  c.secret = Secret(secret);
  c.bank_path_prefix = prefix;
  c.transport = transport();
  c.timeout = timeout;
  return *tingee::Client::create(c);
}

tconnect::Client tconnect_client(std::chrono::milliseconds timeout, const char* password, const std::string& url) {
  tconnect::Config c;
  c.base_url = url.empty() ? sandbox().url() : url;
  c.partner_code = kPartner;
  c.username = kUser;
  c.password = Secret(password);
  c.client_id = kClientId;
  c.client_secret = Secret(kClientSecret);
  c.aes_key = Secret(kAesKey);
  c.service_code = "vccb-qr";
  c.transport = transport();
  c.timeout = timeout;
  return *tconnect::Client::create(c);
}

charging::Client charging_client(std::chrono::milliseconds timeout, const char* key, const std::string& url) {
  charging::Config c;
  c.base_url = url.empty() ? sandbox().url() : url;
  c.partner_id = kChargingId;
  c.partner_key = Secret(key);
  c.transport = transport();
  c.timeout = timeout;
  return *charging::Client::create(c);
}

http::Response admin(const std::string& path, const std::string& body) {
  auto r = transport()->send(
      {http::Method::kPost, sandbox().url() + path, {{"Content-Type", "application/json"}}, body, {}, {}});
  EXPECT_TRUE(r.ok()) << describe(r.error());
  return r.ok() ? *r : http::Response{};
}

std::string tingee_raw(const std::string& method, const std::string& path, const std::string& body,
                       const std::string& signed_text, const std::string& url) {
  httplib::Client client(url.empty() ? sandbox().url() : url);
  client.set_read_timeout(5);
  const std::string ts = tingee::format_timestamp(std::chrono::system_clock::now() - 3s);
  const httplib::Headers headers = {{"x-client-id", kTingeeId},
                                    {"x-request-timestamp", ts},
                                    {"x-signature", *tingee::sign(Secret(kTingeeSecret), ts, signed_text)}};
  httplib::Result r = method == "GET"      ? client.Get(path.c_str(), headers)
                      : method == "DELETE" ? client.Delete(path.c_str(), headers)
                                           : client.Post(path.c_str(), headers, body, "application/json");
  return r ? r->body : std::string();
}

nlohmann::json sandbox_get(const std::string& path, const std::string& url) {
  auto r = transport()->send({http::Method::kGet, (url.empty() ? sandbox().url() : url) + path, {}, "", 5s, {}});
  EXPECT_TRUE(r.ok() && r->status == 200) << "GET " << path;
  return r.ok() ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json();
}

nlohmann::json screen_of(const std::string& id, const std::string& url) {
  for (const auto& d : sandbox_get("/_sandbox/devices", url)) {
    if (d.value("device", "") == id) return d["screen"];
  }
  ADD_FAILURE() << "the sandbox has no device " << id;
  return nullptr;
}

std::string unique_id() {
  static std::atomic<int> n{0};
  return std::to_string(getpid()) + "-" + std::to_string(++n);
}

std::string unique_path(const std::string& what) { return "/" + what + "/" + unique_id(); }

std::string tconnect_time(int hours) {
  const auto t = std::chrono::system_clock::now() + std::chrono::hours(hours) + std::chrono::hours(7);
  const std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
  return text;
}

tconnect::TransactionQuery tconnect_today(std::int64_t limit) {
  return {tconnect_time(-24), tconnect_time(24), limit, 1};
}

std::string tconnect_pay(const std::string& order_id, Vnd amount, const std::string& payment_type,
                         const std::string& url) {
  const std::string path = unique_path("tconnect/ipn");
  const nlohmann::json body = {{"order_id", order_id},
                               {"amount", amount},
                               {"payment_type", payment_type},
                               {"narrative", "Thanh toan " + order_id},
                               {"url", receiver().url(path)}};
  auto r = transport()->send({http::Method::kPost,
                              (url.empty() ? sandbox().url() : url) + "/_sandbox/tconnect/payments",
                              {{"Content-Type", "application/json"}},
                              body.dump(),
                              5s,
                              {}});
  EXPECT_TRUE(r.ok() && r->status == 200 && r->body.find("\"deliveries\":[200]") != std::string::npos)
      << (r.ok() ? r->body : describe(r.error()));
  const auto hits = receiver().hits(path);
  EXPECT_EQ(hits.size(), 1u) << "one IPN for " << order_id;
  return hits.empty() ? std::string() : hits[0].body;
}

std::size_t run_every_row(const std::string& prefix, const Checks& checks, const std::string& url) {
  std::set<std::string> rows;
  for (bool async : {false, true}) {
    for (const auto& row : calls::calls()) {
      const std::string name = row.name;
      if (name.rfind(prefix, 0) != 0) continue;
      rows.insert(name);
      SCOPED_TRACE(name + (async ? " (async)" : " (blocking)"));
      const auto check = checks.find(name);
      if (check == checks.end()) {
        if (!async) ADD_FAILURE() << name << " has no sandbox check";
        continue;
      }
      check->second(url, async);
    }
  }
  for (const auto& [name, check] : checks) {
    EXPECT_EQ(rows.count(name), 1u) << "the check " << name << " names no row of tests/support/client_calls.hpp";
  }
  return rows.size();
}

}  // namespace paygw::it
