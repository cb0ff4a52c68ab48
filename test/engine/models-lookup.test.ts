/**
 * Model tables: the longest key matching at a `-` boundary wins, overrides win over the bundled table,
 * and the answers remembered for the bundled table never hide an override added later.
 */
import { describe, expect, it } from 'vitest';
import { modelPrice } from '../../electron/engine/models/prices';
import { CLAUDE_DEFAULT_WINDOW, CLAUDE_EXTENDED_WINDOW, modelWindow } from '../../electron/engine/models/windows';

describe('model tables', () => {
  it('matches the longest prefix at a dash, ignoring case and the [1m] tier', () => {
    expect(modelPrice('claude-sonnet-4-5-20250929', {})).toEqual({ input: 3, output: 15 });
    expect(modelPrice('gpt-5-codex', {})).toEqual({ input: 1.25, output: 10, cacheRead: 0.125 });
    expect(modelPrice('gpt-5.5', {})).toBeUndefined();
    expect(modelWindow('Claude-Opus-4-8[1m]', {})).toBe(CLAUDE_EXTENDED_WINDOW);
    expect(modelWindow('claude-sonnet-4-5', {})).toBe(CLAUDE_DEFAULT_WINDOW);
    expect(modelWindow(null, {})).toBeUndefined();
  });

  it('lets an override win, and forgets it when it is gone', () => {
    const model = 'claude-sonnet-4-5-20250929';
    expect(modelWindow(model, {})).toBe(CLAUDE_DEFAULT_WINDOW);
    expect(modelWindow(model, { 'claude-sonnet-4': 500_000 })).toBe(500_000);
    expect(modelPrice(model, { [model]: { input: 1, output: 2 } })).toEqual({ input: 1, output: 2 });
    expect(modelWindow(model, {})).toBe(CLAUDE_DEFAULT_WINDOW);
    expect(modelPrice(model, {})).toEqual({ input: 3, output: 15 });
    expect(modelPrice('gpt-5.5', { 'gpt-5': { input: 9, output: 9 } })).toBeUndefined();
  });
});
