// SPDX-License-Identifier: MIT
// The Tingee calls added with the QR-bill group, the transaction query, get-banks and the two
// device actions, through tingee::Client against their fixtures (tests/fixtures/tingee): the exact
// signed bytes on the wire (the replay check recomputes every signature with OpenSSL's HMAC()),
// the bank path prefix, and each answer mapped to its value or typed error — blocking and async.
#include <paygw/tingee/client.hpp>
#include <paygw/vietqr.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

namespace {

using namespace paygw;
using tingee::Client;

class TingeeMoreCallsTest : public ::testing::Test {
 protected:
  Client use(const std::string& fixture) {
    replay_ = test::tingee_replay("tingee/" + fixture + ".json");
    return test::tingee_client(replay_);
  }
  void TearDown() override {
    if (replay_) {
      EXPECT_EQ(replay_->report(), "") << "the replay did not go as scripted";
    }
  }
  std::shared_ptr<paygw::testing::ReplayTransport> replay_;
};

void expect_error(const Error& e, ErrorCode code, int status, const std::string& provider_code = {}) {
  EXPECT_EQ(e.code, code) << describe(e);
  EXPECT_EQ(e.http_status, status);
  EXPECT_EQ(e.provider_code, provider_code);
  EXPECT_EQ(e.delivery, Delivery::kMaybeSent);
  EXPECT_EQ(e.attempts, 1);
}

TEST_F(TingeeMoreCallsTest, NfcCommand) {
  auto client = use("nfc-command");
  tingee::NfcCommandRequest r;
  r.uuid = "DEVICE-002";
  r.enable_nfc = true;
  r.play_sound = false;
  r.nfc_url = "https://pay.example.vn/nfc/DEVICE-002";
  r.nfc_package_name = "vn.example.pay";
  auto ok = client.nfc_command(r);
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  EXPECT_EQ(ok->message, "Success");
  auto bad = client.nfc_command_async(r).get();
  ASSERT_FALSE(bad.ok());
  expect_error(bad.error(), ErrorCode::kHttpStatus, 400);
  EXPECT_EQ(bad.error().message, "nfcUrl must be a URL address");
}

TEST_F(TingeeMoreCallsTest, ResetDeviceWithDetails) {
  auto client = use("reset-device");
  tingee::ResetDeviceWithDetailsRequest r;
  r.uuid = "DEVICE-001";
  r.is_bank_request = true;
  ASSERT_TRUE(client.reset_device_with_details_async(r).get().ok());
  auto bad = client.reset_device_with_details(r);
  ASSERT_FALSE(bad.ok());
  expect_error(bad.error(), ErrorCode::kAuth, 401);
}

tingee::GenerateDynamicQrRequest bill() {
  tingee::GenerateDynamicQrRequest r;
  r.merchant_id = 123456;
  r.va_account_number = "V1T123456789";
  r.bank_bin = "970418";
  r.amount = 150000;
  r.purpose = "TT DON 1024";
  r.expire_in_minute = 15;
  r.extra_info = "ORDER-1024";
  return r;
}

TEST_F(TingeeMoreCallsTest, GenerateDynamicQrBill) {
  auto client = use("generate-dynamic-qr");
  auto ok = client.generate_dynamic_qr(bill());
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  EXPECT_EQ(ok->bill_id, "BILL-1024-01");
  EXPECT_EQ(ok->qr_account, "V1T123456789");
  EXPECT_TRUE(vietqr::parse(ok->qr_code).ok());
  auto bad = client.generate_dynamic_qr_async(bill()).get();
  ASSERT_FALSE(bad.ok());
  expect_error(bad.error(), ErrorCode::kHttpStatus, 500);
  EXPECT_TRUE(bad.error().outcome_unknown()) << "after a 500 the bill may exist";
}

TEST_F(TingeeMoreCallsTest, BillStatusAndDelete) {
  {
    auto client = use("get-status-dynamic-qr");
    auto status = client.get_dynamic_qr_status({"V1T123456789", "BILL-1024-01", std::nullopt});
    ASSERT_TRUE(status.ok()) << describe(status.error());
    EXPECT_EQ(status->bill.bill_id, "BILL-1024-01");
    EXPECT_EQ(status->bill.amount, 150000);
    auto gone = client.get_dynamic_qr_status_async({"V1T123456789", "BILL-1024-01", std::nullopt}).get();
    ASSERT_FALSE(gone.ok());
    expect_error(gone.error(), ErrorCode::kProvider, 200, "1003");
  }
  auto client = use("delete-dynamic-qr");
  ASSERT_TRUE(client.delete_dynamic_qr({"V1T123456789", "BILL-1024-01", std::nullopt}).ok());
  auto gone = client.delete_dynamic_qr_async({"V1T123456789", "BILL-1024-01", std::nullopt}).get();
  ASSERT_FALSE(gone.ok());
  expect_error(gone.error(), ErrorCode::kProvider, 200, "1003");
}

TEST_F(TingeeMoreCallsTest, TransactionPaging) {
  auto client = use("transaction-get-paging");
  tingee::GetTransactionPagingRequest r;
  r.start_time = "20260710000000";
  r.end_time = "20260716235959";
  r.max_result_count = 50;
  r.va_account_numbers = {"V1T123456789"};
  auto page = client.get_transaction_paging(r);
  ASSERT_TRUE(page.ok()) << describe(page.error());
  EXPECT_EQ(page->total_count, 2);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].transaction_id, "TXN-88001");
  // A read answered 1001 is retried (ADR 0055); the fixture answers 1001 to every attempt.
  auto limited = client.get_transaction_paging_async(r).get();
  ASSERT_FALSE(limited.ok());
  EXPECT_TRUE(tingee::is_rate_limited(limited.error()));
  EXPECT_EQ(limited.error().attempts, 3);
}

TEST_F(TingeeMoreCallsTest, BanksAsABareArrayOrAnEnvelope) {
  auto client = use("get-banks");
  auto bare = client.get_banks();
  ASSERT_TRUE(bare.ok()) << describe(bare.error());
  ASSERT_GE(bare->banks.size(), 3u);
  EXPECT_EQ(bare->banks[0].bin, "970436");
  auto envelope = client.get_banks_async().get();
  ASSERT_TRUE(envelope.ok()) << describe(envelope.error());
  EXPECT_FALSE(envelope->banks.empty());
  auto refused = client.get_banks();
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(tingee::is_signature_error(refused.error()));
}

// A transport that answers "00" and records the URLs it was asked for.
class UrlRecorder final : public http::Transport {
 public:
  Result<http::Response> send(const http::Request& r) override {
    urls.push_back(r.url);
    return http::Response{200, {}, R"({"code":"00","message":"Success","data":[]})"};
  }
  std::vector<std::string> urls;
};

TEST(TingeeBankPrefix, TheBankGroupFollowsTheConfiguredPrefixDevicePathsDoNot) {
  for (auto prefix : {tingee::BankPathPrefix::kV1, tingee::BankPathPrefix::kV1Bank}) {
    auto recorder = std::make_shared<UrlRecorder>();
    tingee::Config config = test::tingee_config(recorder);
    config.bank_path_prefix = prefix;
    auto client = Client::create(config);
    ASSERT_TRUE(client.ok());
    (void)client->get_banks();
    (void)client->delete_dynamic_qr({"V1T123456789", "BILL-1", std::nullopt});
    tingee::NfcCommandRequest nfc{"D1", "https://x.vn", "vn.x", std::nullopt, std::nullopt, std::nullopt};
    (void)client->nfc_command(nfc);
    const std::string base = std::string(tingee::kUatBaseUrl) + std::string(tingee::path_prefix(prefix));
    ASSERT_EQ(recorder->urls.size(), 3u);
    EXPECT_EQ(recorder->urls[0], base + "/get-banks");
    EXPECT_EQ(recorder->urls[1], base + "/delete-dynamic-qr");
    EXPECT_EQ(recorder->urls[2], std::string(tingee::kUatBaseUrl) + "/v1/device/nfc-command");
  }
}

}  // namespace
