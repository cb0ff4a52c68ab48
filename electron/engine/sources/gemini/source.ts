/** Gemini CLI's chats (./place.ts) and how their records are read (./records.ts). */
import type { Json } from '../../read/fields';
import type { Source } from '../types';
import { geminiPlace } from './place';
import { type GeminiRecord, parseGeminiRecord } from './records';
import { GeminiSession } from './session';

export const geminiSource: Source<GeminiRecord> = {
  ...geminiPlace,

  sessionIdFromRecord(record: Json) {
    const set = record['$set'];
    const id = record['sessionId'] ?? (typeof set === 'object' && set !== null ? (set as Json)['sessionId'] : undefined);
    return typeof id === 'string' && id !== '' ? id : null;
  },

  wholeFile: (file) => file.endsWith('.json'),
  parse: parseGeminiRecord,
  create: (sessionId) => new GeminiSession(sessionId),
};
