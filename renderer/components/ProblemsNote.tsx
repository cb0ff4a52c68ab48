/**
 * Problems reading transcripts (missing folders, unreadable files, skipped lines), folded away under
 * the table: worth knowing, not worth shouting about.
 */
import type { Problem } from '../../shared/session';

export function ProblemsNote({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <details class="problems">
      <summary>
        {problems.length} {problems.length === 1 ? 'problem' : 'problems'} reading transcripts
      </summary>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            <span class="badge">{problem.kind}</span> {problem.message}
            {problem.path && <code class="path"> {problem.path}</code>}
          </li>
        ))}
      </ul>
    </details>
  );
}
