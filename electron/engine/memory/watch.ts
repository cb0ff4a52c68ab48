/**
 * Memory of the running agent processes over time: one bounded RSS series per session, fed from the
 * session snapshots (the process matcher already reads RSS every few seconds), and assessed with
 * ./assess.ts. A session whose process changed (a new pid: the agent was restarted) starts a new series;
 * a session that is no longer observed is forgotten, so the memory used here stays bounded.
 */
import type { Session } from '../../../shared/session';
import { type LeakRule, DEFAULT_LEAK_RULE, type MemoryAssessment, type MemorySample, assessMemory } from './assess';

/** Samples closer together than this are merged (the newest wins), so a burst of updates stays one point. */
const MIN_SPACING_MS = 5_000;

interface Series {
  pid: number;
  samples: MemorySample[];
}

export class MemoryWatch {
  private readonly series = new Map<string, Series>();

  constructor(private readonly rule: LeakRule = DEFAULT_LEAK_RULE) {}

  /** Records the sessions' current RSS and returns each live session's assessment, by `agent:id`. */
  observe(sessions: readonly Pick<Session, 'agent' | 'id' | 'pid' | 'process'>[], warnBytes: number, now: number): Map<string, MemoryAssessment> {
    const seen = new Set<string>();
    const result = new Map<string, MemoryAssessment>();
    for (const session of sessions) {
      const rss = session.process?.rssBytes ?? null;
      if (session.pid === null || rss === null) continue;
      const key = `${session.agent}:${session.id}`;
      seen.add(key);
      result.set(key, assessMemory(this.record(key, session.pid, { at: now, rssBytes: rss }), warnBytes, now, this.rule));
    }
    for (const key of [...this.series.keys()]) if (!seen.has(key)) this.series.delete(key);
    return result;
  }

  private record(key: string, pid: number, sample: MemorySample): readonly MemorySample[] {
    let series = this.series.get(key);
    if (!series || series.pid !== pid) {
      series = { pid, samples: [] };
      this.series.set(key, series);
    }
    const last = series.samples.at(-1);
    if (last && sample.at - last.at < MIN_SPACING_MS) series.samples[series.samples.length - 1] = sample;
    else series.samples.push(sample);
    // Keep one window (plus a margin) of history.
    const oldest = sample.at - this.rule.windowMs * 1.5;
    while (series.samples.length > 0 && series.samples[0]!.at < oldest) series.samples.shift();
    return series.samples;
  }
}
