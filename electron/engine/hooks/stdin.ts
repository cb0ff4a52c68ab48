/**
 * Reads the hook's JSON from stdin. Agents write it and close the pipe, so the hook reads fd 0 to its
 * end in one synchronous call: that avoids creating the `process.stdin` stream, whose socket machinery
 * costs start-up time the usage check does not need. A terminal (someone running the hook by hand)
 * reads as empty instead of waiting for input; a pipe that is never closed is ended by the agent's own
 * hook timeout.
 */
import { fstatSync, readFileSync } from 'node:fs';

export function readStdin(fd = 0): string {
  try {
    // A terminal is a character device (so is /dev/null, which has nothing to read anyway). Asking
    // node:tty instead would load the socket machinery this avoids.
    if (fstatSync(fd).isCharacterDevice()) return '';
    return readFileSync(fd, 'utf8');
  } catch (error) {
    // No stdin at all (closed descriptor): nothing to read.
    if ((error as NodeJS.ErrnoException).code === 'EBADF' || (error as NodeJS.ErrnoException).code === 'EAGAIN') return '';
    throw error;
  }
}
