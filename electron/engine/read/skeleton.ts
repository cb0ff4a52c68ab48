/**
 * Most transcript bytes are long strings Headroom never looks at — file contents in tool results,
 * whole files in Write inputs. Parsing them with JSON.parse means decoding and copying every byte.
 * `skeleton` instead cuts every string longer than `keep` bytes down to its first `keep` bytes (at a
 * character and escape boundary) followed by `…`, working on the raw bytes (long-strings.ts finds
 * them), so the line that is then parsed is small. Structure, numbers, booleans and short strings
 * are untouched, so every figure is the same as from a full parse; only the text previews Headroom
 * keeps (prompts, answers, errors) are shorter, and marked as cut.
 *
 * Apply patches are the exception — their file headers can be deep inside a long string — so a string
 * containing one is kept whole. The same line is always cut the same way, so cold, incremental and
 * cached reads agree.
 */
import { longStrings } from './long-strings';

/** Lines longer than this are cut down before parsing. */
export const BIG_LINE_BYTES = 4096;
/** What a long string is cut to, in bytes: a preview, as every reader only keeps previews of texts. */
export const KEEP_BYTES = 2048;
/** A string holding an apply_patch body is never cut. */
export const PATCH_MARKER = Buffer.from('*** Begin Patch');

const BACKSLASH = 0x5c;
const LOWER_U = 0x75;
const COLON = 0x3a;
const ELLIPSIS = Buffer.from('…');

/**
 * The cut line is assembled in one reused buffer instead of concatenating slices: a cold scan cuts
 * tens of thousands of lines, and a fresh buffer for each was a visible share of it.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * Returns the line with long strings cut, or the line itself when nothing needed cutting. A cut line
 * lives in a shared buffer that the next call overwrites: decode it before cutting another.
 */
export function skeleton(line: Buffer, keep: number): Buffer {
  const strings = longStrings(line, keep);
  if (strings === null) return line; // unterminated: let the parser report the bad line
  const patches = strings.length > 0 && line.includes(PATCH_MARKER) ? positionsOf(line, PATCH_MARKER) : null;
  let written = 0;
  let copied = 0;
  for (let i = 0; i < strings.length; i += 2) {
    const open = strings[i]!;
    const close = strings[i + 1]!;
    if (isKey(line, close) || patches?.some((at) => at > open && at < close)) continue;
    written = append(line, copied, safeCut(line, open + 1, open + 1 + keep), written);
    written = append(ELLIPSIS, 0, ELLIPSIS.length, written);
    copied = close;
  }
  if (copied === 0) return line;
  written = append(line, copied, line.length, written);
  return scratch.subarray(0, written);
}

function append(source: Buffer, start: number, end: number, at: number): number {
  const needed = at + end - start;
  if (needed > scratch.length) {
    const grown = Buffer.allocUnsafe(Math.max(needed, scratch.length * 2));
    scratch.copy(grown, 0, 0, at);
    scratch = grown;
  }
  return at + source.copy(scratch, at, start, end);
}

/** A string followed by `:` is an object key, which is never cut. */
function isKey(line: Buffer, close: number): boolean {
  let at = close + 1;
  while (line[at] === 0x20 || line[at] === 0x09 || line[at] === 0x0a || line[at] === 0x0d) at += 1;
  return line[at] === COLON;
}

/** Moves a cut back so it splits neither an escape sequence nor a UTF-8 character. */
export function safeCut(line: Buffer, start: number, cut: number): number {
  // Escapes are found from the start of the string (memchr jumps), since reading backwards cannot
  // tell `\\u` from `\u`.
  const region = line.subarray(start, cut);
  let at = cut;
  let b = region.indexOf(BACKSLASH);
  while (b !== -1) {
    const length = region[b + 1] === LOWER_U ? 6 : 2;
    if (start + b + length > cut) {
      at = start + b;
      break;
    }
    b = region.indexOf(BACKSLASH, b + length);
  }
  while (at > start && ((line[at] ?? 0) & 0xc0) === 0x80) at -= 1;
  return at;
}

function positionsOf(line: Buffer, needle: Buffer): number[] {
  const found: number[] = [];
  let at = line.indexOf(needle);
  while (at !== -1) {
    found.push(at);
    at = line.indexOf(needle, at + needle.length);
  }
  return found;
}
