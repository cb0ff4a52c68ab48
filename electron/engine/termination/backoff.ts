/**
 * Retry policy for termination requests that could not be finished (the session is not in the monitor
 * yet, another checkpoint holds the lock, the process outlived SIGKILL): exponential backoff with a
 * cap, and a fixed number of attempts after which the request is closed as failed.
 *
 * | attempt | wait before the next |
 * |---------|----------------------|
 * | 1       | 2 s                  |
 * | 2       | 4 s                  |
 * | 3       | 8 s                  |
 * | 4       | 16 s                 |
 * | 5       | — (failed)           |
 */
export const MAX_ATTEMPTS = 5;
export const FIRST_BACKOFF_MS = 2000;
export const MAX_BACKOFF_MS = 60_000;

/** Milliseconds to wait after `attempt` failed (1-based), or null when no attempt is left. */
export function backoffAfter(attempt: number, maxAttempts = MAX_ATTEMPTS): number | null {
  if (attempt >= maxAttempts) return null;
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 1));
}
