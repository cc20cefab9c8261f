/**
 * Hand-tuned synchronous SHA-512 (and SHA-384, which differs only in its initial value and output
 * length) for the secret cracker. JavaScript has no fast 64-bit integers, so every 64-bit word is a
 * pair of Int32 halves stored interleaved (`[hi0, lo0, hi1, lo1, …]`); low-half sums are taken in
 * doubles (exact below 2^53) to get the carry without branches.
 */

const TWO32 = 4294967296

/** SHA-512 round constants (FIPS 180-4 §4.2.3), interleaved hi/lo. */
const SHA512_K: Int32Array = Int32Array.from([
  0x428a2f98, 0xd728ae22, 0x71374491, 0x23ef65cd, 0xb5c0fbcf, 0xec4d3b2f, 0xe9b5dba5, 0x8189dbbc,
  0x3956c25b, 0xf348b538, 0x59f111f1, 0xb605d019, 0x923f82a4, 0xaf194f9b, 0xab1c5ed5, 0xda6d8118,
  0xd807aa98, 0xa3030242, 0x12835b01, 0x45706fbe, 0x243185be, 0x4ee4b28c, 0x550c7dc3, 0xd5ffb4e2,
  0x72be5d74, 0xf27b896f, 0x80deb1fe, 0x3b1696b1, 0x9bdc06a7, 0x25c71235, 0xc19bf174, 0xcf692694,
  0xe49b69c1, 0x9ef14ad2, 0xefbe4786, 0x384f25e3, 0x0fc19dc6, 0x8b8cd5b5, 0x240ca1cc, 0x77ac9c65,
  0x2de92c6f, 0x592b0275, 0x4a7484aa, 0x6ea6e483, 0x5cb0a9dc, 0xbd41fbd4, 0x76f988da, 0x831153b5,
  0x983e5152, 0xee66dfab, 0xa831c66d, 0x2db43210, 0xb00327c8, 0x98fb213f, 0xbf597fc7, 0xbeef0ee4,
  0xc6e00bf3, 0x3da88fc2, 0xd5a79147, 0x930aa725, 0x06ca6351, 0xe003826f, 0x14292967, 0x0a0e6e70,
  0x27b70a85, 0x46d22ffc, 0x2e1b2138, 0x5c26c926, 0x4d2c6dfc, 0x5ac42aed, 0x53380d13, 0x9d95b3df,
  0x650a7354, 0x8baf63de, 0x766a0abb, 0x3c77b2a8, 0x81c2c92e, 0x47edaee6, 0x92722c85, 0x1482353b,
  0xa2bfe8a1, 0x4cf10364, 0xa81a664b, 0xbc423001, 0xc24b8b70, 0xd0f89791, 0xc76c51a3, 0x0654be30,
  0xd192e819, 0xd6ef5218, 0xd6990624, 0x5565a910, 0xf40e3585, 0x5771202a, 0x106aa070, 0x32bbd1b8,
  0x19a4c116, 0xb8d2d0c8, 0x1e376c08, 0x5141ab53, 0x2748774c, 0xdf8eeb99, 0x34b0bcb5, 0xe19b48a8,
  0x391c0cb3, 0xc5c95a63, 0x4ed8aa4a, 0xe3418acb, 0x5b9cca4f, 0x7763e373, 0x682e6ff3, 0xd6b2b8a3,
  0x748f82ee, 0x5defb2fc, 0x78a5636f, 0x43172f60, 0x84c87814, 0xa1f0ab72, 0x8cc70208, 0x1a6439ec,
  0x90befffa, 0x23631e28, 0xa4506ceb, 0xde82bde9, 0xbef9a3f7, 0xb2c67915, 0xc67178f2, 0xe372532b,
  0xca273ece, 0xea26619c, 0xd186b8c7, 0x21c0c207, 0xeada7dd6, 0xcde0eb1e, 0xf57d4f7f, 0xee6ed178,
  0x06f067aa, 0x72176fba, 0x0a637dc5, 0xa2c898a6, 0x113f9804, 0xbef90dae, 0x1b710b35, 0x131c471b,
  0x28db77f5, 0x23047d84, 0x32caab7b, 0x40c72493, 0x3c9ebe0a, 0x15c9bebc, 0x431d67c4, 0x9c100d4c,
  0x4cc5d4be, 0xcb3e42b6, 0x597f299c, 0xfc657e2a, 0x5fcb6fab, 0x3ad6faec, 0x6c44198c, 0x4a475817,
])

/** SHA-512 initial hash value (FIPS 180-4 §5.3.5), interleaved hi/lo. */
export const SHA512_IV: Int32Array = Int32Array.from([
  0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1,
  0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f, 0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179,
])

/** SHA-384 initial hash value (FIPS 180-4 §5.3.4), interleaved hi/lo. */
export const SHA384_IV: Int32Array = Int32Array.from([
  0xcbbb9d5d, 0xc1059ed8, 0x629a292a, 0x367cd507, 0x9159015a, 0x3070dd17, 0x152fecd8, 0xf70e5939,
  0x67332667, 0xffc00b31, 0x8eb44a87, 0x68581511, 0xdb0c2e0d, 0x64f98fa7, 0x47b5481d, 0xbefa4fa4,
])

/**
 * Expands the 16 block words in `w[0..31]` (hi/lo pairs) into the full 80-word schedule in `w`
 * and stores `K[t] + W[t]` at `kw[off + 2t]` (hi) and `kw[off + 2t + 1]` (lo).
 */
export function sha512ScheduleKW(w: Int32Array, kw: Int32Array, off: number): void {
  for (let t = 16; t < 80; t++) {
    const xh = w[2 * (t - 15)]!, xl = w[2 * (t - 15) + 1]!
    const yh = w[2 * (t - 2)]!, yl = w[2 * (t - 2) + 1]!
    const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7)
    const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25))
    const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6)
    const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26))
    const lo = (s0l >>> 0) + (s1l >>> 0) + (w[2 * (t - 7) + 1]! >>> 0) + (w[2 * (t - 16) + 1]! >>> 0)
    w[2 * t] = (s0h + s1h + w[2 * (t - 7)]! + w[2 * (t - 16)]! + ((lo / TWO32) | 0)) | 0
    w[2 * t + 1] = lo | 0
  }
  for (let i = 0; i < 160; i += 2) {
    const lo = (w[i + 1]! >>> 0) + (SHA512_K[i + 1]! >>> 0)
    kw[off + i] = (w[i]! + SHA512_K[i]! + ((lo / TWO32) | 0)) | 0
    kw[off + i + 1] = lo | 0
  }
}

/**
 * One compression with a precomputed `K + W` schedule at `kw[off..off+159]` (hi/lo pairs),
 * updating the interleaved state `st[0..15]`.
 */
export function sha512CompressKW(st: Int32Array, kw: Int32Array, off: number): void {
  let ah = st[0]!, al = st[1]!, bh = st[2]!, bl = st[3]!, ch = st[4]!, cl = st[5]!, dh = st[6]!, dl = st[7]!
  let eh = st[8]!, el = st[9]!, fh = st[10]!, fl = st[11]!, gh = st[12]!, gl = st[13]!, hh = st[14]!, hl = st[15]!
  for (let i = off, stop = off + 160; i < stop; i += 2) {
    const S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23))
    const S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23))
    const chh = gh ^ (eh & (fh ^ gh))
    const chl = gl ^ (el & (fl ^ gl))
    const t1lo = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (kw[i + 1]! >>> 0)
    const t1h = (hh + S1h + chh + kw[i]! + ((t1lo / TWO32) | 0)) | 0
    const t1l = t1lo | 0
    const S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25))
    const S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25))
    const mjh = (ah & bh) | (ch & (ah | bh))
    const mjl = (al & bl) | (cl & (al | bl))
    hh = gh; hl = gl
    gh = fh; gl = fl
    fh = eh; fl = el
    const elo = (dl >>> 0) + (t1l >>> 0)
    eh = (dh + t1h + ((elo / TWO32) | 0)) | 0
    el = elo | 0
    dh = ch; dl = cl
    ch = bh; cl = bl
    bh = ah; bl = al
    const alo = (t1l >>> 0) + (S0l >>> 0) + (mjl >>> 0)
    ah = (t1h + S0h + mjh + ((alo / TWO32) | 0)) | 0
    al = alo | 0
  }
  addState(st, 0, ah, al)
  addState(st, 2, bh, bl)
  addState(st, 4, ch, cl)
  addState(st, 6, dh, dl)
  addState(st, 8, eh, el)
  addState(st, 10, fh, fl)
  addState(st, 12, gh, gl)
  addState(st, 14, hh, hl)
}

function addState(st: Int32Array, i: number, h: number, l: number): void {
  const lo = (st[i + 1]! >>> 0) + (l >>> 0)
  st[i] = (st[i]! + h + ((lo / TWO32) | 0)) | 0
  st[i + 1] = lo | 0
}
