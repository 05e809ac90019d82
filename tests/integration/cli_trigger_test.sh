#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `paygw trigger` and `paygw listen` against paygw-sandbox and the receiver example:
#   sandbox --(trigger)--> paygw listen --(raw bytes)--> receiver
# trigger pays the QR a device shows (with duplicates and a wrong amount), a TConnect order (by
# --order and by the order a Smart POS shows) and a card's callback; listen checks each delivery
# with the merchant's secrets, prints one line, forwards it and relays the receiver's answer, and
# --replay sends the captured deliveries again (the receiver credits nothing twice). The
# --out-of-order variants (ADR 0039: Tingee's webhook before the list shows it, TConnect's IPN while
# the query says PENDING, a card's stale pending callback after its final one) are each credited
# once, and the --debit variant is acknowledged and never credited.
# Usage: cli_trigger_test.sh <repo root> <paygw CLI> <paygw-sandbox> <receiver>
set -euo pipefail
root=$1 paygw=$2 sandbox=$3 receiver=$4
source "$root/tools/lib/sandbox.sh"
work=$(mktemp -d)
pids=()
cleanup() {
  stop_sandbox
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  for f in "$work"/*.log; do echo "--- $f"; cat "$f"; done
  exit 1
}
export_sandbox_credentials
export PAYGW_STORE_KEY="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" PAYGW_RECEIVER_DB="$work/store.db"

# --- usage errors and not found, before anything runs
set +e
"$paygw" trigger tingee --sandbox http://127.0.0.1:1 2>"$work/usage.err"
[ $? -eq 2 ] || fail "trigger tingee without --device/--amount: expected exit 2"
"$paygw" trigger tingee --amount 1-000 --sandbox http://127.0.0.1:1 2>/dev/null
[ $? -eq 2 ] || fail "a bad --amount: expected exit 2"
"$paygw" trigger charging --request-id x --status 2 --sandbox http://127.0.0.1:1 2>/dev/null
[ $? -eq 2 ] || fail "--status 2 cannot come by callback: expected exit 2"
"$paygw" listen --port 0 2>/dev/null
[ $? -eq 2 ] || fail "listen without --forward-to: expected exit 2"
set -e

# --- the sandbox (no delivery URLs: trigger --url names them), the receiver, listen in between
start_sandbox "$sandbox" "$work/sandbox.log" --charging-delay-ms 100
"$receiver" --port 0 >"$work/receiver.log" 2>&1 &
pids+=($!)
receiver_url=$(wait_for_url "$work/receiver.log" "${pids[-1]}")
[ -n "$receiver_url" ] || fail "receiver did not start"
receiver_base=${receiver_url%/charge/callback}
"$paygw" listen --port 0 --forward-to "$receiver_base" --capture "$work/capture.jsonl" --max-deliveries 8 \
  >"$work/listen.log" 2>&1 &
listen_pid=$!
pids+=($listen_pid)
listen_url=$(wait_for_url "$work/listen.log" "$listen_pid")
listen_url=${listen_url%% *}
[ -n "$listen_url" ] || fail "listen did not start"

# A QR on DEMO-BOX-3LS, paid by trigger: 3 copies, one credit.
qr=$("$paygw" qr build --bin 970422 --account 0023457923442 --amount 40123 --purpose 'Don hang 12' --raw)
"$paygw" tingee show-qr-code --uuid DEMO-BOX-3LS --amount 40123 --qr-code "$qr" >/dev/null
"$paygw" trigger tingee --device DEMO-BOX-3LS --duplicates 2 --url "$listen_url/tingee/webhook" --json \
  >"$work/tingee.json" || fail "trigger tingee --device"
grep -q '"amount": 40123' "$work/tingee.json" || fail "not the amount the device shows"
grep -q '"content": "Don hang 12"' "$work/tingee.json" || fail "not the QR's purpose"
[ "$(grep -c '^ *200,\{0,1\}$' "$work/tingee.json")" -eq 3 ] || fail "3 deliveries answered 200 expected"
[ "$(grep -c 'tingee payment .* 40123 VND: verified -> 200' "$work/listen.log")" -eq 3 ] ||
  fail "listen did not print 3 verified tingee deliveries"
[ "$(grep -c '^tingee payment .*: credit 40123 VND' "$work/receiver.log")" -eq 1 ] || fail "not credited once"

# The wrong-amount variant: the device shows 40123 again (a paid device shows "paid" until its next
# QR), the payer sends 40000.
"$paygw" tingee show-qr-code --uuid DEMO-BOX-3LS --amount 40123 --qr-code "$qr" >/dev/null
"$paygw" trigger tingee --device DEMO-BOX-3LS --amount 40000 --url "$listen_url/tingee/webhook" --json \
  >"$work/wrong.json" || fail "trigger tingee --amount"
grep -q '"wrong_amount": true' "$work/wrong.json" || fail "wrong_amount not reported"
grep -q '"shown_amount": 40123' "$work/wrong.json" || fail "shown_amount not reported"

# A TConnect order by --order, and the order POS-0001 shows (pushed first).
"$paygw" trigger tconnect --order ORD-T1 --amount 70000 --url "$listen_url/tconnect/ipn" >/dev/null ||
  fail "trigger tconnect --order"
"$paygw" tconnect push-pos --serial POS-0001 --order-id ORD-T2 --amount 150000 >/dev/null
"$paygw" trigger tconnect --device POS-0001 --url "$listen_url/tconnect/ipn" --raw >"$work/tconnect.raw" ||
  fail "trigger tconnect --device"
grep -q 'tconnect ipn ORD-T1 .* 70000 VND: decrypted' "$work/listen.log" || fail "listen: ORD-T1 IPN"
grep -q 'tconnect ipn ORD-T2 .* 150000 VND: decrypted' "$work/listen.log" || fail "listen: ORD-T2 IPN (the POS's order)"

# A delivery that does not verify: listen says so and still forwards it (the receiver refuses it).
curl -s -o /dev/null -X POST "$listen_url/tingee/webhook" -H 'Content-Type: application/json' \
  -H 'x-request-timestamp: 20260101000000000' -H 'x-signature: 00' --data '{"transactionCode":"X","amount":1}'
grep -q 'tingee: REJECTED: ' "$work/listen.log" || fail "a bad signature not reported"

# Bytes that are not UTF-8, for nobody: captured exactly (as hex), forwarded, the receiver's 404 relayed.
status=$(printf '\xff\xfe\x00' | curl -s -o /dev/null -w '%{http_code}' -X POST "$listen_url/elsewhere" --data-binary @-)
[ "$status" = 404 ] || fail "the receiver's 404 was not relayed (got $status)"
grep -q 'POST /elsewhere: unknown: unrecognised (forwarded as is) -> 404' "$work/listen.log" || fail "listen: /elsewhere"

# listen stops by itself after --max-deliveries 8 (3 + 1 + 2 + 1 + 1).
for _ in $(seq 100); do kill -0 "$listen_pid" 2>/dev/null || break; sleep 0.05; done
! kill -0 "$listen_pid" 2>/dev/null || fail "listen did not stop after --max-deliveries"
[ "$(wc -l <"$work/capture.jsonl")" -eq 8 ] || fail "8 captured deliveries expected"
grep -q '"body_hex":"fffe00"' "$work/capture.jsonl" || fail "the binary body was not captured as hex"

# --replay: the same bytes again; the receiver acknowledges the duplicates and credits nothing.
set +e
"$paygw" listen --replay "$work/capture.jsonl" --forward-to "$receiver_base" >"$work/replay.log" 2>&1
[ $? -eq 1 ] || fail "replay: exit 1 expected (the bad signature and /elsewhere are refused)"
set -e
grep -q '^replayed 8 deliveries, 2 not answered 2xx' "$work/replay.log" || fail "replay summary"
[ "$(grep -c 'tingee payment .* 40123 VND: verified -> 200' "$work/replay.log")" -eq 3 ] || fail "replayed tingee"
[ "$(grep -c '^tingee payment .*: credit 40123 VND' "$work/receiver.log")" -eq 1 ] || fail "a replay credited again"

# --out-of-order, straight to the receiver. Tingee: the first copy goes out before the transaction
# list shows the payment; the receiver credits it once. TConnect: the first IPN goes out while the
# query still shows the order PENDING: the receiver cannot confirm it (refused: 503), credits a later
# copy, once.
"$paygw" trigger tingee --amount 51234 --va VA-OOO --content 'Don hang 13' --duplicates 2 --out-of-order \
  --url "$receiver_base/tingee/webhook" --json >"$work/ooo_tingee.json" || fail "trigger tingee --out-of-order"
grep -q '"out_of_order": true' "$work/ooo_tingee.json" || fail "tingee: out_of_order not reported"
[ "$(grep -c '^ *200,\{0,1\}$' "$work/ooo_tingee.json")" -eq 3 ] || fail "tingee out of order: 3 deliveries answered 200"
[ "$(grep -c '^tingee payment .*: credit 51234 VND' "$work/receiver.log")" -eq 1 ] ||
  fail "tingee out of order: not credited once"
"$paygw" trigger tconnect --order ORD-T3 --amount 80000 --duplicates 2 --out-of-order \
  --url "$receiver_base/tconnect/ipn" --json >"$work/ooo_tconnect.json" || fail "trigger tconnect --out-of-order"
grep -q '"out_of_order": true' "$work/ooo_tconnect.json" || fail "tconnect: out_of_order not reported"
tr -d ' \n' <"$work/ooo_tconnect.json" | grep -q '"deliveries":\[[45][0-9][0-9],200,200\]' ||
  fail "tconnect out of order: the first IPN (order still PENDING) refused, the later ones acknowledged"
[ "$(grep -c '^tconnect payment ORD-T3: credit 80000 VND' "$work/receiver.log")" -eq 1 ] ||
  fail "tconnect out of order: not credited once"

# The debit variant: money out of the account ("type": "DEBIT"); acknowledged as Tingee expects
# (200 {"code":"00",...}, so it stops retrying), alerted, never credited.
"$paygw" trigger tingee --debit --amount 30000 --va VA-OOO --content 'Rut tien' --duplicates 1 \
  --url "$receiver_base/tingee/webhook" --json >"$work/debit.json" || fail "trigger tingee --debit"
grep -q '"type": "DEBIT"' "$work/debit.json" || fail "debit: type not reported"
[ "$(grep -c '^ *200,\{0,1\}$' "$work/debit.json")" -eq 2 ] || fail "debit: 2 deliveries answered 200 expected"
grep -q 'credit 30000 VND' "$work/receiver.log" && fail "a debit was credited"
[ "$(grep -c '^ALERT debit .*not a credit (type DEBIT)' "$work/receiver.log")" -eq 2 ] || fail "debit: not alerted"
grep -q 'POST /tingee/webhook -> 200: .*not a credit (type DEBIT)' "$work/receiver.log" || fail "debit: receiver's note"
ts="$(date -u +%Y%m%d%H%M%S)000"
body='{"transactionCode":"FT-DEBIT-1","amount":30000,"accountNumber":"0023457923442","transactionDate":"20261207120000","type":"DEBIT"}'
sig=$(printf '%s' "$ts:$body" | openssl dgst -sha512 -hmac "$PAYGW_TINGEE_SECRET" -r | cut -d' ' -f1)
reply=$(curl -s -X POST "$receiver_base/tingee/webhook" -H 'Content-Type: application/json' \
  -H "x-request-timestamp: $ts" -H "x-signature: $sig" --data "$body" -w ' %{http_code}')
[ "$reply" = '{"code":"00","message":"Success"} 200' ] || fail "debit: the receiver's reply: $reply"
"$paygw" trigger tingee --debit --device DEMO-BOX-3LS --amount 1 2>/dev/null && fail "--debit with --device accepted"

# A card's callback: trigger submits a card the sandbox settles to status 3 and reports by callback.
# A second card, known to a second receiver's store, is settled to status 1 with a duplicate and a
# stale pending callback after the final one (--out-of-order): credited once.
stop_sandbox
code2=$(printf '%014d9' "$RANDOM") serial2=$(printf '%014d' "$RANDOM") rid2="trg2-$RANDOM"
PAYGW_RECEIVER_DB="$work/store2.db" "$receiver" --port 0 VIETTEL "$code2" "$serial2" 50000 "$rid2" \
  >"$work/receiver2.log" 2>&1 &
pids+=($!)
receiver2_url=$(wait_for_url "$work/receiver2.log" "${pids[-1]}")
[ -n "$receiver2_url" ] || fail "receiver 2 did not start"
"$paygw" listen --port 0 --forward-to "${receiver2_url%/charge/callback}" --max-deliveries 4 >"$work/listen2.log" 2>&1 &
listen_pid=$!
pids+=($listen_pid)
listen_url=$(wait_for_url "$work/listen2.log" "$listen_pid")
listen_url=${listen_url%% *}
start_sandbox "$sandbox" "$work/sandbox2.log" --charging-delay-ms 100 --charging-callback-url "$listen_url/charge/callback"
rid="trg-$RANDOM"
"$paygw" trigger charging --request-id "$rid" --status 3 --json >"$work/charging.json" || fail "trigger charging"
grep -q '"status_now": 99' "$work/charging.json" || fail "the card is not pending"
grep -q '"code": "<redacted>"' "$work/charging.json" || fail "the card code is not redacted"
for _ in $(seq 100); do grep -q "charging callback $rid" "$work/listen2.log" && break; sleep 0.05; done
"$paygw" trigger charging --request-id "$rid2" --code "$code2" --serial "$serial2" --duplicates 1 --out-of-order \
  --json >"$work/charging2.json" || fail "trigger charging --out-of-order"
grep -q '"out_of_order": true' "$work/charging2.json" || fail "charging: out_of_order not reported"
for _ in $(seq 200); do kill -0 "$listen_pid" 2>/dev/null || break; sleep 0.05; done
grep -q "charging callback $rid status 3.*: signature ok, final, no credit" "$work/listen2.log" ||
  fail "listen: the card's callback"
[ "$(grep -c "charging callback $rid2 status 1" "$work/listen2.log")" -eq 2 ] || fail "listen: 2 final callbacks"
grep -q "charging callback $rid2 status 99" "$work/listen2.log" || fail "listen: the stale pending callback"
[ "$(grep -c "^card $rid2 final: .*, credit [0-9]* VND" "$work/receiver2.log")" -eq 1 ] || fail "card out of order: not credited once"

# A device that does not exist: exit 3.
set +e
"$paygw" trigger tingee --device NO-SUCH-BOX 2>/dev/null
[ $? -eq 3 ] || fail "unknown device: expected exit 3"
set -e
echo "cli_trigger: ok"
