/**
 * An Engine's state as plain data and back: what the warm-start cache stores and what scan workers
 * send home. Files whose session is not known yet are left out (they are simply read again).
 */
import { thaw } from './cache/freeze';
import type { EngineState, SessionEntry, TrackedFile } from './engine-parts';
import { SessionState } from './session-state';
import { sourceFor } from './sources';

export function exportEngineState(files: ReadonlyMap<string, TrackedFile>, sessions: ReadonlyMap<string, SessionEntry>): EngineState {
  return {
    files: [...files.values()]
      .filter((file) => file.sessionKey !== null)
      .map(({ path, source, role, priority, sessionKey, cursor, badLines, shadowed }) => ({ path, agent: source.agent, role, priority, sessionKey: sessionKey!, cursor, badLines, shadowed })),
    sessions: [...sessions.values()].map((entry) => ({
      key: entry.key,
      id: entry.id,
      agent: entry.source.agent,
      mainFile: entry.mainFile,
      files: [...entry.files],
      state: entry.state.frozenState(),
    })),
  };
}

/** Adds saved sessions and files to the maps; throws on a session already there or a shape that does not fit. */
export function importEngineState(state: EngineState, files: Map<string, TrackedFile>, sessions: Map<string, SessionEntry>): void {
  for (const saved of state.sessions) {
    if (sessions.has(saved.key)) throw new Error(`session ${saved.key} is already known`);
    const source = sourceFor(saved.agent);
    if (!source) throw new Error(`unknown agent ${saved.agent}`);
    const accumulator = source.create(saved.id);
    thaw(accumulator, saved.state);
    const sessionState = new SessionState(() => source.create(saved.id), accumulator);
    sessions.set(saved.key, { key: saved.key, id: saved.id, source, state: sessionState, mainFile: saved.mainFile, files: new Set(saved.files), stale: false, version: 0 });
  }
  for (const saved of state.files) {
    const source = sourceFor(saved.agent);
    if (!source || !sessions.has(saved.sessionKey)) throw new Error(`file ${saved.path} has no session`);
    files.set(saved.path, { ...saved, source, pending: [] });
  }
}
