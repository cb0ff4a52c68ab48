/**
 * The hooks' log, `<dataDir>/logs/hooks.log`: a hook must never show an error to the agent (it could
 * misread it, or it could block the agent), so every failure and every action worth knowing about goes
 * here instead, one line each. The file is capped: past 1 MB it is moved to `hooks.log.1`.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const MAX_LOG_BYTES = 1024 * 1024;

export function hookLogPath(dataDir: string): string {
  return join(dataDir, 'logs', 'hooks.log');
}

/** Appends one line; never throws (a hook that cannot log still must not fail the agent). */
export function logHook(dataDir: string, message: string, now = Date.now()): void {
  const path = hookLogPath(dataDir);
  try {
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    if (sizeOf(path) > MAX_LOG_BYTES) renameSync(path, `${path}.1`);
    appendFileSync(path, `${new Date(now).toISOString()} [${process.pid}] ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  } catch {
    // Nowhere left to report to; staying silent is the contract.
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
