/**
 * Context windows per model id (exact id or prefix), overriding the bundled table — for a model newer
 * than this release, or a 1M-token tier the transcripts do not reveal. Saved as one record.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatTokens } from '../../shared/format';

interface Props {
  windows: Readonly<Record<string, number>>;
  error: string | null;
  onSave: (windows: Record<string, number>) => Promise<boolean>;
}

export function ModelWindowsEditor({ windows, error, onSave }: Props) {
  const [model, setModel] = useState('');
  const [tokens, setTokens] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  useEffect(() => setLocalError(null), [windows]);
  const entries = Object.entries(windows).sort(([a], [b]) => a.localeCompare(b));

  const add = async (event: Event): Promise<void> => {
    event.preventDefault();
    const size = Number(tokens.replace(/[_,\s]/g, ''));
    if (model.trim() === '') return setLocalError('Enter a model id or prefix, e.g. claude-sonnet-4.');
    if (!Number.isInteger(size) || size <= 0) return setLocalError('Enter the window as a whole number of tokens.');
    if (await onSave({ ...windows, [model.trim()]: size })) {
      setModel('');
      setTokens('');
    }
  };

  const remove = (id: string): void => {
    const rest = Object.fromEntries(Object.entries(windows).filter(([key]) => key !== id));
    void onSave(rest);
  };

  const shownError = localError ?? error;
  return (
    <div class={`field field-windows${shownError ? ' field-invalid' : ''}`} data-key="modelWindows">
      <span class="field-label">Model windows</span>
      {entries.length === 0 ? (
        <p class="hint">Using the bundled table for every model.</p>
      ) : (
        <ul class="windows">
          {entries.map(([id, size]) => (
            <li key={id}>
              <code>{id}</code> <span class="num">{formatTokens(size)}</span>
              <button class="small ghost" aria-label={`Remove ${id}`} onClick={() => remove(id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={(event) => void add(event)}>
        <input aria-label="Model id or prefix" placeholder="model id or prefix" value={model} onInput={(event) => setModel(event.currentTarget.value)} />
        <input aria-label="Window in tokens" placeholder="tokens" inputMode="numeric" value={tokens} onInput={(event) => setTokens(event.currentTarget.value)} />
        <button type="submit">Add</button>
      </form>
      {shownError && (
        <p class="field-error" role="alert" data-testid="error-modelWindows">
          {shownError}
        </p>
      )}
    </div>
  );
}
