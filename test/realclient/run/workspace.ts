/**
 * A fresh scratch area per scenario: its own HOME (so a client never reads or writes the developer's
 * real configuration) and a project folder to run in. Removed afterwards unless
 * `HEADROOM_AGENTS_KEEP=1`, which keeps it for looking at the transcripts by hand.
 */
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Workspace {
  root: string;
  home: string;
  project: string;
  dispose(): Promise<void>;
}

export async function createWorkspace(label: string): Promise<Workspace> {
  // realpath: clients record the resolved cwd, and /tmp may be a symlink on some machines.
  const root = await realpath(await mkdtemp(join(tmpdir(), `headroom-agents-${label}-`)));
  const home = join(root, 'home');
  const project = join(root, `proj-${label}`);
  await mkdir(home, { recursive: true });
  await mkdir(project, { recursive: true });
  return {
    root,
    home,
    project,
    async dispose() {
      if (process.env['HEADROOM_AGENTS_KEEP'] === '1') {
        process.stderr.write(`[agents] kept workspace ${root}\n`);
        return;
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}
