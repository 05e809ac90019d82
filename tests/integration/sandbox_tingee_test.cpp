// SPDX-License-Identifier: MIT
// Integration: every Tingee call, blocking and async, through libcurl against paygw-sandbox under
// both of its signature checks — the device calls' checks here, the bank group's in
// sandbox_tingee_bills_test.cpp — plus an async fan-out and webhooks verified by paygw.
#include "sandbox_fixture.hpp"

#include <future>

namespace paygw::it {
namespace {

using Json = nlohmann::json;

// A VietQR of 40 123 VND (BIN 970422) whose CRC is right.
const std::string kQr =
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
    "text string6304D9C6";

tingee::ShowQrRequest show(const std::string& uuid) {
  tingee::ShowQrRequest r;
  r.uuid = uuid;
  r.amount = 40123;
  r.qr_code = kQr;
  r.first_text = "Don hang " + unique_id();
  return r;
}

bool linked(const std::string& uuid, const std::string& url) {
  for (const auto& d : sandbox_get("/_sandbox/devices", url)) {
    if (d.value("device", "") == uuid) return d.value("linked", false);
  }
  return false;
}

// Links DEMO-BOX-6XS (not linked when the sandbox starts) with its security code.
void link_6xs(const tingee::Client& c) {
  tingee::AddDeviceToShopRequest add;
  add.uuid = "DEMO-BOX-6XS";
  add.security_code = "123456";
  add.shop_ids = {1};
  ASSERT_OK(c.add_device_to_shop(add));
}

void expect_provider_code(const Error& e, const char* code) {
  EXPECT_EQ(e.code, ErrorCode::kProvider) << describe(e);
  EXPECT_EQ(e.provider_code, code) << describe(e);
  EXPECT_FALSE(e.outcome_unknown()) << "an answered refusal is not an unknown outcome";
}

template <typename Call>
void check_show(const std::string& url, bool async, const char* endpoint, const char* device, const char* wrong,
                Call call) {
  auto c = tingee_client(10s, kTingeeSecret, url);
  const auto request = show(device);
  auto r = call(c, request, async);
  ASSERT_OK(r);
  EXPECT_EQ(r->message, "Success");
  const Json screen = screen_of(device, url);
  EXPECT_EQ(screen["event"], "display-qr") << screen.dump();
  EXPECT_EQ(screen["detail"]["endpoint"], endpoint);
  EXPECT_EQ(screen["detail"]["amount"], 40123);
  EXPECT_EQ(screen["detail"]["qrCode"], kQr);
  EXPECT_EQ(screen["detail"]["firstText"], request.first_text);
  auto wrong_type = call(c, show(wrong), async);
  ASSERT_FALSE(wrong_type.ok());
  expect_provider_code(wrong_type.error(), "1010");
  auto bad_qr = show(device);
  bad_qr.qr_code.back() = bad_qr.qr_code.back() == '6' ? '7' : '6';  // a wrong CRC: refused before sending
  auto refused = call(c, bad_qr, async);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.error().delivery, Delivery::kNotSent);
}

}  // namespace

Checks tingee_device_checks() {
  Checks k;
  k["tingee.read_security_code"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    auto r = IT_CALL(async, c, read_security_code, ({"DEMO-BOX-6XS", std::nullopt}));
    ASSERT_OK(r);
    EXPECT_EQ(r->message, "Success");
    const Json screen = screen_of("DEMO-BOX-6XS", url);
    EXPECT_EQ(screen["event"], "announce-security-code");
    EXPECT_EQ(screen["detail"]["securityCode"], "123456");
    auto unknown = IT_CALL(async, c, read_security_code, ({"NO-SUCH-BOX", std::nullopt}));
    ASSERT_FALSE(unknown.ok());
    expect_provider_code(unknown.error(), "1002");
    auto forged =
        IT_CALL(async, tingee_client(10s, "wrong-secret", url), read_security_code, ({"DEMO-BOX-3LS", std::nullopt}));
    ASSERT_FALSE(forged.ok());
    EXPECT_TRUE(tingee::is_signature_error(forged.error())) << describe(forged.error());
  };
  k["tingee.add_device_to_shop"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    tingee::AddDeviceToShopRequest add;
    add.uuid = "DEMO-BOX-6XS";
    add.security_code = "654321";
    add.shop_ids = {1};
    auto wrong = IT_CALL(async, c, add_device_to_shop, (add));
    ASSERT_FALSE(wrong.ok());
    expect_provider_code(wrong.error(), "1004");
    add.security_code = "123456";
    auto added = IT_CALL(async, c, add_device_to_shop, (add));
    ASSERT_OK(added);
    ASSERT_EQ(added->devices.size(), 1u);
    EXPECT_EQ(added->devices[0].uuid, "DEMO-BOX-6XS");
    EXPECT_EQ(added->devices[0].type, "tingee-box-6xs");
    EXPECT_TRUE(linked("DEMO-BOX-6XS", url));
  };
  k["tingee.update_shop_device_link_status"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    link_6xs(c);
    tingee::UpdateShopDeviceLinkStatusRequest r;
    r.uuid = "DEMO-BOX-6XS";
    r.shops = {{1, "Cửa hàng 1", "1 Lê Lợi", false, ""}};
    ASSERT_OK(IT_CALL(async, c, update_shop_device_link_status, (r)));
    EXPECT_FALSE(linked("DEMO-BOX-6XS", url)) << "unlinked";
    r.shops[0].is_link_to_device = true;
    ASSERT_OK(IT_CALL(async, c, update_shop_device_link_status, (r)));
    EXPECT_TRUE(linked("DEMO-BOX-6XS", url)) << "linked again";
  };
  k["tingee.get_devices_link_to_shop_or_va"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    tingee::GetDevicesLinkToShopOrVaRequest r;
    r.shop_id = 1;
    auto got = IT_CALL(async, c, get_devices_link_to_shop_or_va, (r));
    ASSERT_OK(got);
    std::vector<std::string> expected, listed;
    for (const auto& d : sandbox_get("/_sandbox/devices", url)) {
      if (d["provider"] == "tingee" && d.value("linked", false)) expected.push_back(d["device"]);
    }
    for (const auto& d : got->devices) listed.push_back(d.uuid);
    EXPECT_EQ(listed, expected) << "exactly the linked devices";
    EXPECT_GE(listed.size(), 2u) << "DEMO-BOX-3LS and DEMO-BOX-MAX are linked from the start";
  };
  k["tingee.get_device_paging"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    auto all = IT_CALL(async, c, get_device_paging, ({}));
    ASSERT_OK(all);
    EXPECT_EQ(all->total_count, 3);
    ASSERT_EQ(all->items.size(), 3u);
    EXPECT_EQ(all->items[0].uuid, "DEMO-BOX-3LS");
    EXPECT_EQ(all->items[0].type, "tingee-box-3ls");
    EXPECT_EQ(all->items[0].status, tingee::DeviceStatus::kApproved);
    tingee::GetDevicePagingRequest second;
    second.skip_count = 1;
    second.max_result_count = 1;
    auto page = IT_CALL(async, c, get_device_paging, (second));
    ASSERT_OK(page);
    EXPECT_EQ(page->total_count, 3);
    ASSERT_EQ(page->items.size(), 1u);
    EXPECT_EQ(page->items[0].uuid, "DEMO-BOX-6XS");
    tingee::GetDevicePagingRequest max;
    max.type = std::string(tingee::kDeviceTypeBoxMax);
    auto only = IT_CALL(async, c, get_device_paging, (max));
    ASSERT_OK(only);
    ASSERT_EQ(only->items.size(), 1u);
    EXPECT_EQ(only->items[0].uuid, "DEMO-BOX-MAX");
  };
  k["tingee.show_qr_code"] = [](const std::string& url, bool async) {
    check_show(url, async, "show-qr-code", "DEMO-BOX-3LS", "DEMO-BOX-MAX",
               [](const tingee::Client& c, const tingee::ShowQrRequest& r, bool a) {
                 return IT_CALL(a, c, show_qr_code, (r));
               });
  };
  k["tingee.show_dynamic_qr_code"] = [](const std::string& url, bool async) {
    check_show(url, async, "show-dynamic-qr-code", "DEMO-BOX-MAX", "DEMO-BOX-3LS",
               [](const tingee::Client& c, const tingee::ShowQrRequest& r, bool a) {
                 return IT_CALL(a, c, show_dynamic_qr_code, (r));
               });
  };
  k["tingee.show_static_qr_code"] = [](const std::string& url, bool async) {
    check_show(url, async, "show-static-qr-code", "DEMO-BOX-MAX", "DEMO-BOX-3LS",
               [](const tingee::Client& c, const tingee::ShowQrRequest& r, bool a) {
                 return IT_CALL(a, c, show_static_qr_code, (r));
               });
  };
  k["tingee.generate_and_show_dynamic_qr_code"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    tingee::GenerateAndShowDynamicQrRequest gen;
    gen.uuid = "DEMO-BOX-MAX";
    gen.va_account_number = "V1T123456789";
    gen.amount = 250000;
    gen.bank_bin = "970418";
    gen.purpose = "DH " + unique_id();
    auto bill = IT_CALL(async, c, generate_and_show_dynamic_qr_code, (gen));
    ASSERT_OK(bill);
    EXPECT_EQ(bill->bill_id.rfind("SBX-BILL-", 0), 0u) << bill->bill_id;
    EXPECT_EQ(bill->qr_account, "V1T123456789");
    auto qr = vietqr::parse(bill->qr_code);
    ASSERT_TRUE(qr.ok()) << bill->qr_code;
    EXPECT_EQ(qr->bin, "970418");
    EXPECT_EQ(qr->account, "V1T123456789");
    EXPECT_EQ(qr->amount, 250000);
    EXPECT_EQ(qr->purpose, gen.purpose);
    EXPECT_NE(bill->data_json.find(bill->bill_id), std::string::npos) << bill->data_json;
    const Json screen = screen_of("DEMO-BOX-MAX", url);
    EXPECT_EQ(screen["detail"]["billId"], bill->bill_id) << screen.dump();
    gen.uuid = "DEMO-BOX-3LS";
    auto wrong = IT_CALL(async, c, generate_and_show_dynamic_qr_code, (gen));
    ASSERT_FALSE(wrong.ok());
    expect_provider_code(wrong.error(), "1010");
  };
  k["tingee.read_amount_link_to_merchant"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    tingee::ReadAmountRequest r;
    r.uuid = "DEMO-BOX-3LS";
    r.transaction_id = "T-" + unique_id();
    r.amount = 40123;
    r.bank_bin = "970422";
    ASSERT_OK(IT_CALL(async, c, read_amount_link_to_merchant, (r)));
    const Json screen = screen_of("DEMO-BOX-3LS", url);
    EXPECT_EQ(screen["event"], "announce-amount");
    EXPECT_EQ(screen["detail"]["amount"], 40123);
    EXPECT_EQ(screen["detail"]["transactionId"], r.transaction_id);
  };
  k["tingee.get_einvoice_providers"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    auto providers = IT_CALL(async, c, get_einvoice_providers, ());
    ASSERT_OK(providers);
    ASSERT_EQ(providers->providers.size(), 4u);
    EXPECT_EQ(providers->providers[0].code, "x-cyber");
    EXPECT_EQ(providers->providers[3].code, "misa");
    EXPECT_EQ(providers->message, "Success");
  };
  k["tingee.print_receipt"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    tingee::PrintReceiptRequest r;
    r.uuid = "DEMO-BOX-MAX";
    r.receipt.store_name = "Cà phê " + unique_id();
    r.receipt.items = {{"Cà phê sữa", 2, 25000}};
    r.receipt.total_amount = 50000;
    ASSERT_OK(IT_CALL(async, c, print_receipt, (r)));
    const Json screen = screen_of("DEMO-BOX-MAX", url);
    EXPECT_EQ(screen["event"], "print");
    EXPECT_EQ(screen["detail"]["totalAmount"], 50000);
    EXPECT_EQ(screen["detail"]["storeName"], r.receipt.store_name);
    r.uuid = "DEMO-BOX-3LS";  // prints only on a MAX
    auto wrong = IT_CALL(async, c, print_receipt, (r));
    ASSERT_FALSE(wrong.ok());
    expect_provider_code(wrong.error(), "1010");
  };
  k["tingee.reset_device"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    link_6xs(c);
    auto reset = IT_CALL(async, c, reset_device, ({"DEMO-BOX-6XS"}));
    ASSERT_OK(reset);
    EXPECT_EQ(reset->data, "Reset device successfully");
    EXPECT_EQ(reset->message, "Success");
    EXPECT_FALSE(linked("DEMO-BOX-6XS", url));
    auto unknown = IT_CALL(async, c, reset_device, ({"NO-SUCH-BOX"}));
    ASSERT_FALSE(unknown.ok());
    expect_provider_code(unknown.error(), "1002");
  };
  k["tingee.nfc_command"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const std::string link = "https://pay.example.vn/nfc/" + unique_id();
    ASSERT_OK(IT_CALL(async, c, nfc_command, ({"DEMO-BOX-3LS", link, "vn.example.pay", true, {}, {}})));
    const Json screen = screen_of("DEMO-BOX-3LS", url);
    EXPECT_EQ(screen["event"], "nfc-command");
    EXPECT_EQ(screen["detail"]["nfcUrl"], link);
    EXPECT_EQ(screen["detail"]["nfcPackageName"], "vn.example.pay");
    EXPECT_EQ(screen["detail"]["enableNfc"], true);
    auto unknown = IT_CALL(async, c, nfc_command, ({"NO-SUCH-BOX", link, "vn.example.pay", {}, {}, {}}));
    ASSERT_FALSE(unknown.ok());
    expect_provider_code(unknown.error(), "1002");
    auto invalid = IT_CALL(async, c, nfc_command, ({"DEMO-BOX-3LS", "", "vn.example.pay", {}, {}, {}}));
    ASSERT_FALSE(invalid.ok());
    EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(invalid.error().delivery, Delivery::kNotSent);
  };
  k["tingee.reset_device_with_details"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    link_6xs(c);
    tingee::ResetDeviceWithDetailsRequest r;
    r.uuid = "DEMO-BOX-6XS";
    r.account_number = "0023457923442";
    r.is_bank_request = true;
    auto reset = IT_CALL(async, c, reset_device_with_details, (r));
    ASSERT_OK(reset);
    EXPECT_EQ(reset->message, "Success");
    EXPECT_FALSE(linked("DEMO-BOX-6XS", url));
    const Json events = sandbox_get("/_sandbox/events", url);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back()["event"], "reset");
    EXPECT_EQ(events.back()["detail"]["isBankRequest"], true) << events.back().dump();
    auto unknown = IT_CALL(async, c, reset_device_with_details, ({"NO-SUCH-BOX", "", "", {}}));
    ASSERT_FALSE(unknown.ok());
    expect_provider_code(unknown.error(), "1002");
  };
  return k;
}

namespace {

Checks every_tingee_check() {
  Checks all = tingee_device_checks();
  for (auto& [name, check] : tingee_bill_checks()) all[name] = check;
  for (auto& [name, check] : tingee_va_checks()) all[name] = check;
  for (auto& [name, check] : tingee_direct_debit_checks()) all[name] = check;
  for (auto& [name, check] : tingee_misc_checks()) all[name] = check;
  for (auto& [name, check] : tingee_merchant_checks()) all[name] = check;
  for (auto& [name, check] : tingee_e_invoice_checks()) all[name] = check;
  return all;
}

// A sandbox of its own: the checks link, unlink and reset devices.
TEST(SandboxTingee, EveryCallBlockingAndAsync) {
  Sandbox own;
  ASSERT_FALSE(own.url().empty()) << own.output();
  EXPECT_EQ(run_every_row("tingee.", every_tingee_check(), own.url()), 61u);
}

// paygw's requests pass a server that re-serialises the body as Node.js does, too.
TEST(SandboxTingee, EveryCallPassesAReserializingServer) {
  Sandbox reserializing({"--tingee-signature", "reserialized"});
  ASSERT_FALSE(reserializing.url().empty()) << reserializing.output();
  EXPECT_EQ(run_every_row("tingee.", every_tingee_check(), reserializing.url()), 61u);
}

TEST(SandboxTingee, AsyncShowQrFanOut) {
  auto c = tingee_client();
  std::vector<std::future<Result<tingee::Ack>>> pending;
  for (int i = 0; i < 100; ++i) {  // linked at start: the 3LS box and the MAX box (non-3LS)
    pending.push_back(i % 2 == 0 ? c.show_qr_code_async(show("DEMO-BOX-3LS"))
                                 : c.show_dynamic_qr_code_async(show("DEMO-BOX-MAX")));
  }
  pending.push_back(c.show_qr_code_async(show("DEMO-BOX-MAX")));  // show-qr-code is for 3LS devices only
  int ok = 0;
  for (std::size_t i = 0; i < 100; ++i) {
    auto r = pending[i].get();
    if (r.ok())
      ++ok;
    else
      ADD_FAILURE() << describe(r.error());
  }
  auto wrong = pending.back().get();
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().provider_code, "1010");
  EXPECT_EQ(ok, 100);
}

TEST(SandboxTingee, WebhooksVerify) {
  receiver().fail_next(1);  // the first delivery fails: the sandbox retries
  const auto res =
      admin("/_sandbox/tingee/payments",
            R"({"amount":40123,"vaAccountNumber":"V1T123456789","content":"Don hang 12","duplicates":1,"url":")" +
                receiver().url("/tingee/webhook") + R"("})");
  EXPECT_NE(res.body.find(R"("deliveries":[500,200,200])"), std::string::npos) << res.body;
  const auto hits = receiver().hits("/tingee/webhook");
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

  admin("/_sandbox/tingee/ping", R"({"url":")" + receiver().url("/tingee/ping") + R"("})");
  const auto pings = receiver().hits("/tingee/ping");
  ASSERT_EQ(pings.size(), 1u);
  auto ping = tingee::verify_webhook(pings[0].body, pings[0].headers, Secret(kTingeeSecret));
  ASSERT_TRUE(ping.ok()) << describe(ping.error());
  EXPECT_EQ(ping->kind, tingee::WebhookKind::kPing);
  EXPECT_FALSE(ping->authenticated);
}

}  // namespace
}  // namespace paygw::it
