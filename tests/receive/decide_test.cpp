// SPDX-License-Identifier: MIT
// decide() on duplicates, charging::Status parsing, and how inbound errors are described.
// Callback bodies follow the seed's POST JSON / GET examples (card-charging-v2.txt); the sign is
// md5(partner_key + code + serial) computed with Python's hashlib for the test key.
#include <paygw/charging/callback.hpp>
#include <paygw/charging/models.hpp>
#include <paygw/result.hpp>
#include <paygw/tconnect/envelope.hpp>
#include <paygw/tingee/webhook.hpp>

#include "deliveries.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace paygw;
using charging::Action;
using charging::Status;

const Secret kKey("PARTNERKEY_TEST_0123456789abcdef");
const std::string kSign = "b75685314e405292202a1ee9f9f3e06a";
const charging::Submission kStored{"989876", "VIETTEL", "314688440422676", "10003395125761", 50000};

const std::string kPost =
    R"({"status":1,"message":"Th\u00e0nh c\u00f4ng","request_id":"989876","declared_value":50000,"value":50000,)"
    R"("amount":25000,"code":"314688440422676","serial":"10003395125761","telco":"VIETTEL","trans_id":54180,)"
    R"("callback_sign":"b75685314e405292202a1ee9f9f3e06a"})";
const std::string kGet =
    "status=1&message=Th%C3%A0nh%20c%C3%B4ng&request_id=989876&declared_value=50000&card_value=50000&value=50000&"
    "amount=25000&code=314688440422676&serial=10003395125761&telco=VIETTEL&trans_id=343424&callback_sign=" +
    kSign;

charging::ChargeResult verified(const std::string& query, const std::string& body) {
  auto r = charging::verify_callback({query, body}, kKey, kStored);
  EXPECT_TRUE(r.ok()) << describe(r.error());
  return r.ok() ? *r : charging::ChargeResult{};
}

TEST(ChargingDecideDuplicates, IdenticalDuplicateIsNeverAConflict) {
  const auto post = verified("", kPost);
  const auto d = charging::decide(post, post);
  EXPECT_EQ(d.action, Action::kDuplicate);
  EXPECT_FALSE(d.conflicts);
  // The same result delivered by GET: card_value, trans_id and the message encoding differ in
  // form, none of which is compared.
  const auto get = verified(kGet, "");
  EXPECT_FALSE(charging::decide(post, get).conflicts);
  EXPECT_FALSE(charging::decide(get, post).conflicts);
}

TEST(ChargingDecideDuplicates, ADuplicateThatOnlyAddsAValueIsNotAConflict) {
  // A check result that carries no `value` (the sandbox and some hosts send null), then the
  // callback with it.
  charging::ChargeResult checked = verified("", kPost);
  checked.value.reset();
  checked.card_value.reset();
  const auto callback = verified("", kPost);
  EXPECT_FALSE(charging::decide(checked, callback).conflicts);
  EXPECT_FALSE(charging::decide(callback, checked).conflicts) << "a duplicate lacking a field contradicts nothing";
  charging::ChargeResult no_amount = checked;
  no_amount.amount.reset();
  EXPECT_FALSE(charging::decide(no_amount, callback).conflicts);
}

TEST(ChargingDecideDuplicates, ExactlyStatusAmountAndValueAreCompared) {
  const auto base = verified("", kPost);
  auto changed = base;
  changed.status_code = 2;
  changed.status = Status::kWrongValue;
  EXPECT_TRUE(charging::decide(base, changed).conflicts) << "status";
  changed = base;
  changed.amount = 50000;
  EXPECT_TRUE(charging::decide(base, changed).conflicts) << "amount";
  changed = base;
  changed.value = 20000;
  EXPECT_TRUE(charging::decide(base, changed).conflicts) << "value";
  changed = base;
  changed.trans_id = "other";
  changed.message = "other";
  changed.card_value = 1;
  changed.declared_value = 1;
  changed.telco = "VT";
  changed.json = "{}";
  EXPECT_FALSE(charging::decide(base, changed).conflicts) << "fields that are not compared";
}

TEST(ChargingDecideDuplicates, PendingAfterFinalIsADuplicateWithoutConflict) {
  const auto final_result = verified("", kPost);
  charging::ChargeResult late;
  late.status_code = 99;
  late.status = Status::kPending;
  const auto d = charging::decide(final_result, late);
  EXPECT_EQ(d.action, Action::kDuplicate);
  EXPECT_FALSE(d.conflicts);
}

TEST(ChargingStatus, ParsesEveryNameAndCode) {
  for (Status s : {Status::kSuccess, Status::kWrongValue, Status::kCardError, Status::kMaintenance, Status::kPending,
                   Status::kSubmitFailed, Status::kDuplicateRequest, Status::kNotFound, Status::kUnknown}) {
    EXPECT_EQ(charging::parse_status(charging::to_string(s)), s) << charging::to_string(s);
  }
  EXPECT_EQ(charging::parse_status("1"), Status::kSuccess);
  EXPECT_EQ(charging::parse_status("2"), Status::kWrongValue);
  EXPECT_EQ(charging::parse_status("3"), Status::kCardError);
  EXPECT_EQ(charging::parse_status("4"), Status::kMaintenance);
  EXPECT_EQ(charging::parse_status("99"), Status::kPending);
  EXPECT_EQ(charging::parse_status("100"), Status::kSubmitFailed);
  EXPECT_EQ(charging::parse_status("101"), Status::kNotFound);
  EXPECT_EQ(charging::parse_status("102"), Status::kSubmitFailed) << "102 is a duplicate only with REQUEST_ID_EXISTED";
  EXPECT_EQ(charging::parse_status("7"), Status::kUnknown);
  for (const char* bad : {"", "Success", "SUCCESS", " 1", "1 ", "-1", "1.0", "0x1", "9999999999", "wrong-value"}) {
    EXPECT_EQ(charging::parse_status(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(charging::status_from_code(102, "REQUEST_ID_EXISTED"), Status::kDuplicateRequest);
  EXPECT_EQ(charging::status_from_code(102, "INVALID_SIGNATURE"), Status::kSubmitFailed);
  EXPECT_EQ(charging::status_from_code(-5), Status::kUnknown);
}

TEST(InboundErrors, DescribePrintsNoDeliveryAndNeverMaybeSent) {
  Error e = make_error(ErrorCode::kInvalidSignature, "webhook signature does not match", Delivery::kInbound);
  EXPECT_EQ(describe(e), "invalid_signature: webhook signature does not match");
  EXPECT_FALSE(e.maybe_sent());
  EXPECT_FALSE(e.outcome_unknown());
  e.http_status = 400;
  EXPECT_EQ(describe(e), "invalid_signature: webhook signature does not match (http 400)");
  // Outbound errors still say it.
  EXPECT_EQ(describe(make_error(ErrorCode::kTimeout, "t", Delivery::kMaybeSent)), "timeout: t [maybe sent]");
}

TEST(InboundErrors, WebhookAndIpnFailuresAreInbound) {
  const Secret secret("test-secret-key");
  auto unsigned_payment = tingee::verify_webhook(R"({"transactionCode":"x"})", {}, secret);
  ASSERT_FALSE(unsigned_payment.ok());
  EXPECT_EQ(unsigned_payment.error().delivery, Delivery::kInbound);
  EXPECT_EQ(describe(unsigned_payment.error()).find("sent]"), std::string::npos) << describe(unsigned_payment.error());
  auto forged = tingee::verify_webhook(
      "{}", {{"x-signature", std::string(128, 'a')}, {"x-request-timestamp", "20251110175110111"}}, secret);
  ASSERT_FALSE(forged.ok());
  EXPECT_EQ(forged.error().code, ErrorCode::kInvalidSignature);
  EXPECT_EQ(forged.error().delivery, Delivery::kInbound);

  const std::vector<Secret> keys = {Secret(std::string(64, '0'))};
  for (const char* body : {"", "{}", R"({"data":"zz"})", R"({"data":"00000000000000000000000000000000"})",
                           R"({"data":"0000000000000000000000000000000000000000000000000000000000000000"})"}) {
    auto ipn = tconnect::decode_ipn(body, keys);
    ASSERT_FALSE(ipn.ok()) << body;
    EXPECT_EQ(ipn.error().delivery, Delivery::kInbound) << body;
    EXPECT_FALSE(ipn.error().maybe_sent());
  }
  auto no_key = tconnect::decode_ipn("{}", {});
  EXPECT_EQ(no_key.error().delivery, Delivery::kInbound);
}

}  // namespace

namespace paygw {
namespace {

// Key rotation: a wrong first key leaves valid PKCS#7 padding about once in 256 ciphertexts. decode_ipn
// must then go on to the right key instead of failing the IPN as malformed.
TEST(IpnKeyRotation, AWrongKeyWithValidPaddingDoesNotHideTheRightOne) {
  const std::string right = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  const std::string wrong = "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  int lucky = 0;
  for (int seed = 1; seed <= 4096 && lucky < 3; ++seed) {
    // The padding check reads the last block, so vary the plaintext (the IV alone would not do).
    const auto d = paygw::test::tconnect_ipn("/", right, "ORD-1", 1000, "REQ-" + std::to_string(seed), seed);
    ASSERT_FALSE(tconnect::decode_ipn(d.body, {Secret(wrong)}).ok());
    // Does the wrong key pass the padding check for this IV? (decrypt_envelope says so directly.)
    const std::string data = d.body.substr(9, d.body.size() - 11);
    if (!tconnect::decrypt_envelope(data, Secret(wrong), tconnect::KeyFormat::kHex).ok()) continue;
    ++lucky;
    auto rotated = tconnect::decode_ipn(d.body, {Secret(wrong), Secret(right)});
    ASSERT_TRUE(rotated.ok()) << "seed " << seed << ": " << describe(rotated.error());
    EXPECT_EQ(rotated->order_id, "ORD-1");
  }
  EXPECT_EQ(lucky, 3) << "expected a few IVs where the wrong key leaves valid padding";
}

}  // namespace
}  // namespace paygw
