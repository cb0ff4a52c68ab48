#!/usr/bin/env node
// @ts-check
/**
 * Writes every icon electron-builder and the tray need, from the artwork in draw.mjs:
 *
 *   icon.png (1024), icon.icns (16–1024), icon.ico (16–256)   the app icon, per platform
 *   icons/<n>x<n>.png                                          Linux sizes (hicolor theme), notifications
 *   tray/<level>Template.png, @2x                              macOS menu bar (16 pt)
 *   tray/<level>.ico                                           Windows notification area (16–48 px for 100–300 %)
 *   tray/linux/<level>.png, @2x                                Linux panels (24 px)
 *
 * Usage: node build/icon-source/generate.mjs [outDir]   (default: build/). The output is committed;
 * a test regenerates it into a temp folder and compares pixels, so art and files cannot drift apart.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appIcon, LEVELS, trayIcon } from './draw.mjs';
import { encodeIcns, encodeIco, encodePng } from './encode.mjs';

const APP_ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const TRAY_ICO_SIZES = [16, 20, 24, 32, 40, 48];

const outDir = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));

/** @param {string} relative @param {Buffer} data */
function write(relative, data) {
  const file = path.join(outDir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
}

/** @type {Map<number, import('./encode.mjs').Bitmap>} */
const appIcons = new Map();
/** @param {number} size */
const app = (size) => {
  let bitmap = appIcons.get(size);
  if (!bitmap) appIcons.set(size, (bitmap = appIcon(size)));
  return bitmap;
};

write('icon.png', encodePng(app(1024)));
write('icon.icns', encodeIcns(app));
write('icon.ico', encodeIco(APP_ICO_SIZES.map(app)));
for (const size of LINUX_SIZES) write(`icons/${size}x${size}.png`, encodePng(app(size)));

for (const level of LEVELS) {
  write(`tray/${level}Template.png`, encodePng(trayIcon(level, 16, true)));
  write(`tray/${level}Template@2x.png`, encodePng(trayIcon(level, 32, true)));
  write(`tray/${level}.ico`, encodeIco(TRAY_ICO_SIZES.map((size) => trayIcon(level, size, false))));
  write(`tray/linux/${level}.png`, encodePng(trayIcon(level, 24, false)));
  write(`tray/linux/${level}@2x.png`, encodePng(trayIcon(level, 48, false)));
}
