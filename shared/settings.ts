/**
 * Settings shared by the desktop app, the CLI and the dashboard: one file, one schema.
 *
 * The stored JSON is untrusted (a user may edit it by hand), so it is parsed with this schema on load;
 * every field has a default, so a partial file is fine and an old file gains new fields.
 */
import { z } from 'zod';

const percent = z.number().min(1).max(100);
const weight = z.number().min(0).max(10);
const positive = z.number().positive();

export const ThresholdsSchema = z
  .object({
    warningPercent: percent.default(70),
    criticalPercent: percent.default(90),
    /** `compact-soon` fires when the context is within this many tokens of the agent's auto-compact point. */
    compactSoonMarginTokens: z.number().int().min(0).default(10_000),
  })
  .refine((t) => t.warningPercent < t.criticalPercent, {
    message: 'warningPercent must be below criticalPercent',
    path: ['warningPercent'],
  });

export const HealthWeightsSchema = z.object({
  context: weight.default(0.4),
  duration: weight.default(0.2),
  idle: weight.default(0.2),
  errors: weight.default(0.2),
});

export const CheckpointPolicySchema = z.object({
  /** Checkpoint automatically when the decision policy says so. */
  auto: z.boolean().default(true),
  /** Only automatic checkpoints for sessions at the critical level. */
  autoOnlyCritical: z.boolean().default(true),
  hoursSinceLast: positive.default(2),
  filesModified: z.number().int().positive().default(15),
  contextPercent: percent.default(75),
  idleMinutes: positive.default(30),
  weights: z
    .object({
      time: weight.default(0.3),
      files: weight.default(0.4),
      context: weight.default(0.5),
      idle: weight.default(0.2),
    })
    .default({ time: 0.3, files: 0.4, context: 0.5, idle: 0.2 }),
  cooldownMinutes: z.number().min(0).default(30),
  /** Also copy the handoff markdown into `<project>/.headroom/checkpoints/`. */
  copyToProject: z.boolean().default(false),
});

export const NotificationSettingsSchema = z.object({
  warning: z.boolean().default(true),
  critical: z.boolean().default(true),
  compactSoon: z.boolean().default(true),
  checkpoint: z.boolean().default(true),
  termination: z.boolean().default(true),
  /** An agent process over `memory.warnMegabytes`, or whose memory keeps growing. */
  memory: z.boolean().default(true),
  /** ISO time until which notifications are paused, or null. */
  pausedUntil: z.string().nullable().default(null),
});

export const RootsSchema = z.object({
  claude: z.array(z.string()).default([]),
  codex: z.array(z.string()).default([]),
  gemini: z.array(z.string()).default([]),
});

export const PriceSchema = z.object({
  /** USD per million tokens. */
  input: z.number().min(0),
  output: z.number().min(0),
  cacheWrite: z.number().min(0).optional(),
  cacheRead: z.number().min(0).optional(),
});
export type Price = z.infer<typeof PriceSchema>;

export const SettingsSchema = z.object({
  version: z.literal(1).default(1),
  thresholds: ThresholdsSchema.default({ warningPercent: 70, criticalPercent: 90, compactSoonMarginTokens: 10_000 }),
  health: HealthWeightsSchema.default({ context: 0.4, duration: 0.2, idle: 0.2, errors: 0.2 }),
  checkpoint: CheckpointPolicySchema.default(() => CheckpointPolicySchema.parse({})),
  notifications: NotificationSettingsSchema.default(() => NotificationSettingsSchema.parse({})),
  /** Source folders; an empty list means the agent's default location. */
  roots: RootsSchema.default({ claude: [], codex: [], gemini: [] }),
  /** Context window per model id (exact id or prefix), overriding the bundled table. */
  modelWindows: z.record(z.string(), z.number().int().positive()).default({}),
  /** Prices per model id (exact id or prefix), overriding the bundled table. */
  prices: z.record(z.string(), PriceSchema).default({}),
  /** Claude Code compacts at window − this buffer. */
  autoCompactBufferTokens: z.number().int().min(0).default(33_000),
  /** A session with no activity for this long is idle even if its process still runs. */
  idleAfterMinutes: positive.default(60),
  launchAtLogin: z.boolean().default(false),
  hideDockIcon: z.boolean().default(true),
  metrics: z
    .object({ enabled: z.boolean().default(false), port: z.number().int().min(1).max(65535).default(9464) })
    .default({ enabled: false, port: 9464 }),
  termination: z
    .object({ allowSignals: z.boolean().default(false), graceSeconds: positive.default(10) })
    .default({ allowSignals: false, graceSeconds: 10 }),
  memory: z
    .object({ warnMegabytes: positive.default(2048) })
    .default({ warnMegabytes: 2048 }),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** The defaults, written out in settings-defaults.ts (zod-free for the engine); a test keeps them equal to the schema's. */
export { DEFAULT_SETTINGS } from './settings-defaults';

/** A validation failure named by its dotted key, e.g. `thresholds.warningPercent`. */
export interface SettingsIssue {
  key: string;
  message: string;
}

export function settingsIssues(error: z.ZodError): SettingsIssue[] {
  return error.issues.map((issue) => ({ key: issue.path.join('.'), message: issue.message }));
}
