/** The process matcher for this machine, reading the Claude Code registries under the engine's roots. */
import type { Engine } from '../engine';
import { createProcessMatcher, type ProcessMatcher } from './matcher';

export function defaultProcessMatcher(engine: Engine): ProcessMatcher {
  return createProcessMatcher({ claudeDirs: engine.roots.filter((root) => root.agent === 'claude-code').map((root) => root.path) });
}
