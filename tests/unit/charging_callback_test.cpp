// SPDX-License-Identifier: MIT
// Card-charging callbacks. Bodies follow the seed's POST JSON and GET examples
// (card-charging-v2.txt); signatures are md5(partner_key + code + serial) computed with Python's
// hashlib for the test key: b75685314e405292202a1ee9f9f3e06a.
#include <paygw/charging/callback.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace {

using namespace paygw;
using charging::Action;
using charging::Status;
using charging::verify_callback;

const Secret kKey("PARTNERKEY_TEST_0123456789abcdef");
const std::string kSign = "b75685314e405292202a1ee9f9f3e06a";
const charging::Submission kStored{"989876", "VIETTEL", "314688440422676", "10003395125761", 50000};

std::string post_body(const std::string& status = "1", const std::string& amount = "25000",
                      const std::string& sign = kSign) {
  return R"({"status":)" + status +
         R"(,"message":"Th\u00e0nh c\u00f4ng","request_id":"989876","declared_value":50000,"value":50000,"amount":)" +
         amount +
         R"(,"code":"314688440422676","serial":"10003395125761","telco":"VIETTEL","trans_id":54180,"callback_sign":")" +
         sign + R"("})";
}

const std::string kGetQuery =
    "status=1&message=Th%C3%A0nh%20c%C3%B4ng&request_id=989876&declared_value=50000&card_value=50000&value=50000&"
    "amount=25000&code=314688440422676&serial=10003395125761&telco=VIETTEL&trans_id=343424&callback_sign=" +
    kSign;

TEST(ChargingCallback, PostJson) {
  auto r = verify_callback({"", post_body()}, kKey, kStored);
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(r->status, Status::kSuccess);
  EXPECT_EQ(r->message, "Thành công");
  EXPECT_EQ(r->request_id, "989876");
  EXPECT_EQ(r->declared_value, 50000);
  EXPECT_EQ(r->value, 50000);
  EXPECT_EQ(r->amount, 25000);
  EXPECT_EQ(r->card_value, std::nullopt);
  EXPECT_EQ(r->trans_id, "54180");
  EXPECT_TRUE(r->credits());
  EXPECT_EQ(r->json.find("314688440422676"), std::string::npos);
  EXPECT_EQ(r->json.find(kSign), std::string::npos);
}

TEST(ChargingCallback, GetQueryWithUrlEncodedUtf8) {
  auto r = verify_callback({"?" + kGetQuery, ""}, kKey, kStored);
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(r->status, Status::kSuccess);
  EXPECT_EQ(r->message, "Thành công");
  EXPECT_EQ(r->card_value, 50000);
  EXPECT_EQ(r->amount, 25000);
  EXPECT_EQ(r->trans_id, "343424");
  // '+' for spaces, as form encoding writes them.
  std::string plus = kGetQuery;
  plus.replace(plus.find("%20"), 3, "+");
  auto p = verify_callback({plus, ""}, kKey, kStored);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->message, "Thành công");
}

TEST(ChargingCallback, FormEncodedPostAndAlternativeSignatureName) {
  std::string form = kGetQuery;
  form.replace(form.find("callback_sign="), 14, "sign=");
  auto r = verify_callback({"", form}, kKey, kStored);
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(r->status, Status::kSuccess);
}

TEST(ChargingCallback, StringAndNumberFieldsAreEquivalent) {
  const std::string strings =
      R"({"status":"2","message":"Sai mệnh giá","request_id":"989876","declared_value":"50000","value":"20000","amount":"10000.0","code":"314688440422676","serial":"10003395125761","telco":"viettel","trans_id":"54180","callback_sign":")" +
      kSign + R"("})";
  auto r = verify_callback({"", strings}, kKey, kStored);
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(r->status, Status::kWrongValue);
  EXPECT_EQ(r->value, 20000);
  EXPECT_EQ(r->amount, 10000);
  const std::string nulls =
      R"({"status":3,"message":"Thẻ lỗi","request_id":"989876","declared_value":50000,"value":null,"amount":"","code":"314688440422676","serial":"10003395125761","telco":"VIETTEL","callback_sign":")" +
      kSign + R"("})";
  auto n = verify_callback({"", nulls}, kKey, kStored);
  ASSERT_TRUE(n.ok()) << describe(n.error());
  EXPECT_EQ(n->status, Status::kCardError);
  EXPECT_EQ(n->value, std::nullopt);
  EXPECT_EQ(n->amount, std::nullopt);
}

TEST(ChargingCallback, UpperCaseSignatureAccepted) {
  std::string upper = kSign;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  EXPECT_TRUE(verify_callback({"", post_body("1", "25000", upper)}, kKey, kStored).ok());
}

TEST(ChargingCallback, ForgedMissingOrOddSignaturesFailClosed) {
  std::string forged = kSign;
  forged[0] = forged[0] == 'b' ? 'c' : 'b';
  const std::pair<std::string, ErrorCode> cases[] = {
      {post_body("1", "25000", forged), ErrorCode::kInvalidSignature},
      {post_body("1", "25000", kSign.substr(1)), ErrorCode::kInvalidSignature},
      {post_body("1", "25000", kSign + "0"), ErrorCode::kInvalidSignature},
      {post_body("1", "25000", std::string(32, 'z')), ErrorCode::kInvalidSignature},
      {post_body("1", "25000", ""), ErrorCode::kMissingSignature},
      {R"({"status":1,"request_id":"989876"})", ErrorCode::kMissingSignature},
      {"{not json", ErrorCode::kMalformed},
  };
  for (const auto& [body, code] : cases) {
    auto r = verify_callback({"", body}, kKey, kStored);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.error().code, code) << body << ": " << r.error().message;
    EXPECT_EQ(r.error().message.find(kSign), std::string::npos);
  }
  auto wrong_key = verify_callback({"", post_body()}, Secret("another-key"), kStored);
  ASSERT_FALSE(wrong_key.ok());
  EXPECT_EQ(wrong_key.error().code, ErrorCode::kInvalidSignature);
  EXPECT_EQ(verify_callback({"", ""}, kKey, kStored).error().code, ErrorCode::kMissingSignature);
}

TEST(ChargingCallback, BoundToTheStoredSubmission) {
  // The signature covers only code + serial, so a valid signature alone proves little: every
  // field must match the stored submission.
  auto other = [](charging::Submission s) { return s; };
  charging::Submission request = kStored;
  request.request_id = "989877";
  charging::Submission telco = kStored;
  telco.telco = "VINAPHONE";
  charging::Submission declared = kStored;
  declared.declared_value = 100000;
  charging::Submission serial = kStored;
  serial.serial = "10003395125762";  // the signature is computed from the stored serial: mismatch
  for (const auto& [submission, fragment] : {std::pair<charging::Submission, const char*>{other(request), "request_id"},
                                             {telco, "telco"},
                                             {declared, "declared_value"},
                                             {serial, "signature"}}) {
    auto r = verify_callback({"", post_body()}, kKey, submission);
    ASSERT_FALSE(r.ok()) << fragment;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidSignature);
    EXPECT_NE(r.error().message.find(fragment), std::string::npos) << r.error().message;
  }
  // A callback without declared_value cannot be bound.
  std::string no_declared = post_body();
  no_declared.erase(no_declared.find(R"("declared_value":50000,)"), 23);
  EXPECT_EQ(verify_callback({"", no_declared}, kKey, kStored).error().code, ErrorCode::kInvalidSignature);
}

TEST(ChargingCallback, NonIntegerStatusOrMoneyIsMalformed) {
  EXPECT_EQ(verify_callback({"", post_body(R"("ok")")}, kKey, kStored).error().code, ErrorCode::kMalformed);
  EXPECT_EQ(verify_callback({"", post_body("1", "25000.5")}, kKey, kStored).error().code, ErrorCode::kMalformed);
  EXPECT_EQ(verify_callback({"", post_body("1", R"("abc")")}, kKey, kStored).error().code, ErrorCode::kMalformed);
}

// The signature covers no amount, so a validly signed callback can carry any amount: money out of
// range, or more than the card can be worth, must never become a crediting result.
TEST(ChargingCallback, OutOfRangeAmountsAreMalformedNeverCredited) {
  const std::string kSignPart = "&code=314688440422676&serial=10003395125761&telco=VIETTEL&callback_sign=" + kSign;
  const std::string get_cases[] = {
      "status=1&amount=-42000&request_id=989876&declared_value=50000&value=50000",
      "status=1&amount=-0.0&request_id=989876&declared_value=50000&value=-50000",
      "status=2&amount=25000&request_id=989876&declared_value=50000&value=50000&card_value=-1",
      "status=1&amount=100000000000000000&request_id=989876&declared_value=50000&value=50000",
      "status=1&amount=9007199254740992&request_id=989876&declared_value=50000&value=50000",
      "status=1&amount=99999999999999999999999&request_id=989876&declared_value=50000&value=50000",
  };
  for (const auto& query : get_cases) {
    auto r = verify_callback({query + kSignPart, ""}, kKey, kStored);
    ASSERT_FALSE(r.ok()) << query;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << query << ": " << r.error().message;
  }
  // In range for the type, impossible for the card: more than the 50 000 card is worth, or a
  // value above the largest VIETTEL card (1 000 000 in default_denominations()).
  const std::pair<std::string, std::string> post_cases[] = {
      {"1", "100000000000000000"},  // 10^17 against a declared 50 000
      {"1", "9007199254740991"},    // kMaxAmountVnd itself: still far more than the card
      {"1", "50001"},
      {"99", "60000"},  // not even as an expected payout
  };
  for (const auto& [status, amount] : post_cases) {
    auto r = verify_callback({"", post_body(status, amount)}, kKey, kStored);
    ASSERT_FALSE(r.ok()) << status << " " << amount;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << amount << ": " << r.error().message;
  }
  std::string big_value = post_body("2", "900000");
  big_value.replace(big_value.find(R"("value":50000)"), 13, R"("value":2000000)");
  EXPECT_EQ(verify_callback({"", big_value}, kKey, kStored).error().code, ErrorCode::kMalformed);
  // The edges that are possible stay accepted: no fee at all, nothing credited, and a wrong
  // declared value whose real card (value) is worth more than declared.
  EXPECT_TRUE(verify_callback({"", post_body("1", "50000")}, kKey, kStored).ok());
  EXPECT_TRUE(verify_callback({"", post_body("3", "0")}, kKey, kStored).ok());
  std::string real_bigger = post_body("2", "80000");
  real_bigger.replace(real_bigger.find(R"("value":50000)"), 13, R"("value":100000)");
  auto wrong_value = verify_callback({"", real_bigger}, kKey, kStored);
  ASSERT_TRUE(wrong_value.ok()) << describe(wrong_value.error());
  EXPECT_EQ(wrong_value->amount, 80000);
}

TEST(ChargingCallback, DenominationsMustCoverTheStoredCard) {
  charging::CallbackOptions none;
  none.denominations.erase("VIETTEL");
  EXPECT_EQ(verify_callback({"", post_body()}, kKey, kStored, none).error().code, ErrorCode::kConfig);
  charging::CallbackOptions small;
  small.denominations["VIETTEL"] = {10000, 20000};  // the stored card is 50 000
  EXPECT_EQ(verify_callback({"", post_body()}, kKey, kStored, small).error().code, ErrorCode::kConfig);
  charging::CallbackOptions bigger;
  bigger.denominations["VIETTEL"] = {50000, 5000000};
  std::string big_value = post_body("2", "2500000");
  big_value.replace(big_value.find(R"("value":50000)"), 13, R"("value":3000000)");
  auto r = verify_callback({"", big_value}, kKey, kStored, bigger);
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(r->amount, 2500000);
  EXPECT_EQ(verify_callback({"", big_value}, kKey, kStored).error().code, ErrorCode::kMalformed);
}

charging::ChargeResult pending() {
  charging::ChargeResult r;
  r.status_code = 99;
  r.status = Status::kPending;
  return r;
}

TEST(ChargingDecide, PendingThenFinalExactlyOnce) {
  auto ninety_nine = verify_callback({"", post_body("99", "35000")}, kKey, kStored);
  ASSERT_TRUE(ninety_nine.ok());
  EXPECT_EQ(ninety_nine->status, Status::kPending);
  EXPECT_FALSE(ninety_nine->credits()) << "a pending amount is never credited";
  EXPECT_EQ(charging::decide(pending(), *ninety_nine).action, Action::kIgnore);

  auto final_result = verify_callback({"", post_body()}, kKey, kStored);
  ASSERT_TRUE(final_result.ok());
  const auto first = charging::decide(pending(), *final_result);
  EXPECT_EQ(first.action, Action::kApply);
  EXPECT_FALSE(first.conflicts);

  // The merchant stored the final result; the same callback delivered again is a duplicate.
  const charging::ChargeResult stored = *final_result;
  const auto again = charging::decide(stored, *final_result);
  EXPECT_EQ(again.action, Action::kDuplicate);
  EXPECT_FALSE(again.conflicts);
  // A late pending callback after the final one changes nothing either.
  EXPECT_EQ(charging::decide(stored, *ninety_nine).action, Action::kDuplicate);
}

TEST(ChargingDecide, ReplayWithChangedStatusOrAmountIsADuplicateNeverACredit) {
  // A card error is final. An attacker replays the (validly signed) callback with status 1 and a
  // bigger amount: the signature still verifies because it does not cover them...
  auto card_error = verify_callback({"", post_body("3", "0")}, kKey, kStored);
  ASSERT_TRUE(card_error.ok());
  auto forged = verify_callback({"", post_body("1", "50000")}, kKey, kStored);
  ASSERT_TRUE(forged.ok());
  // ...but the stored state turns it into a conflicting duplicate, not a credit.
  const auto d = charging::decide(*card_error, *forged);
  EXPECT_EQ(d.action, Action::kDuplicate);
  EXPECT_TRUE(d.conflicts);
  auto success = verify_callback({"", post_body("1", "25000")}, kKey, kStored);
  const auto more = charging::decide(*success, *forged);
  EXPECT_EQ(more.action, Action::kDuplicate);
  EXPECT_TRUE(more.conflicts) << "same status, different amount";
}

TEST(ChargingDecide, UnknownStatusNeverApplies) {
  auto weird = verify_callback({"", post_body("42")}, kKey, kStored);
  ASSERT_TRUE(weird.ok());
  EXPECT_EQ(weird->status, Status::kUnknown);
  EXPECT_FALSE(weird->credits());
  EXPECT_EQ(charging::decide(pending(), *weird).action, Action::kIgnore);
}

}  // namespace
