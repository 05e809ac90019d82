// SPDX-License-Identifier: MIT
// Drives the official Tingee Node SDK (tingeehub/tingee-node, built locally; it is not on npm) against
// paygw-sandbox: its own TingeeClient, baseUrl pointed at a capturing proxy in front of the sandbox,
// calls every method of every group of the client (in an order the sandbox's state allows: a VA is
// created before it is confirmed, a subscription authorised before it is debited, ...) and prints,
// per method, the HTTP status, the answer's code and PASS/FAIL. With --record DIR it also writes
// each request exactly as it reached the wire (method, target, header names and values, body bytes,
// the SDK's timestamp and signature) as the fixtures tests/tingee_node_replay.py replays in CI.
//
// Nothing here is the SDK's code: the SDK is imported from --sdk (its dist/ directory).
//
// Usage: node tools/interop/tingee_node_driver.mjs --sdk /tmp/tingee-node/dist --base-url http://127.0.0.1:PORT
//          --client-id ID --secret SECRET [--record tests/fixtures/tingee-node]
// Exit status: 0 when every method passed, 1 otherwise, 2 on a usage error.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

function parse_args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    if (!key.startsWith('--') || i + 1 >= argv.length) usage(`bad argument ${key}`);
    out[key.slice(2)] = argv[i + 1];
  }
  for (const k of ['sdk', 'base-url', 'client-id', 'secret']) if (!out[k]) usage(`--${k} is required`);
  return out;
}

function usage(message) {
  console.error(`tingee_node_driver: ${message}`);
  console.error('usage: tingee_node_driver.mjs --sdk DIST --base-url URL --client-id ID --secret SECRET [--record DIR]');
  process.exit(2);
}

// --- the capturing proxy: records each request as it arrives, forwards it unchanged -----------------

function start_proxy(target_base, captured) {
  const target = new URL(target_base);
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const entry = {
        method: req.method,
        target: req.url,
        http_version: req.httpVersion,
        headers: pairs(req.rawHeaders),
        body,
      };
      captured.push(entry);
      const up = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.rawHeaders },
        (upres) => {
          const rchunks = [];
          upres.on('data', (c) => rchunks.push(c));
          upres.on('end', () => {
            const rbody = Buffer.concat(rchunks);
            const gzip = /gzip/i.test(upres.headers['content-encoding'] || '');
            entry.response = { status: upres.statusCode, body: (gzip ? zlib.gunzipSync(rbody) : rbody).toString('utf8') };
            res.writeHead(upres.statusCode, upres.rawHeaders);
            res.end(rbody);
          });
        },
      );
      up.on('error', (e) => {
        entry.response = { status: 502, body: String(e) };
        res.writeHead(502);
        res.end();
      });
      up.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function pairs(raw) {
  const out = [];
  for (let i = 0; i < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

// --- sample data (test values only) -------------------------------------------------------------------

// A VietQR payload (example E2 of the VietQR notes, as tools/lib/sandbox.sh's DEMO_QR).
const kQr =
  '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E';
// A VietQR to the payee of the deep-link steps (MB 970422, account 0023457923442, 150 000 VND, "TT DON
// 1024"), built for these samples (EMVCo TLVs, CRC-16/CCITT-FALSE): a deep link's QR names its payee.
const kPayeeQr =
  '00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA530370454061500005802VN62150811TT DON 10246304DC1C';
const kBin = '970422'; // MB
const kBank = 'MBB';
const kOtp = '123456'; // every OTP of the sandbox's bank
const kReturn = 'https://merchant.example.vn/return';
// An invoice (its pattern and series are the account's template, as invoice-templates answers).
const kInvoiceBase = {
  invoiceDate: '2026-07-16',
  buyerName: 'Nguyễn Văn B',
  buyerEmail: 'b@example.vn',
  paymentMethod: 3,
  currency: 'VND',
  items: [
    {
      itemName: 'Cà phê sữa',
      unitName: 'ly',
      quantity: '2',
      unitPrice: '25000',
      totalBeforeTax: '50000',
      taxRateCode: '8',
      taxAmount: '4000',
      totalAfterTax: '54000',
    },
  ],
  totalBeforeTax: '50000',
  totalTax: '4000',
  totalAfterTax: '54000',
};

// Each step: the SDK method it calls (`group.method`), or a payer page the sandbox serves (`page`);
// `binds`: values taken from an earlier step's answer — {name, from, pointer, at, placeholder}, where
// `at` is where the value lands in this request (`body:/json/pointer` or `query:name`, or `url` for a
// page) and `placeholder` is used when that earlier answer does not carry it (an unserved method).
// The replayer rebinds these from the live answers (else it sends the recorded bytes).
const steps = [
  // bank: reads, the QR helpers, a VA's whole life
  { sdk: 'bank.getBanks', call: (c) => c.bank.getBanks() },
  {
    sdk: 'bank.generateVietQr',
    call: (c) =>
      c.bank.generateVietQr({ bankBin: kBin, accountNumber: '0023457923442', amount: 150000, content: 'TT DON 1024' }),
  },
  { sdk: 'bank.getAccountNumberInfoByQrCode', call: (c) => c.bank.getAccountNumberInfoByQrCode({ qrCode: kQr }) },
  {
    id: 'va',
    sdk: 'bank.createVa',
    call: (c) =>
      c.bank.createVa({
        accountType: 'personal-account',
        accountNumber: '0071000123456',
        accountName: 'NGUYEN VAN A',
        identity: '001099000123',
        mobile: '0901234567',
        appType: 'tingee-web',
        bankBin: kBin,
      }),
  },
  {
    sdk: 'bank.confirmVa',
    binds: [{ name: 'confirmId', from: 'va', pointer: '/data/confirmId', at: 'body:/confirmId', placeholder: 'CF-1' }],
    call: (c, v) => c.bank.confirmVa({ confirmId: v.confirmId, otpNumber: kOtp, bankName: kBank, bankBin: kBin }),
  },
  {
    id: 'notify',
    sdk: 'bank.registerNotify',
    binds: [{ name: 'va', from: 'va', pointer: '/data/vaAccountNumber', at: 'body:/vaAccountNumber', placeholder: 'VA-1' }],
    call: (c, v) => c.bank.registerNotify({ vaAccountNumber: v.va, bankBin: kBin }),
  },
  {
    sdk: 'bank.confirmRegisterNotify',
    binds: [{ name: 'confirmId', from: 'notify', pointer: '/data/confirmId', at: 'body:/confirmId', placeholder: 'RN-1' }],
    call: (c, v) =>
      c.bank.confirmRegisterNotify({ confirmId: v.confirmId, otpNumber: kOtp, bankName: kBank, bankBin: kBin }),
  },
  {
    sdk: 'bank.getVaPaging',
    call: (c) =>
      c.bank.getVaPaging({
        skipCount: 0,
        maxResultCount: 10,
        merchantId: 123456,
        accountType: 'personal-account',
        dataAccess: 'referral-only',
        bankBin: kBin,
      }),
  },
  {
    id: 'bill',
    sdk: 'bank.generateDynamicQr',
    binds: [{ name: 'va', from: 'va', pointer: '/data/vaAccountNumber', at: 'body:/vaAccountNumber', placeholder: 'VA-1' }],
    call: (c, v) =>
      c.bank.generateDynamicQr({
        vaAccountNumber: v.va,
        qrCodeType: 'dynamic-one-time-payment',
        bankBin: kBin,
        amount: 150000,
        purpose: 'TT DON 1024',
        expireInMinute: 30,
      }),
  },
  {
    sdk: 'bank.getStatusDynamicQr',
    binds: [
      { name: 'qr', from: 'bill', pointer: '/data/qrAccount', at: 'body:/qrAccount', placeholder: 'QR-1' },
      { name: 'bill', from: 'bill', pointer: '/data/billId', at: 'body:/billId', placeholder: 'BILL-1' },
    ],
    call: (c, v) => c.bank.getStatusDynamicQr({ qrAccount: v.qr, billId: v.bill }),
  },
  {
    sdk: 'bank.deleteDynamicQr',
    binds: [
      { name: 'qr', from: 'bill', pointer: '/data/qrAccount', at: 'body:/qrAccount', placeholder: 'QR-1' },
      { name: 'bill', from: 'bill', pointer: '/data/billId', at: 'body:/billId', placeholder: 'BILL-1' },
    ],
    call: (c, v) => c.bank.deleteDynamicQr({ qrAccount: v.qr, billId: v.bill }),
  },
  {
    id: 'va2',
    sdk: 'bank.createVaAdvanced',
    call: (c) =>
      c.bank.createVaAdvanced({
        accountType: 'business-account',
        accountNumber: '0071000654321',
        accountName: 'CONG TY A',
        mobile: '0901234567',
        appType: 'tingee-web',
        isCreateNonOtp: true,
        bankBin: kBin,
      }),
  },
  {
    id: 'del',
    sdk: 'bank.deleteVa',
    binds: [{ name: 'va', from: 'va2', pointer: '/data/vaAccountNumber', at: 'query:vaAccountNumber', placeholder: 'VA-2' }],
    // bankName instead of bankBin: the SDK allows either (both optional in its query type).
    call: (c, v) => c.bank.deleteVa({ bankName: kBank, vaAccountNumber: v.va }),
  },
  {
    sdk: 'bank.confirmDeleteVa',
    binds: [{ name: 'confirmId', from: 'del', pointer: '/data/confirmId', at: 'body:/confirmId', placeholder: 'DEL-1' }],
    call: (c, v) => c.bank.confirmDeleteVa({ confirmId: v.confirmId, otpNumber: kOtp, bankName: kBank, bankBin: kBin }),
  },
  { sdk: 'transaction.getPaging', call: (c) => c.transaction.getPaging({ skipCount: 0, maxResultCount: 10 }) },

  // device: DEMO-BOX-6XS starts unlinked; DEMO-BOX-3LS and DEMO-BOX-MAX are linked
  { sdk: 'device.readSecurityCode', call: (c) => c.device.readSecurityCode({ uuid: 'DEMO-BOX-6XS' }) },
  {
    sdk: 'device.addDeviceToShop',
    binds: [{ name: 'va', from: 'va', pointer: '/data/vaAccountNumber', at: 'body:/vaAccountNumbers/0', placeholder: 'VA-1' }],
    call: (c, v) =>
      c.device.addDeviceToShop({
        uuid: 'DEMO-BOX-6XS',
        securityCode: '123456',
        appType: 'tingee-web',
        vaAccountNumbers: [v.va],
      }),
  },
  {
    sdk: 'device.updateShopDeviceLinkStatus',
    call: (c) =>
      c.device.updateShopDeviceLinkStatus({
        uuid: 'DEMO-BOX-6XS',
        appType: 'tingee-web',
        shopsLinkToDeviceDtos: [{ shopName: 'Cửa hàng Quận 1', shopId: 12, isLinkToDevice: true, fullAddress: '1 Lê Lợi, Q1' }],
      }),
  },
  {
    sdk: 'device.getDevicesLinkToShopOrVa',
    binds: [{ name: 'va', from: 'va', pointer: '/data/vaAccountNumber', at: 'body:/vaAccountNumber', placeholder: 'VA-1' }],
    call: (c, v) => c.device.getDevicesLinkToShopOrVa({ merchantId: 123456, vaAccountNumber: v.va, shopId: 12 }),
  },
  { sdk: 'device.getPaging', call: (c) => c.device.getPaging({ skipCount: 0, maxResultCount: 10, merchantId: 123456 }) },
  {
    sdk: 'device.showQrCode',
    call: (c) => c.device.showQrCode({ uuid: 'DEMO-BOX-3LS', amount: 180000, qrCode: kQr, firstText: 'Bàn 5' }),
  },
  {
    sdk: 'device.showDynamicQrCode',
    call: (c) => c.device.showDynamicQrCode({ uuid: 'DEMO-BOX-MAX', amount: 180000, qrCode: kQr }),
  },
  {
    sdk: 'device.showStaticQrCode',
    call: (c) => c.device.showStaticQrCode({ uuid: 'DEMO-BOX-MAX', amount: 0, qrCode: kQr, isStaticQr: true }),
  },
  {
    sdk: 'device.generateAndShowDynamicQrCode',
    binds: [{ name: 'va', from: 'va', pointer: '/data/vaAccountNumber', at: 'body:/vaAccountNumber', placeholder: 'VA-1' }],
    call: (c, v) =>
      c.device.generateAndShowDynamicQrCode({
        uuid: 'DEMO-BOX-MAX',
        vaAccountNumber: v.va,
        qrCodeType: 'dynamic-one-time-payment',
        bankBin: kBin,
        amount: 99000,
        purpose: 'TT DON 1025',
      }),
  },
  {
    sdk: 'device.readAmountLinkToMerchant',
    call: (c) =>
      c.device.readAmountLinkToMerchant({ uuid: 'DEMO-BOX-3LS', transactionId: 'FT26001', amount: 180000, bankBin: kBin }),
  },
  {
    sdk: 'device.printReceipt',
    call: (c) =>
      c.device.printReceipt({
        uuid: 'DEMO-BOX-MAX',
        storeName: 'Cửa hàng Quận 1',
        items: [{ name: 'Cà phê sữa', quantity: 2, unitPrice: 25000 }],
        totalAmount: 50000,
      }),
  },
  {
    sdk: 'device.nfcCommand',
    call: (c) =>
      c.device.nfcCommand({
        uuid: 'DEMO-BOX-MAX',
        enableNfc: true,
        nfcUrl: 'https://pay.example.vn/nfc',
        nfcPackageName: 'vn.example.pay',
      }),
  },
  { sdk: 'device.resetDevice', call: (c) => c.device.resetDevice({ uuid: 'DEMO-BOX-6XS', isBankRequest: false }) },
  { sdk: 'device.reset', call: (c) => c.device.reset({ uuid: 'DEMO-BOX-MAX' }) },

  // shop, deep links
  {
    sdk: 'shop.createOrUpdate',
    call: (c) =>
      c.shop.createOrUpdate({ name: 'Cửa hàng Quận 1', phoneNumber: '0901234567', fullAddress: '1 Lê Lợi, Q1', isActive: true }),
  },
  { sdk: 'shop.getPaging', call: (c) => c.shop.getPaging({ skipCount: 0, maxResultCount: 10 }) },
  {
    sdk: 'deepLink.generate',
    call: (c) =>
      c.deepLink.generate({
        type: 'payment',
        qrCode: kPayeeQr,
        redirectUrl: 'https://shop.example.vn/paid',
        bankBin: '970418',
        destinationBankBin: kBin,
        accountName: 'CONG TY A',
        accountNumber: '0023457923442',
        amount: 150000,
        content: 'TT DON 1024',
        billNumber: 'BILL-1024',
      }),
  },
  {
    sdk: 'deepLink.generateBidvTest',
    call: (c) =>
      c.deepLink.generateBidvTest({
        type: 'payment',
        qrCode: kPayeeQr,
        bankBin: '970418',
        destinationBankBin: kBin,
        accountName: 'CONG TY A',
        accountNumber: '0023457923442',
        amount: 150000,
        content: 'TT DON 1024',
        billNumber: 'BILL-1025',
      }),
  },

  // direct debit: register, the payer authorises, debit, read, refund, edit, cancel
  {
    id: 'dd',
    sdk: 'directDebit.register',
    call: (c) =>
      c.directDebit.register({ requestId: 'SDK-REG-1', bankBin: '970436', accountName: 'NGUYEN VAN A', phone: '0901234567', returnUrl: kReturn }),
  },
  {
    id: 'authorized',
    page: 'the payer authorises the subscription (the URL register answered)',
    binds: [{ name: 'url', from: 'dd', pointer: '/data', at: 'url', placeholder: '/_sandbox/tingee/direct-debit/authorize?requestId=SDK-REG-1' }],
  },
  {
    id: 'debit',
    sdk: 'directDebit.paymentBill',
    binds: [
      { name: 'sub', from: 'authorized', pointer: '/subscriptionId', at: 'body:/subscriptionId', placeholder: 'SUB-1' },
      { name: 'tok', from: 'authorized', pointer: '/tokenRef', at: 'body:/tokenRef', placeholder: 'TOK-1' },
    ],
    call: (c, v) =>
      c.directDebit.paymentBill({
        requestId: 'SDK-PAY-1',
        subscriptionId: v.sub,
        tokenRef: v.tok,
        amount: '150000',
        description: 'Phi thang 12',
        partnerCode: 'one-pay',
        serviceProviderName: 'Cong ty A',
      }),
  },
  {
    sdk: 'directDebit.getTransactionStatus',
    binds: [
      { name: 'txn', from: 'debit', pointer: '/data/transactionCode', at: 'query:transactionId', placeholder: 'TXN-1' },
      { name: 'tok', from: 'authorized', pointer: '/tokenRef', at: 'query:tokenRef', placeholder: 'TOK-1' },
      { name: 'sub', from: 'authorized', pointer: '/subscriptionId', at: 'query:subscriptionId', placeholder: 'SUB-1' },
    ],
    call: (c, v) => c.directDebit.getTransactionStatus({ transactionId: v.txn, tokenRef: v.tok, subscriptionId: v.sub }),
  },
  {
    sdk: 'directDebit.getPagingTransactions',
    binds: [
      { name: 'sub', from: 'authorized', pointer: '/subscriptionId', at: 'query:subscriptionId', placeholder: 'SUB-1' },
      { name: 'tok', from: 'authorized', pointer: '/tokenRef', at: 'query:tokenRef', placeholder: 'TOK-1' },
    ],
    call: (c, v) =>
      c.directDebit.getPagingTransactions({ subscriptionId: v.sub, tokenRef: v.tok, skipCount: 0, maxResultCount: 10 }),
  },
  {
    sdk: 'directDebit.refund',
    binds: [
      { name: 'sub', from: 'authorized', pointer: '/subscriptionId', at: 'body:/subscriptionId', placeholder: 'SUB-1' },
      { name: 'tok', from: 'authorized', pointer: '/tokenRef', at: 'body:/tokenRef', placeholder: 'TOK-1' },
      { name: 'txn', from: 'debit', pointer: '/data/transactionCode', at: 'body:/transactionId', placeholder: 'TXN-1' },
    ],
    call: (c, v) => c.directDebit.refund({ subscriptionId: v.sub, tokenRef: v.tok, transactionId: v.txn, amount: 50000 }),
  },
  {
    sdk: 'directDebit.getSubscriptionStatus',
    binds: [
      { name: 'sub', from: 'authorized', pointer: '/subscriptionId', at: 'query:subscriptionId', placeholder: 'SUB-1' },
      { name: 'tok', from: 'authorized', pointer: '/tokenRef', at: 'query:tokenRef', placeholder: 'TOK-1' },
    ],
    call: (c, v) => c.directDebit.getSubscriptionStatus({ requestId: 'SDK-REG-1', subscriptionId: v.sub, tokenRef: v.tok }),
  },
  {
    sdk: 'directDebit.editConfirmPaymentMethod',
    binds: [{ name: 'sub', from: 'authorized', pointer: '/subscriptionId', at: 'body:/subscriptionId', placeholder: 'SUB-1' }],
    call: (c, v) => c.directDebit.editConfirmPaymentMethod({ requestId: 'SDK-EDIT-1', returnUrl: kReturn, subscriptionId: v.sub }),
  },
  {
    sdk: 'directDebit.deleteSubscription',
    binds: [
      { name: 'sub', from: 'authorized', pointer: '/subscriptionId', at: 'body:/subscriptionId', placeholder: 'SUB-1' },
      { name: 'tok', from: 'authorized', pointer: '/tokenRef', at: 'body:/tokenRef', placeholder: 'TOK-1' },
    ],
    call: (c, v) =>
      c.directDebit.deleteSubscription({ requestId: 'SDK-DEL-1', returnUrl: kReturn, subscriptionId: v.sub, tokenRef: v.tok }),
  },

  // merchants: a sub-merchant, its bank configs, then it is deleted
  {
    id: 'merchant',
    sdk: 'merchant.create',
    call: (c) =>
      c.merchant.create({
        name: 'Công ty A',
        email: 'ketoan@example.vn',
        phoneNumber: '0901234567',
        fullAddress: '1 Lê Lợi, Q1',
        password: 'test-only-password-1',
        appType: 'baas',
        requirePasswordChange: true,
      }),
  },
  { sdk: 'merchant.getPaging', call: (c) => c.merchant.getPaging({ skipCount: 0, maxResultCount: 10 }) },
  {
    id: 'config',
    sdk: 'merchant.createOrUpdateConfig',
    binds: [{ name: 'm', from: 'merchant', pointer: '/data/merchantId', at: 'body:/merchantId', placeholder: 900001 }],
    call: (c, v) =>
      c.merchant.createOrUpdateConfig({
        bidvConfigDto: { vaPrefix: 'TNG', bankPartnerId: 'P-01', accountNumber: '2101234567', accountName: 'CONG TY A' },
        accountType: 'business-account',
        bankBin: '970418',
        merchantId: v.m,
      }),
  },
  {
    sdk: 'merchant.getPagingConfig',
    binds: [{ name: 'm', from: 'merchant', pointer: '/data/merchantId', at: 'body:/merchantId', placeholder: 900001 }],
    call: (c, v) =>
      c.merchant.getPagingConfig({ skipCount: 0, maxResultCount: 10, accountType: 'business-account', merchantId: v.m }),
  },
  {
    sdk: 'merchant.deleteConfig',
    binds: [
      { name: 'id', from: 'config', pointer: '/data', at: 'body:/id', placeholder: 900002 },
      { name: 'm', from: 'merchant', pointer: '/data/merchantId', at: 'body:/merchantId', placeholder: 900001 },
    ],
    call: (c, v) => c.merchant.deleteConfig({ id: v.id, merchantId: v.m }),
  },
  {
    sdk: 'merchant.configAccountBusiness',
    binds: [{ name: 'm', from: 'merchant', pointer: '/data/merchantId', at: 'body:/merchantId', placeholder: 900001 }],
    call: (c, v) =>
      c.merchant.configAccountBusiness({
        bankName: 'ACB',
        accountNumber: '12345678',
        accountName: 'CONG TY A',
        mobile: '0901234567',
        vaPrefix: 'TNG',
        acbUserId: 'acb-user-1',
        merchantId: v.m,
      }),
  },
  {
    sdk: 'merchant.deleteConfigAccountBusiness',
    binds: [{ name: 'm', from: 'merchant', pointer: '/data/merchantId', at: 'body:/merchantId', placeholder: 900001 }],
    call: (c, v) =>
      c.merchant.deleteConfigAccountBusiness({
        accountType: 'business-account',
        configRemove: { accountNumber: '12345678', accountName: 'CONG TY A', vaPrefix: 'TNG', mobile: '0901234567', acbUserId: 'acb-user-1' },
        bankName: 'ACB',
        merchantId: v.m,
      }),
  },
  {
    sdk: 'merchant.delete',
    binds: [{ name: 'm', from: 'merchant', pointer: '/data/merchantId', at: 'query:merchantId', placeholder: 900001 }],
    call: (c, v) => c.merchant.delete({ merchantId: v.m }),
  },

  // e-invoices: an account, its templates, an invoice's life, then the account is deleted
  { sdk: 'eInvoice.getProvider', call: (c) => c.eInvoice.getProvider() },
  {
    id: 'account',
    sdk: 'eInvoice.createOrUpdateAccount',
    call: (c) =>
      c.eInvoice.createOrUpdateAccount({
        provider: 'misa',
        taxCode: '0101234567',
        username: 'ketoan',
        password: 'test-only-password-2',
        isDefault: true,
        merchantId: 123456,
      }),
  },
  {
    sdk: 'eInvoice.getPagingAccount',
    call: (c) => c.eInvoice.getPagingAccount({ skipCount: 0, maxResultCount: 10, provider: 'misa', isActive: true }),
  },
  {
    id: 'template',
    sdk: 'eInvoice.invoiceTemplates',
    binds: [{ name: 'a', from: 'account', pointer: '/data', at: 'body:/accountId', placeholder: 900003 }],
    call: (c, v) =>
      c.eInvoice.invoiceTemplates({
        merchantId: 123456,
        accountId: v.a,
        provider: 'misa',
        taxCode: '0101234567',
        username: 'ketoan',
        password: 'test-only-password-2',
        invoiceNoToCheck: 0,
      }),
  },
  {
    sdk: 'eInvoice.create',
    binds: [
      { name: 'a', from: 'account', pointer: '/data', at: 'body:/accountId', placeholder: 900003 },
      { name: 'pattern', from: 'template', pointer: '/data/invoicePattern', at: 'body:/invoicePattern', placeholder: '1' },
      { name: 'series', from: 'template', pointer: '/data/invoiceSeries', at: 'body:/invoiceSeries', placeholder: 'C26TAA' },
    ],
    call: (c, v) =>
      c.eInvoice.create({
        accountId: v.a,
        ...kInvoiceBase,
        invoicePattern: v.pattern,
        invoiceSeries: v.series,
        invoiceCode: 'SDK-INV-1',
      }),
  },
  {
    sdk: 'eInvoice.createAndIssue',
    binds: [
      { name: 'a', from: 'account', pointer: '/data', at: 'body:/accountId', placeholder: 900003 },
      { name: 'pattern', from: 'template', pointer: '/data/invoicePattern', at: 'body:/invoicePattern', placeholder: '1' },
      { name: 'series', from: 'template', pointer: '/data/invoiceSeries', at: 'body:/invoiceSeries', placeholder: 'C26TAA' },
    ],
    call: (c, v) =>
      c.eInvoice.createAndIssue({
        accountId: v.a,
        ...kInvoiceBase,
        invoicePattern: v.pattern,
        invoiceSeries: v.series,
        invoiceCode: 'SDK-INV-2',
      }),
  },
  {
    sdk: 'eInvoice.getInvoiceInfo',
    binds: [{ name: 'a', from: 'account', pointer: '/data', at: 'body:/accountId', placeholder: 900003 }],
    call: (c, v) => c.eInvoice.getInvoiceInfo({ accountId: v.a, invoiceCode: 'SDK-INV-2' }),
  },
  {
    sdk: 'eInvoice.download',
    binds: [{ name: 'a', from: 'account', pointer: '/data', at: 'body:/accountId', placeholder: 900003 }],
    call: (c, v) => c.eInvoice.download({ accountId: v.a, invoiceCode: 'SDK-INV-2' }),
  },
  {
    sdk: 'eInvoice.sendEmail',
    binds: [{ name: 'a', from: 'account', pointer: '/data', at: 'body:/accountId', placeholder: 900003 }],
    call: (c, v) =>
      c.eInvoice.sendEmail({ accountId: v.a, invoiceCode: 'SDK-INV-2', buyerName: 'Nguyễn Văn B', recipientEmail: 'b@example.vn' }),
  },
  {
    sdk: 'eInvoice.deleteAccount',
    binds: [{ name: 'a', from: 'account', pointer: '/data', at: 'body:/id', placeholder: 900003 }],
    call: (c, v) => c.eInvoice.deleteAccount({ id: v.a }),
  },
];

// --- running -----------------------------------------------------------------------------------------

function pointer_get(doc, pointer) {
  if (pointer === '') return doc;
  let cur = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !(key in cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/// Whether an answer is Tingee's success: {code:"00"}, or for get-banks the bare array the live API
/// answers (the SDK types it as the envelope).
function success(sdk, status, answer) {
  if (status !== 200) return false;
  if (sdk === 'bank.getBanks' && Array.isArray(answer)) return answer.length > 0;
  return answer !== null && typeof answer === 'object' && answer.code === '00';
}

function listed_methods(client) {
  const out = [];
  for (const group of Object.keys(client)) {
    const obj = client[group];
    if (obj === null || typeof obj !== 'object' || group === 'httpClient') continue;
    for (const m of Object.getOwnPropertyNames(Object.getPrototypeOf(obj))) {
      if (m !== 'constructor' && typeof obj[m] === 'function') out.push(`${group}.${m}`);
    }
  }
  return out.sort();
}

async function main() {
  const args = parse_args(process.argv.slice(2));
  const sdk = await import(pathToFileURL(path.join(path.resolve(args.sdk), 'index.js')).href);
  const captured = [];
  const proxy = await start_proxy(args['base-url'], captured);
  const proxy_url = `http://127.0.0.1:${proxy.address().port}`;
  const client = new sdk.TingeeClient({ clientId: args['client-id'], secretKey: args.secret, baseUrl: proxy_url });

  // Every method the client has must have a step (and no step may name a method it lacks).
  const have = listed_methods(client);
  const driven = steps.filter((s) => s.sdk).map((s) => s.sdk).sort();
  const missing = have.filter((m) => !driven.includes(m));
  const unknown = driven.filter((m) => !have.includes(m));
  if (missing.length || unknown.length) {
    console.error(`methods without a step: ${missing.join(', ') || '-'}; steps naming no method: ${unknown.join(', ') || '-'}`);
    proxy.close();
    process.exit(1);
  }

  const answers = {};
  const records = [];
  let failures = 0;
  let n = 0;
  for (const step of steps) {
    n += 1;
    const values = {};
    const bindings = [];
    for (const b of step.binds || []) {
      const got = b.from in answers ? pointer_get(answers[b.from], b.pointer) : undefined;
      const value = got === undefined || got === null ? b.placeholder : got;
      values[b.name] = value;
      bindings.push({ from: b.from, pointer: b.pointer, at: b.at, recorded: value, placeholder: got === undefined || got === null });
    }
    const before = captured.length;
    let status = 0;
    let answer = null;
    if (step.page) {
      const u = new URL(String(values.url), proxy_url);
      const res = await fetch(`${proxy_url}${u.pathname}${u.search}`);
      status = res.status;
      answer = await res.json().catch(() => null);
    } else {
      try {
        answer = await step.call(client, values);
        status = 200;
      } catch (e) {
        status = e.status ?? 0;
        answer = e.data ?? null;
      }
    }
    if (captured.length !== before + 1) throw new Error(`step ${n}: ${captured.length - before} requests captured`);
    const req = captured[captured.length - 1];
    status = req.response ? req.response.status : status;
    if (step.id) answers[step.id] = answer;
    const name = step.sdk || 'page';
    const ok = step.page ? status === 200 : success(step.sdk, status, answer);
    if (!ok) failures += 1;
    const code = answer && typeof answer === 'object' && !Array.isArray(answer) ? (answer.code ?? answer.statusCode ?? '-') : Array.isArray(answer) ? '(array)' : '-';
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${String(n).padStart(2, '0')}  ${name.padEnd(38)} HTTP ${status}  code ${code}`);
    records.push({ step, n, req, bindings, ok });
  }
  proxy.close();
  console.log(`${steps.filter((s) => s.sdk).length} SDK methods, ${failures} failed`);
  if (args.record) write_fixtures(args, sdk, records);
  process.exit(failures === 0 ? 0 : 1);
}

function header(req, name) {
  const h = req.headers.find(([k]) => k.toLowerCase() === name);
  return h ? h[1] : null;
}

function recorded_response(r) {
  try {
    return { status: r.status, json: JSON.parse(r.body) };
  } catch {
    return { status: r.status, body: r.body };
  }
}

function write_fixtures(args, sdk, records) {
  const dir = path.resolve(args.record);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (/^\d\d-.*\.json$/.test(f)) fs.unlinkSync(path.join(dir, f));
  const files = [];
  for (const { step, n, req, bindings } of records) {
    const name = `${String(n).padStart(2, '0')}-${step.sdk || 'page'}.json`;
    const text = req.body.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(req.body)) throw new Error(`${name}: body is not UTF-8`);
    const fixture = {
      step: step.id || null,
      sdk_method: step.sdk || null,
      note: step.page || undefined,
      request: {
        method: req.method,
        target: req.target,
        http_version: req.http_version,
        headers: req.headers.map(([k, v]) => `${k}: ${v}`),
        body: text,
        has_body: req.body.length > 0,
      },
      sdk_signed: step.sdk
        ? { timestamp: header(req, 'x-request-timestamp'), signature: header(req, 'x-signature') }
        : undefined,
      bindings,
      expect: step.sdk === 'bank.getBanks' ? 'a bare JSON array of banks (HTTP 200)' : step.page ? 'HTTP 200' : 'code "00"',
      recorded_response: recorded_response(req.response),
    };
    fs.writeFileSync(path.join(dir, name), `${JSON.stringify(fixture, null, 2)}\n`);
    files.push(name);
  }
  const manifest = {
    sdk: 'tingeehub/tingee-node 0.2.4 (commit d8417d97b6dd), built locally with tsc',
    node: process.version,
    recorded_against: 'paygw-sandbox',
    client_id: args['client-id'],
    secret: args.secret,
    secret_note: 'a test credential made for these fixtures only (the sandbox was started with it)',
    steps: files,
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${files.length} fixtures to ${dir}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
