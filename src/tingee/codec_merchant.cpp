// SPDX-License-Identifier: MIT
#include "tingee/codec_merchant.hpp"

#include "tingee/codec_api_support.hpp"
#include "tingee/codec_va.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace paygw::tingee::detail {
namespace json = paygw::detail::json;
using api::kMaxLongText;
using api::Reader;
using support::malformed;
using support::Validator;

namespace {

bool all_positive(const std::vector<std::int64_t>& ids) {
  return std::all_of(ids.begin(), ids.end(), [](std::int64_t id) { return id > 0; });
}

void file(Validator& v, const char* field, const std::optional<UploadedFile>& f) {
  if (!f) return;
  api::text(v, std::string(field) + ".file_log_id", f->file_log_id, true);
  api::text(v, std::string(field) + ".path", f->path, true, kMaxLongText);
}

Json file_json(const UploadedFile& f) { return Json{{"fileLogId", f.file_log_id}, {"path", f.path}}; }

void acb_account(Validator& v, const std::string& prefix, const AcbBusinessAccount& a) {
  api::text(v, prefix + ".account_number", a.account_number, true);
  api::text(v, prefix + ".account_name", a.account_name, true);
  api::text(v, prefix + ".va_prefix", a.va_prefix, true);
  api::text(v, prefix + ".mobile", a.mobile, true);
  api::text(v, prefix + ".acb_user_id", a.acb_user_id, true);
}

Json acb_json(const AcbBusinessAccount& a) {
  Json o = Json::object();
  o["accountNumber"] = a.account_number;
  o["accountName"] = a.account_name;
  o["vaPrefix"] = a.va_prefix;
  o["mobile"] = a.mobile;
  o["acbUserId"] = a.acb_user_id;
  return o;
}

void validate_configs(Validator& v, const MerchantCreateOrUpdateConfigRequest& r) {
  if (r.bidv) {
    api::text(v, "bidv.va_prefix", r.bidv->va_prefix, true);
    api::text(v, "bidv.bank_partner_id", r.bidv->bank_partner_id, true);
    api::text(v, "bidv.account_number", r.bidv->account_number, true);
    api::text(v, "bidv.account_name", r.bidv->account_name, true);
  }
  if (r.vib) {
    api::text(v, "vib.va_prefix", r.vib->va_prefix, true);
    file(v, "vib.public_key", r.vib->public_key);
    file(v, "vib.private_key", r.vib->private_key);
    api::text(v, "vib.basic_auth_token", r.vib->basic_auth_token.reveal(), true, kMaxLongText);
    api::text(v, "vib.cif", r.vib->cif, true);
    api::text(v, "vib.client_id", r.vib->client_id, true);
    api::text(v, "vib.client_secret", r.vib->client_secret.reveal(), true, kMaxLongText);
    api::text(v, "vib.account_number", r.vib->account_number, true);
    v.require(r.vib->va_characters_number >= 1 && r.vib->va_characters_number <= 64,
              "vib.va_characters_number must be 1..64");
  }
  if (r.ctg) {
    api::text(v, "ctg.account_number", r.ctg->account_number, true);
    api::text(v, "ctg.account_name", r.ctg->account_name, true);
    api::text(v, "ctg.va_prefix", r.ctg->va_prefix, true);
  }
  if (r.acb) acb_account(v, "acb", *r.acb);
  if (r.vcb) {
    api::text(v, "vcb.account_number", r.vcb->account_number, true);
    api::text(v, "vcb.account_name", r.vcb->account_name, true);
    api::text(v, "vcb.merchant_id", r.vcb->merchant_id, true);
    api::text(v, "vcb.terminal_id", r.vcb->terminal_id, true);
  }
  if (r.msb) {
    api::text(v, "msb.account_number", r.msb->account_number, true);
    api::text(v, "msb.va_prefix", r.msb->va_prefix, true);
    api::text(v, "msb.mobile", r.msb->mobile, true);
    api::text(v, "msb.merchant_id", r.msb->merchant_id, true);
    api::text(v, "msb.terminal_id", r.msb->terminal_id, true);
    api::text(v, "msb.access_code", r.msb->access_code.reveal(), true);
    api::text(v, "msb.referral_code", r.msb->referral_code, true);
  }
}

Result<Merchant> merchant_of(const Json& item, const std::string& path) {
  Reader rd(item, path);
  Merchant m;
  auto id = rd.whole("id");
  m.creation_time = rd.text("creationTime");
  m.code = rd.text("code");
  m.name = rd.required_text("name");
  m.email = rd.text("email");
  m.phone_number = rd.text("phoneNumber");
  m.website = rd.text("website");
  m.address = rd.text("address");
  m.full_address = rd.text("fullAddress");
  m.client_id = rd.text("clientId");
  m.secret_token = Secret(rd.text("secretToken"));
  m.event_url = rd.text("eventUrl");
  m.is_lock_event = rd.boolean("isLockEvent");
  m.is_master_merchant = rd.boolean("isMasterMerchant");
  m.baas_type = rd.text("baasType");
  m.referral_code = rd.text("referralCode");
  m.master_merchant_names = rd.text("masterMerchantNames");
  if (rd.failed()) return rd.error();
  if (!id) return malformed(path + ".id is missing");
  m.id = *id;
  if (const Json* sectors = json::member(item, "businessSectorIds"); sectors != nullptr) {
    if (!sectors->is_array()) return malformed(path + ".businessSectorIds is not a list");
    for (std::size_t i = 0; i < sectors->size(); ++i) {
      auto n = api::read_whole((*sectors)[i]);
      if (!n) return malformed(path + ".businessSectorIds[" + std::to_string(i) + "] is not a whole number >= 0");
      m.business_sector_ids.push_back(*n);
    }
  }
  if (const Json* urls = json::member(item, "eventUrls"); urls != nullptr) {
    if (!urls->is_array()) return malformed(path + ".eventUrls is not a list");
    for (std::size_t i = 0; i < urls->size(); ++i) {
      const std::string at = path + ".eventUrls[" + std::to_string(i) + "]";
      const Json& u = (*urls)[i];
      if (!u.is_object()) return malformed(at + " is not an object");
      Reader urd(u, at);
      EventUrl e;
      e.url = urd.required_text("url");
      e.type = urd.text("type");
      if (urd.failed()) return urd.error();
      if (const Json* ids = json::member(u, "ids"); ids != nullptr) {
        if (!ids->is_array() || !std::all_of(ids->begin(), ids->end(), [](const Json& x) { return x.is_string(); })) {
          return malformed(at + ".ids is not a list of strings");
        }
        for (const auto& x : *ids) e.ids.push_back(x.get<std::string>());
      }
      m.event_urls.push_back(std::move(e));
    }
  }
  if (const Json* packages = json::member(item, "merchantPackages"); packages != nullptr) {
    if (!packages->is_array()) return malformed(path + ".merchantPackages is not a list");
    for (std::size_t i = 0; i < packages->size(); ++i) {
      const std::string at = path + ".merchantPackages[" + std::to_string(i) + "]";
      if (!(*packages)[i].is_object()) return malformed(at + " is not an object");
      Reader prd((*packages)[i], at);
      MerchantPackage p;
      p.package_name = prd.text("packageName");
      p.expiration_date = prd.text("expirationDate");
      if (prd.failed()) return prd.error();
      m.packages.push_back(std::move(p));
    }
  }
  return m;
}

}  // namespace

Result<Json> build(const MerchantCreateRequest& r) {
  Validator v;
  v.require(support::valid_id(r.id), "id must be > 0");
  api::text(v, "code", r.code, false);
  api::text(v, "name", r.name, true);
  api::text(v, "email", r.email, false);
  api::text(v, "phone_number", r.phone_number, true);
  api::text(v, "website", r.website, false, kMaxLongText);
  v.require(all_positive(r.business_sector_ids), "business_sector_ids must be > 0");
  api::text(v, "province_id", r.province_id, false);
  api::text(v, "district_id", r.district_id, false);
  api::text(v, "commune_id", r.commune_id, false);
  api::text(v, "address", r.address, false, kMaxLongText);
  api::text(v, "full_address", r.full_address, false, kMaxLongText);
  api::text(v, "referral_code", r.referral_code, false);
  api::text(v, "baas_type", r.baas_type, false);
  api::text(v, "password", r.password.reveal(), true);
  api::text(v, "app_type", r.app_type, true);
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_int(o, "id", r.id);
  json::put_string(o, "code", r.code);
  o["name"] = r.name;
  json::put_string(o, "email", r.email);
  o["phoneNumber"] = r.phone_number;
  json::put_string(o, "website", r.website);
  json::put_array(o, "businessSectorIds", r.business_sector_ids);
  json::put_string(o, "provinceId", r.province_id);
  json::put_string(o, "districtId", r.district_id);
  json::put_string(o, "communeId", r.commune_id);
  json::put_string(o, "address", r.address);
  json::put_string(o, "fullAddress", r.full_address);
  json::put_string(o, "referralCode", r.referral_code);
  json::put_string(o, "baasType", r.baas_type);
  o["password"] = r.password.reveal();
  o["appType"] = r.app_type;
  json::put_bool(o, "requirePasswordChange", r.require_password_change);
  return o;
}

Result<Json> build(const MerchantGetPagingRequest& r) {
  Validator v;
  api::text(v, "filter", r.filter, false);
  api::text(v, "sorting", r.sorting, false);
  api::paging(v, r.skip_count, r.max_result_count);
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_string(o, "filter", r.filter);
  json::put_string(o, "sorting", r.sorting);
  o["skipCount"] = r.skip_count;
  o["maxResultCount"] = r.max_result_count;
  return o;
}

Result<std::string> build_query(const MerchantDeleteRequest& r) {
  if (r.merchant_id <= 0) return make_error(ErrorCode::kInvalidArgument, "merchant_id must be > 0");
  return "?merchantId=" + std::to_string(r.merchant_id);
}

Result<Json> build(const MerchantGetPagingConfigRequest& r) {
  Validator v;
  api::text(v, "filter", r.filter, false);
  api::text(v, "sorting", r.sorting, false);
  api::paging(v, r.skip_count, r.max_result_count);
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  api::bank(v, r.bank_bin, r.bank_name, false);
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_string(o, "filter", r.filter);
  json::put_string(o, "sorting", r.sorting);
  o["skipCount"] = r.skip_count;
  o["maxResultCount"] = r.max_result_count;
  if (r.account_type) o["accountType"] = account_type_wire(*r.account_type);
  json::put_int(o, "merchantId", r.merchant_id);
  json::put_string(o, "bankBin", r.bank_bin);
  json::put_string(o, "bankName", r.bank_name);
  return o;
}

Result<Json> build(const MerchantCreateOrUpdateConfigRequest& r) {
  Validator v;
  validate_configs(v, r);
  v.require(support::valid_id(r.id), "id must be > 0");
  api::text(v, "otp_number", r.otp_number, false);
  api::text(v, "confirm_id", r.confirm_id, false);
  api::bank(v, r.bank_bin, r.bank_name, false);
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  if (r.bidv) {
    o["bidvConfigDto"] = Json{{"vaPrefix", r.bidv->va_prefix},
                              {"bankPartnerId", r.bidv->bank_partner_id},
                              {"accountNumber", r.bidv->account_number},
                              {"accountName", r.bidv->account_name}};
  }
  if (r.vib) {
    Json vib = Json::object();
    vib["vaPrefix"] = r.vib->va_prefix;
    if (r.vib->public_key) vib["pathPublicKey"] = file_json(*r.vib->public_key);
    if (r.vib->private_key) vib["pathPrivateKey"] = file_json(*r.vib->private_key);
    vib["basicAuthToken"] = r.vib->basic_auth_token.reveal();
    vib["cif"] = r.vib->cif;
    vib["clientId"] = r.vib->client_id;
    vib["clientSecret"] = r.vib->client_secret.reveal();
    vib["accountNumber"] = r.vib->account_number;
    vib["vaCharactersNumber"] = r.vib->va_characters_number;
    o["vibConfigDto"] = std::move(vib);
  }
  if (r.ctg) {
    o["ctgConfigDto"] = Json{
        {"accountNumber", r.ctg->account_number}, {"accountName", r.ctg->account_name}, {"vaPrefix", r.ctg->va_prefix}};
  }
  if (r.acb) o["acbConfigDto"] = acb_json(*r.acb);
  if (r.vcb) {
    o["vcbConfigDto"] = Json{{"accountNumber", r.vcb->account_number},
                             {"accountName", r.vcb->account_name},
                             {"merchantId", r.vcb->merchant_id},
                             {"terminalId", r.vcb->terminal_id}};
  }
  if (r.msb) {
    Json msb = Json::object();
    msb["accountNumber"] = r.msb->account_number;
    msb["vaPrefix"] = r.msb->va_prefix;
    msb["mobile"] = r.msb->mobile;
    msb["merchantId"] = r.msb->merchant_id;
    msb["terminalId"] = r.msb->terminal_id;
    msb["accessCode"] = r.msb->access_code.reveal();
    msb["referralCode"] = r.msb->referral_code;
    o["msbConfigDto"] = std::move(msb);
  }
  o["accountType"] = account_type_wire(r.account_type);
  json::put_int(o, "id", r.id);
  json::put_string(o, "otpNumber", r.otp_number);
  json::put_string(o, "confirmId", r.confirm_id);
  json::put_string(o, "bankBin", r.bank_bin);
  json::put_string(o, "bankName", r.bank_name);
  json::put_int(o, "merchantId", r.merchant_id);
  return o;
}

Result<Json> build(const MerchantDeleteConfigRequest& r) {
  Validator v;
  api::text(v, "otp_number", r.otp_number, false);
  api::text(v, "confirm_id", r.confirm_id, false);
  v.require(r.id > 0, "id must be > 0").require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_string(o, "otpNumber", r.otp_number);
  json::put_string(o, "confirmId", r.confirm_id);
  o["id"] = r.id;
  json::put_int(o, "merchantId", r.merchant_id);
  return o;
}

Result<Json> build(const MerchantConfigAccountBusinessRequest& r) {
  Validator v;
  api::bank(v, r.bank_bin, r.bank_name, false);
  api::text(v, "account_number", r.account_number, false);
  api::text(v, "account_name", r.account_name, false);
  api::text(v, "mobile", r.mobile, false);
  api::text(v, "va_prefix", r.va_prefix, false);
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  api::text(v, "acb_user_id", r.acb_user_id, true);
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_string(o, "bankName", r.bank_name);
  json::put_string(o, "accountNumber", r.account_number);
  json::put_string(o, "accountName", r.account_name);
  json::put_string(o, "mobile", r.mobile);
  json::put_string(o, "vaPrefix", r.va_prefix);
  json::put_int(o, "merchantId", r.merchant_id);
  o["acbUserId"] = r.acb_user_id;
  json::put_string(o, "bankBin", r.bank_bin);
  return o;
}

Result<Json> build(const MerchantDeleteConfigAccountBusinessRequest& r) {
  Validator v;
  acb_account(v, "config_remove", r.config_remove);
  v.require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  api::bank(v, r.bank_bin, r.bank_name, false);
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["accountType"] = account_type_wire(r.account_type);
  o["configRemove"] = acb_json(r.config_remove);
  json::put_int(o, "merchantId", r.merchant_id);
  json::put_string(o, "bankBin", r.bank_bin);
  json::put_string(o, "bankName", r.bank_name);
  return o;
}

Result<MerchantCreated> parse_merchant_created(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return malformed("data is not a merchant id");
  Reader rd(data, "data");
  auto id = rd.whole("merchantId");
  if (rd.failed()) return rd.error();
  if (!id || *id == 0) return malformed("data.merchantId is missing");
  return MerchantCreated{*id, api::message_of(envelope)};
}

Result<MerchantPage> parse_merchant_page(const Json& envelope) {
  auto page = api::page_of<Merchant>(envelope, "merchants", merchant_of);
  if (!page) return page.error();
  return MerchantPage{page->first, std::move(page->second), api::message_of(envelope)};
}

Result<MerchantBankConfigPage> parse_merchant_bank_config_page(const Json& envelope) {
  auto page = api::page_of<MerchantBankConfig>(
      envelope, "bank configurations", [](const Json& item, const std::string& path) -> Result<MerchantBankConfig> {
        Reader rd(item, path);
        MerchantBankConfig c;
        auto id = rd.whole("id");
        c.creation_time = rd.text("creationTime");
        c.last_modification_time = rd.text("lastModificationTime");
        c.merchant_id = rd.whole("merchantId");
        c.account_type = rd.text("accountType");
        c.bank_bin = rd.text("bankBin");
        c.bank_name = rd.text("bankName");
        if (rd.failed()) return rd.error();
        if (!id) return malformed(path + ".id is missing");
        c.id = *id;
        return c;
      });
  if (!page) return page.error();
  return MerchantBankConfigPage{page->first, std::move(page->second), api::message_of(envelope)};
}

Result<ConfigId> parse_config_id(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  auto id = api::read_whole(data);
  if (!id) return malformed("data is not a whole number >= 0");
  return ConfigId{*id, api::message_of(envelope)};
}

Result<OtpSession> parse_business_unlink(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (data.is_boolean()) {
    if (!data.get<bool>()) {
      return support::response_error(ErrorCode::kProvider, "delete-config-account-business answered false", 200);
    }
    return OtpSession{{}, {}, api::message_of(envelope)};
  }
  return parse_otp_session(envelope);
}

}  // namespace paygw::tingee::detail
