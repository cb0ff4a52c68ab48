/**
 * The settings form, described as data: each field names its dotted key in `Settings`, which is also
 * the key `settings:set` takes and the key a validation issue comes back with, so an error lands next
 * to the field that caused it.
 */
import type { Settings, SettingsIssue } from '../../shared/settings';

export type FieldKind = 'number' | 'integer' | 'boolean' | 'folders';

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  unit?: string;
  hint?: string;
}

export interface FieldSection {
  id: string;
  title: string;
  hint?: string;
  fields: FieldSpec[];
}

const num = (key: string, label: string, unit?: string, hint?: string): FieldSpec => ({ key, label, kind: 'number', unit, hint });
const int = (key: string, label: string, unit?: string, hint?: string): FieldSpec => ({ key, label, kind: 'integer', unit, hint });
const flag = (key: string, label: string, hint?: string): FieldSpec => ({ key, label, kind: 'boolean', hint });

export const SETTINGS_SECTIONS: readonly FieldSection[] = [
  {
    id: 'thresholds',
    title: 'Thresholds',
    hint: 'When a session turns warning or critical, and when Headroom says the agent is about to compact.',
    fields: [
      num('thresholds.warningPercent', 'Warning at', '%'),
      num('thresholds.criticalPercent', 'Critical at', '%'),
      int('thresholds.compactSoonMarginTokens', 'Compact-soon margin', 'tokens', 'Alert this close to the auto-compact point.'),
      int('autoCompactBufferTokens', 'Claude auto-compact buffer', 'tokens', 'Claude Code compacts at window − buffer.'),
      num('idleAfterMinutes', 'Idle after', 'min'),
    ],
  },
  {
    id: 'health',
    title: 'Health weights',
    hint: 'How much each factor counts in the health score (0–10).',
    fields: [num('health.context', 'Context'), num('health.duration', 'Duration'), num('health.idle', 'Idle'), num('health.errors', 'Errors')],
  },
  {
    id: 'checkpoint',
    title: 'Checkpoints',
    hint: 'A checkpoint writes a handoff document and snapshots uncommitted work to a git ref.',
    fields: [
      flag('checkpoint.auto', 'Checkpoint automatically'),
      flag('checkpoint.autoOnlyCritical', 'Only for critical sessions'),
      num('checkpoint.contextPercent', 'Context trigger', '%'),
      num('checkpoint.hoursSinceLast', 'Time since last', 'h'),
      int('checkpoint.filesModified', 'Files modified', 'files'),
      num('checkpoint.idleMinutes', 'Idle trigger', 'min'),
      num('checkpoint.cooldownMinutes', 'Cooldown', 'min', 'No automatic checkpoint this soon after the last one.'),
      num('checkpoint.weights.context', 'Weight: context'),
      num('checkpoint.weights.files', 'Weight: files'),
      num('checkpoint.weights.time', 'Weight: time'),
      num('checkpoint.weights.idle', 'Weight: idle'),
      flag('checkpoint.copyToProject', 'Copy handoff into the project', 'Writes .headroom/checkpoints/ in the project folder.'),
    ],
  },
  {
    id: 'notifications',
    title: 'Notifications',
    fields: [
      flag('notifications.warning', 'Warning'),
      flag('notifications.critical', 'Critical'),
      flag('notifications.compactSoon', 'Compacting soon'),
      flag('notifications.checkpoint', 'Checkpoint made'),
      flag('notifications.termination', 'Session ended'),
      flag('notifications.memory', 'Agent memory'),
    ],
  },
  {
    id: 'sources',
    title: 'Source folders',
    hint: 'One folder per line. Empty means the agent’s default location.',
    fields: [
      { key: 'roots.claude', label: 'Claude Code', kind: 'folders' },
      { key: 'roots.codex', label: 'Codex CLI', kind: 'folders' },
      { key: 'roots.gemini', label: 'Gemini CLI', kind: 'folders' },
    ],
  },
  {
    id: 'app',
    title: 'App and metrics',
    fields: [
      flag('launchAtLogin', 'Launch at login', 'Desktop app only.'),
      flag('metrics.enabled', 'Prometheus endpoint'),
      int('metrics.port', 'Metrics port', undefined, 'Served on 127.0.0.1 only.'),
      num('memory.warnMegabytes', 'Warn above', 'MB', 'Agent process memory.'),
    ],
  },
];

/** The value at a dotted key, or undefined when a segment is missing. */
export function valueAt(settings: Settings, key: string): unknown {
  let value: unknown = settings;
  for (const segment of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

export type Draft = { ok: true; value: unknown } | { ok: false; message: string };

/** Turns what was typed into the value to send; the host's schema does the range checks. */
export function parseDraft(field: FieldSpec, raw: string | boolean): Draft {
  if (field.kind === 'boolean') return { ok: true, value: raw === true };
  const text = String(raw).trim();
  if (field.kind === 'folders') {
    return { ok: true, value: text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0) };
  }
  if (text === '') return { ok: false, message: 'Enter a number.' };
  const value = Number(text.replace(/[_,\s]/g, ''));
  if (!Number.isFinite(value)) return { ok: false, message: `“${text}” is not a number.` };
  if (field.kind === 'integer' && !Number.isInteger(value)) return { ok: false, message: 'Enter a whole number.' };
  return { ok: true, value };
}

/** How a value shows in its input. */
export function draftText(value: unknown): string {
  if (Array.isArray(value)) return value.join('\n');
  return value === undefined || value === null ? '' : String(value);
}

/**
 * The message shown next to the field that was just saved. An issue about that field (or a part of
 * it, like `roots.claude.2`) reads as is; an issue the change caused elsewhere — lowering the critical
 * threshold under the warning one — names the other field, so the message still makes sense here.
 */
export function issueMessage(editedKey: string, issues: readonly SettingsIssue[]): string {
  if (issues.length === 0) return 'The value was refused.';
  return issues
    .map((issue) => {
      if (issue.key === editedKey || issue.key.startsWith(`${editedKey}.`) || issue.key === '') return issue.message;
      return `${fieldLabel(issue.key)}: ${issue.message}`;
    })
    .join(' ');
}

/** The label of the field at `key` (or owning it), else the key itself. */
export function fieldLabel(key: string): string {
  const fields = SETTINGS_SECTIONS.flatMap((section) => section.fields);
  const owner = fields
    .filter((field) => key === field.key || key.startsWith(`${field.key}.`))
    .sort((a, b) => b.key.length - a.key.length)[0];
  return owner?.label ?? key;
}
