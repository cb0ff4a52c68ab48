/**
 * The committed icons are the output of build/icon-source/generate.mjs: regenerated into a temp
 * folder they must match pixel for pixel (compared decoded, so a different zlib cannot fail it), and
 * each container is checked against its format from the bytes up.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/paths';

const BUILD = fileURLToPath(new URL('../../../build', import.meta.url));
const LEVELS = ['ok', 'warning', 'critical', 'compact-soon'];

interface Image {
  width: number;
  height: number;
  rgba: Buffer;
}

/** Decodes the PNGs this project writes (8-bit RGBA), verifying every chunk's CRC on the way. */
function decodePng(data: Buffer): Image {
  expect(data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let header: Buffer | null = null;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    expect(data.readUInt32BE(offset + 8 + length), `${type} CRC`).toBe(crc32(data.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([header[8], header[9], header[12]]).toEqual([8, 6, 0]); // 8-bit, RGBA, not interlaced
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  expect(raw.length).toBe(stride * height);
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride], 'row filter').toBe(0);
    raw.copy(rgba, y * width * 4, y * stride + 1, (y + 1) * stride);
  }
  return { width, height, rgba };
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

let generated: ReturnType<typeof tempDir>;
beforeAll(() => {
  generated = tempDir('headroom-icons-');
  const result = spawnSync(process.execPath, [path.join(BUILD, 'icon-source', 'generate.mjs'), generated.path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
}, 60_000);
afterAll(() => generated.cleanup());

describe('generated icons', () => {
  it('are exactly the committed ones', () => {
    const produced = filesUnder(generated.path);
    const committed = filesUnder(BUILD).filter((file) => !file.startsWith('icon-source'));
    expect(produced).toEqual(committed);
    for (const file of produced.filter((name) => name.endsWith('.png'))) {
      const fresh = decodePng(readFileSync(path.join(generated.path, file)));
      const kept = decodePng(readFileSync(path.join(BUILD, file)));
      expect(kept.rgba.equals(fresh.rgba), file).toBe(true);
    }
    for (const file of produced.filter((name) => !name.endsWith('.png'))) {
      expect(readFileSync(path.join(BUILD, file)).length, file).toBe(readFileSync(path.join(generated.path, file)).length);
    }
  });

  it('cover the sizes each platform asks for', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const image = decodePng(readFileSync(path.join(BUILD, 'icons', `${size}x${size}.png`)));
      expect([image.width, image.height]).toEqual([size, size]);
    }
    expect(decodePng(readFileSync(path.join(BUILD, 'icon.png'))).width).toBe(1024);
    for (const level of LEVELS) {
      expect(decodePng(readFileSync(path.join(BUILD, 'tray', `${level}Template.png`))).width).toBe(16);
      expect(decodePng(readFileSync(path.join(BUILD, 'tray', `${level}Template@2x.png`))).width).toBe(32);
      expect(decodePng(readFileSync(path.join(BUILD, 'tray', 'linux', `${level}.png`))).width).toBe(24);
      expect(decodePng(readFileSync(path.join(BUILD, 'tray', 'linux', `${level}@2x.png`))).width).toBe(48);
    }
  });

  it('write ICO files Windows and NSIS read: DIB entries below 256 px, a PNG at 256', () => {
    const entries = (file: string) => {
      const ico = readFileSync(path.join(BUILD, file));
      expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
      return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
        const at = 6 + index * 16;
        const size = ico[at] === 0 ? 256 : ico[at]!;
        const [length, offset] = [ico.readUInt32LE(at + 8), ico.readUInt32LE(at + 12)];
        const image = ico.subarray(offset, offset + length);
        expect(offset + length).toBeLessThanOrEqual(ico.length);
        if (size === 256) expect(decodePng(image).width).toBe(256);
        else expect([image.readUInt32LE(0), image.readInt32LE(4), image.readInt32LE(8), image.readUInt16LE(14)]).toEqual([40, size, size * 2, 32]);
        return size;
      });
    };
    expect(entries('icon.ico')).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const level of LEVELS) expect(entries(`tray/${level}.ico`)).toEqual([16, 20, 24, 32, 40, 48]);
  });

  it('write an ICNS whose every element is a PNG of the size its type stands for', () => {
    const icns = readFileSync(path.join(BUILD, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: [string, number][] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      found.push([icns.toString('ascii', at, at + 4), decodePng(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4))).width]);
    }
    expect(found).toEqual([
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
  });

  it('draw macOS template images in black only, with a different shape per state', () => {
    const masks = LEVELS.map((level) => {
      const { rgba } = decodePng(readFileSync(path.join(BUILD, 'tray', `${level}Template@2x.png`)));
      for (let i = 0; i < rgba.length; i += 4) if (rgba[i + 3]! > 0) expect([rgba[i], rgba[i + 1], rgba[i + 2]]).toEqual([0, 0, 0]);
      return Buffer.from(rgba.filter((_, i) => i % 4 === 3));
    });
    for (let a = 0; a < masks.length; a++) {
      for (let b = a + 1; b < masks.length; b++) {
        // The state must read from the shape alone: at least 20 of the 1024 pixels differ clearly.
        const differing = masks[a]!.reduce((count, alpha, i) => count + (Math.abs(alpha - masks[b]![i]!) > 128 ? 1 : 0), 0);
        expect(differing, `${LEVELS[a]} vs ${LEVELS[b]}`).toBeGreaterThanOrEqual(20);
      }
    }
  });
});
