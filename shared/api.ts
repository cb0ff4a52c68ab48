/**
 * The one API contract between the engine host (Electron main, or `headroom serve`) and the views.
 *
 * `Requests` maps each channel (`domain:verb`) to its request and response types; `Pushes` maps the
 * events the host sends unasked. Both transports — Electron IPC through the preload and the WebSocket
 * of `headroom serve` — implement `HeadroomApi`, which is derived from these maps, so a channel added
 * here is a compile error until every side handles it.
 */
import { z } from 'zod';
import type { Health, Level, Recommendation, CheckpointDecision } from './policy';
import type { Problem, Session } from './session';
import type { Settings, SettingsIssue } from './settings';

export interface ContextPoint {
  /** Epoch milliseconds. */
  at: number;
  usedTokens: number;
}

export interface SessionView extends Session {
  level: Level;
  health: Health;
  decision: CheckpointDecision;
  checkpoints: { count: number; lastAt: string | null };
}

export interface AppState {
  generatedAt: string;
  sessions: SessionView[];
  problems: Problem[];
  /** Where Headroom looks, per agent, so the empty state can say so. */
  roots: { agent: Session['agent']; path: string; exists: boolean }[];
  notificationsPausedUntil: string | null;
}

export interface CheckpointRecord {
  sessionId: string;
  agent: Session['agent'];
  createdAt: string;
  reason: string;
  markdownPath: string;
  jsonPath: string;
  /** `refs/headroom/checkpoints/<id>/<n>` when uncommitted work was snapshotted. */
  gitRef: string | null;
  restoreCommand: string | null;
  resumeCommand: string;
  contextTokens: number | null;
}

export type CheckpointResult =
  | { ok: true; checkpoint: CheckpointRecord }
  | { ok: false; reason: 'locked' | 'cooldown' | 'not-found' | 'failed'; message: string };

/** A process an ended session left running (a dev server, a watcher…), for the user to end or keep. */
export interface LeftoverProcess {
  pid: number;
  command: string;
  cwd: string;
  ageMs: number | null;
  rssBytes: number | null;
  session: { agent: Session['agent']; id: string; project: string | null };
}

export interface SessionDetail {
  session: SessionView;
  history: ContextPoint[];
  compactionsAt: number[];
  checkpoints: CheckpointRecord[];
}

export type ExportFormat = 'json' | 'yaml' | 'md';

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] };

/** Request payload schemas: every payload from a view is parsed with these before it is acted on. */
const sessionId = z.string().min(1).max(200);
export const RequestSchemas = {
  'state:get': z.undefined(),
  'session:detail': z.object({ sessionId }),
  'session:checkpoint': z.object({ sessionId, reason: z.string().max(500).optional(), force: z.boolean().optional() }),
  'session:history': z.object({ sessionId }),
  'session:tag': z.object({ sessionId, tags: z.array(z.string().min(1).max(50)).max(20) }),
  'session:untag': z.object({ sessionId, tags: z.array(z.string().min(1).max(50)).max(20) }),
  'session:set-project': z.object({ sessionId, name: z.string().max(100).nullable() }),
  'session:export': z.object({ sessionId, format: z.enum(['json', 'yaml', 'md']) }),
  'session:resume-command': z.object({ sessionId }),
  'session:copy-resume': z.object({ sessionId }),
  'session:open-folder': z.object({ sessionId }),
  'session:open-transcript': z.object({ sessionId }),
  'settings:get': z.undefined(),
  'settings:set': z.object({ key: z.string().min(1).max(100), value: z.unknown() }),
  'notifications:pause': z.object({ until: z.enum(['1h', 'tomorrow', 'off']) }),
  'recommendations:get': z.undefined(),
  'processes:leftovers': z.undefined(),
  'processes:end-leftover': z.object({ pid: z.number().int().min(2) }),
} as const;

export interface Responses {
  'state:get': AppState;
  'session:detail': SessionDetail | null;
  'session:checkpoint': CheckpointResult;
  'session:history': CheckpointRecord[];
  'session:tag': string[];
  'session:untag': string[];
  'session:set-project': string | null;
  'session:export': { filename: string; mime: string; content: string };
  'session:resume-command': { command: string };
  /** Desktop only (clipboard); the browser copies `session:resume-command` itself. */
  'session:copy-resume': { command: string };
  'session:open-folder': { opened: boolean };
  'session:open-transcript': { opened: boolean };
  'settings:get': Settings;
  'settings:set': SettingsResult;
  'notifications:pause': { pausedUntil: string | null };
  'recommendations:get': Recommendation[];
  'processes:leftovers': LeftoverProcess[];
  /** Ends a listed leftover by its exact pid (SIGTERM, then SIGKILL after the grace period). */
  'processes:end-leftover': { ended: boolean; message: string };
}

export type Channel = keyof typeof RequestSchemas;
export type RequestOf<C extends Channel> = z.infer<(typeof RequestSchemas)[C]>;
export type ResponseOf<C extends Channel> = Responses[C];

export interface Pushes {
  'state:changed': AppState;
  /** A notification was clicked: show this session. */
  'ui:focus-session': { sessionId: string };
}
export type PushChannel = keyof Pushes;

/** What a view holds: one call per channel, one subscription per push. */
export interface HeadroomApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  subscribe<P extends PushChannel>(channel: P, listener: (payload: Pushes[P]) => void): () => void;
}

/** The host side: one handler per channel; a missing one is a compile error. */
export type Handlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/**
 * The engine host as a transport sees it: the handlers to route requests to, and the pushes to
 * forward. Electron IPC (electron/main) and the WebSocket of `headroom serve` both take one of these.
 */
export interface ApiHost {
  readonly handlers: Handlers;
  onPush(listener: <P extends PushChannel>(channel: P, payload: Pushes[P]) => void): () => void;
}
