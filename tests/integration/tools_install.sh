#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `cmake --install` puts paygw and paygw-sandbox in bin/ and the generated bash completion where
# bash-completion looks for it, and the installed tools run.
# Usage: tools_install.sh <build dir> <scratch prefix>
set -euo pipefail
build=$1 prefix=$2
rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
fail() { echo "FAIL: $*"; exit 1; }
test -x "$prefix/bin/paygw" || fail "bin/paygw not installed"
test -x "$prefix/bin/paygw-sandbox" || fail "bin/paygw-sandbox not installed"
completion="$prefix/share/bash-completion/completions/paygw"
grep -q 'complete -o default -F _paygw paygw' "$completion" || fail "no bash completion at $completion"
"$prefix/bin/paygw" --version | grep -q '^paygw ' || fail "installed paygw does not run"
"$prefix/bin/paygw-sandbox" --help >/dev/null || fail "installed paygw-sandbox does not run"
echo "tools install: OK"
