#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# QR images from the CLI, checked by tools that are not paygw's:
#   - every PNG (the VietQR notes' examples E1-E12, built QRs incl. a Vietnamese purpose and every
#     error-correction level) is decoded by zbarimg (Debian zbar-tools) and must hold exactly the
#     payload's bytes;
#   - a Node.js PNG reader (screens/qr_check.cjs) checks the size, the white 4-module quiet zone and
#     reads the error-correction level from the symbol's format information (M unless --ec);
#   - SVGs are rasterised by headless Chromium, then decoded by zbarimg;
#   - --terminal output is turned back into an image and decoded;
#   - a CLI built without libqrencode/libpng says that the flags are unavailable (exit 2);
#   - bad combinations and inputs are usage errors and write nothing.
# Usage: qr_images_test.sh <source dir> <paygw> <paygw without qr images> <work dir>
set -euo pipefail
src=$1 paygw=$2 without=$3 work=$4
check=$src/tests/integration/screens/qr_check.cjs
rm -rf "$work" && mkdir -p "$work"
fails=0 passes=0
ok() { passes=$((passes + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
for tool in zbarimg node chromium; do command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed"; exit 1; }; done

# The payload's bytes as zbarimg reads them (-Sbinary: without -Sbinary zbar guesses a character
# set for non-ASCII bytes and picks Shift-JIS for UTF-8 Vietnamese; see docs/vietqr.md). D-Bus
# chatter goes to stderr.
decode() { zbarimg --raw -q -Sbinary "$1" 2>/dev/null; }

# expect_decodes <what> <image> <payload>
expect_decodes() {
  local got
  got=$(decode "$2") || true
  if [ "$got" == "$3" ]; then ok; else bad "$1: zbarimg read '$got', want '$3'"; fi
}

# expect_png <what> <png> <scale> <margin> <level>: size, quiet zone and level, read from the pixels.
expect_png() {
  local info
  info=$(node "$check" png-info "$2" "$3" "$4")
  if [ "$(jq -r '.quiet_zone and .format_copies_agree' <<<"$info")" == true ] &&
    [ "$(jq -r .ec_level <<<"$info")" == "$5" ]; then ok; else bad "$1: $info (want level $5, margin $4)"; fi
}

# The VietQR notes' valid examples E1-E12 (docs/vietqr.md), rendered as given.
vectors=(
  "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52"
  "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E"
  "00020101021138570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN63049E6F"
  "00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4"
  "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text string6304D9C6"
  "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62160812chuyen khoan6304722F"
  "00020101021238630010A0000007270133000697042201190023457923442ASDFLJ0208QRIBFTTA53037045405401235802VN62290825chuyen khoan alsdkf laksj6304E5DB"
  "00020101021138510010A00000072701210006970407010797968680208QRIBFTTA53037045802VN62240820gen by sunary/vietqr6304BE74"
  "00020101021238490010A000000727011900069704320105193720208QRIBFTTA530370454061520005802VN62200816gen by go-vietqr63040ED4"
  "00020101021238490010A000000727011900069704160105135790208QRIBFTTA530370454061200005802VN63049A71"
  "00020101021138540010A00000072701240006546034011009055559990208QRIBFTTA53037045802VN6304B2A0"
  "00020101021138400010A0000007750110VNP-1234560208QRIBFTTA53037045802VN6304E56C"
)
i=0
for qr in "${vectors[@]}"; do
  i=$((i + 1))
  out=$("$paygw" qr render "$qr" --png "$work/e$i.png" --json)
  expect_decodes "E$i png" "$work/e$i.png" "$qr"
  expect_png "E$i png" "$work/e$i.png" 8 4 M
  [ "$(jq -r '.ec_level + " " + (.margin|tostring) + " " + .png' <<<"$out")" == "M 4 $work/e$i.png" ] && ok ||
    bad "E$i: --json says $out"
done

# Built QRs: ASCII, a Vietnamese purpose kept as UTF-8 (--unicode-purpose), a long one with every text field.
build_and_check() {
  local name=$1
  shift
  local qr
  qr=$("$paygw" qr build "$@" --raw)
  "$paygw" qr build "$@" --png "$work/$name.png" --svg "$work/$name.svg" >/dev/null
  expect_decodes "$name png" "$work/$name.png" "$qr"
  expect_png "$name png" "$work/$name.png" 8 4 M
  printf '%s' "$qr" >"$work/$name.txt"
}
build_and_check ascii --bin 970422 --account 0023457923442 --amount 40123 --purpose 'Don hang 12'
build_and_check unicode --bin 970436 --account 1023456789 --amount 250000 --purpose 'Thanh toán hóa đơn' --unicode-purpose
build_and_check long --bin 970418 --account 1234567890123456789 --amount 9999999999999 --purpose 'Thanh toan hoa don 2025' \
  --bill-number INV-2025-000000000000001 --merchant-name 'CUA HANG TAP HOA MINH AN' --merchant-city 'HO CHI MINH' --mcc 5411

# Every level, a scale and a margin of one's own: still decodable, and the pixels say the level.
qr=$(cat "$work/ascii.txt")
for level in L M Q H; do
  "$paygw" qr render "$qr" --png "$work/level-$level.png" --ec "$level" --scale 3 --margin 6 >/dev/null
  expect_decodes "level $level" "$work/level-$level.png" "$qr"
  expect_png "level $level" "$work/level-$level.png" 3 6 "$level"
done

# SVG: what a browser draws of it decodes to the payload.
for name in ascii unicode long; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chromium-$name" --window-size=600,600 \
    --screenshot="$work/$name-svg.png" "file://$work/$name.svg" >/dev/null 2>&1 || true
  expect_decodes "$name svg in Chromium" "$work/$name-svg.png" "$(cat "$work/$name.txt")"
done

# --terminal: the half blocks, read back as an image.
for name in ascii unicode; do
  "$paygw" qr render "$(cat "$work/$name.txt")" --terminal >"$work/$name.term"
  node "$check" terminal-to-pbm "$work/$name.term" "$work/$name-term.pbm" 4 >/dev/null
  expect_decodes "$name --terminal" "$work/$name-term.pbm" "$(cat "$work/$name.txt")"
done
grep -q $'\e\[30;107m' "$work/ascii.term" && ok || bad "--terminal does not force black on white"
# qr render reads standard input and files; without flags it draws on the terminal.
printf '%s\n' "$qr" | "$paygw" qr render - >"$work/stdin.term"
cmp -s "$work/stdin.term" "$work/ascii.term" && ok || bad "qr render - differs from qr render <QR>"
"$paygw" qr render --file "$work/ascii.txt" --svg "$work/file.svg" >/dev/null
cmp -s "$work/file.svg" "$work/ascii.svg" && ok || bad "qr render --file differs from qr build --svg"

# Refusals: exit 2 (or 1 for a QR that is not valid), a clear message, no file written.
expect_exit() {  # expect_exit <code> <message part> <command...>
  local want=$1 part=$2 code=0
  shift 2
  "$@" >"$work/out" 2>"$work/err" || code=$?
  if [ "$code" -eq "$want" ] && grep -qiF -- "$part" "$work/err"; then ok; else
    bad "$* -> exit $code, stderr: $(cat "$work/err") (want exit $want, '$part')"
  fi
}
expect_exit 2 "cannot be combined with --json" "$paygw" qr render "$qr" --terminal --json
expect_exit 2 "--png FILE or --svg FILE" "$paygw" qr render "$qr" --raw
expect_exit 1 "not a valid VietQR" "$paygw" qr render "${qr%????}0000" --png "$work/never.png"
[ ! -e "$work/never.png" ] && ok || bad "an invalid QR was drawn"
expect_exit 2 "does not fit" "$paygw" qr render "$(head -c 3000 /dev/zero | tr '\0' 'x')" --no-check --png "$work/never.png"
expect_exit 2 "cannot write" "$paygw" qr render "$qr" --png "$work/no/such/dir/x.png"
expect_exit 2 "--ec" "$paygw" qr render "$qr" --ec X --png "$work/never.png"
"$paygw" qr render 'https://example.invalid/not-a-vietqr' --no-check --png "$work/any.png" >/dev/null
expect_decodes "--no-check" "$work/any.png" 'https://example.invalid/not-a-vietqr'

# A CLI built without libqrencode and libpng says so, and names the package.
for flag in "--png $work/never.png" "--svg $work/never.svg" "--terminal"; do
  # shellcheck disable=SC2086
  expect_exit 2 "unavailable: this paygw was built without libqrencode (Debian: libqrencode-dev)" \
    "$without" qr build --bin 970422 --account 1 $flag
done
[ ! -e "$work/never.png" ] && [ ! -e "$work/never.svg" ] && ok || bad "the build without images wrote a file"
"$without" qr render --help | grep -q "unavailable in this build: needs libqrencode" && ok ||
  bad "--help of the build without images does not say the flags are unavailable"
"$without" qr build --bin 970422 --account 1 --raw >/dev/null && ok || bad "qr build without images failed"

echo "qr images: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
