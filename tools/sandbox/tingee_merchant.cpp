// SPDX-License-Identifier: MIT
// paygw-sandbox — Tingee's shops (/v1/shop/...) and Master-Merchant administration
// (/v1/merchant/...), signed and verified like every Tingee request (DELETE merchant/delete carries
// merchantId in the query string and signs "{}").
//
// The simulation (codes marked "sandbox" are the sandbox's own; Tingee does not publish them):
//   shop/create-or-update    name and isActive required (400); without id a new shop, with id that
//                            shop updated (unknown: 1061, sandbox); answers {shopId}.
//   shop/get-paging          the shops of merchantId (none: the caller's own), filtered by `filter`
//                            (a substring of name or address), paged.
//   merchant/create          name, phoneNumber, password, appType required (400); a code used
//                            before: 1064 (sandbox). A merchant with its own clientId and secretToken;
//                            the password is checked and then forgotten (never stored or logged).
//   merchant/get-paging      every merchant, filtered by `filter` (name, code, email or phone), paged.
//   merchant/delete?merchantId=   removes the merchant with its shops and bank configurations; an
//                            unknown one: 1060 (sandbox), as is any merchantId naming no merchant.
//   merchant/create-or-update-config   accountType and the bank (bankBin or bankName) required, with
//                            that bank's configuration object (bidvConfigDto for BIDV, vibConfigDto
//                            for VIB, ctgConfigDto, acbConfigDto, vcbConfigDto, msbConfigDto) and its
//                            required members (400); id updates (unknown: 1062, sandbox); answers the
//                            id. Credentials (basicAuthToken, clientSecret, accessCode) are checked
//                            and forgotten: only the account number and name are kept.
//   merchant/delete-config   id required; unknown: 1062; answers the id.
//   merchant/get-paging-config   filtered by accountType, merchantId, bankBin/bankName, `filter`.
//   merchant/config-account-business   links an ACB business account (acbUserId required, the bank
//                            ACB when named): a business-account configuration at once, answers a
//                            confirmId (the sandbox asks no OTP); already linked: 1010.
//   merchant/delete-config-account-business   unlinks it (configRemove's accountNumber and
//                            acbUserId); answers true; an unknown one: 1063 (sandbox).
// Every kind of object is capped (kMaxObjects each per sandbox, or --max-objects when smaller): one more is refused
// with 1099 (sandbox) "Sandbox limit reached", never stored. Nothing the sandbox logs or records (event log, page
// journal) holds a request's secret: events carry ids and bank names only, error messages name fields, never their
// values.
#include "sandbox.hpp"

#include <algorithm>
#include <ctime>
#include <memory>

namespace paygw::sandbox {
namespace {

constexpr std::size_t kMaxObjects = 200;  // shops, merchants, configurations: each at most this many
constexpr std::size_t kMaxText = 2048;    // any string member longer than this: 400

struct Shop {
  long long id = 0;
  Json merchant_id = nullptr;
  std::string name, address, email, phone_number;
  bool is_active = true;
};

struct Merchant {
  long long id = 0;
  std::string code, name, email, phone_number, website, address, full_address, referral_code, baas_type;
  std::string client_id, secret_token, creation_time;
  Json business_sector_ids = Json::array();
};

struct Config {
  long long id = 0;
  Json merchant_id = nullptr;
  std::string account_type, bank_bin, bank_name, account_number, account_name;
  std::string acb_user_id;  // set for a business account linked by config-account-business
  std::string creation_time, last_modification_time;
};

/// Shops, merchants and bank configurations (guarded by State::mu).
struct MerchantWorld {
  std::map<long long, Shop> shops;
  std::map<long long, Merchant> merchants;
  std::map<long long, Config> configs;
};

/// True, with 1099 written, when `count` objects already fill their kind: kMaxObjects, or
/// --max-objects when smaller.
bool full(const State& s, std::size_t count, httplib::Response& res, const char* what) {
  const std::size_t cap = std::min(kMaxObjects, s.max_objects);
  if (count < cap) return false;
  tingee_reply(res, "1099",
               "Sandbox limit reached: at most " + std::to_string(cap) + " " + what +
                   " per sandbox (delete some or restart it)");
  return true;
}

void unknown_merchant(httplib::Response& res) { tingee_reply(res, "1060", "Merchant không tồn tại"); }

/// The first string member (at any depth) longer than kMaxText, as a path, or "".
std::string oversized(const Json& v, const std::string& path) {
  if (v.is_string()) return v.get<std::string>().size() > kMaxText ? path : "";
  if (v.is_object()) {
    for (const auto& [name, member] : v.items()) {
      if (auto at = oversized(member, path.empty() ? name : path + "." + name); !at.empty()) return at;
    }
  }
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (auto at = oversized(v[i], path + "[" + std::to_string(i) + "]"); !at.empty()) return at;
    }
  }
  return "";
}

bool account_type(const Json& b) {
  return text(b, "accountType") && (b["accountType"] == "personal-account" || b["accountType"] == "business-account" ||
                                    b["accountType"] == "business-household-account");
}

/// A positive integer member, or 0 (absent or anything else).
long long id_of(const Json& b, const char* field) {
  if (!b.contains(field)) return 0;
  const Json& v = b[field];
  if (v.is_number_integer() && v.get<long long>() > 0) return v.get<long long>();
  if (v.is_string() && !v.get<std::string>().empty() && v.get<std::string>().size() <= 18 &&
      v.get<std::string>().find_first_not_of("0123456789") == std::string::npos) {
    return std::stoll(v.get<std::string>());
  }
  return 0;
}

/// Checks the request's merchantId, if any: nullopt after an error reply (not a positive integer:
/// 400; no such merchant: 1060); else the member (null when absent).
std::optional<Json> merchant_of(const MerchantWorld& w, const Json& b, httplib::Response& res) {
  if (!b.contains("merchantId") || b["merchantId"].is_null()) return Json(nullptr);
  const long long id = id_of(b, "merchantId");
  if (id == 0) return invalid(res, "merchantId must be a positive integer"), std::nullopt;
  if (w.merchants.count(id) == 0) return unknown_merchant(res), std::nullopt;
  return Json(id);
}

/// skipCount and maxResultCount, both required (Tingee's paged DTOs): false after a 400.
bool paging(const Json& b, httplib::Response& res) {
  const bool ok = b.contains("skipCount") && b["skipCount"].is_number_integer() &&
                  b["skipCount"].get<long long>() >= 0 && b.contains("maxResultCount") &&
                  b["maxResultCount"].is_number_integer() && b["maxResultCount"].get<long long>() >= 1 &&
                  b["maxResultCount"].get<long long>() <= 1000;
  if (!ok) invalid(res, "skipCount (>= 0) and maxResultCount (1..1000) are required");
  return ok;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ---- shops ----

void shop_create_or_update(State& s, MerchantWorld& w, const Json& b, httplib::Response& res) {
  if (!text(b, "name") || !b.contains("isActive") || !b["isActive"].is_boolean()) {
    return invalid(res, "name and isActive are required");
  }
  auto merchant = merchant_of(w, b, res);
  if (!merchant) return;
  Shop* shop = nullptr;
  if (b.contains("id") && !b["id"].is_null()) {
    auto it = w.shops.find(id_of(b, "id"));
    if (it == w.shops.end()) return tingee_reply(res, "1061", "Cửa hàng không tồn tại");
    shop = &it->second;
  } else {
    if (full(s, w.shops.size(), res, "shops")) return;
    const long long id = s.next_id++;
    shop = &w.shops[id];
    shop->id = id;
  }
  shop->merchant_id = *merchant;
  shop->name = b["name"].get<std::string>();
  shop->address = b.value("address", "");
  shop->email = b.value("email", "");
  shop->phone_number = b.value("phoneNumber", "");
  shop->is_active = b["isActive"].get<bool>();
  s.record("tingee", "", "shop-saved", Json{{"shopId", shop->id}, {"merchantId", shop->merchant_id}});
  tingee_reply(res, "00", "Success", Json{{"shopId", shop->id}});
}

void shop_get_paging(State&, MerchantWorld& w, const Json& b, httplib::Response& res) {
  if (!paging(b, res)) return;
  auto merchant = merchant_of(w, b, res);
  if (!merchant) return;
  const std::string filter = b.value("filter", "");
  Json items = Json::array();
  for (const auto& [id, shop] : w.shops) {
    if (shop.merchant_id != *merchant) continue;
    if (!filter.empty() && !contains(shop.name, filter) && !contains(shop.address, filter)) continue;
    items.push_back(Json{{"id", id}, {"isActive", shop.is_active}, {"name", shop.name}, {"address", shop.address}});
  }
  tingee_page_reply(res, b, items);
}

// ---- merchants ----

void merchant_create(State& s, MerchantWorld& w, const Json& b, httplib::Response& res) {
  if (!text(b, "name") || !text(b, "phoneNumber") || !text(b, "password") || !text(b, "appType")) {
    return invalid(res, "name, phoneNumber, password and appType are required");
  }
  if (b.contains("businessSectorIds") &&
      (!b["businessSectorIds"].is_array() ||
       !std::all_of(b["businessSectorIds"].begin(), b["businessSectorIds"].end(),
                    [](const Json& x) { return x.is_number_integer() && x.get<long long>() > 0; }))) {
    return invalid(res, "businessSectorIds must be positive integers");
  }
  const std::string code = b.value("code", "");
  if (!code.empty()) {
    for (const auto& [id, m] : w.merchants) {
      if (m.code == code) return tingee_reply(res, "1064", "Mã merchant đã tồn tại");
    }
  }
  if (full(s, w.merchants.size(), res, "merchants")) return;
  Merchant m;
  m.id = s.next_id++;
  m.code = code.empty() ? "M" + std::to_string(m.id) : code;
  m.name = b["name"].get<std::string>();
  m.email = b.value("email", "");
  m.phone_number = b["phoneNumber"].get<std::string>();
  m.website = b.value("website", "");
  m.address = b.value("address", "");
  m.full_address = b.value("fullAddress", "");
  m.referral_code = b.value("referralCode", "");
  m.baas_type = b.value("baasType", "");
  if (b.contains("businessSectorIds")) m.business_sector_ids = b["businessSectorIds"];
  m.client_id = "sbx-merchant-" + std::to_string(m.id);
  m.secret_token = random_token(24);  // the merchant's own API secret: answered, never logged
  m.creation_time = iso_now();
  s.record("tingee", "", "merchant-created", Json{{"merchantId", m.id}});
  w.merchants[m.id] = m;
  tingee_reply(res, "00", "Success", Json{{"merchantId", m.id}});
}

void merchant_get_paging(State&, MerchantWorld& w, const Json& b, httplib::Response& res) {
  if (!paging(b, res)) return;
  const std::string filter = b.value("filter", "");
  Json items = Json::array();
  for (const auto& [id, m] : w.merchants) {
    if (!filter.empty() && !contains(m.name, filter) && !contains(m.code, filter) && !contains(m.email, filter) &&
        !contains(m.phone_number, filter)) {
      continue;
    }
    items.push_back(Json{{"id", id},
                         {"creationTime", m.creation_time},
                         {"code", m.code},
                         {"name", m.name},
                         {"email", m.email},
                         {"phoneNumber", m.phone_number},
                         {"website", m.website},
                         {"businessSectorIds", m.business_sector_ids},
                         {"address", m.address},
                         {"fullAddress", m.full_address},
                         {"clientId", m.client_id},
                         {"secretToken", m.secret_token},
                         {"eventUrl", ""},
                         {"eventUrls", Json::array()},
                         {"isLockEvent", false},
                         {"isMasterMerchant", false},
                         {"baasType", m.baas_type},
                         {"referralCode", m.referral_code}});
  }
  tingee_page_reply(res, b, items);
}

void merchant_delete(State& s, MerchantWorld& w, const Json& b, httplib::Response& res) {
  const long long id = id_of(b, "merchantId");
  if (id == 0) return invalid(res, "merchantId must be a positive integer");
  if (w.merchants.erase(id) == 0) return unknown_merchant(res);
  const Json owner(id);
  for (auto it = w.shops.begin(); it != w.shops.end();) it = it->second.merchant_id == owner ? w.shops.erase(it) : ++it;
  for (auto it = w.configs.begin(); it != w.configs.end();) {
    it = it->second.merchant_id == owner ? w.configs.erase(it) : ++it;
  }
  s.record("tingee", "", "merchant-deleted", Json{{"merchantId", id}});
  tingee_reply(res, "00", "Success");
}

// ---- bank configurations ----

struct BankDto {
  const char* bank;
  const char* member;
  std::vector<const char*> required;  // string members that must be non-empty
};

const std::vector<BankDto>& bank_dtos() {
  static const std::vector<BankDto> dtos = {
      {"BIDV", "bidvConfigDto", {"vaPrefix", "bankPartnerId", "accountNumber", "accountName"}},
      {"VIB", "vibConfigDto", {"vaPrefix", "basicAuthToken", "cif", "clientId", "clientSecret", "accountNumber"}},
      {"CTG", "ctgConfigDto", {"accountNumber", "accountName", "vaPrefix"}},
      {"ACB", "acbConfigDto", {"accountNumber", "accountName", "vaPrefix", "mobile", "acbUserId"}},
      {"VCB", "vcbConfigDto", {"accountNumber", "accountName", "merchantId", "terminalId"}},
      {"MSB", "msbConfigDto", {"accountNumber", "vaPrefix", "mobile", "merchantId", "terminalId", "accessCode"}},
  };
  return dtos;
}

Json config_item(const Config& c) {
  return Json{{"id", c.id},
              {"creationTime", c.creation_time},
              {"lastModificationTime", c.last_modification_time},
              {"merchantId", c.merchant_id},
              {"accountType", c.account_type},
              {"bankBin", c.bank_bin},
              {"bankName", c.bank_name},
              {"configDto", Json{{"accountNumber", c.account_number}, {"accountName", c.account_name}}}};
}

void create_or_update_config(State& s, MerchantWorld& w, const Json& b, httplib::Response& res) {
  if (!account_type(b)) return invalid(res, "accountType must be a Tingee account type");
  const std::string bin = bin_of(b);
  if (bin.empty()) return invalid(res, "bankBin or bankName must name a bank Tingee serves");
  const std::string bank = bank_name_of(bin);
  const BankDto* dto = nullptr;
  for (const auto& d : bank_dtos()) {
    if (bank == d.bank) dto = &d;
  }
  if (dto == nullptr) return invalid(res, "the sandbox configures BIDV, VIB, CTG, ACB, VCB and MSB");
  if (!b.contains(dto->member) || !b[dto->member].is_object()) {
    return invalid(res, std::string(dto->member) + " is required for " + bank);
  }
  const Json& conf = b[dto->member];
  for (const char* member : dto->required) {
    if (!text(conf, member)) return invalid(res, std::string(dto->member) + "." + member + " is required");
  }
  if (bank == "VIB" && !(conf.contains("vaCharactersNumber") && conf["vaCharactersNumber"].is_number_integer())) {
    return invalid(res, "vibConfigDto.vaCharactersNumber is required");
  }
  auto merchant = merchant_of(w, b, res);
  if (!merchant) return;
  Config* c = nullptr;
  if (b.contains("id") && !b["id"].is_null()) {
    auto it = w.configs.find(id_of(b, "id"));
    if (it == w.configs.end() || it->second.merchant_id != *merchant) {
      return tingee_reply(res, "1062", "Cấu hình không tồn tại");
    }
    c = &it->second;
  } else {
    if (full(s, w.configs.size(), res, "bank configurations")) return;
    const long long id = s.next_id++;
    c = &w.configs[id];
    c->id = id;
    c->creation_time = iso_now();
  }
  // Only what identifies the account is kept; the credentials are never stored.
  c->merchant_id = *merchant;
  c->account_type = b["accountType"].get<std::string>();
  c->bank_bin = bin;
  c->bank_name = bank;
  c->account_number = conf.value("accountNumber", "");
  c->account_name = conf.value("accountName", "");
  c->acb_user_id = bank == "ACB" ? conf.value("acbUserId", "") : "";
  c->last_modification_time = iso_now();
  s.record("tingee", "", "merchant-config-saved", Json{{"id", c->id}, {"bankName", bank}});
  tingee_reply(res, "00", "Success", c->id);
}

void delete_config(State& s, MerchantWorld& w, const Json& b, httplib::Response& res) {
  const long long id = id_of(b, "id");
  if (id == 0) return invalid(res, "id must be a positive integer");
  auto merchant = merchant_of(w, b, res);
  if (!merchant) return;
  auto it = w.configs.find(id);
  if (it == w.configs.end() || (!merchant->is_null() && it->second.merchant_id != *merchant)) {
    return tingee_reply(res, "1062", "Cấu hình không tồn tại");
  }
  w.configs.erase(it);
  s.record("tingee", "", "merchant-config-deleted", Json{{"id", id}});
  tingee_reply(res, "00", "Success", id);
}

void get_paging_config(State&, MerchantWorld& w, const Json& b, httplib::Response& res) {
  if (!paging(b, res)) return;
  const std::string bin = bin_of(b);
  if ((text(b, "bankBin") || text(b, "bankName")) && bin.empty()) return tingee_page_reply(res, b, Json::array());
  const std::string filter = b.value("filter", "");
  const long long merchant = id_of(b, "merchantId");
  Json items = Json::array();
  for (const auto& [id, c] : w.configs) {
    if (merchant != 0 && c.merchant_id != Json(merchant)) continue;
    if (!bin.empty() && c.bank_bin != bin) continue;
    if (text(b, "accountType") && b["accountType"] != c.account_type) continue;
    if (!filter.empty() && !contains(c.account_number, filter) && !contains(c.account_name, filter)) continue;
    items.push_back(config_item(c));
  }
  tingee_page_reply(res, b, items);
}

/// config-account-business links ACB accounts: a named bank must be ACB.
bool acb_only(const Json& b, httplib::Response& res) {
  const bool named = text(b, "bankBin") || text(b, "bankName");
  if (named && bank_name_of(bin_of(b)) != "ACB") {
    invalid(res, "business accounts are ACB's (bankBin 970416, bankName ACB)");
    return false;
  }
  return true;
}

void config_account_business(State& s, MerchantWorld& w, const Json& b, httplib::Response& res) {
  if (!text(b, "acbUserId")) return invalid(res, "acbUserId is required");
  if (!acb_only(b, res)) return;
  auto merchant = merchant_of(w, b, res);
  if (!merchant) return;
  const std::string user = b["acbUserId"].get<std::string>(), account = b.value("accountNumber", "");
  for (const auto& [id, c] : w.configs) {
    if (c.merchant_id == *merchant && c.acb_user_id == user && c.account_number == account) {
      return tingee_reply(res, "1010", "Tài khoản đã được liên kết");
    }
  }
  if (full(s, w.configs.size(), res, "bank configurations")) return;
  Config c;
  c.id = s.next_id++;
  c.merchant_id = *merchant;
  c.account_type = "business-account";
  c.bank_bin = tingee_bank_bin("ACB");
  c.bank_name = "ACB";
  c.account_number = account;
  c.account_name = b.value("accountName", "");
  c.acb_user_id = user;
  c.creation_time = c.last_modification_time = iso_now();
  const std::string confirm_id = "SBX-BIZ-" + std::to_string(s.next_id++);
  s.record("tingee", "", "business-account-linked", Json{{"id", c.id}, {"confirmId", confirm_id}});
  w.configs[c.id] = c;
  tingee_reply(res, "00", "Success", Json{{"confirmId", confirm_id}});
}

void delete_config_account_business(State& s, MerchantWorld& w, const Json& b, httplib::Response& res) {
  if (!account_type(b)) return invalid(res, "accountType must be a Tingee account type");
  if (!b.contains("configRemove") || !b["configRemove"].is_object() || !text(b["configRemove"], "accountNumber") ||
      !text(b["configRemove"], "acbUserId")) {
    return invalid(res, "configRemove with accountNumber and acbUserId is required");
  }
  if (!acb_only(b, res)) return;
  auto merchant = merchant_of(w, b, res);
  if (!merchant) return;
  const Json& remove = b["configRemove"];
  for (auto it = w.configs.begin(); it != w.configs.end(); ++it) {
    const Config& c = it->second;
    if (c.merchant_id == *merchant && !c.acb_user_id.empty() && c.acb_user_id == remove["acbUserId"] &&
        c.account_number == remove["accountNumber"]) {
      s.record("tingee", "", "business-account-unlinked", Json{{"id", c.id}});
      w.configs.erase(it);
      return tingee_reply(res, "00", "Success", true);
    }
  }
  tingee_reply(res, "1063", "Tài khoản doanh nghiệp không tồn tại");
}

using Route = std::function<void(State&, MerchantWorld&, const Json&, httplib::Response&)>;

/// A signed Tingee request: authenticated over its body ("{}" when none), the query's parameters
/// merged into the body's members, every string bounded, run under the state lock.
void serve(const Options& options, State& state, MerchantWorld& world, const Route& route, const httplib::Request& req,
           const std::string& body, httplib::Response& res) {
  if (!tingee_authenticate(options, req, body, res)) return;
  Json b = Json::parse(body.empty() ? "{}" : body, nullptr, false);
  if (b.is_discarded() || !b.is_object()) return invalid(res, "body must be a JSON object");
  for (const auto& [name, value] : req.params) b[name] = value;
  if (const std::string at = oversized(b, ""); !at.empty()) {
    return invalid(res, at + " must be at most " + std::to_string(kMaxText) + " bytes");
  }
  std::lock_guard<std::mutex> lock(state.mu);
  route(state, world, b, res);
}

}  // namespace

void install_tingee_merchants(httplib::Server& server, const Options& options, State& state) {
  auto world = std::make_shared<MerchantWorld>();
  state.counters.emplace_back("tingee.shops", [world] { return world->shops.size(); });
  state.counters.emplace_back("tingee.merchants", [world] { return world->merchants.size(); });
  state.counters.emplace_back("tingee.bank_configs", [world] { return world->configs.size(); });
  auto posted = [&](const std::string& path, Route route) {
    post(
        server, path,
        [&options, &state, world, route](const httplib::Request& req, const std::string& body, httplib::Response& res) {
          serve(options, state, *world, route, req, body, res);
        });
  };
  posted("/v1/shop/create-or-update", shop_create_or_update);
  posted("/v1/shop/get-paging", shop_get_paging);
  posted("/v1/merchant/create", merchant_create);
  posted("/v1/merchant/get-paging", merchant_get_paging);
  posted("/v1/merchant/get-paging-config", get_paging_config);
  posted("/v1/merchant/create-or-update-config", create_or_update_config);
  posted("/v1/merchant/delete-config", delete_config);
  posted("/v1/merchant/config-account-business", config_account_business);
  posted("/v1/merchant/delete-config-account-business", delete_config_account_business);
  server.Delete("/v1/merchant/delete", [&options, &state, world](const httplib::Request& req, httplib::Response& res) {
    serve(options, state, *world, merchant_delete, req, req.body, res);
  });
}

}  // namespace paygw::sandbox
