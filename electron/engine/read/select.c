/*
 * Selective JSON reading for transcript lines, compiled to WebAssembly (`npm run build:wasm`).
 *
 * `select_line` validates one line as a JSON object — the whole grammar: structure, strings and their
 * escapes, numbers, literals — and writes out only the parts a source reads, as a flat list of entries
 * (see read/select.ts, which turns them into a plain object). What to keep is a tree of keys given by
 * the caller (the field spec): below an object whose spec lists keys, other keys are checked and
 * skipped; everything else (a key listed without a spec of its own, an object or array where the spec
 * expected the other) is kept whole, so an unexpected shape is never cut short.
 *
 * It only ever says "valid" for a line JSON.parse would accept; when it answers anything else — invalid,
 * a key written with escapes, nesting too deep, too many entries — the caller parses the line with
 * JSON.parse as before, so every decision about a doubtful line stays JSON.parse's own.
 */
#include <stdint.h>
#include <wasm_simd128.h>

typedef uint8_t u8;
typedef int32_t i32;
typedef uint32_t u32;

/* Entry kinds. */
enum { OPEN_OBJECT = 1, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY, STRING, NUMBER, TRUE, FALSE, NUL };
/* Entry flags (kind | flags << 8). SAME: the string is the one this spec key held last time (see below). */
enum { ESCAPED = 1, NON_ASCII = 2, SMALL_INT = 4, SAME = 8 };
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

/*
 * The last few short strings seen under each spec key. Many values repeat line after line (record
 * types, the working folder, branch, session id, model): such a value is marked SAME, with the slot it
 * was kept in, and the caller reuses the string it made then instead of decoding it again. Both sides
 * fill the same slot with the same string; a line the caller does not build from (declined, invalid) or
 * a new spec empties this side, after which nothing is marked SAME until it has been seen — and made by
 * the caller — again.
 */
#define MAX_CHILDREN 256
#define SLOTS 4
#define INTERN_BYTES 128
static u8 internBytes[MAX_CHILDREN][SLOTS][INTERN_BYTES];
static i32 internLength[MAX_CHILDREN][SLOTS];
static i32 nextSlot[MAX_CHILDREN];

static void forgetInterned(void) {
  for (i32 i = 0; i < MAX_CHILDREN; i++)
    for (i32 slot = 0; slot < SLOTS; slot++) internLength[i][slot] = -1;
}

/* SAME when the string at `from` is one `child` held lately (its slot in *slotOut); else keeps it in the next slot. */
static i32 intern(i32 child, const u8 *from, i32 length, i32 *slotOut) {
  if (child < 0 || child >= MAX_CHILDREN || length > INTERN_BYTES) return 0;
  for (i32 slot = 0; slot < SLOTS; slot++) {
    if (internLength[child][slot] != length) continue;
    const u8 *kept = internBytes[child][slot];
    i32 k = 0;
    while (k < length && kept[k] == from[k]) k++;
    if (k == length) {
      *slotOut = slot;
      return SAME;
    }
  }
  i32 slot = nextSlot[child];
  nextSlot[child] = (slot + 1) % SLOTS;
  u8 *kept = internBytes[child][slot];
  for (i32 k = 0; k < length; k++) kept[k] = from[k];
  internLength[child][slot] = length;
  *slotOut = slot;
  return 0;
}

static const u8 *start;
static const u8 *p;
static const u8 *end;
/* skeleton.ts's cut, given by the caller: in a line longer than bigLine, strings keep `keep` bytes. */
static i32 bigLine = 1 << 30;
static i32 keep = 1 << 30;
static int cutsStrings;
static i32 *out;
/* Inside a field the caller builds lazily, nothing is interned: it may never mirror those strings. */
static i32 lazyDepth;
static i32 count;
static i32 capacity;
static i32 depth;
static i32 declined;

static inline int isSpace(u8 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static inline void skipSpace(void) { while (p < end && isSpace(*p)) p++; }

static void emit(i32 kind, i32 keyStart, i32 keyEnd, i32 keyRef, i32 valueStart, i32 valueEnd, i32 value) {
  if (count >= capacity) {
    declined = 1;
    return;
  }
  i32 *e = out + count * ENTRY_INTS;
  e[0] = kind; e[1] = keyStart; e[2] = keyEnd; e[3] = keyRef; e[4] = valueStart; e[5] = valueEnd; e[6] = value;
  count++;
}

static inline int isHex(u8 c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

static inline int validEscape(const u8 *at) {
  switch (*at) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      return 1;
    case 'u':
      return isHex(at[1]) && isHex(at[2]) && isHex(at[3]) && isHex(at[4]);
    default:
      return 0;
  }
}

static inline uint64_t bits64(v128_t a, v128_t b, v128_t c, v128_t d) {
  return (uint64_t)wasm_i8x16_bitmask(a) | (uint64_t)wasm_i8x16_bitmask(b) << 16 | (uint64_t)wasm_i8x16_bitmask(c) << 32 |
         (uint64_t)wasm_i8x16_bitmask(d) << 48;
}

#define EQ64(x) bits64(wasm_i8x16_eq(a, x), wasm_i8x16_eq(b, x), wasm_i8x16_eq(c, x), wasm_i8x16_eq(d, x))

/*
 * Which bytes may follow a backslash (" \\ / b f n r t u), by two table lookups on the byte's nibbles
 * (simdjson's trick): each high nibble of the set has a bit, and the low-nibble table lists, for each
 * low nibble, the bits of the high nibbles it pairs with. Bytes of 0x80 and up look up zero.
 */
static inline v128_t escapeLetter(v128_t v) {
  const v128_t low = wasm_i8x16_make(0, 0, 0x0d, 0, 8, 8, 4, 0, 0, 0, 0, 0, 2, 0, 4, 1);
  const v128_t high = wasm_i8x16_make(0, 0, 1, 0, 0, 2, 4, 8, 0, 0, 0, 0, 0, 0, 0, 0);
  v128_t lo = wasm_i8x16_swizzle(low, wasm_v128_and(v, wasm_i8x16_splat(0x0f)));
  v128_t hi = wasm_i8x16_swizzle(high, wasm_u8x16_shr(v, 4));
  return wasm_v128_not(wasm_i8x16_eq(wasm_v128_and(lo, hi), wasm_i8x16_splat(0)));
}

static inline uint64_t escapeLetters(v128_t a, v128_t b, v128_t c, v128_t d) {
  return bits64(escapeLetter(a), escapeLetter(b), escapeLetter(c), escapeLetter(d));
}

/*
 * From just past an opening quote to just past the closing one; 0 when the string is not valid JSON.
 * 64 bytes at a time, as simdjson does: which characters are escaped is worked out for the whole block
 * from the backslash positions (odd runs escape the next byte), so escapes cost no branch per byte; only
 * each escape's letter is then checked. The caller pads the line with zeros, which end a string that
 * runs past the line as invalid (a control character).
 */
static int laxRest(const u8 *from, uint64_t carried, i32 *flags);

/* `mayCut`: a value in a long line, which skeleton.ts would cut (keys never are). */
static int scanString(i32 *flags, int mayCut) {
  const u8 *from = p;
  const v128_t quoteByte = wasm_i8x16_splat('"'), backslashByte = wasm_i8x16_splat('\\'), space = wasm_i8x16_splat(0x20);
  const uint64_t even = 0x5555555555555555ULL;
  /* Most strings are short: one 16-byte look settles them. */
  v128_t head = wasm_v128_load(p);
  u32 quote = wasm_i8x16_bitmask(wasm_i8x16_eq(head, quoteByte));
  if (quote) {
    u32 before = (quote & (0 - quote)) - 1;
    u32 stops = wasm_i8x16_bitmask(wasm_v128_or(wasm_i8x16_eq(head, backslashByte), wasm_u8x16_lt(head, space)));
    if (!(stops & before)) {
      if (wasm_i8x16_bitmask(head) & before) *flags |= NON_ASCII;
      p += __builtin_ctz(quote) + 1;
      return 1;
    }
  }
  uint64_t carried = 0;
  for (;;) {
    v128_t a = wasm_v128_load(p), b = wasm_v128_load(p + 16), c = wasm_v128_load(p + 32), d = wasm_v128_load(p + 48);
    uint64_t quotes = EQ64(quoteByte);
    uint64_t backslashes = EQ64(backslashByte);
    uint64_t escaped = 0;
    if (backslashes | carried) {
      uint64_t starts = backslashes & ~carried;
      uint64_t followsEscape = starts << 1 | carried;
      uint64_t oddStarts = starts & ~even & ~followsEscape;
      uint64_t sum;
      carried = __builtin_add_overflow(oddStarts, starts, &sum);
      escaped = (even ^ (sum << 1)) & followsEscape;
    }
    uint64_t closing = quotes & ~escaped;
    uint64_t inside = closing ? (closing & (0 - closing)) - 1 : ~0ULL;
    /* Control characters are rare (tabs between tokens): their positions are only worked out when present. */
    v128_t low = wasm_v128_or(wasm_v128_or(wasm_u8x16_lt(a, space), wasm_u8x16_lt(b, space)), wasm_v128_or(wasm_u8x16_lt(c, space), wasm_u8x16_lt(d, space)));
    if (wasm_v128_any_true(low)) {
      uint64_t control = bits64(wasm_u8x16_lt(a, space), wasm_u8x16_lt(b, space), wasm_u8x16_lt(c, space), wasm_u8x16_lt(d, space));
      if (control & inside) return 0;
    }
    /* A hint for decoding only (UTF-8 rather than Latin-1): a non-ASCII byte past the string may set it too. */
    if (wasm_i8x16_bitmask(wasm_v128_or(wasm_v128_or(a, b), wasm_v128_or(c, d)))) *flags |= NON_ASCII;
    if (backslashes & inside) *flags |= ESCAPED;
    uint64_t letters = escaped & inside;
    if (letters) {
      if (letters & ~escapeLetters(a, b, c, d)) return 0;
      for (uint64_t u = letters & EQ64(wasm_i8x16_splat('u')); u; u &= u - 1)
        if (!validEscape(p + __builtin_ctzll(u))) return 0;
    }
    if (closing) {
      p += __builtin_ctzll(closing) + 1;
      return 1;
    }
    p += 64;
    if (mayCut && p - from >= keep + 64) return laxRest(from, carried, flags);
  }
}

/*
 * The rest of a long string in a long line, past what skeleton.ts keeps of it. JSON.parse never sees
 * those bytes (the line is cut before it is parsed), so only the closing quote is looked for here, not
 * control characters or escape letters: checking them would turn lines away that the JSON.parse path
 * accepts. A string holding an apply_patch body is not cut, though: one with "***" in it is checked
 * again from its start, strictly.
 */
static int laxRest(const u8 *from, uint64_t carried, i32 *flags) {
  const v128_t quoteByte = wasm_i8x16_splat('"'), backslashByte = wasm_i8x16_splat('\\'), starByte = wasm_i8x16_splat('*');
  const uint64_t even = 0x5555555555555555ULL;
  uint64_t lastStars = 0;
  int stars = 0;
  for (;;) {
    if (p >= end) return 0;
    v128_t a = wasm_v128_load(p), b = wasm_v128_load(p + 16), c = wasm_v128_load(p + 32), d = wasm_v128_load(p + 48);
    uint64_t quotes = EQ64(quoteByte);
    uint64_t backslashes = EQ64(backslashByte);
    uint64_t escaped = 0;
    if (backslashes | carried) {
      uint64_t starts = backslashes & ~carried;
      uint64_t followsEscape = starts << 1 | carried;
      uint64_t oddStarts = starts & ~even & ~followsEscape;
      uint64_t sum;
      carried = __builtin_add_overflow(oddStarts, starts, &sum);
      escaped = (even ^ (sum << 1)) & followsEscape;
    }
    uint64_t star = EQ64(starByte);
    if (star & (star >> 1) & (star >> 2)) stars = 1;
    if ((lastStars >> 62 & 3) == 3 && (star & 1)) stars = 1;
    if ((lastStars >> 63) && (star & 3) == 3) stars = 1;
    lastStars = star;
    uint64_t closing = quotes & ~escaped;
    if (closing) {
      const u8 *quote = p + __builtin_ctzll(closing);
      if (quote >= end) return 0;
      if (!stars) {
        p = quote + 1;
        return 1;
      }
      p = from;
      *flags = 0;
      return scanString(flags, 0);
    }
    p += 64;
  }
}

static inline int isDigit(u8 c) { return c >= '0' && c <= '9'; }

/* A JSON number; its value too when it is a whole number of at most nine digits (not -0). */
static int scanNumber(i32 *flags, i32 *value) {
  int negative = 0;
  if (*p == '-') {
    negative = 1;
    p++;
  }
  if (p >= end) return 0;
  const u8 *digits = p;
  i32 whole = 0;
  if (*p == '0') {
    p++;
  } else if (*p >= '1' && *p <= '9') {
    while (p < end && isDigit(*p)) {
      if (p - digits < 9) whole = whole * 10 + (*p - '0');
      p++;
    }
  } else {
    return 0;
  }
  int plain = p - digits <= 9;
  if (p < end && *p == '.') {
    plain = 0;
    p++;
    if (p >= end || !isDigit(*p)) return 0;
    while (p < end && isDigit(*p)) p++;
  }
  if (p < end && (*p | 0x20) == 'e') {
    plain = 0;
    p++;
    if (p < end && (*p == '+' || *p == '-')) p++;
    if (p >= end || !isDigit(*p)) return 0;
    while (p < end && isDigit(*p)) p++;
  }
  if (plain && !(negative && whole == 0)) {
    *flags |= SMALL_INT;
    *value = negative ? -whole : whole;
  }
  return 1;
}

static int literal(const char *word, int length) {
  if (end - p < length) return 0;
  for (int i = 0; i < length; i++)
    if (p[i] != (u8)word[i]) return 0;
  p += length;
  return 1;
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
