// SPDX-License-Identifier: MIT
// Money out (ADR 0053): a direct-debit payment or a refund recorded before it is sent, sent once,
// its answer recorded, settled exactly once through the store.
#include <paygw/receive/money_out.hpp>

#include "json/json.hpp"
#include "receive/payload.hpp"

#include <exception>
#include <optional>
#include <utility>
#include <vector>

namespace paygw::receive {

namespace {

namespace json = paygw::detail::json;
using json::Json;
using Tx = PaymentStore::Transaction;

constexpr std::size_t kMaxKey = 128;  // SubmissionRecord::request_id
constexpr std::string_view kSentPrefix = "dd-sent/";
constexpr std::string_view kTxnPrefix = "dd-txn/";

Error refused(std::string message) { return make_error(ErrorCode::kInvalidArgument, std::move(message)); }

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

enum class Verdict { kOpen, kSucceeded, kFailed };

// payment-bill's and the status query's statuses (DirectDebitTransactionStatusEnum and
// WebhookStatusEnum): which are final, and which of those moved the money.
Verdict payment_verdict(const std::string& status) {
  if (status == "success" || status == "refunded") return Verdict::kSucceeded;
  if (status == "failure" || status == "failed" || status == "insufficient-balance" || status == "exceed-daily-limit") {
    return Verdict::kFailed;
  }
  return Verdict::kOpen;  // pending, pending-confirm, confirmed-and-sent-to-direct-debit, unknown
}

// refund's status (DirectDebitRefundStatusEnum: success, failure, Pending).
Verdict refund_verdict(const std::string& status) {
  if (status == "success") return Verdict::kSucceeded;
  if (status == "failure") return Verdict::kFailed;
  return Verdict::kOpen;
}

// The content a second call must repeat (never signature or token: they are not stored).
Json payment_content(const tingee::DirectDebitPaymentBillRequest& r) {
  Json extra = Json::array();
  for (const auto& [name, value] : r.additional_data) extra.push_back(Json::array({name, value}));
  return Json{{"op", "payment"},
              {"requestId", r.request_id},
              {"clientId", r.client_id},
              {"subscriptionId", r.subscription_id},
              {"tokenRef", r.token_ref},
              {"amount", r.amount},
              {"description", r.description},
              {"expirationTime", r.expiration_time},
              {"additionalData", extra},
              {"partnerCode", r.partner_code},
              {"accountNumber", r.account_number},
              {"serviceProviderName", r.service_provider_name},
              {"returnUrl", r.return_url}};
}

Json refund_content(const std::string& refund_id, const tingee::DirectDebitRefundRequest& r) {
  return Json{{"op", "refund"},
              {"refundId", refund_id},
              {"subscriptionId", r.subscription_id},
              {"tokenRef", r.token_ref},
              {"transactionId", r.transaction_id},
              {"amount", r.amount}};
}

std::optional<Json> content_of(const SubmissionRecord& r) {
  auto parsed = json::parse(r.verifier);
  if (!parsed || !parsed->is_object()) return std::nullopt;
  return std::move(*parsed);
}

// The marker events linking a payment and its debit, both ways (kind tingee_dd_link, handled).
Result<std::optional<std::string>> linked_debit(PaymentStore& store, const std::string& key) {
  auto found = store.find_event(Provider::kTingee, std::string(kSentPrefix) + key);
  if (!found) return found.error();
  if (!*found) return std::optional<std::string>();
  return std::optional<std::string>((*found)->payload);
}

// Links `key` to debit `txn` unless the debit is another payment's. true when linked (now or before).
Result<bool> link_debit(PaymentStore& store, const std::string& key, const std::string& txn) {
  auto tx = store.begin();
  if (!tx) return tx.error();
  const EventRecord by_txn{
      Provider::kTingee, std::string(kTxnPrefix) + txn, std::string(payload::kDirectDebitLink), key, true, {}};
  auto claimed = (*tx)->record_event(by_txn);
  if (!claimed) return claimed.error();
  if (!*claimed) {
    tx->reset();  // ends the transaction (rolled back) before reading outside it
    auto owner = store.find_event(Provider::kTingee, by_txn.event_id);
    if (!owner) return owner.error();
    return *owner && (*owner)->payload == key;
  }
  const EventRecord by_key{
      Provider::kTingee, std::string(kSentPrefix) + key, std::string(payload::kDirectDebitLink), txn, true, {}};
  auto linked = (*tx)->record_event(by_key);
  if (!linked) return linked.error();
  if (!*linked) return false;  // linked to another debit already: keep that one
  if (auto committed = (*tx)->commit(); !committed) return committed.error();
  return true;
}

template <typename F>
Result<void> call_handler(const F& f) {
  try {
    return f();
  } catch (const std::exception& e) {
    return make_error(ErrorCode::kInternal, std::string("handler threw: ") + e.what());
  } catch (...) {
    return make_error(ErrorCode::kInternal, "handler threw");
  }
}

// The final result, applied once: finalize + event + handler in one transaction.
Result<Applied> apply_final(const Applier& applier, const std::string& key, const payload::MoneyOut& out) {
  const std::string text = payload::encode(out);
  const bool is_payment = out.kind == payload::kDirectDebitPayment;
  const Handler<MoneyOutFinal>& handler =
      is_payment ? applier.options().handlers.direct_debit_payment : applier.options().handlers.direct_debit_refund;
  std::optional<Alert> later;
  Applied applied;
  {
    auto tx = applier.store()->begin();
    if (!tx) return tx.error();
    auto found = (*tx)->find_submission(Provider::kTingee, key);
    if (!found) return found.error();
    if (!*found) return make_error(ErrorCode::kInternal, "money out: the record of " + key + " is missing");
    const SubmissionRecord record = **found;
    if (record.state == SubmissionState::kNotSent) {
      later = Alert{Provider::kTingee, "rejected", key, "a final status for a payment or refund recorded as not sent"};
      applied = Applied{Outcome::kRejected, key, false, "recorded as not sent"};
    } else if (record.state == SubmissionState::kFinal) {
      auto stored = payload::decode_money_out(record.result);
      if (!stored) return stored.error();
      if (stored->succeeded != out.succeeded || (!stored->transaction_id.empty() && !out.transaction_id.empty() &&
                                                 stored->transaction_id != out.transaction_id)) {
        later = Alert{Provider::kTingee, "conflict", key,
                      "final as '" + stored->status + "', now answered '" + out.status + "'"};
        applied = Applied{Outcome::kConflict, key, false, "already final with another result"};
      } else {
        applied = Applied{Outcome::kDuplicate, key, false, "already final"};
      }
    } else {
      auto finalized = (*tx)->finalize(Provider::kTingee, key, text);
      if (!finalized) return finalized.error();
      if (!*finalized) return make_error(ErrorCode::kInternal, "store: finalize() refused an open submission");
      EventRecord event{Provider::kTingee, key, out.kind, text, static_cast<bool>(handler), {}};
      auto inserted = (*tx)->record_event(event);
      if (!inserted) return inserted.error();
      if (!*inserted) return make_error(ErrorCode::kInternal, "store: the final event of " + key + " exists");
      if (handler) {
        ApplyContext context(event, **tx);
        const MoneyOutFinal value{out.request_id, out.succeeded, out.status, out.transaction_id,
                                  out.amount,     record,        out.source};
        auto done = call_handler([&]() -> Result<void> { return handler(value, context); });
        if (!done) return done.error();
      }
      if (auto committed = (*tx)->commit(); !committed) return committed.error();
      applied = Applied{Outcome::kApplied, key, event.handled, "final " + out.status};
    }
  }
  if (later) applier.alert(*later);
  return applied;
}

MoneyOutResult result_of(const SubmissionRecord& r, std::optional<std::string> txn) {
  MoneyOutResult m;
  m.state = r.state;
  if (r.state == SubmissionState::kFinal) {
    if (auto out = payload::decode_money_out(r.result)) {
      m.succeeded = out->succeeded;
      m.status = out->status;
      m.transaction_id = out->transaction_id;
    }
  } else if (txn) {
    m.transaction_id = *txn;
  }
  m.detail = "recorded: " + std::string(to_string(r.state));
  return m;
}

// The write-ahead, or the recorded outcome of the same request (nullopt: recorded now, send it).
Result<std::optional<MoneyOutResult>> write_ahead(PaymentStore& store, SubmissionRecord record, const Json& content,
                                                  const std::string& what) {
  auto text = json::dump(content);
  if (!text) return text.error();
  record.verifier = *text;
  auto inserted = store.record_submission(record);
  if (!inserted) return inserted.error();
  if (*inserted) return std::optional<MoneyOutResult>();
  auto found = store.find_submission(Provider::kTingee, record.request_id);
  if (!found) return found.error();
  if (!*found) return make_error(ErrorCode::kInternal, "store: " + record.request_id + " vanished");
  const auto stored = content_of(**found);
  if (!stored || *stored != content) {
    return refused(what + " already recorded with other content: refused, nothing sent (use a new id)");
  }
  std::optional<std::string> txn;
  if (starts_with(record.request_id, kDirectDebitPaymentPrefix)) {
    auto linked = linked_debit(store, record.request_id);
    if (!linked) return linked.error();
    txn = *linked;
  }
  return std::optional<MoneyOutResult>(result_of(**found, txn));
}

Result<void> key_ok(const std::string& id, std::string_view prefix, Vnd amount) {
  if (id.empty()) return refused("an id is required");
  if (prefix.size() + id.size() > kMaxKey) {
    return refused("the id is too long (at most " + std::to_string(kMaxKey - prefix.size()) + " bytes)");
  }
  if (amount <= 0 || amount > kMaxAmountVnd) return refused("amount must be 1.." + std::to_string(kMaxAmountVnd));
  return {};
}

// Applies a final verdict, or records the record as pending; returns what the caller sees.
Result<MoneyOutResult> settle_answer(const Applier& applier, const std::string& key, payload::MoneyOut out,
                                     Verdict verdict) {
  MoneyOutResult m;
  m.sent = true;
  m.status = out.status;
  m.transaction_id = out.transaction_id;
  if (verdict == Verdict::kOpen) {
    auto marked =
        applier.store()->mark(Provider::kTingee, key, SubmissionState::kWriteAhead, SubmissionState::kPending);
    if (!marked) return marked.error();
    m.state = SubmissionState::kPending;
    m.detail = "accepted, not final (" + out.status + "): the reconciler settles it";
    return m;
  }
  out.succeeded = verdict == Verdict::kSucceeded;
  auto applied = apply_final(applier, key, out);
  if (!applied) return applied.error();
  m.state = SubmissionState::kFinal;
  m.succeeded = out.succeeded;
  m.detail = std::string(to_string(applied->outcome)) + ": " + applied->detail;
  return m;
}

std::chrono::milliseconds age_of(const SubmissionRecord& r, const SettleMoneyOutOptions& settle) {
  const auto now = (settle.clock ? settle.clock : system_clock())->now();
  return std::chrono::duration_cast<std::chrono::milliseconds>(now - r.created_at);
}

Result<MoneyOutSettlement> settle_by_status(const tingee::Client& client, const Applier& applier,
                                            const SubmissionRecord& r, const Json& content, const std::string& txn,
                                            const CallOptions& options) {
  tingee::DirectDebitTransactionStatusRequest q{txn, json::string_or_empty(content, "tokenRef"),
                                                json::string_or_empty(content, "subscriptionId")};
  auto status = client.direct_debit_get_transaction_status(q, options);
  if (!status) return status.error();
  const Verdict verdict = payment_verdict(status->status);
  if (verdict == Verdict::kOpen) return MoneyOutSettlement{false, "debit " + txn + " is " + status->status};
  payload::MoneyOut out{std::string(payload::kDirectDebitPayment),
                        json::string_or_empty(content, "requestId"),
                        verdict == Verdict::kSucceeded,
                        status->status,
                        txn,
                        r.amount,
                        "reconcile"};
  auto applied = apply_final(applier, r.request_id, out);
  if (!applied) return applied.error();
  return MoneyOutSettlement{true, "debit " + txn + " " + status->status + ": " + applied->detail};
}

// A payment whose answer was lost: its debit in the subscription's list (amount and description).
Result<MoneyOutSettlement> find_payment(const tingee::Client& client, const Applier& applier, const SubmissionRecord& r,
                                        const Json& content, const SettleMoneyOutOptions& settle,
                                        const CallOptions& options) {
  tingee::DirectDebitTransactionPagingRequest q;
  q.subscription_id = json::string_or_empty(content, "subscriptionId");
  q.token_ref = json::string_or_empty(content, "tokenRef");
  q.max_result_count = 100;
  const std::string description = json::string_or_empty(content, "description");
  std::vector<std::string> unclaimed;
  bool complete = false;
  for (int page = 0; page < settle.max_pages; ++page) {
    q.skip_count = static_cast<std::int64_t>(page) * 100;
    auto listed = client.direct_debit_get_paging_transactions(q, options);
    if (!listed) return listed.error();
    for (const auto& d : listed->items) {
      if (d.amount != r.amount || d.content != description || d.transaction_id.empty()) continue;
      auto owner = applier.store()->find_event(Provider::kTingee, std::string(kTxnPrefix) + d.transaction_id);
      if (!owner) return owner.error();
      if (*owner && (*owner)->payload != r.request_id) continue;  // another payment's debit
      unclaimed.push_back(d.transaction_id);
    }
    const std::int64_t seen = *q.skip_count + static_cast<std::int64_t>(listed->items.size());
    if (listed->items.size() < 100 || (listed->total_count && seen >= *listed->total_count)) {
      complete = true;
      break;
    }
  }
  if (unclaimed.size() > 1) {
    applier.alert({Provider::kTingee, "ambiguous", r.request_id,
                   std::to_string(unclaimed.size()) + " debits match this payment: settle it by hand"});
    return MoneyOutSettlement{false, "several debits match: left (alerted)"};
  }
  if (unclaimed.size() == 1) {
    auto linked = link_debit(*applier.store(), r.request_id, unclaimed.front());
    if (!linked) return linked.error();
    if (!*linked) return MoneyOutSettlement{false, "its debit was claimed meanwhile: left"};
    return settle_by_status(client, applier, r, content, unclaimed.front(), options);
  }
  if (!complete) return MoneyOutSettlement{false, "not found in the pages read: left"};
  if (r.state != SubmissionState::kWriteAhead || age_of(r, settle) < settle.absent_after) {
    return MoneyOutSettlement{false, "no debit yet"};
  }
  auto marked =
      applier.store()->mark(Provider::kTingee, r.request_id, SubmissionState::kWriteAhead, SubmissionState::kNotSent);
  if (!marked) return marked.error();
  return MoneyOutSettlement{*marked, *marked ? "no such debit: not sent" : "changed meanwhile"};
}

Result<MoneyOutSettlement> settle_refund(const tingee::Client& client, const Applier& applier,
                                         const SubmissionRecord& r, const Json& content,
                                         const SettleMoneyOutOptions& settle, const CallOptions& options) {
  const std::string txn = json::string_or_empty(content, "transactionId");
  tingee::DirectDebitTransactionStatusRequest q{txn, json::string_or_empty(content, "tokenRef"),
                                                json::string_or_empty(content, "subscriptionId")};
  auto status = client.direct_debit_get_transaction_status(q, options);
  if (!status) return status.error();
  const bool full = status->amount && *status->amount == r.amount;
  if (full && status->status == "refunded") {
    payload::MoneyOut out{std::string(payload::kDirectDebitRefund),
                          json::string_or_empty(content, "refundId"),
                          true,
                          "success",
                          txn,
                          r.amount,
                          "reconcile"};
    auto applied = apply_final(applier, r.request_id, out);
    if (!applied) return applied.error();
    return MoneyOutSettlement{true, "debit " + txn + " refunded: " + applied->detail};
  }
  if (full && status->status == "success" && r.state == SubmissionState::kWriteAhead &&
      age_of(r, settle) >= settle.absent_after) {
    auto marked =
        applier.store()->mark(Provider::kTingee, r.request_id, SubmissionState::kWriteAhead, SubmissionState::kNotSent);
    if (!marked) return marked.error();
    return MoneyOutSettlement{*marked, "the debit was not refunded: not sent"};
  }
  if (!full) {
    applier.alert({Provider::kTingee, "refund_unproven", r.request_id,
                   "a partial refund of " + txn + ": its status cannot show it; check it by hand"});
  }
  return MoneyOutSettlement{false, "debit " + txn + " is " + status->status + ": left"};
}

}  // namespace

bool is_money_out_key(std::string_view request_id) noexcept {
  return starts_with(request_id, kDirectDebitPaymentPrefix) || starts_with(request_id, kDirectDebitRefundPrefix);
}

Result<MoneyOutResult> pay_bill(const tingee::Client& client, const Applier& applier,
                                const tingee::DirectDebitPaymentBillRequest& request, const CallOptions& options,
                                const std::string& reference) {
  if (auto ok = key_ok(request.request_id, kDirectDebitPaymentPrefix, request.amount); !ok) return ok.error();
  const std::string key = std::string(kDirectDebitPaymentPrefix) + request.request_id;
  SubmissionRecord record;
  record.provider = Provider::kTingee;
  record.request_id = key;
  record.state = SubmissionState::kWriteAhead;
  record.amount = request.amount;
  record.reference = reference;
  auto ahead = write_ahead(*applier.store(), record, payment_content(request), "payment " + request.request_id);
  if (!ahead) return ahead.error();
  if (*ahead) return std::move(**ahead);
  auto answer = client.direct_debit_payment_bill(request, options);
  if (!answer) {
    if (answer.error().delivery == Delivery::kNotSent) {
      (void)applier.store()->mark(Provider::kTingee, key, SubmissionState::kWriteAhead, SubmissionState::kNotSent);
    }
    return answer.error();  // otherwise maybe made: left in write_ahead for the reconciler
  }
  if (!answer->transaction_code.empty()) {
    auto linked = link_debit(*applier.store(), key, answer->transaction_code);
    if (!linked) return linked.error();
  }
  payload::MoneyOut out{std::string(payload::kDirectDebitPayment),
                        request.request_id,
                        false,
                        answer->status,
                        answer->transaction_code,
                        request.amount,
                        "answer"};
  return settle_answer(applier, key, std::move(out), payment_verdict(answer->status));
}

Result<MoneyOutResult> refund(const tingee::Client& client, const Applier& applier, const std::string& refund_id,
                              const tingee::DirectDebitRefundRequest& request, const CallOptions& options,
                              const std::string& reference) {
  if (auto ok = key_ok(refund_id, kDirectDebitRefundPrefix, request.amount); !ok) return ok.error();
  if (request.transaction_id.empty()) return refused("transaction_id (the debit to refund) is required");
  const std::string key = std::string(kDirectDebitRefundPrefix) + refund_id;
  const Json content = refund_content(refund_id, request);
  // The same refund again: its recorded outcome, before any query.
  auto known = applier.store()->find_submission(Provider::kTingee, key);
  if (!known) return known.error();
  if (!*known) {
    // Bounded by what was paid: the debit's amount as Tingee answers it (a read).
    tingee::DirectDebitTransactionStatusRequest q{request.transaction_id, request.token_ref, request.subscription_id};
    auto debit = client.direct_debit_get_transaction_status(q, options);
    if (!debit) return debit.error();
    if (!debit->amount) return refused("the debit's status names no amount: the refund cannot be bounded");
    if (request.amount > *debit->amount) {
      return refused("refund of " + std::to_string(request.amount) + " exceeds the debit's " +
                     std::to_string(*debit->amount));
    }
  }
  SubmissionRecord record;
  record.provider = Provider::kTingee;
  record.request_id = key;
  record.state = SubmissionState::kWriteAhead;
  record.amount = request.amount;
  record.reference = reference;
  auto ahead = write_ahead(*applier.store(), record, content, "refund " + refund_id);
  if (!ahead) return ahead.error();
  if (*ahead) return std::move(**ahead);
  auto answer = client.direct_debit_refund(request, options);
  payload::MoneyOut out{
      std::string(payload::kDirectDebitRefund), refund_id, false, "", request.transaction_id, request.amount, "answer"};
  if (!answer) {
    if (answer.error().delivery == Delivery::kNotSent) {
      (void)applier.store()->mark(Provider::kTingee, key, SubmissionState::kWriteAhead, SubmissionState::kNotSent);
      return answer.error();
    }
    if (answer.error().code != ErrorCode::kProvider) return answer.error();  // maybe made: the reconciler
    // Tingee answered a refusal: no refund was made (a refund has no id a refusal could be a
    // duplicate of).
    out.status = "refused " + answer.error().provider_code;
    auto settled = settle_answer(applier, key, std::move(out), Verdict::kFailed);
    if (!settled) return settled.error();
    return answer.error();
  }
  out.status = answer->status;
  return settle_answer(applier, key, std::move(out), refund_verdict(answer->status));
}

Result<MoneyOutSettlement> settle_money_out(const tingee::Client& client, const Applier& applier,
                                            const SubmissionRecord& record, const SettleMoneyOutOptions& settle,
                                            const CallOptions& options) {
  if (record.provider != Provider::kTingee || !is_money_out_key(record.request_id)) {
    return refused("not a payment or refund recorded by pay_bill / refund");
  }
  if (record.state != SubmissionState::kWriteAhead && record.state != SubmissionState::kPending) {
    return MoneyOutSettlement{true, "already " + std::string(to_string(record.state))};
  }
  const auto content = content_of(record);
  if (!content) return make_error(ErrorCode::kMalformed, "money out: the record's content is not paygw's");
  if (starts_with(record.request_id, kDirectDebitRefundPrefix)) {
    return settle_refund(client, applier, record, *content, settle, options);
  }
  auto linked = linked_debit(*applier.store(), record.request_id);
  if (!linked) return linked.error();
  if (*linked) return settle_by_status(client, applier, record, *content, **linked, options);
  return find_payment(client, applier, record, *content, settle, options);
}

SettleMoneyOutQuery money_out_with(tingee::Client client, SettleMoneyOutOptions settle) {
  return [client = std::move(client), settle = std::move(settle)](const Applier& applier, const SubmissionRecord& r,
                                                                  const CallOptions& options) {
    return settle_money_out(client, applier, r, settle, options);
  };
}

}  // namespace paygw::receive
