/**
 * Installs a pinned client into the suite's own cache (`.cache/agents/<client>@<version>`, or
 * `$HEADROOM_AGENTS_CACHE`) on first use: the clients are test tools, not dependencies of the app, and
 * at ~750 MB together they must not land in node_modules.
 *
 * When the npm registry cannot be reached and the client is not cached yet, the result says so with the
 * reason, and the scenarios report themselves skipped with it — the suite never passes silently.
 */
import { execFile } from 'node:child_process';
import { access, readFile, rename, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CLIENTS, type ClientName } from './clients';
import { CLIENT_PATH } from './run/process';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../..', import.meta.url));

export type Installed =
  | { ok: true; name: ClientName; version: string; bin: string; dir: string; installSeconds: number | null }
  | { ok: false; name: ClientName; reason: string };

export function cacheRoot(): string {
  return process.env['HEADROOM_AGENTS_CACHE'] ?? join(REPO, '.cache', 'agents');
}

/** Returns the cached client, installing it first when needed; never throws for a missing registry. */
export async function ensureClient(name: ClientName): Promise<Installed> {
  const spec = CLIENTS[name];
  const dir = join(cacheRoot(), `${name}@${spec.version}`);
  const bin = join(dir, 'node_modules', '.bin', spec.bin);
  if (await isInstalled(dir, spec.package, spec.version, bin)) return { ok: true, name, version: spec.version, bin, dir, installSeconds: null };

  const unreachable = await registryProblem(`${spec.package}@${spec.version}`);
  if (unreachable !== null) return { ok: false, name, reason: `${spec.package}@${spec.version} is not cached and the npm registry cannot be reached: ${unreachable}` };

  const started = Date.now();
  const staging = `${dir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    await run('npm', ['install', '--prefix', staging, '--no-audit', '--no-fund', '--loglevel=error', `${spec.package}@${spec.version}`], { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new Error(`npm install ${spec.package}@${spec.version} failed although the registry answered: ${firstLine(error)}`, { cause: error });
  }
  // Another test run may have finished the same install meanwhile; either copy is complete.
  await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }));
  if (!(await isInstalled(dir, spec.package, spec.version, bin))) throw new Error(`${spec.package}@${spec.version} installed into ${dir} but ${bin} does not run`);
  return { ok: true, name, version: spec.version, bin, dir, installSeconds: (Date.now() - started) / 1000 };
}

async function isInstalled(dir: string, pkg: string, version: string, bin: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version?: string };
    if (manifest.version !== version) return false;
    await access(bin);
    // A throwaway HOME: a client must never touch the developer's real configuration.
    const home = join(dir, '.version-home');
    await mkdir(home, { recursive: true });
    const { stdout } = await run(bin, ['--version'], { timeout: 60_000, env: { PATH: CLIENT_PATH, HOME: home, DISABLE_AUTOUPDATER: '1' } });
    return stdout.includes(version);
  } catch {
    return false;
  }
}

/** Null when the registry answers for this exact version; otherwise why not. */
async function registryProblem(spec: string): Promise<string | null> {
  try {
    const { stdout } = await run('npm', ['view', spec, 'version', '--fetch-retries=0', '--fetch-timeout=20000'], { timeout: 60_000 });
    return stdout.trim() === '' ? `npm view ${spec} returned nothing` : null;
  } catch (error) {
    return firstLine(error);
  }
}

function firstLine(error: unknown): string {
  const record = error as { stderr?: string; message?: string };
  const text = (record.stderr ?? '').split('\n').find((line) => /ERR|error/i.test(line)) ?? record.message ?? String(error);
  return text.trim();
}
