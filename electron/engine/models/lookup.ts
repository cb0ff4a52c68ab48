/**
 * Model tables are keyed by exact id or by prefix; the longest matching key wins, and user overrides
 * (from settings) win over the bundled table. A prefix only matches at a `-` boundary (or when the key
 * itself ends in `-` or `.`), so `gpt-5` prices `gpt-5-codex` but never `gpt-5.5`.
 */
export function lookupByModel<T>(model: string, tables: readonly Readonly<Record<string, T>>[]): T | undefined {
  const id = model.toLowerCase().replace(/\[1m\]$/, '');
  for (const table of tables) {
    let best: { key: string; value: T } | undefined;
    for (const [key, value] of Object.entries(table)) {
      const k = key.toLowerCase();
      if (matches(id, k) && (!best || k.length > best.key.length)) best = { key: k, value };
    }
    if (best) return best.value;
  }
  return undefined;
}

function matches(id: string, key: string): boolean {
  if (id === key) return true;
  if (!id.startsWith(key)) return false;
  return key.endsWith('-') || key.endsWith('.') || id[key.length] === '-';
}
