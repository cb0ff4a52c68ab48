/**
 * `npm run bench`: Headroom against ccusage and against the limits of the machine, on a generated
 * corpus the size of a heavy user's history (default 1 GB), measured in one run and printed as one
 * table with the targets of issue 4. Needs `npm run build:node` first (it runs the built CLI, as users do).
 *
 * Method: the corpus is read once before timing, so every contender finds it in the page cache
 * ("cold" means without Headroom's own cache, not with an empty OS cache — dropping that would need
 * root and disturb everything else on the machine). Each scan is run `--runs` times, alternating
 * Headroom and ccusage, and the median is reported. Both tools' token totals are checked against the
 * corpus's ground truth, so a tool that skipped data cannot look fast.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchArgs, parseArgs } from './args';
import { ccusageArgs, ccusageEnv, ensureCcusage, readCcusageReport } from './ccusage';
import { ensureCorpus } from './corpus-cache';
import { findCli, headroomEnv, readStatusReport, statusArgs } from './headroom-cli';
import { describeMachine, loadAverage } from './machine';
import { measureMatcher } from './match-timing';
import { type Measured, measure, median } from './measure';
import { profileScan } from './profile';
import { readFloor } from './read-floor';
import { buildRows, type Results } from './results';
import { renderMarkdown, renderText } from './table';
import { measureWatcher } from './watch';
import { WATCH_CHILD_FLAG, type WatchChildConfig, runWatchChild } from './watch-child';
import { writeResults } from './write-results';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(args: BenchArgs): Promise<void> {
  const machine = describeMachine();
  const loadBefore = loadAverage();
  log(`machine: ${machine}; load average (1/5/15 min) ${loadBefore}`);
  const cacheRoot = join(REPO, '.cache');
  mkdirSync(cacheRoot, { recursive: true });
  log(`corpus: seed ${args.seed}, size ${args.sizeLabel}`);
  const corpus = ensureCorpus(cacheRoot, args.seed, args.bytes, args.sizeLabel, log);
  log(`corpus: ${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(0)} MB in ${corpus.dir}${corpus.generatedSeconds === null ? ' (cached)' : ` (generated in ${corpus.generatedSeconds.toFixed(0)} s)`}`);
  const cli = await findCli(REPO);
  const ccusage = await ensureCcusage(cacheRoot, log);

  const scratch = mkdtempSync(join(tmpdir(), 'headroom-bench-'));
  try {
    const home = join(scratch, 'home');
    const dataDir = join(scratch, 'data');
    mkdirSync(home);
    mkdirSync(dataDir);
    const roots = { claudeDir: corpus.claudeDir, codexDir: corpus.codexDir, geminiDir: corpus.geminiDir, dataDir };
    const env = headroomEnv(home, dataDir);
    const out = (name: string) => join(scratch, name);

    log('raw read floor (first pass warms the page cache)');
    readFloor(corpus.files);
    const floors = Array.from({ length: args.runs }, () => readFloor(corpus.files).seconds);

    const cold: Measured[] = [];
    const reference: Measured[] = [];
    for (let run = 1; run <= args.runs; run += 1) {
      log(`cold scan and ccusage, run ${run} of ${args.runs}`);
      cold.push(await checked(measure(process.execPath, statusArgs(cli, roots, { cache: false }), { env, cwd: scratch, stdoutFile: out('cold.json') }), 'headroom status'));
      reference.push(await checked(measure(ccusage, ccusageArgs(), { env: ccusageEnv(corpus, home), cwd: scratch, stdoutFile: out('ccusage.json') }), 'ccusage'));
    }
    const coldReport = readStatusReport(out('cold.json'));
    const ccusageReport = readCcusageReport(out('ccusage.json'));

    let warm: Measured[] | null = null;
    let warmTotals = null;
    if (cli.hasCache) {
      log('warm start: one run to fill the cache, then timed runs');
      await checked(measure(process.execPath, statusArgs(cli, roots, { cache: true }), { env, cwd: scratch, stdoutFile: out('warm.json') }), 'headroom status (cache fill)');
      warm = [];
      for (let run = 1; run <= args.runs; run += 1) warm.push(await checked(measure(process.execPath, statusArgs(cli, roots, { cache: true }), { env, cwd: scratch, stdoutFile: out('warm.json') }), 'headroom status (warm)'));
      warmTotals = readStatusReport(out('warm.json')).totals;
    }

    log('process matcher: match() over every session of the corpus');
    const matcher = await measureMatcher(coldReport.report.sessions, [corpus.claudeDir]);

    log(`watching process: start, ${args.idleSeconds} s idle, ${args.appends} appends`);
    const watchConfig: WatchChildConfig = { ...roots, dataDir: join(scratch, 'watch-data') };
    const watch = await measureWatcher(fileURLToPath(import.meta.url), { ...watchConfig, env }, { files: corpus.files, appends: args.appends, idleSeconds: args.idleSeconds, seed: args.seed });

    const profile = args.profile ? (log('profiling one cold scan'), await profileScan(statusArgs(cli, roots, { cache: false }), env, scratch)) : null;

    const results: Results = {
      corpus,
      floorSeconds: median(floors),
      cold,
      reference,
      warm,
      coldTotals: coldReport.totals,
      warmTotals,
      ccusage: ccusageReport,
      matcher,
      watch,
      hasCache: cli.hasCache,
    };
    const rows = buildRows(results);
    const load = `load average (1/5/15 min) ${loadBefore} at start, ${loadAverage()} at end`;
    process.stdout.write(`\nHeadroom benchmark — ${machine}; ${load}\ncorpus: ${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(0)} MB (${corpus.claudeSessions} Claude Code sessions, ${corpus.codexSessions} Codex rollouts), median of ${args.runs} runs\n\n${renderText(rows)}\n`);
    if (profile) {
      process.stdout.write(`\nCold scan profile (${profile.totalMs.toFixed(0)} ms sampled), self time by function:\n`);
      for (const entry of profile.functions) process.stdout.write(`  ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.ms.toFixed(0).padStart(6)} ms  ${entry.name}\n`);
    }
    if (args.out) {
      mkdirSync(dirname(args.out), { recursive: true });
      writeFileSync(args.out, writeResults({ machine, load, args, results, table: renderMarkdown(rows), profile }));
      log(`results written to ${args.out}`);
    }
    if (rows.some((r) => r.verdict === 'fail')) process.exitCode = 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function checked(result: Promise<Measured>, what: string): Promise<Measured> {
  const measured = await result;
  if (measured.exitCode !== 0) throw new Error(`${what} exited with ${measured.exitCode}:\n${measured.stderr}`);
  return measured;
}

if (process.argv[2] === WATCH_CHILD_FLAG) {
  await runWatchChild(JSON.parse(process.argv[3] ?? '{}') as WatchChildConfig);
} else {
  try {
    await main(parseArgs(process.argv.slice(2)));
  } catch (error) {
    log(`bench: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
