// SPDX-License-Identifier: MIT
// paygw — Tingee e-invoices (hóa đơn điện tử, through the providers x-cyber, hilo, s-invoice,
// misa): request and response types of e-invoice/get-paging-account, create-or-update-account,
// delete-account, get-provider, create, create-and-issue, get-invoice-info, download,
// invoice-templates and send-email.
//
// Same conventions as paygw/tingee/models.hpp. Invoice amounts are integer VND (0..kMaxAmountVnd)
// sent as decimal strings, as the SDK's DTOs type them; quantities, rates and exchange rates are
// decimal texts ("1", "1.5"; at most 15 integer and 6 fraction digits). Provider account
// passwords are paygw::Secret. Texts paygw sends are checked first (ADR 0048).
#pragma once

#include <paygw/money.hpp>
#include <paygw/secret.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paygw::tingee {

/// POST /v1/e-invoice/get-paging-account — lists the merchant's e-invoice provider accounts (a read).
struct EInvoiceGetPagingAccountRequest {
  std::string filter;                       ///< Optional keyword.
  std::string sorting;                      ///< Optional.
  std::int64_t skip_count = 0;              ///< Offset, >= 0.
  std::int64_t max_result_count = 10;       ///< Page size, 1..1000.
  std::string provider;                     ///< "x-cyber", "hilo", "s-invoice" or "misa" (empty: all).
  std::optional<bool> is_default;           ///< `isDefault` filter.
  std::optional<bool> is_active;            ///< `isActive` filter.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// A provider account (GetPagingEInvoiceAccountOutputDto). id is present (else kMalformed).
struct EInvoiceAccount {
  std::int64_t id = 0;                      ///< `id`: what accountId members name.
  std::string creation_time;                ///< `creationTime`, verbatim.
  std::optional<std::int64_t> merchant_id;  ///< `merchantId`.
  std::string provider;                     ///< `provider`.
  std::string tax_code;                     ///< `taxCode`.
  std::string username;                     ///< `username` at the provider.
  Secret password;                          ///< `password` at the provider (Tingee sends it back).
  std::optional<bool> is_default;           ///< `isDefault`.
  std::optional<bool> is_active;            ///< `isActive`.
};

/// One page of get-paging-account.
struct EInvoiceAccountPage {
  std::optional<std::int64_t> total_count;  ///< `totalCount`; unset when Tingee omits it.
  std::vector<EInvoiceAccount> items;       ///< This page's accounts.
  std::string message;                      ///< The provider's message, verbatim.
};

/// POST /v1/e-invoice/create-or-update-account — stores a provider account (a write).
/// Answer: EInvoiceAccountId.
struct EInvoiceCreateOrUpdateAccountRequest {
  std::string provider;                     ///< Required: "x-cyber", "hilo", "s-invoice" or "misa".
  std::string tax_code;                     ///< Required (`taxCode`): the seller's tax code.
  std::string username;                     ///< Required.
  Secret password;                          ///< Required (up to 256 bytes).
  std::optional<bool> is_default;           ///< `isDefault`.
  std::optional<bool> is_active;            ///< `isActive`.
  std::optional<std::int64_t> id;           ///< The account to update, > 0.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// Answer of create-or-update-account: Tingee's `data` is the account's id (a number).
struct EInvoiceAccountId {
  std::int64_t id = 0;  ///< `data`.
  std::string message;  ///< The provider's message, verbatim.
};

/// POST /v1/e-invoice/delete-account — removes a provider account (a write; answer: Ack).
struct EInvoiceDeleteAccountRequest {
  std::int64_t id = 0;                      ///< Required, > 0.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// A supported provider (EInvoiceProviderDto), in the answer of POST /v1/e-invoice/get-provider
/// (Client::get_einvoice_providers: no parameters, the body is `{}`).
struct EInvoiceProvider {
  std::string code;  ///< `code`: "x-cyber", "hilo", "s-invoice", "misa", ...
  std::string name;  ///< `name`.
};

/// Answer of get-provider: `data` is a list.
struct EInvoiceProviders {
  std::vector<EInvoiceProvider> providers;  ///< In the provider's order.
  std::string message;                      ///< The provider's message, verbatim.
};

/// An invoice line (InvoiceItemDto).
struct InvoiceItem {
  std::string item_code;                        ///< `itemCode`.
  std::string item_name;                        ///< Required (`itemName`).
  std::string unit_name;                        ///< `unitName`, e.g. "cái".
  std::string quantity;                         ///< Required decimal text, e.g. "2" or "1.5".
  Vnd unit_price = 0;                           ///< Required (`unitPrice`), 0..kMaxAmountVnd.
  std::string discount;                         ///< `discount`: decimal text (a rate; undocumented).
  std::optional<Vnd> discount_amount;           ///< `discountAmount`.
  std::optional<Vnd> total_before_tax;          ///< `totalBeforeTax`.
  std::string tax_rate_code;                    ///< Required (`taxRateCode`), e.g. "10" (provider code).
  std::optional<Vnd> tax_amount;                ///< `taxAmount`.
  std::optional<Vnd> total_after_tax;           ///< `totalAfterTax`.
  std::optional<std::int64_t> item_type;        ///< `itemType` (provider code), >= 0.
  std::optional<std::int64_t> adjustment_type;  ///< `adjustmentType` (provider code), >= 0.
};

/// A per-rate tax total (TaxRateSummaryDto).
struct TaxRateSummary {
  std::string tax_rate_code;                ///< Required (`taxRateCode`).
  std::optional<Vnd> total_taxable_amount;  ///< `totalTaxableAmount`.
  std::optional<Vnd> tax_amount;            ///< `taxAmount`.
};

/// POST /v1/e-invoice/create (draft) and /v1/e-invoice/create-and-issue (issued to the tax
/// authority) — body CreateInvoiceDto (both writes). Answers: InvoiceFile (create),
/// InvoiceTracking (create-and-issue).
struct EInvoiceCreateRequest {
  std::optional<std::int64_t> merchant_id;         ///< Required for Master Merchant credentials.
  std::optional<std::int64_t> account_id;          ///< The provider account, > 0 (default account when unset).
  std::string invoice_type;                        ///< `invoiceType`.
  std::string invoice_pattern;                     ///< Required (`invoicePattern`, from invoice-templates).
  std::string invoice_series;                      ///< Required (`invoiceSeries`).
  std::string invoice_code;                        ///< Required (`invoiceCode`): the merchant's invoice id.
  std::string invoice_date;                        ///< Required (`invoiceDate`), verbatim (format undocumented).
  std::string buyer_tax_code;                      ///< `buyerTaxCode`.
  std::string buyer_name;                          ///< `buyerName`.
  std::string buyer_legal_name;                    ///< `buyerLegalName`.
  std::string buyer_address;                       ///< `buyerAddress` (up to 2048 bytes).
  std::string buyer_phone;                         ///< `buyerPhone`.
  std::string buyer_email;                         ///< `buyerEmail`.
  std::string buyer_bank_account;                  ///< `buyerBankAccount`.
  std::string buyer_bank_name;                     ///< `buyerBankName`.
  std::optional<std::int64_t> payment_method;      ///< `paymentMethod` (provider code), >= 0.
  std::string payment_method_name;                 ///< `paymentMethodName`.
  std::string currency;                            ///< `currency`: empty or "VND" (paygw's amounts are VND).
  std::string exchange_rate;                       ///< `exchangeRate`: decimal text.
  std::string amount_in_words;                     ///< `amountInWords` (up to 2048 bytes).
  std::string note;                                ///< `note` (up to 2048 bytes).
  std::vector<InvoiceItem> items;                  ///< Required, at least one.
  std::optional<Vnd> total_discount;               ///< `totalDiscount`.
  std::optional<Vnd> total_before_tax;             ///< `totalBeforeTax`.
  std::optional<Vnd> total_tax;                    ///< `totalTax`.
  std::optional<Vnd> total_after_tax;              ///< `totalAfterTax`.
  std::vector<TaxRateSummary> tax_rate_summaries;  ///< `taxRateSummaries`.
};

/// POST /v1/e-invoice/create-and-issue: the same body as create (see EInvoiceCreateRequest).
struct EInvoiceCreateAndIssueRequest : EInvoiceCreateRequest {};

/// Answer of create and download (DownloadInvoiceOutputDto). invoice_code is present (else kMalformed).
struct InvoiceFile {
  std::string invoice_code;  ///< `invoiceCode`.
  std::string pdf_base64;    ///< `pdfBase64`: the invoice as a base64 PDF, verbatim.
  std::string message;       ///< The provider's message, verbatim.
};

/// Answer of create-and-issue and get-invoice-info (TrackingResultDto). invoice_code is present
/// (else kMalformed).
struct InvoiceTracking {
  std::string invoice_code;      ///< `invoiceCode`.
  std::string tracking_code;     ///< `trackingCode`.
  std::string invoice_number;    ///< `invoiceNumber`: the number the provider assigned.
  std::string reservation_code;  ///< `reservationCode`: the buyer's look-up code.
  std::string code_of_tax;       ///< `codeOfTax`: the tax authority's code.
  std::string url;               ///< `url`: where the buyer looks the invoice up.
  std::string message;           ///< The provider's message, verbatim.
};

/// POST /v1/e-invoice/get-invoice-info — an invoice's tracking data (a read; GetInvoiceInfoQueryDto).
struct EInvoiceGetInvoiceInfoRequest {
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
  std::optional<std::int64_t> account_id;   ///< The provider account, > 0.
  std::string invoice_code;                 ///< Required.
};

/// POST /v1/e-invoice/download — an invoice's PDF (a read; DownloadInvoiceQueryDto). Answer: InvoiceFile.
struct EInvoiceDownloadRequest : EInvoiceGetInvoiceInfoRequest {};

/// POST /v1/e-invoice/invoice-templates — checks a provider account and lists its invoice
/// template (a read; InvoiceTemplateInputDto, every member required). Answer: InvoiceTemplate.
struct EInvoiceInvoiceTemplatesRequest {
  std::int64_t merchant_id = 0;          ///< Required, > 0.
  std::int64_t account_id = 0;           ///< Required, > 0.
  std::string provider;                  ///< Required: "x-cyber", "hilo", "s-invoice" or "misa".
  std::string tax_code;                  ///< Required.
  std::string username;                  ///< Required.
  Secret password;                       ///< Required.
  std::int64_t invoice_no_to_check = 0;  ///< Required (`invoiceNoToCheck`), >= 0.
};

/// Answer of invoice-templates (InvoiceTemplateOutputDto). pattern and series are present (else kMalformed).
struct InvoiceTemplate {
  std::string invoice_pattern;        ///< `invoicePattern`.
  std::string invoice_series;         ///< `invoiceSeries`.
  std::optional<std::int64_t> quota;  ///< `quota`: invoices left.
  std::string message;                ///< The provider's message, verbatim.
};

/// POST /v1/e-invoice/send-email — e-mails an invoice to the buyer (a write; answer: Ack).
struct EInvoiceSendEmailRequest {
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
  std::optional<std::int64_t> account_id;   ///< The provider account, > 0.
  std::string invoice_code;                 ///< Required.
  std::string buyer_name;                   ///< `buyerName`.
  std::string recipient_email;              ///< Required (`recipientEmail`): contains one '@'.
};

}  // namespace paygw::tingee
