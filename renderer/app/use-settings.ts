/**
 * The settings the views need (thresholds for the context bar marks, the settings form). Saving goes
 * through `settings:set`, which validates on the host and answers with the issues by dotted key.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HeadroomApi, SettingsResult } from '../../shared/api';
import type { Settings } from '../../shared/settings';

export interface SettingsStore {
  settings: Settings | null;
  save(key: string, value: unknown): Promise<SettingsResult>;
  reload(): void;
}

export function useSettings(api: HeadroomApi): SettingsStore {
  const [settings, setSettings] = useState<Settings | null>(null);

  const reload = useCallback(() => {
    api.invoke('settings:get', undefined).then(setSettings, () => undefined);
  }, [api]);

  useEffect(reload, [reload]);

  const save = useCallback(
    async (key: string, value: unknown): Promise<SettingsResult> => {
      const result = await api.invoke('settings:set', { key, value });
      if (result.ok) setSettings(result.settings);
      return result;
    },
    [api],
  );

  return { settings, save, reload };
}
