# SPDX-License-Identifier: MIT
# Sourced by the CLI tests (messages_test.sh, rows_*test.sh, tests/integration/cli_test.sh) after
# `root=$1 cli=$2 sandbox=$3`:
# the sandbox helpers (tools/lib/sandbox.sh), a work folder removed on exit with the sandbox stopped
# ($work, $log for the sandbox's output), and the helpers:
#   fail <message>                  print FAIL: <message> and exit 1
#   run <command...>                sets rc, out (stdout) and err (stderr)
#   expect <exit code> <command...> run, then fail unless it exited <exit code>
#   json <jq filter>                fail unless the filter is true on $out
#   call <exit code> <endpoint> <body> [jq filter]
#                                   paygw $group call <endpoint> --body <body> --json, expecting the
#                                   exit code (and the filter), and remembers the endpoint as called
#   all_called                      fail naming an endpoint `paygw $group endpoints` lists but no
#                                   `call` above called (a new row needs its call in the test)
# shellcheck shell=bash disable=SC2034,SC2154  # root, cli: set by the test that sources this
source "$root/tools/lib/sandbox.sh"
command -v jq >/dev/null || { echo "FAIL: jq is needed (tools/lib/deps.sh installs it)"; exit 1; }
work=$(mktemp -d)
log=$work/sandbox.log
trap 'stop_sandbox; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
run() {
  set +e
  "$@" >"$work/out" 2>"$work/err"
  rc=$?
  set -e
  out=$(cat "$work/out") err=$(cat "$work/err")
}
expect() {
  local want=$1
  shift
  run "$@"
  [ "$rc" = "$want" ] || fail "$* exited $rc, expected $want; stdout: $out; stderr: $err"
}
json() { jq -e "$1" <<<"$out" >/dev/null || fail "jq '$1' is false on: $out"; }
called=" "
call() {
  expect "$1" "$cli" "${group:?the test sets group}" call "$2" --body "$3" --json
  called+="$2 "
  [ -z "${4:-}" ] || json "$4"
}
all_called() {
  local endpoints e
  endpoints=$("$cli" "$group" endpoints --raw) || fail "paygw $group endpoints failed"
  for e in $endpoints; do
    [[ "$called" == *" $e "* ]] || fail "endpoint '$e' is listed by 'paygw $group endpoints' but not called by $0"
  done
  echo "ok: $(wc -w <<<"$endpoints") endpoints called through 'paygw $group call'"
}
