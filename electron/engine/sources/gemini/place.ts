/**
 * Where Gemini CLI keeps chats (FORMATS.md §4.1): `<root>/tmp/<project>/chats/session-*.jsonl` (and
 * legacy `session-*.json`), with subagent chats in `chats/<parentSessionId>/<id>.jsonl`. The root is
 * `~/.gemini` (or GEMINI_CLI_HOME's `.gemini`). A chat's file name holds only part of its id, so the
 * session id comes from the chat's header record.
 */
import { basename, join } from 'node:path';
import type { FileClass, SourcePlace } from '../types';
import { partsBelow } from '../path-parts';
import { findFiles, listDir } from '../walk';

const isChat = (name: string) => name.endsWith('.jsonl') || (name.startsWith('session-') && name.endsWith('.json'));

export const geminiPlace: SourcePlace = {
  agent: 'gemini-cli',

  defaultRoots(env, home) {
    return [join(env['GEMINI_CLI_HOME'] || home, '.gemini')];
  },

  watchPaths: (root) => [join(root, 'tmp')],

  listFiles(root, onError) {
    return listDir(join(root, 'tmp'), onError).dirs.flatMap((project) => findFiles(join(project, 'chats'), isChat, 1, onError));
  },

  classify(file, root): FileClass | null {
    const parts = partsBelow(root, file);
    if (parts[0] !== 'tmp' || parts[2] !== 'chats' || !isChat(basename(file))) return null;
    if (parts.length === 4) return { role: 'main', sessionId: null, priority: file.endsWith('.jsonl') ? 0 : 1 };
    if (parts.length === 5 && parts[3]) return { role: 'sub', sessionId: parts[3], priority: 0 };
    return null;
  },
};
