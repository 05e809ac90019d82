// Independent checks of the QR images the tools draw (no paygw code; only Node's zlib):
//
//   node qr_check.cjs png-info FILE.png SCALE MARGIN
//       Reads the PNG itself (chunks, inflate, the five row filters), and prints JSON:
//       {width, height, modules, quiet_zone, ec_level, format_copies_agree}: the quiet zone is
//       checked to be white all round and the first finder pattern to start right after it; the
//       error-correction level is read from the symbol's format information (both copies, BCH
//       checked), as a scanner reads it.
//   node qr_check.cjs terminal-to-pbm IN.txt OUT.pbm SCALE
//       Turns `paygw qr render --terminal` output (ANSI colours, Unicode half blocks) back into a
//       black-and-white image for zbarimg.
"use strict";
const fs = require("fs");
const zlib = require("zlib");

function readPng(path) {
  const buf = fs.readFileSync(path);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let pos = 8, ihdr = null;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), type = buf.toString("latin1", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      ihdr = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8], color: data[9],
               interlace: data[12] };
    }
    if (type === "IDAT") idat.push(data);
    pos += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[ihdr.color];
  if (channels === undefined || ihdr.interlace !== 0) throw new Error("unsupported PNG layout " + JSON.stringify(ihdr));
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const bitsPerPixel = ihdr.depth * channels, stride = Math.ceil((ihdr.width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const rows = [];
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < ihdr.height; ++y) {
    const filter = raw[y * (stride + 1)];
    const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; ++i) {
      const a = i >= bpp ? row[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error("bad filter " + filter);
      row[i] = (row[i] + add) & 255;
    }
    rows.push(row);
    prev = row;
  }
  // dark(x, y): the first channel below half its range.
  const max = (1 << ihdr.depth) - 1;
  const sample = (row, x) => {
    if (ihdr.depth === 8) return row[x * channels];
    const bit = x * ihdr.depth * channels;
    return (row[bit >> 3] >> (8 - ihdr.depth - (bit & 7))) & max;
  };
  return { width: ihdr.width, height: ihdr.height, dark: (x, y) => sample(rows[y], x) * 2 < max };
}

// BCH(15,5) format information (ISO/IEC 18004 §7.9): data << 10 | remainder mod 0x537, xor 0x5412.
function validFormat(bits) {
  const unmasked = bits ^ 0x5412, data = unmasked >> 10;
  let rem = data << 10;
  for (let i = 14; i >= 10; --i) if (rem & (1 << i)) rem ^= 0x537 << (i - 10);
  return (unmasked & 0x3ff) === rem ? data : -1;
}

function pngInfo(path, scale, margin) {
  const img = readPng(path);
  const modules = img.width / scale - 2 * margin;
  const quiet = margin * scale;
  let quietOk = Number.isInteger(modules) && img.width === img.height;
  for (let y = 0; y < img.height && quietOk; ++y) {
    for (let x = 0; x < img.width; ++x) {
      const inside = x >= quiet && y >= quiet && x < img.width - quiet && y < img.height - quiet;
      if (!inside && img.dark(x, y)) { quietOk = false; break; }
    }
  }
  // The top-left finder pattern's corner is the first module after the quiet zone.
  quietOk = quietOk && img.dark(quiet, quiet) && img.dark(quiet + 6 * scale, quiet + 6 * scale);
  const m = (x, y) => (img.dark((margin + x) * scale + (scale >> 1), (margin + y) * scale + (scale >> 1)) ? 1 : 0);
  const read = cells => cells.reduce((v, [x, y]) => (v << 1) | m(x, y), 0);
  const n = modules;
  const first = read([[0, 8], [1, 8], [2, 8], [3, 8], [4, 8], [5, 8], [7, 8], [8, 8],
                      [8, 7], [8, 5], [8, 4], [8, 3], [8, 2], [8, 1], [8, 0]]);
  const second = read([[8, n - 1], [8, n - 2], [8, n - 3], [8, n - 4], [8, n - 5], [8, n - 6], [8, n - 7],
                       [n - 8, 8], [n - 7, 8], [n - 6, 8], [n - 5, 8], [n - 4, 8], [n - 3, 8], [n - 2, 8], [n - 1, 8]]);
  const data = validFormat(first);
  const level = data < 0 ? "invalid" : { 1: "L", 0: "M", 3: "Q", 2: "H" }[data >> 3];
  return { width: img.width, height: img.height, modules, quiet_zone: quietOk, ec_level: level,
           format_copies_agree: first === second };
}

function terminalToPbm(input, output, scale) {
  const lines = fs.readFileSync(input, "utf8").replace(/\x1b\[[0-9;]*m/g, "").split("\n").filter(l => l.length);
  const width = Math.max(...lines.map(l => [...l].length));
  const rows = [];
  for (const line of lines) {
    const chars = [...line];
    const top = [], bottom = [];
    for (let x = 0; x < width; ++x) {
      const c = chars[x] || " ";
      if (!" \u2580\u2584\u2588".includes(c)) throw new Error("unexpected character U+" + c.codePointAt(0).toString(16));
      top.push(c === "\u2588" || c === "\u2580" ? 1 : 0);
      bottom.push(c === "\u2588" || c === "\u2584" ? 1 : 0);
    }
    rows.push(top, bottom);
  }
  const out = [`P1\n${width * scale} ${rows.length * scale}\n`];
  for (const row of rows) {
    const line = row.flatMap(v => Array(scale).fill(v)).join(" ") + "\n";
    for (let i = 0; i < scale; ++i) out.push(line);
  }
  fs.writeFileSync(output, out.join(""));
  return { columns: width, rows: rows.length };
}

const [command, ...args] = process.argv.slice(2);
if (command === "png-info") {
  console.log(JSON.stringify(pngInfo(args[0], Number(args[1]), Number(args[2]))));
} else if (command === "terminal-to-pbm") {
  console.log(JSON.stringify(terminalToPbm(args[0], args[1], Number(args[2]))));
} else {
  console.error("usage: qr_check.cjs png-info FILE SCALE MARGIN | terminal-to-pbm IN OUT SCALE");
  process.exit(2);
}
