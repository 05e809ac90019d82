// SPDX-License-Identifier: MIT
// Tingee example: list devices, show a payment QR on a soundbox, announce the amount once paid,
// and verify the payment webhook.
//
// Environment (or flags --base-url/--client-id/--secret/--device):
//   PAYGW_TINGEE_BASE_URL   e.g. https://uat-open-api.tingee.vn, or the sandbox URL
//   PAYGW_TINGEE_CLIENT_ID  Tingee Client ID
//   PAYGW_TINGEE_SECRET     Tingee Secret Token
//   PAYGW_TINGEE_DEVICE     device uuid (default DEMO-BOX-3LS, a sandbox device)
#include <paygw/paygw.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

std::string setting(int argc, char** argv, const char* flag, const char* env, const char* fallback = "") {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == flag) return argv[i + 1];
  }
  const char* v = std::getenv(env);
  return v != nullptr && *v != '\0' ? v : fallback;
}

int fail(const char* step, const paygw::Error& error) {
  std::fprintf(stderr, "%s failed: %s\n", step, paygw::describe(error).c_str());
  if (error.outcome_unknown()) {
    std::fprintf(stderr, "  the request may have reached Tingee: check the device before sending it again\n");
  }
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace paygw;
  if (argc > 1 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    std::puts(
        "usage: tingee_show_qr [--base-url URL] [--client-id ID] [--secret S] [--device UUID]\n"
        "  or set PAYGW_TINGEE_BASE_URL, PAYGW_TINGEE_CLIENT_ID, PAYGW_TINGEE_SECRET, PAYGW_TINGEE_DEVICE");
    return 0;
  }
  tingee::Config config;
  config.base_url = setting(argc, argv, "--base-url", "PAYGW_TINGEE_BASE_URL");
  config.client_id = setting(argc, argv, "--client-id", "PAYGW_TINGEE_CLIENT_ID");
  config.secret = Secret(setting(argc, argv, "--secret", "PAYGW_TINGEE_SECRET"));
  const std::string device = setting(argc, argv, "--device", "PAYGW_TINGEE_DEVICE", "DEMO-BOX-3LS");

  auto transport = http::make_curl_transport();
  if (!transport) return fail("creating the transport", transport.error());
  config.transport = *transport;
  config.logger.level = LogLevel::kInfo;
  config.logger.sink = [](LogLevel, std::string_view line) {
    std::printf("  [log] %.*s\n", static_cast<int>(line.size()), line.data());
  };
  auto client = tingee::Client::create(config);
  if (!client) return fail("configuring the client", client.error());

  // 1. Which devices does this merchant have?
  auto page = client->get_device_paging({});
  if (!page) return fail("get-paging", page.error());
  std::printf("devices (%lld):\n", static_cast<long long>(page->total_count));
  for (const auto& d : page->items) std::printf("  %s  %s\n", d.uuid.c_str(), d.type.c_str());

  // 2. Show a dynamic VietQR for 40 123 VND on the soundbox.
  tingee::ShowQrRequest qr;
  qr.uuid = device;
  qr.va_account_number = "V1T123456789";
  qr.amount = 40123;
  qr.bank_bin = "970422";
  qr.qr_code =
      "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
      "text string6304D9C6";
  qr.first_text = "Đơn hàng 12";
  auto shown = client->show_qr_code(qr);
  if (!shown) return fail("show-qr-code", shown.error());
  std::printf("QR shown on %s: %s\n", device.c_str(), shown->message.c_str());

  // 3. Payment arrives: Tingee posts a signed webhook. Here we build one the way Tingee signs it.
  const std::string body =
      R"({"clientId":")" + config.client_id +
      R"(","transactionCode":"0400/FT26197KVBJB","amount":40123,"content":"Don hang 12","bank":"MBB","bankBin":"970422","accountNumber":"0023457923442","vaAccountNumber":"V1T123456789","transactionDate":"20260716174026","additionalData":[]})";
  const std::string timestamp = tingee::format_timestamp(std::chrono::system_clock::now());
  auto signature = tingee::sign(config.secret, timestamp, body);
  if (!signature) return fail("signing the sample webhook", signature.error());
  auto event =
      tingee::verify_webhook(body, {{"x-request-timestamp", timestamp}, {"x-signature", *signature}}, config.secret);
  if (!event) return fail("verifying the webhook", event.error());
  if (event->kind != tingee::WebhookKind::kPayment || event->payment->amount != qr.amount) {
    std::fprintf(stderr, "webhook amount does not match the bill: do not deliver the goods\n");
    return 1;
  }
  std::printf("payment %s verified: %lld VND (reply %s)\n", event->payment->transaction_code.c_str(),
              static_cast<long long>(event->payment->amount), std::string(tingee::kWebhookAck).c_str());

  // 4. Announce the amount on the box.
  tingee::ReadAmountRequest announce;
  announce.uuid = device;
  announce.transaction_id = event->payment->transaction_code;
  announce.amount = event->payment->amount;
  announce.bank_bin = "970422";
  auto read = client->read_amount_link_to_merchant(announce);
  if (!read) return fail("read-amount-link-to-merchant", read.error());
  std::printf("amount announced on %s\n", device.c_str());
  return 0;
}
