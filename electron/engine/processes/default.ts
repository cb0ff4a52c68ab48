/** The process matcher for this machine, reading the Claude Code registries under the scan's roots. */
import type { Root } from '../roots';
import { createProcessMatcher, type ProcessMatcher } from './matcher';

/** `scan`: an Engine, or anything else that knows the roots (the warm report has no engine). */
export function defaultProcessMatcher(scan: { readonly roots: readonly Root[] }): ProcessMatcher {
  return createProcessMatcher({ claudeDirs: scan.roots.filter((root) => root.agent === 'claude-code').map((root) => root.path) });
}
