// SPDX-License-Identifier: MIT
// Provider profiles of the `/chargingws/v2` partners (paygw/charging/profiles.hpp). Every value
// comes from a public source named in docs/charging.md, "Provider profiles"; what no source says
// is left empty.
#include <paygw/charging/profiles.hpp>

#include <algorithm>
#include <utility>

namespace paygw::charging {
namespace {

constexpr const char* kCheckCard = "/api/checkcard";
constexpr const char* kPrice = "/chargingws/price";

Profile make(std::string name, std::string host, std::string scheme, Encoding encoding, std::string notes) {
  Profile p;
  p.base_url = "https://" + host;
  p.name = std::move(name);
  p.host = std::move(host);
  p.sign_scheme = std::move(scheme);
  p.encoding = encoding;
  p.notes = std::move(notes);
  return p;
}

std::vector<Profile> builtin() {
  std::vector<Profile> all;
  {
    // The provider documentation ("CARD PARTNER API" Postman collection): scheme A, form-data,
    // getfee, the grouped /chargingws/price example and /api/checkcard.
    Profile p = make("thesieure", "thesieure.com", "a", Encoding::kForm,
                     "Scheme A is the documentation's; integrations from 2021-2022 sign with scheme B "
                     "(profile thesieure-b): which one the host accepts today is not published.");
    p.price_path = kPrice;
    p.serial_check_path = kCheckCard;
    all.push_back(p);
    p.name = "thesieure-b";
    p.sign_scheme = "b";
    p.notes = "thesieure.com with scheme B, as several public integrations sign.";
    all.push_back(p);
  }
  all.push_back(make("doithe1s", "doithe1s.vn", "a", Encoding::kJson,
                     "A public integration posts JSON signed with scheme A and reads getfee as a flat list; "
                     "no test host, price endpoint or serial check is published."));
  all.push_back(make("cardvip", "api.cardvip.vn", "a", Encoding::kForm,
                     "The public integration posts a form signed with scheme A to http://api.cardvip.vn; "
                     "that the host serves https is assumed, not verified."));
  all.push_back(make("trumthe", "trumthe.vn", "a", Encoding::kForm,
                     "Public integrations sign with scheme A and send GET query strings or JSON; callbacks "
                     "arrive as GET with callback_sign."));
  {
    Profile p = make("gachthe1s", "gachthe1s.com", "a", Encoding::kForm,
                     "Public integrations use both scheme A and scheme B (profile gachthe1s-b) against this "
                     "host; which one it requires is not published.");
    all.push_back(p);
    p.name = "gachthe1s-b";
    p.sign_scheme = "b";
    p.notes = "gachthe1s.com with scheme B.";
    all.push_back(p);
  }
  {
    Profile p = make("card2k", "card2k.com", "a", Encoding::kForm,
                     "The only partner with a published test host (sandbox.card2k.com). Its getfee rows carry "
                     "the value as a string and fractional fees; integrations reached it over http://.");
    p.sandbox_base_url = "https://sandbox.card2k.com";
    all.push_back(p);
  }
  all.push_back(make("naptudong", "naptudong.com", "b", Encoding::kForm,
                     "Integrations sign with scheme B; its callbacks name the signature `sign`, not "
                     "`callback_sign`. amount may be omitted for instant game cards (GATE)."));
  std::sort(all.begin(), all.end(), [](const Profile& a, const Profile& b) { return a.name < b.name; });
  return all;
}

const std::vector<Profile>& profiles() {
  static const std::vector<Profile> all = builtin();
  return all;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

}  // namespace

std::vector<std::string> profile_names() {
  std::vector<std::string> names;
  for (const Profile& p : profiles()) names.push_back(p.name);
  return names;
}

Result<Profile> profile(std::string_view name) {
  const std::string wanted = lower(name);
  for (const Profile& p : profiles()) {
    if (p.name == wanted) return p;
  }
  std::string known;
  for (const Profile& p : profiles()) known += (known.empty() ? "" : ", ") + p.name;
  return make_error(ErrorCode::kInvalidArgument,
                    "unknown card provider profile '" + std::string(name) + "' (known: " + known + ")");
}

Result<void> apply_profile(const Profile& p, Config& config, bool sandbox) {
  SignScheme scheme;
  if (p.sign_scheme == "a") {
    scheme = sign_scheme_a;
  } else if (p.sign_scheme == "b") {
    scheme = sign_scheme_b;
  } else {
    return make_error(ErrorCode::kInvalidArgument,
                      "profile " + p.name + ": unknown sign scheme '" + p.sign_scheme + "'");
  }
  if (sandbox && p.sandbox_base_url.empty()) {
    return make_error(ErrorCode::kInvalidArgument, "profile " + p.name + " has no public test host");
  }
  config.base_url = sandbox ? p.sandbox_base_url : p.base_url;
  config.path = p.path;
  config.sign_scheme = std::move(scheme);
  config.encoding = p.encoding;
  config.telco_wire_names = p.telco_wire_names;
  config.price_path = p.price_path;
  config.serial_check_path = p.serial_check_path;
  return {};
}

}  // namespace paygw::charging
