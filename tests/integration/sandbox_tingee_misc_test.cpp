// SPDX-License-Identifier: MIT
// Integration: the checks of Tingee's static VietQR (generate-viet-qr and its decoding), the deep
// links, the hosted bank-link session (and its signed bank-link webhook) and the older device
// read-amount, through paygw's client against the sandbox's simulation (tools/sandbox/tingee_misc.cpp).
// Blocking and async; the bank-group calls on both path prefixes. Run by sandbox_tingee_test.cpp's
// EveryCall tests.
#include <paygw/tingee/webhook.hpp>
#include <paygw/vietqr.hpp>

#include "sandbox_fixture.hpp"

namespace paygw::it {
namespace {

using Json = nlohmann::json;
using Prefix = tingee::BankPathPrefix;

constexpr const char* kBidv = "970418";

tingee::Client client(const std::string& url, Prefix prefix = Prefix::kV1) {
  return tingee_client(10s, kTingeeSecret, url, prefix);
}

void expect_provider_error(const Error& e, const char* code) {
  EXPECT_EQ(e.code, ErrorCode::kProvider) << describe(e);
  EXPECT_EQ(e.provider_code, code) << describe(e);
}

tingee::GenerateVietQrRequest viet_qr_request(const std::string& account, std::optional<Vnd> amount) {
  tingee::GenerateVietQrRequest r;
  r.bank_bin = kBidv;
  r.account_number = account;
  r.amount = amount;
  r.content = "TT DON " + unique_id();
  return r;
}

// A deep link paying a QR the sandbox makes for `account` at BIDV.
tingee::GenerateDeepLinkRequest deep_link_request(const tingee::Client& c, const std::string& account) {
  tingee::GenerateDeepLinkRequest r;
  auto qr = c.generate_viet_qr(viet_qr_request(account, 180000));
  EXPECT_TRUE(qr.ok()) << describe(qr.error());
  r.type = "payment";
  r.qr_code = qr.ok() ? qr->qr_code : "";
  r.bank_bin = kBidv;
  r.destination_bank_bin = kBidv;
  r.account_name = "NGUYEN VAN A";
  r.account_number = account;
  r.amount = 180000;
  r.content = "thanh toan";
  r.bill_number = "BILL-" + unique_id();
  return r;
}

// POST `body` to the sandbox at `url` (an unsigned admin call): {status, JSON body}.
std::pair<int, Json> post_admin(const std::string& url, const std::string& path, const Json& body) {
  httplib::Client http(url);
  http.set_read_timeout(10);
  auto res = http.Post(path, body.dump(), "application/json");
  if (!res) return {0, nullptr};
  return {res->status, Json::parse(res->body, nullptr, false)};
}

}  // namespace

Checks tingee_misc_checks() {
  Checks k;
  k["tingee.generate_viet_qr"] = [](const std::string& url, bool async) {
    for (const Prefix prefix : {Prefix::kV1, Prefix::kV1Bank}) {
      auto c = client(url, prefix);
      const auto request = viet_qr_request("2101234567", 150000);
      auto qr = IT_CALL(async, c, generate_viet_qr, (request));
      ASSERT_OK(qr);
      EXPECT_EQ(qr->qr_account, "2101234567");
      EXPECT_EQ(qr->message, "Success");
      // A real VietQR: paygw's own parser reads back the bank, account, amount and content ...
      auto parsed = vietqr::parse(qr->qr_code);
      ASSERT_OK(parsed);
      EXPECT_EQ(parsed->bin, kBidv);
      EXPECT_EQ(parsed->account, "2101234567");
      EXPECT_EQ(parsed->amount.value_or(0), 150000);
      EXPECT_EQ(parsed->purpose, request.content);
      // ... and paygw's own builder writes the same string for the same payment.
      vietqr::BuildRequest same;
      same.bin = kBidv;
      same.account = "2101234567";
      same.amount = 150000;
      same.purpose = request.content;
      auto built = vietqr::build(same);
      ASSERT_OK(built);
      EXPECT_EQ(*built, qr->qr_code);
      if (!qr->qr_code_image.empty()) {
        EXPECT_EQ(qr->qr_code_image.rfind("data:image/png;base64,", 0), 0u);
      }
    }
    // By Tingee's bank name, without an amount: a static QR of that bank.
    auto c = client(url);
    tingee::GenerateVietQrRequest by_name;
    by_name.bank_name = "VCB";
    by_name.account_number = "0071000123456";
    auto qr = IT_CALL(async, c, generate_viet_qr, (by_name));
    ASSERT_OK(qr);
    auto parsed = vietqr::parse(qr->qr_code);
    ASSERT_OK(parsed);
    EXPECT_EQ(parsed->bin, "970436");
    EXPECT_FALSE(parsed->dynamic);
    EXPECT_FALSE(parsed->amount.has_value());
    auto unknown = viet_qr_request("2101234567", std::nullopt);
    unknown.bank_bin = "999999";  // no bank of the directory
    auto refused = IT_CALL(async, c, generate_viet_qr, (unknown));
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().code, ErrorCode::kInvalidArgument) << "the sandbox refuses it, not paygw";
  };
  k["tingee.get_account_number_info_by_qr_code"] = [](const std::string& url, bool async) {
    for (const Prefix prefix : {Prefix::kV1, Prefix::kV1Bank}) {
      auto c = client(url, prefix);
      const std::string account = "TNG" + unique_id();
      auto qr = c.generate_viet_qr(viet_qr_request(account, 250000));
      ASSERT_OK(qr);
      auto info = IT_CALL(async, c, get_account_number_info_by_qr_code, ({qr->qr_code}));
      ASSERT_OK(info);
      EXPECT_EQ(info->total_count.value_or(-1), 1);
      ASSERT_EQ(info->items.size(), 1u);
      EXPECT_EQ(info->items[0].bank_bin, kBidv);
      EXPECT_EQ(info->items[0].account_number, account);
      EXPECT_EQ(info->items[0].amount.value_or(0), 250000);
      EXPECT_EQ(info->items[0].va_prefix, "TNG");
      EXPECT_EQ(info->items[0].va_suffix, account.substr(3));
    }
    auto c = client(url);
    // A QR someone else built (the VietQR notes' example E2).
    auto other = IT_CALL(async, c, get_account_number_info_by_qr_code, ({kDemoQr}));
    ASSERT_OK(other);
    ASSERT_EQ(other->items.size(), 1u);
    EXPECT_EQ(other->items[0].bank_bin, "970403");
    EXPECT_EQ(other->items[0].account_number, "0011012345678");
    EXPECT_EQ(other->items[0].amount.value_or(0), 180000);
    EXPECT_EQ(other->items[0].purpose, "thanh toan don hang");
    // A static QR: no amount ("" on the wire).
    auto static_qr = c.generate_viet_qr(viet_qr_request("2101234567", std::nullopt));
    ASSERT_OK(static_qr);
    auto no_amount = IT_CALL(async, c, get_account_number_info_by_qr_code, ({static_qr->qr_code}));
    ASSERT_OK(no_amount);
    ASSERT_EQ(no_amount->items.size(), 1u);
    EXPECT_FALSE(no_amount->items[0].amount.has_value());
    // One character of the CRC changed: refused in Tingee's error envelope.
    std::string bad = kDemoQr;
    bad.back() = bad.back() == 'E' ? 'F' : 'E';
    auto refused = IT_CALL(async, c, get_account_number_info_by_qr_code, ({bad}));
    ASSERT_FALSE(refused.ok());
    expect_provider_error(refused.error(), "1060");
  };
  k["tingee.generate_deep_link"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const auto request = deep_link_request(c, "2101234567");
    auto link = IT_CALL(async, c, generate_deep_link, (request));
    ASSERT_OK(link);
    EXPECT_EQ(link->message, "Success");
    for (const std::string& part : {"billNumber=" + request.bill_number, std::string("accountNumber=2101234567"),
                                    std::string("destinationBankBin=970418"), std::string("amount=180000"),
                                    std::string("accountName=NGUYEN%20VAN%20A"), std::string("type=payment")}) {
      EXPECT_NE(link->url.find(part), std::string::npos) << part << " not in " << link->url;
    }
    // One bill, one link.
    auto again = IT_CALL(async, c, generate_deep_link, (request));
    ASSERT_FALSE(again.ok());
    expect_provider_error(again.error(), "1030");
    // The QR must name the account being paid.
    auto other = request;
    other.bill_number = "BILL-" + unique_id();
    other.account_number = "9999999999";
    auto refused = IT_CALL(async, c, generate_deep_link, (other));
    ASSERT_FALSE(refused.ok());
    expect_provider_error(refused.error(), "1060");
  };
  k["tingee.generate_deep_link_bidv_test"] = [](const std::string& url, bool async) {
    auto c = client(url);
    tingee::GenerateDeepLinkBidvTestRequest request;
    static_cast<tingee::GenerateDeepLinkRequest&>(request) = deep_link_request(c, "2101234568");
    auto link = IT_CALL(async, c, generate_deep_link_bidv_test, (request));
    ASSERT_OK(link);
    EXPECT_NE(link->url.find("env=bidv-test"), std::string::npos) << link->url;
    EXPECT_NE(link->url.find("billNumber=" + request.bill_number), std::string::npos) << link->url;
    auto with_merchant = request;  // not part of the BIDV test DTO: refused by paygw, nothing sent
    with_merchant.merchant_id = 7;
    auto refused = IT_CALL(async, c, generate_deep_link_bidv_test, (with_merchant));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(refused.error().delivery, Delivery::kNotSent);
    auto vcb = request;  // the payer's bank app must be BIDV's
    vcb.bill_number = "BILL-" + unique_id();
    vcb.bank_bin = "970436";
    auto not_bidv = IT_CALL(async, c, generate_deep_link_bidv_test, (vcb));
    ASSERT_FALSE(not_bidv.ok());
    EXPECT_EQ(not_bidv.error().code, ErrorCode::kHttpStatus) << describe(not_bidv.error());
  };
  k["tingee.create_bank_link_session"] = [](const std::string& url, bool async) {
    auto c = client(url);
    tingee::CreateBankLinkSessionRequest request;
    request.redirect_url = "https://shop.example.vn/bank-link/done";
    request.allowed_banks = {"BIDV", "VCB"};
    request.shop_id = 12;
    auto session = IT_CALL(async, c, create_bank_link_session, (request));
    ASSERT_OK(session);
    const auto at = session->url.find("/_sandbox/tingee/bank-link?");
    ASSERT_NE(at, std::string::npos) << session->url;
    const auto s_at = session->url.find("&s=");
    ASSERT_NE(s_at, std::string::npos) << session->url;
    const std::string id = session->url.substr(s_at + 3);
    const Json page = sandbox_get(session->url.substr(at), url);
    EXPECT_EQ(page.value("status", ""), "pending") << page.dump();
    EXPECT_EQ(page.value("redirectUrl", ""), request.redirect_url);
    // The holder links an account on the page: Tingee's signed bank-link webhook follows.
    const std::string path = unique_path("tingee/bank-link");
    const Json done = {{"s", id},
                       {"accountNumber", "2101234567"},
                       {"accountName", "NGUYEN VAN A"},
                       {"bankName", "BIDV"},
                       {"url", receiver().url(path)}};
    auto [status, answer] = post_admin(url, "/_sandbox/tingee/bank-link", done);
    ASSERT_EQ(status, 200) << answer.dump();
    const auto hits = receiver().hits(path);
    ASSERT_EQ(hits.size(), 1u);
    auto event = tingee::verify_webhook(hits[0].body, hits[0].headers, Secret(kTingeeSecret));
    ASSERT_OK(event);
    ASSERT_EQ(event->kind, tingee::WebhookKind::kBankLink);
    EXPECT_EQ(event->bank_link->request_id, id);
    EXPECT_EQ(event->bank_link->status, tingee::BankLinkStatus::kConfirmVaSuccess);
    EXPECT_EQ(event->bank_link->account_number, "2101234567");
    EXPECT_EQ(event->bank_link->va_account_number, answer.value("vaAccountNumber", "?"));
    EXPECT_EQ(event->bank_link->va_account_number.rfind("TNG", 0), 0u);
    EXPECT_EQ(sandbox_get(session->url.substr(at), url).value("status", ""), "linked");
    // A session completes once; a bank the session does not offer is refused.
    EXPECT_EQ(post_admin(url, "/_sandbox/tingee/bank-link", done).first, 400);
    auto second = IT_CALL(async, c, create_bank_link_session, (request));
    ASSERT_OK(second);
    Json other_bank = done;
    other_bank["s"] = second->url.substr(second->url.find("&s=") + 3);
    other_bank["bankName"] = "ACB";
    EXPECT_EQ(post_admin(url, "/_sandbox/tingee/bank-link", other_bank).first, 400);
    EXPECT_TRUE(receiver().hits(path).size() == 1u) << "a refused completion sent nothing";
    // An allowed bank that is not a BankNameEnum value: refused by paygw, nothing sent.
    auto bad = request;
    bad.allowed_banks = {"BIDV", "not a bank"};
    auto refused = IT_CALL(async, c, create_bank_link_session, (bad));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  };
  k["tingee.read_amount"] = [](const std::string& url, bool async) {
    auto c = client(url);
    tingee::DeviceReadAmountRequest r;
    r.uuid = "DEMO-BOX-MAX";
    r.transaction_id = "T-" + unique_id();
    r.amount = 52000;
    r.bank_bin = "970422";
    r.first_display_text = "Ban 5";
    r.play_sound = true;
    ASSERT_OK(IT_CALL(async, c, read_amount, (r)));
    const Json screen = screen_of("DEMO-BOX-MAX", url);
    EXPECT_EQ(screen["event"], "announce-amount") << screen.dump();
    EXPECT_EQ(screen["detail"]["amount"], 52000);
    EXPECT_EQ(screen["detail"]["transactionId"], r.transaction_id);
    EXPECT_EQ(screen["detail"]["endpoint"], "read-amount");
    EXPECT_EQ(screen["detail"]["firstDisplayText"], "Ban 5");
    r.uuid = "DEMO-BOX-6XS";  // not linked
    auto unlinked = IT_CALL(async, c, read_amount, (r));
    ASSERT_FALSE(unlinked.ok());
    expect_provider_error(unlinked.error(), "1003");
    r.uuid = "NO-SUCH-DEVICE";
    auto unknown = IT_CALL(async, c, read_amount, (r));
    ASSERT_FALSE(unknown.ok());
    expect_provider_error(unknown.error(), "1002");
  };
  return k;
}

}  // namespace paygw::it
