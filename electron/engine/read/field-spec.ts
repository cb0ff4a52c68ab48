/**
 * Field specs: which fields of a transcript line a source reads, for read/select.ts to read just those.
 * Each source declares its spec next to its parser, and a test holds the parser to it.
 */

/**
 * The fields a source reads, as a tree of keys. `true` keeps a field whole, whatever it holds; an
 * object keeps, from an object value, only the keys it lists; `[spec]` applies `spec` to each element
 * of an array value; `lazy(spec)` is built only if it is read. A value of another shape than the spec
 * expects is kept whole.
 */
export type FieldSpec = { readonly [key: string]: FieldValue };
type Kept = true | FieldSpec | readonly [FieldSpec | true];
export type FieldValue = Kept | Lazy;

const LAZY = Symbol('lazy');
interface Lazy {
  readonly [LAZY]: Kept;
}

/**
 * A field most lines never read — a tool result's text, wanted only when the tool failed — made from
 * the line's bytes when first read instead of decoded for every line. It must be read while its line
 * is being handled (the reader's buffer is reused afterwards); reading it later throws rather than
 * returning another line's bytes.
 */
export function lazy(value: Kept): Lazy {
  return { [LAZY]: value };
}

const isLazy = (value: FieldValue): value is Lazy => typeof value === 'object' && LAZY in value;

/** What a spec value keeps, laziness aside. */
export function kept(value: FieldValue): Kept {
  return isLazy(value) ? value[LAZY] : value;
}

/**
 * A spec as select.c reads it — nodes (first child, child count, element node, 1 when its objects are
 * pruned), children (key offset, key length, node, 1 when lazy), key bytes — with each child's key and
 * laziness for building objects.
 */
export interface CompiledSpec {
  nodes: Int32Array;
  children: Int32Array;
  keys: Buffer;
  names: string[];
  lazy: boolean[];
}

export function compileSpec(spec: FieldSpec): CompiledSpec {
  const nodes: number[][] = [];
  const children: number[][] = [];
  const names: string[] = [];
  const lazyChildren: boolean[] = [];
  const keyParts: Buffer[] = [];
  let keyOffset = 0;
  const add = (value: Kept): number => {
    const index = nodes.length;
    if (value === true) {
      nodes.push([0, 0, -1, 0]);
    } else if (Array.isArray(value)) {
      nodes.push([0, 0, -1, 0]);
      nodes[index]![2] = add((value as readonly [FieldSpec | true])[0]);
    } else {
      const entries = Object.entries(value as FieldSpec);
      const first = children.length;
      nodes.push([first, entries.length, -1, 1]);
      for (const [key, child] of entries) {
        const bytes = Buffer.from(key, 'utf8');
        children.push([keyOffset, bytes.length, -1, isLazy(child) ? 1 : 0]);
        names.push(key);
        lazyChildren.push(isLazy(child));
        keyParts.push(bytes);
        keyOffset += bytes.length;
      }
      // Children's nodes after all of this node's children, which must stay together.
      entries.forEach(([, child], i) => (children[first + i]![2] = add(kept(child))));
    }
    return index;
  };
  add(spec);
  return { nodes: Int32Array.from(nodes.flat()), children: Int32Array.from(children.flat()), keys: Buffer.concat(keyParts), names, lazy: lazyChildren };
}
