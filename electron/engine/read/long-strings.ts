/**
 * Where a transcript line's long strings are: the (opening quote, closing quote) byte positions of
 * every JSON string longer than `keep` bytes, as a flat list of pairs, or null when the line ends
 * inside a string. `skeleton` cuts these strings before a line is parsed.
 *
 * Two implementations give the same answer. The WebAssembly one (string-scan.wat) classifies 64 bytes
 * at a time and is several times faster on the megabyte tool results that make up most of a
 * transcript; the JavaScript one hops from quote to quote with `indexOf` and serves where WebAssembly
 * SIMD is unavailable and for lines too long to copy into the module's memory (which never shrinks).
 */
import { STRING_SCAN_WASM } from './string-scan-wasm';
import { instantiate } from './wasm';

export type LongStrings = (line: Buffer, keep: number) => Int32Array | null;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Longest line handed to WebAssembly: its memory grows to the longest line and stays that size. */
const WASM_MAX_LINE_BYTES = 8 << 20;
/** The scan reads whole 64-byte blocks; the bytes past the line must be zero. */
const PADDING = 64;

export const longStringsInJs: LongStrings = (line, keep) => {
  const pairs: number[] = [];
  let open = line.indexOf(QUOTE);
  while (open !== -1) {
    const close = closingQuote(line, open);
    if (close === -1) return null;
    if (close - open - 1 > keep) pairs.push(open, close);
    open = line.indexOf(QUOTE, close + 1);
  }
  return Int32Array.from(pairs);
};

function closingQuote(line: Buffer, open: number): number {
  let quote = line.indexOf(QUOTE, open + 1);
  while (quote !== -1 && line[quote - 1] === BACKSLASH && isEscaped(line, quote, open)) quote = line.indexOf(QUOTE, quote + 1);
  return quote;
}

/** A quote preceded by an odd run of backslashes is part of the string. */
function isEscaped(line: Buffer, quote: number, open: number): boolean {
  let backslashes = 0;
  for (let k = quote - 1; k > open && line[k] === BACKSLASH; k -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}

interface StringScanExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  longStrings(len: number, keep: number, out: number, max: number): number;
}

/** The WebAssembly scan, or null where this runtime cannot run it. */
export function createWasmLongStrings(): LongStrings | null {
  const scan = instantiate<StringScanExports>(STRING_SCAN_WASM);
  if (!scan) return null;
  return (line, keep) => {
    if (line.length > WASM_MAX_LINE_BYTES) return longStringsInJs(line, keep);
    const out = (line.length + PADDING + 7) & ~7;
    // Each long string takes more than `keep` bytes, so this many pairs always fit.
    const max = Math.floor(line.length / (keep + 1)) + 1;
    const needed = out + max * 8 - scan.memory.buffer.byteLength;
    if (needed > 0) scan.memory.grow(Math.ceil(needed / 65536));
    const memory = new Uint8Array(scan.memory.buffer);
    memory.set(line, 0);
    memory.fill(0, line.length, line.length + PADDING);
    const count = scan.longStrings(line.length, keep, out, max);
    return count < 0 ? null : new Int32Array(scan.memory.buffer, out, count * 2).slice();
  };
}

let chosen: LongStrings | null = null;

/** The WebAssembly scan where it runs, else the JavaScript one; compiled on first use, not at start-up. */
export const longStrings: LongStrings = (line, keep) => {
  chosen ??= createWasmLongStrings() ?? longStringsInJs;
  return chosen(line, keep);
};
