// Integration: every TConnect call through libcurl against paygw-sandbox, async fan-out, HTTPS, IPNs,
// and a create_qr -> push_payment round trip through paygw's own QR check.
#include "sandbox_fixture.hpp"

#include <atomic>
#include <future>

namespace paygw::it {
namespace {

TEST(SandboxTconnect, EveryCall) {
  auto c = tconnect_client();
  EXPECT_OK(c.authenticate());
  auto pos = c.push_payment(tconnect::PosPush{"POS-0001", "ORD-1", 150000});
  ASSERT_TRUE(pos.ok()) << describe(pos.error());
  EXPECT_EQ(pos->message, "Successfully pushed new payment to POS");
  auto sb =
      c.push_payment(tconnect::SoundboxPush{"SB-0001", 180000,
                                            "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA5"
                                            "30370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E"});
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
  EXPECT_TRUE(vietqr::parse(qr->qr_content).ok()) << qr->qr_content;
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
  const std::string qr =
      "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690"
      "819thanh toan don hang63042E2E";
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
TEST(SandboxTconnect, AsyncCallsInFlightCompleteWhenTheTransportIsDestroyed) {
  auto t = *http::make_curl_transport();
  std::atomic<int> done{0};
  for (int i = 0; i < 20; ++i) {
    t->send_async({http::Method::kGet, sandbox().url() + "/_sandbox/events", {}, "", 5s, {}},
                  [&done](Result<http::Response> r) { done += r.ok() ? 1 : 0; });
  }
  t.reset();  // joins the worker after every in-flight call has completed
  EXPECT_EQ(done.load(), 20);
}

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

TEST(SandboxTconnect, IpnDecrypts) {
  admin("/_sandbox/tconnect/payments", R"({"order_id":"ORD-9","amount":150000,"narrative":"Thanh toan ORD-9","url":")" +
                                           receiver().url("/tconnect/ipn") + R"("})");
  const auto hits = receiver().hits("/tconnect/ipn");
  ASSERT_EQ(hits.size(), 1u);
  auto ipn = tconnect::decode_ipn(hits[0].body, {Secret(kAesKey)});
  ASSERT_TRUE(ipn.ok()) << describe(ipn.error());
  EXPECT_EQ(ipn->order_id, "ORD-9");
  EXPECT_EQ(ipn->amount, 150000);
  EXPECT_EQ(ipn->narrative, "Thanh toan ORD-9");
  EXPECT_EQ(tconnect::decode_ipn(hits[0].body, {Secret(std::string(64, 'a'))}).error().code, ErrorCode::kDecrypt);
}

// The QR TConnect creates for an order goes to a soundbox: paygw checks it (validate_qr, on by
// default) before the push, so the sandbox's QR must be a valid VietQR for that order.
TEST(SandboxTconnect, CreateQrThenPushToSoundboxPassesPaygwsQrCheck) {
  auto c = tconnect_client();
  auto va = c.create_va({"970454", "NGUYEN VAN B"});
  ASSERT_TRUE(va.ok()) << describe(va.error());
  for (const std::optional<std::int64_t> amount :
       {std::optional<std::int64_t>(185000), std::optional<std::int64_t>()}) {
    auto qr = c.create_qr({"ORD-RT-1", va->va, "970454", amount, ""});
    ASSERT_TRUE(qr.ok()) << describe(qr.error());
    auto info = vietqr::parse(qr->qr_content);
    ASSERT_TRUE(info.ok()) << qr->qr_content << ": " << info.error().message;
    EXPECT_EQ(info->bin, "970454");
    EXPECT_EQ(info->account, va->va);
    EXPECT_EQ(info->amount, amount);
    EXPECT_EQ(info->dynamic, amount.has_value());
    EXPECT_EQ(info->purpose, "ORD-RT-1");
    auto pushed = c.push_payment(tconnect::SoundboxPush{"SB-0001", amount.value_or(185000), qr->qr_content});
    ASSERT_TRUE(pushed.ok()) << describe(pushed.error());
    EXPECT_EQ(pushed->message, "Successfully pushed new payment to Soundbox");
  }
}

}  // namespace
}  // namespace paygw::it
