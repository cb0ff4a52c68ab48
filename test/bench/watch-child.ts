/**
 * The watching process of the benchmark: the live Monitor over the whole corpus, as the tray app runs
 * it (process matching included). It reports on stdout, one JSON object per line: `ready` once the
 * first scan is done and watching has begun, then `updated` with the time of every `session-updated`
 * event (epoch ms with sub-millisecond precision, comparable across processes on one machine).
 */
import { Monitor, type MonitorOptions } from '../../electron/engine/monitor';
import { createProcessMatcher } from '../../electron/engine/processes/matcher';

export interface WatchChildConfig {
  claudeDir: string;
  codexDir: string;
  geminiDir: string;
  dataDir: string;
}

export const WATCH_CHILD_FLAG = '--watch-child';

const epochMs = () => performance.timeOrigin + performance.now();
const send = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

export async function runWatchChild(config: WatchChildConfig): Promise<void> {
  // `dataDir` is passed for the warm-start cache once the Monitor takes it; extra fields are harmless.
  const options: MonitorOptions & { dataDir: string } = {
    claudeDirs: [config.claudeDir],
    codexDirs: [config.codexDir],
    geminiDirs: [config.geminiDir],
    dataDir: config.dataDir,
    processes: createProcessMatcher({ claudeDirs: [config.claudeDir] }),
  };
  const monitor = new Monitor(options);
  monitor.on('session-updated', (session) => send({ type: 'updated', key: `${session.agent}:${session.id}`, at: epochMs() }));
  monitor.on('problem', (problem) => send({ type: 'problem', problem }));
  const started = performance.now();
  await monitor.start();
  send({ type: 'ready', startSeconds: (performance.now() - started) / 1000, sessions: monitor.sessions().length, polling: monitor.isPolling });
  const stop = () => void monitor.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
