/**
 * Reads the transcripts the real clients wrote, keeping each record's file and line number, so that a
 * failing check can say exactly which record changed shape ("…/3f2a.jsonl:14 assistant: usage.
 * cache_read_input_tokens is missing") instead of only that a total came out wrong.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Json } from './fake/json';

export interface TranscriptLine {
  file: string;
  /** 1-based, as editors show it. */
  line: number;
  record: Json;
}

export async function readTranscript(file: string): Promise<TranscriptLine[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').flatMap((raw, index) => {
    if (raw.trim() === '') return [];
    let record: Json;
    try {
      const parsed: unknown = JSON.parse(raw);
      record = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : { '<not an object>': parsed };
    } catch {
      record = { '<invalid JSON>': raw.slice(0, 200) };
    }
    return [{ file, line: index + 1, record }];
  });
}

/** `file:line (type/subtype)`, the address a failure message gives for a record. */
export function where(line: TranscriptLine): string {
  const type = String(line.record['type'] ?? '?');
  const payload = line.record['payload'] as Json | undefined;
  const subtype = line.record['subtype'] ?? payload?.['type'];
  return `${line.file}:${line.line} (${type}${subtype === undefined ? '' : `/${String(subtype)}`})`;
}

/** Every file under `dir` (recursively) whose name passes `accept`, sorted; a missing folder yields none. */
export async function findFiles(dir: string, accept: (name: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (accept(entry.name)) found.push(path);
    }
  };
  await walk(dir);
  return found.sort();
}

/** Reads a dotted path (`message.usage.input_tokens`) from a record. */
export function field(record: Json, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Json)[key];
  }
  return value;
}

/**
 * Compares the fields a record must carry with what the fake server sent; returns one readable line per
 * difference, each naming the record, so a scenario can `expect(problems).toEqual([])`.
 */
export function compareFields(line: TranscriptLine, expected: Record<string, unknown>): string[] {
  return Object.entries(expected).flatMap(([path, value]) => {
    const actual = field(line.record, path);
    return Object.is(actual, value) ? [] : [`${where(line)}: ${path} is ${JSON.stringify(actual)}, the fake server sent ${JSON.stringify(value)}`];
  });
}
