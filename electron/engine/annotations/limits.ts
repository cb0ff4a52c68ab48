/**
 * What an annotation may hold, and its shape: no schema library here, so the quick reader
 * (./read.ts) can use them without loading zod.
 */
import { join } from 'node:path';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
export const MAX_PROJECT_NAME = 100;

export interface SessionAnnotation {
  tags: string[];
  projectName: string | null;
  notes: string | null;
}

export const annotationsPath = (dataDir: string) => join(dataDir, 'annotations.json');
