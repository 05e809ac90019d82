#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `paygw sweep` against paygw-sandbox and a SQLite store: Tingee transfers and a TConnect payment
# whose webhooks/IPN nobody received are applied once; a run stopped at --max-pages resumes from its
# --cursor file (removed when the window is done); a second sweep applies nothing.
# Usage: sweep_cli_test.sh <repo root> <paygw-sandbox> <paygw CLI>
set -euo pipefail
root=$1 sandbox=$2 paygw=$3
source "$root/tools/lib/sandbox.sh"
work=$(mktemp -d)
trap 'stop_sandbox; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export_sandbox_credentials
start_sandbox "$sandbox" "$work/sandbox.log"
nowhere="http://127.0.0.1:9/missed"  # the deliveries fail: the webhooks and the IPN are missed
for i in 1 2 3; do
  curl -sf -X POST "$SANDBOX_URL/_sandbox/tingee/payments" -H 'Content-Type: application/json' \
    -d "{\"amount\": 200$i, \"vaAccountNumber\": \"TNG1\", \"content\": \"t$i\", \"url\": \"$nowhere\"}" >/dev/null
done
curl -sf -X POST "$SANDBOX_URL/_sandbox/tconnect/payments" -H 'Content-Type: application/json' \
  -d "{\"order_id\": \"ORD-SWEEP-$RANDOM\", \"amount\": 150000, \"url\": \"$nowhere\"}" >/dev/null

set +e
"$paygw" sweep --sqlite "$work/store.db" --since 1h --cursor "$work/cursor" --page-size 2 --max-pages 2 --pause 0s \
  >"$work/first.log" 2>&1
rc=$?
set -e
[ "$rc" = 5 ] || fail "a run stopped at --max-pages exited $rc: $(cat "$work/first.log")"
grep -q "^sweep1 .* tconnect-qr " "$work/cursor" || fail "no cursor saved: $(cat "$work/cursor" 2>&1)"
grep -q "3 applied" "$work/first.log" || fail "the Tingee transfers were not applied: $(cat "$work/first.log")"

"$paygw" sweep --sqlite "$work/store.db" --cursor "$work/cursor" --pause 0s >"$work/rest.log" 2>&1 ||
  fail "the resumed run failed: $(cat "$work/rest.log")"
grep -q "^sweep: resuming sweep1 " "$work/rest.log" || fail "did not resume: $(cat "$work/rest.log")"
grep -q "1 applied, 0 duplicates.*window done" "$work/rest.log" || fail "the TConnect payment: $(cat "$work/rest.log")"
[ ! -e "$work/cursor" ] || fail "the cursor of a finished window is kept"

"$paygw" sweep --sqlite "$work/store.db" --since 1h --pause 0s >"$work/again.log" 2>&1 ||
  fail "the second sweep failed: $(cat "$work/again.log")"
grep -q "4 listed, 0 applied, 4 duplicates.*window done" "$work/again.log" ||
  fail "a second sweep applied something: $(cat "$work/again.log")"
# Bad usage is an error, not a silent no-op.
if "$paygw" sweep --since 1h >/dev/null 2>&1; then fail "accepted no store"; fi
echo "paygw sweep: OK"
