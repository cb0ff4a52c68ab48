/**
 * Reading transcripts into the session book: the lines appended to a file are parsed, turned into
 * records by the file's source and folded into its session.
 *
 * Guarantees: a bad line is counted against its file and skipped; an unreadable file becomes a problem
 * and the rest carries on; a file that shrank or was replaced — or a session whose state was dropped —
 * makes the session be rebuilt from all of its files, so numbers never mix old and new contents.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Problem } from '../../shared/session';
import type { TrackedFile } from './engine-parts';
import { BadRecord, type Json, parseLine } from './read/fields';
import { isUnchanged, readAppendedLines } from './read/line-reader';
import type { SessionBook } from './session-book';

/** Records held at most for a file whose session is not known yet. */
const MAX_PENDING = 1000;

export interface ReaderHooks {
  /** Starts tracking a path the book does not know yet; whether it is a transcript. */
  track(path: string): boolean;
  problem(problem: Problem): void;
  clearProblem(kind: Problem['kind'], path: string | null): void;
  /** A session lost its last file and is gone. */
  dropped(key: string): void;
}

export class TranscriptReader {
  constructor(
    private readonly book: SessionBook,
    private readonly hooks: ReaderHooks,
  ) {}

  /** Reads what was appended to a file; returns the key of the session it changed, if any. */
  async read(path: string): Promise<string | null> {
    const file = this.book.files.get(path) ?? (this.hooks.track(path) ? this.book.files.get(path) : undefined);
    if (!file || file.shadowed) return null;
    const before = file.sessionKey;
    if (file.source.wholeFile?.(path)) return this.readWhole(file);
    let restarted = false;
    try {
      const result = await readAppendedLines(
        path,
        file.cursor,
        (line) => this.consume(file, line),
        () => {
          restarted = true;
          this.book.reset(file);
        },
      );
      file.cursor = result.cursor;
      this.hooks.clearProblem('unreadable', path);
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') return (await this.forget(path)) ?? before;
      this.hooks.problem({ kind: 'unreadable', path, message: `cannot read ${path}: ${err.code ?? err.message}` });
      return file.sessionKey;
    }
    const entry = this.book.sessionOf(file);
    if (entry && (restarted || entry.stale)) await this.rereadSiblings(file);
    return file.sessionKey;
  }

  /** Forgets a deleted file; the session is rebuilt from its other files or dropped. Returns its key. */
  async forget(path: string): Promise<string | null> {
    const file = this.book.files.get(path);
    const detached = this.book.detach(path);
    if (!file || !detached) return null;
    if (detached.emptied) {
      this.hooks.dropped(detached.entry.key);
      return detached.entry.key;
    }
    this.book.reset(file);
    await this.rereadSiblings(file);
    return detached.entry.key;
  }

  /** A file rewritten whole on every change: when it changed, the session is rebuilt from it. */
  private async readWhole(file: TrackedFile): Promise<string | null> {
    try {
      const info = await stat(file.path);
      if (isUnchanged(file.cursor, info)) return file.sessionKey;
      const previouslyRead = file.cursor.size > 0;
      const content = await readFile(file.path);
      if (previouslyRead) this.book.reset(file);
      file.badLines = 0;
      this.consume(file, Buffer.from(content.toString('utf8').replace(/\r?\n/g, ' ')));
      file.cursor = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, offset: info.size };
      this.hooks.clearProblem('unreadable', file.path);
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') return this.forget(file.path);
      this.hooks.problem({ kind: 'unreadable', path: file.path, message: `cannot read ${file.path}: ${err.code ?? err.message}` });
    }
    if (this.book.sessionOf(file)?.stale) await this.rereadSiblings(file);
    return file.sessionKey;
  }

  private consume(file: TrackedFile, line: Buffer): void {
    let json: Json | null;
    let record: unknown;
    try {
      json = parseLine(line, file.source.fields);
      if (json === null) return;
      record = file.source.parse(json);
    } catch (error) {
      if (!(error instanceof BadRecord)) throw error;
      file.badLines += 1;
      this.book.touch(this.book.sessionOf(file));
      return;
    }
    if (record === null) return;
    if (file.sessionKey === null) {
      const id = file.source.sessionIdFromRecord?.(json) ?? null;
      if (id === null) {
        if (file.pending.length < MAX_PENDING) file.pending.push(record);
        return;
      }
      this.book.attach(file, id);
    }
    const entry = this.book.sessionOf(file);
    entry?.state.accumulator.add(record, file.role, file.path);
    this.book.touch(entry);
  }

  private async rereadSiblings(file: TrackedFile): Promise<void> {
    const entry = this.book.sessionOf(file);
    if (!entry) return;
    entry.stale = false;
    for (const path of [...entry.files]) if (path !== file.path) await this.read(path);
  }
}
