// SPDX-License-Identifier: MIT
// Integration: the sandbox's Tingee endpoints below paygw's client — raw signed requests to
// nfc-command, reset-device and the bank/QR-bill group on /v1/ and /v1/bank/ (the client's calls
// are checked in sandbox_tingee_test.cpp and sandbox_tingee_bills_test.cpp) — and its two
// signature checks: raw bytes, or the body re-serialised as Node.js does (computed by node itself).
#include "sandbox_fixture.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <cstdlib>
#include <fstream>

namespace paygw::it {
namespace {

using Json = nlohmann::json;

Json reply(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << text;
  return j;
}

// A signed POST of a compact JSON body.
Json call(const std::string& path, const Json& body, const std::string& url = "") {
  const std::string text = body.dump();
  return reply(tingee_raw("POST", path, text, text, url));
}

TEST(SandboxTingeeApi, QrBillLifecycleOnBothPrefixes) {
  for (const std::string prefix : {"/v1/", "/v1/bank/"}) {
    SCOPED_TRACE(prefix);
    auto made = call(prefix + "generate-dynamic-qr", {{"vaAccountNumber", "V1T123456789"},
                                                      {"qrCodeType", "dynamic-one-time-payment"},
                                                      {"bankName", "BIDV"},
                                                      {"amount", 250000},
                                                      {"purpose", "DH 12"}});
    ASSERT_EQ(made["code"], "00") << made.dump();
    const std::string bill = made["data"]["billId"], qr = made["data"]["qrCode"];
    auto info = vietqr::parse(qr);  // paygw's own check accepts the sandbox's QR
    ASSERT_TRUE(info.ok()) << qr << ": " << info.error().message;
    EXPECT_EQ(info->bin, "970418");
    EXPECT_EQ(info->account, "V1T123456789");
    EXPECT_EQ(info->amount, 250000);
    EXPECT_EQ(info->purpose, "DH 12");
    const Json key = {{"qrAccount", made["data"]["qrAccount"]}, {"billId", bill}};
    EXPECT_EQ(call(prefix + "get-status-dynamic-qr", key)["data"]["billInfo"]["status"], "unpaid");

    const auto paid =
        admin("/_sandbox/tingee/payments", Json{{"billId", bill}, {"url", receiver().url("/tingee/bill")}}.dump());
    EXPECT_NE(paid.body.find("\"deliveries\":[200]"), std::string::npos) << paid.body;
    auto status = call(prefix + "get-status-dynamic-qr", key);
    EXPECT_EQ(status["data"]["billInfo"]["status"], "paid") << status.dump();
    EXPECT_EQ(status["data"]["billInfo"]["totalAmountPaid"], 250000);
    auto page = call(prefix + "transaction/get-paging", {{"skipCount", 0}, {"maxResultCount", 10}, {"billId", bill}});
    ASSERT_EQ(page["data"]["items"].size(), 1u) << page.dump();
    EXPECT_EQ(page["data"]["items"][0]["amount"], 250000);

    EXPECT_EQ(call(prefix + "delete-dynamic-qr", key)["code"], "00");
    EXPECT_EQ(call(prefix + "get-status-dynamic-qr", key)["code"], "1003") << "a deleted bill does not exist";
    EXPECT_EQ(call(prefix + "generate-dynamic-qr", {{"vaAccountNumber", "V1T1"}, {"amount", 1}})["statusCode"], 400);

    auto banks = reply(tingee_raw("GET", prefix + "get-banks", "", "{}"));  // bodyless: signs "{}"
    ASSERT_TRUE(banks.is_array()) << "get-banks answers a bare array: " << banks.dump();
    EXPECT_NE(banks.dump().find("\"bin\":\"970418\""), std::string::npos);
  }
  const auto hits = receiver().hits("/tingee/bill");
  ASSERT_EQ(hits.size(), 2u);
  auto event = tingee::verify_webhook(hits[0].body, hits[0].headers, Secret(kTingeeSecret));
  ASSERT_TRUE(event.ok()) << describe(event.error());
  EXPECT_EQ(event->payment->amount, 250000);
}

TEST(SandboxTingeeApi, NfcCommandAndResetDevice) {
  Sandbox own;  // the reset unlinks a demo device: not in the suite's sandbox, which other tests share
  const std::string url = own.url();
  ASSERT_FALSE(url.empty()) << own.output();
  EXPECT_EQ(call("/v1/device/nfc-command",
                 {{"uuid", "DEMO-BOX-3LS"}, {"nfcUrl", "https://pay.example/x"}, {"nfcPackageName", "vn.example"}},
                 url)["code"],
            "00");
  EXPECT_EQ(call("/v1/device/nfc-command", {{"uuid", "DEMO-BOX-3LS"}}, url)["statusCode"], 400);
  EXPECT_EQ(call("/v1/device/nfc-command", {{"uuid", "NOPE"}, {"nfcUrl", "u"}, {"nfcPackageName", "p"}}, url)["code"],
            "1002");
  EXPECT_EQ(call("/v1/device/reset-device", {{"uuid", "DEMO-BOX-MAX"}, {"isBankRequest", true}}, url)["code"], "00");
  EXPECT_EQ(call("/v1/device/print-receipt", {{"uuid", "DEMO-BOX-MAX"}, {"storeName", "x"}}, url)["code"], "1003")
      << "reset unlinks";
  auto devices = transport()->send({http::Method::kGet, url + "/_sandbox/devices", {}, "", {}, {}});
  ASSERT_TRUE(devices.ok());
  const Json list = reply(devices->body);
  bool seen = false;
  for (const auto& d : list) {
    if (d["device"] == "DEMO-BOX-3LS") {
      EXPECT_EQ(d["screen"]["event"], "nfc-command") << d.dump();
      seen = true;
    }
  }
  EXPECT_TRUE(seen) << list.dump();
}

// JSON.stringify(JSON.parse(body)) computed by Node.js (Debian nodejs) — the server being imitated.
std::string node_restringify(const std::string& body) {
  char path[] = "/tmp/paygw-it-body-XXXXXX";
  const int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  close(fd);
  std::ofstream(path, std::ios::binary) << body;
  const std::string cmd =
      std::string("node -e 'process.stdout.write(JSON.stringify(JSON.parse(require(\"fs\").readFileSync(") +
      "process.argv[1], \"utf8\"))))' " + path;
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[512];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    EXPECT_EQ(pclose(p), 0) << "node failed; it is needed for this test (tools/lib/deps.sh installs nodejs)";
  }
  std::remove(path);
  return out;
}

TEST(SandboxTingeeApi, SignatureCheckRawOrReserialized) {
  Sandbox reserializing({"--tingee-signature", "reserialized"});
  ASSERT_FALSE(reserializing.url().empty()) << reserializing.output();
  const std::string bodies[] = {
      R"({"uuid": "DEMO-BOX-3LS"})",
      R"({ "uuid" : "DEMO-BOX-3LS", "note" : "Cửa hàng \u00e9 \/ \u001f", "merchantId" : 1.0 })",
      R"({"uuid":"DEMO-BOX-3LS","b":1,"10":2,"2":3,"x":1e21,"y":1.5e-7,"z":0.000015,"big":9007199254740993,"n":-9007199254740995,)"
      R"("u":18446744073709551615,"f":-0.0,"g":123.456,"h":1e-6,"k":1.7976931348623157e308,"l":5e-324,"a":[1.0,2.50,-3e2,1e100]})",
      R"({"uuid":"DEMO-BOX-3LS","uuid":"DEMO-BOX-MAX"})",
  };
  for (const auto& body : bodies) {
    SCOPED_TRACE(body);
    const std::string node = node_restringify(body);
    ASSERT_FALSE(node.empty());
    ASSERT_NE(node, body) << "each probe differs from its re-serialisation";
    const std::string path = "/v1/device/read-security-code";
    EXPECT_EQ(reply(tingee_raw("POST", path, body, node, reserializing.url()))["code"], "00");
    EXPECT_EQ(reply(tingee_raw("POST", path, body, body, reserializing.url()))["code"], "97");
    EXPECT_EQ(reply(tingee_raw("POST", path, body, body))["code"], "00") << "the strict server takes the raw bytes";
    EXPECT_EQ(reply(tingee_raw("POST", path, body, node))["code"], "97");
  }
  // No body at all: both sign "{}" (here: no uuid, so the device is not found — but authenticated).
  EXPECT_EQ(reply(tingee_raw("POST", "/v1/device/read-security-code", "", "{}", reserializing.url()))["code"], "1002");
  EXPECT_EQ(reply(tingee_raw("POST", "/v1/device/read-security-code", "", "{}"))["code"], "1002");
}

}  // namespace
}  // namespace paygw::it
