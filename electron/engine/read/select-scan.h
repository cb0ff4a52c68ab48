/*
 * Scanning JSON tokens on a line for select.c: strings (64 bytes at a time), numbers and literals, with
 * the checks JSON.parse makes. Part of select.c's one translation unit (included once, from there).
 */
#include <stdint.h>
#include <wasm_simd128.h>

typedef uint8_t u8;
typedef int32_t i32;
typedef uint32_t u32;

/* Entry flags (kind | flags << 8). SAME: a string this spec key held lately (select-intern.h). */
enum { ESCAPED = 1, NON_ASCII = 2, SMALL_INT = 4, SAME = 8 };

static const u8 *start;
static const u8 *p;
static const u8 *end;
/* skeleton.ts's cut, given by the caller: in a line longer than bigLine, strings keep `keep` bytes. */
static i32 bigLine = 1 << 30;
static i32 keep = 1 << 30;
static int cutsStrings;

static inline int isSpace(u8 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static inline void skipSpace(void) { while (p < end && isSpace(*p)) p++; }

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
/*
 * The bytes of a 64-byte block that a backslash escapes, simdjson's way: an odd run of backslashes
 * escapes the byte after it, worked out for all 64 at once. `carried`: whether the previous block ended
 * in such a run (updated for the next).
 */
static inline uint64_t escapedBytes(uint64_t backslashes, uint64_t *carried) {
  if (!(backslashes | *carried)) return 0;
  const uint64_t even = 0x5555555555555555ULL;
  uint64_t starts = backslashes & ~*carried;
  uint64_t followsEscape = starts << 1 | *carried;
  uint64_t oddStarts = starts & ~even & ~followsEscape;
  uint64_t sum;
  *carried = __builtin_add_overflow(oddStarts, starts, &sum);
  return (even ^ (sum << 1)) & followsEscape;
}

static int laxRest(const u8 *from, uint64_t carried, i32 *flags);

/* `mayCut`: a value in a long line, which skeleton.ts would cut (keys never are). */
static int scanString(i32 *flags, int mayCut) {
  const u8 *from = p;
  const v128_t quoteByte = wasm_i8x16_splat('"'), backslashByte = wasm_i8x16_splat('\\'), space = wasm_i8x16_splat(0x20);
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
    uint64_t escaped = escapedBytes(backslashes, &carried);
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
  uint64_t lastStars = 0;
  int stars = 0;
  for (;;) {
    if (p >= end) return 0;
    v128_t a = wasm_v128_load(p), b = wasm_v128_load(p + 16), c = wasm_v128_load(p + 32), d = wasm_v128_load(p + 48);
    uint64_t quotes = EQ64(quoteByte);
    uint64_t backslashes = EQ64(backslashByte);
    uint64_t escaped = escapedBytes(backslashes, &carried);
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
