// SPDX-License-Identifier: MIT
// TConnect's undocumented, third-party-observed endpoints (ADR 0036): transaction/qr/order/status
// and transaction/qr/generate against fixtures (every request body decrypted independently and
// compared with the fixture's payload), their validation, the parser's fail-closed rules, and the
// PNG of a generated QR decoded into bytes.
#include <paygw/tconnect/client.hpp>

#include "support.hpp"
#include "tconnect/codec.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace {

using namespace paygw;

class TconnectOrderStatusTest : public ::testing::Test {
 protected:
  tconnect::Client use(const std::string& fixture) {
    replay_ = test::tconnect_replay("tconnect/" + fixture + ".json");
    return test::tconnect_client(replay_);
  }
  void TearDown() override {
    if (replay_) {
      EXPECT_EQ(replay_->report(), "") << "the replay did not go as scripted";
    }
  }
  std::shared_ptr<paygw::testing::ReplayTransport> replay_;
};

TEST_F(TconnectOrderStatusTest, AnOrdersTransactionsAreListedUnderIt) {
  auto client = use("order-status");
  auto status = client.order_status({"ORD-1001", "VA100023312", ""});
  ASSERT_TRUE(status.ok()) << describe(status.error());
  EXPECT_EQ(status->message, "success");
  EXPECT_EQ(status->order_id, "ORD-1001");
  EXPECT_EQ(status->acc_no, "VA100023312");
  EXPECT_EQ(status->total_amount_paid, 150000);
  ASSERT_EQ(status->transactions.size(), 2u);
  const auto& paid = status->transactions[1];
  EXPECT_EQ(paid.order_id, "ORD-1001") << "an item without order_id is the order's";
  EXPECT_EQ(paid.request_id, "REQ-9");
  EXPECT_EQ(paid.status, "SUCCESS");
  EXPECT_EQ(paid.amount, 150000) << "a digit string, as in the lists";
  EXPECT_EQ(paid.trn_ref_no, "FT26007123456");
  EXPECT_EQ(status->transactions[0].status, "PENDING");

  auto empty = client.order_status_async({"ORD-1002", "", ""}).get();
  ASSERT_TRUE(empty.ok()) << describe(empty.error());
  EXPECT_TRUE(empty->transactions.empty());
  EXPECT_EQ(empty->total_amount_paid, 0);
}

TEST_F(TconnectOrderStatusTest, GenerateQrReturnsTheQrAndItsPng) {
  auto client = use("generate-qr");
  tconnect::GenerateQrRequest req{"5f1c0d3e9a8b4c7d8e6f5a4b3c2d1e0f", "ORD-1001", "VA100023312", "970454", 150000, ""};
  auto qr = client.generate_qr(req);
  ASSERT_TRUE(qr.ok()) << describe(qr.error());
  EXPECT_TRUE(qr->dynamic);
  EXPECT_EQ(qr->qr_content.rfind("000201010212", 0), 0u);
  auto png = tconnect::decode_qr_png(*qr);
  ASSERT_TRUE(png.ok()) << describe(png.error());
  EXPECT_EQ(png->size(), 67u);
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png->substr(12, 4), "IHDR");

  req.req_id = "5f1c0d3e9a8b4c7d8e6f5a4b3c2d1e10";
  req.service_code = "other-qr";
  auto bad = client.generate_qr_async(req).get();
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().http_status, 400);
  EXPECT_EQ(bad.error().message, "Invalid service code");
  EXPECT_EQ(bad.error().attempts, 1) << "a write";
}

TEST(TconnectOrderStatusValidation, NothingIsSentForAnInvalidRequest) {
  auto replay = std::make_shared<paygw::testing::ReplayTransport>();
  auto c = test::tconnect_client(replay);
  auto expect_invalid = [](const auto& r, const std::string& fragment) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(r.error().message.find(fragment), std::string::npos) << r.error().message;
  };
  expect_invalid(c.order_status({"", "VA1", ""}), "order_id");
  expect_invalid(c.order_status({std::string(65, 'o'), "VA1", ""}), "order_id");
  expect_invalid(c.order_status({"ORD-1", "VA1", "bad\ncode"}), "service_code");
  const tconnect::GenerateQrRequest ok{"R1", "ORD-1", "VA1", "970454", 1000, ""};
  auto with = [&](auto change) {
    auto r = ok;
    change(r);
    return c.generate_qr(r);
  };
  expect_invalid(with([](auto& r) { r.req_id.clear(); }), "req_id");
  expect_invalid(with([](auto& r) { r.order_id.clear(); }), "order_id");
  expect_invalid(with([](auto& r) { r.va.clear(); }), "va");
  expect_invalid(with([](auto& r) { r.bincode = "97045"; }), "bincode");
  expect_invalid(with([](auto& r) { r.amount = 0; }), "amount");
  expect_invalid(with([](auto& r) { r.amount = kMaxAmountVnd + 1; }), "amount");
  EXPECT_TRUE(replay->requests().empty()) << "an invalid request reached the transport";
}

Result<tconnect::OrderStatus> parse(const std::string& body) {
  return tconnect::detail::parse_order_status(tconnect::detail::Json::parse(body));
}

TEST(TconnectOrderStatusParse, ShapesAndFailClosedRules) {
  // tx_data inside "data", an item naming another order keeps it.
  auto wrapped = parse(
      R"({"data":{"message":"ok","tx_data":{"order_id":"A","transactions":[{"order_id":"B","amount":1},{"amount":2}]}}})");
  ASSERT_TRUE(wrapped.ok()) << describe(wrapped.error());
  EXPECT_EQ(wrapped->message, "ok");
  ASSERT_EQ(wrapped->transactions.size(), 2u);
  EXPECT_EQ(wrapped->transactions[0].order_id, "B");
  EXPECT_EQ(wrapped->transactions[1].order_id, "A");
  // Nothing known yet.
  for (const char* none : {R"({"message":"not found"})", R"({"tx_data":null})", R"({"tx_data":{"order_id":"A"}})"}) {
    auto r = parse(none);
    ASSERT_TRUE(r.ok()) << none;
    EXPECT_TRUE(r->transactions.empty()) << none;
  }
  // Unreadable: never an empty answer in its place.
  for (const char* bad : {R"([])", R"({"tx_data":[]})", R"({"tx_data":{"transactions":{}}})",
                          R"({"tx_data":{"transactions":[1]}})", R"({"tx_data":{"transactions":[{"amount":"1.5"}]}})",
                          R"({"tx_data":{"total_amount_paid":-1,"transactions":[]}})"}) {
    auto r = parse(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << bad;
    EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent) << bad;
  }
}

TEST(TconnectQrPng, Base64AndTheSignatureAreChecked) {
  tconnect::Qr qr;
  EXPECT_EQ(tconnect::decode_qr_png(qr).error().code, ErrorCode::kMalformed) << "no image";
  qr.image_png_base64 = "data:image/png;base64,iVBORw0KGgo=";
  auto png = tconnect::decode_qr_png(qr);
  ASSERT_TRUE(png.ok()) << describe(png.error());
  EXPECT_EQ(*png, std::string("\x89PNG\r\n\x1a\n", 8));
  qr.image_png_base64 = "iVBORw0KGgo";  // padding is optional
  EXPECT_TRUE(tconnect::decode_qr_png(qr).ok());
  for (const char* bad : {"iVBOR w0KGgo=", "iVBORw0KGgp=", "R0lGODlhAQABAAAAACw=", "iVBORw0KGg"}) {
    qr.image_png_base64 = bad;
    auto r = tconnect::decode_qr_png(qr);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << bad;
  }
  // RFC 4648 test vectors.
  EXPECT_EQ(tconnect::detail::base64_decode("Zm9vYmFy"), "foobar");
  EXPECT_EQ(tconnect::detail::base64_decode("Zm9vYg=="), "foob");
  EXPECT_EQ(tconnect::detail::base64_decode("Zg"), "f");
  EXPECT_EQ(tconnect::detail::base64_decode(""), "");
  EXPECT_FALSE(tconnect::detail::base64_decode("Z").has_value());
}

}  // namespace
