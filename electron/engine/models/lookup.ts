/**
 * Model tables are keyed by exact id or by prefix; the longest matching key wins, and user overrides
 * (from settings) win over the bundled table.
 */
export function lookupByModel<T>(model: string, tables: readonly Readonly<Record<string, T>>[]): T | undefined {
  const id = model.toLowerCase().replace(/\[1m\]$/, '');
  for (const table of tables) {
    let best: { key: string; value: T } | undefined;
    for (const [key, value] of Object.entries(table)) {
      const k = key.toLowerCase();
      if ((id === k || id.startsWith(k)) && (!best || k.length > best.key.length)) best = { key: k, value };
    }
    if (best) return best.value;
  }
  return undefined;
}
