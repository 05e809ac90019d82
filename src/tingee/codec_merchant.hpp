// SPDX-License-Identifier: MIT
// Internal: Tingee Master-Merchant administration — request building/validation and response
// parsing (pure functions, no I/O). Same contract as tingee/codec.hpp. Secrets (passwords, bank
// client secrets) are revealed only into the request body.
#pragma once

#include <paygw/result.hpp>
#include <paygw/tingee/merchants.hpp>

#include "json/json.hpp"

#include <string>

namespace paygw::tingee::detail {

using paygw::detail::json::Json;

Result<Json> build(const MerchantCreateRequest& r);
Result<Json> build(const MerchantGetPagingRequest& r);
/// Query string (with leading '?') of DELETE /v1/merchant/delete; no body, signed over `{}`.
Result<std::string> build_query(const MerchantDeleteRequest& r);
Result<Json> build(const MerchantGetPagingConfigRequest& r);
Result<Json> build(const MerchantCreateOrUpdateConfigRequest& r);
Result<Json> build(const MerchantDeleteConfigRequest& r);
Result<Json> build(const MerchantConfigAccountBusinessRequest& r);
Result<Json> build(const MerchantDeleteConfigAccountBusinessRequest& r);

Result<MerchantCreated> parse_merchant_created(const Json& envelope);
Result<MerchantPage> parse_merchant_page(const Json& envelope);
Result<MerchantBankConfigPage> parse_merchant_bank_config_page(const Json& envelope);
/// create-or-update-config, delete-config: `data` is a whole number.
Result<ConfigId> parse_config_id(const Json& envelope);
/// delete-config-account-business: `data` is `true` (an empty session), an object like
/// delete-va's answer, or absent. `false` is kProvider (the account was not unlinked).
/// merchant/delete answers no data: use parse_ack; config-account-business: parse_otp_session.
Result<OtpSession> parse_business_unlink(const Json& envelope);

}  // namespace paygw::tingee::detail
