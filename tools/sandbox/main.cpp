// SPDX-License-Identifier: MIT
// paygw-sandbox — a local simulator of the payment gateways for demos and integration tests:
// Tingee (tingee.cpp, tingee_bank.cpp, tingee_va.cpp, tingee_direct_debit.cpp,
// tingee_misc.cpp, tingee_merchant.cpp, tingee_e_invoice.cpp), TConnect (tconnect.cpp),
// card charging (charging.cpp), fault injection (faults.cpp), the devices' screens page (screens.cpp,
// panels.cpp, speech.cpp), over one state and event log (state.cpp). Its verification is
// written independently of the paygw client (sandbox.hpp), so that it catches a client that signs
// or encrypts other bytes than it sends.
#include "sandbox.hpp"
#include "screens.hpp"

#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

using namespace paygw::sandbox;

namespace {

// How long a stop waits for a callback in flight before the process exits anyway.
constexpr std::chrono::seconds kStopGrace{3};

constexpr const char* kFooter = R"(Endpoints:
  Tingee    /v1/device/* (every device call, incl. nfc-command, reset-device, DELETE reset), and the bank group
            generate-dynamic-qr, get-status-dynamic-qr, delete-dynamic-qr, transaction/get-paging, GET get-banks
            under both /v1/ and /v1/bank/, with the virtual accounts (create-va, create-va-advanced, confirm-va,
            delete-va, confirm-delete-va, register-notify, confirm-register-notify, get-va-paging; every OTP
            is 123456, consumed by its first try); /v1/e-invoice/* (get-provider, the provider accounts, an
            invoice's lifecycle: create = draft, create-and-issue = issued with a number; download and
            send-email of issued invoices; the buyer's page GET /_sandbox/tingee/e-invoice?code=);
            /v1/direct-debit/* (register,
            payment-bill, refund, delete-subscription, edit-confirm-payment-method and the three GET reads;
            the payer's pages: GET /_sandbox/tingee/direct-debit/{authorize,cancel,edit}); generate-viet-qr and
            get-account-number-info-by-qr-code (bank group), deep-link/generate(-bidv-test),
            create-bank-link-session (its page: GET /_sandbox/tingee/bank-link?s=), device/read-amount;
            /v1/shop/create-or-update, get-paging; /v1/merchant/* (create, get-paging, DELETE delete, the bank
            configurations and ACB business accounts; at most 200 of each kind per sandbox).
            Devices DEMO-BOX-3LS (tingee-box-3ls), DEMO-BOX-6XS (tingee-box-6xs, not linked),
            DEMO-BOX-MAX (tingee-box-max), security code 123456.
  TConnect  /openapi/v1/* (login, refresh, push, services, VA, QR, transactions); devices POS-0001 (pos),
            SB-0001 (soundbox); x-service-code vccb-qr. create-qr answers a valid VietQR for the order.
  Charging  /chargingws/v2 (+ /getfee), /chargingws/price (grouped fees), POST /api/checkcard (serial
            pre-check). Outcome by the card code's last digit: 1-4 that status, 0 -> 100,
            8 -> 99 then 3, others -> 99 then 1 (by callback after --charging-delay-ms).
Simulation (no signature):
  POST /_sandbox/tingee/bank-link {s, accountNumber, accountName, bankName, status, url}: completes a
            bank-link session once and delivers its signed bank-link webhook.
  POST /_sandbox/tingee/payments {amount, vaAccountNumber, content, billId, duplicates, out_of_order, type, url}:
       a signed webhook; type DEBIT = money out (the webhook says so, pays no bill); out_of_order = the
       first copy is sent before the transaction list shows the payment
  POST /_sandbox/tingee/ping {url}: the unsigned dashboard ping (body optional)
  POST /_sandbox/tconnect/payments {order_id, amount, payment_type, acc_no, narrative, duplicates, out_of_order,
       url}: the order is paid (a SUCCESS transaction) and its encrypted IPN sent; out_of_order = the first
       IPN is sent while the query still shows the order PENDING
  POST /_sandbox/charging/callbacks {request_id, duplicates, out_of_order}: how that card's callback is sent
       when it settles (else the --charging-callback-* flags); out_of_order = a stale pending one after it
  POST /_sandbox/faults {mode, ms, count, path} (DELETE clears), or the header 'x-sandbox-fault: MODE[:MS]';
       MODE = delay|timeout|reset|http500|http502|http503|malformed|truncated|oversized
  POST /_sandbox/clock {advance_s}: the sandbox clock moves on (tokens and bills expire, pending cards settle);
       GET /_sandbox/clock shows its offset
  GET  /_sandbox/banks (the VietQR bank directory, as api.vietqr.io/v2/banks)
  GET  /_sandbox/events (what happened), GET /_sandbox/devices (each device and its screen)
  GET  /_sandbox/ the devices' screens as a web page (QRs, amounts, what the speaker said, receipts,
       POS orders, the event log), updating itself; GET /_sandbox/screens is its data
Missing secrets are generated and printed. Prints 'listening on <url>' once ready; stops on SIGINT/SIGTERM.)";

// Debian's cpp-httplib is a compiled library whose listen backlog is fixed at 5: a burst of new
// connections (an async fan-out client) overflows it, the kernel drops SYNs and the client stalls
// for the 1 s SYN retransmit. listen() on a listening socket only changes its backlog, so the
// socket bound to `port` is found and given the system maximum.
void raise_listen_backlog(int port) {
  for (int fd = 0; fd < 1024; ++fd) {
    int listening = 0;
    socklen_t len = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || listening == 0) continue;
    sockaddr_storage addr{};
    socklen_t addr_len = sizeof addr;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) != 0) continue;
    int bound = -1;
    if (addr.ss_family == AF_INET) bound = ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
    if (addr.ss_family == AF_INET6) bound = ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
    if (bound == port) listen(fd, SOMAXCONN);
  }
}

void add_options(CLI::App& app, Options& o) {
  app.add_option("--port", o.port, "Port (0 = a free one)")->check(CLI::Range(0, 65535))->capture_default_str();
  app.add_option("--host", o.host, "Address to listen on")->capture_default_str();
  app.add_option("--tingee-client-id", o.tingee_client_id, "Tingee x-client-id (default: generated)")
      ->envname("PAYGW_TINGEE_CLIENT_ID");
  app.add_option("--tingee-secret", o.tingee_secret, "Tingee secret (default: generated and printed)")
      ->envname("PAYGW_TINGEE_SECRET");
  app.add_option("--tingee-signature", o.tingee_signature,
                 "How Tingee signatures are checked: raw = over the exact bytes received (strict); reserialized = over "
                 "JSON.stringify(JSON.parse(body)), as a Node.js server that re-serialises the body")
      ->check(CLI::IsMember({"raw", "reserialized"}))
      ->capture_default_str();
  app.add_option("--tingee-webhook-url", o.tingee_webhook_url,
                 "Where /_sandbox/tingee/payments and /ping deliver by default")
      ->envname("PAYGW_TINGEE_WEBHOOK_URL");
  app.add_option("--tconnect-partner-code", o.tconnect_partner_code, "TConnect Partner-Code")
      ->envname("PAYGW_TCONNECT_PARTNER_CODE");
  app.add_option("--tconnect-username", o.tconnect_username, "TConnect login user")->envname("PAYGW_TCONNECT_USERNAME");
  app.add_option("--tconnect-password", o.tconnect_password, "TConnect password (default: generated)")
      ->envname("PAYGW_TCONNECT_PASSWORD");
  app.add_option("--tconnect-client-id", o.tconnect_client_id, "TConnect client id")
      ->envname("PAYGW_TCONNECT_CLIENT_ID");
  app.add_option("--tconnect-client-secret", o.tconnect_client_secret, "TConnect client secret (default: generated)")
      ->envname("PAYGW_TCONNECT_CLIENT_SECRET");
  app.add_option("--tconnect-aes-key", o.tconnect_aes_key_hex, "TConnect AES-256 key, 64 hex (default: generated)")
      ->envname("PAYGW_TCONNECT_AES_KEY");
  app.add_option("--tconnect-token-ttl", o.tconnect_token_ttl_s, "Seconds an access token lives")
      ->check(CLI::Range(1L, 86'400L))
      ->capture_default_str();
  app.add_option("--tconnect-ipn-url", o.tconnect_ipn_url, "Where /_sandbox/tconnect/payments delivers by default")
      ->envname("PAYGW_TCONNECT_IPN_URL");
  app.add_option("--charging-partner-id", o.charging_partner_id, "Charging partner_id")
      ->envname("PAYGW_CHARGING_PARTNER_ID");
  app.add_option("--charging-partner-key", o.charging_partner_key, "Charging partner key (default: generated)")
      ->envname("PAYGW_CHARGING_PARTNER_KEY");
  app.add_option("--charging-scheme", o.charging_scheme,
                 "Sign scheme: A = key+code+serial, B = key+code+command+partner_id+request_id+serial+telco")
      ->transform(CLI::IsMember({"A", "B"}, CLI::ignore_case))
      ->capture_default_str();
  app.add_option("--charging-callback-url", o.charging_callback_url, "Where final card results are sent")
      ->envname("PAYGW_CHARGING_CALLBACK_URL");
  app.add_option("--charging-callback-method", o.charging_callback_method, "POST (JSON) or GET (query)")
      ->transform(CLI::IsMember({"POST", "GET"}, CLI::ignore_case))
      ->capture_default_str();
  app.add_option("--charging-delay-ms", o.charging_delay_ms, "Pending -> final delay")
      ->check(CLI::Range(0L, 600'000L))
      ->capture_default_str();
  app.add_option("--charging-callback-duplicates", o.charging_callback_duplicates,
                 "Extra copies of each final callback")
      ->check(CLI::Range(0, 10));
  app.add_flag("--charging-callback-out-of-order", o.charging_callback_out_of_order,
               "Also send a stale pending callback after the final one");
  app.add_option("--tls-cert", o.tls_cert, "Serve HTTPS with this PEM certificate (with --tls-key)")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-key", o.tls_key, "PEM private key of --tls-cert")->check(CLI::ExistingFile);
  app.add_option("--latency-ms", o.latency_ms, "Delay every answer (a gateway's processing time)")
      ->check(CLI::Range(0L, 60'000L));
  app.add_option("--max-objects", o.max_objects,
                 "At most this many objects of one kind (VAs, subscriptions, debits, ...); one more is refused")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}))
      ->capture_default_str();
  app.add_option("--max-waiting-connections", o.max_waiting_connections,
                 "At most this many accepted connections wait for a free thread; one more is closed unread")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}))
      ->capture_default_str();
  app.add_option("--keep-alive-s", o.keep_alive_s, "Close idle keep-alive connections after this")
      ->check(CLI::Range(1L, 3600L))
      ->capture_default_str();
  app.add_flag("--env", o.print_env,
               "Print 'export PAYGW_...=...' lines for every credential and the base URLs (before 'listening on')");
  app.add_option("--env-file", o.env_file, "Write the same export lines to this file (mode 0600), for 'source'");
}

// A shell word: 'text', with each ' written '\''.
std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// `export NAME='value'` for every credential a client needs and the base URLs, under the names the
// paygw CLI and the examples read.
std::string env_lines(const Options& o, const std::string& url) {
  const std::pair<const char*, std::string> vars[] = {
      {"PAYGW_SANDBOX_URL", url},
      {"PAYGW_TINGEE_BASE_URL", url},
      {"PAYGW_TCONNECT_BASE_URL", url},
      {"PAYGW_CHARGING_BASE_URL", url},
      {"PAYGW_TINGEE_CLIENT_ID", o.tingee_client_id},
      {"PAYGW_TINGEE_SECRET", o.tingee_secret},
      {"PAYGW_TCONNECT_PARTNER_CODE", o.tconnect_partner_code},
      {"PAYGW_TCONNECT_USERNAME", o.tconnect_username},
      {"PAYGW_TCONNECT_PASSWORD", o.tconnect_password},
      {"PAYGW_TCONNECT_CLIENT_ID", o.tconnect_client_id},
      {"PAYGW_TCONNECT_CLIENT_SECRET", o.tconnect_client_secret},
      {"PAYGW_TCONNECT_AES_KEY", o.tconnect_aes_key_hex},
      {"PAYGW_TCONNECT_SERVICE_CODE", "vccb-qr"},
      {"PAYGW_CHARGING_PARTNER_ID", o.charging_partner_id},
      {"PAYGW_CHARGING_PARTNER_KEY", o.charging_partner_key},
  };
  std::string out;
  for (const auto& [name, value] : vars) out += std::string("export ") + name + "=" + shell_quote(value) + "\n";
  return out;
}

// Writes `text` to `path`, readable by its owner only (it holds secrets).
bool write_private_file(const std::string& path, const std::string& text) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  bool ok = fchmod(fd, 0600) == 0;
  for (std::size_t done = 0; ok && done < text.size();) {
    const ssize_t n = write(fd, text.data() + done, text.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  return close(fd) == 0 && ok;
}

// Defaults for what neither a flag nor the environment gave; returns false on a bad key.
bool fill_defaults(Options& o, bool& generated_tingee, bool& generated_tconnect, bool& generated_charging) {
  if (o.tingee_client_id.empty()) o.tingee_client_id = "sandbox-" + random_token(4);
  generated_tingee = o.tingee_secret.empty();
  if (generated_tingee) o.tingee_secret = random_token(24);
  if (o.tconnect_partner_code.empty()) o.tconnect_partner_code = "SANDBOX-PARTNER";
  if (o.tconnect_username.empty()) o.tconnect_username = "demo@paygw.local";
  if (o.tconnect_client_id.empty()) o.tconnect_client_id = "sandbox-client";
  generated_tconnect =
      o.tconnect_password.empty() || o.tconnect_client_secret.empty() || o.tconnect_aes_key_hex.empty();
  if (o.tconnect_password.empty()) o.tconnect_password = random_token(12);
  if (o.tconnect_client_secret.empty()) o.tconnect_client_secret = random_token(16);
  if (o.tconnect_aes_key_hex.empty()) o.tconnect_aes_key_hex = random_token(32);
  if (o.charging_partner_id.empty()) o.charging_partner_id = "3681148751";
  generated_charging = o.charging_partner_key.empty();
  if (generated_charging) o.charging_partner_key = random_token(16);
  for (char& c : o.charging_scheme) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (char& c : o.charging_callback_method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return o.tconnect_aes_key_hex.size() == 64 && unhex(o.tconnect_aes_key_hex);
}

}  // namespace

int main(int argc, char** argv) {
  // Block the stop signals before any thread starts, so that every thread inherits the mask and
  // only the sigwait thread below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  Options options;
  CLI::App app{"paygw-sandbox — a local Tingee, TConnect and card-charging simulator", "paygw-sandbox"};
  add_options(app, options);
  app.footer(kFooter);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "paygw-sandbox: %s (see --help)\n", e.what());
    return 2;
  }
  bool generated_tingee = false, generated_tconnect = false, generated_charging = false;
  if (!fill_defaults(options, generated_tingee, generated_tconnect, generated_charging)) {
    std::fprintf(stderr, "paygw-sandbox: the TConnect AES key must be 64 hex characters\n");
    return 2;
  }
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    std::fprintf(stderr, "paygw-sandbox: --tls-cert and --tls-key go together\n");
    return 2;
  }

  State state;
  state.max_objects = options.max_objects;
  state.add_demo_devices();
  std::unique_ptr<httplib::Server> server_storage;
  if (!options.tls_cert.empty()) {
    auto tls = std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
    if (!tls->is_valid()) {
      std::fprintf(stderr, "paygw-sandbox: cannot load the TLS certificate or key\n");
      return 2;
    }
    server_storage = std::move(tls);
  } else {
    server_storage = std::make_unique<SandboxServer>();  // bounded requests (server.hpp)
  }
  httplib::Server& server = *server_storage;
  Scheduler scheduler;  // declared after the server and the state: stopped before either goes
  // httplib sets SO_REUSEPORT, which lets a second sandbox listen on the same port and take half
  // the connections. SO_REUSEADDR alone allows a quick restart but refuses a port in use.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.set_tcp_nodelay(true);  // no Nagle delay on small replies
  // Idle keep-alive connections are polled every second and closed after keep_alive_s, so a stop
  // never waits long for them. httplib closes a connection after 5 requests by default; a real
  // gateway does not, and reconnecting every 5 requests would hide what connection reuse is worth.
  server.set_keep_alive_timeout(options.keep_alive_s);
  server.set_keep_alive_max_count(1'000'000);
  // A thread per connection, started on demand up to kMaxConnectionThreads: async fan-out clients
  // hold dozens of keep-alive connections, and slow clients cannot take every thread for ever
  // (each request is due within kRequestTimeout of its first byte).
  // At most --max-waiting-connections more wait (the plain server's; httplib's TLS server serves its own).
  server.new_task_queue = [max = options.tls_cert.empty() ? options.max_waiting_connections : 0] {
    return new ConnectionThreads(max);
  };
  server.set_payload_max_length(kMaxBodyBytes);  // bodies httplib reads itself (other routes)
  if (options.latency_ms > 0) {
    server.set_post_routing_handler([ms = options.latency_ms](const httplib::Request&, httplib::Response&) {
      pause_for(std::chrono::milliseconds(ms));
    });
  }
  install_faults(server, state);
  install_screens(server, state);
  install_tingee_devices(server, options, state);
  install_tingee_bank(server, options, state);
  install_tingee_va(server, options, state);
  install_tingee_direct_debit(server, options, state);
  install_tingee_misc(server, options, state);
  install_tingee_merchants(server, options, state);
  install_tingee_e_invoice(server, options, state);
  install_banks(server);
  install_tconnect(server, options, state);
  install_charging(server, options, state, scheduler);
  server.Get("/_sandbox/events", [&state](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(state.mu);
    res.set_content(state.events_json().dump(2), "application/json");
  });
  // How many objects each bounded structure holds, and the cap (--max-objects).
  server.Get("/_sandbox/objects", [&state](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(state.mu);
    json_reply(res, 200, state.objects_json());
  });
  // The sandbox clock: advancing it expires tokens and bills and makes pending cards due.
  auto clock_reply = [](httplib::Response& res) {
    json_reply(res, 200, Json{{"offset_s", clock_offset_ms() / 1000}, {"now_ms", clock_ms()}});
  };
  server.Get("/_sandbox/clock", [clock_reply](const httplib::Request&, httplib::Response& res) { clock_reply(res); });
  post(server, "/_sandbox/clock",
       [&state, &scheduler, clock_reply](const httplib::Request&, const std::string& body, httplib::Response& res) {
         constexpr long long kMaxAdvanceS = 366LL * 24 * 3600;
         const Json in = Json::parse(body.empty() ? "{}" : body, nullptr, false);
         const Json s = in.is_object() ? in.value("advance_s", Json()) : Json();
         if (!s.is_number_unsigned() || s.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxAdvanceS) ||
             clock_offset_ms() / 1000 + s.get<long long>() > 10 * kMaxAdvanceS) {
           return bad_request(res, "give {\"advance_s\": N}, N from 0 to " + std::to_string(kMaxAdvanceS));
         }
         const long long seconds = s.get<long long>();
         advance_clock(seconds * 1000);
         scheduler.advance(std::chrono::seconds(seconds));
         {
           std::lock_guard<std::mutex> lock(state.mu);
           state.note("clock", "clock advanced " + std::to_string(seconds) + " s (offset " +
                                   std::to_string(clock_offset_ms() / 1000) + " s)");
         }
         clock_reply(res);
       });
  server.Get("/_sandbox/devices", [&state](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(state.mu);
    res.set_content(state.devices_json().dump(2), "application/json");
  });

  errno = 0;
  const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                                     : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port <= 0) {
    std::fprintf(stderr, "paygw-sandbox: cannot listen on %s:%d: %s\n", options.host.c_str(), options.port,
                 errno != 0 ? std::strerror(errno) : "bind failed");
    return 1;
  }
  raise_listen_backlog(port);
  // SIGINT/SIGTERM are taken by a thread with sigwait (blocked everywhere else, see main's start),
  // which stops the server once it is listening — a signal that arrives early is not lost. Every
  // wait (keep-alive, a slow request, a fault's delay, a callback's retry pause) ends at the stop
  // and pending cards are dropped; only a callback already in flight to a merchant endpoint that
  // does not answer could hold the exit, so after kStopGrace the process exits anyway.
  std::thread([&server, stop_signals]() mutable {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    request_stop();
    for (int i = 0; i < 5000 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    server.stop();
    std::this_thread::sleep_for(kStopGrace);
    std::fprintf(stderr, "paygw-sandbox: a callback was still in flight %lld s after the stop; exiting\n",
                 static_cast<long long>(kStopGrace.count()));
    std::_Exit(0);
  }).detach();
  std::printf("tingee client id: %s, signatures checked %s\n", options.tingee_client_id.c_str(),
              options.tingee_signature == "raw" ? "over the raw bytes" : "over JSON.stringify(JSON.parse(body))");
  // A generated sandbox secret is printed so that it can be used; one passed in never is.
  if (generated_tingee) std::printf("tingee secret: %s\n", options.tingee_secret.c_str());
  std::printf("tconnect partner code: %s, username: %s, client id: %s\n", options.tconnect_partner_code.c_str(),
              options.tconnect_username.c_str(), options.tconnect_client_id.c_str());
  std::printf("charging partner id: %s, scheme %s, callbacks: %s %s\n", options.charging_partner_id.c_str(),
              options.charging_scheme.c_str(), options.charging_callback_method.c_str(),
              options.charging_callback_url.empty() ? "(none)" : options.charging_callback_url.c_str());
  if (generated_charging) std::printf("charging partner key: %s\n", options.charging_partner_key.c_str());
  if (generated_tconnect) {
    std::printf("tconnect password: %s, client secret: %s, aes key: %s\n", options.tconnect_password.c_str(),
                options.tconnect_client_secret.c_str(), options.tconnect_aes_key_hex.c_str());
  }
  const char* scheme = options.tls_cert.empty() ? "http" : "https";
  std::printf("devices' screens: %s://%s:%d/_sandbox/%s\n", scheme, options.host.c_str(), port,
              qr_images_available() ? "" : " (QRs as text: built without libqrencode)");
  const std::string base_url = std::string(scheme) + "://" + options.host + ":" + std::to_string(port);
  if (options.print_env) std::printf("%s", env_lines(options, base_url).c_str());
  if (!options.env_file.empty() && !write_private_file(options.env_file, env_lines(options, base_url))) {
    std::fprintf(stderr, "paygw-sandbox: cannot write %s: %s\n", options.env_file.c_str(), std::strerror(errno));
    return 1;
  }
  std::printf("listening on %s://%s:%d\n", scheme, options.host.c_str(), port);
  std::fflush(stdout);
  server.listen_after_bind();
  scheduler.stop();
  return 0;
}
