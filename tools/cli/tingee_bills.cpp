// SPDX-License-Identifier: MIT
// paygw CLI — `paygw tingee ...` for Tingee's bank group: dynamic-QR bills (generate-dynamic-qr,
// get-status-dynamic-qr, delete-dynamic-qr), transactions (transaction/get-paging) and get-banks.
// The bill and bank paths carry the prefix of the global --bank-prefix (v1 or v1/bank).
#include "tingee.hpp"

#include <fstream>
#include <iostream>

namespace paygw::cli::tingee_cli {
namespace {

// A yyyyMMddHHmmss time (UTC+7), as transaction/get-paging takes it.
CLI::Validator transaction_time() {
  return CLI::Validator(
      [](std::string& v) {
        return v.size() == 14 && v.find_first_not_of("0123456789") == std::string::npos
                   ? std::string()
                   : std::string("must be yyyyMMddHHmmss (14 digits, Vietnam time), not '" + v + "'");
      },
      "TIME");
}

Json transaction(const tingee::Transaction& t) {
  Json j = {{"transaction_id", t.transaction_id},
            {"amount", t.amount},
            {"type", t.type},
            {"content", t.content},
            {"currency", t.currency},
            {"bank_bin", t.bank_bin},
            {"account_number", t.account_number},
            {"va_account_number", t.va_account_number},
            {"transaction_date", t.transaction_date}};
  if (!t.code.empty() && t.code != t.transaction_id) j["code"] = t.code;
  if (!t.bill_id.empty()) j["bill_id"] = t.bill_id;
  if (!t.cash_flow_source.empty()) j["cash_flow_source"] = t.cash_flow_source;
  return j;
}

// --qr-account and --bill-id (a bill's key), and --merchant-id.
template <typename Request>
void add_bill_key(CLI::App* c, Request& r) {
  c->add_option("--qr-account", r.qr_account, "The bill's qrAccount (from generate-dynamic-qr)")->required();
  c->add_option("--bill-id", r.bill_id, "The bill's billId (from generate-dynamic-qr)")->required();
  c->add_option("--merchant-id", r.merchant_id, "Master Merchant credentials only")
      ->check(whole_number(1, kMaxAmountVnd));
}

}  // namespace

void add_bill_commands(CLI::App& group, Context& ctx, const Creds& creds) {
  {
    auto r = std::make_shared<tingee::GenerateDynamicQrRequest>();
    auto recurring = std::make_shared<bool>(false);
    auto* c = command(group, ctx, "generate-dynamic-qr",
                      "Create a dynamic-QR bill ({bank prefix}/generate-dynamic-qr); show its QR with show-*-qr-code. "
                      "A payment write: never resent once it may have been sent; after exit 7 look for the bill "
                      "(transactions --bill-id, or ask Tingee). --raw prints the QR.",
                      [&ctx, creds, r, recurring] {
                        r->qr_code_type =
                            *recurring ? tingee::QrCodeType::kRecurringPayment : tingee::QrCodeType::kOneTimePayment;
                        return report(ctx, creds->client(ctx).generate_dynamic_qr(*r, ctx.call()),
                                      [](Output& o, const tingee::DynamicQrBill& b) {
                                        o.set("bill_id", b.bill_id).set("qr_account", b.qr_account);
                                        o.set("qr_code", b.qr_code).set("message", b.message);
                                        o.raw = {b.qr_code};
                                      });
                      });
    c->add_option("--va-account-number", r->va_account_number, "VA number")->required();
    c->add_option("--amount", r->amount, "Amount in VND")->required()->check(amount_vnd());
    c->add_option("--bank-bin", r->bank_bin, "6-digit bank BIN or the bank's code/short name (or --bank-name)")
        ->transform(known_bank());
    c->add_option("--bank-name", r->bank_name, "BankNameEnum, e.g. BIDV");
    c->add_option("--purpose", r->purpose, "Transfer content shown to the payer");
    c->add_option("--expire-in-minute", r->expire_in_minute, "Minutes the bill stays payable")
        ->check(whole_number(1, 525'600));
    c->add_option("--extra-info", r->extra_info, "E.g. your own bill code");
    c->add_flag("--recurring", *recurring, "A QR that can be paid many times");
    c->add_option("--merchant-id", r->merchant_id, "Master Merchant credentials only")
        ->check(whole_number(1, kMaxAmountVnd));
  }
  {
    auto r = std::make_shared<tingee::GetDynamicQrStatusRequest>();
    auto* c = command(
        group, ctx, "get-status-dynamic-qr",
        "A bill's state and its payments ({bank prefix}/get-status-dynamic-qr). A read. --raw prints "
        "the status.",
        [&ctx, creds, r] {
          return report(
              ctx, creds->client(ctx).get_dynamic_qr_status(*r, ctx.call()),
              [](Output& o, const tingee::DynamicQrStatus& s) {
                const auto& b = s.bill;
                o.set("bill_id", b.bill_id).set("status", b.status).set("amount", b.amount);
                o.maybe("total_amount_paid", b.total_amount_paid).maybe("total_payments_count", b.total_payments_count);
                o.set("qr_code_type", b.qr_code_type).set("bank_bin", b.bank_bin);
                o.set("va_account_number", b.va_account_number).set("qr_account", b.qr_account);
                o.set("purpose", b.purpose).maybe("expire_in_minute", b.expire_in_minute);
                Json list = Json::array();
                for (const auto& t : s.transactions) list.push_back(transaction(t));
                o.set("transactions", list);
                o.raw = {b.status};
              },
              bill_not_found);
        });
    add_bill_key(c, *r);
  }
  {
    auto r = std::make_shared<tingee::DeleteDynamicQrRequest>();
    auto* c = command(group, ctx, "delete-dynamic-qr", "Delete a bill ({bank prefix}/delete-dynamic-qr). A write.",
                      [&ctx, creds, r] {
                        return report(ctx, creds->client(ctx).delete_dynamic_qr(*r, ctx.call()), ack, bill_not_found);
                      });
    add_bill_key(c, *r);
  }
  {
    auto r = std::make_shared<tingee::GetTransactionPagingRequest>();
    auto shops = std::make_shared<std::string>();
    auto vas = std::make_shared<std::string>();
    auto* c = command(
        group, ctx, "transactions",
        "One page of the merchant's transactions in a window of at most 10 days (POST /v1/transaction/get-paging): "
        "the fallback for a missed webhook. A read. --raw prints one JSON line per transaction.",
        [&ctx, creds, r, shops, vas] {
          for (const auto& id : split(*shops, ','))
            r->shop_ids.push_back(parse_whole(id, 1, kMaxAmountVnd, "--shop-ids"));
          r->va_account_numbers = split(*vas, ',');
          return report(ctx, creds->client(ctx).get_transaction_paging(*r, ctx.call()),
                        [](Output& o, const tingee::TransactionPage& p) {
                          Json list = Json::array();
                          for (const auto& t : p.items) {
                            list.push_back(transaction(t));
                            o.raw.push_back(list.back().dump());
                          }
                          o.maybe("total_count", p.total_count)
                              .set("count", static_cast<std::int64_t>(p.items.size()))
                              .set("transactions", list);
                        });
        });
    c->add_option("--from", r->start_time, "yyyyMMddHHmmss (Vietnam time)")->required()->check(transaction_time());
    c->add_option("--to", r->end_time, "yyyyMMddHHmmss (Vietnam time), at most 10 days after --from")
        ->required()
        ->check(transaction_time());
    c->add_option("--skip", r->skip_count, "Offset")->check(whole_number(0, kMaxAmountVnd))->capture_default_str();
    c->add_option("--max", r->max_result_count, "Page size")->check(whole_number(1, 1000))->capture_default_str();
    c->add_option("--bill-id", r->bill_id, "Only the payments of this bill");
    c->add_option("--va-account-numbers", *vas, "Only these VAs, comma-separated");
    c->add_option("--shop-ids", *shops, "Only these shops, comma-separated");
    c->add_option("--bank-bin", r->bank_bin, "Only this bank (BIN, code or short name)")->transform(known_bank());
    c->add_option("--filter", r->filter, "Keyword (transaction code, content)");
    c->add_option("--sorting", r->sorting, "Sort expression");
    c->add_option("--merchant-id", r->merchant_id, "Master Merchant credentials only")
        ->check(whole_number(1, kMaxAmountVnd));
  }
  command(group, ctx, "get-banks",
          "The banks Tingee supports (GET {bank prefix}/get-banks). A read. --raw prints 'CODE BIN' per line.",
          [&ctx, creds] {
            return report(ctx, creds->client(ctx).get_banks(ctx.call()), [](Output& o, const tingee::BankList& l) {
              Json list = Json::array();
              for (const auto& b : l.banks) {
                list.push_back({{"code", b.code}, {"bin", b.bin}, {"name", b.name}, {"short_name", b.short_name}});
                o.raw.push_back(b.code + " " + b.bin);
              }
              o.set("banks", list);
            });
          });
  auto out = std::make_shared<std::string>();
  auto base = std::make_shared<std::string>();
  auto* refresh =
      command(group, ctx, "refresh-banks",
              "Merge Tingee's get-banks into the VietQR bank directory (the built-in list, or --base) and write the "
              "result as a bank data file (--out; - for stdout). A read. --raw prints one line per change.",
              [&ctx, creds, out, base] {
                auto got = creds->client(ctx).get_banks(ctx.call());
                if (!got) return fail(ctx, got.error());
                vietqr::BankDirectory from = vietqr::bank_directory();
                if (!base->empty()) {
                  auto parsed = vietqr::BankDirectory::from_tsv(read_file(*base));
                  if (!parsed) throw UsageError{*base + ": " + parsed.error().message};
                  from = std::move(*parsed);
                }
                tingee::BankMergeReport merge;
                auto merged = tingee::merge_banks(from, *got, &merge);
                if (!merged) return fail(ctx, merged.error());
                const std::string data =
                    "# SPDX-License-Identifier: MIT\n"
                    "# VietQR bank directory refreshed from Tingee's get-banks by `paygw tingee "
                    "refresh-banks` (docs/vietqr.md).\n" +
                    merged->to_tsv();
                if (*out == "-") {
                  std::cout << data;
                  return 0;
                }
                std::ofstream file(*out, std::ios::binary | std::ios::trunc);
                if (!(file << data) || !file.flush()) throw UsageError{"cannot write " + *out};
                Output o;
                o.set("file", *out)
                    .set("banks", merged->size())
                    .set("added", merge.added)
                    .set("updated", merge.updated)
                    .set("unchanged", merge.unchanged)
                    .set("skipped", merge.skipped)
                    .set("notes", merge.notes);
                o.raw = merge.notes;
                return print(ctx, o);
              });
  refresh->add_option("--out", *out, "Where to write the data file (- for stdout)")->required();
  refresh->add_option("--base", *base, "Start from this bank data file instead of the built-in list");
}

}  // namespace paygw::cli::tingee_cli
