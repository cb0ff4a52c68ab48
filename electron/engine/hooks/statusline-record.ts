/**
 * Claude Code's own context figures, as its statusLine command receives them (FORMATS.md §2.4):
 * `context_window.context_window_size` settles whether a session runs with 200k or 1M, which the
 * transcript cannot always tell, and `used_percentage` is the number the user sees in Claude Code.
 *
 * One small file per session, `<dataDir>/statusline/claude-code/<sessionId>.json`, replaced atomically
 * on each update. The payload is parsed loosely (every field optional, numeric strings accepted, as
 * ccstatusline does): a statusLine must never break because a field moved.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sessionFileName } from './file-name';

export interface StatuslineRecord {
  sessionId: string;
  /** Epoch ms when Claude Code last ran the statusLine for this session. */
  recordedAt: number;
  contextWindowSize: number | null;
  usedPercentage: number | null;
  totalInputTokens: number | null;
  modelId: string | null;
  version: string | null;
}

export function statuslinePath(dataDir: string, sessionId: string): string {
  return join(dataDir, 'statusline', 'claude-code', `${sessionFileName(sessionId)}.json`);
}

/** The record in a statusLine payload; null when the payload names no session. */
export function statuslineRecordOf(payload: unknown, recordedAt: number): StatuslineRecord | null {
  if (!isObject(payload) || typeof payload['session_id'] !== 'string' || payload['session_id'] === '') return null;
  const window = isObject(payload['context_window']) ? payload['context_window'] : {};
  const model = isObject(payload['model']) ? payload['model'] : {};
  return {
    sessionId: payload['session_id'],
    recordedAt,
    contextWindowSize: positiveNumber(window['context_window_size']),
    usedPercentage: positiveNumber(window['used_percentage']),
    totalInputTokens: positiveNumber(window['total_input_tokens']),
    modelId: typeof model['id'] === 'string' ? model['id'] : null,
    version: typeof payload['version'] === 'string' ? payload['version'] : null,
  };
}

/** The atomic writer is loaded here only: the usage check reads these records on its fast path. */
export async function writeStatuslineRecord(dataDir: string, record: StatuslineRecord): Promise<void> {
  const { writeFileAtomic } = await import('../checkpoints/atomic-write');
  writeFileAtomic(statuslinePath(dataDir, record.sessionId), `${JSON.stringify(record)}\n`);
}

/** The latest record for a session, or null when there is none or it is unreadable. */
export function readStatuslineRecord(dataDir: string, sessionId: string): StatuslineRecord | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(statuslinePath(dataDir, sessionId), 'utf8'));
  } catch {
    return null;
  }
  if (!isObject(raw) || raw['sessionId'] !== sessionId || typeof raw['recordedAt'] !== 'number') return null;
  return {
    sessionId,
    recordedAt: raw['recordedAt'],
    contextWindowSize: positiveNumber(raw['contextWindowSize']),
    usedPercentage: positiveNumber(raw['usedPercentage']),
    totalInputTokens: positiveNumber(raw['totalInputTokens']),
    modelId: typeof raw['modelId'] === 'string' ? raw['modelId'] : null,
    version: typeof raw['version'] === 'string' ? raw['version'] : null,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number ≥ 0, also from a numeric string; anything else is unknown. */
function positiveNumber(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : null;
}
