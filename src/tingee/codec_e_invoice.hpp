// SPDX-License-Identifier: MIT
// Internal: Tingee e-invoices — request building/validation and response parsing (pure
// functions, no I/O). Same contract as tingee/codec.hpp. Provider passwords are revealed only
// into the request body.
#pragma once

#include <paygw/result.hpp>
#include <paygw/tingee/e_invoices.hpp>

#include "json/json.hpp"

#include <string_view>

namespace paygw::tingee::detail {

using paygw::detail::json::Json;

Result<Json> build(const EInvoiceGetPagingAccountRequest& r);
Result<Json> build(const EInvoiceCreateOrUpdateAccountRequest& r);
Result<Json> build(const EInvoiceDeleteAccountRequest& r);
Result<Json> build(const EInvoiceCreateRequest& r);
Result<Json> build(const EInvoiceCreateAndIssueRequest& r);
Result<Json> build(const EInvoiceGetInvoiceInfoRequest& r);
Result<Json> build(const EInvoiceDownloadRequest& r);
Result<Json> build(const EInvoiceInvoiceTemplatesRequest& r);
Result<Json> build(const EInvoiceSendEmailRequest& r);

/// Whether `text` is a decimal: 1..15 digits, optionally '.' and 1..6 digits.
bool valid_decimal_text(std::string_view text);

Result<EInvoiceAccountPage> parse_e_invoice_account_page(const Json& envelope);
/// create-or-update-account: `data` is a whole number.
Result<EInvoiceAccountId> parse_e_invoice_account_id(const Json& envelope);
Result<EInvoiceProviders> parse_e_invoice_providers(const Json& envelope);
/// create, download.
Result<InvoiceFile> parse_invoice_file(const Json& envelope);
/// create-and-issue, get-invoice-info.
Result<InvoiceTracking> parse_invoice_tracking(const Json& envelope);
Result<InvoiceTemplate> parse_invoice_template(const Json& envelope);
/// delete-account and send-email answer no data: use parse_ack (tingee/codec.hpp).

}  // namespace paygw::tingee::detail
