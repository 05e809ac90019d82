// SPDX-License-Identifier: MIT
// Tingee e-invoice codec (get-paging-account, create-or-update-account, delete-account,
// get-provider, create, create-and-issue, get-invoice-info, download, invoice-templates,
// send-email): exact request bytes in the member order of the DTOs of Tingee's official SDK
// (@tingee/sdk-node 0.2.4), validation, and parsing of the fixtures plus malformed variants.
// Passwords in fixtures are placeholders.
#include <paygw/tingee/all_models.hpp>

#include "tingee/codec_e_invoice.hpp"
#include "tingee_api_codec_test_support.hpp"

namespace {

using namespace paygw;
using namespace paygw::tingee;
using namespace paygw::test::tingee_codec;

EInvoiceCreateRequest invoice() {
  EInvoiceCreateRequest r;
  r.account_id = 5;
  r.invoice_pattern = "1";
  r.invoice_series = "C26TAA";
  r.invoice_code = "INV-1024";
  r.invoice_date = "2026-07-16";
  r.buyer_name = "Nguyễn Văn B";
  r.buyer_email = "b@example.vn";
  r.payment_method = 3;
  r.currency = "VND";
  InvoiceItem item;
  item.item_name = "Cà phê sữa";
  item.unit_name = "ly";
  item.quantity = "2";
  item.unit_price = 25000;
  item.total_before_tax = 50000;
  item.tax_rate_code = "8";
  item.tax_amount = 4000;
  item.total_after_tax = 54000;
  r.items = {item};
  r.total_before_tax = 50000;
  r.total_tax = 4000;
  r.total_after_tax = 54000;
  r.tax_rate_summaries = {{"8", 50000, 4000}};
  return r;
}

TEST(TingeeEInvoiceCodec, Accounts) {
  EInvoiceGetPagingAccountRequest p;
  p.provider = "misa";
  p.is_active = true;
  EXPECT_EQ(compact(codec::build(p)), fixture_body("e-invoice-get-paging-account"));
  p.provider = "vnpt";
  expect_invalid(codec::build(p), "provider must be x-cyber, hilo, s-invoice or misa");
  auto page = codec::parse_e_invoice_account_page(fixture_envelope("e-invoice-get-paging-account"));
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->items.size(), 1U);
  EXPECT_EQ(page->items[0].id, 5);
  EXPECT_EQ(page->items[0].provider, "misa");
  EXPECT_EQ(page->items[0].password.reveal(), "<redacted>");
  EXPECT_EQ(page->items[0].is_default, true);
  expect_malformed(codec::parse_e_invoice_account_page(
                       envelope_with(Json{{"items", Json::array({Json{{"id", 1}, {"isActive", "yes"}}})}}))
                       .error(),
                   "data.items[0].isActive is not a boolean");

  EInvoiceCreateOrUpdateAccountRequest a;
  a.provider = "misa";
  a.tax_code = "0101234567";
  a.username = "ketoan";
  a.password = Secret("<redacted>");
  a.is_default = true;
  EXPECT_EQ(compact(codec::build(a)), fixture_body("e-invoice-create-or-update-account"));
  a.id = 5;
  a.merchant_id = 9;
  a.is_active = false;
  expect_body(codec::build(a),
              R"({"provider":"misa","taxCode":"0101234567","username":"ketoan","password":"<redacted>",)"
              R"("isDefault":true,"isActive":false,"id":5,"merchantId":9})");
  a.password = Secret();
  expect_invalid(codec::build(a), "password is required");
  auto id = codec::parse_e_invoice_account_id(fixture_envelope("e-invoice-create-or-update-account"));
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(id->id, 5);
  expect_malformed(codec::parse_e_invoice_account_id(envelope_with(-1)).error(), "data is not a whole number >= 0");

  EXPECT_EQ(compact(codec::build(EInvoiceDeleteAccountRequest{5, std::nullopt})),
            fixture_body("e-invoice-delete-account"));
  expect_invalid(codec::build(EInvoiceDeleteAccountRequest{0, std::nullopt}), "id must be > 0");
  EXPECT_TRUE(codec::parse_ack(fixture_envelope("e-invoice-delete-account")).ok());
}

TEST(TingeeEInvoiceCodec, Providers) {
  auto providers = codec::parse_e_invoice_providers(fixture_envelope("e-invoice-get-provider"));
  ASSERT_TRUE(providers.ok()) << providers.error().message;
  ASSERT_EQ(providers->providers.size(), 4U);
  EXPECT_EQ(providers->providers[2].code, "s-invoice");
  expect_malformed(codec::parse_e_invoice_providers(envelope_with(Json::object())).error(),
                   "data is not a list of providers");
  expect_malformed(codec::parse_e_invoice_providers(envelope_with(Json::array({Json{{"name", "x"}}}))).error(),
                   "data[0].code is missing");
}

TEST(TingeeEInvoiceCodec, CreateSendsAmountsAsStrings) {
  EXPECT_EQ(compact(codec::build(invoice())), fixture_body("e-invoice-create"));
  expect_body(
      codec::build(invoice()),
      R"({"accountId":5,"invoicePattern":"1","invoiceSeries":"C26TAA","invoiceCode":"INV-1024",)"
      R"("invoiceDate":"2026-07-16","buyerName":"Nguyễn Văn B","buyerEmail":"b@example.vn","paymentMethod":3,)"
      R"("currency":"VND","items":[{"itemName":"Cà phê sữa","unitName":"ly","quantity":"2","unitPrice":"25000",)"
      R"("totalBeforeTax":"50000","taxRateCode":"8","taxAmount":"4000","totalAfterTax":"54000"}],)"
      R"("totalBeforeTax":"50000","totalTax":"4000","totalAfterTax":"54000",)"
      R"("taxRateSummaries":[{"taxRateCode":"8","totalTaxableAmount":"50000","taxAmount":"4000"}]})");
  EInvoiceCreateAndIssueRequest issue;
  static_cast<EInvoiceCreateRequest&>(issue) = invoice();
  EXPECT_EQ(compact(codec::build(issue)), fixture_body("e-invoice-create-and-issue"));
}

TEST(TingeeEInvoiceCodec, CreateValidation) {
  auto r = invoice();
  r.items.clear();
  expect_invalid(codec::build(r), "items must not be empty");
  r = invoice();
  r.invoice_pattern.clear();
  expect_invalid(codec::build(r), "invoice_pattern is required");
  r = invoice();
  r.invoice_date.clear();
  expect_invalid(codec::build(r), "invoice_date is required");
  for (const char* q : {"", "1.", ".5", "1,5", "-1", "1.1234567", "1234567890123456"}) {
    r = invoice();
    r.items[0].quantity = q;
    expect_invalid(codec::build(r), std::string(q).empty() ? "items.quantity is required"
                                                           : "items.quantity must be a decimal (e.g. 1 or 1.5)");
  }
  r = invoice();
  r.items[0].quantity = "1.5";
  EXPECT_TRUE(codec::build(r).ok());
  r = invoice();
  r.items[0].unit_price = -1;
  expect_invalid(codec::build(r), "items.unit_price must be 0..9007199254740991");
  r = invoice();
  r.items[0].tax_amount = -1;
  expect_invalid(codec::build(r), "items amounts must be 0..9007199254740991");
  r = invoice();
  r.items[0].tax_rate_code.clear();
  expect_invalid(codec::build(r), "items.tax_rate_code is required");
  r = invoice();
  r.total_after_tax = 9'007'199'254'740'992;
  expect_invalid(codec::build(r), "totals must be 0..9007199254740991");
  r = invoice();
  r.currency = "USD";
  expect_invalid(codec::build(r), "currency must be empty or VND (paygw amounts are VND)");
  r = invoice();
  r.tax_rate_summaries[0].tax_amount = -4;
  expect_invalid(codec::build(r), "tax_rate_summaries amounts must be 0..9007199254740991");
  r = invoice();
  r.note = "a\rb";
  expect_invalid(codec::build(r), "note must not contain control characters");
  r = invoice();
  r.account_id = 0;
  expect_invalid(codec::build(r), "account_id must be > 0");
}

TEST(TingeeEInvoiceCodec, CreateAnswers) {
  auto file = codec::parse_invoice_file(fixture_envelope("e-invoice-create"));
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->invoice_code, "INV-1024");
  EXPECT_EQ(file->pdf_base64, "JVBERi0xLjQK");
  auto tracking = codec::parse_invoice_tracking(fixture_envelope("e-invoice-create-and-issue"));
  ASSERT_TRUE(tracking.ok());
  EXPECT_EQ(tracking->invoice_number, "0000123");
  EXPECT_EQ(tracking->reservation_code, "RSV-9");
  EXPECT_EQ(tracking->code_of_tax, "M1-26-ABCDE-00000000123");
  auto refused = codec::parse_envelope(fixture_response("e-invoice-create-and-issue", 1));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().provider_code, "1060");
  expect_malformed(codec::parse_invoice_file(envelope_with(Json{{"pdfBase64", "x"}})).error(),
                   "data.invoiceCode is missing");
  expect_malformed(codec::parse_invoice_tracking(envelope_with(Json{{"invoiceCode", "I"}, {"url", 1.5}})).error(),
                   "data.url is not a string");
  expect_malformed(codec::parse_invoice_tracking(envelope_with(nullptr)).error(),
                   "data is not an invoice tracking result");
}

TEST(TingeeEInvoiceCodec, InfoDownloadTemplatesEmail) {
  EInvoiceGetInvoiceInfoRequest info{std::nullopt, 5, "INV-1024"};
  EXPECT_EQ(compact(codec::build(info)), fixture_body("e-invoice-get-invoice-info"));
  expect_invalid(codec::build(EInvoiceGetInvoiceInfoRequest{std::nullopt, std::nullopt, ""}),
                 "invoice_code is required");
  EInvoiceDownloadRequest download;
  static_cast<EInvoiceGetInvoiceInfoRequest&>(download) = info;
  EXPECT_EQ(compact(codec::build(download)), fixture_body("e-invoice-download"));
  EXPECT_EQ(codec::parse_invoice_tracking(fixture_envelope("e-invoice-get-invoice-info"))->invoice_number, "0000123");
  EXPECT_EQ(codec::parse_invoice_file(fixture_envelope("e-invoice-download"))->pdf_base64, "JVBERi0xLjQK");

  EInvoiceInvoiceTemplatesRequest t;
  t.merchant_id = 123456;
  t.account_id = 5;
  t.provider = "misa";
  t.tax_code = "0101234567";
  t.username = "ketoan";
  t.password = Secret("<redacted>");
  EXPECT_EQ(compact(codec::build(t)), fixture_body("e-invoice-invoice-templates"));
  auto bad = t;
  bad.merchant_id = 0;
  expect_invalid(codec::build(bad), "merchant_id must be > 0");
  bad = t;
  bad.invoice_no_to_check = -1;
  expect_invalid(codec::build(bad), "invoice_no_to_check must be >= 0");
  auto tpl = codec::parse_invoice_template(fixture_envelope("e-invoice-invoice-templates"));
  ASSERT_TRUE(tpl.ok());
  EXPECT_EQ(tpl->invoice_series, "C26TAA");
  EXPECT_EQ(tpl->quota, 480);
  expect_malformed(codec::parse_invoice_template(envelope_with(Json{{"invoicePattern", "1"}})).error(),
                   "data.invoiceSeries is missing");

  EInvoiceSendEmailRequest e{std::nullopt, 5, "INV-1024", "Nguyễn Văn B", "b@example.vn"};
  EXPECT_EQ(compact(codec::build(e)), fixture_body("e-invoice-send-email"));
  for (const char* address : {"b.example.vn", "@example.vn", "b@", "b@@x", "b c@x"}) {
    auto bad_mail = e;
    bad_mail.recipient_email = address;
    expect_invalid(codec::build(bad_mail), "recipient_email must be an e-mail address");
  }
  EXPECT_TRUE(codec::parse_ack(fixture_envelope("e-invoice-send-email")).ok());
}

}  // namespace
