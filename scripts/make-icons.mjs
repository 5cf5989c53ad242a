#!/usr/bin/env node
// Draws the Backstory toolbar/store icon at 16, 32, 48 and 128 px into public/icons/{size}.png.
// Dependency-free: shapes are signed-distance functions sampled on a supersampling grid
// (anti-aliasing), and the PNG is assembled by hand (IHDR/IDAT/IEND chunks, CRC32, node:zlib deflate).
//
//   node scripts/make-icons.mjs
//
// Motif: an ink-blue rounded square holding a stylised "B" with a dotted underline beneath it,
// the way Backstory marks a name on a page.

import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const SIZES = [16, 32, 48, 128];
const SUPERSAMPLE = 8; // 8×8 samples per pixel

// Palette (sRGB).
const INK_TOP = [0x26, 0x46, 0x72];
const INK_BOTTOM = [0x1d, 0x35, 0x57]; // #1d3557
const LETTER = [0xf1, 0xfa, 0xee];
const MARK = [0xff, 0xc8, 0x57];

// ---------- geometry (design space: 128 × 128 units) ----------

/** Signed distance to a rounded box centred at (cx, cy) with half-size (hx, hy) and corner radius r. */
function sdRoundBox(x, y, cx, cy, hx, hy, r) {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Rounded box given by its edges; right-side corners get radius rr, left-side corners radius rl. */
function sdBoxLR(x, y, x0, y0, x1, y1, rl, rr) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const r = x >= cx ? rr : rl;
  return sdRoundBox(x, y, cx, cy, (x1 - x0) / 2, (y1 - y0) / 2, r);
}

const sdCircle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const union = (a, b) => Math.min(a, b);
const subtract = (a, b) => Math.max(a, -b);

// Letter geometry per size class, in design units. Small sizes are laid out on the pixel grid
// (16 px: 8 units per pixel; 32 px: 4 units per pixel) so strokes and counters stay crisp.
//   L: stem left edge     S: stem width        T/Bt: top/bottom edges
//   H: top/bottom stroke  M/Hm: middle bar centre and thickness
//   UR/LR: right edge of upper/lower bowl      Sb: bowl side stroke   ru/rl: bowl corner radii
const B_GEOMETRY = {
  small: { L: 32, S: 16, T: 16, Bt: 88, H: 16, M: 52, Hm: 8, UR: 88, LR: 96, Sb: 16, ru: 16, rl: 16 },
  medium: { L: 36, S: 12, T: 20, Bt: 88, H: 12, M: 52, Hm: 8, UR: 84, LR: 92, Sb: 12, ru: 16, rl: 18 },
  large: { L: 36, S: 16, T: 20, Bt: 90, H: 12, M: 54, Hm: 12, UR: 84, LR: 92, Sb: 15, ru: 18, rl: 20 },
};

/** The letter "B": stem plus two bowls, each bowl a right-rounded box with a counter cut out. */
function sdLetterB(x, y, size) {
  const g = size <= 16 ? B_GEOMETRY.small : size < 64 ? B_GEOMETRY.medium : B_GEOMETRY.large;
  const midTop = g.M - g.Hm / 2;
  const midBottom = g.M + g.Hm / 2;
  const upperOuter = sdBoxLR(x, y, g.L, g.T, g.UR, midBottom, 2, g.ru);
  const upperInner = sdBoxLR(x, y, g.L + g.S, g.T + g.H, g.UR - g.Sb, midTop, 0, Math.max(g.ru - g.Sb, 0));
  const lowerOuter = sdBoxLR(x, y, g.L, midTop, g.LR, g.Bt, 2, g.rl);
  const lowerInner = sdBoxLR(x, y, g.L + g.S, midBottom, g.LR - g.Sb, g.Bt - g.H, 0, Math.max(g.rl - g.Sb, 0));
  return union(subtract(upperOuter, upperInner), subtract(lowerOuter, lowerInner));
}

/** The underline: a dotted rule at larger sizes, a solid bar where dots would blur together. */
function sdUnderline(x, y, size) {
  const y0 = 106;
  if (size >= 48) {
    const r = 5;
    let d = Infinity;
    for (let cx = 38; cx <= 90; cx += 13) d = Math.min(d, sdCircle(x, y, cx, y0, r));
    return d;
  }
  if (size >= 32) {
    let d = Infinity;
    for (const [x0, x1] of [[32, 48], [56, 72], [80, 96]]) d = Math.min(d, sdRoundBox(x, y, (x0 + x1) / 2, 104, (x1 - x0) / 2, 4, 2));
    return d;
  }
  return sdRoundBox(x, y, 64, 112, 32, 8, 3); // pixel rows 13–14 at 16 px
}

/** Colour of one sample point (design units), as premultiplied [r, g, b, a] in 0..1. */
function sample(x, y, size) {
  const margin = size <= 16 ? 0 : 4;
  const tile = sdRoundBox(x, y, 64, 64, 64 - margin, 64 - margin, size <= 16 ? 22 : 26);
  if (tile > 0) return [0, 0, 0, 0];
  if (sdLetterB(x, y, size) <= 0) return [...LETTER.map((c) => c / 255), 1];
  if (sdUnderline(x, y, size) <= 0) return [...MARK.map((c) => c / 255), 1];
  // Gentle vertical gradient on the tile.
  const t = Math.min(Math.max(y / 128, 0), 1);
  return [...INK_TOP.map((c, i) => (c + (INK_BOTTOM[i] - c) * t) / 255), 1];
}

// ---------- rasteriser ----------

/** Renders the icon at `size` px and returns RGBA bytes (straight alpha). */
function render(size) {
  const px = new Uint8Array(size * size * 4);
  // The 128 px image follows the Chrome Web Store convention: 96 px of artwork inside 16 px of
  // transparent padding. Toolbar sizes use the full square.
  const inset = size >= 128 ? 16 : 0;
  const scale = 128 / (size - 2 * inset);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let pxX = 0; pxX < size; pxX++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (pxX - inset + (sx + 0.5) / n) * scale;
          const y = (py - inset + (sy + 0.5) / n) * scale;
          const [cr, cg, cb, ca] = sample(x, y, size);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const o = (py * size + pxX) * 4;
      const count = n * n;
      if (a > 0) {
        px[o] = Math.round((r / a) * 255);
        px[o + 1] = Math.round((g / a) * 255);
        px[o + 2] = Math.round((b / a) * 255);
      }
      px[o + 3] = Math.round((a / count) * 255);
    }
  }
  return px;
}

// ---------- PNG encoder ----------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- main ----------

mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const png = encodePng(size, size, render(size));
  const file = join(OUT_DIR, `${size}.png`);
  writeFileSync(file, png);
  console.log(`wrote ${file} (${png.length} bytes)`);
}
