// SPDX-License-Identifier: MIT
// Integration: the checks of Tingee's shops and Master-Merchant administration through paygw's
// client against the sandbox's stateful simulation (tools/sandbox/tingee_merchant.cpp): shops
// created, updated and listed; merchants created, listed and deleted (an unknown one refused); bank
// configurations and ACB business accounts set, listed and removed. Blocking and async, run by
// sandbox_tingee_test.cpp's EveryCall tests. Also here: hostile requests refused before anything is
// sent, malformed answers read as kMalformed, the sandbox's cap on objects, and that the sandbox
// never logs the secrets these calls carry.
#include "sandbox_fixture.hpp"

namespace paygw::it {
namespace {

using Json = nlohmann::json;

// Distinctive secrets: none may appear in the sandbox's event log or page journal.
constexpr const char* kPassword = "it-merchant-SECRET-password-31f7";
constexpr const char* kBasicAuth = "it-vib-SECRET-basic-auth-0a9e";
constexpr const char* kClientSecret = "it-vib-SECRET-client-secret-77c4";
constexpr const char* kAccessCode = "it-msb-SECRET-access-code-5d21";

const std::string kTooLong(2049, 'x');  // over paygw's 2048-byte bound for long texts

void expect_provider_error(const Error& e, const char* code) {
  EXPECT_EQ(e.code, ErrorCode::kProvider) << describe(e);
  EXPECT_EQ(e.provider_code, code) << describe(e);
}

void expect_not_sent(const Error& e) {
  EXPECT_EQ(e.code, ErrorCode::kInvalidArgument) << describe(e);
  EXPECT_EQ(e.delivery, Delivery::kNotSent) << describe(e);
  EXPECT_EQ(e.attempts, 0) << describe(e);
}

tingee::CreateOrUpdateShopRequest shop_request(const std::string& name) {
  tingee::CreateOrUpdateShopRequest r;
  r.name = name;
  r.address = "1 Trang Tien, Ha Noi";
  r.phone_number = "0901234567";
  return r;
}

tingee::GetShopPagingRequest shops_named(const std::string& filter) {
  tingee::GetShopPagingRequest r;
  r.filter = filter;
  r.max_result_count = 100;
  return r;
}

tingee::MerchantCreateRequest merchant_request(const std::string& name) {
  tingee::MerchantCreateRequest r;
  r.name = name;
  r.phone_number = "0901234567";
  r.email = "owner@" + unique_id() + ".example.vn";
  r.business_sector_ids = {3, 7};
  r.password = Secret(kPassword);
  return r;
}

tingee::MerchantGetPagingRequest merchants_named(const std::string& filter) { return {filter, "", 0, 100}; }

// A new merchant's id (0 after a failure).
std::int64_t new_merchant(const tingee::Client& c) {
  auto created = c.merchant_create(merchant_request("Merchant " + unique_id()));
  EXPECT_TRUE(created.ok()) << describe(created.error());
  return created.ok() ? created->merchant_id : 0;
}

tingee::MerchantCreateOrUpdateConfigRequest vib_config(std::int64_t merchant, const std::string& account) {
  tingee::MerchantCreateOrUpdateConfigRequest r;
  tingee::VibConfig vib;
  vib.va_prefix = "VIB";
  vib.basic_auth_token = Secret(kBasicAuth);
  vib.cif = "CIF-1";
  vib.client_id = "vib-client-1";
  vib.client_secret = Secret(kClientSecret);
  vib.account_number = account;
  vib.va_characters_number = 10;
  r.vib = std::move(vib);
  r.account_type = tingee::AccountType::kBusiness;
  r.bank_bin = "970441";
  r.merchant_id = merchant;
  return r;
}

tingee::MerchantCreateOrUpdateConfigRequest bidv_config(std::int64_t merchant, const std::string& account) {
  tingee::MerchantCreateOrUpdateConfigRequest r;
  r.bidv = tingee::BidvConfig{"BIDV", "partner-1", account, "CONG TY A"};
  r.account_type = tingee::AccountType::kPersonal;
  r.bank_name = "BIDV";
  r.merchant_id = merchant;
  return r;
}

tingee::MerchantCreateOrUpdateConfigRequest msb_config(std::int64_t merchant, const std::string& account) {
  tingee::MerchantCreateOrUpdateConfigRequest r;
  r.msb = tingee::MsbBusinessAccount{account, "MSB", "0901234567", "MSB-M-1", "MSB-T-1", Secret(kAccessCode), "REF-1"};
  r.account_type = tingee::AccountType::kBusiness;
  r.bank_bin = "970426";
  r.merchant_id = merchant;
  return r;
}

tingee::MerchantGetPagingConfigRequest configs_of(std::int64_t merchant) {
  tingee::MerchantGetPagingConfigRequest r;
  r.merchant_id = merchant;
  r.max_result_count = 100;
  return r;
}

tingee::AcbBusinessAccount acb(const std::string& account) {
  return {account, "CONG TY A", "ACB", "0901234567", "acb-user-" + account};
}

tingee::MerchantConfigAccountBusinessRequest link_business(std::int64_t merchant, const tingee::AcbBusinessAccount& a) {
  return {"ACB", a.account_number, a.account_name, a.mobile, a.va_prefix, merchant, a.acb_user_id, ""};
}

tingee::MerchantDeleteConfigAccountBusinessRequest unlink_business(std::int64_t merchant,
                                                                   const tingee::AcbBusinessAccount& a) {
  return {tingee::AccountType::kBusiness, a, merchant, "970416", ""};
}

}  // namespace

Checks tingee_merchant_checks() {
  Checks k;
  k["tingee.shop_create_or_update"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const std::string tag = "Shop-" + unique_id();
    auto saved = IT_CALL(async, c, shop_create_or_update, (shop_request(tag)));
    ASSERT_OK(saved);
    EXPECT_GT(saved->shop_id, 0);
    EXPECT_EQ(saved->message, "Success");
    auto update = shop_request(tag + "-renamed");
    update.id = saved->shop_id;
    update.is_active = false;
    auto updated = IT_CALL(async, c, shop_create_or_update, (update));
    ASSERT_OK(updated);
    EXPECT_EQ(updated->shop_id, saved->shop_id);
    auto page = c.shop_get_paging(shops_named(tag));
    ASSERT_OK(page);
    ASSERT_EQ(page->items.size(), 1u) << "updated, not a second shop";
    EXPECT_EQ(page->items[0].name, tag + "-renamed");
    EXPECT_EQ(page->items[0].is_active, std::optional<bool>(false));
    auto stranger = shop_request(tag);
    stranger.id = 1;  // no shop has id 1 (the sandbox's ids are far larger)
    auto unknown = IT_CALL(async, c, shop_create_or_update, (stranger));
    ASSERT_FALSE(unknown.ok());
    expect_provider_error(unknown.error(), "1061");
    auto orphan = shop_request(tag);
    orphan.merchant_id = 1;
    auto no_merchant = IT_CALL(async, c, shop_create_or_update, (orphan));
    ASSERT_FALSE(no_merchant.ok());
    expect_provider_error(no_merchant.error(), "1060");
    // Refused before anything is sent: an empty name, an oversized address.
    auto empty = IT_CALL(async, c, shop_create_or_update, (shop_request("")));
    ASSERT_FALSE(empty.ok());
    expect_not_sent(empty.error());
    auto huge = shop_request(tag);
    huge.address = kTooLong;
    auto oversized = IT_CALL(async, c, shop_create_or_update, (huge));
    ASSERT_FALSE(oversized.ok());
    expect_not_sent(oversized.error());
  };
  k["tingee.shop_get_paging"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const std::string tag = "Paged-" + unique_id();
    for (int i = 0; i < 3; ++i) ASSERT_OK(c.shop_create_or_update(shop_request(tag + "-" + std::to_string(i))));
    auto r = shops_named(tag);
    r.max_result_count = 2;
    auto page = IT_CALL(async, c, shop_get_paging, (r));
    ASSERT_OK(page);
    EXPECT_EQ(page->total_count.value_or(-1), 3);
    ASSERT_EQ(page->items.size(), 2u);
    EXPECT_EQ(page->items[0].name, tag + "-0");
    EXPECT_EQ(page->items[1].name, tag + "-1");
    EXPECT_EQ(page->items[0].address, "1 Trang Tien, Ha Noi");
    r.skip_count = 2;
    auto rest = IT_CALL(async, c, shop_get_paging, (r));
    ASSERT_OK(rest);
    ASSERT_EQ(rest->items.size(), 1u);
    EXPECT_EQ(rest->items[0].name, tag + "-2");
    // A merchant's shops are listed under its id only.
    const std::int64_t merchant = new_merchant(c);
    ASSERT_GT(merchant, 0);
    auto theirs = shop_request(tag + "-theirs");
    theirs.merchant_id = merchant;
    ASSERT_OK(c.shop_create_or_update(theirs));
    auto of_merchant = shops_named(tag);
    of_merchant.merchant_id = merchant;
    auto listed = IT_CALL(async, c, shop_get_paging, (of_merchant));
    ASSERT_OK(listed);
    ASSERT_EQ(listed->items.size(), 1u);
    EXPECT_EQ(listed->items[0].name, tag + "-theirs");
    auto own = IT_CALL(async, c, shop_get_paging, (shops_named(tag)));
    ASSERT_OK(own);
    EXPECT_EQ(own->total_count.value_or(-1), 3);
    auto bad = shops_named(tag);
    bad.max_result_count = 0;
    auto refused = IT_CALL(async, c, shop_get_paging, (bad));
    ASSERT_FALSE(refused.ok());
    expect_not_sent(refused.error());
  };
  k["tingee.merchant_create"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const std::string name = "Merchant " + unique_id();
    auto request = merchant_request(name);
    request.code = "CODE-" + unique_id();
    auto created = IT_CALL(async, c, merchant_create, (request));
    ASSERT_OK(created);
    EXPECT_GT(created->merchant_id, 0);
    auto page = c.merchant_get_paging(merchants_named(name));
    ASSERT_OK(page);
    ASSERT_EQ(page->items.size(), 1u);
    const tingee::Merchant& m = page->items[0];
    EXPECT_EQ(m.id, created->merchant_id);
    EXPECT_EQ(m.code, request.code);
    EXPECT_EQ(m.phone_number, "0901234567");
    EXPECT_EQ(m.business_sector_ids, (std::vector<std::int64_t>{3, 7}));
    EXPECT_FALSE(m.client_id.empty());
    EXPECT_FALSE(m.secret_token.reveal().empty());
    auto twice = IT_CALL(async, c, merchant_create, (request));  // the code is taken
    ASSERT_FALSE(twice.ok());
    expect_provider_error(twice.error(), "1064");
    auto no_password = merchant_request(name);
    no_password.password = Secret("");
    auto refused = IT_CALL(async, c, merchant_create, (no_password));
    ASSERT_FALSE(refused.ok());
    expect_not_sent(refused.error());
    auto huge = merchant_request(name);
    huge.website = kTooLong;
    auto oversized = IT_CALL(async, c, merchant_create, (huge));
    ASSERT_FALSE(oversized.ok());
    expect_not_sent(oversized.error());
  };
  k["tingee.merchant_get_paging"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const std::string tag = "Listed " + unique_id();
    for (int i = 0; i < 3; ++i) ASSERT_OK(c.merchant_create(merchant_request(tag + " " + std::to_string(i))));
    auto r = merchants_named(tag);
    r.max_result_count = 2;
    auto page = IT_CALL(async, c, merchant_get_paging, (r));
    ASSERT_OK(page);
    EXPECT_EQ(page->total_count.value_or(-1), 3);
    ASSERT_EQ(page->items.size(), 2u);
    EXPECT_EQ(page->items[0].name, tag + " 0");
    EXPECT_NE(page->items[0].secret_token.reveal(), page->items[1].secret_token.reveal());
    r.skip_count = 2;
    auto rest = IT_CALL(async, c, merchant_get_paging, (r));
    ASSERT_OK(rest);
    ASSERT_EQ(rest->items.size(), 1u);
    EXPECT_EQ(rest->items[0].name, tag + " 2");
  };
  k["tingee.merchant_delete"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const std::int64_t merchant = new_merchant(c);
    ASSERT_GT(merchant, 0);
    auto shop = shop_request("Doomed " + unique_id());
    shop.merchant_id = merchant;
    ASSERT_OK(c.shop_create_or_update(shop));
    auto deleted = IT_CALL(async, c, merchant_delete, (tingee::MerchantDeleteRequest{merchant}));
    ASSERT_OK(deleted);
    auto again = IT_CALL(async, c, merchant_delete, (tingee::MerchantDeleteRequest{merchant}));
    ASSERT_FALSE(again.ok());
    expect_provider_error(again.error(), "1060");
    auto r = shops_named("");
    r.merchant_id = merchant;  // its shops went with it: the merchant is unknown now
    auto shops = c.shop_get_paging(r);
    ASSERT_FALSE(shops.ok());
    expect_provider_error(shops.error(), "1060");
    auto zero = IT_CALL(async, c, merchant_delete, (tingee::MerchantDeleteRequest{0}));
    ASSERT_FALSE(zero.ok());
    expect_not_sent(zero.error());
  };
  k["tingee.merchant_get_paging_config"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const std::int64_t merchant = new_merchant(c);
    ASSERT_GT(merchant, 0);
    ASSERT_OK(c.merchant_create_or_update_config(bidv_config(merchant, "2101234567")));
    ASSERT_OK(c.merchant_create_or_update_config(vib_config(merchant, "0071000123456")));
    auto all = IT_CALL(async, c, merchant_get_paging_config, (configs_of(merchant)));
    ASSERT_OK(all);
    EXPECT_EQ(all->total_count.value_or(-1), 2);
    ASSERT_EQ(all->items.size(), 2u);
    EXPECT_EQ(all->items[0].bank_name, "BIDV");
    EXPECT_EQ(all->items[0].account_type, "personal-account");
    EXPECT_EQ(all->items[0].merchant_id, std::optional<std::int64_t>(merchant));
    EXPECT_EQ(all->items[1].bank_bin, "970441");
    auto r = configs_of(merchant);
    r.bank_name = "VIB";
    auto vib = IT_CALL(async, c, merchant_get_paging_config, (r));
    ASSERT_OK(vib);
    ASSERT_EQ(vib->items.size(), 1u);
    EXPECT_EQ(vib->items[0].account_type, "business-account");
    r = configs_of(merchant);
    r.account_type = tingee::AccountType::kPersonal;
    auto personal = IT_CALL(async, c, merchant_get_paging_config, (r));
    ASSERT_OK(personal);
    ASSERT_EQ(personal->items.size(), 1u);
    EXPECT_EQ(personal->items[0].bank_name, "BIDV");
    r = configs_of(merchant);
    r.bank_bin = "97044";  // not 6 digits
    auto refused = IT_CALL(async, c, merchant_get_paging_config, (r));
    ASSERT_FALSE(refused.ok());
    expect_not_sent(refused.error());
  };
  k["tingee.merchant_create_or_update_config"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const std::int64_t merchant = new_merchant(c);
    ASSERT_GT(merchant, 0);
    auto saved = IT_CALL(async, c, merchant_create_or_update_config, (vib_config(merchant, "0071000123456")));
    ASSERT_OK(saved);
    EXPECT_GT(saved->id, 0);
    auto update = vib_config(merchant, "0071000999999");
    update.id = saved->id;
    auto updated = IT_CALL(async, c, merchant_create_or_update_config, (update));
    ASSERT_OK(updated);
    EXPECT_EQ(updated->id, saved->id);
    auto msb = IT_CALL(async, c, merchant_create_or_update_config, (msb_config(merchant, "0071000888888")));
    ASSERT_OK(msb);
    auto page = c.merchant_get_paging_config(configs_of(merchant));
    ASSERT_OK(page);
    ASSERT_EQ(page->items.size(), 2u);
    EXPECT_EQ(page->items[0].id, saved->id);
    EXPECT_EQ(page->items[1].bank_name, "MSB");
    auto stranger = vib_config(merchant, "0071000123456");
    stranger.id = 1;
    auto unknown = IT_CALL(async, c, merchant_create_or_update_config, (stranger));
    ASSERT_FALSE(unknown.ok());
    expect_provider_error(unknown.error(), "1062");
    auto wrong_bank = bidv_config(merchant, "2101234567");  // BIDV's object for VIB: the sandbox refuses
    wrong_bank.bank_name.clear();
    wrong_bank.bank_bin = "970441";
    auto mismatched = IT_CALL(async, c, merchant_create_or_update_config, (wrong_bank));
    ASSERT_FALSE(mismatched.ok());
    EXPECT_EQ(mismatched.error().http_status, 400) << describe(mismatched.error());
    auto empty = vib_config(merchant, "0071000123456");
    empty.vib->client_secret = Secret("");
    auto refused = IT_CALL(async, c, merchant_create_or_update_config, (empty));
    ASSERT_FALSE(refused.ok());
    expect_not_sent(refused.error());
    auto huge = vib_config(merchant, "0071000123456");
    huge.vib->basic_auth_token = Secret(kTooLong);
    auto oversized = IT_CALL(async, c, merchant_create_or_update_config, (huge));
    ASSERT_FALSE(oversized.ok());
    expect_not_sent(oversized.error());
  };
  k["tingee.merchant_delete_config"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const std::int64_t merchant = new_merchant(c);
    ASSERT_GT(merchant, 0);
    auto saved = c.merchant_create_or_update_config(bidv_config(merchant, "2101234567"));
    ASSERT_OK(saved);
    auto deleted =
        IT_CALL(async, c, merchant_delete_config, (tingee::MerchantDeleteConfigRequest{"", "", saved->id, merchant}));
    ASSERT_OK(deleted);
    EXPECT_EQ(deleted->id, saved->id);
    auto page = c.merchant_get_paging_config(configs_of(merchant));
    ASSERT_OK(page);
    EXPECT_EQ(page->total_count.value_or(-1), 0);
    auto again =
        IT_CALL(async, c, merchant_delete_config, (tingee::MerchantDeleteConfigRequest{"", "", saved->id, merchant}));
    ASSERT_FALSE(again.ok());
    expect_provider_error(again.error(), "1062");
    auto zero = IT_CALL(async, c, merchant_delete_config, (tingee::MerchantDeleteConfigRequest{"", "", 0, merchant}));
    ASSERT_FALSE(zero.ok());
    expect_not_sent(zero.error());
  };
  k["tingee.merchant_config_account_business"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const std::int64_t merchant = new_merchant(c);
    ASSERT_GT(merchant, 0);
    const auto account = acb("0071" + unique_id());
    auto linked = IT_CALL(async, c, merchant_config_account_business, (link_business(merchant, account)));
    ASSERT_OK(linked);
    EXPECT_EQ(linked->confirm_id.rfind("SBX-BIZ-", 0), 0u) << linked->confirm_id;
    auto page = c.merchant_get_paging_config(configs_of(merchant));
    ASSERT_OK(page);
    ASSERT_EQ(page->items.size(), 1u);
    EXPECT_EQ(page->items[0].bank_name, "ACB");
    EXPECT_EQ(page->items[0].account_type, "business-account");
    auto twice = IT_CALL(async, c, merchant_config_account_business, (link_business(merchant, account)));
    ASSERT_FALSE(twice.ok());
    expect_provider_error(twice.error(), "1010");
    auto no_user = link_business(merchant, account);
    no_user.acb_user_id.clear();
    auto refused = IT_CALL(async, c, merchant_config_account_business, (no_user));
    ASSERT_FALSE(refused.ok());
    expect_not_sent(refused.error());
  };
  k["tingee.merchant_delete_config_account_business"] = [](const std::string& url, bool async) {
    auto c = tingee_client(10s, kTingeeSecret, url);
    const std::int64_t merchant = new_merchant(c);
    ASSERT_GT(merchant, 0);
    const auto account = acb("0071" + unique_id());
    ASSERT_OK(c.merchant_config_account_business(link_business(merchant, account)));
    auto unlinked = IT_CALL(async, c, merchant_delete_config_account_business, (unlink_business(merchant, account)));
    ASSERT_OK(unlinked);
    EXPECT_TRUE(unlinked->confirm_id.empty()) << "Tingee's `true`: nothing to confirm";
    auto page = c.merchant_get_paging_config(configs_of(merchant));
    ASSERT_OK(page);
    EXPECT_EQ(page->total_count.value_or(-1), 0);
    auto again = IT_CALL(async, c, merchant_delete_config_account_business, (unlink_business(merchant, account)));
    ASSERT_FALSE(again.ok());
    expect_provider_error(again.error(), "1063");
    auto partial = unlink_business(merchant, account);
    partial.config_remove.mobile.clear();
    auto refused = IT_CALL(async, c, merchant_delete_config_account_business, (partial));
    ASSERT_FALSE(refused.ok());
    expect_not_sent(refused.error());
  };
  return k;
}

namespace {

// The sandbox never logs a secret these calls carry: not in its event log, not in its page's
// journal, not in what it printed — neither for accepted requests nor for refused ones.
TEST(SandboxTingeeMerchant, SecretsNeverLogged) {
  Sandbox own;
  ASSERT_FALSE(own.url().empty()) << own.output();
  auto c = tingee_client(10s, kTingeeSecret, own.url());
  auto merchant = c.merchant_create(merchant_request("Secretive"));
  ASSERT_OK(merchant);
  ASSERT_OK(c.merchant_create_or_update_config(vib_config(merchant->merchant_id, "0071000123456")));
  ASSERT_OK(c.merchant_create_or_update_config(msb_config(merchant->merchant_id, "0071000888888")));
  auto wrong = vib_config(merchant->merchant_id, "0071000123456");
  wrong.id = 1;  // refused by the sandbox (1062), secrets in the body
  ASSERT_FALSE(c.merchant_create_or_update_config(wrong).ok());
  auto odd = msb_config(merchant->merchant_id, "0071000123456");
  odd.bank_bin = "970441";  // an MSB object for VIB: a 400
  ASSERT_FALSE(c.merchant_create_or_update_config(odd).ok());
  auto page = c.merchant_get_paging(merchants_named("Secretive"));
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 1u);
  const std::string token = page->items[0].secret_token.reveal();
  ASSERT_FALSE(token.empty());
  const std::string logged = sandbox_get("/_sandbox/events", own.url()).dump() +
                             sandbox_get("/_sandbox/screens", own.url()).dump() + own.output();
  EXPECT_NE(logged.find("merchant-created"), std::string::npos) << "the log was read";
  for (const std::string& secret :
       {std::string(kPassword), std::string(kBasicAuth), std::string(kClientSecret), std::string(kAccessCode), token}) {
    EXPECT_EQ(logged.find(secret), std::string::npos) << "the sandbox logged a secret";
  }
}

// Objects are capped per sandbox: one more is refused with a clear answer, never stored.
TEST(SandboxTingeeMerchant, ObjectsAreCapped) {
  Sandbox own;
  ASSERT_FALSE(own.url().empty()) << own.output();
  auto c = tingee_client(10s, kTingeeSecret, own.url());
  int created = 0;
  Result<tingee::MerchantCreated> last = c.merchant_create(merchant_request("Cap 0"));
  while (last.ok() && created < 1000) {
    ++created;
    last = c.merchant_create(merchant_request("Cap " + std::to_string(created)));
  }
  ASSERT_FALSE(last.ok());
  expect_provider_error(last.error(), "1099");
  EXPECT_NE(last.error().message.find("Sandbox limit reached"), std::string::npos) << describe(last.error());
  EXPECT_EQ(created, 200);
  auto page = c.merchant_get_paging(merchants_named("Cap "));
  ASSERT_OK(page);
  EXPECT_EQ(page->total_count.value_or(-1), 200);
  // Deleting one makes room for one.
  ASSERT_OK(c.merchant_delete({page->items[0].id}));
  EXPECT_OK(c.merchant_create(merchant_request("Cap again")));
  EXPECT_FALSE(c.merchant_create(merchant_request("Cap over")).ok());
}

// Answers paygw cannot read are kMalformed (after the request may have been applied): a transport
// that answers each merchant row with a wrong shape.
class WrongShapes final : public http::Transport {
 public:
  Result<http::Response> send(const http::Request& request) override {
    const std::string ok = R"({"code":"00","message":"Success","data":)";
    const auto& u = request.url;
    std::string data = "{}";
    if (u.find("/shop/create-or-update") != std::string::npos) data = R"({"shopId":"twelve"})";
    if (u.find("/shop/get-paging") != std::string::npos) data = R"({"totalCount":1,"items":[{"name":"no id"}]})";
    if (u.find("/merchant/create") != std::string::npos) data = R"({"merchantId":-4})";
    if (u.find("/merchant/get-paging") != std::string::npos) data = R"({"totalCount":1,"items":[{"id":1}]})";
    if (u.find("/merchant/get-paging-config") != std::string::npos) data = R"({"totalCount":1,"items":"none"})";
    if (u.find("-config") != std::string::npos && u.find("paging") == std::string::npos) data = R"("seven")";
    if (u.find("config-account-business") != std::string::npos) data = R"("linked")";  // neither a session nor `true`
    if (u.find("/merchant/delete?") != std::string::npos) return http::Response{200, {}, "<html>ok</html>"};
    return http::Response{200, {{"Content-Type", "application/json"}}, ok + data + "}"};
  }
};

TEST(SandboxTingeeMerchant, MalformedAnswersAreMalformed) {
  tingee::Config config;
  config.base_url = "https://gateway.example";
  config.client_id = "cid";
  config.secret = Secret(kTingeeSecret);
  config.transport = std::make_shared<WrongShapes>();
  auto made = tingee::Client::create(config);
  ASSERT_TRUE(made.ok()) << describe(made.error());
  const tingee::Client& c = *made;
  auto expect_malformed = [](const auto& result, const char* what) {
    ASSERT_FALSE(result.ok()) << what;
    EXPECT_EQ(result.error().code, ErrorCode::kMalformed) << what << ": " << describe(result.error());
    EXPECT_EQ(result.error().delivery, Delivery::kMaybeSent) << what;
  };
  expect_malformed(c.shop_create_or_update(shop_request("Shop")), "shop_create_or_update");
  expect_malformed(c.shop_get_paging(shops_named("")), "shop_get_paging");
  expect_malformed(c.merchant_create(merchant_request("M")), "merchant_create");
  expect_malformed(c.merchant_get_paging(merchants_named("")), "merchant_get_paging");
  expect_malformed(c.merchant_delete({42}), "merchant_delete");
  expect_malformed(c.merchant_get_paging_config(configs_of(42)), "merchant_get_paging_config");
  expect_malformed(c.merchant_create_or_update_config(vib_config(42, "0071000123456")), "create_or_update_config");
  expect_malformed(c.merchant_delete_config({"", "", 7, std::nullopt}), "merchant_delete_config");
  expect_malformed(c.merchant_config_account_business(link_business(42, acb("1"))), "config_account_business");
  expect_malformed(c.merchant_delete_config_account_business(unlink_business(42, acb("1"))),
                   "delete_config_account_business");
}

}  // namespace
}  // namespace paygw::it
