/**
 * Where the settings live and how their text is read: `<dataDir>/config.json`, the file conf (CLI) and
 * electron-store (app) keep. No schema here, so a reader can look at the file without loading zod.
 */
import { readFileSync } from 'node:fs';

export const SETTINGS_FILE = 'config';

/** `<dataDir>/config.json`, spelled as the messages about it name it. */
export const settingsPath = (dataDir: string) => `${dataDir}/${SETTINGS_FILE}.json`;

export const notJson = (path: string, reason: string) => `${path} is not valid JSON (${reason})`;

/** The file's text; null when there is none; the reason when it exists but cannot be read. */
export function readSettingsText(path: string): string | null | { error: string } {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : { error: (error as Error).message };
  }
}
