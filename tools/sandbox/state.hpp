// SPDX-License-Identifier: MIT
// paygw-sandbox — the simulated world: devices (with what each one's screen shows now), QR bills,
// tokens, cards, transactions, the event log of everything the devices did, and the journal the
// screens page shows (requests, device events, callbacks and the merchant's replies, faults). One
// mutex guards it all. GET /_sandbox/events and GET /_sandbox/devices serve it as JSON; the page
// (GET /_sandbox/, screens.hpp) reads screens_json().
#pragma once

#include <nlohmann/json.hpp>

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace paygw::sandbox {

using Json = nlohmann::ordered_json;

/// A TINGEEBOX.
struct TingeeDevice {
  std::string type;  // DeviceTypeEnum, e.g. "tingee-box-3ls"
  std::string security_code;
  bool linked = false;
  Json screen = nullptr;         // what the device shows or last did: {"event", "detail", "at_ms"}
  Json panels = Json::object();  // the screens page's view: display, announcement, receipt, nfc
};

/// A TConnect Smart POS or soundbox.
struct TconnectDevice {
  std::string type;  // "pos" | "soundbox"
  Json screen = nullptr;
  Json panels = Json::object();  // display (soundbox) or order (pos)
};

/// A Tingee dynamic QR bill (generate-dynamic-qr, generate-and-show-dynamic-qr-code).
struct Bill {
  std::string bill_id, qr_account, qr_code, qr_code_type, va_account_number, bank_bin, purpose, extra_info;
  long long amount = 0;
  long long expire_in_minute = 0;
  long long created_ms = 0;  // on the sandbox clock (clock_ms)
  long long paid = 0;
  int payments = 0;
  std::string status = "unpaid";  // unpaid | paid | deleted (Tingee does not document the values)
  /// `status`, or "expired" once an unpaid bill's expireInMinute has passed on the sandbox clock.
  std::string status_at(long long clock_ms) const {
    return status == "unpaid" && expire_in_minute > 0 && clock_ms > created_ms + expire_in_minute * 60'000 ? "expired"
                                                                                                           : status;
  }
};

/// A submitted phone card.
struct Card {
  std::string telco, code, serial;
  long long declared = 0;
  int status = 99;
  int final_status = 1;
  long long trans_id = 0;
};

struct State {
  std::mutex mu;
  std::map<std::string, TingeeDevice> tingee_devices;
  std::map<std::string, TconnectDevice> tconnect_devices;
  std::map<std::string, Bill> bills;  // by billId
  Json tingee_transactions = Json::array();
  std::map<std::string, long long> access_tokens;   // TConnect token -> expiry (ms since epoch)
  std::map<std::string, long long> refresh_tokens;  // token -> expiry
  Json tconnect_transactions = Json::array();
  std::map<std::string, Card> cards;  // by request_id
  /// How a card's callback is sent, set before it settles by POST /_sandbox/charging/callbacks:
  /// request_id -> {duplicates, out_of_order}; used (and dropped) when it settles, else the
  /// --charging-callback-* flags apply. At most kMaxCallbackScripts entries.
  std::map<std::string, std::pair<int, bool>> callback_scripts;
  static constexpr std::size_t kMaxCallbackScripts = 1000;
  /// At most this many objects of one kind in one simulated world (bills, transactions, cards,
  /// VAs, OTP sessions, subscriptions, debits, deep links, ...; --max-objects): the sandbox's
  /// memory stays bounded whatever a client sends. One more is refused in the provider's own
  /// error shape (tingee_world_full(), ...); tokens and the event log drop their oldest instead.
  std::size_t max_objects = 10'000;
  /// The event log (GET /_sandbox/events), oldest first, at most max_objects entries (log_event()).
  std::deque<Json> events;
  /// How many objects each bounded structure holds now, by name ("tingee.bills", ...): each
  /// simulation registers its own when installed; GET /_sandbox/objects calls them (with `mu` held).
  std::vector<std::pair<std::string, std::function<std::size_t()>>> counters;
  /// Set by install_tingee_va: adds the active VA a completed hosted bank-link session linked
  /// ({bankBin, accountNumber, accountName, requestId}) to the VA world, so get-va-paging lists it,
  /// and returns its number (an active VA of that bank and account already there is reused).
  /// Call with `mu` held.
  std::function<std::string(const Json&)> tingee_link_va;
  /// Every id the sandbox makes (transaction codes, request ids, bills, VAs, card trans_ids) is
  /// the next of this counter, which starts at a time-seeded value (first_id()), so that a store
  /// outliving the sandbox never sees a later run repeat an earlier run's id.
  long long next_id = first_id();
  std::deque<Json> journal;  // the page's log, newest last, at most kJournalSize entries
  long long version = 0;     // bumped by every change the page shows

  static constexpr std::size_t kJournalSize = 400;

  /// Microseconds since the epoch at start: a later run starts above every id of an earlier one
  /// unless that one made more than one id per microsecond it ran (16 digits, below 2^53 until the
  /// year 2255, so JSON numbers stay exact).
  static long long first_id();

  /// The demo world: DEMO-BOX-3LS, DEMO-BOX-6XS (not linked), DEMO-BOX-MAX (code 123456);
  /// POS-0001 (pos) and SB-0001 (soundbox).
  void add_demo_devices();
  /// Appends to the event log. `on_screen`: the device now shows this (its screen is replaced).
  /// Call with `mu` held.
  void record(const std::string& provider, const std::string& device, const std::string& event, Json detail,
              bool on_screen = false);
  /// True when `count` objects of one kind already fill the world (count >= max_objects).
  bool full(std::size_t count) const { return count >= max_objects; }
  /// Appends to the event log, dropping its oldest entry beyond max_objects. Call with `mu` held.
  void log_event(Json event);
  /// The event log as a JSON array. Call with `mu` held.
  Json events_json() const;
  /// {"max_objects", "objects": {name: count}} of every registered counter. Call with `mu` held.
  Json objects_json() const;
  /// Every device with its type, link state and screen. Call with `mu` held.
  Json devices_json() const;
  /// Adds a line to the page's log: `kind` is request, device, callback, fault or payment.
  /// Call with `mu` held.
  void note(const std::string& kind, const std::string& text, Json detail = nullptr);
  /// What the page shows: {"version", "qr_images", "devices": [{..., "panels"}], "log": [...]};
  /// just {"version", "unchanged": true} when `since` is the current version. Call with `mu` held.
  Json screens_json(long long since) const;
};

}  // namespace paygw::sandbox
