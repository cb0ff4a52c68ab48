/**
 * Every setting's default, written out. The schema in settings.ts holds the same defaults (a test
 * checks that parsing `{}` gives exactly this); they are repeated here so the engine — which needs
 * the defaults but never validates anything — loads without zod, whose import alone took ~60 ms of
 * every cold scan, in the calling thread and in each worker.
 */
import type { Settings } from './settings';

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  thresholds: { warningPercent: 70, criticalPercent: 90, compactSoonMarginTokens: 10_000 },
  health: { context: 0.4, duration: 0.2, idle: 0.2, errors: 0.2 },
  checkpoint: {
    auto: true,
    autoOnlyCritical: true,
    hoursSinceLast: 2,
    filesModified: 15,
    contextPercent: 75,
    idleMinutes: 30,
    weights: { time: 0.3, files: 0.4, context: 0.5, idle: 0.2 },
    cooldownMinutes: 30,
    copyToProject: false,
  },
  notifications: { warning: true, critical: true, compactSoon: true, checkpoint: true, termination: true, memory: true, pausedUntil: null },
  roots: { claude: [], codex: [], gemini: [] },
  modelWindows: {},
  prices: {},
  autoCompactBufferTokens: 33_000,
  idleAfterMinutes: 60,
  launchAtLogin: false,
  hideDockIcon: true,
  metrics: { enabled: false, port: 9464 },
  termination: { allowSignals: false, graceSeconds: 10 },
  memory: { warnMegabytes: 2048 },
};
