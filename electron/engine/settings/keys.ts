/**
 * Dotted settings keys (`thresholds.warningPercent`) and command-line values.
 *
 * Model ids contain dots (`gemini-1.5-pro`), so under the two keyed-by-model maps (`modelWindows`,
 * `prices`) everything after the first dot is the model id: `modelWindows.gemini-1.5-pro`.
 */
import { DEFAULT_SETTINGS } from '../../../shared/settings';

const MAPS_BY_MODEL = new Set(['modelWindows', 'prices']);

/** Splits a dotted key into its path; an empty segment or an unknown top-level key is null. */
export function keyPath(key: string): string[] | null {
  const [head, ...rest] = key.split('.');
  if (!head || !(head in DEFAULT_SETTINGS)) return null;
  if (MAPS_BY_MODEL.has(head)) return rest.length === 0 ? [head] : [head, rest.join('.')];
  const path = [head, ...rest];
  return path.every(Boolean) ? path : null;
}

/** A value from the command line: JSON when it parses (`75`, `true`, `null`, `["a"]`), else the string. */
export function parseCliValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function getAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A copy of `root` with `value` at `path`, creating objects on the way. */
export function setAt(root: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return root;
  const child = root[head];
  const next = rest.length === 0 ? value : setAt(child !== null && typeof child === 'object' ? { ...(child as Record<string, unknown>) } : {}, rest, value);
  return { ...root, [head]: next };
}
