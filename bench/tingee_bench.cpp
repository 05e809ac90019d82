// Micro-benchmarks: the CPU cost paygw adds per Tingee request (validate + serialise + sign),
// compared with a bare OpenSSL HMAC of the same bytes. Run: build/bench/paygw_bench
#include <paygw/tingee/client.hpp>

#include "tingee/codec.hpp"

#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace {

paygw::tingee::ShowQrRequest sample() {
  paygw::tingee::ShowQrRequest r;
  r.uuid = "DEVICE-001";
  r.amount = 500000;
  r.qr_code =
      "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
      "text string6304D9C6";
  r.bank_bin = "970418";
  r.first_text = "Thanh toán đơn 1";
  return r;
}

void BM_TingeeBuildSerializeSign(benchmark::State& state) {
  const paygw::Secret secret("test-secret-key");
  const auto request = sample();
  for (auto _ : state) {
    auto body = paygw::tingee::codec::build(request);
    auto text = paygw::detail::json::dump(*body);
    auto sig = paygw::tingee::sign(secret, "20251110175110111", *text);
    benchmark::DoNotOptimize(sig);
  }
}
BENCHMARK(BM_TingeeBuildSerializeSign);

void BM_BareOpenSslHmac(benchmark::State& state) {
  const std::string key = "test-secret-key";
  const std::string message = "20251110175110111:" + *paygw::detail::json::dump(*paygw::tingee::codec::build(sample()));
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  for (auto _ : state) {
    HMAC(EVP_sha512(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
         message.size(), mac, &len);
    benchmark::DoNotOptimize(mac);
  }
}
BENCHMARK(BM_BareOpenSslHmac);

}  // namespace

BENCHMARK_MAIN();
