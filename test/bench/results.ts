/** Turns the measurements into the table rows, each with its target from issue 4. */
import type { CcusageReport } from './ccusage';
import type { BenchCorpus } from './corpus-cache';
import type { ReportTotals } from './headroom-cli';
import type { MatcherTiming } from './match-timing';
import { type Measured, median, percentile } from './measure';
import { type Row, megabytes, ratio, row, seconds, targetRow } from './table';
import type { WatchResult } from './watch';

export interface Results {
  corpus: BenchCorpus;
  floorSeconds: number;
  cold: Measured[];
  reference: Measured[];
  warm: Measured[] | null;
  coldTotals: ReportTotals;
  warmTotals: ReportTotals | null;
  ccusage: CcusageReport;
  matcher: MatcherTiming;
  watch: WatchResult;
  hasCache: boolean;
}

const maxOf = (values: (number | null)[]) => values.reduce<number | null>((max, v) => (v === null ? max : Math.max(max ?? 0, v)), null);

export function buildRows(r: Results): Row[] {
  const cold = median(r.cold.map((m) => m.seconds));
  const reference = median(r.reference.map((m) => m.seconds));
  const expected = { claude: r.corpus.totals.claude.total, codex: r.corpus.totals.codex.total };
  const sessions = r.corpus.claudeSessions + r.corpus.codexSessions;
  const rows: Row[] = [
    row('Cold scan: `headroom status --json --all --no-cache`', `${seconds(cold)} (CPU ${seconds(median(r.cold.map((m) => m.cpuSeconds ?? 0)))})`),
    row('ccusage 20.0.24: `ccusage session --json --offline`', `${seconds(reference)} (CPU ${seconds(median(r.reference.map((m) => m.cpuSeconds ?? 0)))})`),
    targetRow('Cold scan ÷ ccusage', cold / reference, ratio(cold / reference), 1, '≤ 1.00× (aim 0.50×)'),
    row('Cold scan ÷ ccusage, CPU seconds (less sensitive to a busy machine)', ratio(median(r.cold.map((m) => m.cpuSeconds ?? 0)) / median(r.reference.map((m) => m.cpuSeconds ?? 0)))),
    row('Raw read floor (read every byte, count lines)', seconds(r.floorSeconds)),
    targetRow('Cold scan ÷ raw read floor', cold / r.floorSeconds, ratio(cold / r.floorSeconds), 3, '≤ 3.00×'),
  ];
  if (r.warm) {
    const warm = median(r.warm.map((m) => m.seconds));
    rows.push(row('Warm start: `headroom status --json --all` (cache filled)', seconds(warm)), targetRow('Warm start ÷ cold scan', warm / cold, ratio(warm / cold), 0.1, '≤ 0.10×'));
  } else {
    rows.push(row('Warm start ÷ cold scan', 'not measured: `status` has no `--no-cache` yet (no cache)', '≤ 0.10×', 'pending'));
  }
  const latencies = r.watch.latenciesMs;
  const p95 = latencies.length > 0 ? percentile(latencies, 95) : Infinity;
  rows.push(
    latencies.length > 0
      ? { ...targetRow('Append → `session-updated` latency p95', r.watch.missed > 0 ? Infinity : p95, `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms (${latencies.length} appends${r.watch.missed > 0 ? `, ${r.watch.missed} without an event` : ''})`, 100, 'p95 ≤ 100 ms') }
      : row('Append → `session-updated` latency', `no events for ${r.watch.missed} appends`, 'p95 ≤ 100 ms', 'fail'),
  );
  const idlePercent = (r.watch.idleCpuSeconds / r.watch.idleSeconds) * 100;
  const firstPercent = (r.watch.firstIdleCpuSeconds / r.watch.idleSeconds) * 100;
  rows.push(
    row(`Watcher idle CPU, first ${r.watch.idleSeconds} s after start (includes V8's one-time post-start heap compaction)`, `${r.watch.firstIdleCpuSeconds.toFixed(2)} CPU s = ${firstPercent.toFixed(2)}% of a core`),
    targetRow(`Watcher idle CPU, the next ${r.watch.idleSeconds} s (steady state)`, idlePercent, `${r.watch.idleCpuSeconds.toFixed(2)} CPU s = ${idlePercent.toFixed(2)}% of a core`, 0.5, '< 0.5% of a core', true),
    r.watch.peakRssBytes === null ? row('Watcher peak RSS', 'unknown (no /proc)', '≤ 250 MB', 'pending') : targetRow('Watcher peak RSS', r.watch.peakRssBytes, megabytes(r.watch.peakRssBytes), 250e6, '≤ 250 MB'),
    row('Watcher start (scan + watch ready)', `${seconds(r.watch.startSeconds)} for ${r.watch.sessions} sessions${r.watch.polling ? ' (polling!)' : ''}`),
    row('Cold scan peak RSS', megabytes(maxOf(r.cold.map((m) => m.peakRssBytes)))),
    row('ccusage peak RSS', megabytes(maxOf(r.reference.map((m) => m.peakRssBytes)))),
    row('Process `match()` (one Monitor tick)', `median ${r.matcher.medianMs.toFixed(1)} ms (CPU ${r.matcher.medianCpuMs.toFixed(1)} ms), p95 ${r.matcher.p95Ms.toFixed(1)} ms, first ${r.matcher.firstMs.toFixed(0)} ms; ${r.matcher.sessions} sessions, ${r.matcher.agents} agent processes`),
    totalsRow('Headroom totals = ground truth', r.coldTotals.sessions, sessions, r.coldTotals.claude, expected.claude, r.coldTotals.codex, expected.codex),
    totalsRow('ccusage totals = ground truth', r.ccusage.sessions, sessions, r.ccusage.byAgent['claude'] ?? 0, expected.claude, r.ccusage.byAgent['codex'] ?? 0, expected.codex),
  );
  if (r.warmTotals) rows.push(totalsRow('Warm totals = ground truth', r.warmTotals.sessions, sessions, r.warmTotals.claude, expected.claude, r.warmTotals.codex, expected.codex));
  return rows;
}

function totalsRow(measure: string, sessions: number, expectedSessions: number, claude: number, expectedClaude: number, codex: number, expectedCodex: number): Row {
  const ok = sessions === expectedSessions && claude === expectedClaude && codex === expectedCodex;
  const value = `${sessions} sessions, Claude ${claude.toLocaleString('en-US')} tokens, Codex ${codex.toLocaleString('en-US')} tokens`;
  return row(measure, value, ok ? 'exact' : `expected ${expectedSessions} / ${expectedClaude.toLocaleString('en-US')} / ${expectedCodex.toLocaleString('en-US')}`, ok ? 'pass' : 'fail');
}
