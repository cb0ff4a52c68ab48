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

/** The object of a line whose entries start at int `at` (the root object's entries close it). */
export function buildLine(line: Buffer, entries: Int32Array, at: number, spec: CompiledSpec): Json {
  return build(line, entries, at, spec) as Json;
}

/*
 * The entries are walked by recursive descent with the reading position and the line's context in
 * module variables: one loop per kind of container keeps each property store and push monomorphic.
 * A lazy field's getter builds later, never during another build, so one set of variables does.
 */
let entries: Int32Array = new Int32Array(0);
let line: Buffer = Buffer.alloc(0);
let spec: CompiledSpec;
let big = false;
let cursor = 0;

function build(from: Buffer, list: Int32Array, at: number, compiled: CompiledSpec): unknown {
  line = from;
  entries = list;
  spec = compiled;
  big = from.length > BIG_LINE_BYTES;
  cursor = at;
  return valueHere();
}

function valueHere(): unknown {
  const o = cursor;
  const head = entries[o]!;
  cursor = o + ENTRY_INTS;
  switch (head & 0xff) {
    case STRING:
      return stringAt(line, entries, o, head >> 8, big);
    case NUMBER:
      return (head >> 8) & SMALL_INT ? entries[o + 6]! : Number(line.toString('latin1', entries[o + 4]!, entries[o + 5]!));
    case OPEN_OBJECT: {
      const object: Json = {};
      while ((entries[cursor]! & 0xff) !== CLOSE_OBJECT) member(object);
      cursor += ENTRY_INTS;
      return object;
    }
    case OPEN_ARRAY: {
      const array: unknown[] = [];
      while ((entries[cursor]! & 0xff) !== CLOSE_ARRAY) array.push(valueHere());
      cursor += ENTRY_INTS;
      return array;
    }
    case TRUE:
      return true;
    case FALSE:
      return false;
    default:
      return null;
  }
}

function member(object: Json): void {
  const o = cursor;
  const ref = entries[o + 3]!;
  if (ref >= 0 && spec.lazy[ref]) {
    lazyMember(object, o, spec.names[ref]!);
    return;
  }
  const name = ref >= 0 ? spec.names[ref]! : keyAt(line, entries, o);
  const value = valueHere();
  // JSON.parse makes `__proto__` an own property; a plain assignment would set the prototype instead.
  if (name === '__proto__') Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
  else object[name] = value;
}

/** A lazy field: skipped now, made by a getter from the line (a string) or from its entries, copied. */
function lazyMember(object: Json, o: number, name: string): void {
  const head = entries[o]!;
  const kind = head & 0xff;
  const from = line;
  const fromBig = big;
  if (kind === STRING) {
    const start = entries[o + 4]!;
    const end = entries[o + 5]!;
    cursor = o + ENTRY_INTS;
    putLazy(object, name, () => text(from, start, end, head >> 8, fromBig));
    return;
  }
  const last = kind === OPEN_OBJECT || kind === OPEN_ARRAY ? closing(entries, o) : o;
  const part = entries.slice(o, last + ENTRY_INTS);
  const compiled = spec;
  cursor = last + ENTRY_INTS;
  putLazy(object, name, () => build(from, part, 0, compiled));
}

/** The entry closing the container opened at `o`. */
function closing(list: Int32Array, o: number): number {
  let depth = 0;
  for (;;) {
    const kind = list[o]! & 0xff;
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

/** A key inside a field kept whole: its bytes (through JSON.parse when written with escapes). */
function keyAt(from: Buffer, list: Int32Array, o: number): string {
  const raw = from.toString('utf8', list[o + 1]!, list[o + 2]!);
  return list[o + 3] === KEY_ESCAPED ? (JSON.parse(`"${raw}"`) as string) : raw;
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
