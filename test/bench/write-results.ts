/** The Markdown results file: the table plus what it was measured on and how. */
import type { BenchArgs } from './args';
import type { ProfileSummary } from './profile';
import type { Results } from './results';

export function writeResults(input: { machine: string; load: string; args: BenchArgs; results: Results; table: string; profile: ProfileSummary | null }): string {
  const { corpus } = input.results;
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench -- --size ${input.args.sizeLabel} --seed ${input.args.seed} --runs ${input.args.runs}\`.`,
    '',
    `- **Machine:** ${input.machine}; ${input.load} (the machine is shared: wall times stretch with load, CPU times much less)`,
    `- **Corpus:** ${corpus.files.length} transcript files, ${(corpus.bytes / 1e6).toFixed(0)} MB: ${corpus.claudeSessions} Claude Code sessions (subagents, compactions, tool results up to 1.5 MB on one line) and ${corpus.codexSessions} Codex rollouts, generated from seed ${input.args.seed} (test/support/corpus/realistic.ts).`,
    `- **Method:** each scan run ${input.args.runs}× alternating Headroom and ccusage, median reported; files in the page cache for every contender ("cold" = without Headroom's cache). Peak RSS and CPU from GNU time. Watcher: the Monitor with process matching, two back-to-back ${input.args.idleSeconds} s idle windows measured from /proc/<pid>/stat (the first includes V8's one-time heap compaction once start-up allocation stops), then ${input.args.appends} appends to random main transcripts, each timed to its \`session-updated\` event.`,
    '',
    input.table,
    '',
  ];
  if (input.profile) {
    lines.push(`## Cold scan profile (${input.profile.totalMs.toFixed(0)} ms sampled)`, '', '| Self time | Share | Function |', '|---:|---:|---|');
    for (const entry of input.profile.functions) lines.push(`| ${entry.ms.toFixed(0)} ms | ${(entry.share * 100).toFixed(1)}% | \`${entry.name}\` |`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
