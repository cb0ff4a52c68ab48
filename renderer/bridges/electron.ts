/**
 * The desktop bridge: the preload exposes the one `api` object as `window.headroom` (contextBridge),
 * which already has the `HeadroomApi` shape, so there is nothing to adapt — only to find it.
 */
import type { HeadroomApi } from '../../shared/api';

declare global {
  interface Window {
    /** Set by electron/preload when the views run inside the desktop app. */
    headroom?: HeadroomApi;
  }
}

/** The preload's api, or null in a plain browser. */
export function electronBridge(): HeadroomApi | null {
  return typeof window !== 'undefined' && window.headroom ? window.headroom : null;
}
