/**
 * The node-notifier sink against a real notification daemon (dunst on a private bus and display).
 * Skipped, with the reason, where those programs are missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeNotifierSink, clean } from '../../../electron/engine/alerts/node-notifier-sink';
import { dunstSkipReason, startDunst, until, type Dunst } from './dunst-harness';

const skipReason = dunstSkipReason();
let dunst: Dunst | null = null;

beforeAll(async () => {
  if (!skipReason) dunst = await startDunst();
}, 30_000);

afterAll(() => dunst?.stop());

describe('NodeNotifierSink', () => {
  it.skipIf(skipReason !== null)(`delivers alerts to the notification daemon${skipReason ? ` (skipped: ${skipReason})` : ''}`, async () => {
    const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = dunst?.busAddress;
    const errors: Error[] = [];
    try {
      const sink = new NodeNotifierSink({ onError: (e) => errors.push(e) });
      sink.show({ sessionId: 'a', kind: 'critical', title: 'shop: context critical at 93%', body: 'Passed 90%. Run "headroom checkpoint" & $HOME `x`' });
      sink.show({ sessionId: 'b', kind: 'warning', title: 'blog: context at 71%', body: 'Passed the warning threshold (70%).' });
      const seen = await until('both notifications in dunst', () => {
        const lines = dunst?.seen() ?? [];
        return lines.length >= 2 ? [...lines].sort() : null;
      });
      expect(seen).toEqual([
        'Headroom\tblog: context at 71%\tPassed the warning threshold (70%).\tNORMAL',
        'Headroom\tshop: context critical at 93%\tPassed 90%. Run "headroom checkpoint" &amp; $HOME `x`\tCRITICAL',
      ]);
      expect(errors).toEqual([]);
    } finally {
      process.env.DBUS_SESSION_BUS_ADDRESS = previous;
    }
  }, 30_000);

  it('flattens control characters and escapes markup only when asked', () => {
    expect(clean('a\nb\t<c> & d\u0007', true)).toBe('a b &lt;c&gt; &amp; d');
    expect(clean(' x <y> ', false)).toBe('x <y>');
  });
});
