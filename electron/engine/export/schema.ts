/**
 * The export file: one session with what Headroom knows about it beyond the transcript (tags, project
 * name, notes, checkpoints). JSON and YAML carry it as is; Markdown carries it as YAML front matter
 * above the readable part, so every export format can be imported back.
 */
import { z } from 'zod';
import { SessionSchema } from '../../../shared/session';
import { CheckpointRecordSchema } from '../checkpoints/record';

export const ExportAnnotationsSchema = z.object({
  tags: z.array(z.string().min(1).max(50)).max(20),
  projectName: z.string().max(100).nullable(),
  notes: z.string().nullable(),
});

export const SessionExportSchema = z.object({
  kind: z.literal('headroom-export'),
  version: z.literal(1),
  exportedAt: z.iso.datetime({ offset: true }),
  session: SessionSchema,
  annotations: ExportAnnotationsSchema,
  checkpoints: z.array(CheckpointRecordSchema),
});
export type SessionExport = z.infer<typeof SessionExportSchema>;
