import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { draftText, fieldLabel, issueMessage, parseDraft, SETTINGS_SECTIONS, valueAt, type FieldSpec } from '../../renderer/model/settings-fields';

const number: FieldSpec = { key: 'thresholds.warningPercent', label: 'Warning at', kind: 'number' };
const integer: FieldSpec = { key: 'metrics.port', label: 'Metrics port', kind: 'integer' };
const folders: FieldSpec = { key: 'roots.claude', label: 'Claude Code', kind: 'folders' };

describe('the settings form', () => {
  it('names only keys that exist in Settings, each once', () => {
    const keys = SETTINGS_SECTIONS.flatMap((section) => section.fields.map((field) => field.key));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(valueAt(DEFAULT_SETTINGS, key), key).not.toBeUndefined();
  });

  it('reads values at dotted keys', () => {
    expect(valueAt(DEFAULT_SETTINGS, 'thresholds.criticalPercent')).toBe(90);
    expect(valueAt(DEFAULT_SETTINGS, 'checkpoint.weights.context')).toBe(0.5);
    expect(valueAt(DEFAULT_SETTINGS, 'thresholds.nope.deeper')).toBeUndefined();
  });
});

describe('parseDraft', () => {
  it('reads numbers, with separators people type', () => {
    expect(parseDraft(number, ' 75.5 ')).toEqual({ ok: true, value: 75.5 });
    expect(parseDraft(integer, '10_000')).toEqual({ ok: true, value: 10_000 });
    expect(parseDraft(integer, '9,464')).toEqual({ ok: true, value: 9_464 });
  });

  it('refuses what is not a number, with a message', () => {
    expect(parseDraft(number, '')).toEqual({ ok: false, message: 'Enter a number.' });
    expect(parseDraft(number, 'lots')).toEqual({ ok: false, message: '“lots” is not a number.' });
    expect(parseDraft(integer, '1.5')).toEqual({ ok: false, message: 'Enter a whole number.' });
  });

  it('reads one folder per line, ignoring blank lines', () => {
    expect(parseDraft(folders, '/a\n\n  /b c  \n')).toEqual({ ok: true, value: ['/a', '/b c'] });
    expect(draftText(['/a', '/b'])).toBe('/a\n/b');
  });
});

describe('issueMessage', () => {
  it('shows an issue about the edited field as is', () => {
    expect(issueMessage('thresholds.warningPercent', [{ key: 'thresholds.warningPercent', message: 'Too big: expected number to be <=100' }])).toBe(
      'Too big: expected number to be <=100',
    );
    expect(issueMessage('roots.claude', [{ key: 'roots.claude.1', message: 'Expected string' }])).toBe('Expected string');
  });

  it('names the other field when the change broke a rule between two', () => {
    expect(issueMessage('thresholds.criticalPercent', [{ key: 'thresholds.warningPercent', message: 'warningPercent must be below criticalPercent' }])).toBe(
      'Warning at: warningPercent must be below criticalPercent',
    );
    expect(fieldLabel('checkpoint.weights.idle')).toBe('Weight: idle');
    expect(fieldLabel('unknown.key')).toBe('unknown.key');
  });
});
