// SPDX-License-Identifier: MIT
// Card charging example: submit a card, then reconcile with `check` until the result is final.
//
// Environment (or flags --base-url, --partner-id, --partner-key, --poll-ms):
//   PAYGW_CHARGING_BASE_URL     e.g. https://thesieure.com, or the sandbox URL
//   PAYGW_CHARGING_PARTNER_ID / PAYGW_CHARGING_PARTNER_KEY
// Usage: charging_submit <telco> <code> <serial> <declared_value> <request_id>
#include <paygw/paygw.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

std::string setting(int argc, char** argv, const char* flag, const char* env, const char* fallback = "") {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == flag) return argv[i + 1];
  }
  const char* v = std::getenv(env);
  return v != nullptr && *v != '\0' ? v : fallback;
}

void print(const paygw::charging::ChargeResult& r) {
  std::printf("  status %d (%s) %s", r.status_code, std::string(paygw::charging::to_string(r.status)).c_str(),
              r.message.c_str());
  if (r.amount) std::printf(", amount %lld VND", static_cast<long long>(*r.amount));
  if (r.value) std::printf(", value %lld VND", static_cast<long long>(*r.value));
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace paygw;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::puts(
          "usage: charging_submit [--base-url URL] [--partner-id ID] [--partner-key KEY] [--poll-ms MS]\n"
          "                       <telco> <code> <serial> <declared_value> <request_id>");
      return 0;
    }
    if (a.rfind("--", 0) == 0) {
      ++i;
      continue;
    }
    args.push_back(a);
  }
  if (args.size() != 5 || args[3].find_first_not_of("0123456789") != std::string::npos || args[3].size() > 12) {
    std::fputs("usage: charging_submit <telco> <code> <serial> <declared_value> <request_id> (see --help)\n", stderr);
    return 2;
  }
  const charging::CardRequest card{args[0], args[1], args[2], std::stoll(args[3]), args[4]};
  // Providers ask merchants to wait 30-60 s; the sandbox settles in well under a second.
  const auto poll =
      std::chrono::milliseconds(std::atol(setting(argc, argv, "--poll-ms", "PAYGW_CHARGING_POLL_MS", "15000").c_str()));

  charging::Config config;
  config.base_url = setting(argc, argv, "--base-url", "PAYGW_CHARGING_BASE_URL");
  config.partner_id = setting(argc, argv, "--partner-id", "PAYGW_CHARGING_PARTNER_ID");
  config.partner_key = Secret(setting(argc, argv, "--partner-key", "PAYGW_CHARGING_PARTNER_KEY"));
  auto transport = http::make_curl_transport();
  if (!transport) return std::fprintf(stderr, "%s\n", describe(transport.error()).c_str()), 1;
  config.transport = *transport;
  auto client = charging::Client::create(config);
  if (!client) return std::fprintf(stderr, "configuration: %s\n", describe(client.error()).c_str()), 1;

  std::printf("submitting %s card, declared %lld VND, request %s\n", card.telco.c_str(),
              static_cast<long long>(card.declared_value), card.request_id.c_str());
  auto result = client->submit(card);
  if (!result) {
    // Never submit the same card again here: it may have been accepted. Reconcile with check.
    std::fprintf(stderr, "submit failed: %s\n", describe(result.error()).c_str());
    if (!result.error().outcome_unknown()) return 1;
    std::puts("  outcome unknown: checking instead of resubmitting");
  } else {
    print(*result);
  }

  // Reconcile: check the same card until final, with growing intervals.
  auto interval = poll;
  for (int attempt = 0; attempt < 8 && (!result || !result->is_final()); ++attempt) {
    std::this_thread::sleep_for(interval);
    interval = interval * 3 / 2;
    result = client->check(card);
    if (!result) {
      std::fprintf(stderr, "check failed: %s\n", describe(result.error()).c_str());
      continue;
    }
    std::printf("check #%d:", attempt + 1);
    print(*result);
  }
  if (!result || !result->is_final()) {
    std::puts("still not final: leave it pending for the callback or a manual review");
    return 3;
  }
  // Apply it through the same pending -> final transition as callbacks (charging::decide plus an
  // atomic update), so a callback for this card arriving too cannot credit it a second time.
  if (result->credits()) {
    std::printf("final: credit %lld VND (the provider's amount, not the declared value)\n",
                static_cast<long long>(result->amount.value_or(0)));
  } else {
    std::puts("final: no credit for this card");
  }
  return 0;
}
