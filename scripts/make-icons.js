#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-{16,32,64,80,128}.png) with Node core only, so the
 * project owns its artwork and needs no image tool. Run: node scripts/make-icons.js
 *
 * Design on a 16-unit grid (every size is a multiple of 16, so edges land on whole pixels and
 * the 16 px icon stays crisp): a rounded teal square with a white bar chart.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const TOP = [0x14, 0x9a, 0x8b]; // brand teal, lighter at the top for a little depth
const BOTTOM = [0x0b, 0x6b, 0x66];
// An L-shaped axis and three rising bars: a chart, not a signal-strength glyph.
const MARKS = [
  { x0: 2, x1: 3, y0: 2, y1: 13, r: 0.5 },
  { x0: 2, x1: 14, y0: 12, y1: 13, r: 0.5 },
  { x0: 4, x1: 6, y0: 9, y1: 12, r: 0 },
  { x0: 7, x1: 9, y0: 6, y1: 12, r: 0 },
  { x0: 10, x1: 12, y0: 3, y1: 12, r: 0 },
];
const SAMPLES = 8; // per axis: anti-aliases the corners only, grid-aligned edges stay sharp

/** Inside a rectangle whose corners are rounded by r (all in 16-unit coordinates). */
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const unit = 16 / size;
  for (let py = 0; py < size; py++) {
    const t = py / (size - 1);
    const bg = TOP.map((c, i) => Math.round(c + (BOTTOM[i] - c) * t));
    for (let pxx = 0; pxx < size; pxx++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (pxx + (sx + 0.5) / SAMPLES) * unit;
          const y = (py + (sy + 0.5) / SAMPLES) * unit;
          if (!inRoundRect(x, y, 0, 0, 16, 16, 3)) continue;
          cover++;
          if (MARKS.some((m) => inRoundRect(x, y, m.x0, m.y0, m.x1, m.y1, m.r))) white++;
        }
      }
      const o = (py * size + pxx) * 4;
      const w = cover ? white / cover : 0;
      for (let i = 0; i < 3; i++) px[o + i] = Math.round(bg[i] + (255 - bg[i]) * w);
      px[o + 3] = Math.round((255 * cover) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(size, size, px);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/** 8-bit RGBA, no interlace; each scanline gets filter byte 0. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++)
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const outDir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, draw(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { draw, encodePng, SIZES };
