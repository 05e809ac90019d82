# SPDX-License-Identifier: MIT
# Sourced by tools/demo and the integration test: run paygw-sandbox with fresh credentials.

# Exports the PAYGW_* variables the examples and the sandbox read, with random secrets.
export_sandbox_credentials() {
  rnd() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
  export PAYGW_TINGEE_CLIENT_ID="sandbox-client-$(rnd 3)"
  export PAYGW_TINGEE_SECRET="$(rnd 16)"
  export PAYGW_TCONNECT_PARTNER_CODE="PARTNER-$(rnd 3)"
  export PAYGW_TCONNECT_USERNAME="demo@paygw.local"
  export PAYGW_TCONNECT_PASSWORD="$(rnd 12)"
  export PAYGW_TCONNECT_CLIENT_ID="client-$(rnd 4)"
  export PAYGW_TCONNECT_CLIENT_SECRET="$(rnd 16)"
  export PAYGW_TCONNECT_AES_KEY="$(rnd 32)"
  export PAYGW_CHARGING_PARTNER_ID="36811$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')"
  export PAYGW_CHARGING_PARTNER_KEY="$(rnd 16)"
}

# wait_for_url <log file> <pid>: prints the URL after "listening on " once the process logs it.
wait_for_url() {
  local url=""
  for _ in $(seq 200); do
    url=$(sed -n 's/^listening on //p' "$1")
    [ -n "$url" ] && break
    kill -0 "$2" 2>/dev/null || break
    sleep 0.05
  done
  printf '%s' "$url"
}

# start_callback_server <binary> <log file> <card args...>: starts the charging callback example on
# a free port, sets CALLBACK_PID and exports PAYGW_CHARGING_CALLBACK_URL for the sandbox.
start_callback_server() {
  local binary=$1 log=$2
  shift 2
  "$binary" --port 0 --exit-after-final "$@" >"$log" 2>&1 &
  CALLBACK_PID=$!
  PAYGW_CHARGING_CALLBACK_URL=$(wait_for_url "$log" "$CALLBACK_PID")
  [ -n "$PAYGW_CHARGING_CALLBACK_URL" ] || { echo "callback server did not start:"; cat "$log"; return 1; }
  export PAYGW_CHARGING_CALLBACK_URL
}

# start_sandbox <paygw-sandbox binary> <log file> [sandbox args...]: starts it on a free loopback
# port and sets SANDBOX_URL and SANDBOX_PID; exports the base URLs for the examples.
start_sandbox() {
  "$1" --port 0 "${@:3}" >"$2" 2>&1 &
  SANDBOX_PID=$!
  SANDBOX_URL=$(wait_for_url "$2" "$SANDBOX_PID")
  if [ -z "$SANDBOX_URL" ]; then
    echo "paygw-sandbox did not start:"
    cat "$2"
    return 1
  fi
  export PAYGW_SANDBOX_URL=$SANDBOX_URL PAYGW_TINGEE_BASE_URL=$SANDBOX_URL PAYGW_TCONNECT_BASE_URL=$SANDBOX_URL \
    PAYGW_CHARGING_BASE_URL=$SANDBOX_URL
}

stop_sandbox() {
  if [ -n "${CALLBACK_PID:-}" ]; then
    kill "$CALLBACK_PID" 2>/dev/null || true
    wait "$CALLBACK_PID" 2>/dev/null || true
    CALLBACK_PID=""
  fi
  if [ -n "${SANDBOX_PID:-}" ]; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
    SANDBOX_PID=""
  fi
}

# A VietQR string for the soundbox demo (example E2 of the VietQR notes).
DEMO_QR="00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E"

# A Viettel card the sandbox answers 99 (pending) and settles to 1 by callback (last digit 5).
DEMO_CARD=(VIETTEL 312821445892985 10004783347874 50000)
