/**
 * The checkpoint's JSON file: the `CheckpointRecord` the views list, plus what the handoff was built
 * from. It is validated on every read (files in the data dir may be edited, copied or truncated).
 */
import { z } from 'zod';
import { AgentSchema, SessionSchema } from '../../../shared/session';
import type { CheckpointRecord } from '../../../shared/api';

export const CheckpointRecordSchema = z.object({
  sessionId: z.string().min(1),
  agent: AgentSchema,
  createdAt: z.iso.datetime({ offset: true }),
  reason: z.string(),
  markdownPath: z.string(),
  jsonPath: z.string(),
  gitRef: z.string().nullable(),
  restoreCommand: z.string().nullable(),
  resumeCommand: z.string(),
  contextTokens: z.number().int().nonnegative().nullable(),
}) satisfies z.ZodType<CheckpointRecord>;

export const GitStateSchema = z.object({
  branch: z.string(),
  head: z.string().nullable(),
  statusPorcelain: z.string(),
  diffStat: z.string(),
  snapshotCommit: z.string().nullable(),
});
export type GitState = z.infer<typeof GitStateSchema>;

export const CheckpointFileSchema = z.object({
  kind: z.literal('headroom-checkpoint'),
  version: z.literal(1),
  record: CheckpointRecordSchema,
  /** `activity.filesModified` at the time: the decision counts files modified since this. */
  filesModifiedCount: z.number().int().nonnegative(),
  prompt: z.string(),
  git: GitStateSchema.nullable(),
  /** Why the git part is missing when the project is a repository that could not be read. */
  gitError: z.string().nullable(),
  session: SessionSchema,
});
export type CheckpointFile = z.infer<typeof CheckpointFileSchema>;
