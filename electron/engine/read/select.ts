/**
 * Reading a transcript line into only the fields its source uses, without JSON.parse.
 *
 * Most of a cold scan was JSON.parse building objects for fields nobody reads — a progress line's
 * nested messages, a rollout's instructions, every key of every tool input — after decoding the whole
 * line to a string. `selectFields` hands the line's bytes to select.c (WebAssembly), which checks that
 * the whole line is valid JSON and lists only the parts named in the source's field spec
 * (field-spec.ts); the object is built from those parts alone (select-entries.ts).
 *
 * Guarantees: for a line it answers, the object holds every field of the spec exactly as `parseLine`
 * (JSON.parse of the line with long strings cut, see skeleton.ts) gives it — same values, cut previews,
 * key order, duplicate keys — and leaves the other fields out. For anything it is not sure of (not valid
 * JSON to it, a key written with escapes, nesting too deep, a line too long) it answers `undefined` and
 * the caller uses `parseLine`, so every decision about a bad line stays JSON.parse's own.
 */
import { type CompiledSpec, compileSpec, type FieldSpec } from './field-spec';
import { buildLine, ENTRY_INTS } from './select-entries';
import { BIG_LINE_BYTES, KEEP_BYTES } from './skeleton';
import { SELECT_WASM } from './select-wasm';
import { instantiate } from './wasm';

type Json = Record<string, unknown>;

/** Longer lines go to JSON.parse: the module's memory grows to the longest line read and stays so. */
const MAX_LINE_BYTES = 8 << 20;
const MAX_ENTRIES = 1 << 14;
const ENTRY_BYTES = MAX_ENTRIES * ENTRY_INTS * 4;
/** Zeros after the line: select.c reads strings 64 bytes at a time, and escapes a little past that. */
const PADDING = 128;
/** Room for the specs' tables, between the module's own data and the line. */
const SPEC_BYTES = 64 * 1024;

interface SelectExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  useCut(bigLineBytes: number, keepBytes: number): void;
  useSpec(nodesAt: number, childrenAt: number, keysAt: number): void;
  selectLine(lineAt: number, length: number, outAt: number, max: number): number;
}

interface LoadedSpec extends CompiledSpec {
  nodesAt: number;
  childrenAt: number;
  keysAt: number;
}

const align = (at: number) => (at + 7) & ~7;

/** The module's memory: the specs from its heap base, then the line being read, then its entries. */
class Selector {
  private bytes = new Uint8Array(0);
  private ints = new Int32Array(0);
  private readonly loaded = new Map<FieldSpec, LoadedSpec>();
  private current: LoadedSpec | null = null;
  private specsEnd: number;
  private readonly lineAt: number;

  constructor(private readonly wasm: SelectExports) {
    this.specsEnd = align(wasm.heapBase());
    this.lineAt = this.specsEnd + SPEC_BYTES;
    this.reserve(this.lineAt + 1024 * 1024 + ENTRY_BYTES);
    wasm.useCut(BIG_LINE_BYTES, KEEP_BYTES);
  }

  select(line: Buffer, spec: FieldSpec): Json | null | undefined {
    if (line.length > MAX_LINE_BYTES) return undefined;
    this.use(spec);
    const outAt = align(this.lineAt + line.length + PADDING);
    this.reserve(outAt + ENTRY_BYTES);
    this.bytes.set(line, this.lineAt);
    this.bytes.fill(0, this.lineAt + line.length, this.lineAt + line.length + PADDING);
    const count = this.wasm.selectLine(this.lineAt, line.length, outAt, MAX_ENTRIES);
    if (count < 0) return undefined;
    return count === 0 ? null : buildLine(line, this.ints, outAt >> 2, count, this.current!);
  }

  private use(spec: FieldSpec): void {
    let loaded = this.loaded.get(spec);
    if (!loaded) {
      loaded = this.load(compileSpec(spec));
      this.loaded.set(spec, loaded);
    }
    if (loaded === this.current) return;
    this.wasm.useSpec(loaded.nodesAt, loaded.childrenAt, loaded.keysAt);
    this.current = loaded;
  }

  private load(table: CompiledSpec): LoadedSpec {
    const nodesAt = this.specsEnd;
    const childrenAt = align(nodesAt + table.nodes.byteLength);
    const keysAt = align(childrenAt + table.children.byteLength);
    const end = align(keysAt + table.keys.length);
    if (end > this.lineAt) throw new Error('the field specs do not fit the room set aside for them');
    this.bytes.set(new Uint8Array(table.nodes.buffer), nodesAt);
    this.bytes.set(new Uint8Array(table.children.buffer), childrenAt);
    this.bytes.set(table.keys, keysAt);
    this.specsEnd = end;
    return { ...table, nodesAt, childrenAt, keysAt };
  }

  /** Grows the memory to `bytes`; views of it are made again, since growing detaches the old ones. */
  private reserve(bytes: number): void {
    const missing = bytes - this.wasm.memory.buffer.byteLength;
    if (missing > 0) this.wasm.memory.grow(Math.ceil(missing / 65536));
    if (this.bytes.buffer !== this.wasm.memory.buffer) {
      this.bytes = new Uint8Array(this.wasm.memory.buffer);
      this.ints = new Int32Array(this.wasm.memory.buffer);
    }
  }
}

let selector: Selector | null | undefined;

/**
 * The line's spec fields as a plain object; null for a blank line; undefined when the caller should
 * parse the line itself (see the guarantees above). The module is compiled on first use.
 */
export function selectFields(line: Buffer, spec: FieldSpec): Json | null | undefined {
  if (selector === undefined) {
    const wasm = instantiate<SelectExports>(SELECT_WASM);
    selector = wasm && new Selector(wasm);
  }
  return selector === null ? undefined : selector.select(line, spec);
}
