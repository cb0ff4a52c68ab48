/*
 * Selective JSON reading for transcript lines, compiled to WebAssembly (`npm run build:wasm`).
 *
 * `selectLine` validates one line as a JSON object — the whole grammar: structure, strings and their
 * escapes, numbers, literals — and writes out only the parts a source reads, as a flat list of entries
 * (see read/select.ts, which turns them into a plain object). What to keep is a tree of keys given by
 * the caller (the field spec): below an object whose spec lists keys, other keys are checked and
 * skipped; everything else (a key listed without a spec of its own, an object or array where the spec
 * expected the other) is kept whole, so an unexpected shape is never cut short.
 *
 * It only ever says "valid" for a line JSON.parse would accept; when it answers anything else — invalid,
 * a key written with escapes, nesting too deep, too many entries — the caller parses the line with
 * JSON.parse as before, so every decision about a doubtful line stays JSON.parse's own.
 *
 * Token scanning is in select-scan.h, string interning in select-intern.h: one translation unit.
 */
#include "select-scan.h"

/* Entry kinds. */
enum { OPEN_OBJECT = 1, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY, STRING, NUMBER, TRUE, FALSE, NUL };
/* An entry: kind|flags, key start, key end, key spec (child index, or -1 to read the key's bytes, -2
 * for none), value start, value end, integer value. Offsets are from the line's first byte. */
#define ENTRY_INTS 7
#define MAX_DEPTH 256
#define NO_KEY -2

/* Returned instead of an entry count. */
#define INVALID -1
#define DECLINED -2

/* A spec node: first child, child count, element node (-1: none), 1 when its objects are pruned. */
#define NODE_INTS 4
/* A spec child: key offset into the key bytes, key length, node, 1 when the caller builds it lazily. */
#define CHILD_INTS 4

static const i32 *nodes;
static const i32 *children;
static const u8 *keyBytes;

#include "select-intern.h"

static i32 *out;
/* Inside a field the caller builds lazily, nothing is interned: it may never mirror those strings. */
static i32 lazyDepth;
static i32 count;
static i32 capacity;
static i32 depth;
static i32 declined;

static void emit(i32 kind, i32 keyStart, i32 keyEnd, i32 keyRef, i32 valueStart, i32 valueEnd, i32 value) {
  if (count >= capacity) {
    declined = 1;
    return;
  }
  i32 *e = out + count * ENTRY_INTS;
  e[0] = kind; e[1] = keyStart; e[2] = keyEnd; e[3] = keyRef; e[4] = valueStart; e[5] = valueEnd; e[6] = value;
  count++;
}

enum { SKIP, WHOLE, SELECT };

static int value(int mode, i32 node, i32 keyStart, i32 keyEnd, i32 keyRef);

/* The child of `node` named by the key's bytes, or -1. */
static i32 findChild(i32 node, const u8 *key, i32 length) {
  const i32 *n = nodes + node * NODE_INTS;
  for (i32 i = n[0]; i < n[0] + n[1]; i++) {
    const i32 *child = children + i * CHILD_INTS;
    if (child[1] != length) continue;
    const u8 *name = keyBytes + child[0];
    i32 k = 0;
    while (k < length && name[k] == key[k]) k++;
    if (k == length) return i;
  }
  return -1;
}

static int object(int mode, i32 node, i32 keyStart, i32 keyEnd, i32 keyRef) {
  int pruned = mode == SELECT && nodes[node * NODE_INTS + 3];
  if (mode == SELECT && !pruned) mode = WHOLE;
  if (mode != SKIP) emit(OPEN_OBJECT, keyStart, keyEnd, keyRef, 0, 0, 0);
  p++;
  skipSpace();
  if (p < end && *p == '}') {
    p++;
  } else {
    for (;;) {
      if (p >= end || *p != '"') return 0;
      const u8 *key = ++p;
      i32 keyFlags = 0;
      if (!scanString(&keyFlags, 0)) return 0;
      i32 length = (i32)(p - 1 - key);
      i32 ks = (i32)(key - start), ke = ks + length;
      skipSpace();
      if (p >= end || *p != ':') return 0;
      p++;
      skipSpace();
      int ok;
      if (mode == SKIP) {
        ok = value(SKIP, 0, 0, 0, NO_KEY);
      } else if (mode == WHOLE) {
        ok = value(WHOLE, 0, ks, ke, keyFlags & ESCAPED ? -3 : -1);
      } else {
        /* A key spelled with escapes could still name a kept field: leave the line to JSON.parse. */
        if (keyFlags & ESCAPED) declined = 1;
        i32 child = findChild(node, key, length);
        if (child < 0) {
          ok = value(SKIP, 0, 0, 0, NO_KEY);
        } else {
          i32 lazy = children[child * CHILD_INTS + 3];
          lazyDepth += lazy;
          ok = value(SELECT, children[child * CHILD_INTS + 2], ks, ke, child);
          lazyDepth -= lazy;
        }
      }
      if (!ok) return 0;
      skipSpace();
      if (p < end && *p == ',') {
        p++;
        skipSpace();
        continue;
      }
      if (p < end && *p == '}') {
        p++;
        break;
      }
      return 0;
    }
  }
  if (mode != SKIP) emit(CLOSE_OBJECT, 0, 0, NO_KEY, 0, 0, 0);
  return 1;
}

static int array(int mode, i32 node, i32 keyStart, i32 keyEnd, i32 keyRef) {
  i32 element = mode == SELECT ? nodes[node * NODE_INTS + 2] : -1;
  if (mode == SELECT && element < 0) mode = WHOLE;
  if (mode != SKIP) emit(OPEN_ARRAY, keyStart, keyEnd, keyRef, 0, 0, 0);
  p++;
  skipSpace();
  if (p < end && *p == ']') {
    p++;
  } else {
    for (;;) {
      if (!value(mode, element, 0, 0, NO_KEY)) return 0;
      skipSpace();
      if (p < end && *p == ',') {
        p++;
        skipSpace();
        continue;
      }
      if (p < end && *p == ']') {
        p++;
        break;
      }
      return 0;
    }
  }
  if (mode != SKIP) emit(CLOSE_ARRAY, 0, 0, NO_KEY, 0, 0, 0);
  return 1;
}

static int value(int mode, i32 node, i32 keyStart, i32 keyEnd, i32 keyRef) {
  if (p >= end) return 0;
  u8 c = *p;
  if (c == '{' || c == '[') {
    if (++depth > MAX_DEPTH) {
      declined = 1;
      return 0;
    }
    int ok = c == '{' ? object(mode, node, keyStart, keyEnd, keyRef) : array(mode, node, keyStart, keyEnd, keyRef);
    depth--;
    return ok;
  }
  const u8 *from = p;
  i32 flags = 0, number = 0, kind;
  if (c == '"') {
    p++;
    if (!scanString(&flags, cutsStrings)) return 0;
    if (mode == SKIP) return 1;
    i32 slot = -1;
    if (!(flags & ESCAPED) && lazyDepth == 0) flags |= intern(keyRef, from + 1, (i32)(p - 1 - from - 1), &slot);
    emit(STRING | flags << 8, keyStart, keyEnd, keyRef, (i32)(from + 1 - start), (i32)(p - 1 - start), slot);
    return 1;
  }
  if (c == 't') kind = literal("true", 4) ? TRUE : 0;
  else if (c == 'f') kind = literal("false", 5) ? FALSE : 0;
  else if (c == 'n') kind = literal("null", 4) ? NUL : 0;
  else kind = scanNumber(&flags, &number) ? NUMBER : 0;
  if (!kind) return 0;
  if (mode != SKIP) emit(kind | flags << 8, keyStart, keyEnd, keyRef, (i32)(from - start), (i32)(p - start), number);
  return 1;
}

extern u8 __heap_base;

/* Where the caller may start writing: the spec, then lines and entries (read/select.ts lays them out). */
__attribute__((export_name("heapBase"))) u32 heapBase(void) { return (u32)&__heap_base; }

/* skeleton.ts's cut: strings longer than `keepBytes` in lines longer than `bigLineBytes`. */
__attribute__((export_name("useCut"))) void useCut(i32 bigLineBytes, i32 keepBytes) {
  bigLine = bigLineBytes;
  keep = keepBytes;
}

/* Sets the spec the next lines are read with. */
__attribute__((export_name("useSpec"))) void useSpec(u32 nodesAt, u32 childrenAt, u32 keysAt) {
  nodes = (const i32 *)nodesAt;
  children = (const i32 *)childrenAt;
  keyBytes = (const u8 *)keysAt;
  forgetInterned();
}

/*
 * Reads the line of `length` bytes at `lineAt` and writes at most `max` entries at `outAt`. Returns the
 * number of entries (0: a blank line), INVALID when the line is not a JSON object, DECLINED when the
 * caller should let JSON.parse decide.
 */
__attribute__((export_name("selectLine"))) i32 selectLine(u32 lineAt, i32 length, u32 outAt, i32 max) {
  start = p = (const u8 *)lineAt;
  end = start + length;
  out = (i32 *)outAt;
  capacity = max;
  count = 0;
  depth = 0;
  lazyDepth = 0;
  cutsStrings = length > bigLine;
  declined = 0;
  skipSpace();
  if (p == end) return 0;
  if (*p != '{') return INVALID;
  int ok = value(SELECT, 0, 0, 0, NO_KEY);
  skipSpace();
  i32 result = declined ? DECLINED : !ok || p != end ? INVALID : count;
  if (result < 0) forgetInterned();
  return result;
}
