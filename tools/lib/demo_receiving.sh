# SPDX-License-Identifier: MIT
# Sourced by tools/demo: the "receiving payments" part of the demo (see docs/receiving-payments.md).
#
# demo_receiving <build dir>: a receiver (examples/receiver: Dispatcher + SQLite store) and a
# sandbox that delivers every charging callback three times plus a stale pending one, and a Tingee
# payment webhook three times — each payment is credited once. Runs in a subshell with its own
# sandbox, credentials and store; needs tools/lib/sandbox.sh sourced first.
demo_receiving() (
  set -euo pipefail
  local build=$1 work
  work=$(mktemp -d)
  trap 'stop_sandbox; rm -rf "$work"' EXIT
  export_sandbox_credentials
  export PAYGW_STORE_KEY="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" PAYGW_RECEIVER_DB="$work/store.db"
  local request_id="demo-rcv-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
  start_callback_server "$build/examples/receiver" "$work/receiver.log" "${DEMO_CARD[@]}" "$request_id"
  local base=${PAYGW_CHARGING_CALLBACK_URL%/charge/callback}
  start_sandbox "$build/tools/sandbox/paygw-sandbox" "$work/sandbox.log" \
    --charging-callback-duplicates 2 --charging-callback-out-of-order
  echo "== Receiving: a Tingee payment webhook delivered 3 times"
  curl -sf -X POST "$SANDBOX_URL/_sandbox/tingee/payments" -H 'Content-Type: application/json' \
    --data "{\"amount\": 120000, \"content\": \"DH1001\", \"duplicates\": 2, \"url\": \"$base/tingee/webhook\"}" >/dev/null
  echo "== Receiving: a card whose callback comes 3 times, then a stale 'pending'"
  PAYGW_CHARGING_POLL_MS=150 "$build/examples/charging_submit" "${DEMO_CARD[@]}" "$request_id" >/dev/null
  for _ in $(seq 100); do kill -0 "$CALLBACK_PID" 2>/dev/null || break; sleep 0.05; done
  echo "-- the receiver printed:"
  sed 's/^/   /' "$work/receiver.log"
  local deliveries credits
  deliveries=$(grep -c ' -> 200' "$work/receiver.log" || true)
  credits=$(grep -c -E '^(card .* final|tingee payment .*): .*credit' "$work/receiver.log" || true)
  echo "== $deliveries deliveries, $credits credits (one per payment)"
  [ "$credits" -eq 2 ]
)
