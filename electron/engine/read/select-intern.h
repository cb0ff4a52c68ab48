/*
 * Included once, from select.c. The last few short strings seen under each spec key. Many values repeat line after line (record
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
