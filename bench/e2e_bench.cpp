// SPDX-License-Identifier: MIT
// End-to-end throughput on loopback against paygw-sandbox (started by tools/bench):
//   paygw   — tingee::Client::get_device_paging through the pooled libcurl transport
//             (validate, serialise, sign with a fresh timestamp, send, parse) per request;
//   raw     — one reused libcurl easy handle POSTing pre-signed, byte-identical requests;
//   fresh   — a new easy handle (so a new TCP connection) per request, the vendor-sample pattern;
//   write   — tingee::Client::show_qr_code (a payment-display write) on the same kept-alive
//             connections, to compare a write's cost with a read's.
// Prints the median requests/second of several runs of each and the ratios.
#include <paygw/paygw.hpp>

#include <curl/curl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::size_t discard(char*, std::size_t size, std::size_t n, void*) { return size * n; }

struct Signed {
  std::string url, body;
  curl_slist* headers = nullptr;     // for the raw loops
  paygw::http::Headers header_list;  // the same headers, for paygw's transport alone
};

Signed pre_signed(const std::string& base, const std::string& client_id, const paygw::Secret& secret) {
  Signed s;
  s.url = base + "/v1/device/get-paging";
  s.body = R"({"skipCount":0,"maxResultCount":10})";
  const std::string ts = paygw::tingee::format_timestamp(std::chrono::system_clock::now());
  const std::string sig = *paygw::tingee::sign(secret, ts, s.body);
  s.header_list = {{"Content-Type", "application/json"},
                   {"Accept", "application/json"},
                   {"x-client-id", client_id},
                   {"x-request-timestamp", ts},
                   {"x-signature", sig}};
  for (const auto& [name, value] : s.header_list)
    s.headers = curl_slist_append(s.headers, (name + ": " + value).c_str());
  s.headers = curl_slist_append(s.headers, "Expect:");
  return s;
}

// PAYGW_BENCH_CA_FILE: the CA of an HTTPS sandbox (tools/bench's TLS phase); unset for plain HTTP.
const char* ca_file() { return std::getenv("PAYGW_BENCH_CA_FILE"); }

// A raw handle: the options that never change are set once, as paygw's pooled handles do.
CURL* raw_handle() {
  CURL* h = curl_easy_init();
  if (ca_file() != nullptr) curl_easy_setopt(h, CURLOPT_CAINFO, ca_file());
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &discard);
  return h;
}

bool raw_post(CURL* h, const Signed& s) {
  curl_easy_setopt(h, CURLOPT_URL, s.url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, s.headers);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, s.body.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(s.body.size()));
  long status = 0;
  const CURLcode rc = curl_easy_perform(h);
  if (rc == CURLE_OK) curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  if (rc != CURLE_OK || status != 200) {
    long written = 0, connects = 0;
    curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &written);
    curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &connects);
    std::fprintf(stderr, "raw request: %s, HTTP %ld (%ld request bytes written, %ld new connections)\n",
                 curl_easy_strerror(rc), status, written, connects);
  }
  return rc == CURLE_OK && status == 200;
}

// One measured loop. Every run measures each loop once, one after the other, so that a load change
// on the (shared) machine hits the loops of a run alike; ratios are taken per run, then the median.
struct Loop {
  Loop(const char* loop_name, std::function<bool()> one_request) : name(loop_name), one(std::move(one_request)) {}
  const char* name;
  std::function<bool()> one;
  int n = 0;
  std::vector<double> rates;       // requests per second (wall clock), one per run
  std::vector<double> cpu_us;      // this process's CPU time per request (client + libcurl), one per run
  std::vector<double> latency_us;  // every request's wall time: its median ignores scheduling stalls
};

double process_cpu_s() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

void measure(Loop& loop) {
  const double cpu0 = process_cpu_s();
  const auto start = Clock::now();
  for (int i = 0; i < loop.n; ++i) {
    const auto t0 = Clock::now();
    if (!loop.one()) {
      std::fprintf(stderr, "%s: request %d failed\n", loop.name, i);
      std::exit(1);
    }
    loop.latency_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  const double wall = std::chrono::duration<double>(Clock::now() - start).count();
  loop.rates.push_back(loop.n / wall);
  loop.cpu_us.push_back((process_cpu_s() - cpu0) * 1e6 / loop.n);
}

// The 1-minute load average: every ratio is printed beside it (a loaded machine hides costs that
// a quiet one shows, issue 22 item 6), so a figure can be judged by the load it was taken at.
std::string load_average() {
  char text[64] = "?";
  if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%63s", text) != 1) std::snprintf(text, sizeof text, "?");
    std::fclose(f);
  }
  return text;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Median over runs of a.rates[r] / b.rates[r].
double paired_ratio(const Loop& a, const Loop& b) {
  std::vector<double> r;
  for (std::size_t i = 0; i < a.rates.size(); ++i) r.push_back(a.rates[i] / b.rates[i]);
  return median(r);
}

long current_rss_kib() {
  long pages = 0, resident = 0;
  if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// TConnect soundbox pushes in flight at once through push_payment_async (one curl multi worker
// thread, max_async_connections connections), against the same pushes one after another when
// `sequential`. Prints the rate, how many were answered and the process's peak RSS (issue 22 item 5:
// 10 000 in flight within 64 MiB; tools/bench runs it alone, in a process of its own).
int fan_out(std::shared_ptr<paygw::http::Transport> transport, int count, bool sequential) {
  paygw::tconnect::Config tc;
  tc.base_url = std::getenv("PAYGW_TINGEE_BASE_URL");
  tc.partner_code = std::getenv("PAYGW_TCONNECT_PARTNER_CODE");
  tc.username = std::getenv("PAYGW_TCONNECT_USERNAME");
  tc.password = paygw::Secret(std::getenv("PAYGW_TCONNECT_PASSWORD"));
  tc.client_id = std::getenv("PAYGW_TCONNECT_CLIENT_ID");
  tc.client_secret = paygw::Secret(std::getenv("PAYGW_TCONNECT_CLIENT_SECRET"));
  tc.aes_key = paygw::Secret(std::getenv("PAYGW_TCONNECT_AES_KEY"));
  tc.transport = std::move(transport);
  auto tconnect = *paygw::tconnect::Client::create(tc);
  const paygw::tconnect::SoundboxPush push{"SB-0001", 180000,
                                           "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA53"
                                           "0370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E"};
  if (!tconnect.authenticate().ok()) return 1;
  const long rss_before_kib = current_rss_kib();
  int ok = 0;
  const auto a0 = Clock::now();
  {
    // Every answer goes through on_answer, whichever thread it arrives on.
    std::mutex mu;
    std::condition_variable all_answered;
    int answered = 0;
    auto on_answer = [&](const paygw::Result<paygw::tconnect::PushResult>& r) {
      std::lock_guard<std::mutex> lock(mu);
      ok += r.ok() ? 1 : 0;
      if (++answered == count) all_answered.notify_one();
    };
    // Futures today, read below. With the callback form of the _async calls (issue 22 item 5) this
    // one line becomes `tconnect.push_payment_async(push, on_answer);` and `pending` stays empty.
    std::vector<std::future<paygw::Result<paygw::tconnect::PushResult>>> pending;
    pending.reserve(static_cast<std::size_t>(count));
    auto start = [&] { pending.push_back(tconnect.push_payment_async(push)); };
    for (int i = 0; i < count; ++i) start();
    for (auto& f : pending) on_answer(f.get());
    std::unique_lock<std::mutex> lock(mu);
    all_answered.wait(lock, [&] { return answered == count; });
  }
  const double async_s = std::chrono::duration<double>(Clock::now() - a0).count();
  double sync_s = 0;
  if (sequential) {
    const auto s0 = Clock::now();
    for (int i = 0; i < count; ++i) ok += tconnect.push_payment(push).ok() ? 1 : 0;
    sync_s = std::chrono::duration<double>(Clock::now() - s0).count();
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const int expected = sequential ? 2 * count : count;
  std::printf("fan-out: %d pushes in flight at once: %.0f req/s", count, count / async_s);
  if (sequential) std::printf(" (sequential: %.0f req/s)", count / sync_s);
  std::printf(", %d/%d ok, peak RSS %.1f MiB (%.1f MiB before the pushes) (load average %s)\n", ok, expected,
              static_cast<double>(usage.ru_maxrss) / 1024.0, static_cast<double>(rss_before_kib) / 1024.0,
              load_average().c_str());
  return ok == expected ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const char* base = std::getenv("PAYGW_TINGEE_BASE_URL");
  const char* id = std::getenv("PAYGW_TINGEE_CLIENT_ID");
  const char* secret_text = std::getenv("PAYGW_TINGEE_SECRET");
  if (base == nullptr || id == nullptr || secret_text == nullptr) {
    std::fputs("run through tools/bench (needs PAYGW_TINGEE_BASE_URL/_CLIENT_ID/_SECRET)\n", stderr);
    return 2;
  }
  const int n = argc > 1 ? std::atoi(argv[1]) : 2000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  const paygw::Secret secret(secret_text);

  paygw::tingee::Config config;
  config.base_url = base;
  config.client_id = id;
  config.secret = secret;
  paygw::http::CurlOptions curl_options;
  if (const char* c = std::getenv("PAYGW_BENCH_ASYNC_CONNECTIONS"))
    curl_options.max_async_connections = std::strtoul(c, nullptr, 10);
  if (ca_file() != nullptr) curl_options.ca_file = ca_file();
  config.transport = *paygw::http::make_curl_transport(curl_options);
  // PAYGW_BENCH_FANOUT=N: only N pushes in flight at once, in this process of its own (peak RSS).
  if (const char* fan = std::getenv("PAYGW_BENCH_FANOUT")) return fan_out(config.transport, std::atoi(fan), false);
  auto client = *paygw::tingee::Client::create(config);
  const paygw::tingee::GetDevicePagingRequest page;
  paygw::tingee::ShowQrRequest qr;  // a write: the sandbox's 3LS box shows a VietQR
  qr.uuid = "DEMO-BOX-3LS";
  qr.amount = 40123;
  qr.qr_code =
      "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
      "text string6304D9C6";
  auto show_qr = [&] {
    auto r = client.show_qr_code(qr);
    if (!r) std::fprintf(stderr, "%s\n", paygw::describe(r.error()).c_str());
    return r.ok();
  };

  const Signed s = pre_signed(base, id, secret);
  CURL* reused = raw_handle();

  // paygw's transport alone, sending the raw loop's pre-signed bytes: what the pooled libcurl layer
  // costs, without signing, JSON and typed parsing.
  const paygw::http::Request presigned{paygw::http::Method::kPost, s.url, s.header_list, s.body, {}, {}};
  Loop read{"paygw tingee::Client (read: get_device_paging)", [&] {
              auto r = client.get_device_paging(page);
              if (!r) std::fprintf(stderr, "%s\n", paygw::describe(r.error()).c_str());
              return r.ok();
            }};
  Loop write{"paygw tingee::Client (write: show_qr_code)", show_qr};
  Loop transport{"paygw transport alone (pre-signed bytes)", [&] {
                   auto r = config.transport->send(presigned);
                   return r.ok() && r->status == 200;
                 }};
  Loop raw{"raw libcurl, one reused handle", [&] { return raw_post(reused, s); }};
  Loop fresh{"raw libcurl, new handle (new connection)", [&] {
               CURL* h = raw_handle();
               const bool ok = raw_post(h, s);
               curl_easy_cleanup(h);
               return ok;
             }};
  Loop* loops[] = {&read, &write, &transport, &raw, &fresh};
  // PAYGW_BENCH_ONLY=transport|raw|read|write: only that loop, n requests after 100 of warm-up, and
  // nothing else (for callgrind, perf or strace on one loop: tools/bench-profile).
  if (const char* only = std::getenv("PAYGW_BENCH_ONLY")) {
    Loop* chosen = std::string(only) == "transport" ? &transport
                   : std::string(only) == "raw"     ? &raw
                   : std::string(only) == "read"    ? &read
                   : std::string(only) == "write"   ? &write
                                                    : nullptr;
    if (chosen == nullptr) return 2;
    chosen->n = 100;
    measure(*chosen);
    if (const char* mark = std::getenv("PAYGW_BENCH_MARK")) std::fputs(mark, stderr);  // warm-up done
    chosen->n = n;
    measure(*chosen);
    std::vector<double> lat(chosen->latency_us.end() - n, chosen->latency_us.end());
    std::sort(lat.begin(), lat.end());
    std::printf("%s: %d requests, %.1f us CPU/request, latency us: median %.1f, p90 %.1f, p99 %.1f, mean %.1f\n",
                chosen->name, n, chosen->cpu_us.back(), lat[lat.size() / 2], lat[lat.size() * 9 / 10],
                lat[lat.size() * 99 / 100], 1e6 / chosen->rates.back());
    curl_easy_cleanup(reused);
    curl_slist_free_all(s.headers);
    return 0;
  }
  for (Loop* loop : loops) {  // warm up every path (connections, page cache) once
    loop->n = 100;
    measure(*loop);
    loop->rates.clear();
    loop->cpu_us.clear();
    loop->latency_us.clear();
    loop->n = loop == &fresh ? std::max(1, n / 4) : n;
  }
  for (int r = 0; r < runs; ++r) {
    for (Loop* loop : loops) measure(*loop);
  }
  curl_easy_cleanup(reused);
  curl_slist_free_all(s.headers);

  std::printf("requests per run: %d (new-connection loop: %d), runs: %d; medians over runs:\n", n, fresh.n, runs);
  for (const Loop* loop : loops) {
    std::printf("  %-48s %8.0f req/s  %6.1f us CPU/request  %7.1f us median latency\n", loop->name, median(loop->rates),
                median(loop->cpu_us), median(loop->latency_us));
  }
  const std::string load = "(load average " + load_average() + ")";
  std::printf("paygw / raw reused = %.2f (target >= %s); transport alone / raw = %.2f (target >= 0.90) %s\n",
              paired_ratio(read, raw), ca_file() != nullptr ? "0.90 over HTTPS" : "0.92 over HTTP",
              paired_ratio(transport, raw), load.c_str());
  std::printf("by CPU time per request: paygw / raw = %.2f, transport alone / raw = %.2f %s\n",
              median(raw.cpu_us) / median(read.cpu_us), median(raw.cpu_us) / median(transport.cpu_us), load.c_str());
  std::printf("paygw / new handle = %.2f (target >= 3.00) %s\n", paired_ratio(read, fresh), load.c_str());
  std::printf("write / read cost  = %.2f (time per call; target <= 1.10) %s\n", paired_ratio(read, write),
              load.c_str());
  std::printf("by median latency: paygw / raw = %.2f, transport alone / raw = %.2f, write / read = %.2f %s\n",
              median(raw.latency_us) / median(read.latency_us), median(raw.latency_us) / median(transport.latency_us),
              median(write.latency_us) / median(read.latency_us), load.c_str());

  return fan_out(config.transport, 1000, true);
}
