/**
 * A session as `headroom status --json` prints it, kept as text: exactly what
 * `JSON.stringify(report, null, 2)` writes for it at its place in the report, cut where the fields go
 * that change from one run to the next (status, process, ETA, tags). A warm run fills those in and
 * copies the rest, instead of parsing 2,800 sessions into objects and printing them again.
 *
 * Guarantees: `renderSession(cutSession(s), fresh)` is byte for byte what `JSON.stringify` prints for
 * `s` with the fresh fields put in, key order included; a field that JSON leaves out is left out.
 */
import type { Session } from '../../../shared/session';

/** The fields worked out again on every run, by their path in a session. */
export const SLOTS = ['status', 'pid', 'process', 'context.etaMinutes', 'tags', 'projectName'] as const;
export type Slot = (typeof SLOTS)[number];
export type SlotValues = { readonly [slot in Slot]: unknown };

/** A session's text: `pieces[i]`, then the value of slot `slots[i]`, …, then the last piece. */
export interface SessionText {
  pieces: string[];
  /** Indexes into SLOTS. */
  slots: number[];
}

/** What `JSON.stringify(report, null, 2)` puts between two sessions. */
export const SESSION_SEPARATOR = ',\n    ';

/** Report → sessions → session: where a session's own fields sit. */
const SESSION_DEPTH = 2;
const INDENT = '  ';

type SlotTree = { readonly [key: string]: number | SlotTree };
const SLOT_TREE: SlotTree = (() => {
  const tree: { [key: string]: number | SlotTree } = {};
  SLOTS.forEach((slot, index) => {
    const [head, tail] = slot.split('.') as [string, string | undefined];
    if (tail === undefined) tree[head] = index;
    else tree[head] = { ...(tree[head] as SlotTree | undefined), [tail]: index };
  });
  return tree;
})();

/** The depth of the object each slot's key sits in, for indenting a value that spans lines. */
const SLOT_DEPTHS = SLOTS.map((slot) => SESSION_DEPTH + slot.split('.').length - 1);

/**
 * Cuts a session's text: printed once by JSON.stringify with a marker in each slot, then split at the
 * markers. A transcript string that happens to hold a marker is caught by the count, and that session
 * is cut key by key instead (slower, same text).
 */
export function cutSession(session: Session): SessionText {
  let marked = 0;
  const mark = (holder: Record<string, unknown>, key: string, slot: number) => {
    if (!Object.hasOwn(holder, key)) return holder;
    marked += 1;
    return { ...holder, [key]: `${MARK}${slot}${MARK}` };
  };
  let copy = session as unknown as Record<string, unknown>;
  SLOTS.forEach((slot, index) => {
    const [head, tail] = slot.split('.') as [string, string | undefined];
    if (tail === undefined) copy = mark(copy, head, index);
    else if (isObject(copy[head])) copy = { ...copy, [head]: mark(copy[head], tail, index) };
  });
  const parts = indent(JSON.stringify(copy, null, 2), SESSION_DEPTH).split(MARKED);
  if (parts.length !== 2 * marked + 1) return cutByKey(session);
  return { pieces: parts.filter((_, i) => i % 2 === 0), slots: parts.filter((_, i) => i % 2 === 1).map(Number) };
}

/** Marks a slot in the printed text; JSON prints the control character as `\u0000`. */
const MARK = '\0headroom-slot\0';
const MARKED = /"\\u0000headroom-slot\\u0000(\d+)\\u0000headroom-slot\\u0000"/;

/** The same text, built key by key: for the rare session whose own text holds a marker. */
function cutByKey(session: Session): SessionText {
  const text: SessionText = { pieces: [], slots: [] };
  let piece = '';
  const object = (value: Record<string, unknown>, depth: number, slots: SlotTree) => {
    const keys = Object.keys(value).filter((key) => Object.hasOwn(slots, key) || JSON.stringify(value[key]) !== undefined);
    if (keys.length === 0) {
      piece += '{}';
      return;
    }
    const pad = `\n${INDENT.repeat(depth + 1)}`;
    piece += '{';
    keys.forEach((key, i) => {
      piece += `${i === 0 ? '' : ','}${pad}${JSON.stringify(key)}: `;
      const slot = Object.hasOwn(slots, key) ? slots[key] : undefined;
      const child = value[key];
      if (typeof slot === 'number') {
        text.pieces.push(piece);
        text.slots.push(slot);
        piece = '';
      } else if (slot !== undefined && isObject(child)) {
        object(child, depth + 1, slot);
      } else {
        piece += valueText(child, depth);
      }
    });
    piece += `\n${INDENT.repeat(depth)}}`;
  };
  object(session as unknown as Record<string, unknown>, SESSION_DEPTH, SLOT_TREE);
  text.pieces.push(piece);
  return text;
}

/** A slot's value as JSON at its place (a value spanning lines is indented to its depth). */
export function slotText(slot: number, value: unknown): string {
  // Most fresh values are null, a word or an empty list: a warm run prints thousands of them.
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  return valueText(value, SLOT_DEPTHS[slot]!);
}

/** The session's full text, for tests and for turning a cached session back into an object. */
export function renderSession(text: SessionText, values: SlotValues): string {
  let out = text.pieces[0]!;
  text.slots.forEach((slot, i) => {
    out += slotText(slot, values[SLOTS[slot]!]) + text.pieces[i + 1]!;
  });
  return out;
}

/** The value of each slot in a session as it stands. */
export function slotValues(session: Session): SlotValues {
  return {
    status: session.status,
    pid: session.pid,
    process: session.process,
    'context.etaMinutes': session.context.etaMinutes,
    tags: session.tags,
    projectName: session.projectName,
  };
}

/** A value of a key in an object at `depth`, as JSON.stringify(…, null, 2) prints it there. */
function valueText(value: unknown, depth: number): string {
  return indent(JSON.stringify(value, null, 2), depth + 1);
}

/** Printed JSON moved `depth` levels in. */
function indent(text: string, depth: number): string {
  return text.includes('\n') ? text.replaceAll('\n', `\n${INDENT.repeat(depth)}`) : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
