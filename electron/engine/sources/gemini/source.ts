/**
 * Where Gemini CLI keeps chats (FORMATS.md §4.1): `<root>/tmp/<project>/chats/session-*.jsonl` (and
 * legacy `session-*.json`), with subagent chats in `chats/<parentSessionId>/<id>.jsonl`. The root is
 * `~/.gemini` (or GEMINI_CLI_HOME's `.gemini`). A chat's file name holds only part of its id, so the
 * session id comes from the chat's header record.
 */
import { basename, join } from 'node:path';
import type { Json } from '../../read/fields';
import type { FileClass, Source } from '../types';
import { partsBelow } from '../path-parts';
import { findFiles, listDir } from '../walk';
import { type GeminiRecord, parseGeminiRecord } from './records';
import { GeminiSession } from './session';

const isChat = (name: string) => name.endsWith('.jsonl') || (name.startsWith('session-') && name.endsWith('.json'));

export const geminiSource: Source<GeminiRecord> = {
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

  sessionIdFromRecord(record: Json) {
    const set = record['$set'];
    const id = record['sessionId'] ?? (typeof set === 'object' && set !== null ? (set as Json)['sessionId'] : undefined);
    return typeof id === 'string' && id !== '' ? id : null;
  },

  wholeFile: (file) => file.endsWith('.json'),
  parse: parseGeminiRecord,
  create: (sessionId) => new GeminiSession(sessionId),
};
