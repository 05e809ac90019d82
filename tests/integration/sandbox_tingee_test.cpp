// Integration: every Tingee call through libcurl against paygw-sandbox, under both of its signature
// checks; the new device and bank-group endpoints on both prefixes; webhooks verified by paygw.
#include "sandbox_fixture.hpp"

#include <future>

namespace paygw::it {
namespace {

// Every client call, against the sandbox at `url`.
void every_tingee_call(const std::string& url) {
  auto c = tingee_client(10s, kTingeeSecret, url);
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
  qr.qr_code =
      "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
      "text string6304D9C6";
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

  auto forged = tingee_client(10s, "wrong-secret", url).read_security_code({"DEMO-BOX-3LS", std::nullopt});
  ASSERT_FALSE(forged.ok());
  EXPECT_TRUE(tingee::is_signature_error(forged.error()));
}

TEST(SandboxTingee, EveryCall) { every_tingee_call(sandbox().url()); }

// paygw's requests pass a server that re-serialises the body as Node.js does, too.
TEST(SandboxTingee, EveryCallPassesAReserializingServer) {
  Sandbox reserializing({"--tingee-signature", "reserialized"});
  ASSERT_FALSE(reserializing.url().empty()) << reserializing.output();
  every_tingee_call(reserializing.url());
}

TEST(SandboxTingee, AsyncShowQrFanOut) {
  auto c = tingee_client();
  tingee::ShowQrRequest qr;
  qr.amount = 40123;
  qr.qr_code =
      "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
      "text string6304D9C6";
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
