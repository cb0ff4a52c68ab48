/**
 * Where Codex CLI keeps rollouts (FORMATS.md §3.1): `<CODEX_HOME>/sessions/YYYY/MM/DD/rollout-*.jsonl`,
 * plus archived copies in `<CODEX_HOME>/archived_sessions/`. The session id is the UUID at the end of
 * the file name; when a session is both active and archived, the active copy wins.
 * Compressed rollouts (`.jsonl.zst`) are not read: Node 20 has no zstd.
 */
import { basename, join } from 'node:path';
import type { FileClass, SourcePlace } from '../types';
import { partsBelow } from '../path-parts';
import { findFiles } from '../walk';

const ROLLOUT = /^rollout-.*?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/i;
const isRollout = (name: string) => name.startsWith('rollout-') && name.endsWith('.jsonl');

export const codexPlace: SourcePlace = {
  agent: 'codex',

  defaultRoots(env, home) {
    return [env['CODEX_HOME'] || join(home, '.codex')];
  },

  watchPaths: (root) => [join(root, 'sessions'), join(root, 'archived_sessions')],

  listFiles(root, onError) {
    return [...findFiles(join(root, 'sessions'), isRollout, 4, onError), ...findFiles(join(root, 'archived_sessions'), isRollout, 1, onError)];
  },

  classify(file, root): FileClass | null {
    const name = basename(file);
    const match = ROLLOUT.exec(name);
    if (!match?.[1]) return null;
    const top = partsBelow(root, file)[0];
    if (top !== 'sessions' && top !== 'archived_sessions') return null;
    return { role: 'main', sessionId: match[1].toLowerCase(), priority: top === 'sessions' ? 0 : 1 };
  },
};
