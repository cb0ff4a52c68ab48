/**
 * Turns a session accumulator into plain JSON and back, for the warm-start cache.
 *
 * Accumulators keep their state in ordinary fields: numbers, strings, arrays, Maps, Sets and a few
 * small helper objects (ActivityLog, TimeSpan, …). `freeze` writes Maps and Sets as tagged arrays and
 * walks into helper objects; `thaw` fills a freshly created accumulator of the same kind, so the
 * classes' methods come from the constructor and only data comes from disk.
 */
type Frozen = unknown;

interface TaggedMap {
  $map: [unknown, Frozen][];
}
interface TaggedSet {
  $set: unknown[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

export function freeze(value: unknown): Frozen {
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [k, freeze(v)]) } satisfies TaggedMap;
  if (value instanceof Set) return { $set: [...value] } satisfies TaggedSet;
  if (Array.isArray(value)) return value.map(freeze);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, Frozen> = {};
    for (const [key, field] of Object.entries(value)) if (typeof field !== 'function') out[key] = freeze(field);
    return out;
  }
  return value;
}

/** Plain data back to Maps and Sets (for values inside a Map, which have no template to fill). */
function revive(value: Frozen): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (isPlainObject(value)) {
    if (Array.isArray(value['$map'])) return new Map((value['$map'] as [unknown, Frozen][]).map(([k, v]) => [k, revive(v)]));
    if (Array.isArray(value['$set'])) return new Set(value['$set'] as unknown[]);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

/**
 * Fills `target` (a fresh instance) from frozen data. A helper object in the template is filled in
 * place; everything else is replaced. Throws on a shape that does not fit, so a stale cache is
 * rejected rather than half-applied.
 */
export function thaw(target: object, data: Frozen): void {
  if (!isPlainObject(data)) throw new Error('cache entry is not an object');
  const fields = target as Record<string, unknown>;
  for (const [key, frozen] of Object.entries(data)) {
    if (!(key in fields)) throw new Error(`cache has an unknown field "${key}"`);
    const current = fields[key];
    if (current instanceof Map || current instanceof Set) {
      const revived = revive(frozen);
      if (!(revived instanceof Map || revived instanceof Set) || revived.constructor !== current.constructor) throw new Error(`cache field "${key}" has the wrong kind`);
      fields[key] = revived;
    } else if (typeof current === 'object' && current !== null && !Array.isArray(current) && !isPlainObject(current)) {
      thaw(current, frozen);
    } else {
      fields[key] = revive(frozen);
    }
  }
}
