#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The sandbox's devices' screens page in headless Chromium (screens/screens_test.cjs). Installs the
# test's two npm packages (playwright-core, read-vietnamese-number; versions and hashes in
# screens/package-lock.json) into the build tree with `npm ci`, once per lockfile, then runs it.
# Set PAYGW_SCREENSHOT_TO=<file> to also copy the page's full screenshot there
# (docs/sandbox-screens.png is made so: see docs/sandbox-and-cli.md).
# Usage: screens_test.sh <source dir> <paygw-sandbox> <sandbox without qr images> <paygw> <work dir>
set -euo pipefail
src=$1 sandbox=$2 plain_sandbox=$3 paygw=$4 work=$5
here=$src/tests/integration/screens
for tool in node npm chromium zbarimg; do command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed"; exit 1; }; done
[ -x /usr/bin/chromium ] || { echo "FAIL: /usr/bin/chromium (Debian chromium) is needed"; exit 1; }

modules=$work/../screens-node
mkdir -p "$modules"
stamp=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$modules/.lock-sha256" 2>/dev/null)" != "$stamp" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$modules/"
  (cd "$modules" && timeout 300 npm ci --no-audit --no-fund --loglevel=error)
  echo "$stamp" >"$modules/.lock-sha256"
fi
# The page in plain headless Chromium, as docs/sandbox-and-cli.md tells: it draws itself from its
# first poll (a fetch after the load event), so a snapshot needs --virtual-time-budget to include it.
(
  source "$src/tools/lib/sandbox.sh"
  trap stop_sandbox EXIT
  export_sandbox_credentials
  mkdir -p "$work"
  start_sandbox "$sandbox" "$work/dump-dom-sandbox.log"
  qr=$("$paygw" qr build --bin 970422 --account 0023457923442 --amount 40123 --purpose 'Don hang 12' --raw)
  "$paygw" tingee show-qr-code --uuid DEMO-BOX-3LS --amount 40123 --qr-code "$qr" >/dev/null
  timeout 60 chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 --dump-dom \
    "$SANDBOX_URL/_sandbox/" 2>/dev/null >"$work/dump-dom.html"
  for want in 'data-device="DEMO-BOX-3LS"' '40.123 VND' 'data-device="POS-0001"' 'Speaker: nothing said yet'; do
    grep -qF "$want" "$work/dump-dom.html" || { echo "FAIL: chromium --dump-dom: '$want' not on the page"; exit 1; }
  done
  echo "ok: chromium --headless --virtual-time-budget=5000 --dump-dom renders the page"
)

exec timeout 170 node "$here/screens_test.cjs" "$sandbox" "$plain_sandbox" "$paygw" "$modules/node_modules" "$work" \
  ${PAYGW_SCREENSHOT_TO:+"$PAYGW_SCREENSHOT_TO"}
