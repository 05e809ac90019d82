// SPDX-License-Identifier: MIT
// paygw-sandbox — Tingee's bank/QR group (dynamic QRs, banks, transactions), served under both /v1/
// and /v1/bank/ (the documented and the official-SDK prefixes), the dynamic QR bills, and the
// simulated payments that send signed webhooks (/_sandbox/tingee/payments, /_sandbox/tingee/ping).
#include "sandbox.hpp"

namespace paygw::sandbox {
namespace {

// Creates a bill from a generate-*-dynamic-qr body (state locked). nullptr after an error reply.
Bill* create_bill(State& s, const Json& b, httplib::Response& res) {
  std::string bin = b.value("bankBin", "");
  if (bin.empty() && text(b, "bankName")) bin = tingee_bank_bin(b["bankName"].get<std::string>());
  const long long amount = b.contains("amount") && b["amount"].is_number_integer() ? b["amount"].get<long long>() : 0;
  const std::string type = b.value("qrCodeType", "");
  if (!text(b, "vaAccountNumber")) return invalid(res, "vaAccountNumber is required"), nullptr;
  if (bin.size() != 6) return invalid(res, "bankBin or bankName is required"), nullptr;
  if (type != "dynamic-one-time-payment" && type != "dynamic-recurring-payment") {
    return invalid(res, "qrCodeType must be dynamic-one-time-payment or dynamic-recurring-payment"), nullptr;
  }
  if (amount <= 0) return invalid(res, "amount must be a positive integer"), nullptr;
  // Deleted, paid and expired bills stay readable (get-status-dynamic-qr, payments): they count.
  if (tingee_world_full(s, s.bills.size(), "QR bills", res)) return nullptr;
  Bill bill;
  bill.bill_id = "SBX-BILL-" + std::to_string(s.next_id++);
  bill.qr_account = b["vaAccountNumber"].get<std::string>();
  bill.qr_code_type = type;
  bill.va_account_number = bill.qr_account;
  bill.bank_bin = bin;
  bill.amount = amount;
  bill.purpose = b.value("purpose", "");
  bill.extra_info = b.value("extraInfo", "");
  bill.expire_in_minute = b.value("expireInMinute", 30LL * 24 * 60);
  bill.created_ms = clock_ms();
  bill.qr_code = build_vietqr(bin, bill.qr_account, amount, bill.purpose.empty() ? bill.bill_id : bill.purpose);
  return &(s.bills[bill.bill_id] = bill);
}

Json bill_data(const Bill& bill) {
  return Json{{"qrCode", bill.qr_code}, {"qrAccount", bill.qr_account}, {"billId", bill.bill_id}};
}

// The bill named by {qrAccount, billId}, or nullptr after an error reply (1003: bill does not exist).
Bill* find_bill(State& s, const Json& b, httplib::Response& res) {
  if (!text(b, "qrAccount") || !text(b, "billId")) return invalid(res, "qrAccount and billId are required"), nullptr;
  auto it = s.bills.find(b["billId"].get<std::string>());
  if (it == s.bills.end() || it->second.qr_account != b["qrAccount"] || it->second.status == "deleted") {
    tingee_reply(res, "1003", "Bill không tồn tại");
    return nullptr;
  }
  return &it->second;
}

void install_group(httplib::Server& server, const Options& options, State& state, const std::string& prefix) {
  State* s = &state;
  tingee_post(server, options, state, prefix + "generate-dynamic-qr", [s](const Json& b, httplib::Response& res) {
    if (Bill* bill = create_bill(*s, b, res)) tingee_reply(res, "00", "Success", bill_data(*bill));
  });
  tingee_post(server, options, state, prefix + "get-status-dynamic-qr", [s](const Json& b, httplib::Response& res) {
    Bill* bill = find_bill(*s, b, res);
    if (bill == nullptr) return;
    Json payments = Json::array();
    for (const auto& t : s->tingee_transactions) {
      if (t.value("billId", "") == bill->bill_id) payments.push_back(t);
    }
    tingee_reply(res, "00", "Success",
                 Json{{"billInfo",
                       {{"billId", bill->bill_id},
                        {"qrCodeType", bill->qr_code_type},
                        {"bankBin", bill->bank_bin},
                        {"accountNumber", "0023457923442"},
                        {"vaAccountNumber", bill->va_account_number},
                        {"qrAccount", bill->qr_account},
                        {"amount", bill->amount},
                        {"purpose", bill->purpose},
                        {"totalAmountPaid", bill->paid},
                        {"totalPaymentsCount", bill->payments},
                        {"expireInMinute", bill->expire_in_minute},
                        {"extraInfo", bill->extra_info},
                        {"status", bill->status_at(clock_ms())}}},
                      {"transactionInfos", payments}});
  });
  tingee_post(server, options, state, prefix + "delete-dynamic-qr", [s](const Json& b, httplib::Response& res) {
    Bill* bill = find_bill(*s, b, res);
    if (bill == nullptr) return;
    bill->status = "deleted";
    s->record("tingee", "", "bill-deleted", Json{{"billId", bill->bill_id}});
    tingee_reply(res, "00", "Success");
  });
  tingee_post(server, options, state, prefix + "transaction/get-paging", [s](const Json& b, httplib::Response& res) {
    Json items = Json::array();
    const Json vas = b.value("vaAccountNumbers", Json::array());
    for (const auto& t : s->tingee_transactions) {
      if (text(b, "billId") && t.value("billId", "") != b["billId"]) continue;
      if (!vas.empty() && std::find(vas.begin(), vas.end(), t["vaAccountNumber"]) == vas.end()) continue;
      if (text(b, "startTime") && t["transactionDate"].get<std::string>() < b["startTime"].get<std::string>()) continue;
      if (text(b, "endTime") && t["transactionDate"].get<std::string>() > b["endTime"].get<std::string>()) continue;
      items.push_back(t);
    }
    tingee_page_reply(res, b, items);
  });
  // A bare array, no envelope (observed on the live API); bodyless, so signed over "{}".
  server.Get(prefix + "get-banks", [&options](const httplib::Request& req, httplib::Response& res) {
    if (!tingee_authenticate(options, req, "", res)) return;
    const Json banks = tingee_banks_json();  // the directory's banks that Tingee serves
    json_reply(res, 200, banks);
  });
}

// Webhook payloads: Tingee signs timestamp:body over the exact bytes it posts.
void install_webhooks(httplib::Server& server, const Options& options, State& state) {
  post(
      server, "/_sandbox/tingee/payments",
      [&options, &state](const httplib::Request&, const std::string& raw, httplib::Response& res) {
        const Json in = Json::parse(raw.empty() ? "{}" : raw, nullptr, false);
        const std::string url = in.is_object() ? in.value("url", options.tingee_webhook_url) : "";
        if (!in.is_object() || url.empty()) {
          return bad_request(res,
                             "give {amount, vaAccountNumber, content[, billId, duplicates, out_of_order, type, url]} "
                             "and a webhook url "
                             "(or --tingee-webhook-url)");
        }
        const std::optional<int> duplicates = count_field(in, "duplicates", kMaxDuplicates, res);
        if (!duplicates) return;
        // out_of_order: the first copy goes out before the transaction list shows the payment.
        const std::optional<bool> out_of_order = flag_field(in, "out_of_order", res);
        if (!out_of_order) return;
        // type: "CREDIT" (money in, the default) or "DEBIT" (money out of the account: it pays no
        // bill, no device shows it, and its webhook says "type": "DEBIT").
        if (in.contains("type") && (!in["type"].is_string() || (in["type"] != "CREDIT" && in["type"] != "DEBIT"))) {
          return bad_request(res, "type must be \"CREDIT\" or \"DEBIT\"");
        }
        const bool debit = in.value("type", "CREDIT") == "DEBIT";
        if (debit && in.contains("billId")) return bad_request(res, "a DEBIT pays no bill: drop billId");
        Json txn;
        std::string code, va = in.value("vaAccountNumber", ""), bill_id = in.value("billId", ""), bill_qr;
        long long amount = in.value("amount", 0LL);
        const std::string ts = vn_now(true);
        {
          std::lock_guard<std::mutex> lock(state.mu);
          // Every payment is a transaction the list keeps: at most --max-objects of them.
          if (state.full(state.tingee_transactions.size())) {
            return bad_request(res, "sandbox: at most " + std::to_string(state.max_objects) +
                                        " Tingee transactions (--max-objects); restart the sandbox for more");
          }
          if (!bill_id.empty()) {  // paying a QR bill: its account and amount unless given
            auto it = state.bills.find(bill_id);
            if (it == state.bills.end()) return bad_request(res, "no bill " + bill_id);
            if (it->second.status_at(clock_ms()) == "expired") {
              return bad_request(res, "bill " + bill_id + " has expired (the sandbox clock passed its expireInMinute)");
            }
            if (va.empty()) va = it->second.va_account_number;
            bill_qr = it->second.qr_code;
            if (amount == 0) amount = it->second.amount;
            it->second.paid += amount;
            it->second.payments += 1;
            if (it->second.paid >= it->second.amount && it->second.qr_code_type == "dynamic-one-time-payment")
              it->second.status = "paid";
          }
          code = "0400/FT" + std::to_string(26000000000LL + state.next_id++);
          txn = {{"transactionId", code},
                 {"merchantId", 1},
                 {"shopId", 1},
                 {"bankBin", "970422"},
                 {"cashFlowSource", "bank-transfer"},
                 {"code", code},
                 {"amount", amount},
                 {"type", debit ? "DEBIT" : "CREDIT"},
                 {"content", in.value("content", "")},
                 {"currency", "VND"},
                 {"accountNumber", "0023457923442"},
                 {"vaAccountNumber", va},
                 {"transactionDate", ts.substr(0, 14)}};
          if (!bill_id.empty()) txn["billId"] = bill_id;
          if (!*out_of_order) state.tingee_transactions.push_back(txn);
          // The device showing this bill (or a QR to this account) shows that it was paid.
          for (auto& [uuid, device] : state.tingee_devices) {
            const Json& shown = device.screen;
            if (!shown.is_object() || shown.value("event", "") != "display-qr" || !shown["detail"].is_object()) {
              continue;
            }
            const Json& d = shown["detail"];
            const bool this_bill =
                !bill_id.empty() && (d.value("billId", "") == bill_id || d.value("qrCode", "") == bill_qr);
            const bool this_account =
                bill_id.empty() && !va.empty() && d.value("qrCode", "").find(va) != std::string::npos;
            if (!debit && (this_bill || this_account)) {
              state.record("tingee", uuid, "paid",
                           Json{{"amount", amount}, {"transactionCode", code}, {"billId", bill_id}}, true);
            }
          }
        }
        Json body = {
            {"clientId", options.tingee_client_id}, {"transactionCode", code}, {"amount", amount},
            {"content", in.value("content", "")},   {"bank", "MBB"},           {"bankBin", "970422"},
            {"accountNumber", "0023457923442"},     {"vaAccountNumber", va},   {"transactionDate", ts.substr(0, 14)},
            {"additionalData", Json::array()}};
        if (!bill_id.empty()) body["additionalData"].push_back(Json{{"name", "billId"}, {"value", bill_id}});
        if (debit) body["type"] = "DEBIT";  // as the transaction list names it; credits carry no type
        const std::string text_body = body.dump();
        const httplib::Headers headers = {
            {"x-request-timestamp", ts}, {"x-signature", hmac_sha512_hex(options.tingee_secret, ts + ":" + text_body)}};
        Json deliveries = Json::array();
        bool listed = !*out_of_order;
        const auto list_it = [&] {
          if (listed) return;
          std::lock_guard<std::mutex> lock(state.mu);
          state.tingee_transactions.push_back(txn);
          listed = true;
        };
        for (int i = 0; i < 1 + *duplicates && !stopping(); ++i) {
          // Out of order, the first copy is sent once (no retry): the list does not show it yet.
          for (int status :
               deliver(state, url, false, text_body, {}, headers,
                       Json{{"provider", "tingee"}, {"event", "webhook"}, {"transactionCode", code}}, listed ? 3 : 1)) {
            deliveries.push_back(status);
          }
          list_it();
        }
        list_it();
        json_reply(res, 200,
                   Json{{"transactionCode", code},
                        {"type", debit ? "DEBIT" : "CREDIT"},
                        {"out_of_order", *out_of_order},
                        {"deliveries", deliveries}});
      });
  // The dashboard's connection test: unsigned. The body ({url}) is optional.
  post(server, "/_sandbox/tingee/ping",
       [&options, &state](const httplib::Request&, const std::string& raw, httplib::Response& res) {
         const Json in = Json::parse(raw.empty() ? "{}" : raw, nullptr, false);
         const std::string url =
             in.is_object() ? in.value("url", options.tingee_webhook_url) : options.tingee_webhook_url;
         if (url.empty())
           return bad_request(res, "no webhook url: give {\"url\": ...} or start with --tingee-webhook-url");
         const Json body = {{"event", "ping"}, {"message", "Tingee Webhook Connection Test"}, {"timestamp", now_ms()}};
         auto statuses =
             deliver(state, url, false, body.dump(), {}, {}, Json{{"provider", "tingee"}, {"event", "ping"}}, 1);
         json_reply(res, 200, Json{{"deliveries", statuses}});
       });
}

}  // namespace

void install_tingee_bank(httplib::Server& server, const Options& options, State& state) {
  state.counters.emplace_back("tingee.bills", [&state] { return state.bills.size(); });
  state.counters.emplace_back("tingee.transactions", [&state] { return state.tingee_transactions.size(); });
  install_group(server, options, state, "/v1/");
  install_group(server, options, state, "/v1/bank/");
  State* s = &state;
  tingee_post(server, options, state, "/v1/device/generate-and-show-dynamic-qr-code",
              [s](const Json& b, httplib::Response& res) {
                auto it = s->tingee_devices.find(b.value("uuid", ""));
                if (it == s->tingee_devices.end()) return tingee_reply(res, "1002", "Thiết bị không tồn tại");
                if (!it->second.linked) return tingee_reply(res, "1003", "Thiết bị chưa được liên kết");
                if (it->second.type == "tingee-box-3ls") return tingee_reply(res, "1010", "Loại thiết bị không hỗ trợ");
                Bill* bill = create_bill(*s, b, res);
                if (bill == nullptr) return;
                s->record("tingee", it->first, "display-qr",
                          Json{{"endpoint", "generate-and-show-dynamic-qr-code"},
                               {"amount", bill->amount},
                               {"billId", bill->bill_id},
                               {"qrCode", bill->qr_code}},
                          true);
                tingee_reply(res, "00", "Success", bill_data(*bill));
              });
  install_webhooks(server, options, state);
}

}  // namespace paygw::sandbox
