#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the paygw build in $1 into a scratch prefix, validates paygw.pc, then configures,
# builds and runs the consumer project in $2 against it with find_package(paygw CONFIG) (and the
# one in $2/sqlite with COMPONENTS sqlite, and $2/prometheus with COMPONENTS prometheus, when
# that component was installed), and compiles, links
# and runs it again with nothing but `pkg-config --cflags --libs paygw` (the command the README
# gives, for a static and for a shared paygw alike). Then the installed examples
# (share/paygw/examples) are built against the installed package with their own CMakeLists.txt,
# and each store's pkg-config file (paygw-sqlite.pc, paygw-postgres.pc) is validated and the SQLite
# consumer compiled, linked and run with nothing but `pkg-config --cflags --libs paygw-sqlite`.
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
if [ -n "$(find "$work/prefix" -name 'paygw-prometheus-targets.cmake' | head -n1)" ]; then
  cmake -S "$consumer_src/prometheus" -B "$work/build-prometheus" -DCMAKE_PREFIX_PATH="$work/prefix" \
    >"$work/configure-prometheus.log"
  cmake --build "$work/build-prometheus" >"$work/build-prometheus.log"
  "$work/build-prometheus/prometheus_consumer"
else
  echo "paygw was built without the prometheus component: COMPONENTS prometheus not tested"
fi
# shellcheck disable=SC2086
c++ -std=c++17 "$consumer_src/main.cpp" -o "$work/consumer-pc" $pc_flags
LD_LIBRARY_PATH="$(dirname "$(dirname "$pc")")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$work/consumer-pc"

# The installed examples, built against the installed package only (ADR 0037).
examples=$work/prefix/share/paygw/examples
test -f "$examples/CMakeLists.txt" || { echo "the examples were not installed in share/paygw/examples"; exit 1; }
cmake -S "$examples" -B "$work/build-examples" -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/configure-examples.log"
cmake --build "$work/build-examples" >"$work/build-examples.log"
for example in tingee_show_qr tconnect_push charging_submit; do
  test -x "$work/build-examples/$example" || { echo "installed example $example was not built"; exit 1; }
done
if [ -n "$(find "$work/prefix" -name 'paygw-httplib-targets.cmake' | head -n1)" ] &&
  [ -n "$(find "$work/prefix" -name 'paygw-sqlite-targets.cmake' | head -n1)" ] && pkg-config --exists cpp-httplib; then
  test -x "$work/build-examples/receiver" || { echo "the receiver (paygw::httplib + paygw::sqlite) was not built"; exit 1; }
  # It runs (linked against the installed libraries) and refuses to start without its store key.
  set +e
  env -u PAYGW_STORE_KEY LD_LIBRARY_PATH="$(dirname "$(dirname "$pc")")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "$work/build-examples/receiver" >/dev/null 2>"$work/receiver.err"
  rc=$?
  set -e
  [ "$rc" = 2 ] && grep -q "usage: PAYGW_STORE_KEY" "$work/receiver.err" ||
    { echo "the installed receiver: exit $rc, $(cat "$work/receiver.err")"; exit 1; }
  # With the installed metrics component, the receiver is built with GET /metrics.
  if [ -n "$(find "$work/prefix" -name 'paygw-prometheus-targets.cmake' | head -n1)" ]; then
    grep -q "PAYGW_EXAMPLE_PROMETHEUS" "$work/build-examples/CMakeFiles/receiver.dir/flags.make" ||
      { echo "the installed receiver was built without paygw::prometheus"; exit 1; }
  fi
fi
echo "installed examples: built against $work/prefix"

# pkg-config for the store components.
for store in sqlite postgres; do
  spc=$(find "$work/prefix" -name "paygw-$store.pc" | head -n1)
  if [ -z "$(find "$work/prefix" -name "paygw-$store-targets.cmake" | head -n1)" ]; then
    [ -z "$spc" ] || { echo "paygw-$store.pc installed without the component"; exit 1; }
    continue
  fi
  test -n "$spc" || { echo "paygw-$store.pc was not installed"; exit 1; }
  pkg-config --validate "$spc"
  echo "pkg-config --cflags --libs paygw-$store: $(PKG_CONFIG_PATH=$(dirname "$spc") pkg-config --cflags --libs "paygw-$store")"
done
if spc=$(find "$work/prefix" -name paygw-sqlite.pc | head -n1) && [ -n "$spc" ]; then
  # shellcheck disable=SC2046
  c++ -std=c++17 "$consumer_src/sqlite/main.cpp" -o "$work/sqlite-consumer-pc" \
    $(PKG_CONFIG_PATH=$(dirname "$spc") pkg-config --cflags --libs paygw-sqlite)
  LD_LIBRARY_PATH="$(dirname "$(dirname "$spc")")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "$work/sqlite-consumer-pc" "$work/consumer-pc.db"
fi
