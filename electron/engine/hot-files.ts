/**
 * chokidar can miss the last write of a burst: it drops a file's events within 5 ms of the previous one
 * with no trailing event (nodefs-handler `_throttle('watch', file, 5)`), ignores a change whose mtime
 * equals the last one it saw when atime is newer (our own reads set atime), and a file written before
 * its new folder's watch is in place has no event at all. So files that changed recently stay "hot":
 * they are stat-ed every `pollMs` for `forMs`, and one that moved on since it was read is reported.
 * At idle nothing is hot and the timer is off.
 */
import { stat } from 'node:fs/promises';
import { type FileCursor, isUnchanged } from './read/line-reader';

export interface HotFilesOptions {
  /** The cursor the engine holds for a file (what was read last). */
  cursorOf: (path: string) => FileCursor | undefined;
  /** Called for a hot file whose size, mtime or inode moved past its cursor. */
  onMoved: (path: string) => void;
  pollMs?: number;
  forMs?: number;
}

export class HotFiles {
  private readonly hot = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private readonly pollMs: number;
  private readonly forMs: number;

  constructor(private readonly options: HotFilesOptions) {
    this.pollMs = options.pollMs ?? 100;
    this.forMs = options.forMs ?? 30_000;
  }

  mark(path: string): void {
    this.hot.set(path, Date.now());
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.hot.clear();
  }

  private async poll(): Promise<void> {
    const now = Date.now();
    for (const [path, since] of this.hot) {
      if (now - since > this.forMs) {
        this.hot.delete(path);
        continue;
      }
      try {
        const info = await stat(path);
        const cursor = this.options.cursorOf(path);
        if (!cursor || !isUnchanged(cursor, info)) this.options.onMoved(path);
      } catch {
        this.hot.delete(path);
      }
    }
    if (this.hot.size === 0) this.stop();
  }
}
