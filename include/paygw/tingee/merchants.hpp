// SPDX-License-Identifier: MIT
// paygw — Tingee Master-Merchant administration: request and response types of merchant/create,
// get-paging, delete, get-paging-config, create-or-update-config, delete-config,
// config-account-business and delete-config-account-business.
//
// Same conventions as paygw/tingee/models.hpp. Texts paygw sends are checked first (no control
// characters, length bounds of ADR 0048). Passwords, bank client secrets and a merchant's secret
// token are paygw::Secret: never printed, wiped when destroyed.
#pragma once

#include <paygw/secret.hpp>
#include <paygw/tingee/models.hpp>
#include <paygw/tingee/virtual_accounts.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paygw::tingee {

/// POST /v1/merchant/create — creates a sub-merchant (a write). Body: OpenApiCreateMerchantDto.
/// Answer: MerchantCreated.
struct MerchantCreateRequest {
  std::optional<std::int64_t> id;                 ///< `id`, > 0.
  std::string code;                               ///< `code`.
  std::string name;                               ///< Required (`name`).
  std::string email;                              ///< `email`.
  std::string phone_number;                       ///< Required (`phoneNumber`).
  std::string website;                            ///< `website` (up to 2048 bytes).
  std::vector<std::int64_t> business_sector_ids;  ///< `businessSectorIds`, each > 0.
  std::string province_id;                        ///< `provinceId`.
  std::string district_id;                        ///< `districtId`.
  std::string commune_id;                         ///< `communeId`.
  std::string address;                            ///< `address` (up to 2048 bytes).
  std::string full_address;                       ///< `fullAddress` (up to 2048 bytes).
  std::string referral_code;                      ///< `referralCode`.
  /// `baasType`: "trial", "trial-extended", "customer", "cancelled", "unclassified" (empty: not sent).
  std::string baas_type;
  Secret password;                              ///< Required (`password`, up to 256 bytes).
  std::string app_type{kAppTypeBaas};           ///< Required (`appType`).
  std::optional<bool> require_password_change;  ///< `requirePasswordChange`.
};

/// Answer of merchant/create (OpenApiMerchantIdDto). merchant_id is present and > 0 (else kMalformed).
struct MerchantCreated {
  std::int64_t merchant_id = 0;  ///< `merchantId`: the new merchant.
  std::string message;           ///< The provider's message, verbatim.
};

/// POST /v1/merchant/get-paging — lists the Master Merchant's merchants (a read).
struct MerchantGetPagingRequest {
  std::string filter;                  ///< Optional keyword.
  std::string sorting;                 ///< Optional.
  std::int64_t skip_count = 0;         ///< Offset, >= 0.
  std::int64_t max_result_count = 10;  ///< Page size, 1..1000.
};

/// A webhook target of a merchant (EventUrlItemDto).
struct EventUrl {
  std::string url;               ///< `url`.
  std::string type;              ///< `type`: "shop", "accountNumber" or "all".
  std::vector<std::string> ids;  ///< `ids`: the shops or accounts it is for.
};

/// A package a merchant subscribes to (MerchantPackageInfo).
struct MerchantPackage {
  std::string package_name;     ///< `packageName`.
  std::string expiration_date;  ///< `expirationDate`, verbatim.
};

/// A merchant of get-paging (the commonly useful part of MerchantDto; the bank, direct-debit and
/// notification configurations are not read: they carry bank credentials). id and name are
/// present (else kMalformed).
struct Merchant {
  std::int64_t id = 0;                            ///< `id`.
  std::string creation_time;                      ///< `creationTime`, verbatim.
  std::string code;                               ///< `code`.
  std::string name;                               ///< `name`.
  std::string email;                              ///< `email`.
  std::string phone_number;                       ///< `phoneNumber`.
  std::string website;                            ///< `website`.
  std::vector<std::int64_t> business_sector_ids;  ///< `businessSectorIds`.
  std::string address;                            ///< `address`.
  std::string full_address;                       ///< `fullAddress`.
  std::string client_id;                          ///< `clientId`: the merchant's API client id.
  Secret secret_token;                            ///< `secretToken`: the merchant's API secret.
  std::string event_url;                          ///< `eventUrl`: its webhook URL.
  std::vector<EventUrl> event_urls;               ///< `eventUrls`.
  std::optional<bool> is_lock_event;              ///< `isLockEvent`: webhooks suspended.
  std::optional<bool> is_master_merchant;         ///< `isMasterMerchant`.
  std::string baas_type;                          ///< `baasType`.
  std::string referral_code;                      ///< `referralCode`.
  std::vector<MerchantPackage> packages;          ///< `merchantPackages`.
  std::string master_merchant_names;              ///< `masterMerchantNames`.
};

/// One page of merchant/get-paging.
struct MerchantPage {
  std::optional<std::int64_t> total_count;  ///< `totalCount`; unset when Tingee omits it.
  std::vector<Merchant> items;              ///< This page's merchants.
  std::string message;                      ///< The provider's message, verbatim.
};

/// DELETE /v1/merchant/delete?merchantId= — deletes a merchant (a write; no body, signed over
/// `{}`). Answer: Ack.
struct MerchantDeleteRequest {
  std::int64_t merchant_id = 0;  ///< Required, > 0.
};

/// POST /v1/merchant/get-paging-config — lists bank configurations (a read).
struct MerchantGetPagingConfigRequest {
  std::string filter;                       ///< Optional keyword.
  std::string sorting;                      ///< Optional.
  std::int64_t skip_count = 0;              ///< Offset, >= 0.
  std::int64_t max_result_count = 10;       ///< Page size, 1..1000.
  std::optional<AccountType> account_type;  ///< Only this kind of account.
  std::optional<std::int64_t> merchant_id;  ///< Only this merchant's, > 0.
  std::string bank_bin;                     ///< 6 digits.
  std::string bank_name;                    ///< BankNameEnum.
};

/// A bank configuration of get-paging-config (MerchantBankConfigPagedOutputDto; its `configDto`
/// is not read: it may carry bank credentials). id is present (else kMalformed).
struct MerchantBankConfig {
  std::int64_t id = 0;                      ///< `id`: what delete-config names.
  std::string creation_time;                ///< `creationTime`, verbatim.
  std::string last_modification_time;       ///< `lastModificationTime`, verbatim.
  std::optional<std::int64_t> merchant_id;  ///< `merchantId`.
  std::string account_type;                 ///< `accountType` wire value.
  std::string bank_bin;                     ///< `bankBin`.
  std::string bank_name;                    ///< `bankName`.
};

/// One page of get-paging-config.
struct MerchantBankConfigPage {
  std::optional<std::int64_t> total_count;  ///< `totalCount`; unset when Tingee omits it.
  std::vector<MerchantBankConfig> items;    ///< This page's configurations.
  std::string message;                      ///< The provider's message, verbatim.
};

/// An uploaded key file (FileUploadDto).
struct UploadedFile {
  std::string file_log_id;  ///< Required (`fileLogId`).
  std::string path;         ///< Required (`path`).
};

/// BIDV configuration (BIDVConfigDto); every member required.
struct BidvConfig {
  std::string va_prefix;        ///< `vaPrefix`.
  std::string bank_partner_id;  ///< `bankPartnerId`.
  std::string account_number;   ///< `accountNumber`.
  std::string account_name;     ///< `accountName`.
};

/// VIB configuration (VIBConfigDto).
struct VibConfig {
  std::string va_prefix;                    ///< Required (`vaPrefix`).
  std::optional<UploadedFile> public_key;   ///< `pathPublicKey`.
  std::optional<UploadedFile> private_key;  ///< `pathPrivateKey`.
  Secret basic_auth_token;                  ///< Required (`basicAuthToken`, up to 2048 bytes).
  std::string cif;                          ///< Required (`cif`).
  std::string client_id;                    ///< Required (`clientId`).
  Secret client_secret;                     ///< Required (`clientSecret`, up to 2048 bytes).
  std::string account_number;               ///< Required (`accountNumber`).
  std::int64_t va_characters_number = 0;    ///< Required (`vaCharactersNumber`), 1..64.
};

/// VietinBank configuration (CTGConfigDto); every member required.
struct CtgConfig {
  std::string account_number;  ///< `accountNumber`.
  std::string account_name;    ///< `accountName`.
  std::string va_prefix;       ///< `vaPrefix`.
};

/// An ACB business account (ACBConfigBusinessDto); every member required.
struct AcbBusinessAccount {
  std::string account_number;  ///< `accountNumber`.
  std::string account_name;    ///< `accountName`.
  std::string va_prefix;       ///< `vaPrefix`.
  std::string mobile;          ///< `mobile`.
  std::string acb_user_id;     ///< `acbUserId`.
};

/// A Vietcombank business account (VCBConfigBusinessDto); every member required.
struct VcbBusinessAccount {
  std::string account_number;  ///< `accountNumber`.
  std::string account_name;    ///< `accountName`.
  std::string merchant_id;     ///< `merchantId`: VCB's merchant id (text).
  std::string terminal_id;     ///< `terminalId`.
};

/// An MSB business account (MSBConfigBusinessDto); every member required.
struct MsbBusinessAccount {
  std::string account_number;  ///< `accountNumber`.
  std::string va_prefix;       ///< `vaPrefix`.
  std::string mobile;          ///< `mobile`.
  std::string merchant_id;     ///< `merchantId`: MSB's merchant id (text).
  std::string terminal_id;     ///< `terminalId`.
  Secret access_code;          ///< `accessCode`.
  std::string referral_code;   ///< `referralCode`.
};

/// POST /v1/merchant/create-or-update-config — sets a bank configuration (a write; with an OTP
/// when otp_number is set). Body: OpenApiBankCreateOrUpdateConfigDto; set the one bank's
/// configuration that applies. Answer: ConfigId.
struct MerchantCreateOrUpdateConfigRequest {
  std::optional<BidvConfig> bidv;                     ///< `bidvConfigDto`.
  std::optional<VibConfig> vib;                       ///< `vibConfigDto`.
  std::optional<CtgConfig> ctg;                       ///< `ctgConfigDto`.
  std::optional<AcbBusinessAccount> acb;              ///< `acbConfigDto`.
  std::optional<VcbBusinessAccount> vcb;              ///< `vcbConfigDto`.
  std::optional<MsbBusinessAccount> msb;              ///< `msbConfigDto`.
  AccountType account_type = AccountType::kPersonal;  ///< Required (`accountType`).
  std::optional<std::int64_t> id;                     ///< The configuration to update, > 0.
  std::string otp_number;                             ///< `otpNumber`.
  std::string confirm_id;                             ///< `confirmId`.
  std::string bank_bin;                               ///< 6 digits.
  std::string bank_name;                              ///< BankNameEnum.
  std::optional<std::int64_t> merchant_id;            ///< Required for Master Merchant credentials.
};

/// Answer of create-or-update-config and delete-config: Tingee's `data` is a number.
struct ConfigId {
  std::int64_t id = 0;  ///< `data`: the configuration's id (>= 0).
  std::string message;  ///< The provider's message, verbatim.
};

/// POST /v1/merchant/delete-config — removes a bank configuration (a write; OpenApiDeleteConfigDto).
/// Answer: ConfigId.
struct MerchantDeleteConfigRequest {
  std::string otp_number;                   ///< `otpNumber`.
  std::string confirm_id;                   ///< `confirmId`.
  std::int64_t id = 0;                      ///< Required (`id`), > 0.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// POST /v1/merchant/config-account-business — links an ACB business account (a write; sends an
/// OTP). Body: OpenApiConfigAccountBusinessDto. Answer: OtpSession (its `confirmId`).
struct MerchantConfigAccountBusinessRequest {
  std::string bank_name;                    ///< BankNameEnum.
  std::string account_number;               ///< `accountNumber`.
  std::string account_name;                 ///< `accountName`.
  std::string mobile;                       ///< `mobile`.
  std::string va_prefix;                    ///< `vaPrefix`.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
  std::string acb_user_id;                  ///< Required (`acbUserId`).
  std::string bank_bin;                     ///< 6 digits.
};

/// POST /v1/merchant/delete-config-account-business — unlinks a business account (a write).
/// Body: OpenApiDeleteConfigBusinessDto. Answer: OtpSession (Tingee answers `true` or
/// `{confirmId, authorizeLink}`; `true` reads as an empty session).
struct MerchantDeleteConfigAccountBusinessRequest {
  AccountType account_type = AccountType::kBusiness;  ///< Required (`accountType`).
  AcbBusinessAccount config_remove;                   ///< Required (`configRemove`): the account.
  std::optional<std::int64_t> merchant_id;            ///< Required for Master Merchant credentials.
  std::string bank_bin;                               ///< 6 digits.
  std::string bank_name;                              ///< BankNameEnum.
};

}  // namespace paygw::tingee
