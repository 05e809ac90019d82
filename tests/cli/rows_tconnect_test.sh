#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `paygw tconnect endpoints` and `paygw tconnect call` (ADR 0052) against paygw-sandbox: every
# endpoint the table lists is called through `call` with a JSON body (snake_case keys) read into its
# typed request, sent by the typed client (login, encryption: the SDK's); a row with no call here
# fails the test, naming it. The strict reader's refusals (an unknown key, a wrong JSON type, a
# fraction, an overflow) and the client's (a missing field, an oversized amount) exit 2 and send
# nothing: they run against a port nothing listens on, where a request that is tried exits 6.
# TConnect's requests have no enum member (the unknown-enum refusal is tested on Tingee's rows).
# Usage: rows_tconnect_test.sh <repo root> <paygw> <paygw-sandbox>
set -euo pipefail
root=$1 cli=$2 sandbox=$3
source "$(dirname "$0")/prelude.sh"   # $work, $log, fail, run, expect, json, call, all_called
group=tconnect

export_sandbox_credentials
start_sandbox "$sandbox" "$log"

# ---- the table ----
expect 0 "$cli" tconnect endpoints --json
json '.count == (.endpoints | length) and .count >= 10'
json 'all(.endpoints[]; (.kind == "read" or .kind == "write") and (.name | test("^[a-z0-9-]+$")))'
json '.endpoints[] | select(.name == "push-payment-pos") | .kind == "write" and .request == "PosPush"'
json '.endpoints[] | select(.name == "get-qr-transactions") | .kind == "read" and (.path | test("/openapi/v1/transaction/qr"))'
json 'all(.endpoints[]; .name != "confirm-ipn" and .name != "authenticate")'   # composite: `tconnect confirm-ipn`
expect 0 "$cli" tconnect call push-payment-pos --example --json   # the request's keys, nothing sent
json 'keys == ["amount", "order_id", "serial_no"]'

# ---- refusals: exit 2, a message naming the problem, nothing sent ----
export PAYGW_TCONNECT_BASE_URL=http://127.0.0.1:9
expect 2 "$cli" tconnect call no-such-endpoint --body '{}'
grep -q "unknown endpoint 'no-such-endpoint' ('paygw tconnect endpoints' lists them)" <<<"$err" || fail "unknown endpoint: $err"
expect 2 "$cli" tconnect call push-payment-pos --body '{"serial_no": "POS-0001",'
grep -q -- "--body is not JSON" <<<"$err" || fail "bad JSON: $err"
expect 2 "$cli" tconnect call push-payment-pos --body '{"serial_no": "POS-0001", "orderId": "O1", "amount": 1000}'
grep -q "body.orderId is not a member of this request (known: serial_no, order_id, amount)" <<<"$err" || fail "unknown key: $err"
expect 2 "$cli" tconnect call push-payment-pos --body '{"serial_no": 1, "order_id": "O1", "amount": 1000}'
grep -q "body.serial_no must be a JSON string" <<<"$err" || fail "wrong type: $err"
expect 2 "$cli" tconnect call push-payment-pos --body '{"serial_no": "POS-0001", "order_id": "O1", "amount": 1000.5}'
grep -q "body.amount must be a whole number" <<<"$err" || fail "fraction: $err"
expect 2 "$cli" tconnect call push-payment-pos --body '{"serial_no": "POS-0001", "order_id": "O1", "amount": 99999999999999999999}'
grep -q "body.amount must be a whole number" <<<"$err" || fail "overflow: $err"
expect 2 "$cli" tconnect call get-qr-transactions --body '{"from_date": "2026-01-01 00:00:00", "to_date": "2026-01-02 00:00:00", "limit": true}'
grep -q "body.limit must be a whole number" <<<"$err" || fail "a bool for a number: $err"
expect 2 "$cli" tconnect call push-payment-pos --body '{"order_id": "O1", "amount": 1000}'   # the client's validation
grep -q "serial_no is required" <<<"$err" || fail "missing field: $err"
grep -q "nothing was sent" <<<"$err" || fail "missing field, not said unsent: $err"
expect 2 "$cli" tconnect call push-payment-pos --body '{"serial_no": "POS-0001", "order_id": "O1", "amount": 9007199254740992}'
grep -q "amount must be 1.." <<<"$err" || fail "oversized amount: $err"
expect 2 "$cli" tconnect call get-services --body '{"x": 1}'
grep -q "takes no request" <<<"$err" || fail "a body for a call without a request: $err"
expect 6 "$cli" tconnect call get-services   # valid: it is tried (the login, first)
export PAYGW_TCONNECT_BASE_URL=$SANDBOX_URL

# ---- every endpoint, through `call` ----
call 0 get-services '{}' '.services[0].service_code == "vccb-qr" and .services[0].bincode == "970454"'
call 0 create-va '{"bank_code": "970454", "account_name": "NGUYEN VAN A"}' '.va != ""'
va=$(jq -r .va <<<"$out")
call 0 create-qr "{\"order_id\": \"ORD-ROWS-1\", \"va\": \"$va\", \"bincode\": \"970454\", \"amount\": 180000, \"service_code\": \"vccb-qr\"}" \
  '.dynamic == true and (.qr_content | startswith("000201"))'
qr=$(jq -r .qr_content <<<"$out")
call 0 push-payment-pos '{"serial_no": "POS-0001", "order_id": "ORD-ROWS-2", "amount": 150000}' '.message | test("Successfully pushed")'
call 3 push-payment-pos '{"serial_no": "POS-9999", "order_id": "ORD-ROWS-3", "amount": 1000}'   # 404: no such device
call 0 push-payment-soundbox "$(jq -nc --arg q "$qr" '{serial_no: "SB-0001", amount: 180000, qr_string: $q}')" '.message != ""'
call 0 generate-qr "{\"req_id\": \"REQ-ROWS-1\", \"order_id\": \"ORD-ROWS-4\", \"va\": \"$va\", \"bincode\": \"970454\", \"amount\": 52000, \"service_code\": \"vccb-qr\"}" \
  '.dynamic == true and .qr_content != ""'
call 0 order-status '{"order_id": "ORD-ROWS-2", "acc_no": "", "service_code": "vccb-qr"}' '.transactions | type == "array"'
vn() { TZ=Asia/Ho_Chi_Minh date -d "@$(($(date +%s) + $1))" '+%Y-%m-%d %H:%M:%S'; }
range="\"from_date\": \"$(vn -86400)\", \"to_date\": \"$(vn 86400)\""
call 0 get-qr-transactions "{$range, \"limit\": 100, \"page\": 1}" '.items | type == "array"'
call 0 get-card-transactions "{$range}" '.items | type == "array"'
call 0 get-cash-transactions "{$range, \"page\": \"1\"}" '.items | type == "array"'   # digits in a string: read
call 2 get-cash-transactions "{$range, \"limit\": 0}"   # the client's 1..1000: nothing sent

# ---- every listed endpoint was called ----
all_called
