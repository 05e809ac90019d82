// The sandbox's devices' screens (/_sandbox/), looked at in a real browser: Debian's headless
// Chromium driven by playwright-core. The page is opened once, before anything happens; a demo
// flow then runs through the paygw CLI (every device gets a QR, an amount, text lines, an
// announcement, a receipt, an order; a fault; a webhook answered by a merchant server run here),
// and after each step the page must show it by itself (no reload). Then, per device:
//   - the amount and text lines in the DOM are the pushed ones;
//   - the QR image, as Chromium drew it (an element screenshot), is decoded by zbarimg and must
//     hold exactly the pushed payload;
//   - the announcement is the sentence for the amount, with the words computed by the npm package
//     read-vietnamese-number (here also for 150 other amounts sent with signed requests);
//   - the log shows the requests, the fault, the callback and the merchant's reply.
// A second sandbox built without libqrencode must show each QR as text and say why.
// Usage: node screens_test.cjs <paygw-sandbox> <sandbox without qr images> <paygw> <node_modules dir>
//        <work dir> [<copy of the full-page screenshot, e.g. docs/sandbox-screens.png>]
"use strict";
const { spawn, execFileSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const http = require("http");
const path = require("path");
const { createRequire } = require("module");

const [sandboxBin, plainSandboxBin, paygw, modules, work, docsShot] = process.argv.slice(2);
const need = createRequire(path.join(modules, "package.json"));
const { chromium } = need("playwright-core");
const { ReadingConfig, doReadNumber } = need("read-vietnamese-number");

setTimeout(() => { console.error("FAIL: the screens test took more than 150 s"); process.exit(1); }, 150000).unref();
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
let passes = 0, fails = 0;
function check(ok, what, detail) {
  if (ok) ++passes; else { ++fails; console.log("FAIL: " + what + (detail === undefined ? "" : ": " + detail)); }
}

// ---- the world: credentials, the sandbox, a merchant server ----
const rnd = n => crypto.randomBytes(n).toString("hex");
const env = {
  ...process.env,
  PAYGW_TINGEE_CLIENT_ID: "screens-" + rnd(3), PAYGW_TINGEE_SECRET: rnd(16),
  PAYGW_TCONNECT_PARTNER_CODE: "PARTNER-" + rnd(3), PAYGW_TCONNECT_USERNAME: "demo@paygw.local",
  PAYGW_TCONNECT_PASSWORD: rnd(12), PAYGW_TCONNECT_CLIENT_ID: "client-" + rnd(4),
  PAYGW_TCONNECT_CLIENT_SECRET: rnd(16), PAYGW_TCONNECT_AES_KEY: rnd(32),
};
const children = [];
function startSandbox(bin) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["--port", "0"], { env, stdio: ["ignore", "pipe", "inherit"] });
    children.push(child);
    let out = "";
    child.stdout.on("data", chunk => {
      out += chunk;
      const m = /^listening on (\S+)$/m.exec(out);
      if (m) resolve(m[1]);
    });
    child.exited = new Promise(done => child.on("exit", (code, signal) => done({ code, signal })));
    child.exited.then(({ code }) => reject(new Error(bin + " exited " + code + ": " + out)));
  });
}
// Stops a sandbox and checks that it stopped cleanly (exit 0: also no sanitizer report under ASan).
async function stop(child) {
  child.kill("SIGTERM");
  const end = await Promise.race([child.exited, new Promise(r => setTimeout(() => r(null), 10000))]);
  if (end === null) child.kill("SIGKILL");
  check(end !== null && end.code === 0, "the sandbox stops cleanly on SIGTERM", JSON.stringify(end));
}
const merchantReplies = [];
const merchant = http.createServer((req, res) => {
  let body = "";
  req.on("data", c => (body += c));
  req.on("end", () => {
    merchantReplies.push(body);
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end('{"code":"00","message":"merchant got it"}');
  });
});

function cli(...args) {
  return execFileSync(paygw, args, { env, encoding: "utf8", timeout: 20000 }).trim();
}
function cliStatus(...args) {
  try { execFileSync(paygw, args, { env, stdio: "ignore", timeout: 20000 }); return 0; } catch (e) { return e.status; }
}
async function post(url, body) {
  const r = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return r.json();
}

// A Tingee request signed here (HMAC-SHA512 over "timestamp:body", as Tingee's docs sign), not by paygw.
function vnTimestamp() {
  const d = new Date(Date.now() + 7 * 3600 * 1000), p = (n, w = 2) => String(n).padStart(w, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}` +
         `${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}${p(d.getUTCMilliseconds(), 3)}`;
}
async function tingee(base, endpoint, body) {
  const text = JSON.stringify(body), ts = vnTimestamp();
  const signature = crypto.createHmac("sha512", env.PAYGW_TINGEE_SECRET).update(ts + ":" + text).digest("hex");
  const r = await fetch(base + "/v1/device/" + endpoint, {
    method: "POST", body: text,
    headers: { "Content-Type": "application/json", "x-client-id": env.PAYGW_TINGEE_CLIENT_ID,
               "x-request-timestamp": ts, "x-signature": signature },
  });
  return r.json();
}

const reading = new ReadingConfig();
reading.unit = ["đồng"];
const sentence = amount => "Đã nhận " + doReadNumber(String(amount), reading);

function zbar(file) {
  try { return execFileSync("zbarimg", ["--raw", "-q", "-Sbinary", file], { stdio: ["ignore", "pipe", "ignore"] }).toString("utf8"); }
  catch (e) { return "(zbarimg found no QR: exit " + e.status + ")"; }
}

async function main() {
  const url = await startSandbox(sandboxBin);
  await new Promise(r => merchant.listen(0, "127.0.0.1", r));
  const hook = `http://127.0.0.1:${merchant.address().port}/tingee-webhook`;
  Object.assign(env, { PAYGW_TINGEE_BASE_URL: url, PAYGW_TCONNECT_BASE_URL: url });

  // The amounts a soundbox reads, against the reference reading (before the flow, which then
  // leaves nicer announcements on the page).
  const amounts = [1, 4, 5, 10, 11, 14, 15, 21, 24, 25, 100, 101, 105, 110, 115, 1000, 1001, 1010, 2001, 10000, 15000,
                   21000, 40123, 100000, 105000, 150000, 1000000, 1000500, 1000050, 1005000, 1000000000, 1000000001,
                   1000000000000, 2005000000000, 9007199254740991];
  for (let i = 0; amounts.length < 185; ++i) amounts.push(Math.floor(Math.abs(Math.sin(i + 1) * 1e4) * 10 ** (i % 12)) + 1);
  for (const amount of amounts) {
    await tingee(url, "read-amount-link-to-merchant", { uuid: "DEMO-BOX-MAX", transactionId: "T" + amount, amount, bankBin: "970422" });
    const screens = await (await fetch(url + "/_sandbox/screens")).json();
    const said = screens.devices.find(d => d.device === "DEMO-BOX-MAX").panels.announcement;
    check(said.sentence === sentence(amount), "reading of " + amount, `'${said.sentence}' vs '${sentence(amount)}'`);
    check(said.amount.text === amount.toLocaleString("de-DE") + " VND", "amount text of " + amount, said.amount.text);
  }

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("pageerror", e => check(false, "JavaScript error on the page", e.message));
    await page.goto(url + "/_sandbox/");
    await page.waitForSelector("#status.live", { timeout: 10000 });
    await page.evaluate(() => { window.openedOnce = true; });
    const panel = id => `[data-device="${id}"]`;
    // Waits until the page shows `want` at `sel` by itself (it polls every 0.7 s).
    async function shows(sel, want, what, exactly = false) {
      try {
        await page.waitForFunction(([s, w, exact]) => {
          const e = document.querySelector(s);
          return e !== null && (exact ? e.textContent.trim() === w : e.textContent.includes(w));
        }, [sel, want, exactly], { timeout: 8000 });
        check(true);
      } catch (e) {
        const got = await page.locator(sel).first().textContent({ timeout: 500 }).catch(() => "(absent)");
        check(false, what, `'${want}' not shown at ${sel}; it shows '${got}'`);
      }
    }
    const pushed = {};  // device -> payload
    async function qrDecodes(id, payload) {
      const img = page.locator(`${panel(id)} .screen img.qr`);
      await page.waitForFunction(s => { const i = document.querySelector(s); return i && i.complete && i.naturalWidth > 0; },
                                 `${panel(id)} .screen img.qr`, { timeout: 8000 });
      const file = path.join(work, id + ".png");
      await img.screenshot({ path: file });
      const read = zbar(file);
      check(read === payload, id + ": the QR on the page decodes to the pushed payload", `'${read}' vs '${payload}'`);
    }

    // TINGEE BOX 3LS: a QR with three lines, then the amount announced.
    pushed["DEMO-BOX-3LS"] = cli("qr", "build", "--bin", "970422", "--account", "0023457923442", "--amount", "40123",
                                 "--purpose", "Don hang 12", "--raw");
    cli("tingee", "show-qr-code", "--uuid", "DEMO-BOX-3LS", "--amount", "40123", "--qr-code", pushed["DEMO-BOX-3LS"],
        "--first-text", "Cửa hàng Hoa Mai", "--second-text", "Đơn hàng 12", "--third-text", "Cảm ơn quý khách");
    await shows(`${panel("DEMO-BOX-3LS")} .screen .amount`, "40.123 VND", "3LS amount");
    await shows(`${panel("DEMO-BOX-3LS")} .screen .line.first`, "Cửa hàng Hoa Mai", "3LS first line");
    await shows(`${panel("DEMO-BOX-3LS")} .screen .line.second`, "Đơn hàng 12", "3LS second line");
    await shows(`${panel("DEMO-BOX-3LS")} .screen .line.third`, "Cảm ơn quý khách", "3LS third line");
    cli("tingee", "read-amount", "--uuid", "DEMO-BOX-3LS", "--transaction-id", "T-3LS", "--amount", "40123", "--bank-bin", "970422");
    await shows(`${panel("DEMO-BOX-3LS")} .speech .sentence`, sentence(40123), "3LS announcement");

    // TINGEE BOX 6XS: not linked until add-device-to-shop, then a dynamic QR.
    await shows(`${panel("DEMO-BOX-6XS")} .badge`, "not linked", "6XS starts unlinked");
    cli("tingee", "add-device-to-shop", "--uuid", "DEMO-BOX-6XS", "--security-code", "123456", "--shop-ids", "1");
    await shows(`${panel("DEMO-BOX-6XS")} h2 .badge`, "linked", "6XS linked", true);
    pushed["DEMO-BOX-6XS"] = cli("qr", "build", "--bin", "970436", "--account", "1023456789", "--amount", "250000",
                                 "--purpose", "HD 2025-001", "--raw");
    cli("tingee", "show-dynamic-qr-code", "--uuid", "DEMO-BOX-6XS", "--amount", "250000", "--qr-code",
        pushed["DEMO-BOX-6XS"], "--first-text", "Quán Phở 24");
    await shows(`${panel("DEMO-BOX-6XS")} .screen .amount`, "250.000 VND", "6XS amount");
    await shows(`${panel("DEMO-BOX-6XS")} .screen .line.first`, "Quán Phở 24", "6XS first line");

    // TINGEE BOX MAX: a QR bill made by Tingee, a receipt, an announcement.
    const bill = JSON.parse(cli("tingee", "generate-and-show-dynamic-qr-code", "--uuid", "DEMO-BOX-MAX",
                                "--va-account-number", "VA12345", "--amount", "1005000", "--bank-name", "MBB",
                                "--purpose", "Ban 7", "--json"));
    pushed["DEMO-BOX-MAX"] = bill.qr_code;
    await shows(`${panel("DEMO-BOX-MAX")} .screen .amount`, "1.005.000 VND", "MAX amount");
    cli("tingee", "print-receipt", "--uuid", "DEMO-BOX-MAX", "--store-name", "Cà phê Sáng",
        "--items", "Cà phê sữa:2:29000,Bánh mì:1:25000", "--total", "73000", "--discount", "10000");
    await shows(`${panel("DEMO-BOX-MAX")} .receipt .store`, "Cà phê Sáng", "MAX receipt store");
    await shows(`${panel("DEMO-BOX-MAX")} .receipt`, "2 × Cà phê sữa58.000 VND", "MAX receipt first item");
    await shows(`${panel("DEMO-BOX-MAX")} .receipt`, "1 × Bánh mì25.000 VND", "MAX receipt second item");
    await shows(`${panel("DEMO-BOX-MAX")} .receipt`, "Giảm giá-10.000 VND", "MAX receipt discount");
    await shows(`${panel("DEMO-BOX-MAX")} .receipt .total`, "73.000 VND", "MAX receipt total");
    // Every receipt field, and a QR printed on it (signed here: the CLI has no flags for these).
    const receiptQr = cli("qr", "build", "--bin", "970422", "--account", "0023457923442", "--amount", "73000",
                          "--purpose", "HD 0042", "--raw");
    const printed = await tingee(url, "print-receipt", {
      uuid: "DEMO-BOX-MAX", storeName: "Cà phê Sáng", address: "12 Lý Thái Tổ, Hà Nội", hotline: "0901 234 567",
      orderCode: "HD-0042", items: [{ name: "Cà phê sữa", quantity: 2, unitPrice: 29000 },
                                    { name: "Bánh mì", quantity: 1, unitPrice: 25000 }],
      totalAmount: 73000, discount: 10000, qrCode: receiptQr, footerNote: "Cảm ơn quý khách!", copies: 2 });
    check(printed.code === "00", "print-receipt with every field", JSON.stringify(printed));
    for (const want of ["12 Lý Thái Tổ, Hà Nội", "Hotline: 0901 234 567", "Mã đơn: HD-0042", "Cảm ơn quý khách!", "2 liên"])
      await shows(`${panel("DEMO-BOX-MAX")} .receipt`, want, "MAX receipt: " + want);
    await page.waitForFunction(s => { const i = document.querySelector(s); return i && i.complete && i.naturalWidth > 0; },
                               `${panel("DEMO-BOX-MAX")} .receipt img.qr`, { timeout: 8000 });
    await page.locator(`${panel("DEMO-BOX-MAX")} .receipt img.qr`).screenshot({ path: path.join(work, "receipt-qr.png") });
    const onReceipt = zbar(path.join(work, "receipt-qr.png"));
    check(onReceipt === receiptQr, "the QR on the receipt decodes to its payload", `'${onReceipt}' vs '${receiptQr}'`);
    cli("tingee", "read-amount", "--uuid", "DEMO-BOX-MAX", "--transaction-id", "T-MAX", "--amount", "1005000", "--bank-bin", "970422");
    await shows(`${panel("DEMO-BOX-MAX")} .speech .sentence`, sentence(1005000), "MAX announcement");

    // TConnect: an order on the Smart POS, a QR from create-qr on the soundbox.
    cli("tconnect", "push-pos", "--serial", "POS-0001", "--order-id", "ORD-1001", "--amount", "150000");
    await shows(`${panel("POS-0001")} .order-id`, "ORD-1001", "POS order id");
    await shows(`${panel("POS-0001")} .screen .amount`, "150.000 VND", "POS amount");
    pushed["SB-0001"] = cli("tconnect", "create-qr", "--order-id", "ORD-1002", "--va", "VA100023312", "--bincode", "970454",
                            "--amount", "180000", "--service-code", "vccb-qr", "--raw");
    cli("tconnect", "push-soundbox", "--serial", "SB-0001", "--amount", "180000", "--qr-string", pushed["SB-0001"]);
    await shows(`${panel("SB-0001")} .screen .amount`, "180.000 VND", "soundbox amount");

    // Every QR on the page, as drawn, holds exactly what was pushed.
    for (const [id, payload] of Object.entries(pushed)) await qrDecodes(id, payload);

    // The log: a fault, the request it hit, a webhook delivered and the merchant's reply.
    await post(url + "/_sandbox/faults", { mode: "http503", path: "/v1/device/read-amount-link-to-merchant" });
    check(cliStatus("tingee", "read-amount", "--uuid", "DEMO-BOX-3LS", "--transaction-id", "T-F", "--amount", "5",
                    "--bank-bin", "970422", "--retries", "0") === 7, "a 503 is outcome unknown (exit 7)");
    await shows("#log", "http503 on POST /v1/device/read-amount-link-to-merchant", "fault in the log");
    await shows("#log", "POST /v1/device/read-amount-link-to-merchant -> 503", "faulted request in the log");
    const paid = await post(url + "/_sandbox/tingee/payments", { billId: bill.bill_id, content: "Ban 7", url: hook });
    check(JSON.stringify(paid.deliveries) === "[200]" && merchantReplies.length === 1, "webhook delivered", JSON.stringify(paid));
    await shows("#log", `tingee webhook -> ${hook}: HTTP 200 (attempt 1), reply {"code":"00","message":"merchant got it"}`,
                "callback and the merchant's reply in the log");
    await shows("#log", "POST /v1/device/show-qr-code -> 200, code 00 Success", "a Tingee request in the log");
    await shows("#log", "POST /openapi/v1/devices/payments/push -> 200, Successfully pushed new payment to POS", "a TConnect request");
    check(!(await page.locator("#log").textContent()).includes(env.PAYGW_TINGEE_SECRET), "no secret in the log");
    check(await page.evaluate(() => window.openedOnce === true), "the page updated itself, never reloaded");
    check((await page.locator("#notice").isVisible()) === false, "no 'without libqrencode' notice");

    // One language per speaker (ADR 0046): what a device shows, says or prints is Vietnamese (the
    // checks above); the page's own labels are English.
    await shows(`${panel("DEMO-BOX-3LS")} .speech .who`, "Speaker said · ", "the speaker's label");
    const labels = await page.evaluate(() => [...document.querySelectorAll(
      "header.top, .device > h2, .badge, .speech .who, .speech.none, .when, .nfc, .log > h2, #notice")]
      .map(e => e.textContent));
    const vietnamese = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
    check(labels.length >= 15 && labels.every(t => !vietnamese.test(t)), "the page's own labels are English",
          JSON.stringify(labels.filter(t => vietnamese.test(t))));

    await page.waitForTimeout(800);  // the status line's next tick
    const shot = path.join(work, "sandbox-screens.png");
    await page.screenshot({ path: shot, fullPage: true });
    check(fs.statSync(shot).size > 10000, "full-page screenshot written", shot);
    if (docsShot) fs.copyFileSync(shot, docsShot);

    // A sandbox built without libqrencode: the page still works, with the QR as text.
    const plainUrl = await startSandbox(plainSandboxBin);
    await tingee(plainUrl, "show-qr-code", { uuid: "DEMO-BOX-3LS", amount: 40123, qrCode: pushed["DEMO-BOX-3LS"] });
    await page.goto(plainUrl + "/_sandbox/");
    await shows(`${panel("DEMO-BOX-3LS")} .screen .noimage`, pushed["DEMO-BOX-3LS"], "QR as text without libqrencode");
    await shows("#notice", "built without libqrencode", "the page says why");
    check(await page.locator("#notice").isVisible(), "the notice is visible");
    check((await page.locator("img.qr").count()) === 0, "no QR image without libqrencode");
  } finally {
    await browser.close();
  }
}

main()
  .catch(e => check(false, "the test itself", e.stack))
  .finally(async () => {
    for (const c of children) await stop(c);
    merchant.close();
    console.log(`sandbox screens: ${passes} passed, ${fails} failed`);
    process.exitCode = fails === 0 && passes > 0 ? 0 : 1;
  });
