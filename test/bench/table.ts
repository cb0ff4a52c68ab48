/** The results table: one row per measure, with its target and whether this run met it. */
export type Verdict = 'pass' | 'fail' | 'info' | 'pending';

export interface Row {
  measure: string;
  value: string;
  target: string;
  verdict: Verdict;
}

export function row(measure: string, value: string, target = '', verdict: Verdict = 'info'): Row {
  return { measure, value, target, verdict };
}

/** A row with a numeric target: pass when `value` is at most (or, with `below`, strictly under) `limit`. */
export function targetRow(measure: string, value: number, shown: string, limit: number, target: string, below = false): Row {
  const ok = below ? value < limit : value <= limit;
  return { measure, value: shown, target, verdict: ok ? 'pass' : 'fail' };
}

const HEADER: Row = { measure: 'Measure', value: 'Value', target: 'Target', verdict: 'info' };
const verdictText = (row: Row) => (row === HEADER ? 'Result' : row.verdict === 'info' ? '' : row.verdict.toUpperCase());

export function renderText(rows: readonly Row[]): string {
  const all = [HEADER, ...rows];
  const widths = [0, 1, 2].map((column) => Math.max(...all.map((r) => [r.measure, r.value, r.target][column]!.length)));
  const line = (r: Row) => [r.measure.padEnd(widths[0]!), r.value.padEnd(widths[1]!), r.target.padEnd(widths[2]!), verdictText(r)].join('  ').trimEnd();
  return [line(HEADER), ...rows.map(line)].join('\n');
}

export function renderMarkdown(rows: readonly Row[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return [
    '| Measure | Value | Target | Result |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${cell(r.measure)} | ${cell(r.value)} | ${cell(r.target)} | ${r.verdict === 'info' ? '' : `**${r.verdict}**`} |`),
  ].join('\n');
}

export const seconds = (s: number) => (s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`);
export const megabytes = (bytes: number | null) => (bytes === null ? 'unknown' : `${Math.round(bytes / 1e6)} MB`);
export const ratio = (r: number) => `${r.toFixed(2)}×`;
