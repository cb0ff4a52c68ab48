/**
 * The raw read floor: the least any scanner must spend — read every byte of every transcript once
 * and find its line ends, nothing else. The cold scan is compared with it to see how much of its
 * time is parsing and bookkeeping rather than I/O.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;

export function readFloor(files: readonly string[]): { seconds: number; lines: number; bytes: number } {
  const buffer = Buffer.allocUnsafe(CHUNK);
  let lines = 0;
  let bytes = 0;
  const started = performance.now();
  for (const file of files) {
    const fd = openSync(file, 'r');
    try {
      for (;;) {
        const read = readSync(fd, buffer, 0, CHUNK, null);
        if (read === 0) break;
        bytes += read;
        const chunk = buffer.subarray(0, read);
        for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines += 1;
      }
    } finally {
      closeSync(fd);
    }
  }
  return { seconds: (performance.now() - started) / 1000, lines, bytes };
}
