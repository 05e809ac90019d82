#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The Debian packages on this machine, as a user would have them (needs root: CI runs it): installs
# libpaygw-dev and paygw-tools with dpkg, builds the consumer in tests/install against them with
# find_package (no CMAKE_PREFIX_PATH: the system's /usr) and with plain `pkg-config --libs paygw`,
# runs both and the installed tools, then removes the packages and checks nothing is left.
# Usage: deb_test.sh <directory with the .deb files> <scratch directory>
set -euo pipefail
debs=$1 work=$2
src=$(cd "$(dirname "$0")/../install" && pwd)
fail() { echo "FAIL: $*"; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (dpkg -i)"
dev=$(ls "$debs"/libpaygw-dev_*.deb) tools=$(ls "$debs"/paygw-tools_*.deb)
# The store packages, when the build tree had the store components.
stores=() store_debs=() packages=(libpaygw-dev paygw-tools)
for store in sqlite postgres; do
  deb=$(ls "$debs"/libpaygw-"$store"-dev_*.deb 2>/dev/null || true)
  if [ -n "$deb" ]; then
    stores+=("$store") store_debs+=("$deb") packages+=("libpaygw-$store-dev")
  fi
done
# The metrics component's package, when the build tree had it.
prometheus_deb=$(ls "$debs"/libpaygw-prometheus-dev_*.deb 2>/dev/null || true)
if [ -n "$prometheus_deb" ]; then
  store_debs+=("$prometheus_deb") packages+=(libpaygw-prometheus-dev)
fi
for pkg in "${packages[@]}"; do
  if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
    fail "$pkg is already installed on this machine: remove it first (dpkg -r $pkg)"
  fi
done
remove() { dpkg -r "${packages[@]}" >/dev/null 2>&1 || true; }
trap remove EXIT
rm -rf "$work"
mkdir -p "$work"

echo "== dpkg -i ${packages[*]}"
if ! dpkg -i "$dev" "$tools" "${store_debs[@]}" >"$work/dpkg.log" 2>&1; then
  # A machine without the dependencies: dpkg leaves the packages unconfigured; apt brings them.
  grep -q "dependency problems" "$work/dpkg.log" || { cat "$work/dpkg.log"; fail "dpkg -i"; }
  echo "   dpkg -i: dependencies missing; apt-get -f install"
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >>"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "apt-get -f install"; }
fi
dpkg -L libpaygw-dev >"$work/dev.files"
dpkg -L paygw-tools >"$work/tools.files"
for f in /usr/include/paygw/paygw.hpp /usr/include/paygw/version.hpp /usr/include/paygw/export.hpp; do
  grep -qx "$f" "$work/dev.files" || fail "libpaygw-dev lacks $f"
done
grep -qE '^/usr/lib/[^/]+/libpaygw\.a$' "$work/dev.files" || fail "libpaygw-dev lacks lib/<multiarch>/libpaygw.a"
grep -qE '^/usr/lib/[^/]+/cmake/paygw/paygwConfig\.cmake$' "$work/dev.files" || fail "libpaygw-dev lacks the CMake package"
grep -qE '^/usr/lib/[^/]+/pkgconfig/paygw\.pc$' "$work/dev.files" || fail "libpaygw-dev lacks paygw.pc"
for f in /usr/bin/paygw /usr/bin/paygw-sandbox /usr/share/bash-completion/completions/paygw; do
  grep -qx "$f" "$work/tools.files" || fail "paygw-tools lacks $f"
done
# The examples' sources with their CMakeLists.txt, and the paygw::httplib adapter (ADR 0037).
for f in /usr/share/paygw/examples/CMakeLists.txt /usr/share/paygw/examples/receiver.cpp /usr/include/paygw/httplib.hpp; do
  grep -qx "$f" "$work/dev.files" || fail "libpaygw-dev lacks $f"
done
grep -qE '^/usr/lib/[^/]+/cmake/paygw/paygw-httplib-targets\.cmake$' "$work/dev.files" || fail "libpaygw-dev lacks paygw::httplib"
version=$(dpkg-query -W -f='${Version}' libpaygw-dev)
echo "   libpaygw-dev $version: $(wc -l <"$work/dev.files") paths; depends: $(dpkg-query -W -f='${Depends}' libpaygw-dev)"
echo "   paygw-tools: depends: $(dpkg-query -W -f='${Depends}' paygw-tools)"

echo "== the installed tools run"
paygw --version | grep -qx "paygw $version" || fail "paygw --version is not $version: $(paygw --version)"
paygw-sandbox --help >/dev/null || fail "paygw-sandbox --help"
grep -q 'complete -o default -F _paygw paygw' /usr/share/bash-completion/completions/paygw || fail "completion"

echo "== consumer with find_package(paygw CONFIG) from /usr"
cmake -S "$src" -B "$work/cmake" >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; fail "configure"; }
grep -q "paygw_DIR:PATH=/usr/lib/" "$work/cmake/CMakeCache.txt" || fail "find_package did not find the /usr package"
cmake --build "$work/cmake" >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build"; }
"$work/cmake/consumer"

echo "== consumer with pkg-config: c++ main.cpp \$(pkg-config --cflags --libs paygw)"
echo "   $(pkg-config --cflags --libs paygw)"
# shellcheck disable=SC2046
c++ -std=c++17 "$src/main.cpp" -o "$work/consumer-pc" $(pkg-config --cflags --libs paygw)
"$work/consumer-pc"

for store in "${stores[@]}"; do
  echo "== consumer with find_package(paygw CONFIG COMPONENTS $store) from /usr"
  dpkg -L "libpaygw-$store-dev" >"$work/$store.files"
  grep -qx "/usr/include/paygw/store/$store.hpp" "$work/$store.files" || fail "libpaygw-$store-dev lacks its header"
  grep -qx "/usr/include/paygw/store/$store.hpp" "$work/dev.files" && fail "libpaygw-dev holds the $store header"
  grep -qE "^/usr/lib/[^/]+/pkgconfig/paygw-$store\.pc\$" "$work/$store.files" || fail "libpaygw-$store-dev lacks paygw-$store.pc"
  pkg-config --exists "paygw-$store" || fail "pkg-config does not find paygw-$store"
  if [ -d "$src/$store" ]; then
    cmake -S "$src/$store" -B "$work/cmake-$store" >"$work/configure-$store.log" 2>&1 ||
      { cat "$work/configure-$store.log"; fail "configure ($store)"; }
    cmake --build "$work/cmake-$store" >"$work/build-$store.log" 2>&1 || { cat "$work/build-$store.log"; fail "build ($store)"; }
    "$work/cmake-$store/${store}_consumer" "$work/consumer.db"
  else
    echo "   (no consumer project in tests/install/$store: the package's files were checked)"
  fi
done

if [ -n "$prometheus_deb" ]; then
  echo "== consumer with find_package(paygw CONFIG COMPONENTS prometheus) from /usr"
  dpkg -L libpaygw-prometheus-dev >"$work/prometheus.files"
  grep -qx "/usr/include/paygw/metrics/prometheus.hpp" "$work/prometheus.files" ||
    fail "libpaygw-prometheus-dev lacks its header"
  grep -qx "/usr/include/paygw/metrics/prometheus.hpp" "$work/dev.files" && fail "libpaygw-dev holds the metrics header"
  cmake -S "$src/prometheus" -B "$work/cmake-prometheus" >"$work/configure-prometheus.log" 2>&1 ||
    { cat "$work/configure-prometheus.log"; fail "configure (prometheus)"; }
  cmake --build "$work/cmake-prometheus" >"$work/build-prometheus.log" 2>&1 ||
    { cat "$work/build-prometheus.log"; fail "build (prometheus)"; }
  "$work/cmake-prometheus/prometheus_consumer"
fi

echo "== dpkg -r ${packages[*]}"
dpkg -r "${packages[@]}" >"$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "dpkg -r"; }
trap - EXIT
for f in $(cat "$work"/*.files); do
  [ -f "$f" ] && fail "$f is still there after dpkg -r"
done
[ -e /usr/include/paygw ] && fail "/usr/include/paygw is still there"
pkg-config --exists paygw && fail "pkg-config still finds paygw"
echo "deb packages (${packages[*]}): install, consume (find_package, pkg-config), remove: OK"
