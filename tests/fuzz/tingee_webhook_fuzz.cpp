// SPDX-License-Identifier: MIT
// libFuzzer target: Tingee webhook verification with arbitrary headers — names and values from
// the input, so duplicates, case variants, empty and odd names are all tried — and an arbitrary
// body. Each input is verified as given, then again with a valid signature (over its own
// x-request-timestamp, found case-insensitively, or a fixed one) put first, so the parsers behind
// the signature check are reached. Input layout (FuzzedDataProvider): a header count 0..8 and a
// window flag from the end; header names/values, then the body, from the front.
//
// Invariants: an unauthenticated event is a ping and carries no payment; a payment's amount is
// within 0..kMaxAmountVnd.
#include <paygw/tingee/client.hpp>
#include <paygw/tingee/webhook.hpp>

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

namespace {

using namespace paygw;

void check(const Result<tingee::WebhookEvent>& event) {
  if (!event) return;
  if (!event->authenticated && (event->kind != tingee::WebhookKind::kPing || event->payment)) std::abort();
  if (event->payment && (event->payment->amount < 0 || event->payment->amount > kMaxAmountVnd)) std::abort();
  if ((event->kind == tingee::WebhookKind::kPayment) != event->payment.has_value()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const Secret secret("fuzz-secret");
  const int count = in.ConsumeIntegralInRange<int>(0, 8);
  const bool windowed = in.ConsumeBool();
  http::Headers headers;
  for (int i = 0; i < count; ++i) {
    std::string name = in.ConsumeRandomLengthString(32);
    std::string value = in.ConsumeRandomLengthString(256);
    headers.emplace_back(std::move(name), std::move(value));
  }
  const std::string body = in.ConsumeRemainingBytesAsString();

  tingee::WebhookOptions options;
  if (windowed) {
    options.max_age = std::chrono::minutes(10);
    // 2026-07-16T10:40:26Z = 20260716174026000 in Vietnam.
    options.clock =
        std::make_shared<FixedClock>(std::chrono::system_clock::time_point(std::chrono::seconds(1784198426)));
  }
  check(tingee::verify_webhook(body, headers, secret, options));

  const std::string* ts = http::find_header(headers, "x-request-timestamp");
  const std::string timestamp = ts != nullptr ? *ts : "20260716174026000";
  auto signature = tingee::sign(secret, timestamp, body);
  if (!signature) return 0;
  http::Headers signed_headers = {{"X-Signature", *signature}};
  if (ts == nullptr) signed_headers.emplace_back("x-request-timestamp", timestamp);
  signed_headers.insert(signed_headers.end(), headers.begin(), headers.end());
  check(tingee::verify_webhook(body, signed_headers, secret, options));
  return 0;
}
