#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the programs built from the C++ blocks of README.md and docs/ (extract.awk, snippets.cmake):
#   fragments  in a network namespace of their own (unshare -n: not even loopback is up), so every
#              call fails before anything leaves the machine; a fragment must still end by itself,
#              normally (any exit status below 124), never by abort() or a signal;
#   programs   against paygw-sandbox on 127.0.0.1 (fresh credentials in the environment, as the
#              demo does); they must exit 0.
# Usage: run.sh <repository> <paygw-sandbox> <kind>:<binary>:<markdown file:line>...
set -euo pipefail
root=$1 sandbox=$2
shift 2
source "$root/tools/lib/sandbox.sh"
if ! unshare -n true 2>/dev/null; then
  echo "SKIPPED: 'unshare -n' is not permitted here (needs root or user namespaces), and the fragments"
  echo "must not run with a network: they name the providers' real hosts. They were compiled."
  exit 77
fi
log=$(mktemp)
trap 'stop_sandbox; rm -f "$log"' EXIT
export_sandbox_credentials
start_sandbox "$sandbox" "$log"
failed=0 count=0 missing=0
for entry in "$@"; do
  kind=${entry%%:*} rest=${entry#*:}
  binary=${rest%%:*} where=${rest#*:}
  if [ "$kind" = missing ]; then
    echo "NOT BUILT: $rest"
    missing=$((missing + 1))
    continue
  fi
  count=$((count + 1))
  rc=0
  if [ "$kind" = fragment ]; then
    out=$(timeout 120 unshare -n "$binary" 2>&1) || rc=$?
    if [ "$rc" -ge 124 ]; then
      echo "FAIL: $where (fragment, no network) ended with status $rc (124 = timeout, >128 = signal):"
      failed=$((failed + 1))
    else
      echo "ok: $where (fragment, no network: exit $rc)"
      continue
    fi
  else
    out=$(timeout 120 "$binary" 2>&1) || rc=$?
    if [ "$rc" -ne 0 ]; then
      echo "FAIL: $where (program against paygw-sandbox) exited $rc:"
      failed=$((failed + 1))
    else
      echo "ok: $where (program against paygw-sandbox)"
      continue
    fi
  fi
  sed 's/^/    /' <<<"$out"
done
echo "doc snippets: $((count - failed)) passed, $failed failed, $missing not built"
[ "$failed" -eq 0 ] || exit 1
[ "$missing" -eq 0 ] || exit 77  # skipped, visibly: a store the tree does not build
