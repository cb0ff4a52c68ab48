/**
 * Opens a URL in the user's default browser with the platform's own opener, spawned with an
 * argument array (no shell, so nothing in the URL is interpreted) and detached from our process.
 */
import { spawn } from 'node:child_process';

export function browserCommand(platform: NodeJS.Platform, url: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // Not `cmd /c start`: cmd would parse the URL. The URL protocol handler takes it as one argument.
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

/** Resolves with null once the opener started, or with the reason it could not. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const [command, args] = browserCommand(platform, url);
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('error', (error) => resolve(`${command}: ${error.message}`));
    child.once('spawn', () => {
      child.unref();
      resolve(null);
    });
  });
}
