// SPDX-License-Identifier: MIT
// Internal: the Tingee endpoints outside the official SDKs (create-bank-link-session,
// device/read-amount) — request building/validation and response parsing (pure functions, no
// I/O). Same contract as tingee/codec.hpp.
#pragma once

#include <paygw/result.hpp>
#include <paygw/tingee/bank_links.hpp>

#include "json/json.hpp"

namespace paygw::tingee::detail {

using paygw::detail::json::Json;

Result<Json> build(const CreateBankLinkSessionRequest& r);
Result<Json> build(const DeviceReadAmountRequest& r);

/// create-bank-link-session: `data` is a non-empty string.
Result<BankLinkSession> parse_bank_link_session(const Json& envelope);
/// device/read-amount answers no data: use parse_ack (tingee/codec.hpp).

}  // namespace paygw::tingee::detail
