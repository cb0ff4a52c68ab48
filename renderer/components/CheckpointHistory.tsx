/**
 * The session's checkpoints, newest first: when, why, the handoff document's path, and the commands
 * to resume the session or restore the snapshotted work — each one click to copy.
 */
import type { CheckpointRecord } from '../../shared/api';
import { formatAgo, formatTokens } from '../../shared/format';
import { copyText } from '../app/actions';
import { useNotify } from '../app/notice';

function CopyButton({ text, label }: { text: string; label: string }) {
  const notify = useNotify();
  return (
    <button
      class="small"
      onClick={() => void copyText(text).then((copied) => notify(copied ? `Copied: ${text}` : text, copied ? 'success' : 'info'))}
      title={text}
    >
      {label}
    </button>
  );
}

export function CheckpointHistory({ checkpoints, now }: { checkpoints: readonly CheckpointRecord[]; now: number }) {
  const newestFirst = [...checkpoints].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section class="panel panel-wide" aria-labelledby="checkpoints-heading">
      <h3 id="checkpoints-heading">
        Checkpoints <span class="muted">{checkpoints.length}</span>
      </h3>
      {newestFirst.length === 0 ? (
        <p class="muted">No checkpoint yet. “Checkpoint now” writes a handoff document and snapshots uncommitted work.</p>
      ) : (
        <ol class="checkpoints" data-testid="checkpoint-history">
          {newestFirst.map((checkpoint) => (
            <li key={checkpoint.jsonPath} class="checkpoint">
              <div class="checkpoint-head">
                <strong title={checkpoint.createdAt}>{formatAgo(checkpoint.createdAt, now)}</strong>
                <span class="muted"> · {checkpoint.reason}</span>
                {checkpoint.contextTokens !== null && <span class="muted"> · at {formatTokens(checkpoint.contextTokens)} tokens</span>}
              </div>
              <code class="path" data-testid="checkpoint-markdown">
                {checkpoint.markdownPath}
              </code>
              <div class="checkpoint-actions">
                <CopyButton text={checkpoint.markdownPath} label="Copy path" />
                <CopyButton text={checkpoint.resumeCommand} label="Copy resume" />
                {checkpoint.restoreCommand && <CopyButton text={checkpoint.restoreCommand} label="Copy restore" />}
                {checkpoint.gitRef && <code class="muted small">{checkpoint.gitRef}</code>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
