/**
 * The session actions both the overview (keyboard) and the detail view offer, each turning the
 * host's answer into one line of feedback.
 */
import type { CheckpointResult, ExportFormat, HeadroomApi } from '../../shared/api';
import type { NoticeTone } from './notice';

type Notify = (text: string, tone?: NoticeTone) => void;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Asks the host's checkpoint coordinator for a checkpoint now; `force` skips the cooldown. */
export async function checkpointNow(api: HeadroomApi, sessionId: string, notify: Notify, force = false): Promise<CheckpointResult | null> {
  try {
    const result = await api.invoke('session:checkpoint', { sessionId, reason: 'Checkpoint now (dashboard)', force });
    if (result.ok) notify(`Checkpoint saved: ${result.checkpoint.markdownPath}`, 'success');
    else notify(result.message, result.reason === 'cooldown' ? 'info' : 'error');
    return result;
  } catch (error) {
    notify(`Checkpoint failed: ${message(error)}`, 'error');
    return null;
  }
}

/** Downloads the export the host rendered, under the file name it chose. */
export async function downloadExport(api: HeadroomApi, sessionId: string, format: ExportFormat, notify: Notify): Promise<void> {
  try {
    const file = await api.invoke('session:export', { sessionId, format });
    const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.filename;
    link.click();
    // The download has started by the next task; the object URL is then no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    notify(`Exported ${file.filename}`, 'success');
  } catch (error) {
    notify(`Export failed: ${message(error)}`, 'error');
  }
}

/** Copies text with the page's clipboard; false when the browser refused (no focus, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies the agent's resume command. When the page may not write the clipboard (an unfocused window,
 * a denied permission) the command is shown instead, to copy by hand.
 */
export async function copyResumeCommand(api: HeadroomApi, sessionId: string, notify: Notify): Promise<void> {
  try {
    const { command } = await api.invoke('session:resume-command', { sessionId });
    if (await copyText(command)) notify(`Copied: ${command}`, 'success');
    else notify(`Resume with: ${command}`, 'info');
  } catch (error) {
    notify(`Could not get the resume command: ${message(error)}`, 'error');
  }
}
