// SPDX-License-Identifier: MIT
// Integration: Tingee's e-invoices through paygw's client against the sandbox's stateful
// simulation (tools/sandbox/tingee_e_invoice.cpp, ADR 0050): provider accounts created, updated,
// listed and deleted, the password never stored or answered in clear; an invoice's lifecycle —
// create (a draft) → create-and-issue (issued, numbered) → get-invoice-info → download →
// send-email; one invoice per invoiceCode; bounded state. The row checks are run by
// sandbox_tingee_test.cpp's EveryCall tests, blocking and async; the tests below run on their own.
#include "sandbox_fixture.hpp"

#include <unistd.h>

#include <future>
#include <optional>
#include <string>
#include <vector>

namespace paygw::it {
namespace {

constexpr const char* kPdfBase64Start = "JVBERi0";  // base64 of "%PDF-"
constexpr std::size_t kMaxPdfBase64 = 4096;         // the sandbox's documents are small

tingee::Client client(const std::string& url) { return tingee_client(10s, kTingeeSecret, url); }

template <typename T>
void expect_code(const Result<T>& r, const char* code) {
  ASSERT_FALSE(r.ok()) << "expected provider code " << code;
  EXPECT_EQ(r.error().code, ErrorCode::kProvider) << describe(r.error());
  EXPECT_EQ(r.error().provider_code, code) << describe(r.error());
}

std::string series_of(const std::string& provider) {
  if (provider == "x-cyber") return "C26TXC";
  if (provider == "hilo") return "C26THL";
  if (provider == "s-invoice") return "C26TSI";
  return "C26TMS";
}

// A new account's request: a tax code and username no other check uses.
tingee::EInvoiceCreateOrUpdateAccountRequest account_request(const std::string& tag,
                                                             const std::string& provider = "misa",
                                                             const std::string& password = "pw-" + unique_id()) {
  tingee::EInvoiceCreateOrUpdateAccountRequest r;
  r.provider = provider;
  r.tax_code = "MST-" + tag;
  r.username = "kt-" + tag;
  r.password = Secret(password);
  return r;
}

std::int64_t new_account(const tingee::Client& c, const tingee::EInvoiceCreateOrUpdateAccountRequest& r) {
  auto id = c.e_invoice_create_or_update_account(r);
  EXPECT_TRUE(id.ok()) << describe(id.error());
  return id.ok() ? id->id : 0;
}
std::int64_t new_account(const tingee::Client& c, const std::string& provider = "misa") {
  return new_account(c, account_request(unique_id(), provider));
}

template <typename Invoice = tingee::EInvoiceCreateRequest>
Invoice invoice(std::optional<std::int64_t> account_id, const std::string& code, const std::string& provider = "misa") {
  Invoice r;
  r.account_id = account_id;
  r.invoice_pattern = "1";
  r.invoice_series = series_of(provider);
  r.invoice_code = code;
  r.invoice_date = "2026-07-16";
  r.buyer_name = "Nguyễn Văn B";
  r.buyer_email = "b@example.vn";
  tingee::InvoiceItem item;
  item.item_name = "Cà phê sữa";
  item.unit_name = "ly";
  item.quantity = "2";
  item.unit_price = 25000;
  item.tax_rate_code = "8";
  item.total_after_tax = 54000;
  r.items = {item};
  r.total_after_tax = 54000;
  return r;
}
tingee::EInvoiceCreateAndIssueRequest issued(std::optional<std::int64_t> account_id, const std::string& code,
                                             const std::string& provider = "misa") {
  return invoice<tingee::EInvoiceCreateAndIssueRequest>(account_id, code, provider);
}

template <typename Key = tingee::EInvoiceGetInvoiceInfoRequest>
Key key(std::int64_t account_id, const std::string& code) {
  Key r;
  r.account_id = account_id;
  r.invoice_code = code;
  return r;
}

tingee::EInvoiceSendEmailRequest email(std::int64_t account_id, const std::string& code,
                                       const std::string& to = "b@example.vn") {
  return {std::nullopt, account_id, code, "Nguyen Van B", to};
}

tingee::EInvoiceInvoiceTemplatesRequest templates(std::int64_t account_id,
                                                  const tingee::EInvoiceCreateOrUpdateAccountRequest& a) {
  return {1, account_id, a.provider, a.tax_code, a.username, a.password, 0};
}

// The accounts whose tax code or username contains `filter`.
std::vector<tingee::EInvoiceAccount> listed(const tingee::Client& c, const std::string& filter) {
  tingee::EInvoiceGetPagingAccountRequest r;
  r.filter = filter;
  r.max_result_count = 100;
  auto page = c.e_invoice_get_paging_account(r);
  EXPECT_TRUE(page.ok()) << describe(page.error());
  return page.ok() ? page->items : std::vector<tingee::EInvoiceAccount>{};
}

void expect_pdf(const tingee::InvoiceFile& file, const std::string& code) {
  EXPECT_EQ(file.invoice_code, code);
  EXPECT_EQ(file.pdf_base64.rfind(kPdfBase64Start, 0), 0u) << file.pdf_base64.substr(0, 16);
  EXPECT_LE(file.pdf_base64.size(), kMaxPdfBase64);
}

// The events of the sandbox at `url` named `name`.
std::vector<nlohmann::json> events(const std::string& url, const std::string& name) {
  std::vector<nlohmann::json> out;
  for (const auto& e : sandbox_get("/_sandbox/events", url)) {
    if (e.value("event", "") == name) out.push_back(e);
  }
  return out;
}

// The path of an absolute URL of the sandbox at `base` ("" when it is not the sandbox's).
std::string path_of(const std::string& url, const std::string& base) {
  return url.rfind(base, 0) == 0 ? url.substr(base.size()) : "";
}

}  // namespace

Checks tingee_e_invoice_checks() {
  Checks k;
  k["tingee.e_invoice_get_paging_account"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const std::string tag = "PG" + unique_id();
    const std::string password = "pw-paging-" + unique_id();
    auto first = account_request(tag + "-1", "misa", password);
    first.is_default = true;
    const auto first_id = new_account(c, first);
    auto second = account_request(tag + "-2", "hilo", password);
    second.is_active = false;
    const auto second_id = new_account(c, second);
    ASSERT_GT(first_id, 0);
    ASSERT_GT(second_id, 0);
    tingee::EInvoiceGetPagingAccountRequest r;
    r.filter = tag;
    r.max_result_count = 1;
    auto page = IT_CALL(async, c, e_invoice_get_paging_account, (r));
    ASSERT_OK(page);
    EXPECT_EQ(page->total_count.value_or(-1), 2);
    ASSERT_EQ(page->items.size(), 1u);
    EXPECT_EQ(page->message, "Success");
    r.max_result_count = 10;
    auto all = IT_CALL(async, c, e_invoice_get_paging_account, (r));
    ASSERT_OK(all);
    ASSERT_EQ(all->items.size(), 2u);
    for (const auto& a : all->items) {
      EXPECT_NE(a.password.reveal(), password) << "the password is never answered in clear";
      EXPECT_EQ(a.password.reveal(), "********");
      EXPECT_EQ(a.merchant_id.value_or(0), 1);
      EXPECT_FALSE(a.creation_time.empty());
      if (a.id == first_id) {
        EXPECT_EQ(a.provider, "misa");
        EXPECT_EQ(a.tax_code, "MST-" + tag + "-1");
        EXPECT_EQ(a.username, "kt-" + tag + "-1");
        EXPECT_EQ(a.is_default, true);
        EXPECT_EQ(a.is_active, true);
      } else {
        EXPECT_EQ(a.id, second_id);
        EXPECT_EQ(a.provider, "hilo");
        EXPECT_EQ(a.is_default, false);
        EXPECT_EQ(a.is_active, false);
      }
    }
    r.is_active = true;
    auto active = IT_CALL(async, c, e_invoice_get_paging_account, (r));
    ASSERT_OK(active);
    ASSERT_EQ(active->items.size(), 1u);
    EXPECT_EQ(active->items[0].id, first_id);
    r.is_active.reset();
    r.provider = "x-cyber";
    auto none = IT_CALL(async, c, e_invoice_get_paging_account, (r));
    ASSERT_OK(none);
    EXPECT_EQ(none->total_count.value_or(-1), 0);
  };
  k["tingee.e_invoice_create_or_update_account"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const std::string tag = unique_id();
    auto request = account_request(tag);
    auto created = IT_CALL(async, c, e_invoice_create_or_update_account, (request));
    ASSERT_OK(created);
    EXPECT_GT(created->id, 0);
    EXPECT_EQ(created->message, "Success");
    // The same merchant, provider and tax code again without id: refused, no second account.
    auto again = IT_CALL(async, c, e_invoice_create_or_update_account, (request));
    expect_code(again, "1061");
    EXPECT_EQ(listed(c, "MST-" + tag).size(), 1u);
    // With id: that account updated (its username and password).
    auto update = request;
    update.id = created->id;
    update.username = "kt-new-" + tag;
    update.password = Secret("pw-new-" + tag);
    auto updated = IT_CALL(async, c, e_invoice_create_or_update_account, (update));
    ASSERT_OK(updated);
    EXPECT_EQ(updated->id, created->id);
    const auto accounts = listed(c, "MST-" + tag);
    ASSERT_EQ(accounts.size(), 1u);
    EXPECT_EQ(accounts[0].username, "kt-new-" + tag);
    // The new password is the one the provider checks.
    expect_code(c.e_invoice_invoice_templates(templates(created->id, request)), "1063");
    EXPECT_OK(c.e_invoice_invoice_templates(templates(created->id, update)));
    auto unknown = update;
    unknown.id = created->id + 1'000'000;
    expect_code(IT_CALL(async, c, e_invoice_create_or_update_account, (unknown)), "1060");
    auto no_password = request;
    no_password.password = Secret();
    auto refused = IT_CALL(async, c, e_invoice_create_or_update_account, (no_password));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(refused.error().delivery, Delivery::kNotSent);
  };
  k["tingee.e_invoice_delete_account"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const std::string tag = unique_id();
    const auto id = new_account(c, account_request(tag));
    ASSERT_GT(id, 0);
    ASSERT_OK(c.e_invoice_create_and_issue(issued(id, "DEL-" + tag)));
    auto deleted =
        IT_CALL(async, c, e_invoice_delete_account, (tingee::EInvoiceDeleteAccountRequest{id, std::nullopt}));
    ASSERT_OK(deleted);
    EXPECT_EQ(deleted->message, "Success");
    EXPECT_TRUE(listed(c, "MST-" + tag).empty());
    // Its invoices can no longer be reached; and it is gone.
    expect_code(c.e_invoice_get_invoice_info(key(id, "DEL-" + tag)), "1060");
    expect_code(IT_CALL(async, c, e_invoice_delete_account, (tingee::EInvoiceDeleteAccountRequest{id, std::nullopt})),
                "1060");
    auto invalid = IT_CALL(async, c, e_invoice_delete_account, (tingee::EInvoiceDeleteAccountRequest{0, std::nullopt}));
    ASSERT_FALSE(invalid.ok());
    EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidArgument);
  };
  k["tingee.e_invoice_create"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const auto id = new_account(c);
    ASSERT_GT(id, 0);
    const std::string code = "DR-" + unique_id();
    auto draft = IT_CALL(async, c, e_invoice_create, (invoice(id, code)));
    ASSERT_OK(draft);
    expect_pdf(*draft, code);
    EXPECT_EQ(draft->message, "Success");
    auto info = c.e_invoice_get_invoice_info(key(id, code));
    ASSERT_OK(info);
    EXPECT_TRUE(info->invoice_number.empty()) << "a draft has no number";
    // The same invoiceCode again (a retry by hand after a lost answer): no second invoice.
    expect_code(IT_CALL(async, c, e_invoice_create, (invoice(id, code))), "1066");
    // A draft is neither downloaded nor mailed.
    expect_code(c.e_invoice_download(key<tingee::EInvoiceDownloadRequest>(id, code)), "1067");
    expect_code(c.e_invoice_send_email(email(id, code)), "1067");
    // The series must be the account's template's; the account must exist.
    expect_code(IT_CALL(async, c, e_invoice_create, (invoice(id, "DR2-" + unique_id(), "hilo"))), "1064");
    expect_code(IT_CALL(async, c, e_invoice_create, (invoice(id + 1'000'000, "DR3-" + unique_id()))), "1060");
    auto no_default = invoice(std::nullopt, "DR4-" + unique_id());
    no_default.merchant_id = 900'000'000 + static_cast<std::int64_t>(getpid());  // a merchant with no account
    expect_code(IT_CALL(async, c, e_invoice_create, (no_default)), "1060");
    auto empty = invoice(id, "DR5-" + unique_id());
    empty.items.clear();
    auto refused = IT_CALL(async, c, e_invoice_create, (empty));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(refused.error().delivery, Delivery::kNotSent);
  };
  k["tingee.e_invoice_create_and_issue"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const auto id = new_account(c, "x-cyber");
    ASSERT_GT(id, 0);
    const std::string tag = unique_id();
    auto first = IT_CALL(async, c, e_invoice_create_and_issue, (issued(id, "IS1-" + tag, "x-cyber")));
    ASSERT_OK(first);
    EXPECT_EQ(first->invoice_code, "IS1-" + tag);
    EXPECT_EQ(first->invoice_number, "1");
    EXPECT_FALSE(first->tracking_code.empty());
    EXPECT_FALSE(first->reservation_code.empty());
    EXPECT_EQ(first->code_of_tax.size(), 34u);
    EXPECT_EQ(first->message, "Success");
    // The buyer's look-up page the url names shows the issued invoice.
    const std::string page = path_of(first->url, url);
    ASSERT_FALSE(page.empty()) << first->url;
    const auto shown = sandbox_get(page, url);
    EXPECT_EQ(shown.value("status", ""), "issued") << shown.dump();
    EXPECT_EQ(shown.value("invoiceNumber", ""), "1");
    EXPECT_EQ(shown.value("invoiceSeries", ""), "C26TXC");
    // Numbers follow each other; an issued invoiceCode is never issued twice.
    auto second = IT_CALL(async, c, e_invoice_create_and_issue, (issued(id, "IS2-" + tag, "x-cyber")));
    ASSERT_OK(second);
    EXPECT_EQ(second->invoice_number, "2");
    expect_code(IT_CALL(async, c, e_invoice_create_and_issue, (issued(id, "IS1-" + tag, "x-cyber"))), "1066");
    // A draft of that invoiceCode is issued: one invoice, numbered.
    ASSERT_OK(c.e_invoice_create(invoice(id, "IS3-" + tag, "x-cyber")));
    auto from_draft = IT_CALL(async, c, e_invoice_create_and_issue, (issued(id, "IS3-" + tag, "x-cyber")));
    ASSERT_OK(from_draft);
    EXPECT_EQ(from_draft->invoice_number, "3");
    auto info = c.e_invoice_get_invoice_info(key(id, "IS3-" + tag));
    ASSERT_OK(info);
    EXPECT_EQ(info->invoice_number, "3");
    // An inactive account issues nothing.
    auto inactive = account_request(unique_id());
    inactive.is_active = false;
    const auto inactive_id = new_account(c, inactive);
    ASSERT_GT(inactive_id, 0);
    expect_code(IT_CALL(async, c, e_invoice_create_and_issue, (issued(inactive_id, "IS4-" + tag))), "1062");
  };
  k["tingee.e_invoice_get_invoice_info"] = [](const std::string& url, bool async) {
    auto c = client(url);
    // The merchant's default account stands for an absent account_id.
    const std::int64_t merchant = 800'000'000 + static_cast<std::int64_t>(getpid()) * 10 + (async ? 1 : 0);
    auto request = account_request(unique_id());
    request.merchant_id = merchant;
    request.is_default = true;
    const auto id = new_account(c, request);
    ASSERT_GT(id, 0);
    const std::string code = "INFO-" + unique_id();
    auto issue = issued(std::nullopt, code);
    issue.merchant_id = merchant;
    auto done = c.e_invoice_create_and_issue(issue);
    ASSERT_OK(done);
    tingee::EInvoiceGetInvoiceInfoRequest by_default{merchant, std::nullopt, code};
    auto info = IT_CALL(async, c, e_invoice_get_invoice_info, (by_default));
    ASSERT_OK(info);
    EXPECT_EQ(info->invoice_code, code);
    EXPECT_EQ(info->invoice_number, done->invoice_number);
    EXPECT_EQ(info->tracking_code, done->tracking_code);
    EXPECT_EQ(info->reservation_code, done->reservation_code);
    EXPECT_EQ(info->code_of_tax, done->code_of_tax);
    EXPECT_EQ(info->url, done->url);
    auto by_id = IT_CALL(async, c, e_invoice_get_invoice_info, (key(id, code)));
    ASSERT_OK(by_id);
    EXPECT_EQ(by_id->invoice_number, done->invoice_number);
    expect_code(IT_CALL(async, c, e_invoice_get_invoice_info, (key(id, "NO-SUCH-" + code))), "1065");
    tingee::EInvoiceGetInvoiceInfoRequest other_merchant{merchant + 1, id, code};
    expect_code(IT_CALL(async, c, e_invoice_get_invoice_info, (other_merchant)), "1060");
  };
  k["tingee.e_invoice_download"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const auto id = new_account(c, "s-invoice");
    ASSERT_GT(id, 0);
    const std::string code = "DL-" + unique_id();
    ASSERT_OK(c.e_invoice_create(invoice(id, code, "s-invoice")));
    expect_code(IT_CALL(async, c, e_invoice_download, (key<tingee::EInvoiceDownloadRequest>(id, code))), "1067");
    ASSERT_OK(c.e_invoice_create_and_issue(issued(id, code, "s-invoice")));
    auto file = IT_CALL(async, c, e_invoice_download, (key<tingee::EInvoiceDownloadRequest>(id, code)));
    ASSERT_OK(file);
    expect_pdf(*file, code);
    expect_code(IT_CALL(async, c, e_invoice_download, (key<tingee::EInvoiceDownloadRequest>(id, "NO-" + code))),
                "1065");
  };
  k["tingee.e_invoice_invoice_templates"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const auto account = account_request(unique_id(), "hilo");
    const auto id = new_account(c, account);
    ASSERT_GT(id, 0);
    auto before = IT_CALL(async, c, e_invoice_invoice_templates, (templates(id, account)));
    ASSERT_OK(before);
    EXPECT_EQ(before->invoice_pattern, "1");
    EXPECT_EQ(before->invoice_series, "C26THL");
    ASSERT_TRUE(before->quota.has_value());
    EXPECT_EQ(before->message, "Success");
    ASSERT_OK(c.e_invoice_create_and_issue(issued(id, "TPL-" + unique_id(), "hilo")));
    auto after = IT_CALL(async, c, e_invoice_invoice_templates, (templates(id, account)));
    ASSERT_OK(after);
    EXPECT_EQ(after->quota.value_or(-1), *before->quota - 1) << "one invoice less left";
    auto wrong = templates(id, account);
    wrong.password = Secret("not-the-password");
    expect_code(IT_CALL(async, c, e_invoice_invoice_templates, (wrong)), "1063");
    auto other_merchant = templates(id, account);
    other_merchant.merchant_id = 2;
    expect_code(IT_CALL(async, c, e_invoice_invoice_templates, (other_merchant)), "1060");
  };
  k["tingee.e_invoice_send_email"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const auto id = new_account(c);
    ASSERT_GT(id, 0);
    const std::string code = "EM-" + unique_id();
    ASSERT_OK(c.e_invoice_create(invoice(id, code)));
    expect_code(IT_CALL(async, c, e_invoice_send_email, (email(id, code))), "1067");
    ASSERT_OK(c.e_invoice_create_and_issue(issued(id, code)));
    const std::string to = "buyer-" + unique_id() + "@example.vn";
    auto sent = IT_CALL(async, c, e_invoice_send_email, (email(id, code, to)));
    ASSERT_OK(sent);
    EXPECT_EQ(sent->message, "Success");
    bool mailed = false;
    for (const auto& e : events(url, "e-invoice-emailed")) {
      mailed =
          mailed || (e["detail"].value("recipientEmail", "") == to && e["detail"].value("invoiceCode", "") == code);
    }
    EXPECT_TRUE(mailed);
    auto bad = IT_CALL(async, c, e_invoice_send_email, (email(id, code, "not-an-address")));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(bad.error().delivery, Delivery::kNotSent);
    expect_code(IT_CALL(async, c, e_invoice_send_email, (email(id, "NO-" + code))), "1065");
  };
  return k;
}

// An invoice's whole life, blocking then async: an account, its template, a draft, the draft
// issued, looked up, downloaded, mailed; the account deleted. The password never shows.
TEST(SandboxTingeeEInvoice, LifecycleEndToEnd) {
  for (const bool async : {false, true}) {
    SCOPED_TRACE(async ? "async" : "blocking");
    auto c = client(sandbox().url());
    const std::string tag = "LC" + unique_id();
    const std::string password = "pw-lifecycle-SECRET-" + tag;
    auto account = account_request(tag, "misa", password);
    account.is_default = true;
    auto saved = IT_CALL(async, c, e_invoice_create_or_update_account, (account));
    ASSERT_OK(saved);
    const auto id = saved->id;
    auto tpl = IT_CALL(async, c, e_invoice_invoice_templates, (templates(id, account)));
    ASSERT_OK(tpl);
    auto draft_request = invoice(id, "LC-" + tag);
    draft_request.invoice_pattern = tpl->invoice_pattern;
    draft_request.invoice_series = tpl->invoice_series;
    auto draft = IT_CALL(async, c, e_invoice_create, (draft_request));
    ASSERT_OK(draft);
    auto info = IT_CALL(async, c, e_invoice_get_invoice_info, (key(id, draft->invoice_code)));
    ASSERT_OK(info);
    EXPECT_TRUE(info->invoice_number.empty());
    expect_code(IT_CALL(async, c, e_invoice_download, (key<tingee::EInvoiceDownloadRequest>(id, draft->invoice_code))),
                "1067");
    tingee::EInvoiceCreateAndIssueRequest issue;
    static_cast<tingee::EInvoiceCreateRequest&>(issue) = draft_request;
    auto tracking = IT_CALL(async, c, e_invoice_create_and_issue, (issue));
    ASSERT_OK(tracking);
    EXPECT_EQ(tracking->invoice_number, "1");
    auto now = IT_CALL(async, c, e_invoice_get_invoice_info, (key(id, draft->invoice_code)));
    ASSERT_OK(now);
    EXPECT_EQ(now->invoice_number, "1");
    auto file = IT_CALL(async, c, e_invoice_download, (key<tingee::EInvoiceDownloadRequest>(id, draft->invoice_code)));
    ASSERT_OK(file);
    expect_pdf(*file, draft->invoice_code);
    EXPECT_NE(file->pdf_base64, draft->pdf_base64) << "the issued document is not the draft's";
    ASSERT_OK(IT_CALL(async, c, e_invoice_send_email, (email(id, draft->invoice_code))));
    ASSERT_OK(IT_CALL(async, c, e_invoice_delete_account, (tingee::EInvoiceDeleteAccountRequest{id, std::nullopt})));
    expect_code(IT_CALL(async, c, e_invoice_get_invoice_info, (key(id, draft->invoice_code))), "1060");
    // The password was never kept or shown in clear: not in the event log, nor on the screens page.
    for (const char* path : {"/_sandbox/events", "/_sandbox/screens"}) {
      EXPECT_EQ(sandbox_get(path).dump().find(password), std::string::npos) << path;
    }
    EXPECT_FALSE(events(sandbox().url(), "e-invoice-issued").empty());
  }
}

// Bounded state: at most 100 accounts and 1000 invoices; beyond, a clear 1070 that names the
// bound; deleting makes room again.
TEST(SandboxTingeeEInvoice, StateIsBounded) {
  Sandbox own;
  ASSERT_FALSE(own.url().empty()) << own.output();
  auto c = client(own.url());
  std::vector<tingee::EInvoiceCreateOrUpdateAccountRequest> accounts;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 100; ++i) {
    accounts.push_back(account_request("CAP" + std::to_string(i)));
    auto id = c.e_invoice_create_or_update_account(accounts.back());
    ASSERT_OK(id);
    ids.push_back(id->id);
  }
  auto over = c.e_invoice_create_or_update_account(account_request("CAP-over"));
  ASSERT_FALSE(over.ok());
  expect_code(over, "1070");
  EXPECT_NE(over.error().message.find("at most 100"), std::string::npos) << over.error().message;
  ASSERT_OK(c.e_invoice_delete_account({ids.back(), std::nullopt}));
  ids.pop_back();
  ASSERT_OK(c.e_invoice_create_or_update_account(account_request("CAP-room")));

  // 1000 invoices, sent 50 at a time without blocking.
  for (int batch = 0; batch < 20; ++batch) {
    std::vector<std::future<Result<tingee::InvoiceFile>>> pending;
    for (int i = 0; i < 50; ++i) {
      pending.push_back(c.e_invoice_create_async(invoice(ids[0], "CAP-" + std::to_string(batch * 50 + i))));
    }
    for (auto& f : pending) ASSERT_OK(f.get());
  }
  auto full = c.e_invoice_create(invoice(ids[1], "CAP-over"));
  ASSERT_FALSE(full.ok());
  expect_code(full, "1070");
  EXPECT_NE(full.error().message.find("at most 1000"), std::string::npos) << full.error().message;
  auto quota = c.e_invoice_invoice_templates(templates(ids[1], accounts[1]));
  ASSERT_OK(quota);
  EXPECT_EQ(quota->quota.value_or(-1), 0) << "no room left";
  ASSERT_OK(c.e_invoice_delete_account({ids[0], std::nullopt}));  // its 1000 invoices go with it
  ASSERT_OK(c.e_invoice_create(invoice(ids[1], "CAP-over")));
}

}  // namespace paygw::it
