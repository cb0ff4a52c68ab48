/** The keyboard shortcuts, from the same table the key handler uses. Esc or a click outside closes it. */
import { useKeys } from '../app/shortcuts';
import { SHORTCUTS } from '../model/keys';

const KEY_NAME: Readonly<Record<string, string>> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' };

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  useKeys((action) => {
    if (action === 'back' || action === 'help') onClose();
    return true; // Nothing else happens behind an open dialog.
  });
  return (
    <div class="overlay" onClick={onClose}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(event) => event.stopPropagation()}>
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table class="shortcuts">
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.action}>
                <td>
                  {shortcut.keys.map((key) => (
                    <kbd key={key}>{KEY_NAME[key] ?? key}</kbd>
                  ))}
                </td>
                <td>{shortcut.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button class="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
