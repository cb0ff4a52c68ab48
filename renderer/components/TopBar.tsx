/**
 * The window's top bar: the name, the two places (sessions, settings), the connection when it is not
 * healthy, and the help key. The worst level colours a small dot so trouble shows from any view.
 */
import type { Level } from '../../shared/policy';
import type { ConnectionState } from '../bridges/websocket';
import type { Route } from '../app/use-route';
import { LEVEL_LABEL } from '../model/levels';

interface Props {
  route: Route;
  worst: Level;
  alerts: number;
  connection: ConnectionState;
  onHelp: () => void;
}

export function TopBar({ route, worst, alerts, connection, onHelp }: Props) {
  return (
    <header class="topbar">
      <a class="brand" href="#/">
        <span class={`brand-dot level-${worst}`} aria-hidden="true" />
        Headroom
      </a>
      <nav aria-label="Views">
        <a href="#/" aria-current={route.view !== 'settings' ? 'page' : undefined}>
          Sessions
        </a>
        <a href="#/settings" aria-current={route.view === 'settings' ? 'page' : undefined}>
          Settings
        </a>
      </nav>
      {alerts > 0 && (
        <span class={`badge level-badge level-${worst}`} data-testid="topbar-alert" data-level={worst}>
          {alerts} {alerts === 1 ? 'alert' : 'alerts'} · {LEVEL_LABEL[worst]}
        </span>
      )}
      <span class="spacer" />
      {connection !== 'open' && (
        <span class="connection" role="status" data-testid="connection">
          {connection === 'connecting' ? 'Connecting…' : 'Disconnected — retrying'}
        </span>
      )}
      <button class="ghost help-button" onClick={onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
    </header>
  );
}
