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
}

# start_sandbox <paygw-sandbox binary> <log file>: starts it on a free loopback port and sets
# SANDBOX_URL and SANDBOX_PID; exports the base URLs for the examples.
start_sandbox() {
  "$1" --port 0 >"$2" 2>&1 &
  SANDBOX_PID=$!
  SANDBOX_URL=""
  for _ in $(seq 200); do
    SANDBOX_URL=$(sed -n 's/^listening on //p' "$2")
    [ -n "$SANDBOX_URL" ] && break
    kill -0 "$SANDBOX_PID" 2>/dev/null || break
    sleep 0.05
  done
  if [ -z "$SANDBOX_URL" ]; then
    echo "paygw-sandbox did not start:"
    cat "$2"
    return 1
  fi
  export PAYGW_TINGEE_BASE_URL=$SANDBOX_URL PAYGW_TCONNECT_BASE_URL=$SANDBOX_URL
}

stop_sandbox() {
  if [ -n "${SANDBOX_PID:-}" ]; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
    SANDBOX_PID=""
  fi
}

# A VietQR string for the soundbox demo (example E2 of the VietQR notes).
DEMO_QR="00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E"
