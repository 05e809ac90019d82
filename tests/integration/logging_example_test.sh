#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# examples/logging_spdlog against paygw-sandbox: paygw's lines reach spdlog at their levels
# (debug headers, info exchanges, a warning for a refused call) and none of them holds the secret
# or a signature.
# Usage: logging_example_test.sh <repo root> <paygw-sandbox> <logging_spdlog>
set -euo pipefail
root=$1 sandbox=$2 example=$3
source "$root/tools/lib/sandbox.sh"
work=$(mktemp -d)
trap 'stop_sandbox; rm -rf "$work"' EXIT
export_sandbox_credentials
start_sandbox "$sandbox" "$work/sandbox.log"
"$example" >"$work/out.log" 2>&1 || { echo "the example failed:"; cat "$work/out.log"; exit 1; }
cat "$work/out.log"
fail() { echo "logging example: $*"; exit 1; }
grep -q '^\[debug\] .*x-request-timestamp' "$work/out.log" || fail "no debug header line"
grep -q '^\[info\] .*POST /v1/device/get-paging' "$work/out.log" || fail "no info line for get-paging"
grep -q '^\[warning\] tingee: provider: .*provider 1002' "$work/out.log" || fail "no warning for the refused call"
grep -q 'x-signature: <redacted>' "$work/out.log" || fail "the signature header is not shown redacted"
grep -qF "$PAYGW_TINGEE_SECRET" "$work/out.log" && fail "the secret reached the log"
grep -qiE '[0-9a-f]{128}' "$work/out.log" && fail "a signature reached the log"
echo "logging example: OK"
