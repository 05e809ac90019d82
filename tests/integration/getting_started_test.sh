#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs docs/getting-started.md as it is written: installs the build tree into a scratch prefix
# (the page's step 1, without building again), then turns the page into one shell script — each
# ```sh run block as it is, each ```<lang> file=NAME block as "write NAME here" — and runs it in
# an empty directory with PAYGW_PREFIX set to that prefix. The page starts paygw-sandbox, builds
# its two programs against the installed package, sends, triggers and receives on 127.0.0.1, and
# stops what it started; the script runs in a process group of its own, bounded by a timeout, and
# whatever it left running is stopped here.
# Usage: getting_started_test.sh <repo root> <build dir> <work dir>
set -euo pipefail
root=$1 build=$2 work=$3
page=$root/docs/getting-started.md
page_pid=""
cleanup() {
  if [ -n "$page_pid" ]; then
    kill -- -"$page_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# The page's receiver and `paygw listen` use fixed ports (as a reader's would): skip, visibly, when
# something else holds them.
for port in 18080 18081; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "SKIPPED: 127.0.0.1:$port is in use; the page's receiver and paygw listen need it"
    exit 77
  fi
done

# A reader's project is built without sanitizers: it cannot link an instrumented paygw (tools/sanitize).
if grep -q '^CMAKE_CXX_FLAGS:.*-fsanitize' "$build/CMakeCache.txt" 2>/dev/null; then
  echo "SKIPPED: $build is a sanitizer build; the page's project would not link against its install"
  exit 77
fi

rm -rf "$work"
mkdir -p "$work/home"
cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 || {
  echo "FAIL: cmake --install $build (build the whole tree first: cmake --build $build):"
  tail -n 5 "$work/install.log"
  exit 1
}

# The page as a script. A fence "```sh run" is run; "```<lang> file=NAME" is written to NAME.
awk '
  function fail(msg) { printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"; bad = 1 }
  mode == "" && /^```sh run[ \t]*$/ { mode = "run"; printf "# %s:%d\n", FILENAME, FNR; next }
  mode == "" && /^```[A-Za-z+]+ file=[A-Za-z0-9._-]+[ \t]*$/ {
    mode = "file"; name = $0; sub(/^.*file=/, "", name); sub(/[ \t]*$/, "", name)
    printf "# %s:%d\ncat >%s <<'"'"'PAYGW_PAGE_EOF'"'"'\n", FILENAME, FNR, name
    files++; next
  }
  mode == "" && /^```/ { mode = "skip"; next }
  mode != "" && /^```[ \t]*$/ { if (mode == "file") print "PAYGW_PAGE_EOF"; if (mode != "skip") runs++; mode = ""; next }
  mode == "run" || mode == "file" {
    if (mode == "file" && $0 == "PAYGW_PAGE_EOF") fail("a file block contains the here-document marker")
    print; next
  }
  END {
    if (mode != "") fail("a code block is not closed")
    if (files < 3) fail("expected the page to write at least 3 files, got " files + 0)
    exit bad
  }
' "$page" >"$work/page.sh"
echo "docs/getting-started.md: $(grep -c '^# .*getting-started.md:' "$work/page.sh") blocks run or written"

# The page in an empty directory, in a session (process group) of its own, bounded.
rc=0
(cd "$work/home" && PAYGW_PREFIX=$work/prefix exec setsid timeout 150 bash -euo pipefail "$work/page.sh") \
  >"$work/page.log" 2>&1 &
page_pid=$!
wait "$page_pid" || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "FAIL: docs/getting-started.md exited $rc (124 = timed out); its output:"
  sed 's/^/    /' "$work/page.log"
  for log in "$work"/home/shop/*.log; do
    [ -f "$log" ] || continue
    echo "--- $log"
    sed 's/^/    /' "$log"
  done
  exit 1
fi
# What the page promises: nine deliveries verified, three credits, nothing left running.
shop=$work/home/shop
[ "$(grep -c '^credited' "$shop/receiver.log")" -eq 3 ] || { echo "FAIL: 3 credits expected"; cat "$shop/receiver.log"; exit 1; }
[ "$(grep -c ': verified -> 200\|signature ok.*-> 200\|decrypted.*-> 200' "$shop/listen.log")" -eq 9 ] ||
  { echo "FAIL: 9 deliveries answered 200 expected"; cat "$shop/listen.log"; exit 1; }
if pgrep -g "$page_pid" >/dev/null; then
  echo "FAIL: the page left processes running:"
  pgrep -a -g "$page_pid"
  exit 1
fi
page_pid=""
echo "docs/getting-started.md: ran as written"
