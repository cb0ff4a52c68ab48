/**
 * What the tray's menu items do. Session actions go through the same handlers the window uses (so a
 * checkpoint from the tray obeys the same locks and cooldown); window actions open the right view.
 */
import type { Handlers } from '../../shared/api';
import type { TrayAction } from './tray-model';
import type { MainWindow } from './window';

export interface TrayActionDeps {
  handlers: Handlers;
  window: Pick<MainWindow, 'show' | 'showSession' | 'showSettings'>;
  quit(): void;
  /** Tells the user an action they asked for did not happen (a menu click has no other way to answer). */
  report(failure: { sessionId: string | null; title: string; body: string }): void;
}

export function trayActions(deps: TrayActionDeps): (action: TrayAction) => void {
  return (action) => {
    run(action, deps).catch((error: unknown) =>
      deps.report({ sessionId: 'sessionId' in action ? action.sessionId : null, title: 'Headroom could not do that', body: String(error instanceof Error ? error.message : error) }),
    );
  };
}

async function run(action: TrayAction, { handlers, window, quit, report }: TrayActionDeps): Promise<void> {
  switch (action.kind) {
    case 'checkpoint': {
      const result = await handlers['session:checkpoint']({ sessionId: action.sessionId });
      // A write that failed is already announced by the engine's alerts ('checkpoint-failed'); a
      // checkpoint that was not even tried (locked, session gone) is only known here.
      if (!result.ok && result.reason !== 'failed') report({ sessionId: action.sessionId, title: 'Checkpoint not written', body: result.message });
      return;
    }
    case 'copy-resume':
      await handlers['session:copy-resume']({ sessionId: action.sessionId });
      return;
    case 'open-folder': {
      const { opened } = await handlers['session:open-folder']({ sessionId: action.sessionId });
      if (!opened) report({ sessionId: action.sessionId, title: 'Project folder not found', body: 'The folder this session ran in no longer exists.' });
      return;
    }
    case 'open-transcript': {
      const { opened } = await handlers['session:open-transcript']({ sessionId: action.sessionId });
      if (!opened) report({ sessionId: action.sessionId, title: 'Transcript not found', body: 'The transcript file was moved or deleted.' });
      return;
    }
    case 'show-details':
      window.showSession(action.sessionId);
      return;
    case 'open-window':
      window.show();
      return;
    case 'settings':
      window.showSettings();
      return;
    case 'pause':
      await handlers['notifications:pause']({ until: action.until });
      return;
    case 'quit':
      quit();
      return;
  }
}
