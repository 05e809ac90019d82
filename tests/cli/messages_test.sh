#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The paygw CLI tells what to do (ADR 0037, the exit codes of ADR 0015): a setting that is missing
# or that the provider refuses is exit 8 naming the flag and the variable ("reached Tingee,
# refused: … — check PAYGW_TINGEE_SECRET / --secret"), never "[maybe sent]"; a business refusal is
# exit 1 "reached <provider>, refused"; outcome unknown is exit 7 with "outcome": "unknown"; an
# unknown command suggests the nearest; every command's --help lists the variables it reads;
# `tconnect decrypt` redacts a login's password; reconcile's store failures exit 1; no error
# message names a C++ constant instead of its number.
# Usage: messages_test.sh <repo root> <paygw> <paygw-sandbox>
set -euo pipefail
root=$1 cli=$2 sandbox=$3
source "$(dirname "$0")/prelude.sh"   # $work, fail, run, expect, json
has() { grep -qF -- "$1" <<<"$err" || fail "stderr does not say '$1': $err"; }
hasnt() { grep -qF -- "$1" <<<"$err" && fail "stderr says '$1': $err"; return 0; }
clean() { env -u PAYGW_TINGEE_BASE_URL -u PAYGW_TINGEE_CLIENT_ID -u PAYGW_TINGEE_SECRET -u PAYGW_TCONNECT_BASE_URL \
  -u PAYGW_TCONNECT_AES_KEY -u PAYGW_CHARGING_BASE_URL -u PAYGW_CHARGING_PARTNER_ID -u PAYGW_CHARGING_PARTNER_KEY "$@"; }

# ---- missing settings: exit 8, every missing flag and variable named ----
expect 8 clean "$cli" tingee get-paging
has "--base-url (or \$PAYGW_TINGEE_BASE_URL) is required"
has "--client-id (or \$PAYGW_TINGEE_CLIENT_ID) is required"
has "--secret (or \$PAYGW_TINGEE_SECRET) is required"
expect 8 clean "$cli" --json charging fees
json '.error.outcome == "configuration" and .error.exit_code == 8'
expect 8 clean "$cli" tconnect decrypt --data 00
has "--aes-key (or \$PAYGW_TCONNECT_AES_KEY) is required"
expect 8 clean "$cli" charging sign --code 1 --serial 2
has "--partner-key (or \$PAYGW_CHARGING_PARTNER_KEY) is required"
expect 8 clean env PAYGW_CHARGING_SCHEME=c "$cli" charging sign --partner-key K --code 1 --serial 2
has "must be a or b"
expect 8 clean "$cli" tingee get-paging --base-url ftp://x --client-id c --secret s
has "check PAYGW_TINGEE_BASE_URL / --base-url"

# ---- unknown commands: the nearest is suggested ----
expect 2 "$cli" tingee show-qr
has "Did you mean 'paygw tingee show-qr-code'?"
expect 2 "$cli" tconect push-pos
has "Did you mean 'paygw tconnect'?"
expect 2 "$cli" charging
has "paygw charging needs a command: submit, check, fees"
expect 2 "$cli" --timeout 5 tingee get-pagin --json
has "'paygw tingee get-paging'"

# ---- every command's --help lists the variables it reads ----
"$cli" completion bash >"$work/completion.bash"
paths=$(sed -n 's/^      \(\/.*\)) path=.*/\1/p' "$work/completion.bash" | tr '|' '\n')
for p in $paths; do
  words=${p//\// }
  # shellcheck disable=SC2086
  expect 0 "$cli" $words --help
  grep -q "^Environment" <<<"$out" || fail "'paygw$words --help' does not list its environment: $out"
done
expect 0 "$cli" tingee get-paging --help
for v in PAYGW_TINGEE_BASE_URL PAYGW_TINGEE_CLIENT_ID PAYGW_TINGEE_SECRET PAYGW_TINGEE_BANK_PREFIX; do
  grep -q "$v" <<<"$out" || fail "tingee get-paging --help does not list $v"
done
expect 0 "$cli" tingee sign --help
grep -q PAYGW_TINGEE_SECRET <<<"$out" && ! grep -q PAYGW_TINGEE_BASE_URL <<<"$out" || fail "tingee sign --help: $out"
expect 0 "$cli" tconnect push-pos --help
for v in BASE_URL PARTNER_CODE USERNAME PASSWORD CLIENT_ID CLIENT_SECRET AES_KEY KEY_FORMAT SERVICE_CODE; do
  grep -q "PAYGW_TCONNECT_$v" <<<"$out" || fail "tconnect push-pos --help does not list PAYGW_TCONNECT_$v"
done
expect 0 "$cli" charging submit --help
grep -q "PAYGW_CHARGING_PARTNER_KEY .*required, secret" <<<"$out" || fail "charging submit --help: $out"
expect 0 "$cli" qr build --help
grep -q "^Environment: none" <<<"$out" || fail "qr build --help: $out"
if "$cli" --help | grep -q '^  reconcile'; then
  expect 0 "$cli" reconcile --help
  for v in PAYGW_STORE_KEY PAYGW_CHARGING_BASE_URL PAYGW_CHARGING_PARTNER_KEY PAYGW_TCONNECT_AES_KEY PAYGW_TINGEE_SECRET; do
    grep -q "$v" <<<"$out" || fail "reconcile --help does not list $v: $out"
  done
  # A store that cannot be opened is a store failure (exit 1), said as such.
  expect 1 "$cli" reconcile --sqlite /nonexistent/x
  grep -q "cannot open the SQLite store /nonexistent/x" <<<"$out" || fail "reconcile: $out"
  grep -q "internal\|not sent" <<<"$out" && fail "reconcile talks about internals or sending: $out"
  expect 2 "$cli" reconcile --older-than 1s
  expect 8 env -u PAYGW_STORE_KEY PAYGW_CHARGING_BASE_URL=http://127.0.0.1:9 PAYGW_CHARGING_PARTNER_ID=1 \
    PAYGW_CHARGING_PARTNER_KEY=k "$cli" reconcile --sqlite "$work/store.db"
  grep -q "PAYGW_STORE_KEY" <<<"$out" || fail "reconcile without a store key: $out"
fi
expect 0 "$cli" --help
grep -q "8  configuration" <<<"$out" || fail "paygw --help does not list exit code 8"

# ---- limits are numbers, in the CLI and in the library's messages ----
expect 2 "$cli" charging submit --telco VIETTEL --code 1 --serial 2 --request-id r --amount 0
has "1..9007199254740991"
if grep -rnE '"[^"]*(\.\.|<= |and )kMaxAmount' "$root/src" --include='*.cpp' --include='*.hpp'; then
  fail "an error message names kMaxAmountVnd instead of its value"
fi

# ---- tconnect decrypt: a login envelope's password only with --show-secrets ----
key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
login='{"username":"demo","password":"pw-hunter2-value","client_id":"c1","client_secret":"cs-value-123"}'
data=$("$cli" tconnect encrypt --aes-key $key --plaintext "$login" --raw)
for mode in --json --raw ""; do
  # shellcheck disable=SC2086
  expect 0 "$cli" tconnect decrypt --aes-key $key --data "$data" $mode
  grep -q "pw-hunter2-value\|cs-value-123" <<<"$out" && fail "decrypt $mode printed a secret: $out"
  grep -q "<redacted>" <<<"$out" && grep -q "demo" <<<"$out" || fail "decrypt $mode: $out"
done
expect 0 "$cli" tconnect decrypt --aes-key $key --data "$data" --json --show-secrets
json '.plaintext.password == "pw-hunter2-value" and .plaintext.client_secret == "cs-value-123"'

# ---- inbound checks: exit 1, and what to check ----
body='{"clientId":"cid","transactionCode":"T1","amount":2000,"content":"x","accountNumber":"1","transactionDate":"20260716174026"}'
expect 1 "$cli" tingee verify-webhook --secret wrong --body "$body" --timestamp 20260716174026000 --signature "$(printf '0%.0s' $(seq 128))"
has "check PAYGW_TINGEE_SECRET / --secret"
expect 1 "$cli" tconnect decrypt --aes-key "$(printf 'b%.0s' $(seq 64))" --data "$data"
has "check PAYGW_TCONNECT_AES_KEY / --aes-key"

# ---- against the sandbox ----
export_sandbox_credentials
start_sandbox "$sandbox" "$work/sandbox.log"

# A wrong Tingee secret: the provider answered, refused the signature: exit 8, not "[maybe sent]".
expect 8 "$cli" tingee get-paging --secret not-the-secret
has "reached Tingee, refused: "
has "check PAYGW_TINGEE_SECRET / --secret"
hasnt "[maybe sent]"
expect 8 "$cli" --json tingee show-qr-code --uuid DEMO-BOX-3LS --amount 5000 --secret not-the-secret \
  --qr-code "$("$cli" qr build --bin 970422 --account 1 --amount 5000 --raw)"
json '.error.outcome == "configuration" and .error.exit_code == 8 and .error.provider_code == "97"'
# A wrong client id: HTTP 401, the credentials named.
expect 8 env PAYGW_TINGEE_CLIENT_ID=nobody "$cli" tingee get-paging
has "check PAYGW_TINGEE_CLIENT_ID / --client-id and PAYGW_TINGEE_SECRET / --secret"
# A wrong TConnect password: the login is refused.
expect 8 env PAYGW_TCONNECT_PASSWORD=wrong "$cli" tconnect services
has "reached TConnect, refused: "
has "PAYGW_TCONNECT_PASSWORD / --password"
# A wrong TConnect AES key: the login envelope does not decrypt there (400 "Invalid encrypted payload").
expect 8 env PAYGW_TCONNECT_AES_KEY="$(printf 'c%.0s' $(seq 64))" "$cli" tconnect services
has "check PAYGW_TCONNECT_AES_KEY / --aes-key and PAYGW_TCONNECT_KEY_FORMAT / --key-format"
hasnt "PAYGW_TCONNECT_PASSWORD"
# A wrong charging partner key: the host answers 102 INVALID_SIGNATURE — a setting, not a card (was exit 4).
card=(--telco VIETTEL --code 1234567891 --serial 99 --amount 50000 --request-id "msg-$RANDOM")
expect 8 "$cli" charging submit "${card[@]}" --partner-key wrong-key --json
json '.outcome == "configuration"'
has "reached the card-charging host, refused: INVALID_SIGNATURE"
has "check PAYGW_CHARGING_PARTNER_KEY / --partner-key"
expect 8 "$cli" charging check "${card[@]}" --partner-id 1
has "check PAYGW_CHARGING_PARTNER_ID / --partner-id"

# A business refusal: the provider answered and said no; nothing was done: exit 1.
expect 1 "$cli" tingee show-qr-code --uuid DEMO-BOX-6XS --amount 5000 \
  --qr-code "$("$cli" qr build --bin 970422 --account 1 --amount 5000 --raw)"
has "reached Tingee, refused: "
hasnt "[maybe sent]"
has "nothing was done"

# Outcome unknown: exit 7 and "outcome": "unknown", never "rejected".
curl -sf -X POST "$SANDBOX_URL/_sandbox/faults" -d '{"mode":"http502","path":"/openapi/v1/devices/payments/push"}' >/dev/null
expect 7 "$cli" --json tconnect push-pos --serial POS-0001 --order-id ORD-MSG-502 --amount 1000
json '.error.outcome == "unknown" and .error.outcome_unknown == true and .error.exit_code == 7'
has "reconcile"
curl -sf -X POST "$SANDBOX_URL/_sandbox/faults" -d '{"mode":"timeout","ms":2500,"path":"/v1/device/show-qr-code"}' >/dev/null
expect 7 "$cli" --json --timeout 1 tingee show-qr-code --uuid DEMO-BOX-3LS --amount 5000 \
  --qr-code "$("$cli" qr build --bin 970422 --account 1 --amount 5000 --raw)"
json '.error.outcome == "unknown" and .error.delivery == "maybe_sent"'
echo "cli messages: OK"
