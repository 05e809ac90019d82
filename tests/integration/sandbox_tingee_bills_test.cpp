// SPDX-License-Identifier: MIT
// Integration: the checks of Tingee's bank group through paygw's client — dynamic-QR bills
// (generate, status, delete), transaction/get-paging and get-banks — each on both path prefixes
// (Config::bank_path_prefix: /v1 and /v1/bank), blocking and async. Bills are paid through the
// sandbox's /_sandbox/tingee/payments. Run by sandbox_tingee_test.cpp's EveryCall tests.
#include "sandbox_fixture.hpp"

namespace paygw::it {
namespace {

using Json = nlohmann::json;
using Prefix = tingee::BankPathPrefix;

constexpr Prefix kPrefixes[] = {Prefix::kV1, Prefix::kV1Bank};

tingee::Client client(const std::string& url, Prefix prefix) { return tingee_client(10s, kTingeeSecret, url, prefix); }

// A new bill of `amount` on VA V1T123456789 (BIDV: by BIN on /v1, by bank name on /v1/bank).
tingee::GenerateDynamicQrRequest bill_request(Prefix prefix, Vnd amount) {
  tingee::GenerateDynamicQrRequest r;
  r.va_account_number = "V1T123456789";
  if (prefix == Prefix::kV1) {
    r.bank_bin = "970418";
  } else {
    r.bank_name = "BIDV";
  }
  r.amount = amount;
  r.purpose = "DH " + unique_id();
  r.expire_in_minute = 15;
  return r;
}

tingee::DynamicQrBill new_bill(const tingee::Client& c, Prefix prefix, Vnd amount) {
  auto bill = c.generate_dynamic_qr(bill_request(prefix, amount));
  EXPECT_OK(bill);
  return bill.ok() ? *bill : tingee::DynamicQrBill{};
}

// Pays `bill` through the sandbox (a signed webhook to the receiver); the sandbox records the payment.
void pay(const tingee::DynamicQrBill& bill, const std::string& url) {
  httplib::Client http(url);
  const Json body = {{"billId", bill.bill_id}, {"url", receiver().url(unique_path("tingee/bill"))}};
  auto r = http.Post("/_sandbox/tingee/payments", body.dump(), "application/json");
  ASSERT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
  EXPECT_NE(r->body.find("\"deliveries\":[200]"), std::string::npos) << r->body;
}

std::string in_hours(int hours) {
  return tingee::format_transaction_time(std::chrono::system_clock::now() + std::chrono::hours(hours));
}

}  // namespace

Checks tingee_bill_checks() {
  Checks k;
  k["tingee.generate_dynamic_qr"] = [](const std::string& url, bool async) {
    for (const Prefix prefix : kPrefixes) {
      SCOPED_TRACE(std::string(tingee::path_prefix(prefix)));
      auto c = client(url, prefix);
      const auto request = bill_request(prefix, 150000);
      auto bill = IT_CALL(async, c, generate_dynamic_qr, (request));
      ASSERT_OK(bill);
      EXPECT_EQ(bill->bill_id.rfind("SBX-BILL-", 0), 0u) << bill->bill_id;
      EXPECT_EQ(bill->qr_account, "V1T123456789");
      EXPECT_EQ(bill->message, "Success");
      auto qr = vietqr::parse(bill->qr_code);  // paygw's own check accepts the bill's QR
      ASSERT_TRUE(qr.ok()) << bill->qr_code;
      EXPECT_EQ(qr->bin, "970418") << "BIDV, by BIN or by name";
      EXPECT_EQ(qr->account, "V1T123456789");
      EXPECT_EQ(qr->amount, 150000);
      EXPECT_EQ(qr->purpose, request.purpose);
      auto zero = bill_request(prefix, 0);
      auto refused = IT_CALL(async, c, generate_dynamic_qr, (zero));
      ASSERT_FALSE(refused.ok());
      EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(refused.error().delivery, Delivery::kNotSent);
    }
  };
  k["tingee.get_dynamic_qr_status"] = [](const std::string& url, bool async) {
    for (const Prefix prefix : kPrefixes) {
      SCOPED_TRACE(std::string(tingee::path_prefix(prefix)));
      auto c = client(url, prefix);
      const auto bill = new_bill(c, prefix, 185000);
      const tingee::GetDynamicQrStatusRequest key{bill.qr_account, bill.bill_id, std::nullopt};
      auto unpaid = IT_CALL(async, c, get_dynamic_qr_status, (key));
      ASSERT_OK(unpaid);
      EXPECT_EQ(unpaid->bill.bill_id, bill.bill_id);
      EXPECT_EQ(unpaid->bill.amount, 185000);
      EXPECT_EQ(unpaid->bill.status, "unpaid");
      EXPECT_EQ(unpaid->bill.qr_code_type, "dynamic-one-time-payment");
      EXPECT_EQ(unpaid->bill.bank_bin, "970418");
      EXPECT_EQ(unpaid->bill.expire_in_minute, 15);
      EXPECT_EQ(unpaid->bill.total_amount_paid, 0);
      EXPECT_TRUE(unpaid->transactions.empty());
      pay(bill, url);
      auto paid = IT_CALL(async, c, get_dynamic_qr_status, (key));
      ASSERT_OK(paid);
      EXPECT_EQ(paid->bill.status, "paid");
      EXPECT_EQ(paid->bill.total_amount_paid, 185000);
      EXPECT_EQ(paid->bill.total_payments_count, 1);
      ASSERT_EQ(paid->transactions.size(), 1u);
      EXPECT_EQ(paid->transactions[0].amount, 185000);
      EXPECT_EQ(paid->transactions[0].bill_id, bill.bill_id);
      EXPECT_EQ(paid->transactions[0].va_account_number, "V1T123456789");
      auto unknown = IT_CALL(async, c, get_dynamic_qr_status, ({bill.qr_account, "NO-SUCH-BILL", std::nullopt}));
      ASSERT_FALSE(unknown.ok());
      EXPECT_EQ(unknown.error().provider_code, "1003");
    }
  };
  k["tingee.delete_dynamic_qr"] = [](const std::string& url, bool async) {
    for (const Prefix prefix : kPrefixes) {
      SCOPED_TRACE(std::string(tingee::path_prefix(prefix)));
      auto c = client(url, prefix);
      const auto bill = new_bill(c, prefix, 99000);
      const tingee::DeleteDynamicQrRequest key{bill.qr_account, bill.bill_id, std::nullopt};
      auto deleted = IT_CALL(async, c, delete_dynamic_qr, (key));
      ASSERT_OK(deleted);
      EXPECT_EQ(deleted->message, "Success");
      auto status = c.get_dynamic_qr_status({bill.qr_account, bill.bill_id, std::nullopt});
      ASSERT_FALSE(status.ok());
      EXPECT_EQ(status.error().provider_code, "1003") << "a deleted bill does not exist";
      auto again = IT_CALL(async, c, delete_dynamic_qr, (key));
      ASSERT_FALSE(again.ok());
      EXPECT_EQ(again.error().code, ErrorCode::kProvider);
      EXPECT_EQ(again.error().provider_code, "1003");
    }
  };
  k["tingee.get_transaction_paging"] = [](const std::string& url, bool async) {
    for (const Prefix prefix : kPrefixes) {  // the transaction path is fixed: no prefix changes it
      SCOPED_TRACE(std::string(tingee::path_prefix(prefix)));
      auto c = client(url, prefix);
      const auto bill = new_bill(c, prefix, 42000);
      pay(bill, url);
      tingee::GetTransactionPagingRequest r;
      r.start_time = in_hours(-1);
      r.end_time = in_hours(1);
      r.bill_id = bill.bill_id;
      auto page = IT_CALL(async, c, get_transaction_paging, (r));
      ASSERT_OK(page);
      EXPECT_EQ(page->total_count, 1);
      ASSERT_EQ(page->items.size(), 1u);
      const auto& t = page->items[0];
      EXPECT_EQ(t.amount, 42000);
      EXPECT_EQ(t.bill_id, bill.bill_id);
      EXPECT_EQ(t.va_account_number, "V1T123456789");
      EXPECT_EQ(t.type, "CREDIT");
      EXPECT_EQ(t.currency, "VND");
      EXPECT_EQ(t.transaction_id.rfind("0400/FT", 0), 0u) << t.transaction_id;
      EXPECT_GE(t.transaction_date, r.start_time);
      EXPECT_LE(t.transaction_date, r.end_time);
      r.start_time = in_hours(-48);  // a window that ends before the payment
      r.end_time = in_hours(-24);
      auto before = IT_CALL(async, c, get_transaction_paging, (r));
      ASSERT_OK(before);
      EXPECT_TRUE(before->items.empty());
      EXPECT_EQ(before->total_count, 0);
      r.start_time = in_hours(-24 * 10);  // more than 10 days: refused before sending
      r.end_time = in_hours(1);
      auto wide = IT_CALL(async, c, get_transaction_paging, (r));
      ASSERT_FALSE(wide.ok());
      EXPECT_EQ(wide.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(wide.error().delivery, Delivery::kNotSent);
    }
  };
  k["tingee.get_banks"] = [](const std::string& url, bool async) {
    for (const Prefix prefix : kPrefixes) {
      SCOPED_TRACE(std::string(tingee::path_prefix(prefix)));
      auto c = client(url, prefix);
      auto banks = IT_CALL(async, c, get_banks, ());
      ASSERT_OK(banks);
      EXPECT_EQ(banks->message, "") << "the sandbox answers a bare array, as Tingee does";
      ASSERT_EQ(banks->banks.size(), 15u);
      bool bidv = false;
      for (const auto& b : banks->banks) {
        EXPECT_EQ(b.bin.size(), 6u) << b.code;
        if (b.code == "BIDV") bidv = b.bin == "970418";
      }
      EXPECT_TRUE(bidv) << "BIDV is 970418";
      // The sandbox serves paygw's VietQR bank directory: merging its answer changes nothing, and
      // every bank it lists has the directory's names under its Tingee code.
      tingee::BankMergeReport report;
      auto merged = tingee::merge_banks(vietqr::bank_directory(), *banks, &report);
      ASSERT_TRUE(merged.ok()) << merged.error().message;
      EXPECT_EQ(report.unchanged, 15u);
      EXPECT_EQ(merged->to_tsv(), vietqr::bank_directory().to_tsv());
      for (const auto& b : banks->banks) {
        const vietqr::Bank* known = vietqr::bank_directory().find_by_code(b.code);
        ASSERT_NE(known, nullptr) << b.code;
        EXPECT_EQ(known->bin, b.bin) << b.code;
        EXPECT_EQ(known->short_name, b.short_name) << b.code;
        EXPECT_EQ(known->name, b.name) << b.code;
      }
    }
  };
  return k;
}

}  // namespace paygw::it
