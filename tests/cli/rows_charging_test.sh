#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `paygw charging endpoints` and `paygw charging call` (ADR 0052) against paygw-sandbox: every
# endpoint the table lists is called through `call` with a JSON body (the wire fields, snake_case)
# read into its typed request and signed and sent by the typed client; a row with no call here fails
# the test, naming it. A card result sets the exit code as `charging submit`/`check` do (0 credited,
# 3 not found, 4 not credited, 5 pending). The strict reader's refusals (an unknown key, a wrong
# JSON type, a fraction, an overflow) and the client's (a bad code, an unknown denomination) exit 2
# and send nothing (against a port nothing listens on, where a request that is tried exits 6). A
# card's code and serial are never in the CLI's output or errors — not in a result, not in a
# refusal, not in a JSON syntax error. The requests have no enum member (the unknown-enum refusal
# is tested on Tingee's rows).
# Usage: rows_charging_test.sh <repo root> <paygw> <paygw-sandbox>
set -euo pipefail
root=$1 cli=$2 sandbox=$3
source "$(dirname "$0")/prelude.sh"   # $work, $log, fail, run, expect, json, call, all_called
group=charging
# The sandbox credits code 1234567891, refuses 1234567893, keeps 1234567895 pending; the serials
# are any (one per card: the serial check reports the cards charged with its serial).
code=1234567891 serial=58203716492 serial_bad=58203716493 serial_wait=58203716494
secret() {  # fails when the last command's stdout or stderr shows a card's code or serial
  if grep -qF -e "$code" -e 1234567893 -e 1234567895 -e "$serial" -e "$serial_bad" -e "$serial_wait" <<<"$out$err"; then
    fail "a card's code or serial was echoed: stdout: $out; stderr: $err"
  fi
}
card() {  # card <code> <request_id> [more JSON members] [serial]
  echo "{\"telco\": \"VIETTEL\", \"code\": \"$1\", \"serial\": \"${4:-$serial}\", \"amount\": 50000, \"request_id\": \"$2\"${3:+, $3}}"
}

export_sandbox_credentials
start_sandbox "$sandbox" "$log"

# ---- the table ----
expect 0 "$cli" charging endpoints --json
json '.count == (.endpoints | length) and .count >= 5'
json '.endpoints[] | select(.name == "submit") | .kind == "write" and .request == "CardRequest" and .path == "{path}"'
json '.endpoints[] | select(.name == "check") | .kind == "read"'
json '.endpoints[] | select(.name == "check-serial") | .path == "{serial_check_path}"'
expect 0 "$cli" charging call submit --example --json
json 'keys == ["amount", "code", "request_id", "serial", "telco"]'

# ---- refusals: exit 2, a message naming the problem, nothing sent, no code or serial shown ----
export PAYGW_CHARGING_BASE_URL=http://127.0.0.1:9
rid="rows-$RANDOM$RANDOM"
expect 2 "$cli" charging call submit --body "$(card $code "$rid" '"pin": "1"')"
grep -q "body.pin is not a member of this request (known: telco, code, serial, amount, request_id)" <<<"$err" || fail "unknown key: $err"
secret
expect 2 "$cli" charging call submit --body "{\"telco\": \"VIETTEL\", \"code\": $code, \"serial\": \"$serial\", \"amount\": 50000, \"request_id\": \"$rid\"}"
grep -q "body.code must be a JSON string" <<<"$err" || fail "a number for the code: $err"
secret
expect 2 "$cli" charging call submit --body "{\"telco\": \"VIETTEL\", \"code\": \"$code\", \"serial\": \"$serial\""   # cut short
grep -q -- "--body is not JSON" <<<"$err" || fail "bad JSON: $err"
secret
expect 2 "$cli" charging call submit --body "{\"code\": \"$code\", \"serial\": \"$serial\" \"telco\": \"VIETTEL\"}"   # a comma missing
secret
expect 2 "$cli" charging call submit --body "{\"telco\": \"VIETTEL\", \"code\": \"$code"   # the parser's "last read" would be the code
grep -q -- "--body is not JSON" <<<"$err" || fail "an unterminated string: $err"
secret
expect 2 "$cli" charging call submit --body "$(card $code "$rid" | sed 's/50000/50000.5/')"
grep -q "body.amount must be a whole number" <<<"$err" || fail "fraction: $err"
expect 2 "$cli" charging call submit --body "$(card $code "$rid" | sed 's/50000/99999999999999999999/')"
grep -q "body.amount must be a whole number" <<<"$err" || fail "overflow: $err"
expect 2 "$cli" charging call check-serial --body "{\"telco\": \"VIETTEL\", \"serial\": [\"$serial\"]}"
grep -q "body.serial must be a JSON string" <<<"$err" || fail "a list for the serial: $err"
secret
expect 2 "$cli" charging call submit --body "$(card "12-34" "$rid")"   # the client's validation
grep -q "code must be 1..32 letters or digits" <<<"$err" || fail "a bad code: $err"
expect 2 "$cli" charging call submit --body "$(card $code "$rid" | sed 's/50000/9007199254740992/')"
grep -q "declared_value .* is not a VIETTEL denomination" <<<"$err" || fail "oversized amount: $err"
secret
expect 2 "$cli" charging call get-fees --body '{"partner_id": "1"}'
grep -q "takes no request" <<<"$err" || fail "a body for a call without a request: $err"
expect 6 "$cli" charging call submit --body "$(card $code "$rid")"   # valid: it is tried
secret
export PAYGW_CHARGING_BASE_URL=$SANDBOX_URL

# ---- every endpoint, through `call` ----
call 0 submit "$(card $code "$rid-ok")" '.status == "success" and .outcome == "credited" and .amount == 35000'
secret
json '(.json | fromjson | .code == "<redacted>" and .serial == "<redacted>")'
call 0 check "$(card $code "$rid-ok")" '.outcome == "credited" and .request_id == "'"$rid-ok"'"'
secret
call 3 check "$(card $code "$rid-nope")" '.outcome == "not_found"'
call 4 submit "$(card 1234567893 "$rid-bad" "" "$serial_bad")" '.status == "card_error" and .outcome == "not_credited"'
secret
call 5 submit "$(card 1234567895 "$rid-wait" "" "$serial_wait")" '.outcome == "pending"'
secret
call 0 get-fees '{}' '(.rows | length) > 0 and .rows[0].fees.ten_thousandths == 300000'
call 0 get-price-table '{}' '(.telcos | length) > 0 and (.table.rows | length) > 0'
call 0 check-serial "{\"telco\": \"VIETTEL\", \"serial\": \"$serial\"}" '.card_status == "unavailable" and .serial == "<redacted>"'
secret
expect 0 "$cli" charging call check-serial --body - <<<"{\"telco\": \"VT\", \"serial\": \"$serial\"}"   # an alias; standard input
secret
card $code "$rid-ok" >"$work/card.json"
expect 0 "$cli" charging call check --body-file "$work/card.json" --raw
secret

# ---- every listed endpoint was called ----
all_called
