/**
 * Model tables are keyed by exact id or by prefix; the longest matching key wins, and user overrides
 * (from settings) win over the bundled table. A prefix only matches at a `-` boundary (or when the key
 * itself ends in `-` or `.`), so `gpt-5` prices `gpt-5-codex` but never `gpt-5.5`.
 */
type Table<T> = Readonly<Record<string, T>>;

const NO_MATCH = Symbol('no match');

export function lookupByModel<T>(model: string, overrides: Table<T>, bundled: Table<T>): T | undefined {
  const override = isEmpty(overrides) ? NO_MATCH : bestMatch(modelKey(model), overrides);
  return override !== NO_MATCH ? override : bundledMatch(model, bundled);
}

/**
 * Every session asks for its model's price and window, and a scan has thousands of sessions but a
 * handful of models: the bundled tables are constants, so their answers are remembered per model id.
 * (Overrides are not: settings can change while the engine runs.)
 */
const bundledAnswers = new WeakMap<object, Map<string, unknown>>();

function bundledMatch<T>(model: string, bundled: Table<T>): T | undefined {
  let answers = bundledAnswers.get(bundled) as Map<string, T | undefined> | undefined;
  if (!answers) {
    answers = new Map();
    bundledAnswers.set(bundled, answers);
  }
  if (answers.has(model)) return answers.get(model);
  const match = bestMatch(modelKey(model), bundled);
  const answer = match === NO_MATCH ? undefined : match;
  answers.set(model, answer);
  return answer;
}

function modelKey(model: string): string {
  return model.toLowerCase().replace(/\[1m\]$/, '');
}

function isEmpty(table: Table<unknown>): boolean {
  for (const _key in table) return false;
  return true;
}

function bestMatch<T>(id: string, table: Table<T>): T | typeof NO_MATCH {
  let best: { key: string; value: T } | undefined;
  for (const [key, value] of Object.entries(table)) {
    const k = key.toLowerCase();
    if (matches(id, k) && (!best || k.length > best.key.length)) best = { key: k, value };
  }
  return best ? best.value : NO_MATCH;
}

function matches(id: string, key: string): boolean {
  if (id === key) return true;
  if (!id.startsWith(key)) return false;
  return key.endsWith('-') || key.endsWith('.') || id[key.length] === '-';
}
