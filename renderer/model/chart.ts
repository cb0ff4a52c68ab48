/**
 * Geometry of the context-over-time chart, computed apart from the SVG so it can be tested: the usage
 * line, the threshold lines (warning, critical, auto-compact) and a marker at every compaction.
 */
import type { ContextPoint } from '../../shared/api';

export interface ChartInput {
  history: readonly ContextPoint[];
  compactionsAt: readonly number[];
  windowTokens: number | null;
  autoCompactAtTokens: number | null;
  warningPercent: number;
  criticalPercent: number;
  width: number;
  height: number;
}

export interface ChartLine {
  kind: 'warning' | 'critical' | 'auto-compact';
  y: number;
  tokens: number;
  /** Baseline of the line's label: above the line, or below it when that would overlap the label above. */
  labelY: number;
}

/** Height of a label line in the chart's text size. */
const LABEL_HEIGHT = 11;

export interface ChartGeometry {
  /** SVG path of the usage line; empty when there is no point. */
  line: string;
  /** The same line closed down to the x axis, for the soft fill under it. */
  area: string;
  lines: ChartLine[];
  compactions: { x: number; at: number }[];
  xTicks: { x: number; at: number }[];
  yTicks: { y: number; tokens: number }[];
  /** The token value at the top of the plot. */
  yMax: number;
}

/** Room on the left for token labels and below for times. */
export const CHART_PADDING = { left: 44, right: 8, top: 8, bottom: 20 } as const;

const round = (value: number): number => Math.round(value * 10) / 10;

/** A 1-2-5 step giving about `count` ticks up to `max`. */
export function niceStep(max: number, count: number): number {
  const raw = max / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw);
  return step ?? 10 * magnitude;
}

/** Top to bottom, each label sits just above its line unless the label above it is in the way. */
function placeLabels(lines: ChartLine[]): void {
  let lowest = -Infinity;
  for (const line of [...lines].sort((a, b) => a.y - b.y)) {
    const above = line.y - 3;
    line.labelY = above - LABEL_HEIGHT >= lowest ? above : line.y + LABEL_HEIGHT;
    lowest = line.labelY;
  }
}

export function chartGeometry(input: ChartInput): ChartGeometry {
  const plotWidth = input.width - CHART_PADDING.left - CHART_PADDING.right;
  const plotHeight = input.height - CHART_PADDING.top - CHART_PADDING.bottom;
  const times = [...input.history.map((point) => point.at), ...input.compactionsAt];
  const first = times.length > 0 ? Math.min(...times) : 0;
  const last = times.length > 0 ? Math.max(...times) : 1;
  // A single point still needs a span: one minute either side.
  const [start, end] = first === last ? [first - 60_000, last + 60_000] : [first, last];
  const peak = Math.max(0, ...input.history.map((point) => point.usedTokens));
  // 10% headroom above the peak when the window is unknown (whole tokens, so ticks stay clean).
  const yMax = input.windowTokens ?? Math.max(1, Math.round(peak * 1.1));
  const x = (at: number): number => round(CHART_PADDING.left + ((at - start) / (end - start)) * plotWidth);
  const y = (tokens: number): number =>
    round(CHART_PADDING.top + plotHeight - (Math.min(tokens, yMax) / yMax) * plotHeight);

  const points = input.history.map((point) => `${x(point.at)},${y(point.usedTokens)}`);
  const line = points.length > 0 ? `M${points.join('L')}` : '';
  const baseline = y(0);
  const firstPoint = input.history[0];
  const lastPoint = input.history[input.history.length - 1];
  const area =
    firstPoint && lastPoint ? `${line}L${x(lastPoint.at)},${baseline}L${x(firstPoint.at)},${baseline}Z` : '';

  const lines: ChartLine[] = [];
  if (input.windowTokens !== null) {
    for (const [kind, percent] of [['warning', input.warningPercent], ['critical', input.criticalPercent]] as const) {
      const tokens = Math.round((input.windowTokens * percent) / 100);
      lines.push({ kind, y: y(tokens), tokens, labelY: 0 });
    }
  }
  if (input.autoCompactAtTokens !== null && input.autoCompactAtTokens <= yMax) {
    lines.push({ kind: 'auto-compact', y: y(input.autoCompactAtTokens), tokens: input.autoCompactAtTokens, labelY: 0 });
  }
  placeLabels(lines);

  const yStep = niceStep(yMax, 4);
  const yTicks: ChartGeometry['yTicks'] = [];
  for (let tokens = 0; tokens <= yMax + 1e-9; tokens += yStep) yTicks.push({ y: y(tokens), tokens });
  const xTicks = [0, 0.5, 1].map((share) => {
    const at = Math.round(start + share * (end - start));
    return { x: x(at), at };
  });

  return {
    line,
    area,
    lines,
    compactions: input.compactionsAt.map((at) => ({ x: x(at), at })),
    xTicks,
    yTicks,
    yMax,
  };
}
