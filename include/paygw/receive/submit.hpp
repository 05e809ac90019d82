// SPDX-License-Identifier: MIT
// paygw — sending a payment through the payment store: write-ahead, send, record the outcome.
// A card (submit_card), a TConnect order pushed to a POS or soundbox (push_order) and a Tingee
// bill shown on a device (show_bill).
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/charging/client.hpp>
#include <paygw/charging/models.hpp>
#include <paygw/export.hpp>
#include <paygw/receive/applier.hpp>
#include <paygw/result.hpp>
#include <paygw/secret.hpp>
#include <paygw/store.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tconnect/models.hpp>
#include <paygw/tingee/bills.hpp>
#include <paygw/tingee/client.hpp>
#include <paygw/tingee/models.hpp>

#include <map>
#include <string>

namespace paygw::receive {

/// The keys a card submission is recorded with.
struct CardKeys {
  Secret partner_key;  ///< The charging partner key (the expected callback signature is derived from it).
  Secret store_key;    ///< At least 32 bytes; protects what the store keeps (charging::protect_card).
  /// Telco spellings -> canonical names: the same map as the charging client's Config::telco_aliases.
  std::map<std::string, std::string> telco_aliases = charging::default_telco_aliases();
};

/// Step 1, before sending: protects the card and records it in write_ahead state.
/// Errors: those of charging::protect_card; kInvalidArgument "request_id already recorded" when
/// the store has it (never submit a request_id twice); the store's.
PAYGW_EXPORT Result<void> write_ahead_card(PaymentStore& store, const CardKeys& keys, const charging::CardRequest& card,
                                           const std::string& reference = {});

/// Step 3, after submit() returned: records what the provider said.
/// - a final result: applied through `applier` (source "submit"; the card_final handler runs once);
/// - pending (or an unknown status): write_ahead -> pending, the callback or the reconciler settles it;
/// - an error with Delivery::kNotSent: write_ahead -> not_sent (certainly never sent);
/// - any other error: left in write_ahead (maybe sent) for the reconciler — never resubmitted.
/// Returns the Applied outcome for a final result, kIgnored otherwise. Errors: the store's.
PAYGW_EXPORT Result<Applied> record_card_outcome(const Applier& applier, const charging::CardRequest& card,
                                                 const Result<charging::ChargeResult>& submitted);

/// write_ahead_card, client.submit, record_card_outcome. Returns submit()'s result (or the
/// write-ahead's error: then nothing was sent). A store failure after submit() is logged nowhere
/// and does not change the returned result: the write-ahead record makes the reconciler settle it.
PAYGW_EXPORT Result<charging::ChargeResult> submit_card(const charging::Client& client, const Applier& applier,
                                                        const CardKeys& keys, const charging::CardRequest& card,
                                                        const CallOptions& options = {},
                                                        const std::string& reference = {});

/// A TConnect order as the store records it (Provider::kTconnect, request_id = order_id): the
/// IPN that names it, once the order status or transaction query confirms it, settles it.
struct TconnectOrder {
  std::string order_id;   ///< Required: the order the IPN will name (create_qr's / the POS push's).
  std::string acc_no;     ///< The VA it is paid to, when known (kept as the record's verifier, for the order status).
  std::string reference;  ///< Your own reference (customer, invoice); not secret.
};

/// Write-ahead of a TConnect order of `amount` VND (1..kMaxAmountVnd), before it is pushed.
/// Errors: kInvalidArgument (bad order_id or amount; or the order is already recorded: settled,
/// in flight — write_ahead or pending — or recorded as not sent; never push it again), the store's.
/// Thread-safe, and safe across processes sharing the store: of two concurrent write-aheads of one
/// order exactly one succeeds (PaymentStore::record_submission), so one push at most leaves.
PAYGW_EXPORT Result<void> write_ahead_order(PaymentStore& store, const TconnectOrder& order, Vnd amount);

/// Pushes an order to a Smart POS through the store: write_ahead_order (order_id = push.order_id,
/// amount = push.amount), client.push_payment, then the outcome: success -> pending (its IPN
/// settles it: Applier::apply_ipn); an error with Delivery::kNotSent -> not_sent; any other error
/// -> left in write_ahead (maybe sent) for the reconciler — never pushed again. Returns the push's
/// result, or the write-ahead's error (then nothing was sent: a second push of a recorded order is
/// refused this way). A store failure after the push does not change the result. Thread-safe (as
/// write_ahead_order: concurrent pushes of one order send it once).
PAYGW_EXPORT Result<tconnect::PushResult> push_order(const tconnect::Client& client, const Applier& applier,
                                                     const tconnect::PosPush& push, const CallOptions& options = {},
                                                     const std::string& reference = {});

/// Pushes a QR to a soundbox through the store, as the POS form: the order is `order` (the QR's
/// order, from create_qr / generate_qr), its amount push.amount. Before the write-ahead the QR
/// must be a valid VietQR whose amount (tag 54), if any, equals push.amount (else
/// kInvalidArgument, nothing recorded or sent) — whatever Config::validate_qr says.
PAYGW_EXPORT Result<tconnect::PushResult> push_order(const tconnect::Client& client, const Applier& applier,
                                                     const TconnectOrder& order, const tconnect::SoundboxPush& push,
                                                     const CallOptions& options = {});

/// Which Tingee call shows a bill.
enum class BillScreen {
  kShowQrCode,         ///< tingee::Client::show_qr_code (3LS devices).
  kShowDynamicQrCode,  ///< tingee::Client::show_dynamic_qr_code (other devices).
};

/// Shows a Tingee dynamic-QR bill (from generate_dynamic_qr) on a device through the store:
/// records the bill (Provider::kTingee, request_id = bill.bill_id, amount = show.amount) in
/// write_ahead state, shows it, then the outcome as push_order (success -> pending; kNotSent ->
/// not_sent; otherwise left for the reconciler). The payment webhook naming the bill settles it
/// (Applier::apply_tingee_payment). `show.qr_code` empty = bill.qr_code; another QR is refused.
/// Before anything is recorded the QR must be a valid VietQR whose amount, if any, equals
/// show.amount. Errors: kInvalidArgument (the bill is already recorded — settled or in flight —,
/// no bill_id, a bad QR or amount: nothing recorded or sent), the store's, then show's own.
/// Thread-safe (as write_ahead_order: concurrent shows of one bill send it once).
PAYGW_EXPORT Result<tingee::Ack> show_bill(const tingee::Client& client, const Applier& applier,
                                           const tingee::DynamicQrBill& bill, tingee::ShowQrRequest show,
                                           BillScreen screen = BillScreen::kShowQrCode, const CallOptions& options = {},
                                           const std::string& reference = {});

}  // namespace paygw::receive
