/**
 * Wiring shared by the scenario files: install the pinned client before the scenario (or note why it
 * cannot be), and let each test skip itself *with that reason* when the client is unavailable — a
 * scenario that could not run is reported as skipped, never as passed.
 */
import { beforeAll, expect } from 'vitest';
import type { ClientName } from './clients';
import { ensureClient, type Installed } from './install';
import { namespaceFlags } from './run/isolation';
import { describeRun, type RunResult } from './run/process';

export interface ClientHandle {
  /** The installed client's executable; only call after `ready`. */
  readonly bin: string;
  /** True once the client is installed; false (with `reason`) when it could not be. */
  readonly ready: boolean;
  readonly reason: string;
  /** In a test body: skip this test with the reason when the client is unavailable. */
  skipUnlessReady(ctx: { skip: (note: string) => never }): void;
}

export function useClient(name: ClientName): ClientHandle {
  let installed: Installed | null = null;
  beforeAll(async () => {
    installed = await ensureClient(name);
    if (installed.ok && installed.installSeconds !== null) {
      process.stderr.write(`[agents] installed ${name}@${installed.version} in ${installed.installSeconds.toFixed(1)} s into ${installed.dir}\n`);
    }
    if (!installed.ok) process.stderr.write(`[agents] ${name} skipped: ${installed.reason}\n`);
    else logIsolationOnce();
  }, 900_000);
  return {
    get bin() {
      if (installed?.ok !== true) throw new Error(`${name} is not installed`);
      return installed.bin;
    },
    get ready() {
      return installed?.ok === true;
    },
    get reason() {
      if (installed === null) return `${name} was not installed (the install step did not run)`;
      return installed.ok ? '' : installed.reason;
    },
    skipUnlessReady(ctx) {
      if (installed?.ok !== true) ctx.skip(this.reason);
    },
  };
}

let isolationLogged = false;

/** Says once per test file how the clients are kept off the network, so a run without namespaces is visible. */
function logIsolationOnce(): void {
  if (isolationLogged) return;
  isolationLogged = true;
  const flags = namespaceFlags();
  process.stderr.write(flags === null
    ? '[agents] no network namespace available: clients run with their telemetry, update and plugin-sync switches off\n'
    : `[agents] clients run in a fresh network namespace (unshare ${flags.join(' ')}) that reaches only the fake servers\n`);
}

/** Fails with the client's own output when it did not exit cleanly. */
export function expectSuccess(result: RunResult): void {
  expect(result.exitCode, describeRun(result)).toBe(0);
}
