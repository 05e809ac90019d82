// SPDX-License-Identifier: MIT
// RecordingTransport redaction: a whole session of each provider, through every public client call
// in its blocking and its async form (the table in tests/support/client_calls.hpp), is recorded
// over a scripted provider; then every fixture file is searched for each secret the session used —
// configured keys and passwords, the card, and every signature, token and encrypted envelope that
// crossed the wire.
#include <paygw/tconnect/envelope.hpp>
#include <paygw/testing/recording_transport.hpp>
#include <paygw/testing/replay_transport.hpp>

#include "../support/client_calls.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

namespace {

using namespace paygw;
namespace calls = paygw::calls;

const std::string kAccessToken = "eyJ-ACCESS-SECRET-token-1";
const std::string kRefreshToken = "eyJ-REFRESH-SECRET-token-1";
// The password Tingee sends back with an e-invoice provider account (get-paging-account).
const std::string kAnsweredEInvoicePassword = "einvoice-SECRET-answered-password";

std::string url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i] == '+' ? ' ' : s[i]);
    }
  }
  return out;
}

// The value of `name` in "a=1&b=2", or "".
std::string form_value(const std::string& form, const std::string& name) {
  std::istringstream in(form);
  std::string pair;
  while (std::getline(in, pair, '&')) {
    const auto eq = pair.find('=');
    if (eq != std::string::npos && url_decode(pair.substr(0, eq)) == name) return url_decode(pair.substr(eq + 1));
  }
  return {};
}

// Answers like the three providers would, and keeps every secret value it sees on the wire.
class ScriptedProvider final : public http::Transport {
 public:
  Result<http::Response> send(const http::Request& request) override {
    const std::string path = request.url.substr(request.url.find('/', 8));
    for (const char* name : {"x-signature", "Authorization"}) {
      if (const std::string* v = http::find_header(request.headers, name)) keep(*v);
    }
    if (path.rfind("/v1/", 0) == 0) {
      // A password sent in a Tingee body (e-invoice accounts, invoice-templates) is a secret too.
      if (const auto body = nlohmann::json::parse(request.body, nullptr, false);
          body.is_object() && body.contains("password") && body["password"].is_string()) {
        keep(body["password"].get<std::string>());
      }
      return json(tingee_answer(path));
    }
    if (path.rfind("/openapi/", 0) == 0) return tconnect_answer(request, path);
    if (path.rfind("/chargingws/v2", 0) == 0) {
      const auto q = path.find('?');
      const std::string query = q == std::string::npos ? "" : path.substr(q + 1);
      keep(form_value(query, "sign"));
      keep(form_value(request.body, "sign"));
      if (const auto body = nlohmann::json::parse(request.body, nullptr, false); body.is_object()) {
        keep(body.value("sign", ""));
      }
      if (path.find("/getfee") != std::string::npos) {
        return json(R"([{"telco":"VIETTEL","value":10000,"fees":10,"penalty":50}])");
      }
      return json(std::string(R"({"trans_id":8,"request_id":"REQ-0001","telco":"VIETTEL","serial":")") +
                  calls::kCardSerial + R"(","code":")" + calls::kCardCode +
                  R"(","amount":35000,"value":50000,"declared_value":50000,"status":1,"message":"ok"})");
    }
    if (path.rfind("/chargingws/price", 0) == 0) {
      return json(R"({"VIETTEL":[{"telco":"VIETTEL","value":10000,"fees":10,"penalty":50}],"VINAPHONE":[]})");
    }
    if (path.rfind("/api/checkcard", 0) == 0) {
      const auto q = path.find('?');
      keep(form_value(q == std::string::npos ? "" : path.substr(q + 1), "sign"));
      return json(std::string(R"({"status":"success","data":{"status":"checked","serial":")") + calls::kCardSerial +
                  R"(","card_status":"available"}})");
    }
    return http::Response{404, {}, "no such path"};
  }

  std::set<std::string> secrets() const {
    std::lock_guard<std::mutex> lock(mu_);
    return seen_;
  }

 private:
  static http::Response json(std::string body) {
    return http::Response{
        200, {{"Content-Type", "application/json"}, {"Set-Cookie", "sid=SECRET-cookie"}}, std::move(body)};
  }

  static std::string direct_debit_answer(const std::string& path) {
    const std::string ok = R"({"code":"00","message":"Success","data":)";
    if (path.find("/register") != std::string::npos || path.find("/edit-confirm") != std::string::npos) {
      return ok + R"("https://onepay.example.vn/dd/page"})";
    }
    if (path.find("/payment-bill") != std::string::npos) {
      return ok + R"({"status":"success","transactionCode":"TXN-DD-77"}})";
    }
    if (path.find("/delete-subscription") != std::string::npos) return ok + R"({"confirmUrl":"u","code":"00"}})";
    if (path.find("/refund") != std::string::npos) return ok + R"({"refundAmount":50000,"status":"success"}})";
    if (path.find("/get-subscription-status") != std::string::npos) {
      return ok + R"({"status":"active","accountNumber":"0071000123456"}})";
    }
    if (path.find("/get-transaction-status") != std::string::npos) return ok + R"({"status":"success"}})";
    return ok + R"({"totalCount":1,"items":[{"transactionId":"TXN-DD-77","amount":"150000"}]}})";
  }

  static std::string merchant_answer(const std::string& path) {
    const std::string ok = R"({"code":"00","message":"Success","data":)";
    if (path.find("/shop/create-or-update") != std::string::npos) return ok + R"({"shopId":12}})";
    if (path.find("delete-config-account-business") != std::string::npos) return ok + "true}";
    if (path.find("config-account-business") != std::string::npos) return ok + R"({"confirmId":"BIZ-1"}})";
    if (path.find("/merchant/get-paging-config") != std::string::npos) {
      return ok + R"({"totalCount":1,"items":[{"id":7,"merchantId":42,"bankName":"VIB"}]}})";
    }
    if (path.find("-config") != std::string::npos) return ok + "7}";
    if (path.find("/merchant/create") != std::string::npos) return ok + R"({"merchantId":42}})";
    if (path.find("/merchant/get-paging") != std::string::npos) {  // Tingee answers each merchant's API secret
      return ok + R"({"totalCount":1,"items":[{"id":42,"name":"Merchant A","clientId":"cid-42","secretToken":")" +
             calls::kMerchantSecretToken + R"("}]}})";
    }
    if (path.find("/shop/get-paging") != std::string::npos) {
      return ok + R"({"totalCount":1,"items":[{"id":12,"isActive":true,"name":"Shop A"}]}})";
    }
    return ok + "null}";
  }

  static std::string e_invoice_answer(const std::string& path) {
    const std::string ok = R"({"code":"00","message":"Success","data":)";
    if (path.find("/get-paging-account") != std::string::npos) {
      return ok +
             R"({"totalCount":1,"items":[{"id":5,"provider":"misa","taxCode":"0101234567",)"
             R"("username":"ketoan","password":")" +
             kAnsweredEInvoicePassword + R"(","isDefault":true}]}})";
    }
    if (path.find("/create-or-update-account") != std::string::npos) return ok + "5}";
    if (path.find("/create-and-issue") != std::string::npos || path.find("/get-invoice-info") != std::string::npos) {
      return ok + R"({"invoiceCode":"INV-1025","invoiceNumber":"1","reservationCode":"RSV1"}})";
    }
    if (path.find("/create") != std::string::npos || path.find("/download") != std::string::npos) {
      return ok + R"({"invoiceCode":"INV-1024","pdfBase64":"JVBERi0xLjQK"}})";
    }
    if (path.find("/invoice-templates") != std::string::npos) {
      return ok + R"({"invoicePattern":"1","invoiceSeries":"C26TMS","quota":100}})";
    }
    if (path.find("/get-provider") != std::string::npos) return ok + R"([{"code":"misa","name":"MISA"}]})";
    return R"({"code":"00","message":"Success"})";
  }

  static std::string tingee_answer(const std::string& path) {
    if (path.find("/direct-debit/") != std::string::npos) return direct_debit_answer(path);
    if (path.find("/generate-viet-qr") != std::string::npos) {
      return R"({"code":"00","message":"Success","data":{"qrCode":"000201","qrAccount":"2101234567"}})";
    }
    if (path.find("/get-account-number-info-by-qr-code") != std::string::npos) {
      return R"({"code":"00","message":"Success","data":{"totalCount":1,"items":[{"accountNumber":"2101234567"}]}})";
    }
    if (path.find("/deep-link/") != std::string::npos || path.find("/create-bank-link-session") != std::string::npos) {
      return R"({"code":"00","message":"Success","data":"https://bank-link.tingee.vn?token=T1&s=S1"})";
    }
    if (path.find("/shop/") != std::string::npos || path.find("/merchant/") != std::string::npos) {
      return merchant_answer(path);
    }
    if (path.find("/e-invoice/") != std::string::npos) return e_invoice_answer(path);
    if (path.find("/transaction/get-paging") != std::string::npos) {
      return R"({"code":"00","message":"Success","data":{"items":[{"transactionId":"T1","amount":150000,)"
             R"("billId":"B-1"}],"totalCount":1}})";
    }
    if (path.find("/generate-dynamic-qr") != std::string::npos) {
      return R"({"code":"00","message":"Success","data":{"qrCode":"000201","qrAccount":"V1T1","billId":"B-1"}})";
    }
    if (path.find("/get-status-dynamic-qr") != std::string::npos) {
      return R"({"code":"00","message":"Success","data":{"billInfo":{"billId":"B-1","amount":150000},)"
             R"("transactionInfos":[]}})";
    }
    if (path.find("/get-banks") != std::string::npos) return R"([{"code":"VCB","bin":"970436"}])";
    if (path.find("/create-va") != std::string::npos) {
      return R"({"code":"00","message":"Success","data":{"confirmId":"CF-1","otpMethod":"SMSTTT"}})";
    }
    if (path.find("/confirm-va") != std::string::npos) {
      return R"({"code":"00","message":"Success","data":{"accountNumber":"2101234567","vaAccountNumber":"TNG1"}})";
    }
    if (path.find("/get-va-paging") != std::string::npos) {
      return R"({"code":"00","message":"Success","data":{"items":[{"accountNumber":"2101234567"}],"totalCount":1}})";
    }
    if (path.find("add-device-to-shop") != std::string::npos ||
        path.find("get-devices-link-to-shop-or-va") != std::string::npos) {
      return R"({"code":"00","message":"Success","data":[{"type":"tingee-box-3ls","uuid":"DEVICE-001"}]})";
    }
    if (path.find("get-paging") != std::string::npos) {
      return R"({"code":"00","message":"Success","data":{"items":[{"id":1,"uuid":"DEVICE-001"}],"totalCount":1}})";
    }
    if (path.find("generate-and-show") != std::string::npos) {
      return R"({"code":"00","message":"Success","data":{"qrCode":"000201","qrAccount":"V1T1","billId":"B-1"}})";
    }
    if (path.find("/reset") != std::string::npos) return R"({"code":"00","message":"Success","data":"reset"})";
    return R"({"code":"00","message":"Success"})";
  }

  Result<http::Response> tconnect_answer(const http::Request& request, const std::string& path) {
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_object() && body.contains("data") && body["data"].is_string()) keep(body["data"].get<std::string>());
    if (path.find("/auth/") != std::string::npos) {  // a plain JSON token response
      return json(R"({"access_token":")" + kAccessToken + R"(","refresh_token":")" + kRefreshToken +
                  R"(","expires_in":600,"refresh_expires_in":3600})");
    }
    if (path.find("/transaction/") != std::string::npos) {
      return json(R"({"data":[{"order_id":"ORD-77","status":"SUCCESS","amount":150000}],"total":1})");
    }
    // Everything else answers with an encrypted envelope, as TConnect may.
    calls::CountingRandom iv;
    auto data = tconnect::encrypt_envelope(
        R"({"message":"ok","va":"VA100023312","qr_content":"000201","services":[{"service_code":"vccb-qr"}]})",
        Secret(calls::kAesKeyHex), tconnect::KeyFormat::kHex, iv);
    if (!data) return data.error();
    keep(*data);
    return json(R"({"data":")" + *data + R"("})");
  }

  void keep(const std::string& value) {
    if (value.empty()) return;
    std::lock_guard<std::mutex> lock(mu_);
    seen_.insert(value);
    if (value.rfind("Bearer ", 0) == 0) seen_.insert(value.substr(7));
  }

  mutable std::mutex mu_;
  std::set<std::string> seen_;
};

class RecordingSession : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() / ("paygw-rec-" + std::string(info->name()) + "-" +
                                                     std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs every call whose name starts with `prefix`, blocking and async, through a recorder over
  // the scripted provider.
  void record(const std::string& prefix) {
    recorder_ = std::make_shared<paygw::testing::RecordingTransport>(provider_, dir_.string());
    auto clients = calls::make_clients(calls::kExampleBaseUrl, recorder_);
    ASSERT_TRUE(clients.ok()) << clients.error().message;
    for (const auto& call : calls::calls()) {
      if (std::string(call.name).rfind(prefix, 0) != 0) continue;
      for (bool async : {false, true}) {
        ++count_;
        EXPECT_EQ(call.call(*clients, async).text(), "") << call.name << (async ? " (async)" : "");
      }
    }
    ASSERT_GT(count_, 0u);
    ASSERT_TRUE(recorder_->failures().empty());
  }

  std::string fixtures_text() const {
    std::string all;
    for (const auto& path : recorder_->written()) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      all += ss.str();
    }
    return all;
  }

  void expect_no_secret(const std::set<std::string>& extra) const {
    const std::string text = fixtures_text();
    ASSERT_FALSE(text.empty());
    EXPECT_NE(text.find("<redacted>"), std::string::npos);
    std::set<std::string> secrets = provider_->secrets();
    secrets.insert(extra.begin(), extra.end());
    for (const char* configured :
         {calls::kTingeeSecret, calls::kSecurityCode, calls::kTconnectPassword, calls::kTconnectClientSecret,
          calls::kAesKeyHex, calls::kPartnerKey, calls::kCardCode, calls::kCardSerial, "SECRET-cookie",
          calls::kMerchantPassword, calls::kVibBasicAuthToken, calls::kVibClientSecret, calls::kMsbAccessCode,
          calls::kMerchantSecretToken, calls::kEInvoicePassword}) {
      secrets.insert(configured);
    }
    for (const auto& secret : secrets) {
      EXPECT_EQ(text.find(secret), std::string::npos) << "a fixture holds the secret " << secret;
    }
  }

  // Replays the recorded files through fresh clients: the same calls succeed again.
  void replay_recorded(const std::string& prefix) const {
    auto replay = paygw::testing::ReplayTransport::from_files(recorder_->written());
    ASSERT_TRUE(replay.ok()) << replay.error().message;
    auto clients = calls::make_clients(calls::kExampleBaseUrl, *replay);
    ASSERT_TRUE(clients.ok());
    for (const auto& call : calls::calls()) {
      if (std::string(call.name).rfind(prefix, 0) != 0) continue;
      for (bool async : {false, true}) {
        EXPECT_EQ(call.call(*clients, async).text(), "") << call.name << (async ? " (async)" : "");
      }
    }
    EXPECT_EQ((*replay)->report(), "");
  }

  std::filesystem::path dir_;
  std::shared_ptr<ScriptedProvider> provider_ = std::make_shared<ScriptedProvider>();
  std::shared_ptr<paygw::testing::RecordingTransport> recorder_;
  std::size_t count_ = 0;
};

TEST_F(RecordingSession, TingeeFixturesHoldNoSecret) {
  record("tingee.");
  expect_no_secret({kAnsweredEInvoicePassword});
  EXPECT_FALSE(provider_->secrets().empty());  // the signatures it saw
  replay_recorded("tingee.");
}

// The merchant rows carry secrets in their bodies (merchant_create's password, a VIB
// configuration's basicAuthToken and clientSecret, an MSB configuration's accessCode) and one in an
// answer (each merchant's secretToken): every one is redacted, the rest of the bodies stays readable.
TEST_F(RecordingSession, MerchantSecretsAreRedacted) {
  record("tingee.merchant_");
  auto clients = calls::make_clients(calls::kExampleBaseUrl, recorder_);
  ASSERT_TRUE(clients.ok());
  EXPECT_TRUE(clients->tingee.merchant_create_or_update_config(calls::sample::merchant_msb_config()).ok());
  expect_no_secret({});
  const std::string text = fixtures_text();
  for (const char* member : {"password", "basicAuthToken", "clientSecret", "accessCode", "secretToken"}) {
    EXPECT_NE(text.find("\"" + std::string(member) + "\": \"<redacted>\""), std::string::npos) << member;
  }
  EXPECT_NE(text.find(R"("cif": "CIF-1")"), std::string::npos) << "the rest stays readable";
  EXPECT_NE(text.find(R"("terminalId": "MSB-T-1")"), std::string::npos);
  EXPECT_NE(text.find(R"("clientId": "cid-42")"), std::string::npos);
}

// An e-invoice provider account's password (sent by create-or-update-account and
// invoice-templates, answered by get-paging-account) never reaches a fixture, while the calls
// still replay.
TEST_F(RecordingSession, EInvoiceAccountPasswordNeverReachesAFixture) {
  record("tingee.e_invoice");
  EXPECT_EQ(count_, 18u);  // the nine e-invoice calls, blocking and async
  EXPECT_EQ(provider_->secrets().count(calls::kEInvoicePassword), 1u) << "the password was sent";
  const std::string text = fixtures_text();
  EXPECT_EQ(text.find(calls::kEInvoicePassword), std::string::npos);
  EXPECT_EQ(text.find(kAnsweredEInvoicePassword), std::string::npos);
  EXPECT_NE(text.find(R"("password": "<redacted>")"), std::string::npos);
  EXPECT_NE(text.find(R"("username": "ketoan")"), std::string::npos) << "the rest stays readable";
  expect_no_secret({kAnsweredEInvoicePassword});
  replay_recorded("tingee.e_invoice");
}

TEST_F(RecordingSession, TconnectFixturesHoldNoSecret) {
  record("tconnect.");
  expect_no_secret({kAccessToken, kRefreshToken});
  // The envelopes (ciphertext of the credentials, tokens and payloads) are redacted too.
  EXPECT_NE(fixtures_text().find(R"("data": "<redacted>")"), std::string::npos);
}

TEST_F(RecordingSession, ChargingFixturesHoldNoSecretInAnyEncoding) {
  record("charging");
  expect_no_secret({});
  const std::string text = fixtures_text();
  // Form bodies, JSON bodies and query strings were all recorded (and redacted)...
  EXPECT_NE(text.find("code=<redacted>"), std::string::npos);
  EXPECT_NE(text.find("?telco=VIETTEL&code=<redacted>&serial=<redacted>"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("code": "<redacted>")"), std::string::npos);
  // ...and the non-secret fields stay readable.
  EXPECT_NE(text.find("request_id=REQ-0001"), std::string::npos);
  EXPECT_NE(text.find(R"("status": 1)"), std::string::npos);
  replay_recorded("charging");
}

TEST_F(RecordingSession, ProviderResultCodesStayReadable) {
  // Redacting the card PIN `code` must not hide Tingee's result code "00".
  record("tingee.read_security_code");
  EXPECT_NE(fixtures_text().find(R"("code": "00")"), std::string::npos);
}

}  // namespace
