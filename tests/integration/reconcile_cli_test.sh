#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `paygw reconcile` against paygw-sandbox and a SQLite store: a card recorded and
# submitted whose callback never came, and a card recorded but never sent (the process died in
# between), are both settled through check(); the receiver then runs the owed handlers once.
# Usage: reconcile_cli_test.sh <repo root> <paygw-sandbox> <paygw CLI> <receiver> <charging_submit>
set -euo pipefail
root=$1 sandbox=$2 paygw=$3 receiver=$4 submit=$5
source "$root/tools/lib/sandbox.sh"
work=$(mktemp -d)
trap 'stop_sandbox; [ -n "${RECEIVER_PID:-}" ] && kill "$RECEIVER_PID" 2>/dev/null; rm -rf "$work"' EXIT
export_sandbox_credentials
export PAYGW_STORE_KEY="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" PAYGW_RECEIVER_DB="$work/store.db"
start_sandbox "$sandbox" "$work/sandbox.log"  # no callback URL: no callback ever arrives

# record <card...>: the receiver writes the card ahead and is then killed (a crash after the write-ahead).
record() {
  "$receiver" --port 0 "$@" >"$work/record.log" 2>&1 &
  RECEIVER_PID=$!
  [ -n "$(wait_for_url "$work/record.log" "$RECEIVER_PID")" ] || { cat "$work/record.log"; exit 1; }
  kill -9 "$RECEIVER_PID"; wait "$RECEIVER_PID" 2>/dev/null || true; RECEIVER_PID=""
}
sent="rc-sent-$RANDOM" lost="rc-lost-$RANDOM"
record "${DEMO_CARD[@]}" "$sent"
PAYGW_CHARGING_POLL_MS=100 "$submit" "${DEMO_CARD[@]}" "$sent" >"$work/submit.log"  # the provider has it
record VIETTEL 312821445892987 10004783347875 50000 "$lost"                         # never sent

"$paygw" reconcile --sqlite "$work/store.db" --older-than 0s --rate 20 | tee "$work/reconcile.log"
grep -q "charging:$sent applied" "$work/reconcile.log" || { echo "the sent card was not settled"; exit 1; }
grep -q "charging:$lost applied" "$work/reconcile.log" || { echo "the lost card was not settled"; exit 1; }
grep -q "reconciled 2 of 2: 2 applied" "$work/reconcile.log" || { echo "unexpected summary"; exit 1; }

# The service starts: the handlers the CLI left owed run, once each.
"$receiver" --port 0 >"$work/service.log" 2>&1 &
RECEIVER_PID=$!
[ -n "$(wait_for_url "$work/service.log" "$RECEIVER_PID")" ] || { cat "$work/service.log"; exit 1; }
kill "$RECEIVER_PID"; wait "$RECEIVER_PID" 2>/dev/null || true; RECEIVER_PID=""
grep -q "card $sent final: success, credit 35000 VND (from the check)" "$work/service.log" ||
  { echo "owed handler did not run: $(cat "$work/service.log")"; exit 1; }
grep -q "card $lost final: not_found, no credit (from the check)" "$work/service.log" ||
  { echo "owed handler did not run: $(cat "$work/service.log")"; exit 1; }
[ "$(grep -c ' final: ' "$work/service.log")" -eq 2 ] || { echo "handlers ran more than once"; exit 1; }

"$paygw" reconcile --sqlite "$work/store.db" --older-than 0s | grep -q "reconciled 0 of 0" ||
  { echo "something was left to reconcile"; exit 1; }
# Bad usage is an error, not a silent no-op.
if "$paygw" reconcile --older-than 0s >/dev/null 2>&1; then echo "accepted no store"; exit 1; fi
echo "paygw reconcile: OK"
