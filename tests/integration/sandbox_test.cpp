// Integration tests: every client call through the real libcurl transport against paygw-sandbox,
// and every sandbox fault mode ending in the documented typed error (never a crash or a hang).
#include <paygw/paygw.hpp>

#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

using namespace paygw;
using namespace std::chrono_literals;

// Credentials shared by the sandbox (through the environment) and the clients.
constexpr const char* kTingeeId = "it-tingee";
constexpr const char* kTingeeSecret = "it-tingee-secret";
constexpr const char* kPartner = "IT-PARTNER";
constexpr const char* kUser = "it@paygw.local";
constexpr const char* kPassword = "it-password";
constexpr const char* kClientId = "it-client";
constexpr const char* kClientSecret = "it-client-secret";
constexpr const char* kAesKey = "8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
constexpr const char* kChargingId = "3681148751";
constexpr const char* kChargingKey = "it-charging-key";

/// A merchant endpoint that records every callback it receives and answers 200 (or, when asked,
/// 500 to the next N requests).
class Receiver {
 public:
  struct Hit {
    std::string path;
    std::string query;
    std::string body;
    http::Headers headers;
  };
  Receiver() {
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
  ~Receiver() {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  std::vector<Hit> hits(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Hit> out;
    for (const auto& h : hits_) {
      if (h.path == path) out.push_back(h);
    }
    return out;
  }
  void fail_next(int n) {
    std::lock_guard<std::mutex> lock(mu_);
    fail_next_ = n;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::vector<Hit> hits_;
  int fail_next_ = 0;
};

Receiver* receiver = nullptr;

/// paygw-sandbox on a free loopback port for the whole test suite.
class Sandbox {
 public:
  explicit Sandbox(std::vector<std::string> args = {"--charging-delay-ms", "100", "--charging-callback-duplicates", "1",
                                                    "--charging-callback-out-of-order"}) {
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
    setenv("PAYGW_CHARGING_CALLBACK_URL", receiver->url("/charge/callback").c_str(), 1);
    int out[2];
    if (pipe(out) != 0) std::abort();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    args.insert(args.begin(), {PAYGW_SANDBOX_PATH, "--port", "0"});
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
      if (l.rfind("listening on ", 0) == 0) {
        url_ = l.substr(13, l.find_last_not_of("\r\n") - 12);
        break;
      }
    }
    stream_ = stream;  // keep the pipe open so the sandbox never gets SIGPIPE
  }
  ~Sandbox() { stop(); }
  void stop() {
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
  const std::string& url() const { return url_; }

 private:
  pid_t pid_ = -1;
  FILE* stream_ = nullptr;
  std::string url_;
};

Sandbox* sandbox = nullptr;

class SandboxEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    receiver = new Receiver();
    sandbox = new Sandbox();
  }
  void TearDown() override {
    delete sandbox;
    delete receiver;
  }
};
const auto* const kEnv = ::testing::AddGlobalTestEnvironment(new SandboxEnvironment);

std::shared_ptr<http::Transport> transport() {
  static auto t = *http::make_curl_transport();
  return t;
}

tingee::Client tingee_client(std::chrono::milliseconds timeout = 10s, const char* secret = kTingeeSecret) {
  tingee::Config c;
  c.base_url = sandbox->url();
  c.client_id = kTingeeId;
  c.secret = Secret(secret);
  c.transport = transport();
  c.timeout = timeout;
  return *tingee::Client::create(c);
}

tconnect::Client tconnect_client(std::chrono::milliseconds timeout = 10s, const char* password = kPassword) {
  tconnect::Config c;
  c.base_url = sandbox->url();
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

charging::Client charging_client(std::chrono::milliseconds timeout = 10s, const char* key = kChargingKey) {
  charging::Config c;
  c.base_url = sandbox->url();
  c.partner_id = kChargingId;
  c.partner_key = Secret(key);
  c.transport = transport();
  c.timeout = timeout;
  return *charging::Client::create(c);
}

#define EXPECT_OK(r) EXPECT_TRUE((r).ok()) << describe((r).error())

TEST(SandboxTingee, EveryCall) {
  ASSERT_FALSE(sandbox->url().empty()) << "the sandbox did not start";
  auto c = tingee_client();
  EXPECT_OK(c.read_security_code({"DEMO-BOX-6XS", std::nullopt}));
  tingee::AddDeviceToShopRequest add;
  add.uuid = "DEMO-BOX-6XS";
  add.security_code = "123456";
  add.shop_ids = {1};
  auto added = c.add_device_to_shop(add);
  ASSERT_TRUE(added.ok()) << describe(added.error());
  EXPECT_EQ(added->devices.at(0).type, "tingee-box-6xs");
  tingee::UpdateShopDeviceLinkStatusRequest link;
  link.uuid = "DEMO-BOX-6XS";
  link.shops = {{1, "Cửa hàng 1", "1 Lê Lợi", true, ""}};
  EXPECT_OK(c.update_shop_device_link_status(link));
  tingee::GetDevicesLinkToShopOrVaRequest linked;
  linked.shop_id = 1;
  auto devices = c.get_devices_link_to_shop_or_va(linked);
  ASSERT_TRUE(devices.ok());
  EXPECT_GE(devices->devices.size(), 3u);
  auto page = c.get_device_paging({});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total_count, 3);

  tingee::ShowQrRequest qr;
  qr.uuid = "DEMO-BOX-3LS";
  qr.amount = 40123;
  qr.qr_code = "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text string6304D9C6";
  EXPECT_OK(c.show_qr_code(qr));
  qr.uuid = "DEMO-BOX-6XS";
  EXPECT_OK(c.show_dynamic_qr_code(qr));
  EXPECT_OK(c.show_static_qr_code(qr));
  auto wrong_type = c.show_qr_code(qr);  // show-qr-code is for 3LS devices only
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_EQ(wrong_type.error().code, ErrorCode::kProvider);
  EXPECT_EQ(wrong_type.error().provider_code, "1010");
  EXPECT_FALSE(wrong_type.error().outcome_unknown());

  tingee::GenerateAndShowDynamicQrRequest gen;
  gen.uuid = "DEMO-BOX-6XS";
  gen.va_account_number = "V1T123456789";
  gen.amount = 250000;
  gen.bank_bin = "970418";
  auto bill = c.generate_and_show_dynamic_qr_code(gen);
  ASSERT_TRUE(bill.ok()) << describe(bill.error());
  EXPECT_EQ(bill->bill_id.rfind("SBX-BILL-", 0), 0u);
  tingee::ReadAmountRequest amount;
  amount.uuid = "DEMO-BOX-3LS";
  amount.transaction_id = "T-1";
  amount.amount = 40123;
  amount.bank_bin = "970422";
  EXPECT_OK(c.read_amount_link_to_merchant(amount));
  tingee::PrintReceiptRequest print;
  print.uuid = "DEMO-BOX-MAX";
  print.receipt.store_name = "Cà phê";
  print.receipt.items = {{"Cà phê sữa", 2, 25000}};
  print.receipt.total_amount = 50000;
  EXPECT_OK(c.print_receipt(print));
  auto reset = c.reset_device({"DEMO-BOX-6XS"});
  ASSERT_TRUE(reset.ok()) << describe(reset.error());
  EXPECT_EQ(reset->data, "Reset device successfully");

  auto forged = tingee_client(10s, "wrong-secret").read_security_code({"DEMO-BOX-3LS", std::nullopt});
  ASSERT_FALSE(forged.ok());
  EXPECT_TRUE(tingee::is_signature_error(forged.error()));
}

TEST(SandboxTconnect, EveryCall) {
  auto c = tconnect_client();
  EXPECT_OK(c.authenticate());
  auto pos = c.push_payment(tconnect::PosPush{"POS-0001", "ORD-1", 150000});
  ASSERT_TRUE(pos.ok()) << describe(pos.error());
  EXPECT_EQ(pos->message, "Successfully pushed new payment to POS");
  auto sb = c.push_payment(tconnect::SoundboxPush{"SB-0001", 180000, "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E"});
  ASSERT_TRUE(sb.ok()) << describe(sb.error());
  EXPECT_EQ(sb->message, "Successfully pushed new payment to Soundbox");
  auto unknown = c.push_payment(tconnect::PosPush{"POS-9999", "ORD-2", 1000});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().http_status, 404);
  auto services = c.get_services();
  ASSERT_TRUE(services.ok());
  EXPECT_EQ(services->services.at(0).service_code, "vccb-qr");
  auto va = c.create_va({"970454", "NGUYEN VAN A"});
  ASSERT_TRUE(va.ok());
  EXPECT_FALSE(va->va.empty());
  auto qr = c.create_qr({"ORD-3", va->va, "970454", 10000, ""});
  ASSERT_TRUE(qr.ok()) << describe(qr.error());
  EXPECT_TRUE(qr->dynamic);
  EXPECT_FALSE(qr->qr_content.empty());
  const tconnect::TransactionQuery q{"2026-01-01 00:00:00", "2026-12-31 23:59:59", 10, 1};
  auto txns = c.get_qr_transactions(q);
  ASSERT_TRUE(txns.ok()) << describe(txns.error());
  EXPECT_GE(txns->items.size(), 2u);
  EXPECT_OK(c.get_card_transactions(q));
  EXPECT_OK(c.get_cash_transactions(q));

  auto refused = tconnect_client(10s, "wrong-password").authenticate();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kAuth);
}

TEST(SandboxTconnect, AsyncFanOutToManyDevicesOnOneThread) {
  const std::string qr = "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E";
  auto c = tconnect_client();
  std::vector<std::future<Result<tconnect::PushResult>>> pending;
  for (int i = 0; i < 300; ++i) {
    if (i % 100 == 99) {
      pending.push_back(c.push_payment_async(tconnect::PosPush{"POS-9999", "ORD-A" + std::to_string(i), 1000}));
    } else {
      pending.push_back(c.push_payment_async(tconnect::SoundboxPush{"SB-0001", 180000, qr}));
    }
  }
  int ok = 0, not_found = 0;
  for (auto& f : pending) {
    auto r = f.get();
    if (r.ok()) {
      ++ok;
      EXPECT_EQ(r->message, "Successfully pushed new payment to Soundbox");
    } else if (r.error().http_status == 404) {
      ++not_found;
    } else {
      ADD_FAILURE() << describe(r.error());
    }
  }
  EXPECT_EQ(ok, 297);
  EXPECT_EQ(not_found, 3);
}

// The sandbox serving HTTPS (what tools/bench measures): refused without the CA, fine with it.
TEST(SandboxTls, HttpsSandboxNeedsItsCaFile) {
  const std::string tls = std::string(PAYGW_FIXTURE_DIR) + "/tls/";
  Sandbox https({"--tls-cert", tls + "cert.pem", "--tls-key", tls + "key.pem"});
  ASSERT_EQ(https.url().rfind("https://127.0.0.1:", 0), 0u) << https.url();
  auto client_with = [&](std::shared_ptr<http::Transport> t) {
    tingee::Config c;
    c.base_url = https.url();
    c.client_id = kTingeeId;
    c.secret = Secret(kTingeeSecret);
    c.transport = std::move(t);
    return *tingee::Client::create(c);
  };
  auto refused = client_with(*http::make_curl_transport()).get_device_paging({});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kTls);
  http::CurlOptions trusted;
  trusted.ca_file = tls + "cert.pem";
  auto page = client_with(*http::make_curl_transport(trusted)).get_device_paging({});
  ASSERT_TRUE(page.ok()) << describe(page.error());
  EXPECT_FALSE(page->items.empty());
}

TEST(SandboxTingee, AsyncShowQrFanOut) {
  auto c = tingee_client();
  tingee::ShowQrRequest qr;
  qr.amount = 40123;
  qr.qr_code = "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text string6304D9C6";
  std::vector<std::future<Result<tingee::Ack>>> pending;
  for (int i = 0; i < 100; ++i) {  // linked at start: the 3LS box and the MAX box (non-3LS)
    qr.uuid = i % 2 == 0 ? "DEMO-BOX-3LS" : "DEMO-BOX-MAX";
    pending.push_back(i % 2 == 0 ? c.show_qr_code_async(qr) : c.show_dynamic_qr_code_async(qr));
  }
  qr.uuid = "DEMO-BOX-MAX";
  pending.push_back(c.show_qr_code_async(qr));  // show-qr-code is for 3LS devices only
  int ok = 0;
  for (std::size_t i = 0; i < 100; ++i) {
    auto r = pending[i].get();
    if (r.ok()) ++ok;
    else ADD_FAILURE() << describe(r.error());
  }
  auto wrong = pending.back().get();
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().provider_code, "1010");
  EXPECT_EQ(ok, 100);
}

TEST(SandboxTconnect, AsyncCallsInFlightCompleteWhenTheTransportIsDestroyed) {
  auto t = *http::make_curl_transport();
  std::atomic<int> done{0};
  for (int i = 0; i < 20; ++i) {
    t->send_async({http::Method::kGet, sandbox->url() + "/_sandbox/events", {}, "", 5s, {}},
                  [&done](Result<http::Response> r) { done += r.ok() ? 1 : 0; });
  }
  t.reset();  // joins the worker after every in-flight call has completed
  EXPECT_EQ(done.load(), 20);
}

TEST(SandboxCharging, EveryCommand) {
  auto c = charging_client();
  const std::string id = "it-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  auto instant = c.submit({"VIETTEL", "1234567891", "5555", 50000, id + "-a"});
  ASSERT_TRUE(instant.ok()) << describe(instant.error());
  EXPECT_EQ(instant->status, charging::Status::kSuccess);
  EXPECT_EQ(instant->amount, 35000);

  const charging::CardRequest slow{"VIETTEL", "1234567895", "5556", 100000, id + "-b"};
  auto pending = c.submit(slow);
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->status, charging::Status::kPending);
  charging::ChargeResult last = *pending;
  for (int i = 0; i < 50 && !last.is_final(); ++i) {
    std::this_thread::sleep_for(20ms);
    auto checked = c.check(slow);
    ASSERT_TRUE(checked.ok());
    last = *checked;
  }
  EXPECT_EQ(last.status, charging::Status::kSuccess);

  auto duplicate = c.submit(slow);
  ASSERT_TRUE(duplicate.ok());
  EXPECT_EQ(duplicate->status, charging::Status::kDuplicateRequest);
  auto missing = c.check({"VIETTEL", "1234567895", "5556", 100000, id + "-nope"});
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->status, charging::Status::kNotFound);
  auto fees = c.get_fees();
  ASSERT_TRUE(fees.ok());
  EXPECT_FALSE(fees->rows.empty());
  EXPECT_EQ(fees->rows[0].fees.to_string(), "30");

  auto bad_key = charging_client(10s, "wrong-key").submit({"VIETTEL", "1234567891", "5557", 50000, id + "-c"});
  ASSERT_TRUE(bad_key.ok());
  EXPECT_EQ(bad_key->status, charging::Status::kSubmitFailed);
  EXPECT_EQ(bad_key->message, "INVALID_SIGNATURE");
}

// ---- callbacks: the sandbox signs/encrypts independently; paygw verifies ----

http::Response admin(const std::string& path, const std::string& body) {
  auto r = transport()->send({http::Method::kPost, sandbox->url() + path, {{"Content-Type", "application/json"}}, body, {}, {}});
  EXPECT_TRUE(r.ok()) << describe(r.error());
  return r.ok() ? *r : http::Response{};
}

TEST(SandboxCallbacks, TingeeWebhooksVerify) {
  receiver->fail_next(1);  // the first delivery fails: the sandbox retries
  const auto res = admin("/_sandbox/tingee/payments",
                         R"({"amount":40123,"vaAccountNumber":"V1T123456789","content":"Don hang 12","duplicates":1,"url":")" +
                             receiver->url("/tingee/webhook") + R"("})");
  EXPECT_NE(res.body.find(R"("deliveries":[500,200,200])"), std::string::npos) << res.body;
  const auto hits = receiver->hits("/tingee/webhook");
  ASSERT_EQ(hits.size(), 3u);
  std::string code;
  for (const auto& hit : hits) {
    auto event = tingee::verify_webhook(hit.body, hit.headers, Secret(kTingeeSecret));
    ASSERT_TRUE(event.ok()) << describe(event.error());
    ASSERT_EQ(event->kind, tingee::WebhookKind::kPayment);
    EXPECT_EQ(event->payment->amount, 40123);
    EXPECT_EQ(event->payment->va_account_number, "V1T123456789");
    if (code.empty()) code = event->payment->transaction_code;
    EXPECT_EQ(event->payment->transaction_code, code) << "a redelivery carries the same transactionCode";
  }
  EXPECT_FALSE(tingee::verify_webhook(hits[0].body, hits[0].headers, Secret("other")).ok());

  admin("/_sandbox/tingee/ping", R"({"url":")" + receiver->url("/tingee/ping") + R"("})");
  const auto pings = receiver->hits("/tingee/ping");
  ASSERT_EQ(pings.size(), 1u);
  auto ping = tingee::verify_webhook(pings[0].body, pings[0].headers, Secret(kTingeeSecret));
  ASSERT_TRUE(ping.ok()) << describe(ping.error());
  EXPECT_EQ(ping->kind, tingee::WebhookKind::kPing);
  EXPECT_FALSE(ping->authenticated);
}

TEST(SandboxCallbacks, TconnectIpnDecrypts) {
  admin("/_sandbox/tconnect/payments",
        R"({"order_id":"ORD-9","amount":150000,"narrative":"Thanh toan ORD-9","url":")" + receiver->url("/tconnect/ipn") + R"("})");
  const auto hits = receiver->hits("/tconnect/ipn");
  ASSERT_EQ(hits.size(), 1u);
  auto ipn = tconnect::decode_ipn(hits[0].body, {Secret(kAesKey)});
  ASSERT_TRUE(ipn.ok()) << describe(ipn.error());
  EXPECT_EQ(ipn->order_id, "ORD-9");
  EXPECT_EQ(ipn->amount, 150000);
  EXPECT_EQ(ipn->narrative, "Thanh toan ORD-9");
  EXPECT_EQ(tconnect::decode_ipn(hits[0].body, {Secret(std::string(64, 'a'))}).error().code, ErrorCode::kDecrypt);
}

TEST(SandboxCallbacks, ChargingDuplicatesAndLatePendingCreditOnce) {
  auto c = charging_client();
  const std::string id = "cb-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  const charging::CardRequest card{"VIETTEL", "9876543215", "4444", 50000, id};
  auto submitted = c.submit(card);
  ASSERT_TRUE(submitted.ok());
  ASSERT_EQ(submitted->status, charging::Status::kPending);
  const charging::Submission stored{card.request_id, "VIETTEL", card.code, card.serial, card.declared_value};

  std::vector<Receiver::Hit> mine;
  for (int i = 0; i < 100 && mine.size() < 3; ++i) {
    std::this_thread::sleep_for(20ms);
    mine.clear();
    for (const auto& h : receiver->hits("/charge/callback")) {
      if (h.body.find(id) != std::string::npos) mine.push_back(h);
    }
  }
  ASSERT_EQ(mine.size(), 3u) << "final, duplicate final, late pending";
  charging::ChargeResult state = *submitted;
  int applied = 0, duplicates = 0;
  for (const auto& hit : mine) {
    auto verified = charging::verify_callback({hit.query, hit.body}, Secret(kChargingKey), stored);
    ASSERT_TRUE(verified.ok()) << describe(verified.error());
    const auto d = charging::decide(state, *verified);
    if (d.action == charging::Action::kApply) {
      state = *verified;
      ++applied;
    } else if (d.action == charging::Action::kDuplicate) {
      ++duplicates;
      EXPECT_FALSE(d.conflicts && verified->is_final()) << "a redelivery of the same final result is not a conflict";
    }
  }
  EXPECT_EQ(applied, 1);
  EXPECT_EQ(duplicates, 2);
  EXPECT_EQ(state.status, charging::Status::kSuccess);
  EXPECT_EQ(state.amount, 35000);
}

// ---- faults ----

struct FaultCase {
  const char* mode;
  long ms;
  ErrorCode code;  // kInternal = expect success
  int http_status;
};

void queue_fault(const FaultCase& f, const char* path) {
  http::Request r;
  r.method = http::Method::kPost;
  r.url = sandbox->url() + "/_sandbox/faults";
  r.headers = {{"Content-Type", "application/json"}};
  r.body = std::string(R"({"mode":")") + f.mode + R"(","ms":)" + std::to_string(f.ms) + R"(,"path":")" + path + R"("})";
  auto res = transport()->send(r);
  ASSERT_TRUE(res.ok() && res->status == 200) << "cannot queue fault " << f.mode;
}

template <typename R>
void expect_fault_outcome(const FaultCase& f, const R& r, const char* provider) {
  SCOPED_TRACE(std::string(provider) + " " + f.mode);
  if (f.code == ErrorCode::kInternal) {
    EXPECT_TRUE(r.ok()) << describe(r.error());
    return;
  }
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(to_string(r.error().code), to_string(f.code)) << describe(r.error());
  EXPECT_EQ(r.error().http_status, f.http_status);
  EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent);
  if (f.http_status == 0 || f.http_status >= 500 || f.code == ErrorCode::kMalformed) {
    EXPECT_TRUE(r.error().outcome_unknown()) << "a payment after this fault must be reconciled, not resent";
  }
}

const FaultCase kFaults[] = {
    {"delay", 100, ErrorCode::kInternal, 0},      {"timeout", 1500, ErrorCode::kTimeout, 0},
    {"reset", -1, ErrorCode::kNetwork, 0},         {"http500", -1, ErrorCode::kHttpStatus, 500},
    {"http502", -1, ErrorCode::kHttpStatus, 502},  {"http503", -1, ErrorCode::kHttpStatus, 503},
    {"malformed", -1, ErrorCode::kMalformed, 200}, {"truncated", -1, ErrorCode::kNetwork, 0},
    {"oversized", -1, ErrorCode::kResponseTooLarge, 0},
};

TEST(SandboxFaults, EveryModeIsATypedErrorForEveryClient) {
  auto tingee = tingee_client(400ms);
  auto tconnect = tconnect_client(400ms);
  ASSERT_TRUE(tconnect.authenticate().ok());  // so that the fault hits the push, not the login
  auto charging = charging_client(400ms);
  int n = 0;
  for (const auto& f : kFaults) {
    const auto started = std::chrono::steady_clock::now();
    queue_fault(f, "/v1/device/read-security-code");
    expect_fault_outcome(f, tingee.read_security_code({"DEMO-BOX-3LS", std::nullopt}), "tingee");
    queue_fault(f, "/openapi/v1/devices/payments/push");
    expect_fault_outcome(f, tconnect.push_payment(tconnect::PosPush{"POS-0001", "ORD-F" + std::to_string(n), 1000}),
                         "tconnect");
    queue_fault(f, "/chargingws/v2");
    expect_fault_outcome(f, charging.submit({"VIETTEL", "1234567891", "77" + std::to_string(n), 50000,
                                             "fault-" + std::to_string(n) + "-" + f.mode}),
                         "charging");
    ++n;
    EXPECT_LT(std::chrono::steady_clock::now() - started, 10s) << f.mode << " must not hang";
  }
}

// A caller cancels a push stuck on a slow gateway (delay fault): the call ends long before the
// gateway answers, typed kCancelled and kMaybeSent — the push must be reconciled, not resent.
TEST(SandboxFaults, CancelAbortsAStuckCall) {
  auto tconnect = tconnect_client(30s);
  ASSERT_TRUE(tconnect.authenticate().ok());
  queue_fault({"delay", 4'000, ErrorCode::kInternal, 0}, "/openapi/v1/devices/payments/push");
  CancelToken token;
  std::thread canceller([token] {
    std::this_thread::sleep_for(300ms);
    token.cancel();
  });
  const auto started = std::chrono::steady_clock::now();
  auto r = tconnect.push_payment(tconnect::PosPush{"POS-0001", "ORD-CANCEL", 1000}, {token});
  canceller.join();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kCancelled) << describe(r.error());
  EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3500ms) << "cancelled, not waited out (4 s)";
}

TEST(SandboxFaults, ConnectionRefusedIsNotSent) {
  // Runs last (gtest keeps file order): stop the sandbox and call it again.
  sandbox->stop();
  auto r = tingee_client(2s).read_security_code({"DEMO-BOX-3LS", std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConnect);
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
}

}  // namespace
