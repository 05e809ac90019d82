// SPDX-License-Identifier: MIT
// A worker process for the cross-process money-out and flow race (money_out_race_test.cpp). It
// opens the shared store (SQLite file or PostgreSQL database) and, with --chaos 1, SIGKILLs itself
// at random points of the operation: before a payment-bill / refund is sent (after its
// write-ahead), after it reached the server (before the answer is recorded), and inside a handler
// (its side-table row written, the transaction not committed). The test kills it from outside too.
//
// paygw_test_money_out_node --store sqlite:<path>|postgres:<conninfo> --mode pay|refund|flow
//     --seed <n> --chaos 0|1 --violations <file>
//   pay:    --url <fake Tingee> --ids <file of "requestId amount">
//   refund: --url <fake Tingee> --ids <file of "refundId transactionId amount">
//   flow:   --flows <n> --target <version> --wins <file>
// pay / refund: one pass over the ids (in the file's order or shuffled) — the call, and (for some ids whose record
// exists) the same id with other content, which must be refused — then one reconcile run
// (absent_after 1 h: nothing is declared not sent while others may still send). The handlers write
// a row to money_out_applied in the event's transaction (no unique key: a double application shows).
// flow: create_flow of every flow, then compare-and-set updates appending a unique token to the
// flow's data until its version reaches --target; each won update is logged ("flow version token")
// AFTER it committed, so a killed process loses a log line, never invents one.
// Anything that breaks a promise is written to --violations (exit 0 either way; exit 1 = setup).
#include <paygw/paygw.hpp>
#include <paygw/receive/money_out.hpp>
#include <paygw/receive/reconciler.hpp>
#include <paygw/store/postgres.hpp>
#include <paygw/store/sqlite.hpp>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace paygw;
using namespace paygw::receive;
using namespace std::chrono_literals;

std::mt19937& rng() {
  static std::mt19937 r;
  return r;
}
bool g_chaos = false;

/// Dies with SIGKILL, one time in `one_in`, when chaos is on.
void maybe_die(unsigned one_in) {
  if (g_chaos && rng()() % one_in == 0) raise(SIGKILL);
}

void append_line(const std::string& path, const std::string& line) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd < 0) return;
  const std::string text = line + "\n";
  (void)!::write(fd, text.data(), text.size());
  ::close(fd);
}

/// The curl transport, with deaths around the money-moving writes.
class DyingTransport final : public http::Transport {
 public:
  explicit DyingTransport(std::shared_ptr<http::Transport> inner) : inner_(std::move(inner)) {}
  Result<http::Response> send(const http::Request& request) override {
    const bool write = request.url.find("/payment-bill") != std::string::npos ||
                       request.url.find("/direct-debit/refund") != std::string::npos;
    if (write) maybe_die(8);  // written ahead, never sent
    auto r = inner_->send(request);
    if (write) maybe_die(6);  // the server has it (and may have carried it out); the answer is lost
    return r;
  }

 private:
  std::shared_ptr<http::Transport> inner_;
};

struct Args {
  std::map<std::string, std::string> m;
  std::string operator[](const std::string& k) const {
    const auto it = m.find(k);
    return it == m.end() ? std::string() : it->second;
  }
};

tingee::DirectDebitPaymentBillRequest bill(const std::string& id, Vnd amount) {
  tingee::DirectDebitPaymentBillRequest r;
  r.request_id = id;
  r.subscription_id = "SUB-1";
  r.token_ref = "TOK-1";
  r.amount = amount;
  r.description = "race plan " + id;  // one description per payment (ADR 0053)
  r.service_provider_name = "Shop";
  return r;
}

tingee::DirectDebitRefundRequest refund_of(const std::string& txn, Vnd amount) {
  tingee::DirectDebitRefundRequest r;
  r.subscription_id = "SUB-1";
  r.token_ref = "TOK-1";
  r.transaction_id = txn;
  r.amount = amount;
  return r;
}

bool recorded(PaymentStore& store, const std::string& key) {
  auto r = store.find_submission(Provider::kTingee, key);
  return r && r->has_value();
}

int run_money_out(const Args& args, const std::shared_ptr<PaymentStore>& store, bool postgres) {
  const std::string violations = args["--violations"];
  const std::string insert =
      postgres ? "INSERT INTO money_out_applied (kind, id, succeeded, txn, source, pid) VALUES ($1, $2, $3, $4, $5, $6)"
               : "INSERT INTO money_out_applied (kind, id, succeeded, txn, source, pid) VALUES (?, ?, ?, ?, ?, ?)";
  const auto pid = static_cast<std::int64_t>(getpid());
  auto side = [=](const char* kind, const MoneyOutFinal& f, ApplyContext& ctx) -> Result<void> {
    auto n = ctx.execute(
        insert, {std::string(kind), f.request_id, std::int64_t{f.succeeded ? 1 : 0}, f.transaction_id, f.source, pid});
    if (!n) return n.error();
    maybe_die(8);  // inside the transaction: the row must vanish with it
    return {};
  };
  ApplierOptions a;
  a.handlers.direct_debit_payment = [=](const MoneyOutFinal& f, ApplyContext& ctx) { return side("pay", f, ctx); };
  a.handlers.direct_debit_refund = [=](const MoneyOutFinal& f, ApplyContext& ctx) { return side("refund", f, ctx); };
  const Applier applier(store, a);

  auto transport = http::make_curl_transport();
  if (!transport) return std::fprintf(stderr, "%s\n", describe(transport.error()).c_str()), 1;
  tingee::Config c;
  c.base_url = args["--url"];
  c.client_id = "client-1";
  c.secret = Secret("tingee-secret-for-the-race");
  c.transport = std::make_shared<DyingTransport>(*transport);
  c.timeout = 1500ms;
  auto client = tingee::Client::create(c);
  if (!client) return std::fprintf(stderr, "%s\n", describe(client.error()).c_str()), 1;

  const bool pay = args["--mode"] == "pay";
  struct Item {
    std::string id, txn;
    Vnd amount = 0;
  };
  std::vector<Item> items;
  std::ifstream in(args["--ids"]);
  for (Item it;
       pay ? static_cast<bool>(in >> it.id >> it.amount) : static_cast<bool>(in >> it.id >> it.txn >> it.amount);)
    items.push_back(it);
  // Half the workers take the ids in the same order (they meet on each id at once), half shuffled.
  if (rng()() % 2 == 0) std::shuffle(items.begin(), items.end(), rng());

  for (const Item& it : items) {
    const std::string key = std::string(pay ? kDirectDebitPaymentPrefix : kDirectDebitRefundPrefix) + it.id;
    auto r = pay ? pay_bill(*client, applier, bill(it.id, it.amount))
                 : refund(*client, applier, it.id, refund_of(it.txn, it.amount));
    // The send's own errors (maybe sent, 503) are what the server does; a store error under
    // contention, or the same content refused, is a defect.
    if (!r && r.error().code == ErrorCode::kInternal) append_line(violations, key + ": " + describe(r.error()));
    if (!r && r.error().code == ErrorCode::kInvalidArgument) {
      append_line(violations, key + ": same content refused: " + describe(r.error()));
    }
    if (rng()() % 3 == 0 && recorded(*store, key)) {
      auto other = pay ? pay_bill(*client, applier, bill(it.id, it.amount - 1))
                       : refund(*client, applier, it.id, refund_of(it.txn, it.amount - 1));
      if (other || other.error().code != ErrorCode::kInvalidArgument) {
        append_line(violations, key + ": other content not refused" + (other ? "" : ": " + describe(other.error())));
      }
    }
  }
  // A reconciler pass from this process too (racing the others' answers and reconcilers).
  ReconcileQueries q;
  SettleMoneyOutOptions s;
  s.absent_after = std::chrono::hours(1);
  q.money_out = money_out_with(*client, s);
  ReconcileOptions o;
  o.older_than = 0ms;
  o.max_queries_per_second = 0;
  // (A record whose read failed — a timeout on a loaded machine — is the next run's: not a defect.)
  auto report = reconcile(applier, q, o);
  if (!report) append_line(violations, "reconcile: " + describe(report.error()));
  return 0;
}

/// The flow's data: a JSON array of the tokens of every update, in order.
std::string with_token(const std::string& data, const std::string& token) {
  if (data == "[]") return "[\"" + token + "\"]";
  return data.substr(0, data.size() - 1) + ",\"" + token + "\"]";
}

int run_flows(const Args& args, PaymentStore& store) {
  const std::string violations = args["--violations"];
  const std::string wins = args["--wins"];
  const int flows = std::atoi(args["--flows"].c_str());
  const std::int64_t target = std::atoll(args["--target"].c_str());
  const std::string me = std::to_string(getpid());
  int seq = 0;
  std::vector<int> order(static_cast<std::size_t>(flows));
  for (int i = 0; i < flows; ++i) order[static_cast<std::size_t>(i)] = i;
  std::shuffle(order.begin(), order.end(), rng());
  for (int i : order) {
    FlowRecord f;
    f.flow_id = "race-flow-" + std::to_string(i);
    f.kind = "race";
    f.state = "v1";
    f.data = "[]";
    auto created = store.create_flow(f);
    if (!created) {
      append_line(violations, f.flow_id + ": create_flow: " + describe(created.error()));
    } else if (*created) {
      append_line(wins, f.flow_id + " 1 create-" + me);
    }
  }
  for (bool progress = true; progress;) {
    progress = false;
    std::shuffle(order.begin(), order.end(), rng());
    for (int i : order) {
      const std::string id = "race-flow-" + std::to_string(i);
      auto found = store.find_flow(Provider::kTingee, id);
      if (!found || !found->has_value()) {
        append_line(violations, id + ": find_flow found nothing after create_flow");
        continue;
      }
      const FlowRecord& f = **found;
      if (f.version >= target) continue;
      progress = true;
      const std::string token = me + "-" + std::to_string(++seq);
      maybe_die(40);
      // Widen the read-to-write window a little, so that the other processes read the same version.
      std::this_thread::sleep_for(std::chrono::microseconds(rng()() % 2000));
      auto won = store.update_flow(Provider::kTingee, id, f.version, "v" + std::to_string(f.version + 1),
                                   with_token(f.data, token));
      if (!won) {
        append_line(violations, id + ": update_flow: " + describe(won.error()));
        continue;
      }
      if (*won) {
        maybe_die(40);  // committed, not logged: the log may miss a win, never invent one
        append_line(wins, id + " " + std::to_string(f.version + 1) + " " + token);
      }
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  for (int i = 1; i + 1 < argc; i += 2) args.m[argv[i]] = argv[i + 1];
  rng().seed(static_cast<unsigned>(std::strtoul(args["--seed"].c_str(), nullptr, 10)));
  g_chaos = args["--chaos"] == "1";
  const std::string store_arg = args["--store"];
  const bool postgres = store_arg.rfind("postgres:", 0) == 0;
  std::shared_ptr<PaymentStore> store;
  if (postgres) {
    postgres::StoreOptions o;
    o.conninfo = store_arg.substr(9);
    auto s = postgres::open_store(o);
    if (!s) return std::fprintf(stderr, "%s\n", describe(s.error()).c_str()), 1;
    store = *s;
  } else {
    sqlite::StoreOptions o;
    o.path = store_arg.substr(7);
    auto s = sqlite::open_store(o);
    if (!s) return std::fprintf(stderr, "%s\n", describe(s.error()).c_str()), 1;
    store = *s;
  }
  if (args["--mode"] == "flow") return run_flows(args, *store);
  return run_money_out(args, store, postgres);
}
