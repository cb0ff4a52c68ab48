/**
 * Hash routes (`#/`, `#/session/<id>`, `#/settings`): the page URL keeps its `?token=` untouched,
 * reload and back/forward work, and no server route is needed.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route = { view: 'overview' } | { view: 'session'; sessionId: string } | { view: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const session = /^\/session\/(.+)$/.exec(path);
  if (session?.[1]) {
    try {
      return { view: 'session', sessionId: decodeURIComponent(session[1]) };
    } catch {
      return { view: 'overview' };
    }
  }
  if (path === '/settings') return { view: 'settings' };
  return { view: 'overview' };
}

export function routeHash(route: Route): string {
  if (route.view === 'session') return `#/session/${encodeURIComponent(route.sessionId)}`;
  return route.view === 'settings' ? '#/settings' : '#/';
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
