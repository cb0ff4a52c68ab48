;; Finds the long JSON strings in a transcript line, 64 bytes at a time (WebAssembly SIMD).
;;
;; longStrings(len, keep, out, max): the line is in memory at [0, len), followed by 64 zero bytes.
;; Writes the (opening quote, closing quote) positions of every string longer than `keep` bytes as
;; i32 pairs at `out`, at most `max` of them, and returns how many — or -1 when the line ends inside a
;; string. The same answer as the quote-by-quote JavaScript scan in long-strings.ts, several times
;; faster: quotes and backslashes become 64-bit masks, escaped quotes drop out with simdjson's
;; branchless odd-backslash-run arithmetic (Langdale & Lemire, "Parsing Gigabytes of JSON per
;; Second", 2019), and only the remaining, structural quotes are visited one by one.
;;
;; Compiled by `npm run build:wasm` into string-scan-wasm.ts; a test checks the two agree.
(module
  (memory (export "memory") 1)
  (func (export "longStrings") (param $len i32) (param $keep i32) (param $out i32) (param $max i32) (result i32)
    (local $p i32) (local $q i64) (local $b i64) (local $prev i64) (local $in i32) (local $open i32)
    (local $count i32) (local $follows i64) (local $odd i64) (local $seq i64) (local $pos i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $quote v128) (local $slash v128)
    (local.set $quote (i8x16.splat (i32.const 34)))
    (local.set $slash (i8x16.splat (i32.const 92)))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $p) (local.get $len)))
        (local.set $v0 (v128.load (local.get $p)))
        (local.set $v1 (v128.load offset=16 (local.get $p)))
        (local.set $v2 (v128.load offset=32 (local.get $p)))
        (local.set $v3 (v128.load offset=48 (local.get $p)))
        ;; The 64-bit masks of quotes and of backslashes, written out twice: as a function call this
        ;; loop ran a quarter slower (V8 does not inline it).
        (local.set $q
          (i64.or
            (i64.or
              (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v0) (local.get $quote))))
              (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v1) (local.get $quote)))) (i64.const 16)))
            (i64.or
              (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v2) (local.get $quote)))) (i64.const 32))
              (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v3) (local.get $quote)))) (i64.const 48)))))
        (local.set $b
          (i64.or
            (i64.or
              (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v0) (local.get $slash))))
              (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v1) (local.get $slash)))) (i64.const 16)))
            (i64.or
              (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v2) (local.get $slash)))) (i64.const 32))
              (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v3) (local.get $slash)))) (i64.const 48)))))
        ;; Escaped characters (simdjson's branchless find_escaped): quotes after an odd backslash run drop out.
        (if (i64.ne (i64.or (local.get $b) (local.get $prev)) (i64.const 0))
          (then
            (local.set $b (i64.and (local.get $b) (i64.xor (local.get $prev) (i64.const -1))))
            (local.set $follows (i64.or (i64.shl (local.get $b) (i64.const 1)) (local.get $prev)))
            (local.set $odd (i64.and (local.get $b)
              (i64.and (i64.const 0xAAAAAAAAAAAAAAAA) (i64.xor (local.get $follows) (i64.const -1)))))
            (local.set $seq (i64.add (local.get $odd) (local.get $b)))
            (local.set $prev (i64.extend_i32_u (i64.lt_u (local.get $seq) (local.get $odd))))
            (local.set $q (i64.and (local.get $q) (i64.xor
              (i64.and (i64.xor (i64.const 0x5555555555555555) (i64.shl (local.get $seq) (i64.const 1))) (local.get $follows))
              (i64.const -1))))))
        (block $quotes_done
          (loop $quotes
            (br_if $quotes_done (i64.eqz (local.get $q)))
            (local.set $pos (i32.add (local.get $p) (i32.wrap_i64 (i64.ctz (local.get $q)))))
            (local.set $q (i64.and (local.get $q) (i64.sub (local.get $q) (i64.const 1))))
            (if (local.get $in)
              (then
                (local.set $in (i32.const 0))
                (if (i32.gt_u (i32.sub (i32.sub (local.get $pos) (local.get $open)) (i32.const 1)) (local.get $keep))
                  (then
                    (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))) (local.get $open))
                    (i32.store offset=4 (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))) (local.get $pos))
                    (local.set $count (i32.add (local.get $count) (i32.const 1)))
                    (br_if $done (i32.ge_u (local.get $count) (local.get $max))))))
              (else
                (local.set $in (i32.const 1))
                (local.set $open (local.get $pos))))
            (br $quotes)))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $blocks)))
    (if (result i32) (local.get $in) (then (i32.const -1)) (else (local.get $count))))
)
