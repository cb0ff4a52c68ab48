/**
 * Incremental, read-only JSONL reading.
 *
 * Guarantees: only bytes appended since the last read are read; a line is delivered only once its
 * newline has arrived (a partial last line stays on disk until it is complete); a file that shrank or
 * was replaced (new inode) is read again from the start, and the caller is told so it can reset its
 * state for that file. Files are opened with `O_RDONLY` and never written.
 *
 * The reads are synchronous on purpose: a transcript is read in 1 MB steps straight into one reused
 * buffer, which in a cold scan of thousands of files is several times faster than going through the
 * thread pool for every open, stat, read and close; callers yield between files.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { selectionReadBuffer } from './select';

export interface FileCursor {
  size: number;
  mtimeMs: number;
  ino: number;
  /** Byte offset just past the last complete line consumed. */
  offset: number;
}

export interface ReadResult {
  cursor: FileCursor;
  /** True when the file was read again from the start (truncated or replaced). */
  restarted: boolean;
  /** Complete lines delivered in this read. */
  lines: number;
}

const NEWLINE = 0x0a;

export function freshCursor(): FileCursor {
  return { size: 0, mtimeMs: 0, ino: 0, offset: 0 };
}

/** True when nothing about the file changed since the cursor was taken. */
export function isUnchanged(cursor: FileCursor, current: { size: number; mtimeMs: number; ino: number }): boolean {
  return cursor.size === current.size && cursor.mtimeMs === current.mtimeMs && cursor.ino === current.ino;
}

/**
 * Reads the complete lines appended to `path` since `previous` and hands each to `onLine` as a
 * Buffer slice (decoding is the caller's choice, so lines it does not need are never decoded).
 * `onRestart` runs before any line when the file must be read from the start again.
 */
export async function readAppendedLines(
  path: string,
  previous: FileCursor,
  onLine: (line: Buffer) => void,
  onRestart: () => void = () => {},
): Promise<ReadResult> {
  return readAppendedLinesSync(path, previous, onLine, onRestart);
}

/**
 * One buffer for every read: 4 MB, big enough that few lines span two reads (a spanning line is copied
 * once more), small enough to stay out of the way in a long-running watcher. It lies in the line
 * selector's memory (select.ts) where that runs, so lines are selected where they were read.
 */
let buffer: Buffer | null = null;

function readBuffer(): Buffer {
  buffer ??= selectionReadBuffer() ?? Buffer.allocUnsafe(4 << 20);
  return buffer;
}

export function readAppendedLinesSync(
  path: string,
  previous: FileCursor,
  onLine: (line: Buffer) => void,
  onRestart: () => void = () => {},
): ReadResult {
  const fd = openSync(path, 'r');
  let lines = 0;
  try {
    const info = fstatSync(fd);
    const restarted = info.size < previous.offset || (previous.ino !== 0 && info.ino !== previous.ino);
    if (restarted) onRestart();
    const start = restarted ? 0 : previous.offset;
    const cursor: FileCursor = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, offset: start };
    if (info.size === start) return { cursor, restarted, lines: 0 };
    // Bytes of a line that started in an earlier chunk and has not ended yet.
    let pending: Buffer[] = [];
    let position = start;
    const buffer = readBuffer();
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let lineStart = 0;
      let newline = chunk.indexOf(NEWLINE, lineStart);
      while (newline !== -1) {
        const piece = chunk.subarray(lineStart, newline);
        if (pending.length > 0) {
          pending.push(piece);
          onLine(Buffer.concat(pending));
          pending = [];
        } else {
          onLine(piece);
        }
        lines += 1;
        cursor.offset = position + newline + 1;
        lineStart = newline + 1;
        newline = chunk.indexOf(NEWLINE, lineStart);
      }
      if (lineStart < bytesRead) pending.push(Buffer.from(chunk.subarray(lineStart)));
      position += bytesRead;
    }
    // Whatever is in `pending` now is a partial line; it is read again once its newline arrives.
    return { cursor, restarted, lines };
  } finally {
    closeSync(fd);
  }
}
