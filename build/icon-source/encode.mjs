// @ts-check
/**
 * Image containers written by hand, so the icons need no image library: PNG (RGBA, 8 bit), Windows
 * ICO (32-bit DIB entries below 256 px, which every Windows tool and NSIS read, and a PNG entry at
 * 256 px, as Windows Vista+ expects) and macOS ICNS (PNG entries, macOS 10.7+).
 */
import { crc32, deflateSync } from 'node:zlib';

/** @typedef {{ size: number, rgba: Uint8Array }} Bitmap  square, RGBA, not premultiplied */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** @param {string} type @param {Buffer} data */
function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** @param {Bitmap} bitmap */
export function encodePng({ size, rgba }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // Each row starts with its filter byte; 0 (none) keeps the encoder trivial and deflate does the rest.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A 32-bit BGRA DIB as stored in an ICO: bottom-up rows, doubled height, then an all-clear AND mask. */
/** @param {Bitmap} bitmap */
function encodeDib({ size, rgba }) {
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(size, 4);
  info.writeInt32LE(size * 2, 8);
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2] ?? 0;
      pixels[to + 1] = rgba[from + 1] ?? 0;
      pixels[to + 2] = rgba[from] ?? 0;
      pixels[to + 3] = rgba[from + 3] ?? 0;
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([info, pixels, Buffer.alloc(maskRow * size)]);
}

/** @param {Bitmap[]} bitmaps */
export function encodeIco(bitmaps) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(bitmaps.length, 4);
  const images = bitmaps.map((bitmap) => (bitmap.size >= 256 ? encodePng(bitmap) : encodeDib(bitmap)));
  let offset = 6 + 16 * bitmaps.length;
  const entries = bitmaps.map((bitmap, index) => {
    const entry = Buffer.alloc(16);
    entry[0] = bitmap.size >= 256 ? 0 : bitmap.size; // 0 means 256
    entry[1] = bitmap.size >= 256 ? 0 : bitmap.size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(images[index]?.length ?? 0, 8);
    entry.writeUInt32LE(offset, 12);
    offset += images[index]?.length ?? 0;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images]);
}

/** ICNS element types holding PNG data, by pixel size (the @2x types share sizes with @1x ones). */
export const ICNS_TYPES = /** @type {const} */ ([
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
]);

/** @param {(size: number) => Bitmap} render */
export function encodeIcns(render) {
  const elements = ICNS_TYPES.map(([type, size]) => {
    const png = encodePng(render(size));
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + elements.reduce((sum, element) => sum + element.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}
