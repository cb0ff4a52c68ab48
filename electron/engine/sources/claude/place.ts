/**
 * Where Claude Code keeps transcripts and how files map to sessions (FORMATS.md §1.1):
 * `<root>/projects/<encoded cwd>/<sessionId>.jsonl` is a session's main transcript;
 * `<root>/projects/<p>/<sessionId>/subagents/**.jsonl` and the older flat `<root>/projects/<p>/agent-*.jsonl`
 * are subagent transcripts of that session (the flat ones name their parent only in their records).
 */
import { basename, join } from 'node:path';
import type { FileClass, SourcePlace } from '../types';
import { partsBelow } from '../path-parts';
import { findFiles, listDir } from '../walk';

const isJsonl = (name: string) => name.endsWith('.jsonl');

export const claudePlace: SourcePlace = {
  agent: 'claude-code',

  defaultRoots(env, home) {
    const configured = env['CLAUDE_CONFIG_DIR']?.split(',').map((dir) => dir.trim()).filter(Boolean);
    if (configured && configured.length > 0) return configured;
    return [join(home, '.claude'), join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'claude')];
  },

  watchPaths: (root) => [join(root, 'projects')],

  listFiles(root, onError) {
    const found: string[] = [];
    for (const project of listDir(join(root, 'projects'), onError).dirs) {
      const { files, dirs } = listDir(project, onError);
      for (const file of files) if (isJsonl(basename(file))) found.push(file);
      for (const dir of dirs) found.push(...findFiles(join(dir, 'subagents'), isJsonl, 3, onError));
    }
    return found;
  },

  classify(file, root): FileClass | null {
    const parts = partsBelow(root, file);
    if (parts[0] !== 'projects' || parts.length < 3 || !isJsonl(file)) return null;
    const name = basename(file, '.jsonl');
    if (parts.length === 3) {
      return name.startsWith('agent-') ? { role: 'sub', sessionId: null, priority: 0 } : { role: 'main', sessionId: name, priority: 0 };
    }
    if (parts[3] === 'subagents' && parts[2]) return { role: 'sub', sessionId: parts[2], priority: 0 };
    return null;
  },
};
