import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl, openExternalSafely } from '../../../electron/main/external-links';
import { resetElectronMock, shell } from '../support/electron-mock';

vi.mock('electron', () => import('../support/electron-mock'));

beforeEach(resetElectronMock);

describe('external links', () => {
  it.each([
    ['https://docs.anthropic.com/claude-code', true],
    ['http://127.0.0.1:9464/metrics', true],
    ['mailto:team@example.com', true],
    ['file:///etc/passwd', false],
    ['smb://host/share/run.exe', false],
    ['javascript:alert(1)', false],
    ['vscode://file/tmp/x', false],
    ['app://headroom/index.html', false],
    ['', false],
  ])('%s is safe to open: %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });

  it('hands web links to the shell and drops anything else with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    openExternalSafely('https://example.com/a');
    openExternalSafely('file:///Applications/Calculator.app');
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/a']]);
    expect(warn).toHaveBeenCalledWith('headroom: refused to open "file:///Applications/Calculator.app" outside the app (not a web link)');
    warn.mockRestore();
  });
});
