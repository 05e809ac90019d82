#!/usr/bin/env bash
# Installs the paygw build in $1 into a scratch prefix, validates paygw.pc, then configures,
# builds and runs the consumer project in $2 against it with find_package(paygw CONFIG).
set -euo pipefail
build_dir=$1 consumer_src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build_dir" --prefix "$work/prefix" >"$work/install.log"
pc=$(find "$work/prefix" -name paygw.pc | head -n1)
test -n "$pc" || { echo "paygw.pc was not installed"; exit 1; }
if command -v pkg-config >/dev/null; then
  pkg-config --validate "$pc"
  PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs paygw
fi
cmake -S "$consumer_src" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/configure.log"
cmake --build "$work/build" >"$work/build.log"
"$work/build/consumer"
