// SPDX-License-Identifier: MIT
// paygw CLI — the fields of every Tingee request and result type a row names (ADR 0052): the
// Fields<T> visitors and EnumNames<E> tables of row_json.hpp, written by tools/codegen from the
// model headers (include/paygw/tingee/*.hpp). Nothing here is hand-written: a row whose types the
// generator cannot describe makes `tools/codegen` fail naming the type.
#pragma once

#include <paygw/tingee/all_models.hpp>
#include <paygw/tingee/bank_links.hpp>
#include <paygw/tingee/banks.hpp>

#include "row_json.hpp"

namespace paygw::cli::rows {

// BEGIN generated from src/tingee/endpoints.rows by tools/codegen; do not edit
template <>
struct EnumNames<tingee::AccountType> {
  static constexpr const char* kNames[] = {"personal-account", "business-account", "business-household-account"};
};
template <>
struct EnumNames<tingee::DeviceStatus> {
  static constexpr const char* kNames[] = {"waiting-progressing", "refuse", "approved", "unknown"};
};
template <>
struct EnumNames<tingee::QrCodeType> {
  static constexpr const char* kNames[] = {"dynamic-one-time-payment", "dynamic-recurring-payment"};
};
template <>
struct Fields<tingee::AcbBusinessAccount> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::AcbBusinessAccount& x) {
    v("accountNumber", "account_number", x.account_number);
    v("accountName", "account_name", x.account_name);
    v("vaPrefix", "va_prefix", x.va_prefix);
    v("mobile", "mobile", x.mobile);
    v("acbUserId", "acb_user_id", x.acb_user_id);
  }
};
template <>
struct Fields<tingee::Ack> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::Ack& x) {
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::AddDeviceToShopRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::AddDeviceToShopRequest& x) {
    v("uuid", "uuid", x.uuid);
    v("securityCode", "security_code", x.security_code);
    v("shopIds", "shop_ids", x.shop_ids);
    v("vaAccountNumbers", "va_account_numbers", x.va_account_numbers);
    v("appType", "app_type", x.app_type);
    v("merchantId", "merchant_id", x.merchant_id);
    v("masterMerchantId", "master_merchant_id", x.master_merchant_id);
  }
};
template <>
struct Fields<tingee::Bank> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::Bank& x) {
    v("code", "code", x.code);
    v("name", "name", x.name);
    v("shortName", "short_name", x.short_name);
    v("bin", "bin", x.bin);
    v("urlLogo", "url_logo", x.url_logo);
    v("termsUrl", "terms_url", x.terms_url);
    v("termsUrlVa", "terms_url_va", x.terms_url_va);
  }
};
template <>
struct Fields<tingee::BankLinkSession> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::BankLinkSession& x) {
    v("url", "url", x.url);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::BankList> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::BankList& x) {
    v("banks", "banks", x.banks);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::BidvConfig> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::BidvConfig& x) {
    v("vaPrefix", "va_prefix", x.va_prefix);
    v("bankPartnerId", "bank_partner_id", x.bank_partner_id);
    v("accountNumber", "account_number", x.account_number);
    v("accountName", "account_name", x.account_name);
  }
};
template <>
struct Fields<tingee::BillInfo> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::BillInfo& x) {
    v("billId", "bill_id", x.bill_id);
    v("qrCodeType", "qr_code_type", x.qr_code_type);
    v("bankBin", "bank_bin", x.bank_bin);
    v("accountNumber", "account_number", x.account_number);
    v("vaAccountNumber", "va_account_number", x.va_account_number);
    v("qrAccount", "qr_account", x.qr_account);
    v("amount", "amount", x.amount);
    v("totalAmountPaid", "total_amount_paid", x.total_amount_paid);
    v("totalPaymentsCount", "total_payments_count", x.total_payments_count);
    v("expireInMinute", "expire_in_minute", x.expire_in_minute);
    v("purpose", "purpose", x.purpose);
    v("extraInfo", "extra_info", x.extra_info);
    v("status", "status", x.status);
  }
};
template <>
struct Fields<tingee::ConfigId> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ConfigId& x) {
    v("data", "id", x.id);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::OtpConfirmation> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::OtpConfirmation& x) {
    v("merchantId", "merchant_id", x.merchant_id);
    v("confirmId", "confirm_id", x.confirm_id);
    v("otpNumber", "otp_number", x.otp_number);
    v("bankName", "bank_name", x.bank_name);
    v("bankBin", "bank_bin", x.bank_bin);
  }
};
template <>
struct Fields<tingee::ConfirmDeleteVaRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ConfirmDeleteVaRequest& x) {
    Fields<tingee::OtpConfirmation>::visit(v, x);
  }
};
template <>
struct Fields<tingee::ConfirmRegisterNotifyRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ConfirmRegisterNotifyRequest& x) {
    Fields<tingee::OtpConfirmation>::visit(v, x);
  }
};
template <>
struct Fields<tingee::ConfirmVaRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ConfirmVaRequest& x) {
    Fields<tingee::OtpConfirmation>::visit(v, x);
  }
};
template <>
struct Fields<tingee::ConfirmVaResult> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ConfirmVaResult& x) {
    v("accountType", "account_type", x.account_type);
    v("bankName", "bank_name", x.bank_name);
    v("accountNumber", "account_number", x.account_number);
    v("vaAccountNumber", "va_account_number", x.va_account_number);
    v("shopId", "shop_id", x.shop_id);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::CreateBankLinkSessionRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::CreateBankLinkSessionRequest& x) {
    v("type", "type", x.type);
    v("merchantId", "merchant_id", x.merchant_id);
    v("redirectUrl", "redirect_url", x.redirect_url);
    v("allowedBanks", "allowed_banks", x.allowed_banks);
    v("bankName", "bank_name", x.bank_name);
    v("shopId", "shop_id", x.shop_id);
  }
};
template <>
struct Fields<tingee::CreateOrUpdateShopRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::CreateOrUpdateShopRequest& x) {
    v("id", "id", x.id);
    v("name", "name", x.name);
    v("email", "email", x.email);
    v("phoneNumber", "phone_number", x.phone_number);
    v("provinceId", "province_id", x.province_id);
    v("districtId", "district_id", x.district_id);
    v("communeId", "commune_id", x.commune_id);
    v("address", "address", x.address);
    v("fullAddress", "full_address", x.full_address);
    v("sendNotifyPlatformDto", "notify", x.notify);
    v("isActive", "is_active", x.is_active);
    v("status", "status", x.status);
    v("userReferralAncestorIds", "user_referral_ancestor_ids", x.user_referral_ancestor_ids);
    v("userReferralLevel", "user_referral_level", x.user_referral_level);
    v("deviceDistributorAncestorMap", "device_distributor_ancestor_map", x.device_distributor_ancestor_map);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::CreateVaRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::CreateVaRequest& x) {
    v("name", "name", x.name);
    v("cashFlowSource", "cash_flow_source", x.cash_flow_source);
    v("accountType", "account_type", x.account_type);
    v("accountNumber", "account_number", x.account_number);
    v("accountName", "account_name", x.account_name);
    v("identity", "identity", x.identity);
    v("mobile", "mobile", x.mobile);
    v("masterMerchantId", "master_merchant_id", x.master_merchant_id);
    v("shopId", "shop_id", x.shop_id);
    v("vaPrefix", "va_prefix", x.va_prefix);
    v("vaSuffix", "va_suffix", x.va_suffix);
    v("merchantName", "merchant_name", x.merchant_name);
    v("merchantAddress", "merchant_address", x.merchant_address);
    v("serviceId", "service_id", x.service_id);
    v("isCreateNonOtp", "is_create_non_otp", x.is_create_non_otp);
    v("code", "code", x.code);
    v("taxCode", "tax_code", x.tax_code);
    v("softposUserName", "softpos_user_name", x.softpos_user_name);
    v("softposDeveloperId", "softpos_developer_id", x.softpos_developer_id);
    v("softposTid", "softpos_tid", x.softpos_tid);
    v("softposMid", "softpos_mid", x.softpos_mid);
    v("authorizationCode", "authorization_code", x.authorization_code);
    v("sessionLogin", "session_login", x.session_login);
    v("isNotifyAccountNumber", "is_notify_account_number", x.is_notify_account_number);
    v("appType", "app_type", x.app_type);
    v("linkType", "link_type", x.link_type);
    v("vaAccountNumber", "va_account_number", x.va_account_number);
    v("acbUserId", "acb_user_id", x.acb_user_id);
    v("requestId", "request_id", x.request_id);
    v("bankBin", "bank_bin", x.bank_bin);
    v("bankName", "bank_name", x.bank_name);
    v("merchantId", "merchant_id", x.merchant_id);
    v("redirectUrl", "redirect_url", x.redirect_url);
    v("webhookUrl", "webhook_url", x.webhook_url);
  }
};
template <>
struct Fields<tingee::CreateVaAdvancedRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::CreateVaAdvancedRequest& x) {
    Fields<tingee::CreateVaRequest>::visit(v, x);
  }
};
template <>
struct Fields<tingee::CreateVaResult> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::CreateVaResult& x) {
    v("confirmId", "confirm_id", x.confirm_id);
    v("otpMethod", "otp_method", x.otp_method);
    v("deepLink", "deep_link", x.deep_link);
    v("authorizeLink", "authorize_link", x.authorize_link);
    v("vaAccountNumber", "va_account_number", x.va_account_number);
    v("bankName", "bank_name", x.bank_name);
    v("status", "status", x.status);
    v("merchantAccountNumberId", "merchant_account_number_id", x.merchant_account_number_id);
    v("shopId", "shop_id", x.shop_id);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::CtgConfig> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::CtgConfig& x) {
    v("accountNumber", "account_number", x.account_number);
    v("accountName", "account_name", x.account_name);
    v("vaPrefix", "va_prefix", x.va_prefix);
  }
};
template <>
struct Fields<tingee::DeepLink> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DeepLink& x) {
    v("data", "url", x.url);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::DeleteDynamicQrRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DeleteDynamicQrRequest& x) {
    v("qrAccount", "qr_account", x.qr_account);
    v("billId", "bill_id", x.bill_id);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::DeleteSubscriptionResult> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DeleteSubscriptionResult& x) {
    v("confirmUrl", "confirm_url", x.confirm_url);
    v("code", "code", x.code);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::DeleteVaRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DeleteVaRequest& x) {
    v("bankBin", "bank_bin", x.bank_bin);
    v("vaAccountNumber", "va_account_number", x.va_account_number);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::Device> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::Device& x) {
    v("id", "id", x.id);
    v("type", "type", x.type);
    v("uuid", "uuid", x.uuid);
    v("name", "name", x.name);
    v("status", "status", x.status);
    v("statusRaw", "status_raw", x.status_raw);
    v("merchantId", "merchant_id", x.merchant_id);
    v("masterMerchantId", "master_merchant_id", x.master_merchant_id);
    v("merchantName", "merchant_name", x.merchant_name);
    v("serialNumber", "serial_number", x.serial_number);
    v("creationTime", "creation_time", x.creation_time);
    v("expirationDate", "expiration_date", x.expiration_date);
    v("shopDtos", "shops", x.shops);
  }
};
template <>
struct Fields<tingee::DevicePage> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DevicePage& x) {
    v("totalCount", "total_count", x.total_count);
    v("items", "items", x.items);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::DeviceReadAmountRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DeviceReadAmountRequest& x) {
    v("uuid", "uuid", x.uuid);
    v("transactionId", "transaction_id", x.transaction_id);
    v("amount", "amount", x.amount);
    v("bankBin", "bank_bin", x.bank_bin);
    v("firstDisplayText", "first_display_text", x.first_display_text);
    v("secondDisplayText", "second_display_text", x.second_display_text);
    v("thirdDisplayText", "third_display_text", x.third_display_text);
    v("playSound", "play_sound", x.play_sound);
  }
};
template <>
struct Fields<tingee::DeviceRef> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DeviceRef& x) {
    v("type", "type", x.type);
    v("uuid", "uuid", x.uuid);
  }
};
template <>
struct Fields<tingee::DeviceRefs> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DeviceRefs& x) {
    v("devices", "devices", x.devices);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::DirectDebitCustomer> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitCustomer& x) {
    v("onepayAccountId", "onepay_account_id", x.onepay_account_id);
    v("name", "name", x.name);
    v("phone", "phone", x.phone);
    v("email", "email", x.email);
  }
};
template <>
struct Fields<tingee::DirectDebitDeleteSubscriptionRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitDeleteSubscriptionRequest& x) {
    v("requestId", "request_id", x.request_id);
    v("returnUrl", "return_url", x.return_url);
    v("subscriptionId", "subscription_id", x.subscription_id);
    v("tokenRef", "token_ref", x.token_ref);
  }
};
template <>
struct Fields<tingee::DirectDebitEditConfirmPaymentMethodRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitEditConfirmPaymentMethodRequest& x) {
    v("requestId", "request_id", x.request_id);
    v("returnUrl", "return_url", x.return_url);
    v("subscriptionId", "subscription_id", x.subscription_id);
  }
};
template <>
struct Fields<tingee::DirectDebitLink> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitLink& x) {
    v("data", "url", x.url);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::DirectDebitPaymentBillRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitPaymentBillRequest& x) {
    v("requestId", "request_id", x.request_id);
    v("clientId", "client_id", x.client_id);
    v("subscriptionId", "subscription_id", x.subscription_id);
    v("amount", "amount", x.amount);
    v("description", "description", x.description);
    v("expirationTime", "expiration_time", x.expiration_time);
    v("signature", "signature", x.signature);
    v("token", "token", x.token);
    v("additionalData", "additional_data", x.additional_data);
    v("tokenRef", "token_ref", x.token_ref);
    v("partnerCode", "partner_code", x.partner_code);
    v("accountNumber", "account_number", x.account_number);
    v("serviceProviderName", "service_provider_name", x.service_provider_name);
    v("returnUrl", "return_url", x.return_url);
  }
};
template <>
struct Fields<tingee::DirectDebitRefundRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitRefundRequest& x) {
    v("subscriptionId", "subscription_id", x.subscription_id);
    v("tokenRef", "token_ref", x.token_ref);
    v("transactionId", "transaction_id", x.transaction_id);
    v("amount", "amount", x.amount);
  }
};
template <>
struct Fields<tingee::DirectDebitRegisterRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitRegisterRequest& x) {
    v("requestId", "request_id", x.request_id);
    v("bankBin", "bank_bin", x.bank_bin);
    v("accountName", "account_name", x.account_name);
    v("phone", "phone", x.phone);
    v("returnUrl", "return_url", x.return_url);
  }
};
template <>
struct Fields<tingee::DirectDebitSubscriptionStatusRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitSubscriptionStatusRequest& x) {
    v("requestId", "request_id", x.request_id);
    v("subscriptionId", "subscription_id", x.subscription_id);
    v("tokenRef", "token_ref", x.token_ref);
  }
};
template <>
struct Fields<tingee::DirectDebitTransaction> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitTransaction& x) {
    v("transactionId", "transaction_id", x.transaction_id);
    v("code", "code", x.code);
    v("bankName", "bank_name", x.bank_name);
    v("bankBin", "bank_bin", x.bank_bin);
    v("amount", "amount", x.amount);
    v("content", "content", x.content);
    v("accountNumber", "account_number", x.account_number);
    v("transactionDate", "transaction_date", x.transaction_date);
    v("subscriptionId", "subscription_id", x.subscription_id);
    v("tokenRef", "token_ref", x.token_ref);
    v("status", "status", x.status);
  }
};
template <>
struct Fields<tingee::DirectDebitTransactionPage> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitTransactionPage& x) {
    v("totalCount", "total_count", x.total_count);
    v("items", "items", x.items);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::DirectDebitTransactionPagingRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitTransactionPagingRequest& x) {
    v("subscriptionId", "subscription_id", x.subscription_id);
    v("tokenRef", "token_ref", x.token_ref);
    v("startTime", "start_time", x.start_time);
    v("endTime", "end_time", x.end_time);
    v("skipCount", "skip_count", x.skip_count);
    v("maxResultCount", "max_result_count", x.max_result_count);
  }
};
template <>
struct Fields<tingee::DirectDebitTransactionStatus> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitTransactionStatus& x) {
    v("status", "status", x.status);
    v("transactionId", "transaction_id", x.transaction_id);
    v("subscriptionId", "subscription_id", x.subscription_id);
    v("customerKey", "customer_key", x.customer_key);
    v("tokenRef", "token_ref", x.token_ref);
    v("bankBin", "bank_bin", x.bank_bin);
    v("customer", "customer", x.customer);
    v("accountNumber", "account_number", x.account_number);
    v("accountName", "account_name", x.account_name);
    v("code", "code", x.code);
    v("amount", "amount", x.amount);
    v("currency", "currency", x.currency);
    v("content", "content", x.content);
    v("transactionDate", "transaction_date", x.transaction_date);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::DirectDebitTransactionStatusRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DirectDebitTransactionStatusRequest& x) {
    v("transactionId", "transaction_id", x.transaction_id);
    v("tokenRef", "token_ref", x.token_ref);
    v("subscriptionId", "subscription_id", x.subscription_id);
  }
};
template <>
struct Fields<tingee::DynamicQr> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DynamicQr& x) {
    v("qrCode", "qr_code", x.qr_code);
    v("qrAccount", "qr_account", x.qr_account);
    v("billId", "bill_id", x.bill_id);
    v("data", "data_json", x.data_json);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::DynamicQrBill> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DynamicQrBill& x) {
    v("qrCode", "qr_code", x.qr_code);
    v("qrAccount", "qr_account", x.qr_account);
    v("billId", "bill_id", x.bill_id);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::DynamicQrStatus> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::DynamicQrStatus& x) {
    v("billInfo", "bill", x.bill);
    v("transactionInfos", "transactions", x.transactions);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::EInvoiceAccount> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceAccount& x) {
    v("id", "id", x.id);
    v("creationTime", "creation_time", x.creation_time);
    v("merchantId", "merchant_id", x.merchant_id);
    v("provider", "provider", x.provider);
    v("taxCode", "tax_code", x.tax_code);
    v("username", "username", x.username);
    v("password", "password", x.password);
    v("isDefault", "is_default", x.is_default);
    v("isActive", "is_active", x.is_active);
  }
};
template <>
struct Fields<tingee::EInvoiceAccountId> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceAccountId& x) {
    v("data", "id", x.id);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::EInvoiceAccountPage> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceAccountPage& x) {
    v("totalCount", "total_count", x.total_count);
    v("items", "items", x.items);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::EInvoiceCreateRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceCreateRequest& x) {
    v("merchantId", "merchant_id", x.merchant_id);
    v("accountId", "account_id", x.account_id);
    v("invoiceType", "invoice_type", x.invoice_type);
    v("invoicePattern", "invoice_pattern", x.invoice_pattern);
    v("invoiceSeries", "invoice_series", x.invoice_series);
    v("invoiceCode", "invoice_code", x.invoice_code);
    v("invoiceDate", "invoice_date", x.invoice_date);
    v("buyerTaxCode", "buyer_tax_code", x.buyer_tax_code);
    v("buyerName", "buyer_name", x.buyer_name);
    v("buyerLegalName", "buyer_legal_name", x.buyer_legal_name);
    v("buyerAddress", "buyer_address", x.buyer_address);
    v("buyerPhone", "buyer_phone", x.buyer_phone);
    v("buyerEmail", "buyer_email", x.buyer_email);
    v("buyerBankAccount", "buyer_bank_account", x.buyer_bank_account);
    v("buyerBankName", "buyer_bank_name", x.buyer_bank_name);
    v("paymentMethod", "payment_method", x.payment_method);
    v("paymentMethodName", "payment_method_name", x.payment_method_name);
    v("currency", "currency", x.currency);
    v("exchangeRate", "exchange_rate", x.exchange_rate);
    v("amountInWords", "amount_in_words", x.amount_in_words);
    v("note", "note", x.note);
    v("items", "items", x.items);
    v("totalDiscount", "total_discount", x.total_discount);
    v("totalBeforeTax", "total_before_tax", x.total_before_tax);
    v("totalTax", "total_tax", x.total_tax);
    v("totalAfterTax", "total_after_tax", x.total_after_tax);
    v("taxRateSummaries", "tax_rate_summaries", x.tax_rate_summaries);
  }
};
template <>
struct Fields<tingee::EInvoiceCreateAndIssueRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceCreateAndIssueRequest& x) {
    Fields<tingee::EInvoiceCreateRequest>::visit(v, x);
  }
};
template <>
struct Fields<tingee::EInvoiceCreateOrUpdateAccountRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceCreateOrUpdateAccountRequest& x) {
    v("provider", "provider", x.provider);
    v("taxCode", "tax_code", x.tax_code);
    v("username", "username", x.username);
    v("password", "password", x.password);
    v("isDefault", "is_default", x.is_default);
    v("isActive", "is_active", x.is_active);
    v("id", "id", x.id);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::EInvoiceDeleteAccountRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceDeleteAccountRequest& x) {
    v("id", "id", x.id);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::EInvoiceGetInvoiceInfoRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceGetInvoiceInfoRequest& x) {
    v("merchantId", "merchant_id", x.merchant_id);
    v("accountId", "account_id", x.account_id);
    v("invoiceCode", "invoice_code", x.invoice_code);
  }
};
template <>
struct Fields<tingee::EInvoiceDownloadRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceDownloadRequest& x) {
    Fields<tingee::EInvoiceGetInvoiceInfoRequest>::visit(v, x);
  }
};
template <>
struct Fields<tingee::EInvoiceGetPagingAccountRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceGetPagingAccountRequest& x) {
    v("filter", "filter", x.filter);
    v("sorting", "sorting", x.sorting);
    v("skipCount", "skip_count", x.skip_count);
    v("maxResultCount", "max_result_count", x.max_result_count);
    v("provider", "provider", x.provider);
    v("isDefault", "is_default", x.is_default);
    v("isActive", "is_active", x.is_active);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::EInvoiceInvoiceTemplatesRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceInvoiceTemplatesRequest& x) {
    v("merchantId", "merchant_id", x.merchant_id);
    v("accountId", "account_id", x.account_id);
    v("provider", "provider", x.provider);
    v("taxCode", "tax_code", x.tax_code);
    v("username", "username", x.username);
    v("password", "password", x.password);
    v("invoiceNoToCheck", "invoice_no_to_check", x.invoice_no_to_check);
  }
};
template <>
struct Fields<tingee::EInvoiceProvider> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceProvider& x) {
    v("code", "code", x.code);
    v("name", "name", x.name);
  }
};
template <>
struct Fields<tingee::EInvoiceProviders> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceProviders& x) {
    v("providers", "providers", x.providers);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::EInvoiceSendEmailRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EInvoiceSendEmailRequest& x) {
    v("merchantId", "merchant_id", x.merchant_id);
    v("accountId", "account_id", x.account_id);
    v("invoiceCode", "invoice_code", x.invoice_code);
    v("buyerName", "buyer_name", x.buyer_name);
    v("recipientEmail", "recipient_email", x.recipient_email);
  }
};
template <>
struct Fields<tingee::EventUrl> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::EventUrl& x) {
    v("url", "url", x.url);
    v("type", "type", x.type);
    v("ids", "ids", x.ids);
  }
};
template <>
struct Fields<tingee::GenerateAndShowDynamicQrRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::GenerateAndShowDynamicQrRequest& x) {
    v("uuid", "uuid", x.uuid);
    v("qrCodeType", "qr_code_type", x.qr_code_type);
    v("vaAccountNumber", "va_account_number", x.va_account_number);
    v("amount", "amount", x.amount);
    v("bankBin", "bank_bin", x.bank_bin);
    v("bankName", "bank_name", x.bank_name);
    v("purpose", "purpose", x.purpose);
    v("expireInMinute", "expire_in_minute", x.expire_in_minute);
    v("extraInfo", "extra_info", x.extra_info);
    v("deviceType", "device_type", x.device_type);
    v("firstText", "first_text", x.first_text);
    v("secondText", "second_text", x.second_text);
    v("thirdText", "third_text", x.third_text);
    v("showTime", "show_time", x.show_time);
    v("playSound", "play_sound", x.play_sound);
    v("readAmountAfterPay", "read_amount_after_pay", x.read_amount_after_pay);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::GenerateDeepLinkRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::GenerateDeepLinkRequest& x) {
    v("merchantId", "merchant_id", x.merchant_id);
    v("type", "type", x.type);
    v("qrCode", "qr_code", x.qr_code);
    v("redirectUrl", "redirect_url", x.redirect_url);
    v("callbackUrl", "callback_url", x.callback_url);
    v("bankBin", "bank_bin", x.bank_bin);
    v("destinationBankBin", "destination_bank_bin", x.destination_bank_bin);
    v("accountName", "account_name", x.account_name);
    v("accountNumber", "account_number", x.account_number);
    v("amount", "amount", x.amount);
    v("content", "content", x.content);
    v("billNumber", "bill_number", x.bill_number);
  }
};
template <>
struct Fields<tingee::GenerateDeepLinkBidvTestRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::GenerateDeepLinkBidvTestRequest& x) {
    Fields<tingee::GenerateDeepLinkRequest>::visit(v, x);
  }
};
template <>
struct Fields<tingee::GenerateDynamicQrRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::GenerateDynamicQrRequest& x) {
    v("vaAccountNumber", "va_account_number", x.va_account_number);
    v("qrCodeType", "qr_code_type", x.qr_code_type);
    v("bankBin", "bank_bin", x.bank_bin);
    v("bankName", "bank_name", x.bank_name);
    v("amount", "amount", x.amount);
    v("purpose", "purpose", x.purpose);
    v("expireInMinute", "expire_in_minute", x.expire_in_minute);
    v("extraInfo", "extra_info", x.extra_info);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::GenerateVietQrRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::GenerateVietQrRequest& x) {
    v("bankBin", "bank_bin", x.bank_bin);
    v("bankName", "bank_name", x.bank_name);
    v("accountNumber", "account_number", x.account_number);
    v("amount", "amount", x.amount);
    v("content", "content", x.content);
  }
};
template <>
struct Fields<tingee::GetAccountNumberInfoByQrCodeRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::GetAccountNumberInfoByQrCodeRequest& x) {
    v("qrCode", "qr_code", x.qr_code);
  }
};
template <>
struct Fields<tingee::GetDevicePagingRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::GetDevicePagingRequest& x) {
    v("skipCount", "skip_count", x.skip_count);
    v("maxResultCount", "max_result_count", x.max_result_count);
    v("filter", "filter", x.filter);
    v("sorting", "sorting", x.sorting);
    v("type", "type", x.type);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::GetDevicesLinkToShopOrVaRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::GetDevicesLinkToShopOrVaRequest& x) {
    v("vaAccountNumber", "va_account_number", x.va_account_number);
    v("shopId", "shop_id", x.shop_id);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::GetDynamicQrStatusRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::GetDynamicQrStatusRequest& x) {
    v("qrAccount", "qr_account", x.qr_account);
    v("billId", "bill_id", x.bill_id);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::GetShopPagingRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::GetShopPagingRequest& x) {
    v("filter", "filter", x.filter);
    v("sorting", "sorting", x.sorting);
    v("skipCount", "skip_count", x.skip_count);
    v("maxResultCount", "max_result_count", x.max_result_count);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::GetTransactionPagingRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::GetTransactionPagingRequest& x) {
    v("startTime", "start_time", x.start_time);
    v("endTime", "end_time", x.end_time);
    v("skipCount", "skip_count", x.skip_count);
    v("maxResultCount", "max_result_count", x.max_result_count);
    v("filter", "filter", x.filter);
    v("sorting", "sorting", x.sorting);
    v("shopIds", "shop_ids", x.shop_ids);
    v("vaAccountNumbers", "va_account_numbers", x.va_account_numbers);
    v("bankBin", "bank_bin", x.bank_bin);
    v("billId", "bill_id", x.bill_id);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::GetVaPagingRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::GetVaPagingRequest& x) {
    v("filter", "filter", x.filter);
    v("sorting", "sorting", x.sorting);
    v("skipCount", "skip_count", x.skip_count);
    v("maxResultCount", "max_result_count", x.max_result_count);
    v("startTime", "start_time", x.start_time);
    v("endTime", "end_time", x.end_time);
    v("merchantId", "merchant_id", x.merchant_id);
    v("shopId", "shop_id", x.shop_id);
    v("accountType", "account_type", x.account_type);
    v("agentId", "agent_id", x.agent_id);
    v("dataAccess", "data_access", x.data_access);
    v("bankBin", "bank_bin", x.bank_bin);
    v("bankName", "bank_name", x.bank_name);
  }
};
template <>
struct Fields<tingee::InvoiceFile> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::InvoiceFile& x) {
    v("invoiceCode", "invoice_code", x.invoice_code);
    v("pdfBase64", "pdf_base64", x.pdf_base64);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::InvoiceItem> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::InvoiceItem& x) {
    v("itemCode", "item_code", x.item_code);
    v("itemName", "item_name", x.item_name);
    v("unitName", "unit_name", x.unit_name);
    v("quantity", "quantity", x.quantity);
    v("unitPrice", "unit_price", x.unit_price);
    v("discount", "discount", x.discount);
    v("discountAmount", "discount_amount", x.discount_amount);
    v("totalBeforeTax", "total_before_tax", x.total_before_tax);
    v("taxRateCode", "tax_rate_code", x.tax_rate_code);
    v("taxAmount", "tax_amount", x.tax_amount);
    v("totalAfterTax", "total_after_tax", x.total_after_tax);
    v("itemType", "item_type", x.item_type);
    v("adjustmentType", "adjustment_type", x.adjustment_type);
  }
};
template <>
struct Fields<tingee::InvoiceTemplate> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::InvoiceTemplate& x) {
    v("invoicePattern", "invoice_pattern", x.invoice_pattern);
    v("invoiceSeries", "invoice_series", x.invoice_series);
    v("quota", "quota", x.quota);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::InvoiceTracking> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::InvoiceTracking& x) {
    v("invoiceCode", "invoice_code", x.invoice_code);
    v("trackingCode", "tracking_code", x.tracking_code);
    v("invoiceNumber", "invoice_number", x.invoice_number);
    v("reservationCode", "reservation_code", x.reservation_code);
    v("codeOfTax", "code_of_tax", x.code_of_tax);
    v("url", "url", x.url);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::Merchant> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::Merchant& x) {
    v("id", "id", x.id);
    v("creationTime", "creation_time", x.creation_time);
    v("code", "code", x.code);
    v("name", "name", x.name);
    v("email", "email", x.email);
    v("phoneNumber", "phone_number", x.phone_number);
    v("website", "website", x.website);
    v("businessSectorIds", "business_sector_ids", x.business_sector_ids);
    v("address", "address", x.address);
    v("fullAddress", "full_address", x.full_address);
    v("clientId", "client_id", x.client_id);
    v("secretToken", "secret_token", x.secret_token);
    v("eventUrl", "event_url", x.event_url);
    v("eventUrls", "event_urls", x.event_urls);
    v("isLockEvent", "is_lock_event", x.is_lock_event);
    v("isMasterMerchant", "is_master_merchant", x.is_master_merchant);
    v("baasType", "baas_type", x.baas_type);
    v("referralCode", "referral_code", x.referral_code);
    v("merchantPackages", "packages", x.packages);
    v("masterMerchantNames", "master_merchant_names", x.master_merchant_names);
  }
};
template <>
struct Fields<tingee::MerchantBankConfig> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantBankConfig& x) {
    v("id", "id", x.id);
    v("creationTime", "creation_time", x.creation_time);
    v("lastModificationTime", "last_modification_time", x.last_modification_time);
    v("merchantId", "merchant_id", x.merchant_id);
    v("accountType", "account_type", x.account_type);
    v("bankBin", "bank_bin", x.bank_bin);
    v("bankName", "bank_name", x.bank_name);
  }
};
template <>
struct Fields<tingee::MerchantBankConfigPage> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantBankConfigPage& x) {
    v("totalCount", "total_count", x.total_count);
    v("items", "items", x.items);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::MerchantConfigAccountBusinessRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantConfigAccountBusinessRequest& x) {
    v("bankName", "bank_name", x.bank_name);
    v("accountNumber", "account_number", x.account_number);
    v("accountName", "account_name", x.account_name);
    v("mobile", "mobile", x.mobile);
    v("vaPrefix", "va_prefix", x.va_prefix);
    v("merchantId", "merchant_id", x.merchant_id);
    v("acbUserId", "acb_user_id", x.acb_user_id);
    v("bankBin", "bank_bin", x.bank_bin);
  }
};
template <>
struct Fields<tingee::MerchantCreateOrUpdateConfigRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantCreateOrUpdateConfigRequest& x) {
    v("bidvConfigDto", "bidv", x.bidv);
    v("vibConfigDto", "vib", x.vib);
    v("ctgConfigDto", "ctg", x.ctg);
    v("acbConfigDto", "acb", x.acb);
    v("vcbConfigDto", "vcb", x.vcb);
    v("msbConfigDto", "msb", x.msb);
    v("accountType", "account_type", x.account_type);
    v("id", "id", x.id);
    v("otpNumber", "otp_number", x.otp_number);
    v("confirmId", "confirm_id", x.confirm_id);
    v("bankBin", "bank_bin", x.bank_bin);
    v("bankName", "bank_name", x.bank_name);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::MerchantCreateRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantCreateRequest& x) {
    v("id", "id", x.id);
    v("code", "code", x.code);
    v("name", "name", x.name);
    v("email", "email", x.email);
    v("phoneNumber", "phone_number", x.phone_number);
    v("website", "website", x.website);
    v("businessSectorIds", "business_sector_ids", x.business_sector_ids);
    v("provinceId", "province_id", x.province_id);
    v("districtId", "district_id", x.district_id);
    v("communeId", "commune_id", x.commune_id);
    v("address", "address", x.address);
    v("fullAddress", "full_address", x.full_address);
    v("referralCode", "referral_code", x.referral_code);
    v("baasType", "baas_type", x.baas_type);
    v("password", "password", x.password);
    v("appType", "app_type", x.app_type);
    v("requirePasswordChange", "require_password_change", x.require_password_change);
  }
};
template <>
struct Fields<tingee::MerchantCreated> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantCreated& x) {
    v("merchantId", "merchant_id", x.merchant_id);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::MerchantDeleteConfigAccountBusinessRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantDeleteConfigAccountBusinessRequest& x) {
    v("accountType", "account_type", x.account_type);
    v("configRemove", "config_remove", x.config_remove);
    v("merchantId", "merchant_id", x.merchant_id);
    v("bankBin", "bank_bin", x.bank_bin);
    v("bankName", "bank_name", x.bank_name);
  }
};
template <>
struct Fields<tingee::MerchantDeleteConfigRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantDeleteConfigRequest& x) {
    v("otpNumber", "otp_number", x.otp_number);
    v("confirmId", "confirm_id", x.confirm_id);
    v("id", "id", x.id);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::MerchantDeleteRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantDeleteRequest& x) {
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::MerchantGetPagingConfigRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantGetPagingConfigRequest& x) {
    v("filter", "filter", x.filter);
    v("sorting", "sorting", x.sorting);
    v("skipCount", "skip_count", x.skip_count);
    v("maxResultCount", "max_result_count", x.max_result_count);
    v("accountType", "account_type", x.account_type);
    v("merchantId", "merchant_id", x.merchant_id);
    v("bankBin", "bank_bin", x.bank_bin);
    v("bankName", "bank_name", x.bank_name);
  }
};
template <>
struct Fields<tingee::MerchantGetPagingRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantGetPagingRequest& x) {
    v("filter", "filter", x.filter);
    v("sorting", "sorting", x.sorting);
    v("skipCount", "skip_count", x.skip_count);
    v("maxResultCount", "max_result_count", x.max_result_count);
  }
};
template <>
struct Fields<tingee::MerchantPackage> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantPackage& x) {
    v("packageName", "package_name", x.package_name);
    v("expirationDate", "expiration_date", x.expiration_date);
  }
};
template <>
struct Fields<tingee::MerchantPage> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MerchantPage& x) {
    v("totalCount", "total_count", x.total_count);
    v("items", "items", x.items);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::MsbBusinessAccount> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::MsbBusinessAccount& x) {
    v("accountNumber", "account_number", x.account_number);
    v("vaPrefix", "va_prefix", x.va_prefix);
    v("mobile", "mobile", x.mobile);
    v("merchantId", "merchant_id", x.merchant_id);
    v("terminalId", "terminal_id", x.terminal_id);
    v("accessCode", "access_code", x.access_code);
    v("referralCode", "referral_code", x.referral_code);
  }
};
template <>
struct Fields<tingee::NfcCommandRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::NfcCommandRequest& x) {
    v("uuid", "uuid", x.uuid);
    v("nfcUrl", "nfc_url", x.nfc_url);
    v("nfcPackageName", "nfc_package_name", x.nfc_package_name);
    v("enableNfc", "enable_nfc", x.enable_nfc);
    v("playSound", "play_sound", x.play_sound);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::NotifyDevice> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::NotifyDevice& x) {
    v("type", "type", x.type);
    v("uuid", "uuid", x.uuid);
  }
};
template <>
struct Fields<tingee::NotifyPlatforms> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::NotifyPlatforms& x) {
    v("telegramChatIds", "telegram_chat_ids", x.telegram_chat_ids);
    v("larkWebhookUrls", "lark_webhook_urls", x.lark_webhook_urls);
    v("zaloDtos", "zalo", x.zalo);
    v("tingeeBoxDtos", "tingee_boxes", x.tingee_boxes);
  }
};
template <>
struct Fields<tingee::OtpSession> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::OtpSession& x) {
    v("confirmId", "confirm_id", x.confirm_id);
    v("authorizeLink", "authorize_link", x.authorize_link);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::PaymentBillResult> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::PaymentBillResult& x) {
    v("code", "code", x.code);
    v("status", "status", x.status);
    v("transactionCode", "transaction_code", x.transaction_code);
    v("isSentConfirmEmail", "is_sent_confirm_email", x.is_sent_confirm_email);
    v("isSentConfirmZalo", "is_sent_confirm_zalo", x.is_sent_confirm_zalo);
    v("returnUrl", "return_url", x.return_url);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::PrintReceiptRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::PrintReceiptRequest& x) {
    v("uuid", "uuid", x.uuid);
    v("receipt", "receipt", x.receipt);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::QrAccountInfo> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::QrAccountInfo& x) {
    v("bankBin", "bank_bin", x.bank_bin);
    v("accountNumber", "account_number", x.account_number);
    v("amount", "amount", x.amount);
    v("purpose", "purpose", x.purpose);
    v("vaPrefix", "va_prefix", x.va_prefix);
    v("vaSuffix", "va_suffix", x.va_suffix);
  }
};
template <>
struct Fields<tingee::QrAccountInfoPage> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::QrAccountInfoPage& x) {
    v("totalCount", "total_count", x.total_count);
    v("items", "items", x.items);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::ReadAmountRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ReadAmountRequest& x) {
    v("uuid", "uuid", x.uuid);
    v("transactionId", "transaction_id", x.transaction_id);
    v("amount", "amount", x.amount);
    v("bankBin", "bank_bin", x.bank_bin);
    v("bankName", "bank_name", x.bank_name);
    v("firstDisplayText", "first_display_text", x.first_display_text);
    v("secondDisplayText", "second_display_text", x.second_display_text);
    v("thirdDisplayText", "third_display_text", x.third_display_text);
    v("playSound", "play_sound", x.play_sound);
    v("isPrint", "is_print", x.is_print);
    v("printData", "print_data", x.print_data);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::ReadSecurityCodeRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ReadSecurityCodeRequest& x) {
    v("uuid", "uuid", x.uuid);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::Receipt> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::Receipt& x) {
    v("storeName", "store_name", x.store_name);
    v("items", "items", x.items);
    v("totalAmount", "total_amount", x.total_amount);
    v("discount", "discount", x.discount);
    v("copies", "copies", x.copies);
    v("logo", "logo", x.logo);
    v("address", "address", x.address);
    v("hotline", "hotline", x.hotline);
    v("orderCode", "order_code", x.order_code);
    v("qrCode", "qr_code", x.qr_code);
    v("barcode", "barcode", x.barcode);
    v("footerNote", "footer_note", x.footer_note);
    v("voiceFile", "voice_file", x.voice_file);
  }
};
template <>
struct Fields<tingee::ReceiptItem> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ReceiptItem& x) {
    v("name", "name", x.name);
    v("quantity", "quantity", x.quantity);
    v("unitPrice", "unit_price", x.unit_price);
  }
};
template <>
struct Fields<tingee::RefundResult> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::RefundResult& x) {
    v("refundAmount", "refund_amount", x.refund_amount);
    v("transactionId", "transaction_id", x.transaction_id);
    v("status", "status", x.status);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::RegisterNotifyRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::RegisterNotifyRequest& x) {
    v("merchantId", "merchant_id", x.merchant_id);
    v("vaAccountNumber", "va_account_number", x.va_account_number);
    v("bankBin", "bank_bin", x.bank_bin);
    v("bankName", "bank_name", x.bank_name);
  }
};
template <>
struct Fields<tingee::ResetDeviceRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ResetDeviceRequest& x) {
    v("uuid", "uuid", x.uuid);
  }
};
template <>
struct Fields<tingee::ResetDeviceWithDetailsRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ResetDeviceWithDetailsRequest& x) {
    v("uuid", "uuid", x.uuid);
    v("phoneNumber", "phone_number", x.phone_number);
    v("accountNumber", "account_number", x.account_number);
    v("isBankRequest", "is_bank_request", x.is_bank_request);
  }
};
template <>
struct Fields<tingee::ResetResult> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ResetResult& x) {
    v("data", "data", x.data);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::Shop> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::Shop& x) {
    v("id", "id", x.id);
    v("isActive", "is_active", x.is_active);
    v("name", "name", x.name);
    v("address", "address", x.address);
  }
};
template <>
struct Fields<tingee::ShopLink> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ShopLink& x) {
    v("shopId", "shop_id", x.shop_id);
    v("shopName", "shop_name", x.shop_name);
    v("fullAddress", "full_address", x.full_address);
    v("isLinkToDevice", "is_link_to_device", x.is_link_to_device);
    v("vaAccountNumber", "va_account_number", x.va_account_number);
  }
};
template <>
struct Fields<tingee::ShopPage> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ShopPage& x) {
    v("totalCount", "total_count", x.total_count);
    v("items", "items", x.items);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::ShopRef> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ShopRef& x) {
    v("id", "id", x.id);
    v("name", "name", x.name);
  }
};
template <>
struct Fields<tingee::ShopSaved> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ShopSaved& x) {
    v("shopId", "shop_id", x.shop_id);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::ShowQrRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ShowQrRequest& x) {
    v("uuid", "uuid", x.uuid);
    v("vaAccountNumber", "va_account_number", x.va_account_number);
    v("amount", "amount", x.amount);
    v("qrCode", "qr_code", x.qr_code);
    v("bankBin", "bank_bin", x.bank_bin);
    v("bankName", "bank_name", x.bank_name);
    v("deviceType", "device_type", x.device_type);
    v("firstText", "first_text", x.first_text);
    v("secondText", "second_text", x.second_text);
    v("thirdText", "third_text", x.third_text);
    v("showTime", "show_time", x.show_time);
    v("isStaticQr", "is_static_qr", x.is_static_qr);
    v("playSound", "play_sound", x.play_sound);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::SubscriptionStatus> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::SubscriptionStatus& x) {
    v("status", "status", x.status);
    v("subscriptionId", "subscription_id", x.subscription_id);
    v("tokenRef", "token_ref", x.token_ref);
    v("bankName", "bank_name", x.bank_name);
    v("bankBin", "bank_bin", x.bank_bin);
    v("accountName", "account_name", x.account_name);
    v("accountNumber", "account_number", x.account_number);
    v("phone", "phone", x.phone);
    v("email", "email", x.email);
    v("confirmPaymentByEmail", "confirm_payment_by_email", x.confirm_payment_by_email);
    v("confirmEmail", "confirm_email", x.confirm_email);
    v("confirmPaymentByZalo", "confirm_payment_by_zalo", x.confirm_payment_by_zalo);
    v("confirmPhoneNumber", "confirm_phone_number", x.confirm_phone_number);
    v("lastModificationTime", "last_modification_time", x.last_modification_time);
    v("lastModifierUserId", "last_modifier_user_id", x.last_modifier_user_id);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::TaxRateSummary> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::TaxRateSummary& x) {
    v("taxRateCode", "tax_rate_code", x.tax_rate_code);
    v("totalTaxableAmount", "total_taxable_amount", x.total_taxable_amount);
    v("taxAmount", "tax_amount", x.tax_amount);
  }
};
template <>
struct Fields<tingee::Transaction> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::Transaction& x) {
    v("transactionId", "transaction_id", x.transaction_id);
    v("code", "code", x.code);
    v("amount", "amount", x.amount);
    v("type", "type", x.type);
    v("cashFlowSource", "cash_flow_source", x.cash_flow_source);
    v("content", "content", x.content);
    v("currency", "currency", x.currency);
    v("bankBin", "bank_bin", x.bank_bin);
    v("accountNumber", "account_number", x.account_number);
    v("vaAccountNumber", "va_account_number", x.va_account_number);
    v("transactionDate", "transaction_date", x.transaction_date);
    v("billId", "bill_id", x.bill_id);
    v("merchantId", "merchant_id", x.merchant_id);
    v("shopId", "shop_id", x.shop_id);
  }
};
template <>
struct Fields<tingee::TransactionPage> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::TransactionPage& x) {
    v("totalCount", "total_count", x.total_count);
    v("items", "items", x.items);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::UpdateShopDeviceLinkStatusRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::UpdateShopDeviceLinkStatusRequest& x) {
    v("uuid", "uuid", x.uuid);
    v("appType", "app_type", x.app_type);
    v("shopsLinkToDeviceDtos", "shops", x.shops);
    v("type", "type", x.type);
    v("merchantId", "merchant_id", x.merchant_id);
  }
};
template <>
struct Fields<tingee::UploadedFile> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::UploadedFile& x) {
    v("fileLogId", "file_log_id", x.file_log_id);
    v("path", "path", x.path);
  }
};
template <>
struct Fields<tingee::VaPage> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::VaPage& x) {
    v("totalCount", "total_count", x.total_count);
    v("items", "items", x.items);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::VcbBusinessAccount> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::VcbBusinessAccount& x) {
    v("accountNumber", "account_number", x.account_number);
    v("accountName", "account_name", x.account_name);
    v("merchantId", "merchant_id", x.merchant_id);
    v("terminalId", "terminal_id", x.terminal_id);
  }
};
template <>
struct Fields<tingee::VibConfig> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::VibConfig& x) {
    v("vaPrefix", "va_prefix", x.va_prefix);
    v("pathPublicKey", "public_key", x.public_key);
    v("pathPrivateKey", "private_key", x.private_key);
    v("basicAuthToken", "basic_auth_token", x.basic_auth_token);
    v("cif", "cif", x.cif);
    v("clientId", "client_id", x.client_id);
    v("clientSecret", "client_secret", x.client_secret);
    v("accountNumber", "account_number", x.account_number);
    v("vaCharactersNumber", "va_characters_number", x.va_characters_number);
  }
};
template <>
struct Fields<tingee::VietQr> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::VietQr& x) {
    v("qrCode", "qr_code", x.qr_code);
    v("qrCodeImage", "qr_code_image", x.qr_code_image);
    v("qrAccount", "qr_account", x.qr_account);
    v("referenceLabelCode", "reference_label_code", x.reference_label_code);
    v("message", "message", x.message);
  }
};
template <>
struct Fields<tingee::VirtualAccount> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::VirtualAccount& x) {
    v("bankName", "bank_name", x.bank_name);
    v("bankBin", "bank_bin", x.bank_bin);
    v("accountType", "account_type", x.account_type);
    v("accountName", "account_name", x.account_name);
    v("accountNumber", "account_number", x.account_number);
    v("vaAccountNumber", "va_account_number", x.va_account_number);
    v("shopId", "shop_id", x.shop_id);
    v("status", "status", x.status);
    v("creationTime", "creation_time", x.creation_time);
  }
};
template <>
struct Fields<tingee::ZaloRecipient> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tingee::ZaloRecipient& x) {
    v("type", "type", x.type);
    v("name", "name", x.name);
  }
};
// END generated

}  // namespace paygw::cli::rows
