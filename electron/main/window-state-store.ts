/**
 * Remembers the window's last bounds in `<dataDir>/window-state.json`, apart from `config.json`:
 * it is machine state, not a setting, and the CLI has no business showing it. A damaged file is
 * simply discarded (`clearInvalidConfig`); `restoreBounds` validates whatever is read.
 */
import Store from 'electron-store';
import type { BoundsStore } from './window';
import type { Rect } from './window-bounds';

export function openBoundsStore(dataDir: string): BoundsStore {
  const store = new Store<{ bounds?: Rect }>({ cwd: dataDir, name: 'window-state', clearInvalidConfig: true });
  return {
    load: () => store.get('bounds'),
    save: (bounds) => store.set('bounds', bounds),
  };
}
