/**
 * One setting: its input, unit and hint, and — right under it — why the last value was refused.
 * Numbers save on Enter or when the field loses focus; switches save at once. A refused value stays in
 * the field so it can be corrected, not silently reset.
 */
import { useEffect, useState } from 'preact/hooks';
import { draftText, parseDraft, type FieldSpec } from '../model/settings-fields';

interface Props {
  field: FieldSpec;
  value: unknown;
  error: string | null;
  /** Shown in an empty field: what applies when nothing is set (the default folders). */
  placeholder?: string;
  onSave: (field: FieldSpec, value: unknown) => Promise<boolean>;
}

const domId = (key: string): string => `setting-${key.replace(/\./g, '-')}`;

export function SettingsField({ field, value, error, placeholder, onSave }: Props) {
  const [draft, setDraft] = useState(draftText(value));
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const shownError = localError ?? error;

  // A value saved elsewhere (another window, the CLI) replaces the draft unless it is being corrected.
  useEffect(() => {
    if (shownError === null) setDraft(draftText(value));
  }, [value]);

  const commit = async (raw: string | boolean): Promise<void> => {
    if (field.kind !== 'boolean' && raw === draftText(value) && shownError === null) return;
    const parsed = parseDraft(field, raw);
    if (!parsed.ok) return setLocalError(parsed.message);
    setLocalError(null);
    const ok = await onSave(field, parsed.value);
    setSaved(ok);
    if (ok) setTimeout(() => setSaved(false), 1_500);
  };

  const id = domId(field.key);
  const describedBy = [field.hint ? `${id}-hint` : '', shownError ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field field-${field.kind}${shownError ? ' field-invalid' : ''}`} data-key={field.key}>
      <label for={id}>{field.label}</label>
      <div class="field-input">
        {field.kind === 'boolean' ? (
          <input id={id} type="checkbox" checked={value === true} aria-describedby={describedBy} onChange={(event) => void commit(event.currentTarget.checked)} />
        ) : field.kind === 'folders' ? (
          <textarea id={id} rows={2} spellcheck={false} value={draft} aria-invalid={shownError !== null} aria-describedby={describedBy} placeholder={placeholder} onInput={(event) => setDraft(event.currentTarget.value)} onBlur={() => void commit(draft)} />
        ) : (
          <input
            id={id}
            type="text"
            inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
            value={draft}
            aria-invalid={shownError !== null}
            aria-describedby={describedBy}
            onInput={(event) => setDraft(event.currentTarget.value)}
            onBlur={() => void commit(draft)}
            onKeyDown={(event) => event.key === 'Enter' && void commit(draft)}
          />
        )}
        {field.unit && <span class="unit">{field.unit}</span>}
        {saved && <span class="saved" aria-live="polite">Saved</span>}
      </div>
      {field.hint && <p class="hint" id={`${id}-hint`}>{field.hint}</p>}
      {shownError && (
        <p class="field-error" id={`${id}-error`} role="alert" data-testid={`error-${field.key}`}>
          {shownError}
        </p>
      )}
    </div>
  );
}
