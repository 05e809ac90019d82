// SPDX-License-Identifier: MIT
// paygw — Tingee virtual accounts (bank-account linking): request and response types of
// create-va, create-va-advanced, confirm-va, delete-va, confirm-delete-va, get-va-paging,
// register-notify and confirm-register-notify.
//
// Same conventions as paygw/tingee/models.hpp: camelCase on the wire, snake_case here, empty
// optional fields left out of the request body. Paths are under the bank-group prefix
// (BankPathPrefix: `/v1/<op>` documented, `/v1/bank/<op>` in the official SDKs). Every text
// paygw sends is checked first: no control characters, at most 256 bytes for ids and names,
// 2048 for URLs (ADR 0048); a failed check is kInvalidArgument naming the field, nothing sent.
//
// Onboarding order (Tingee's docs and clients verified against the live API): create-va →
// confirm-va with the OTP the bank sent → (ACB only) register-notify → confirm-register-notify;
// unlinking: delete-va → confirm-delete-va. An OTP is consumed by its first use, so every
// confirm is a write that paygw never resends.
#pragma once

#include <paygw/tingee/models.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paygw::tingee {

/// The kind of bank account a VA is linked to (BankAccountTypeEnum).
enum class AccountType {
  kPersonal,           ///< `personal-account`.
  kBusiness,           ///< `business-account`.
  kBusinessHousehold,  ///< `business-household-account`.
};

/// POST {bank prefix}/create-va and {bank prefix}/create-va-advanced — starts linking a bank
/// account (a write: the bank sends an OTP or a link). Body: Tingee's OpenApiCreateVAInpuDto
/// (both endpoints take the same DTO; the official SDKs do not document how "advanced" differs).
/// bank_bin or bank_name is required. Answer: CreateVaResult.
struct CreateVaRequest {
  std::string name;                                   ///< `name`: display name of the VA.
  std::string cash_flow_source;                       ///< `cashFlowSource`: "bank-transfer" or "card".
  AccountType account_type = AccountType::kPersonal;  ///< Required (`accountType`).
  std::string account_number;                         ///< `accountNumber`: the real bank account.
  std::string account_name;                           ///< `accountName`: the account holder's name.
  std::string identity;                               ///< `identity`: the holder's citizen id (CCCD).
  /// `mobile`: the holder's phone in the domestic form, 9..11 digits starting with '0' (Tingee
  /// answers 400 to the "84..." form).
  std::string mobile;
  std::optional<std::int64_t> master_merchant_id;  ///< `masterMerchantId`, > 0.
  std::optional<std::int64_t> shop_id;             ///< `shopId`: the shop the VA belongs to, > 0.
  std::string va_prefix;                           ///< `vaPrefix`.
  std::string va_suffix;                           ///< `vaSuffix`.
  std::string merchant_name;                       ///< `merchantName`.
  std::string merchant_address;                    ///< `merchantAddress` (up to 2048 bytes).
  std::optional<std::int64_t> service_id;          ///< `serviceId`, > 0.
  std::optional<bool> is_create_non_otp;           ///< `isCreateNonOtp`.
  std::string code;                                ///< `code`.
  std::string tax_code;                            ///< `taxCode` (business accounts).
  std::string softpos_user_name;                   ///< `softposUserName` (card acceptance).
  std::string softpos_developer_id;                ///< `softposDeveloperId`.
  std::string softpos_tid;                         ///< `softposTid`.
  std::string softpos_mid;                         ///< `softposMid`.
  std::string authorization_code;                  ///< `authorizationCode` (secret-like: not logged by paygw).
  std::string session_login;                       ///< `sessionLogin`.
  std::optional<bool> is_notify_account_number;    ///< `isNotifyAccountNumber`.
  std::string app_type{kAppTypeBaas};              ///< Required (`appType`, AppTypeEnum).
  std::string link_type;                           ///< `linkType`: "api-exact", "manual-exact", "manual-include".
  std::string va_account_number;                   ///< `vaAccountNumber`: a VA number to reuse.
  std::string acb_user_id;                         ///< `acbUserId` (ACB).
  std::string request_id;                          ///< `requestId`: the merchant's id of this request.
  std::string bank_bin;                            ///< `bankBin`: 6-digit NAPAS BIN.
  std::string bank_name;                           ///< `bankName`: BankNameEnum ("BIDV", "VCB", ...).
  std::optional<std::int64_t> merchant_id;         ///< Required for Master Merchant credentials.
  std::string redirect_url;                        ///< `redirectUrl` (up to 2048 bytes).
  std::string webhook_url;                         ///< `webhookUrl` (up to 2048 bytes).
};

/// POST {bank prefix}/create-va-advanced: the same body as create-va (see CreateVaRequest).
struct CreateVaAdvancedRequest : CreateVaRequest {};

/// Answer of create-va / create-va-advanced (BankCreateVAOuputDto). Which fields are set depends
/// on the bank: OTP banks send confirm_id and otp_method; VCB sends confirm_id and deep_link;
/// TPB sends only authorize_link. Tingee sometimes wraps the object in a one-element array; paygw
/// reads the first element. At least one of confirm_id, authorize_link, deep_link and
/// va_account_number is set (else kMalformed). Unsent fields are empty / unset.
struct CreateVaResult {
  std::string confirm_id;                                  ///< `confirmId`: give it to confirm-va.
  std::string otp_method;                                  ///< `otpMethod`: "SMSTTT", "SmartOTP" or "mCode".
  std::string deep_link;                                   ///< `deepLink`: the bank app link (VCB).
  std::string authorize_link;                              ///< `authorizeLink`: page the holder opens (TPB).
  std::string va_account_number;                           ///< `vaAccountNumber`, when already assigned.
  std::string bank_name;                                   ///< `bankName` (BankNameEnum).
  std::string status;                                      ///< `status`: "inactive", "active" or "lock".
  std::optional<std::int64_t> merchant_account_number_id;  ///< `merchantAccountNumberId`.
  std::optional<std::int64_t> shop_id;                     ///< `shopId`.
  std::string message;                                     ///< The provider's message, verbatim.
};

/// The body of the three OTP confirmations (OpenApiBankConfirmVAInputDto). bank_bin and
/// confirm_id are required; use bank_bin, not bank_name, for a delete session (Tingee then fails
/// the confirm otherwise).
struct OtpConfirmation {
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
  std::string confirm_id;                   ///< Required (`confirmId`, from the step before).
  std::string otp_number;                   ///< `otpNumber`: the OTP the bank sent (up to 256 bytes).
  std::string bank_name;                    ///< `bankName` (the SDK marks it required; the documented call omits it).
  std::string bank_bin;                     ///< Required (`bankBin`), 6 digits.
};

/// POST {bank prefix}/confirm-va — confirms a create-va with its OTP (a write: the OTP is
/// consumed; may take minutes). Answer: ConfirmVaResult.
struct ConfirmVaRequest : OtpConfirmation {};

/// Answer of confirm-va (OpenApiConfirmVAOuputDto). account_number and va_account_number are
/// present (else kMalformed).
struct ConfirmVaResult {
  std::string account_type;             ///< `accountType` wire value, e.g. "personal-account".
  std::string bank_name;                ///< `bankName`.
  std::string account_number;           ///< The real account.
  std::string va_account_number;        ///< Tingee's VA number: what payments and dynamic QRs name.
  std::optional<std::int64_t> shop_id;  ///< `shopId`.
  std::string message;                  ///< The provider's message, verbatim.
};

/// POST {bank prefix}/delete-va?bankBin=…&vaAccountNumber=…[&merchantId=…] — starts unlinking
/// a VA (a write). The parameters travel in the query string; the signed body is `{}`. paygw
/// sends bank_bin only: a session opened with bankName cannot be confirmed. Answer: OtpSession.
struct DeleteVaRequest {
  std::string bank_bin;                     ///< Required, 6 digits.
  std::string va_account_number;            ///< Required.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// Answer of delete-va and register-notify (BankDeleteVAOutputDto): OTP banks send confirm_id,
/// TPB authorize_link, VCB nothing at all (both empty: nothing left to confirm).
struct OtpSession {
  std::string confirm_id;      ///< `confirmId`: give it to the matching confirm call.
  std::string authorize_link;  ///< `authorizeLink`: page the holder opens instead of an OTP.
  std::string message;         ///< The provider's message, verbatim.
};

/// POST {bank prefix}/confirm-delete-va — confirms a delete-va with its OTP (a write; answer: Ack).
struct ConfirmDeleteVaRequest : OtpConfirmation {};

/// POST {bank prefix}/register-notify — asks the bank to notify Tingee of the VA's payments (ACB
/// needs it after confirm-va; a write that sends a second OTP). bank_bin or bank_name is required.
/// Answer: OtpSession.
struct RegisterNotifyRequest {
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
  std::string va_account_number;            ///< Required.
  std::string bank_bin;                     ///< 6 digits.
  std::string bank_name;                    ///< BankNameEnum.
};

/// POST {bank prefix}/confirm-register-notify — confirms register-notify with its OTP (a write;
/// answer: OtpSession, usually empty).
struct ConfirmRegisterNotifyRequest : OtpConfirmation {};

/// POST {bank prefix}/get-va-paging — lists the merchant's VAs (a read). Body:
/// OpenApiGetVAPagedInputDto; the SDK marks merchantId, accountType and dataAccess required but
/// the documented call needs only skipCount and maxResultCount, so paygw leaves them optional.
struct GetVaPagingRequest {
  std::string filter;                       ///< Optional keyword.
  std::string sorting;                      ///< Optional.
  std::int64_t skip_count = 0;              ///< Offset, >= 0.
  std::int64_t max_result_count = 10;       ///< Page size, 1..1000.
  std::string start_time;                   ///< `startTime`: yyyyMMddHHmmss (UTC+7) when set (ADR 0048).
  std::string end_time;                     ///< `endTime`: yyyyMMddHHmmss (UTC+7) when set, >= start_time.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
  std::optional<std::int64_t> shop_id;      ///< Only this shop's VAs, > 0.
  std::optional<AccountType> account_type;  ///< Only this kind of account.
  std::optional<std::int64_t> agent_id;     ///< `agentId`, > 0.
  std::string data_access;                  ///< `dataAccess`: "referral-only", "distributor-only", "with-package-only".
  std::string bank_bin;                     ///< 6 digits.
  std::string bank_name;                    ///< BankNameEnum.
};

/// A VA of get-va-paging (OpenApiGetVAPagedOuputDto). account_number is present (else kMalformed).
struct VirtualAccount {
  std::string bank_name;                ///< `bankName` (BankNameEnum).
  std::string bank_bin;                 ///< `bankBin`.
  std::string account_type;             ///< `accountType` wire value.
  std::string account_name;             ///< `accountName`.
  std::string account_number;           ///< The real account.
  std::string va_account_number;        ///< Tingee's VA number (may be empty for an unconfirmed link).
  std::optional<std::int64_t> shop_id;  ///< `shopId`.
  std::string status;                   ///< `status`: "inactive", "active" or "lock" (open string).
  std::string creation_time;            ///< `creationTime`, verbatim.
};

/// One page of get-va-paging.
struct VaPage {
  std::optional<std::int64_t> total_count;  ///< `totalCount`; unset when Tingee omits it.
  std::vector<VirtualAccount> items;        ///< This page's VAs.
  std::string message;                      ///< The provider's message, verbatim.
};

}  // namespace paygw::tingee
