/**
 * Typed field access for transcript records: the schema at the boundary.
 *
 * Transcripts are large and read line by line, so instead of validating whole records with a schema
 * library (which copies every object) each reader asks for exactly the fields it uses. A field that is
 * absent or null reads as `undefined`; a field that is present with the wrong type throws `BadRecord`,
 * and the line is then counted as bad and skipped. Unknown fields are ignored: formats change between
 * agent versions.
 */
import type { FieldSpec } from './field-spec';
import { selectFields } from './select';
import { BIG_LINE_BYTES, KEEP_BYTES, skeleton } from './skeleton';

export type Json = Record<string, unknown>;

export class BadRecord extends Error {}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrongType(key: string, expected: string): never {
  throw new BadRecord(`field "${key}" is not ${expected}`);
}

/*
 * Two forms of the accessors. The value form (`asStr(record['cwd'], 'cwd')`) is for the per-line hot
 * paths: the property read stays at the call site, where V8 keeps an inline cache for that one record
 * shape, instead of every read sharing one megamorphic lookup inside the accessor. The record form
 * (`str(record, 'cwd')`) reads more easily everywhere else.
 */

export function asStr(value: unknown, key: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : wrongType(key, 'a string');
}

export function asNum(value: unknown, key: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : wrongType(key, 'a number');
}

/** A token count: a finite, non-negative number (fractions are truncated). */
export function asCount(value: unknown, key: string): number | undefined {
  const n = asNum(value, key);
  if (n === undefined) return undefined;
  return n >= 0 ? Math.trunc(n) : wrongType(key, 'a non-negative count');
}

export function asBool(value: unknown, key: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'boolean' ? value : wrongType(key, 'a boolean');
}

export function asObj(value: unknown, key: string): Json | undefined {
  if (value === undefined || value === null) return undefined;
  return isObject(value) ? value : wrongType(key, 'an object');
}

export function asArr(value: unknown, key: string): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value : wrongType(key, 'an array');
}

/** An ISO timestamp as epoch milliseconds; a malformed one is a bad record. */
export function asTime(value: unknown, key: string): number | undefined {
  const text = asStr(value, key);
  if (text === undefined) return undefined;
  const ms = fastUtc(text) ?? Date.parse(text);
  return Number.isNaN(ms) ? wrongType(key, 'an ISO timestamp') : ms;
}

export const str = (record: Json, key: string) => asStr(record[key], key);
export const count = (record: Json, key: string) => asCount(record[key], key);
export const obj = (record: Json, key: string) => asObj(record[key], key);
export const arr = (record: Json, key: string) => asArr(record[key], key);
export const time = (record: Json, key: string) => asTime(record[key], key);

/** The `count` decimal digits at `at` as a number, or -1 when one of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

const MS_PER_DAY = 86_400_000;

/**
 * Days from 1970-01-01 to the first of `month` (1–12) of `year` (≥ 100), proleptic Gregorian, in
 * integer arithmetic (H. Hinnant's `days_from_civil`): what `Date.UTC` computes, without its call.
 */
function daysToMonth(year: number, month: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yearOfEra = y - era * 400;
  const dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0;
  return era * 146_097 + yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear - 719_468;
}

const [DASH, T, COLON, DOT, Z] = ['-', 'T', ':', '.', 'Z'].map((c) => c.charCodeAt(0));

/**
 * Every record carries a timestamp, and `Date.parse` is a visible share of a cold scan; the agents all
 * write `YYYY-MM-DDTHH:MM:SS.sssZ`, which this reads directly (anything else goes to `Date.parse`).
 * Character codes and -1 for "not a digit" keep every value a small integer, which V8 handles fastest.
 */
function fastUtc(text: string): number | undefined {
  if (text.length !== 24 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(10) !== T) return undefined;
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON || text.charCodeAt(19) !== DOT || text.charCodeAt(23) !== Z) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const millis = digits(text, 20, 3);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23) return undefined;
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) return undefined;
  // Date.UTC reads years 0–99 as 1900–1999: leave those to it.
  if (year < 100) return Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return (daysToMonth(year, month) + day - 1) * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
}

/**
 * Parses one line; returns null for blank lines, throws BadRecord for anything but a JSON object. With
 * the fields a source reads, the line is read into just those where select.ts can (same values).
 */
export function parseLine(line: Buffer, fields?: FieldSpec): Json | null {
  if (fields) {
    const selected = selectFields(line, fields);
    if (selected !== undefined) return selected;
  }
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
