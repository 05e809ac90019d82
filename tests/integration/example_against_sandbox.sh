#!/usr/bin/env bash
# Starts paygw-sandbox on a free loopback port with fresh credentials, runs an example against
# it through the real libcurl transport, checks the sandbox recorded the device effects, and
# stops the sandbox.  Usage: example_against_sandbox.sh <paygw-sandbox> <tingee_show_qr>
set -euo pipefail
sandbox=$1 example=$2
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
export PAYGW_TINGEE_CLIENT_ID="it-$RANDOM"
export PAYGW_TINGEE_SECRET="it-secret-$RANDOM$RANDOM"
"$sandbox" --port 0 >"$work/sandbox.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
  url=$(sed -n 's/^listening on //p' "$work/sandbox.log")
  [ -n "$url" ] && break
  sleep 0.05
done
[ -n "${url:-}" ] || { echo "sandbox did not start"; cat "$work/sandbox.log"; exit 1; }
PAYGW_TINGEE_BASE_URL=$url "$example"
events=$(curl -sf "$url/_sandbox/events")
echo "$events" | grep -q '"display-qr"' || { echo "no QR display recorded: $events"; exit 1; }
echo "$events" | grep -q '"announce-amount"' || { echo "no amount announcement recorded: $events"; exit 1; }
# A request signed over other bytes than it carries is refused with code 97.
ts=$(TZ=Asia/Ho_Chi_Minh date +%Y%m%d%H%M%S000)
sig=$(printf '%s' "$ts:{\"uuid\":\"DEMO-BOX-3LS\"}" | openssl dgst -sha512 -hmac "$PAYGW_TINGEE_SECRET" | awk '{print $NF}')
reply=$(curl -sf -X POST "$url/v1/device/read-security-code" -H 'Content-Type: application/json' \
  -H "x-client-id: $PAYGW_TINGEE_CLIENT_ID" -H "x-request-timestamp: $ts" -H "x-signature: $sig" \
  --data '{"uuid": "DEMO-BOX-3LS"}')
echo "$reply" | grep -q '"code":"97"' || { echo "sandbox accepted a signature over different bytes: $reply"; exit 1; }
# ...and accepted when the bytes are the signed ones (proves the probe above is well-formed).
reply=$(curl -sf -X POST "$url/v1/device/read-security-code" -H 'Content-Type: application/json' \
  -H "x-client-id: $PAYGW_TINGEE_CLIENT_ID" -H "x-request-timestamp: $ts" -H "x-signature: $sig" \
  --data '{"uuid":"DEMO-BOX-3LS"}')
echo "$reply" | grep -q '"code":"00"' || { echo "sandbox refused a correctly signed request: $reply"; exit 1; }
echo "example against sandbox: OK"
