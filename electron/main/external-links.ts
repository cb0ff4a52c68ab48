/**
 * The one way a link leaves the app. Links the page tries to open (window.open, target=_blank, a
 * navigation) are denied in the window and sent here; only web and mail links reach the system
 * browser, so a crafted `file:`, `smb:` or custom-scheme URL cannot launch a local program.
 */
import { shell } from 'electron';

const SAFE_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

export function isSafeExternalUrl(url: string): boolean {
  try {
    return SAFE_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Opens `url` in the user's browser if it is a web or mail link; anything else is dropped and logged. */
export function openExternalSafely(url: string): void {
  if (!isSafeExternalUrl(url)) {
    console.warn(`headroom: refused to open ${JSON.stringify(url.slice(0, 200))} outside the app (not a web link)`);
    return;
  }
  shell.openExternal(url).catch((error: unknown) => console.warn(`headroom: could not open ${url}: ${String(error)}`));
}
