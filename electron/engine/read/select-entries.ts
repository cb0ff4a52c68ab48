/**
 * Building a line's object from the entries select.c writes: one entry per kept value, in the line's
 * order — containers opened and closed, strings and numbers as byte ranges of the line, keys as spec
 * children (or byte ranges inside a field kept whole).
 *
 * The values are JSON.parse's: strings decoded as UTF-8 (Latin-1 when all ASCII, the same), escapes
 * through JSON.parse of the quoted bytes, numbers through Number() (the same correctly rounded double),
 * `__proto__` as an own property, a later duplicate key replacing the earlier value in its place, and
 * long strings of long lines cut as skeleton.ts cuts them.
 */
import type { CompiledSpec } from './field-spec';
import { BIG_LINE_BYTES, KEEP_BYTES, PATCH_MARKER, safeCut } from './skeleton';

type Json = Record<string, unknown>;

/** Ints per entry: kind | flags << 8, key start, key end, key (child index, -1 bytes, -2 none, -3 escaped bytes), value start, value end, number or slot. */
export const ENTRY_INTS = 7;
const [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY, STRING, NUMBER, TRUE, FALSE] = [1, 2, 3, 4, 5, 6, 7, 8];
const ESCAPED = 1;
const NON_ASCII = 2;
const SMALL_INT = 4;
const SAME = 8;
const KEY_ESCAPED = -3;
/** Strings select.c remembers per spec key (SLOTS there). */
const SLOTS = 4;

/** The string last made in each slot select.c keeps, reused when it marks a value SAME. */
const lastValues: string[] = [];

/** Lines read so far: a lazy field checks it is read while its line is still the current one. */
let generation = 0;

/** Call before the module reads a new line over the last one's bytes and entries. */
export function nextLine(): void {
  generation += 1;
}

/** The object of a line: `count` entries from int `at`. */
export function buildLine(line: Buffer, entries: Int32Array, at: number, count: number, spec: CompiledSpec): Json {
  return build(line, entries, at, count, spec) as Json;
}

function build(line: Buffer, entries: Int32Array, at: number, count: number, spec: CompiledSpec): unknown {
  const big = line.length > BIG_LINE_BYTES;
  const stack: (Json | unknown[])[] = [];
  let top: Json | unknown[] | undefined;
  let root: unknown;
  for (let i = 0, o = at; i < count; i += 1, o += ENTRY_INTS) {
    const head = entries[o]!;
    const kind = head & 0xff;
    if (kind === CLOSE_OBJECT || kind === CLOSE_ARRAY) {
      stack.pop();
      top = stack[stack.length - 1];
      continue;
    }
    const ref = entries[o + 3]!;
    if (ref >= 0 && spec.lazy[ref] && top !== undefined) {
      const name = spec.names[ref]!;
      if (kind === STRING) {
        putLazy(top as Json, name, () => text(line, entries[o + 4]!, entries[o + 5]!, head >> 8, big));
        continue;
      }
      const last = kind === OPEN_OBJECT || kind === OPEN_ARRAY ? closing(entries, o) : o;
      const part = entries.slice(o, last + ENTRY_INTS);
      putLazy(top as Json, name, () => build(line, part, 0, part.length / ENTRY_INTS, spec));
      i += (last - o) / ENTRY_INTS;
      o = last;
      continue;
    }
    let value: unknown;
    if (kind === STRING) value = stringAt(line, entries, o, head >> 8, big);
    else if (kind === NUMBER) value = (head >> 8) & SMALL_INT ? entries[o + 6]! : Number(line.toString('latin1', entries[o + 4]!, entries[o + 5]!));
    else if (kind === OPEN_OBJECT) value = {};
    else if (kind === OPEN_ARRAY) value = [];
    else value = kind === TRUE ? true : kind === FALSE ? false : null;
    if (top === undefined) root = value;
    else if (Array.isArray(top)) top.push(value);
    else put(top, keyAt(line, entries, o, spec.names), value);
    if (kind === OPEN_OBJECT || kind === OPEN_ARRAY) {
      stack.push(value as Json | unknown[]);
      top = value as Json | unknown[];
    }
  }
  return root;
}

/** The entry closing the container opened at `o`. */
function closing(entries: Int32Array, o: number): number {
  let depth = 0;
  for (;;) {
    const kind = entries[o]! & 0xff;
    if (kind === OPEN_OBJECT || kind === OPEN_ARRAY) depth += 1;
    else if (kind === CLOSE_OBJECT || kind === CLOSE_ARRAY) depth -= 1;
    if (depth === 0) return o;
    o += ENTRY_INTS;
  }
}

/** `name` as a getter that makes the value on first read (a string reads the line; a container its entries, copied). */
function putLazy(target: Json, name: string, make: () => unknown): void {
  const made = generation;
  Object.defineProperty(target, name, {
    configurable: true,
    enumerable: true,
    get() {
      if (made !== generation) throw new Error(`field "${name}" was read after its line was let go`);
      const value = make();
      Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
  });
}

function stringAt(line: Buffer, entries: Int32Array, o: number, flags: number, big: boolean): string {
  const slot = entries[o + 6]!;
  const kept = entries[o + 3]! * SLOTS + slot;
  if (flags & SAME) return lastValues[kept]!;
  const value = text(line, entries[o + 4]!, entries[o + 5]!, flags, big);
  // select.c kept these bytes in that slot: keep the string made from them there too.
  if (slot >= 0) lastValues[kept] = value;
  return value;
}

function keyAt(line: Buffer, entries: Int32Array, o: number, names: readonly string[]): string {
  const ref = entries[o + 3]!;
  if (ref >= 0) return names[ref]!;
  const raw = line.toString('utf8', entries[o + 1]!, entries[o + 2]!);
  return ref === KEY_ESCAPED ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/** JSON.parse makes `__proto__` an own property; a plain assignment would set the prototype instead. */
function put(target: Json, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
  else target[name] = value;
}

/** A string's value, cut as skeleton.ts cuts it in a long line. */
function text(line: Buffer, start: number, end: number, flags: number, big: boolean): string {
  let cut = false;
  if (big && end - start > KEEP_BYTES && !holdsPatch(line, start, end)) {
    end = safeCut(line, start, start + KEEP_BYTES);
    cut = true;
  }
  const raw = line.toString(flags & NON_ASCII ? 'utf8' : 'latin1', start, end);
  const value = flags & ESCAPED ? (JSON.parse(`"${raw}"`) as string) : raw;
  return cut ? `${value}…` : value;
}

function holdsPatch(line: Buffer, start: number, end: number): boolean {
  const at = line.indexOf(PATCH_MARKER, start);
  return at !== -1 && at < end;
}
