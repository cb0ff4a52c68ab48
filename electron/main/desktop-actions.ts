/**
 * The desktop actions the engine host asks for (copy a resume command, open a project folder or a
 * transcript), implemented with Electron's clipboard and shell.
 *
 * The paths come from transcripts, which any program on the machine can write, and `shell.openPath`
 * on an executable *runs* it. So only folders and the document types Headroom points at are opened;
 * anything else is revealed in the file manager instead of launched.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { clipboard, shell } from 'electron';

export interface DesktopActions {
  copyText(text: string): void;
  /** Resolves true when the folder or file was opened (or revealed). */
  openPath(target: string): Promise<boolean>;
}

/** Transcripts, handoff documents and exports: files a viewer opens, never a program. */
const DOCUMENT_EXTENSIONS = new Set(['.jsonl', '.json', '.md', '.txt', '.log', '.yaml', '.yml']);

export type OpenMethod = 'open' | 'reveal' | 'missing';

/** How a path may be opened: folders and known documents open, other files are only revealed. */
export async function openMethod(target: string): Promise<OpenMethod> {
  if (!path.isAbsolute(target)) return 'missing';
  try {
    const info = await stat(target);
    if (info.isDirectory()) return 'open';
    return info.isFile() && DOCUMENT_EXTENSIONS.has(path.extname(target).toLowerCase()) ? 'open' : 'reveal';
  } catch {
    return 'missing';
  }
}

export function createDesktopActions(): DesktopActions {
  return {
    copyText: (text) => clipboard.writeText(text),
    async openPath(target) {
      const method = await openMethod(target);
      if (method === 'missing') return false;
      if (method === 'reveal') {
        shell.showItemInFolder(target);
        return true;
      }
      const error = await shell.openPath(target);
      if (error) console.warn(`headroom: could not open ${target}: ${error}`);
      return error === '';
    },
  };
}
