// SPDX-License-Identifier: MIT
// Logging adapter example: paygw's logger hook (paygw/log.hpp) forwarded to spdlog (Debian
// libspdlog-dev). paygw hands the sink finished lines that never hold a key, token, signature,
// card code or serial, a query string or a body, so the adapter only maps levels. It still keeps
// a last line of defence for what *your* code may add to the same logger: values you register
// as secret are masked before spdlog sees a line.
//
// Environment: PAYGW_TINGEE_BASE_URL, PAYGW_TINGEE_CLIENT_ID, PAYGW_TINGEE_SECRET (e.g. the
// sandbox's); it lists the devices and shows a QR on one that does not exist (a warning line).
#include <paygw/paygw.hpp>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace {

spdlog::level::level_enum to_spdlog(paygw::LogLevel level) {
  switch (level) {
    case paygw::LogLevel::kDebug: return spdlog::level::debug;
    case paygw::LogLevel::kInfo: return spdlog::level::info;
    case paygw::LogLevel::kWarn: return spdlog::level::warn;
    case paygw::LogLevel::kError: return spdlog::level::err;
    case paygw::LogLevel::kOff: break;
  }
  return spdlog::level::off;
}

// A paygw::Logger writing to `out` at `level`; every occurrence of a value in `secrets` is
// replaced by <redacted> (a defence for lines your own code adds; paygw's lines carry none).
paygw::Logger spdlog_logger(std::shared_ptr<spdlog::logger> out, paygw::LogLevel level,
                            std::vector<std::string> secrets) {
  out->set_level(to_spdlog(level));
  paygw::Logger logger;
  logger.level = level;
  logger.sink = [out = std::move(out), secrets = std::move(secrets)](paygw::LogLevel l, std::string_view line) {
    std::string text(line);
    for (const auto& s : secrets) {
      for (auto at = s.empty() ? std::string::npos : text.find(s); at != std::string::npos; at = text.find(s, at)) {
        text.replace(at, s.size(), "<redacted>");
      }
    }
    out->log(to_spdlog(l), "{}", text);  // the sink must not throw: spdlog reports its own errors
  };
  return logger;
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

}  // namespace

int main() {
  using namespace paygw;
  auto out = spdlog::stdout_logger_mt("paygw");
  out->set_pattern("[%l] %v");

  tingee::Config config;
  config.base_url = env("PAYGW_TINGEE_BASE_URL");
  config.client_id = env("PAYGW_TINGEE_CLIENT_ID");
  config.secret = Secret(env("PAYGW_TINGEE_SECRET"));
  auto transport = http::make_curl_transport();
  if (!transport) return std::fprintf(stderr, "%s\n", describe(transport.error()).c_str()), 1;
  config.transport = *transport;
  config.logger = spdlog_logger(out, LogLevel::kDebug, {env("PAYGW_TINGEE_SECRET")});
  auto client = tingee::Client::create(config);
  if (!client) return std::fprintf(stderr, "%s\n", describe(client.error()).c_str()), 1;

  auto page = client->get_device_paging({});
  if (!page) return std::fprintf(stderr, "%s\n", describe(page.error()).c_str()), 1;
  out->info("{} device(s)", page->total_count);

  tingee::ShowQrRequest qr;  // a device this merchant does not have: paygw logs a warning
  qr.uuid = "NO-SUCH-BOX";
  qr.va_account_number = "V1T123456789";
  qr.amount = 40123;
  qr.bank_bin = "970422";
  qr.qr_code =
      "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
      "text string6304D9C6";
  auto shown = client->show_qr_code(qr);
  out->info("show-qr-code on an unknown device: {}", shown ? "shown?" : describe(shown.error()));
  return shown ? 1 : 0;
}
