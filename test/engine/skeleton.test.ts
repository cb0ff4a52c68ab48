/**
 * `skeleton` cuts long strings on the raw bytes. Whatever the content — escapes, quotes, backslashes,
 * multi-byte characters, surrogate pairs — the cut line must still be valid JSON with the same
 * structure, every short value intact, and each long string replaced by a prefix of itself plus "…".
 */
import { describe, expect, it } from 'vitest';
import { skeleton } from '../../electron/engine/read/skeleton';
import { Random } from '../support/corpus/random';

const PIECES = ['a', 'é', '€', '😀', '"', '\\', '\n', '\t', '\u0001', '\\u', 'ü', '𝄞', ' ', 'x'];

function longText(random: Random, length: number): string {
  let out = '';
  while (out.length < length) out += random.pick(PIECES);
  return out;
}

/** Checks every string of `cut` against the same place in `original`. */
function compare(original: unknown, cut: unknown, keep: number): void {
  if (typeof original === 'string') {
    if (Buffer.byteLength(JSON.stringify(original)) - 2 <= keep) {
      expect(cut).toBe(original);
      return;
    }
    expect(typeof cut).toBe('string');
    const text = cut as string;
    expect(text.endsWith('…')).toBe(true);
    expect(original.startsWith(text.slice(0, -1).replace(/[\ud800-\udbff]$/, ''))).toBe(true);
    return;
  }
  if (Array.isArray(original)) {
    expect(Array.isArray(cut)).toBe(true);
    original.forEach((item, i) => compare(item, (cut as unknown[])[i], keep));
    return;
  }
  if (typeof original === 'object' && original !== null) {
    // Keys are never cut, however short `keep` is.
    expect(Object.keys(cut as object)).toEqual(Object.keys(original));
    for (const [key, value] of Object.entries(original)) compare(value, (cut as Record<string, unknown>)[key], keep);
    return;
  }
  expect(cut).toBe(original);
}

describe('skeleton', () => {
  it('keeps structure and short values and cuts long strings to a marked prefix (500 random lines)', () => {
    const random = new Random(11);
    for (let i = 0; i < 500; i += 1) {
      const record = {
        type: 'user',
        n: i,
        ok: random.chance(0.5),
        message: { content: [{ type: 'tool_result', tool_use_id: `t${i}`, content: longText(random, random.int(0, 3000)), is_error: random.chance(0.2) }] },
        short: longText(random, random.int(0, 30)),
        list: [longText(random, random.int(0, 2000)), 42, null],
        timestamp: '2026-11-21T10:00:00.000Z',
      };
      const line = Buffer.from(JSON.stringify(record));
      const keep = random.int(5, 600);
      const cut = JSON.parse(skeleton(line, keep).toString('utf8'));
      compare(record, cut, keep);
    }
  });

  it('returns the line unchanged when nothing is long, and an unterminated string untouched', () => {
    const small = Buffer.from('{"type":"assistant","message":{"id":"m"}}');
    expect(skeleton(small, 100)).toBe(small);
    const broken = Buffer.from(`{"type":"user","message":"${'x'.repeat(500)}`);
    expect(skeleton(broken, 10)).toBe(broken);
  });

  it('keeps an apply_patch whole, wherever its file headers are', () => {
    const patch = `*** Begin Patch\n${'context line\n'.repeat(500)}*** Update File: src/deep.ts\n*** End Patch`;
    const line = Buffer.from(JSON.stringify({ type: 'response_item', payload: { type: 'custom_tool_call', name: 'apply_patch', input: patch, note: 'y'.repeat(5000) } }));
    const cut = JSON.parse(skeleton(line, 100).toString('utf8'));
    expect(cut.payload.input).toBe(patch);
    expect(cut.payload.note).toBe(`${'y'.repeat(100)}…`);
  });
});
