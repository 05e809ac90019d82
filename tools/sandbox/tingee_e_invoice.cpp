// SPDX-License-Identifier: MIT
// paygw-sandbox — Tingee's e-invoices (/v1/e-invoice/...; get-provider is in tingee.cpp), signed and
// verified like every Tingee request. An invoice's lifecycle through the merchant's accounts at the
// e-invoice providers (codes marked "sandbox" are the sandbox's own; Tingee publishes none; the
// decisions are ADR 0050):
//   create-or-update-account  without id: a new account (a second one of the same merchant, provider
//                             and tax code: 1061, sandbox, as the vendor page says it checks); with id:
//                             that account updated (unknown: 1060). The password is kept only as an
//                             HMAC under a key made at start: never stored, logged or answered in clear.
//   get-paging-account        the accounts, filtered (provider, isDefault, isActive, merchantId, `filter`
//                             a substring of the tax code or username), paged; password "********".
//   delete-account            the account and its invoices are gone (unknown: 1060).
//   invoice-templates         the account's credentials checked (provider, taxCode, username, password;
//                             else 1063): its template (pattern "1", series "C26T" + the provider's
//                             letters) and the room left for invoices (quota).
//   create                    a draft (accountId, else the merchant's default account; none or unknown:
//                             1060; inactive: 1062); the pattern/series must be the account's template
//                             (1064); answers the draft's PDF. An invoiceCode the account already used:
//                             1066 — a create never makes a second invoice.
//   create-and-issue          issues a new invoice, or the account's draft of that invoiceCode (one
//                             invoice, its content replaced): a number, tracking and look-up codes. An
//                             issued invoiceCode: 1066.
//   get-invoice-info          an invoice's tracking data (unknown: 1065); invoiceNumber only once issued.
//   download                  an issued invoice's PDF (a draft: 1067; unknown: 1065).
//   send-email                an issued invoice (1067 for a draft) e-mailed: noted in the event log.
// Bounds: kMaxAccounts accounts and kMaxInvoices invoices in all (or --max-objects when smaller);
// beyond, 1070 (sandbox).
#include "qr_image.hpp"
#include "sandbox.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

namespace paygw::sandbox {
namespace {

constexpr std::size_t kMaxAccounts = 100;
constexpr std::size_t kMaxInvoices = 1000;
constexpr std::size_t kMaxText = 256;      // bytes of any text the sandbox keeps
constexpr long long kDefaultMerchant = 1;  // the merchant of requests without merchantId
constexpr const char* kPasswordMask = "********";

struct Account {
  long long id = 0;
  long long merchant_id = kDefaultMerchant;
  std::string creation_time, provider, tax_code, username;
  std::string password_mac;  // HMAC-SHA512 of the password under EInvoiceWorld::key, never the password
  bool is_default = false;
  bool is_active = true;
  long long issued = 0;  // invoices issued: the next invoice number is issued + 1
};

struct Invoice {
  long long account_id = 0;
  std::string code, pattern, series, date, buyer_name, buyer_email, total;
  std::string status = "draft";  // draft | issued
  std::string tracking_code, number, reservation_code, code_of_tax, url;
  int emails = 0;
};

/// The accounts and invoices (guarded by State::mu).
struct EInvoiceWorld {
  const std::string key = random_token(32);    // the passwords' HMAC key, made at start, never shown
  std::map<long long, Account> accounts;       // by id
  std::map<std::string, Invoice> invoices;     // by invoice_key(accountId, invoiceCode)
  std::map<std::string, std::string> lookups;  // reservationCode -> invoice key
};

std::string invoice_key(long long account_id, const std::string& code) {
  return std::to_string(account_id) + "/" + code;
}

void limit_reached(httplib::Response& res, const std::string& what, std::size_t max) {
  tingee_reply(res, "1070", "Sandbox: at most " + std::to_string(max) + " " + what + " (delete some)");
}

/// A text member: absent is "" (an error when `required`); present, a string of at most kMaxText
/// bytes. Writes the 400 reply and answers false when it is not.
bool read_text(const Json& b, const char* field, bool required, std::string& out, httplib::Response& res) {
  out.clear();
  if (!b.contains(field) || b[field].is_null()) {
    if (required) invalid(res, std::string(field) + " is required");
    return !required;
  }
  if (!b[field].is_string() || b[field].get_ref<const std::string&>().size() > kMaxText) {
    invalid(res, std::string(field) + " must be a string of at most " + std::to_string(kMaxText) + " bytes");
    return false;
  }
  out = b[field].get<std::string>();
  if (required && out.empty()) {
    invalid(res, std::string(field) + " is required");
    return false;
  }
  return true;
}

/// An optional whole-number member (absent: nullopt); false after a 400 reply.
bool read_id(const Json& b, const char* field, std::optional<long long>& out, httplib::Response& res) {
  out.reset();
  if (!b.contains(field) || b[field].is_null()) return true;
  if (!b[field].is_number_integer()) {
    invalid(res, std::string(field) + " must be a whole number");
    return false;
  }
  out = b[field].get<long long>();
  return true;
}

bool valid_provider(const std::string& p) { return p == "x-cyber" || p == "hilo" || p == "s-invoice" || p == "misa"; }

/// The sandbox's invoice template of a provider: form "1" (VAT invoice) and a series "C26T" + two
/// letters of the provider.
std::string series_of(const std::string& provider) {
  if (provider == "x-cyber") return "C26TXC";
  if (provider == "hilo") return "C26THL";
  if (provider == "s-invoice") return "C26TSI";
  return "C26TMS";  // misa
}
constexpr const char* kPattern = "1";

std::string upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

/// `text` as a PDF literal string's content: printable ASCII, the delimiters escaped, '?' for each
/// other character (a UTF-8 sequence counts as one), at most 80 characters.
std::string pdf_text(const std::string& text) {
  std::string out;
  std::size_t shown = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 && byte < 0xC0) continue;  // a UTF-8 continuation byte: its character is one '?'
    if (shown++ == 80) break;
    if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
    out.push_back(byte >= ' ' && byte <= '~' ? c : '?');
  }
  return out;
}

/// A one-page PDF (Helvetica, ASCII) showing the invoice: a few hundred bytes, never more than ~2 KB.
std::string invoice_pdf(const Invoice& inv) {
  const bool draft = inv.status != "issued";
  const std::vector<std::string> lines = {
      draft ? "HOA DON DIEN TU - BAN NHAP (DRAFT) - paygw-sandbox" : "HOA DON DIEN TU - paygw-sandbox",
      "Mau so " + inv.pattern + "  Ky hieu " + inv.series + "  So " + (draft ? std::string("-") : inv.number),
      "Ma hoa don " + inv.code + "  Ngay " + inv.date,
      "Nguoi mua " + inv.buyer_name,
      "Tong cong " + (inv.total.empty() ? std::string("-") : inv.total) + " VND",
      draft ? std::string("Chua phat hanh") : "Ma tra cuu " + inv.reservation_code + "  Ma CQT " + inv.code_of_tax,
  };
  std::string content = "BT /F1 11 Tf 50 800 Td";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    content += (i == 0 ? " (" : " 0 -18 Td (") + pdf_text(lines[i]) + ") Tj";
  }
  content += " ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

Json account_item(const Account& a) {
  return Json{{"id", a.id},
              {"creationTime", a.creation_time},
              {"merchantId", a.merchant_id},
              {"provider", a.provider},
              {"taxCode", a.tax_code},
              {"username", a.username},
              {"password", kPasswordMask},
              {"isDefault", a.is_default},
              {"isActive", a.is_active}};
}

Json tracking(const Invoice& inv) {
  Json out = {{"invoiceCode", inv.code}, {"trackingCode", inv.tracking_code}};
  if (inv.status == "issued") {
    out["invoiceNumber"] = inv.number;
    out["reservationCode"] = inv.reservation_code;
    out["codeOfTax"] = inv.code_of_tax;
    out["url"] = inv.url;
  }
  return out;
}

/// The account an invoice call names: accountId (of the request's merchant, when it names one),
/// else the merchant's default account; nullptr after a 1060 (none) or, when `active`, 1062 reply.
Account* account_for(EInvoiceWorld& w, const Json& b, bool active, httplib::Response& res) {
  std::optional<long long> account_id, merchant_id;
  if (!read_id(b, "accountId", account_id, res) || !read_id(b, "merchantId", merchant_id, res)) return nullptr;
  Account* found = nullptr;
  if (account_id) {
    auto it = w.accounts.find(*account_id);
    if (it != w.accounts.end() && (!merchant_id || *merchant_id == it->second.merchant_id)) found = &it->second;
  } else {
    for (auto& [id, a] : w.accounts) {
      if (a.is_default && a.merchant_id == merchant_id.value_or(kDefaultMerchant)) found = &a;
    }
  }
  if (found == nullptr) {
    tingee_reply(res, "1060", account_id ? "Tài khoản nhà cung cấp không tồn tại" : "Chưa có tài khoản mặc định");
    return nullptr;
  }
  if (active && !found->is_active) {
    tingee_reply(res, "1062", "Tài khoản nhà cung cấp chưa được kích hoạt");
    return nullptr;
  }
  return found;
}

/// The invoice of the request's account and invoiceCode; nullptr after a reply (1060, 1065, 400).
Invoice* invoice_for(EInvoiceWorld& w, const Json& b, bool active, httplib::Response& res) {
  std::string code;
  if (!read_text(b, "invoiceCode", true, code, res)) return nullptr;
  Account* account = account_for(w, b, active, res);
  if (account == nullptr) return nullptr;
  auto it = w.invoices.find(invoice_key(account->id, code));
  if (it == w.invoices.end()) {
    tingee_reply(res, "1065", "Hóa đơn không tồn tại");
    return nullptr;
  }
  return &it->second;
}

void save_account(State& s, EInvoiceWorld& w, const Json& b, httplib::Response& res) {
  std::string provider, tax_code, username, password;
  std::optional<long long> id, merchant_id;
  if (!read_text(b, "provider", true, provider, res) || !read_text(b, "taxCode", true, tax_code, res) ||
      !read_text(b, "username", true, username, res) || !read_text(b, "password", true, password, res) ||
      !read_id(b, "id", id, res) || !read_id(b, "merchantId", merchant_id, res)) {
    return;
  }
  if (!valid_provider(provider)) return invalid(res, "provider must be x-cyber, hilo, s-invoice or misa");
  for (const char* flag : {"isDefault", "isActive"}) {
    if (b.contains(flag) && !b[flag].is_boolean() && !b[flag].is_null()) {
      return invalid(res, std::string(flag) + " must be a boolean");
    }
  }
  Account* account = nullptr;
  if (id) {
    auto it = w.accounts.find(*id);
    if (it == w.accounts.end() || (merchant_id && *merchant_id != it->second.merchant_id)) {
      return tingee_reply(res, "1060", "Tài khoản nhà cung cấp không tồn tại");
    }
    account = &it->second;
  }
  const long long merchant = account != nullptr ? account->merchant_id : merchant_id.value_or(kDefaultMerchant);
  for (const auto& [other_id, other] : w.accounts) {
    if (other_id != id.value_or(0) && other.merchant_id == merchant && other.provider == provider &&
        other.tax_code == tax_code) {
      return tingee_reply(res, "1061", "Tài khoản nhà cung cấp đã tồn tại");
    }
  }
  if (account == nullptr) {
    const std::size_t cap = std::min(kMaxAccounts, s.max_objects);
    if (w.accounts.size() >= cap) return limit_reached(res, "e-invoice accounts", cap);
    const long long new_id = s.next_id++;
    account = &w.accounts[new_id];
    account->id = new_id;
    account->merchant_id = merchant;
    account->creation_time = iso_now();
  }
  account->provider = provider;
  account->tax_code = tax_code;
  account->username = username;
  account->password_mac = hmac_sha512_hex(w.key, password);
  if (b.contains("isActive") && b["isActive"].is_boolean()) account->is_active = b["isActive"].get<bool>();
  if (b.contains("isDefault") && b["isDefault"].is_boolean()) {
    account->is_default = b["isDefault"].get<bool>();
    if (account->is_default) {  // one default account per merchant
      for (auto& [other_id, other] : w.accounts) {
        if (other_id != account->id && other.merchant_id == account->merchant_id) other.is_default = false;
      }
    }
  }
  s.record("tingee", "", id ? "e-invoice-account-updated" : "e-invoice-account-created",
           Json{{"id", account->id}, {"provider", provider}, {"taxCode", tax_code}, {"username", username}});
  tingee_reply(res, "00", "Success", account->id);
}

void delete_account(State& s, EInvoiceWorld& w, const Json& b, httplib::Response& res) {
  std::optional<long long> id, merchant_id;
  if (!read_id(b, "id", id, res) || !read_id(b, "merchantId", merchant_id, res)) return;
  if (!id) return invalid(res, "id is required");
  auto it = w.accounts.find(*id);
  if (it == w.accounts.end() || (merchant_id && *merchant_id != it->second.merchant_id)) {
    return tingee_reply(res, "1060", "Tài khoản nhà cung cấp không tồn tại");
  }
  long long dropped = 0;
  for (auto inv = w.invoices.begin(); inv != w.invoices.end();) {
    if (inv->second.account_id == *id) {
      w.lookups.erase(inv->second.reservation_code);
      inv = w.invoices.erase(inv);
      ++dropped;
    } else {
      ++inv;
    }
  }
  w.accounts.erase(it);
  s.record("tingee", "", "e-invoice-account-deleted", Json{{"id", *id}, {"invoicesDropped", dropped}});
  tingee_reply(res, "00", "Success");
}

void paging_accounts(State&, EInvoiceWorld& w, const Json& b, httplib::Response& res) {
  std::string filter, provider;
  std::optional<long long> merchant_id;
  if (!read_text(b, "filter", false, filter, res) || !read_text(b, "provider", false, provider, res) ||
      !read_id(b, "merchantId", merchant_id, res)) {
    return;
  }
  Json items = Json::array();
  for (const auto& [id, a] : w.accounts) {
    if (!provider.empty() && a.provider != provider) continue;
    if (merchant_id && a.merchant_id != *merchant_id) continue;
    if (b.contains("isDefault") && b["isDefault"].is_boolean() && b["isDefault"].get<bool>() != a.is_default) continue;
    if (b.contains("isActive") && b["isActive"].is_boolean() && b["isActive"].get<bool>() != a.is_active) continue;
    if (!filter.empty() && a.tax_code.find(filter) == std::string::npos &&
        a.username.find(filter) == std::string::npos) {
      continue;
    }
    items.push_back(account_item(a));
  }
  tingee_page_reply(res, b, items);
}

void templates(State& s, EInvoiceWorld& w, const Json& b, httplib::Response& res) {
  std::string provider, tax_code, username, password;
  std::optional<long long> account_id, merchant_id, invoice_no;
  if (!read_text(b, "provider", true, provider, res) || !read_text(b, "taxCode", true, tax_code, res) ||
      !read_text(b, "username", true, username, res) || !read_text(b, "password", true, password, res) ||
      !read_id(b, "accountId", account_id, res) || !read_id(b, "merchantId", merchant_id, res) ||
      !read_id(b, "invoiceNoToCheck", invoice_no, res)) {
    return;
  }
  if (!account_id || !merchant_id || !invoice_no) {
    return invalid(res, "accountId, merchantId and invoiceNoToCheck are required");
  }
  auto it = w.accounts.find(*account_id);
  if (it == w.accounts.end() || it->second.merchant_id != *merchant_id) {
    return tingee_reply(res, "1060", "Tài khoản nhà cung cấp không tồn tại");
  }
  const Account& a = it->second;
  if (a.provider != provider || a.tax_code != tax_code || a.username != username ||
      a.password_mac != hmac_sha512_hex(w.key, password)) {
    return tingee_reply(res, "1063", "Thông tin đăng nhập nhà cung cấp không đúng");
  }
  tingee_reply(res, "00", "Success",
               Json{{"invoicePattern", kPattern},
                    {"invoiceSeries", series_of(a.provider)},
                    {"quota", static_cast<long long>(std::min(kMaxInvoices, s.max_objects) - w.invoices.size())}});
}

/// create (issue = false) and create-and-issue (issue = true).
void create_invoice(State& s, EInvoiceWorld& w, const std::string& base, bool issue, const Json& b,
                    httplib::Response& res) {
  Invoice inv;
  std::string currency;
  if (!read_text(b, "invoicePattern", true, inv.pattern, res) ||
      !read_text(b, "invoiceSeries", true, inv.series, res) || !read_text(b, "invoiceCode", true, inv.code, res) ||
      !read_text(b, "invoiceDate", true, inv.date, res) || !read_text(b, "buyerName", false, inv.buyer_name, res) ||
      !read_text(b, "buyerEmail", false, inv.buyer_email, res) ||
      !read_text(b, "totalAfterTax", false, inv.total, res) || !read_text(b, "currency", false, currency, res)) {
    return;
  }
  if (!b.contains("items") || !b["items"].is_array() || b["items"].empty()) {
    return invalid(res, "items must be a non-empty list");
  }
  for (const auto& item : b["items"]) {
    std::string value;
    if (!item.is_object()) return invalid(res, "each item must be an object");
    for (const char* field : {"itemName", "quantity", "unitPrice", "taxRateCode"}) {
      if (!read_text(item, field, true, value, res)) return;
    }
  }
  Account* account = account_for(w, b, true, res);
  if (account == nullptr) return;
  if (inv.pattern != kPattern || inv.series != series_of(account->provider)) {
    return tingee_reply(res, "1064", "Mẫu số / ký hiệu hóa đơn không đúng");
  }
  inv.account_id = account->id;
  const std::string key = invoice_key(account->id, inv.code);
  auto existing = w.invoices.find(key);
  // One invoice per invoiceCode: a create never makes a second one; create-and-issue issues the draft.
  if (existing != w.invoices.end() && (!issue || existing->second.status == "issued")) {
    return tingee_reply(res, "1066", "invoiceCode đã tồn tại");
  }
  if (existing == w.invoices.end() && w.invoices.size() >= std::min(kMaxInvoices, s.max_objects)) {
    return limit_reached(res, "invoices", std::min(kMaxInvoices, s.max_objects));
  }
  inv.tracking_code =
      existing != w.invoices.end() ? existing->second.tracking_code : "SBX-TRK-" + std::to_string(s.next_id++);
  if (issue) {
    inv.status = "issued";
    inv.number = std::to_string(++account->issued);
    inv.reservation_code = upper(random_token(5));
    inv.code_of_tax = "00" + upper(random_token(16));
    inv.url = base + "/_sandbox/tingee/e-invoice?code=" + inv.reservation_code;
    w.lookups[inv.reservation_code] = key;
  }
  const Invoice& saved = w.invoices[key] = inv;
  s.record("tingee", "", issue ? "e-invoice-issued" : "e-invoice-drafted",
           Json{{"accountId", saved.account_id}, {"invoiceCode", saved.code}, {"invoiceNumber", saved.number}});
  if (issue) return tingee_reply(res, "00", "Success", tracking(saved));
  tingee_reply(res, "00", "Success",
               Json{{"invoiceCode", saved.code}, {"pdfBase64", qrimage::base64(invoice_pdf(saved))}});
}

void invoice_info(State&, EInvoiceWorld& w, const Json& b, httplib::Response& res) {
  const Invoice* inv = invoice_for(w, b, false, res);
  if (inv != nullptr) tingee_reply(res, "00", "Success", tracking(*inv));
}

void download(State&, EInvoiceWorld& w, const Json& b, httplib::Response& res) {
  const Invoice* inv = invoice_for(w, b, false, res);
  if (inv == nullptr) return;
  if (inv->status != "issued") return tingee_reply(res, "1067", "Hóa đơn chưa được phát hành");
  tingee_reply(res, "00", "Success",
               Json{{"invoiceCode", inv->code}, {"pdfBase64", qrimage::base64(invoice_pdf(*inv))}});
}

void send_email(State& s, EInvoiceWorld& w, const Json& b, httplib::Response& res) {
  std::string recipient, buyer;
  if (!read_text(b, "recipientEmail", true, recipient, res) || !read_text(b, "buyerName", false, buyer, res)) return;
  if (recipient.find('@') == std::string::npos) return invalid(res, "recipientEmail must be an e-mail address");
  Invoice* inv = invoice_for(w, b, true, res);
  if (inv == nullptr) return;
  if (inv->status != "issued") return tingee_reply(res, "1067", "Hóa đơn chưa được phát hành");
  ++inv->emails;
  s.record("tingee", "", "e-invoice-emailed",
           Json{{"invoiceCode", inv->code}, {"invoiceNumber", inv->number}, {"recipientEmail", recipient}});
  tingee_reply(res, "00", "Success");
}

/// The sandbox's own base URL as the request reached it.
std::string base_of(const Options& options, const httplib::Request& req) {
  return std::string(options.tls_cert.empty() ? "http://" : "https://") + req.get_header_value("Host");
}

using Route = std::function<void(State&, EInvoiceWorld&, const std::string& base, const Json&, httplib::Response&)>;

}  // namespace

void install_tingee_e_invoice(httplib::Server& server, const Options& options, State& state) {
  auto world = std::make_shared<EInvoiceWorld>();
  state.counters.emplace_back("tingee.e_invoice_accounts", [world] { return world->accounts.size(); });
  state.counters.emplace_back("tingee.e_invoices", [world] { return world->invoices.size(); });
  auto route = [&](const std::string& name, Route handler) {
    post(server, "/v1/e-invoice/" + name,
         [&options, &state, world, handler](const httplib::Request& req, const std::string& body,
                                            httplib::Response& res) {
           if (!tingee_authenticate(options, req, body, res)) return;
           const Json b = Json::parse(body.empty() ? "{}" : body, nullptr, false);
           if (b.is_discarded() || !b.is_object()) return invalid(res, "body must be a JSON object");
           std::lock_guard<std::mutex> lock(state.mu);
           handler(state, *world, base_of(options, req), b, res);
         });
  };
  auto plain = [](void (*f)(State&, EInvoiceWorld&, const Json&, httplib::Response&)) {
    return
        [f](State& s, EInvoiceWorld& w, const std::string&, const Json& b, httplib::Response& res) { f(s, w, b, res); };
  };
  route("get-paging-account", plain(paging_accounts));
  route("create-or-update-account", plain(save_account));
  route("delete-account", plain(delete_account));
  route("invoice-templates", plain(templates));
  route("create", [](State& s, EInvoiceWorld& w, const std::string& base, const Json& b, httplib::Response& res) {
    create_invoice(s, w, base, false, b, res);
  });
  route("create-and-issue", [](State& s, EInvoiceWorld& w, const std::string& base, const Json& b,
                               httplib::Response& res) { create_invoice(s, w, base, true, b, res); });
  route("get-invoice-info", plain(invoice_info));
  route("download", plain(download));
  route("send-email", plain(send_email));
  // The buyer's look-up page an issued invoice's `url` names (unsigned, as a buyer opens it).
  server.Get("/_sandbox/tingee/e-invoice", [&state, world](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(state.mu);
    auto key = world->lookups.find(req.get_param_value("code"));
    auto inv = key == world->lookups.end() ? world->invoices.end() : world->invoices.find(key->second);
    if (inv == world->invoices.end()) return json_reply(res, 404, Json{{"message", "no such invoice"}});
    const Invoice& i = inv->second;
    json_reply(res, 200,
               Json{{"invoiceCode", i.code},
                    {"invoicePattern", i.pattern},
                    {"invoiceSeries", i.series},
                    {"invoiceNumber", i.number},
                    {"invoiceDate", i.date},
                    {"buyerName", i.buyer_name},
                    {"totalAfterTax", i.total},
                    {"codeOfTax", i.code_of_tax},
                    {"status", i.status}});
  });
}

}  // namespace paygw::sandbox
