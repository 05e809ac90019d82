// SPDX-License-Identifier: MIT
// Internal: Tingee dynamic-QR bills, transactions and banks — request building/validation and
// response parsing (pure functions, no I/O). Same contract as tingee/codec.hpp.
#pragma once

#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>
#include <paygw/tingee/bills.hpp>

#include "json/json.hpp"

#include <string>
#include <string_view>

namespace paygw::tingee::detail {

using paygw::detail::json::Json;

/// `path_prefix(prefix) + "/" + operation`, e.g. ("kV1", "get-banks") -> "/v1/get-banks".
std::string bank_group_path(BankPathPrefix prefix, std::string_view operation);

// Request bodies. Each validates its request first: kInvalidArgument names the bad field.
Result<Json> build(const GenerateDynamicQrRequest& r);
Result<Json> build(const GetDynamicQrStatusRequest& r);
Result<Json> build(const DeleteDynamicQrRequest& r);
Result<Json> build(const GetTransactionPagingRequest& r);

/// Whether `text` is `yyyyMMddHHmmss` naming a real date and time (years 1970..2200).
bool valid_transaction_time(std::string_view text);

// Parsers of a code-"00" envelope (from parse_envelope). Errors: kMalformed (Delivery::kMaybeSent,
// http_status 200) naming the bad member, e.g. "data.transactionInfos[1].amount ...".
Result<DynamicQrBill> parse_dynamic_qr_bill(const Json& envelope);
Result<DynamicQrStatus> parse_dynamic_qr_status(const Json& envelope);
Result<TransactionPage> parse_transaction_page(const Json& envelope);
/// delete-dynamic-qr answers an envelope without data: use parse_ack (tingee/codec.hpp).

/// The envelope step of get-banks, in place of parse_envelope: Tingee answers a bare JSON array
/// there. A 2xx array becomes `{"code":"00","message":"","data":<array>}`; any other response
/// goes through parse_envelope (so `{code:"00",data:[...]}` and every error keep their mapping).
/// A non-2xx array is kHttpStatus (kAuth for 401/403).
Result<Json> parse_banks_envelope(const http::Response& response);
/// The banks of an envelope from parse_banks_envelope: `data` must be an array of objects.
Result<BankList> parse_banks(const Json& envelope);

}  // namespace paygw::tingee::detail
