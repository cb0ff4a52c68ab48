/**
 * Context over time: the usage line with a soft fill, dashed threshold lines (warning, critical,
 * auto-compact) and a marker at each compaction. Plain SVG in CSS colours, so it follows the theme
 * and scales with the panel.
 */
import type { ContextPoint } from '../../shared/api';
import { formatTokens } from '../../shared/format';
import { useElementWidth } from '../app/use-element-width';
import { chartGeometry, CHART_PADDING } from '../model/chart';

interface Props {
  history: readonly ContextPoint[];
  compactionsAt: readonly number[];
  windowTokens: number | null;
  autoCompactAtTokens: number | null;
  warningPercent: number;
  criticalPercent: number;
}

const HEIGHT = 200;
const LINE_LABEL = { warning: 'warning', critical: 'critical', 'auto-compact': 'auto-compact' } as const;

function clock(at: number): string {
  const time = new Date(at);
  return `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
}

export function ContextChart(props: Props) {
  const [frame, width] = useElementWidth<HTMLDivElement>(640);
  if (props.history.length === 0) return <p class="muted chart-empty">No usage recorded yet.</p>;
  const geometry = chartGeometry({ ...props, width, height: HEIGHT });
  const right = width - CHART_PADDING.right;
  return (
    <div class="chart-frame" ref={frame}>
    <svg class="chart" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label="Context used over time" data-testid="context-chart">
      {geometry.yTicks.map((tick) => (
        <g key={tick.tokens} class="chart-grid">
          <line x1={CHART_PADDING.left} x2={right} y1={tick.y} y2={tick.y} />
          <text x={CHART_PADDING.left - 6} y={tick.y + 3} text-anchor="end">
            {formatTokens(tick.tokens)}
          </text>
        </g>
      ))}
      {geometry.xTicks.map((tick, index) => (
        <text key={index} class="chart-axis" x={tick.x} y={HEIGHT - 4} text-anchor={index === 0 ? 'start' : index === 2 ? 'end' : 'middle'}>
          {clock(tick.at)}
        </text>
      ))}
      {geometry.lines.map((line) => (
        <g key={line.kind} class={`chart-threshold threshold-${line.kind}`}>
          <line x1={CHART_PADDING.left} x2={right} y1={line.y} y2={line.y} />
          <text x={right - 2} y={line.labelY} text-anchor="end">
            {LINE_LABEL[line.kind]} {formatTokens(line.tokens)}
          </text>
        </g>
      ))}
      {geometry.compactions.map((mark) => (
        <g key={mark.at} class="chart-compaction">
          <line x1={mark.x} x2={mark.x} y1={CHART_PADDING.top} y2={HEIGHT - CHART_PADDING.bottom} />
          <title>Compacted at {clock(mark.at)}</title>
        </g>
      ))}
      <path class="chart-area" d={geometry.area} />
      <path class="chart-line" d={geometry.line} />
    </svg>
    </div>
  );
}
