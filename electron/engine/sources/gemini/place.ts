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
    if (parts.length === 4) return { role: 'main', sessionId: null, priority: mainPriority(basename(file)) };
    if (parts.length === 5 && parts[3]) return { role: 'sub', sessionId: parts[3], priority: 0 };
    return null;
  },
};

const STAMP = /^session-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-/;

/**
 * Which of a session's chat files is its conversation, when there are several (lower wins). Gemini CLI
 * 0.61 starts a fresh chat file before it switches to the one it resumes, so a session resumed in a
 * later minute leaves a second `session-<that minute>-<id>.jsonl` holding only the opening context; the
 * conversation goes on in the earliest file, whose name carries the earliest minute. Between a legacy
 * `.json` chat and the `.jsonl` it was migrated to (same name), the `.jsonl`.
 */
function mainPriority(name: string): number {
  const stamp = STAMP.exec(name);
  const minutes = stamp ? Date.UTC(+stamp[1]!, +stamp[2]! - 1, +stamp[3]!, +stamp[4]!, +stamp[5]!) / 60_000 : Number.MAX_SAFE_INTEGER / 4;
  return minutes * 2 + (name.endsWith('.jsonl') ? 0 : 1);
}
