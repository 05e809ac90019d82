// SPDX-License-Identifier: MIT
// Integration (issue 23, the sandbox's parts): ids are unique across restarts, `--env` /
// `--env-file` give every credential and the base URLs under the CLI's variable names, devices show
// "paid" when a payment lands, and the sandbox clock (POST /_sandbox/clock) expires tokens and
// bills and ages pending cards.
#include "sandbox_fixture.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace paygw::it {
namespace {

using Json = nlohmann::json;

http::Response post_json(const std::string& url, const std::string& path, const Json& body) {
  auto r = transport()->send(
      {http::Method::kPost, url + path, {{"Content-Type", "application/json"}}, body.dump(), 10s, {}});
  EXPECT_TRUE(r.ok()) << describe(r.error());
  return r.ok() ? *r : http::Response{};
}

// The ids one run of a sandbox hands out: a card's trans_id, a Tingee transaction code, a
// TConnect request id and trn_ref_no, a bill id.
std::vector<std::string> ids_of_one_run() {
  Sandbox s;
  EXPECT_FALSE(s.url().empty()) << s.output();
  std::vector<std::string> ids;
  auto card = charging_client(10s, kChargingKey, s.url())
                  .submit({"VIETTEL", "312821445892981", "10004783347874", 50000, "restart-" + unique_id()});
  EXPECT_OK(card);
  if (card.ok()) ids.push_back("card " + card->trans_id);
  const Json paid = Json::parse(post_json(s.url(), "/_sandbox/tingee/payments",
                                          {{"amount", 1000}, {"vaAccountNumber", "VA1"}, {"url", receiver().url("/r")}})
                                    .body,
                                nullptr, false);
  ids.push_back("tingee " + paid.value("transactionCode", ""));
  const Json ipn = Json::parse(post_json(s.url(), "/_sandbox/tconnect/payments",
                                         {{"order_id", "ORD-RESTART"}, {"amount", 1000}, {"url", receiver().url("/r")}})
                                   .body,
                               nullptr, false);
  ids.push_back("tconnect " + ipn.value("request_id", ""));
  auto bill = tingee_client(10s, kTingeeSecret, s.url()).generate_dynamic_qr([] {
    tingee::GenerateDynamicQrRequest r;
    r.va_account_number = "V1T123456789";
    r.bank_bin = "970418";
    r.amount = 10000;
    return r;
  }());
  EXPECT_OK(bill);
  if (bill.ok()) ids.push_back("bill " + bill->bill_id);
  return ids;
}

TEST(SandboxLifecycle, IdsAreUniqueAcrossRestarts) {
  const auto first = ids_of_one_run();
  const auto second = ids_of_one_run();
  ASSERT_EQ(first.size(), 4u);
  ASSERT_EQ(second.size(), 4u);
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_GT(first[i].size(), first[i].find(' ') + 1) << first[i];
    EXPECT_NE(first[i], second[i]) << "a restarted sandbox repeated an id of the run before";
  }
}

std::map<std::string, std::string> exports_in(const std::string& text) {
  std::map<std::string, std::string> out;
  const std::regex line(R"(^export (PAYGW_[A-Z_]+)='([^']*)'$)");
  std::istringstream lines(text);
  for (std::string l; std::getline(lines, l);) {
    std::smatch m;
    if (std::regex_match(l, m, line)) out[m[1]] = m[2];
  }
  return out;
}

TEST(SandboxLifecycle, EnvGivesEveryCredentialAndTheBaseUrls) {
  const std::string file = "/tmp/paygw-sandbox-env-" + unique_id();
  Sandbox s({"--env", "--env-file", file});
  ASSERT_FALSE(s.url().empty()) << s.output();
  const auto vars = exports_in(s.output());
  const std::map<std::string, std::string> expected = {
      {"PAYGW_SANDBOX_URL", s.url()},
      {"PAYGW_TINGEE_BASE_URL", s.url()},
      {"PAYGW_TCONNECT_BASE_URL", s.url()},
      {"PAYGW_CHARGING_BASE_URL", s.url()},
      {"PAYGW_TINGEE_CLIENT_ID", kTingeeId},
      {"PAYGW_TINGEE_SECRET", kTingeeSecret},
      {"PAYGW_TCONNECT_PARTNER_CODE", kPartner},
      {"PAYGW_TCONNECT_USERNAME", kUser},
      {"PAYGW_TCONNECT_PASSWORD", kPassword},
      {"PAYGW_TCONNECT_CLIENT_ID", kClientId},
      {"PAYGW_TCONNECT_CLIENT_SECRET", kClientSecret},
      {"PAYGW_TCONNECT_AES_KEY", kAesKey},
      {"PAYGW_TCONNECT_SERVICE_CODE", "vccb-qr"},
      {"PAYGW_CHARGING_PARTNER_ID", kChargingId},
      {"PAYGW_CHARGING_PARTNER_KEY", kChargingKey},
  };
  EXPECT_EQ(vars, expected) << s.output();
  std::ifstream in(file);
  std::stringstream written;
  written << in.rdbuf();
  EXPECT_EQ(exports_in(written.str()), expected);
  struct stat st {};
  ASSERT_EQ(stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u) << "the env file holds secrets";
  std::remove(file.c_str());
}

TEST(SandboxLifecycle, EnvFileIsSourceableWhateverTheSecret) {
  const std::string file = "/tmp/paygw-sandbox-env-" + unique_id();
  const std::string secret = "it's a \"secret\" with $HOME and `ls`";
  Sandbox s({"--env-file", file, "--tingee-secret", secret});
  ASSERT_FALSE(s.url().empty()) << s.output();
  std::string got;
  if (FILE* p = popen(("bash -c '. " + file + " && printf %s \"$PAYGW_TINGEE_SECRET\"'").c_str(), "r")) {
    char buf[256];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) got.append(buf, n);
    pclose(p);
  }
  EXPECT_EQ(got, secret);
  std::remove(file.c_str());
}

Json device_panels(const std::string& id, const std::string& url) {
  const Json screens = sandbox_get("/_sandbox/screens", url);
  for (const auto& d : screens.value("devices", Json::array())) {
    if (d.value("device", "") == id) return d["panels"];
  }
  ADD_FAILURE() << "no device " << id;
  return nullptr;
}

TEST(SandboxLifecycle, DevicesShowPaidWhenAPaymentLands) {
  auto tconnect = tconnect_client();
  const std::string order = "ORD-PAID-" + unique_id();
  ASSERT_OK(tconnect.push_payment(tconnect::PosPush{"POS-0001", order, 150000}));
  EXPECT_EQ(device_panels("POS-0001", "")["order"].value("paid", Json()), Json()) << "paid before any payment";
  tconnect_pay(order, 150000);
  EXPECT_EQ(screen_of("POS-0001")["event"], "paid");
  EXPECT_EQ(screen_of("POS-0001")["detail"]["order_id"], order);
  EXPECT_EQ(device_panels("POS-0001", "")["order"]["paid"]["amount"]["vnd"], 150000);

  // A soundbox push carries no order id: the order is the one its QR (from create_qr) names, and
  // the soundbox announces the payment.
  const std::string sound_order = "ORD-SB-" + unique_id();
  auto qr = tconnect.create_qr({sound_order, "VA100023312", "970454", 180000, ""});
  ASSERT_OK(qr);
  ASSERT_OK(tconnect.push_payment(tconnect::SoundboxPush{"SB-0001", 180000, qr->qr_content}));
  tconnect_pay(sound_order, 180000);
  EXPECT_EQ(screen_of("SB-0001")["event"], "paid");
  const Json sb = device_panels("SB-0001", "");
  EXPECT_EQ(sb["display"]["paid"]["amount"]["vnd"], 180000);
  EXPECT_EQ(sb["announcement"].value("sentence", ""), "Đã nhận một trăm tám mươi nghìn đồng");
  // The POS printed its receipt.
  const Json pos_receipt = device_panels("POS-0001", "")["receipt"];
  EXPECT_EQ(pos_receipt.value("order_code", ""), order);
  EXPECT_EQ(pos_receipt["total"]["vnd"], 150000);

  auto tingee = tingee_client();
  tingee::GenerateAndShowDynamicQrRequest gen;
  gen.uuid = "DEMO-BOX-MAX";
  gen.va_account_number = "V1T123456789";
  gen.amount = 250000;
  gen.bank_bin = "970418";
  auto bill = tingee.generate_and_show_dynamic_qr_code(gen);
  ASSERT_OK(bill);
  EXPECT_EQ(screen_of("DEMO-BOX-MAX")["event"], "display-qr");
  const auto r = admin("/_sandbox/tingee/payments",
                       Json{{"billId", bill->bill_id}, {"url", receiver().url(unique_path("tingee/paid"))}}.dump());
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(screen_of("DEMO-BOX-MAX")["event"], "paid");
  EXPECT_EQ(screen_of("DEMO-BOX-MAX")["detail"]["billId"], bill->bill_id);
  EXPECT_EQ(device_panels("DEMO-BOX-MAX", "")["display"]["paid"]["amount"]["vnd"], 250000);

  // A bill generated, then shown with show-dynamic-qr-code (the screen has its QR, not its id).
  tingee::GenerateDynamicQrRequest plain;
  plain.va_account_number = "V1T123456789";
  plain.bank_bin = "970418";
  plain.amount = 99000;
  auto second = tingee.generate_dynamic_qr(plain);
  ASSERT_OK(second);
  tingee::ShowQrRequest show;
  show.uuid = "DEMO-BOX-MAX";
  show.va_account_number = "V1T123456789";
  show.amount = 99000;
  show.qr_code = second->qr_code;
  show.bank_bin = "970418";
  ASSERT_OK(tingee.show_dynamic_qr_code(show));
  EXPECT_EQ(screen_of("DEMO-BOX-MAX")["event"], "display-qr");
  EXPECT_EQ(admin("/_sandbox/tingee/payments",
                  Json{{"billId", second->bill_id}, {"url", receiver().url(unique_path("tingee/paid"))}}.dump())
                .status,
            200);
  EXPECT_EQ(screen_of("DEMO-BOX-MAX")["event"], "paid");
  EXPECT_EQ(device_panels("DEMO-BOX-MAX", "")["display"]["paid"]["amount"]["vnd"], 99000);
}

std::string log_text(const std::string& url) {
  std::string out;
  for (const auto& e : sandbox_get("/_sandbox/screens", url).value("log", Json::array())) {
    out += e.value("text", "") + "\n";
  }
  return out;
}

TEST(SandboxLifecycle, TheClockExpiresTokensAndBillsAndAgesCards) {
  Sandbox s({"--charging-delay-ms", "600000", "--tconnect-token-ttl", "600"});
  ASSERT_FALSE(s.url().empty()) << s.output();
  auto tingee = tingee_client(10s, kTingeeSecret, s.url());
  tingee::GenerateDynamicQrRequest gen;
  gen.va_account_number = "V1T123456789";
  gen.bank_bin = "970418";
  gen.amount = 10000;
  gen.expire_in_minute = 15;
  auto bill = tingee.generate_dynamic_qr(gen);
  ASSERT_OK(bill);
  auto tconnect = tconnect_client(10s, kPassword, s.url());
  ASSERT_OK(tconnect.get_services());
  auto charging = charging_client(10s, kChargingKey, s.url());
  const charging::CardRequest card{"VIETTEL", "312821445892985", "10004783347875", 50000, "clock-" + unique_id()};
  auto submitted = charging.submit(card);
  ASSERT_OK(submitted);
  ASSERT_EQ(submitted->status, charging::Status::kPending);

  // Ten minutes and a second later: the access token has expired, the card is due.
  const auto advanced = post_json(s.url(), "/_sandbox/clock", {{"advance_s", 601}});
  EXPECT_EQ(advanced.status, 200) << advanced.body;
  EXPECT_EQ(Json::parse(advanced.body, nullptr, false).value("offset_s", 0), 601);
  auto settled = charging.check(card);
  for (int i = 0; i < 50 && settled.ok() && settled->status == charging::Status::kPending; ++i) {
    std::this_thread::sleep_for(100ms);
    settled = charging.check(card);
  }
  ASSERT_OK(settled);
  EXPECT_EQ(settled->status, charging::Status::kSuccess) << "the pending card did not age with the clock";
  EXPECT_OK(tconnect.get_services());  // paygw logs in again after the 401
  EXPECT_NE(log_text(s.url()).find("POST /openapi/v1/services -> 401"), std::string::npos)
      << "the token did not expire: " << log_text(s.url());
  auto status = tingee.get_dynamic_qr_status({bill->qr_account, bill->bill_id, std::nullopt});
  ASSERT_OK(status);
  EXPECT_EQ(status->bill.status, "unpaid");

  // Six more minutes: the 15-minute bill has expired and can no longer be paid.
  EXPECT_EQ(post_json(s.url(), "/_sandbox/clock", {{"advance_s", 360}}).status, 200);
  status = tingee.get_dynamic_qr_status({bill->qr_account, bill->bill_id, std::nullopt});
  ASSERT_OK(status);
  EXPECT_EQ(status->bill.status, "expired");
  EXPECT_EQ(post_json(s.url(), "/_sandbox/tingee/payments", {{"billId", bill->bill_id}, {"url", receiver().url("/r")}})
                .status,
            400);
  EXPECT_EQ(sandbox_get("/_sandbox/clock", s.url()).value("offset_s", 0), 961);
  for (const Json& bad :
       {Json{{"advance_s", -1}}, Json{{"advance_s", "1"}}, Json::object(), Json{{"advance_s", 1e12}}}) {
    EXPECT_EQ(post_json(s.url(), "/_sandbox/clock", bad).status, 400) << bad.dump();
  }
}

}  // namespace
}  // namespace paygw::it
