/**
 * ActivityLog keeps the latest few errors in (time, text) order whatever order they arrive in, and
 * each prompt list it hands out stays as it was handed out.
 */
import { describe, expect, it } from 'vitest';
import { ActivityLog } from '../../electron/engine/sources/activity';

/** The rule written plainly: all messages, stably sorted by time then text, the last five. */
function latestFive(errors: { at: number; message: string }[]): string[] {
  return [...errors]
    .sort((a, b) => a.at - b.at || a.message.localeCompare(b.message))
    .slice(-5)
    .map((error) => error.message);
}

describe('recent errors', () => {
  it('match a stable sort of every error, for shuffled, tied and repeated times', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 200; run += 1) {
      const log = new ActivityLog();
      const errors: { at: number; message: string }[] = [];
      const count = random(12);
      for (let i = 0; i < count; i += 1) {
        const error = { at: random(4) * 1000, message: ['b', 'a', 'c', 'é', 'E'][random(5)]! };
        errors.push(error);
        log.error(`tool:${run}:${i}`, error.message, error.at);
      }
      expect(log.details().recentErrors).toEqual(latestFive(errors));
      expect(log.errors).toBe(count);
    }
  });

  it('counts an error once per key and keeps no text for an error without one', () => {
    const log = new ActivityLog();
    log.error('tool:1', 'failed', 1);
    log.error('tool:1', 'failed again', 2);
    log.error('api:2', null, 3);
    expect(log.errors).toBe(2);
    expect(log.details().recentErrors).toEqual(['failed']);
  });
});

describe('prompts', () => {
  it('keeps the last ten, and a details object keeps the list it was given', () => {
    const log = new ActivityLog();
    for (let i = 1; i <= 12; i += 1) log.prompt(`p${i}`);
    const details = log.details();
    log.prompt('p13');
    expect(details.recentPrompts).toEqual(['p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11', 'p12']);
    expect(log.details().recentPrompts).toEqual(['p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11', 'p12', 'p13']);
    expect(log.details()).toMatchObject({ firstPrompt: 'p1', lastUserPrompt: 'p13' });
    expect(log.counts().userMessages).toBe(13);
  });
});
