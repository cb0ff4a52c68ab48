/** Codex CLI's rollouts (./place.ts) and how their lines become records (./records.ts). */
import type { Source } from '../types';
import { codexPlace } from './place';
import { CODEX_FIELDS, type CodexRecord, parseCodexRecord } from './records';
import { CodexSession } from './session';

export const codexSource: Source<CodexRecord> = {
  ...codexPlace,

  fields: CODEX_FIELDS,
  parse: parseCodexRecord,
  create: (sessionId) => new CodexSession(sessionId),
};
