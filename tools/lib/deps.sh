# SPDX-License-Identifier: MIT
# Sourced by tools/test and tools/demo: install missing Debian packages.
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "paygw: installing missing packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "paygw: need root (or sudo) to install ${missing[*]}" >&2; return 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What building paygw, its examples and the sandbox needs (libsqlite3-dev: the paygw::sqlite store
# and the receiver example; libpq-dev: the paygw::postgres store; libqrencode and libpng: the CLI's
# QR images and the sandbox's screens page, optional for the build, installed so that they work).
PAYGW_BUILD_PACKAGES=(cmake g++ make pkg-config ca-certificates libcurl4-openssl-dev libssl-dev nlohmann-json3-dev
  libcpp-httplib-dev libcli11-dev curl openssl libsqlite3-dev libpq-dev libqrencode-dev libpng-dev)
# What the test suite needs on top. (jq reads the CLI's --json output; nodejs is the reference
# JSON.stringify of the sandbox's re-serialising signature check; postgresql is the server the
# PostgreSQL store and race tests start; zbar-tools decodes every QR image the tools draw; chromium,
# with playwright-core from npm, looks at the sandbox's screens page; DejaVu draws its Vietnamese text;
# libspdlog-dev builds the logging adapter example; prometheus-cpp-dev the paygw::prometheus component,
# its scrape test and the receiver's /metrics.)
PAYGW_TEST_PACKAGES=(libgtest-dev libgmock-dev clang libclang-rt-14-dev jq nodejs postgresql zbar-tools chromium
  fonts-dejavu-core libspdlog-dev prometheus-cpp-dev)
# npm installs the screens test's two packages (tests/integration/screens/package-lock.json); it
# comes with some Node.js builds and is Debian's npm package otherwise.
command -v npm >/dev/null 2>&1 || PAYGW_TEST_PACKAGES+=(npm)
