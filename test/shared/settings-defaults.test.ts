/** The written-out defaults the engine loads without zod are exactly what the schema gives for `{}`. */
import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../shared/settings';
import { DEFAULT_SETTINGS } from '../../shared/settings-defaults';

describe('default settings', () => {
  it('equal the schema defaults, key for key', () => {
    expect(SettingsSchema.parse({})).toStrictEqual(DEFAULT_SETTINGS);
  });

  it('pass the schema unchanged', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toStrictEqual(DEFAULT_SETTINGS);
  });
});
