// SPDX-License-Identifier: MIT
// Tingee webhook verification. The signed payment body and its signature are the fourth signing
// vector (key test-secret-key, timestamp 20260716174026000, a webhook-shaped body; computed with
// Node's crypto and openssl, see tingee_signing_test.cpp); other signatures are computed with OpenSSL's HMAC()
// independently of paygw (test::independent_hmac_sha512_hex).
#include <paygw/tingee/webhook.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace {

using namespace paygw;
using tingee::verify_webhook;

const std::string kTimestamp = "20260716174026000";
const std::string kBody =
    R"({"clientId":"cid","transactionCode":"0400/FT26197KVBJB","amount":2000,"content":"hello","bank":"STB","bankBin":"970403","accountNumber":"040072649119","vaAccountNumber":"TNG60716173559","transactionDate":"20260716174026","additionalData":[]})";
const std::string kSignature =
    "bf464500b44a43b60571e2614e16a00b9eb157e7a6ffdce98ff661ce0918a5f9258bbf127224784c43ee3b014a0b22e22613495004693d1fc5"
    "0398e1b086fd1b";
const Secret kSecret(test::kTestSecret);

http::Headers signed_headers(const std::string& body, const std::string& timestamp = kTimestamp) {
  return {{"Content-Type", "application/json"},
          {"X-Request-Timestamp", timestamp},
          {"X-Signature", test::independent_hmac_sha512_hex(test::kTestSecret, timestamp + ":" + body)}};
}

TEST(TingeeWebhook, SpecVectorPayment) {
  http::Headers headers = {{"x-request-timestamp", kTimestamp}, {"x-signature", kSignature}};
  auto event = verify_webhook(kBody, headers, kSecret);
  ASSERT_TRUE(event.ok()) << describe(event.error());
  EXPECT_EQ(event->kind, tingee::WebhookKind::kPayment);
  EXPECT_TRUE(event->authenticated);
  ASSERT_TRUE(event->payment.has_value());
  const auto& p = *event->payment;
  EXPECT_EQ(p.client_id, "cid");
  EXPECT_EQ(p.transaction_code, "0400/FT26197KVBJB");
  EXPECT_EQ(p.amount, 2000);
  EXPECT_EQ(p.content, "hello");
  EXPECT_EQ(p.bank, "STB");
  EXPECT_EQ(p.bank_bin, "970403");
  EXPECT_EQ(p.account_number, "040072649119");
  EXPECT_EQ(p.va_account_number, "TNG60716173559");
  EXPECT_EQ(p.transaction_date, "20260716174026");
  EXPECT_TRUE(p.additional_data.empty());
}

TEST(TingeeWebhook, UpperCaseHexSignatureAccepted) {
  std::string upper = kSignature;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  auto event = verify_webhook(kBody, {{"x-request-timestamp", kTimestamp}, {"x-signature", upper}}, kSecret);
  EXPECT_TRUE(event.ok());
}

TEST(TingeeWebhook, VerifiesRawBytesNotAReserialisation) {
  // Same JSON value, different bytes (a space): the signature of the compact form must not verify it.
  std::string spaced = kBody;
  spaced.insert(1, " ");
  auto event = verify_webhook(spaced, {{"x-request-timestamp", kTimestamp}, {"x-signature", kSignature}}, kSecret);
  ASSERT_FALSE(event.ok());
  EXPECT_EQ(event.error().code, ErrorCode::kInvalidSignature);
  // ...while a signature over exactly those bytes does.
  EXPECT_TRUE(verify_webhook(spaced, signed_headers(spaced), kSecret).ok());
}

TEST(TingeeWebhook, ForgeriesAreRejected) {
  struct Case {
    std::string body;
    http::Headers headers;
    ErrorCode code;
  };
  std::string tampered_amount = kBody;
  tampered_amount.replace(tampered_amount.find("2000"), 4, "9000");
  std::string wrong_sig = kSignature;
  wrong_sig[0] = wrong_sig[0] == 'b' ? 'c' : 'b';
  const Case cases[] = {
      {tampered_amount,
       {{"x-request-timestamp", kTimestamp}, {"x-signature", kSignature}},
       ErrorCode::kInvalidSignature},
      {kBody,
       {{"x-request-timestamp", "20260716174026001"}, {"x-signature", kSignature}},
       ErrorCode::kInvalidSignature},
      {kBody, {{"x-request-timestamp", kTimestamp}, {"x-signature", wrong_sig}}, ErrorCode::kInvalidSignature},
      {kBody,
       {{"x-request-timestamp", kTimestamp}, {"x-signature", kSignature.substr(2)}},
       ErrorCode::kInvalidSignature},
      {kBody,
       {{"x-request-timestamp", kTimestamp}, {"x-signature", std::string(128, 'g')}},
       ErrorCode::kInvalidSignature},
      {kBody, {{"x-request-timestamp", kTimestamp}}, ErrorCode::kMissingSignature},
      {kBody, {{"x-request-timestamp", kTimestamp}, {"x-signature", ""}}, ErrorCode::kMissingSignature},
      {kBody, {{"x-signature", kSignature}}, ErrorCode::kBadTimestamp},
      {kBody, {{"x-request-timestamp", "2026071617402600"}, {"x-signature", kSignature}}, ErrorCode::kBadTimestamp},
      {kBody, {{"x-request-timestamp", "2026071617402600x"}, {"x-signature", kSignature}}, ErrorCode::kBadTimestamp},
      {kBody, {{"x-request-timestamp", "20260230174026000"}, {"x-signature", kSignature}}, ErrorCode::kBadTimestamp},
  };
  for (const auto& c : cases) {
    auto event = verify_webhook(c.body, c.headers, kSecret);
    ASSERT_FALSE(event.ok());
    EXPECT_EQ(event.error().code, c.code) << describe(event.error());
    // The error never echoes the signature it was given.
    EXPECT_EQ(event.error().message.find(kSignature.substr(0, 16)), std::string::npos);
  }
  // A different secret.
  auto other = verify_webhook(kBody, {{"x-request-timestamp", kTimestamp}, {"x-signature", kSignature}}, Secret("x"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kInvalidSignature);
}

TEST(TingeeWebhook, UnsignedPingIsRecognisedButNotAuthenticated) {
  const std::string ping = R"({"event":"ping","message":"Tingee Webhook Connection Test","timestamp":1784197626000})";
  auto event = verify_webhook(ping, {{"Content-Type", "application/json"}}, kSecret);
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->kind, tingee::WebhookKind::kPing);
  EXPECT_FALSE(event->authenticated);
  ASSERT_TRUE(event->ping.has_value());
  EXPECT_EQ(event->ping->message, "Tingee Webhook Connection Test");
  EXPECT_EQ(event->ping->timestamp_ms, 1784197626000);
  EXPECT_FALSE(event->payment.has_value());
}

TEST(TingeeWebhook, UnsignedPaymentDisguisedAsPingCarriesNoPayment) {
  // An attacker cannot smuggle a payment through the unsigned ping path.
  const std::string body =
      R"({"event":"ping","transactionCode":"X","amount":1,"accountNumber":"1","transactionDate":"1"})";
  auto event = verify_webhook(body, {}, kSecret);
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->kind, tingee::WebhookKind::kPing);
  EXPECT_FALSE(event->payment.has_value());
  EXPECT_FALSE(event->authenticated);
}

TEST(TingeeWebhook, SignedBankLinkEvent) {
  const std::string body =
      R"({"requestId":"REQ-1","status":"confirm-va-success","vaAccountNumber":"TNG60716171228","accountNumber":"0123456789","accountName":"NGUYEN VAN A"})";
  auto event = verify_webhook(body, signed_headers(body), kSecret);
  ASSERT_TRUE(event.ok()) << describe(event.error());
  EXPECT_EQ(event->kind, tingee::WebhookKind::kBankLink);
  ASSERT_TRUE(event->bank_link.has_value());
  EXPECT_EQ(event->bank_link->status, tingee::BankLinkStatus::kConfirmVaSuccess);
  EXPECT_EQ(event->bank_link->request_id, "REQ-1");
  EXPECT_EQ(event->bank_link->account_name, "NGUYEN VAN A");
}

TEST(TingeeWebhook, AdditionalDataShapes) {
  const std::string body =
      R"({"transactionCode":"T1","amount":150000,"accountNumber":"1","transactionDate":"20260716174026","bank":"BIDV","additionalData":[{"name":"billId","value":"B-1"},{"orderRef":"O-9","n":3}]})";
  auto event = verify_webhook(body, signed_headers(body), kSecret);
  ASSERT_TRUE(event.ok()) << describe(event.error());
  const auto& extra = event->payment->additional_data;
  ASSERT_EQ(extra.size(), 2u);
  EXPECT_EQ(extra[0], std::make_pair(std::string("billId"), std::string("B-1")));
  EXPECT_EQ(extra[1], std::make_pair(std::string("orderRef"), std::string("O-9")));
}

// The direction: absent on the webhooks observed (credits); "DEBIT" as the transaction list names
// it (ADR 0039). Before, the member was dropped and a debit read like any credit.
TEST(TingeeWebhook, PaymentTypeIsKeptAndANonStringTypeIsMalformed) {
  const std::string credit = R"({"transactionCode":"T1","amount":1,"accountNumber":"1","transactionDate":"d"})";
  auto event = verify_webhook(credit, signed_headers(credit), kSecret);
  ASSERT_TRUE(event.ok()) << describe(event.error());
  EXPECT_EQ(event->payment->type, "");
  const std::string debit =
      R"({"transactionCode":"T1","amount":1,"accountNumber":"1","transactionDate":"d","type":"DEBIT"})";
  event = verify_webhook(debit, signed_headers(debit), kSecret);
  ASSERT_TRUE(event.ok()) << describe(event.error());
  EXPECT_EQ(event->payment->type, "DEBIT");
  const std::string other =
      R"({"transactionCode":"T1","amount":1,"accountNumber":"1","transactionDate":"d","transactionType":"DEBIT"})";
  event = verify_webhook(other, signed_headers(other), kSecret);
  ASSERT_TRUE(event.ok()) << describe(event.error());
  EXPECT_EQ(event->payment->type, "DEBIT");
  const std::string number =
      R"({"transactionCode":"T1","amount":1,"accountNumber":"1","transactionDate":"d","type":1})";
  event = verify_webhook(number, signed_headers(number), kSecret);
  ASSERT_FALSE(event.ok());
  EXPECT_EQ(event.error().code, ErrorCode::kMalformed);
}

TEST(TingeeWebhook, SignedButMalformedBodies) {
  const std::string bodies[] = {
      "not json",
      "[]",
      R"({"hello":"world"})",
      R"({"transactionCode":"T1","amount":20.5,"accountNumber":"1","transactionDate":"d"})",
      R"({"transactionCode":"T1","amount":-1,"accountNumber":"1","transactionDate":"d"})",
      R"({"transactionCode":"T1","amount":"2000","accountNumber":"1","transactionDate":"d"})",
      R"({"transactionCode":"","amount":1,"accountNumber":"1","transactionDate":"d"})",
      R"({"transactionCode":"T1","amount":1,"transactionDate":"d"})",
      "",
  };
  for (const auto& body : bodies) {
    auto event = verify_webhook(body, signed_headers(body), kSecret);
    ASSERT_FALSE(event.ok()) << body;
    EXPECT_EQ(event.error().code, ErrorCode::kMalformed) << body;
  }
}

TEST(TingeeWebhook, AmountsBeyondKMaxAmountVndAreMalformed) {
  auto body = [](const std::string& amount) {
    return R"({"transactionCode":"T1","amount":)" + amount + R"(,"accountNumber":"1","transactionDate":"d"})";
  };
  for (const char* amount : {"9007199254740993", "9007199254740992", "18446744073709551615", "1e16", "-0.5"}) {
    const std::string b = body(amount);
    auto event = verify_webhook(b, signed_headers(b), kSecret);
    ASSERT_FALSE(event.ok()) << amount;
    EXPECT_EQ(event.error().code, ErrorCode::kMalformed) << amount;
  }
  for (const auto& [amount, expected] :
       {std::pair<const char*, std::int64_t>{"9007199254740991", 9007199254740991}, {"0", 0}, {"150000.0", 150000}}) {
    const std::string b = body(amount);
    auto event = verify_webhook(b, signed_headers(b), kSecret);
    ASSERT_TRUE(event.ok()) << amount << ": " << describe(event.error());
    EXPECT_EQ(event->payment->amount, expected);
  }
}

TEST(TingeeWebhook, OptionalFreshnessWindowBothDirections) {
  tingee::WebhookOptions options;
  options.max_age = std::chrono::minutes(10);
  // kTimestamp is 2026-07-16 17:40:26.000 in Vietnam = 10:40:26Z (date -u -d 2026-07-16T10:40:26Z +%s = 1784198426).
  const auto sent = std::chrono::system_clock::time_point(std::chrono::seconds(1784198426));
  auto clock = std::make_shared<FixedClock>(sent + std::chrono::minutes(9));
  options.clock = clock;
  const http::Headers headers = {{"x-request-timestamp", kTimestamp}, {"x-signature", kSignature}};
  EXPECT_TRUE(verify_webhook(kBody, headers, kSecret, options).ok());
  clock->set(sent + std::chrono::minutes(11));
  EXPECT_EQ(verify_webhook(kBody, headers, kSecret, options).error().code, ErrorCode::kBadTimestamp);
  clock->set(sent - std::chrono::minutes(11));
  EXPECT_EQ(verify_webhook(kBody, headers, kSecret, options).error().code, ErrorCode::kBadTimestamp);
  // Without a window, an old delivery (Tingee retries) still verifies.
  EXPECT_TRUE(verify_webhook(kBody, headers, kSecret).ok());
}

TEST(TingeeWebhook, EmptySecretIsAConfigurationError) {
  auto event = verify_webhook(kBody, {{"x-request-timestamp", kTimestamp}, {"x-signature", kSignature}}, Secret());
  ASSERT_FALSE(event.ok());
  EXPECT_EQ(event.error().code, ErrorCode::kConfig);
}

}  // namespace

namespace {

// Found by tingee_fuzz: a year beyond what system_clock can hold overflowed the conversion.
TEST(TingeeWebhook, FarFutureTimestampIsRejectedNotOverflowed) {
  const std::string body = R"({"event":"ping"})";
  for (const char* ts : {"99991231235959999", "21010101000000000", "19691231235959999"}) {
    const std::string t = ts;
    auto r = paygw::tingee::verify_webhook(body, {{"x-request-timestamp", t}, {"x-signature", std::string(128, 'a')}},
                                           paygw::Secret("k"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code,
              t == "21010101000000000" ? paygw::ErrorCode::kInvalidSignature : paygw::ErrorCode::kBadTimestamp)
        << t;
  }
}

}  // namespace
