#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The paygw CLI: every command's --help, a bad flag for every command, strict numbers, global
# flags anywhere, --version, --json (parsed with jq) and --raw output, every exit code, secret
# redaction (also in --verbose logs), the generated bash completion, the signing/verification
# helpers against the signing and envelope vectors, and calls to every provider against paygw-sandbox (Tingee's
# bank group on both --bank-prefix values, and tconnect confirm-ipn on an IPN the sandbox delivers).
# Usage: cli_test.sh <repo root> <paygw> <paygw-sandbox>
set -euo pipefail
root=$1 cli=$2 sandbox=$3
# The CLI tests' helpers (fail, run, expect, json; $work, $log): tests/cli/prelude.sh.
source "$root/tests/cli/prelude.sh"
ipn_pid=""
trap 'stop_sandbox; [ -z "$ipn_pid" ] || kill "$ipn_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

# ---- the command tree, from the generated completion (so a new command is covered at once) ----
"$cli" completion bash >"$work/completion.bash"
paths=$(sed -n 's/^      \(\/.*\)) path=.*/\1/p' "$work/completion.bash" | tr '|' '\n')
[ "$(wc -l <<<"$paths")" -ge 30 ] || fail "too few commands in the completion: $paths"
leaves=0
for p in $paths; do
  words=${p//\// }
  # shellcheck disable=SC2086
  expect 0 "$cli" $words --help
  grep -q "^Usage: paygw$words " <<<"$out" || fail "'paygw$words --help' is not its own help: $out"
  if ! grep -q '^Subcommands:' <<<"$out"; then
    leaves=$((leaves + 1))
    # shellcheck disable=SC2086
    expect 2 "$cli" $words --definitely-not-a-flag=1
    grep -q "definitely-not-a-flag\|is required" <<<"$err" || fail "'paygw$words' does not name the bad flag: $err"
  fi
done
[ "$leaves" -ge 30 ] || fail "only $leaves leaf commands"

expect 0 "$cli" --help
grep -q "7  outcome unknown" <<<"$out" || fail "the help does not list the exit codes"
expect 0 "$cli" --version
[ "$out" = "paygw $(sed -n 's/^project(paygw VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")" ] || fail "--version: $out"
expect 2 "$cli"
expect 2 "$cli" nope
expect 2 "$cli" tingee
expect 2 "$cli" tingee sign --timestamp          # a flag without its value
expect 2 "$cli" tingee sign --timestamp 2025     # not 17 digits
expect 2 "$cli" --json --raw qr build --bin 970422 --account 1
expect 2 "$cli" --timeout 0 qr build --bin 970422 --account 1
env -u PAYGW_CHARGING_BASE_URL "$cli" charging fees >/dev/null 2>"$work/err" && fail "fees without a base URL"
grep -q -- "--base-url (or \$PAYGW_CHARGING_BASE_URL) is required" "$work/err" || fail "missing credential not named: $(cat "$work/err")"
expect 8 env -u PAYGW_CHARGING_BASE_URL "$cli" charging fees   # a setting: exit 8 (ADR 0037)

# ---- strict numbers: the whole value, digits only, in range (money safety) ----
for bad in 1-000000 150000-1 +5 " 5" "5 " 0x10 1e3 5.0 -5 0 "" 99999999999999999999 9007199254740992; do
  expect 2 "$cli" qr build --bin 970422 --account 123 --amount "$bad"
  expect 2 "$cli" charging submit --telco VIETTEL --code 1 --serial 2 --request-id r --amount "$bad"
done
expect 2 "$cli" tingee get-paging --max 1001
expect 2 "$cli" tingee get-paging --skip -1
expect 2 "$cli" tingee add-device-to-shop --uuid U --security-code 1 --shop-ids 1,2x
expect 2 "$cli" tingee print-receipt --uuid U --store-name S --items "tea:1:1-000" --total 1
expect 2 "$cli" tingee print-receipt --uuid U --store-name S --items "tea:1" --total 1
expect 2 "$cli" --bank-prefix v2 tingee get-banks
expect 2 "$cli" tingee get-banks --bank-prefix /v1
expect 2 "$cli" tingee transactions --from 2026071600000 --to 20260716235959          # 13 digits
expect 2 "$cli" tingee transactions --from 20260716000000 --to 2026-07-16T23:59:59
expect 2 "$cli" tingee transactions --from 20260701000000 --to 20260716000000 --max 1001
expect 2 "$cli" tingee nfc-command --uuid U --nfc-url u --nfc-package-name p --enable-nfc --disable-nfc
expect 2 "$cli" tingee generate-dynamic-qr --va-account-number V --amount 1-000
expect 2 "$cli" tconnect confirm-ipn --body x --body-file y
expect 0 "$cli" qr build --bin=970422 --account=123 --amount=9999999999999 --raw   # --flag=value; the 13-digit maximum

# ---- helpers against the vectors of the unit tests (tingee_signing_test.cpp, charging_client_test.cpp,
# tconnect_envelope_test.cpp) and the VietQR example E5 (vietqr_test.cpp) ----
expect 0 "$cli" tingee sign --secret test-secret-key --timestamp 20251110175110111 --body '{"uuid":"DEVICE-001"}'
grep -q "x-signature: 09402e738fa8344e10cb0d9983587e9b96a84e93e9da9c36e152f24c4e58cd90ab9806c5ab5da955ee9fccf57a0315d334a93d933639aceee224d4437488aad6" <<<"$out" || fail "tingee sign: $out"
grep -q "test-secret-key" <<<"$out" && fail "the secret was printed without --show-secrets"
expect 0 "$cli" tingee sign --secret test-secret-key --timestamp 20251110175110111 --raw   # no body: signs "{}"
[ "$out" = "5c24a97b8d4798dc8c95dae249718c0798d29f1cfc18454c4ae6c7795143b6aaf70b925a1a1bffd8ea22937f028d9d0ff82ef26acff76cfdce141be9a3dd9901" ] || fail "tingee sign --raw: $out"
expect 0 "$cli" --show-secrets tingee sign --secret test-secret-key
grep -q "key: test-secret-key" <<<"$out" || fail "--show-secrets: $out"
body='{"clientId":"cid","transactionCode":"0400/FT26197KVBJB","amount":2000,"content":"hello","bank":"STB","bankBin":"970403","accountNumber":"040072649119","vaAccountNumber":"TNG60716173559","transactionDate":"20260716174026","additionalData":[]}'
sig=bf464500b44a43b60571e2614e16a00b9eb157e7a6ffdce98ff661ce0918a5f9258bbf127224784c43ee3b014a0b22e22613495004693d1fc50398e1b086fd1b
printf '%s' "$body" >"$work/webhook.json"
expect 0 "$cli" tingee verify-webhook --secret test-secret-key --body-file "$work/webhook.json" --timestamp 20260716174026000 --signature $sig --json
json '.amount == 2000 and .kind == "payment" and .authenticated == true'
expect 1 "$cli" tingee verify-webhook --secret other --body "$body" --timestamp 20260716174026000 --signature $sig --json
json '.error.code == "invalid_signature" and .error.exit_code == 1 and .error.delivery == "inbound"'
grep -q "not sent\|not_sent" <<<"$err" && fail "an inbound check's error talks about sending: $err"

expect 0 "$cli" charging sign --partner-key PARTNERKEY_TEST_0123456789abcdef --code 312821445892982 --serial 10004783347874
grep -q "sign: 355fe672fab7aa2a46b1c46c299d5ef6" <<<"$out" || fail "charging sign A: $out"
expect 0 "$cli" charging sign --scheme b --partner-key PARTNERKEY_TEST_0123456789abcdef --partner-id 3681148751 \
  --request-id 323233 --telco VIETTEL --code 312821445892982 --serial 10004783347874 --json
json '.sign == "a3b840dac308d4cae13171dad2f04d3f"'
grep -q "312821445892982\|10004783347874\|PARTNERKEY" <<<"$out" && fail "charging sign printed the key, the card code or the serial: $out"
json '.string_to_sign == "<redacted><redacted>charging3681148751323233<redacted>VIETTEL"'
expect 0 "$cli" --show-secrets charging sign --partner-key K --code 111 --serial 222
grep -q "string_to_sign: K111222" <<<"$out" || fail "charging sign --show-secrets: $out"
q="status=1&message=Th%C3%A0nh%20c%C3%B4ng&request_id=989876&declared_value=50000&value=50000&amount=25000&code=314688440422676&serial=10003395125761&telco=VIETTEL&trans_id=1&callback_sign=b75685314e405292202a1ee9f9f3e06a"
expect 0 "$cli" charging verify-callback --partner-key PARTNERKEY_TEST_0123456789abcdef --query "$q" --request-id 989876 \
  --telco VIETTEL --code 314688440422676 --serial 10003395125761 --amount 50000
grep -q "kind: success" <<<"$out" && grep -q "message: Thành công" <<<"$out" || fail "verify-callback: $out"
expect 1 "$cli" charging verify-callback --partner-key WRONG --query "$q" --request-id 989876 \
  --telco VIETTEL --code 314688440422676 --serial 10003395125761 --amount 50000

key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
expect 0 "$cli" tconnect decrypt --aes-key $key --json --show-secrets \
  --data a0a1a2a3a4a5a6a7a8a9aaabacadaeaf122d4065c19ce0376b8e9190456e25c6bfa3290c9434c1dc68da6b58fb869342
json '.plaintext.refresh_token == "abc"'
expect 0 "$cli" tconnect decrypt --aes-key $key --json \
  --data a0a1a2a3a4a5a6a7a8a9aaabacadaeaf122d4065c19ce0376b8e9190456e25c6bfa3290c9434c1dc68da6b58fb869342
json '.plaintext.refresh_token == "<redacted>"'
expect 1 "$cli" tconnect decrypt --aes-key $key --data zz
data=$(printf '{"order_id":"O-1","amount":5000}' | "$cli" tconnect encrypt --aes-key $key --plaintext - --raw)
expect 0 "$cli" tconnect decode-ipn --aes-key $key --body "{\"data\":\"$data\"}" --json
json '.order_id == "O-1" and .amount == 5000'

# ---- VietQR: --raw feeds the next command; the positional QR and stdin ----
qr=$("$cli" qr build --bin 970422 --account 0023457923442 --amount 40123 --purpose "test text string" --raw)
[ "$qr" = "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text string6304D9C6" ] || fail "qr build --raw: $qr"
expect 0 "$cli" qr parse "$qr" --json
json '.amount == 40123 and .purpose == "test text string" and .text_lengths == "ascii" and .currency == "704"'
run bash -c "printf '%s\n' '$qr' | '$cli' qr parse - --json"
[ "$rc" = 0 ] && json '.bin == "970422"' || fail "qr parse - (stdin): $err"
# Characters-counted purpose (EMVCo), with merchant fields, a tip field and an unknown template.
c2="00020101021138570010A00000072701270006970422011300234579234420208QRIBFTTA520458125303704550202560450005802VN5912Cửa hàng Hoa6006Hà Nội62230104HD010811Tiền cà phê64220002vi0112Cửa hàng Hoa6304B9DF"
expect 0 "$cli" qr parse "$c2" --json
json '.text_lengths == "characters" and .merchant_name == "Cửa hàng Hoa" and .merchant_city == "Hà Nội" and .merchant_category_code == "5812"'
json '.tip_indicator == "02" and .convenience_fee_fixed == 5000 and .purpose == "Tiền cà phê" and .unknown_tags[0].id == "64"'
expect 1 "$cli" qr parse "${qr%6}7"
grep -q "bad_crc" <<<"$err" || fail "qr parse does not name the problem: $err"
expect 1 "$cli" qr parse "${qr%6}7" --json
json '.error.problem == "bad_crc"'
expect 0 "$cli" qr build --bin 970422 --account 1 --purpose "Tiền cà phê" --unicode-purpose --raw
grep -q "0811Tiền cà phê" <<<"$out" || fail "--unicode-purpose: $out"

# ---- the VietQR bank directory: a bank's code or short name where a BIN is taken ----
for bank in 970422 MB mbbank "MB Bank"; do
  expect 0 "$cli" qr build --bin "$bank" --account 0023457923442 --amount 40123 --purpose "test text string" --raw
  [ "$out" = "$qr" ] || fail "qr build --bin '$bank': $out"
done
expect 2 "$cli" qr build --bin "Narnia Bank" --account 1
grep -q "Narnia Bank" <<<"$err" || fail "an unknown bank is not named: $err"
expect 0 "$cli" banks show VCB --json
json '.bin == "970436" and .short_name == "Vietcombank" and .code == "VCB" and .tingee_code == "VCB"'
expect 0 "$cli" banks show ctg --raw
[ "$out" = 970415 ] || fail "banks show ctg: $out"
expect 0 "$cli" banks show 970407 --json
json '.code == "TCB" and .short_name == "Techcombank" and .tingee_code == ""'
expect 3 "$cli" banks show "Narnia Bank" --json
json '.error.exit_code == 3'
expect 0 "$cli" banks list --json
json '.count >= 60 and (.banks[] | select(.code == "BIDV") | .bin) == "970418"'
expect 0 "$cli" banks list --raw
grep -qP '^970436\tVCB\tVietcombank\tVCB$' <<<"$out" || fail "banks list --raw: $out"
printf 'bin\tcode\tshort_name\tname\ttingee_code\n970999\tZZB\tZed Bank\tZed\t\n' >"$work/banks.tsv"
expect 0 "$cli" banks show "zed bank" --file "$work/banks.tsv" --raw
[ "$out" = 970999 ] || fail "banks show --file: $out"
expect 2 "$cli" banks list --file "$work/no-such-file.tsv"

# ---- bash completion ----
run bash -c "source '$work/completion.bash'; COMP_WORDS=(paygw tingee get-p); COMP_CWORD=2; _paygw; echo \"\${COMPREPLY[*]}\""
[ "$out" = "get-paging" ] || fail "completion of 'paygw tingee get-p': $out"
run bash -c "source '$work/completion.bash'; COMP_WORDS=(paygw --json tingee get-paging --ma); COMP_CWORD=4; _paygw; echo \"\${COMPREPLY[*]}\""
[ "$out" = "--max" ] || fail "completion of a flag after a global flag: $out"

# ---- calls against the sandbox ----
export_sandbox_credentials
start_sandbox "$sandbox" "$log"
secrets=("$PAYGW_TINGEE_SECRET" "$PAYGW_TCONNECT_PASSWORD" "$PAYGW_TCONNECT_CLIENT_SECRET" "$PAYGW_TCONNECT_AES_KEY" "$PAYGW_CHARGING_PARTNER_KEY")
no_secrets() { for s in "${secrets[@]}"; do grep -qF -- "$s" <<<"$out$err" && fail "a secret appears in the output of: $*"; done; return 0; }

for placement in "--json tingee get-paging" "tingee --json get-paging" "tingee get-paging --json"; do
  # shellcheck disable=SC2086
  expect 0 "$cli" $placement
  json '.total_count == 3 and (.devices | length) == 3 and .devices[0].uuid == "DEMO-BOX-3LS"'
done
expect 0 "$cli" tingee get-paging --max=1 --skip=1 --json
json '(.devices | length) == 1 and .devices[0].uuid == "DEMO-BOX-6XS"'
expect 0 "$cli" tingee get-paging --raw
[ "$out" = $'DEMO-BOX-3LS\nDEMO-BOX-6XS\nDEMO-BOX-MAX' ] || fail "get-paging --raw: $out"
expect 0 "$cli" -v tingee show-qr-code --uuid DEMO-BOX-3LS --amount 40123 --qr-code "$qr"
grep -q "message: Success" <<<"$out" || fail "show-qr-code: $out"
grep -q "debug: tingee -> POST /v1/device/show-qr-code" <<<"$err" || fail "--verbose does not show the attempt: $err"
grep -q "HTTP 200 in [0-9]* ms" <<<"$err" || fail "--verbose does not show the timing: $err"
no_secrets tingee show-qr-code -v
run bash -c "'$cli' qr build --bin 970422 --account 0023457923442 --amount 5000 --raw | '$cli' tingee show-qr-code --uuid DEMO-BOX-3LS --amount 5000 --qr-code -"
[ "$rc" = 0 ] || fail "a QR piped into show-qr-code: $err"
expect 2 "$cli" tingee show-qr-code --uuid DEMO-BOX-3LS --amount 5000 --qr-code "${qr%6}7"   # paygw's QR check: nothing sent
expect 3 "$cli" tingee read-security-code --uuid NO-SUCH-BOX --json
json '.error.outcome == "not_found" and .error.provider_code == "1002"'
expect 0 "$cli" tingee generate-and-show-dynamic-qr-code --uuid DEMO-BOX-MAX --va-account-number V1T123456789 --amount 250000 \
  --bank-bin 970418 --purpose "DH 7" --raw
"$cli" qr parse "$out" >/dev/null || fail "the sandbox's bill QR does not pass paygw's check: $out"
screen() { curl -sf "$SANDBOX_URL/_sandbox/devices" | jq -c --arg d "$1" '.[] | select(.device == $d)'; }
expect 0 "$cli" tingee nfc-command --uuid DEMO-BOX-3LS --nfc-url https://pay.example.vn/n --nfc-package-name vn.example --enable-nfc
grep -q "message: Success" <<<"$out" || fail "nfc-command: $out"
screen DEMO-BOX-3LS | jq -e '.screen.event == "nfc-command" and .screen.detail.nfcUrl == "https://pay.example.vn/n"' >/dev/null ||
  fail "nfc-command did not reach the device: $(screen DEMO-BOX-3LS)"
expect 3 "$cli" tingee nfc-command --uuid NO-SUCH-BOX --nfc-url u --nfc-package-name p --json
json '.error.provider_code == "1002" and .error.exit_code == 3'

# The bank group: a bill's lifecycle on both prefixes (-v shows the path), transactions, banks.
now_vn() { date -u -d "@$(($(date +%s) + 7 * 3600 + $1))" +%Y%m%d%H%M%S; }
for prefix in v1 v1/bank; do
  expect 0 "$cli" -v --bank-prefix "$prefix" tingee generate-dynamic-qr --va-account-number V1T123456789 --amount 185000 \
    --bank-name BIDV --purpose "DH 9" --json
  grep -q "debug: tingee -> POST /$prefix/generate-dynamic-qr" <<<"$err" || fail "--bank-prefix $prefix not used: $err"
  bill=$(jq -r .bill_id <<<"$out") account=$(jq -r .qr_account <<<"$out") qr=$(jq -r .qr_code <<<"$out")
  "$cli" qr parse "$qr" --json | jq -e '.amount == 185000 and .bin == "970418"' >/dev/null || fail "bill QR: $qr"
  expect 0 "$cli" tingee get-status-dynamic-qr --qr-account "$account" --bill-id "$bill" --raw --bank-prefix "$prefix"
  [ "$out" = unpaid ] || fail "a new bill: $out"
  curl -sf -X POST "$SANDBOX_URL/_sandbox/tingee/payments" -d "{\"billId\":\"$bill\",\"url\":\"http://127.0.0.1:9/\"}" >/dev/null
  expect 0 env PAYGW_TINGEE_BANK_PREFIX="$prefix" "$cli" tingee get-status-dynamic-qr --qr-account "$account" --bill-id "$bill" --json
  json '.status == "paid" and .total_amount_paid == 185000 and (.transactions | length) == 1'
  expect 0 "$cli" tingee transactions --from "$(now_vn -3600)" --to "$(now_vn 3600)" --bill-id "$bill" --json
  json '.total_count == 1 and .count == 1 and .transactions[0].amount == 185000 and .transactions[0].bill_id == "'"$bill"'"'
  expect 0 "$cli" tingee transactions --from "$(now_vn -3600)" --to "$(now_vn 3600)" --bill-id "$bill" --raw
  jq -e '.amount == 185000' <<<"$out" >/dev/null || fail "transactions --raw: $out"
  expect 0 "$cli" --bank-prefix "$prefix" tingee delete-dynamic-qr --qr-account "$account" --bill-id "$bill"
  expect 3 "$cli" --bank-prefix "$prefix" tingee get-status-dynamic-qr --qr-account "$account" --bill-id "$bill" --json
  json '.error.outcome == "not_found" and .error.provider_code == "1003"'
  expect 0 "$cli" -v --bank-prefix "$prefix" tingee get-banks --raw
  grep -qx "BIDV 970418" <<<"$out" || fail "get-banks --raw: $out"
  grep -q "debug: tingee -> GET /$prefix/get-banks" <<<"$err" || fail "get-banks on $prefix: $err"
done
expect 2 "$cli" tingee transactions --from "$(now_vn $((-11 * 86400)))" --to "$(now_vn 0)"   # more than 10 days
expect 0 "$cli" tingee get-banks --json
json '(.banks | length) == 15 and (.banks[] | select(.code == "VCB") | .bin) == "970436"'
json '(.banks[] | select(.code == "CTG") | .short_name) == "VietinBank"'
# The sandbox serves paygw's bank directory; refresh-banks merges get-banks into a data file.
curl -sf "$SANDBOX_URL/_sandbox/banks" >"$work/directory.json" || fail "GET /_sandbox/banks"
jq -e '.code == "00" and (.data | length) >= 60 and (.data[] | select(.shortName == "Techcombank") | .bin) == "970407"' \
  "$work/directory.json" >/dev/null || fail "/_sandbox/banks: $(head -c 300 "$work/directory.json")"
expect 0 "$cli" tingee refresh-banks --out "$work/refreshed.tsv" --json
json '.unchanged == 15 and .added == 0 and .skipped == 0'
expect 0 "$cli" banks show CTG --file "$work/refreshed.tsv" --raw
[ "$out" = 970415 ] || fail "refreshed file: $out"
printf 'bin\tcode\tshort_name\tname\ttingee_code\n970415\tICB\tVietinBank\t\t\n' >"$work/base.tsv"
expect 0 "$cli" tingee refresh-banks --base "$work/base.tsv" --out - --raw
grep -qP '^970415\tICB\tVietinBank\tNgân hàng TMCP Công thương Việt Nam\tCTG$' <<<"$out" || fail "refresh-banks --base: $out"
grep -qP '^970436\tVCB\tVietcombank\t.*\tVCB$' <<<"$out" || fail "refresh-banks added VCB: $out"
expect 0 "$cli" tingee generate-dynamic-qr --va-account-number V1T123456789 --amount 1000 --bank-bin Vietcombank --json
"$cli" qr parse "$(jq -r .qr_code <<<"$out")" --json | jq -e '.bin == "970436"' >/dev/null || fail "--bank-bin Vietcombank"

# The two resets are two endpoints: reset-device (POST, with details) and reset (DELETE ?uuid=).
link6() { expect 0 "$cli" tingee add-device-to-shop --uuid DEMO-BOX-6XS --security-code 123456 --shop-ids 1; }
link6
expect 0 "$cli" -v tingee reset-device --uuid DEMO-BOX-6XS --account-number 0023457923442 --bank-request
grep -q "debug: tingee -> POST /v1/device/reset-device" <<<"$err" || fail "reset-device: $err"
curl -sf "$SANDBOX_URL/_sandbox/events" | jq -e '.[-1].event == "reset" and .[-1].detail.isBankRequest == true' >/dev/null ||
  fail "reset-device did not reach the sandbox"
screen DEMO-BOX-6XS | jq -e '.linked == false' >/dev/null || fail "reset-device did not unlink"
link6
expect 0 "$cli" -v tingee reset --uuid DEMO-BOX-6XS --raw
[ "$out" = "Reset device successfully" ] || fail "reset --raw: $out"
grep -q "debug: tingee -> DELETE /v1/device/reset" <<<"$err" || fail "reset: $err"
expect 3 "$cli" tingee reset-device --uuid NO-SUCH-BOX

expect 0 "$cli" tconnect push-pos --serial POS-0001 --order-id ORD-CLI --amount 150000
grep -q "Successfully pushed" <<<"$out" || fail "tconnect push-pos: $out"
expect 3 "$cli" tconnect push-pos --serial POS-9999 --order-id X --amount 1000 --json
json '.error.http_status == 404 and .error.exit_code == 3'
sbqr=$("$cli" tconnect create-qr --order-id ORD-CLI-2 --va VA1 --bincode 970454 --amount 180000 --default-service-code vccb-qr --raw)
expect 0 "$cli" tconnect push-soundbox --serial SB-0001 --amount 180000 --qr-string "$sbqr"
vn_day() { date -u -d "@$(($(date +%s) + 7 * 3600 + $1))" "+%Y-%m-%d %H:%M:%S"; }
expect 0 "$cli" tconnect qr-transactions --from "$(vn_day -86400)" --to "$(vn_day 86400)" --json
json '.count == 2 and (.items | length) == 2 and .items[0].order_id == "ORD-CLI"'
no_secrets tconnect qr-transactions
expect 0 "$cli" tconnect qr-transactions --from "$(vn_day $((-3 * 86400)))" --to "$(vn_day -86400)" --json
json '.count == 0'

# confirm-ipn: an order paid through the sandbox, its IPN as delivered (caught by a one-shot Node.js
# receiver), decoded and confirmed: exit 0; copies re-encrypted with another amount (1), another
# order (3), an order not paid yet (5); another key cannot decrypt it (1).
node -e 'const fs = require("fs"); const s = require("http").createServer((q, r) => { const b = [];
  q.on("data", (c) => b.push(c)); q.on("end", () => { fs.writeFileSync(process.argv[1], Buffer.concat(b));
  r.setHeader("Connection", "close"); r.end("{}"); s.close(); }); });
  s.listen(0, "127.0.0.1", () => console.log(s.address().port));' "$work/ipn.json" >"$work/ipn.port" &
ipn_pid=$!
for _ in $(seq 100); do [ -s "$work/ipn.port" ] && break; sleep 0.05; done
expect 0 "$cli" tconnect push-pos --serial POS-0001 --order-id ORD-IPN-CLI --amount 150000
curl -sf -X POST "$SANDBOX_URL/_sandbox/tconnect/payments" \
  -d "{\"order_id\":\"ORD-IPN-CLI\",\"amount\":150000,\"url\":\"http://127.0.0.1:$(cat "$work/ipn.port")/ipn\"}" |
  jq -e '.deliveries == [200]' >/dev/null || fail "the sandbox did not deliver the IPN"
wait "$ipn_pid" || true
ipn_pid=""
expect 0 "$cli" tconnect confirm-ipn --body-file "$work/ipn.json" --json
json '.result == "confirmed" and .credit == true and .order_id == "ORD-IPN-CLI" and .amount == 150000'
json '.transaction.status == "SUCCESS" and .transaction.amount == 150000 and .transaction.request_id == .request_id'
no_secrets tconnect confirm-ipn
run bash -c "'$cli' tconnect confirm-ipn --body - --raw < '$work/ipn.json'"
[ "$rc" = 0 ] && [ "$out" = confirmed ] || fail "confirm-ipn from stdin: $rc $out $err"
plain=$("$cli" tconnect decode-ipn --body-file "$work/ipn.json" --raw)
reencrypt() { printf '{"data":"%s"}' "$(jq -c "$1" <<<"$plain" | "$cli" tconnect encrypt --plaintext - --raw)" >"$work/forged.json"; }
reencrypt '.amount = 1500000'
expect 1 "$cli" tconnect confirm-ipn --body-file "$work/forged.json" --json
json '.result == "amount_mismatch" and .credit == false and .transaction.amount == 150000'
reencrypt '.order_id = "ORD-NEVER" | .request_id = "SBX-NEVER"'
expect 3 "$cli" tconnect confirm-ipn --body-file "$work/forged.json" --raw
[ "$out" = not_found ] || fail "confirm-ipn of an unknown order: $out"
expect 0 "$cli" tconnect push-pos --serial POS-0001 --order-id ORD-IPN-UNPAID --amount 150000
reencrypt '.order_id = "ORD-IPN-UNPAID" | del(.request_id)'
expect 5 "$cli" tconnect confirm-ipn --body-file "$work/forged.json" --json
json '.result == "not_successful" and .transaction.status == "PENDING"'
expect 1 "$cli" tconnect confirm-ipn --body-file "$work/ipn.json" --aes-key "$(printf 'a%.0s' $(seq 64))" --json
json '.error.code == "decrypt"'

card() { echo --telco VIETTEL --code "$1" --serial 99 --amount 50000 --request-id "$2"; }
rid="cli-$RANDOM$RANDOM"
# shellcheck disable=SC2046
expect 0 "$cli" charging submit $(card 1234567891 "$rid-ok") --json
json '.kind == "success" and .outcome == "credited" and .amount == 35000'
# shellcheck disable=SC2046
expect 4 "$cli" charging submit $(card 1234567893 "$rid-bad") --json
json '.kind == "card_error" and .outcome == "not_credited"'
# shellcheck disable=SC2046
expect 4 "$cli" charging submit $(card 1234567891 "$rid-ok")   # the same request_id again: duplicate
grep -q "kind: duplicate_request" <<<"$out" || fail "duplicate: $out"
# shellcheck disable=SC2046
expect 5 "$cli" charging submit $(card 1234567895 "$rid-wait") --raw
[ "$out" = "pending" ] || fail "pending --raw: $out"
# shellcheck disable=SC2046
expect 3 "$cli" charging check $(card 1234567891 "$rid-nope")
expect 0 "$cli" charging fees --json
json '(.rows | length) > 0 and .rows[0].fees_percent == "30"'
no_secrets charging fees
# A provider profile sets the sign scheme unless --scheme says otherwise (the sandbox checks scheme A).
# shellcheck disable=SC2046
expect 0 "$cli" charging --profile thesieure submit $(card 1234567891 "$rid-prof") --json
json '.kind == "success"'
# shellcheck disable=SC2046
expect 8 "$cli" charging --profile THESIEURE-B submit $(card 1234567891 "$rid-profb") --json
grep -q "INVALID_SIGNATURE" <<<"$err" || fail "a scheme-B profile against a scheme-A host: $err"
# shellcheck disable=SC2046
expect 0 "$cli" charging --profile thesieure-b --scheme a submit $(card 1234567891 "$rid-profa") --json
expect 0 "$cli" charging profiles --json
json '(.profiles | length) >= 9 and (.profiles[] | select(.name == "card2k") | .sandbox_base_url) == "https://sandbox.card2k.com"'
expect 2 "$cli" charging --profile nope fees

# Outcome unknown (7): the gateway carried the push out but answered too late, or answered 500.
curl -sf -X POST "$SANDBOX_URL/_sandbox/faults" -d '{"mode":"timeout","ms":2500,"path":"/openapi/v1/devices/payments/push"}' >/dev/null
expect 7 "$cli" --timeout 1 tconnect push-pos --serial POS-0001 --order-id ORD-SLOW --amount 1000 --json
json '.error.outcome == "unknown" and .error.outcome_unknown == true and .error.delivery == "maybe_sent"'
grep -q "reconcile" <<<"$err" || fail "no reconcile hint: $err"
curl -sf -X POST "$SANDBOX_URL/_sandbox/faults" -d '{"mode":"http500","path":"/chargingws/v2"}' >/dev/null
# shellcheck disable=SC2046
expect 7 "$cli" charging submit $(card 1234567891 "$rid-500")
# Retries are visible: two 503s on a read, then success.
curl -sf -X POST "$SANDBOX_URL/_sandbox/faults" -d '{"mode":"http503","count":2,"path":"/v1/device/get-paging"}' >/dev/null
expect 0 "$cli" -v tingee get-paging
grep -q "HTTP 503, attempt 2 in" <<<"$err" && grep -q "HTTP 503, attempt 3 in" <<<"$err" || fail "retries not shown: $err"

# Not sent (6): nothing listens any more.
url=$SANDBOX_URL
stop_sandbox
expect 6 env PAYGW_TINGEE_BASE_URL="$url" "$cli" --retries 0 tingee get-paging --json
json '.error.outcome == "not_sent" and .error.delivery == "not_sent"'
expect 6 env PAYGW_TINGEE_BASE_URL="$url" "$cli" --retries 1 tingee get-paging
grep -q "2 attempt(s) in [0-9]* ms" <<<"$err" || fail "the failed attempts are not counted: $err"
echo "cli: OK"
