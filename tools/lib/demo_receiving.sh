# SPDX-License-Identifier: MIT
# Sourced by tools/demo: the "receiving payments" part of the demo (see docs/receiving-payments.md).
#
# demo_receiving <build dir>: a receiver (examples/receiver: Dispatcher + SQLite store) and a
# sandbox that delivers every charging callback three times plus a stale pending one, and a Tingee
# payment webhook three times (`paygw trigger` pays the QR a device shows; `paygw listen` checks and
# prints each delivery on its way to the receiver) — each payment is credited once. Runs in a subshell with its own
# sandbox, credentials and store; needs tools/lib/sandbox.sh sourced first.
demo_receiving() (
  set -euo pipefail
  local build=$1 work
  work=$(mktemp -d)
  trap 'stop_sandbox; if [ -n "${LISTEN_PID:-}" ]; then kill "$LISTEN_PID" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
  export_sandbox_credentials
  export PAYGW_STORE_KEY="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" PAYGW_RECEIVER_DB="$work/store.db"
  local request_id="demo-rcv-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
  start_callback_server "$build/examples/receiver" "$work/receiver.log" "${DEMO_CARD[@]}" "$request_id"
  local base=${PAYGW_CHARGING_CALLBACK_URL%/charge/callback}
  start_sandbox "$build/tools/sandbox/paygw-sandbox" "$work/sandbox.log" \
    --charging-callback-duplicates 2 --charging-callback-out-of-order
  echo "== Receiving: the QR on DEMO-BOX-3LS paid, its webhook delivered 3 times (through paygw listen)"
  local paygw="$build/tools/cli/paygw" qr listen_url
  "$paygw" listen --port 0 --forward-to "$base" --max-deliveries 3 >"$work/listen.log" 2>&1 &
  LISTEN_PID=$!
  listen_url=$(wait_for_url "$work/listen.log" "$LISTEN_PID")
  listen_url=${listen_url%% *}
  [ -n "$listen_url" ] || { echo "paygw listen did not start:"; cat "$work/listen.log"; return 1; }
  qr=$("$paygw" qr build --bin 970422 --account 0023457923442 --amount 120000 --purpose DH1001 --raw)
  "$paygw" tingee show-qr-code --uuid DEMO-BOX-3LS --amount 120000 --qr-code "$qr" >/dev/null
  echo "\$ paygw trigger tingee --device DEMO-BOX-3LS --duplicates 2 --url <paygw listen>/tingee/webhook"
  "$paygw" trigger tingee --device DEMO-BOX-3LS --duplicates 2 --url "$listen_url/tingee/webhook" | sed 's/^/   /'
  for _ in $(seq 100); do kill -0 "$LISTEN_PID" 2>/dev/null || break; sleep 0.05; done
  echo "-- paygw listen printed:"
  sed 's/^/   /' "$work/listen.log"
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
