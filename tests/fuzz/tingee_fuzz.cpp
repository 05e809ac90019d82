// SPDX-License-Identifier: MIT
// libFuzzer target: Tingee webhook verification and response parsing (envelopes, every data parser,
// get-banks' bare array).
// Input layout: line 1 = x-request-timestamp, line 2 = x-signature, the rest = body. Inputs whose
// signature is wrong exercise the reject paths; the target also signs the body itself so that the
// parser behind the signature check is reached.
#include <paygw/tingee/client.hpp>
#include <paygw/tingee/webhook.hpp>

#include "tingee/codec.hpp"
#include "tingee/codec_bills.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto nl1 = input.find('\n');
  const auto nl2 = nl1 == std::string::npos ? std::string::npos : input.find('\n', nl1 + 1);
  const std::string ts = input.substr(0, nl1);
  const std::string sig = nl2 == std::string::npos ? "" : input.substr(nl1 + 1, nl2 - nl1 - 1);
  const std::string body = nl2 == std::string::npos ? input : input.substr(nl2 + 1);
  const paygw::Secret secret("fuzz-secret");
  (void)paygw::tingee::verify_webhook(body, {{"x-request-timestamp", ts}, {"x-signature", sig}}, secret);
  if (auto good = paygw::tingee::sign(secret, ts, body); good.ok() && !body.empty()) {
    (void)paygw::tingee::verify_webhook(body, {{"x-request-timestamp", ts}, {"x-signature", *good}}, secret);
  }
  (void)paygw::tingee::detail::valid_transaction_time(ts);
  for (int status : {200, 401, 500}) {
    auto envelope = paygw::tingee::detail::parse_envelope(paygw::http::Response{status, {}, input});
    if (envelope.ok()) {
      (void)paygw::tingee::detail::parse_device_page(*envelope);
      (void)paygw::tingee::detail::parse_device_refs(*envelope);
      (void)paygw::tingee::detail::parse_dynamic_qr(*envelope);
      (void)paygw::tingee::detail::parse_reset(*envelope);
      (void)paygw::tingee::detail::parse_dynamic_qr_bill(*envelope);
      (void)paygw::tingee::detail::parse_dynamic_qr_status(*envelope);
      (void)paygw::tingee::detail::parse_transaction_page(*envelope);
    }
    // get-banks: a bare array, or any envelope.
    if (auto banks = paygw::tingee::detail::parse_banks_envelope(paygw::http::Response{status, {}, input});
        banks.ok()) {
      (void)paygw::tingee::detail::parse_banks(*banks);
    }
  }
  return 0;
}
