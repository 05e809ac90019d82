// SPDX-License-Identifier: MIT
// Integration: every TConnect call, blocking and async, through libcurl against paygw-sandbox (the
// confirm_ipn, order_status and generate_qr checks are in sandbox_tconnect_ipn_test.cpp), async fan-out, HTTPS, and a
// create_qr -> push_payment round trip through paygw's own QR check.
#include "sandbox_fixture.hpp"

#include <atomic>
#include <future>

namespace paygw::it {
namespace {

// One page of the list of `kind` ("qr", "card" or "cash").
Result<tconnect::TransactionPage> page_of(const tconnect::Client& c, const std::string& kind,
                                          const tconnect::TransactionQuery& q, bool async) {
  return kind == "qr"     ? IT_CALL(async, c, get_qr_transactions, (q))
         : kind == "card" ? IT_CALL(async, c, get_card_transactions, (q))
                          : IT_CALL(async, c, get_cash_transactions, (q));
}

// The transactions of `order_id` in today's list of `kind`.
std::vector<tconnect::Transaction> of_order(const tconnect::Client& c, const std::string& kind,
                                            const std::string& order_id, bool async) {
  auto page = page_of(c, kind, tconnect_today(), async);
  EXPECT_OK(page);
  std::vector<tconnect::Transaction> out;
  if (!page.ok()) return out;
  EXPECT_EQ(page->total, static_cast<std::int64_t>(page->items.size())) << "one page of 1000 holds them all";
  for (const auto& t : page->items) {
    if (t.order_id == order_id) out.push_back(t);
  }
  return out;
}

// A payment of `type` appears, SUCCESS, in that list only (and pending pushes in every list).
void check_list(const std::string& kind, const std::string& type, bool async) {
  auto c = tconnect_client();
  const std::string order = "ORD-" + type + "-" + unique_id();
  ASSERT_FALSE(tconnect_pay(order, 64000, type).empty());
  for (const std::string other : {"qr", "card", "cash"}) {
    SCOPED_TRACE(other);
    const auto found = of_order(c, other, order, async);
    if (other != kind) {
      EXPECT_TRUE(found.empty()) << "a " << type << " payment is not in the " << other << " list";
      continue;
    }
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].status, "SUCCESS");
    EXPECT_EQ(found[0].amount, 64000);
    EXPECT_EQ(found[0].narrative, "Thanh toan " + order);
    EXPECT_EQ(found[0].request_id.rfind("SBX-IPN-", 0), 0u) << found[0].request_id;
    EXPECT_FALSE(found[0].trn_ref_no.empty());
  }
  auto old = page_of(c, kind, {tconnect_time(-72), tconnect_time(-48), 1000, 1}, async);
  ASSERT_OK(old);
  for (const auto& t : old->items) EXPECT_NE(t.order_id, order) << "outside the window";
}

Checks tconnect_checks() {
  Checks k;
  k["tconnect.authenticate"] = [](const std::string&, bool async) {
    EXPECT_OK(IT_CALL(async, tconnect_client(), authenticate, ()));
    auto refused = IT_CALL(async, tconnect_client(10s, "wrong-password"), authenticate, ());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kAuth) << describe(refused.error());
    EXPECT_EQ(refused.error().http_status, 401);
  };
  k["tconnect.push_payment(pos)"] = [](const std::string&, bool async) {
    auto c = tconnect_client();
    const std::string order = "ORD-POS-" + unique_id();
    auto pos = IT_CALL(async, c, push_payment, (tconnect::PosPush{"POS-0001", order, 150000}));
    ASSERT_OK(pos);
    EXPECT_EQ(pos->message, "Successfully pushed new payment to POS");
    const auto screen = screen_of("POS-0001");
    EXPECT_EQ(screen["event"], "push-pos");
    EXPECT_EQ(screen["detail"]["order_id"], order);
    EXPECT_EQ(screen["detail"]["amount"], 150000);
    const auto pending = of_order(c, "qr", order, async);
    ASSERT_EQ(pending.size(), 1u) << "the push is a pending transaction of its order";
    EXPECT_EQ(pending[0].status, "PENDING");
    EXPECT_EQ(pending[0].amount, 150000);
    auto unknown = IT_CALL(async, c, push_payment, (tconnect::PosPush{"POS-9999", order, 1000}));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, ErrorCode::kHttpStatus);
    EXPECT_EQ(unknown.error().http_status, 404);
    EXPECT_EQ(unknown.error().message, "Device not found");
  };
  k["tconnect.push_payment(soundbox)"] = [](const std::string&, bool async) {
    auto c = tconnect_client();
    auto sb = IT_CALL(async, c, push_payment, (tconnect::SoundboxPush{"SB-0001", 180000, kDemoQr}));
    ASSERT_OK(sb);
    EXPECT_EQ(sb->message, "Successfully pushed new payment to Soundbox");
    const auto screen = screen_of("SB-0001");
    EXPECT_EQ(screen["event"], "push-soundbox");
    EXPECT_EQ(screen["detail"]["qr_string"], kDemoQr);
    EXPECT_EQ(screen["detail"]["amount"], 180000);
    // The QR says 180 000 VND: another amount is refused before anything is sent.
    auto mismatch = IT_CALL(async, c, push_payment, (tconnect::SoundboxPush{"SB-0001", 1000, kDemoQr}));
    ASSERT_FALSE(mismatch.ok());
    EXPECT_EQ(mismatch.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(mismatch.error().delivery, Delivery::kNotSent);
  };
  k["tconnect.get_services"] = [](const std::string&, bool async) {
    auto services = IT_CALL(async, tconnect_client(), get_services, ());
    ASSERT_OK(services);
    ASSERT_EQ(services->services.size(), 1u);
    EXPECT_EQ(services->services[0].service_code, "vccb-qr");
    EXPECT_EQ(services->services[0].bincode, "970454");
    EXPECT_EQ(services->services[0].name, "BVBank QR");
  };
  k["tconnect.create_va"] = [](const std::string&, bool async) {
    auto va = IT_CALL(async, tconnect_client(), create_va, ({"970454", "NGUYEN VAN A"}));
    ASSERT_OK(va);
    EXPECT_EQ(va->va.rfind("VA", 0), 0u) << va->va;
    EXPECT_EQ(va->account_name, "NGUYEN VAN A");
    EXPECT_EQ(va->bank_code, "970454");
  };
  k["tconnect.create_qr"] = [](const std::string&, bool async) {
    auto c = tconnect_client();
    auto va = c.create_va({"970454", "NGUYEN VAN B"});
    ASSERT_OK(va);
    const std::string order = "ORD-QR-" + unique_id();
    for (const std::optional<Vnd> amount : {std::optional<Vnd>(10000), std::optional<Vnd>()}) {
      auto qr = IT_CALL(async, c, create_qr, ({order, va->va, "970454", amount, ""}));
      ASSERT_OK(qr);
      EXPECT_EQ(qr->dynamic, amount.has_value());
      auto info = vietqr::parse(qr->qr_content);
      ASSERT_TRUE(info.ok()) << qr->qr_content;
      EXPECT_EQ(info->bin, "970454");
      EXPECT_EQ(info->account, va->va);
      EXPECT_EQ(info->amount, amount);
      EXPECT_EQ(info->purpose, order);
    }
  };
  k["tconnect.get_qr_transactions"] = [](const std::string&, bool async) {
    check_list("qr", "QR", async);
    auto c = tconnect_client();  // paging: one per page, the total of all
    auto first = page_of(c, "qr", tconnect_today(1), async);
    ASSERT_OK(first);
    ASSERT_EQ(first->items.size(), 1u);
    ASSERT_TRUE(first->total.has_value());
    EXPECT_GE(*first->total, 1);
  };
  k["tconnect.get_card_transactions"] = [](const std::string&, bool async) { check_list("card", "CARD", async); };
  k["tconnect.get_cash_transactions"] = [](const std::string&, bool async) { check_list("cash", "CASH", async); };
  for (auto& [name, check] : tconnect_ipn_checks()) k[name] = check;
  return k;
}

TEST(SandboxTconnect, EveryCallBlockingAndAsync) {
  EXPECT_EQ(run_every_row("tconnect.", tconnect_checks(), sandbox().url()), 12u);
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
