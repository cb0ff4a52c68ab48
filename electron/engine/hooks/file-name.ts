/**
 * A session id as a file name: the same mapping as checkpoints' `refComponent` (a test keeps them
 * equal), repeated here because importing that module loads git's process helpers (node:child_process)
 * — start-up cost the usage check, run after every tool call, does not need.
 */
export function sessionFileName(sessionId: string): string {
  return sessionId.replace(/[^A-Za-z0-9_-]/g, '_');
}
