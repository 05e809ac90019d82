#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the paygw build in $1 into a scratch prefix, validates paygw.pc, then configures,
# builds and runs the consumer project in $2 against it with find_package(paygw CONFIG) (and the
# one in $2/sqlite with COMPONENTS sqlite when that component was installed), and compiles, links
# and runs it again with nothing but `pkg-config --cflags --libs paygw` (the command the README
# gives, for a static and for a shared paygw alike).
set -euo pipefail
build_dir=$1 consumer_src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build_dir" --prefix "$work/prefix" >"$work/install.log"
pc=$(find "$work/prefix" -name paygw.pc | head -n1)
test -n "$pc" || { echo "paygw.pc was not installed"; exit 1; }
command -v pkg-config >/dev/null || { echo "pkg-config is not installed (Debian: pkg-config)"; exit 1; }
pkg-config --validate "$pc"
pc_flags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs paygw)
echo "pkg-config --cflags --libs paygw: $pc_flags"
cmake -S "$consumer_src" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/configure.log"
cmake --build "$work/build" >"$work/build.log"
"$work/build/consumer"
if [ -n "$(find "$work/prefix" -name 'paygw-sqlite-targets.cmake' | head -n1)" ]; then
  cmake -S "$consumer_src/sqlite" -B "$work/build-sqlite" -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/configure-sqlite.log"
  cmake --build "$work/build-sqlite" >"$work/build-sqlite.log"
  "$work/build-sqlite/sqlite_consumer" "$work/consumer.db"
else
  echo "paygw was built without the sqlite component: COMPONENTS sqlite not tested"
fi
# shellcheck disable=SC2086
c++ -std=c++17 "$consumer_src/main.cpp" -o "$work/consumer-pc" $pc_flags
LD_LIBRARY_PATH="$(dirname "$(dirname "$pc")")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$work/consumer-pc"
