/**
 * One cold read of every transcript: what `headroom status` and the tests use. The live app uses the
 * Monitor instead, which keeps an Engine and feeds it file changes.
 */
import type { StatusReport } from '../../shared/session';
import { Engine, type EngineOptions } from './engine';

export type ScanOptions = EngineOptions;

export async function scanStatus(options: ScanOptions = {}): Promise<StatusReport> {
  const engine = new Engine(options);
  await engine.scan();
  return report(engine, options.now ?? Date.now);
}

export function report(engine: Engine, now: () => number = Date.now): StatusReport {
  return { version: 1, generatedAt: new Date(now()).toISOString(), sessions: engine.list(), problems: engine.problemList() };
}
