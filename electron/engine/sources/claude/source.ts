/** Claude Code's transcripts (./place.ts) and how their lines become records (./records.ts). */
import type { Json } from '../../read/fields';
import type { Source } from '../types';
import { claudePlace } from './place';
import { CLAUDE_FIELDS, type ClaudeRecord, parseClaudeRecord } from './records';
import { ClaudeSession } from './session';

export const claudeSource: Source<ClaudeRecord> = {
  ...claudePlace,

  sessionIdFromRecord(record: Json) {
    const id = record['sessionId'];
    return typeof id === 'string' && id !== '' ? id : null;
  },

  fields: CLAUDE_FIELDS,
  parse: parseClaudeRecord,
  create: (sessionId) => new ClaudeSession(sessionId),
};
