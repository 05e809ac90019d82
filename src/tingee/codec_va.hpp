// SPDX-License-Identifier: MIT
// Internal: Tingee virtual accounts — request building/validation and response parsing (pure
// functions, no I/O). Same contract as tingee/codec.hpp: build() validates every field first
// (kInvalidArgument naming it, nothing sent); the parsers read a code-"00" envelope (from
// parse_envelope) and answer kMalformed (Delivery::kMaybeSent, http_status 200) naming the bad member.
#pragma once

#include <paygw/result.hpp>
#include <paygw/tingee/virtual_accounts.hpp>

#include "json/json.hpp"

#include <string>

namespace paygw::tingee::detail {

using paygw::detail::json::Json;

Result<Json> build(const CreateVaRequest& r);
Result<Json> build(const CreateVaAdvancedRequest& r);
Result<Json> build(const ConfirmVaRequest& r);
Result<Json> build(const ConfirmDeleteVaRequest& r);
Result<Json> build(const ConfirmRegisterNotifyRequest& r);
Result<Json> build(const RegisterNotifyRequest& r);
Result<Json> build(const GetVaPagingRequest& r);
/// Query string (with leading '?') of POST {bank prefix}/delete-va; its signed body is `{}`.
Result<std::string> build_query(const DeleteVaRequest& r);

/// The wire value of an AccountType ("personal-account", ...).
const char* account_type_wire(AccountType type);

Result<CreateVaResult> parse_create_va(const Json& envelope);
Result<ConfirmVaResult> parse_confirm_va(const Json& envelope);
/// delete-va, register-notify, confirm-register-notify: data may be absent, null or `{}`.
Result<OtpSession> parse_otp_session(const Json& envelope);
Result<VaPage> parse_va_page(const Json& envelope);
/// confirm-delete-va answers an envelope without data: use parse_ack (tingee/codec.hpp).

}  // namespace paygw::tingee::detail
