/**
 * Settings, one section per concern. Each change is sent on its own (`settings:set` with its dotted
 * key) and validated by the host's schema; a refusal shows next to the field that caused it.
 */
import { useCallback, useState } from 'preact/hooks';
import type { AppState, HeadroomApi } from '../../shared/api';
import type { SettingsStore } from '../app/use-settings';
import { useKeys } from '../app/shortcuts';
import { issueMessage, SETTINGS_SECTIONS, valueAt, type FieldSpec } from '../model/settings-fields';
import { ModelWindowsEditor } from '../components/ModelWindowsEditor';
import { NotificationPause } from '../components/NotificationPause';
import { SettingsField } from '../components/SettingsField';

const ROOT_AGENT: Readonly<Record<string, AppState['roots'][number]['agent']>> = {
  'roots.claude': 'claude-code',
  'roots.codex': 'codex',
  'roots.gemini': 'gemini-cli',
};

/** The folders Headroom reads now for that agent, as the hint of an empty field. */
function defaultFolders(roots: AppState['roots'], key: string): string {
  const folders = roots.filter((root) => root.agent === ROOT_AGENT[key]).map((root) => root.path);
  return folders.length > 0 ? folders.join('\n') : 'default location';
}

interface Props {
  api: HeadroomApi;
  store: SettingsStore;
  pausedUntil: string | null;
  roots: AppState['roots'];
  onBack: () => void;
}

export function SettingsView({ api, store, pausedUntil, roots, onBack }: Props) {
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  useKeys((action) => (action === 'back' ? (onBack(), true) : false));

  const save = useCallback(
    async (key: string, value: unknown): Promise<boolean> => {
      let message: string | null;
      try {
        const result = await store.save(key, value);
        message = result.ok ? null : issueMessage(key, result.issues);
      } catch (error) {
        message = error instanceof Error ? error.message : String(error);
      }
      setErrors((previous) => {
        const next = new Map(previous);
        if (message === null) next.delete(key);
        else next.set(key, message);
        return next;
      });
      return message === null;
    },
    [store],
  );
  const saveField = useCallback((field: FieldSpec, value: unknown) => save(field.key, value), [save]);

  const { settings } = store;
  if (!settings) return <main class="settings"><p class="muted">Loading settings…</p></main>;
  return (
    <main class="settings">
      <h2>Settings</h2>
      {SETTINGS_SECTIONS.map((section) => (
        <section key={section.id} class="settings-section" aria-labelledby={`section-${section.id}`}>
          <h3 id={`section-${section.id}`}>{section.title}</h3>
          {section.hint && <p class="hint">{section.hint}</p>}
          <div class="fields">
            {section.fields.map((field) => (
              <SettingsField
                key={field.key}
                field={field}
                value={valueAt(settings, field.key)}
                error={errors.get(field.key) ?? null}
                placeholder={field.kind === 'folders' ? defaultFolders(roots, field.key) : undefined}
                onSave={saveField}
              />
            ))}
            {section.id === 'thresholds' && (
              <ModelWindowsEditor windows={settings.modelWindows} error={errors.get('modelWindows') ?? null} onSave={(windows) => save('modelWindows', windows)} />
            )}
            {section.id === 'notifications' && <NotificationPause api={api} pausedUntil={pausedUntil} />}
          </div>
        </section>
      ))}
    </main>
  );
}
