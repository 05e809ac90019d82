// SPDX-License-Identifier: MIT
// The reconciler: asks the providers about what no callback settled, and applies their answers
// through the Applier (the same compare-and-set and handlers as a callback).
#include <paygw/charging/stored_card.hpp>
#include <paygw/receive/reconciler.hpp>

#include "http/util.hpp"
#include "receive/check_rule.hpp"

#include <thread>

namespace paygw::receive {

namespace {

using namespace std::chrono_literals;

bool is_credit(const TingeeTransaction& t) { return paygw::detail::iequals(t.type, "CREDIT"); }

struct Run {
  const Applier& applier;
  const ReconcileQueries& queries;
  const ReconcileOptions& options;
  CallOptions call;
  ReconcileReport report;

  void fail(const SubmissionRecord& r, const Error& e) {
    ++report.totals.failed;
    report.totals.note = "failed: " + describe(e);
    report.errors.push_back(std::string(to_string(r.provider)) + ":" + r.request_id + ": " + describe(e));
  }
  void count(const Result<Applied>& a, const SubmissionRecord& r) {
    if (!a) return fail(r, a.error());
    if (a->outcome == Outcome::kApplied) ++report.totals.applied;
    report.totals.note = std::string(to_string(a->outcome)) + (a->detail.empty() ? "" : ": " + a->detail);
  }
  void pending(std::string note) {
    ++report.totals.still_pending;
    report.totals.note = std::move(note);
  }

  void card(const SubmissionRecord& r) {
    auto stored = charging::StoredCard::decode(r.request_id, r.telco, r.amount, r.verifier);
    if (!stored) return fail(r, stored.error());
    auto card = charging::unseal_card(*stored, options.store_key);
    if (!card) return fail(r, card.error());
    auto checked = queries.check_card(*card, call);
    std::fill(card->code.begin(), card->code.end(), '\0');
    std::fill(card->serial.begin(), card->serial.end(), '\0');
    if (!checked) return fail(r, checked.error());
    charging::ChargeResult result = *checked;
    if (result.request_id.empty()) result.request_id = r.request_id;
    if (result.request_id != r.request_id) {
      return fail(r, make_error(ErrorCode::kMalformed, "check answered for another request_id", Delivery::kMaybeSent));
    }
    // The one rule (shared with the charging verifier): only a card verdict settles a card.
    const bool acknowledged = r.state != SubmissionState::kWriteAhead;
    const detail::CheckVerdict verdict = detail::rule_on_check(result, acknowledged);
    if (verdict.ruling == detail::CheckRuling::kKeepPending) {
      if (!verdict.why.empty()) {
        applier.alert({Provider::kCharging, "not_confirmed", r.request_id, verdict.why + ": kept pending"});
        return pending(verdict.why + ": kept pending (alerted)");
      }
      if (!acknowledged) {
        (void)applier.store()->mark(Provider::kCharging, r.request_id, SubmissionState::kWriteAhead,
                                    SubmissionState::kPending);
      }
      return pending("status " + std::to_string(result.status_code) + ": still pending");
    }
    // A verdict, or 101 for a write-ahead card (the provider never received it): final; only a
    // crediting verdict credits.
    count(applier.apply_card(result, "check"), r);
  }

  void order(const SubmissionRecord& r) {
    tconnect::IpnNotification ipn;
    ipn.order_id = r.request_id;
    ipn.amount = r.amount;
    ipn.acc_no = r.verifier;  // receive::write_ahead_order keeps the order's VA there (for the order status)
    auto confirmed = queries.confirm_ipn(ipn, call);
    if (!confirmed) return fail(r, confirmed.error());
    if (confirmed->result != IpnCheck::kConfirmed || !confirmed->transaction) return pending("not paid yet");
    count(applier.apply_ipn(ipn, *confirmed->transaction, "reconcile"), r);
  }

  void money_out(const SubmissionRecord& r) {
    auto settled = queries.money_out(applier, r, call);
    if (!settled) return fail(r, settled.error());
    if (!settled->settled) return pending(settled->note);
    ++report.totals.applied;
    report.totals.note = settled->note;
  }

  void bill(const SubmissionRecord& r) {
    const auto now = (options.clock ? options.clock : system_clock())->now();
    TingeeBillQuery q{r.request_id, r.created_at - 1min, std::min(now, r.created_at + std::chrono::hours(24 * 10))};
    auto found = queries.find_tingee(q, call);
    if (!found) return fail(r, found.error());
    for (const TingeeTransaction& t : *found) {
      if (!is_credit(t)) {
        // A refund can name the bill: money that left the account never settles it.
        applier.alert({Provider::kTingee, t.type.empty() ? "not_confirmed" : "debit", r.request_id,
                       "transaction " + t.transaction_code + " of type '" + t.type +
                           "' names the bill; only a CREDIT settles it"});
        continue;
      }
      tingee::PaymentNotification p;
      p.transaction_code = t.transaction_code;
      p.amount = t.amount;
      p.content = t.content;
      p.bank_bin = t.bank_bin;
      p.account_number = t.account_number;
      p.va_account_number = t.va_account_number;
      p.transaction_date = t.transaction_date;
      p.additional_data = {{"billId", t.bill_id.empty() ? r.request_id : t.bill_id}};
      auto applied = applier.apply_tingee_payment(p, "reconcile");
      if (!applied) return fail(r, applied.error());
    }
    auto now_record = applier.store()->find_submission(Provider::kTingee, r.request_id);
    if (!now_record) return fail(r, now_record.error());
    const bool settled = *now_record && (*now_record)->state == SubmissionState::kFinal;
    if (!settled) return pending(found->empty() ? "no payment yet" : "payments found, bill not settled");
    ++report.totals.applied;
    report.totals.note = "bill settled";
  }
};

}  // namespace

Result<ReconcileReport> reconcile(const Applier& applier, const ReconcileQueries& queries,
                                  const ReconcileOptions& options) {
  auto due = applier.store()->list_unsettled(options.older_than, options.limit);
  if (!due) return due.error();
  Run run{applier, queries, options, options.query_options, {}};
  if (!run.call.cancel && options.cancel) run.call.cancel = options.cancel;
  auto cancelled = [&] { return options.cancel && options.cancel->cancelled(); };
  auto wait = [&](std::chrono::milliseconds d) {
    if (options.wait) return options.wait(d);
    if (options.cancel) return options.cancel->wait_for(d);
    std::this_thread::sleep_for(d);
    return false;
  };
  const auto interval =
      options.max_queries_per_second > 0
          ? std::chrono::milliseconds(static_cast<std::int64_t>(1000.0 / options.max_queries_per_second))
          : 0ms;
  ReconcileProgress& p = run.report.totals;
  p.total = due->size();
  bool queried = false;
  for (const SubmissionRecord& r : *due) {
    if (cancelled()) {
      run.report.cancelled = true;
      break;
    }
    p.current = std::string(to_string(r.provider)) + ":" + r.request_id;
    const bool money_out = r.provider == Provider::kTingee && is_money_out_key(r.request_id);
    const bool can = (r.provider == Provider::kCharging && queries.check_card) ||
                     (r.provider == Provider::kTconnect && queries.confirm_ipn) || (money_out && queries.money_out) ||
                     (r.provider == Provider::kTingee && !money_out && queries.find_tingee);
    if (!can) {
      ++p.skipped;
      p.note = "skipped: no query configured";
    } else {
      if (queried && interval > 0ms && wait(interval)) {
        run.report.cancelled = true;
        break;
      }
      queried = true;
      switch (r.provider) {
        case Provider::kCharging: run.card(r); break;
        case Provider::kTconnect: run.order(r); break;
        case Provider::kTingee: money_out ? run.money_out(r) : run.bill(r); break;
      }
    }
    ++p.done;
    if (options.progress) options.progress(p);
  }
  return std::move(run.report);
}

std::string progress_line(const ReconcileProgress& p) {
  std::string line = "reconcile: " + std::to_string(p.done) + "/" + std::to_string(p.total) + " checked, " +
                     std::to_string(p.applied) + " applied, " + std::to_string(p.still_pending) + " pending, " +
                     std::to_string(p.skipped) + " skipped, " + std::to_string(p.failed) + " failed";
  if (!p.current.empty()) line += " — " + p.current + " " + p.note;
  return line;
}

}  // namespace paygw::receive
