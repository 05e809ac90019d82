// SPDX-License-Identifier: MIT
// apply_swept_tconnect: a TConnect transaction the sweep found, applied under the key its IPN gets
// (Applier::apply_ipn: "txn/<request_id|trn_ref_no>"), so that a later IPN is a duplicate.
#include <paygw/money.hpp>
#include <paygw/receive/sweep.hpp>

#include "http/util.hpp"
#include "receive/payload.hpp"

namespace paygw::receive {

Result<Applied> apply_swept_tconnect(const Applier& applier, const tconnect::Transaction& t,
                                     std::string_view payment_type, std::string_view source) {
  const std::string& ref = !t.request_id.empty() ? t.request_id : t.trn_ref_no;
  if (!paygw::detail::iequals(t.status, "SUCCESS")) {
    return Applied{Outcome::kIgnored, ref.empty() ? std::string() : "txn/" + ref, false, "status " + t.status};
  }
  // The IPN this transaction implies: what confirm_ipn would have confirmed it with.
  tconnect::IpnNotification ipn;
  ipn.order_id = t.order_id;
  ipn.amount = t.amount.value_or(0);
  ipn.payment_type = std::string(payment_type);
  ipn.request_id = t.request_id;
  ipn.narrative = t.narrative;
  if (!t.order_id.empty()) return applier.apply_ipn(ipn, t, source);  // the order settles as by the IPN

  // A payment naming no order (a plain transfer): no order to settle; the same key.
  if (ref.empty() || !t.amount || *t.amount <= 0 || *t.amount > kMaxAmountVnd) {
    applier.alert(
        {Provider::kTconnect, "rejected", ref,
         "a swept transaction without a reference or with an amount outside 1.." + std::to_string(kMaxAmountVnd)});
    return Applied{Outcome::kRejected, ref.empty() ? std::string() : "txn/" + ref, false,
                   "no reference, or amount out of bounds"};
  }
  const std::string id = "txn/" + ref;
  const auto& handler = applier.options().handlers.ipn_confirmed;
  auto tx = applier.store()->begin();
  if (!tx) return tx.error();
  const payload::Ipn body{ipn, t, false, std::string(source)};
  EventRecord event{Provider::kTconnect,        id, std::string(payload::kIpnConfirmed), payload::encode(body),
                    static_cast<bool>(handler), {}};
  auto inserted = (*tx)->record_event(event);
  if (!inserted) return inserted.error();
  if (!*inserted) return Applied{Outcome::kDuplicate, id, false, "payment already applied"};
  if (handler) {
    ApplyContext context(event, **tx);
    auto handled = handler(IpnConfirmed{ipn, t, std::nullopt, false, std::string(source)}, context);
    if (!handled) return handled.error();
  }
  if (auto committed = (*tx)->commit(); !committed) return committed.error();
  return Applied{Outcome::kApplied, id, event.handled, "payment applied (no order)"};
}

}  // namespace paygw::receive
