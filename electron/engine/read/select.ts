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
import { buildLine, ENTRY_INTS, nextLine } from './select-entries';
import { BIG_LINE_BYTES, KEEP_BYTES } from './skeleton';
import { SELECT_WASM } from './select-wasm';
import { instantiate } from './wasm';

type Json = Record<string, unknown>;

/** Longer lines go to JSON.parse (a line that spans reads is copied, and into this much room). */
const MAX_LINE_BYTES = 8 << 20;
/** The transcript reader's buffer (line-reader.ts), part of the module's memory so lines need no copy. */
const READ_BYTES = 4 << 20;
const MAX_ENTRIES = 1 << 14;
const ENTRY_BYTES = MAX_ENTRIES * ENTRY_INTS * 4;
/**
 * Room after a line: select.c reads strings 64 bytes at a time and escapes a little past that. A copied
 * line is followed by zeros there; a line in the read buffer by its newline, which ends a string that
 * runs past the line just as a zero does (both are control characters).
 */
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

/**
 * The module's memory, laid out once and never grown (growing would detach the read buffer): the specs
 * from its heap base, the read buffer, room for a copied line, the entries.
 */
class Selector {
  private readonly bytes: Uint8Array;
  private readonly ints: Int32Array;
  private readonly loaded = new Map<FieldSpec, LoadedSpec>();
  private current: LoadedSpec | null = null;
  private specsEnd: number;
  private readonly readAt: number;
  private readonly copyAt: number;
  private readonly outAt: number;
  readonly readBuffer: Buffer;

  constructor(private readonly wasm: SelectExports) {
    this.specsEnd = align(wasm.heapBase());
    this.readAt = this.specsEnd + SPEC_BYTES;
    this.copyAt = align(this.readAt + READ_BYTES + PADDING);
    this.outAt = align(this.copyAt + MAX_LINE_BYTES + PADDING);
    const missing = this.outAt + ENTRY_BYTES - wasm.memory.buffer.byteLength;
    if (missing > 0) wasm.memory.grow(Math.ceil(missing / 65536));
    this.bytes = new Uint8Array(wasm.memory.buffer);
    this.ints = new Int32Array(wasm.memory.buffer);
    this.readBuffer = Buffer.from(wasm.memory.buffer, this.readAt, READ_BYTES);
    wasm.useCut(BIG_LINE_BYTES, KEEP_BYTES);
  }

  select(line: Buffer, spec: FieldSpec): Json | null | undefined {
    nextLine();
    this.use(spec);
    const count = this.wasm.selectLine(this.place(line), line.length, this.outAt, MAX_ENTRIES);
    if (count < 0) return undefined;
    return count === 0 ? null : buildLine(line, this.ints, this.outAt >> 2, this.current!);
  }

  /** Where the line is in the module's memory: where it was read, or a copy. */
  private place(line: Buffer): number {
    const offset = line.byteOffset;
    if (line.buffer === this.bytes.buffer && offset >= this.readAt && offset + line.length <= this.readAt + READ_BYTES) return offset;
    this.bytes.set(line, this.copyAt);
    this.bytes.fill(0, this.copyAt + line.length, this.copyAt + line.length + PADDING);
    return this.copyAt;
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
    if (end > this.readAt) throw new Error('the field specs do not fit the room set aside for them');
    this.bytes.set(new Uint8Array(table.nodes.buffer), nodesAt);
    this.bytes.set(new Uint8Array(table.children.buffer), childrenAt);
    this.bytes.set(table.keys, keysAt);
    this.specsEnd = end;
    return { ...table, nodesAt, childrenAt, keysAt };
  }
}

let selector: Selector | null | undefined;

/**
 * The line's spec fields as a plain object; null for a blank line; undefined when the caller should
 * parse the line itself (see the guarantees above). The module is compiled on first use.
 */
export function selectFields(line: Buffer, spec: FieldSpec): Json | null | undefined {
  if (line.length > MAX_LINE_BYTES) return undefined;
  const ready = loadSelector();
  return ready === null ? undefined : ready.select(line, spec);
}

/**
 * A buffer for reading transcripts into: part of the module's memory, so that `selectFields` reads a
 * line where it lies. Null where the module cannot run (any buffer does then).
 */
export function selectionReadBuffer(): Buffer | null {
  return loadSelector()?.readBuffer ?? null;
}

function loadSelector(): Selector | null {
  if (selector === undefined) {
    const wasm = instantiate<SelectExports>(SELECT_WASM);
    selector = wasm && new Selector(wasm);
  }
  return selector;
}
