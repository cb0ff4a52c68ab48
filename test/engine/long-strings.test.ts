/**
 * The two scans for long strings — WebAssembly SIMD and quote-by-quote JavaScript — must agree
 * exactly on every line, whatever its escapes, and wherever a backslash run or a quote falls relative
 * to the 64-byte blocks the WebAssembly scan works in. The committed binary must be what its source
 * compiles to.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createWasmLongStrings, longStringsInJs } from '../../electron/engine/read/long-strings';
import { Random } from '../support/corpus/random';

const wasm = createWasmLongStrings();
const PIECES = ['a', 'é', '😀', '"', '\\', '\\\\', '\\"', '\n', 'x'.repeat(63), 'y'.repeat(64), '\\u0041', ' '];

function randomText(random: Random, pieces: number): string {
  let out = '';
  for (let i = 0; i < pieces; i += 1) out += random.pick(PIECES);
  return out;
}

const pairs = (found: Int32Array | null) => (found === null ? null : [...found]);

describe('long strings', () => {
  it('runs as WebAssembly on this runtime', () => {
    expect(wasm).not.toBeNull();
  });

  it('gives the same pairs in WebAssembly and JavaScript on 5,000 random lines, valid and cut short', () => {
    const random = new Random(7);
    for (let i = 0; i < 5000; i += 1) {
      const value = { a: randomText(random, random.int(0, 40)), list: [randomText(random, random.int(0, 80)), 1, null], b: randomText(random, 3) };
      let text = `${' '.repeat(random.int(0, 64))}${JSON.stringify(value)}`;
      if (random.chance(0.2)) text = text.slice(0, random.int(1, text.length)); // a torn line
      const line = Buffer.from(text);
      const keep = random.int(0, 300);
      expect(pairs(wasm!(line, keep)), `line ${i} keep ${keep}`).toEqual(pairs(longStringsInJs(line, keep)));
    }
  });

  it('finds exactly the strings longer than keep, with their quote positions', () => {
    const line = Buffer.from(`{"short":"abc","long":"${'z'.repeat(100)}","esc":"${'\\"'.repeat(40)}\\\\"}`);
    const open = line.indexOf('"', line.indexOf('"long":') + 7);
    const esc = line.indexOf('"', line.indexOf('"esc":') + 6);
    expect(pairs(wasm!(line, 50))).toEqual([open, open + 101, esc, esc + 83]);
    expect(pairs(longStringsInJs(line, 50))).toEqual([open, open + 101, esc, esc + 83]);
  });

  it('reports a line that ends inside a string, however the 64-byte blocks fall', () => {
    for (let pad = 0; pad < 70; pad += 1) {
      const line = Buffer.from(`{"k":"${'a'.repeat(pad)}\\"`);
      expect(wasm!(line, 10)).toBeNull();
      expect(longStringsInJs(line, 10)).toBeNull();
    }
  });

  it('handles backslash runs that cross a block boundary', () => {
    for (let run = 1; run <= 8; run += 1) {
      for (let at = 50; at < 70; at += 1) {
        const inner = `${'q'.repeat(at)}${'\\'.repeat(run * 2)}`;
        const line = Buffer.from(`"${inner}","${'\\'.repeat(run * 2)}\\"${'w'.repeat(70)}"`);
        expect(pairs(wasm!(line, 5))).toEqual(pairs(longStringsInJs(line, 5)));
      }
    }
  });

  it('is what string-scan.wat compiles to', () => {
    const result = spawnSync(process.execPath, ['electron/build-wasm.mjs', '--check', '--only', 'wat'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
