// Generates the WebAssembly text of the cracker's SIMD engine and compiles it with wabt.
//
// HMAC-SHA-256 runs four candidates at once in the lanes of i32x4 vectors; HMAC-SHA-384/512 runs two
// in i64x2. Per group of candidates: the key blocks (ipad, opad), the message blocks of the inner
// hash with a schedule the host computed once per token (the signing input never changes), and the
// outer digest block; the first MAC word is compared in all lanes at once, the rest only on a match.
// Every compression is unrolled here, with the working variables renamed instead of moved, because
// WebAssembly has no macros and the compiler in the browser does not unroll.
//
// Memory layout (byte offsets; the host writes the schedule table, the target and the candidates):
//   0    key scratch: one zero-padded key block per lane (4 × 64 or 2 × 128 bytes)
//   256  key words as vectors (16 × v128), big-endian words, lane i = candidate i of the group
//   512  block words for the next compression (16 × v128)
//   768  hash state (8 × v128)
//   896  inner hash state (8 × v128)
//   1024 the target MAC as native words (8 × i32 for SHA-256, 8 × i64 for SHA-384/512)
//   2048 and up: the host's schedule table (K + W per message block), then candidate offsets and bytes

const KEYS = 0
const KEYV = 256
const WBUF = 512
const ST = 768
const INNER = 896
const TARGET = 1024

// The SHA-2 constants are derived here rather than copied (FIPS 180-4 §4.2.2, §4.2.3, §5.3): the first 64
// bits of the fractional parts of the cube roots of the first 80 primes (K) and of the square roots of the
// first 8 primes (SHA-512's initial value) and of the 9th to 16th (SHA-384's). SHA-256 takes the first 32 bits
// of the first 64 K and of SHA-512's initial value. A unit test compares the built module with the
// committed one, and the cracker's tests compare its MACs with node:crypto's.
const PRIMES = []
for (let n = 2; PRIMES.length < 80; n++) if (PRIMES.every((p) => n % p !== 0)) PRIMES.push(n)

/** floor(x^(1/k)) of a BigInt, by Newton's method. */
function integerRoot(x, k) {
  // A first guess above the root: 2^ceil(bits / k).
  let r = 1n << BigInt(Math.ceil(x.toString(2).length / Number(k)))
  for (;;) {
    const next = ((k - 1n) * r + x / r ** (k - 1n)) / k
    if (next >= r) return r
    r = next
  }
}

/** The first 64 bits of the fractional part of prime^(1/k), as 16 hex digits. */
const fraction64 = (prime, k) => (integerRoot(BigInt(prime) << (64n * k), k) & ((1n << 64n) - 1n)).toString(16).padStart(16, '0')

const K512 = PRIMES.map((p) => fraction64(p, 3n))
const IV512 = PRIMES.slice(0, 8).map((p) => fraction64(p, 2n))
const IV384 = PRIMES.slice(8, 16).map((p) => fraction64(p, 2n))
const K256 = K512.slice(0, 64).map((h) => Number.parseInt(h.slice(0, 8), 16))
const IV256 = IV512.map((h) => Number.parseInt(h.slice(0, 8), 16))

const hex32 = (n) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`
const get = (name) => `(local.get $${name})`

/** Operations on vectors of 32-bit or 64-bit lanes, so one round description serves both hashes. */
function lanes(bits) {
  const t = bits === 32 ? 'i32x4' : 'i64x2'
  // A rotation by a whole number of bytes is one shuffle instead of two shifts and an or.
  const byteRotr = (x, n) => {
    const k = bits / 8, m = n / 8
    const mask = Array.from({ length: 16 }, (_, i) => Math.floor(i / k) * k + ((i % k) + m) % k)
    return `(i8x16.shuffle ${mask.join(' ')} ${get(x)} ${get(x)})`
  }
  const rotr = (x, n) => (n % 8 === 0 ? byteRotr(x, n) : `(v128.or (${t}.shr_u ${get(x)} (i32.const ${n})) (${t}.shl ${get(x)} (i32.const ${bits - n})))`)
  const shr = (x, n) => `(${t}.shr_u ${get(x)} (i32.const ${n}))`
  const xor = (...a) => a.reduce((p, c) => `(v128.xor ${p} ${c})`)
  const add = (...a) => a.reduce((p, c) => `(${t}.add ${p} ${c})`)
  const splat = (k) => (bits === 32 ? `(v128.const i32x4 ${hex32(k)} ${hex32(k)} ${hex32(k)} ${hex32(k)})` : `(v128.const i64x2 0x${k} 0x${k})`)
  const rot = bits === 32
    ? { S0: [2, 13, 22], S1: [6, 11, 25], s0: [7, 18, 3], s1: [17, 19, 10] }
    : { S0: [28, 34, 39], S1: [14, 18, 41], s0: [1, 8, 7], s1: [19, 61, 6] }
  return {
    t, xor, add, splat,
    S0: (x) => xor(rotr(x, rot.S0[0]), rotr(x, rot.S0[1]), rotr(x, rot.S0[2])),
    S1: (x) => xor(rotr(x, rot.S1[0]), rotr(x, rot.S1[1]), rotr(x, rot.S1[2])),
    s0: (x) => xor(rotr(x, rot.s0[0]), rotr(x, rot.s0[1]), shr(x, rot.s0[2])),
    s1: (x) => xor(rotr(x, rot.s1[0]), rotr(x, rot.s1[1]), shr(x, rot.s1[2])),
  }
}

/**
 * One round on the named working variables; `kw` is the expression of K[t] + W[t]. Returns the
 * names for the next round (the eight variables rotate by renaming).
 */
function round(ops, s, kw, out, t) {
  const [a, b, c, d, e, f, g, h] = s
  const ch = `(v128.xor ${get(g)} (v128.and ${get(e)} (v128.xor ${get(f)} ${get(g)})))`
  // Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)); this round's b ^ c is the last round's a ^ b, so it
  // costs three operations instead of four. The two names alternate between rounds.
  const [ab, bc] = t % 2 === 0 ? ['x0', 'x1'] : ['x1', 'x0']
  out.push(`(local.set $${ab} (v128.xor ${get(a)} ${get(b)}))`)
  const maj = `(v128.xor ${get(b)} (v128.and ${get(ab)} ${get(bc)}))`
  out.push(`(local.set $${h} ${ops.add(get(h), ops.S1(e), ch, kw)})`)
  out.push(`(local.set $${d} ${ops.add(get(d), get(h))})`)
  out.push(`(local.set $${h} ${ops.add(get(h), ops.S0(a), maj)})`)
  return [h, a, b, c, d, e, f, g]
}

const STATE = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
const stateLocals = [...STATE, 'x0', 'x1'].map((n) => `(local $${n} v128)`).join(' ')
/** Loads the state, and b ^ c for the first round's Maj. */
const loadState = () => [
  ...STATE.map((n, i) => `(local.set $${n} (v128.load offset=${ST + 16 * i} (i32.const 0)))`),
  `(local.set $x1 (v128.xor ${get('b')} ${get('c')}))`,
]
const storeState = (ops) => STATE.map((n, i) => `(v128.store offset=${ST + 16 * i} (i32.const 0) ${ops.add(`(v128.load offset=${ST + 16 * i} (i32.const 0))`, get(n))})`)

/** Compression of the 16 block words at WBUF into the state at ST, schedule in sixteen locals. */
function compressW(name, bits, K) {
  const ops = lanes(bits)
  const out = []
  const w = Array.from({ length: 16 }, (_, j) => `w${j}`)
  out.push(...loadState())
  for (let j = 0; j < 16; j++) out.push(`(local.set $w${j} (v128.load offset=${WBUF + 16 * j} (i32.const 0)))`)
  let s = STATE
  for (let t = 0; t < K.length; t++) {
    const j = t % 16
    if (t >= 16) {
      out.push(`(local.set $${w[j]} ${ops.add(ops.s1(w[(t - 2) % 16]), get(w[(t - 7) % 16]), ops.s0(w[(t - 15) % 16]), get(w[j]))})`)
    }
    s = round(ops, s, ops.add(get(w[j]), ops.splat(K[t])), out, t)
  }
  out.push(...storeState(ops))
  return `(func $${name} ${stateLocals} ${w.map((n) => `(local $${n} v128)`).join(' ')}\n  ${out.join('\n  ')})`
}

/** Compression with a precomputed K + W table at `$p` (one word per round, the same in all lanes). */
function compressKW(name, bits, rounds) {
  const ops = lanes(bits)
  const out = [...loadState()]
  const size = bits / 8
  let s = STATE
  for (let t = 0; t < rounds; t++) s = round(ops, s, `(v128.load${bits}_splat offset=${size * t} ${get('p')})`, out, t)
  out.push(...storeState(ops))
  return `(func $${name} (param $p i32) ${stateLocals}\n  ${out.join('\n  ')})`
}

/** Bytes `[a..a+3]` reversed, for a shuffle mask. */
const rev = (from, n) => Array.from({ length: n }, (_, i) => from + n - 1 - i)

/** Candidate `i` of the group (the last real one stands in for missing lanes): its key into lane scratch. */
function loadLane(lane, blockBytes) {
  const out = []
  out.push(`(local.set $i (select (i32.add ${get('g')} (i32.const ${lane})) (i32.sub ${get('count')} (i32.const 1)) (i32.lt_u (i32.add ${get('g')} (i32.const ${lane})) ${get('count')})))`)
  out.push(`(local.set $start (i32.load (i32.add ${get('offs')} (i32.shl ${get('i')} (i32.const 2)))))`)
  out.push(`(local.set $len (i32.sub (i32.load offset=4 (i32.add ${get('offs')} (i32.shl ${get('i')} (i32.const 2)))) ${get('start')}))`)
  for (let k = 0; k < blockBytes; k += 16) out.push(`(v128.store offset=${KEYS + lane * blockBytes + k} (i32.const 0) (v128.const i64x2 0 0))`)
  out.push(`(memory.copy (i32.const ${KEYS + lane * blockBytes}) (i32.add ${get('base')} ${get('start')}) ${get('len')})`)
  return out
}

/** SHA-256 key blocks of four lanes → 16 vectors of big-endian words (4×4 transposes with the byte swap folded in). */
function transpose256() {
  const out = []
  const lo = [...rev(0, 4), ...rev(16, 4), ...rev(4, 4), ...rev(20, 4)]
  const hi = [...rev(8, 4), ...rev(24, 4), ...rev(12, 4), ...rev(28, 4)]
  const first = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]
  const second = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31]
  const row = (lane, j) => `(v128.load offset=${KEYS + lane * 64 + 16 * j} (i32.const 0))`
  for (let j = 0; j < 4; j++) {
    out.push(`(local.set $t0 (i8x16.shuffle ${lo.join(' ')} ${row(0, j)} ${row(1, j)}))`)
    out.push(`(local.set $t1 (i8x16.shuffle ${hi.join(' ')} ${row(0, j)} ${row(1, j)}))`)
    out.push(`(local.set $t2 (i8x16.shuffle ${lo.join(' ')} ${row(2, j)} ${row(3, j)}))`)
    out.push(`(local.set $t3 (i8x16.shuffle ${hi.join(' ')} ${row(2, j)} ${row(3, j)}))`)
    out.push(`(v128.store offset=${KEYV + 16 * (4 * j)} (i32.const 0) (i8x16.shuffle ${first.join(' ')} ${get('t0')} ${get('t2')}))`)
    out.push(`(v128.store offset=${KEYV + 16 * (4 * j + 1)} (i32.const 0) (i8x16.shuffle ${second.join(' ')} ${get('t0')} ${get('t2')}))`)
    out.push(`(v128.store offset=${KEYV + 16 * (4 * j + 2)} (i32.const 0) (i8x16.shuffle ${first.join(' ')} ${get('t1')} ${get('t3')}))`)
    out.push(`(v128.store offset=${KEYV + 16 * (4 * j + 3)} (i32.const 0) (i8x16.shuffle ${second.join(' ')} ${get('t1')} ${get('t3')}))`)
  }
  return out
}

/** SHA-512 key blocks of two lanes → 16 vectors of big-endian 64-bit words. */
function transpose512() {
  const out = []
  const even = [...rev(0, 8), ...rev(16, 8)]
  const odd = [...rev(8, 8), ...rev(24, 8)]
  for (let m = 0; m < 8; m++) {
    const r0 = `(v128.load offset=${KEYS + 16 * m} (i32.const 0))`
    const r1 = `(v128.load offset=${KEYS + 128 + 16 * m} (i32.const 0))`
    out.push(`(v128.store offset=${KEYV + 16 * (2 * m)} (i32.const 0) (i8x16.shuffle ${even.join(' ')} ${r0} ${r1}))`)
    out.push(`(v128.store offset=${KEYV + 16 * (2 * m + 1)} (i32.const 0) (i8x16.shuffle ${odd.join(' ')} ${r0} ${r1}))`)
  }
  return out
}

/** WBUF = key words XOR the pad byte repeated. */
function padKey(pad) {
  // The pad byte repeated is the same bit pattern whether the lanes are 32 or 64 bits wide.
  const mask = `(v128.const i32x4 ${[pad, pad, pad, pad].map(hex32).join(' ')})`
  return Array.from({ length: 16 }, (_, j) => `(v128.store offset=${WBUF + 16 * j} (i32.const 0) (v128.xor (v128.load offset=${KEYV + 16 * j} (i32.const 0)) ${mask}))`)
}

const storeIv = (ops, iv) => iv.map((k, i) => `(v128.store offset=${ST + 16 * i} (i32.const 0) ${ops.splat(k)})`)
const copyState = (from, to) => STATE.map((_, i) => `(v128.store offset=${to + 16 * i} (i32.const 0) (v128.load offset=${from + 16 * i} (i32.const 0)))`)

/**
 * `$hs256(kw, blocks, count, offs, base) → index | -1`: candidate i is the bytes
 * `[base + offs[i], base + offs[i + 1])` (at most 64; the host hashes longer keys first, as HMAC does).
 */
function hs256() {
  const ops = lanes(32)
  const body = []
  body.push(`(local.set $g (i32.const 0))`)
  body.push(`(block $done (loop $group`)
  body.push(`(br_if $done (i32.ge_u ${get('g')} ${get('count')}))`)
  for (let lane = 0; lane < 4; lane++) body.push(...loadLane(lane, 64))
  body.push(...transpose256())
  body.push(...padKey(0x36363636), ...storeIv(ops, IV256), `(call $c256w)`)
  body.push(`(local.set $p ${get('kw')}) (local.set $b ${get('blocks')})`)
  body.push(`(block $inner_done (loop $inner (br_if $inner_done (i32.eqz ${get('b')})) (call $c256kw ${get('p')}) (local.set $p (i32.add ${get('p')} (i32.const 256))) (local.set $b (i32.sub ${get('b')} (i32.const 1))) (br $inner)))`)
  body.push(...copyState(ST, INNER))
  body.push(...padKey(0x5c5c5c5c), ...storeIv(ops, IV256), `(call $c256w)`)
  body.push(...copyState(INNER, WBUF))
  body.push(`(v128.store offset=${WBUF + 16 * 8} (i32.const 0) ${ops.splat(0x80000000)})`)
  for (let j = 9; j < 15; j++) body.push(`(v128.store offset=${WBUF + 16 * j} (i32.const 0) (v128.const i64x2 0 0))`)
  body.push(`(v128.store offset=${WBUF + 16 * 15} (i32.const 0) ${ops.splat((64 + 32) * 8)})`)
  body.push(`(call $c256w)`)
  // One word rejects all but one group in a billion; the full comparison runs only then.
  body.push(`(if (v128.any_true (i32x4.eq (v128.load offset=${ST} (i32.const 0)) (i32x4.splat (i32.load offset=${TARGET} (i32.const 0))))) (then`)
  for (let lane = 0; lane < 4; lane++) {
    const checks = Array.from({ length: 8 }, (_, w) => `(i32.eq (i32x4.extract_lane ${lane} (v128.load offset=${ST + 16 * w} (i32.const 0))) (i32.load offset=${TARGET + 4 * w} (i32.const 0)))`)
    const all = [`(i32.lt_u (i32.add ${get('g')} (i32.const ${lane})) ${get('count')})`, ...checks].reduce((p, c) => `(i32.and ${p} ${c})`)
    body.push(`(if ${all} (then (return (i32.add ${get('g')} (i32.const ${lane})))))`)
  }
  body.push(`))`)
  body.push(`(local.set $g (i32.add ${get('g')} (i32.const 4)))`)
  body.push(`(br $group)))`)
  body.push(`(i32.const -1)`)
  return `(func $hs256 (export "hs256") (param $kw i32) (param $blocks i32) (param $count i32) (param $offs i32) (param $base i32) (result i32)
  (local $g i32) (local $i i32) (local $start i32) (local $len i32) (local $p i32) (local $b i32)
  (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
  ${body.join('\n  ')})`
}

/**
 * `$hs512(kw, blocks, count, offs, base, words) → index | -1`, two lanes; `words` is 6 for HS384
 * (its own initial value, a 48-byte MAC) and 8 for HS512. Keys are at most 128 bytes.
 */
function hs512() {
  const ops = lanes(64)
  const body = []
  const iv = (list) => [...storeIv(ops, list)].join(' ')
  const setIv = `(if (i32.eq ${get('words')} (i32.const 6)) (then ${iv(IV384)}) (else ${iv(IV512)}))`
  body.push(`(local.set $g (i32.const 0))`)
  body.push(`(block $done (loop $group`)
  body.push(`(br_if $done (i32.ge_u ${get('g')} ${get('count')}))`)
  for (let lane = 0; lane < 2; lane++) body.push(...loadLane(lane, 128))
  body.push(...transpose512())
  body.push(...padKey(0x36363636), setIv, `(call $c512w)`)
  body.push(`(local.set $p ${get('kw')}) (local.set $b ${get('blocks')})`)
  body.push(`(block $inner_done (loop $inner (br_if $inner_done (i32.eqz ${get('b')})) (call $c512kw ${get('p')}) (local.set $p (i32.add ${get('p')} (i32.const 640))) (local.set $b (i32.sub ${get('b')} (i32.const 1))) (br $inner)))`)
  body.push(...copyState(ST, INNER))
  body.push(...padKey(0x5c5c5c5c), setIv, `(call $c512w)`)
  body.push(...copyState(INNER, WBUF))
  const tail = (words) => [
    ...Array.from({ length: 15 - words - 1 }, (_, k) => `(v128.store offset=${WBUF + 16 * (words + 1 + k)} (i32.const 0) (v128.const i64x2 0 0))`),
    `(v128.store offset=${WBUF + 16 * words} (i32.const 0) ${ops.splat('8000000000000000')})`,
    `(v128.store offset=${WBUF + 16 * 15} (i32.const 0) ${ops.splat(((128 + 8 * words) * 8).toString(16).padStart(16, '0'))})`,
  ].join(' ')
  body.push(`(if (i32.eq ${get('words')} (i32.const 6)) (then ${tail(6)}) (else ${tail(8)}))`)
  body.push(`(call $c512w)`)
  body.push(`(if (v128.any_true (i64x2.eq (v128.load offset=${ST} (i32.const 0)) (i64x2.splat (i64.load offset=${TARGET} (i32.const 0))))) (then`)
  for (let lane = 0; lane < 2; lane++) {
    const eq = (w) => `(i64.eq (i64x2.extract_lane ${lane} (v128.load offset=${ST + 16 * w} (i32.const 0))) (i64.load offset=${TARGET + 8 * w} (i32.const 0)))`
    const six = Array.from({ length: 6 }, (_, w) => eq(w))
    const last = `(i32.or (i32.eq ${get('words')} (i32.const 6)) (i32.and ${eq(6)} ${eq(7)}))`
    const all = [`(i32.lt_u (i32.add ${get('g')} (i32.const ${lane})) ${get('count')})`, ...six, last].reduce((p, c) => `(i32.and ${p} ${c})`)
    body.push(`(if ${all} (then (return (i32.add ${get('g')} (i32.const ${lane})))))`)
  }
  body.push(`))`)
  body.push(`(local.set $g (i32.add ${get('g')} (i32.const 2)))`)
  body.push(`(br $group)))`)
  body.push(`(i32.const -1)`)
  return `(func $hs512 (export "hs512") (param $kw i32) (param $blocks i32) (param $count i32) (param $offs i32) (param $base i32) (param $words i32) (result i32)
  (local $g i32) (local $i i32) (local $start i32) (local $len i32) (local $p i32) (local $b i32)
  ${body.join('\n  ')})`
}

/** The module's text. */
export function hmacSimdWat() {
  return `;; Generated by scripts/wasm/hmac-simd.mjs: HMAC-SHA-256 (4 lanes) and HMAC-SHA-384/512 (2 lanes).
(module
(memory (export "memory") 1)
${compressW('c256w', 32, K256)}
${compressKW('c256kw', 32, 64)}
${compressW('c512w', 64, K512)}
${compressKW('c512kw', 64, 80)}
${hs256()}
${hs512()}
)
`
}

/** Compiles {@link hmacSimdWat} to a binary module (deterministic: same text, same bytes). */
export async function buildHmacSimdWasm() {
  const { default: initWabt } = await import('wabt')
  const wabt = await initWabt()
  const module = wabt.parseWat('hmac-simd.wat', hmacSimdWat(), { simd: true, bulk_memory: true })
  try {
    module.validate()
    return new Uint8Array(module.toBinary({ log: false, write_debug_names: false }).buffer)
  } finally {
    module.destroy()
  }
}
