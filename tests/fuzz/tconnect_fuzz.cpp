// SPDX-License-Identifier: MIT
// libFuzzer target: TConnect envelope decryption, IPN decoding and response parsing. Half of the
// time the input is first encrypted with the fuzz key so that the JSON parsing behind a
// successful decryption is reached too.
#include <paygw/tconnect/envelope.hpp>

#include "tconnect/codec.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {
class ZeroIv final : public paygw::RandomSource {
 public:
  paygw::Result<std::string> bytes(std::size_t n) override { return std::string(n, '\0'); }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const paygw::Secret key(std::string(64, 'a'));
  const paygw::Secret raw_key(std::string(32, '\xaa'));
  (void)paygw::tconnect::decrypt_envelope(input, key, paygw::tconnect::KeyFormat::kHex);
  (void)paygw::tconnect::decode_ipn(input, {key});
  (void)paygw::tconnect::detail::parse_response(paygw::http::Response{200, {}, input}, raw_key);
  ZeroIv iv;
  if (auto hex = paygw::tconnect::encrypt_envelope(input, key, paygw::tconnect::KeyFormat::kHex, iv); hex.ok()) {
    (void)paygw::tconnect::decode_ipn("{\"data\":\"" + *hex + "\"}", {key});
  }
  if (auto body = paygw::tconnect::detail::parse_response(paygw::http::Response{200, {}, input}, raw_key); body.ok()) {
    (void)paygw::tconnect::detail::parse_tokens(*body);
    (void)paygw::tconnect::detail::parse_transactions(*body);
    (void)paygw::tconnect::detail::parse_services(*body);
    (void)paygw::tconnect::detail::parse_va(*body);
    (void)paygw::tconnect::detail::parse_qr(*body);
  }
  return 0;
}
