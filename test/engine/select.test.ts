/**
 * select.c + select.ts read a line into only its spec's fields without JSON.parse. They must agree with
 * JSON.parse exactly: for every line they answer, the object is the JSON.parse result (long strings cut
 * as skeleton.ts cuts them) pruned to the spec — same values, key order, duplicate keys, cut previews —
 * and a line JSON.parse rejects is never answered. Checked on every committed transcript, on generated
 * lines with every kind of JSON detail, and on thousands of corrupted variants.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadRecord, isObject, type Json, parseLine } from '../../electron/engine/read/fields';
import { type FieldSpec, type FieldValue, kept } from '../../electron/engine/read/field-spec';
import { selectFields, selectionReadBuffer } from '../../electron/engine/read/select';
import { CLAUDE_FIELDS, parseClaudeRecord } from '../../electron/engine/sources/claude/records';
import { claudeSource } from '../../electron/engine/sources/claude/source';
import { CODEX_FIELDS, parseCodexRecord } from '../../electron/engine/sources/codex/records';
import { Random } from '../support/corpus/random';
import { CLAUDE_FIXTURES, CODEX_FIXTURES } from '../support/paths';

/** The reference: JSON.parse's object pruned to the spec, in plain JavaScript. */
function project(value: unknown, spec: FieldValue): unknown {
  const inner = kept(spec);
  if (inner === true) return value;
  if (Array.isArray(inner)) return Array.isArray(value) ? value.map((item) => project(item, (inner as readonly [FieldValue])[0])) : value;
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (!Object.hasOwn(inner, key)) continue;
    Object.defineProperty(out, key, { value: project(item, (inner as FieldSpec)[key]!), writable: true, enumerable: true, configurable: true });
  }
  return out;
}

type Outcome = 'answered' | 'declined';

/** Compares the selector with JSON.parse on one line; tells whether the selector answered. */
function check(line: Buffer, spec: FieldSpec): Outcome {
  let expected: Json | null = null;
  let rejected = false;
  try {
    expected = parseLine(line);
  } catch (error) {
    if (!(error instanceof BadRecord)) throw error;
    rejected = true;
  }
  const got = selectFields(line, spec);
  if (got === undefined) return 'declined';
  if (rejected) throw new Error(`answered a line JSON.parse rejects: ${line.toString('utf8').slice(0, 300)}`);
  if (expected === null) expect(got).toBeNull();
  else expect(got).toStrictEqual(project(expected, spec));
  return 'answered';
}

function lines(buffer: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let end = buffer.indexOf(10); end !== -1; start = end + 1, end = buffer.indexOf(10, start)) out.push(buffer.subarray(start, end));
  return out;
}

function transcripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.jsonl'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const SOURCES = [
  { name: 'Claude Code', dir: CLAUDE_FIXTURES, spec: CLAUDE_FIELDS, parse: (json: Json) => parseClaudeRecord(json) },
  { name: 'Codex', dir: CODEX_FIXTURES, spec: CODEX_FIELDS, parse: (json: Json) => parseCodexRecord(json) },
];

/** A record, or the BadRecord message, as the parser gives it for a line's object. */
function recordOf(parse: (json: Json) => unknown, json: Json): unknown {
  try {
    return parse(json);
  } catch (error) {
    if (error instanceof BadRecord) return `BadRecord: ${error.message}`;
    throw error;
  }
}

describe('selectFields on real transcripts', () => {
  for (const source of SOURCES) {
    it(`gives ${source.name} lines exactly as JSON.parse does, and the same records`, () => {
      let answered = 0;
      let total = 0;
      for (const file of transcripts(source.dir)) {
        for (const line of lines(readFileSync(file))) {
          total += 1;
          if (check(line, source.spec) === 'declined') continue;
          answered += 1;
          const full = parseLine(line);
          const selected = selectFields(line, source.spec);
          if (full === null || !selected) continue;
          expect(recordOf(source.parse, selected)).toStrictEqual(recordOf(source.parse, full));
          if (source.spec === CLAUDE_FIELDS) expect(claudeSource.sessionIdFromRecord!(selected)).toBe(claudeSource.sessionIdFromRecord!(full));
        }
      }
      expect(total).toBeGreaterThan(500);
      // The fast path is the rule, not the exception.
      expect(answered / total).toBeGreaterThan(0.99);
    });
  }
});

/** Records every field path a parser reads from a line's object. */
function audit(value: unknown, path: string, reads: Set<string>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      const item = Reflect.get(target, key, receiver) as unknown;
      if (typeof key !== 'string') return item;
      if (Array.isArray(target)) return /^\d+$/.test(key) ? audit(item, `${path}[]`, reads) : item;
      reads.add(`${path}.${key}`);
      return audit(item, `${path}.${key}`, reads);
    },
    ownKeys(target) {
      reads.add(`${path}.*`);
      return Reflect.ownKeys(target);
    },
  });
}

/** Whether the spec keeps what a read at `path` (as `audit` writes it) sees. */
function covered(spec: FieldValue, path: string): boolean {
  const steps = path.match(/\.[^.[\]]+|\[\]/g) ?? [];
  let at: FieldValue = spec;
  for (const step of steps) {
    const inner = kept(at);
    if (inner === true) return true;
    if (step === '[]') {
      if (!Array.isArray(inner)) return true; // an array where the spec expects an object is kept whole
      at = (inner as readonly [FieldValue])[0];
      continue;
    }
    if (Array.isArray(inner)) return true; // an object where the spec expects an array is kept whole
    if (step === '.*') return false; // listing an object's keys needs all of them
    const child = (inner as FieldSpec)[step.slice(1)];
    if (child === undefined) return false;
    at = child;
  }
  return true;
}

describe('the field specs', () => {
  for (const source of SOURCES) {
    it(`cover every field the ${source.name} parser reads`, () => {
      const reads = new Set<string>();
      for (const file of transcripts(source.dir)) {
        for (const line of lines(readFileSync(file))) {
          let json: Json | null;
          try {
            json = parseLine(line);
          } catch {
            continue;
          }
          if (json === null) continue;
          recordOf(source.parse, audit(json, '', reads) as Json);
          if (source.spec === CLAUDE_FIELDS) claudeSource.sessionIdFromRecord!(audit(json, '', reads) as Json);
        }
      }
      expect(reads.size).toBeGreaterThan(10);
      expect([...reads].filter((path) => !covered(source.spec, path))).toEqual([]);
    });
  }
});

const PIECES = ['a', 'é', '€', '😀', '"', '\\', '\n', '\t', '\u0001', '\u007f', '\u2028', 'ü', '𝄞', ' ', 'x', '\ud800', '*** Begin Patch', 'u1234'];
const KEYS = ['type', 'timestamp', 'message', 'content', 'text', 'usage', 'input_tokens', 'id', 'payload', 'info', 'extra', 'data', '', 'é', '__proto__'];

function randomText(random: Random, length: number): string {
  let out = '';
  while (out.length < length) out += random.pick(PIECES);
  return out;
}

function randomNumber(random: Random): number {
  return random.pick([0, -0, 1, -1, 7, 123456789, 1234567890, -987654321, 2 ** 53 + 1, 1e21, 1.5e-7, 0.1, -2.5, random.int(0, 1e9)]);
}

function randomValue(random: Random, depth: number): unknown {
  const roll = random.int(0, depth > 4 ? 3 : 6);
  if (roll === 0) return random.chance(0.2) ? randomText(random, random.int(2000, 9000)) : randomText(random, random.int(0, 40));
  if (roll === 1) return randomNumber(random);
  if (roll === 2) return random.pick([true, false, null]);
  if (roll === 3) return random.pick(['assistant', 'user', 'text', 'tool_use', 'tool_result', '2026-11-21T10:00:00.000Z']);
  if (roll <= 4) return Array.from({ length: random.int(0, 4) }, () => randomValue(random, depth + 1));
  const out: Json = {};
  for (let i = random.int(0, 6); i > 0; i -= 1) {
    Object.defineProperty(out, random.pick(KEYS), { value: randomValue(random, depth + 1), writable: true, enumerable: true, configurable: true });
  }
  return out;
}

/** A top-level record shaped like a transcript line, with the spec's keys at their places. */
function randomRecord(random: Random): Json {
  const block = () => ({ type: random.pick(['text', 'tool_use', 'tool_result', 'thinking']), text: randomValue(random, 3), content: randomValue(random, 2), is_error: random.pick([true, false, 'yes']), id: random.uuid() });
  return {
    type: random.pick(['assistant', 'user', 'progress', 'event_msg', 'response_item']),
    timestamp: random.chance(0.9) ? '2026-11-21T10:00:00.000Z' : randomValue(random, 3),
    cwd: random.chance(0.5) ? '/home/dev/src/project' : randomValue(random, 3),
    message: { model: random.pick(['claude-opus-4-5', 1, null]), usage: { input_tokens: randomNumber(random), output_tokens: randomValue(random, 4) }, content: random.chance(0.3) ? randomText(random, random.int(0, 5000)) : Array.from({ length: random.int(0, 3) }, block) },
    payload: { type: random.pick(['token_count', 'message']), info: { total_token_usage: { input_tokens: randomNumber(random) } }, output: randomValue(random, 2) },
    data: randomValue(random, 1),
    [random.pick(KEYS)]: randomValue(random, 1),
  };
}

/** JSON with whitespace between tokens (never inside strings: those escape their newlines). */
function spaced(text: string, random: Random): string {
  return random.chance(0.5) ? text : text.replace(/\n/g, () => random.pick([' ', '\t', '\r', '  ']));
}

function mutate(line: Buffer, random: Random): Buffer {
  const at = random.int(0, Math.max(0, line.length - 1));
  const roll = random.int(0, 2);
  if (roll === 0) return line.subarray(0, at);
  const byte = random.pick([0x22, 0x5c, 0x7d, 0x5d, 0x2c, 0x3a, 0x00, 0x0a, 0xff, 0x78, 0x20, 0x75, 0x30, 0x2d, 0x2e, 0x65]);
  if (roll === 1) return Buffer.concat([line.subarray(0, at), Buffer.from([byte]), line.subarray(at + 1)]);
  return Buffer.concat([line.subarray(0, at), Buffer.from([byte]), line.subarray(at)]);
}

describe('selectFields on generated lines', () => {
  it('agrees with JSON.parse on valid lines of every shape, and answers most of them', () => {
    const random = new Random(7);
    let answered = 0;
    const runs = 1500;
    for (let i = 0; i < runs; i += 1) {
      const text = spaced(JSON.stringify(randomRecord(random), null, random.chance(0.3) ? 1 : undefined), random);
      for (const spec of [CLAUDE_FIELDS, CODEX_FIELDS]) if (check(Buffer.from(text), spec) === 'answered') answered += 1;
    }
    expect(answered / (runs * 2)).toBeGreaterThan(0.95);
  });

  it('never answers a line JSON.parse rejects, however it is broken', () => {
    const random = new Random(11);
    let rejected = 0;
    for (let i = 0; i < 4000; i += 1) {
      const line = mutate(Buffer.from(JSON.stringify(randomRecord(random))), random);
      try {
        parseLine(line);
      } catch {
        rejected += 1;
      }
      check(line, random.pick([CLAUDE_FIELDS, CODEX_FIELDS]));
    }
    expect(rejected).toBeGreaterThan(1000);
  });

  it('handles the JSON details by hand: duplicates, __proto__, numbers, escapes, blanks', () => {
    const cases = [
      '{"type":"a","type":"b"}',
      '{"message":{"model":"x"},"message":{"id":"y"}}',
      '{"__proto__":{"polluted":true},"type":"t"}',
      '{"message":{"usage":{"input_tokens":-0,"output_tokens":1e400,"cache_read_input_tokens":12345678901,"cache_creation_input_tokens":0.5}}}',
      '{"type":"\\u0061\\ud83d\\ude00\\n\\"\\\\\\/\\b\\f\\r\\t"}',
      '{"typ\\u0065":"escaped key"}',
      '{"type":"x"}\r',
      '   ',
      '',
      '\ufeff{"type":"bom"}',
      '{"type":"x",}',
      '{"type":01}',
      '{"type":"x"} {"type":"y"}',
      '[1,2]',
      '"just a string"',
      `{"data":${'['.repeat(300)}${']'.repeat(300)},"type":"deep"}`,
      '{"type":"tab\there"}',
      '{"message":{"content":[{"type":"tool_result","content":[{"type":"text","text":"failed"}],"is_error":true}]}}',
    ];
    const outcomes = cases.map((text) => check(Buffer.from(text, 'utf8'), CLAUDE_FIELDS));
    // A key spelled with escapes and nesting past the module's limit go to JSON.parse; the rest it answers.
    expect(outcomes.filter((outcome) => outcome === 'answered').length).toBeGreaterThanOrEqual(8);
    const proto = selectFields(Buffer.from('{"__proto__":{"polluted":true},"type":"t"}'), CLAUDE_FIELDS);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });

  it('cuts long strings in long lines exactly as the JSON.parse path does, patches excepted', () => {
    const random = new Random(3);
    for (let i = 0; i < 300; i += 1) {
      const text = randomText(random, random.int(1500, 6000));
      const patch = random.chance(0.2) ? `*** Begin Patch\n${text}` : text;
      const line = JSON.stringify({ type: 'user', message: { content: [{ type: 'text', text: patch }] }, pad: 'x'.repeat(random.int(0, 5000)) });
      expect(check(Buffer.from(line), CLAUDE_FIELDS)).toBe('answered');
    }
    // Right at the cut: strings of 2,040–2,056 bytes ending in plain, escaped and multi-byte characters.
    for (let length = 2040; length <= 2056; length += 1) {
      for (const tail of ['', '\\n', '€', '\\u00e9']) {
        const raw = `${'a'.repeat(length - Buffer.byteLength(tail))}${tail}`;
        const line = `{"type":"assistant","message":{"content":[{"type":"text","text":"${raw}"}]},"pad":"${'x'.repeat(3000)}"}`;
        expect(check(Buffer.from(line), CLAUDE_FIELDS)).toBe('answered');
      }
    }
  });
});

describe('past the cut', () => {
  const line = (inner: string) => Buffer.from(`{"type":"user","message":{"content":"${'a'.repeat(2500)}${inner}${'b'.repeat(500)}"},"pad":"${'x'.repeat(2000)}"}`);

  it('accepts what the JSON.parse path never sees: a broken escape or a control character far into a long string', () => {
    for (const inner of ['\\x', '\u0001', '\t', '\\u12']) expect(check(line(inner), CLAUDE_FIELDS)).toBe('answered');
  });

  it('checks a string holding a patch whole, as it is never cut', () => {
    expect(check(line('*** Begin Patch\\x'), CLAUDE_FIELDS)).toBe('declined');
    expect(check(line('*** Begin Patch\\n'), CLAUDE_FIELDS)).toBe('answered');
    // Stars alone send it to the strict check too; the answer is still JSON.parse's.
    expect(check(line('**** not a patch \\x'), CLAUDE_FIELDS)).toBe('declined');
  });
});

describe('lines read in place', () => {
  it('are bounded by their newline, whatever follows in the read buffer', () => {
    const buffer = selectionReadBuffer()!;
    const random = new Random(5);
    for (let i = 0; i < 300; i += 1) {
      const text = JSON.stringify(randomRecord(random));
      const broken = mutate(Buffer.from(text), random);
      // What follows the newline would close a runaway string or object if it were read.
      const after = Buffer.from('"}]}"\n{"type":"next"}\n');
      const at = random.int(0, 1000);
      broken.copy(buffer, at);
      buffer[at + broken.length] = 0x0a;
      after.copy(buffer, at + broken.length + 1);
      const line = buffer.subarray(at, at + broken.length);
      expect(line.buffer).toBe(buffer.buffer);
      check(line, random.pick([CLAUDE_FIELDS, CODEX_FIELDS]));
    }
  });
});

describe('lazy fields', () => {
  it('are made when read, and refuse to be read once the next line was selected', () => {
    const line = Buffer.from('{"type":"user","message":{"content":[{"type":"tool_result","content":"it failed","is_error":true}]}}');
    const first = selectFields(line, CLAUDE_FIELDS) as { message: { content: { content: string }[] } };
    expect(first.message.content[0]!.content).toBe('it failed');
    const second = selectFields(line, CLAUDE_FIELDS) as { message: { content: { content: string }[] } };
    // Even a line that is then left to JSON.parse reuses the module's memory.
    expect(selectFields(Buffer.from('{"type":1,}'), CLAUDE_FIELDS)).toBeUndefined();
    expect(() => second.message.content[0]!.content).toThrow(/read after its line/);
  });
});

describe('the committed module', () => {
  it('is what select.c compiles to', (ctx) => {
    const missing = ['clang', 'wasm-ld'].filter((tool) => spawnSync(tool, ['--version']).error !== undefined);
    if (missing.length > 0) ctx.skip(`${missing.join(' and ')} not installed (apt-get install -y clang lld, or bash .ci/run)`);
    const result = spawnSync(process.execPath, ['electron/build-wasm.mjs', '--check', '--only', 'c'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
