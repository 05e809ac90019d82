#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The merchant's unit test of docs/testing-merchant-code.md against an installed paygw: installs the
# build in $1 (install component dev: the library, paygw::testing, the CMake package) into a scratch
# prefix under $2, then configures, builds and runs this directory's project with
# find_package(paygw CONFIG COMPONENTS testing).
# Usage: tests/install/merchant_test/run.sh BUILD_DIR WORK_DIR
set -euo pipefail
build_dir=$1 work=$2
src=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build_dir" --component dev --prefix "$work/prefix" >"$work/install.log"
cmake -S "$src" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/configure.log"
cmake --build "$work/build" >"$work/build.log"
"$work/build/merchant_test"
