/** Where the tokens went (input, cache write, cache read, output, reasoning) and what they cost. */
import type { SessionView } from '../../shared/api';
import { formatCount, formatTokens, formatUsd } from '../../shared/format';

export function TokenBreakdown({ session }: { session: SessionView }) {
  const { tokens } = session;
  const rows: [string, number][] = [
    ['Input', tokens.input],
    ['Cache write', tokens.cacheCreation],
    ['Cache read', tokens.cacheRead],
    ['Output', tokens.output],
    ['Reasoning', tokens.reasoning],
  ];
  const largest = Math.max(1, ...rows.map(([, count]) => count));
  return (
    <section class="panel" aria-labelledby="tokens-heading">
      <h3 id="tokens-heading">Tokens</h3>
      <table class="breakdown" data-testid="token-breakdown">
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td class="num" title={formatCount(count)}>
                {formatTokens(count)}
              </td>
              <td class="breakdown-bar">
                <span style={{ width: `${((count / largest) * 100).toFixed(1)}%` }} />
              </td>
            </tr>
          ))}
          <tr class="breakdown-total">
            <th scope="row">Total</th>
            <td class="num" title={formatCount(tokens.total)}>
              {formatTokens(tokens.total)}
            </td>
            <td class="num">{formatUsd(session.costUsd)}</td>
          </tr>
        </tbody>
      </table>
      {session.costUsd === null && <p class="muted small">No price known for {session.model ?? 'this model'}.</p>}
    </section>
  );
}
