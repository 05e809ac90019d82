// SPDX-License-Identifier: MIT
// Micro-benchmarks: the CPU cost paygw adds per request — build (validate + serialise) and sign or
// encrypt, for each provider — and per response parsed, next to the bare OpenSSL call each one
// wraps. Run: tools/bench (or build-bench/bench/paygw_bench).
#include <paygw/charging/client.hpp>
#include <paygw/clock.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tingee/client.hpp>

#include "charging/codec.hpp"
#include "json/json.hpp"
#include "tconnect/codec.hpp"
#include "tingee/codec.hpp"

#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/md5.h>

#include <cstdlib>
#include <string>
#include <vector>

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
    auto body = paygw::tingee::detail::build(request);
    auto text = paygw::detail::json::dump(*body);
    auto sig = paygw::tingee::sign(secret, "20251110175110111", *text);
    benchmark::DoNotOptimize(sig);
  }
}
BENCHMARK(BM_TingeeBuildSerializeSign);

void BM_BareOpenSslHmac(benchmark::State& state) {
  const std::string key = "test-secret-key";
  const std::string message =
      "20251110175110111:" + *paygw::detail::json::dump(*paygw::tingee::detail::build(sample()));
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  for (auto _ : state) {
    HMAC(EVP_sha512(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
         message.size(), mac, &len);
    benchmark::DoNotOptimize(mac);
  }
}
BENCHMARK(BM_BareOpenSslHmac);

// A get-paging answer with three devices, as the sandbox sends it.
const paygw::http::Response kPageResponse{
    200,
    {{"Content-Type", "application/json"}},
    R"({"code":"00","message":"Success","data":{"totalCount":3,"items":[)"
    R"({"id":1,"type":"tingee-box-3ls","uuid":"DEMO-BOX-3LS","name":"Quay 1","status":"ACTIVE","merchantId":7,"serialNumber":"SN1","shopDtos":[{"id":1,"name":"Shop"}]},)"
    R"({"id":2,"type":"tingee-box-6xs","uuid":"DEMO-BOX-6XS","name":"Quay 2","status":"ACTIVE","merchantId":7,"serialNumber":"SN2","shopDtos":[]},)"
    R"({"id":3,"type":"tingee-box-max","uuid":"DEMO-BOX-MAX","name":"Quay 3","status":"ACTIVE","merchantId":7,"serialNumber":"SN3","shopDtos":[]}]}})"};

// The whole client call without I/O: an in-memory transport answers at once, so this is all the
// CPU paygw spends per call around the network (validate, serialise, sign, executor, parse).
class CannedTransport final : public paygw::http::Transport {
 public:
  explicit CannedTransport(paygw::http::Response response) : response_(std::move(response)) {}
  paygw::Result<paygw::http::Response> send(const paygw::http::Request&) override { return response_; }

 private:
  paygw::http::Response response_;
};

void BM_TingeeClientCallWithoutIo(benchmark::State& state) {
  paygw::tingee::Config config;
  config.base_url = "https://uat-open-api.tingee.vn";
  config.client_id = "client";
  config.secret = paygw::Secret("test-secret-key");
  config.transport = std::make_shared<CannedTransport>(kPageResponse);
  auto client = *paygw::tingee::Client::create(config);
  const paygw::tingee::GetDevicePagingRequest page;
  for (auto _ : state) {
    auto r = client.get_device_paging(page);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_TingeeClientCallWithoutIo);

void BM_TingeeParseDevicePage(benchmark::State& state) {
  for (auto _ : state) {
    auto envelope = paygw::tingee::detail::parse_envelope(kPageResponse);
    auto page = paygw::tingee::detail::parse_device_page(*envelope);
    benchmark::DoNotOptimize(page);
  }
}
BENCHMARK(BM_TingeeParseDevicePage);

// TConnect: a made-up 32-byte AES key (32 x 'k') and a fixed IV source (the cost of RAND_bytes is not the point).
const paygw::Secret kTconnectKey(std::string(32, 'k'));

class FixedRandom final : public paygw::RandomSource {
 public:
  paygw::Result<std::string> bytes(std::size_t count) override { return std::string(count, '\x5a'); }
};

void BM_TconnectBuildEncrypt(benchmark::State& state) {
  const paygw::tconnect::SoundboxPush push{
      "SB-0001", 180000,
      "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS6869"
      "0819thanh toan don hang63042E2E"};
  FixedRandom random;
  for (auto _ : state) {
    auto payload = paygw::tconnect::detail::build(push);
    auto plaintext = paygw::detail::json::dump(*payload);
    auto data = paygw::tconnect::detail::encrypt(*plaintext, kTconnectKey, random);
    auto body = paygw::detail::json::dump(paygw::detail::json::Json{{"data", *data}});
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BM_TconnectBuildEncrypt);

void BM_BareOpenSslAes256Cbc(benchmark::State& state) {
  const std::string plaintext =
      *paygw::detail::json::dump(*paygw::tconnect::detail::build(paygw::tconnect::SoundboxPush{
          "SB-0001", 180000,
          "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NP"
          "S68690819thanh toan don hang63042E2E"}));
  const std::string key = kTconnectKey.reveal();
  const unsigned char iv[16] = {0};
  std::vector<unsigned char> out(plaintext.size() + 32);
  for (auto _ : state) {
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int n = 0, m = 0;
    EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr, reinterpret_cast<const unsigned char*>(key.data()), iv);
    EVP_EncryptUpdate(ctx, out.data(), &n, reinterpret_cast<const unsigned char*>(plaintext.data()),
                      static_cast<int>(plaintext.size()));
    EVP_EncryptFinal_ex(ctx, out.data() + n, &m);
    EVP_CIPHER_CTX_free(ctx);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_BareOpenSslAes256Cbc);

void BM_TconnectParseResponse(benchmark::State& state) {
  FixedRandom random;
  const std::string inner = R"({"code":"00","message":"Successfully pushed new payment to Soundbox"})";
  const paygw::http::Response response{200,
                                       {},
                                       *paygw::detail::json::dump(paygw::detail::json::Json{
                                           {"data", *paygw::tconnect::detail::encrypt(inner, kTconnectKey, random)}})};
  for (auto _ : state) {
    auto body = paygw::tconnect::detail::parse_response(response, kTconnectKey);
    auto result = paygw::tconnect::detail::parse_push(*body);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_TconnectParseResponse);

void BM_ChargingSignEncode(benchmark::State& state) {
  const paygw::Secret partner_key("partner-key-0123456789");
  for (auto _ : state) {
    const paygw::charging::SignFields fields{"3681148751", "charging",     "order-000123",
                                             "VIETTEL",    "123456789012", "10000123456"};
    auto sign = paygw::charging::sign(partner_key, fields, paygw::charging::sign_scheme_a);
    auto body = paygw::charging::detail::form_encode({{"telco", "VIETTEL"},
                                                      {"code", "123456789012"},
                                                      {"serial", "10000123456"},
                                                      {"amount", "50000"},
                                                      {"request_id", "order-000123"},
                                                      {"partner_id", "3681148751"},
                                                      {"sign", *sign},
                                                      {"command", "charging"}});
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BM_ChargingSignEncode);

void BM_BareOpenSslMd5(benchmark::State& state) {
  const std::string message = "partner-key-012345678912345678901210000123456";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  for (auto _ : state) {
    EVP_Digest(message.data(), message.size(), digest, &len, EVP_md5(), nullptr);
    benchmark::DoNotOptimize(digest);
  }
}
BENCHMARK(BM_BareOpenSslMd5);

void BM_ChargingParseResult(benchmark::State& state) {
  const std::string body =
      R"({"trans_id":123456,"request_id":"order-000123","status":1,"message":"Thẻ thành công","value":50000,)"
      R"("declared_value":50000,"amount":35000,"telco":"VIETTEL","code":"123456789012","serial":"10000123456"})";
  for (auto _ : state) {
    paygw::charging::detail::Params params;
    auto parsed = paygw::charging::detail::parse_json_object(body, params);
    auto result = paygw::charging::detail::parse_result(params);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_ChargingParseResult);

// JSON parsing alone (issue 22 item 6: does json::parse_fast earn its keep?), on the answers
// above: json::parse (the fast path, nlohmann when it gives up) against nlohmann's own parser.
const std::string kChargingBody =
    R"({"trans_id":123456,"request_id":"order-000123","status":1,"message":"Thẻ thành công","value":50000,)"
    R"("declared_value":50000,"amount":35000,"telco":"VIETTEL","code":"123456789012","serial":"10000123456"})";

paygw::detail::json::Json parse_nlohmann(const std::string& text) {
  return paygw::detail::json::Json::parse(text.begin(), text.end(), nullptr, false);
}

void BM_JsonParseDevicePage(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(paygw::detail::json::parse(kPageResponse.body));
}
BENCHMARK(BM_JsonParseDevicePage);

void BM_NlohmannParseDevicePage(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_nlohmann(kPageResponse.body));
}
BENCHMARK(BM_NlohmannParseDevicePage);

void BM_JsonParseChargingResult(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(paygw::detail::json::parse(kChargingBody));
}
BENCHMARK(BM_JsonParseChargingResult);

void BM_NlohmannParseChargingResult(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_nlohmann(kChargingBody));
}
BENCHMARK(BM_NlohmannParseChargingResult);

// `paygw_bench --parse-count paygw|nlohmann N`: N parses of both answers and nothing else, for
// callgrind (instructions per parse: the difference between runs of 2N and N, divided by N).
int parse_count(const std::string& parser, long n) {
  std::size_t members = 0;
  for (long i = 0; i < n; ++i) {
    if (parser == "paygw") {
      members += paygw::detail::json::parse(kPageResponse.body)->size();
      members += paygw::detail::json::parse(kChargingBody)->size();
    } else {
      members += parse_nlohmann(kPageResponse.body).size();
      members += parse_nlohmann(kChargingBody).size();
    }
  }
  return members > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--parse-count") return parse_count(argv[2], std::atol(argv[3]));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
