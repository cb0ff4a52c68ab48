/**
 * Typed field access for transcript records: the schema at the boundary.
 *
 * Transcripts are large and read line by line, so instead of validating whole records with a schema
 * library (which copies every object) each reader asks for exactly the fields it uses. A field that is
 * absent or null reads as `undefined`; a field that is present with the wrong type throws `BadRecord`,
 * and the line is then counted as bad and skipped. Unknown fields are ignored: formats change between
 * agent versions.
 */
import { skeleton } from './skeleton';

export type Json = Record<string, unknown>;

export class BadRecord extends Error {}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrongType(key: string, expected: string): never {
  throw new BadRecord(`field "${key}" is not ${expected}`);
}

export function str(record: Json, key: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : wrongType(key, 'a string');
}

export function num(record: Json, key: string): number | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : wrongType(key, 'a number');
}

/** A token count: a finite, non-negative number (fractions are truncated). */
export function count(record: Json, key: string): number | undefined {
  const value = num(record, key);
  if (value === undefined) return undefined;
  return value >= 0 ? Math.trunc(value) : wrongType(key, 'a non-negative count');
}

export function bool(record: Json, key: string): boolean | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'boolean' ? value : wrongType(key, 'a boolean');
}

export function obj(record: Json, key: string): Json | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  return isObject(value) ? value : wrongType(key, 'an object');
}

export function arr(record: Json, key: string): unknown[] | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value : wrongType(key, 'an array');
}

/** An ISO timestamp as epoch milliseconds; a malformed one is a bad record. */
export function time(record: Json, key: string): number | undefined {
  const value = str(record, key);
  if (value === undefined) return undefined;
  const ms = fastUtc(value) ?? Date.parse(value);
  return Number.isNaN(ms) ? wrongType(key, 'an ISO timestamp') : ms;
}

const digit = (text: string, at: number, count: number): number => {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return Number.NaN;
    value = value * 10 + code;
  }
  return value;
};

/**
 * Every record carries a timestamp, and `Date.parse` is a visible share of a cold scan; the agents all
 * write `YYYY-MM-DDTHH:MM:SS.sssZ`, which this reads directly (anything else goes to `Date.parse`).
 */
function fastUtc(text: string): number | undefined {
  if (text.length !== 24 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[19] !== '.' || text[23] !== 'Z') return undefined;
  const [month, day, hour, minute, second] = [digit(text, 5, 2), digit(text, 8, 2), digit(text, 11, 2), digit(text, 14, 2), digit(text, 17, 2)];
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59)) return undefined;
  const ms = Date.UTC(digit(text, 0, 4), month - 1, day, hour, minute, second, digit(text, 20, 3));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Lines longer than this are cut down with `skeleton` before parsing. */
const BIG_LINE_BYTES = 4096;
/** What a long string is cut to, in bytes: a preview, as every reader only keeps previews of texts. */
const KEEP_BYTES = 2048;

/** Parses one line; returns null for blank lines, throws BadRecord for anything but a JSON object. */
export function parseLine(line: Buffer): Json | null {
  const text = (line.length > BIG_LINE_BYTES ? skeleton(line, KEEP_BYTES) : line).toString('utf8');
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRecord('not valid JSON');
  }
  if (!isObject(value)) throw new BadRecord('not a JSON object');
  return value;
}

/**
 * Keeps a capped text for snapshots: transcripts can hold megabyte-long messages. A cut text is
 * copied, because V8's `slice` would otherwise keep the whole original alive with it.
 */
export function clip(text: string, max = 2000): string {
  return text.length <= max ? text : Buffer.from(`${text.slice(0, max - 1)}…`, 'utf8').toString('utf8');
}
