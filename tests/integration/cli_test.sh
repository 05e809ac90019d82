#!/usr/bin/env bash
# The paygw CLI: help and usage errors, the signing/verification helpers against the spec vectors,
# secret redaction, and calls to every provider against paygw-sandbox (text and --json output).
# Usage: cli_test.sh <repo root> <paygw> <paygw-sandbox>
set -euo pipefail
root=$1 cli=$2 sandbox=$3
source "$root/tools/lib/sandbox.sh"
log=$(mktemp)
trap 'stop_sandbox; rm -f "$log"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect_rc() { local want=$1; shift; set +e; "$@" >"$log.out" 2>&1; local rc=$?; set -e; [ "$rc" = "$want" ] || fail "$* exited $rc, expected $want: $(cat "$log.out")"; }

expect_rc 0 "$cli" --help
grep -q "verify-callback" "$log.out" || fail "help does not list verify-callback"
expect_rc 0 "$cli" tingee show-qr-code --help
expect_rc 2 "$cli"
expect_rc 2 "$cli" nope x
expect_rc 2 "$cli" tingee sign --timestamp   # flag without value
expect_rc 2 "$cli" charging submit --telco VIETTEL   # missing credentials/fields

# Tingee signing vector (../shared/spec/tingee.md §2.3) and webhook verification.
out=$("$cli" tingee sign --secret test-secret-key --timestamp 20251110175110111 --body '{"uuid":"DEVICE-001"}')
echo "$out" | grep -q "x-signature: 09402e738fa8344e10cb0d9983587e9b96a84e93e9da9c36e152f24c4e58cd90ab9806c5ab5da955ee9fccf57a0315d334a93d933639aceee224d4437488aad6" || fail "tingee sign: $out"
echo "$out" | grep -q "test-secret-key" && fail "the secret was printed without --show-secrets"
"$cli" tingee sign --secret test-secret-key --show-secrets | grep -q "key: test-secret-key" || fail "--show-secrets"
body='{"clientId":"cid","transactionCode":"0400/FT26197KVBJB","amount":2000,"content":"hello","bank":"STB","bankBin":"970403","accountNumber":"040072649119","vaAccountNumber":"TNG60716173559","transactionDate":"20260716174026","additionalData":[]}'
out=$("$cli" tingee verify-webhook --secret test-secret-key --body "$body" --timestamp 20260716174026000 \
  --signature bf464500b44a43b60571e2614e16a00b9eb157e7a6ffdce98ff661ce0918a5f9258bbf127224784c43ee3b014a0b22e22613495004693d1fc50398e1b086fd1b --json)
echo "$out" | grep -q '"amount": 2000' || fail "verify-webhook: $out"
expect_rc 1 "$cli" tingee verify-webhook --secret other --body "$body" --timestamp 20260716174026000 --signature bf464500b44a43b60571e2614e16a00b9eb157e7a6ffdce98ff661ce0918a5f9258bbf127224784c43ee3b014a0b22e22613495004693d1fc50398e1b086fd1b
grep -q "invalid_signature" "$log.out" || fail "a forged webhook is not reported as invalid_signature"

# Charging sign vectors (charging.md §7) and callback verification.
"$cli" charging sign --partner-key PARTNERKEY_TEST_0123456789abcdef --code 312821445892982 --serial 10004783347874 \
  | grep -q "sign: 355fe672fab7aa2a46b1c46c299d5ef6" || fail "charging sign A"
out=$("$cli" charging sign --scheme b --partner-key PARTNERKEY_TEST_0123456789abcdef --partner-id 3681148751 \
  --request-id 323233 --telco VIETTEL --code 312821445892982 --serial 10004783347874)
echo "$out" | grep -q "sign: a3b840dac308d4cae13171dad2f04d3f" || fail "charging sign B: $out"
echo "$out" | grep -q "312821445892982\|PARTNERKEY" && fail "charging sign printed the key or the card code: $out"
q="status=1&message=Th%C3%A0nh%20c%C3%B4ng&request_id=989876&declared_value=50000&value=50000&amount=25000&code=314688440422676&serial=10003395125761&telco=VIETTEL&trans_id=1&callback_sign=b75685314e405292202a1ee9f9f3e06a"
out=$("$cli" charging verify-callback --partner-key PARTNERKEY_TEST_0123456789abcdef --query "$q" --request-id 989876 \
  --telco VIETTEL --code 314688440422676 --serial 10003395125761 --amount 50000)
echo "$out" | grep -q "kind: success" || fail "verify-callback: $out"
echo "$out" | grep -q "message: Thành công" || fail "verify-callback message: $out"

# TConnect envelope vector (tconnect.md §3.3).
out=$("$cli" tconnect decrypt --aes-key 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f \
  --data a0a1a2a3a4a5a6a7a8a9aaabacadaeaf122d4065c19ce0376b8e9190456e25c6bfa3290c9434c1dc68da6b58fb869342 --json)
echo "$out" | grep -q '"refresh_token": "abc"' || fail "tconnect decrypt: $out"
expect_rc 1 "$cli" tconnect decrypt --aes-key 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f --data zz

# VietQR (example E5 of sdk-practices-and-vietqr.md §5.5).
out=$("$cli" qr build --bin 970422 --account 0023457923442 --amount 40123 --purpose "test text string")
[ "$out" = "qr: 00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text string6304D9C6" ] || fail "qr build: $out"
"$cli" qr parse --qr "$DEMO_QR" --json | grep -q '"amount": 180000' || fail "qr parse"
expect_rc 1 "$cli" qr parse --qr "${DEMO_QR%E}F"
grep -q "bad_crc" "$log.out" || fail "qr parse does not name the problem: $(cat "$log.out")"

# Calls against the sandbox.
export_sandbox_credentials
start_sandbox "$sandbox" "$log"
"$cli" tingee get-paging --json | grep -q '"total_count": 3' || fail "tingee get-paging"
"$cli" tingee show-qr-code --uuid DEMO-BOX-3LS --amount 180000 --qr-code "$DEMO_QR" | grep -q "message: Success" || fail "tingee show-qr-code"
"$cli" tconnect push-pos --serial POS-0001 --order-id ORD-CLI --amount 150000 | grep -q "Successfully pushed" || fail "tconnect push-pos"
"$cli" tconnect qr-transactions --from "2026-01-01 00:00:00" --to "2026-12-31 23:59:59" --json | grep -q '"count": 1' || fail "tconnect qr-transactions"
"$cli" charging submit --telco VIETTEL --code 1234567891 --serial 99 --amount 50000 --request-id "cli-$RANDOM" --json \
  | grep -q '"kind": "success"' || fail "charging submit"
"$cli" charging fees | grep -q "VIETTEL 10000: 30%" || fail "charging fees"
expect_rc 1 "$cli" tconnect push-pos --serial POS-9999 --order-id X --amount 1000 --json
grep -q '"http_status": 404' "$log.out" || fail "a failed call does not print a JSON error: $(cat "$log.out")"
rm -f "$log.out"
echo "cli: OK"
