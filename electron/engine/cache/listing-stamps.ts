/**
 * Knowing that the list of transcript files is the same as last time without listing the folders
 * again: listing them means reading every folder and classifying every file (the largest part of a
 * warm `status`), while one `stat` per folder is cheap.
 *
 * A folder's change time moves whenever an entry is added, removed or renamed in it (and on chmod).
 * So when every folder under the sources' watched folders (`Source.watchPaths`, the only places their
 * listing looks) has the same inode and times as when the list was made, and each root is as readable
 * as it was, listing again would find the same files.
 *
 * Guarantees (each case falls back to listing again, never to a wrong list):
 * - The stamps are taken by walking the folders after the scan listed them, and the walk must see
 *   exactly the files the scan found: a file added or removed in between shows as a difference.
 * - A folder changed within `RACY_MS` of being stamped is not trusted: a second change in the same
 *   clock tick (file times are coarse: ~10 ms on Linux, 2 s on FAT) would leave its times unchanged.
 * - Folders or files that cannot be read, and any folder problem the scan reported, mean no stamps.
 */
import { accessSync, constants, type Dirent, readdirSync, type Stats, statSync } from 'node:fs';
import { sep } from 'node:path';
import type { Root } from '../roots';
import { placeFor } from '../sources/places';

/** Coarser than any common filesystem's file times (FAT: 2 s). */
export const RACY_MS = 2_500;

/** `[parent row or -1, name (or absolute path)]`, plus `mtimeMs, ctimeMs, ino` for a stamped folder. */
export type DirRow = [parent: number, name: string] | [parent: number, name: string, mtimeMs: number, ctimeMs: number, ino: number];

export type Access = 'ok' | 'missing' | 'denied';

export interface Listing {
  /** Each root and how readable it was (discovery skips a root it cannot read). */
  roots: [path: string, access: Access][];
  /** Each watched folder under a readable root: its row in the folder table, or -1 when it did not exist. */
  watched: [path: string, dir: number][];
}

/** The folder table of a cache file: folders by path, each stored once, parents before children. */
export class DirTable {
  readonly rows: DirRow[] = [];
  private readonly byPath = new Map<string, number>();

  /** The row of a folder, added (unstamped, by its absolute path) if it is not there yet. */
  indexOf(path: string): number {
    return this.byPath.get(path) ?? this.add(path, [-1, path]);
  }

  add(path: string, row: DirRow): number {
    this.rows.push(row);
    this.byPath.set(path, this.rows.length - 1);
    return this.rows.length - 1;
  }
}

/** Every row's absolute path. */
export function dirPaths(rows: readonly DirRow[]): string[] {
  const paths: string[] = [];
  for (const [parent, name] of rows) paths.push(parent === -1 ? name : `${paths[parent]}${sep}${name}`);
  return paths;
}

/**
 * Stamps the folders under the watched folders of `roots` into `table`; null when the list of
 * `found` files cannot be vouched for (see the guarantees above). `now` reads the clock.
 */
export function stampListing(roots: readonly Root[], found: readonly string[], table: DirTable, now: () => number): Listing | null {
  const files = new Set(found);
  const seen = new Set<string>();
  const listing: Listing = { roots: [], watched: [] };
  for (const root of roots) {
    const access = accessOf(root.path);
    listing.roots.push([root.path, access]);
    const source = placeFor(root.agent);
    if (access !== 'ok' || !source) continue;
    for (const watched of source.watchPaths(root.path)) {
      const walk = new Walk(table, files, seen, (path) => source.classify(path, root.path) !== null, now);
      const row = walk.folder(watched, -1, watched);
      if (row === null) return null;
      listing.watched.push([watched, row]);
    }
  }
  return seen.size === files.size ? listing : null;
}

/** True when no root, watched folder or stamped folder changed since `stampListing`. */
export function listingUnchanged(listing: Listing, rows: readonly DirRow[], paths: readonly string[]): boolean {
  for (const [path, access] of listing.roots) if (accessOf(path) !== access) return false;
  for (const [path, row] of listing.watched) if (row === -1 && look(path) !== 'absent') return false;
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    if (row.length === 2) continue;
    const info = look(paths[i]!);
    if (typeof info === 'string' || info.mtimeMs !== row[2] || info.ctimeMs !== row[3] || info.ino !== row[4]) return false;
  }
  return true;
}

/** One watched folder's walk: stamps each folder, then lists it (in that order, see the guarantees). */
class Walk {
  constructor(
    private readonly table: DirTable,
    private readonly found: ReadonlySet<string>,
    private readonly seen: Set<string>,
    private readonly isTranscript: (path: string) => boolean,
    private readonly now: () => number,
  ) {}

  /** The folder's row, -1 for a watched folder that does not exist, null when it cannot be vouched for. */
  folder(path: string, parent: number, name: string): number | null {
    const info = look(path);
    if (info === 'absent' && parent === -1) return -1;
    if (typeof info === 'string' || !info.isDirectory() || Math.max(info.mtimeMs, info.ctimeMs) > this.now() - RACY_MS) return null;
    const row = this.table.add(path, [parent, name, info.mtimeMs, info.ctimeMs, info.ino]);
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return null;
    }
    for (const entry of entries) {
      const child = `${path}${sep}${entry.name}`;
      if (entry.isDirectory()) {
        if (this.folder(child, row, entry.name) === null) return null;
      } else if (entry.isFile()) {
        if (this.found.has(child)) this.seen.add(child);
        else if (this.isTranscript(child)) return null; // a transcript the scan did not list
      }
    }
    return row;
  }
}

/** How discovery sees a root (`unreadableReason` in ../roots.ts asks the same question). */
function accessOf(path: string): Access {
  try {
    accessSync(path, constants.R_OK | constants.X_OK);
    return 'ok';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'denied';
  }
}

/** A path's stat; `absent` when it does not exist, `failed` when it cannot be looked at. */
function look(path: string): Stats | 'absent' | 'failed' {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? 'absent';
  } catch {
    return 'failed';
  }
}
