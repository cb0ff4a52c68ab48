/**
 * The leftover-process channels of the engine host: list what ended sessions left running, and end
 * one on the user's explicit request — only if it is still a leftover at that moment, by its exact pid
 * with its identity checked again before each signal (orphans/leftovers.ts).
 */
import type { LeftoverProcess, Responses } from '../../../shared/api';
import type { Session } from '../../../shared/session';
import { endLeftover, scanLeftovers } from '../orphans/leftovers';

export async function listLeftovers(sessions: readonly Session[], now: number): Promise<LeftoverProcess[]> {
  const found = await scanLeftovers(sessions, now);
  return found.map(({ pid, command, cwd, ageMs, rssBytes, session }) => ({ pid, command, cwd, ageMs, rssBytes, session: { ...session } }));
}

export async function endListedLeftover(sessions: readonly Session[], pid: number, graceMs: number, now: number): Promise<Responses['processes:end-leftover']> {
  const leftover = (await scanLeftovers(sessions, now)).find((candidate) => candidate.pid === pid);
  if (!leftover) return { ended: false, message: `process ${pid} is not a leftover of an ended session (nothing was sent)` };
  const result = await endLeftover(leftover, { graceMs });
  switch (result.kind) {
    case 'ended':
      return { ended: true, message: `process ${pid} ended (${result.signal})` };
    case 'already-gone':
      return { ended: true, message: `process ${pid} had already exited` };
    default:
      return { ended: false, message: `process ${pid} was not ended: ${result.reason}` };
  }
}
