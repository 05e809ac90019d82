#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Replays the requests the official Tingee Node SDK 0.2.4 sent (tests/fixtures/tingee-node/, recorded
by tools/interop/tingee-node-sdk) against a fresh paygw-sandbox, and requires every SDK method to be
served with Tingee's success code.

What is replayed, and what is changed:
  * each request's method, target, header names and values (in their order) and body bytes are the
    recorded ones, sent as they are over a raw HTTP/1.1 connection;
  * Host is the sandbox's; x-request-timestamp is now (the sandbox, like Tingee, refuses a timestamp
    more than 10 minutes old) and x-signature is recomputed for it — HMAC-SHA512 over
    `timestamp + ":" + body` ("{}" when there is no body) with the fixtures' test secret, by this
    script's own implementation (Python's hmac), never the SDK's. Before that, every recorded
    signature is checked with the same implementation over the recorded timestamp and bytes, so the
    fixtures show what the SDK signs;
  * a value the SDK took from an earlier answer (a confirmId, a VA number, a subscription: the
    fixture's `bindings`) is replaced by the live answer's value when it differs — the body is then
    re-serialised the way JSON.stringify writes it (checked to reproduce the recorded bytes first),
    a query parameter is re-encoded as URLSearchParams does — and Content-Length follows.

Usage: tingee_node_sdk_replay.py <paygw-sandbox> <fixtures dir>
Exit status 0 when every step was served as expected, 1 otherwise (the failing methods are listed).
"""
import gzip
import hashlib
import hmac
import http.client
import json
import subprocess
import sys
import time
import urllib.parse
from datetime import datetime, timedelta, timezone

VN = timezone(timedelta(hours=7))

# Every method of the SDK's TingeeClient (0.2.4, src/client/generated-methods.ts), each of which must
# be served. All are required: on a branch where some group is not simulated yet, this test fails and
# names the methods.
EXPECTED_METHODS = {
    "bank": ["generateVietQr", "generateDynamicQr", "deleteDynamicQr", "getStatusDynamicQr", "getBanks",
             "getVaPaging", "getAccountNumberInfoByQrCode", "createVa", "createVaAdvanced", "confirmVa",
             "deleteVa", "confirmDeleteVa", "registerNotify", "confirmRegisterNotify"],
    "device": ["readSecurityCode", "addDeviceToShop", "updateShopDeviceLinkStatus", "readAmountLinkToMerchant",
               "showQrCode", "showDynamicQrCode", "showStaticQrCode", "getDevicesLinkToShopOrVa", "getPaging",
               "reset", "generateAndShowDynamicQrCode", "printReceipt", "nfcCommand", "resetDevice"],
    "shop": ["createOrUpdate", "getPaging"],
    "deepLink": ["generate", "generateBidvTest"],
    "transaction": ["getPaging"],
    "directDebit": ["register", "paymentBill", "deleteSubscription", "refund", "editConfirmPaymentMethod",
                    "getSubscriptionStatus", "getTransactionStatus", "getPagingTransactions"],
    "merchant": ["getPagingConfig", "createOrUpdateConfig", "deleteConfig", "configAccountBusiness",
                 "deleteConfigAccountBusiness", "create", "getPaging", "delete"],
    "eInvoice": ["getPagingAccount", "createOrUpdateAccount", "deleteAccount", "getProvider", "create",
                 "createAndIssue", "getInvoiceInfo", "download", "invoiceTemplates", "sendEmail"],
}


def sign(secret, timestamp, body):
    message = f"{timestamp}:{body if body else '{}'}".encode("utf-8")
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha512).hexdigest()


def vn_timestamp():
    now = datetime.now(VN)
    return now.strftime("%Y%m%d%H%M%S") + f"{now.microsecond // 1000:03d}"


def stringify(value):
    """JSON.stringify of parsed JSON (no spaces, non-ASCII as is, '/' unescaped)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def pointer_parts(pointer):
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


def pointer_get(doc, pointer):
    cur = doc
    for key in pointer_parts(pointer):
        if isinstance(cur, list) and key.isdigit() and int(key) < len(cur):
            cur = cur[int(key)]
        elif isinstance(cur, dict) and key in cur:
            cur = cur[key]
        else:
            return None
    return cur


def pointer_set(doc, pointer, value):
    parts = pointer_parts(pointer)
    cur = doc
    for key in parts[:-1]:
        cur = cur[int(key)] if isinstance(cur, list) else cur[key]
    last = parts[-1]
    if isinstance(cur, list):
        cur[int(last)] = value
    else:
        cur[last] = value


def search_params_encode(text):
    """application/x-www-form-urlencoded as URLSearchParams writes it."""
    return urllib.parse.quote(str(text), safe="*-._").replace("%20", "+")


def set_query(target, name, value):
    path, _, query = target.partition("?")
    out = []
    for pair in query.split("&"):
        key = pair.split("=", 1)[0]
        out.append(f"{key}={search_params_encode(value)}" if urllib.parse.unquote_plus(key) == name else pair)
    return path + "?" + "&".join(out)


def start_sandbox(binary, client_id, secret):
    proc = subprocess.Popen(
        [binary, "--port", "0", "--host", "127.0.0.1", "--tingee-client-id", client_id, "--tingee-secret", secret],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.time() + 30
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("listening on "):
            return proc, urllib.parse.urlparse(line[len("listening on "):].strip())
    proc.kill()
    raise SystemExit("paygw-sandbox did not start")


def send(url, method, target, headers, body):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
    for name, value in headers:
        conn.putheader(name, value)
    conn.endheaders(body if body else None)
    res = conn.getresponse()
    raw = res.read()
    if "gzip" in (res.getheader("content-encoding") or ""):
        raw = gzip.decompress(raw)
    conn.close()
    try:
        return res.status, json.loads(raw.decode("utf-8"))
    except ValueError:
        return res.status, None


def expected(fixture, status, answer):
    if status != 200:
        return False
    if fixture["sdk_method"] is None:
        return True
    if fixture["sdk_method"] == "bank.getBanks" and isinstance(answer, list):
        return len(answer) > 0  # the live API's bare array (the SDK types it as the envelope)
    return isinstance(answer, dict) and answer.get("code") == "00"


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    binary, directory = sys.argv[1], sys.argv[2]
    with open(f"{directory}/manifest.json", encoding="utf-8") as f:
        manifest = json.load(f)
    client_id, secret = manifest["client_id"], manifest["secret"]
    fixtures = []
    for name in manifest["steps"]:
        with open(f"{directory}/{name}", encoding="utf-8") as f:
            fixtures.append((name, json.load(f)))

    # Every SDK method has exactly one recorded request.
    want = sorted(f"{g}.{m}" for g, ms in EXPECTED_METHODS.items() for m in ms)
    have = sorted(fx["sdk_method"] for _, fx in fixtures if fx["sdk_method"])
    if want != have:
        print(f"fixtures do not cover the SDK's methods once each: missing {sorted(set(want) - set(have))}, "
              f"extra or repeated {[m for m in have if have.count(m) > 1 or m not in want]}")
        return 1

    # The recorded requests are what the SDK signed: checked independently, before anything is sent.
    problems = []
    for name, fx in fixtures:
        if fx["sdk_method"] is None:
            continue
        ts, sig = fx["sdk_signed"]["timestamp"], fx["sdk_signed"]["signature"]
        if len(ts) != 17 or not ts.isdigit():
            problems.append(f"{name}: timestamp {ts!r} is not yyyyMMddHHmmssSSS")
        if sign(secret, ts, fx["request"]["body"]) != sig:
            problems.append(f"{name}: the recorded signature is not HMAC-SHA512(secret, timestamp:body)")
    if problems:
        print("\n".join(problems))
        return 1

    proc, url = start_sandbox(binary, client_id, secret)
    answers, failed, rebound = {}, [], 0
    try:
        # Why each request is re-signed: the sandbox refuses a timestamp older than 10 minutes (as the
        # recorded ones soon are), even correctly signed.
        first = next(fx for _, fx in fixtures if fx["sdk_method"] == "bank.getBanks")["request"]
        old = datetime.now(VN) - timedelta(minutes=11)
        old_ts = old.strftime("%Y%m%d%H%M%S") + f"{old.microsecond // 1000:03d}"
        stale = []
        for k, _, v in (line.partition(": ") for line in first["headers"]):
            low = k.lower()
            v = {"host": f"{url.hostname}:{url.port}", "x-request-timestamp": old_ts,
                 "x-signature": sign(secret, old_ts, "")}.get(low, v)
            stale.append((k, v))
        status, answer = send(url, first["method"], first["target"], stale, b"")
        if status != 200 or not isinstance(answer, dict) or answer.get("code") != "91":
            print(f"FAIL  a request 11 minutes old was not refused with code 91: HTTP {status} {str(answer)[:200]}")
            failed.append("(stale timestamp refused)")
        for name, fx in fixtures:
            req = fx["request"]
            target, body = req["target"], req["body"]
            body_changed = False
            for b in fx["bindings"]:
                live = pointer_get(answers.get(b["from"]), b["pointer"])
                if live is None or live == b["recorded"]:
                    continue
                where = b["at"]
                if where == "url":
                    parsed = urllib.parse.urlparse(live)
                    target = parsed.path + ("?" + parsed.query if parsed.query else "")
                elif where.startswith("query:"):
                    target = set_query(target, where[len("query:"):], live)
                elif where.startswith("body:"):
                    doc = json.loads(body)
                    if stringify(doc) != body:
                        raise SystemExit(f"{name}: cannot rebind: the body is not what JSON.stringify writes")
                    pointer_set(doc, where[len("body:"):], live)
                    body, body_changed = stringify(doc), True
                rebound += 1
            body_bytes = body.encode("utf-8")
            headers = []
            timestamp = vn_timestamp()
            for line in req["headers"]:
                key, _, value = line.partition(": ")
                low = key.lower()
                if low == "host":
                    value = f"{url.hostname}:{url.port}"
                elif low == "x-request-timestamp":
                    value = timestamp
                elif low == "x-signature":
                    value = sign(secret, timestamp, body)
                elif low == "content-length" and body_changed:
                    value = str(len(body_bytes))
                headers.append((key, value))
            status, answer = send(url, req["method"], target, headers, body_bytes if req["has_body"] else b"")
            if fx["step"]:
                answers[fx["step"]] = answer
            ok = expected(fx, status, answer)
            code = answer.get("code", "-") if isinstance(answer, dict) else ("(array)" if isinstance(answer, list) else "-")
            method = fx["sdk_method"] or "(payer page)"
            print(f"{'PASS' if ok else 'FAIL'}  {name:48} {req['method']:6} HTTP {status}  code {code}")
            if not ok:
                failed.append(method)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    methods = sum(1 for _, fx in fixtures if fx["sdk_method"])
    print(f"{len(fixtures)} requests ({methods} SDK methods), {rebound} values rebound from live answers, "
          f"{len(failed)} not served as expected")
    if failed:
        print("not served: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
