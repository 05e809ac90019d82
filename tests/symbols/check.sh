#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Lists the dynamic symbols a shared libpaygw defines and compares them with the allow-list:
# every exported symbol must match a pattern (nothing internal, no std template instantiations,
# no typeinfo for internal types) and every pattern must match a symbol (no stale entry).
# Usage: check.sh <libpaygw.so> <allowed.txt>
set -euo pipefail
lib=$1 allowed=$2
command -v nm >/dev/null || { echo "nm not found (Debian: binutils)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# "<address> <type> <demangled name>" -> the name, without [abi:cxx11] and the argument list.
nm -D --defined-only -C "$lib" | cut -d' ' -f3- | sed -e 's/\[abi:cxx11\]//g' -e 's/(.*//' | sort -u >"$work/exported"
grep -vE '^[[:space:]]*(#|$)' "$allowed" | sed 's/[[:space:]]*$//' >"$work/patterns"
status=0
unexpected=$(grep -vxEf "$work/patterns" "$work/exported" || true)
if [ -n "$unexpected" ]; then
  echo "FAIL: $lib exports symbols that are not in $allowed:"
  sed 's/^/  /' <<<"$unexpected"
  status=1
fi
while IFS= read -r pattern; do
  grep -qxE -- "$pattern" "$work/exported" || { echo "FAIL: no exported symbol matches '$pattern' (stale entry?)"; status=1; }
done <"$work/patterns"
[ "$status" -eq 0 ] && echo "exported symbols: $(wc -l <"$work/exported") names, all in the allow-list ($(nm -D --defined-only "$lib" | wc -l) symbols)"
exit "$status"
