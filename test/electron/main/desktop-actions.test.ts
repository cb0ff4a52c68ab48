import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesktopActions, openMethod } from '../../../electron/main/desktop-actions';
import { clipboard, resetElectronMock, shell } from '../support/electron-mock';
import { tempDir } from '../../support/paths';

vi.mock('electron', () => import('../support/electron-mock'));

let dir: ReturnType<typeof tempDir>;
const file = (name: string) => path.join(dir.path, name);

beforeAll(() => {
  dir = tempDir();
  mkdirSync(file('project'));
  for (const name of ['session.jsonl', 'handoff.MD', 'payload.sh', 'tool.exe', 'noext']) writeFileSync(file(name), 'x');
  chmodSync(file('payload.sh'), 0o755);
});
afterAll(() => dir.cleanup());
beforeEach(resetElectronMock);

describe('openMethod', () => {
  it.each([
    ['project', 'open'],
    ['session.jsonl', 'open'],
    ['handoff.MD', 'open'],
    ['payload.sh', 'reveal'],
    ['tool.exe', 'reveal'],
    ['noext', 'reveal'],
    ['gone.jsonl', 'missing'],
  ])('%s → %s', async (name, method) => {
    expect(await openMethod(file(name))).toBe(method);
  });

  it('treats a relative path as missing rather than resolving it against the working directory', async () => {
    expect(await openMethod('session.jsonl')).toBe('missing');
  });
});

describe('createDesktopActions', () => {
  it('copies text with the clipboard', () => {
    createDesktopActions().copyText('claude --resume abc');
    expect(clipboard.writeText).toHaveBeenCalledWith('claude --resume abc');
  });

  it('opens folders and documents, reveals programs, and reports what it could not open', async () => {
    const actions = createDesktopActions();
    expect(await actions.openPath(file('project'))).toBe(true);
    expect(await actions.openPath(file('payload.sh'))).toBe(true);
    expect(await actions.openPath(file('gone'))).toBe(false);
    expect(shell.openPath.mock.calls).toEqual([[file('project')]]);
    expect(shell.showItemInFolder.mock.calls).toEqual([[file('payload.sh')]]);

    shell.openPath.mockResolvedValueOnce('No application is associated with this file');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await actions.openPath(file('session.jsonl'))).toBe(false);
    warn.mockRestore();
  });
});
