// SPDX-License-Identifier: MIT
// libFuzzer target: every public client call, blocking or async (the table in
// tests/support/client_calls.hpp), through a transport that answers each request with whatever
// the input says — a transport error, or an arbitrary status, headers and body. One input runs
// 1..3 calls (the TConnect client, which caches tokens, is fresh for each input), so
// login/refresh, retries, 401 re-authentication, envelope decryption and every response parser
// see arbitrary bytes.
//
// Input layout (FuzzedDataProvider): integers from the end — the number of calls, each call's
// index in calls() times two (plus one for its _async form), and per request a kind byte (< 8: a
// transport error; >= 0xf0: a status read as a further 2-byte integer 0..999; else a common
// status), then a header count 0..3; strings from the front — per request the header names and
// values, then the body (a backslash escapes: "\\\\" is one backslash, a backslash before any
// other byte ends the string). gen_client_calls_seeds.py writes the seed corpus in this layout;
// PAYGW_FUZZ_VERBOSE=1 prints each call's outcome.
#include "../support/client_calls.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

namespace {

using namespace paygw;

constexpr int kMaxExchangesPerInput = 32;
constexpr int kCommonStatuses[] = {200, 201, 204, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504, 301, 100};
constexpr std::pair<ErrorCode, Delivery> kTransportErrors[] = {{ErrorCode::kConnect, Delivery::kNotSent},
                                                               {ErrorCode::kTimeout, Delivery::kMaybeSent},
                                                               {ErrorCode::kNetwork, Delivery::kMaybeSent},
                                                               {ErrorCode::kTls, Delivery::kNotSent}};

// Owns a copy of the input, so a call still running somewhere can never read freed bytes.
class FuzzTransport final : public http::Transport {
 public:
  FuzzTransport(const std::uint8_t* data, std::size_t size) : bytes_(data, data + size), in_(bytes_.data(), size) {}

  Result<http::Response> send(const http::Request& request) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (request.url.empty()) std::abort();  // every client builds a full URL
    if (in_.remaining_bytes() == 0 || ++exchanges_ > kMaxExchangesPerInput) {
      return make_error(ErrorCode::kConnect, "fuzz input exhausted", Delivery::kNotSent);
    }
    const auto kind = in_.ConsumeIntegral<std::uint8_t>();
    if (kind < 8) {
      const auto& [code, delivery] = kTransportErrors[kind % std::size(kTransportErrors)];
      return make_error(code, "fuzzed transport error", delivery);
    }
    http::Response response;
    response.status =
        kind >= 0xf0 ? in_.ConsumeIntegralInRange<int>(0, 999) : kCommonStatuses[kind % std::size(kCommonStatuses)];
    const int headers = in_.ConsumeIntegralInRange<int>(0, 3);
    for (int i = 0; i < headers; ++i) {
      std::string name = in_.ConsumeRandomLengthString(40);
      std::string value = in_.ConsumeRandomLengthString(200);
      response.headers.emplace_back(std::move(name), std::move(value));
    }
    response.body = in_.ConsumeRandomLengthString(8192);
    return response;
  }

  // An index in 0..n-1 taken from the input.
  std::size_t pick(std::size_t n) {
    std::lock_guard<std::mutex> lock(mu_);
    return in_.ConsumeIntegralInRange<std::size_t>(0, n - 1);
  }
  int count(int lo, int hi) {
    std::lock_guard<std::mutex> lock(mu_);
    return in_.ConsumeIntegralInRange<int>(lo, hi);
  }

 private:
  std::mutex mu_;
  std::vector<std::uint8_t> bytes_;
  FuzzedDataProvider in_;
  int exchanges_ = 0;
};

// The Tingee and charging clients keep no state between calls, so they are built once (building
// five clients per input cost more than most calls) over this transport, which forwards to the
// current input's. The TConnect client caches tokens: it is built fresh for every input.
class CurrentTransport final : public http::Transport {
 public:
  Result<http::Response> send(const http::Request& request) override {
    std::shared_ptr<http::Transport> target;
    {
      std::lock_guard<std::mutex> lock(mu_);
      target = current_;
    }
    return target->send(request);
  }
  void set(std::shared_ptr<http::Transport> t) {
    std::lock_guard<std::mutex> lock(mu_);
    current_ = std::move(t);
  }

 private:
  std::mutex mu_;
  std::shared_ptr<http::Transport> current_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto current = std::make_shared<CurrentTransport>();
  static const auto shared_clients = calls::make_clients(calls::kExampleBaseUrl, current);
  if (!shared_clients) std::abort();  // the configuration is fixed and valid
  auto transport = std::make_shared<FuzzTransport>(data, size);
  current->set(transport);
  auto tconnect = tconnect::Client::create(calls::tconnect_config(calls::kExampleBaseUrl, transport));
  if (!tconnect) std::abort();
  calls::Clients clients = *shared_clients;
  clients.tconnect = *tconnect;
  const auto& table = calls::calls();
  static const bool verbose = std::getenv("PAYGW_FUZZ_VERBOSE") != nullptr;  // to check seeds
  const int n = transport->count(1, 3);
  for (int i = 0; i < n; ++i) {
    const std::size_t pick = transport->pick(2 * table.size());
    const auto& row = table[pick / 2];
    const bool async = pick % 2 == 1;
    const std::string outcome = row.call(clients, async).text();
    if (verbose) {
      std::fprintf(stderr, "%s%s: %s\n", row.name, async ? " (async)" : "", outcome.empty() ? "ok" : outcome.c_str());
    }
  }
  return 0;
}
