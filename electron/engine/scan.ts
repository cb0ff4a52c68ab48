/**
 * One cold read of every transcript: what `headroom status` and the tests use. The live app uses the
 * Monitor instead, which keeps an Engine and feeds it file changes.
 */
import type { StatusReport } from '../../shared/session';
import { Engine, type EngineOptions } from './engine';
import { defaultProcessMatcher } from './processes/default';
import type { ProcessMatcher } from './processes/matcher';

export interface ScanOptions extends EngineOptions {
  /** Attaches running agent processes (status, pid); default: this machine's; false: none. */
  processes?: ProcessMatcher | false | undefined;
}

export async function scanStatus(options: ScanOptions = {}): Promise<StatusReport> {
  const engine = new Engine(options);
  await engine.scan();
  const processes = options.processes === false ? null : (options.processes ?? defaultProcessMatcher(engine));
  if (processes) engine.setLiveness(await processes.match(engine.list()));
  return report(engine, options.now ?? Date.now);
}

export function report(engine: Engine, now: () => number = Date.now): StatusReport {
  return { version: 1, generatedAt: new Date(now()).toISOString(), sessions: engine.list(), problems: engine.problemList() };
}
