#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the examples through the real libcurl transport against paygw-sandbox (fresh
# credentials, free loopback port), checks the device effects the sandbox recorded, and that
# the sandbox refuses a Tingee signature computed over other bytes than sent.
# Usage: example_against_sandbox.sh <repo root> <paygw-sandbox> <tingee_show_qr> <tconnect_push>
#          <charging_submit> <receiver>
set -euo pipefail
root=$1 sandbox=$2 tingee_example=$3 tconnect_example=$4 charging_example=$5 callback_example=$6
source "$root/tools/lib/sandbox.sh"
log=$(mktemp)
cblog=$(mktemp)
trap 'stop_sandbox; rm -f "$log" "$cblog" "$log.db" "$log.db-wal" "$log.db-shm"' EXIT
export_sandbox_credentials
export PAYGW_STORE_KEY="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" PAYGW_RECEIVER_DB="$log.db"
request_id="it-$RANDOM$RANDOM"
start_callback_server "$callback_example" "$cblog" "${DEMO_CARD[@]}" "$request_id"
# Every final callback twice more, and a stale pending one after it: the receiver applies it once.
start_sandbox "$sandbox" "$log" --charging-callback-duplicates 2 --charging-callback-out-of-order
url=$SANDBOX_URL

"$tingee_example"
"$tconnect_example" pos POS-0001 ORD-1001 150000
"$tconnect_example" soundbox SB-0001 180000 "$DEMO_QR"
if "$tconnect_example" pos POS-9999 ORD-1002 1000 2>"$log.err"; then
  echo "a push to an unknown device succeeded"; exit 1
fi
grep -q "Device not found" "$log.err" || { echo "unexpected failure text: $(cat "$log.err")"; exit 1; }

# Card charging: pending, then final by check; the callback receiver verifies and applies it once.
PAYGW_CHARGING_POLL_MS=100 "$charging_example" "${DEMO_CARD[@]}" "$request_id" | tee "$log.charge"
grep -q "final: credit 35000 VND" "$log.charge" || { echo "charging did not end in a credit"; exit 1; }
for _ in $(seq 100); do kill -0 "$CALLBACK_PID" 2>/dev/null || break; sleep 0.05; done
grep -q "final: success, credit 35000 VND (from the callback)" "$cblog" || { echo "callback not applied: $(cat "$cblog")"; exit 1; }
[ "$(grep -c 'final: ' "$cblog")" -eq 1 ] || { echo "applied more than once: $(cat "$cblog")"; exit 1; }
grep -q "charging duplicate" "$cblog" || { echo "no duplicate delivery seen: $(cat "$cblog")"; exit 1; }
# A second submission of the same request_id is a duplicate, not a second charge.
if PAYGW_CHARGING_POLL_MS=100 "$charging_example" "${DEMO_CARD[@]}" "$request_id" >"$log.charge" 2>&1; then :; fi
grep -q "status 102 (duplicate_request)" "$log.charge" || { echo "no duplicate detected: $(cat "$log.charge")"; exit 1; }
rm -f "$log.charge"

events=$(curl -sf "$url/_sandbox/events")
for e in display-qr announce-amount push-pos push-soundbox callback; do
  echo "$events" | grep -q "\"$e\"" || { echo "no $e event recorded: $events"; exit 1; }
done

# A Tingee request signed over other bytes than it carries is refused with code 97...
ts=$(TZ=Asia/Ho_Chi_Minh date +%Y%m%d%H%M%S000)
sig=$(printf '%s' "$ts:{\"uuid\":\"DEMO-BOX-3LS\"}" | openssl dgst -sha512 -hmac "$PAYGW_TINGEE_SECRET" | awk '{print $NF}')
send() {
  curl -sf -X POST "$url/v1/device/read-security-code" -H 'Content-Type: application/json' \
    -H "x-client-id: $PAYGW_TINGEE_CLIENT_ID" -H "x-request-timestamp: $ts" -H "x-signature: $sig" --data "$1"
}
reply=$(send '{"uuid": "DEMO-BOX-3LS"}')
echo "$reply" | grep -q '"code":"97"' || { echo "sandbox accepted a signature over different bytes: $reply"; exit 1; }
# ...and accepted when the bytes are the signed ones (so the probe above is well-formed).
reply=$(send '{"uuid":"DEMO-BOX-3LS"}')
echo "$reply" | grep -q '"code":"00"' || { echo "sandbox refused a correctly signed request: $reply"; exit 1; }
rm -f "$log.err"
echo "examples against sandbox: OK"
