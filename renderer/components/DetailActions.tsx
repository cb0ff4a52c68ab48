/**
 * What a person can do with a session: checkpoint it now (the main action), copy the command that
 * resumes it, open its folder, export it.
 */
import { useState } from 'preact/hooks';
import type { ExportFormat, HeadroomApi } from '../../shared/api';
import { checkpointNow, copyResumeCommand, downloadExport } from '../app/actions';
import { useNotify } from '../app/notice';

interface Props {
  api: HeadroomApi;
  sessionId: string;
  onCheckpointed: () => void;
}

const FORMATS: readonly [ExportFormat, string][] = [
  ['json', 'JSON'],
  ['yaml', 'YAML'],
  ['md', 'Markdown'],
];

export function DetailActions({ api, sessionId, onCheckpointed }: Props) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [cooldown, setCooldown] = useState(false);

  const checkpoint = async (force: boolean): Promise<void> => {
    setBusy(true);
    const result = await checkpointNow(api, sessionId, notify, force);
    setBusy(false);
    setCooldown(result?.ok === false && result.reason === 'cooldown');
    if (result?.ok) onCheckpointed();
  };

  const openFolder = async (): Promise<void> => {
    try {
      const { opened } = await api.invoke('session:open-folder', { sessionId });
      notify(opened ? 'Opened the project folder.' : 'The folder cannot be opened from here.', opened ? 'success' : 'info');
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
    }
  };

  return (
    <div class="actions" role="toolbar" aria-label="Session actions">
      <button class="primary" data-testid="checkpoint-now" disabled={busy} onClick={() => void checkpoint(false)} title="Shortcut: c">
        {busy ? 'Checkpointing…' : 'Checkpoint now'}
      </button>
      {cooldown && (
        <button data-testid="checkpoint-anyway" disabled={busy} onClick={() => void checkpoint(true)}>
          Checkpoint anyway
        </button>
      )}
      <button onClick={() => void copyResumeCommand(api, sessionId, notify)}>Copy resume command</button>
      <button onClick={() => void openFolder()}>Open folder</button>
      <span class="action-group" role="group" aria-label="Export">
        <span class="muted">Export</span>
        {FORMATS.map(([format, label]) => (
          <button key={format} data-testid={`export-${format}`} onClick={() => void downloadExport(api, sessionId, format, notify)}>
            {label}
          </button>
        ))}
      </span>
    </div>
  );
}
