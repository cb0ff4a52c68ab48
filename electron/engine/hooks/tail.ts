/**
 * Reads a transcript backwards from its end, for the hook's usage check: the newest usage record is
 * almost always in the last few kilobytes, so reading the whole file (hundreds of megabytes for a long
 * session) would be waste on a path that runs after every tool call.
 *
 * Guarantees: only complete lines are returned (a line still being written at the end, with no newline
 * yet, is left out; so is the first, cut line of a window that does not start at byte 0); lines come
 * newest first; the window grows (doubling) only while the caller asks for more, up to `maxBytes`. The
 * file is opened read-only and closed before returning.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The first window; a usage line plus a tool result of ordinary size fits several times over. */
export const FIRST_WINDOW_BYTES = 256 * 1024;
/** Past this the check gives up rather than slow the agent down (a single 8 MB tool result, say). */
export const MAX_TAIL_BYTES = 8 * 1024 * 1024;

const NEWLINE = 0x0a;

/**
 * Calls `visit` with each complete line, newest first, until it returns true (found) or the file or
 * `maxBytes` runs out. Returns whether `visit` found what it was looking for.
 */
export function scanBackwards(path: string, visit: (line: Buffer) => boolean, options: { firstBytes?: number; maxBytes?: number } = {}): boolean {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const maxBytes = Math.min(size, options.maxBytes ?? MAX_TAIL_BYTES);
    let window = Math.min(size, options.firstBytes ?? FIRST_WINDOW_BYTES);
    // Lines already visited: everything from `visitedFrom` to the end of the file.
    let visitedFrom = size;
    for (;;) {
      const start = size - window;
      const buffer = Buffer.allocUnsafe(visitedFrom - start);
      readFully(fd, buffer, start);
      const lines = completeLines(buffer, start === 0, visitedFrom === size);
      for (let i = lines.length - 1; i >= 0; i -= 1) if (visit(lines[i]!)) return true;
      if (window >= maxBytes) return false;
      // Continue with the bytes before the first complete line of this window.
      visitedFrom = start + (lines.length > 0 ? firstLineStart(buffer, start === 0) : buffer.length);
      window = Math.min(maxBytes, window * 2);
    }
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, buffer: Buffer, position: number): void {
  let done = 0;
  while (done < buffer.length) {
    const read = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (read === 0) break;
    done += read;
  }
}

/** Offset in `buffer` where its first complete line begins. */
function firstLineStart(buffer: Buffer, atFileStart: boolean): number {
  if (atFileStart) return 0;
  const newline = buffer.indexOf(NEWLINE);
  return newline === -1 ? buffer.length : newline + 1;
}

/**
 * The complete lines in `buffer`: without the leading fragment (unless the buffer starts the file) and,
 * when the buffer ends the file, without a trailing line that has no newline yet.
 */
function completeLines(buffer: Buffer, atFileStart: boolean, atFileEnd: boolean): Buffer[] {
  const lines: Buffer[] = [];
  let from = firstLineStart(buffer, atFileStart);
  for (;;) {
    const newline = buffer.indexOf(NEWLINE, from);
    if (newline === -1) {
      // Not at the end of the file the rest runs up to the next window's first line, so it is whole.
      if (!atFileEnd && from < buffer.length) lines.push(buffer.subarray(from));
      return lines;
    }
    if (newline > from) lines.push(buffer.subarray(from, newline));
    from = newline + 1;
  }
}
