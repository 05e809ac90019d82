// SPDX-License-Identifier: MIT
// TConnect example: push a payment to a Smart POS or a soundbox, then show how to reconcile.
//
// Environment (or flags, e.g. --base-url):
//   PAYGW_TCONNECT_BASE_URL       e.g. https://sme-open-api-sandbox.tconnect.vn, or the sandbox URL
//   PAYGW_TCONNECT_PARTNER_CODE   Partner-Code
//   PAYGW_TCONNECT_USERNAME / PAYGW_TCONNECT_PASSWORD
//   PAYGW_TCONNECT_CLIENT_ID / PAYGW_TCONNECT_CLIENT_SECRET
//   PAYGW_TCONNECT_AES_KEY        64 hex characters
// Usage: tconnect_push pos <serial> <order_id> <amount>
//        tconnect_push soundbox <serial> <amount> <qr_string>
#include <paygw/paygw.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

std::string setting(int argc, char** argv, const char* flag, const char* env) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == flag) return argv[i + 1];
  }
  const char* v = std::getenv(env);
  return v != nullptr ? v : "";
}

bool parse_amount(const std::string& text, paygw::Vnd& out) {
  if (text.empty() || text.size() > 16 || text.find_first_not_of("0123456789") != std::string::npos) return false;
  out = std::stoll(text);
  return true;
}

int usage(std::FILE* out = stderr) {
  std::fputs(
      "usage: tconnect_push [flags] pos <serial_no> <order_id> <amount>\n"
      "       tconnect_push [flags] soundbox <serial_no> <amount> <qr_string>\n"
      "flags (or environment): --base-url PAYGW_TCONNECT_BASE_URL, --partner-code PAYGW_TCONNECT_PARTNER_CODE,\n"
      "  --username PAYGW_TCONNECT_USERNAME, --password PAYGW_TCONNECT_PASSWORD, --client-id "
      "PAYGW_TCONNECT_CLIENT_ID,\n"
      "  --client-secret PAYGW_TCONNECT_CLIENT_SECRET, --aes-key PAYGW_TCONNECT_AES_KEY (64 hex characters)\n",
      out);
  return out == stderr ? 2 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace paygw;
  std::vector<std::string> args;  // positional arguments (flags and their values removed)
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") return usage(stdout);
    if (a.rfind("--", 0) == 0) {
      ++i;
      continue;
    }
    args.push_back(a);
  }
  if (args.size() != 4 || (args[0] != "pos" && args[0] != "soundbox")) return usage();

  tconnect::Config config;
  config.base_url = setting(argc, argv, "--base-url", "PAYGW_TCONNECT_BASE_URL");
  config.partner_code = setting(argc, argv, "--partner-code", "PAYGW_TCONNECT_PARTNER_CODE");
  config.username = setting(argc, argv, "--username", "PAYGW_TCONNECT_USERNAME");
  config.password = Secret(setting(argc, argv, "--password", "PAYGW_TCONNECT_PASSWORD"));
  config.client_id = setting(argc, argv, "--client-id", "PAYGW_TCONNECT_CLIENT_ID");
  config.client_secret = Secret(setting(argc, argv, "--client-secret", "PAYGW_TCONNECT_CLIENT_SECRET"));
  config.aes_key = Secret(setting(argc, argv, "--aes-key", "PAYGW_TCONNECT_AES_KEY"));
  auto transport = http::make_curl_transport();
  if (!transport) {
    std::fprintf(stderr, "%s\n", describe(transport.error()).c_str());
    return 1;
  }
  config.transport = *transport;
  auto client = tconnect::Client::create(config);
  if (!client) {
    std::fprintf(stderr, "configuration: %s\n", describe(client.error()).c_str());
    return 1;
  }

  Result<tconnect::PushResult> pushed = make_error(ErrorCode::kInternal, "unreachable");
  Vnd amount = 0;
  if (args[0] == "pos") {
    if (!parse_amount(args[3], amount)) return usage();
    pushed = client->push_payment(tconnect::PosPush{args[1], args[2], amount});
  } else {
    if (!parse_amount(args[2], amount)) return usage();
    pushed = client->push_payment(tconnect::SoundboxPush{args[1], amount, args[3]});
  }
  if (!pushed) {
    const Error& e = pushed.error();
    std::fprintf(stderr, "push failed: %s\n", describe(e).c_str());
    if (e.outcome_unknown()) {
      std::fputs(
          "the device may have received it: query the transactions (get_qr_transactions /\n"
          "get_card_transactions) or ask the cashier before pushing again\n",
          stderr);
    }
    return 1;
  }
  std::printf("%s push of %lld VND to %s: %s\n", args[0].c_str(), static_cast<long long>(amount), args[1].c_str(),
              pushed->message.c_str());
  return 0;
}
