// SPDX-License-Identifier: MIT
// paygw — provider profiles for the card-charging partners that serve `/chargingws/v2`
// (thesieure.com and the hosts that copy its API): where each one lives, how it signs, how it
// answers getfee. docs/charging.md, "Provider profiles", gives the source of every value.
#pragma once

#include <paygw/charging/client.hpp>
#include <paygw/export.hpp>
#include <paygw/result.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::charging {

/// How a provider's fee table is shaped.
enum class FeeShape {
  kFlatList,        ///< `[{telco, value, fees, penalty}, ...]` (getfee as the integrations read it).
  kGroupedByTelco,  ///< `{"VIETTEL": [{telco, value, fees, penalty}, ...], "VINAPHONE": [], ...}`.
};

/// What paygw knows about one partner host. Fields left empty are not publicly documented.
struct Profile {
  std::string name;                     ///< The profile's name, e.g. "thesieure".
  std::string host;                     ///< The provider's site, e.g. "thesieure.com".
  std::string base_url;                 ///< Production base URL (https; see `notes` when sources used http).
  std::string sandbox_base_url;         ///< A public test host, or empty when none is published.
  std::string path = "/chargingws/v2";  ///< The charging API path (Config::path).
  /// "a" (key + code + serial, the provider documentation) or "b" (key + code + command +
  /// partner_id + request_id + serial + telco); see sign_scheme_a / sign_scheme_b.
  std::string sign_scheme = "a";
  Encoding encoding = Encoding::kForm;  ///< What the public integrations of this host send.
  /// The fee table: `GET {path}/getfee?partner_id=` (Client::get_fees), flat list.
  FeeShape getfee_shape = FeeShape::kFlatList;
  /// A second fee endpoint answering the grouped shape (`/chargingws/price?partner_id=`, in the
  /// provider documentation's example; Client::get_price_table), or empty when the host is not
  /// known to serve one.
  std::string price_path;
  /// The serial pre-check (`POST {serial_check_path}?telco=&serial=&partner_id=&sign=` with
  /// sign = md5(partner_key + serial), answering the card's state; Client::check_serial), or empty
  /// when not documented.
  std::string serial_check_path;
  /// Telco names this host expects on the wire, when they differ from paygw's canonical ones
  /// (Config::telco_wire_names). Empty when nothing is known to differ.
  std::map<std::string, std::string> telco_wire_names;
  std::string notes;  ///< What the sources leave open for this host (scheme doubts, http-only examples ...).
};

/// The names of the built-in profiles, sorted: "card2k", "cardvip", "doithe1s", "gachthe1s",
/// "gachthe1s-b", "naptudong", "thesieure", "thesieure-b", "trumthe". Thread-safe.
PAYGW_EXPORT std::vector<std::string> profile_names();

/// The built-in profile `name` (case-insensitive). Errors: kInvalidArgument naming the known
/// profiles when there is no such profile. Thread-safe.
PAYGW_EXPORT Result<Profile> profile(std::string_view name);

/// Applies `p` to `config`: base_url (sandbox_base_url when `sandbox`), path, price_path,
/// serial_check_path (empty when the profile's host is not known to serve them), sign scheme,
/// encoding and telco_wire_names. Credentials, denominations and the ClientOptions are left as
/// they are. Errors: kInvalidArgument when `sandbox` is asked of a profile without a public test
/// host, or the profile names an unknown sign scheme; `config` is then unchanged. Thread-safe
/// (for distinct configs).
PAYGW_EXPORT Result<void> apply_profile(const Profile& p, Config& config, bool sandbox = false);

}  // namespace paygw::charging
