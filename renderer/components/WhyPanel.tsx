/**
 * Why a session is (or is not) in trouble: the checkpoint policy's score and reasons, and the health
 * score's factors. The same numbers the host's policies decided on, in words.
 */
import type { SessionView } from '../../shared/api';

const FACTORS = [
  ['context', 'Context'],
  ['duration', 'Duration'],
  ['idle', 'Idle'],
  ['errors', 'Errors'],
] as const;

export function WhyPanel({ session }: { session: SessionView }) {
  const { decision, health } = session;
  return (
    <section class="panel" aria-labelledby="why-heading">
      <h3 id="why-heading">Checkpoint advice</h3>
      <p>
        {decision.checkpoint ? <strong class="level-text-warning">Checkpoint recommended</strong> : 'No checkpoint needed yet'}
        <span class="muted"> · score {decision.score.toFixed(2)} (1.00 triggers)</span>
      </p>
      {decision.reasons.length > 0 && (
        <ul class="reasons">
          {decision.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      <h4>Health {Math.round(health.score)}</h4>
      <dl class="meters">
        {FACTORS.map(([key, label]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>
              <meter min={0} max={100} low={40} high={70} optimum={100} value={health.breakdown[key]} />
              <span class="num">{Math.round(health.breakdown[key])}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p class="muted small">
        Last checkpoint: {session.checkpoints.lastAt ?? 'none'} · {session.checkpoints.count} in total
      </p>
    </section>
  );
}
