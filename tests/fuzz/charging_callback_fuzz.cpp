// SPDX-License-Identifier: MIT
// libFuzzer target: charging callback verification from an arbitrary query string and body
// (split at the first '\n'). Each input is verified twice: as given (the reject paths), and behind
// a prefix that carries the stored card's binding fields and valid signature, so that the parsing
// and the amount bounds behind the signature check see the input's status and money fields
// (parameters given later — in the input's query or body — win, as in a real callback).
//
// Invariant: a verified result never has money outside what the stored card can be worth.
#include <paygw/charging/callback.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using namespace paygw;

const Secret kKey("PARTNERKEY_TEST_0123456789abcdef");
const charging::Submission kStored{"989876", "VIETTEL", "314688440422676", "10003395125761", 50000};
constexpr Vnd kLargestViettel = 1000000;  // default_denominations()
// md5(key + code + serial), computed with Python's hashlib (as in charging_callback_test.cpp).
const std::string kBinding =
    "request_id=989876&code=314688440422676&serial=10003395125761&telco=VIETTEL&declared_value=50000&"
    "callback_sign=b75685314e405292202a1ee9f9f3e06a&";

void check(const Result<charging::ChargeResult>& r) {
  if (!r) return;
  for (const auto* field : {&r->declared_value, &r->value, &r->card_value, &r->amount}) {
    if (*field && (**field < 0 || **field > kLargestViettel)) std::abort();
  }
  if (r->amount) {
    Vnd face = kStored.declared_value;
    if (r->status != charging::Status::kSuccess && (r->value || r->card_value)) {
      face = std::max(r->value.value_or(0), r->card_value.value_or(0));
    }
    if (*r->amount > face) std::abort();
  }
  charging::ChargeResult pending;
  pending.status_code = 99;
  pending.status = charging::Status::kPending;
  const auto decision = charging::decide(pending, *r);
  if (decision.action == charging::Action::kApply && !r->is_final()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto nl = input.find('\n');
  const std::string query = nl == std::string::npos ? input : input.substr(0, nl);
  const std::string body = nl == std::string::npos ? "" : input.substr(nl + 1);
  check(charging::verify_callback({query, body}, kKey, kStored));
  const std::string bound = kBinding + (query.empty() || query.front() != '?' ? query : query.substr(1));
  check(charging::verify_callback({bound, body}, kKey, kStored));
  return 0;
}
