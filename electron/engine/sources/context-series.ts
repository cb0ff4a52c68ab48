/**
 * A session's context size over time, for the history chart and the burn rate. Bounded: past
 * `MAX_POINTS` the older half is thinned to every other point (compaction markers are always kept),
 * so a long session's series stays small while its recent shape stays exact.
 */
import type { ContextEvent } from './types';

const MAX_POINTS = 600;

export class ContextSeries {
  events: ContextEvent[] = [];

  push(at: number | undefined, usedTokens: number | null, compaction: boolean): void {
    if (at === undefined) return;
    const last = this.events.at(-1);
    if (last && !compaction && !last.compaction && last.usedTokens === usedTokens) return;
    this.events.push({ at, usedTokens, compaction });
    if (this.events.length > MAX_POINTS) this.thin();
  }

  private thin(): void {
    const half = Math.floor(this.events.length / 2);
    const older = this.events.slice(0, half).filter((event, index) => event.compaction || index % 2 === 0);
    this.events = [...older, ...this.events.slice(half)];
  }
}
