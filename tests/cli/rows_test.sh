#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `paygw tingee endpoints` and `paygw tingee call` (ADR 0052) against paygw-sandbox: every endpoint
# the table lists is called through `call` at least once with a JSON body read into its typed
# request (a row with no body here fails the test, naming it); the results are the typed results;
# a bad JSON body, an unknown endpoint, an unknown or mistyped member, a missing required field and
# an oversized amount each exit 2 with a clear message and send nothing (they run against a
# port nothing listens on, where a request that is tried exits 6); a read and a write keep their kinds.
# Usage: rows_test.sh <repo root> <paygw> <paygw-sandbox>
set -euo pipefail
root=$1 cli=$2 sandbox=$3
source "$(dirname "$0")/prelude.sh"   # $work, $log, fail, run, expect, json, call, all_called
command -v curl >/dev/null || { echo "FAIL: curl is needed"; exit 1; }
group=tingee

export_sandbox_credentials
start_sandbox "$sandbox" "$log"

# ---- the table ----
expect 0 "$cli" tingee endpoints --json
json '.count == (.endpoints | length) and .count >= 36'
json 'all(.endpoints[]; (.kind == "read" or .kind == "write") and (.name | test("^[a-z0-9-]+$")))'
json '.endpoints[] | select(.name == "direct-debit-payment-bill") | .kind == "write" and .method == "POST"'
json '.endpoints[] | select(.name == "get-va-paging") | .kind == "read" and .path == "{bank prefix}/get-va-paging"'
expect 0 "$cli" tingee endpoints --raw
expect 0 "$cli" tingee call create-va --example --json   # the request's keys, nothing sent
json '.accountType == "personal-account" and has("bankBin") and has("vaAccountNumber")'

# ---- refusals: exit 2, a message naming the problem, nothing sent ----
# Against a port nothing listens on: a request that was tried would exit 6 (not sent), not 2.
export PAYGW_TINGEE_BASE_URL=http://127.0.0.1:9
expect 2 "$cli" tingee call no-such-endpoint --body '{}'
grep -q "unknown endpoint 'no-such-endpoint'" <<<"$err" || fail "unknown endpoint: $err"
expect 2 "$cli" tingee call create-va --body '{"bankBin": "970418",'
grep -q -- "--body is not JSON" <<<"$err" || fail "bad JSON: $err"
expect 2 "$cli" tingee call create-va --body '[1, 2]'
grep -q -- "--body must be a JSON object" <<<"$err" || fail "a list body: $err"
expect 2 "$cli" tingee call create-va --body '{"bankBin": "970418", "acountNumber": "1"}'
grep -q "body.acountNumber is not a member of this request" <<<"$err" || fail "unknown member: $err"
expect 2 "$cli" tingee call generate-dynamic-qr --body '{"vaAccountNumber": "VA1", "bankBin": "970418", "amount": "15k"}'
grep -q "body.amount must be a whole number" <<<"$err" || fail "mistyped amount: $err"
expect 2 "$cli" tingee call generate-dynamic-qr --body '{"vaAccountNumber": "VA1", "bankBin": "970418", "amount": 1.5}'
grep -q "body.amount must be a whole number" <<<"$err" || fail "fractional amount: $err"
expect 2 "$cli" tingee call generate-dynamic-qr --body '{"vaAccountNumber": "VA1", "bankBin": "970418", "amount": 99999999999999999999}'
grep -q "body.amount must be a whole number" <<<"$err" || fail "amount beyond int64: $err"
# Oversized for money (above kMaxAmountVnd, 2^53 - 1) and negative: the client's own validation.
expect 2 "$cli" tingee call generate-dynamic-qr --body '{"vaAccountNumber": "VA1", "bankBin": "970418", "amount": 9007199254740992}'
grep -q "nothing was sent" <<<"$err" || fail "oversized amount: $err"
grep -q "amount" <<<"$err" || fail "oversized amount not named: $err"
expect 2 "$cli" tingee call direct-debit-refund --body '{"subscriptionId": "S", "tokenRef": "T", "transactionId": "X", "amount": -5}'
grep -q "amount" <<<"$err" || fail "negative amount: $err"
expect 2 "$cli" tingee call confirm-va --body '{"otpNumber": "123456", "bankBin": "970418"}'   # no confirmId
grep -q "confirm_id is required" <<<"$err" || fail "missing required field: $err"
expect 2 "$cli" tingee call create-va --body '{"accountType": "savings", "bankBin": "970418"}'
grep -q "body.accountType must be one of personal-account" <<<"$err" || fail "unknown enum value: $err"
expect 2 "$cli" tingee call get-banks --body '{"x": 1}'
grep -q "takes no request" <<<"$err" || fail "a body for a call without a request: $err"
expect 2 "$cli" --json tingee call confirm-va --body '{"bankBin": "970418"}'
json '.error.code == "invalid_argument" and .error.exit_code == 2 and .error.delivery == "not_sent"'
expect 6 "$cli" tingee call confirm-va --body '{"confirmId": "C", "bankBin": "970418"}'   # valid: it is tried
export PAYGW_TINGEE_BASE_URL=$SANDBOX_URL

# ---- every endpoint, through `call` ----
# Devices.
call 0 get-device-paging '{"maxResultCount": 5}' '.total_count >= 1 and (.items | length) >= 1'
uuid=$(jq -r '[.items[] | select(.type == "tingee-box-3ls")][0].uuid' <<<"$out")      # a 3LS box
other=$(jq -r '[.items[] | select(.type == "tingee-box-6xs")][0].uuid' <<<"$out")      # a 6XS box
max=$(jq -r '[.items[] | select(.type == "tingee-box-max")][0].uuid' <<<"$out")        # a MAX (printer)
call 0 read-security-code "{\"uuid\": \"$uuid\"}" '.message != ""'
call 3 read-security-code '{"uuid": "NO-SUCH-DEVICE"}'   # the sandbox's code 1002: not found
call 0 add-device-to-shop "{\"uuid\": \"$other\", \"securityCode\": \"123456\", \"shopIds\": [1]}" '.devices | type == "array"'
call 0 update-shop-device-link-status \
  "{\"uuid\": \"$other\", \"shopsLinkToDeviceDtos\": [{\"shopId\": 7, \"shopName\": \"Shop A\", \"fullAddress\": \"1 Le Loi\", \"isLinkToDevice\": true}]}"
call 0 get-devices-link-to-shop-or-va '{"shopId": 7}' '.devices | type == "array"'
qr=$("$cli" qr build --bin 970418 --account 1234567 --amount 150000 --raw)
call 0 show-qr-code "{\"uuid\": \"$uuid\", \"amount\": 150000, \"qrCode\": \"$qr\"}" '.message != ""'
for e in show-dynamic-qr-code show-static-qr-code; do   # not on a 3LS box
  call 0 "$e" "{\"uuid\": \"$other\", \"amount\": 150000, \"qrCode\": \"$qr\"}" '.message != ""'
done
call 0 generate-and-show-dynamic-qr-code \
  "{\"uuid\": \"$max\", \"vaAccountNumber\": \"VA-ROWS-1\", \"amount\": 150000, \"bankBin\": \"970418\", \"qrCodeType\": \"dynamic-recurring-payment\"}" \
  '.bill_id != "" and .qr_code != ""'
call 0 read-amount-link-to-merchant "{\"uuid\": \"$uuid\", \"transactionId\": \"T-ROWS-1\", \"amount\": 150000, \"bankBin\": \"970418\"}"
call 0 print-receipt \
  "{\"uuid\": \"$max\", \"receipt\": {\"storeName\": \"Shop A\", \"items\": [{\"name\": \"tea\", \"quantity\": 2, \"unitPrice\": 15000}], \"totalAmount\": 30000}}"
call 0 nfc-command "{\"uuid\": \"$uuid\", \"nfcUrl\": \"https://shop.example.vn/pay\", \"nfcPackageName\": \"vn.example.pay\", \"enableNfc\": true}"
call 0 reset-device-with-details "{\"uuid\": \"$other\", \"phoneNumber\": \"0901234567\"}"
call 0 add-device-to-shop "{\"uuid\": \"$other\", \"securityCode\": \"123456\", \"shopIds\": [1]}"
call 0 reset-device "{\"uuid\": \"$other\"}"
# Bills, transactions, banks, e-invoice providers.
call 0 generate-dynamic-qr '{"vaAccountNumber": "VA-ROWS-2", "bankBin": "970418", "amount": 150000, "purpose": "Don 1"}' '.bill_id != ""'
bill=$(jq -r .bill_id <<<"$out") account=$(jq -r .qr_account <<<"$out")
call 0 get-dynamic-qr-status "{\"qrAccount\": \"$account\", \"billId\": \"$bill\"}"
call 0 delete-dynamic-qr "{\"qrAccount\": \"$account\", \"billId\": \"$bill\"}"
call 3 get-dynamic-qr-status "{\"qrAccount\": \"$account\", \"billId\": \"$bill\"}"   # deleted: code 1003
today=$(TZ=Asia/Ho_Chi_Minh date +%Y%m%d)
call 0 get-transaction-paging "{\"startTime\": \"${today}000000\", \"endTime\": \"${today}235959\"}" '.items | type == "array"'
call 0 get-banks '{}' '(.banks | length) > 10'
expect 0 "$cli" tingee call get-banks --raw   # no --body at all
call 0 get-einvoice-providers '{}' '(.providers | length) >= 1'
# Virtual accounts: create → confirm (OTP 123456) → register-notify → confirm; delete → confirm.
va_body='{"accountNumber": "ACROWS1", "accountName": "NGUYEN VAN A", "identity": "001090012345", "mobile": "0901234567", "bankBin": "970418"}'
call 0 create-va "$va_body" '.confirm_id != "" and .status == "inactive"'
confirm=$(jq -r .confirm_id <<<"$out")
call 0 confirm-va "{\"confirmId\": \"$confirm\", \"otpNumber\": \"123456\", \"bankBin\": \"970418\"}" '.va_account_number != ""'
va=$(jq -r .va_account_number <<<"$out")
call 1 confirm-va "{\"confirmId\": \"$confirm\", \"otpNumber\": \"123456\", \"bankBin\": \"970418\"}"   # the OTP is spent
call 0 create-va-advanced "${va_body/ACROWS1/ACROWS2}" '.confirm_id != ""'
call 0 get-va-paging '{"maxResultCount": 100, "accountType": "personal-account"}' \
  "any(.items[]; .va_account_number == \"$va\" and .status == \"active\")"
call 0 register-notify "{\"vaAccountNumber\": \"$va\", \"bankBin\": \"970418\"}" '.confirm_id != ""'
confirm=$(jq -r .confirm_id <<<"$out")
call 0 confirm-register-notify "{\"confirmId\": \"$confirm\", \"otpNumber\": \"123456\", \"bankBin\": \"970418\"}"
call 0 delete-va "{\"vaAccountNumber\": \"$va\", \"bankBin\": \"970418\"}" '.confirm_id != ""'
confirm=$(jq -r .confirm_id <<<"$out")
call 0 confirm-delete-va "{\"confirmId\": \"$confirm\", \"otpNumber\": \"123456\", \"bankBin\": \"970418\"}"
# Direct debit: register → the payer authorises (the sandbox's page) → debit → refund → status → delete.
call 0 direct-debit-register \
  '{"requestId": "REG-ROWS-1", "bankBin": "970436", "accountName": "NGUYEN VAN A", "phone": "0901234567", "returnUrl": "https://shop.example.vn/dd/return"}' \
  '.url | test("/_sandbox/tingee/direct-debit/authorize")'
page=$(curl -sf "$(jq -r .url <<<"$out")")
sub=$(jq -r .subscriptionId <<<"$page") token=$(jq -r .tokenRef <<<"$page")
if [ -z "$sub" ] || [ "$sub" = null ]; then fail "the sandbox's authorise page: $page"; fi
keys="\"subscriptionId\": \"$sub\", \"tokenRef\": \"$token\""
call 0 direct-debit-payment-bill \
  "{\"requestId\": \"PAY-ROWS-1\", $keys, \"amount\": \"100000\", \"description\": \"Phi thang 7\", \"serviceProviderName\": \"Shop A\", \"additionalData\": {\"order\": \"1\"}}"
debit=$(jq -r '.transaction_code // empty' <<<"$out")
[ -n "$debit" ] || fail "payment-bill answered no transaction_code: $out"
call 0 direct-debit-get-transaction-status "{\"transactionId\": \"$debit\", $keys}"
call 0 direct-debit-get-paging-transactions "{$keys, \"skipCount\": 0, \"maxResultCount\": 10}" '(.items | length) == 1'
call 0 direct-debit-refund "{$keys, \"transactionId\": \"$debit\", \"amount\": 40000}"
call 1 direct-debit-refund "{$keys, \"transactionId\": \"$debit\", \"amount\": 60001}"   # more than is left
call 0 direct-debit-get-subscription-status "{\"requestId\": \"\", $keys}"
call 0 direct-debit-edit-confirm-payment-method "{\"requestId\": \"EDIT-ROWS-1\", \"returnUrl\": \"https://shop.example.vn/dd/edit\", \"subscriptionId\": \"$sub\"}" \
  '.url != ""'
call 0 direct-debit-delete-subscription "{\"requestId\": \"DEL-ROWS-1\", \"returnUrl\": \"https://shop.example.vn/dd/bye\", $keys}"

# Bank VietQR: a static QR, decoded back; deep links paying it; a bank-link session; read-amount.
call 0 generate-viet-qr '{"bankBin": "970418", "accountNumber": "2101234567", "amount": 150000, "content": "TT DON ROWS"}' \
  '.qr_account == "2101234567" and (.qr_code | startswith("000201"))'
vqr=$(jq -r .qr_code <<<"$out")
call 0 get-account-number-info-by-qr-code "$(jq -nc --arg q "$vqr" '{qrCode: $q}')" \
  '.total_count == 1 and .items[0].bank_bin == "970418" and .items[0].account_number == "2101234567" and .items[0].amount == 150000'
link() {  # link <billNumber>: a deep-link body paying $vqr
  jq -nc --arg q "$vqr" --arg bill "$1" '{type: "payment", qrCode: $q, bankBin: "970418", destinationBankBin: "970418",
    accountName: "NGUYEN VAN A", accountNumber: "2101234567", amount: 150000, content: "TT DON ROWS", billNumber: $bill}'
}
call 0 generate-deep-link "$(link BILL-ROWS-1)" '.url | test("billNumber=BILL-ROWS-1")'
call 0 generate-deep-link-bidv-test "$(link BILL-ROWS-2)" '.url | test("env=bidv-test")'
call 0 create-bank-link-session \
  '{"type": "bank-link", "redirectUrl": "https://shop.example.vn/bank-link/done", "allowedBanks": ["BIDV", "VCB"], "shopId": 12}' \
  '.url | test("/_sandbox/tingee/bank-link\\?")'
call 0 read-amount "{\"uuid\": \"$max\", \"transactionId\": \"T-ROWS-2\", \"amount\": 52000, \"bankBin\": \"970422\", \"firstDisplayText\": \"Ban 5\", \"playSound\": true}"
# Shops: create → update (by its id) → list.
call 0 shop-create-or-update '{"name": "Shop Rows", "phoneNumber": "0901234567", "address": "1 Trang Tien, Ha Noi", "isActive": true}' \
  '.shop_id > 0'
shop=$(jq -r .shop_id <<<"$out")
call 0 shop-create-or-update "{\"id\": $shop, \"name\": \"Shop Rows renamed\", \"address\": \"1 Trang Tien, Ha Noi\", \"isActive\": false}" \
  ".shop_id == $shop"
call 0 shop-get-paging '{"filter": "Shop Rows", "skipCount": 0, "maxResultCount": 10}' \
  ".total_count == 1 and .items[0].id == $shop and .items[0].name == \"Shop Rows renamed\" and .items[0].is_active == false"
# Merchants: create → list → a bank configuration set, listed, removed → an ACB business account
# linked, unlinked → the merchant deleted.
call 0 merchant-create \
  '{"name": "Merchant Rows", "email": "owner@rows.example.vn", "phoneNumber": "0901234567", "businessSectorIds": [3, 7], "password": "rows-only-password-1", "appType": "baas"}' \
  '.merchant_id > 0'
merchant=$(jq -r .merchant_id <<<"$out")
call 0 merchant-get-paging '{"filter": "Merchant Rows", "skipCount": 0, "maxResultCount": 10}' \
  "(.items | length) == 1 and .items[0].id == $merchant and .items[0].business_sector_ids == [3, 7]"
call 0 merchant-create-or-update-config \
  "{\"bidvConfigDto\": {\"vaPrefix\": \"BIDV\", \"bankPartnerId\": \"partner-1\", \"accountNumber\": \"2101234567\", \"accountName\": \"CONG TY A\"}, \"accountType\": \"personal-account\", \"bankName\": \"BIDV\", \"merchantId\": $merchant}" \
  '.id > 0'
config=$(jq -r .id <<<"$out")
call 0 merchant-get-paging-config "{\"merchantId\": $merchant, \"skipCount\": 0, \"maxResultCount\": 10}" \
  ".total_count == 1 and .items[0].id == $config and .items[0].bank_name == \"BIDV\""
call 0 merchant-delete-config "{\"id\": $config, \"merchantId\": $merchant}" ".id == $config"
acb='"accountNumber": "0071000777777", "accountName": "CONG TY A", "vaPrefix": "ACB", "mobile": "0901234567", "acbUserId": "acb-user-rows"'
call 0 merchant-config-account-business "{\"bankName\": \"ACB\", $acb, \"merchantId\": $merchant}" '.confirm_id | startswith("SBX-BIZ-")'
call 0 merchant-delete-config-account-business \
  "{\"accountType\": \"business-account\", \"configRemove\": {$acb}, \"merchantId\": $merchant, \"bankBin\": \"970416\"}" \
  '.confirm_id == ""'
call 0 merchant-delete "{\"merchantId\": $merchant}"
call 1 merchant-delete "{\"merchantId\": $merchant}"   # gone: the sandbox's code 1060 (a provider error)
# E-invoices: a provider account → its template → a draft → issued → looked up → downloaded →
# mailed; the account deleted.
ei_login='"provider": "misa", "taxCode": "MST-ROWS-1", "username": "kt-rows", "password": "rows-only-password-2"'
call 0 e-invoice-create-or-update-account "{$ei_login, \"isDefault\": true}" '.id > 0'
ei=$(jq -r .id <<<"$out")
call 0 e-invoice-get-paging-account '{"filter": "MST-ROWS", "skipCount": 0, "maxResultCount": 10, "provider": "misa"}' \
  ".total_count == 1 and .items[0].id == $ei and .items[0].tax_code == \"MST-ROWS-1\""
call 0 e-invoice-invoice-templates "{\"merchantId\": 1, \"accountId\": $ei, $ei_login, \"invoiceNoToCheck\": 0}" \
  '.invoice_pattern == "1" and .invoice_series == "C26TMS" and .quota > 0'
invoice="{\"accountId\": $ei, \"invoicePattern\": \"1\", \"invoiceSeries\": \"C26TMS\", \"invoiceCode\": \"ROWS-INV-1\", \"invoiceDate\": \"2026-07-16\", \"buyerName\": \"Nguyen Van B\", \"buyerEmail\": \"b@example.vn\", \"items\": [{\"itemName\": \"Ca phe sua\", \"unitName\": \"ly\", \"quantity\": \"2\", \"unitPrice\": 25000, \"taxRateCode\": \"8\", \"totalAfterTax\": 54000}], \"totalAfterTax\": 54000}"
call 0 e-invoice-create "$invoice" '.invoice_code == "ROWS-INV-1" and (.pdf_base64 | startswith("JVBERi0"))'
call 0 e-invoice-create-and-issue "$invoice" '.invoice_code == "ROWS-INV-1" and .invoice_number == "1" and .tracking_code != ""'
invoice_key="{\"accountId\": $ei, \"invoiceCode\": \"ROWS-INV-1\"}"
call 0 e-invoice-get-invoice-info "$invoice_key" '.invoice_number == "1"'
call 0 e-invoice-download "$invoice_key" '.invoice_code == "ROWS-INV-1" and (.pdf_base64 | startswith("JVBERi0"))'
call 0 e-invoice-send-email \
  "{\"accountId\": $ei, \"invoiceCode\": \"ROWS-INV-1\", \"buyerName\": \"Nguyen Van B\", \"recipientEmail\": \"b@example.vn\"}"
call 0 e-invoice-delete-account "{\"id\": $ei}"
call 1 e-invoice-get-invoice-info "$invoice_key"   # its account is gone: the sandbox's code 1060

# The same call from standard input and from a file.
echo '{"maxResultCount": 1}' | { expect 0 "$cli" tingee call get-device-paging --body - --json; json '(.items | length) == 1'; }
echo '{"maxResultCount": 1}' >"$work/body.json"
expect 0 "$cli" tingee call get-device-paging --body-file "$work/body.json" --raw

# ---- every listed endpoint was called (a new row needs its call above) ----
all_called
